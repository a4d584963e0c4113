package auth

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestVerifySessionTokenReasons(t *testing.T) {
	t.Parallel()
	key := testKey()
	good := mint(t, key, baseHeader(), baseClaims())
	hdr := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"RS256","typ":"JWT"}`))
	pay := base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"user_1"}`))
	sig := good[strings.LastIndexByte(good, '.')+1:]
	ap := Config{AuthorizedParties: []string{"https://app.example.com"}}
	tests := []struct {
		name   string
		cfg    Config
		token  string
		reason Reason
	}{
		{name: "two parts", token: hdr + "." + pay, reason: ReasonTokenInvalid},
		{name: "four parts", token: good + ".x", reason: ReasonTokenInvalid},
		{name: "bad alphabet", token: hdr + "." + pay + "+/." + sig, reason: ReasonTokenInvalid},
		{name: "newline in segment", token: hdr + "." + pay + "\n." + sig, reason: ReasonTokenInvalid},
		{name: "null header", token: base64.RawURLEncoding.EncodeToString([]byte("null")) + "." + pay + "." + sig, reason: ReasonTokenInvalidAlgorithm},
		{name: "array payload", token: hdr + "." + base64.RawURLEncoding.EncodeToString([]byte("[1]")) + "." + sig, reason: ReasonTokenInvalidSignature},
		{name: "payload trailing garbage", token: hdr + "." + base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"a"} x`)) + "." + sig, reason: ReasonTokenInvalid},
		{name: "m2m category", token: mint(t, key, with(baseHeader(), "cat", m2mCategory), baseClaims()), reason: ReasonTokenInvalid},
		{name: "typ not JWT", token: mint(t, key, with(baseHeader(), "typ", "at+jwt"), baseClaims()), reason: ReasonTokenInvalid},
		{name: "alg none", token: mint(t, key, with(baseHeader(), "alg", "none"), baseClaims()), reason: ReasonTokenInvalidAlgorithm},
		{name: "alg HS256", token: mint(t, key, with(baseHeader(), "alg", "HS256"), baseClaims()), reason: ReasonTokenInvalidAlgorithm},
		{name: "alg ES256", token: mint(t, key, with(baseHeader(), "alg", "ES256"), baseClaims()), reason: ReasonTokenInvalidAlgorithm},
		{name: "alg PS256", token: mint(t, key, with(baseHeader(), "alg", "PS256"), baseClaims()), reason: ReasonTokenInvalidAlgorithm},
		{name: "alg RS512", token: mint(t, key, with(baseHeader(), "alg", "RS512"), baseClaims()), reason: ReasonTokenVerificationFailed},
		{name: "other key", token: mint(t, otherKey(), baseHeader(), baseClaims()), reason: ReasonTokenInvalidSignature},
		{name: "forged expired", token: mint(t, otherKey(), baseHeader(), with(baseClaims(), "exp", testNow.Add(-time.Hour).Unix())), reason: ReasonTokenInvalidSignature},
		{name: "sub missing", token: mint(t, key, baseHeader(), with(baseClaims(), "sub", nil)), reason: ReasonTokenVerificationFailed},
		{name: "sub number", token: mint(t, key, baseHeader(), with(baseClaims(), "sub", 5)), reason: ReasonTokenVerificationFailed},
		{name: "aud mismatch", cfg: Config{Audience: "api"}, token: mint(t, key, baseHeader(), with(baseClaims(), "aud", "other")), reason: ReasonTokenVerificationFailed},
		{name: "azp missing", cfg: ap, token: mint(t, key, baseHeader(), with(baseClaims(), "azp", nil)), reason: ReasonTokenInvalidAuthorizedParties},
		{name: "azp other", cfg: ap, token: mint(t, key, baseHeader(), with(baseClaims(), "azp", "https://evil.example")), reason: ReasonTokenInvalidAuthorizedParties},
		{name: "iss mismatch", cfg: Config{Issuer: "https://other"}, token: good, reason: ReasonTokenInvalidIssuer},
		{name: "exp missing", token: mint(t, key, baseHeader(), with(baseClaims(), "exp", nil)), reason: ReasonTokenVerificationFailed},
		{name: "exp string", token: mint(t, key, baseHeader(), with(baseClaims(), "exp", "soon")), reason: ReasonTokenVerificationFailed},
		{name: "expired beyond skew", token: mint(t, key, baseHeader(), with(baseClaims(), "exp", testNow.Add(-5*time.Second).Unix())), reason: ReasonTokenExpired},
		{name: "expired no skew", cfg: Config{ClockSkew: durationOf(0)}, token: mint(t, key, baseHeader(), with(baseClaims(), "exp", testNow.Unix())), reason: ReasonTokenExpired},
		{name: "nbf future", token: mint(t, key, baseHeader(), with(baseClaims(), "nbf", testNow.Add(6*time.Second).Unix())), reason: ReasonTokenNotActiveYet},
		{name: "iat future", token: mint(t, key, baseHeader(), with(baseClaims(), "iat", testNow.Add(6*time.Second).Unix())), reason: ReasonTokenIatInTheFuture},
		{name: "fpm of another type", token: mint(t, key, baseHeader(), with(baseClaims(), "o", map[string]any{"id": "org_1", "per": "read", "fpm": 3})), reason: ReasonTokenInvalid},
		{name: "malformed fea", token: mint(t, key, baseHeader(), with(baseClaims(), "fea", "o:a,,u:b")), reason: ReasonTokenInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v := staticVerifier(t, tc.cfg)
			_, err := v.VerifySessionToken(context.Background(), tc.token)
			var te *TokenError
			if !errors.As(err, &te) {
				t.Fatalf("error = %v, want a *TokenError", err)
			}
			if te.Reason != tc.reason {
				t.Fatalf("reason = %s, want %s (%v)", te.Reason, tc.reason, err)
			}
			if !errors.Is(err, tc.reason.Sentinel()) {
				t.Fatalf("errors.Is(err, sentinel of %s) = false", tc.reason)
			}
		})
	}
}

func TestVerifySessionTokenAccepts(t *testing.T) {
	t.Parallel()
	key := testKey()
	tests := []struct {
		name  string
		cfg   Config
		token string
	}{
		{name: "v2 claims", token: mint(t, key, baseHeader(), baseClaims())},
		{name: "no typ", token: mint(t, key, with(baseHeader(), "typ", nil), baseClaims())},
		{name: "expired within skew", token: mint(t, key, baseHeader(), with(baseClaims(), "exp", testNow.Add(-4*time.Second).Unix()))},
		{name: "custom skew", cfg: Config{ClockSkew: durationOf(time.Minute)}, token: mint(t, key, baseHeader(), with(baseClaims(), "exp", testNow.Add(-30*time.Second).Unix()))},
		{name: "aud absent with Audience set", cfg: Config{Audience: "api"}, token: mint(t, key, baseHeader(), baseClaims())},
		{name: "aud list", cfg: Config{Audience: "api"}, token: mint(t, key, baseHeader(), with(baseClaims(), "aud", []string{"x", "api"}))},
		{name: "azp allowed", cfg: Config{AuthorizedParties: []string{"https://app.example.com"}}, token: mint(t, key, baseHeader(), baseClaims())},
		{name: "issuer", cfg: Config{Issuer: "https://clerk.example.com"}, token: mint(t, key, baseHeader(), baseClaims())},
		{name: "padded signature", token: mint(t, key, baseHeader(), baseClaims()) + "=="},
		{name: "padded payload", token: mintPadded(t, key)},
		{name: "fractional exp", token: mint(t, key, baseHeader(), with(baseClaims(), "exp", float64(testNow.Unix())+30.5))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v := staticVerifier(t, tc.cfg)
			c, err := v.VerifySessionToken(context.Background(), tc.token)
			if err != nil {
				t.Fatalf("VerifySessionToken: %v", err)
			}
			if c.Subject != "user_123" || c.SessionID != "sess_123" {
				t.Fatalf("claims = %+v", c)
			}
		})
	}
}

// mintPadded signs a token whose header and payload segments carry "="
// padding (the signature covers them as sent).
func mintPadded(t *testing.T, key *rsa.PrivateKey) string {
	t.Helper()
	h, _ := json.Marshal(baseHeader())
	c, _ := json.Marshal(baseClaims())
	in := base64.URLEncoding.EncodeToString(h) + "=." + base64.URLEncoding.EncodeToString(c) + "="
	sum := sha256.Sum256([]byte(in))
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, sum[:])
	if err != nil {
		t.Fatal(err)
	}
	return in + "." + base64.RawURLEncoding.EncodeToString(sig)
}

func TestJWTKeyForms(t *testing.T) {
	t.Parallel()
	p := pemOf(t, &testKey().PublicKey)
	body := strings.Join(strings.Split(p, "\n")[1:len(strings.Split(p, "\n"))-2], "\n")
	small := mustKey(1024)
	tests := []struct {
		name    string
		key     string
		wantErr bool
	}{
		{name: "armoured", key: p},
		{name: "bare base64", key: body},
		{name: "bare one line", key: strings.ReplaceAll(body, "\n", "")},
		{name: "garbage", key: "not a key", wantErr: true},
		{name: "1024-bit", key: pemOf(t, &small.PublicKey), wantErr: true},
		{name: "truncated", key: body[:100], wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := New(Config{JWTKey: tc.key})
			if (err != nil) != tc.wantErr {
				t.Fatalf("New error = %v, wantErr %v", err, tc.wantErr)
			}
		})
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	t.Parallel()
	key := pemOf(t, &testKey().PublicKey)
	const pk = "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k"
	sat := func(c Config) Config {
		c.Satellite, c.PublishableKey = true, pk
		if c.Domain == "" {
			c.Domain = "satellite.dev"
		}
		return c
	}
	for name, cfg := range map[string]Config{
		"neither JWTKey nor Client":   {},
		"negative skew":               {ClockSkew: durationOf(-time.Second)},
		"unknown token type":          {AcceptsToken: []TokenType{"cookie"}},
		"AnyToken with another":       {AcceptsToken: []TokenType{AnyToken, APIKey}},
		"malformed publishable key":   {PublishableKey: "pk_live_bm90IGEga2V5"},
		"secret key as publishable":   {PublishableKey: "sk_live_abc"},
		"domain with scheme":          {Domain: "https://satellite.dev"},
		"proxy URL scheme":            {ProxyURL: "ftp://proxy"},
		"satellite without key":       {Satellite: true, Domain: "satellite.dev"},
		"satellite without domain":    {Satellite: true, PublishableKey: pk},
		"satellite relative sign-in":  sat(Config{SignInURL: "/sign-in"}),
		"satellite same-host sign-in": sat(Config{SignInURL: "https://Satellite.dev/sign-in"}),
		"invalid org pattern":         {OrganizationSync: &OrganizationSync{OrganizationPatterns: []string{"/orgs/:"}}},
		"repeated org parameter":      {OrganizationSync: &OrganizationSync{PersonalAccountPatterns: []string{"/me/:rest*"}}},
	} {
		if name != "neither JWTKey nor Client" {
			cfg.JWTKey = key
		}
		if _, err := New(cfg); err == nil {
			t.Errorf("%s: New(%+v) = nil error", name, cfg)
		}
	}
	// What Clerk accepts and this package accepts too.
	for name, cfg := range map[string]Config{
		"JWTKey only":                    {JWTKey: key},
		"relative sign-in, no satellite": {JWTKey: key, SignInURL: "/sign-in"},
		"satellite other-host sign-in":   sat(Config{JWTKey: key, SignInURL: "https://accounts.example.com/sign-in"}),
		"empty AcceptsToken":             {JWTKey: key, AcceptsToken: []TokenType{}},
	} {
		if _, err := New(cfg); err != nil {
			t.Errorf("%s: New: %v", name, err)
		}
	}
}

func TestVerifierStringHidesSecrets(t *testing.T) {
	t.Parallel()
	v, err := New(Config{JWTKey: pemOf(t, &testKey().PublicKey), MachineSecretKey: "ak_supersecret"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{v.String(), v.GoString()} {
		if strings.Contains(s, "supersecret") {
			t.Fatalf("String leaks the secret: %s", s)
		}
	}
}
