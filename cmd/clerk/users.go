package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"iter"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/batch"
	"github.com/clerkgo/clerk/users"
)

func usersList(a *app, args []string) error {
	fs := a.flags()
	pg := addPaging(fs, "users")
	query := fs.String("query", "", "search in names, emails, usernames, phone numbers and IDs")
	orderBy := fs.String("order-by", "", "sort order, e.g. -created_at")
	var emails stringList
	fs.Var(&emails, "email", "only this email address (repeatable)")
	domain := fs.String("email-domain", "", "only users with an email address at exactly this domain (not its subdomains, not lookalikes)")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	if *domain != "" {
		return usersAtDomain(a, *domain)
	}
	if err := pg.check(); err != nil {
		return err
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	p := &users.ListParams{EmailAddress: emails}
	if *query != "" {
		p.Query = clerk.String(*query)
	}
	if *orderBy != "" {
		p.OrderBy = clerk.String(*orderBy)
	}
	svc := users.New(c)
	list, err := fetch(a, pg, &p.ListParams,
		func(ctx context.Context) (*clerk.Page[*clerk.User], error) { return svc.List(ctx, p) },
		func(ctx context.Context) iter.Seq2[*clerk.User, error] { return svc.All(ctx, p) })
	if err != nil {
		return err
	}
	return a.output(list, func(w io.Writer) error { return userTable(w, list...) })
}

// usersAtDomain lists every user with an address at exactly domain.
func usersAtDomain(a *app, domain string) error {
	c, err := a.client()
	if err != nil {
		return err
	}
	var list []*clerk.User
	for u, err := range batch.UsersAtDomain(a.ctx, c, domain) {
		if errors.Is(err, clerk.ErrInvalidParams) {
			return usagef("--email-domain: %v", err)
		}
		if err != nil {
			return err
		}
		list = append(list, u)
	}
	return a.output(list, func(w io.Writer) error { return userTable(w, list...) })
}

func userTable(w io.Writer, list ...*clerk.User) error {
	t := newTable(w, "ID", "NAME", "EMAIL", "USERNAME", "STATE", "CREATED")
	for _, u := range list {
		t.row(u.ID, userName(u), primaryEmail(u), str(u.Username), userFlags(u), stamp(u.CreatedAt))
	}
	return t.flush()
}

func usersGet(a *app, args []string) error {
	fs := a.flags()
	pos, err := a.parse(fs, args, "USER_ID")
	if err != nil {
		return err
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	u, err := users.New(c).Get(a.ctx, pos[0])
	if err != nil {
		return err
	}
	return a.output(u, func(w io.Writer) error { return userTable(w, u) })
}

func usersCreate(a *app, args []string) error {
	fs := a.flags()
	var emails, phones stringList
	fs.Var(&emails, "email", "email address (repeatable)")
	fs.Var(&phones, "phone", "phone number in E.164 (repeatable)")
	username := fs.String("username", "", "username")
	first := fs.String("first-name", "", "first name")
	last := fs.String("last-name", "", "last name")
	password := fs.String("password", "", "password (prefer --password-stdin)")
	passwordStdin := fs.Bool("password-stdin", false, "read the password from the first line of stdin")
	externalID := fs.String("external-id", "", "your own ID for the user")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	p := &users.CreateParams{}
	if len(emails) > 0 {
		p.EmailAddress = clerk.Value([]string(emails))
	}
	if len(phones) > 0 {
		p.PhoneNumber = clerk.Value([]string(phones))
	}
	setIf(&p.Username, *username)
	setIf(&p.FirstName, *first)
	setIf(&p.LastName, *last)
	setIf(&p.ExternalID, *externalID)
	if *passwordStdin {
		pw, err := readLine(a.stdin)
		if err != nil {
			return usagef("read password from stdin: %v", err)
		}
		*password = pw
	}
	setIf(&p.Password, *password)
	c, err := a.client()
	if err != nil {
		return err
	}
	u, err := users.New(c).Create(a.ctx, p)
	if err != nil {
		return err
	}
	return a.output(u, func(w io.Writer) error { return userTable(w, u) })
}

func setIf(o *clerk.Opt[string], v string) {
	if v != "" {
		*o = clerk.String(v)
	}
}

// updatable lists the string fields users update can set or null.
func updatable() []string { return []string{"first-name", "last-name", "username", "external-id"} }

func usersUpdate(a *app, args []string) error {
	fs := a.flags()
	vals := map[string]*string{}
	for _, f := range updatable() {
		vals[f] = fs.String(f, "", "new "+f+" (omitted when the flag is absent)")
	}
	var unset stringList
	fs.Var(&unset, "unset", "set this field to null: first-name, last-name, username or external-id (repeatable)")
	pos, err := a.parse(fs, args, "USER_ID")
	if err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	fields := map[string]*clerk.Opt[string]{}
	p := &users.UpdateParams{}
	fields["first-name"], fields["last-name"], fields["username"], fields["external-id"] = &p.FirstName, &p.LastName, &p.Username, &p.ExternalID
	for _, f := range updatable() {
		if given[f] {
			*fields[f] = clerk.String(*vals[f])
		}
	}
	for _, f := range unset {
		o, ok := fields[f]
		if !ok {
			return usagef("--unset %q: not one of first-name, last-name, username, external-id", f)
		}
		if given[f] {
			return usagef("--%s and --unset %s contradict each other", f, f)
		}
		*o = clerk.Null[string]()
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	u, err := users.New(c).Update(a.ctx, pos[0], p)
	if err != nil {
		return err
	}
	return a.output(u, func(w io.Writer) error { return userTable(w, u) })
}
