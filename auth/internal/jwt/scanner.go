package jwt

import (
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf8"
)

// A small JSON reader for the two objects of a JWT. encoding/json costs more
// than the RSA margin the benchmarks allow, so the hot path walks the bytes
// once, keeps unescaped strings as substrings of one shared copy, and hands
// rare shapes (escaped strings, arrays, nested objects) to encoding/json.
// Anything that is not valid JSON is refused.

var errSyntax = errors.New("jwt: invalid JSON")

// maxDepth bounds the nesting of skipped values. JSON.parse accepts any
// depth; the bound keeps a hostile payload from costing more than a token's
// size, and is far beyond anything a Clerk token carries.
const maxDepth = 10_000

// scanner reads JSON from a string, so that unescaped strings are returned
// as substrings without copying.
type scanner struct {
	data string
	pos  int
}

func (s *scanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\r', '\n':
			s.pos++
		default:
			return
		}
	}
}

// peek returns the next non-space byte, or 0 at the end.
func (s *scanner) peek() byte {
	s.ws()
	if s.pos >= len(s.data) {
		return 0
	}
	return s.data[s.pos]
}

// object walks the members of an object, calling member for each key; the
// callback must consume the value. Trailing bytes after the top-level
// object are checked by end.
func (s *scanner) object(member func(key string) error) error {
	if s.peek() != '{' {
		return errSyntax
	}
	s.pos++
	if s.peek() == '}' {
		s.pos++
		return nil
	}
	for {
		if s.peek() != '"' {
			return errSyntax
		}
		key, err := s.stringValue()
		if err != nil {
			return err
		}
		if s.peek() != ':' {
			return errSyntax
		}
		s.pos++
		s.ws()
		if err := member(key); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return nil
		default:
			return errSyntax
		}
	}
}

// end checks that only white space follows.
func (s *scanner) end() error {
	if s.peek() != 0 || s.pos != len(s.data) {
		return errSyntax
	}
	return nil
}

// stringValue reads a string at pos (which must be '"').
func (s *scanner) stringValue() (string, error) {
	start := s.pos
	if start >= len(s.data) || s.data[start] != '"' {
		return "", errSyntax
	}
	i := start + 1
	simple := true
	for ; i < len(s.data); i++ {
		c := s.data[i]
		switch {
		case c == '"':
			s.pos = i + 1
			if simple {
				return s.data[start+1 : i], nil
			}
			var out string
			if err := json.Unmarshal([]byte(s.data[start:i+1]), &out); err != nil {
				return "", errSyntax
			}
			return out, nil
		case c == '\\':
			simple = false
			i++
			if i >= len(s.data) {
				return "", errSyntax
			}
			if s.data[i] == 'u' {
				if i+4 >= len(s.data) {
					return "", errSyntax
				}
				for j := i + 1; j < i+5; j++ {
					if !isHex(s.data[j]) {
						return "", errSyntax
					}
				}
				i += 4
			} else if !isEscape(s.data[i]) {
				return "", errSyntax
			}
		case c < 0x20:
			return "", errSyntax
		case c >= utf8.RuneSelf:
			simple = false
		}
	}
	return "", errSyntax
}

func isHex(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

func isEscape(c byte) bool {
	switch c {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return true
	}
	return false
}

// numberValue reads a number at pos following the JSON grammar.
func (s *scanner) numberValue() (float64, error) {
	start := s.pos
	i := start
	d := s.data
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && '1' <= d[i] && d[i] <= '9':
		for i < len(d) && '0' <= d[i] && d[i] <= '9' {
			i++
		}
	default:
		return 0, errSyntax
	}
	if i < len(d) && d[i] == '.' {
		i++
		j := i
		for i < len(d) && '0' <= d[i] && d[i] <= '9' {
			i++
		}
		if i == j {
			return 0, errSyntax
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		j := i
		for i < len(d) && '0' <= d[i] && d[i] <= '9' {
			i++
		}
		if i == j {
			return 0, errSyntax
		}
	}
	s.pos = i
	if lit := s.data[start:i]; len(lit) <= 15 && lit[0] != '-' {
		// A plain integer of up to 15 digits is exact in a float64.
		v, plain := 0.0, true
		for j := 0; j < len(lit) && plain; j++ {
			c := lit[j]
			plain = c >= '0' && c <= '9'
			v = v*10 + float64(c-'0')
		}
		if plain {
			return v, nil
		}
	}
	f, err := strconv.ParseFloat(s.data[start:i], 64)
	if err != nil {
		// Out of range: syntactically valid, but not a usable number.
		return f, errRange
	}
	return f, nil
}

var errRange = errors.New("jwt: number out of range")

// skip consumes any JSON value and returns its raw text.
func (s *scanner) skip() (string, error) {
	start := s.pos
	if err := s.skipDepth(0); err != nil {
		return "", err
	}
	return s.data[start:s.pos], nil
}

func (s *scanner) skipDepth(depth int) error {
	if depth > maxDepth {
		return errSyntax
	}
	switch c := s.peek(); {
	case c == '"':
		_, err := s.stringValue()
		return err
	case c == '-' || ('0' <= c && c <= '9'):
		if _, err := s.numberValue(); err != nil && err != errRange {
			return err
		}
		return nil
	case c == '{':
		return s.object(func(string) error { return s.skipDepth(depth + 1) })
	case c == '[':
		s.pos++
		if s.peek() == ']' {
			s.pos++
			return nil
		}
		for {
			if err := s.skipDepth(depth + 1); err != nil {
				return err
			}
			switch s.peek() {
			case ',':
				s.pos++
			case ']':
				s.pos++
				return nil
			default:
				return errSyntax
			}
		}
	default:
		for _, lit := range [...]string{"true", "false", "null"} {
			if len(s.data)-s.pos >= len(lit) && s.data[s.pos:s.pos+len(lit)] == lit {
				s.pos += len(lit)
				return nil
			}
		}
		return errSyntax
	}
}
