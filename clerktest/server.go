package clerktest

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
)

const maxBody = 4 << 20

// response is an answer ready to write.
type response struct {
	status     int
	body       []byte
	retryAfter time.Duration
	trace      string // Clerk-Trace-Id of an error answer
	// contentType is application/json unless set; an empty body has none.
	contentType string
}

// serveHTTP records the request, applies faults, checks the key and
// dispatches to a route or to the control API.
func (e *Emulator) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, ControlPrefix) {
		e.serveControl(w, r)
		return
	}
	if r.URL.Path == proxyHealthPath {
		e.serveProxyHealth(w, r)
		return
	}
	body, err := readBody(r)
	if err != nil {
		reply(w, errorResponse(invalidBody(), 0))
		return
	}
	segs, inV1 := splitPath(r.URL.EscapedPath())
	var rt *route
	var params map[string]string
	if inV1 {
		rt, params = e.routes.match(r.Method, segs)
	}
	keyOK := e.authorized(r, rt)
	rec := newRequest(r, body, keyOK)
	ef := e.faults.take(r.Method, segs)
	if ef.latency > 0 && !sleepCtx(r, ef.latency) {
		return
	}
	if f := ef.fault; f != nil {
		rec.Fault = f.Kind.String()
		switch f.Kind {
		case FaultStatus:
			e.finish(w, &rec, errorResponse(injectedError(f.Status), f.RetryAfter))
			return
		case FaultReset:
			e.reqLog.add(rec)
			resetConn(w)
			return
		}
	}
	ans := e.answer(r, rt, params, segs, inV1, keyOK, body)
	if f := ef.fault; f != nil {
		switch f.Kind {
		case FaultStatusAfterWrite:
			ans = errorResponse(injectedError(f.Status), f.RetryAfter)
		case FaultResetAfterWrite:
			e.reqLog.add(rec)
			resetConn(w)
			return
		case FaultTruncate:
			rec.Status = ans.status
			e.reqLog.add(rec)
			truncate(w, ans)
			return
		}
	}
	e.finish(w, &rec, ans)
}

// finish logs the request with its status, then writes the answer, so a
// client that has its answer always finds its request in the log.
func (e *Emulator) finish(w http.ResponseWriter, rec *Request, ans response) {
	rec.Status = ans.status
	e.reqLog.add(*rec)
	reply(w, ans)
}

// answer runs the route's handler, or explains why there is none.
func (e *Emulator) answer(r *http.Request, rt *route, params map[string]string, segs []string, inV1, keyOK bool, body []byte) response {
	if rt == nil && inV1 {
		if ans, ok := e.outsideSpec(r, segs, keyOK); ok {
			return ans
		}
	}
	if !keyOK {
		return errorResponse(keyError(r, rt), 0)
	}
	if !inV1 {
		return errorResponse(notFound("route "+r.Method+" "+r.URL.Path), 0)
	}
	if err := checkAPIVersion(r); err != nil {
		return errorResponse(err, 0)
	}
	if rt == nil {
		return errorResponse(e.noRoute(r.Method, segs), 0)
	}
	if len(bytes.TrimSpace(body)) > 0 && !json.Valid(body) && !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		return errorResponse(invalidBody(), 0)
	}
	c := &call{e: e, r: r, params: params, query: r.URL.Query(), body: body}
	if err := versionRefusal(rt, c); err != nil {
		return errorResponse(err, 0)
	}
	if err := checkParams(rt, c); err != nil {
		return errorResponse(err, 0)
	}
	switch {
	case rt.unlocked:
	case rt.read:
		e.mu.RLock()
	default:
		e.mu.Lock()
	}
	status, out, herr := rt.h(c)
	var raw []byte
	var merr error
	page, isHTML := out.(htmlPage)
	switch {
	case herr != nil || out == nil || status == http.StatusNoContent:
	case isHTML:
		raw = []byte(page)
	default:
		// Marshal under the lock: answers may share maps with the state.
		raw, merr = json.Marshal(out)
	}
	switch {
	case rt.unlocked:
	case rt.read:
		e.mu.RUnlock()
	default:
		e.mu.Unlock()
	}
	e.hooks.enqueue(c.events)
	if herr == nil && merr != nil {
		herr = merr
	}
	if herr != nil {
		ae, ok := herr.(*apiError)
		if !ok {
			ae = fail(http.StatusInternalServerError, "internal_clerk_error", "internal error", herr.Error())
		}
		return errorResponse(ae, 0)
	}
	ans := response{status: status, body: raw}
	if isHTML {
		ans.contentType = "text/html; charset=utf-8"
	}
	return ans
}

// noRoute is the answer for a path below /v1 no route matches: 501 for an
// operation of the spec the emulator does not implement, 405 for a spec
// path with another method, 404 for a path the spec does not have.
func (e *Emulator) noRoute(method string, segs []string) *apiError {
	path := "/v1/" + strings.Join(segs, "/")
	if rt, _ := e.routes.spec.match(method, segs); rt != nil {
		return fail(http.StatusNotImplemented, "not_implemented", "not implemented by the emulator",
			method+" "+path+" ("+rt.pattern+") is not implemented by the clerktest emulator")
	}
	for _, m := range []string{"GET", "POST", "PATCH", "PUT", "DELETE"} {
		if rt, _ := e.routes.spec.match(m, segs); rt != nil && m != method {
			return fail(http.StatusMethodNotAllowed, "method_not_allowed", "method not allowed",
				method+" "+path+" is not an operation of the Backend API")
		}
	}
	return fail(http.StatusNotFound, "resource_not_found", "not found",
		method+" "+path+" is not an operation of the Backend API")
}

// readBody reads at most maxBody bytes, sized by Content-Length when known.
func readBody(r *http.Request) ([]byte, error) {
	if r.ContentLength == 0 {
		return nil, nil
	}
	if r.ContentLength > 0 && r.ContentLength <= maxBody {
		buf := make([]byte, r.ContentLength)
		_, err := io.ReadFull(r.Body, buf)
		return buf, err
	}
	return io.ReadAll(io.LimitReader(r.Body, maxBody))
}

// sleepCtx waits d, or returns false when the client gives up first.
func sleepCtx(r *http.Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// resetConn aborts the connection with a TCP reset.
func resetConn(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}

// truncate writes the status line and headers announcing the whole body,
// then half of it, and closes the connection.
func truncate(w http.ResponseWriter, ans response) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	defer conn.Close()
	_, _ = buf.WriteString("HTTP/1.1 " + strconv.Itoa(ans.status) + " " + http.StatusText(ans.status) + "\r\n" +
		"Content-Type: application/json\r\nContent-Length: " + strconv.Itoa(len(ans.body)) + "\r\n\r\n")
	_, _ = buf.Write(ans.body[:len(ans.body)/2])
	_ = buf.Flush()
}

// authorized reports whether the request carries the emulator's secret key
// (or, on machine routes, its machine key).
func (e *Emulator) authorized(r *http.Request, rt *route) bool {
	tok, ok := bearer(r.Header.Get("Authorization"))
	if !ok {
		return false
	}
	if subtle.ConstantTimeCompare([]byte(tok), []byte(e.keys.secret)) == 1 {
		return rt == nil || !rt.machineOnly
	}
	if rt == nil || !rt.machine {
		return false
	}
	_, ok = e.machineBySecret(tok)
	return ok
}

func bearer(h string) (string, bool) {
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	return tok, tok != ""
}

func keyError(r *http.Request, rt *route) *apiError {
	if rt != nil && rt.machineOnly {
		// Clerk's own client tests show this answer to an instance key.
		return fail(http.StatusUnauthorized, "machine_secret_key_invalid",
			"The provided Machine Secret Key is invalid. Make sure that your Machine Secret Key is correct.",
			"The provided Machine Secret Key is invalid. Make sure that your Machine Secret Key is correct.")
	}
	if r.Header.Get("Authorization") == "" {
		return fail(http.StatusUnauthorized, "authorization_header_missing",
			"Authorization header missing", "The Authorization header is missing: send your secret key as a Bearer token.")
	}
	return fail(http.StatusUnauthorized, "clerk_key_invalid",
		"The provided Clerk Secret Key is invalid.", "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.")
}

// errorResponse renders a Clerk error envelope with a fresh trace ID.
func errorResponse(ae *apiError, retryAfter time.Duration) response {
	trace := newTraceID()
	b, _ := json.Marshal(errorBody{Errors: []clerk.ErrorDetail{ae.detail}, TraceID: trace})
	return response{status: ae.status, body: b, retryAfter: retryAfter, trace: trace}
}

// reply writes an answer with an exact Content-Length.
func reply(w http.ResponseWriter, ans response) {
	h := w.Header()
	switch {
	case ans.contentType != "":
		h["Content-Type"] = []string{ans.contentType}
	case len(ans.body) > 0:
		h["Content-Type"] = []string{"application/json"}
	}
	h["Content-Length"] = []string{strconv.Itoa(len(ans.body))}
	if ans.trace != "" {
		h["Clerk-Trace-Id"] = []string{ans.trace}
	}
	if ans.retryAfter > 0 {
		secs := int64((ans.retryAfter + time.Second - 1) / time.Second)
		h["Retry-After"] = []string{strconv.FormatInt(secs, 10)}
	}
	w.WriteHeader(ans.status)
	_, _ = w.Write(ans.body)
}

// writeJSON writes v as a JSON answer (the control API uses it).
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, fail(http.StatusInternalServerError, "internal_clerk_error", "internal error", err.Error()))
		return
	}
	reply(w, response{status: status, body: b})
}

// writeError writes a Clerk error answer.
func writeError(w http.ResponseWriter, ae *apiError) {
	reply(w, errorResponse(ae, 0))
}
