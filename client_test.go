package clerk_test

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/clerkgo/clerk"
)

func TestNewClientRejectsBadKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		key  string
		want error
	}{
		{"empty", "", clerk.ErrMissingSecretKey},
		{"publishable key", "pk_test_abc", clerk.ErrInvalidSecretKey},
		{"no prefix", "abcdef", clerk.ErrInvalidSecretKey},
		{"prefix only", "sk_live_", clerk.ErrInvalidSecretKey},
		{"machine prefix only", "ak_", clerk.ErrInvalidSecretKey},
		{"machine key with space", "ak_abc def", clerk.ErrInvalidSecretKey},
		{"space inside", "sk_test_abc def", clerk.ErrInvalidSecretKey},
		{"newline", "sk_test_abc\n", clerk.ErrInvalidSecretKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := clerk.NewClient(tt.key)
			if !errors.Is(err, tt.want) || c != nil {
				t.Fatalf("NewClient(%q) = %v, %v; want %v", tt.key, c, err, tt.want)
			}
			if tt.key != "" && strings.Contains(err.Error(), tt.key) {
				t.Fatalf("error %q echoes the key", err)
			}
		})
	}
}

func TestNewClientRejectsBadOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opt  clerk.Option
	}{
		{"relative base URL", clerk.WithBaseURL("/v1")},
		{"ftp base URL", clerk.WithBaseURL("ftp://x/v1")},
		{"base URL with query", clerk.WithBaseURL("https://x/v1?a=b")},
		{"nil http client", clerk.WithHTTPClient(nil)},
		{"negative timeout", clerk.WithTimeout(-time.Second)},
		{"negative retries", clerk.WithMaxRetries(-1)},
		{"wait max below min", clerk.WithRetryWait(time.Second, time.Millisecond)},
		{"negative retry-after cap", clerk.WithMaxRetryAfter(-1)},
		{"user agent with newline", clerk.WithUserAgentSuffix("a\r\nX-Evil: 1")},
		{"zero response bound", clerk.WithMaxResponseBytes(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := clerk.NewClient(testKey, tt.opt); !errors.Is(err, clerk.ErrInvalidOption) {
				t.Fatalf("got %v, want ErrInvalidOption", err)
			}
		})
	}
}

// holder is a user's struct that keeps a Client by value.
type holder struct {
	Name   string
	Client clerk.Client
}

func TestClientNeverShowsItsKey(t *testing.T) {
	t.Parallel()
	for _, key := range []string{testKey, "sk_live_abcdefghijklmnop", "ak_0123456789abcdef0123456789abcdef"} {
		c, err := clerk.NewClient(key)
		if err != nil {
			t.Fatal(err)
		}
		secret := key[strings.Index(key, "_")+1:]
		if strings.HasPrefix(key, "sk_") {
			secret = key[8:]
		}
		var text, js strings.Builder
		slog.New(slog.NewTextHandler(&text, nil)).Info("client", "c", c, "v", *c)
		slog.New(slog.NewJSONHandler(&js, nil)).Info("client", "c", c, "v", *c)
		printed := []string{c.String(), text.String(), js.String()}
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%T %v", "%d", "%10.3s"} {
			printed = append(printed,
				fmt.Sprintf(verb, c), fmt.Sprintf(verb, *c),
				fmt.Sprintf(verb, holder{"h", *c}), fmt.Sprintf(verb, &holder{"h", *c}),
				fmt.Sprintf(verb, []clerk.Client{*c}), fmt.Sprintf(verb, map[string]*clerk.Client{"c": c}))
		}
		for _, s := range printed {
			hexed := fmt.Sprintf("%x", secret)
			if strings.Contains(s, secret) || strings.Contains(strings.ToLower(s), hexed) {
				t.Fatalf("key %s...: %q shows the secret", key[:3], s)
			}
		}
		if !strings.Contains(c.String(), "[redacted]") {
			t.Fatalf("String() = %q, want the key kind and [redacted]", c.String())
		}
	}
}

func TestNewClientFromEnv(t *testing.T) {
	t.Setenv("CLERK_SECRET_KEY", testKey)
	t.Setenv("CLERK_API_URL", "http://127.0.0.1:9/v1/")
	c, err := clerk.NewClientFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if c.BaseURL() != "http://127.0.0.1:9/v1" || !c.IsTestKey() {
		t.Fatalf("BaseURL = %q, IsTestKey = %v", c.BaseURL(), c.IsTestKey())
	}
	t.Setenv("CLERK_SECRET_KEY", "")
	if _, err := clerk.NewClientFromEnv(); !errors.Is(err, clerk.ErrMissingSecretKey) {
		t.Fatalf("empty env: %v", err)
	}
}
