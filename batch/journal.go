package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"sync"
	"time"
)

// SyncPolicy says when journal records are flushed to the disk.
type SyncPolicy int

const (
	// SyncEach flushes every record with fsync before the run goes on, so a
	// machine crash loses nothing recorded. The default.
	SyncEach SyncPolicy = iota
	// SyncNever leaves flushing to the operating system: a crash of the
	// process loses nothing, a crash of the machine may lose the last
	// records.
	SyncNever
)

// journalFormat names the format on the journal's first line.
const journalFormat = "clerkgo-batch/1"

// ErrJournal reports a journal that cannot be used: unreadable, corrupt,
// or written by another action.
var ErrJournal = errors.New("batch: journal")

// state is what the journal knows about a target or a user.
type state uint8

const (
	stateNone state = iota
	stateStarted
	stateDone
	stateSkipped
	stateFailed
	stateClaimed // taken by this run, not recorded yet
)

var stateNames = map[string]state{"start": stateStarted, "done": stateDone, "skipped": stateSkipped, "failed": stateFailed}

// record is one line of the journal.
type record struct {
	Format string `json:"journal,omitempty"`
	Action string `json:"action,omitempty"`
	State  string `json:"state,omitempty"`
	Key    string `json:"key,omitempty"`
	User   string `json:"user,omitempty"`
	Detail string `json:"detail,omitempty"`
	At     int64  `json:"at"` // Unix milliseconds
}

// Journal is the record of a batch's progress; see the package comment for
// its format and crash safety. It is safe for concurrent use.
type Journal struct {
	path   string
	policy SyncPolicy

	mu     sync.Mutex
	f      *os.File
	action string
	index  *ledger // by hash of a target key or user ID
}

// OpenJournal opens the journal at path, creating it if needed, and reads
// what earlier runs recorded. A torn last line (a record cut short by a
// machine crash) is dropped; any other unreadable line is an error.
func OpenJournal(path string, policy SyncPolicy) (*Journal, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrJournal, err)
	}
	j := &Journal{path: path, policy: policy, f: f, index: newLedger()}
	if err := j.load(); err != nil {
		f.Close()
		return nil, err
	}
	return j, nil
}

// load reads the records and leaves the file positioned at its end.
func (j *Journal) load() error {
	rd := bufio.NewReaderSize(j.f, 64<<10)
	var good int64
	for n := 1; ; n++ {
		line, err := rd.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			return fmt.Errorf("%w: %s: line %d is too long", ErrJournal, j.path, n)
		}
		if errors.Is(err, io.EOF) {
			break // a torn last line, or nothing: dropped below
		}
		if err != nil {
			return fmt.Errorf("%w: read %s: %w", ErrJournal, j.path, err)
		}
		var r record
		if err := json.Unmarshal(bytes.TrimSpace(line), &r); err != nil {
			return fmt.Errorf("%w: %s: line %d is not a journal record", ErrJournal, j.path, n)
		}
		if n == 1 {
			if r.Format != journalFormat || r.Action == "" {
				return fmt.Errorf("%w: %s is not a batch journal (want %s)", ErrJournal, j.path, journalFormat)
			}
			j.action = r.Action
		} else {
			st, ok := stateNames[r.State]
			if !ok || r.Key == "" {
				return fmt.Errorf("%w: %s: line %d has no state or key", ErrJournal, j.path, n)
			}
			j.note(r.Key, r.User, st)
		}
		good += int64(len(line))
	}
	if err := j.f.Truncate(good); err != nil {
		return fmt.Errorf("%w: %s: drop a torn last line: %w", ErrJournal, j.path, err)
	}
	if _, err := j.f.Seek(good, io.SeekStart); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrJournal, j.path, err)
	}
	return nil
}

// Action names the action that wrote the journal, or "" for a new one.
func (j *Journal) Action() string {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.action
}

// bind ties the journal to an action: a new journal records it, a used one
// must have been written by it.
func (j *Journal) bind(action string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.action != "" {
		if j.action != action {
			return fmt.Errorf("%w: %s belongs to %q, not %q", ErrJournal, j.path, j.action, action)
		}
		return nil
	}
	j.action = action
	return j.writeLocked(record{Format: journalFormat, Action: action})
}

func hashKey(key string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(key))
	return h.Sum64()
}

// note updates the index; a later record supersedes an earlier one.
func (j *Journal) note(key, user string, st state) {
	j.index.set(hashKey(key), st)
	if user != "" && user != key {
		j.index.set(hashKey(user), st)
	}
}

// claim checks key and, unless the journal or this run already holds it,
// marks it as taken by this run (in memory only). It returns what was
// there: stateNone or stateFailed mean the caller now owns the key.
func (j *Journal) claim(key string) state {
	j.mu.Lock()
	defer j.mu.Unlock()
	h := hashKey(key)
	st := j.index.get(h)
	if st == stateNone || st == stateFailed {
		j.index.set(h, stateClaimed)
	}
	return st
}

// unclaim gives back a key claimed by this run that was never started.
func (j *Journal) unclaim(key string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if h := hashKey(key); j.index.get(h) == stateClaimed {
		j.index.set(h, stateNone)
	}
}

// write appends one record and updates the index.
func (j *Journal) write(r record) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.writeLocked(r)
}

func (j *Journal) writeLocked(r record) error {
	if r.State != "start" && r.Key != "" {
		j.note(r.Key, r.User, stateNames[r.State])
	}
	if j.path == "" {
		return nil // a run without a journal file
	}
	if j.f == nil {
		return fmt.Errorf("%w: %s is closed", ErrJournal, j.path)
	}
	r.At = time.Now().UnixMilli()
	line, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("%w: encode a record: %w", ErrJournal, err)
	}
	// One write call per record: a crash never leaves half a record behind
	// a whole one in the kernel's view of the file.
	if _, err := j.f.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("%w: write %s: %w", ErrJournal, j.path, err)
	}
	if j.policy == SyncEach {
		if err := j.f.Sync(); err != nil {
			return fmt.Errorf("%w: sync %s: %w", ErrJournal, j.path, err)
		}
	}
	return nil
}

// memoryJournal is the ledger of a run without a journal file: it still
// keeps a target from being acted on twice in one run.
func memoryJournal() *Journal { return &Journal{index: newLedger()} }

// Close closes the file; the journal cannot be written afterwards.
func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return nil
	}
	err := j.f.Close()
	j.f = nil
	return err
}
