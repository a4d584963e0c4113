package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// targetKind tells how a batch entry names its user.
type targetKind int

const (
	kindInvalid targetKind = iota
	kindID
	kindEmail
)

// target is one entry of a batch, as the operator wrote it.
type target struct {
	input   string
	source  string // "--user", "--email" or "FILE:LINE"
	kind    targetKind
	problem string // why the entry is invalid
}

// classify decides whether s is a user ID, an email address, or neither.
func classify(s string) (targetKind, string) {
	switch {
	case s == "":
		return kindInvalid, "empty entry"
	case strings.HasPrefix(s, "user_"):
		rest := s[len("user_"):]
		if rest == "" || strings.IndexFunc(rest, notIDRune) >= 0 {
			return kindInvalid, "malformed user ID"
		}
		return kindID, ""
	case strings.Contains(s, "@"):
		local, domain, _ := strings.Cut(s, "@")
		if local == "" || domain == "" || strings.Contains(domain, "@") || !strings.Contains(domain, ".") ||
			strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") ||
			strings.IndexFunc(s, unicode.IsSpace) >= 0 || strings.IndexFunc(s, unicode.IsControl) >= 0 {
			return kindInvalid, "malformed email address"
		}
		return kindEmail, ""
	default:
		return kindInvalid, "neither a user ID (user_...) nor an email address"
	}
}

func notIDRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
}

// maxLine bounds one line of a target file.
const maxLine = 4096

// readTargets reads one user ID or email per line. Blank lines and lines
// starting with # are skipped, as is a trailing " # comment". Malformed lines
// come back as invalid targets, so the batch reports them with the rest;
// only an unreadable file is an error.
func readTargets(r io.Reader, name string) ([]target, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1024), maxLine)
	var out []target
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if i := strings.Index(line, "#"); i == 0 || i > 0 && (line[i-1] == ' ' || line[i-1] == '\t') {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		kind, problem := classify(line)
		out = append(out, target{input: line, source: fmt.Sprintf("%s:%d", name, n), kind: kind, problem: problem})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("read %s: a line is longer than %d bytes", name, maxLine)
		}
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// readLine returns the first line of r without its line ending.
func readLine(r io.Reader) (string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 256), maxLine)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return "", err
		}
		return "", io.ErrUnexpectedEOF
	}
	return strings.TrimRight(sc.Text(), "\r"), nil
}
