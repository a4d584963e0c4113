package tests

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/internal/spec"
	"github.com/clerkgo/clerk/webhooks"
	"github.com/getkin/kin-openapi/openapi3"
)

// webhookExamples returns every event example of the webhooks spec, keyed by
// event type.
func webhookExamples(t *testing.T) map[string][]byte {
	t.Helper()
	p := spec.Need(t, "CLERK_WEBHOOKS_SPEC", spec.Webhooks)
	doc, err := openapi3.NewLoader().LoadFromFile(p)
	if err != nil {
		t.Fatalf("loading %s: %v", p, err)
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

// strictDecodeLike decodes data into a fresh value of the struct type behind
// payload, failing on any key the type has no field for. The value is
// decoded through a method-free copy of the struct type, so a custom
// UnmarshalJSON (used for legacy key names) cannot hide unknown keys; the
// legacy names are renamed first, as the SDK's decoding does.
func strictDecodeLike(payload any, data []byte) error {
	t := reflect.TypeOf(payload)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	fields := make([]reflect.StructField, t.NumField())
	for i := range fields {
		fields[i] = t.Field(i)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return err
	}
	for old, current := range legacyNames {
		if v, ok := obj[old]; ok {
			if _, has := obj[current]; !has {
				obj[current] = v
			}
			delete(obj, old)
		}
	}
	renamed, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(renamed))
	dec.DisallowUnknownFields()
	return dec.Decode(reflect.New(reflect.StructOf(fields)).Interface())
}

func TestWebhookSpecExamplesDecodeStrictly(t *testing.T) {
	t.Parallel()
	examples := webhookExamples(t)
	types := webhooks.EventTypes()
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
			e, err := webhooks.Parse(body)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if e.Type != typ {
				t.Fatalf("Type = %q, want %q", e.Type, typ)
			}
			got, err := e.Decode()
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got == nil || reflect.TypeOf(got).Kind() != reflect.Pointer || reflect.TypeOf(got).Elem().Kind() != reflect.Struct {
				t.Fatalf("Decode returned %T, want a pointer to a typed struct", got)
			}
			if err := strictDecodeLike(got, e.Data); err != nil {
				t.Fatalf("strict decode of the %s example into %T: %v", typ, got, err)
			}
		})
	}
}
