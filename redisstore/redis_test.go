package redisstore_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// server is the redis-server the tests share, started on first use on a
// loopback port and stopped by PID when the tests end.
var server struct {
	once   sync.Once
	cmd    *exec.Cmd
	exited chan error // receives the server's exit once
	addr   string
	dir    string
	err    error
	skip   string
}

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(childMain())
	}
	code := m.Run()
	stopRedis()
	os.Exit(code)
}

// redisAddr starts the server if needed and returns its address. Without
// redis-server on the PATH the test is skipped, except under CI=true, where
// that is a failure (scripts/install-redis installs it).
func redisAddr(t testing.TB) string {
	t.Helper()
	server.once.Do(startRedis)
	if server.skip != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true: %s", server.skip)
		}
		t.Skip(server.skip)
	}
	if server.err != nil {
		t.Fatal(server.err)
	}
	return server.addr
}

func startRedis() {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		server.skip = "redis-server not found on PATH; run scripts/install-redis"
		return
	}
	server.dir, err = os.MkdirTemp("", "redisstore-test")
	if err != nil {
		server.err = err
		return
	}
	for attempt := 0; attempt < 3; attempt++ {
		port, err := freePort()
		if err != nil {
			server.err = err
			return
		}
		addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
			"--daemonize", "no", "--dir", server.dir, "--logfile", filepath.Join(server.dir, "redis.log"))
		if err := cmd.Start(); err != nil {
			server.err = fmt.Errorf("start redis-server: %w", err)
			return
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		if err := waitReady(addr, exited); err != nil {
			_ = cmd.Process.Kill()
			server.err = err
			continue // the port may have been taken meanwhile: try another
		}
		server.cmd, server.exited, server.addr, server.err = cmd, exited, addr, nil
		return
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// waitReady pings the server until it answers, it exits, or 10 s pass.
func waitReady(addr string, exited <-chan error) error {
	rdb := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: -1})
	defer rdb.Close()
	deadline := time.Now().Add(10 * time.Second)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := rdb.Ping(ctx).Err()
		cancel()
		if err == nil {
			return nil
		}
		select {
		case werr := <-exited:
			return fmt.Errorf("redis-server exited at start: %v (see %s)", werr, filepath.Join(server.dir, "redis.log"))
		case <-time.After(wait):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("redis-server on %s not ready after 10 s: %w", addr, err)
		}
	}
}

// stopRedis stops the server by its PID and waits for it.
func stopRedis() {
	if server.cmd == nil {
		return
	}
	_ = syscall.Kill(server.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-server.exited:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(server.cmd.Process.Pid, syscall.SIGKILL)
		<-server.exited
	}
	_ = os.RemoveAll(server.dir)
}

// client returns a Redis client for one test.
func client(t testing.TB) *redis.Client {
	t.Helper()
	rdb := redis.NewClient(&redis.Options{Addr: redisAddr(t)})
	t.Cleanup(func() { rdb.Close() })
	return rdb
}

func contextDone(t *testing.T) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	return ctx, cancel
}
