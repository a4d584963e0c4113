package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/apikeys"
)

func apikeysCreate(a *app, args []string) error {
	fs := a.flags()
	name := fs.String("name", "", "name of the key (required)")
	subject := fs.String("subject", "", "user_ or org_ ID the key acts for (required)")
	desc := fs.String("description", "", "description")
	expires := fs.Duration("expires-in", 0, "lifetime, e.g. 720h (default: never expires)")
	var scopes stringList
	fs.Var(&scopes, "scope", "scope granted to the key (repeatable)")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	if *name == "" || *subject == "" {
		return usagef("--name and --subject are required")
	}
	if *expires < 0 {
		return usagef("--expires-in must not be negative")
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	p := &apikeys.CreateParams{Name: *name, Subject: *subject}
	setIf(&p.Description, *desc)
	if len(scopes) > 0 {
		p.Scopes = clerk.Value([]string(scopes))
	}
	if *expires > 0 {
		p.SecondsUntilExpiration = clerk.Float64(expires.Seconds())
	}
	k, err := apikeys.New(c).Create(a.ctx, p)
	if err != nil {
		return err
	}
	return a.output(k, func(w io.Writer) error {
		if err := keyTable(w, &clerk.APIKey{ID: k.ID, Name: k.Name, Subject: k.Subject, Scopes: k.Scopes,
			Revoked: k.Revoked, Expired: k.Expired, Expiration: k.Expiration, CreatedAt: k.CreatedAt}); err != nil {
			return err
		}
		_, err := fmt.Fprintf(w, "\nSecret (shown once): %s\n", k.Secret)
		return err
	})
}

func keyTable(w io.Writer, list ...*clerk.APIKey) error {
	t := newTable(w, "ID", "NAME", "SUBJECT", "SCOPES", "STATE", "EXPIRES", "CREATED")
	for _, k := range list {
		state := "valid"
		switch {
		case k.Revoked:
			state = "revoked"
		case k.Expired:
			state = "expired"
		}
		expires := "never"
		if k.Expiration != nil {
			expires = stamp(int64(*k.Expiration))
		}
		t.row(k.ID, k.Name, k.Subject, orDash(strings.Join(k.Scopes, ",")), state, expires, stamp(int64(k.CreatedAt)))
	}
	return t.flush()
}

func apikeysList(a *app, args []string) error {
	fs := a.flags()
	subject := fs.String("subject", "", "user_ or org_ ID whose keys to list (required)")
	invalid := fs.Bool("include-invalid", false, "include revoked and expired keys")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	if *subject == "" {
		return usagef("--subject is required")
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	p := &apikeys.ListParams{Subject: *subject}
	if *invalid {
		p.IncludeInvalid = clerk.String("true")
	}
	var list []*clerk.APIKey
	for k, err := range apikeys.New(c).All(a.ctx, p) {
		if err != nil {
			return err
		}
		list = append(list, k)
	}
	return a.output(list, func(w io.Writer) error { return keyTable(w, list...) })
}

func apikeysRevoke(a *app, args []string) error {
	fs := a.flags()
	reason := fs.String("reason", "", "why the key is revoked")
	pos, err := a.parse(fs, args, "API_KEY_ID")
	if err != nil {
		return err
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	p := &apikeys.RevokeParams{}
	setIf(&p.RevocationReason, *reason)
	k, err := apikeys.New(c).Revoke(a.ctx, pos[0], p)
	if err != nil {
		return err
	}
	return a.output(k, func(w io.Writer) error { return keyTable(w, k) })
}

func apikeysVerify(a *app, args []string) error {
	fs := a.flags()
	pos, err := a.parse(fs, args, "SECRET|-")
	if err != nil {
		return err
	}
	secret := pos[0]
	if secret == "-" {
		if secret, err = readLine(a.stdin); err != nil {
			return usagef("read secret from stdin: %v", err)
		}
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	k, err := apikeys.New(c).Verify(a.ctx, &apikeys.VerifyParams{Secret: secret})
	if err != nil {
		return err
	}
	return a.output(k, func(w io.Writer) error { return keyTable(w, k) })
}
