package auth

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestReverification(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fva   any
		check Check
		want  bool
	}{
		{[]int{5, 5}, Reverification(StrictMFA), true},
		{[]int{5, 11}, Reverification(StrictMFA), false},
		{[]int{5, -1}, Reverification(StrictMFA), true}, // no second factor: the first suffices
		{[]int{-1, 5}, Reverification(StrictMFA), false},
		{[]int{-1, -1}, Reverification(Lax), false},
		{[]int{100, 9}, Reverification(Strict), true},
		{[]int{9, 100}, Reverification(Strict), false},
		{[]int{1000, 59}, Reverification(Moderate), true},
		{[]int{0, 1439}, Reverification(Lax), true},
		{[]int{0, 1440}, Reverification(Lax), false},
		{[]int{3, 3}, Reverification("sometimes"), false},
		{[]int{3, 3}, ReverificationWithin(FirstFactor, 4), true},
		{[]int{3, 3}, ReverificationWithin(FirstFactor, 3), false},
		{[]int{3, 3}, ReverificationWithin("third_factor", 10), false},
		{[]int{3, 3}, ReverificationWithin(SecondFactor, 0), false},
		{[]float64{2.5, -1}, ReverificationWithin(SecondFactor, 3), true},
		{[]int{1}, Reverification(Lax), false},
		{[]any{"1", 2}, Reverification(Lax), false},
		{nil, Reverification(Lax), false},
	}
	v := staticVerifier(t, Config{})
	for _, tc := range tests {
		claims := with(baseClaims(), "fva", tc.fva)
		a := authFor(t, v, mint(t, testKey(), baseHeader(), claims))
		if got := a.Has(tc.check); got != tc.want {
			t.Errorf("fva %v, %s: Has = %v, want %v", tc.fva, tc.check, got, tc.want)
		}
	}
}

// authFor authenticates a bearer token.
func authFor(t *testing.T, v *Verifier, token string) *Auth {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.Header.Set("Authorization", "Bearer "+token)
	a, err := v.AuthenticateRequest(r)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestRequireReverificationAnswersClerksHint(t *testing.T) {
	t.Parallel()
	v := staticVerifier(t, Config{})
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("ok")) })
	stale := mint(t, testKey(), baseHeader(), with(baseClaims(), "fva", []int{30, 30}))
	for _, tc := range []struct {
		check Check
		body  string
	}{
		{Reverification(Strict), `{"clerk_error":{"type":"forbidden","reason":"reverification-error","metadata":{"reverification":"strict"}}}`},
		{ReverificationWithin(FirstFactor, 5), `{"clerk_error":{"type":"forbidden","reason":"reverification-error","metadata":{"reverification":{"level":"first_factor","afterMinutes":5}}}}`},
	} {
		h := Middleware(v)(Require(Role("admin"), tc.check)(ok))
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Authorization", "Bearer "+stale)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		var got, want any
		_ = json.Unmarshal(w.Body.Bytes(), &got)
		_ = json.Unmarshal([]byte(tc.body), &want)
		gb, _ := json.Marshal(got)
		wb, _ := json.Marshal(want)
		if w.Code != http.StatusForbidden || string(gb) != string(wb) {
			t.Errorf("%s: %d %s, want 403 %s", tc.check, w.Code, w.Body, tc.body)
		}
	}
	fresh := mint(t, testKey(), baseHeader(), with(baseClaims(), "fva", []int{1, 1}))
	h := Middleware(v)(Require(Reverification(Strict))(ok))
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.Header.Set("Authorization", "Bearer "+fresh)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		t.Fatalf("fresh reverification: %d %s", w.Code, w.Body)
	}
}
