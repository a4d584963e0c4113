package proxy

import "context"

// proxyURLKey carries the public proxy URL from the outgoing request to
// the response rewrite.
type proxyURLKey struct{}

func withProxyURL(ctx context.Context, u string) context.Context {
	return context.WithValue(ctx, proxyURLKey{}, u)
}

func proxyURLFrom(ctx context.Context) string {
	s, _ := ctx.Value(proxyURLKey{}).(string)
	return s
}
