package clerktest_test

import "testing"

// TestRefreshSessionNeedsItsRefreshToken checks that refreshing a session
// takes the session's own refresh token (RefreshToken) and refuses any
// other, as Clerk refuses a rotating token that is not the client's.
func TestRefreshSessionNeedsItsRefreshToken(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	uid := createUser(t, e, map[string]any{"email_address": []string{"rf+clerk_test@example.com"}})
	sid := call(t, e, "POST", "/sessions", map[string]any{"user_id": uid}, 200)["id"].(string)
	other := call(t, e, "POST", "/sessions", map[string]any{"user_id": uid}, 200)["id"].(string)
	jwt := call(t, e, "POST", "/sessions/"+sid+"/tokens", nil, 200)["jwt"].(string)
	body := func(refresh string) map[string]any {
		return map[string]any{"expired_token": jwt, "refresh_token": refresh, "request_origin": "https://app.example"}
	}
	if got := call(t, e, "POST", "/sessions/"+sid+"/refresh", body(e.RefreshToken(sid)), 200); got["jwt"] == nil {
		t.Errorf("refresh: %v", got)
	}
	for name, refresh := range map[string]string{"bogus": "bogus", "another session's": e.RefreshToken(other)} {
		status, _, raw := send(t, e, "POST", "/sessions/"+sid+"/refresh", body(refresh))
		if code, _ := errCode(t, raw); status != 401 || code != "cookie_invalid_code" {
			t.Errorf("%s refresh token: %d %s", name, status, raw)
		}
	}
}
