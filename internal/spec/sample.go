package spec

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// Sample returns a string matching the regular expression pattern, or ""
// when it cannot make one. The generated test calls and the contract tests
// use it so that example IDs satisfy the spec's patterns (e.g.
// ^ak_[0-9a-f]{32}$).
func Sample(pattern string) string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return ""
	}
	var b strings.Builder
	write(&b, re.Simplify())
	s := b.String()
	if ok, _ := regexp.MatchString(pattern, s); !ok {
		return ""
	}
	return s
}

func write(b *strings.Builder, re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpLiteral:
		b.WriteString(string(re.Rune))
	case syntax.OpCharClass:
		if len(re.Rune) > 0 {
			r := re.Rune[0]
			// Prefer a letter or digit inside the class when there is one.
			for i := 0; i+1 < len(re.Rune); i += 2 {
				if re.Rune[i] <= 'a' && 'a' <= re.Rune[i+1] {
					r = 'a'
					break
				}
				if re.Rune[i] <= '0' && '0' <= re.Rune[i+1] {
					r = '0'
				}
			}
			b.WriteRune(r)
		}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('a')
	case syntax.OpCapture:
		write(b, re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			write(b, sub)
		}
	case syntax.OpAlternate:
		write(b, re.Sub[0])
	case syntax.OpPlus:
		write(b, re.Sub[0])
	case syntax.OpRepeat:
		for i := 0; i < re.Min; i++ {
			write(b, re.Sub[0])
		}
	}
}
