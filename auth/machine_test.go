package auth

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/jarcoal/httpmock"
)

const mockBase = "https://api.clerk.test/v1"

// machineVerifier builds a verifier whose Client talks to mt.
func machineVerifier(t *testing.T, mt *httpmock.MockTransport, cfg Config) *Verifier {
	t.Helper()
	c, err := clerk.NewClient("sk_test_machine", clerk.WithBaseURL(mockBase),
		clerk.WithHTTPClient(&http.Client{Transport: mt}), clerk.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Client = c
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = fixedNow
	}
	v, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestVerifyMachineTokenOpaque(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		token      string
		path       string
		field      string
		secret     string
		wantAuthz  string
		status     int
		body       string
		want       MachineAuth
		wantReason Reason
	}{
		{
			name: "api key", token: "ak_live_abc", path: "/api_keys/verify", field: "secret",
			wantAuthz: "Bearer sk_test_machine", status: 200,
			body: `{"object":"api_key","id":"ak_1","type":"api_key","subject":"user_1","name":"CI","scopes":["read"],"claims":{"team":"a"},"revoked":false,"expired":false,"expiration":1777777777}`,
			want: MachineAuth{TokenType: APIKey, ID: "ak_1", Subject: "user_1", Name: "CI", Scopes: []string{"read"}, UserID: "user_1",
				Claims: map[string]any{"team": "a"}, Expiration: time.Unix(1777777777, 0).UTC()},
		},
		{
			name: "m2m with machine secret", token: "mt_abc", path: "/m2m_tokens/verify", field: "token",
			secret: "ak_machine_secret", wantAuthz: "Bearer ak_machine_secret", status: 200,
			body: `{"object":"machine_to_machine_token","id":"mt_1","subject":"mch_1","scopes":["mch_2"],"revoked":false,"expired":false,"expiration":1777777777000}`,
			want: MachineAuth{TokenType: M2MToken, ID: "mt_1", Subject: "mch_1", Scopes: []string{"mch_2"}, MachineID: "mch_1", Expiration: time.Unix(1777777777, 0).UTC()},
		},
		{
			name: "oauth", token: "oat_abc", path: "/oauth_applications/access_tokens/verify", field: "access_token",
			wantAuthz: "Bearer sk_test_machine", status: 200,
			body: `{"object":"clerk_idp_oauth_access_token","id":"oat_1","client_id":"client_1","subject":"user_9","scopes":["email"],"revoked":false,"expired":false,"expiration":null}`,
			want: MachineAuth{TokenType: OAuthToken, ID: "oat_1", ClientID: "client_1", Subject: "user_9", Scopes: []string{"email"}, UserID: "user_9"},
		},
		{name: "org api key", token: "ak_x", path: "/api_keys/verify", field: "secret", wantAuthz: "Bearer sk_test_machine", status: 200,
			body: `{"id":"ak_2","subject":"org_5"}`, want: MachineAuth{TokenType: APIKey, ID: "ak_2", Subject: "org_5", OrgID: "org_5"}},
		{name: "401", token: "ak_x", path: "/api_keys/verify", field: "secret", wantAuthz: "Bearer sk_test_machine", status: 401, body: `{"errors":[{"code":"x"}]}`, wantReason: ReasonSecretKeyInvalid},
		{name: "404", token: "mt_x", path: "/m2m_tokens/verify", field: "token", wantAuthz: "Bearer sk_test_machine", status: 404, body: `{"errors":[{"code":"not_found"}]}`, wantReason: ReasonTokenInvalid},
		{name: "500", token: "oat_x", path: "/oauth_applications/access_tokens/verify", field: "access_token", wantAuthz: "Bearer sk_test_machine", status: 500, body: `{}`, wantReason: ReasonUnexpectedError},
		{name: "revoked", token: "ak_x", path: "/api_keys/verify", field: "secret", wantAuthz: "Bearer sk_test_machine", status: 200, body: `{"id":"ak_1","revoked":true}`, wantReason: ReasonTokenInvalid},
		{name: "inactive jwt", token: "oat_x", path: "/oauth_applications/access_tokens/verify", field: "access_token", wantAuthz: "Bearer sk_test_machine", status: 200, body: `{"active":false}`, wantReason: ReasonTokenExpired},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mt := httpmock.NewMockTransport()
			mt.RegisterResponder(http.MethodPost, mockBase+tc.path, func(r *http.Request) (*http.Response, error) {
				var body map[string]string
				if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body[tc.field] != tc.token || len(body) != 1 {
					return httpmock.NewStringResponse(400, `{"errors":[{"code":"bad_body"}]}`), nil
				}
				if got := r.Header.Get("Authorization"); got != tc.wantAuthz {
					return httpmock.NewStringResponse(403, `{"errors":[{"code":"wrong_authz"}]}`), nil
				}
				resp := httpmock.NewStringResponse(tc.status, tc.body)
				resp.Header.Set("Content-Type", "application/json")
				return resp, nil
			})
			v := machineVerifier(t, mt, Config{MachineSecretKey: tc.secret})
			m, err := v.VerifyMachineToken(context.Background(), tc.token)
			if tc.wantReason != "" {
				var te *TokenError
				if !errors.As(err, &te) || te.Reason != tc.wantReason {
					t.Fatalf("err = %v, want %s", err, tc.wantReason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			assertMachine(t, m, &tc.want)
			if n := mt.GetTotalCallCount(); n != 1 {
				t.Fatalf("calls = %d, want 1", n)
			}
		})
	}
}

func assertMachine(t *testing.T, got, want *MachineAuth) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Fatalf("MachineAuth\n got %s\nwant %s", g, w)
	}
}

func TestVerifyMachineTokenJWT(t *testing.T) {
	t.Parallel()
	key := testKey()
	m2mClaims := map[string]any{"sub": "mch_1", "jti": "mt_9", "exp": testNow.Add(time.Minute).Unix(), "scopes": "mch_2 mch_3"}
	oauthClaims := map[string]any{"sub": "user_1", "jti": "oat_9", "client_id": "client_1", "exp": testNow.Add(time.Minute).Unix(), "scope": "email profile", "azp": "https://x"}
	tests := []struct {
		name       string
		token      string
		want       *MachineAuth
		wantReason Reason
	}{
		{name: "m2m jwt", token: mint(t, key, with(baseHeader(), "cat", m2mCategory), m2mClaims),
			want: &MachineAuth{TokenType: M2MToken, ID: "mt_9", Subject: "mch_1", Scopes: []string{"mch_2", "mch_3"}, MachineID: "mch_1"}},
		{name: "m2m jwt no cat", token: mint(t, key, baseHeader(), m2mClaims),
			want: &MachineAuth{TokenType: M2MToken, ID: "mt_9", Subject: "mch_1", Scopes: []string{"mch_2", "mch_3"}, MachineID: "mch_1"}},
		{name: "oauth jwt (azp ignored)", token: mint(t, key, with(baseHeader(), "typ", "at+jwt"), oauthClaims),
			want: &MachineAuth{TokenType: OAuthToken, ID: "oat_9", Subject: "user_1", ClientID: "client_1", Scopes: []string{"email", "profile"}, UserID: "user_1"}},
		{name: "m2m jwt other category", token: mint(t, key, with(baseHeader(), "cat", "cl_other"), m2mClaims), wantReason: ReasonTokenInvalid},
		{name: "expired oauth jwt", token: mint(t, key, with(baseHeader(), "typ", "application/at+jwt"), with(oauthClaims, "exp", testNow.Add(-time.Hour).Unix())), wantReason: ReasonTokenVerificationFailed},
		{name: "session token", token: mint(t, key, baseHeader(), baseClaims()), wantReason: ReasonTokenVerificationFailed},
		{name: "garbage", token: "hello", wantReason: ReasonTokenInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v := staticVerifier(t, Config{AuthorizedParties: []string{"https://app.example.com"}})
			m, err := v.VerifyMachineToken(context.Background(), tc.token)
			if tc.wantReason != "" {
				var te *TokenError
				if !errors.As(err, &te) || te.Reason != tc.wantReason {
					t.Fatalf("err = %v, want %s", err, tc.wantReason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			m.Claims, m.Expiration = nil, time.Time{}
			assertMachine(t, m, tc.want)
		})
	}
}

func TestVerifyMachineTokenWithoutClient(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{})
	if _, err := v.VerifyMachineToken(context.Background(), "ak_123"); !errors.Is(err, ErrUnexpectedError) {
		t.Fatalf("err = %v", err)
	}
}
