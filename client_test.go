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

func TestClientNeverShowsItsKey(t *testing.T) {
	t.Parallel()
	c, err := clerk.NewClient(testKey)
	if err != nil {
		t.Fatal(err)
	}
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("client", "c", c)
	for _, s := range []string{c.String(), fmt.Sprint(c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), logged.String()} {
		if strings.Contains(s, testKey[8:]) {
			t.Fatalf("%q shows the secret key", s)
		}
	}
	if !strings.Contains(c.String(), "sk_test_[redacted]") {
		t.Fatalf("String() = %q, want the key kind", c.String())
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
