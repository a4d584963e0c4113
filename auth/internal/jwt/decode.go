package jwt

import (
	"strings"
)

// utf8BOM is stripped once from the front of a decoded segment, as the
// WHATWG TextDecoder that Clerk's SDK uses strips it.
const utf8BOM = "\xef\xbb\xbf"

// DecodeHeader reads the JWS header. A header that is valid JSON but not
// an object reads as an empty header (it then fails the algorithm check),
// as it does in Clerk's SDK.
func DecodeHeader(b string, h *Header) error {
	s := &scanner{data: strings.TrimPrefix(b, utf8BOM)}
	if s.peek() != '{' {
		if _, err := s.skip(); err != nil {
			return err
		}
		return s.end()
	}
	err := s.object(func(key string) error {
		switch key {
		case "alg":
			return s.readString(&h.Alg)
		case "kid":
			return s.readString(&h.Kid)
		case "cat":
			h.HasCat = true
			return s.readString(&h.Cat)
		case "typ":
			h.HasTyp = true
			return s.readString(&h.Typ)
		}
		_, err := s.skip()
		return err
	})
	if err != nil {
		return err
	}
	return s.end()
}

// DecodeClaims reads the JWT payload in both Clerk claim formats. A later
// duplicate key replaces an earlier one, as JSON.parse does.
func DecodeClaims(b string, c *Claims) error {
	s := &scanner{data: strings.TrimPrefix(b, utf8BOM)}
	if s.peek() != '{' {
		if _, err := s.skip(); err != nil {
			return err
		}
		c.NotObject = true
		return s.end()
	}
	err := s.object(func(key string) error {
		switch key {
		case "sub":
			return s.readClaimString(&c.Sub)
		case "azp":
			return s.readClaimString(&c.Azp)
		case "iss":
			return s.readClaimString(&c.Iss)
		case "aud":
			return s.readClaimAudience(&c.Aud)
		case "exp":
			return s.readClaimNumber(&c.Exp)
		case "nbf":
			return s.readClaimNumber(&c.Nbf)
		case "iat":
			return s.readClaimNumber(&c.Iat)
		case "jti":
			return s.readClaimString(&c.Jti)
		case "sid":
			return s.readClaimString(&c.Sid)
		case "sts":
			return s.readClaimString(&c.Sts)
		case "v":
			return s.readIsTwo(&c.V2)
		case "act":
			raw, err := s.skip()
			if len(raw) > 0 && raw[0] == '{' {
				c.Act = raw
			}
			return err
		case "fva":
			return s.readClaimFva(&c.Fva)
		case "org_id":
			return s.readClaimString(&c.OrgID)
		case "org_role":
			return s.readClaimString(&c.OrgRole)
		case "org_slug":
			return s.readClaimString(&c.OrgSlug)
		case "org_permissions":
			return s.readClaimList(&c.OrgPermissions)
		case "o":
			return decodeOrg(s, &c.Org)
		case "fea":
			return s.readClaimString(&c.Fea)
		case "pla":
			return s.readClaimString(&c.Pla)
		case "scope":
			return s.readClaimString(&c.Scope)
		case "scopes":
			if ch := s.peek(); ch != '"' && ch != 'n' {
				c.ScopesNotString = true
			}
			return s.readClaimString(&c.Scopes)
		case "scp":
			return s.readClaimList(&c.Scp)
		case "client_id":
			return s.readClaimString(&c.ClientID)
		}
		_, err := s.skip()
		return err
	})
	if err != nil {
		return err
	}
	return s.end()
}

// decodeOrg reads the compact v2 "o" claim; a value of another type only
// counts for its truthiness.
func decodeOrg(s *scanner, o *OrgClaim) error {
	*o = OrgClaim{}
	if s.peek() != '{' {
		raw, err := s.skip()
		if err == nil {
			o.Truthy = truthyLiteral(raw) && raw != `""`
		}
		return err
	}
	o.Truthy = true
	return s.object(func(key string) error {
		switch key {
		case "id":
			return s.readClaimString(&o.ID)
		case "rol":
			return s.readClaimString(&o.Role)
		case "slg":
			return s.readClaimString(&o.Slug)
		case "per":
			return s.readClaimString(&o.Per)
		case "fpm":
			return s.readClaimString(&o.Fpm)
		}
		_, err := s.skip()
		return err
	})
}
