package clerktest

import (
	"cmp"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/m2mtokens"
)

// m2mToken is the emulator's record of a machine-to-machine token.
type m2mToken struct {
	seq        int64
	id         string
	subject    string
	claims     any
	scopes     []string
	token      string
	revoked    bool
	reason     *string
	expiration *int64
	lastUsedAt *int64
	createdAt  int64
	updatedAt  int64
}

func (t *m2mToken) expired(now int64) bool { return t.expiration != nil && *t.expiration <= now }

// m2mJSON builds the wire form of the token from the generated model type.
func (e *Emulator) m2mJSON(t *m2mToken) *clerk.M2MToken {
	out := &clerk.M2MToken{Object: "machine_to_machine_token", ID: t.id, Subject: t.subject, Claims: clerk.Value(t.claims),
		Scopes: slices.Clone(t.scopes), Revoked: t.revoked, RevocationReason: t.reason, Expired: t.expired(e.ms()),
		Expiration: f64(t.expiration), LastUsedAt: f64(t.lastUsedAt), CreatedAt: float64(t.createdAt), UpdatedAt: float64(t.updatedAt)}
	if out.Scopes == nil {
		out.Scopes = []string{}
	}
	return out
}

// createdM2MJSON is m2mJSON with the token itself, as the create answers.
func (e *Emulator) createdM2MJSON(t *m2mToken) *clerk.CreatedM2MToken {
	o := e.m2mJSON(t)
	return &clerk.CreatedM2MToken{Object: o.Object, ID: o.ID, Claims: o.Claims, CreatedAt: o.CreatedAt, Expiration: o.Expiration,
		Expired: o.Expired, LastUsedAt: o.LastUsedAt, RevocationReason: o.RevocationReason, Revoked: o.Revoked,
		Scopes: o.Scopes, Subject: o.Subject, Token: t.token, UpdatedAt: o.UpdatedAt}
}

// f64 converts a nullable millisecond time to the float the model uses.
func f64(v *int64) *float64 {
	if v == nil {
		return nil
	}
	f := float64(*v)
	return &f
}

func (e *Emulator) m2mRoutes(t []route) []route {
	t = add(t, "GET", "/m2m_tokens", e.listM2M, "expired", "limit", "offset", "revoked", "subject")
	t = add(t, "POST", "/m2m_tokens", e.createM2M, "claims", "min_remaining_ttl_seconds", "seconds_until_expiration", "token_format")
	t = add(t, "POST", "/m2m_tokens/{m2m_token_id}/revoke", e.revokeM2M, "revocation_reason")
	t = add(t, "POST", "/m2m_tokens/verify", e.verifyM2M, "token")
	for i := len(t) - 4; i < len(t); i++ {
		t[i].machine = true
	}
	t[len(t)-3].machineOnly = true // POST /m2m_tokens: a machine secret key only
	return t
}

// createM2M issues a token for the emulator's machine, opaque (mt_...) or,
// with token_format "jwt", a JWT signed with the emulator's key.
func (e *Emulator) createM2M(c *call) (int, any, error) {
	var p m2mtokens.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	var claims any
	if v, ok := p.Claims.Get(); ok && v != nil {
		if _, isObject := v.(map[string]any); !isObject {
			return 0, nil, badType("claims", "an object")
		}
		claims = v
	}
	format := p.TokenFormat.Or("opaque")
	now := e.now()
	t := &m2mToken{seq: e.st.next(), id: newHexID("mt"), subject: e.callerMachine(c), claims: claims,
		createdAt: now.UnixMilli(), updatedAt: now.UnixMilli()}
	life := time.Hour
	if m, ok := e.st.machines.get(t.subject); ok && m.m.DefaultTokenTTL != nil {
		life = time.Duration(*m.m.DefaultTokenTTL) * time.Second
	}
	if ttl, ok := p.SecondsUntilExpiration.Get(); ok {
		if ttl <= 0 {
			return 0, nil, invalidParam("seconds_until_expiration", "seconds_until_expiration must be positive.")
		}
		life = time.Duration(ttl * float64(time.Second))
	}
	t.expiration = ptr(now.Add(life).UnixMilli())
	if minTTL, ok := p.MinRemainingTTLSeconds.Get(); ok {
		if minTTL < 0 || time.Duration(minTTL)*time.Second >= life {
			return 0, nil, fail(http.StatusBadRequest, "form_param_value_invalid", "is invalid",
				"min_remaining_ttl_seconds must be less than the token's lifetime.")
		}
		if format == "opaque" {
			if old := e.reusableM2M(t.subject, claims, now.Add(time.Duration(minTTL)*time.Second).UnixMilli()); old != nil {
				return http.StatusCreated, e.createdM2MJSON(old), nil
			}
		}
	}
	switch {
	case format == "opaque":
		t.token = "mt_" + randomString(40)
	case format == "jwt":
		jc := map[string]any{"iss": e.base, "sub": t.subject, "jti": t.id, "iat": now.Unix(), "nbf": now.Unix(),
			"exp": now.Add(life).Unix()}
		if claims != nil {
			jc["claims"] = claims
		}
		tok, err := e.signJWT(jc)
		if err != nil {
			return 0, nil, err
		}
		t.token = tok
	default:
		return 0, nil, invalidParam("token_format", "token_format must be opaque or jwt.")
	}
	e.st.m2mTokens[t.id] = t
	return http.StatusCreated, e.createdM2MJSON(t), nil
}

func (e *Emulator) listM2M(c *call) (int, any, error) {
	var lp m2mtokens.ListParams
	if err := decodeQuery(c, &lp); err != nil {
		return 0, nil, err
	}
	subject := lp.Subject
	limit, offset, err := pageOfParams(lp.ListParams, 100)
	if err != nil {
		return 0, nil, err
	}
	revoked, expired := lp.Revoked.Or(false), lp.Expired.Or(false)
	now := e.ms()
	var ts []*m2mToken
	for _, t := range e.st.m2mTokens {
		if t.subject == subject && (revoked || !t.revoked) && (expired || !t.expired(now)) {
			ts = append(ts, t)
		}
	}
	slices.SortFunc(ts, func(a, b *m2mToken) int { return cmp.Compare(b.seq, a.seq) })
	out := make([]*clerk.M2MToken, 0, len(ts))
	for _, t := range ts {
		out = append(out, e.m2mJSON(t))
	}
	p := pageOf(out, limit, offset)
	return http.StatusOK, struct {
		Tokens     []*clerk.M2MToken `json:"m2m_tokens"`
		TotalCount int64             `json:"total_count"`
	}{p.Data, p.TotalCount}, nil
}

func (e *Emulator) revokeM2M(c *call) (int, any, error) {
	t, ok := e.st.m2mTokens[c.param("m2m_token_id")]
	if !ok {
		return 0, nil, notFound("M2M token " + c.param("m2m_token_id"))
	}
	var p m2mtokens.RevokeParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	t.revoked, t.reason, t.updatedAt = true, optPtr(p.RevocationReason.Get()), e.ms()
	return http.StatusOK, e.m2mJSON(t), nil
}

func (e *Emulator) verifyM2M(c *call) (int, any, error) {
	var p m2mtokens.VerifyParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("token", p.Token); err != nil {
		return 0, nil, err
	}
	tok := &p.Token
	now := e.ms()
	for _, t := range e.st.m2mTokens {
		if t.token == *tok && !t.revoked && !t.expired(now) {
			t.lastUsedAt = ptr(now)
			return http.StatusOK, e.m2mJSON(t), nil
		}
	}
	return 0, nil, notFound("M2M token")
}

// reusableM2M finds a live opaque token of the machine with the same
// claims that lasts at least until notBefore (min_remaining_ttl_seconds),
// the newest first.
func (e *Emulator) reusableM2M(subject string, claims any, notBefore int64) *m2mToken {
	want, _ := json.Marshal(claims)
	var best *m2mToken
	for _, t := range e.st.m2mTokens {
		if t.subject != subject || t.revoked || t.expiration == nil || *t.expiration < notBefore ||
			!strings.HasPrefix(t.token, "mt_") {
			continue
		}
		if got, _ := json.Marshal(t.claims); string(got) != string(want) {
			continue
		}
		if best == nil || t.seq > best.seq {
			best = t
		}
	}
	return best
}
