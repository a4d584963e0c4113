package clerktest

import (
	"maps"
	"net/http"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/directories"
)

// SCIM directories of enterprise connections. The same resource answers
// under /directories and /scim_directories; the emulator receives no SCIM
// pushes, so a directory provisions nobody.

func (e *Emulator) directoryRoutes(t []route) []route {
	for _, base := range []struct{ path, param, object string }{
		{"/directories", "directory_id", "directory"}, {"/scim_directories", "scim_directory_id", "scim_directory"}} {
		one := base.path + "/{" + base.param + "}"
		t = add(t, "GET", base.path, e.listDirectories(base.object), "limit", "offset")
		t = add(t, "POST", base.path, e.createDirectory(base.object), "enterprise_connection_id", "group_role_mappings", "name", "provider")
		t = add(t, "GET", one, e.getDirectory(base.param, base.object))
		t = add(t, "PATCH", one, e.updateDirectory(base.param, base.object), "attribute_mapping", "enabled", "group_role_mapping_enabled", "name", "provider")
		t = add(t, "DELETE", one, e.deleteDirectory(base.param, base.object))
	}
	return t
}

func (e *Emulator) createDirectory(object string) handler {
	return func(c *call) (int, any, error) { return e.newDirectory(c, object) }
}

func (e *Emulator) newDirectory(c *call, object string) (int, any, error) {
	var p directories.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("enterprise_connection_id", p.EnterpriseConnectionID, "provider", p.Provider); err != nil {
		return 0, nil, err
	}
	ec, ok := e.st.enterprise.get(p.EnterpriseConnectionID)
	if !ok {
		return 0, nil, resourceParamNotFound("enterprise_connection_id")
	}
	// Group role mappings map directory groups to roles: the directory is
	// created with mapping on and these mappings, which the 2026-05-12
	// mapping routes list (the emulator receives no SCIM pushes, so they
	// assign no one).
	mappings := p.GroupRoleMappings.Or(nil)
	for _, m := range mappings {
		if m == nil || mappingGroup(m.DirectoryGroupID, m.SCIMGroupID) == "" {
			return 0, nil, missingParam("group_role_mappings.scim_group_id")
		}
		if _, ok := e.st.roles.get(m.RoleID); !ok {
			return 0, nil, resourceParamNotFound("group_role_mappings.role_id")
		}
		if prec, ok := m.Precedence.Get(); ok && prec < 1 {
			return 0, nil, badType("group_role_mappings.precedence", "at least 1")
		}
	}
	now := e.ms()
	id := newID("scim")
	d := &clerk.Directory{Object: "scim_directory", ID: id, Name: p.Name.Or(ec.conn.Name), Provider: p.Provider,
		EnterpriseConnectionID: clerk.Value(ec.conn.ID), Enabled: true, EndpointURL: e.base + "/emulator-scim/" + id + "/v2",
		APIKey: clerk.Value("scim_" + randomString(40)), AttributeMapping: map[string]string{"userName": "email_address",
			"name.givenName": "first_name", "name.familyName": "last_name"}, GroupRoleMappingEnabled: len(mappings) > 0,
		CustomAttributes: []*clerk.CustomAttribute{}, CreatedAt: now, UpdatedAt: now}
	e.st.directories.put(d.ID, d)
	e.createMappings(d, mappings)
	out := *d
	out.Object = object
	return http.StatusOK, &out, nil
}

// asAnswer names the object as the route does and hides the SCIM bearer
// token (only the create answer shows it).
func asAnswer(d *clerk.Directory, object string) *clerk.Directory {
	out := *d
	out.Object, out.APIKey = object, clerk.Null[string]() // the key is shown at creation only
	return &out
}

func (e *Emulator) listDirectories(object string) handler {
	return func(c *call) (int, any, error) {
		// GET /directories and GET /scim_directories share one shape.
		var p directories.ListParams
		limit, offset, err := decodeListQuery(c, &p, &p.ListParams, 500)
		if err != nil {
			return 0, nil, err
		}
		var out []*clerk.Directory
		for _, d := range e.st.directories.list(true, nil) {
			out = append(out, asAnswer(d, object))
		}
		return http.StatusOK, pageOf(out, limit, offset), nil
	}
}

func (e *Emulator) getDirectory(param, object string) handler {
	return func(c *call) (int, any, error) {
		d, err := find(&e.st.directories, c, param, "directory")
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, asAnswer(d, object), nil
	}
}

func (e *Emulator) updateDirectory(param, object string) handler {
	return func(c *call) (int, any, error) {
		d, err := find(&e.st.directories, c, param, "directory")
		if err != nil {
			return 0, nil, err
		}
		var p directories.UpdateParams
		if err := decode(c, &p); err != nil {
			return 0, nil, err
		}
		cp := *d
		if m, ok := p.AttributeMapping.Get(); ok {
			cp.AttributeMapping = maps.Clone(m)
		}
		b, ok := p.Enabled.Get()
		setOpt(&cp.Enabled, b, ok)
		b, ok = p.GroupRoleMappingEnabled.Get()
		setOpt(&cp.GroupRoleMappingEnabled, b, ok)
		s, ok := p.Name.Get()
		setOpt(&cp.Name, s, ok)
		s, ok = p.Provider.Get()
		setOpt(&cp.Provider, s, ok)
		cp.UpdatedAt = e.ms()
		*d = cp
		return http.StatusOK, asAnswer(d, object), nil
	}
}

func (e *Emulator) deleteDirectory(param, object string) handler {
	return func(c *call) (int, any, error) {
		d, err := find(&e.st.directories, c, param, "directory")
		if err != nil {
			return 0, nil, err
		}
		e.st.directories.del(d.ID)
		return http.StatusOK, deleted(object, d.ID), nil
	}
}
