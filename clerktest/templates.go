package clerktest

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/templates"
)

// Email and SMS templates: Clerk's built-in ones, which can be replaced,
// reverted, previewed and handed to your own delivery. The verification
// code template shapes the email.created and sms.created webhooks.

type builtinTemplate struct{ slug, name, subject, body string }

var builtinTemplates = map[string][]builtinTemplate{
	"email": {
		{"verification_code", "Verification code", "{{otp_code}} is your verification code", "<p>Your {{app.name}} verification code is {{otp_code}}.</p>"},
		{"invitation", "Invitation", "You're invited to {{app.name}}", "<p><a href=\"{{action_url}}\">Accept the invitation</a></p>"},
		{"organization_invitation", "Organization invitation", "You're invited to join an organization on {{app.name}}", "<p><a href=\"{{action_url}}\">Accept the invitation</a></p>"},
		{"waitlist_invitation", "Waitlist invitation", "You're off the {{app.name}} waitlist", "<p><a href=\"{{action_url}}\">Sign up</a></p>"},
		{"magic_link_sign_in", "Magic link sign in", "Sign in to {{app.name}}", "<p><a href=\"{{magic_link}}\">Sign in</a></p>"},
		{"primary_email_address_changed", "Primary email address changed", "Your primary email address was changed", "<p>Your {{app.name}} primary email address is now {{new_email_address}}.</p>"},
		{"password_changed", "Password changed", "Your password was changed", "<p>Your {{app.name}} password changed.</p>"},
	},
	"sms": {
		{"verification_code", "Verification code", "", "{{otp_code}} is your {{app.name}} verification code"},
		{"invitation", "Invitation", "", "You're invited to {{app.name}}: {{action_url}}"},
	},
}

var templateVar = regexp.MustCompile(`\{\{\s*([a-z_.]+)\s*\}\}`)

func (e *Emulator) emailTemplateRoutes(t []route) []route {
	t = add(t, "GET", "/templates/{template_type}", e.listTemplatesOfType, "limit", "offset", "paginated")
	t = add(t, "GET", "/templates/{template_type}/{slug}", e.getTemplateOfType)
	t = add(t, "PUT", "/templates/{template_type}/{slug}", e.replaceTemplate, "body", "delivered_by_clerk", "from_email_name",
		"markup", "name", "reply_to_email_name", "subject")
	t = add(t, "POST", "/templates/{template_type}/{slug}/revert", e.revertTemplate)
	t = add(t, "POST", "/templates/{template_type}/{slug}/preview", e.previewTemplate, "body", "from_email_name", "reply_to_email_name", "subject")
	t = add(t, "POST", "/templates/{template_type}/{slug}/toggle_delivery", e.toggleTemplateDelivery, "delivered_by_clerk")
	return t
}

// defaultTemplate builds a built-in template as the model.
func (e *Emulator) defaultTemplate(typ string, b builtinTemplate, pos int) *clerk.Template {
	now := e.ms()
	t := &clerk.Template{Object: ptr("template"), ID: ptr(newID("tmpl")), TemplateType: ptr(typ), Slug: ptr(b.slug),
		Name: ptr(b.name), Body: ptr(b.body), ResourceType: ptr("system"), Position: ptr(int64(pos)),
		CanRevert: ptr(false), CanDelete: ptr(false), CanToggle: ptr(true), CanEditBody: ptr(true), DeliveredByClerk: ptr(true),
		Enabled: ptr(true), InstanceID: clerk.Value(e.keys.instanceID), CreatedAt: &now, UpdatedAt: &now,
		RequiredVariables: requiredVars(b.body), AvailableVariables: []string{"app.name", "otp_code", "action_url", "magic_link"},
		FlaggedAsSuspicious: ptr(false), Subject: clerk.Null[string]()}
	if typ == "email" {
		t.Subject, t.FromEmailName = clerk.Value(b.subject), ptr("notifications")
		t.Markup, t.ReplyToEmailName = ptr(""), ptr("")
	}
	return t
}

func requiredVars(body string) []string {
	var out []string
	for _, m := range templateVar.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// template returns the stored template, creating the built-in one on
// first use; it fails for an unknown type or slug.
func (e *Emulator) template(typ, slug string) (*clerk.Template, error) {
	if typ != "email" && typ != "sms" {
		return nil, fail(http.StatusBadRequest, "template_type_unsupported", "Template type not supported",
			"Template type "+typ+" is not supported")
	}
	key := typ + "/" + slug
	if t, ok := e.st.emailTemplates.get(key); ok {
		return t, nil
	}
	for i, b := range builtinTemplates[typ] {
		if b.slug == slug {
			t := e.defaultTemplate(typ, b, i)
			e.st.emailTemplates.put(key, t)
			return t, nil
		}
	}
	return nil, notFound("template " + slug)
}

// peekTemplate returns the stored template or a fresh built-in one
// without storing it, for the routes that only read.
func (e *Emulator) peekTemplate(typ, slug string) (*clerk.Template, error) {
	if typ != "email" && typ != "sms" {
		return nil, fail(http.StatusBadRequest, "template_type_unsupported", "Template type not supported",
			"Template type "+typ+" is not supported")
	}
	if t, ok := e.st.emailTemplates.get(typ + "/" + slug); ok {
		return t, nil
	}
	for i, b := range builtinTemplates[typ] {
		if b.slug == slug {
			return e.defaultTemplate(typ, b, i), nil
		}
	}
	return nil, notFound("template " + slug)
}

func (e *Emulator) listTemplatesOfType(c *call) (int, any, error) {
	var p templates.ListParams
	if err := decodeQuery(c, &p); err != nil {
		return 0, nil, err
	}
	typ := c.param("template_type")
	out := []*clerk.Template{}
	if typ != "email" && typ != "sms" {
		_, err := e.peekTemplate(typ, "")
		return 0, nil, err
	}
	for _, b := range builtinTemplates[typ] {
		t, err := e.peekTemplate(typ, b.slug)
		if err != nil {
			return 0, nil, err
		}
		out = append(out, t)
	}
	return listAnswer(p.ListParams, p.Paginated, out, false)
}

func (e *Emulator) getTemplateOfType(c *call) (int, any, error) {
	t, err := e.peekTemplate(c.param("template_type"), c.param("slug"))
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, t, nil
}

func (e *Emulator) replaceTemplate(c *call) (int, any, error) {
	t, err := e.template(c.param("template_type"), c.param("slug"))
	if err != nil {
		return 0, nil, err
	}
	var p templates.ReplaceParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	cp := *t
	if b, ok := p.Body.Get(); ok {
		for _, v := range requiredVars(*t.Body) {
			if v == "otp_code" && !strings.Contains(b, "otp_code") {
				err := failParam(http.StatusUnprocessableEntity, "required_variable_missing", "", "body")
				err.detail.LongMessage = "Body should contain the {{otp_code}} variable"
				return 0, nil, err
			}
		}
		cp.Body = &b
	}
	setStr := func(dst **string, v string, ok bool) {
		if ok {
			*dst = &v
		}
	}
	v, ok := p.Name.Get()
	setStr(&cp.Name, v, ok)
	v, ok = p.Markup.Get()
	setStr(&cp.Markup, v, ok)
	v, ok = p.FromEmailName.Get()
	setStr(&cp.FromEmailName, v, ok)
	v, ok = p.ReplyToEmailName.Get()
	setStr(&cp.ReplyToEmailName, v, ok)
	if s, ok := p.Subject.Get(); ok {
		cp.Subject = clerk.Value(s)
	}
	if d, ok := p.DeliveredByClerk.Get(); ok {
		cp.DeliveredByClerk = &d
	}
	cp.CanRevert, cp.UpdatedAt = ptr(true), ptr(e.ms())
	*t = cp
	return http.StatusOK, t, nil
}

func (e *Emulator) revertTemplate(c *call) (int, any, error) {
	typ, slug := c.param("template_type"), c.param("slug")
	t, err := e.template(typ, slug)
	if err != nil {
		return 0, nil, err
	}
	for i, b := range builtinTemplates[typ] {
		if b.slug == slug {
			d := e.defaultTemplate(typ, b, i)
			d.ID, d.CreatedAt = t.ID, t.CreatedAt
			*t = *d
		}
	}
	return http.StatusOK, t, nil
}

// render fills a template's variables from data (dotted paths).
func render(text string, data map[string]any) string {
	return templateVar.ReplaceAllStringFunc(text, func(m string) string {
		path := templateVar.FindStringSubmatch(m)[1]
		var cur any = data
		for _, part := range strings.Split(path, ".") {
			obj, ok := cur.(map[string]any)
			if !ok {
				return ""
			}
			cur = obj[part]
		}
		s, _ := cur.(string)
		return s
	})
}

func (e *Emulator) previewTemplate(c *call) (int, any, error) {
	t, err := e.template(c.param("template_type"), c.param("slug"))
	if err != nil {
		return 0, nil, err
	}
	var p templates.PreviewParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	data := map[string]any{"app": map[string]any{"name": "clerktest"}, "otp_code": "123456",
		"action_url": e.base + "/emulator-frontend/action", "magic_link": e.base + "/emulator-frontend/magic"}
	out := map[string]any{"body": render(p.Body.Or(deref(t.Body)), data)}
	if s, ok := p.Subject.Get(); ok {
		out["subject"] = render(s, data)
	} else if s, ok := t.Subject.Get(); ok {
		out["subject"] = render(s, data)
	}
	if f, ok := p.FromEmailName.Get(); ok {
		out["from_email_address"] = f + "@clerktest.local"
	}
	return http.StatusOK, out, nil
}

func (e *Emulator) toggleTemplateDelivery(c *call) (int, any, error) {
	t, err := e.template(c.param("template_type"), c.param("slug"))
	if err != nil {
		return 0, nil, err
	}
	var p templates.ToggleDeliveryParams
	if err := decode(c, &p); err != nil {
		return 0, nil, err
	}
	d := p.DeliveredByClerk.Or(!*t.DeliveredByClerk)
	t.DeliveredByClerk, t.UpdatedAt = &d, ptr(e.ms())
	return http.StatusOK, t, nil
}
