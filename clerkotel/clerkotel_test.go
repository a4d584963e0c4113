package clerkotel_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/auth"
	"github.com/clerkgo/clerk/clerkotel"
	"github.com/clerkgo/clerk/clerktest"
	"github.com/clerkgo/clerk/users"
	"github.com/clerkgo/clerk/webhooks"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// harness is an Observer wired to an in-memory span exporter and a manual
// metric reader.
type harness struct {
	obs    *clerkotel.Observer
	spans  *tracetest.InMemoryExporter
	tp     *sdktrace.TracerProvider
	reader *sdkmetric.ManualReader
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	h := &harness{spans: tracetest.NewInMemoryExporter(), reader: sdkmetric.NewManualReader()}
	h.tp = sdktrace.NewTracerProvider(sdktrace.WithSyncer(h.spans))
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(h.reader))
	t.Cleanup(func() {
		_ = h.tp.Shutdown(context.Background())
		_ = mp.Shutdown(context.Background())
	})
	obs, err := clerkotel.New(clerkotel.WithTracerProvider(h.tp), clerkotel.WithMeterProvider(mp))
	if err != nil {
		t.Fatal(err)
	}
	h.obs = obs
	return h
}

// span returns the one ended span named name.
func (h *harness) span(t *testing.T, name string) tracetest.SpanStub {
	t.Helper()
	var found []tracetest.SpanStub
	for _, s := range h.spans.GetSpans() {
		if s.Name == name {
			found = append(found, s)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d spans named %q, want 1; spans: %v", len(found), name, spanNames(h.spans.GetSpans()))
	}
	return found[0]
}

func spanNames(spans tracetest.SpanStubs) []string {
	var names []string
	for _, s := range spans {
		names = append(names, s.Name)
	}
	return names
}

// metrics collects every metric, by name.
func (h *harness) metrics(t *testing.T) map[string]metricdata.Aggregation {
	t.Helper()
	var rm metricdata.ResourceMetrics
	if err := h.reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	out := map[string]metricdata.Aggregation{}
	for _, sm := range rm.ScopeMetrics {
		if sm.Scope.Name != clerkotel.ScopeName {
			t.Errorf("scope %q, want %q", sm.Scope.Name, clerkotel.ScopeName)
		}
		for _, m := range sm.Metrics {
			out[m.Name] = m.Data
		}
	}
	return out
}

// sum adds up the data points of a counter whose attributes include every
// one of want.
func sum(t *testing.T, data metricdata.Aggregation, want ...attribute.KeyValue) int64 {
	t.Helper()
	s, ok := data.(metricdata.Sum[int64])
	if !ok {
		t.Fatalf("%T is not an int64 sum", data)
	}
	var n int64
	for _, dp := range s.DataPoints {
		if hasAll(dp.Attributes, want) {
			n += dp.Value
		}
	}
	return n
}

// histogramCount counts the values recorded in a float64 histogram whose
// attributes include every one of want.
func histogramCount(t *testing.T, data metricdata.Aggregation, want ...attribute.KeyValue) uint64 {
	t.Helper()
	hist, ok := data.(metricdata.Histogram[float64])
	if !ok {
		t.Fatalf("%T is not a float64 histogram", data)
	}
	var n uint64
	for _, dp := range hist.DataPoints {
		if hasAll(dp.Attributes, want) {
			n += dp.Count
		}
	}
	return n
}

func hasAll(set attribute.Set, want []attribute.KeyValue) bool {
	for _, kv := range want {
		if v, ok := set.Value(kv.Key); !ok || v != kv.Value {
			return false
		}
	}
	return true
}

func attrMap(kvs []attribute.KeyValue) map[attribute.Key]attribute.Value {
	m := map[attribute.Key]attribute.Value{}
	for _, kv := range kvs {
		m[kv.Key] = kv.Value
	}
	return m
}

// everyValue is the text of every name and attribute the harness holds:
// span names, span and event attributes, status descriptions and metric
// data point attributes.
func (h *harness) everyValue(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	write := func(kvs []attribute.KeyValue) {
		for _, kv := range kvs {
			fmt.Fprintf(&b, "%s=%s\n", kv.Key, kv.Value.String())
		}
	}
	for _, s := range h.spans.GetSpans() {
		fmt.Fprintf(&b, "span %s %s\n", s.Name, s.Status.Description)
		write(s.Attributes)
		for _, e := range s.Events {
			b.WriteString(e.Name + "\n")
			write(e.Attributes)
		}
	}
	var rm metricdata.ResourceMetrics
	if err := h.reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			b.WriteString(m.Name + "\n")
			switch d := m.Data.(type) {
			case metricdata.Sum[int64]:
				for _, dp := range d.DataPoints {
					write(dp.Attributes.ToSlice())
				}
			case metricdata.Histogram[float64]:
				for _, dp := range d.DataPoints {
					write(dp.Attributes.ToSlice())
				}
			}
		}
	}
	return b.String()
}

// fixedWaitStore is a clerk.LimiterStore that makes every attempt wait a
// fixed time.
type fixedWaitStore struct{ wait time.Duration }

func (s fixedWaitStore) Reserve(context.Context, string, time.Duration, int) (time.Duration, error) {
	return s.wait, nil
}

func (fixedWaitStore) Pause(context.Context, string, time.Duration) error { return nil }

func TestClientSpansAndMetrics(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	emu := clerktest.New()
	defer emu.Close()
	c := emu.Client(clerk.WithObserver(h.obs), clerk.WithRetryWait(time.Millisecond, 2*time.Millisecond),
		clerk.WithRateLimit(clerk.RateLimit{Store: fixedWaitStore{wait: time.Millisecond}}))
	svc := users.New(c)
	ctx := t.Context()

	const email = "grace.hopper@example.com"
	u, err := svc.Create(ctx, &users.CreateParams{EmailAddress: clerk.Value([]string{email}), Password: clerk.String("correct horse battery staple")})
	if err != nil {
		t.Fatal(err)
	}
	// The next two requests fail: a 503, then a 429; the third succeeds.
	for _, status := range []int{503, 429} {
		if err := emu.InjectFault(clerktest.Fault{Count: 1, Kind: clerktest.FaultStatus, Status: status}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.Get(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.List(ctx, &users.ListParams{EmailAddress: []string{email}}); err != nil {
		t.Fatal(err)
	}
	_, err = svc.Get(ctx, "user_missing")
	var apiErr *clerk.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.TraceID == "" {
		t.Fatalf("Get of a missing user: %v, want a 404 with a trace ID", err)
	}

	// Three calls on the one route: the retried one and the 404.
	var got []tracetest.SpanStub
	for _, s := range h.spans.GetSpans() {
		if s.Name == "GET /users/{user_id}" {
			got = append(got, s)
		}
	}
	if len(got) != 2 {
		t.Fatalf("spans %v, want two GET /users/{user_id}", spanNames(h.spans.GetSpans()))
	}
	retried, missing := got[0], got[1]
	if retried.SpanKind != trace.SpanKindClient {
		t.Errorf("span kind %v, want client", retried.SpanKind)
	}
	a := attrMap(retried.Attributes)
	want := map[attribute.Key]attribute.Value{
		"http.request.method":       attribute.StringValue("GET"),
		"url.template":              attribute.StringValue("/users/{user_id}"),
		"server.address":            attribute.StringValue("127.0.0.1"),
		"http.response.status_code": attribute.IntValue(200),
		"http.request.resend_count": attribute.IntValue(2),
		"clerk.request.attempts":    attribute.IntValue(3),
		"clerk.api_version":         attribute.StringValue(clerk.APIVersion),
	}
	for k, v := range want {
		if a[k] != v {
			t.Errorf("retried span: %s = %v, want %v", k, a[k].String(), v.String())
		}
	}
	if p := a["server.port"].AsInt64(); p <= 0 {
		t.Errorf("server.port %d", p)
	}
	if _, ok := a["error.type"]; ok || retried.Status.Code == codes.Error {
		t.Errorf("a successful call has error.type %v, status %v", a["error.type"].String(), retried.Status)
	}
	var events []string
	for _, e := range retried.Events {
		ea := attrMap(e.Attributes)
		switch e.Name {
		case "clerk.retry":
			events = append(events, fmt.Sprintf("retry %d after %d", ea["http.request.resend_count"].AsInt64(), ea["http.response.status_code"].AsInt64()))
		case "clerk.rate_limiter.wait":
			if ea["clerk.wait"].AsFloat64() != 0.001 {
				t.Errorf("limiter wait %v s, want 0.001", ea["clerk.wait"].String())
			}
			events = append(events, "wait")
		}
	}
	if got, want := strings.Join(events, ", "), "wait, retry 1 after 503, wait, retry 2 after 429, wait"; got != want {
		t.Errorf("events %q, want %q", got, want)
	}

	m := attrMap(missing.Attributes)
	if m["http.response.status_code"].AsInt64() != 404 || m["error.type"].AsString() != "404" || m["clerk.trace_id"].AsString() != apiErr.TraceID {
		t.Errorf("404 span attributes %v", missing.Attributes)
	}
	if missing.Status.Code != codes.Error || missing.Status.Description != "404" {
		t.Errorf("404 span status %+v", missing.Status)
	}
	h.span(t, "POST /users")
	h.span(t, "GET /users")

	metrics := h.metrics(t)
	get := semconvGet()
	if n := histogramCount(t, metrics["http.client.request.duration"]); n != 4 {
		t.Errorf("http.client.request.duration counted %d calls, want 4", n)
	}
	if n := histogramCount(t, metrics["http.client.request.duration"], append(get, attribute.Int("http.response.status_code", 404), attribute.String("error.type", "404"))...); n != 1 {
		t.Errorf("duration of the 404: %d, want 1", n)
	}
	if n := sum(t, metrics["clerk.client.retries"], get...); n != 2 {
		t.Errorf("clerk.client.retries %d, want 2", n)
	}
	if n := sum(t, metrics["clerk.client.retries"], attribute.String("error.type", "503")); n != 1 {
		t.Errorf("retries caused by a 503: %d, want 1", n)
	}
	if n := sum(t, metrics["clerk.client.rate_limited"], get...); n != 1 {
		t.Errorf("clerk.client.rate_limited %d, want 1", n)
	}
	// Every attempt of the four calls waited for the limiter: 1 + 3 + 1 + 1.
	if n := histogramCount(t, metrics["clerk.client.rate_limiter.wait"]); n != 6 {
		t.Errorf("clerk.client.rate_limiter.wait counted %d waits, want 6", n)
	}

	everything := h.everyValue(t)
	for _, secret := range []string{emu.SecretKey(), u.ID, email, "grace.hopper", "correct horse", "?", "Injected"} {
		if strings.Contains(everything, secret) {
			t.Errorf("the telemetry holds %q:\n%s", secret, everything)
		}
	}
}

// semconvGet are the attributes of the GET /users/{user_id} calls.
func semconvGet() []attribute.KeyValue {
	return []attribute.KeyValue{attribute.String("http.request.method", "GET"), attribute.String("url.template", "/users/{user_id}")}
}

func TestAuthDecisions(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	emu := clerktest.New()
	defer emu.Close()
	c := emu.Client(clerk.WithObserver(h.obs))
	u, err := users.New(c).Create(t.Context(), &users.CreateParams{EmailAddress: clerk.Value([]string{"ada@example.com"})})
	if err != nil {
		t.Fatal(err)
	}
	token, err := emu.MintSessionToken(u.ID)
	if err != nil {
		t.Fatal(err)
	}
	v, err := auth.New(auth.Config{Client: c, Observer: h.obs})
	if err != nil {
		t.Fatal(err)
	}
	handler := auth.Middleware(v)(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	serve := func(authorization string) {
		// The request's own span, as an HTTP server instrumentation makes.
		ctx, span := h.tp.Tracer("server").Start(t.Context(), "GET /orders")
		r := httptest.NewRequestWithContext(ctx, http.MethodGet, "/orders?session="+token, nil)
		if authorization != "" {
			r.Header.Set("Authorization", authorization)
		}
		handler.ServeHTTP(httptest.NewRecorder(), r)
		span.End()
	}
	serve("Bearer " + token)
	serve("Bearer " + token)
	serve("Bearer " + token[:len(token)-4] + "AAAA")
	serve("")

	metrics := h.metrics(t)
	decisions := metrics["clerk.auth.decisions"]
	signedIn := []attribute.KeyValue{attribute.String("clerk.auth.outcome", "signed-in"), attribute.Bool("clerk.auth.authenticated", true), attribute.String("clerk.auth.token_type", "session_token")}
	if n := sum(t, decisions, signedIn...); n != 2 {
		t.Errorf("signed-in decisions %d, want 2", n)
	}
	if n := sum(t, decisions, attribute.String("clerk.auth.outcome", "signed-out"), attribute.String("clerk.auth.reason", "token-invalid-signature")); n != 1 {
		t.Errorf("refused signatures %d, want 1", n)
	}
	if n := sum(t, decisions, attribute.String("clerk.auth.reason", "session-token-and-uat-missing")); n != 1 {
		t.Errorf("requests without a token %d, want 1", n)
	}
	// The JWKS fetch is the client's call, in its own span.
	if jwks := h.span(t, "GET /jwks"); attrMap(jwks.Attributes)["http.response.status_code"].AsInt64() != 200 {
		t.Errorf("GET /jwks span %v", jwks.Attributes)
	}
	var decided int
	for _, s := range h.spans.GetSpans() {
		for _, e := range s.Events {
			if e.Name == "clerk.auth.decision" && s.Name == "GET /orders" {
				decided++
			}
		}
	}
	if decided != 4 {
		t.Errorf("%d decision events on the server spans, want 4", decided)
	}
	everything := h.everyValue(t)
	parts := strings.Split(token, ".")
	if len(parts) != 3 || strings.Contains(everything, parts[1]) || strings.Contains(everything, parts[2]) || strings.Contains(everything, u.ID) {
		t.Errorf("the telemetry holds the token or the user:\n%s", everything)
	}
}

func TestWebhookVerdicts(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	emu := clerktest.New()
	defer emu.Close()
	secret := emu.WebhookSecret()
	v, err := webhooks.NewVerifier(secret, webhooks.WithObserver(h.obs))
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"type":"user.created","object":"event","data":{"id":"user_1","object":"user"}}`)
	sig, err := webhooks.Sign(secret, "msg_1", time.Now(), body)
	if err != nil {
		t.Fatal(err)
	}
	deliver := func(body []byte, signature string) {
		r := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(body))
		r.Header.Set("svix-id", "msg_1")
		r.Header.Set("svix-timestamp", fmt.Sprint(time.Now().Unix()))
		r.Header.Set("svix-signature", signature)
		_, _ = v.VerifyRequest(r)
	}
	deliver(body, sig)
	deliver(bytes.Replace(body, []byte("user_1"), []byte("user_2"), 1), sig)
	deliver(body, "")

	deliveries := h.metrics(t)["clerk.webhooks.deliveries"]
	if n := sum(t, deliveries, attribute.String("clerk.webhooks.outcome", "verified")); n != 1 {
		t.Errorf("verified deliveries %d, want 1", n)
	}
	if n := sum(t, deliveries, attribute.String("clerk.webhooks.outcome", "refused"), attribute.String("clerk.webhooks.reason", "invalid_signature")); n != 1 {
		t.Errorf("deliveries refused for their signature %d, want 1", n)
	}
	if n := sum(t, deliveries, attribute.String("clerk.webhooks.reason", "missing_headers")); n != 1 {
		t.Errorf("deliveries refused for missing headers %d, want 1", n)
	}
	everything := h.everyValue(t)
	if strings.Contains(everything, strings.TrimPrefix(secret, "whsec_")) || strings.Contains(everything, "user_1") {
		t.Errorf("the telemetry holds the secret or the payload:\n%s", everything)
	}
}

// TestConcurrentCalls shares one Observer between goroutines (run with
// -race).
func TestConcurrentCalls(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	emu := clerktest.New()
	defer emu.Close()
	c := emu.Client(clerk.WithObserver(h.obs))
	svc := users.New(c)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = svc.List(t.Context(), nil)
		}()
	}
	wg.Wait()
	if n := histogramCount(t, h.metrics(t)["http.client.request.duration"], attribute.String("url.template", "/users")); n != 8 {
		t.Errorf("%d calls measured, want 8", n)
	}
}

// TestAPIVersionIsRecorded: a client on the opt-in version is told apart
// from one on the default, on its spans and in the duration metric.
func TestAPIVersionIsRecorded(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	emu := clerktest.New()
	defer emu.Close()
	for _, v := range []string{clerk.APIVersion20251110, clerk.APIVersion20260512} {
		if _, err := users.New(emu.Client(clerk.WithObserver(h.obs), clerk.WithAPIVersion(v))).List(t.Context(), nil); err != nil {
			t.Fatal(err)
		}
	}
	var versions []string
	for _, s := range h.spans.GetSpans() {
		versions = append(versions, attrMap(s.Attributes)["clerk.api_version"].AsString())
	}
	if strings.Join(versions, " ") != "2025-11-10 2026-05-12" {
		t.Errorf("spans' clerk.api_version %q, want one per version in call order", versions)
	}
	data := h.metrics(t)["http.client.request.duration"]
	for _, v := range []string{clerk.APIVersion20251110, clerk.APIVersion20260512} {
		if n := histogramCount(t, data, attribute.String("clerk.api_version", v)); n != 1 {
			t.Errorf("%d calls measured on %s, want 1", n, v)
		}
	}
}
