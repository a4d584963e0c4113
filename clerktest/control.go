package clerktest

import "net/http"

// ControlPrefix is the reserved path prefix of the control API.
const ControlPrefix = "/__clerktest/"

func (e *Emulator) serveControl(w http.ResponseWriter, r *http.Request) {
	writeError(w, notFound("control route"))
}
