package auth

// decodeHeader reads the JWS header object.
func decodeHeader(b string, h *header) error {
	s := &scanner{data: b}
	err := s.object(func(key string) error {
		switch key {
		case "alg":
			return s.readString(&h.Alg)
		case "kid":
			return s.readString(&h.Kid)
		case "cat":
			return s.readString(&h.Cat)
		case "typ":
			if s.isNull() {
				return nil
			}
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

// decodeClaims reads the JWT payload object in both Clerk claim formats.
func decodeClaims(b string, c *rawClaims) error {
	s := &scanner{data: b}
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
			return s.readString(&c.Jti)
		case "sid":
			return s.readString(&c.Sid)
		case "sts":
			return s.readString(&c.Sts)
		case "v":
			return s.readInt(&c.V)
		case "act":
			var x *Actor
			err := s.readJSON(&x)
			c.Act = x
			return err
		case "fva":
			var x []int
			err := s.readJSON(&x)
			c.Fva = x
			return err
		case "org_id":
			return s.readString(&c.OrgID)
		case "org_role":
			return s.readString(&c.OrgRole)
		case "org_slug":
			return s.readString(&c.OrgSlug)
		case "org_permissions":
			var x []string
			err := s.readJSON(&x)
			c.OrgPermissions = x
			return err
		case "o":
			return decodeOrg(s, c)
		case "fea":
			return s.readString(&c.Fea)
		case "pla":
			return s.readString(&c.Pla)
		case "scope":
			return s.readString(&c.Scope)
		case "scopes":
			var x any
			err := s.readJSON(&x)
			c.Scopes = x
			return err
		case "client_id":
			return s.readString(&c.ClientID)
		}
		_, err := s.skip()
		return err
	})
	if err != nil {
		return err
	}
	return s.end()
}

// decodeOrg reads the compact v2 "o" claim.
func decodeOrg(s *scanner, c *rawClaims) error {
	if s.isNull() {
		return nil
	}
	if s.peek() != '{' {
		return errType
	}
	o := &orgClaim{}
	c.Org = o
	return s.object(func(key string) error {
		switch key {
		case "id":
			return s.readString(&o.ID)
		case "rol":
			return s.readString(&o.Role)
		case "slg":
			return s.readString(&o.Slug)
		case "per":
			return s.readString(&o.Per)
		case "fpm":
			return s.readString(&o.Fpm)
		}
		_, err := s.skip()
		return err
	})
}
