package conformance

import (
	"errors"
	"strings"
	"testing"
)

const allowlisted = `{"object":"allowlist_identifier","id":"alid_1","invitation_id":"inv_1","identifier":"a@example.com",
"identifier_type":"email_address","instance_id":"ins_1","created_at":1,"updated_at":1}`

func TestJudgeCheck(t *testing.T) {
	j := NewJudge(t)
	withoutInvitation := strings.Replace(allowlisted, `"invitation_id":"inv_1",`, "", 1)
	machine := `{"object":"machine","id":"mch_1","name":"m","instance_id":"ins_1","created_at":1,"updated_at":1,"scoped_machines":[]}`
	badEnum := strings.Replace(allowlisted, `"email_address",`, `"carrier_pigeon",`, 1)
	cases := []struct {
		name string
		x    Exchange
		want string // "" for a pass, else a part of the error
	}{
		{"a full answer", Exchange{"POST", "http://e/v1/allowlist_identifiers", 200, allowlisted}, ""},
		{"a field Clerk sends only with an invitation, missing", Exchange{"POST", "http://e/v1/allowlist_identifiers", 200, withoutInvitation}, ""},
		{"a field Clerk always sends, missing", Exchange{"GET", "http://e/v1/machines/mch_1", 200, machine}, "MachineWithoutScopedMachines.default_token_ttl"},
		{"a value outside the enum", Exchange{"POST", "http://e/v1/allowlist_identifiers", 200, badEnum}, "not as the spec says"},
		{"a bare list", Exchange{"GET", "http://e/v1/allowlist_identifiers", 200, "[" + allowlisted + "]"}, ""},
		{"a paginated list", Exchange{"GET", "http://e/v1/allowlist_identifiers?paginated=true", 200, `{"data":[` + allowlisted + `],"total_count":1}`}, ""},
		{"a bare list where a page was asked for", Exchange{"GET", "http://e/v1/allowlist_identifiers?paginated=true", 200, "[" + allowlisted + "]"}, "want {data, total_count}"},
		{"a paginated list whose schema is the envelope", Exchange{"GET", "http://e/v1/blocklist_identifiers?paginated=true", 200, `{"data":[],"total_count":0}`}, ""},
		{"a 401 where the spec leaves it out", Exchange{"POST", "http://e/m2m_tokens", 401, `{"errors":[{"code":"machine_secret_key_invalid","message":"m","long_message":"m"}]}`}, ""},
		{"a 401 without Clerk's error shape", Exchange{"POST", "http://e/m2m_tokens", 401, `{}`}, "error shape"},
		{"an undocumented status", Exchange{"GET", "http://e/v1/allowlist_identifiers", 400, `{"errors":[{"code":"x","message":"y"}]}`}, "answered 400 x"},
		{"an emulator-only code", Exchange{"GET", "http://e/v1/allowlist_identifiers", 401, `{"errors":[{"code":"emulator_param_not_implemented","message":"y"}]}`}, "its own error code"},
		{"a documented not-found", Exchange{"GET", "http://e/v1/users/user_1", 404, `{"errors":[{"code":"resource_not_found","message":"not found","long_message":"user user_1 not found"}]}`}, ""},
		{"the generic route-not-found", Exchange{"POST", "http://e/api_keys", 404, `{"errors":[{"code":"resource_not_found","message":"not found","long_message":"route POST /api_keys not found"}]}`}, "no such route"},
	}
	for _, c := range cases {
		err := j.Check(c.x)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: got %v, want an error containing %q", c.name, err, c.want)
		}
	}
	if err := j.Check(Exchange{"POST", "http://e/v1/email", 404, "{}"}); !errors.Is(err, ErrNotInSpec) {
		t.Errorf("a route outside the spec: %v", err)
	}
}

func TestCheckOutsideSpec(t *testing.T) {
	for _, c := range []struct {
		x    Exchange
		pass bool
	}{
		{Exchange{"POST", "http://e/v1/email", 410, `{"errors":[{"code":"gone","message":"gone"}]}`}, true},
		{Exchange{"POST", "http://e/v1/email", 404, `{"errors":[{"code":"resource_not_found","message":"not found","long_message":"POST /v1/email is not an operation"}]}`}, false},
		{Exchange{"POST", "http://e/v1/email", 200, `{}`}, false},
		{Exchange{"DELETE", "http://e/v1/invitations/inv_1", 200, `{"object":"invitation","id":"inv_1","deleted":true}`}, true},
		{Exchange{"DELETE", "http://e/v1/invitations/inv_1", 200, `{"object":"invitation","id":"inv_2","deleted":true}`}, false},
		{Exchange{"DELETE", "http://e/v1/invitations/inv_1", 200, `[]`}, false},
		{Exchange{"POST", "http://e/v1/email", 404, `not json`}, false},
		{Exchange{"POST", "http://e/v1/accountless_applications?source=x", 200, `{"object":"accountless_application","publishable_key":"pk_test_a","secret_key":"sk_test_b","claim_url":"https://c","api_keys_url":"https://k"}`}, true},
		{Exchange{"POST", "http://e/v1/accountless_applications/complete", 200, `{"object":"accountless_application","publishable_key":"pk_test_a","secret_key":"sk_test_b","claim_url":"","api_keys_url":"https://k"}`}, false},
		{Exchange{"POST", "http://e/v1/accountless_applications", 200, `{}`}, false},
	} {
		if err := CheckOutsideSpec(c.x); (err == nil) != c.pass {
			t.Errorf("%d %s: got %v, want pass %v", c.x.Status, c.x.Body, err, c.pass)
		}
	}
}

func TestJudgeCall(t *testing.T) {
	j := NewJudge(t)
	okX := Exchange{"POST", "http://e/v1/allowlist_identifiers", 200, allowlisted}
	errX := Exchange{"GET", "http://e/v1/users/user_1", 404, `{"errors":[{"code":"resource_not_found","message":"not found","long_message":"user user_1 not found"}]}`}
	threw := &Thrown{Name: "ClerkAPIResponseError", Status: 404, Errors: []ThrownError{{Code: "resource_not_found"}}}
	for _, c := range []struct {
		name string
		call Call
		pass bool
	}{
		{"a success", Call{Expect: "ok", Exchanges: []Exchange{okX}}, true},
		{"a documented error, expected", Call{Expect: "error", Threw: threw, Exchanges: []Exchange{errX}}, true},
		{"a documented error, not expected", Call{Expect: "ok", Threw: threw, Exchanges: []Exchange{errX}}, false},
		{"a success where Clerk refuses", Call{Expect: "error", Exchanges: []Exchange{okX}}, false},
		{"a client-side failure after a success", Call{Expect: "ok", Threw: &Thrown{Name: "Error", Message: "check failed"}, Exchanges: []Exchange{okX}}, false},
		{"no request, not local", Call{Expect: "ok", Threw: &Thrown{Name: "TypeError"}}, false},
		{"a local verification", Call{Expect: "ok", Local: true}, true},
		{"an answer that fails a check", Call{Expect: "error", Threw: threw, CheckFailed: "check failed: message", Exchanges: []Exchange{errX}}, false},
		{"a local refusal, expected", Call{Expect: "error", Local: true, Threw: &Thrown{Name: "TokenVerificationError"}}, true},
		{"a local acceptance where the client refuses", Call{Expect: "error", Local: true}, false},
	} {
		if err := j.Call(c.call); (err == nil) != c.pass {
			t.Errorf("%s: got %v, want pass %v", c.name, err, c.pass)
		}
	}
}

func TestJudgeCallErrorCode(t *testing.T) {
	j := NewJudge(t)
	errX := Exchange{"GET", "http://e/v1/users/user_1", 404, `{"errors":[{"code":"resource_not_found","message":"not found","long_message":"user user_1 not found"}]}`}
	threw := &Thrown{Name: "ClerkAPIResponseError", Status: 404}
	if err := j.Call(Call{Expect: "error:resource_not_found", Threw: threw, Exchanges: []Exchange{errX}}); err != nil {
		t.Errorf("the expected code: %v", err)
	}
	if err := j.Call(Call{Expect: "error:form_identifier_exists", Threw: threw, Exchanges: []Exchange{errX}}); err == nil {
		t.Error("another code passed")
	}
}
