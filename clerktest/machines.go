package clerktest

import (
	"crypto/subtle"
	"net/http"
	"slices"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/machines"
)

// Machines and their scopes. The emulator's own machine (MachineID,
// MachineSecretKey) is the first; every machine's secret key authorizes the
// /m2m_tokens routes, and the tokens it creates have that machine as
// subject.

// machine is a stored machine: the generated model plus what it hides.
type machine struct {
	m      *clerk.Machine
	secret string
	scopes []string // IDs of the machines it may reach, in order
	// previous is the secret before the last rotation, still accepted
	// until previousUntil (Unix ms): the rotation's previous_token_ttl.
	previous      string
	previousUntil int64
}

// accepts reports whether tok is the machine's secret, or its previous
// secret still within the rotation's grace period at now.
func (m *machine) accepts(tok string, now int64) bool {
	if subtle.ConstantTimeCompare([]byte(tok), []byte(m.secret)) == 1 {
		return true
	}
	return m.previous != "" && now < m.previousUntil && subtle.ConstantTimeCompare([]byte(tok), []byte(m.previous)) == 1
}

func (e *Emulator) machineRoutes(t []route) []route {
	t = add(t, "GET", "/machines", e.listMachines, "limit", "offset", "order_by", "query")
	t = add(t, "POST", "/machines", e.createMachine, "default_token_ttl", "name", "scoped_machines")
	t = add(t, "GET", "/machines/{machine_id}", e.getMachine)
	t = add(t, "PATCH", "/machines/{machine_id}", e.updateMachine, "default_token_ttl", "name")
	t = add(t, "DELETE", "/machines/{machine_id}", e.deleteMachine)
	t = add(t, "GET", "/machines/{machine_id}/secret_key", e.machineSecret)
	t = add(t, "POST", "/machines/{machine_id}/secret_key/rotate", e.rotateMachineSecret, "previous_token_ttl")
	t = add(t, "POST", "/machines/{machine_id}/scopes", e.addMachineScope, "to_machine_id")
	t = add(t, "DELETE", "/machines/{machine_id}/scopes/{other_machine_id}", e.removeMachineScope)
	return t
}

// freshState is an empty state with the emulator's own machine and the
// configured instance settings.
func (e *Emulator) freshState() *state {
	st := newState()
	st.settings = e.newSettings()
	e.addBuiltinMachine(st)
	return st
}

// addBuiltinMachine stores the emulator's own machine in a fresh state.
func (e *Emulator) addBuiltinMachine(st *state) {
	now := e.ms()
	st.machines.put(e.keys.machineID, &machine{secret: e.keys.machine, m: &clerk.Machine{Object: "machine",
		ID: e.keys.machineID, Name: "clerktest", InstanceID: e.keys.instanceID, CreatedAt: now, UpdatedAt: now}})
}

// machineBySecret returns the ID of the machine whose secret key is tok.
func (e *Emulator) machineBySecret(tok string) (string, bool) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	now := e.ms()
	for _, m := range e.st.machines.list(false, nil) {
		if m.accepts(tok, now) {
			return m.m.ID, true
		}
	}
	return "", false
}

// callerMachine is the machine a machine-key request authenticated as,
// or the emulator's own machine for the instance secret key.
func (e *Emulator) callerMachine(c *call) string {
	tok, _ := bearer(c.r.Header.Get("Authorization"))
	now := e.ms()
	for _, m := range e.st.machines.list(false, nil) {
		if m.accepts(tok, now) {
			return m.m.ID
		}
	}
	return e.keys.machineID
}

// defaultMachineTokenTTL is a machine's token lifetime in seconds when
// none was set: an hour, as the M2M tokens it mints default to.
const defaultMachineTokenTTL = int64(3600)

func (e *Emulator) machineJSON(m *machine) *clerk.Machine {
	out := *m.m
	if out.DefaultTokenTTL == nil {
		out.DefaultTokenTTL = ptr(defaultMachineTokenTTL)
	}
	out.ScopedMachines = []*clerk.ScopedMachine{}
	for _, id := range m.scopes {
		if o, ok := e.st.machines.get(id); ok {
			out.ScopedMachines = append(out.ScopedMachines, &clerk.ScopedMachine{Object: "machine", ID: o.m.ID, Name: o.m.Name,
				InstanceID: o.m.InstanceID, DefaultTokenTTL: o.m.DefaultTokenTTL, CreatedAt: o.m.CreatedAt, UpdatedAt: o.m.UpdatedAt})
		}
	}
	return &out
}

func (e *Emulator) createMachine(c *call) (int, any, error) {
	var p machines.CreateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("name", p.Name); err != nil {
		return 0, nil, err
	}
	scopes := p.ScopedMachines.Or(nil)
	for _, id := range scopes {
		if _, ok := e.st.machines.get(id); !ok {
			return 0, nil, resourceParamNotFound("scoped_machines")
		}
	}
	now := e.ms()
	m := &machine{secret: "ak_" + randomString(40), scopes: slices.Clone(scopes), m: &clerk.Machine{Object: "machine",
		ID: newID("mch"), Name: p.Name, InstanceID: e.keys.instanceID, CreatedAt: now, UpdatedAt: now}}
	if ttl, ok := p.DefaultTokenTTL.Get(); ok {
		m.m.DefaultTokenTTL = &ttl
	}
	e.st.machines.put(m.m.ID, m)
	j := e.machineJSON(m)
	return http.StatusOK, &clerk.CreatedMachine{Object: j.Object, ID: j.ID, CreatedAt: j.CreatedAt, DefaultTokenTTL: j.DefaultTokenTTL,
		InstanceID: j.InstanceID, Name: j.Name, ScopedMachines: j.ScopedMachines, SecretKey: m.secret, UpdatedAt: j.UpdatedAt}, nil
}

func (e *Emulator) listMachines(c *call) (int, any, error) {
	var lp machines.ListParams
	if err := decodeQuery(c, &lp); err != nil {
		return 0, nil, err
	}
	q := lp.Query.Or("")
	all := e.st.machines.list(true, func(m *machine) bool { return q == "" || containsFold(m.m.Name, q) || containsFold(m.m.ID, q) })
	if err := orderByName(lp.OrderBy.Or(""), all, func(m *machine) (string, string) { return m.m.Name, m.m.ID }); err != nil {
		return 0, nil, err
	}
	limit, offset, err := pageOfParams(lp.ListParams, 500)
	if err != nil {
		return 0, nil, err
	}
	out := make([]*clerk.Machine, 0, len(all))
	for _, m := range all {
		out = append(out, e.machineJSON(m))
	}
	return http.StatusOK, pageOf(out, limit, offset), nil
}

func (e *Emulator) getMachine(c *call) (int, any, error) {
	m, err := find(&e.st.machines, c, "machine_id", "machine")
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, e.machineJSON(m), nil
}

func (e *Emulator) updateMachine(c *call) (int, any, error) {
	m, err := find(&e.st.machines, c, "machine_id", "machine")
	if err != nil {
		return 0, nil, err
	}
	var p machines.UpdateParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if n, ok := p.Name.Get(); ok {
		m.m.Name = n
	}
	if ttl, ok := p.DefaultTokenTTL.Get(); ok {
		m.m.DefaultTokenTTL = &ttl
	}
	m.m.UpdatedAt = e.ms()
	return http.StatusOK, e.machineJSON(m), nil
}

func (e *Emulator) deleteMachine(c *call) (int, any, error) {
	m, err := find(&e.st.machines, c, "machine_id", "machine")
	if err != nil {
		return 0, nil, err
	}
	e.st.machines.del(m.m.ID)
	for _, o := range e.st.machines.list(false, nil) {
		o.scopes = slices.DeleteFunc(o.scopes, func(id string) bool { return id == m.m.ID })
	}
	return http.StatusOK, &clerk.DeletedMachine{Object: "machine", ID: m.m.ID, Deleted: true}, nil
}

func (e *Emulator) machineSecret(c *call) (int, any, error) {
	m, err := find(&e.st.machines, c, "machine_id", "machine")
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, &clerk.MachineSecret{Object: "machine_secret_key", Secret: m.secret}, nil
}

// rotateMachineSecret replaces the secret; previous_token_ttl is
// required: the old secret keeps working for that many seconds.
func (e *Emulator) rotateMachineSecret(c *call) (int, any, error) {
	m, err := find(&e.st.machines, c, "machine_id", "machine")
	if err != nil {
		return 0, nil, err
	}
	f, err := parseFields(c.body)
	if err != nil {
		return 0, nil, err
	}
	if !f.has("previous_token_ttl") {
		return 0, nil, missingParam("previous_token_ttl")
	}
	var p machines.RotateSecretParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if p.PreviousTokenTTL < 0 {
		return 0, nil, invalidParam("previous_token_ttl", "previous_token_ttl must not be negative.")
	}
	now := e.ms()
	m.previous, m.previousUntil = m.secret, now+p.PreviousTokenTTL*1000
	m.secret, m.m.UpdatedAt = "ak_"+randomString(40), now
	return http.StatusOK, &clerk.MachineSecret{Object: "machine_secret_key", Secret: m.secret}, nil
}

func (e *Emulator) addMachineScope(c *call) (int, any, error) {
	m, err := find(&e.st.machines, c, "machine_id", "machine")
	if err != nil {
		return 0, nil, err
	}
	var p machines.CreateScopeParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	if err := need("to_machine_id", p.ToMachineID); err != nil {
		return 0, nil, err
	}
	if _, ok := e.st.machines.get(p.ToMachineID); !ok {
		return 0, nil, resourceParamNotFound("to_machine_id")
	}
	if slices.Contains(m.scopes, p.ToMachineID) {
		return 0, nil, fail(http.StatusConflict, "duplicate_record", "already scoped", "The machine can already reach that machine.")
	}
	m.scopes = append(m.scopes, p.ToMachineID)
	return http.StatusOK, &clerk.MachineScope{Object: "machine_scope", FromMachineID: m.m.ID, ToMachineID: p.ToMachineID, CreatedAt: e.ms()}, nil
}

func (e *Emulator) removeMachineScope(c *call) (int, any, error) {
	m, err := find(&e.st.machines, c, "machine_id", "machine")
	if err != nil {
		return 0, nil, err
	}
	other := c.param("other_machine_id")
	if !slices.Contains(m.scopes, other) {
		return 0, nil, notFound("scope from " + m.m.ID + " to " + other)
	}
	m.scopes = slices.DeleteFunc(m.scopes, func(id string) bool { return id == other })
	return http.StatusOK, &clerk.DeletedScope{Object: "machine_scope", FromMachineID: m.m.ID, ToMachineID: other, Deleted: true}, nil
}
