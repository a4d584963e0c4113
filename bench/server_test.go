package bench

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"testing"
)

// userBase is one realistic user (about 2 KB of JSON), read from the users
// package's test data.
func userBase(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile("../users/testdata/user.json")
	if err != nil {
		tb.Fatal(err)
	}
	return bytes.TrimSpace(b)
}

// userStore serves GET /v1/users (a bare array page by limit and offset)
// and GET /v1/users/count over n users, each a copy of the base user with
// its own ID. Pages are rendered once and cached, so the server's cost is
// the same for every client measured against it.
type userStore struct {
	n     int
	users [][]byte
	pages sync.Map // "limit/offset" -> []byte
	count []byte
}

func newUserStore(tb testing.TB, n int) *userStore {
	base := userBase(tb)
	const id = `"user_2abcDEFghiJKLmnoPQRstuVWXyz"`
	if !bytes.Contains(base, []byte(id)) {
		tb.Fatalf("test data has no %s", id)
	}
	s := &userStore{n: n, count: []byte(`{"object":"total_count","total_count":` + strconv.Itoa(n) + `}`)}
	for i := 0; i < n; i++ {
		s.users = append(s.users, bytes.Replace(base, []byte(id), []byte(fmt.Sprintf(`"user_%027d"`, i)), 1))
	}
	return s
}

func (s *userStore) page(limit, offset int) []byte {
	key := strconv.Itoa(limit) + "/" + strconv.Itoa(offset)
	if b, ok := s.pages.Load(key); ok {
		return b.([]byte)
	}
	var b bytes.Buffer
	b.WriteByte('[')
	for i := offset; i < offset+limit && i < s.n; i++ {
		if i > offset {
			b.WriteByte(',')
		}
		b.Write(s.users[i])
	}
	b.WriteByte(']')
	s.pages.Store(key, b.Bytes())
	return b.Bytes()
}

func (s *userStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Path {
	case "/v1/users/count":
		w.Write(s.count)
	case "/v1/users":
		q := r.URL.Query()
		limit, err := strconv.Atoi(q.Get("limit"))
		if err != nil || limit <= 0 {
			limit = 10
		}
		offset, _ := strconv.Atoi(q.Get("offset"))
		w.Write(s.page(limit, offset))
	default:
		if len(s.users) > 0 {
			w.Write(s.users[0])
			return
		}
		http.NotFound(w, r)
	}
}

// serve starts a loopback server over n users.
func serve(tb testing.TB, n int) *httptest.Server {
	srv := httptest.NewServer(newUserStore(tb, n))
	tb.Cleanup(srv.Close)
	return srv
}
