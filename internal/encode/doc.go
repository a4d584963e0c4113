// Package encode turns a request description into the pieces of an HTTP
// request: the escaped path, the query string and the body bytes. Every
// check on caller input happens here, before any I/O.
package encode
