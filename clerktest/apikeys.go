package clerktest

import (
	"cmp"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
)

// apiKey is the emulator's record of an API key.
type apiKey struct {
	seq         int64
	id          string
	typ         string
	subject     string
	name        string
	description *string
	claims      any
	scopes      []string
	secret      string
	revoked     bool
	reason      *string
	expiration  *int64
	createdBy   *string
	lastUsedAt  *int64
	createdAt   int64
	updatedAt   int64
}

type apiKeyJSON struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Type             string   `json:"type"`
	Subject          string   `json:"subject"`
	Name             string   `json:"name"`
	Description      *string  `json:"description"`
	Claims           any      `json:"claims"`
	Scopes           []string `json:"scopes"`
	Secret           string   `json:"secret,omitempty"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason"`
	Expired          bool     `json:"expired"`
	Expiration       *int64   `json:"expiration"`
	CreatedBy        *string  `json:"created_by"`
	LastUsedAt       *int64   `json:"last_used_at"`
	CreatedAt        int64    `json:"created_at"`
	UpdatedAt        int64    `json:"updated_at"`
}

func (k *apiKey) expired(now int64) bool { return k.expiration != nil && *k.expiration <= now }

func (e *Emulator) apiKeyJSON(k *apiKey, withSecret bool) apiKeyJSON {
	out := apiKeyJSON{Object: "api_key", ID: k.id, Type: k.typ, Subject: k.subject, Name: k.name, Description: k.description,
		Claims: k.claims, Scopes: slices.Clone(k.scopes), Revoked: k.revoked, RevocationReason: k.reason,
		Expired: k.expired(e.ms()), Expiration: k.expiration, CreatedBy: k.createdBy, LastUsedAt: k.lastUsedAt,
		CreatedAt: k.createdAt, UpdatedAt: k.updatedAt}
	if out.Scopes == nil {
		out.Scopes = []string{}
	}
	if withSecret {
		out.Secret = k.secret
	}
	return out
}

func (e *Emulator) apiKeyRoutes(t []route) []route {
	t = add(t, "GET", "/api_keys", e.listAPIKeys, "include_invalid", "limit", "offset", "query", "subject", "type")
	t = add(t, "POST", "/api_keys", e.createAPIKey, "claims", "created_by", "description", "name", "scopes", "seconds_until_expiration", "subject", "type")
	t = add(t, "GET", "/api_keys/{apiKeyID}", e.getAPIKey)
	t = add(t, "POST", "/api_keys/{apiKeyID}/revoke", e.revokeAPIKey, "revocation_reason")
	t = add(t, "POST", "/api_keys/verify", e.verifyAPIKey, "secret")
	return t
}

var subjectPattern = regexp.MustCompile(`^(user|org|mch|scim)_\w{27}$`)

func (e *Emulator) createAPIKey(c *call) (int, any, error) {
	f, err := parseFields(c.body)
	if err != nil {
		return 0, nil, err
	}
	name, _, err := f.str("name")
	if err != nil {
		return 0, nil, err
	}
	subject, _, err := f.str("subject")
	if err != nil {
		return 0, nil, err
	}
	if name == nil || *name == "" {
		return 0, nil, missingParam("name")
	}
	if subject == nil || !subjectPattern.MatchString(*subject) {
		return 0, nil, invalidParam("subject", "subject must be a user, organization or machine ID.")
	}
	typ, _, err := f.str("type")
	if err != nil {
		return 0, nil, err
	}
	desc, _, err := f.str("description")
	if err != nil {
		return 0, nil, err
	}
	createdBy, _, err := f.str("created_by")
	if err != nil {
		return 0, nil, err
	}
	scopes, err := f.strings("scopes")
	if err != nil {
		return 0, nil, err
	}
	var claims any
	if f.has("claims") && !f.isNull("claims") {
		claims, _, err = f.object("claims")
		if err != nil {
			return 0, nil, err
		}
	}
	ttl, _, err := f.integer("seconds_until_expiration")
	if err != nil {
		return 0, nil, err
	}
	now := e.now()
	k := &apiKey{seq: e.st.next(), id: newHexID("ak"), typ: "api_key", subject: *subject, name: *name, description: desc,
		claims: claims, scopes: scopes, secret: "ak_" + randomString(40), createdBy: createdBy,
		createdAt: now.UnixMilli(), updatedAt: now.UnixMilli()}
	if typ != nil && *typ != "" {
		k.typ = *typ
	}
	if ttl != nil {
		k.expiration = ptr(now.Add(time.Duration(*ttl) * time.Second).UnixMilli())
	}
	e.st.apiKeys[k.id] = k
	return http.StatusOK, e.apiKeyJSON(k, true), nil
}

func (e *Emulator) findAPIKey(id string) (*apiKey, error) {
	k, ok := e.st.apiKeys[id]
	if !ok {
		return nil, notFound("API key " + id)
	}
	return k, nil
}

func (e *Emulator) getAPIKey(c *call) (int, any, error) {
	k, err := e.findAPIKey(c.param("apiKeyID"))
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, e.apiKeyJSON(k, false), nil
}

func (e *Emulator) listAPIKeys(c *call) (int, any, error) {
	subject := c.query.Get("subject")
	if !subjectPattern.MatchString(subject) {
		return 0, nil, invalidParam("subject", "subject must be a user, organization or machine ID.")
	}
	limit, offset, err := page(c.query, 100)
	if err != nil {
		return 0, nil, err
	}
	typ := c.query.Get("type")
	if typ == "" {
		typ = "api_key"
	}
	invalid := c.query.Get("include_invalid") == "true"
	q := c.query.Get("query")
	now := e.ms()
	var ks []*apiKey
	for _, k := range e.st.apiKeys {
		if k.subject != subject || k.typ != typ || (!invalid && (k.revoked || k.expired(now))) ||
			(q != "" && !strings.Contains(strings.ToLower(k.name), strings.ToLower(q))) {
			continue
		}
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(a, b *apiKey) int { return cmp.Compare(b.seq, a.seq) })
	out := make([]apiKeyJSON, 0, len(ks))
	for _, k := range ks {
		out = append(out, e.apiKeyJSON(k, false))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

func (e *Emulator) revokeAPIKey(c *call) (int, any, error) {
	k, err := e.findAPIKey(c.param("apiKeyID"))
	if err != nil {
		return 0, nil, err
	}
	reason, err := c.bodyString("revocation_reason", false)
	if err != nil {
		return 0, nil, err
	}
	k.revoked, k.reason, k.updatedAt = true, reason, e.ms()
	return http.StatusOK, e.apiKeyJSON(k, false), nil
}

func (e *Emulator) verifyAPIKey(c *call) (int, any, error) {
	secret, err := c.bodyString("secret", true)
	if err != nil {
		return 0, nil, err
	}
	now := e.ms()
	for _, k := range e.st.apiKeys {
		if k.secret == *secret && !k.revoked && !k.expired(now) {
			k.lastUsedAt = ptr(now)
			return http.StatusOK, e.apiKeyJSON(k, false), nil
		}
	}
	return 0, nil, notFound("API key")
}
