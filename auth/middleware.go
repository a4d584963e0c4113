package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// ctxKey keys the Auth in a request context.
type ctxKey struct{}

// WithAuth returns a copy of ctx carrying a.
func WithAuth(ctx context.Context, a *Auth) context.Context {
	return context.WithValue(ctx, ctxKey{}, a)
}

// authContext is what context.WithValue(parent, ctxKey{}, &auth) would
// give, with the Auth (and the room for its lists) in the same allocation
// as the context. Middleware uses
// it for a signed-in session, the common case, and WithAuth otherwise. It
// exists for speed alone: it saves one allocation a request, 4-8 % of the
// middleware's time on a repeated token when paired against the same
// middleware using WithAuth, which BenchmarkMiddlewareVsCachedVerify needs
// to stay near its goal (see BENCHMARKS.md). Deadlines, cancellation and
// every other value are the parent's, as with WithValue.
type authContext struct {
	context.Context
	sessionAuth
}

// Value returns the Auth for ctxKey and defers every other key to the
// parent.
func (c *authContext) Value(key any) any {
	if _, ok := key.(ctxKey); ok {
		return &c.auth
	}
	return c.Context.Value(key)
}

// String names the context as context.WithValue's contexts do, without
// printing the Auth.
func (c *authContext) String() string {
	parent := fmt.Sprintf("%T", c.Context)
	if s, ok := c.Context.(fmt.Stringer); ok {
		parent = s.String()
	}
	return parent + ".WithValue(auth.ctxKey, *auth.Auth)"
}

// GoString is String, for the %#v verb.
func (c *authContext) GoString() string { return c.String() }

// FromContext returns the Auth stored by Middleware. It never returns nil:
// without Middleware it reports a signed-out Auth (session-token-missing).
func FromContext(ctx context.Context) *Auth {
	if a, ok := ctx.Value(ctxKey{}).(*Auth); ok && a != nil {
		return a
	}
	return missing()
}

// Middleware authenticates every request with v and stores the Auth in its
// context. It writes the headers of Clerk's protocol (Auth.Headers) to the
// response, as Clerk's Node middlewares do, and answers a handshake, or any
// state carrying a Location, with a 307 redirect instead of calling next.
// It never rejects a request otherwise; use Require for that.
func Middleware(v *Verifier) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			a, ac := v.authenticateRequest(r, true)
			redirect := a.Status == Handshake
			if len(a.Headers) > 0 { // none on a signed-in request: skip the map iteration
				for k, vs := range a.Headers {
					for _, x := range vs {
						w.Header().Add(k, x)
					}
				}
				redirect = redirect || a.Headers.Get("Location") != ""
			}
			if redirect {
				w.WriteHeader(http.StatusTemporaryRedirect)
				return
			}
			if ac != nil && a == &ac.auth {
				ac.Context = r.Context()
				next.ServeHTTP(w, r.WithContext(ac))
				return
			}
			next.ServeHTTP(w, r.WithContext(WithAuth(r.Context(), a)))
		})
	}
}

// Require answers 401 (with WWW-Authenticate: Bearer) when the request's
// Auth is signed out, and 403 when it is signed in but fails one of the
// checks. A failed reverification check answers Clerk's reverification
// error body ({"clerk_error":{"type":"forbidden","reason":
// "reverification-error",...}}), which Clerk's frontend components turn
// into a reverification prompt. It reads the Auth stored by Middleware,
// which must run first.
func Require(checks ...Check) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			a := FromContext(r.Context())
			if !a.IsAuthenticated {
				w.Header().Set("WWW-Authenticate", `Bearer`)
				writeJSON(w, http.StatusUnauthorized, problem{Error: "unauthenticated", Reason: string(a.Reason)})
				return
			}
			for _, c := range checks {
				if a.Has(c) {
					continue
				}
				if c.kind == checkReverification && a.TokenType == SessionToken {
					writeJSON(w, http.StatusForbidden, c.hint())
					return
				}
				writeJSON(w, http.StatusForbidden, problem{Error: "forbidden"})
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// problem is the JSON body of a refusal.
type problem struct {
	Error  string `json:"error"`
	Reason string `json:"reason,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
