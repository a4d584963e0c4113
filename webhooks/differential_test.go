package webhooks_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clerkgo/clerk/webhooks"
)

// The differential test: every crafted delivery of svixCorpus is decided by
// svix's JavaScript library (2.5.0, run by internal/svixref/verdicts.mjs)
// and by Verifier.Verify, and the two verdicts must be the same, down to
// the kind of rejection. The cases are built to find disagreements: the
// timestamp, signature header, secret, id, body and header layout are each
// mutated by hand-picked forms and by a seeded random walk, and signatures
// are made both by svix (over what it signs) and here over the raw bytes
// (what a naive verifier would sign).
//
// svixDifferences lists the cases where the package decides differently on
// purpose, with the reason; it is empty: every difference found was matched.
var svixDifferences = map[string]string{}

// diffCase is one delivery. Header values and bodies are bytes; tokens in
// signature values are filled in before the delivery is judged: RAWSIG here
// (HMAC over the raw id, timestamp text and body), SVIXSIG... by svix.
type diffCase struct {
	name       string
	secret     string      // the secret the verifier is built with
	signSecret string      // the secret signatures are made with; default diffSecret
	headers    [][2]string // name, value; repeated names are several values
	body       []byte
	sign       *signOverride // what the signatures cover, when not the delivery itself
	rawKeys    bool          // put header names into the map as written, not canonicalised
	nowMS      int64         // the clock, in milliseconds; default diffNow
}

// signOverride signs another id, timestamp or body than the delivery's.
type signOverride struct {
	id, ts *string
	body   []byte
}

const (
	diffSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	diffID     = "msg_2vtJp3tNNpsMVYwpK1W0LKD1Xn5"
	diffNow    = int64(1767225600) // 2026-01-01T00:00:00Z
)

var diffBody = []byte(`{"data":{"id":"user_2vtJp","first_name":"Zoë","email_addresses":[]},"object":"event","type":"user.updated","timestamp":1767225600000}`)

// svixVerdict is what verdicts.mjs answers for one case.
type svixVerdict struct {
	Headers [][2]string `json:"headers"` // base64 of the Latin-1 bytes
	Verdict string      `json:"verdict"`
}

func TestDifferentialSvix(t *testing.T) {
	t.Parallel()
	cases := svixCorpus()
	verdicts := runSvix(t, cases)
	counts := map[string]int{}
	agree, documented := 0, 0
	for i, c := range cases {
		theirs := verdicts[i]
		h := http.Header{}
		for _, kv := range theirs.Headers {
			name, value := kv[0], mustB64(t, kv[1])
			if c.rawKeys {
				h[name] = append(h[name], value)
			} else {
				h.Add(name, value)
			}
		}
		ours := ourVerdict(c, h)
		counts[theirs.Verdict]++
		switch reason, listed := svixDifferences[c.name]; {
		case ours == theirs.Verdict && listed:
			t.Errorf("%s: listed as a difference (%s) but both decide %s; remove it from svixDifferences", c.name, reason, ours)
		case ours == theirs.Verdict:
			agree++
		case listed:
			documented++
		default:
			t.Errorf("%s: svix decides %s, Verify decides %s\n  secret %q\n  headers %q\n  body %q", c.name, theirs.Verdict, ours, c.secret, theirs.Headers, c.body)
		}
	}
	t.Logf("svix differential: %d cases, %d agree, %d documented differences; svix's verdicts %v", len(cases), agree, documented, counts)
	// The corpus must exercise every verdict, or it checks less than it claims.
	for _, v := range []string{"ok", "secret", "missing", "timestamp", "too_old", "too_new", "signature"} {
		if counts[v] < 5 {
			t.Errorf("only %d cases where svix decides %s: the corpus lost its reach", counts[v], v)
		}
	}
	for v, n := range counts {
		if strings.HasPrefix(v, "error") {
			t.Errorf("svix failed unexpectedly on %d cases: %s", n, v)
		}
	}
}

// ourVerdict builds a verifier for the case and names its decision the way
// verdicts.mjs names svix's.
func ourVerdict(c diffCase, h http.Header) string {
	now := time.UnixMilli(c.nowMS)
	v, err := webhooks.NewVerifier(c.secret, webhooks.WithNow(func() time.Time { return now }))
	if err != nil {
		if errors.Is(err, webhooks.ErrInvalidSecret) {
			return "secret"
		}
		return "error: " + err.Error()
	}
	err = v.Verify(c.body, h)
	for _, k := range []struct {
		err  error
		name string
	}{
		{nil, "ok"},
		{webhooks.ErrMissingHeaders, "missing"},
		{webhooks.ErrInvalidTimestamp, "timestamp"},
		{webhooks.ErrTimestampTooOld, "too_old"},
		{webhooks.ErrTimestampTooNew, "too_new"},
		{webhooks.ErrNoMatchingSignature, "signature"},
	} {
		if errors.Is(err, k.err) {
			return k.name
		}
	}
	return "error: " + err.Error()
}

// runSvix has verdicts.mjs judge every case. Without Node or the installed
// package the test skips locally and fails under CI.
func runSvix(t *testing.T, cases []diffCase) []svixVerdict {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("internal", "svixref"))
	if err != nil {
		t.Fatal(err)
	}
	missing := func(why string) {
		msg := why + "; run scripts/setup-svixref (Node 20+ and npm) to install svix for the differential test"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not on PATH")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "svix", "package.json")); err != nil {
		missing("svix is not installed in " + dir)
	}
	type jsCase struct {
		NowMS      int64       `json:"now_ms"`
		Secret     string      `json:"secret"`
		SignSecret string      `json:"sign_secret"`
		Headers    [][2]string `json:"headers"`
		Body       string      `json:"body"`
		Sign       *struct {
			ID   *string `json:"id,omitempty"`
			TS   *string `json:"ts,omitempty"`
			Body *string `json:"body,omitempty"`
		} `json:"sign,omitempty"`
	}
	b64 := func(b []byte) string { return base64.StdEncoding.EncodeToString(b) }
	in := struct {
		Cases []jsCase `json:"cases"`
	}{}
	for _, c := range cases {
		j := jsCase{NowMS: c.nowMS, Secret: b64([]byte(c.secret)), SignSecret: b64([]byte(c.signSecret)), Body: b64(c.body)}
		for _, kv := range c.headers {
			j.Headers = append(j.Headers, [2]string{kv[0], b64([]byte(kv[1]))})
		}
		if c.sign != nil {
			j.Sign = &struct {
				ID   *string `json:"id,omitempty"`
				TS   *string `json:"ts,omitempty"`
				Body *string `json:"body,omitempty"`
			}{}
			if c.sign.id != nil {
				s := b64([]byte(*c.sign.id))
				j.Sign.ID = &s
			}
			if c.sign.ts != nil {
				s := b64([]byte(*c.sign.ts))
				j.Sign.TS = &s
			}
			if c.sign.body != nil {
				s := b64(c.sign.body)
				j.Sign.Body = &s
			}
		}
		in.Cases = append(in.Cases, j)
	}
	input, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "verdicts.mjs")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(string(input))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("verdicts.mjs: %v\n%s", err, stderr.String())
	}
	var verdicts []svixVerdict
	if err := json.Unmarshal(out, &verdicts); err != nil {
		t.Fatalf("verdicts.mjs output: %v", err)
	}
	if len(verdicts) != len(cases) {
		t.Fatalf("verdicts.mjs judged %d cases of %d", len(verdicts), len(cases))
	}
	return verdicts
}

func mustB64(t *testing.T, s string) string {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// rawSignature is the base64 HMAC-SHA256, under the key of secret (which
// must be canonical), of "<id>.<ts>.<body>" taken byte for byte: what a
// verifier that neither normalises the timestamp nor reads the body as text
// would accept.
func rawSignature(secret, id, ts string, body []byte) string {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		panic(fmt.Sprintf("rawSignature needs a canonical secret: %v", err))
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(body)
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
