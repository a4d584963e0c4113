package main

import (
	"errors"
	"io"
	"os"
	"strings"
	"time"

	"github.com/clerkgo/clerk/auth"
)

func tokensVerify(a *app, args []string) error {
	fs := a.flags()
	jwtKey := fs.String("jwt-key", "", "PEM public key, or a file holding it (default: $CLERK_JWT_KEY; else the JWKS via the API)")
	var parties stringList
	fs.Var(&parties, "authorized-party", "origin allowed in the azp claim (repeatable)")
	pos, err := a.parse(fs, args, "TOKEN|-")
	if err != nil {
		return err
	}
	token := pos[0]
	if token == "-" {
		if token, err = readLine(a.stdin); err != nil {
			return usagef("read token from stdin: %v", err)
		}
	}
	cfg := auth.Config{AuthorizedParties: parties}
	key := *jwtKey
	if key == "" {
		key = a.env("CLERK_JWT_KEY")
	}
	if key != "" {
		pem, err := loadPEM(key)
		if err != nil {
			return err
		}
		cfg.JWTKey = pem
	} else {
		c, err := a.client()
		if err != nil {
			return err
		}
		cfg.Client = c
	}
	v, err := auth.New(cfg)
	if err != nil {
		return usagef("%v", err)
	}
	claims, err := v.VerifySessionToken(a.ctx, token)
	if err != nil {
		return err
	}
	out := tokenView{UserID: claims.Subject, SessionID: claims.SessionID, Status: claims.SessionStatus,
		OrgID: claims.OrgID, OrgRole: claims.OrgRole, AuthorizedParty: claims.AuthorizedParty,
		Issuer: claims.Issuer, Expires: claims.Expiry.UTC(), Features: claims.Features, Plans: claims.Plans}
	return a.output(out, func(w io.Writer) error {
		t := newTable(w, "FIELD", "VALUE")
		t.row("valid", "yes")
		t.row("user", out.UserID)
		t.row("session", orDash(out.SessionID))
		t.row("status", orDash(out.Status))
		t.row("organization", orDash(strings.TrimSpace(out.OrgID+" "+out.OrgRole)))
		t.row("azp", orDash(out.AuthorizedParty))
		t.row("issuer", orDash(out.Issuer))
		t.row("expires", out.Expires.Format(time.RFC3339))
		return t.flush()
	})
}

// tokenView is what tokens verify prints about a valid token.
type tokenView struct {
	UserID          string    `json:"user_id"`
	SessionID       string    `json:"session_id,omitempty"`
	Status          string    `json:"session_status,omitempty"`
	OrgID           string    `json:"org_id,omitempty"`
	OrgRole         string    `json:"org_role,omitempty"`
	AuthorizedParty string    `json:"azp,omitempty"`
	Issuer          string    `json:"issuer,omitempty"`
	Expires         time.Time `json:"expires"`
	Features        []string  `json:"features,omitempty"`
	Plans           []string  `json:"plans,omitempty"`
}

// loadPEM accepts the key itself or the name of a file holding it.
func loadPEM(v string) (string, error) {
	if strings.Contains(v, "BEGIN") || strings.HasPrefix(v, "MII") {
		return v, nil
	}
	b, err := os.ReadFile(v)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", usagef("--jwt-key: no such file, and not a PEM key: %s", v)
		}
		return "", usagef("--jwt-key: %v", err)
	}
	return string(b), nil
}
