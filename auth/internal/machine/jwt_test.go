package machine

import (
	"errors"
	"reflect"
	"testing"

	"github.com/clerkgo/clerk/auth/internal/jwt"
	"github.com/clerkgo/clerk/auth/internal/reason"
)

func grantOf(t *testing.T, kind Kind, payload, audience string) (*Grant, error) {
	t.Helper()
	var c jwt.Claims
	if err := jwt.DecodeClaims(payload, &c); err != nil {
		t.Fatalf("%s: %v", payload, err)
	}
	return FromJWT(kind, &c, payload, audience)
}

func TestFromJWT(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind     Kind
		payload  string
		audience string
		scopes   []string
		claims   map[string]any
		refused  bool
	}{
		{kind: M2M, payload: `{"sub":"mch_1","jti":"mt_1","exp":2,"iat":1,"nbf":1,"iss":"x","scopes":"mch_2 mch_3","team":"ops"}`,
			scopes: []string{"mch_2", "mch_3"}, claims: map[string]any{"scopes": "mch_2 mch_3", "team": "ops"}},
		{kind: M2M, payload: `{"sub":"mch_1","exp":2,"aud":["mch_9"]}`, scopes: []string{"mch_9"}, claims: map[string]any{"aud": []any{"mch_9"}}},
		{kind: M2M, payload: `{"sub":"mch_1","exp":2,"iat":1,"jti":"mt_1"}`, scopes: []string{}},
		{kind: M2M, payload: `{"sub":"mch_1","scopes":null,"aud":"mch_4"}`, scopes: []string{"mch_4"}, claims: map[string]any{"aud": "mch_4", "scopes": nil}},
		{kind: M2M, payload: `{"sub":"mch_1","scopes":["mch_2"]}`, refused: true},
		{kind: M2M, payload: `{"sub":"mch_1","scopes":5}`, refused: true},
		{kind: OAuth, payload: `{"sub":"user_1","scp":["read","write"],"scope":"other"}`, scopes: []string{"read", "write"}},
		{kind: OAuth, payload: `{"sub":"user_1","scp":"read write"}`, scopes: []string{"read write"}},
		{kind: OAuth, payload: `{"sub":"user_1","scp":null,"scope":"read write"}`, scopes: []string{"read", "write"}},
		{kind: OAuth, payload: `{"sub":"user_1","aud":["api"]}`, audience: "api", scopes: []string{}},
		{kind: OAuth, payload: `{"sub":"user_1","aud":["other"]}`, audience: "api", refused: true},
		{kind: OAuth, payload: `{"sub":"user_1","aud":["api",""]}`, audience: "api", refused: true},
	}
	for _, tc := range tests {
		g, err := grantOf(t, tc.kind, tc.payload, tc.audience)
		if tc.refused {
			var re *reason.Error
			if !errors.As(err, &re) || re.Reason != reason.TokenVerificationFailed {
				t.Errorf("%s: %v, want token-verification-failed", tc.payload, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.payload, err)
			continue
		}
		if !reflect.DeepEqual(g.Scopes, tc.scopes) {
			t.Errorf("%s: scopes %q, want %q", tc.payload, g.Scopes, tc.scopes)
		}
		if tc.kind == M2M && !reflect.DeepEqual(g.Claims, tc.claims) {
			t.Errorf("%s: claims %v, want %v", tc.payload, g.Claims, tc.claims)
		}
	}
}
