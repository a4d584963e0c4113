package main

import (
	"bufio"
	"context"
	"crypto/sha1"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/internal/redisscript"
)

// redisStore is a clerk.LimiterStore on Redis for the tool's --redis flag:
// the same scripts, keys and prefix as the redisstore module (which a service
// shares the budget with), over a small RESP client of its own, so that the
// tool does not bring a Redis library into the SDK's module. One connection
// serves every call in turn; each call is bounded by a deadline.
type redisStore struct {
	addr, user, pass string
	db               int
	tls              *tls.Config
	window, timeout  time.Duration
	prefix           string

	mu   sync.Mutex
	conn net.Conn
	rd   *bufio.Reader
	held sync.Map // schedule key -> latest slot handed out (server µs)
}

var _ clerk.LimiterStore = (*redisStore)(nil)

// redisTimeout bounds each call to Redis.
const redisTimeout = 2 * time.Second

// newRedisStore reads a redis:// or rediss:// URL
// (redis://[user:password@]host[:port][/db]). window is how long a lost
// schedule waits before its first slot: the window of the rate limit.
func newRedisStore(raw string, window time.Duration) (*redisStore, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "redis" && u.Scheme != "rediss") || u.Host == "" {
		return nil, errors.New("want redis://[user:password@]host[:port][/db], or rediss:// for TLS")
	}
	s := &redisStore{addr: u.Host, window: window, timeout: redisTimeout, prefix: "clerkgo:"}
	if u.Port() == "" {
		s.addr = net.JoinHostPort(u.Hostname(), "6379")
	}
	if u.User != nil {
		s.user = u.User.Username()
		s.pass, _ = u.User.Password()
	}
	if db := strings.Trim(u.Path, "/"); db != "" {
		if s.db, err = strconv.Atoi(db); err != nil || s.db < 0 {
			return nil, fmt.Errorf("database %q: want a number", db)
		}
	}
	if u.Scheme == "rediss" {
		s.tls = &tls.Config{ServerName: u.Hostname(), MinVersion: tls.VersionTLS12}
	}
	return s, nil
}

// call sends one command and reads its answer, within the timeout; any
// failure drops the connection, so the next call starts afresh.
func (s *redisStore) call(ctx context.Context, args ...string) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	deadline := time.Now().Add(s.timeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.conn == nil {
		if err := s.connect(ctx, deadline); err != nil {
			return nil, err
		}
	}
	conn := s.conn
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Now()) })
	defer stop()
	_ = conn.SetDeadline(deadline)
	v, err := s.roundTrip(args)
	var rerr redisError
	if err != nil && !errors.As(err, &rerr) {
		conn.Close()
		s.conn = nil
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() || ctx.Err() != nil {
			return nil, fmt.Errorf("no answer from Redis at %s: %w", s.addr, context.DeadlineExceeded)
		}
	}
	return v, err
}

func (s *redisStore) connect(ctx context.Context, deadline time.Time) error {
	d := net.Dialer{Deadline: deadline}
	conn, err := d.DialContext(ctx, "tcp", s.addr)
	if err != nil {
		return fmt.Errorf("connect to Redis at %s: %w", s.addr, err)
	}
	if s.tls != nil {
		conn = tls.Client(conn, s.tls)
	}
	s.conn, s.rd = conn, bufio.NewReader(conn)
	_ = conn.SetDeadline(deadline)
	var setup [][]string
	if s.pass != "" {
		if s.user != "" {
			setup = append(setup, []string{"AUTH", s.user, s.pass})
		} else {
			setup = append(setup, []string{"AUTH", s.pass})
		}
	}
	if s.db != 0 {
		setup = append(setup, []string{"SELECT", strconv.Itoa(s.db)})
	}
	for _, cmd := range setup {
		if _, err := s.roundTrip(cmd); err != nil {
			conn.Close()
			s.conn = nil
			return fmt.Errorf("redis at %s refused %s: %w", s.addr, cmd[0], err)
		}
	}
	return nil
}

// roundTrip writes args as a RESP array of bulk strings and reads a reply.
func (s *redisStore) roundTrip(args []string) (any, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "*%d\r\n", len(args))
	for _, a := range args {
		fmt.Fprintf(&b, "$%d\r\n%s\r\n", len(a), a)
	}
	if _, err := io.WriteString(s.conn, b.String()); err != nil {
		return nil, err
	}
	return s.reply(0)
}

// redisError is an error reply from the server.
type redisError string

func (e redisError) Error() string { return "redis: " + string(e) }

// reply reads one RESP2 value: an integer, a string, nil, an array, or a
// redisError.
func (s *redisStore) reply(depth int) (any, error) {
	if depth > 4 {
		return nil, errors.New("redis answer nested too deeply")
	}
	line, err := s.rd.ReadString('\n')
	if err != nil {
		return nil, err
	}
	line = strings.TrimSuffix(line, "\r\n")
	if line == "" {
		return nil, errors.New("empty redis answer")
	}
	body := line[1:]
	switch line[0] {
	case '+':
		return body, nil
	case '-':
		return nil, redisError(body)
	case ':':
		return strconv.ParseInt(body, 10, 64)
	case '$':
		n, err := strconv.Atoi(body)
		if err != nil || n < -1 || n > 1<<20 {
			return nil, fmt.Errorf("bad Redis bulk length %q", body)
		}
		if n == -1 {
			return nil, nil
		}
		buf := make([]byte, n+2)
		if _, err := io.ReadFull(s.rd, buf); err != nil {
			return nil, err
		}
		return string(buf[:n]), nil
	case '*':
		n, err := strconv.Atoi(body)
		if err != nil || n < -1 || n > 1024 {
			return nil, fmt.Errorf("bad Redis array length %q", body)
		}
		out := make([]any, 0, max(n, 0))
		for range n {
			v, err := s.reply(depth + 1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
	return nil, fmt.Errorf("unknown Redis answer %q", line[:1])
}

// eval runs script by its hash, sending it once when the server lacks it.
func (s *redisStore) eval(ctx context.Context, script, key string, args ...string) (any, error) {
	sum := sha1.Sum([]byte(script))
	cmd := append([]string{"EVALSHA", hex.EncodeToString(sum[:]), "1", s.prefix + key}, args...)
	v, err := s.call(ctx, cmd...)
	var rerr redisError
	if errors.As(err, &rerr) && strings.HasPrefix(string(rerr), "NOSCRIPT") {
		cmd[0], cmd[1] = "EVAL", script
		v, err = s.call(ctx, cmd...)
	}
	return v, err
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Reserve implements clerk.LimiterStore, as redisstore.Store.Reserve does.
func (s *redisStore) Reserve(ctx context.Context, key string, interval time.Duration, burst int) (time.Duration, error) {
	var held int64
	if v, ok := s.held.Load(key); ok {
		held = v.(int64)
	}
	v, err := s.eval(ctx, redisscript.Reserve, key, itoa(interval.Microseconds()), itoa(int64(max(burst, 1))),
		itoa(s.window.Microseconds()), itoa(held), itoa(redisscript.IdleKeep))
	if err != nil {
		return 0, fmt.Errorf("redis: reserve: %w", err)
	}
	res, ok := v.([]any)
	if !ok || len(res) != 2 {
		return 0, fmt.Errorf("redis: reserve: unexpected answer %v", v)
	}
	wait, ok1 := res[0].(int64)
	slot, ok2 := res[1].(int64)
	if !ok1 || !ok2 {
		return 0, fmt.Errorf("redis: reserve: unexpected answer %v", v)
	}
	for {
		old, loaded := s.held.LoadOrStore(key, slot)
		if !loaded || old.(int64) >= slot || s.held.CompareAndSwap(key, old, slot) {
			break
		}
	}
	return time.Duration(wait) * time.Microsecond, nil
}

// Pause implements clerk.LimiterStore.
func (s *redisStore) Pause(ctx context.Context, key string, d time.Duration) error {
	if _, err := s.eval(ctx, redisscript.Pause, key, itoa(d.Microseconds()), itoa(redisscript.IdleKeep)); err != nil {
		return fmt.Errorf("redis: pause: %w", err)
	}
	return nil
}

// close drops the connection.
func (s *redisStore) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn != nil {
		s.conn.Close()
		s.conn = nil
	}
}
