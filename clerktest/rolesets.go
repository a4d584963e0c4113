package clerktest

import (
	"net/http"
	"slices"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/rolesets"
)

// Role sets: named groups of organization roles with a default role and a
// creator role. Retiring one (replace) moves the memberships holding its
// roles to the destination set's default role, or as mapped.

type roleSet struct {
	set                    *clerk.RoleSet
	roleKeys               []string
	defaultKey, creatorKey string
}

func (e *Emulator) roleSetRoutes(t []route) []route {
	t = add(t, "GET", "/role_sets", e.listRoleSets, "limit", "offset", "order_by", "query")
	t = add(t, "POST", "/role_sets", e.createRoleSet, "creator_role_key", "default_role_key", "description", "key", "name", "roles", "type")
	t = add(t, "GET", "/role_sets/{role_set_key_or_id}", e.getRoleSet)
	t = add(t, "PATCH", "/role_sets/{role_set_key_or_id}", e.updateRoleSet, "creator_role_key", "default_role_key", "description", "key", "name", "type")
	t = add(t, "POST", "/role_sets/{role_set_key_or_id}/roles", e.addRoleSetRoles, "creator_role_key", "default_role_key", "role_keys")
	t = add(t, "POST", "/role_sets/{role_set_key_or_id}/roles/replace", e.swapRoleSetRole, "role_key", "to_role_key")
	t = add(t, "POST", "/role_sets/{role_set_key_or_id}/replace", e.retireRoleSet, "dest_role_set_key", "reassignment_mappings")
	return t
}

// roleSetRole describes a role, default or custom, as a role set lists
// it, with how many memberships hold it.
func (e *Emulator) roleSetRole(key string) *clerk.RoleSetRole {
	n := int64(0)
	for _, m := range e.st.memberships {
		if m.role == key {
			n++
		}
	}
	out := &clerk.RoleSetRole{Object: "role_set_item", ID: stableID("role", key), Key: key, Name: roleName(key),
		MembersCount: clerk.Value(n), HasMembers: clerk.Value(n > 0)}
	for _, r := range e.st.roles.list(false, nil) {
		if r.Key == key {
			out.ID, out.Name, out.Description, out.CreatedAt, out.UpdatedAt = r.ID, r.Name, r.Description, r.CreatedAt, r.UpdatedAt
		}
	}
	return out
}

func (e *Emulator) roleSetJSON(rs *roleSet) *clerk.RoleSet {
	out := *rs.set
	out.Roles = []*clerk.RoleSetRole{}
	for _, k := range rs.roleKeys {
		out.Roles = append(out.Roles, e.roleSetRole(k))
	}
	out.DefaultRole = clerk.Value(*e.roleSetRole(rs.defaultKey))
	out.CreatorRole = clerk.Value(*e.roleSetRole(rs.creatorKey))
	if out.RoleSetMigration.IsOmitted() {
		out.RoleSetMigration = clerk.Null[clerk.RoleSetMigration]() // no migration under way
	}
	return &out
}

func (e *Emulator) findRoleSet(c *call) (*roleSet, error) {
	ref := c.param("role_set_key_or_id")
	for _, rs := range e.st.roleSets.list(false, nil) {
		if rs.set.ID == ref || rs.set.Key == ref {
			return rs, nil
		}
	}
	return nil, notFound("role set " + ref)
}

// checkRoleSetRoles validates role keys and that the default and creator
// roles are among them.
func (e *Emulator) checkRoleSetRoles(keys []string, def, creator string) error {
	for _, k := range keys {
		if _, ok := e.rolePermissionKeys(k); !ok {
			return resourceParamNotFound("roles")
		}
	}
	if !slices.Contains(keys, def) {
		return invalidParam("default_role_key", "default_role_key must be one of the set's roles.")
	}
	if !slices.Contains(keys, creator) {
		return invalidParam("creator_role_key", "creator_role_key must be one of the set's roles.")
	}
	return nil
}

func (e *Emulator) createRoleSet(c *call) (int, any, error) {
	var p rolesets.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("name", p.Name, "default_role_key", p.DefaultRoleKey, "creator_role_key", p.CreatorRoleKey); err != nil {
		return 0, nil, err
	}
	if err := e.checkRoleSetRoles(p.Roles, p.DefaultRoleKey, p.CreatorRoleKey); err != nil {
		return 0, nil, err
	}
	key := p.Key.Or(slugify(p.Name))
	for _, rs := range e.st.roleSets.list(false, nil) {
		if rs.set.Key == key {
			return 0, nil, fail(http.StatusUnprocessableEntity, "form_already_exists", "already exists", "A role set with this key already exists.")
		}
	}
	typ := p.Type.Or("custom")
	if typ != "custom" && typ != "initial" {
		return 0, nil, invalidParam("type", "type must be initial or custom.")
	}
	now := e.ms()
	rs := &roleSet{roleKeys: slices.Clone(p.Roles), defaultKey: p.DefaultRoleKey, creatorKey: p.CreatorRoleKey,
		set: &clerk.RoleSet{Object: "role_set", ID: newID("rs"), Key: key, Name: p.Name, Description: optPtr(p.Description.Get()),
			Type: clerk.RoleSetType(typ), CreatedAt: now, UpdatedAt: now}}
	e.st.roleSets.put(rs.set.ID, rs)
	return http.StatusOK, e.roleSetJSON(rs), nil
}

func (e *Emulator) listRoleSets(c *call) (int, any, error) {
	var lp rolesets.ListParams
	if err := decodeQuery(c, &lp); err != nil {
		return 0, nil, err
	}
	q := lp.Query.Or("")
	all := e.st.roleSets.list(true, func(rs *roleSet) bool { return q == "" || containsFold(rs.set.Name, q) || containsFold(rs.set.Key, q) })
	if err := orderByName(lp.OrderBy.Or(""), all, func(rs *roleSet) (string, string) { return rs.set.Name, rs.set.Key }); err != nil {
		return 0, nil, err
	}
	limit, offset, err := pageOfParams(lp.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	out := make([]*clerk.RoleSet, 0, len(all))
	for _, rs := range all {
		out = append(out, e.roleSetJSON(rs))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

func (e *Emulator) getRoleSet(c *call) (int, any, error) {
	rs, err := e.findRoleSet(c)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, e.roleSetJSON(rs), nil
}

func (e *Emulator) updateRoleSet(c *call) (int, any, error) {
	rs, err := e.findRoleSet(c)
	if err != nil {
		return 0, nil, err
	}
	var p rolesets.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	def, creator := p.DefaultRoleKey.Or(rs.defaultKey), p.CreatorRoleKey.Or(rs.creatorKey)
	if err := e.checkRoleSetRoles(rs.roleKeys, def, creator); err != nil {
		return 0, nil, err
	}
	rs.defaultKey, rs.creatorKey = def, creator
	s, ok := p.Name.Get()
	setOpt(&rs.set.Name, s, ok)
	s, ok = p.Key.Get()
	setOpt(&rs.set.Key, s, ok)
	if t, ok := p.Type.Get(); ok {
		rs.set.Type = clerk.RoleSetType(t)
	}
	if p.Description.IsSet() || p.Description.IsNull() {
		rs.set.Description = optPtr(p.Description.Get())
	}
	rs.set.UpdatedAt = e.ms()
	return http.StatusOK, e.roleSetJSON(rs), nil
}

func (e *Emulator) addRoleSetRoles(c *call) (int, any, error) {
	rs, err := e.findRoleSet(c)
	if err != nil {
		return 0, nil, err
	}
	var p rolesets.AddRolesParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if len(p.RoleKeys) == 0 {
		return 0, nil, missingParam("role_keys")
	}
	keys := slices.Clone(rs.roleKeys)
	for _, k := range p.RoleKeys {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	def, creator := p.DefaultRoleKey.Or(rs.defaultKey), p.CreatorRoleKey.Or(rs.creatorKey)
	if err := e.checkRoleSetRoles(keys, def, creator); err != nil {
		return 0, nil, err
	}
	rs.roleKeys, rs.defaultKey, rs.creatorKey, rs.set.UpdatedAt = keys, def, creator, e.ms()
	return http.StatusOK, e.roleSetJSON(rs), nil
}

// swapRoleSetRole replaces one role of the set with another; memberships
// holding the old role move to the new one.
func (e *Emulator) swapRoleSetRole(c *call) (int, any, error) {
	rs, err := e.findRoleSet(c)
	if err != nil {
		return 0, nil, err
	}
	var p rolesets.SwapRoleParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("role_key", p.RoleKey, "to_role_key", p.ToRoleKey); err != nil {
		return 0, nil, err
	}
	i := slices.Index(rs.roleKeys, p.RoleKey)
	if i < 0 {
		return 0, nil, resourceParamNotFound("role_key")
	}
	if _, ok := e.rolePermissionKeys(p.ToRoleKey); !ok {
		return 0, nil, resourceParamNotFound("to_role_key")
	}
	rs.roleKeys[i] = p.ToRoleKey
	rs.roleKeys = slices.Compact(rs.roleKeys)
	for _, k := range []*string{&rs.defaultKey, &rs.creatorKey} {
		if *k == p.RoleKey {
			*k = p.ToRoleKey
		}
	}
	e.reassignRole(c, p.RoleKey, p.ToRoleKey)
	rs.set.UpdatedAt = e.ms()
	return http.StatusOK, e.roleSetJSON(rs), nil
}

// reassignRole moves every membership from one role to another, with an
// organizationMembership.updated event each.
func (e *Emulator) reassignRole(c *call, from, to string) {
	var ms []*membership
	for _, m := range e.st.memberships {
		if m.role == from {
			ms = append(ms, m)
		}
	}
	slices.SortFunc(ms, func(a, b *membership) int { return cmpInt(a.seq, b.seq) })
	for _, m := range ms {
		m.role, m.updatedAt = to, e.ms()
		c.emit("organizationMembership.updated", e.membershipJSON(m))
	}
}

// retireRoleSet deletes the set, moving memberships holding its roles to
// the destination set (as mapped, else to its default role).
func (e *Emulator) retireRoleSet(c *call) (int, any, error) {
	rs, err := e.findRoleSet(c)
	if err != nil {
		return 0, nil, err
	}
	var p rolesets.RetireParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("dest_role_set_key", p.DestinationRoleSetKey); err != nil {
		return 0, nil, err
	}
	var dest *roleSet
	for _, o := range e.st.roleSets.list(false, nil) {
		if o.set.Key == p.DestinationRoleSetKey && o != rs {
			dest = o
		}
	}
	if dest == nil {
		return 0, nil, resourceParamNotFound("dest_role_set_key")
	}
	mapping := p.ReassignmentMappings.Or(nil)
	for _, k := range rs.roleKeys {
		if slices.Contains(dest.roleKeys, k) {
			continue
		}
		to := dest.defaultKey
		if m, ok := mapping[k]; ok {
			if !slices.Contains(dest.roleKeys, m) {
				return 0, nil, invalidParam("reassignment_mappings", "every mapped role must be a role of the destination set.")
			}
			to = m
		}
		e.reassignRole(c, k, to)
	}
	e.st.roleSets.del(rs.set.ID)
	return http.StatusOK, deleted("role_set", rs.set.ID), nil
}

// roleSetExists reports whether a role set has the key.
func (e *Emulator) roleSetExists(key string) bool {
	for _, rs := range e.st.roleSets.list(false, nil) {
		if rs.set.Key == key {
			return true
		}
	}
	return false
}
