package clerktest

import (
	"encoding/json"
	"net/url"

	"github.com/clerkgo/clerk"
)

// samlExtras are the SAML connection parameters that create and update
// share beyond the IdP basics, in one shape for both.
type samlExtras struct {
	AttributeMapping *struct {
		UserID       *string `json:"user_id"`
		EmailAddress *string `json:"email_address"`
		FirstName    *string `json:"first_name"`
		LastName     *string `json:"last_name"`
	} `json:"attribute_mapping"`
	IdPMetadata    *string `json:"idp_metadata"`
	IdPMetadataURL *string `json:"idp_metadata_url"`
	LoginHint      *struct {
		Mode   string  `json:"mode"`
		Source *string `json:"source"`
	} `json:"login_hint"`
}

// applySAMLExtras applies attribute_mapping (each key given replaces its
// mapping), idp_metadata, idp_metadata_url and login_hint to s. The body
// was already decoded into the typed params, so it is well formed.
func applySAMLExtras(s *clerk.SAMLConnection, body []byte) error {
	var x samlExtras
	if len(body) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, &x); err != nil {
		return invalidBody()
	}
	if m := x.AttributeMapping; m != nil {
		if s.AttributeMapping == nil {
			s.AttributeMapping = &clerk.SAMLConnectionAttributeMapping{}
		}
		am := *s.AttributeMapping
		for _, f := range []struct {
			v   *string
			dst *string
		}{{m.UserID, &am.UserID}, {m.EmailAddress, &am.EmailAddress}, {m.FirstName, &am.FirstName}, {m.LastName, &am.LastName}} {
			if f.v != nil {
				*f.dst = *f.v
			}
		}
		s.AttributeMapping = &am
	}
	if x.IdPMetadata != nil {
		s.IdPMetadata = clerk.Value(*x.IdPMetadata)
	}
	if x.IdPMetadataURL != nil {
		if u, err := url.Parse(*x.IdPMetadataURL); err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
			return invalidParam("idp_metadata_url", "idp_metadata_url must be an absolute http(s) URL.")
		}
		s.IdPMetadataURL = clerk.Value(*x.IdPMetadataURL)
	}
	if h := x.LoginHint; h != nil {
		switch h.Mode {
		case "email_address", "off":
		case "custom_attribute":
			if h.Source == nil || *h.Source == "" {
				return missingParam("login_hint.source")
			}
		default:
			return invalidParam("login_hint", "login_hint.mode must be email_address, custom_attribute or off.")
		}
		s.LoginHint = clerk.SAMLConnectionLoginHint{Mode: clerk.SAMLConnectionLoginHintMode(h.Mode), Source: h.Source}
	}
	return nil
}
