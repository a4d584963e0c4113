package clerktest_test

import (
	"testing"
	"time"

	"github.com/clerkgo/clerk/clerktest"
)

// TestInstanceSettingKnobs checks that the knobs change answers: password
// length, username length, required identifiers and the lockout duration.
func TestInstanceSettingKnobs(t *testing.T) {
	t.Parallel()
	s := clerktest.DefaultInstanceSettings()
	s.PasswordMinLength, s.UsernameMinLength, s.LockoutDuration = 12, 4, 30*time.Minute
	s.RequiredIdentifiers = []string{"email_address"}
	e := newEmu(t, clerktest.WithInstanceSettings(s))
	for _, tt := range []struct {
		body map[string]any
		code string
	}{
		{map[string]any{"email_address": []string{"a@example.com"}, "password": "eleven-char"}, "form_password_length_too_short"},
		{map[string]any{"email_address": []string{"a@example.com"}, "username": "abc"}, "form_username_invalid_length"},
		{map[string]any{"username": "abcd"}, "form_data_missing"},
	} {
		status, _, raw := send(t, e, "POST", "/users", tt.body)
		if code, _ := errCode(t, raw); status != 422 || code != tt.code {
			t.Errorf("%v: %d %s, want %s", tt.body, status, raw, tt.code)
		}
	}
	uid := createUser(t, e, map[string]any{"email_address": []string{"ok@example.com"}, "password": "twelve-chars"})
	if u := call(t, e, "POST", "/users/"+uid+"/lock", nil, 200); u["lockout_expires_in_seconds"] != 1800.0 {
		t.Errorf("lockout %v, want 1800", u["lockout_expires_in_seconds"])
	}
	s.PasswordMinLength = 4
	e.SetInstanceSettings(s)
	createUser(t, e, map[string]any{"email_address": []string{"short@example.com"}, "password": "four"})
	if got := e.InstanceSettings(); got.PasswordMinLength != 4 {
		t.Errorf("InstanceSettings %+v", got)
	}
}
