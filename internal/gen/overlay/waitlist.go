package overlay

// waitlistOps names the waitlist calls.
func waitlistOps() map[string]Op {
	return map[string]Op{
		"ListWaitlistEntries":       {Package: "waitlist", Method: "List", Doc: "returns one page of waitlist entries, filtered and ordered as asked."},
		"CreateWaitlistEntry":       {Package: "waitlist", Method: "Create", Doc: "puts an email address on the waitlist."},
		"CreateBulkWaitlistEntries": {Package: "waitlist", Method: "CreateBulk", Doc: "puts several email addresses on the waitlist in one call."},
		"DeleteWaitlistEntry":       {Package: "waitlist", Method: "Delete", Doc: "takes an entry off the waitlist."},
		"InviteWaitlistEntry":       {Package: "waitlist", Method: "Invite", Doc: "sends the person behind a waitlist entry an invitation to sign up."},
		"RejectWaitlistEntry":       {Package: "waitlist", Method: "Reject", Doc: "turns down a waitlist entry."},
	}
}
