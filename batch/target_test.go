package batch_test

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/clerkgo/clerk/batch"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want batch.Kind
	}{
		{"user_2abcDEF123", batch.UserID},
		{"ada@example.com", batch.Email},
		{"a.b+tag@sub.example.co", batch.Email},
		{"", batch.Invalid},
		{"user_", batch.Invalid},
		{"user_abc-def", batch.Invalid},
		{"org_123", batch.Invalid},
		{"ada@", batch.Invalid},
		{"@example.com", batch.Invalid},
		{"ada@localhost", batch.Invalid},
		{"a@b@c.com", batch.Invalid},
		{"ada @example.com", batch.Invalid},
		{"ada@example.com.", batch.Invalid},
		{"ada\x00@example.com", batch.Invalid},
	}
	for _, tt := range tests {
		got, problem := batch.Classify(tt.in)
		if got != tt.want || (got == batch.Invalid) != (problem != "") {
			t.Errorf("Classify(%q) = %v, %q; want %v", tt.in, got, problem, tt.want)
		}
	}
	if k := batch.NewTarget("Ada@Example.com", "x").Key(); k != "email:ada@example.com" {
		t.Errorf("email key %q", k)
	}
}

func collect(t *testing.T, src batch.Source) ([]batch.Target, error) {
	t.Helper()
	var out []batch.Target
	for {
		tg, err := src.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, tg)
	}
}

func TestFromReader(t *testing.T) {
	t.Parallel()
	in := "\uFEFF# header\n\nuser_a1\n  ada@example.com  # Ada\r\nbroken line\n#user_skipped\nuser_b2#notacomment\n"
	got, err := collect(t, batch.FromReader(strings.NewReader(in), "f"))
	if err != nil {
		t.Fatal(err)
	}
	want := []batch.Target{
		{Value: "user_a1", Origin: "f:3", Kind: batch.UserID},
		{Value: "ada@example.com", Origin: "f:4", Kind: batch.Email},
		{Value: "broken line", Origin: "f:5", Kind: batch.Invalid, Problem: "neither a user ID (user_...) nor an email address"},
		{Value: "user_b2#notacomment", Origin: "f:7", Kind: batch.Invalid, Problem: "malformed user ID"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if _, err := collect(t, batch.FromReader(strings.NewReader(strings.Repeat("x", batch.MaxLine+1)), "long")); err == nil || !strings.Contains(err.Error(), "longer than") {
		t.Errorf("long line: %v", err)
	}
	if _, err := collect(t, batch.FromReader(iotest.ErrReader(errors.New("disk on fire")), "bad")); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("read error: %v", err)
	}
	got, _ = collect(t, batch.FromSlice("args", []string{" user_x ", "nope"}))
	if len(got) != 2 || got[0].Value != "user_x" || got[0].Origin != "args[0]" || got[1].Kind != batch.Invalid {
		t.Errorf("FromSlice: %+v", got)
	}
}

func TestSourceErrorEndsTheRun(t *testing.T) {
	t.Parallel()
	f := newFake(ids(1))
	src := batch.FromReader(io.MultiReader(strings.NewReader("user_a\n"), iotest.ErrReader(errors.New("boom"))), "in")
	sum, err := batch.Run(t.Context(), src, f.action(), batch.Options{})
	if err == nil || !strings.Contains(err.Error(), "boom") || sum.Done != 1 {
		t.Fatalf("%+v, %v", sum, err)
	}
}

func TestProgressReportsRateAndETA(t *testing.T) {
	t.Parallel()
	targets := ids(10)
	f := newFake(targets)
	var last batch.Progress
	var calls int
	sum, err := batch.Run(t.Context(), batch.FromSlice("t", append(targets, "bad")), f.action(), batch.Options{
		Total: 11, Concurrency: 1,
		OnProgress: func(p batch.Progress) {
			calls++
			if calls == 5 && (p.Rate <= 0 || p.ETA <= 0 || p.Finished() != 5) {
				t.Errorf("midway progress %+v", p)
			}
			last = p
		},
	})
	if err != nil || calls != 11 || last.Done != 10 || last.Failed != 1 || last.ETA != 0 || sum.Total != 11 {
		t.Fatalf("calls %d, last %+v, sum %+v, %v", calls, last, sum, err)
	}
}
