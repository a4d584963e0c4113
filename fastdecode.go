package clerk

import (
	"encoding/json"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// Answers are decoded by generated code (decode_gen.go) when they can be,
// and by encoding/json otherwise. The generated decoders read the JSON in a
// single validating pass, without reflection, and reproduce exactly what
// json.Unmarshal would produce. They give up, rather than guess, on anything
// whose encoding/json result depends on rules they do not implement: escaped
// or non-ASCII keys (encoding/json matches keys case-insensitively),
// uppercase keys, duplicate keys (encoding/json merges them), numbers an
// int64 field cannot take, any type mismatch, nesting deeper than
// maxFastDepth. Giving up discards the partial result; the caller then
// decodes the same bytes with encoding/json, which also produces the errors.
// Strings with escapes or invalid UTF-8 are handed to encoding/json one at a
// time, so their unescaping is encoding/json's own.

// jsonDecodable is implemented by the generated model types.
type jsonDecodable interface {
	// decodeJSON decodes the object at the decoder's position into the
	// receiver, which must be its zero value, and reports whether it could.
	decodeJSON(d *decoder) bool
}

// decodable is the constraint of the generic helpers: P is *T and has a
// generated decoder.
type decodable[T any] interface {
	*T
	jsonDecodable
}

// maxFastDepth bounds the nesting the fast path follows; deeper values are
// left to encoding/json and its own limit.
const maxFastDepth = 512

// decoder is a position in a JSON text. Once failed is set every method
// reports false.
type decoder struct {
	data   []byte
	pos    int
	key    []byte // the member name member just read, without quotes
	depth  int
	failed bool
}

// fail marks the decoding as given up and returns false.
func (d *decoder) fail() bool {
	d.failed = true
	return false
}

// ws skips whitespace and returns the next byte, or 0 at the end.
func (d *decoder) ws() byte {
	for d.pos < len(d.data) {
		switch c := d.data[d.pos]; c {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return c
		}
	}
	return 0
}

// atNull consumes a null literal if one is next.
func (d *decoder) atNull() bool {
	if d.ws() != 'n' {
		return false
	}
	if len(d.data)-d.pos >= 4 && string(d.data[d.pos:d.pos+4]) == "null" {
		d.pos += 4
		return true
	}
	return false
}

// member advances to the next member of the object being decoded (i is
// the number of members read so far) and leaves its name in d.key. It
// reports false at the end of the object, or on malformed input (then
// d.failed is set).
func (d *decoder) member(i int) bool {
	if d.failed {
		return false
	}
	c := d.ws()
	if i == 0 {
		if c != '{' {
			return d.fail()
		}
		d.pos++
		c = d.ws()
		if c == '}' {
			d.pos++
			return false
		}
	} else {
		switch c {
		case '}':
			d.pos++
			return false
		case ',':
			d.pos++
			c = d.ws()
		default:
			return d.fail()
		}
	}
	if c != '"' {
		return d.fail()
	}
	start := d.pos + 1
	for j := start; j < len(d.data); j++ {
		switch c := d.data[j]; {
		case c == '"':
			d.key = d.data[start:j]
			d.pos = j + 1
			if d.ws() != ':' {
				return d.fail()
			}
			d.pos++
			return true
		case c == '\\' || c < ' ' || c >= utf8.RuneSelf:
			return d.fail() // escaped or non-ASCII: encoding/json's folding decides
		}
	}
	return d.fail()
}

// first records member n of an object as seen; a second occurrence gives
// up, since encoding/json would merge the two values.
func (d *decoder) first(seen []uint64, n int) bool {
	w, bit := n/64, uint64(1)<<(n%64)
	if seen[w]&bit != 0 {
		return d.fail()
	}
	seen[w] |= bit
	return true
}

// skipUnknown skips the value of a member that matches no field. The
// generated decoders exist only for types whose member names are lowercase
// ASCII, so a key with an uppercase letter might still match a field the
// way encoding/json matches keys (case-insensitively): give up on it.
func (d *decoder) skipUnknown() bool {
	for _, c := range d.key {
		if 'A' <= c && c <= 'Z' {
			return d.fail()
		}
	}
	return d.skipValue()
}

// skipValue skips and validates any JSON value.
func (d *decoder) skipValue() bool {
	switch c := d.ws(); {
	case c == '"':
		return d.skipString()
	case c == '{':
		if d.depth++; d.depth > maxFastDepth {
			return d.fail()
		}
		d.pos++
		if d.ws() == '}' {
			d.pos++
			d.depth--
			return true
		}
		for {
			if d.ws() != '"' || !d.skipString() || d.ws() != ':' {
				return d.fail()
			}
			d.pos++
			if !d.skipValue() {
				return false
			}
			switch d.ws() {
			case ',':
				d.pos++
			case '}':
				d.pos++
				d.depth--
				return true
			default:
				return d.fail()
			}
		}
	case c == '[':
		if d.depth++; d.depth > maxFastDepth {
			return d.fail()
		}
		d.pos++
		if d.ws() == ']' {
			d.pos++
			d.depth--
			return true
		}
		for {
			if !d.skipValue() {
				return false
			}
			switch d.ws() {
			case ',':
				d.pos++
			case ']':
				d.pos++
				d.depth--
				return true
			default:
				return d.fail()
			}
		}
	case c == '-' || ('0' <= c && c <= '9'):
		_, ok := d.number()
		return ok
	case c == 't':
		return d.literal("true")
	case c == 'f':
		return d.literal("false")
	case c == 'n':
		return d.literal("null")
	}
	return d.fail()
}

// literal consumes the literal lit.
func (d *decoder) literal(lit string) bool {
	if len(d.data)-d.pos >= len(lit) && string(d.data[d.pos:d.pos+len(lit)]) == lit {
		d.pos += len(lit)
		return true
	}
	return d.fail()
}

// skipString skips and validates the string at the position: no control
// characters, and only the escapes JSON defines. Its bytes are not
// checked as UTF-8, as encoding/json does not check them either.
func (d *decoder) skipString() bool {
	for j := d.pos + 1; j < len(d.data); j++ {
		switch c := d.data[j]; {
		case c == '"':
			d.pos = j + 1
			return true
		case c < ' ':
			return d.fail()
		case c == '\\':
			j++
			if j >= len(d.data) {
				return d.fail()
			}
			switch d.data[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if j+4 >= len(d.data) {
					return d.fail()
				}
				for _, h := range d.data[j+1 : j+5] {
					if !isHex(h) {
						return d.fail()
					}
				}
				j += 4
			default:
				return d.fail()
			}
		}
	}
	return d.fail()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// number consumes a number with JSON's grammar and returns its text.
func (d *decoder) number() ([]byte, bool) {
	b, i := d.data, d.pos
	start := i
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	default:
		return nil, d.fail()
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return nil, d.fail()
		}
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return nil, d.fail()
		}
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	}
	d.pos = i
	return b[start:i], true
}

// str reads a string value. Strings with escapes or invalid UTF-8 are
// decoded by encoding/json, so that unescaping and the replacement of
// invalid bytes are exactly its own.
func (d *decoder) str() (string, bool) {
	if d.ws() != '"' {
		return "", d.fail()
	}
	start := d.pos + 1
	ascii := true
	for j := start; j < len(d.data); j++ {
		switch c := d.data[j]; {
		case c == '"':
			inner := d.data[start:j]
			if !ascii && !utf8.Valid(inner) {
				return d.strViaJSON()
			}
			d.pos = j + 1
			return string(inner), true
		case c == '\\':
			return d.strViaJSON()
		case c < ' ':
			return "", d.fail()
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", d.fail()
}

func (d *decoder) strViaJSON() (string, bool) {
	start := d.pos
	if !d.skipString() {
		return "", false
	}
	var s string
	if json.Unmarshal(d.data[start:d.pos], &s) != nil {
		return "", d.fail()
	}
	return s, true
}

// int64 reads an integer that fits in 18 digits; anything else (a
// fraction, an exponent, a longer number, another type) gives up, for
// encoding/json to decode or refuse.
func (d *decoder) int64() (int64, bool) {
	if c := d.ws(); c != '-' && (c < '0' || c > '9') {
		return 0, d.fail()
	}
	tok, ok := d.number()
	if !ok {
		return 0, false
	}
	n, ok := parseInt64(tok)
	if !ok {
		return 0, d.fail()
	}
	return n, true
}

func (d *decoder) float64() (float64, bool) {
	if c := d.ws(); c != '-' && (c < '0' || c > '9') {
		return 0, d.fail()
	}
	tok, ok := d.number()
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(tok), 64)
	if err != nil {
		return 0, d.fail()
	}
	return f, true
}

func (d *decoder) bool() (bool, bool) {
	switch d.ws() {
	case 't':
		return true, d.literal("true")
	case 'f':
		return false, d.literal("false")
	}
	return false, d.fail()
}

// raw reads any value and keeps a copy of its text, as JSON and
// json.RawMessage do (null included).
func (d *decoder) raw(p *[]byte) bool {
	d.ws()
	start := d.pos
	if !d.skipValue() {
		return false
	}
	*p = append([]byte(nil), d.data[start:d.pos]...)
	return true
}

// viaJSON decodes the next value into p with encoding/json: for the field
// types the generated code does not decode itself (any, maps, types with
// their own UnmarshalJSON).
func (d *decoder) viaJSON(p any) bool {
	d.ws()
	start := d.pos
	if !d.skipValue() {
		return false
	}
	if json.Unmarshal(d.data[start:d.pos], p) != nil {
		return d.fail()
	}
	return true
}

// The helpers below decode one field each; null follows encoding/json: it
// leaves a string, number, bool or struct unchanged, sets a pointer or a
// slice to nil, and makes an Opt null.

func decodeString[S ~string](d *decoder, p *S) bool {
	if d.atNull() {
		return true
	}
	s, ok := d.str()
	*p = S(s)
	return ok
}

func decodeStringPtr[S ~string](d *decoder, p **S) bool {
	if d.atNull() {
		*p = nil
		return true
	}
	s, ok := d.str()
	v := S(s)
	*p = &v
	return ok
}

func decodeOptString[S ~string](d *decoder, p *Opt[S]) bool {
	if d.atNull() {
		*p = Null[S]()
		return true
	}
	s, ok := d.str()
	*p = Value(S(s))
	return ok
}

func decodeStrings[S ~string](d *decoder, p *[]S) bool {
	if d.atNull() {
		*p = nil
		return true
	}
	out := []S{}
	for i := 0; d.element(i); i++ {
		var s S
		if !decodeString(d, &s) {
			return false
		}
		out = append(out, s)
	}
	*p = out
	return !d.failed
}

// decodeValue decodes a number or bool field with read.
func decodeValue[T any](d *decoder, p *T, read func(*decoder) (T, bool)) bool {
	if d.atNull() {
		return true
	}
	v, ok := read(d)
	*p = v
	return ok
}

// decodeValuePtr decodes a pointer to a number or bool with read.
func decodeValuePtr[T any](d *decoder, p **T, read func(*decoder) (T, bool)) bool {
	if d.atNull() {
		*p = nil
		return true
	}
	v, ok := read(d)
	*p = &v
	return ok
}

// decodeOptValue decodes an Opt of a number or bool with read.
func decodeOptValue[T any](d *decoder, p *Opt[T], read func(*decoder) (T, bool)) bool {
	if d.atNull() {
		*p = Null[T]()
		return true
	}
	v, ok := read(d)
	*p = Value(v)
	return ok
}

// decodeStruct decodes a nested object into the struct *p.
func decodeStruct[T any, P decodable[T]](d *decoder, p *T) bool {
	if d.atNull() {
		return true
	}
	return d.nested(P(p))
}

// decodePtr decodes a nested object into a new *T.
func decodePtr[T any, P decodable[T]](d *decoder, p *P) bool {
	if d.atNull() {
		*p = nil
		return true
	}
	v := P(new(T))
	*p = v
	return d.nested(v)
}

// decodeOptStruct decodes a nested object into an Opt of a struct.
func decodeOptStruct[T any, P decodable[T]](d *decoder, p *Opt[T]) bool {
	if d.atNull() {
		*p = Null[T]()
		return true
	}
	*p = Opt[T]{state: present}
	return d.nested(P(&p.value))
}

// decodePtrSlice decodes an array of objects into a []*T.
func decodePtrSlice[T any, P decodable[T]](d *decoder, p *[]P) bool {
	if d.atNull() {
		*p = nil
		return true
	}
	out := []P{}
	for i := 0; d.element(i); i++ {
		var v P
		if !decodePtr[T](d, &v) {
			return false
		}
		out = append(out, v)
	}
	*p = out
	return !d.failed
}

// nested decodes an object one level deeper, within maxFastDepth.
func (d *decoder) nested(v jsonDecodable) bool {
	if d.depth++; d.depth > maxFastDepth {
		return d.fail()
	}
	ok := v.decodeJSON(d)
	d.depth--
	return ok
}

// element advances to the next element of an array (i is the number read
// so far) and reports false at its end or on malformed input.
func (d *decoder) element(i int) bool {
	if d.failed {
		return false
	}
	c := d.ws()
	if i == 0 {
		if c != '[' {
			return d.fail()
		}
		d.pos++
		if d.ws() == ']' {
			d.pos++
			return false
		}
		return true
	}
	switch c {
	case ']':
		d.pos++
		return false
	case ',':
		d.pos++
		return true
	}
	return d.fail()
}

// end reports whether only whitespace is left.
func (d *decoder) end() bool {
	return !d.failed && d.ws() == 0 && d.pos == len(d.data)
}

// isZeroModel reports whether out points to the zero value of a generated
// model type: the fast path decodes only into zero values, so that giving
// up can restore out exactly by zeroing it.
func isZeroModel(out any) bool {
	if _, ok := out.(jsonDecodable); !ok {
		return false
	}
	v := reflect.ValueOf(out)
	return !v.IsNil() && v.Elem().IsZero()
}

// fastUnmarshal decodes a whole answer into out with the generated decoder
// of out's type, and reports false when out has none, is not a zero value,
// or the decoder gave up; out is then unchanged or zeroed, ready for
// encoding/json.
func fastUnmarshal(b []byte, out any) bool {
	if !isZeroModel(out) {
		return false
	}
	v := out.(jsonDecodable)
	d := decoder{data: b}
	if d.atNull() {
		return d.end() // null leaves the answer as it is, as in encoding/json
	}
	if d.nested(v) && d.end() {
		return true
	}
	reflect.ValueOf(out).Elem().SetZero()
	return false
}

// elemDecoder returns the decoder of one array element of type T, where T
// is a generated model type or a pointer to one, or nil for other types.
func elemDecoder[T any]() func(d *decoder, p *T) bool {
	var zero T
	if _, ok := any(zero).(jsonDecodable); ok { // T is *M
		m := reflect.TypeFor[T]().Elem()
		return func(d *decoder, p *T) bool {
			if d.atNull() {
				return true
			}
			v := reflect.New(m).Interface()
			*p = v.(T)
			return d.nested(v.(jsonDecodable))
		}
	}
	if _, ok := any(&zero).(jsonDecodable); !ok {
		return nil
	}
	return func(d *decoder, p *T) bool {
		if d.atNull() {
			return true
		}
		return d.nested(any(p).(jsonDecodable))
	}
}

// elements decodes an array with elem; null is a nil slice.
func elements[T any](d *decoder, elem func(d *decoder, p *T) bool) ([]T, bool) {
	if d.atNull() {
		return nil, true
	}
	var zero T
	out := []T{}
	for i := 0; d.element(i); i++ {
		out = append(out, zero)
		if !elem(d, &out[len(out)-1]) {
			return nil, false
		}
	}
	return out, !d.failed
}

// fastArray decodes a JSON array of T, where T is a generated model type
// or a pointer to one. It reports false when T has no generated decoder or
// the decoder gave up.
func fastArray[T any](b []byte) ([]T, bool) {
	elem := elemDecoder[T]()
	if elem == nil {
		return nil, false
	}
	d := decoder{data: b}
	out, ok := elements(&d, elem)
	return out, ok && d.end()
}

// fastPage decodes the object shape of a list answer, the items in
// member, as decodeObject does. It gives up on what it does not reproduce
// exactly (keys that are not lowercase, duplicate members) and on an
// answer without the member, leaving those to decodeObject.
func fastPage[T any](b []byte, member string, p *Page[T]) bool {
	elem := elemDecoder[T]()
	if elem == nil {
		return false
	}
	d := decoder{data: b}
	var data []T
	found := false
	var seen [1]uint64
	for i := 0; d.member(i); i++ {
		var ok bool
		switch string(d.key) {
		case member:
			data, ok = elements(&d, elem)
			ok = ok && d.first(seen[:], 0)
			found = true
		case "total_count":
			ok = d.first(seen[:], 1) && readTotalCount(&d, p)
		default:
			ok = d.skipUnknown()
		}
		if !ok {
			return false
		}
	}
	if !d.end() || !found {
		return false
	}
	p.Data = data
	return true
}

// readTotalCount reads a list's total_count with totalCount's rules.
func readTotalCount[T any](d *decoder, p *Page[T]) bool {
	if d.atNull() {
		return true
	}
	if c := d.ws(); c != '-' && (c < '0' || c > '9') {
		return d.fail()
	}
	tok, ok := d.number()
	var n totalCount
	if !ok || n.UnmarshalJSON(tok) != nil {
		return d.fail()
	}
	p.TotalCount, p.counted = int64(n), true
	return true
}
