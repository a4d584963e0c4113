package clerk

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// arrayCases are arrays whose splitting is easy to get wrong.
var arrayCases = []string{
	`[]`, ` [ ] `, `[1,2,3]`, `[{"a":"]"},{"b":"[,"}]`, `["a\"],", "\\"]`,
	`[{"a":[1,{"b":[2]}]},null,true,false,-1.5e3,"x"]`,
	`[{"id":"` + strings.Repeat("x", 100) + `"}` + strings.Repeat(`,{"id":"y","n":[1,2,{"z":"}"}]}`, 40) + `]`,
	`[1,2,]`, `[1 2]`, `[1,2] x`, `[1,2`, `[{"a":1]`, `["abc]`, `{"a":1}`, ``, `[`, `]`, `[,]`, `[nul]`, `[1,,2]`,
}

// Decoding a large array in parallel chunks gives what encoding/json gives
// for the whole array: the same values, and an error exactly when it errs.
func TestDecodeArrayInParallelMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, in := range arrayCases {
		checkDecodeArray(t, []byte(in))
	}
}

func checkDecodeArray(t *testing.T, in []byte) {
	t.Helper()
	var want []any
	wantErr := json.Unmarshal(in, &want)
	for _, workers := range []int{2, 3, 4} {
		got, err := decodeArrayWith[any](in, 0, workers, 1)
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("%q with %d workers: err %v, encoding/json %v", in, workers, err, wantErr)
		}
		if err == nil && !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("%q with %d workers: got %v, want %v", in, workers, got, want)
		}
	}
}

func FuzzDecodeArray(f *testing.F) {
	for _, in := range arrayCases {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkDecodeArray(t, in)
	})
}

// A page too small to split, or a machine with one core, takes the plain
// path; so does a malformed page, whose error stays encoding/json's.
func TestDecodeArrayFallsBack(t *testing.T) {
	t.Parallel()
	if _, err := decodeArrayWith[any]([]byte(`[1,2`), 0, 4, 1); err == nil || !strings.Contains(err.Error(), "unexpected end") {
		t.Fatalf("malformed page: %v", err)
	}
	got, err := decodeArrayWith[int]([]byte(`[1,2,3]`), 1<<20, 4, 1)
	if err != nil || !reflect.DeepEqual(got, []int{1, 2, 3}) {
		t.Fatalf("small page: %v %v", got, err)
	}
}
