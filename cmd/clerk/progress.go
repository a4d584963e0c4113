package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// progress reports a batch's advance on stderr: a redrawn bar on a
// terminal, one plain line per item otherwise (logs, CI, pipes).
type progress struct {
	w     io.Writer
	total int
	tty   bool
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total, tty: isTerminal(w)}
}

// barWidth is the number of cells of the terminal bar.
const barWidth = 30

func (p *progress) step(n int, r result) {
	if !p.tty {
		fmt.Fprintf(p.w, "[%d/%d] %s: %s\n", n, p.total, r.Input, r.Status)
		return
	}
	filled := barWidth * n / max(p.total, 1)
	fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d %s", strings.Repeat("#", filled), strings.Repeat(".", barWidth-filled), n, p.total, r.Input)
}

func (p *progress) finish() {
	if p.tty {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
