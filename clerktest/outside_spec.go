package clerktest

import (
	"encoding/json"
	"net/http"
	"strings"
)

// Endpoints outside the 2025-11-10 spec that Clerk's clients still call.
// The spec lists /accountless_applications and /accountless_applications/complete
// as paths without operations, @clerk/backend creates keyless applications
// there without a secret key, and its session verify, email and
// beta-feature domain change methods call paths this version no longer
// documents. DELETE /invitations/{invitation_id} is newer than the spec:
// @clerk/backend documents it as removing an invitation of any status for
// good and answering a DeletedObject.

// accountlessApplication is what POST /accountless_applications answers:
// the keys of an application nobody has claimed yet. The emulator hands
// out its own keys, so a keyless setup talks to it.
type accountlessApplication struct {
	Object         string `json:"object"`
	PublishableKey string `json:"publishable_key"`
	SecretKey      string `json:"secret_key"`
	ClaimURL       string `json:"claim_url"`
	APIKeysURL     string `json:"api_keys_url"`
}

// outsideSpec answers a request to one of those endpoints and reports
// whether it did. Accountless applications need no key; the others are
// answered after the key check.
func (e *Emulator) outsideSpec(r *http.Request, segs []string, keyOK bool) (response, bool) {
	path := strings.Join(segs, "/")
	switch {
	case r.Method == http.MethodPost && (path == "accountless_applications" || path == "accountless_applications/complete"):
		b, _ := json.Marshal(accountlessApplication{Object: "accountless_application", PublishableKey: e.keys.publishable,
			SecretKey: e.keys.secret, ClaimURL: e.base + "/emulator-dashboard/claim", APIKeysURL: e.base + "/emulator-dashboard/api-keys"})
		return response{status: http.StatusOK, body: b}, true
	case !keyOK:
		return response{}, false
	case r.Method == http.MethodPost && len(segs) == 3 && segs[0] == "sessions" && segs[2] == "verify":
		return errorResponse(fail(http.StatusGone, "gone", "endpoint removed",
			"POST /v1/sessions/{session_id}/verify is not served in this API version: verify session tokens networklessly with the instance's JWKS."), 0), true
	case r.Method == http.MethodDelete && len(segs) == 2 && segs[0] == "invitations":
		return e.deleteInvitation(segs[1]), true
	case r.Method == http.MethodPost && (path == "email" || path == "beta_features/change_domain"):
		return errorResponse(fail(http.StatusNotFound, "resource_not_found", "not found",
			"POST /v1/"+path+" is not a public operation of this API version."), 0), true
	}
	return response{}, false
}

// deleteInvitation removes an instance invitation, whatever its status,
// and answers the DeletedObject; an unknown one is 404.
func (e *Emulator) deleteInvitation(id string) response {
	e.mu.Lock()
	_, ok := e.st.invitations[id]
	delete(e.st.invitations, id)
	e.mu.Unlock()
	if !ok {
		return errorResponse(notFound("invitation "+id), 0)
	}
	b, _ := json.Marshal(deleted("invitation", id))
	return response{status: http.StatusOK, body: b}
}
