package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/clerkgo/clerk/internal/gen/overlay"
	"github.com/getkin/kin-openapi/openapi3"
)

// event is one webhook event type and the root model its data decodes into.
type event struct {
	Type string
	overlay.Event
	// Go is the payload's type as the webhooks package writes it.
	Go string
}

// webhookSpec is the part of an x-webhooks entry the generator reads.
type webhookSpec struct {
	Post struct {
		RequestBody struct {
			Content map[string]struct {
				Schema struct {
					AllOf []struct {
						Properties map[string]struct {
							Ref   string `json:"$ref"`
							AllOf []struct {
								Ref string `json:"$ref"`
							} `json:"allOf"`
						} `json:"properties"`
					} `json:"allOf"`
				} `json:"schema"`
			} `json:"content"`
		} `json:"requestBody"`
	} `json:"post"`
}

// buildEvents declares, through the same model layer as the answers, the
// payload of every webhook event: a payload schema named like a Backend API
// model is that model.
func (g *generator) buildEvents() error {
	raw, ok := g.hooks.Extensions["x-webhooks"]
	if !ok {
		return fmt.Errorf("the webhooks spec has no x-webhooks section")
	}
	b, err := json.Marshal(raw)
	if err != nil {
		return err
	}
	var hooks map[string]webhookSpec
	if err := json.Unmarshal(b, &hooks); err != nil {
		return fmt.Errorf("reading x-webhooks: %w", err)
	}
	names := overlay.Events()
	types := make([]string, 0, len(hooks))
	for typ := range hooks {
		types = append(types, typ)
	}
	sort.Strings(types)
	g.current = "webhooks"
	g.events = nil
	var problems []string
	for _, typ := range types {
		n, ok := names[typ]
		if !ok {
			problems = append(problems, fmt.Sprintf("event type %q has no overlay entry", typ))
			continue
		}
		schema, err := dataSchema(typ, hooks[typ])
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		ref, ok := g.hooks.Components.Schemas[schema]
		if !ok || ref.Value == nil {
			problems = append(problems, fmt.Sprintf("event %q: unknown schema %s", typ, schema))
			continue
		}
		t := g.root.typeOf(&openapi3.SchemaRef{Ref: "#/components/schemas/" + schema, Value: ref.Value}, "", response)
		if local(t) != n.Payload {
			problems = append(problems, fmt.Sprintf("event %q: overlay payload %s but the data decodes into %s", typ, n.Payload, local(t)))
			continue
		}
		g.events = append(g.events, event{Type: typ, Event: n, Go: "clerk." + local(t)})
	}
	for typ := range names {
		if _, ok := hooks[typ]; !ok {
			problems = append(problems, fmt.Sprintf("the overlay names event type %q that the spec does not have", typ))
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return nil
}

// dataSchema returns the component schema of an event's data.
func dataSchema(typ string, hook webhookSpec) (string, error) {
	content, ok := hook.Post.RequestBody.Content["application/json"]
	if !ok {
		return "", fmt.Errorf("event %q: no application/json body", typ)
	}
	for _, part := range content.Schema.AllOf {
		d, ok := part.Properties["data"]
		if !ok {
			continue
		}
		ref := d.Ref
		if ref == "" && len(d.AllOf) > 0 {
			ref = d.AllOf[0].Ref
		}
		if name := refName(ref); name != "" {
			return name, nil
		}
		return "", fmt.Errorf("event %q: data is not a component schema reference", typ)
	}
	return "", fmt.Errorf("event %q: no data schema", typ)
}

// emitEvents writes the event constants and the typed decoding and
// dispatch of webhooks/events_gen.go.
func emitEvents(f *file, events []event) {
	p := f.printf
	p("// Event types Clerk sends, one constant per type.\nconst (\n")
	family := ""
	for _, e := range events {
		if fam, _, _ := strings.Cut(e.Type, "."); fam != family {
			if family != "" {
				p("\n")
			}
			family = fam
		}
		p("\t// %s is sent when %s\n\t%s = %q\n", e.Const, e.Doc, e.Const, e.Type)
	}
	p(")\n\n")
	p("// EventTypes returns every event type this package decodes into a typed payload.\n")
	p("func EventTypes() []string {\n\treturn []string{\n")
	for _, e := range events {
		p("\t\t%s,\n", e.Const)
	}
	p("\t}\n}\n\n")
	byPayload := map[string][]string{}
	var payloads []string
	for _, e := range events {
		if _, ok := byPayload[e.Go]; !ok {
			payloads = append(payloads, e.Go)
		}
		byPayload[e.Go] = append(byPayload[e.Go], e.Const)
	}
	sort.Strings(payloads)
	p("// newPayload returns a new zero payload for typ, or nil for unknown types.\n")
	p("func newPayload(typ string) any {\n\tswitch typ {\n")
	for _, pl := range payloads {
		p("\tcase %s:\n\t\treturn new(%s)\n", strings.Join(byPayload[pl], ", "), pl)
	}
	p("\t}\n\treturn nil\n}\n\n")
	for _, e := range events {
		p("// %s decodes the data of an event of type %s; any other type is an error wrapping ErrEventType.\n", e.Const, e.Type)
		p("func (e *Event) %s() (*%s, error) { return decodeAs[%s](e, %s) }\n\n", e.Const, e.Go, e.Go, e.Const)
	}
	for _, e := range events {
		p("// On%s registers fn for %s events, with the data already decoded.\n", e.Const, e.Type)
		p("func (d *Dispatcher) On%s(fn func(ctx context.Context, e *Event, data *%s) error) {\n", e.Const, e.Go)
		p("\tonTyped(d, %s, (*Event).%s, fn)\n}\n\n", e.Const, e.Const)
	}
}
