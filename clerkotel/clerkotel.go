// Package clerkotel reports what the Clerk SDK does to OpenTelemetry: a
// client span and metrics for every Backend API call, and counters for
// the request decisions of package auth and the webhook deliveries of
// package webhooks.
//
// It is a module of its own, so that the SDK itself never brings
// OpenTelemetry into a program that does not use this package. One
// Observer serves all three places:
//
//	obs, err := clerkotel.New() // the global providers; or WithTracerProvider, WithMeterProvider
//	c, err := clerk.NewClient(key, clerk.WithObserver(obs))
//	v, err := auth.New(auth.Config{Client: c, Observer: obs})
//	wh, err := webhooks.NewVerifier(secret, webhooks.WithObserver(obs))
//
// # Spans
//
// Each call is one span of kind client, named by its method and route
// template ("GET /users/{user_id}"), with the HTTP client attributes of the
// semantic conventions: http.request.method, url.template, server.address,
// server.port, http.response.status_code, error.type (the status code of an
// error answer, or a short word such as "timeout"), and
// http.request.resend_count when the call was retried. clerk.trace_id holds
// the ID Clerk gave the request (quote it to Clerk's support) and
// clerk.request.attempts the number of attempts, clerk.api_version the
// Clerk-API-Version the call was sent with. Each retry adds a
// "clerk.retry" event (its number, wait and cause), and each wait of the
// client-side rate limiter a "clerk.rate_limiter.wait" event. A failed
// call's span has status Error with the error type as its description.
//
// An auth decision or a webhook verdict adds an event ("clerk.auth.decision",
// "clerk.webhooks.verdict") to the span in the request's context, when
// one is recording (an HTTP server instrumentation's span).
//
// # Metrics
//
//	http.client.request.duration        histogram, s: every call, by method, url.template, server, clerk.api_version, status, error.type
//	clerk.client.retries                counter: retries, by method, url.template, server, clerk.api_version, and the cause's status or error.type
//	clerk.client.rate_limited           counter: 429 answers received (retried or not)
//	clerk.client.rate_limiter.wait      histogram, s: waits of the client-side rate limiter
//	clerk.auth.decisions                counter: by clerk.auth.outcome, clerk.auth.reason, clerk.auth.token_type, clerk.auth.authenticated
//	clerk.webhooks.deliveries           counter: by clerk.webhooks.outcome (verified, refused) and clerk.webhooks.reason
//
// # What is never recorded
//
// No secret key, token, signing secret, query string, header, request or
// answer body, error message, or filled-in path: routes are templates, and
// every attribute is drawn from a small fixed set of values or from the
// client's base URL, apart from Clerk's trace ID.
package clerkotel

import (
	"context"
	"fmt"
	"time"

	"github.com/clerkgo/clerk"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/semconv/v1.43.0/httpconv"
	"go.opentelemetry.io/otel/trace"
)

// ScopeName is the instrumentation scope of the spans and metrics.
const ScopeName = "github.com/clerkgo/clerk/clerkotel"

// Attribute keys of this package's own (the others are the semantic
// conventions').
const (
	// AttrTraceID is Clerk's ID of a request.
	AttrTraceID = attribute.Key("clerk.trace_id")
	// AttrAPIVersion is the Backend API version a call was sent with
	// (clerk.WithAPIVersion), on spans and the client's metrics.
	AttrAPIVersion = attribute.Key("clerk.api_version")
	// AttrAttempts is how many attempts a call sent.
	AttrAttempts = attribute.Key("clerk.request.attempts")
	// AttrWait is a wait in seconds, on retry and limiter events.
	AttrWait = attribute.Key("clerk.wait")
	// AttrAuthOutcome is an auth decision's request state.
	AttrAuthOutcome = attribute.Key("clerk.auth.outcome")
	// AttrAuthReason is why a request is signed out or handshaken.
	AttrAuthReason = attribute.Key("clerk.auth.reason")
	// AttrAuthTokenType is the token type a decision is about.
	AttrAuthTokenType = attribute.Key("clerk.auth.token_type")
	// AttrAuthenticated tells whether a request counts as signed in.
	AttrAuthenticated = attribute.Key("clerk.auth.authenticated")
	// AttrWebhookOutcome is "verified" or "refused".
	AttrWebhookOutcome = attribute.Key("clerk.webhooks.outcome")
	// AttrWebhookReason is why a delivery was refused.
	AttrWebhookReason = attribute.Key("clerk.webhooks.reason")
)

// Observer is a clerk.Observer that reports to OpenTelemetry. Build it
// with New; it is safe for concurrent use by any number of clients and
// verifiers.
type Observer struct {
	tracer      trace.Tracer
	duration    httpconv.ClientRequestDuration
	retries     metric.Int64Counter
	rateLimited metric.Int64Counter
	limiterWait metric.Float64Histogram
	decisions   metric.Int64Counter
	deliveries  metric.Int64Counter
}

var _ clerk.Observer = (*Observer)(nil)

// Option configures New.
type Option func(*options)

type options struct {
	tp trace.TracerProvider
	mp metric.MeterProvider
}

// WithTracerProvider sets where spans go; the default is the global
// provider (otel.GetTracerProvider).
func WithTracerProvider(tp trace.TracerProvider) Option {
	return func(o *options) { o.tp = tp }
}

// WithMeterProvider sets where metrics go; the default is the global
// provider (otel.GetMeterProvider).
func WithMeterProvider(mp metric.MeterProvider) Option {
	return func(o *options) { o.mp = mp }
}

// New returns an Observer that reports to the providers the options name.
// It fails only when an instrument cannot be created.
func New(opts ...Option) (*Observer, error) {
	var o options
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	if o.tp == nil {
		o.tp = otel.GetTracerProvider()
	}
	if o.mp == nil {
		o.mp = otel.GetMeterProvider()
	}
	scope := []metric.MeterOption{metric.WithInstrumentationVersion(clerk.Version)}
	m := o.mp.Meter(ScopeName, scope...)
	obs := &Observer{tracer: o.tp.Tracer(ScopeName, trace.WithInstrumentationVersion(clerk.Version))}
	var err error
	if obs.duration, err = httpconv.NewClientRequestDuration(m); err != nil {
		return nil, wrap(err)
	}
	if obs.retries, err = m.Int64Counter("clerk.client.retries", metric.WithUnit("{retry}"),
		metric.WithDescription("Retries of Backend API calls.")); err != nil {
		return nil, wrap(err)
	}
	if obs.rateLimited, err = m.Int64Counter("clerk.client.rate_limited", metric.WithUnit("{response}"),
		metric.WithDescription("429 Too Many Requests answers of the Backend API, retried or not.")); err != nil {
		return nil, wrap(err)
	}
	if obs.limiterWait, err = m.Float64Histogram("clerk.client.rate_limiter.wait", metric.WithUnit("s"),
		metric.WithDescription("Time attempts waited for the client-side rate limiter."),
		metric.WithExplicitBucketBoundaries(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30)); err != nil {
		return nil, wrap(err)
	}
	if obs.decisions, err = m.Int64Counter("clerk.auth.decisions", metric.WithUnit("{decision}"),
		metric.WithDescription("Requests authenticated, by outcome and reason.")); err != nil {
		return nil, wrap(err)
	}
	if obs.deliveries, err = m.Int64Counter("clerk.webhooks.deliveries", metric.WithUnit("{delivery}"),
		metric.WithDescription("Webhook deliveries checked, verified or refused.")); err != nil {
		return nil, wrap(err)
	}
	return obs, nil
}

// callAttrs are the attributes that name a call.
func callAttrs(r clerk.RequestInfo) []attribute.KeyValue {
	return []attribute.KeyValue{
		semconv.HTTPRequestMethodKey.String(r.Method),
		semconv.URLTemplate(r.Route),
		semconv.ServerAddress(r.ServerAddress),
		semconv.ServerPort(r.ServerPort),
		AttrAPIVersion.String(r.APIVersion),
	}
}

// outcomeAttrs adds a status code and an error type, when there are ones.
func outcomeAttrs(attrs []attribute.KeyValue, status int, errorType string) []attribute.KeyValue {
	if status > 0 {
		attrs = append(attrs, semconv.HTTPResponseStatusCode(status))
	}
	if errorType != "" {
		attrs = append(attrs, semconv.ErrorTypeKey.String(errorType))
	}
	return attrs
}

// RequestStart starts the call's client span.
func (o *Observer) RequestStart(ctx context.Context, r clerk.RequestInfo) context.Context {
	ctx, _ = o.tracer.Start(ctx, r.Method+" "+r.Route,
		trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(callAttrs(r)...))
	return ctx
}

// RequestEnd ends the call's span and records its duration, and a 429
// answer.
func (o *Observer) RequestEnd(ctx context.Context, r clerk.RequestInfo, res clerk.RequestResult) {
	span := trace.SpanFromContext(ctx)
	attrs := outcomeAttrs(make([]attribute.KeyValue, 0, 5), res.StatusCode, res.ErrorType)
	n := len(attrs)
	attrs = append(attrs, AttrAttempts.Int(res.Attempts))
	if res.Attempts > 1 {
		attrs = append(attrs, semconv.HTTPRequestResendCount(res.Attempts-1))
	}
	if res.TraceID != "" {
		attrs = append(attrs, AttrTraceID.String(res.TraceID))
	}
	span.SetAttributes(attrs...)
	if res.ErrorType != "" {
		span.SetStatus(codes.Error, res.ErrorType)
	}
	span.End()
	// The metric takes the outcome and the template, not the span's
	// per-call values.
	attrs = append(attrs[:n], semconv.URLTemplate(r.Route), AttrAPIVersion.String(r.APIVersion))
	o.duration.Record(ctx, res.Duration.Seconds(), httpconv.RequestMethodAttr(r.Method), r.ServerAddress, r.ServerPort, attrs...)
	if res.StatusCode == 429 {
		o.rateLimited.Add(ctx, 1, metric.WithAttributes(callAttrs(r)...))
	}
}

// Retry adds a retry event to the call's span and counts it (and a 429
// that caused it).
func (o *Observer) Retry(ctx context.Context, r clerk.RequestInfo, retry clerk.RetryInfo) {
	cause := outcomeAttrs(nil, retry.StatusCode, retry.ErrorType)
	trace.SpanFromContext(ctx).AddEvent("clerk.retry", trace.WithAttributes(append(cause,
		semconv.HTTPRequestResendCount(retry.Retry), AttrWait.Float64(retry.Wait.Seconds()))...))
	call := callAttrs(r)
	o.retries.Add(ctx, 1, metric.WithAttributes(append(call, cause...)...))
	if retry.StatusCode == 429 {
		o.rateLimited.Add(ctx, 1, metric.WithAttributes(call...))
	}
}

// LimiterWait adds a limiter event to the call's span and records the
// wait.
func (o *Observer) LimiterWait(ctx context.Context, r clerk.RequestInfo, wait time.Duration) {
	trace.SpanFromContext(ctx).AddEvent("clerk.rate_limiter.wait", trace.WithAttributes(AttrWait.Float64(wait.Seconds())))
	o.limiterWait.Record(ctx, wait.Seconds(), metric.WithAttributes(callAttrs(r)...))
}

// AuthDecision counts the decision and adds it as an event to the
// request's span, if one is recording.
func (o *Observer) AuthDecision(ctx context.Context, d clerk.AuthDecision) {
	attrs := []attribute.KeyValue{
		AttrAuthOutcome.String(d.Outcome),
		AttrAuthTokenType.String(d.TokenType),
		AttrAuthenticated.Bool(d.Authenticated),
	}
	if d.Reason != "" {
		attrs = append(attrs, AttrAuthReason.String(d.Reason))
	}
	o.decisions.Add(ctx, 1, metric.WithAttributes(attrs...))
	if span := trace.SpanFromContext(ctx); span.IsRecording() {
		span.AddEvent("clerk.auth.decision", trace.WithAttributes(attrs...))
	}
}

// WebhookVerdict counts the delivery and adds the verdict as an event to
// the request's span, if one is recording.
func (o *Observer) WebhookVerdict(ctx context.Context, v clerk.WebhookVerdict) {
	outcome := "verified"
	if !v.Verified {
		outcome = "refused"
	}
	attrs := []attribute.KeyValue{AttrWebhookOutcome.String(outcome)}
	if v.Reason != "" {
		attrs = append(attrs, AttrWebhookReason.String(v.Reason))
	}
	o.deliveries.Add(ctx, 1, metric.WithAttributes(attrs...))
	if span := trace.SpanFromContext(ctx); span.IsRecording() {
		span.AddEvent("clerk.webhooks.verdict", trace.WithAttributes(attrs...))
	}
}

// wrap names the package in an instrument's creation error.
func wrap(err error) error { return fmt.Errorf("clerkotel: creating an instrument: %w", err) }
