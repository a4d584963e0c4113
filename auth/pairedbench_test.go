package auth

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"
)

// pairedRatio runs base and subject once each in every iteration, so that
// both see the same machine load, alternating which goes first so that
// neither always runs on the other's warm caches, and reports their median
// times and the ratio of the medians (robust to the noise of a shared
// machine).
func pairedRatio(b *testing.B, base, subject func()) {
	b.Helper()
	var bs, ss []time.Duration
	timed := func(f func()) time.Duration {
		t0 := time.Now()
		f()
		return time.Since(t0)
	}
	for i := 0; b.Loop(); i++ {
		var db, ds time.Duration
		if i%2 == 0 {
			db = timed(base)
			ds = timed(subject)
		} else {
			ds = timed(subject)
			db = timed(base)
		}
		bs = append(bs, db)
		ss = append(ss, ds)
	}
	mb, ms := median(bs), median(ss)
	b.ReportMetric(float64(mb.Nanoseconds()), "baseline-ns/op")
	b.ReportMetric(float64(ms.Nanoseconds()), "subject-ns/op")
	b.ReportMetric(float64(ms)/float64(mb), "ratio")
}

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// BenchmarkMiddlewareVsCachedVerify pairs the middleware on a repeated
// bearer token with a cached VerifySessionToken of the same token. Goal:
// ratio <= 1.3.
func BenchmarkMiddlewareVsCachedVerify(b *testing.B) {
	v, tok := benchSetup(b, Config{})
	ctx := b.Context()
	h := Middleware(v)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	r := httptest.NewRequest(http.MethodGet, "/api/orders", nil)
	r.Header.Set("Authorization", "Bearer "+tok)
	w := httptest.NewRecorder()
	if _, err := v.VerifySessionToken(ctx, tok); err != nil {
		b.Fatal(err)
	}
	if a, _ := v.AuthenticateRequest(r); !a.IsAuthenticated {
		b.Fatalf("the benchmark token is refused: %s", a.Reason)
	}
	pairedRatio(b, func() {
		if _, err := v.VerifySessionToken(ctx, tok); err != nil {
			b.Fatal(err)
		}
	}, func() { h.ServeHTTP(w, r) })
}

// BenchmarkVerifyV2VsRSA pairs a bare rsa.VerifyPKCS1v15 with its SHA-256
// and the uncached verification of a token with v2 organization claims.
// Goal: ratio <= 1.10.
func BenchmarkVerifyV2VsRSA(b *testing.B) {
	v, tok := benchSetup(b, Config{CacheSize: -1})
	ctx := b.Context()
	base := bareRSA(b, tok)
	pairedRatio(b, base, func() {
		if _, err := v.VerifySessionToken(ctx, tok); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkHandshakeRedirectVsRSA measures deciding on and building the
// handshake redirect for an expired cookie session (its signature is
// checked first, as Clerk does), paired with one bare RSA check.
func BenchmarkHandshakeRedirectVsRSA(b *testing.B) {
	v, tok := benchSetup(b, Config{PublishableKey: benchPK})
	expired := mint(b, testKey(), baseHeader(), with(baseClaims(), "exp", testNow.Unix()-60))
	r := httptest.NewRequest(http.MethodGet, "http://app.example.com/dashboard?tab=1", nil)
	r.Header.Set("Accept", "text/html")
	r.Header.Set("Sec-Fetch-Dest", "document")
	r.Header.Set("Cookie", "__session="+expired+"; __client_uat=1")
	pairedRatio(b, bareRSA(b, tok), func() {
		if a, _ := v.AuthenticateRequest(r); a.Status != Handshake {
			b.Fatal(a.Reason)
		}
	})
}

// BenchmarkHandshakeResolveVsRSA measures the way back: verifying a
// __clerk_handshake token and the session token it carries (two RSA
// checks), paired with one bare RSA check.
func BenchmarkHandshakeResolveVsRSA(b *testing.B) {
	v, tok := benchSetup(b, Config{PublishableKey: benchPK, CacheSize: -1})
	hs := mint(b, testKey(), baseHeader(), map[string]any{"handshake": []string{"__session=" + tok + "; Path=/", "__client_uat=1; Path=/"}})
	r := httptest.NewRequest(http.MethodGet, "http://app.example.com/dashboard?__clerk_handshake="+hs, nil)
	r.Header.Set("Sec-Fetch-Dest", "document")
	pairedRatio(b, bareRSA(b, tok), func() {
		if a, _ := v.AuthenticateRequest(r); !a.IsAuthenticated {
			b.Fatal(a.Reason)
		}
	})
}
