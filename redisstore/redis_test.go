package redisstore_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(childMain())
	}
	os.Exit(m.Run())
}

// startRedis starts a redis-server of the test's own on a loopback port and
// stops it by PID when the test ends. Without redis-server on the PATH the
// test is skipped, except under CI=true, where that is a failure
// (scripts/setup-redis installs it).
func startRedis(t testing.TB) string {
	t.Helper()
	addr, _ := startRedisProc(t)
	return addr
}

// startRedisProc is startRedis that also returns the server's PID.
func startRedisProc(t testing.TB) (string, int) {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true: redis-server not found on PATH; scripts/setup-redis installs it")
		}
		t.Skip("redis-server not found on PATH; run scripts/setup-redis")
	}
	dir := t.TempDir()
	var last error
	for attempt := 0; attempt < 3; attempt++ {
		port, err := freePort()
		if err != nil {
			t.Fatal(err)
		}
		addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
			"--daemonize", "no", "--dir", dir, "--logfile", filepath.Join(dir, "redis.log"))
		if err := cmd.Start(); err != nil {
			t.Fatalf("start redis-server: %v", err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		if last = waitReady(addr, exited, dir); last != nil {
			_ = syscall.Kill(cmd.Process.Pid, syscall.SIGKILL)
			<-exited
			continue // the port may have been taken meanwhile: try another
		}
		pid := cmd.Process.Pid
		t.Cleanup(func() { stopRedis(pid, exited) })
		return addr, pid
	}
	t.Fatal(last)
	return "", 0
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
func waitReady(addr string, exited <-chan error, dir string) error {
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
			return fmt.Errorf("redis-server exited at start: %v (see %s)", werr, filepath.Join(dir, "redis.log"))
		case <-time.After(wait):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("redis-server on %s not ready after 10 s: %w", addr, err)
		}
	}
}

// stopRedis stops the server by its PID and waits for it to exit.
func stopRedis(pid int, exited <-chan error) {
	_ = syscall.Kill(pid, syscall.SIGCONT) // in case a test froze it
	_ = syscall.Kill(pid, syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(pid, syscall.SIGKILL)
		<-exited
	}
}

// client returns a Redis client for one test.
func client(t testing.TB, addr string) *redis.Client {
	t.Helper()
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	t.Cleanup(func() { rdb.Close() })
	return rdb
}

func contextDone(t *testing.T) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	return ctx, cancel
}
