// Package jwt decides what a Clerk token says before anyone trusts it: it
// splits a compact JWS, decodes its segments with strict base64url, reads
// the header and the claims (both of Clerk's claim formats), hashes the
// signing input, and parses RSA public keys; and it keeps each instance's
// JSON Web Key Set (KeySet): fetched through the Backend API, shared by
// concurrent callers (one fetch however many wait), refetched at most once
// per MinRefetch for an unknown kid, expired after KeysTTL, and kept for a
// grace period while every refresh fails. It checks no signature, time or
// audience: package auth does that, with crypto/rsa, on what this package
// decoded and the key it chose.
//
// The claims are read the way Clerk's JavaScript SDK reads them, because
// its verdicts are the oracle of auth's differential test: a claim of an
// unexpected JSON type is kept as present but unusable (the claim checks
// then refuse it after the signature, as Clerk does), numbers are read as
// JavaScript reads them (a float64; 1e400 is out of range, which the time
// checks refuse), a later duplicate key wins, a leading UTF-8 BOM is
// dropped, and JavaScript truthiness is recorded where Clerk's decision
// depends on it. That JavaScript-number reading lives in the small JSON
// scanner of scanner.go, which only DecodeHeader and DecodeClaims use;
// nothing else in the module reads JSON this way.
//
// Failures are *reason.Error values with Clerk's reason: token-invalid for a
// malformed token; jwk-kid-mismatch, jwk-remote-failed-to-load or
// secret-key-invalid for a key that cannot be had.
package jwt
