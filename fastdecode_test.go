package clerk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
)

// The generated decoders must give exactly encoding/json's result whenever
// they do not give up. These tests build random JSON documents for every
// model type, well-formed and not, and compare.

// docGen writes random JSON for a Go type, with the anomalies the fast
// path must either reproduce or refuse.
type docGen struct {
	r *rand.Rand
	// anomalies turns on wrong types, duplicate and case-variant keys and
	// malformed text; without it every document is one encoding/json
	// decodes without error.
	anomalies bool
}

var jsonType = reflect.TypeFor[JSON]()
var rawType = reflect.TypeFor[json.RawMessage]()

// strings the generator picks from: ASCII, valid non-ASCII, escapes,
// invalid UTF-8 and lone surrogates.
var docStrings = []string{
	`""`, `"abc"`, `"user_2abc"`, `"ünïcødé ✓"`, `"with \"quotes\" and \\ and \n"`,
	`"\u00e9\ud83d\ude00"`, "\"\xff\xfe bad utf-8\"", `"\ud800 lone"`, `"\u0000"`, `"tab\there"`,
	`"a/b\/c"`, `"` + strings.Repeat("long ", 40) + `"`,
}

// badStrings are not valid JSON strings.
var badStrings = []string{`"\x"`, `"\u12G4"`, "\"ctl\x01\"", `"\u00e"`, `"end\"`, "\"nl\n\""}

var docInts = []string{"0", "-0", "7", "-42", "1717000000000", "999999999999999999", "9223372036854775807", "-9223372036854775808"}
var badInts = []string{"1.0", "1e3", "-1.5", "9223372036854775808", "1e400", "01", "-", "1.", "2e"}
var docFloats = []string{"0", "-0", "1.5", "-2.25e-3", "1e308", "3", "0.1E+2"}
var badFloats = []string{"1e400", "-1e999", ".5", "1.e2", "+1"}

func (g *docGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *docGen) chance(p float64) bool { return g.r.Float64() < p }

// wrong returns a value of some other JSON type than t expects.
func (g *docGen) wrong() string {
	return g.pick([]string{`"str"`, `12`, `true`, `{}`, `[]`, `{"a":1}`, `[1,2]`, `-3.5`})
}

// anyValue returns a random JSON value, nested up to depth.
func (g *docGen) anyValue(depth int) string {
	switch n := g.r.IntN(8); {
	case n == 0 && depth > 0:
		var parts []string
		for i := range g.r.IntN(3) {
			parts = append(parts, fmt.Sprintf(`"k%d":%s`, i, g.anyValue(depth-1)))
		}
		return "{" + strings.Join(parts, ",") + "}"
	case n == 1 && depth > 0:
		var parts []string
		for range g.r.IntN(3) {
			parts = append(parts, g.anyValue(depth-1))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case n == 2:
		if g.anomalies && g.chance(0.1) {
			return g.pick(badStrings)
		}
		return g.pick(docStrings)
	case n == 3:
		return g.pick(docFloats)
	case n == 4:
		return "true"
	case n == 5:
		return "null"
	default:
		return g.pick(docInts)
	}
}

// value returns JSON for a value of type t.
func (g *docGen) value(t reflect.Type, depth int) string {
	if g.chance(0.08) {
		return "null"
	}
	if g.anomalies && g.chance(0.03) {
		return g.wrong()
	}
	if t == jsonType || t == rawType || t.Kind() == reflect.Interface {
		return g.anyValue(3)
	}
	if t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "Opt[") {
		return g.value(t.Field(0).Type, depth)
	}
	switch t.Kind() {
	case reflect.String:
		if g.anomalies && g.chance(0.03) {
			return g.pick(badStrings)
		}
		return g.pick(docStrings)
	case reflect.Int64:
		if g.anomalies && g.chance(0.1) {
			return g.pick(badInts)
		}
		return g.pick(docInts)
	case reflect.Float64:
		if g.anomalies && g.chance(0.1) {
			return g.pick(badFloats)
		}
		return g.pick(docFloats)
	case reflect.Bool:
		return g.pick([]string{"true", "false"})
	case reflect.Pointer:
		return g.value(t.Elem(), depth)
	case reflect.Slice:
		var parts []string
		for range g.r.IntN(4) {
			parts = append(parts, g.value(t.Elem(), depth-1))
		}
		return "[" + strings.Join(parts, g.pick([]string{",", ", ", " ,\n"})) + "]"
	case reflect.Map:
		var parts []string
		for i := range g.r.IntN(3) {
			parts = append(parts, fmt.Sprintf(`"m%d":%s`, i, g.value(t.Elem(), depth-1)))
		}
		return "{" + strings.Join(parts, ",") + "}"
	case reflect.Struct:
		if depth <= 0 {
			return "{}"
		}
		return g.object(t, depth-1)
	}
	panic("docGen: no rule for " + t.String())
}

// object returns a JSON object for the struct type t: its fields in random
// order, some left out, with unknown members and (with anomalies)
// duplicated, case-changed or escaped keys.
func (g *docGen) object(t reflect.Type, depth int) string {
	var members []string
	add := func(key, val string) {
		sep := g.pick([]string{":", ": ", " :\t"})
		members = append(members, `"`+key+`"`+sep+val)
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" || g.chance(0.2) {
			continue
		}
		add(name, g.value(f.Type, depth))
		if g.anomalies {
			switch n := g.r.IntN(40); n {
			case 0:
				add(name, g.value(f.Type, depth)) // duplicate
			case 1:
				add(strings.ToUpper(name), g.value(f.Type, depth))
			case 2:
				add(`\u00`+fmt.Sprintf("%02x", name[0])+name[1:], g.value(f.Type, depth))
			}
		}
	}
	if g.chance(0.3) {
		add(g.pick([]string{"unknown_field", "x", "extra_data"}), g.anyValue(2))
	}
	if g.anomalies && g.chance(0.05) {
		add("Unknown_Upper", "1")
	}
	g.r.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
	s := "{" + strings.Join(members, g.pick([]string{",", ",\n  ", " , "})) + "}"
	if g.anomalies && g.chance(0.02) {
		s = corrupt(g.r, s)
	}
	return s
}

// corrupt damages a JSON text by one byte.
func corrupt(r *rand.Rand, s string) string {
	if s == "" {
		return s
	}
	i := r.IntN(len(s))
	bad := []byte{'{', '}', '"', ',', ':', '\\', 0x01, ']'}
	return s[:i] + string(bad[r.IntN(len(bad))]) + s[i+1:]
}

// compareDecode decodes doc into a new value of typ both ways. It reports
// whether the fast path took it, and fails t when the fast path took it and
// its result differs from encoding/json's.
func compareDecode(t testing.TB, typ reflect.Type, doc []byte) bool {
	t.Helper()
	want := reflect.New(typ)
	wantErr := json.Unmarshal(doc, want.Interface())
	got := reflect.New(typ)
	if !fastUnmarshal(doc, got.Interface()) {
		if !got.Elem().IsZero() {
			t.Fatalf("%s: the fast path gave up but left a partial value\ndoc: %s", typ, doc)
		}
		return false
	}
	if wantErr != nil {
		t.Fatalf("%s: the fast path accepted what encoding/json refuses (%v)\ndoc: %s", typ, wantErr, doc)
	}
	if !reflect.DeepEqual(got.Interface(), want.Interface()) {
		t.Fatalf("%s: fast and encoding/json results differ\ndoc: %s\nfast: %+v\njson: %+v", typ, doc, got.Elem().Interface(), want.Elem().Interface())
	}
	return true
}

func TestFastDecodeMatchesEncodingJSON(t *testing.T) {
	for _, anomalies := range []bool{false, true} {
		t.Run(fmt.Sprintf("anomalies=%v", anomalies), func(t *testing.T) {
			g := &docGen{r: rand.New(rand.NewPCG(11, 12)), anomalies: anomalies}
			taken, total := 0, 0
			for _, m := range decodedModels {
				typ := reflect.TypeOf(m).Elem()
				for range 60 {
					doc := []byte(g.object(typ, 4))
					total++
					if compareDecode(t, typ, doc) {
						taken++
					}
				}
			}
			t.Logf("%d types, %d documents, %d decoded by the fast path", len(decodedModels), total, taken)
			// Without anomalies only escaped or invalid strings and
			// out-of-range numbers send a document to encoding/json.
			if !anomalies && taken < total/3 {
				t.Fatalf("the fast path took only %d of %d well-formed documents", taken, total)
			}
			if taken == 0 {
				t.Fatal("the fast path took no document")
			}
		})
	}
}

// TestFastDecodeTakesPlainAnswers checks that a realistic answer (no
// escapes, no anomalies) does go through the fast path, and its result.
func TestFastDecodeTakesPlainAnswers(t *testing.T) {
	doc, err := os.ReadFile("users/testdata/user.json")
	if err != nil {
		t.Fatal(err)
	}
	if !compareDecode(t, reflect.TypeFor[User](), doc) {
		t.Fatal("the fast path gave up on users/testdata/user.json")
	}
	page := []byte("[" + string(bytes.TrimSpace(doc)) + ", null ,\n" + string(doc) + "]")
	got, ok := fastArray[*User](page)
	var want []*User
	if err := json.Unmarshal(page, &want); err != nil || !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("array of *User: ok=%v err=%v equal=%v", ok, err, reflect.DeepEqual(got, want))
	}
	vals, ok := fastArray[User](page)
	var wantVals []User
	if err := json.Unmarshal(page, &wantVals); err != nil || !ok || !reflect.DeepEqual(vals, wantVals) {
		t.Fatalf("array of User: ok=%v err=%v", ok, err)
	}
	if _, ok := fastArray[map[string]any](page); ok {
		t.Fatal("fastArray took a type without a generated decoder")
	}
}

// TestFastDecodeGivesUp lists inputs the fast path must leave to
// encoding/json, each for its reason.
func TestFastDecodeGivesUp(t *testing.T) {
	for name, doc := range map[string]string{
		"escaped key":         `{"\u0069d":"user_1"}`,
		"uppercase key":       `{"ID":"user_1"}`,
		"uppercase unknown":   `{"id":"user_1","Other":1}`,
		"non-ASCII key":       `{"ïd":"user_1"}`,
		"duplicate key":       `{"id":"a","id":"b"}`,
		"fraction into int":   `{"created_at":1.5}`,
		"exponent into int":   `{"created_at":1e3}`,
		"19 digits":           `{"created_at":1234567890123456789}`,
		"string into int":     `{"created_at":"1"}`,
		"number into string":  `{"id":5}`,
		"object into bool":    `{"banned":{}}`,
		"trailing text":       `{"id":"a"} x`,
		"two values":          `{"id":"a"}{"id":"b"}`,
		"unterminated":        `{"id":"a"`,
		"bad escape in value": `{"id":"\x"}`,
		"short \\u escape":    `{"x":"\u00e"","id":"a"}`,
		"bad escape skipped":  `{"x":"\q","id":"a"}`,
		"control character":   "{\"id\":\"a\x01\"}",
		"deep unknown":        `{"x":` + strings.Repeat("[", maxFastDepth+1) + strings.Repeat("]", maxFastDepth+1) + `}`,
		"leading zero":        `{"created_at":01}`,
		"bare minus":          `{"created_at":-}`,
		"array for object":    `[]`,
	} {
		t.Run(name, func(t *testing.T) {
			if compareDecode(t, reflect.TypeFor[User](), []byte(doc)) {
				t.Fatalf("the fast path took %s", doc)
			}
		})
	}
}

// TestDoUsesFastPathOnlyOnZeroValues checks that an answer decoded into a
// value the caller filled in is left to encoding/json, which merges.
func TestDoUsesFastPathOnlyOnZeroValues(t *testing.T) {
	u := &User{ID: "kept"}
	if isZeroModel(u) {
		t.Fatal("a filled-in User counts as zero")
	}
	if !isZeroModel(&User{}) || isZeroModel((*User)(nil)) || isZeroModel(&map[string]any{}) {
		t.Fatal("isZeroModel misjudges")
	}
}

// FuzzFastDecodeUser compares the fast path with encoding/json on
// arbitrary documents decoded as a User.
func FuzzFastDecodeUser(f *testing.F) {
	doc, err := os.ReadFile("users/testdata/user.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(doc)
	f.Add([]byte(`{"id":"a","email_addresses":[{"id":"e","verification":null}],"public_metadata":{"a":[1,{"b":null}]}}`))
	f.Add([]byte(`{"first_name":"\u00e9","last_name":"\xff","created_at":-0,"locale":null}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		compareDecode(t, reflect.TypeFor[User](), doc)
	})
}

// TestFastPageMatchesEncodingJSON compares both shapes of list answers,
// decoded by the generated decoders, with decodeWithJSON.
func TestFastPageMatchesEncodingJSON(t *testing.T) {
	g := &docGen{r: rand.New(rand.NewPCG(13, 14)), anomalies: true}
	user := reflect.TypeFor[User]()
	items := func() string {
		var parts []string
		for range g.r.IntN(4) {
			if g.chance(0.1) {
				parts = append(parts, "null")
				continue
			}
			parts = append(parts, g.object(user, 2))
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	counts := []string{"3", "3.0", "3e0", "null", `"3"`, "1.5", "-0", "1e30", "true"}
	taken := 0
	const total = 3000
	for range total {
		var members []string
		if g.chance(0.8) {
			members = append(members, `"data":`+g.pick([]string{items(), items(), "null"}))
		}
		if g.chance(0.2) {
			members = append(members, `"m2m_tokens":`+items())
		}
		if g.chance(0.7) {
			members = append(members, `"total_count":`+g.pick(counts))
		}
		if g.chance(0.2) {
			members = append(members, g.pick([]string{`"object":"list"`, `"other":[1]`, `"Data":[]`, `"total_count":1`, `"data":[]`, `"meta":{"a":[]}`}))
		}
		g.r.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
		doc := []byte("{" + strings.Join(members, ",") + "}")
		if g.chance(0.3) {
			doc = []byte(items())
		}
		var want Page[*User]
		var got Page[*User]
		var wantErr error
		var ok bool
		if doc[0] == '[' {
			want.shape, got.shape = ArrayPage, ArrayPage
			want.Data, wantErr = decodeArray[*User](doc)
			got.Data, ok = fastArray[*User](doc)
		} else {
			wantErr = want.decodeObject(doc, "data")
			ok = fastPage(doc, "data", &got)
		}
		if !ok {
			continue
		}
		taken++
		if wantErr != nil {
			t.Fatalf("the fast path accepted what encoding/json refuses (%v)\ndoc: %s", wantErr, doc)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("pages differ\ndoc: %s\nfast: %+v\njson: %+v", doc, got, want)
		}
	}
	t.Logf("%d of %d list answers decoded by the fast path", taken, total)
	if taken < total/10 {
		t.Fatalf("the fast path took only %d of %d list answers", taken, total)
	}
}
