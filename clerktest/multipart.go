package clerktest

import (
	"bytes"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
)

// uploadedFile checks that the request's multipart form carries a
// non-empty "file" part (form_param_missing otherwise). The body was
// already read (serveHTTP reads it before dispatch), so the form is parsed
// from c.body, never from the drained request stream.
func (c *call) uploadedFile() error {
	missing := fail(http.StatusBadRequest, "form_param_missing", "Image file missing", "There was no image file present in the request")
	mt, params, err := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return missing
	}
	form, err := multipart.NewReader(bytes.NewReader(c.body), params["boundary"]).ReadForm(maxBody)
	if err != nil {
		return missing
	}
	defer func() { _ = form.RemoveAll() }()
	files := form.File["file"]
	if len(files) == 0 || files[0].Size == 0 {
		return missing
	}
	return nil
}
