package clerktest

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/users"
)

// userFilter is the parsed filter of GET /users and GET /users/count.
type userFilter struct {
	emails, phones, externalIDs, usernames, ids, orgIDs     []string
	wallets                                                 []string
	query, emailQuery, phoneQuery, usernameQuery, nameQuery string
	banned, bannedSet                                       bool
	createdBefore, createdAfter                             *int64
	activeBefore, activeAfter, signInBefore, signInAfter    *int64
	// noMatch is set by filters no emulated user can meet: provider and
	// provider_user_id (emulated users have no external accounts).
	noMatch bool
}

// userFilterParams are the query parameters parseUserFilter implements.
func userFilterParams() []string {
	return []string{"banned", "created_at_after", "created_at_before", "email_address", "email_address_query",
		"external_id", "name_query", "organization_id", "phone_number", "phone_number_query", "query", "user_id",
		"username", "username_query", "last_active_at_after", "last_active_at_before", "last_active_at_since",
		"last_sign_in_at_after", "last_sign_in_at_before", "web3_wallet", "provider", "provider_user_id"}
}

// parseUserFilter reads the user filters of GET /users and GET
// /users/count from their params type (GET /organizations/{id}/memberships
// fills the same type with the filters it declares).
func parseUserFilter(p *users.CountParams) userFilter {
	f := userFilter{
		emails: p.EmailAddress, phones: p.PhoneNumber, externalIDs: p.ExternalID, usernames: p.Username,
		ids: p.UserID, orgIDs: p.OrganizationID, wallets: p.Web3Wallet,
		query: p.Query.Or(""), emailQuery: p.EmailAddressQuery.Or(""), phoneQuery: p.PhoneNumberQuery.Or(""),
		usernameQuery: p.UsernameQuery.Or(""), nameQuery: p.NameQuery.Or(""),
	}
	f.banned, f.bannedSet = p.Banned.Get()
	bound := func(v clerk.Opt[int64], dst **int64) {
		if n, ok := v.Get(); ok {
			*dst = ptr(n)
		}
	}
	bound(p.CreatedAtBefore, &f.createdBefore)
	bound(p.CreatedAtAfter, &f.createdAfter)
	bound(p.LastActiveAtBefore, &f.activeBefore)
	bound(p.LastActiveAtAfter, &f.activeAfter)
	//lint:ignore SA1019 the emulator serves the deprecated parameter as long as the spec defines it
	bound(p.LastActiveAtSince, &f.activeAfter)
	bound(p.LastSignInAtBefore, &f.signInBefore)
	bound(p.LastSignInAtAfter, &f.signInAfter)
	f.noMatch = p.Provider.IsSet() || len(p.ProviderUserID) > 0
	return f
}

// inRange reports whether the nullable time v is before *before and after
// *after (each bound optional; a null time meets no bound).
func inRange(v, before, after *int64) bool {
	if before == nil && after == nil {
		return true
	}
	if v == nil {
		return false
	}
	return (before == nil || *v < *before) && (after == nil || *v > *after)
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func (e *Emulator) userMatches(u *user, f userFilter) bool {
	anyOf := func(vals []string, ok func(string) bool) bool {
		return len(vals) == 0 || slices.ContainsFunc(vals, ok)
	}
	if !anyOf(f.emails, u.hasEmail) || !anyOf(f.phones, u.hasPhone) ||
		!anyOf(f.externalIDs, func(s string) bool { return u.externalID != nil && *u.externalID == s }) ||
		!anyOf(f.usernames, func(s string) bool { return u.username != nil && strings.EqualFold(*u.username, s) }) ||
		!anyOf(f.ids, func(s string) bool { return u.id == s }) ||
		!anyOf(f.orgIDs, func(s string) bool { return e.isMember(s, u.id) }) ||
		!anyOf(f.wallets, u.hasWallet) {
		return false
	}
	if f.noMatch || f.bannedSet && u.banned != f.banned {
		return false
	}
	if !inRange(u.lastActiveAt, f.activeBefore, f.activeAfter) || !inRange(u.lastSignInAt, f.signInBefore, f.signInAfter) {
		return false
	}
	if f.createdBefore != nil && u.createdAt >= *f.createdBefore {
		return false
	}
	if f.createdAfter != nil && u.createdAt <= *f.createdAfter {
		return false
	}
	emailHit := func(q string) bool {
		return slices.ContainsFunc(u.emails, func(i *identification) bool { return containsFold(i.value, q) })
	}
	phoneHit := func(q string) bool {
		return slices.ContainsFunc(u.phones, func(i *identification) bool { return strings.Contains(i.value, q) })
	}
	nameHit := func(q string) bool {
		return containsFold(deref(u.firstName)+" "+deref(u.lastName), q)
	}
	if f.emailQuery != "" && !emailHit(f.emailQuery) ||
		f.phoneQuery != "" && !phoneHit(f.phoneQuery) ||
		f.usernameQuery != "" && !containsFold(deref(u.username), f.usernameQuery) ||
		f.nameQuery != "" && !nameHit(f.nameQuery) {
		return false
	}
	if q := f.query; q != "" {
		walletHit := slices.ContainsFunc(u.wallets, func(i *identification) bool { return containsFold(i.value, q) })
		if !emailHit(q) && !phoneHit(q) && !walletHit && !containsFold(deref(u.username), q) &&
			!containsFold(u.id, q) && !nameHit(q) && !containsFold(deref(u.externalID), q) {
			return false
		}
	}
	return true
}

// userOrder returns the comparison for an order_by field of GET /users.
func userOrder(field string) (func(a, b *user) int, bool) {
	f, ok := map[string]func(a, b *user) int{
		"created_at": func(a, b *user) int { return cmp.Compare(a.createdAt, b.createdAt) },
		"updated_at": func(a, b *user) int { return cmp.Compare(a.updatedAt, b.updatedAt) },
		"email_address": func(a, b *user) int {
			return strings.Compare(strings.ToLower(a.primaryEmail()), strings.ToLower(b.primaryEmail()))
		},
		"web3wallet":      func(a, b *user) int { return 0 },
		"first_name":      func(a, b *user) int { return strings.Compare(deref(a.firstName), deref(b.firstName)) },
		"last_name":       func(a, b *user) int { return strings.Compare(deref(a.lastName), deref(b.lastName)) },
		"phone_number":    func(a, b *user) int { return strings.Compare(a.primaryPhone(), b.primaryPhone()) },
		"username":        func(a, b *user) int { return strings.Compare(deref(a.username), deref(b.username)) },
		"last_active_at":  func(a, b *user) int { return cmpPtr(a.lastActiveAt, b.lastActiveAt) },
		"last_sign_in_at": func(a, b *user) int { return cmpPtr(a.lastSignInAt, b.lastSignInAt) },
	}[field]
	return f, ok
}

func cmpPtr(a, b *int64) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	return cmp.Compare(*a, *b)
}

// parseOrder splits an order_by value into its field and direction
// ("+" is implied); only the first value counts.
func parseOrder(v, def string) (field string, desc bool) {
	if v == "" {
		v = def
	}
	switch {
	case strings.HasPrefix(v, "-"):
		return v[1:], true
	case strings.HasPrefix(v, "+"):
		return v[1:], false
	}
	return v, false
}

// empty reports whether the filter lets every user through.
func (f *userFilter) empty() bool {
	return len(f.emails)+len(f.phones)+len(f.externalIDs)+len(f.usernames)+len(f.ids)+len(f.orgIDs)+len(f.wallets) == 0 &&
		f.query == "" && f.emailQuery == "" && f.phoneQuery == "" && f.usernameQuery == "" && f.nameQuery == "" &&
		!f.bannedSet && f.createdBefore == nil && f.createdAfter == nil && f.activeBefore == nil &&
		f.activeAfter == nil && f.signInBefore == nil && f.signInAfter == nil && !f.noMatch
}

// userPage returns the page of users GET /users asks for. In creation
// order, which the index keeps, it costs the page (plus the matches it
// skips when a filter is set): an unfiltered offset or a starting_after
// cursor is found in the index directly, so listing every user page by
// page costs the same per user at any size. Other orders sort the matches.
func (e *Emulator) userPage(lp *users.ListParams, f userFilter, limit, offset int) ([]*user, error) {
	field, desc := parseOrder(lp.OrderBy.Or(""), "-created_at")
	less, ok := userOrder(field)
	if !ok {
		return nil, invalidParam("order_by", "order_by must be one of created_at, updated_at, email_address, web3wallet, first_name, last_name, phone_number, username, last_active_at, last_sign_in_at, optionally prefixed with + or -.")
	}
	idx := e.st.userOrder
	start := 0 // position in idx, in the listing's direction, to scan from
	if after := lp.StartingAfter.Or(""); after != "" {
		if field != "created_at" {
			return nil, invalidParam("starting_after", "starting_after requires ordering by created_at.")
		}
		if offset != 0 {
			return nil, invalidParam("starting_after", "starting_after cannot be combined with a non-zero offset.")
		}
		u, ok := e.st.users[after]
		if !ok {
			return nil, invalidParam("starting_after", "starting_after must be the ID of a user of the instance.")
		}
		i, _ := slices.BinarySearchFunc(idx, u, byCreation)
		if start = i + 1; desc {
			start = len(idx) - i
		}
	}
	if field != "created_at" {
		var all []*user
		for _, u := range idx {
			if e.userMatches(u, f) {
				all = append(all, u)
			}
		}
		slices.SortStableFunc(all, func(a, b *user) int {
			r := less(a, b)
			if r == 0 {
				r = cmp.Compare(a.seq, b.seq)
			}
			if desc {
				r = -r
			}
			return r
		})
		lo, hi := window(len(all), limit, offset)
		return all[lo:hi], nil
	}
	at := func(i int) *user {
		if desc {
			return idx[len(idx)-1-i]
		}
		return idx[i]
	}
	skip := offset
	if f.empty() {
		start, skip = start+offset, 0
	}
	out := make([]*user, 0, min(limit, max(len(idx)-start, 0)))
	for i := start; i < len(idx) && len(out) < limit; i++ {
		u := at(i)
		if !e.userMatches(u, f) {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		out = append(out, u)
	}
	return out, nil
}

func (e *Emulator) listUsers(c *call) (int, any, error) {
	// The list's own parameters, and its filters, which GET /users/count
	// shares (both from the SDK's params types).
	var lp users.ListParams
	var fp users.CountParams
	if err := decodeQuery(c, &lp); err != nil {
		return 0, nil, err
	}
	if err := decodeQuery(c, &fp); err != nil {
		return 0, nil, err
	}
	limit, offset, err := pageOfParams(lp.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	found, err := e.userPage(&lp, parseUserFilter(&fp), limit, offset)
	if err != nil {
		return 0, nil, err
	}
	out := make([]*clerk.User, 0, len(found))
	for _, u := range found {
		out = append(out, u.json())
	}
	return http.StatusOK, out, nil
}

func (e *Emulator) countUsers(c *call) (int, any, error) {
	var p users.CountParams
	if err := decodeQuery(c, &p); err != nil {
		return 0, nil, err
	}
	f := parseUserFilter(&p)
	n := len(e.st.userOrder)
	if !f.empty() {
		n = 0
		for _, u := range e.st.userOrder {
			if e.userMatches(u, f) {
				n++
			}
		}
	}
	return http.StatusOK, &clerk.TotalCount{Object: "total_count", TotalCount: int64(n)}, nil
}

// list is the {data, total_count} list shape.
type list[T any] struct {
	Data       []T   `json:"data"`
	TotalCount int64 `json:"total_count"`
}

// pageOf cuts one page of items and wraps it with the total count.
func pageOf[T any](items []T, limit, offset int) list[T] {
	lo, hi := window(len(items), limit, offset)
	out := make([]T, 0, hi-lo)
	out = append(out, items[lo:hi]...)
	return list[T]{Data: out, TotalCount: int64(len(items))}
}
