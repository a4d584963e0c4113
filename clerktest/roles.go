package clerktest

import (
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/permissions"
	"github.com/clerkgo/clerk/roles"
)

// Custom organization roles and permissions. The two default roles
// (org:admin, org:member) and the system permissions always exist; custom
// ones add to them and count in memberships, invitations and session
// token claims.

var permissionKey = regexp.MustCompile(`^org:[a-z0-9_]+:[a-z0-9_]+$`)
var roleKey = regexp.MustCompile(`^org:[a-z0-9_]+$`)

func (e *Emulator) roleRoutes(t []route) []route {
	t = add(t, "GET", "/organization_permissions", e.listPermissions, "limit", "offset", "order_by", "query")
	t = add(t, "POST", "/organization_permissions", e.createPermission, "description", "key", "name")
	t = add(t, "GET", "/organization_permissions/{permission_id}", e.getPermission)
	t = add(t, "PATCH", "/organization_permissions/{permission_id}", e.updatePermission, "description", "key", "name")
	t = add(t, "DELETE", "/organization_permissions/{permission_id}", e.deletePermission)
	t = add(t, "GET", "/organization_roles", e.listRoles, "limit", "offset", "order_by", "query")
	t = add(t, "POST", "/organization_roles", e.createRole, "description", "include_in_initial_role_set", "key", "name", "permissions")
	t = add(t, "GET", "/organization_roles/{organization_role_id}", e.getRole)
	t = add(t, "PATCH", "/organization_roles/{organization_role_id}", e.updateRole, "description", "key", "name", "permissions")
	t = add(t, "DELETE", "/organization_roles/{organization_role_id}", e.deleteRole)
	t = add(t, "POST", "/organization_roles/{organization_role_id}/permissions/{permission_id}", e.rolePermission(true))
	t = add(t, "DELETE", "/organization_roles/{organization_role_id}/permissions/{permission_id}", e.rolePermission(false))
	return t
}

// systemPermissions are Clerk's built-in organization permissions.
var systemPermissions = []string{"org:sys_memberships:read", "org:sys_domains:read", "org:sys_billing:read",
	"org:sys_profile:manage", "org:sys_profile:delete", "org:sys_memberships:manage", "org:sys_domains:manage", "org:sys_billing:manage"}

// defaultRolePermissions are the permission keys of the default roles.
func defaultRolePermissions(key string) ([]string, bool) {
	switch key {
	case "org:admin":
		return slices.Clone(systemPermissions), true
	case "org:member":
		return []string{"org:sys_memberships:read", "org:sys_domains:read", "org:sys_billing:read"}, true
	}
	return nil, false
}

// rolePermissionKeys returns the permission keys of a role, default or
// custom, and whether the role exists.
func (e *Emulator) rolePermissionKeys(key string) ([]string, bool) {
	if p, ok := defaultRolePermissions(key); ok {
		return p, true
	}
	for _, r := range e.st.roles.list(false, nil) {
		if r.Key == key {
			var out []string
			for _, id := range e.st.rolePerms[r.ID] {
				if p, ok := e.st.permissions.get(id); ok {
					out = append(out, p.Key)
				}
			}
			return out, true
		}
	}
	return nil, false
}

// validRole refuses a role key that is neither a default nor a custom role.
func (e *Emulator) validRole(role string) error {
	if _, ok := e.rolePermissionKeys(role); !ok {
		return invalidParam("role", "role must be org:admin, org:member or the key of a custom role.")
	}
	return nil
}

func (e *Emulator) permissionByKey(key string) *clerk.Permission {
	for _, p := range e.st.permissions.list(false, nil) {
		if p.Key == key {
			return p
		}
	}
	return nil
}

func (e *Emulator) createPermission(c *call) (int, any, error) {
	var p permissions.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("name", p.Name, "key", p.Key); err != nil {
		return 0, nil, err
	}
	if !permissionKey.MatchString(p.Key) || strings.HasPrefix(p.Key, "org:sys_") {
		return 0, nil, invalidParam("key", "key must have the form org:<feature>:<permission> and not use the org:sys_ prefix.")
	}
	if e.permissionByKey(p.Key) != nil {
		return 0, nil, fail(http.StatusUnprocessableEntity, "form_already_exists", "already exists", "A permission with this key already exists.")
	}
	now := e.ms()
	perm := &clerk.Permission{Object: "permission", ID: newID("perm"), Key: p.Key, Name: p.Name,
		Description: p.Description.Or(""), Type: "user", CreatedAt: now, UpdatedAt: now}
	e.st.permissions.put(perm.ID, perm)
	return http.StatusOK, perm, nil
}

func (e *Emulator) listPermissions(c *call) (int, any, error) {
	var lp permissions.ListParams
	if err := decodeQuery(c, &lp); err != nil {
		return 0, nil, err
	}
	q := lp.Query.Or("")
	all := e.st.permissions.list(true, func(p *clerk.Permission) bool {
		return q == "" || containsFold(p.Key, q) || containsFold(p.Name, q)
	})
	if err := orderByName(lp.OrderBy.Or(""), all, func(p *clerk.Permission) (string, string) { return p.Name, p.Key }); err != nil {
		return 0, nil, err
	}
	limit, offset, err := pageOfParams(lp.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, pageOf(all, limit, offset), nil
}

// orderByName applies order_by for lists that sort by created_at (the
// store's order), name or key.
func orderByName[T any](orderBy string, items []*T, fields func(*T) (name, key string)) error {
	field, desc := parseOrder(orderBy, "-created_at")
	switch field {
	case "created_at":
		if !desc {
			slices.Reverse(items)
		}
	case "name":
		sortBy(items, desc, func(v *T) string { n, _ := fields(v); return strings.ToLower(n) })
	case "key":
		sortBy(items, desc, func(v *T) string { _, k := fields(v); return k })
	default:
		return invalidParam("order_by", "order_by must be created_at, name or key, optionally prefixed with + or -.")
	}
	return nil
}

func (e *Emulator) getPermission(c *call) (int, any, error) {
	p, err := find(&e.st.permissions, c, "permission_id", "permission")
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, p, nil
}

func (e *Emulator) updatePermission(c *call) (int, any, error) {
	perm, err := find(&e.st.permissions, c, "permission_id", "permission")
	if err != nil {
		return 0, nil, err
	}
	var p permissions.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if k, ok := p.Key.Get(); ok {
		if !permissionKey.MatchString(k) || strings.HasPrefix(k, "org:sys_") {
			return 0, nil, invalidParam("key", "key must have the form org:<feature>:<permission> and not use the org:sys_ prefix.")
		}
		if other := e.permissionByKey(k); other != nil && other.ID != perm.ID {
			return 0, nil, fail(http.StatusUnprocessableEntity, "form_already_exists", "already exists", "A permission with this key already exists.")
		}
		perm.Key = k
	}
	if n, ok := p.Name.Get(); ok {
		perm.Name = n
	}
	if d, ok := p.Description.Get(); ok {
		perm.Description = d
	}
	perm.UpdatedAt = e.ms()
	return http.StatusOK, perm, nil
}

func (e *Emulator) deletePermission(c *call) (int, any, error) {
	perm, err := find(&e.st.permissions, c, "permission_id", "permission")
	if err != nil {
		return 0, nil, err
	}
	e.st.permissions.del(perm.ID)
	for rid, ids := range e.st.rolePerms {
		e.st.rolePerms[rid] = slices.DeleteFunc(ids, func(id string) bool { return id == perm.ID })
	}
	return http.StatusOK, deleted("permission", perm.ID), nil
}

// roleJSON is the stored role with its current permissions.
func (e *Emulator) roleJSON(r *clerk.Role) *clerk.Role {
	out := *r
	out.Permissions = []*clerk.Permission{}
	for _, id := range e.st.rolePerms[r.ID] {
		if p, ok := e.st.permissions.get(id); ok {
			out.Permissions = append(out.Permissions, &clerk.Permission{Object: p.Object, ID: p.ID, CreatedAt: p.CreatedAt,
				Description: p.Description, Key: p.Key, Name: p.Name, Type: p.Type, UpdatedAt: p.UpdatedAt})
		}
	}
	return &out
}

// permissionIDs resolves permission IDs or keys to IDs.
func (e *Emulator) permissionIDs(refs []string) ([]string, error) {
	out := make([]string, 0, len(refs))
	for _, ref := range refs {
		if _, ok := e.st.permissions.get(ref); ok {
			out = append(out, ref)
			continue
		}
		if p := e.permissionByKey(ref); p != nil {
			out = append(out, p.ID)
			continue
		}
		return nil, resourceParamNotFound("permissions")
	}
	return out, nil
}

func (e *Emulator) createRole(c *call) (int, any, error) {
	var p roles.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("name", p.Name, "key", p.Key); err != nil {
		return 0, nil, err
	}
	if !roleKey.MatchString(p.Key) {
		return 0, nil, invalidParam("key", "key must have the form org:<role>.")
	}
	if _, exists := e.rolePermissionKeys(p.Key); exists {
		return 0, nil, fail(http.StatusUnprocessableEntity, "form_already_exists", "already exists", "A role with this key already exists.")
	}
	ids, err := e.permissionIDs(p.Permissions.Or(nil))
	if err != nil {
		return 0, nil, err
	}
	now := e.ms()
	r := &clerk.Role{Object: "role", ID: newID("role"), Key: p.Key, Name: p.Name, Description: optPtr(p.Description.Get()),
		CreatedAt: now, UpdatedAt: now}
	e.st.roles.put(r.ID, r)
	e.st.rolePerms[r.ID] = ids
	if p.IncludeInInitialRoleSet.Or(false) {
		for _, rs := range e.st.roleSets.list(false, nil) {
			if rs.set.Type == clerk.RoleSetTypeInitial && !slices.Contains(rs.roleKeys, r.Key) {
				rs.roleKeys, rs.set.UpdatedAt = append(rs.roleKeys, r.Key), now
			}
		}
	}
	return http.StatusOK, e.roleJSON(r), nil
}

func optPtr[T any](v T, ok bool) *T {
	if !ok {
		return nil
	}
	return &v
}

func (e *Emulator) listRoles(c *call) (int, any, error) {
	var lp roles.ListParams
	if err := decodeQuery(c, &lp); err != nil {
		return 0, nil, err
	}
	q := lp.Query.Or("")
	all := e.st.roles.list(true, func(r *clerk.Role) bool { return q == "" || containsFold(r.Key, q) || containsFold(r.Name, q) })
	if err := orderByName(lp.OrderBy.Or(""), all, func(r *clerk.Role) (string, string) { return r.Name, r.Key }); err != nil {
		return 0, nil, err
	}
	limit, offset, err := pageOfParams(lp.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	out := make([]*clerk.Role, 0, len(all))
	for _, r := range all {
		out = append(out, e.roleJSON(r))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

func (e *Emulator) getRole(c *call) (int, any, error) {
	r, err := find(&e.st.roles, c, "organization_role_id", "role")
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, e.roleJSON(r), nil
}

func (e *Emulator) updateRole(c *call) (int, any, error) {
	r, err := find(&e.st.roles, c, "organization_role_id", "role")
	if err != nil {
		return 0, nil, err
	}
	var p roles.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	cp := *r
	if k, ok := p.Key.Get(); ok && k != r.Key {
		if !roleKey.MatchString(k) {
			return 0, nil, invalidParam("key", "key must have the form org:<role>.")
		}
		if _, exists := e.rolePermissionKeys(k); exists {
			return 0, nil, fail(http.StatusUnprocessableEntity, "form_already_exists", "already exists", "A role with this key already exists.")
		}
		for _, m := range e.st.memberships {
			if m.role == r.Key {
				m.role = k
			}
		}
		cp.Key = k
	}
	if n, ok := p.Name.Get(); ok {
		cp.Name = n
	}
	if p.Description.IsSet() || p.Description.IsNull() {
		cp.Description = optPtr(p.Description.Get())
	}
	if refs, ok := p.Permissions.Get(); ok {
		ids, err := e.permissionIDs(refs)
		if err != nil {
			return 0, nil, err
		}
		e.st.rolePerms[r.ID] = ids
	}
	cp.UpdatedAt = e.ms()
	*r = cp
	return http.StatusOK, e.roleJSON(r), nil
}

func (e *Emulator) deleteRole(c *call) (int, any, error) {
	r, err := find(&e.st.roles, c, "organization_role_id", "role")
	if err != nil {
		return 0, nil, err
	}
	for _, m := range e.st.memberships {
		if m.role == r.Key {
			return 0, nil, fail(http.StatusUnprocessableEntity, "role_in_use", "role in use",
				"This role is assigned to organization members and cannot be deleted.")
		}
	}
	e.st.roles.del(r.ID)
	delete(e.st.rolePerms, r.ID)
	return http.StatusOK, deleted("role", r.ID), nil
}

// rolePermission adds a permission to a role or removes it.
func (e *Emulator) rolePermission(assign bool) handler {
	return func(c *call) (int, any, error) {
		r, err := find(&e.st.roles, c, "organization_role_id", "role")
		if err != nil {
			return 0, nil, err
		}
		p, err := find(&e.st.permissions, c, "permission_id", "permission")
		if err != nil {
			return 0, nil, err
		}
		ids := e.st.rolePerms[r.ID]
		has := slices.Contains(ids, p.ID)
		switch {
		case assign && has:
			return 0, nil, fail(http.StatusConflict, "duplicate_record", "already assigned", "The permission is already assigned to this role.")
		case assign:
			e.st.rolePerms[r.ID] = append(ids, p.ID)
		case !has:
			return 0, nil, notFound("permission " + p.ID + " of role " + r.ID)
		default:
			e.st.rolePerms[r.ID] = slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == p.ID })
		}
		r.UpdatedAt = e.ms()
		return http.StatusOK, e.roleJSON(r), nil
	}
}
