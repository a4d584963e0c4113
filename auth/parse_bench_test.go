package auth

import "testing"

// BenchmarkParseToken measures everything but the RSA check: splitting,
// base64, the JSON walk and building SessionClaims.
func BenchmarkParseToken(b *testing.B) {
	_, tok := benchSetup(b, Config{})
	b.ReportAllocs()
	for b.Loop() {
		var t jws
		if err := t.parse(tok); err != nil {
			b.Fatal(err)
		}
		if _, err := newSessionClaims(&t.claims, t.payload); err != nil {
			b.Fatal(err)
		}
	}
}
