// Package redistest starts a real redis-server for tests, on a loopback
// port of its own, and stops it by PID when the test ends. It is shared by
// the redisstore module's tests and the clerk tool's.
package redistest

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Start starts redis-server and returns its address and PID. Without
// redis-server on the PATH the test is skipped, except under CI=true, where
// that is a failure (scripts/setup-redis installs it).
func Start(t testing.TB) (addr string, pid int) {
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
		t.Cleanup(func() { stop(pid, exited) })
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
	deadline := time.Now().Add(10 * time.Second)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		err := ping(addr)
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

// ping sends PING and expects PONG.
func ping(addr string) error {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(time.Second))
	if _, err := c.Write([]byte("*1\r\n$4\r\nPING\r\n")); err != nil {
		return err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if strings.TrimSpace(line) != "+PONG" {
		return fmt.Errorf("PING answered %q", strings.TrimSpace(line))
	}
	return nil
}

// stop stops the server by its PID (thawing it first, in case a test froze
// it) and waits for it to exit.
func stop(pid int, exited <-chan error) {
	_ = syscall.Kill(pid, syscall.SIGCONT)
	_ = syscall.Kill(pid, syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(pid, syscall.SIGKILL)
		<-exited
	}
}
