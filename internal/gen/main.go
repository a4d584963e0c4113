// Command gen generates the SDK's resource packages from the Backend API's
// OpenAPI specs and the naming overlay in internal/gen/overlay.
//
//	cd internal/gen && go run . [-spec path] [-next path] [-root dir] [-check]
//
// It reads the spec of every API version the SDK speaks (-spec, the
// default version 2025-11-10, and -next, 2026-05-12) and builds from their
// union (versions.go): for every operation it emits a typed method in the
// package the overlay names, with the models and params types that method
// needs; internal/versions, which says what exists in which version;
// API-VERSIONS.md, the guide to the differences; internal/registry (every
// operation, for the coverage test), tests/calls_gen_test.go (one example
// call per operation) and clerktest/spec_params_gen.go (the emulator's
// table of every operation's parameters). With
// -check it writes nothing and fails when the committed files differ from
// what it would write. It reads only the spec files pinned in pin.go
// (source, version, SHA-256); any other file fails, named in the message.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/clerkgo/clerk/internal/gen/overlay"
	"github.com/clerkgo/clerk/internal/spec"
	"github.com/getkin/kin-openapi/openapi3"
)

func main() {
	specFlag := flag.String("spec", "", "path of the Backend API spec of the default version (default: ../shared/spec/bapi/2025-11-10.yml beside the module root)")
	nextFlag := flag.String("next", "", "path of the Backend API spec of the later version (default: ../shared/spec/bapi/2026-05-12.yml beside the module root)")
	root := flag.String("root", "", "module root (default: found from the working directory)")
	check := flag.Bool("check", false, "write nothing; fail if the committed files are not up to date")
	flag.Parse()
	if err := run(*specFlag, *nextFlag, *root, *check); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// generator carries the loaded specs and the overlay.
type generator struct {
	doc *openapi3.T
	// hooks is the webhooks spec, whose payloads share the root models.
	hooks *openapi3.T
	ops   map[string]overlay.Op
	// component maps a component schema of either spec to its spec name,
	// and goNames to its Go name.
	component map[*openapi3.Schema]string
	goNames   map[*openapi3.Schema]string
	// merged names the types that several schemas share by design (the
	// per-parent verification variants): their fields are merged.
	merged map[string]bool
	// unions maps an inline union schema to its overlay name.
	unions map[*openapi3.Schema]string
	// root is the model layer of the root package, current the package whose
	// operation is being built.
	root    *pkgModel
	current string
	events  []event
	// versions says which operations and request fields exist in which
	// API version; doc is the union of the versions' specs.
	versions *versionTable
}

func run(specPath, nextPath, root string, check bool) error {
	if root == "" {
		r, err := spec.ModuleRoot()
		if err != nil {
			return err
		}
		root = r
	}
	if specPath == "" {
		specPath = spec.Beside(root, spec.BAPI)
	}
	if nextPath == "" {
		nextPath = spec.Beside(root, spec.NextBAPI)
	}
	loader := openapi3.NewLoader()
	load := func(path string) (*openapi3.T, error) {
		// Each spec gets its own loader: a shared one would cache
		// documents and hand two versions the same schema objects.
		doc, err := openapi3.NewLoader().LoadFromFile(path)
		if err != nil {
			return nil, fmt.Errorf("loading the spec %s: %w", path, err)
		}
		if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
			return nil, fmt.Errorf("the spec %s does not validate: %w", path, err)
		}
		return doc, nil
	}
	doc, err := load(specPath)
	if err != nil {
		return err
	}
	next, err := load(nextPath)
	if err != nil {
		return err
	}
	hooksPath := spec.Beside(root, spec.Webhooks)
	hooks, err := loader.LoadFromFile(hooksPath)
	if err != nil {
		return fmt.Errorf("loading the webhooks spec: %w", err)
	}
	for _, c := range []struct {
		pin  specPin
		path string
		doc  *openapi3.T
	}{{bapiPin(), specPath, doc}, {nextPin(), nextPath, next}, {webhooksPin(), hooksPath, hooks}} {
		if err := c.pin.check(c.path, c.doc); err != nil {
			return err
		}
	}
	table, union, err := compareVersions([]apiSpec{{Name: doc.Info.Version, Doc: doc}, {Name: next.Info.Version, Doc: next}})
	if err != nil {
		return err
	}
	g, err := newGenerator(union, hooks)
	if err != nil {
		return err
	}
	g.versions = table
	files, err := g.generate()
	if err != nil {
		return err
	}
	return sync(root, files, check)
}

// generate builds every output file, keyed by path relative to the root.
// It builds the packages twice: the first pass finds which component
// schemas each package uses, so that in the second an inline schema of the
// same shape takes the component's name instead of a made-up one.
func (g *generator) generate() (map[string][]byte, error) {
	first, err := g.build(nil)
	if err != nil {
		return nil, err
	}
	preferred := map[string]map[string]string{}
	first[rootName] = g.root
	for name, p := range first {
		pref := map[string]string{}
		for fp, n := range p.wanted {
			pref[fp] = n
		}
		for _, d := range p.sortedDecls() {
			if (d.component || p.explicit[d.Name]) && d.print != "" {
				if _, taken := pref[d.print]; !taken {
					pref[d.print] = d.Name
				}
			}
		}
		preferred[name] = pref
	}
	pkgs, err := g.build(preferred)
	if err != nil {
		return nil, err
	}
	order := make([]*pkgModel, 0, len(pkgs))
	for _, p := range pkgs {
		sort.Slice(p.Ops, func(i, j int) bool { return p.Ops[i].Method < p.Ops[j].Method })
		order = append(order, p)
	}
	sort.Slice(order, func(i, j int) bool { return order[i].Name < order[j].Name })
	return g.render(order)
}

// build turns every operation into a method of its package.
func (g *generator) build(preferred map[string]map[string]string) (map[string]*pkgModel, error) {
	pkgs := map[string]*pkgModel{}
	g.root = newPkg(g, rootName)
	if pref := preferred[rootName]; pref != nil {
		g.root.preferred = pref
	}
	var problems []string
	seen := map[string]bool{}
	paths := make([]string, 0, g.doc.Paths.Len())
	for p := range g.doc.Paths.Map() {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, path := range paths {
		item := g.doc.Paths.Value(path)
		methods := item.Operations()
		names := make([]string, 0, len(methods))
		for m := range methods {
			names = append(names, m)
		}
		sort.Strings(names)
		for _, m := range names {
			op := methods[m]
			ov, ok := g.ops[op.OperationID]
			if !ok {
				problems = append(problems, "no overlay entry for "+op.OperationID)
				continue
			}
			seen[op.OperationID] = true
			g.current = ov.Package
			p := pkgs[ov.Package]
			if p == nil {
				p = newPkg(g, ov.Package)
				if pref := preferred[ov.Package]; pref != nil {
					p.preferred = pref
				}
				pkgs[ov.Package] = p
			}
			o, err := p.buildOp(m, path, op, ov)
			if err != nil {
				problems = append(problems, err.Error())
				continue
			}
			p.Ops = append(p.Ops, o)
		}
	}
	if err := g.buildEvents(); err != nil {
		problems = append(problems, err.Error())
	} else if err := g.addExtraFields(); err != nil {
		problems = append(problems, err.Error())
	}
	for id := range g.ops {
		if !seen[id] {
			problems = append(problems, "overlay entry "+id+" names no operation of the spec")
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return pkgs, nil
}

// render turns the package models into files.
func (g *generator) render(pkgs []*pkgModel) (map[string][]byte, error) {
	out := map[string][]byte{}
	add := func(path string, f *file) error {
		b, err := f.bytes()
		if err != nil {
			return err
		}
		out[path] = b
		return nil
	}
	docs := overlay.PackageDocs()
	for _, p := range pkgs {
		svc := newFile(p.Name)
		emitService(svc, p)
		if err := add(filepath.Join(p.Name, "service_gen.go"), svc); err != nil {
			return nil, err
		}
		params := newFile(p.Name)
		emitDecls(params, p, func(d *decl) bool { return d.Request })
		if err := add(filepath.Join(p.Name, "params_gen.go"), params); err != nil {
			return nil, err
		}
		if p.Name != "webhooks" {
			text := docs[p.Name]
			if text == "" {
				text = "calls the Backend API's " + p.Name + " endpoints."
			}
			out[filepath.Join(p.Name, "doc_gen.go")] = packageDoc(p.Name, text)
		}
	}
	for path, f := range g.renderModels() {
		if err := add(path, f); err != nil {
			return nil, err
		}
	}
	decoders := newFile(rootName)
	emitDecoders(decoders, g.root)
	if err := add("decode_gen.go", decoders); err != nil {
		return nil, err
	}
	decoderList := newFile(rootName)
	emitDecoderList(decoderList, g.root)
	if err := add("decode_gen_test.go", decoderList); err != nil {
		return nil, err
	}
	events := newFile("webhooks")
	emitEvents(events, g.events)
	if err := add(filepath.Join("webhooks", "events_gen.go"), events); err != nil {
		return nil, err
	}
	versions := newFile("versions")
	g.emitVersions(versions)
	if err := add(filepath.Join("internal", "versions", "versions_gen.go"), versions); err != nil {
		return nil, err
	}
	out[guidePath] = g.renderGuide(pkgs)
	consts := newFile(rootName)
	g.emitAPIVersionConsts(consts)
	if err := add("apiversions_gen.go", consts); err != nil {
		return nil, err
	}
	reg := newFile("registry")
	reg.printf("%s", registryPreamble)
	emitRegistry(reg, pkgs)
	if err := add(filepath.Join("internal", "registry", "registry_gen.go"), reg); err != nil {
		return nil, err
	}
	calls := newFile("tests")
	calls.printf("//lint:file-ignore SA1019 the calls reach every operation, the deprecated ones too.\n\n")
	emitTestCalls(calls, pkgs)
	if err := add(filepath.Join("tests", "calls_gen_test.go"), calls); err != nil {
		return nil, err
	}
	emulator := newFile("clerktest")
	emitEmulatorParams(emulator, g.doc)
	if err := add(filepath.Join("clerktest", "spec_params_gen.go"), emulator); err != nil {
		return nil, err
	}
	return out, nil
}

const registryPreamble = `// Operation is one operation of the Backend API and the SDK method that
// calls it.
type Operation struct {
	// ID is the spec's operationId.
	ID string
	// Method and Path are the HTTP method and the route template.
	Method, Path string
	// Package and GoMethod name the SDK method, e.g. users and List.
	Package, GoMethod string
	// Iterator names the All method of a list, or is empty.
	Iterator string
}

`

// packageDoc renders a doc-only file for a generated package.
func packageDoc(pkg, text string) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	lines := wrap("Package "+pkg+" "+text, 76)
	for _, l := range lines {
		b.WriteString("// " + l + "\n")
	}
	b.WriteString("//\n// Every method takes a context first and per-call clerk.RequestOption values\n// last; list methods have an All counterpart that walks every page.\n")
	b.WriteString("package " + pkg + "\n")
	return b.Bytes()
}

// wrap splits text into lines of at most width characters.
func wrap(text string, width int) []string {
	var lines []string
	var cur string
	for _, w := range strings.Fields(text) {
		if cur != "" && len(cur)+1+len(w) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// sync writes the files (or, with check, compares them) and removes
// generated files that are no longer produced.
func sync(root string, files map[string][]byte, check bool) error {
	var stale []string
	for rel, want := range files {
		path := filepath.Join(root, rel)
		have, err := os.ReadFile(path)
		if err == nil && bytes.Equal(have, want) {
			continue
		}
		if check {
			stale = append(stale, rel+" is out of date")
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, want, 0o644); err != nil {
			return err
		}
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_gen.go") && !strings.HasSuffix(path, "_gen_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if _, ours := files[rel]; ours {
			return nil
		}
		head := make([]byte, len(header))
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		n, _ := f.Read(head)
		f.Close()
		if string(head[:n]) != header {
			return nil
		}
		if check {
			stale = append(stale, rel+" is no longer generated")
			return nil
		}
		return os.Remove(path)
	})
	if err != nil {
		return err
	}
	if len(stale) > 0 {
		sort.Strings(stale)
		return errors.New("generated code is not up to date (run go generate ./...):\n" + strings.Join(stale, "\n"))
	}
	return nil
}
