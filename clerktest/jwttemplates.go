package clerktest

import (
	"cmp"
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/jwttemplates"
)

// jwtTemplate is the emulator's record of a JWT template.
type jwtTemplate struct {
	seq       int64
	id        string
	name      string
	claims    map[string]any
	lifetime  int64
	skew      int64
	alg       string
	custom    *customSigner // the template's own signing key, if any
	createdAt int64
	updatedAt int64
}

// json builds the wire form of the template from the generated model type.
func (t *jwtTemplate) json() *clerk.JWTTemplate {
	return &clerk.JWTTemplate{Object: "jwt_template", ID: t.id, Name: t.name, Claims: metaJSON(t.claims),
		Lifetime: t.lifetime, AllowedClockSkew: t.skew, SigningAlgorithm: t.alg, CustomSigningKey: t.custom != nil,
		CreatedAt: t.createdAt, UpdatedAt: t.updatedAt}
}

func (e *Emulator) jwtTemplateRoutes(t []route) []route {
	t = add(t, "GET", "/jwt_templates", e.listTemplates, "limit", "offset", "paginated")
	t = add(t, "POST", "/jwt_templates", e.saveTemplate, jwtTemplateParams()...)
	t = add(t, "GET", "/jwt_templates/{template_id}", e.getTemplate)
	t = add(t, "PATCH", "/jwt_templates/{template_id}", e.saveTemplate, jwtTemplateParams()...)
	t = add(t, "DELETE", "/jwt_templates/{template_id}", e.deleteTemplate)
	return t
}

func (e *Emulator) templateByName(name string) *jwtTemplate {
	for _, t := range e.st.templates {
		if t.name == name {
			return t
		}
	}
	return nil
}

func (e *Emulator) findTemplate(id string) (*jwtTemplate, error) {
	t, ok := e.st.templates[id]
	if !ok {
		return nil, notFound("JWT template " + id)
	}
	return t, nil
}

func (e *Emulator) listTemplates(c *call) (int, any, error) {
	var lp jwttemplates.ListParams
	if err := decodeQuery(c, &lp); err != nil {
		return 0, nil, err
	}
	ts := make([]*jwtTemplate, 0, len(e.st.templates))
	for _, t := range e.st.templates {
		ts = append(ts, t)
	}
	slices.SortFunc(ts, func(a, b *jwtTemplate) int { return cmp.Compare(a.seq, b.seq) })
	out := make([]*clerk.JWTTemplate, 0, len(ts))
	for _, t := range ts {
		out = append(out, t.json())
	}
	if lp.Paginated.Or(false) {
		limit, offset, err := pageOfParams(lp.ListParams, 500)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, pageOf(out, limit, offset), nil
	}
	return http.StatusOK, out, nil
}

func (e *Emulator) getTemplate(c *call) (int, any, error) {
	t, err := e.findTemplate(c.param("template_id"))
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, t.json(), nil
}

// saveTemplate creates (POST) or replaces (PATCH) a template; both require
// name and claims.
func (e *Emulator) saveTemplate(c *call) (int, any, error) {
	var t *jwtTemplate
	if id := c.param("template_id"); id != "" {
		var err error
		if t, err = e.findTemplate(id); err != nil {
			return 0, nil, err
		}
	}
	// Create and update take the same body.
	var p jwttemplates.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	name, claims := &p.Name, p.Claims
	if *name == "" {
		return 0, nil, missingParam("name")
	}
	if claims == nil {
		return 0, nil, missingParam("claims")
	}
	for _, reserved := range []string{"azp", "exp", "iat", "iss", "jti", "nbf", "sub"} {
		if _, ok := claims[reserved]; ok {
			return 0, nil, invalidParam("claims", "claims must not set the reserved claim "+reserved+".")
		}
	}
	if other := e.templateByName(*name); other != nil && (t == nil || other.id != t.id) {
		return 0, nil, identifierExists("name")
	}
	lifetime, skew := optPtr(p.Lifetime.Get()), optPtr(p.AllowedClockSkew.Get())
	custom, alg, err := templateSigner(&p, t)
	if err != nil {
		return 0, nil, err
	}
	now := e.ms()
	if t == nil {
		t = &jwtTemplate{seq: e.st.next(), id: newID("jtmp"), createdAt: now, lifetime: 60, skew: 5, alg: "RS256"}
		e.st.templates[t.id] = t
	}
	t.custom, t.alg = custom, alg
	t.name, t.claims, t.updatedAt = *name, claims, now
	if lifetime != nil {
		if *lifetime < 30 || *lifetime > 315360000 {
			return 0, nil, invalidParam("lifetime", "lifetime must be between 30 and 315360000 seconds.")
		}
		t.lifetime = *lifetime
	}
	if skew != nil {
		t.skew = *skew
	}
	return http.StatusOK, t.json(), nil
}

// jwtTemplateParams are the body parameters of a JWT template.
func jwtTemplateParams() []string {
	return []string{"allowed_clock_skew", "claims", "custom_signing_key", "lifetime", "name", "signing_algorithm", "signing_key"}
}

// templateSigner reads custom_signing_key, signing_algorithm and
// signing_key: with custom_signing_key the template signs with its own
// key; without it, with the instance's RS256 key. An update that leaves
// them out keeps the template's current signer.
func templateSigner(p *jwttemplates.CreateParams, t *jwtTemplate) (*customSigner, string, error) {
	custom, alg, key := optPtr(p.CustomSigningKey.Get()), optPtr(p.SigningAlgorithm.Get()), optPtr(p.SigningKey.Get())
	if custom == nil && alg == nil && key == nil && t != nil {
		return t.custom, t.alg, nil
	}
	if custom == nil || !*custom {
		if alg != nil && *alg != "RS256" {
			return nil, "", invalidParam("signing_algorithm", "signing_algorithm other than RS256 needs custom_signing_key.")
		}
		return nil, "RS256", nil
	}
	if alg == nil {
		return nil, "", missingParam("signing_algorithm")
	}
	s, err := parseCustomSigner(*alg, deref(key))
	if err != nil {
		return nil, "", err
	}
	return s, *alg, nil
}

func (e *Emulator) deleteTemplate(c *call) (int, any, error) {
	t, err := e.findTemplate(c.param("template_id"))
	if err != nil {
		return 0, nil, err
	}
	delete(e.st.templates, t.id)
	return http.StatusOK, deleted("jwt_template", t.id), nil
}

var shortcode = regexp.MustCompile(`\{\{\s*([^{}]+?)\s*\}\}`)

// templateClaims renders a template's claims for a session: a string that
// is exactly one shortcode takes the value's type, shortcodes inside text
// are replaced by their text, unknown shortcodes become null or "".
// templateClaims renders a JWT template as Clerk's docs describe it: a
// claim that is one shortcode takes the value's own type, shortcodes inside
// a longer string are interpolated (null as "null"), dotted paths reach into
// metadata, and "a || b || 'default'" takes the first operand that is not
// null or false (else the last). The default claims of custom JWTs follow
// (azp, exp, iat, iss, jti, nbf, sub), and no session claim (sid, v, ...).
func (e *Emulator) templateClaims(t *jwtTemplate, s *session) map[string]any {
	vals := e.shortcodeValues(s)
	var render func(v any) any
	render = func(v any) any {
		switch x := v.(type) {
		case string:
			if m := shortcode.FindStringSubmatch(x); m != nil && m[0] == strings.TrimSpace(x) {
				return evalShortcode(m[1], vals)
			}
			return shortcode.ReplaceAllStringFunc(x, func(code string) string {
				v := evalShortcode(shortcode.FindStringSubmatch(code)[1], vals)
				if v == nil {
					return "null"
				}
				if str, ok := v.(string); ok {
					return str
				}
				b, _ := json.Marshal(v)
				return string(b)
			})
		case map[string]any:
			out := make(map[string]any, len(x))
			for k, v := range x {
				out[k] = render(v)
			}
			return out
		case []any:
			out := make([]any, len(x))
			for i, v := range x {
				out[i] = render(v)
			}
			return out
		}
		return v
	}
	claims := render(cloneMetadata(t.claims)).(map[string]any)
	now := e.now()
	claims["azp"] = defaultAZP
	claims["iss"] = e.keys.frontendAPI
	claims["sub"] = s.userID
	claims["iat"] = now.Unix()
	claims["nbf"] = now.Unix() - t.skew
	claims["exp"] = now.Unix() + t.lifetime
	claims["jti"] = randomString(20)
	return claims
}

// evalShortcode evaluates one shortcode expression: operands separated by
// ||, each a dotted path or a literal ('string', number, true, false).
func evalShortcode(expr string, vals map[string]any) any {
	ops := strings.Split(expr, "||")
	var v any
	for _, op := range ops {
		v = operand(strings.TrimSpace(op), vals)
		if v != nil && v != false {
			return v
		}
	}
	return v
}

func operand(op string, vals map[string]any) any {
	switch {
	case len(op) >= 2 && op[0] == '\'' && op[len(op)-1] == '\'':
		return op[1 : len(op)-1]
	case op == "true":
		return true
	case op == "false":
		return false
	}
	if n, err := strconv.ParseFloat(op, 64); err == nil {
		return n
	}
	return lookupPath(op, vals)
}

// lookupPath resolves a dotted path: the longest known shortcode prefix,
// then object keys below it. An unknown path is null.
func lookupPath(path string, vals map[string]any) any {
	parts := strings.Split(path, ".")
	for n := len(parts); n > 0; n-- {
		v, ok := vals[strings.Join(parts[:n], ".")]
		if !ok {
			continue
		}
		for _, key := range parts[n:] {
			obj, isObj := v.(map[string]any)
			if !isObj {
				return nil
			}
			v = obj[key]
		}
		return v
	}
	return nil
}

func (e *Emulator) shortcodeValues(s *session) map[string]any {
	vals := map[string]any{"session.id": s.id, "user.id": s.userID}
	u, ok := e.st.users[s.userID]
	if !ok {
		return vals
	}
	opt := func(p *string) any {
		if p == nil {
			return nil
		}
		return *p
	}
	vals["user.first_name"] = opt(u.firstName)
	vals["user.last_name"] = opt(u.lastName)
	vals["user.username"] = opt(u.username)
	vals["user.external_id"] = opt(u.externalID)
	nonEmpty := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	vals["user.primary_email_address"] = nonEmpty(u.primaryEmail())
	vals["user.primary_phone_address"] = nonEmpty(u.primaryPhone())
	vals["user.image_url"] = imageURL(u.id)
	vals["user.public_metadata"] = cloneMetadata(u.public)
	vals["user.unsafe_metadata"] = cloneMetadata(u.unsafe)
	vals["user.created_at"] = u.createdAt / 1000
	full := strings.TrimSpace(deref(u.firstName) + " " + deref(u.lastName))
	vals["user.full_name"] = nil
	if full != "" {
		vals["user.full_name"] = full
	}
	vals["user.email_verified"] = slices.ContainsFunc(u.emails, func(i *identification) bool { return i.verified })
	vals["user.phone_number_verified"] = slices.ContainsFunc(u.phones, func(i *identification) bool { return i.verified })
	if s.activeOrgID != nil {
		if m := e.membershipOf(*s.activeOrgID, s.userID); m != nil {
			vals["org.id"] = m.orgID
			vals["org.role"] = m.role
			if o, ok := e.st.orgs[m.orgID]; ok {
				vals["org.slug"] = o.slug
				vals["org.name"] = o.name
			}
		}
	}
	return vals
}
