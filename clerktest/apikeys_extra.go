package clerktest

import (
	"net/http"
	"slices"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/apikeys"
)

func (e *Emulator) apiKeyExtraRoutes(t []route) []route {
	t = add(t, "PATCH", "/api_keys/{apiKeyID}", e.updateAPIKey, "claims", "description", "scopes", "seconds_until_expiration", "subject")
	t = add(t, "DELETE", "/api_keys/{apiKeyID}", e.deleteAPIKey)
	t = add(t, "GET", "/api_keys/{apiKeyID}/secret", e.getAPIKeySecret)
	return t
}

func (e *Emulator) updateAPIKey(c *call) (int, any, error) {
	k, err := e.findAPIKey(c.param("apiKeyID"))
	if err != nil {
		return 0, nil, err
	}
	var p apikeys.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if s, ok := p.Subject.Get(); ok && !subjectPattern.MatchString(s) {
		return 0, nil, invalidParam("subject", "subject must be a user, organization or machine ID.")
	}
	cp := *k
	if v, ok := p.Claims.Get(); ok || p.Claims.IsNull() {
		cp.claims = v
	}
	if p.Description.IsSet() || p.Description.IsNull() {
		d, ok := p.Description.Get()
		cp.description = nil
		if ok {
			cp.description = &d
		}
	}
	if v, ok := p.Scopes.Get(); ok {
		cp.scopes = slices.Clone(v)
	}
	if v, ok := p.SecondsUntilExpiration.Get(); ok {
		cp.expiration = ptr(e.now().Add(time.Duration(v * float64(time.Second))).UnixMilli())
	}
	if v, ok := p.Subject.Get(); ok {
		cp.subject = v
	}
	cp.updatedAt = e.ms()
	*k = cp
	return http.StatusOK, e.apiKeyJSON(k), nil
}

func (e *Emulator) deleteAPIKey(c *call) (int, any, error) {
	k, err := e.findAPIKey(c.param("apiKeyID"))
	if err != nil {
		return 0, nil, err
	}
	delete(e.st.apiKeys, k.id)
	return http.StatusOK, &clerk.DeletedAPIKey{Object: "api_key", ID: k.id, Deleted: true}, nil
}

func (e *Emulator) getAPIKeySecret(c *call) (int, any, error) {
	k, err := e.findAPIKey(c.param("apiKeyID"))
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, &clerk.APIKeySecret{Secret: k.secret}, nil
}
