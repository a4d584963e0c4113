package webhooks_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/webhooks"
)

// A receiving endpoint: verify, decode and handle user.created events.
func ExampleNewDispatcher() {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	v, err := webhooks.NewVerifier(secret)
	if err != nil {
		log.Fatal(err)
	}
	h := webhooks.NewDispatcher(v, webhooks.WithDeduplication(24*time.Hour, 10000))
	h.OnUserCreated(func(ctx context.Context, e *webhooks.Event, u *clerk.User) error {
		fmt.Println("welcome", u.ID)
		return nil
	})

	// Simulate a delivery from Clerk.
	body := `{"type":"user.created","object":"event","data":{"id":"user_123","object":"user"}}`
	now := time.Now()
	sig, _ := webhooks.Sign(secret, "msg_1", now, []byte(body))
	req := httptest.NewRequest(http.MethodPost, "/webhooks/clerk", strings.NewReader(body))
	req.Header.Set("svix-id", "msg_1")
	req.Header.Set("svix-timestamp", strconv.FormatInt(now.Unix(), 10))
	req.Header.Set("svix-signature", sig)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code)
	// Output:
	// welcome user_123
	// 204
}

// Verifying and decoding by hand, e.g. inside another framework.
func ExampleVerifier_VerifyRequest() {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	v, err := webhooks.NewVerifier(secret)
	if err != nil {
		log.Fatal(err)
	}
	body := `{"type":"organization.deleted","object":"event","data":{"object":"organization","id":"org_1","deleted":true}}`
	now := time.Now()
	sig, _ := webhooks.Sign(secret, "msg_2", now, []byte(body))
	req := httptest.NewRequest(http.MethodPost, "/webhooks/clerk", strings.NewReader(body))
	req.Header.Set("svix-id", "msg_2")
	req.Header.Set("svix-timestamp", strconv.FormatInt(now.Unix(), 10))
	req.Header.Set("svix-signature", sig)

	e, err := v.VerifyRequest(req)
	if err != nil {
		fmt.Println("rejected:", err)
		return
	}
	data, err := e.Decode()
	if err != nil {
		log.Fatal(err)
	}
	switch d := data.(type) {
	case *clerk.DeletedObject:
		fmt.Println(e.Type, *d.ID, d.Deleted)
	default:
		fmt.Printf("%s: %T\n", e.Type, d)
	}
	// Output:
	// organization.deleted org_1 true
}

// A tampered delivery is refused with a typed error.
func ExampleVerifier_Verify() {
	v, _ := webhooks.NewVerifier("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	h := http.Header{}
	h.Set("svix-id", "msg_3")
	h.Set("svix-timestamp", strconv.FormatInt(time.Now().Unix(), 10))
	h.Set("svix-signature", "v1,Zm9yZ2VkIHNpZ25hdHVyZSBmb3IgdGhlIGV4YW1wbGUhIQ==")
	err := v.Verify([]byte(`{"type":"user.deleted"}`), h)
	fmt.Println(err)
	// Output:
	// webhooks: no matching signature
}

// Replicas behind one endpoint share the de-duplication through a
// DedupStore (github.com/clerkgo/clerk/redisstore in production), so a
// delivery runs once across the fleet; here one in-memory store stands in.
func ExampleWithDedupStore() {
	v, _ := webhooks.NewVerifier("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	store := webhooks.NewMemoryDedupStore(0)
	runs := 0
	replicas := []*webhooks.Dispatcher{webhooks.NewDispatcher(v, webhooks.WithDedupStore(store)), webhooks.NewDispatcher(v, webhooks.WithDedupStore(store))}
	for _, r := range replicas {
		r.On(webhooks.UserCreated, func(context.Context, *webhooks.Event) error { runs++; return nil })
	}
	body := []byte(`{"type":"user.created","object":"event","data":{}}`)
	now := time.Now()
	sig, _ := webhooks.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_1", now, body)
	for _, r := range replicas {
		req := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(body))
		req.Header.Set("svix-id", "msg_1")
		req.Header.Set("svix-timestamp", strconv.FormatInt(now.Unix(), 10))
		req.Header.Set("svix-signature", sig)
		rec := httptest.NewRecorder()
		r.ServeHTTP(rec, req)
		fmt.Println(rec.Code)
	}
	fmt.Println("handler runs:", runs)
	// Output:
	// 204
	// 204
	// handler runs: 1
}
