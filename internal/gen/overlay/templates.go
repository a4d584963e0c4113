package overlay

// templatesOps names the (deprecated) email and SMS template calls.
func templatesOps() map[string]Op {
	return map[string]Op{
		"GetTemplateList":        {Package: "templates", Method: "List", Doc: "returns one page of the email or SMS templates of the given type."},
		"GetTemplate":            {Package: "templates", Method: "Get", Doc: "fetches one template by type and slug."},
		"UpsertTemplate":         {Package: "templates", Method: "Replace", Doc: "overwrites the content of a template of the given type and slug."},
		"RevertTemplate":         {Package: "templates", Method: "Revert", Doc: "restores a template to Clerk's default content."},
		"PreviewTemplate":        {Package: "templates", Method: "Preview", Doc: "renders a template with the given content without saving it.", Response: "TemplatePreview"},
		"ToggleTemplateDelivery": {Package: "templates", Method: "ToggleDelivery", Doc: "switches whether Clerk itself sends the messages built from a template."},
	}
}
