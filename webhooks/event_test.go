package webhooks

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/clerkgo/clerk"
)

func TestParseAndDecode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		body    string
		wantErr error
		check   func(t *testing.T, e *Event)
	}{
		{
			name: "user.created", body: `{"type":"user.created","object":"event","instance_id":"ins_1","timestamp":1716883200,
				"event_attributes":{"http_request":{"client_ip":"1.2.3.4","user_agent":"ua"}},
				"data":{"id":"user_1","object":"user","first_name":null,"email_addresses":[{"id":"idn_1","email_address":"a@b.c","verification":{"status":"verified","strategy":"email_code","attempts":1,"expire_at":null}}]}}`,
			check: func(t *testing.T, e *Event) {
				u, err := e.UserCreated()
				if err != nil {
					t.Fatal(err)
				}
				if u.ID != "user_1" || u.FirstName != nil || len(u.EmailAddresses) != 1 || e.Attributes.HTTPRequest.ClientIP != "1.2.3.4" || e.InstanceID != "ins_1" {
					t.Fatalf("decoded %+v / %+v", u, e)
				}
				ver := u.EmailAddresses[0].Verification
				if ver == nil || ver.GetStatus() != "verified" || !ver.ExpireAt.IsNull() {
					t.Fatalf("verification = %+v", u.EmailAddresses[0].Verification)
				}
				if _, err := e.UserDeleted(); !errors.Is(err, ErrEventType) {
					t.Fatalf("UserDeleted() error = %v, want ErrEventType", err)
				}
				if v, err := e.Decode(); err != nil {
					t.Fatal(err)
				} else if _, ok := v.(*clerk.User); !ok {
					t.Fatalf("Decode() = %T, want *User", v)
				}
			},
		},
		{
			name: "unknown type keeps raw data", body: `{"type":"thing.invented","object":"event","data":{"x":[1,2]}}`,
			check: func(t *testing.T, e *Event) {
				v, err := e.Decode()
				raw, ok := v.(json.RawMessage)
				if err != nil || !ok || string(raw) != `{"x":[1,2]}` {
					t.Fatalf("Decode() = %#v, %v; want the raw data", v, err)
				}
			},
		},
		{
			name: "payload of wrong shape", body: `{"type":"user.created","data":{"id":5}}`,
			check: func(t *testing.T, e *Event) {
				if _, err := e.Decode(); !errors.Is(err, ErrInvalidPayload) {
					t.Fatalf("Decode() error = %v, want ErrInvalidPayload", err)
				}
				if _, err := e.UserCreated(); !errors.Is(err, ErrInvalidPayload) {
					t.Fatalf("UserCreated() error = %v, want ErrInvalidPayload", err)
				}
			},
		},
		{name: "not json", body: `{"type":`, wantErr: ErrInvalidPayload},
		{name: "no type", body: `{"data":{}}`, wantErr: ErrInvalidPayload},
		{name: "array", body: `[]`, wantErr: ErrInvalidPayload},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e, err := Parse([]byte(tt.body))
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Fatalf("Parse() error = %v, want %v", err, tt.wantErr)
			}
			if tt.check != nil {
				tt.check(t, e)
			}
		})
	}
}

func TestLegacyPaymentSourceNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, typ, data string
		check           func(t *testing.T, v any)
	}{
		{
			name: "payment attempt with payment_source", typ: PaymentAttemptUpdated,
			data: `{"id":"pa_1","payment_source":{"id":"cps_1","payment_method":"card","last4":"4242"}}`,
			check: func(t *testing.T, v any) {
				pa := v.(*clerk.PaymentAttempt)
				if pa.PaymentMethod.ID != "cps_1" || pa.PaymentMethod.PaymentType != "card" || pa.PaymentMethod.Last4 == nil || *pa.PaymentMethod.Last4 != "4242" {
					t.Fatalf("PaymentMethod = %+v", pa.PaymentMethod)
				}
			},
		},
		{
			name: "payment attempt with payment_method", typ: PaymentAttemptCreated,
			data: `{"id":"pa_1","payment_method":{"id":"cpm_2"}}`,
			check: func(t *testing.T, v any) {
				if pm := v.(*clerk.PaymentAttempt).PaymentMethod; pm.ID != "cpm_2" {
					t.Fatalf("PaymentMethod = %+v", pm)
				}
			},
		},
		{
			name: "both names: current wins", typ: PaymentAttemptCreated,
			data: `{"payment_source":{"id":"old"},"payment_method":{"id":"new"}}`,
			check: func(t *testing.T, v any) {
				if pm := v.(*clerk.PaymentAttempt).PaymentMethod; pm.ID != "new" {
					t.Fatalf("PaymentMethod = %+v", pm)
				}
			},
		},
		{
			name: "subscription with payment_source_id", typ: SubscriptionUpdated,
			data: `{"id":"sub_1","payment_source_id":"cps_9"}`,
			check: func(t *testing.T, v any) {
				s := v.(*clerk.Subscription)
				if s.GetPaymentMethodID() != "cps_9" {
					t.Fatalf("PaymentMethodID = %v", s.PaymentMethodID)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := &Event{Type: tt.typ, Data: json.RawMessage(tt.data)}
			v, err := e.Decode()
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, v)
			strict, err := strictDecode(tt.typ, []byte(tt.data))
			if err != nil {
				t.Fatalf("strict decode: %v", err)
			}
			tt.check(t, strict)
		})
	}
}

func TestRenameKeysLeavesOtherInputAlone(t *testing.T) {
	t.Parallel()
	names := map[string]string{"payment_source": "payment_method"}
	for _, in := range []string{`null`, `"payment_source"`, `{"a":1}`, `[{"payment_source":1}]`} {
		got, err := renameKeys([]byte(in), names)
		if err != nil || string(got) != in {
			t.Errorf("renameKeys(%s) = %s, %v; want input unchanged", in, got, err)
		}
	}
}

func TestEventTypeConstants(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, typ := range EventTypes() {
		if seen[typ] {
			t.Fatalf("duplicate event type %s", typ)
		}
		seen[typ] = true
		if newPayload(typ) == nil {
			t.Errorf("no payload type for %s", typ)
		}
	}
	if len(seen) != 45 || !seen[UserCreated] || !seen[SessionPending] || !seen[SubscriptionItemFreeTrialEnding] || !seen[OrganizationMembershipUpdated] {
		t.Fatalf("EventTypes() has %d types, missing expected ones", len(seen))
	}
}

// strictDecode decodes data into the payload for typ, failing on any field
// the Go type does not have.
func strictDecode(typ string, data []byte) (any, error) {
	v := newPayload(typ)
	target := v
	if s, ok := v.(interface {
		strictFields([]byte) (any, []byte, error)
	}); ok {
		var err error
		if target, data, err = s.strictFields(data); err != nil {
			return nil, err
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return v, dec.Decode(target)
}
