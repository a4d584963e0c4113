package clerktest

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const maxBody = 4 << 20

// serveHTTP records the request, applies latency and faults, checks the key
// and dispatches to a route.
func (e *Emulator) serveHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		writeError(w, fail(http.StatusBadRequest, "request_body_invalid", "could not read the request body", ""), 0)
		return
	}
	segs, inV1 := splitPath(r.URL.EscapedPath())
	var rt *route
	var params map[string]string
	if inV1 {
		rt, params = e.match(r.Method, segs)
	}
	keyOK := e.authorized(r, rt)

	e.mu.Lock()
	e.log = append(e.log, newRequest(r, body, keyOK))
	latency := e.latency
	injected, retryAfter := e.faults.take()
	e.mu.Unlock()

	if latency > 0 {
		t := time.NewTimer(latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	if injected != 0 {
		writeError(w, injectedError(injected), retryAfter)
		return
	}
	if !keyOK {
		writeError(w, keyError(r), 0)
		return
	}
	if !inV1 {
		writeError(w, notFound("route "+r.Method+" "+r.URL.Path), 0)
		return
	}
	if rt == nil {
		writeError(w, fail(http.StatusNotImplemented, "not_implemented",
			"not implemented by the emulator",
			r.Method+" "+r.URL.Path+" is not implemented by the clerktest emulator"), 0)
		return
	}
	if len(bytes.TrimSpace(body)) > 0 && !json.Valid(body) && !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		writeError(w, fail(http.StatusBadRequest, "malformed_request_body", "the request body is not valid JSON", ""), 0)
		return
	}
	c := &call{e: e, r: r, params: params, query: r.URL.Query(), body: body}
	e.mu.Lock()
	status, out, herr := rt.h(c)
	e.mu.Unlock()
	e.deliver(c.events)
	if herr != nil {
		ae, ok := herr.(*apiError)
		if !ok {
			ae = fail(http.StatusInternalServerError, "internal_clerk_error", "internal error", herr.Error())
		}
		writeError(w, ae, 0)
		return
	}
	writeJSON(w, status, out)
}

// authorized reports whether the request carries the emulator's secret key
// (or, on machine routes, its machine key).
func (e *Emulator) authorized(r *http.Request, rt *route) bool {
	tok, ok := bearer(r.Header.Get("Authorization"))
	if !ok {
		return false
	}
	if subtle.ConstantTimeCompare([]byte(tok), []byte(e.secretKey)) == 1 {
		return true
	}
	return rt != nil && rt.machine && subtle.ConstantTimeCompare([]byte(tok), []byte(e.machineKey)) == 1
}

func bearer(h string) (string, bool) {
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	return tok, tok != ""
}

func keyError(r *http.Request) *apiError {
	if r.Header.Get("Authorization") == "" {
		return fail(http.StatusUnauthorized, "authorization_header_missing",
			"Authorization header missing", "The Authorization header is missing: send your secret key as a Bearer token.")
	}
	return fail(http.StatusUnauthorized, "clerk_key_invalid",
		"The provided Clerk Secret Key is invalid.", "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, fail(http.StatusInternalServerError, "internal_clerk_error", "internal error", err.Error()), 0)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func writeError(w http.ResponseWriter, ae *apiError, retryAfter time.Duration) {
	trace := newTraceID()
	b, _ := json.Marshal(errorBody{Errors: []errorDetail{ae.detail}, TraceID: trace})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Clerk-Trace-Id", trace)
	if retryAfter > 0 {
		secs := int64((retryAfter + time.Second - 1) / time.Second)
		w.Header().Set("Retry-After", strconv.FormatInt(secs, 10))
	}
	w.WriteHeader(ae.status)
	_, _ = w.Write(b)
}
