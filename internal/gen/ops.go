package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/clerkgo/clerk/internal/gen/naming"
	"github.com/clerkgo/clerk/internal/gen/overlay"
	"github.com/getkin/kin-openapi/openapi3"
)

// opModel is one generated service method.
type opModel struct {
	ID         string
	HTTPMethod string
	Path       string
	Method     string
	Doc        string
	PathParams []pathParam
	// Params is the params struct, nil when the call takes none.
	Params *decl
	// ParamsRequired is true when params must not be nil.
	ParamsRequired bool
	// BodyArray is the element type when the body is a JSON array.
	BodyArray string
	HasQuery  bool
	HasBody   bool
	Multipart bool
	// Result is the Go type returned (without pointer), "" for no content.
	Result string
	// ByValue is true when Result is returned as a value (maps, slices).
	ByValue bool
	// ListItem is the item type of list results, e.g. "*User".
	ListItem string
	// ListShape is the Go expression of the list answer's clerk.PageShape,
	// taken from the spec: clerk.ArrayPage, clerk.DataPage or a named member.
	ListShape string
	// Paged is true when the list takes limit and offset.
	Paged bool
	// Paginated is true when the list only pages when asked to.
	Paginated bool
	// Examples are the spec's examples of the success answer.
	Examples []string
	// HasResponseSchema is false when the spec gives no JSON schema.
	HasResponseSchema bool
	// Deprecated mirrors the spec's flag on the operation.
	Deprecated bool
}

type pathParam struct {
	Name   string
	Arg    string
	Schema *openapi3.SchemaRef
}

// buildOp turns one spec operation into an opModel of its package.
func (p *pkgModel) buildOp(method, path string, op *openapi3.Operation, ov overlay.Op) (*opModel, error) {
	o := &opModel{ID: op.OperationID, HTTPMethod: method, Path: path, Method: ov.Method, Doc: ov.Doc, Deprecated: op.Deprecated}
	paramsName := ov.Body
	if paramsName == "" {
		paramsName = ov.Method + "Params"
	}
	params := &decl{Name: paramsName, Kind: kindStruct, Request: true}
	var limit, offset bool
	for _, pr := range op.Parameters {
		switch pr.Value.Name {
		case "limit":
			limit = pr.Value.In == "query"
			if limit && pr.Value.Schema != nil {
				params.limit = pr.Value.Schema.Value
			}
		case "offset":
			offset = pr.Value.In == "query"
		}
	}
	o.Paged = limit && offset
	if o.Paged {
		params.Fields = append(params.Fields, field{GoName: "ListParams", Type: "clerk.ListParams", Embedded: true, Query: true})
	}
	rename := func(name string) string {
		if r, ok := ov.Params[name]; ok {
			return r
		}
		return naming.Camel(name)
	}
	for _, pr := range op.Parameters {
		v := pr.Value
		switch v.In {
		case "path":
			o.PathParams = append(o.PathParams, pathParam{Name: v.Name, Arg: naming.LowerCamel(rename(v.Name)), Schema: v.Schema})
		case "query":
			if o.Paged && (v.Name == "limit" || v.Name == "offset") {
				continue
			}
			if v.Name == "paginated" {
				o.Paginated = true
			}
			o.HasQuery = true
			qf := queryField(p, v, rename(v.Name), paramsName)
			qf.VersionDoc = p.g.versionFieldDoc(method, path, v.Name, true)
			params.Fields = append(params.Fields, qf)
			if v.Required {
				o.ParamsRequired = true
			}
		case "header", "cookie":
			return nil, fmt.Errorf("%s: %s parameters are not supported", op.OperationID, v.In)
		}
	}
	sortPathParams(o, path)
	if err := p.buildBody(o, op, params, rename); err != nil {
		return nil, err
	}
	if len(params.Fields) > 0 {
		params.Doc = paramsName + " holds the parameters of " + ov.Method + "."
		params.Name = p.uniqueName(paramsName)
		p.decls[params.Name] = params
		o.Params = params
	}
	if err := p.buildResult(o, op, ov); err != nil {
		return nil, err
	}
	return o, nil
}

// sortPathParams orders path parameters as they appear in the path.
func sortPathParams(o *opModel, path string) {
	sort.SliceStable(o.PathParams, func(i, j int) bool {
		return strings.Index(path, "{"+o.PathParams[i].Name+"}") < strings.Index(path, "{"+o.PathParams[j].Name+"}")
	})
}

// queryField maps one query parameter to a params field.
func queryField(p *pkgModel, v *openapi3.Parameter, goName, paramsName string) field {
	f := field{GoName: goName, JSONName: v.Name, Query: true, Required: v.Required, Schema: v.Schema, Deprecated: v.Deprecated, mode: request}
	s := v.Schema.Value
	if isType(s, "array") {
		f.Type = "[]" + p.typeOf(s.Items, paramsName+goName, request)
		opts := ",omitempty"
		if v.Explode != nil && !*v.Explode {
			opts = ",comma" + opts
		}
		f.Tag = `url:"` + v.Name + opts + `" json:"-"`
		return f
	}
	t := p.typeOf(v.Schema, paramsName+goName, request)
	if v.Required {
		f.Type, f.Tag = t, `url:"`+v.Name+`" json:"-"`
		return f
	}
	f.Type, f.Tag = "clerk.Opt["+t+"]", `url:"`+v.Name+`,omitempty" json:"-"`
	return f
}

// buildBody adds the request body's fields to params.
func (p *pkgModel) buildBody(o *opModel, op *openapi3.Operation, params *decl, rename func(string) string) error {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	rb := op.RequestBody.Value
	if mt := rb.Content.Get("multipart/form-data"); mt != nil {
		o.Multipart, o.HasBody, o.ParamsRequired = true, true, true
		params.Form = true
		ps, req := props(mt.Schema.Value)
		for _, k := range sortedKeys(ps) {
			f := field{GoName: rename(k), JSONName: k, Required: req[k], Schema: ps[k], mode: request}
			if ps[k].Value.Format == "binary" {
				f.Binary, f.Type = true, "clerk.File"
				if !req[k] {
					f.Type = "*clerk.File"
				}
			} else {
				f.Type = "string"
				if !req[k] {
					f.Type = "clerk.Opt[string]"
				}
			}
			f.Tag = `form:"` + k + `" json:"-"`
			params.Fields = append(params.Fields, f)
		}
		return nil
	}
	mt := rb.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return fmt.Errorf("%s: unsupported request body", op.OperationID)
	}
	o.HasBody = true
	s := mt.Schema.Value
	if isType(s, "array") {
		// The element of a bulk call is one item, not the call's params.
		o.BodyArray = p.elemType(s.Items, o.Method+"Item", request)
		o.ParamsRequired = true
		return nil
	}
	ps, req := props(s)
	needed := map[string]bool{}
	for _, alt := range s.AnyOf {
		if alt.Value != nil && len(alt.Value.Properties) == 0 && len(alt.Value.Required) > 0 {
			for _, r := range alt.Value.Required {
				needed[r] = true
			}
			break
		}
	}
	if rb.Required && len(req) > 0 {
		o.ParamsRequired = true
	}
	for _, k := range sortedKeys(ps) {
		goName := rename(k)
		for _, existing := range params.Fields {
			if existing.GoName == goName {
				goName += "Body"
			}
		}
		f := field{GoName: goName, JSONName: k, Base: p.typeOf(ps[k], params.Name+goName, request), Required: req[k], Nullable: ps[k].Value.Nullable, Schema: ps[k], mode: request, ExampleNeeded: needed[k]}
		f.VersionDoc = p.g.versionFieldDoc(o.HTTPMethod, o.Path, k, false)
		f.wrap()
		if req[k] {
			o.ParamsRequired = true
		}
		params.Fields = append(params.Fields, f)
	}
	return nil
}

// buildResult decides what the method returns.
func (p *pkgModel) buildResult(o *opModel, op *openapi3.Operation, ov overlay.Op) error {
	codes := make([]string, 0, op.Responses.Len())
	for code := range op.Responses.Map() {
		if strings.HasPrefix(code, "2") {
			codes = append(codes, code)
		}
	}
	sort.Strings(codes)
	for _, code := range codes {
		r := op.Responses.Value(code).Value
		mt := r.Content.Get("application/json")
		if mt == nil || mt.Schema == nil {
			continue
		}
		o.HasResponseSchema = true
		o.Examples = examplesOf(mt)
		s := mt.Schema.Value
		if item, shape := listItems(s); item != nil && o.HTTPMethod == "GET" {
			o.ListItem = p.elemType(item, singular(ov.Method)+"Item", response)
			o.ListShape = shape
			o.Result = "clerk.Page[" + o.ListItem + "]"
			return nil
		}
		name := ov.Response
		if name == "" {
			name = p.g.answerName(p.Name, ov.Method)
		} else {
			p.answers().explicit[name] = true
		}
		o.Result = p.typeOf(mt.Schema, name, response)
		o.ByValue = nilable(o.Result)
		return nil
	}
	return nil
}

// listItems returns the item schema of a list answer (a bare array, or an
// object of total_count and one array, usually named data), or nil, with
// the Go expression of the answer's clerk.PageShape.
func listItems(s *openapi3.Schema) (*openapi3.SchemaRef, string) {
	if isType(s, "array") {
		return s.Items, "clerk.ArrayPage"
	}
	ps, _ := props(s)
	if _, counted := ps["total_count"]; !counted || len(ps) != 2 {
		return nil, ""
	}
	for k, v := range ps {
		if k != "total_count" && v.Value != nil && isType(v.Value, "array") {
			if k == "data" {
				return v.Value.Items, "clerk.DataPage"
			}
			return v.Value.Items, fmt.Sprintf("clerk.PageShape(%q)", k)
		}
	}
	return nil, ""
}
