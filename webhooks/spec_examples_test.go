package webhooks

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/internal/spec"
	"github.com/getkin/kin-openapi/openapi3"
)

// specPath returns the webhooks spec location: $CLERK_WEBHOOKS_SPEC, or the
// default next to the module root. Tests using it skip when it is absent.
func specPath(t *testing.T) string {
	t.Helper()
	p, err := spec.Path("CLERK_WEBHOOKS_SPEC", spec.Webhooks)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Skipf("webhooks spec not found at %s; set CLERK_WEBHOOKS_SPEC to run this test", p)
	}
	return p
}

// specExamples returns every event example of the spec, keyed by event type.
func specExamples(t *testing.T) map[string][]byte {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile(specPath(t))
	if err != nil {
		t.Fatalf("loading spec: %v", err)
	}
	raw, err := json.Marshal(doc.Extensions["x-webhooks"])
	if err != nil {
		t.Fatal(err)
	}
	var hooks map[string]struct {
		Post struct {
			RequestBody struct {
				Content map[string]struct {
					Example  json.RawMessage `json:"example"`
					Examples map[string]struct {
						Ref   string          `json:"$ref"`
						Value json.RawMessage `json:"value"`
					} `json:"examples"`
				} `json:"content"`
			} `json:"requestBody"`
		} `json:"post"`
	}
	if err := json.Unmarshal(raw, &hooks); err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for typ, h := range hooks {
		c := h.Post.RequestBody.Content["application/json"]
		ex := c.Example
		for _, named := range c.Examples {
			switch {
			case len(named.Value) > 0:
				ex = named.Value
			case strings.HasPrefix(named.Ref, "#/components/examples/"):
				ref := doc.Components.Examples[strings.TrimPrefix(named.Ref, "#/components/examples/")]
				if ref == nil || ref.Value == nil {
					t.Fatalf("%s: unresolved example %s", typ, named.Ref)
				}
				if ex, err = json.Marshal(ref.Value.Value); err != nil {
					t.Fatal(err)
				}
			}
		}
		if len(ex) == 0 {
			t.Fatalf("%s: no example in the spec", typ)
		}
		out[typ] = ex
	}
	return out
}

// strictDecode decodes data into the payload for typ, failing on any field
// the Go type does not have.
func strictDecode(typ string, data []byte) (any, error) {
	v := newPayload(typ)
	target := v
	if s, ok := v.(interface {
		strictFields([]byte) (any, []byte, error)
	}); ok {
		var err error
		if target, data, err = s.strictFields(data); err != nil {
			return nil, err
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return v, dec.Decode(target)
}

func TestSpecExamplesDecodeStrictly(t *testing.T) {
	t.Parallel()
	examples := specExamples(t)
	types := EventTypes()
	if len(types) != 45 || len(examples) != len(types) {
		t.Fatalf("package knows %d event types, spec has %d examples; want 45 each", len(types), len(examples))
	}
	sort.Strings(types)
	for _, typ := range types {
		body, ok := examples[typ]
		if !ok {
			t.Errorf("no spec example for %s", typ)
			continue
		}
		t.Run(typ, func(t *testing.T) {
			t.Parallel()
			e, err := Parse(body)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if e.Type != typ {
				t.Fatalf("Type = %q, want %q", e.Type, typ)
			}
			if _, err := strictDecode(typ, e.Data); err != nil {
				t.Fatalf("strict decode of %s data: %v", typ, err)
			}
			got, err := e.Decode()
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if want := newPayload(typ); want == nil || reflect.TypeOf(got) != reflect.TypeOf(want) {
				t.Fatalf("Decode returned %T, want %T", got, want)
			}
		})
	}
}
