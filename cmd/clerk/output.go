package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/clerkgo/clerk"
)

// table writes aligned columns.
type table struct{ tw *tabwriter.Writer }

func newTable(w io.Writer, headers ...string) *table {
	t := &table{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
	t.row(headers...)
	return t
}

func (t *table) row(cols ...string) {
	for i, c := range cols {
		cols[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(c)
	}
	fmt.Fprintln(t.tw, strings.Join(cols, "\t"))
}

func (t *table) flush() error { return t.tw.Flush() }

// output prints v as indented JSON with --json, else calls tbl.
func (a *app) output(v any, tbl func(w io.Writer) error) error {
	if a.json {
		return writeJSON(a.stdout, v)
	}
	return tbl(a.stdout)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	return nil
}

// Cell formatters: "-" stands for absent or null.

func str(p *string) string {
	if p == nil || *p == "" {
		return "-"
	}
	return *p
}

// stamp formats Unix milliseconds as a UTC date and time.
func stamp(ms int64) string {
	if ms == 0 {
		return "-"
	}
	return time.UnixMilli(ms).UTC().Format("2006-01-02 15:04")
}

func money(m *clerk.Money) string {
	if m == nil {
		return "-"
	}
	if m.AmountFormatted != "" {
		return m.CurrencySymbol + m.AmountFormatted
	}
	return fmt.Sprintf("%d %s", m.Amount, m.Currency)
}

func userName(u *clerk.User) string {
	name := strings.TrimSpace(str0(u.FirstName) + " " + str0(u.LastName))
	if name == "" {
		return "-"
	}
	return name
}

func str0(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// primaryEmail returns the user's primary email address, else the first one.
func primaryEmail(u *clerk.User) string {
	for _, e := range u.EmailAddresses {
		if e.ID != nil && u.PrimaryEmailAddressID != nil && *e.ID == *u.PrimaryEmailAddressID {
			return e.EmailAddress
		}
	}
	if len(u.EmailAddresses) > 0 {
		return u.EmailAddresses[0].EmailAddress
	}
	return "-"
}

// userFlags summarizes a user's state in one cell.
func userFlags(u *clerk.User) string {
	var f []string
	if u.PasswordEnabled {
		f = append(f, "password")
	}
	if u.Banned {
		f = append(f, "banned")
	}
	if u.Locked {
		f = append(f, "locked")
	}
	if len(f) == 0 {
		return "-"
	}
	return strings.Join(f, ",")
}
