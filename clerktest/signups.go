package clerktest

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/signups"
)

// Sign-ups are started through the Frontend API, which the emulator does
// not serve: StartSignUp (or the control API's POST sign_ups) stands in for
// a user who began one, and the Backend API reads and updates it.

func (e *Emulator) signUpRoutes(t []route) []route {
	t = add(t, "GET", "/sign_ups/{id}", e.getSignUp)
	t = add(t, "PATCH", "/sign_ups/{id}", e.updateSignUp, "custom_action", "external_id")
	return t
}

// StartSignUp records an unfinished sign-up with emailAddress, as a user
// who began signing up through the Frontend API leaves it (the address
// given, not yet verified, the password still missing), and returns its
// ID. It sends no webhook: Clerk sends none for a sign-up attempt.
func (e *Emulator) StartSignUp(emailAddress string) (string, error) {
	addr := strings.TrimSpace(emailAddress)
	if !strings.Contains(addr, "@") {
		return "", fmt.Errorf("clerktest: start sign-up: %q is not an email address", addr)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	id := newID("sua")
	prepare := clerk.SignUpVerificationNextAction("needs_prepare")
	e.st.signUps.put(id, &clerk.SignUp{Object: "sign_up_attempt", ID: id, Status: "missing_requirements",
		RequiredFields: []string{"email_address", "password"}, OptionalFields: []string{"first_name", "last_name", "username"},
		MissingFields: []string{"password"}, UnverifiedFields: []string{"email_address"},
		Verifications: clerk.SignUpVerifications{EmailAddress: &clerk.SignUpVerification{NextAction: &prepare,
			SupportedStrategies: []string{"email_code"}}},
		EmailAddress: &addr, PublicMetadata: clerk.JSON("{}"), UnsafeMetadata: clerk.JSON("{}"), Locale: clerk.Null[string](),
		AbandonAt: e.ms() + (24 * time.Hour).Milliseconds()})
	return id, nil
}

func (e *Emulator) getSignUp(c *call) (int, any, error) {
	su, err := find(&e.st.signUps, c, "id", "sign up")
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, su, nil
}

// updateSignUp sets the two fields the Backend API may change on a
// sign-up: its external ID and whether a custom action completes it.
func (e *Emulator) updateSignUp(c *call) (int, any, error) {
	su, err := find(&e.st.signUps, c, "id", "sign up")
	if err != nil {
		return 0, nil, err
	}
	var p signups.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	cp := *su
	if id, ok := p.ExternalID.Get(); ok {
		cp.ExternalID = &id
	} else if p.ExternalID.IsNull() {
		cp.ExternalID = nil
	}
	if v, ok := p.CustomAction.Get(); ok {
		cp.CustomAction = v
	}
	e.st.signUps.put(cp.ID, &cp)
	return http.StatusOK, &cp, nil
}
