package clerktest

import (
	"cmp"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/apikeys"
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

func (k *apiKey) expired(now int64) bool { return k.expiration != nil && *k.expiration <= now }

// apiKeyJSON builds the wire form of the key from the generated model type.
func (e *Emulator) apiKeyJSON(k *apiKey) *clerk.APIKey {
	out := &clerk.APIKey{Object: "api_key", ID: k.id, Type: k.typ, Subject: k.subject, Name: k.name, Description: optOf(k.description),
		Claims: k.claims, Scopes: slices.Clone(k.scopes), Revoked: k.revoked, RevocationReason: k.reason,
		Expired: k.expired(e.ms()), Expiration: f64(k.expiration), CreatedBy: k.createdBy, LastUsedAt: f64(k.lastUsedAt),
		CreatedAt: float64(k.createdAt), UpdatedAt: float64(k.updatedAt)}
	if out.Scopes == nil {
		out.Scopes = []string{}
	}
	return out
}

// createdAPIKeyJSON is apiKeyJSON with the secret, as the create answers.
func (e *Emulator) createdAPIKeyJSON(k *apiKey) *clerk.CreatedAPIKey {
	o := e.apiKeyJSON(k)
	return &clerk.CreatedAPIKey{Object: o.Object, ID: o.ID, Claims: o.Claims, CreatedAt: o.CreatedAt, CreatedBy: o.CreatedBy,
		Description: o.Description, Expiration: o.Expiration, Expired: o.Expired, LastUsedAt: o.LastUsedAt, Name: o.Name,
		RevocationReason: o.RevocationReason, Revoked: o.Revoked, Scopes: o.Scopes, Secret: k.secret, Subject: o.Subject,
		Type: o.Type, UpdatedAt: o.UpdatedAt}
}

func (e *Emulator) apiKeyRoutes(t []route) []route {
	t = add(t, "GET", "/api_keys", e.listAPIKeys, "include_invalid", "limit", "offset", "query", "subject", "type")
	t = add(t, "POST", "/api_keys", e.createAPIKey, "claims", "created_by", "description", "name", "scopes", "seconds_until_expiration", "subject", "type")
	t = add(t, "GET", "/api_keys/{apiKeyID}", e.getAPIKey)
	t = add(t, "POST", "/api_keys/{apiKeyID}/revoke", e.revokeAPIKey, "revocation_reason")
	t = add(t, "POST", "/api_keys/verify", e.verifyAPIKey, "secret")
	t = add(t, "PATCH", "/api_keys/{apiKeyID}", e.updateAPIKey, "claims", "description", "scopes", "seconds_until_expiration", "subject")
	t = add(t, "DELETE", "/api_keys/{apiKeyID}", e.deleteAPIKey)
	t = add(t, "GET", "/api_keys/{apiKeyID}/secret", e.getAPIKeySecret)
	return t
}

var subjectPattern = regexp.MustCompile(`^(user|org|mch|scim)_\w{27}$`)

func (e *Emulator) createAPIKey(c *call) (int, any, error) {
	var p apikeys.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if p.Name == "" {
		return 0, nil, missingParam("name")
	}
	if !subjectPattern.MatchString(p.Subject) {
		return 0, nil, invalidParam("subject", "subject must be a user, organization or machine ID.")
	}
	var claims any
	if v, ok := p.Claims.Get(); ok && v != nil {
		if _, isObject := v.(map[string]any); !isObject {
			return 0, nil, badType("claims", "an object")
		}
		claims = v
	}
	scopes, _ := p.Scopes.Get()
	now := e.now()
	k := &apiKey{seq: e.st.next(), id: newHexID("ak"), typ: "api_key", subject: p.Subject, name: p.Name,
		description: optPtr(p.Description.Get()), claims: claims, scopes: scopes, secret: "ak_" + randomString(40),
		createdBy: optPtr(p.CreatedBy.Get()), createdAt: now.UnixMilli(), updatedAt: now.UnixMilli()}
	if typ := p.Type.Or(""); typ != "" {
		k.typ = typ
	}
	if ttl, ok := p.SecondsUntilExpiration.Get(); ok {
		k.expiration = ptr(now.Add(time.Duration(ttl * float64(time.Second))).UnixMilli())
	}
	e.st.apiKeys[k.id] = k
	return http.StatusOK, e.createdAPIKeyJSON(k), nil
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
	return http.StatusOK, e.apiKeyJSON(k), nil
}

func (e *Emulator) listAPIKeys(c *call) (int, any, error) {
	var p apikeys.ListParams
	if err := decodeQuery(c, &p); err != nil {
		return 0, nil, err
	}
	subject := p.Subject
	if !subjectPattern.MatchString(subject) {
		return 0, nil, invalidParam("subject", "subject must be a user, organization or machine ID.")
	}
	limit, offset, err := pageOfParams(p.ListParams, 100)
	if err != nil {
		return 0, nil, err
	}
	typ := p.Type.Or("api_key")
	invalid := p.IncludeInvalid.Or("") == "true"
	q := p.Query.Or("")
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
	out := make([]*clerk.APIKey, 0, len(ks))
	for _, k := range ks {
		out = append(out, e.apiKeyJSON(k))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

func (e *Emulator) revokeAPIKey(c *call) (int, any, error) {
	k, err := e.findAPIKey(c.param("apiKeyID"))
	if err != nil {
		return 0, nil, err
	}
	var p apikeys.RevokeParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	k.revoked, k.reason, k.updatedAt = true, optPtr(p.RevocationReason.Get()), e.ms()
	return http.StatusOK, e.apiKeyJSON(k), nil
}

func (e *Emulator) verifyAPIKey(c *call) (int, any, error) {
	var p apikeys.VerifyParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("secret", p.Secret); err != nil {
		return 0, nil, err
	}
	secret := &p.Secret
	now := e.ms()
	for _, k := range e.st.apiKeys {
		if k.secret == *secret && !k.revoked && !k.expired(now) {
			k.lastUsedAt = ptr(now)
			return http.StatusOK, e.apiKeyJSON(k), nil
		}
	}
	return 0, nil, notFound("API key")
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
