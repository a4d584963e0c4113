package clerktest_test

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"testing"
)

// sendForm posts a multipart form as the official clients do, with a
// "file" part when file is non-nil.
func sendForm(t *testing.T, e interface {
	URL() string
	SecretKey() string
}, method, path string, file []byte, fields map[string]string) (int, []byte) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if file != nil {
		fw, err := w.CreateFormFile("file", "image.png")
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(file)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, e.URL()+path, &buf)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.SecretKey())
	req.Header.Set("Content-Type", w.FormDataContentType())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, raw
}

// TestMultipartUploads uploads a profile image, an organization logo and
// an OAuth application logo as multipart forms; each succeeds with a file
// and is form_param_missing without one.
func TestMultipartUploads(t *testing.T) {
	t.Parallel()
	e := newEmu(t)
	uid := createUser(t, e, map[string]any{"email_address": []string{"img+clerk_test@example.com"}})
	org := call(t, e, "POST", "/organizations", map[string]any{"name": "Logo Co", "created_by": uid}, 200)
	app := call(t, e, "POST", "/oauth_applications", map[string]any{"name": "App", "callback_url": "https://example.com/cb"}, 200)
	png := []byte("\x89PNG\r\n\x1a\nfake image bytes")
	for _, tt := range []struct {
		name, method, path, field string
	}{
		{"profile image", "POST", "/users/" + uid + "/profile_image", "has_image"},
		{"organization logo", "PUT", "/organizations/" + org["id"].(string) + "/logo", "has_image"},
		{"OAuth application logo", "PUT", "/oauth_applications/" + app["id"].(string) + "/logo", "client_image_url"},
	} {
		status, raw := sendForm(t, e, tt.method, tt.path, png, map[string]string{"uploader_user_id": uid})
		if status != 200 || !bytes.Contains(raw, []byte(`"`+tt.field+`"`)) {
			t.Errorf("%s with a file: %d %s", tt.name, status, raw)
		}
		status, raw = sendForm(t, e, tt.method, tt.path, nil, nil)
		if code, _ := errCode(t, raw); status != 400 || code != "form_param_missing" {
			t.Errorf("%s without a file: %d %s", tt.name, status, raw)
		}
	}
}
