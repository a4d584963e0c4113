package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/clerkgo/clerk/webhooks"
)

// maxWebhookBody bounds the body file webhooks verify reads.
const maxWebhookBody = 1 << 20

func webhooksVerify(a *app, args []string) error {
	fs := a.flags()
	secret := fs.String("secret", "", "signing secret whsec_... (default: $"+webhooks.EnvSigningSecret+")")
	bodyFile := fs.String("body", "", "file with the raw request body (- for stdin) (required)")
	headersFile := fs.String("headers", "", "file with the request headers, one 'Name: value' per line")
	id := fs.String("id", "", "svix-id header value")
	ts := fs.String("timestamp", "", "svix-timestamp header value")
	sig := fs.String("signature", "", "svix-signature header value")
	tolerance := fs.Duration("tolerance", webhooks.DefaultTolerance, "accepted age of the delivery (raise it for old saved deliveries)")
	if _, err := a.parse(fs, args); err != nil {
		return err
	}
	if *secret == "" {
		*secret = a.env(webhooks.EnvSigningSecret)
	}
	if *secret == "" {
		return usagef("no signing secret: pass --secret or set %s", webhooks.EnvSigningSecret)
	}
	if *bodyFile == "" {
		return usagef("--body is required")
	}
	if *tolerance < 0 {
		return usagef("--tolerance must not be negative")
	}
	body, err := a.readFile(*bodyFile, maxWebhookBody)
	if err != nil {
		return usagef("--body: %v", err)
	}
	h := http.Header{}
	if *headersFile != "" {
		raw, err := a.readFile(*headersFile, 64<<10)
		if err != nil {
			return usagef("--headers: %v", err)
		}
		if h, err = parseHeaders(raw); err != nil {
			return usagef("--headers %s: %v", *headersFile, err)
		}
	}
	for k, v := range map[string]string{webhooks.HeaderID: *id, webhooks.HeaderTimestamp: *ts, webhooks.HeaderSignature: *sig} {
		if v != "" {
			h.Set(k, v)
		}
	}
	v, err := webhooks.NewVerifier(*secret, webhooks.WithTolerance(*tolerance))
	if err != nil {
		return usagef("%v", err)
	}
	if err := v.Verify(body, h); err != nil {
		return fmt.Errorf("signature not valid: %w", err)
	}
	ev, err := webhooks.Parse(body)
	if err != nil {
		return err
	}
	ev.ID = h.Get(webhooks.HeaderID)
	view := webhookView{Valid: true, ID: ev.ID, Type: ev.Type, InstanceID: ev.InstanceID, Timestamp: ev.Timestamp, Subject: subjectOf(ev.Data)}
	return a.output(view, func(w io.Writer) error {
		t := newTable(w, "FIELD", "VALUE")
		t.row("signature", "valid")
		t.row("svix-id", view.ID)
		t.row("type", view.Type)
		t.row("object", orDash(view.Subject))
		t.row("instance", orDash(view.InstanceID))
		return t.flush()
	})
}

// webhookView is what webhooks verify prints about a valid delivery.
type webhookView struct {
	Valid      bool   `json:"valid"`
	ID         string `json:"svix_id"`
	Type       string `json:"type"`
	Subject    string `json:"object_id,omitempty"`
	InstanceID string `json:"instance_id,omitempty"`
	Timestamp  int64  `json:"timestamp"`
}

// subjectOf returns the id field of an event's data, if any.
func subjectOf(data []byte) string {
	var d struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return ""
	}
	return d.ID
}

// readFile reads a file ("-" for stdin) of at most limit bytes.
func (a *app) readFile(name string, limit int64) ([]byte, error) {
	var r io.Reader = a.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return b, nil
}

// parseHeaders reads "Name: value" lines, as curl -D or a proxy log writes
// them; an HTTP status or request line and blank lines are skipped.
func parseHeaders(raw []byte) (http.Header, error) {
	h := http.Header{}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "HTTP/") || strings.HasSuffix(line, " HTTP/1.1") {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		k = strings.TrimSpace(k)
		if !ok || k == "" || strings.IndexFunc(k, notTokenRune) >= 0 {
			return nil, fmt.Errorf("line %d: want 'Name: value'", n)
		}
		h.Add(k, strings.TrimSpace(v))
	}
	return h, sc.Err()
}

// saveDelivery writes a webhook delivery as DIR/<svix-id>.json and
// DIR/<svix-id>.headers, the files webhooks verify reads.
func saveDelivery(dir, id string, header http.Header, body []byte) error {
	safe := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' {
			return r
		}
		return '_'
	}, id)
	var hb strings.Builder
	for _, k := range []string{webhooks.HeaderID, webhooks.HeaderTimestamp, webhooks.HeaderSignature, "Content-Type"} {
		if v := header.Get(k); v != "" {
			fmt.Fprintf(&hb, "%s: %s\n", k, v)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, safe+".json"), body, 0o600); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, safe+".headers"), []byte(hb.String()), 0o600)
}

// notTokenRune reports whether r may not appear in an HTTP header name.
func notTokenRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", r))
}
