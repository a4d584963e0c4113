package main

import (
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want targetKind
	}{
		{"user_2abcDEF123", kindID},
		{"ada@example.com", kindEmail},
		{"a.b+tag@sub.example.co", kindEmail},
		{"", kindInvalid},
		{"user_", kindInvalid},
		{"user_abc-def", kindInvalid},
		{"org_123", kindInvalid},
		{"ada@", kindInvalid},
		{"@example.com", kindInvalid},
		{"ada@localhost", kindInvalid},
		{"a@b@c.com", kindInvalid},
		{"ada @example.com", kindInvalid},
		{"ada@example.com.", kindInvalid},
		{"ada\x00@example.com", kindInvalid},
	}
	for _, tt := range tests {
		got, problem := classify(tt.in)
		if got != tt.want {
			t.Errorf("classify(%q) = %v (%s), want %v", tt.in, got, problem, tt.want)
		}
		if (got == kindInvalid) != (problem != "") {
			t.Errorf("classify(%q): kind %v with problem %q", tt.in, got, problem)
		}
	}
}

func TestReadTargets(t *testing.T) {
	t.Parallel()
	in := "\uFEFF# header\n\nuser_a1\n  ada@example.com  # Ada\r\nbroken line\n#user_skipped\nuser_b2#notacomment\n"
	got, err := readTargets(strings.NewReader(in), "f")
	if err != nil {
		t.Fatal(err)
	}
	want := []target{
		{input: "user_a1", source: "f:3", kind: kindID},
		{input: "ada@example.com", source: "f:4", kind: kindEmail},
		{input: "broken line", source: "f:5", kind: kindInvalid},
		{input: "user_b2#notacomment", source: "f:7", kind: kindInvalid},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d targets %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i].input != want[i].input || got[i].source != want[i].source || got[i].kind != want[i].kind {
			t.Errorf("target %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if _, err := readTargets(strings.NewReader(strings.Repeat("x", maxLine+1)), "long"); err == nil {
		t.Error("an overlong line was accepted")
	}
}

func FuzzReadTargets(f *testing.F) {
	for _, s := range []string{"user_a\nada@example.com\n", "# c\n\n x # y\n", "\uFEFFa@b.c", "@@@\n\x00\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := readTargets(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		for _, tg := range got {
			if tg.input == "" || strings.TrimSpace(tg.input) != tg.input {
				t.Errorf("untrimmed or empty entry %q", tg.input)
			}
			if (tg.kind == kindInvalid) != (tg.problem != "") {
				t.Errorf("entry %q: kind %v, problem %q", tg.input, tg.kind, tg.problem)
			}
		}
	})
}

func FuzzParseHeaders(f *testing.F) {
	for _, s := range []string{"Svix-Id: msg_1\nSvix-Timestamp: 1\n", "HTTP/1.1 200 OK\nA: b\n", ":\n", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := parseHeaders([]byte(s))
		if err == nil && h == nil {
			t.Error("nil header without error")
		}
	})
}
