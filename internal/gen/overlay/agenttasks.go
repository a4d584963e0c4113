package overlay

// agentTasksOps names the agent task calls.
func agentTasksOps() map[string]Op {
	return map[string]Op{
		"CreateAgentTask": {Package: "agenttasks", Method: "Create", Doc: "starts a task that lets an agent act for a user within the given permissions."},
		"RevokeAgentTask": {Package: "agenttasks", Method: "Revoke", Doc: "ends an agent task so the agent can no longer act on it."},
	}
}
