package clerktest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"
)

// ControlPrefix is the reserved path prefix of the control API, which lets
// a test in any language drive a standalone emulator over HTTP. Every
// control request needs the emulator's secret key as a Bearer token, like
// the Backend API. See the package README for the routes.
const ControlPrefix = "/__clerktest/"

// controlFault is a Fault as the control API reads and writes it.
type controlFault struct {
	Method            string  `json:"method,omitempty"`
	Path              string  `json:"path,omitempty"`
	Count             int     `json:"count,omitempty"`
	Kind              string  `json:"kind"`
	Status            int     `json:"status,omitempty"`
	RetryAfterSeconds float64 `json:"retry_after_seconds,omitempty"`
	LatencyMS         float64 `json:"latency_ms,omitempty"`
}

func (cf controlFault) fault() (Fault, error) {
	kind, err := ParseFaultKind(cf.Kind)
	if err != nil {
		return Fault{}, err
	}
	return Fault{Method: cf.Method, Path: cf.Path, Count: cf.Count, Kind: kind, Status: cf.Status,
		RetryAfter: time.Duration(cf.RetryAfterSeconds * float64(time.Second)),
		Latency:    time.Duration(cf.LatencyMS * float64(time.Millisecond))}, nil
}

func toControlFault(f Fault) controlFault {
	return controlFault{Method: f.Method, Path: f.Path, Count: f.Count, Kind: f.Kind.String(), Status: f.Status,
		RetryAfterSeconds: f.RetryAfter.Seconds(), LatencyMS: float64(f.Latency) / float64(time.Millisecond)}
}

// controlRequest is a logged request as the control API shows it.
type controlRequest struct {
	Time       time.Time           `json:"time"`
	Method     string              `json:"method"`
	Path       string              `json:"path"`
	Query      map[string][]string `json:"query"`
	Header     map[string][]string `json:"header"`
	APIVersion string              `json:"api_version"`
	KeyValid   bool                `json:"key_valid"`
	Body       json.RawMessage     `json:"body,omitempty"`
	Status     int                 `json:"status"`
	Fault      string              `json:"fault,omitempty"`
}

// controlConfig is what GET config answers: everything a client in another
// language needs to talk to the emulator.
type controlConfig struct {
	APIURL         string `json:"api_url"`
	SecretKey      string `json:"secret_key"`
	PublishableKey string `json:"publishable_key"`
	JWTKey         string `json:"jwt_key"`
	KeyID          string `json:"kid"`
	WebhookSecret  string `json:"webhook_secret"`
	InstanceID     string `json:"instance_id"`
	MachineKey     string `json:"machine_secret_key"`
}

// serveControl answers the control API.
func (e *Emulator) serveControl(w http.ResponseWriter, r *http.Request) {
	if !e.authorized(r, nil) {
		writeError(w, keyError(r, nil))
		return
	}
	body, err := readBody(r)
	if err != nil {
		writeError(w, invalidBody())
		return
	}
	name := strings.Trim(strings.TrimPrefix(r.URL.Path, ControlPrefix), "/")
	switch r.Method + " " + name {
	case "GET config":
		writeJSON(w, http.StatusOK, controlConfig{APIURL: e.URL(), SecretKey: e.keys.secret, PublishableKey: e.keys.publishable,
			JWTKey: e.keys.pubPEM, KeyID: e.keys.kid, WebhookSecret: e.keys.webhookSecret, InstanceID: e.keys.instanceID,
			MachineKey: e.MachineSecretKey()})
	case "POST reset":
		e.Reset()
		e.ResetRequests()
		e.ClearFaults()
		writeJSON(w, http.StatusOK, map[string]bool{"reset": true})
	case "GET state":
		writeJSON(w, http.StatusOK, e.Dump())
	case "POST seed":
		if err := e.LoadSeed(body); err != nil {
			writeError(w, fail(http.StatusBadRequest, "request_body_invalid", "invalid seed", err.Error()))
			return
		}
		writeJSON(w, http.StatusOK, map[string]bool{"seeded": true})
	case "GET requests":
		var out []controlRequest
		for _, q := range e.Requests() {
			cr := controlRequest{Time: q.Time, Method: q.Method, Path: q.Path, Query: q.Query, Header: q.Header,
				APIVersion: q.APIVersion, KeyValid: q.KeyValid, Status: q.Status, Fault: q.Fault}
			if json.Valid(q.Body) {
				cr.Body = q.Body
			}
			out = append(out, cr)
		}
		writeJSON(w, http.StatusOK, nonNil(out))
	case "DELETE requests":
		e.ResetRequests()
		writeJSON(w, http.StatusOK, map[string]bool{"cleared": true})
	case "GET deliveries":
		writeJSON(w, http.StatusOK, nonNil(e.Deliveries()))
	case "POST flush":
		e.controlFlush(w, r)
	case "POST webhook_endpoints":
		var in struct {
			URL string `json:"url"`
		}
		if json.Unmarshal(body, &in) != nil || !strings.HasPrefix(in.URL, "http") {
			writeError(w, missingParam("url"))
			return
		}
		e.OnWebhook(in.URL)
		writeJSON(w, http.StatusOK, in)
	case "GET faults":
		var out []controlFault
		for _, f := range e.Faults() {
			out = append(out, toControlFault(f))
		}
		writeJSON(w, http.StatusOK, nonNil(out))
	case "POST faults":
		var cf controlFault
		if err := json.Unmarshal(body, &cf); err != nil {
			writeError(w, invalidBody())
			return
		}
		f, err := cf.fault()
		if err == nil {
			err = e.InjectFault(f)
		}
		if err != nil {
			writeError(w, invalidParam("kind", err.Error()))
			return
		}
		writeJSON(w, http.StatusOK, toControlFault(f))
	case "DELETE faults":
		e.ClearFaults()
		writeJSON(w, http.StatusOK, map[string]bool{"cleared": true})
	case "POST session_tokens":
		e.controlMint(w, body)
	case "POST sign_ups":
		var in struct {
			EmailAddress string `json:"email_address"`
		}
		if json.Unmarshal(body, &in) != nil || in.EmailAddress == "" {
			writeError(w, missingParam("email_address"))
			return
		}
		id, err := e.StartSignUp(in.EmailAddress)
		if err != nil {
			writeError(w, failParam(http.StatusUnprocessableEntity, "form_param_format_invalid", "is invalid", "email_address"))
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"id": id})
	case "POST accept_invitation":
		var in struct {
			InvitationID string `json:"invitation_id"`
			UserID       string `json:"user_id"`
		}
		if json.Unmarshal(body, &in) != nil || in.InvitationID == "" || in.UserID == "" {
			writeError(w, missingParam("invitation_id"))
			return
		}
		if err := e.AcceptOrganizationInvitation(in.InvitationID, in.UserID); err != nil {
			writeError(w, fail(http.StatusBadRequest, "request_body_invalid", "cannot accept", err.Error()))
			return
		}
		writeJSON(w, http.StatusOK, map[string]bool{"accepted": true})
	default:
		writeError(w, notFound("control route "+r.Method+" "+r.URL.Path))
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// controlFlush waits for pending webhook deliveries, at most ?timeout
// (a Go duration, default 30s).
func (e *Emulator) controlFlush(w http.ResponseWriter, r *http.Request) {
	timeout := 30 * time.Second
	if s := r.URL.Query().Get("timeout"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			writeError(w, invalidParam("timeout", "timeout must be a positive Go duration such as 10s."))
			return
		}
		timeout = d
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	if err := e.Flush(ctx); err != nil {
		writeError(w, fail(http.StatusGatewayTimeout, "flush_timeout", "deliveries still pending", err.Error()))
		return
	}
	writeJSON(w, http.StatusOK, map[string]bool{"flushed": true})
}

// controlMint mints a session token: {"user_id", "organization_id",
// "expires_in_seconds"}.
func (e *Emulator) controlMint(w http.ResponseWriter, body []byte) {
	var in struct {
		UserID           string `json:"user_id"`
		OrganizationID   string `json:"organization_id"`
		ExpiresInSeconds int64  `json:"expires_in_seconds"`
	}
	if err := json.Unmarshal(body, &in); err != nil || in.UserID == "" {
		writeError(w, missingParam("user_id"))
		return
	}
	var opts []TokenOption
	if in.OrganizationID != "" {
		opts = append(opts, WithOrganization(in.OrganizationID, ""))
	}
	if in.ExpiresInSeconds > 0 {
		opts = append(opts, WithExpiry(time.Duration(in.ExpiresInSeconds)*time.Second))
	}
	tok, err := e.MintSessionToken(in.UserID, opts...)
	if errors.Is(err, ErrUnknownUser) {
		writeError(w, notFound("user "+in.UserID))
		return
	}
	if err != nil {
		writeError(w, fail(http.StatusInternalServerError, "internal_clerk_error", "internal error", err.Error()))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"object": "token", "jwt": tok})
}
