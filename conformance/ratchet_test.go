package conformance

import (
	"errors"
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	boom := errors.New("boom")
	known := map[string]Known{
		"users.list":       {Observed: "400", Cause: "refused", Bullet: BulletParams},
		"users.get#gone":   {Observed: "404", Cause: "missing", Bullet: BulletNew},
		"users.stale":      {Observed: "500", Cause: "old", Bullet: BulletNew},
		"users.create#dup": {Observed: "200", Cause: "lenient", Bullet: BulletLenient},
	}
	exceptions := map[string]string{"signUps.get": "cannot be emulated", "signUps.gone": "no call"}
	results := []Result{
		{Name: "users.list", Err: boom},       // listed, still fails: fine
		{Name: "users.get#gone", Err: nil},    // listed, passes: a problem
		{Name: "users.create", Err: boom},     // not listed: a problem
		{Name: "users.create#dup", Err: boom}, // listed variant
		{Name: "signUps.get", Err: boom},      // an exception: not judged
		{Name: "users.update", Err: nil},
	}
	c := Compare(results, known, exceptions)
	want := []string{
		"exception signUps.gone names no call",
		"known failure users.stale names no call",
		"users.create fails and is not on the known-failure list",
		"users.get#gone passes now",
	}
	if len(c.Problems) != len(want) {
		t.Fatalf("problems:\n%s", strings.Join(c.Problems, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(c.Problems[i], w) {
			t.Errorf("problem %d = %q, want prefix %q", i, c.Problems[i], w)
		}
	}
	// Methods: users.list, users.get, users.create, signUps.get, users.update;
	// users.list and users.create fail, signUps.get is an exception.
	if c.Methods != 5 || c.Passing != 2 || c.Excepted != 1 {
		t.Errorf("methods %d passing %d excepted %d, want 5, 2 and 1", c.Methods, c.Passing, c.Excepted)
	}
}
