package auth

import (
	"testing"

	"github.com/clerkgo/clerk/auth/internal/jwt"
)

// BenchmarkParseToken measures everything but the RSA check: splitting,
// base64, the JSON walk and building SessionClaims.
func BenchmarkParseToken(b *testing.B) {
	_, tok := benchSetup(b, Config{})
	b.ReportAllocs()
	for b.Loop() {
		var t jwt.Token
		if err := t.Parse(tok); err != nil {
			b.Fatal(err)
		}
		if _, err := newSessionClaims(&t.Claims, t.Payload); err != nil {
			b.Fatal(err)
		}
	}
}
