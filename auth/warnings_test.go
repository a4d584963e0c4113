package auth

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// logTo returns a Logger that writes into buf.
func logTo(buf *bytes.Buffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, nil))
}

func TestWarnsOnceForCookiesWithoutAuthorizedParties(t *testing.T) {
	t.Parallel()
	session := mint(t, testKey(), baseHeader(), baseClaims())
	cookie := "__session=" + session + "; __client_uat=" + strconv.FormatInt(testNow.Unix()-100, 10)
	run := func(cfg Config, cookie, authorization string, n int) string {
		var buf bytes.Buffer
		cfg.Logger = logTo(&buf)
		v := staticVerifier(t, cfg)
		for range n {
			r := httptest.NewRequest(http.MethodGet, "http://app.example.com/", nil)
			if cookie != "" {
				r.Header.Set("Cookie", cookie)
			}
			if authorization != "" {
				r.Header.Set("Authorization", authorization)
			}
			_, _ = v.AuthenticateRequest(r)
		}
		return buf.String()
	}
	if got := run(Config{}, cookie, "", 3); strings.Count(got, "without AuthorizedParties") != 1 {
		t.Errorf("cookie sessions without AuthorizedParties logged %q, want one warning", got)
	}
	if got := run(Config{AuthorizedParties: []string{"https://app.example.com"}}, cookie, "", 3); got != "" {
		t.Errorf("with AuthorizedParties: logged %q", got)
	}
	if got := run(Config{}, "", "Bearer "+session, 3); got != "" {
		t.Errorf("bearer tokens only: logged %q", got)
	}
	if got := run(Config{}, "", "", 3); got != "" {
		t.Errorf("requests without any token: logged %q", got)
	}
}

func TestWarnsForTheOldAPIKeyVariable(t *testing.T) {
	key := pemOf(t, &testKey().PublicKey)
	for _, tc := range []struct {
		apiKey, secretKey string
		warn              bool
	}{
		{apiKey: "sk_test_old", warn: true},
		{apiKey: "sk_test_old", secretKey: "sk_test_new"},
		{secretKey: "sk_test_new"},
	} {
		t.Setenv("CLERK_API_KEY", tc.apiKey)
		t.Setenv("CLERK_SECRET_KEY", tc.secretKey)
		var buf bytes.Buffer
		if _, err := New(Config{JWTKey: key, Logger: logTo(&buf)}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(buf.String(), "CLERK_API_KEY is set"); got != map[bool]int{true: 1, false: 0}[tc.warn] {
			t.Errorf("CLERK_API_KEY=%q CLERK_SECRET_KEY=%q: logged %q", tc.apiKey, tc.secretKey, buf.String())
		}
		if strings.Contains(buf.String(), "sk_test") {
			t.Errorf("the warning prints a key: %q", buf.String())
		}
	}
}

func TestEmptyAcceptsTokenAcceptsNothing(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{AcceptsToken: []TokenType{}})
	session := mint(t, testKey(), baseHeader(), baseClaims())
	for _, set := range []func(*http.Request){
		func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+session) },
		func(r *http.Request) {
			r.Header.Set("Cookie", "__session="+session+"; __client_uat="+strconv.FormatInt(testNow.Unix()-100, 10))
		},
		func(*http.Request) {},
	} {
		r := httptest.NewRequest(http.MethodGet, "http://app.example.com/", nil)
		set(r)
		if a, _ := v.AuthenticateRequest(r); a.IsAuthenticated || a.Reason != ReasonTokenTypeMismatch {
			t.Errorf("%v: authenticated %v, reason %s; want token-type-mismatch", r.Header, a.IsAuthenticated, a.Reason)
		}
	}
	if a, _ := staticVerifier(t, Config{}).AuthenticateRequest(func() *http.Request {
		r := httptest.NewRequest(http.MethodGet, "http://app.example.com/", nil)
		r.Header.Set("Authorization", "Bearer "+session)
		return r
	}()); !a.IsAuthenticated {
		t.Errorf("nil AcceptsToken refuses a session token: %s", a.Reason)
	}
}
