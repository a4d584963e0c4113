package encode

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/textproto"
	"reflect"
	"sort"
	"strings"
)

// Part is one file of a multipart body.
type Part struct {
	Field       string
	FileName    string
	ContentType string
	Content     io.Reader
}

// Multipart builds a multipart/form-data body from plain fields and files.
// Files are read fully so the body can be sent again on a retry.
func Multipart(fields map[string][]string, parts []Part) (body []byte, contentType string, err error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range fields[k] {
			if err := w.WriteField(k, v); err != nil {
				return nil, "", fmt.Errorf("form field %s: %w", k, err)
			}
		}
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].Field < parts[j].Field })
	for _, p := range parts {
		if p.Content == nil {
			return nil, "", fmt.Errorf("file %s has no content", p.Field)
		}
		h := make(textproto.MIMEHeader)
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`,
			quoteEscaper.Replace(p.Field), quoteEscaper.Replace(p.FileName)))
		ct := p.ContentType
		if ct == "" {
			ct = "application/octet-stream"
		}
		h.Set("Content-Type", ct)
		fw, err := w.CreatePart(h)
		if err != nil {
			return nil, "", fmt.Errorf("file %s: %w", p.Field, err)
		}
		if _, err := io.Copy(fw, p.Content); err != nil {
			return nil, "", fmt.Errorf("reading file %s: %w", p.Field, err)
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}

var quoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// JSON marshals v as a request body and merges extra top-level fields into
// it. A nil v (or a nil pointer) with no extra fields gives no body at all,
// never the literal null.
func JSON(v any, extra map[string]any) ([]byte, error) {
	if isNil(v) && len(extra) == 0 {
		return nil, nil
	}
	var body []byte
	if !isNil(v) {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("body: %w", err)
		}
		body = b
	}
	if len(extra) == 0 {
		return body, nil
	}
	obj := map[string]json.RawMessage{}
	if body != nil {
		if err := json.Unmarshal(body, &obj); err != nil {
			return nil, fmt.Errorf("extra JSON fields need an object body: %w", err)
		}
	}
	for k, x := range extra {
		b, err := json.Marshal(x)
		if err != nil {
			return nil, fmt.Errorf("body field %s: %w", k, err)
		}
		obj[k] = b
	}
	return json.Marshal(obj)
}

func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
		return rv.IsNil()
	}
	return false
}
