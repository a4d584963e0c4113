package session

import (
	"errors"
	"net/url"
	"strings"

	"github.com/clerkgo/clerk/auth/internal/instance"
)

// Check refuses, once, the settings Clerk's SDK would throw on (or build a
// useless redirect from) on every request: a Domain that is not a bare
// host, a ProxyURL that is neither an absolute http(s) URL nor a path, and
// a Satellite without Instance, without Domain or ProxyURL, without
// SignInURL on a development instance, or with a SignInURL that is
// relative or on its own Domain.
func (c *Config) Check() error {
	if c.Domain != "" {
		if _, ok := instance.CleanHost(c.Domain, "https"); !ok {
			return errors.New("auth: Domain must be a host name such as \"satellite.dev\", without scheme or path")
		}
	}
	if c.ProxyURL != "" && !strings.HasPrefix(c.ProxyURL, "/") && !isAbsoluteHTTPURL(c.ProxyURL) {
		return errors.New("auth: ProxyURL must be an absolute http(s) URL or a path starting with /")
	}
	if !c.Satellite {
		return nil
	}
	if c.Instance == nil {
		return errors.New("auth: a Satellite needs PublishableKey")
	}
	if c.Domain == "" && c.ProxyURL == "" {
		return errors.New("auth: a Satellite needs Domain or ProxyURL")
	}
	if !c.Instance.Production && c.SignInURL == "" {
		return errors.New("auth: a Satellite of a development instance needs SignInURL")
	}
	if c.SignInURL != "" {
		u, err := url.Parse(c.SignInURL)
		if err != nil || !isAbsoluteHTTPURL(c.SignInURL) {
			return errors.New("auth: a Satellite's SignInURL must be an absolute http(s) URL")
		}
		if c.Domain != "" && strings.EqualFold(u.Hostname(), c.Domain) {
			return errors.New("auth: a Satellite's SignInURL must be on another host than its Domain (the primary application's)")
		}
	}
	return nil
}

func isAbsoluteHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil
}
