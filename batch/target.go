package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Kind tells how a target names its user.
type Kind int

// Kinds of target.
const (
	// Invalid is neither a user ID nor an email address; Target.Problem
	// says why.
	Invalid Kind = iota
	// UserID is a Clerk user ID, user_...
	UserID
	// Email is an email address.
	Email
)

// Target is one entry of a batch, as the operator wrote it.
type Target struct {
	// Value is the user ID or email address, trimmed.
	Value string
	// Origin says where the entry came from, e.g. "users.txt:12".
	Origin string
	// Kind is how Value names the user.
	Kind Kind
	// Problem explains why an Invalid target is invalid.
	Problem string
}

// Key is the target's identity in the journal: the user ID, or the email
// address in lower case.
func (t Target) Key() string {
	if t.Kind == Email {
		return "email:" + strings.ToLower(t.Value)
	}
	return t.Value
}

// Classify decides whether s is a user ID, an email address or neither; for
// neither it says why.
func Classify(s string) (Kind, string) {
	switch {
	case s == "":
		return Invalid, "empty entry"
	case strings.HasPrefix(s, "user_"):
		rest := s[len("user_"):]
		if rest == "" || strings.IndexFunc(rest, notIDRune) >= 0 {
			return Invalid, "malformed user ID"
		}
		return UserID, ""
	case strings.Contains(s, "@"):
		local, domain, _ := strings.Cut(s, "@")
		if local == "" || domain == "" || strings.Contains(domain, "@") || !strings.Contains(domain, ".") ||
			strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") ||
			strings.IndexFunc(s, unicode.IsSpace) >= 0 || strings.IndexFunc(s, unicode.IsControl) >= 0 {
			return Invalid, "malformed email address"
		}
		return Email, ""
	default:
		return Invalid, "neither a user ID (user_...) nor an email address"
	}
}

func notIDRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
}

// NewTarget classifies value and names its origin.
func NewTarget(value, origin string) Target {
	kind, problem := Classify(value)
	return Target{Value: value, Origin: origin, Kind: kind, Problem: problem}
}

// Source yields targets one at a time; Next returns io.EOF after the last.
// Sources are used by one goroutine at a time.
type Source interface {
	Next() (Target, error)
}

// FromSlice yields values in order, each with the origin "name[i]".
func FromSlice(name string, values []string) Source {
	return &sliceSource{name: name, values: values}
}

type sliceSource struct {
	name   string
	values []string
	i      int
}

func (s *sliceSource) Next() (Target, error) {
	if s.i >= len(s.values) {
		return Target{}, io.EOF
	}
	v := s.values[s.i]
	s.i++
	return NewTarget(strings.TrimSpace(v), s.name+"["+strconv.Itoa(s.i-1)+"]"), nil
}

// MaxLine bounds one line of a target file.
const MaxLine = 4096

// FromReader yields one target per line of r, named "name:LINE". Blank
// lines and lines starting with # are skipped, as is a trailing " # comment"
// and a byte order mark. A malformed line yields an Invalid target, so the
// batch reports it with the rest; only a read failure, or a line longer than
// MaxLine, is an error.
func FromReader(r io.Reader, name string) Source {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1024), MaxLine)
	return &lineSource{sc: sc, name: name}
}

type lineSource struct {
	sc   *bufio.Scanner
	name string
	n    int
}

func (s *lineSource) Next() (Target, error) {
	for s.sc.Scan() {
		s.n++
		line := s.sc.Text()
		if s.n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if i := strings.Index(line, "#"); i == 0 || i > 0 && (line[i-1] == ' ' || line[i-1] == '\t') {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		return NewTarget(line, s.name+":"+strconv.Itoa(s.n)), nil
	}
	if err := s.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return Target{}, fmt.Errorf("batch: read %s: line %d is longer than %d bytes", s.name, s.n+1, MaxLine)
		}
		return Target{}, fmt.Errorf("batch: read %s: %w", s.name, err)
	}
	return Target{}, io.EOF
}
