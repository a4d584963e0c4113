package overlay

// PackageDocs returns the package comment of each generated package: the
// text that follows "Package <name>".
func PackageDocs() map[string]string {
	return map[string]string{
		"users": "manages the users of a Clerk instance: create, read, update and delete them, ban and lock them, manage their metadata, passwords, MFA, linked accounts and organization memberships.",
	}
}
