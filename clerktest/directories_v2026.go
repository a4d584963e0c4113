package clerktest

import (
	"cmp"
	"math"
	"net/http"
	"slices"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/directories"
)

// Group-role mappings and API key rotation of directories, which API
// version 2026-05-12 adds (versionRefusal hides them from earlier
// versions). Both route families serve one set of mappings per directory;
// the /scim_directories routes answer with the SCIM object names. The
// emulator receives no SCIM pushes, so a group's display name is its ID.

func (e *Emulator) directoryV2026Routes(t []route) []route {
	for _, base := range []struct {
		path, param string
		scim        bool
	}{{"/directories/{directory_id}", "directory_id", false}, {"/scim_directories/{scim_directory_id}", "scim_directory_id", true}} {
		t = add(t, "GET", base.path+"/group_role_mappings", e.listGroupRoleMappings(base.param, base.scim))
		t = add(t, "POST", base.path+"/group_role_mappings", e.createGroupRoleMapping(base.param, base.scim), "directory_group_id", "precedence", "role_id", "scim_group_id")
		t = add(t, "PUT", base.path+"/group_role_mappings", e.replaceGroupRoleMappings(base.param, base.scim), "mappings")
		t = add(t, "DELETE", base.path+"/group_role_mappings/{mapping_id}", e.deleteGroupRoleMapping(base.param, base.scim))
		t = add(t, "POST", base.path+"/rotate_api_key", e.rotateDirectoryKey(base.param, base.scim))
	}
	return t
}

// mappingAnswer is a mapping as a route answers it, with its role as it
// is now (the stored copy when the role was deleted since).
func (e *Emulator) mappingAnswer(m *clerk.DirectoryGroupRoleMapping, scim bool) any {
	role := m.Role
	if r, ok := e.st.roles.get(m.Role.ID); ok {
		role = e.roleJSON(r)
	}
	if !scim {
		out := *m
		out.Role = role
		return &out
	}
	return &clerk.SCIMGroupRoleMapping{Object: "scim_group_role_mapping", ID: m.ID, DirectoryID: m.DirectoryID,
		SCIMDirectoryID: m.SCIMDirectoryID, DirectoryGroupID: m.DirectoryGroupID, SCIMGroupID: m.SCIMGroupID,
		DirectoryGroupDisplayName: m.DirectoryGroupDisplayName, SCIMGroupDisplayName: m.SCIMGroupDisplayName,
		Role: role, Precedence: m.Precedence, CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt}
}

// mappingsOf returns a directory's mappings by precedence.
func (e *Emulator) mappingsOf(dirID string) []*clerk.DirectoryGroupRoleMapping {
	out := e.st.groupRoleMappings.list(false, func(m *clerk.DirectoryGroupRoleMapping) bool { return m.DirectoryID == dirID })
	slices.SortStableFunc(out, func(a, b *clerk.DirectoryGroupRoleMapping) int { return cmp.Compare(a.Precedence, b.Precedence) })
	return out
}

// renumber gives mappings, in order, the precedences 1, 2, ...
func (e *Emulator) renumber(ms []*clerk.DirectoryGroupRoleMapping) {
	now := e.ms()
	for i, m := range ms {
		if m.Precedence != int64(i+1) {
			m.Precedence, m.UpdatedAt = int64(i+1), now
		}
	}
}

// mappingsAnswer is the list answer of the mapping routes.
func (e *Emulator) mappingsAnswer(ms []*clerk.DirectoryGroupRoleMapping, scim bool) any {
	data := make([]any, len(ms))
	for i, m := range ms {
		data[i] = e.mappingAnswer(m, scim)
	}
	return list[any]{Data: data, TotalCount: int64(len(ms))}
}

// mappingDirectory finds the route's directory and checks that group role
// mapping is on, as every write route requires.
func (e *Emulator) mappingDirectory(c *call, param string, write bool) (*clerk.Directory, error) {
	d, err := find(&e.st.directories, c, param, "directory")
	if err != nil {
		return nil, err
	}
	if write && !d.GroupRoleMappingEnabled {
		return nil, fail(http.StatusBadRequest, "group_role_mapping_not_enabled", "group role mapping is not enabled",
			"Group role mapping must be enabled on the directory before its mappings can change.")
	}
	return d, nil
}

// mappingGroup is the group a mapping names, under either of its names
// (directory_group_id, or scim_group_id on the SCIM routes).
func mappingGroup(directoryGroup, scimGroup clerk.Opt[string]) string {
	return cmp.Or(strings.TrimSpace(directoryGroup.Or("")), strings.TrimSpace(scimGroup.Or("")))
}

// newMapping builds a mapping of group to role for directory d.
func (e *Emulator) newMapping(d *clerk.Directory, group, roleID string) (*clerk.DirectoryGroupRoleMapping, error) {
	role, ok := e.st.roles.get(roleID)
	if !ok {
		return nil, resourceParamNotFound("role_id")
	}
	now := e.ms()
	r := *e.roleJSON(role)
	return &clerk.DirectoryGroupRoleMapping{Object: "directory_group_role_mapping", ID: newID("dgrm"), DirectoryID: d.ID,
		SCIMDirectoryID: d.ID, DirectoryGroupID: group, SCIMGroupID: group, DirectoryGroupDisplayName: group,
		SCIMGroupDisplayName: group, Role: &r, CreatedAt: now, UpdatedAt: now}, nil
}

// createMappings stores the mappings a directory is created with
// (checked by the caller), ordered by their precedence where given, the
// others after them in the order sent, and numbered 1, 2, ...
func (e *Emulator) createMappings(d *clerk.Directory, items []*directories.CreateParamsGroupRoleMappingItem) {
	items = slices.Clone(items)
	slices.SortStableFunc(items, func(a, b *directories.CreateParamsGroupRoleMappingItem) int {
		return cmp.Compare(a.Precedence.Or(math.MaxInt64), b.Precedence.Or(math.MaxInt64))
	})
	ms := make([]*clerk.DirectoryGroupRoleMapping, 0, len(items))
	for _, item := range items {
		m, err := e.newMapping(d, mappingGroup(item.DirectoryGroupID, item.SCIMGroupID), item.RoleID)
		if err != nil {
			continue // the caller checked every role
		}
		m.DirectoryGroupDisplayName = cmp.Or(item.DirectoryGroupDisplayName.Or(""), item.SCIMGroupDisplayName.Or(""), m.DirectoryGroupDisplayName)
		m.SCIMGroupDisplayName = m.DirectoryGroupDisplayName
		ms = append(ms, m)
	}
	e.renumber(ms)
	for _, m := range ms {
		e.st.groupRoleMappings.put(m.ID, m)
	}
}

func (e *Emulator) listGroupRoleMappings(param string, scim bool) handler {
	return func(c *call) (int, any, error) {
		d, err := e.mappingDirectory(c, param, false)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, e.mappingsAnswer(e.mappingsOf(d.ID), scim), nil
	}
}

func (e *Emulator) createGroupRoleMapping(param string, scim bool) handler {
	return func(c *call) (int, any, error) {
		d, err := e.mappingDirectory(c, param, true)
		if err != nil {
			return 0, nil, err
		}
		var p directories.CreateGroupRoleMappingParams
		if err := decode(c, &p); err != nil {
			return 0, nil, err
		}
		group := mappingGroup(p.DirectoryGroupID, p.SCIMGroupID)
		groupParam := "directory_group_id"
		if scim {
			groupParam = "scim_group_id"
		}
		if err := need(groupParam, group, "role_id", p.RoleID); err != nil {
			return 0, nil, err
		}
		prec, hasPrec := p.Precedence.Get()
		if hasPrec && prec < 1 {
			return 0, nil, badType("precedence", "at least 1")
		}
		m, err := e.newMapping(d, group, p.RoleID)
		if err != nil {
			return 0, nil, err
		}
		ms := e.mappingsOf(d.ID)
		at := len(ms)
		if hasPrec && int(prec) <= len(ms) {
			at = int(prec) - 1
		}
		ms = slices.Insert(ms, at, m)
		e.renumber(ms)
		e.st.groupRoleMappings.put(m.ID, m)
		return http.StatusOK, e.mappingAnswer(m, scim), nil
	}
}

func (e *Emulator) replaceGroupRoleMappings(param string, scim bool) handler {
	return func(c *call) (int, any, error) {
		d, err := e.mappingDirectory(c, param, true)
		if err != nil {
			return 0, nil, err
		}
		var p directories.ReplaceGroupRoleMappingsParams
		if err := decode(c, &p); err != nil {
			return 0, nil, err
		}
		if p.Mappings == nil {
			return 0, nil, missingParam("mappings")
		}
		fresh := make([]*clerk.DirectoryGroupRoleMapping, 0, len(p.Mappings))
		for _, item := range p.Mappings {
			if item == nil {
				return 0, nil, badType("mappings", "a list of objects")
			}
			group := mappingGroup(item.DirectoryGroupID, item.SCIMGroupID)
			if group == "" {
				if scim {
					return 0, nil, missingParam("mappings.scim_group_id")
				}
				return 0, nil, missingParam("mappings.directory_group_id")
			}
			m, err := e.newMapping(d, group, item.RoleID)
			if err != nil {
				return 0, nil, err
			}
			fresh = append(fresh, m)
		}
		for _, old := range e.mappingsOf(d.ID) {
			e.st.groupRoleMappings.del(old.ID)
		}
		e.renumber(fresh)
		for _, m := range fresh {
			e.st.groupRoleMappings.put(m.ID, m)
		}
		return http.StatusOK, e.mappingsAnswer(fresh, scim), nil
	}
}

func (e *Emulator) deleteGroupRoleMapping(param string, scim bool) handler {
	return func(c *call) (int, any, error) {
		d, err := e.mappingDirectory(c, param, true)
		if err != nil {
			return 0, nil, err
		}
		m, ok := e.st.groupRoleMappings.get(c.param("mapping_id"))
		if !ok || m.DirectoryID != d.ID {
			return 0, nil, notFound("group role mapping " + c.param("mapping_id"))
		}
		e.st.groupRoleMappings.del(m.ID)
		e.renumber(e.mappingsOf(d.ID))
		object := "directory_group_role_mapping"
		if scim {
			object = "scim_group_role_mapping"
		}
		return http.StatusOK, clerk.DeletedDirectoryGroupRoleMapping{Object: object, ID: m.ID, Deleted: true}, nil
	}
}

func (e *Emulator) rotateDirectoryKey(param string, scim bool) handler {
	return func(c *call) (int, any, error) {
		d, err := find(&e.st.directories, c, param, "directory")
		if err != nil {
			return 0, nil, err
		}
		d.APIKey = clerk.Value("scim_" + randomString(40))
		d.UpdatedAt = e.ms()
		object := "directory"
		if scim {
			object = "scim_directory"
		}
		out := *d
		out.Object = object
		return http.StatusOK, &out, nil
	}
}
