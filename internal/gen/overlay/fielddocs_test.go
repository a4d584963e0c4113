package overlay

import (
	"strings"
	"testing"
)

// TestFieldDocFamiliesDoNotOverlap fails when two families document the
// same field, where the merge would keep one text and drop the other
// without a word; and on a key or text of the wrong form.
func TestFieldDocFamiliesDoNotOverlap(t *testing.T) {
	t.Parallel()
	owner := map[string]int{}
	for i, family := range fieldDocFamilies() {
		for key, doc := range family {
			if j, dup := owner[key]; dup {
				t.Errorf("%s is documented by families %d and %d", key, j, i)
			}
			owner[key] = i
			typ, field, ok := strings.Cut(key, ".")
			if !ok || typ == "" || field == "" || strings.ToLower(field) != field {
				t.Errorf("%s: want <Type>.<json name> or *.<json name>", key)
			}
			if doc == "" || !strings.HasSuffix(doc, ".") || strings.ToLower(doc[:1]) != doc[:1] {
				t.Errorf("%s: %q must complete a sentence that starts with the field's name", key, doc)
			}
		}
	}
	if len(owner) != len(FieldDocs()) {
		t.Errorf("FieldDocs has %d entries, the families %d", len(FieldDocs()), len(owner))
	}
}
