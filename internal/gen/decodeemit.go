package main

import (
	"strings"
)

// emitDecoders writes the generated JSON decoders of the root models (the
// decodeJSON methods fastdecode.go drives), one per struct that can have
// one, in name order.
func emitDecoders(f *file, p *pkgModel) {
	fast := map[string]bool{}
	for _, d := range p.sortedDecls() {
		if hasFastDecoder(d) {
			fast[d.Name] = true
		}
	}
	for _, d := range p.sortedDecls() {
		if !fast[d.Name] {
			continue
		}
		f.printf("// decodeJSON reads x from its JSON object in one pass (see fastdecode.go).\n")
		f.printf("func (x *%s) decodeJSON(d *decoder) bool {\n", d.Name)
		if len(d.Fields) > 0 {
			f.printf("\tvar seen [%d]uint64\n", (len(d.Fields)+63)/64)
		}
		f.printf("\tfor i := 0; d.member(i); i++ {\n\t\tvar ok bool\n\t\tswitch string(d.key) {\n")
		for i, fl := range d.Fields {
			f.printf("\t\tcase %q:\n\t\t\tok = d.first(seen[:], %d) && %s\n", fl.JSONName, i, fieldDecoder(p, fast, local(fl.Type), "&x."+fl.GoName))
		}
		f.printf("\t\tdefault:\n\t\t\tok = d.skipUnknown()\n\t\t}\n")
		f.printf("\t\tif !ok {\n\t\t\treturn false\n\t\t}\n\t}\n\treturn !d.failed\n}\n\n")
	}
}

// emitDecoderList writes, for the root package's tests, a zero value of
// every model type that has a generated decoder.
func emitDecoderList(f *file, p *pkgModel) {
	f.printf("// decodedModels holds a nil pointer of every type with a generated\n// decoder, for the tests that compare them with encoding/json.\n")
	f.printf("var decodedModels = []jsonDecodable{\n")
	for _, d := range p.sortedDecls() {
		if hasFastDecoder(d) {
			f.printf("\t(*%s)(nil),\n", d.Name)
		}
	}
	f.printf("}\n")
}

// hasFastDecoder reports whether d can have a generated decoder: a struct
// without its own UnmarshalJSON (legacy aliases) or embedded fields, whose
// wire names are lowercase ASCII, so that an exact match of a key is the
// only match encoding/json could make.
func hasFastDecoder(d *decl) bool {
	if d.Kind != kindStruct || d.Request || len(d.Aliases) > 0 {
		return false
	}
	for _, fl := range d.Fields {
		if fl.Embedded || fl.JSONName == "" {
			return false
		}
		for _, c := range []byte(fl.JSONName) {
			if c >= 0x80 || ('A' <= c && c <= 'Z') || c == '"' || c == '\\' {
				return false
			}
		}
	}
	return true
}

// fieldDecoder is the expression that decodes the next value into the
// field at addr, whose type is t.
func fieldDecoder(p *pkgModel, fast map[string]bool, t, addr string) string {
	isString := func(t string) bool {
		if t == "string" {
			return true
		}
		d, ok := p.decls[t]
		return ok && d.Kind == kindEnum
	}
	inner, isOpt := strings.CutPrefix(t, "Opt[")
	if isOpt {
		inner = strings.TrimSuffix(inner, "]")
	}
	ptr, isPtr := strings.CutPrefix(t, "*")
	elem, isSlice := strings.CutPrefix(t, "[]")
	switch {
	case t == "JSON" || t == "json.RawMessage":
		return "d.raw((*[]byte)(" + addr + "))"
	case isString(t):
		return "decodeString(d, " + addr + ")"
	case isPtr && isString(ptr):
		return "decodeStringPtr(d, " + addr + ")"
	case isOpt && isString(inner):
		return "decodeOptString(d, " + addr + ")"
	case isSlice && isString(elem):
		return "decodeStrings(d, " + addr + ")"
	}
	for _, base := range []string{"int64", "float64", "bool"} {
		read := ", (*decoder)." + base + ")"
		switch t {
		case base:
			return "decodeValue(d, " + addr + read
		case "*" + base:
			return "decodeValuePtr(d, " + addr + read
		case "Opt[" + base + "]":
			return "decodeOptValue(d, " + addr + read
		}
	}
	switch {
	case fast[t]:
		return "decodeStruct(d, " + addr + ")"
	case isPtr && fast[ptr]:
		return "decodePtr(d, " + addr + ")"
	case isOpt && fast[inner]:
		return "decodeOptStruct(d, " + addr + ")"
	case isSlice && strings.HasPrefix(elem, "*") && fast[elem[1:]]:
		return "decodePtrSlice(d, " + addr + ")"
	}
	return "d.viaJSON(" + addr + ")"
}
