package clerktest_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clerkgo/clerk/clerktest"
)

type delivery struct {
	header http.Header
	body   []byte
}

// checkSignature recomputes the Svix HMAC of a delivery.
func checkSignature(t *testing.T, secret string, d delivery) {
	t.Helper()
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		t.Fatal(err)
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(d.header.Get("svix-id") + "." + d.header.Get("svix-timestamp") + "."))
	mac.Write(d.body)
	want := "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
	if d.header.Get("svix-signature") != want {
		t.Errorf("signature %q, want %q", d.header.Get("svix-signature"), want)
	}
}

func eventType(t *testing.T, body []byte) (string, map[string]any) {
	t.Helper()
	var ev struct {
		Type       string         `json:"type"`
		Object     string         `json:"object"`
		Timestamp  int64          `json:"timestamp"`
		InstanceID string         `json:"instance_id"`
		Data       map[string]any `json:"data"`
	}
	if err := json.Unmarshal(body, &ev); err != nil || ev.Object != "event" || ev.InstanceID == "" || ev.Timestamp == 0 {
		t.Fatalf("bad envelope %s", body)
	}
	return ev.Type, ev.Data
}

func TestWebhooksToCallbackAndURL(t *testing.T) {
	t.Parallel()
	secret := "whsec_" + base64.StdEncoding.EncodeToString([]byte("0123456789abcdef0123456789abcdef"))
	now := time.Unix(1_700_000_000, 0)
	e := newEmu(t, clerktest.WithWebhookSecret(secret), clerktest.WithNow(func() time.Time { return now }))
	var mu sync.Mutex
	var got, posted []delivery
	e.OnWebhookFunc(func(id string, h http.Header, body []byte) {
		if id != h.Get("svix-id") {
			t.Errorf("id %q vs header %q", id, h.Get("svix-id"))
		}
		mu.Lock()
		got = append(got, delivery{h, body})
		mu.Unlock()
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		posted = append(posted, delivery{r.Header.Clone(), b})
		mu.Unlock()
	}))
	defer srv.Close()
	e.OnWebhook(srv.URL)

	uid := createUser(t, e, map[string]any{"username": "hooked"})
	call(t, e, "PATCH", "/users/"+uid, map[string]any{"first_name": "H"}, 200)
	s := call(t, e, "POST", "/sessions", map[string]any{"user_id": uid}, 200)
	call(t, e, "POST", "/sessions/"+s["id"].(string)+"/revoke", nil, 200)
	org := call(t, e, "POST", "/organizations", map[string]any{"name": "Hooks", "created_by": uid}, 200)
	call(t, e, "PATCH", "/organizations/"+org["id"].(string), map[string]any{"name": "Hooks 2"}, 200)
	call(t, e, "DELETE", "/organizations/"+org["id"].(string)+"/memberships/"+uid, nil, 200)
	call(t, e, "DELETE", "/organizations/"+org["id"].(string), nil, 200)
	call(t, e, "DELETE", "/users/"+uid, nil, 200)
	call(t, e, "GET", "/users", nil, 200) // reads send nothing

	want := []string{"user.created", "user.updated", "session.created", "session.revoked", "organization.created",
		"organizationMembership.created", "organization.updated", "organizationMembership.deleted",
		"organization.deleted", "user.deleted"}
	flush(t, e)
	mu.Lock()
	defer mu.Unlock()
	for name, ds := range map[string][]delivery{"callback": got, "url": posted} {
		var types []string
		for _, d := range ds {
			typ, data := eventType(t, d.body)
			types = append(types, typ)
			checkSignature(t, secret, d)
			if d.header.Get("svix-timestamp") != "1700000000" {
				t.Errorf("timestamp %q", d.header.Get("svix-timestamp"))
			}
			if typ == "session.created" && data["user"].(map[string]any)["id"] != uid {
				t.Errorf("session event without user: %v", data)
			}
		}
		if !slices.Equal(types, want) {
			t.Errorf("%s got %v\nwant %v", name, types, want)
		}
	}
}

// TestDeleteUserCascades checks that deleting a user removes its sessions
// and memberships and emits an event for each, before user.deleted.
func TestDeleteUserCascades(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	uid := createUser(t, e, map[string]any{"username": "leaver"})
	org := call(t, e, "POST", "/organizations", map[string]any{"name": "Left", "created_by": uid}, 200)
	call(t, e, "POST", "/sessions", map[string]any{"user_id": uid}, 200)
	var mu sync.Mutex
	var types []string
	e.OnWebhookFunc(func(_ string, _ http.Header, body []byte) {
		typ, _ := eventType(t, body)
		mu.Lock()
		types = append(types, typ)
		mu.Unlock()
	})
	call(t, e, "DELETE", "/users/"+uid, nil, 200)
	flush(t, e)
	mu.Lock()
	defer mu.Unlock()
	if want := []string{"session.removed", "organizationMembership.deleted", "user.deleted"}; !slices.Equal(types, want) {
		t.Errorf("events %v, want %v", types, want)
	}
	if m := call(t, e, "GET", "/organizations/"+org["id"].(string)+"/memberships", nil, 200); m["total_count"] != 0.0 {
		t.Errorf("memberships left: %v", m["total_count"])
	}
}
