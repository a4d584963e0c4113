package auth

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"log/slog"
	"sync"
	"testing"
	"time"
)

// The RSA keys are generated once per test binary: generation is slow and
// the keys are never modified.
var (
	testKey  = sync.OnceValue(func() *rsa.PrivateKey { return mustKey(2048) })
	otherKey = sync.OnceValue(func() *rsa.PrivateKey { return mustKey(2048) })
)

// testNow is the fixed clock of the table tests.
var testNow = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return testNow }

func mustKey(bits int) *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		panic(err)
	}
	return k
}

// pemOf returns the SPKI PEM of a public key.
func pemOf(tb testing.TB, pub crypto.PublicKey) string {
	tb.Helper()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		tb.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}

// baseClaims returns valid session claims for testNow.
func baseClaims() map[string]any {
	return map[string]any{
		"sub": "user_123",
		"sid": "sess_123",
		"sts": "active",
		"azp": "https://app.example.com",
		"iss": "https://clerk.example.com",
		"exp": testNow.Add(time.Minute).Unix(),
		"nbf": testNow.Add(-10 * time.Second).Unix(),
		"iat": testNow.Add(-10 * time.Second).Unix(),
		"v":   2,
		"o":   map[string]any{"id": "org_1", "rol": "admin", "slg": "acme", "per": "read,manage", "fpm": "3,1"},
		"fea": "o:invoices,u:beta,o:reports",
		"pla": "o:pro",
	}
}

// baseHeader returns a valid session token header.
func baseHeader() map[string]any {
	return map[string]any{"alg": "RS256", "typ": "JWT", "kid": "ins_1"}
}

// mint signs header and claims with key (RS256).
func mint(tb testing.TB, key *rsa.PrivateKey, header, claims map[string]any) string {
	tb.Helper()
	h, err := json.Marshal(header)
	if err != nil {
		tb.Fatal(err)
	}
	c, err := json.Marshal(claims)
	if err != nil {
		tb.Fatal(err)
	}
	return mintRaw(tb, key, h, c)
}

// mintRaw signs raw header and payload bytes.
func mintRaw(tb testing.TB, key *rsa.PrivateKey, header, payload []byte) string {
	tb.Helper()
	in := base64.RawURLEncoding.EncodeToString(header) + "." + base64.RawURLEncoding.EncodeToString(payload)
	sum := sha256.Sum256([]byte(in))
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, sum[:])
	if err != nil {
		tb.Fatal(err)
	}
	return in + "." + base64.RawURLEncoding.EncodeToString(sig)
}

// with returns a copy of m with the given keys set (nil deletes).
func with(m map[string]any, kv ...any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		k := kv[i].(string)
		if kv[i+1] == nil {
			delete(out, k)
		} else {
			out[k] = kv[i+1]
		}
	}
	return out
}

// staticVerifier builds a networkless verifier on testKey.
func staticVerifier(tb testing.TB, cfg Config) *Verifier {
	tb.Helper()
	cfg.JWTKey = pemOf(tb, &testKey().PublicKey)
	if cfg.Now == nil {
		cfg.Now = fixedNow
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	v, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

// durationOf returns a pointer to d, for Config.ClockSkew.
func durationOf(d time.Duration) *time.Duration { return &d }
