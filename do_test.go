package clerk_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/clerkgo/clerk"
	"github.com/jarcoal/httpmock"
)

func TestDoSendsVersionAuthAndUserAgent(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t, clerk.WithUserAgentSuffix("myapp/1.2"))
	var got http.Header
	mt.RegisterResponder("GET", testBase+"/users/user_1", func(r *http.Request) (*http.Response, error) {
		got = r.Header.Clone()
		return httpmock.NewStringResponse(200, `{"id":"user_1"}`), nil
	})
	var out struct{ ID string }
	if err := c.Do(context.Background(), &clerk.Request{Method: "GET", Path: "/users/{user_id}", PathParams: []string{"user_1"}}, &out); err != nil {
		t.Fatal(err)
	}
	if out.ID != "user_1" {
		t.Fatalf("decoded %+v", out)
	}
	checks := map[string]string{
		"Clerk-Api-Version": "2025-11-10",
		"Authorization":     "Bearer " + testKey,
		"Accept":            "application/json",
	}
	for k, want := range checks {
		if got.Get(k) != want {
			t.Errorf("%s = %q, want %q", k, got.Get(k), want)
		}
	}
	ua := got.Get("User-Agent")
	if !strings.HasPrefix(ua, "clerkgo/"+clerk.Version+" (go") || !strings.HasSuffix(ua, " myapp/1.2") {
		t.Errorf("User-Agent = %q", ua)
	}
	if got.Get("Content-Type") != "" {
		t.Errorf("a GET without body sent Content-Type %q", got.Get("Content-Type"))
	}
}

func TestDoEscapesAndChecksPathParams(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, id string
		wantPath string
		wantErr  bool
	}{
		{"plain", "user_1", "/v1/users/user_1", false},
		{"slash", "a/b", "/v1/users/a%2Fb", false},
		{"query chars", "a?b#c", "/v1/users/a%3Fb%23c", false},
		{"space and unicode", "é x", "/v1/users/%C3%A9%20x", false},
		{"empty", "", "", true},
		{"dot", ".", "", true},
		{"dot dot", "..", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, mt := newMocked(t)
			var gotPath string
			mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
				gotPath = r.URL.EscapedPath()
				return httpmock.NewStringResponse(200, `{}`), nil
			})
			err := c.Do(context.Background(), &clerk.Request{Method: "DELETE", Path: "/users/{user_id}", PathParams: []string{tt.id}}, nil)
			if tt.wantErr {
				if !errors.Is(err, clerk.ErrInvalidParams) || mt.GetTotalCallCount() != 0 {
					t.Fatalf("err = %v, calls = %d; want ErrInvalidParams and no request", err, mt.GetTotalCallCount())
				}
				return
			}
			if err != nil || gotPath != tt.wantPath {
				t.Fatalf("err = %v, path = %q; want %q", err, gotPath, tt.wantPath)
			}
		})
	}
}

func TestDoRejectsWrongParamCount(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t)
	for _, params := range [][]string{nil, {"a", "b"}} {
		err := c.Do(context.Background(), &clerk.Request{Method: "GET", Path: "/users/{user_id}", PathParams: params}, nil)
		if !errors.Is(err, clerk.ErrInvalidParams) {
			t.Fatalf("params %v: %v", params, err)
		}
	}
	if err := c.Do(context.Background(), nil, nil); !errors.Is(err, clerk.ErrInvalidParams) {
		t.Fatalf("nil request: %v", err)
	}
	if n := mt.GetTotalCallCount(); n != 0 {
		t.Fatalf("%d requests sent", n)
	}
}

// body is a params type with the three states of a field.
type body struct {
	FirstName clerk.Opt[string] `json:"first_name,omitzero"`
	LastName  clerk.Opt[string] `json:"last_name,omitzero"`
	Age       clerk.Opt[int64]  `json:"age,omitzero"`
}

func TestDoBodyOmittedNullValue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   any
		want string // "" means no body at all
	}{
		{"all omitted", &body{}, `{}`},
		{"null and value", &body{FirstName: clerk.Null[string](), LastName: clerk.String("Lovelace")}, `{"first_name":null,"last_name":"Lovelace"}`},
		{"zero value is a value", &body{Age: clerk.Int64(0)}, `{"age":0}`},
		{"nil pointer sends no body", (*body)(nil), ""},
		{"nil sends no body", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, mt := newMocked(t)
			var got []byte
			var ct string
			mt.RegisterResponder("POST", testBase+"/users", func(r *http.Request) (*http.Response, error) {
				if r.Body != nil {
					got, _ = io.ReadAll(r.Body)
				}
				ct = r.Header.Get("Content-Type")
				return httpmock.NewStringResponse(200, `{}`), nil
			})
			if err := c.Do(context.Background(), &clerk.Request{Method: "POST", Path: "/users", Body: tt.in}, nil); err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Fatalf("body = %q, want %q", got, tt.want)
			}
			if (tt.want == "") != (ct == "") {
				t.Fatalf("Content-Type = %q with body %q", ct, got)
			}
		})
	}
}

func TestDoJSONFieldOption(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t)
	var got map[string]any
	mt.RegisterResponder("PATCH", testBase+"/users/u", func(r *http.Request) (*http.Response, error) {
		_ = json.NewDecoder(r.Body).Decode(&got)
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	err := c.Do(context.Background(), &clerk.Request{Method: "PATCH", Path: "/users/{id}", PathParams: []string{"u"}, Body: &body{LastName: clerk.String("L")}}, nil,
		clerk.WithJSONField("new_field", 3), clerk.WithJSONField("cleared", nil))
	if err != nil {
		t.Fatal(err)
	}
	if got["last_name"] != "L" || got["new_field"] != float64(3) || got["cleared"] != nil {
		t.Fatalf("body = %v", got)
	}
	if _, ok := got["cleared"]; !ok {
		t.Fatal("WithJSONField(k, nil) did not send null")
	}
}

func TestOmittedOptWithoutTagIsAnError(t *testing.T) {
	t.Parallel()
	type untagged struct {
		Name clerk.Opt[string] `json:"name"`
	}
	c, mt := newMocked(t)
	err := c.Do(context.Background(), &clerk.Request{Method: "POST", Path: "/x", Body: untagged{}}, nil)
	if !errors.Is(err, clerk.ErrInvalidParams) || mt.GetTotalCallCount() != 0 {
		t.Fatalf("err = %v, calls = %d", err, mt.GetTotalCallCount())
	}
}

type listQuery struct {
	clerk.ListParams
	EmailAddress []string          `url:"email_address,omitempty"`
	OrderBy      clerk.Opt[string] `url:"order_by,omitempty"`
	Banned       clerk.Opt[bool]   `url:"banned,omitempty"`
	IDs          []string          `url:"ids,comma,omitempty"`
}

func TestDoQueryEncoding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		q       any
		want    url.Values
		wantErr bool
	}{
		{"nil", nil, url.Values{}, false},
		{"omitted fields", &listQuery{}, url.Values{}, false},
		{"values", &listQuery{ListParams: clerk.ListParams{Limit: clerk.Int64(5), Offset: clerk.Int64(0)}, EmailAddress: []string{"a@x.io", "b@x.io"}, OrderBy: clerk.String("-created_at"), Banned: clerk.Bool(false), IDs: []string{"1", "2"}},
			url.Values{"limit": {"5"}, "offset": {"0"}, "email_address": {"a@x.io", "b@x.io"}, "order_by": {"-created_at"}, "banned": {"false"}, "ids": {"1,2"}}, false},
		{"null is refused", &listQuery{OrderBy: clerk.Null[string]()}, nil, true},
		{"url.Values", url.Values{"a": {"b c"}}, url.Values{"a": {"b c"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, mt := newMocked(t)
			var got url.Values
			mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
				got = r.URL.Query()
				return httpmock.NewStringResponse(200, `[]`), nil
			})
			err := c.Do(context.Background(), &clerk.Request{Method: "GET", Path: "/users", Query: tt.q}, nil, clerk.WithQuery("extra", "1"))
			if tt.wantErr {
				if !errors.Is(err, clerk.ErrInvalidParams) || mt.GetTotalCallCount() != 0 {
					t.Fatalf("err = %v, calls = %d", err, mt.GetTotalCallCount())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Set("extra", "1")
			if got.Encode() != tt.want.Encode() {
				t.Fatalf("query = %s, want %s", got.Encode(), tt.want.Encode())
			}
		})
	}
}

func TestDoWithHeaderOverrides(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t)
	var auth string
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		auth = r.Header.Get("Authorization")
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	if err := c.Do(context.Background(), &clerk.Request{Method: "POST", Path: "/m2m_tokens/verify"}, nil, clerk.WithHeader("Authorization", "Bearer ak_machine")); err != nil {
		t.Fatal(err)
	}
	if auth != "Bearer ak_machine" {
		t.Fatalf("Authorization = %q", auth)
	}
	if err := c.Do(context.Background(), &clerk.Request{Method: "GET", Path: "/x"}, nil, clerk.WithHeader("X-A", "1\r\nX-B: 2")); !errors.Is(err, clerk.ErrInvalidOption) {
		t.Fatalf("header injection: %v", err)
	}
}

func TestDoMultipart(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t)
	var file, field, ct string
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		ct = r.Header.Get("Content-Type")
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			return nil, err
		}
		f, _, err := r.FormFile("file")
		if err != nil {
			return nil, err
		}
		b, _ := io.ReadAll(f)
		file, field = string(b), r.FormValue("uploader_user_id")
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	form := &clerk.Form{Fields: url.Values{"uploader_user_id": {"user_1"}}, Files: map[string]clerk.File{"file": {Name: "logo.png", ContentType: "image/png", Content: strings.NewReader("PNGDATA")}}}
	if err := c.Do(context.Background(), &clerk.Request{Method: "PUT", Path: "/organizations/{id}/logo", PathParams: []string{"org_1"}, Body: form}, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ct, "multipart/form-data; boundary=") || file != "PNGDATA" || field != "user_1" {
		t.Fatalf("ct=%q file=%q field=%q", ct, file, field)
	}
}

func TestDoWithResponse(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t)
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(200, `{"ok":true}`)
		resp.Header.Set("Clerk-Trace-Id", "trace_9")
		return resp, nil
	})
	var raw clerk.Response
	if err := c.Do(context.Background(), &clerk.Request{Method: "GET", Path: "/x"}, nil, clerk.WithResponse(&raw)); err != nil {
		t.Fatal(err)
	}
	if raw.StatusCode != 200 || raw.TraceID != "trace_9" || string(raw.Body) != `{"ok":true}` {
		t.Fatalf("response = %+v", raw)
	}
}

func TestDoDecodeErrorNamesTheCall(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t)
	mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{"id": 12}`))
	var out struct {
		ID string `json:"id"`
	}
	err := c.Do(context.Background(), &clerk.Request{Method: "GET", Path: "/users/{id}", PathParams: []string{"u"}}, &out)
	if err == nil || !strings.Contains(err.Error(), "GET /users/{id}: decoding the answer") || !strings.Contains(err.Error(), "id") {
		t.Fatalf("err = %v", err)
	}
}
