package main

import (
	"fmt"
	"io"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/organizations"
)

func orgsList(a *app, args []string) error {
	fs := a.flags()
	limit := fs.Int64("limit", 20, "page size")
	offset := fs.Int64("offset", 0, "number of organizations to skip")
	query := fs.String("query", "", "search in names, slugs and IDs")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	c, err := a.client()
	if err != nil {
		return err
	}
	p := &organizations.ListParams{IncludeMembersCount: clerk.Bool(true)}
	p.Limit = clerk.Int64(*limit)
	if *offset > 0 {
		p.Offset = clerk.Int64(*offset)
	}
	if *query != "" {
		p.Query = clerk.String(*query)
	}
	page, err := organizations.New(c).List(a.ctx, p)
	if err != nil {
		return err
	}
	return a.output(page.Data, func(w io.Writer) error { return orgTable(w, page.Data...) })
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
