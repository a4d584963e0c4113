package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/clerkgo/clerk/batch"
)

// progress draws a batch's advance on a terminal: a bar with the counts,
// the rate and the ETA, redrawn at most every redrawEvery. Off a terminal
// it draws nothing: the items on stdout tell the story.
type progress struct {
	w    io.Writer
	tty  bool
	last time.Time
}

const (
	barWidth    = 24
	redrawEvery = 100 * time.Millisecond
)

func newProgress(w io.Writer) *progress { return &progress{w: w, tty: isTerminal(w)} }

func (p *progress) update(pr batch.Progress) {
	if !p.tty || time.Since(p.last) < redrawEvery {
		return
	}
	p.last = time.Now()
	fmt.Fprint(p.w, "\r\x1b[K"+progressLine(pr))
}

// progressLine renders one line of progress.
func progressLine(pr batch.Progress) string {
	n := pr.Finished() + pr.Interrupted
	bar := ""
	if pr.Total > 0 {
		filled := int(min(int64(barWidth), barWidth*n/pr.Total))
		bar = "[" + strings.Repeat("#", filled) + strings.Repeat(".", barWidth-filled) + "] " + fmt.Sprintf("%d/%d ", n, pr.Total)
	} else {
		bar = fmt.Sprintf("%d ", n)
	}
	line := fmt.Sprintf("%sdone %d, skipped %d, failed %d", bar, pr.Done, pr.Skipped, pr.Failed)
	if pr.InDoubt > 0 {
		line += fmt.Sprintf(", in doubt %d", pr.InDoubt)
	}
	line += fmt.Sprintf(" · %.1f/s", pr.Rate)
	if pr.ETA > 0 {
		line += " · ETA " + pr.ETA.Round(time.Second).String()
	}
	return line
}

func (p *progress) finish() {
	if p.tty {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
