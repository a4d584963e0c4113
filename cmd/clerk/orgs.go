package main

import (
	"context"
	"fmt"
	"io"
	"iter"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/organizations"
)

func orgsList(a *app, args []string) error {
	fs := a.flags()
	pg := addPaging(fs, "organizations")
	query := fs.String("query", "", "search in names, slugs and IDs")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	if err := pg.check(); err != nil {
		return err
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	p := &organizations.ListParams{IncludeMembersCount: clerk.Bool(true)}
	if *query != "" {
		p.Query = clerk.String(*query)
	}
	svc := organizations.New(c)
	list, err := fetch(a, pg, &p.ListParams,
		func(ctx context.Context) (*clerk.Page[*clerk.Organization], error) { return svc.List(ctx, p) },
		func(ctx context.Context) iter.Seq2[*clerk.Organization, error] { return svc.All(ctx, p) })
	if err != nil {
		return err
	}
	return a.output(list, func(w io.Writer) error { return orgTable(w, list...) })
}

func orgTable(w io.Writer, list ...*clerk.Organization) error {
	t := newTable(w, "ID", "NAME", "SLUG", "MEMBERS", "CREATED")
	for _, o := range list {
		members := "-"
		if o.MembersCount != nil {
			members = fmt.Sprint(*o.MembersCount)
		}
		t.row(o.ID, o.Name, o.Slug, members, stamp(o.CreatedAt))
	}
	return t.flush()
}

func orgsGet(a *app, args []string) error {
	fs := a.flags()
	pos, err := a.parse(fs, args, "ORG_ID_OR_SLUG")
	if err != nil {
		return err
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	o, err := organizations.New(c).Get(a.ctx, pos[0], &organizations.GetParams{IncludeMembersCount: clerk.Bool(true)})
	if err != nil {
		return err
	}
	return a.output(o, func(w io.Writer) error { return orgTable(w, o) })
}
