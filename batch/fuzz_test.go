package batch_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clerkgo/clerk/batch"
)

// FuzzFromReader feeds arbitrary target files: reading never panics, every
// target is classified consistently, and only a long line is an error.
func FuzzFromReader(f *testing.F) {
	f.Add("user_abc\nada@example.com # Ada\n\n#c\n")
	f.Add("\uFEFFuser_\x00\r\n@@\n")
	f.Add(strings.Repeat("x", batch.MaxLine+1))
	f.Fuzz(func(t *testing.T, in string) {
		src := batch.FromReader(strings.NewReader(in), "f")
		for i := 0; ; i++ {
			tg, err := src.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				if !strings.Contains(err.Error(), "longer than") {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if (tg.Kind == batch.Invalid) != (tg.Problem != "") || tg.Value == "" || i > len(in) {
				t.Fatalf("target %+v", tg)
			}
		}
	})
}

// FuzzOpenJournal opens arbitrary journal files: a file is either read or
// refused with ErrJournal, never a panic.
func FuzzOpenJournal(f *testing.F) {
	f.Add(`{"journal":"clerkgo-batch/1","action":"fake","at":1}` + "\n" + `{"state":"done","key":"user_a","at":2}` + "\n")
	f.Add(`{"journal":"clerkgo-batch/1","action":"fake","at":1}` + "\n" + `{"state":"start","key":"k"`)
	f.Add("\n\n")
	f.Fuzz(func(t *testing.T, content string) {
		path := filepath.Join(t.TempDir(), "j")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		j, err := batch.OpenJournal(path, batch.SyncNever)
		if err != nil {
			if !errors.Is(err, batch.ErrJournal) {
				t.Fatalf("error %v does not match ErrJournal", err)
			}
			return
		}
		j.Close()
	})
}
