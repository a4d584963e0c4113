package session

import "testing"

// FuzzQueryRoundTrip checks that the form encoding of the redirect URL
// decodes back to the same parameters, and that cookie parsing never
// panics.
func FuzzQueryRoundTrip(f *testing.F) {
	f.Add("a=1&b=%20x&c=+&d", "__session=a; b")
	f.Add("%E2%9C%93=~*&&=", `x="y"; ;=;`)
	f.Fuzz(func(t *testing.T, q, cookie string) {
		_ = parseCookies(cookie)
		pairs := parseQuery(q)
		again := parseQuery(encodeForm(pairs))
		if len(again) != len(pairs) {
			t.Fatalf("%q: %d pairs, %d after a round trip", q, len(pairs), len(again))
		}
		for i := range pairs {
			if pairs[i] != again[i] && pairs[i].name != "" {
				t.Fatalf("%q: pair %d %q became %q", q, i, pairs[i], again[i])
			}
		}
	})
}
