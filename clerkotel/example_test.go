package clerkotel_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth"
	"github.com/clerkgo/clerk/clerkotel"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
	"github.com/clerkgo/clerk/webhooks"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// A service that calls the Backend API, authenticates its requests and
// receives Clerk's webhooks, all reported through one Observer. Here the
// Backend API is the clerktest emulator and the telemetry stays in memory;
// a real service passes its own providers (an OTLP exporter, say), or none
// to use the global ones.
func Example() {
	ctx := context.Background()
	emu := clerktest.New()
	defer emu.Close()

	spans := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(spans))
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	obs, err := clerkotel.New(clerkotel.WithTracerProvider(tp), clerkotel.WithMeterProvider(mp))
	if err != nil {
		panic(err)
	}

	// The three places the SDK reports from.
	c := emu.Client(clerk.WithObserver(obs))
	verifier, err := auth.New(auth.Config{Client: c, Observer: obs})
	if err != nil {
		panic(err)
	}
	hooks, err := webhooks.NewVerifier(emu.WebhookSecret(), webhooks.WithObserver(obs))
	if err != nil {
		panic(err)
	}

	// The service: GET /me answers the signed-in user's name; POST
	// /webhooks takes Clerk's deliveries.
	svc := users.New(c)
	mux := http.NewServeMux()
	mux.Handle("GET /me", auth.Middleware(verifier)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a := auth.FromContext(r.Context())
		if !a.IsAuthenticated {
			http.Error(w, "sign in first", http.StatusUnauthorized)
			return
		}
		u, err := svc.Get(r.Context(), a.UserID)
		if err != nil {
			http.Error(w, "lookup failed", http.StatusBadGateway)
			return
		}
		fmt.Fprintln(w, u.GetFirstName())
	})))
	dispatcher := webhooks.NewDispatcher(hooks)
	dispatcher.On("user.created", func(context.Context, *webhooks.Event) error { return nil })
	mux.Handle("POST /webhooks", dispatcher)

	// A user signs in and asks who they are.
	u, err := svc.Create(ctx, &users.CreateParams{EmailAddress: clerk.Value([]string{"ada@example.com"}), FirstName: clerk.String("Ada")})
	if err != nil {
		panic(err)
	}
	token, err := emu.MintSessionToken(u.ID)
	if err != nil {
		panic(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/me", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	fmt.Print("GET /me: ", rec.Body.String())

	// Clerk delivers a webhook.
	body := []byte(`{"type":"user.created","object":"event","data":{"id":"` + u.ID + `","object":"user"}}`)
	sig, err := webhooks.Sign(emu.WebhookSecret(), "msg_1", time.Now(), body)
	if err != nil {
		panic(err)
	}
	req = httptest.NewRequest(http.MethodPost, "/webhooks", strings.NewReader(string(body)))
	req.Header.Set("svix-id", "msg_1")
	req.Header.Set("svix-timestamp", fmt.Sprint(time.Now().Unix()))
	req.Header.Set("svix-signature", sig)
	rec = httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	fmt.Println("POST /webhooks:", rec.Code)

	fmt.Println("spans:")
	for _, s := range spans.GetSpans() {
		fmt.Println(" ", s.Name)
	}
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(ctx, &rm); err != nil {
		panic(err)
	}
	var names []string
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			names = append(names, m.Name)
		}
	}
	slices.Sort(names)
	fmt.Println("metrics:", strings.Join(names, ", "))
	// Output:
	// GET /me: Ada
	// POST /webhooks: 204
	// spans:
	//   POST /users
	//   GET /jwks
	//   GET /users/{user_id}
	// metrics: clerk.auth.decisions, clerk.webhooks.deliveries, http.client.request.duration
}
