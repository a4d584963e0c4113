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
	stateDoubt   // claimed by this run, to be checked before acting
)

// An item in doubt has a start record and no outcome, or a "doubt" record:
// both read as stateStarted.
var stateNames = map[string]state{"start": stateStarted, "doubt": stateStarted, "done": stateDone, "skipped": stateSkipped, "failed": stateFailed}

// record is one line of the journal.
type record struct {
	Format string `json:"journal,omitempty"`
	Action string `json:"action,omitempty"`
	State  string `json:"state,omitempty"`
	Key    string `json:"key,omitempty"`
	User   string `json:"user,omitempty"`
	Detail string `json:"detail,omitempty"`
	// Open marks a "doubt" record whose request got no answer at all (a
	// timeout, a broken connection, a stop): the server may still act on
	// it for a while.
	Open bool  `json:"open,omitempty"`
	At   int64 `json:"at"` // Unix milliseconds
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
	// since holds, for each key or user in doubt, when the earliest of its
	// attempts whose outcome is unknown was started (Unix milliseconds).
	// Items in doubt are few, so a map is cheap.
	since map[uint64]int64
	// pending holds, for each key or user whose latest attempt got no
	// answer at all (the run died, or stopped, while it was in flight),
	// when that attempt was started: the server may still be processing
	// it.
	pending map[uint64]int64
}

// ErrJournalBusy reports a journal that another process (or another
// Journal of this one) holds open; it also matches ErrJournal.
var ErrJournalBusy = fmt.Errorf("%w is in use by another run", ErrJournal)

// OpenJournal opens the journal at path, creating it if needed, takes an
// exclusive lock on it, and reads what earlier runs recorded.
//
// The lock is an operating-system file lock (flock) on Linux, macOS and the
// BSDs: a second run on the same journal, in any process, gets an error
// matching ErrJournalBusy until the first closes it or exits (a killed
// process releases it too). Other systems take no lock: there, never start
// two runs on one journal.
//
// Records are only ever appended. A torn last line (a record cut short by a
// machine crash) is dropped, or completed when it is a whole record missing
// only its newline; any other unreadable line is an error that names it and
// says how to recover.
func OpenJournal(path string, policy SyncPolicy) (*Journal, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrJournal, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, fmt.Errorf("%w: %s: wait for the other run to end, or stop it, before starting this one", ErrJournalBusy, path)
		}
		return nil, fmt.Errorf("%w: lock %s: %w", ErrJournal, path, err)
	}
	j := &Journal{path: path, policy: policy, f: f, index: newLedger(), since: map[uint64]int64{}, pending: map[uint64]int64{}}
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
	torn := false
	for n := 1; ; n++ {
		line, err := rd.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			return j.damaged(n, "is too long")
		}
		last := errors.Is(err, io.EOF)
		if err != nil && !last {
			return fmt.Errorf("%w: read %s: %w", ErrJournal, j.path, err)
		}
		if last && len(line) == 0 {
			break
		}
		var r record
		if err := json.Unmarshal(bytes.TrimSpace(line), &r); err != nil {
			if last {
				torn = true // cut short by a crash: dropped below
				break
			}
			return j.damaged(n, "is not a journal record")
		}
		if err := j.apply(n, r); err != nil {
			return err
		}
		good += int64(len(line))
		if last {
			// A whole record that lost only its newline: complete it.
			if _, err := j.f.Write([]byte{'\n'}); err != nil {
				return fmt.Errorf("%w: %s: complete the last line: %w", ErrJournal, j.path, err)
			}
			good++
			break
		}
	}
	if torn {
		if err := j.f.Truncate(good); err != nil {
			return fmt.Errorf("%w: %s: drop a torn last line: %w", ErrJournal, j.path, err)
		}
	}
	return nil
}

// apply takes in record r, read from line n.
func (j *Journal) apply(n int, r record) error {
	if n == 1 {
		if r.Format != journalFormat || r.Action == "" {
			return fmt.Errorf("%w: %s is not a batch journal (want %s)", ErrJournal, j.path, journalFormat)
		}
		j.action = r.Action
		return nil
	}
	st, ok := stateNames[r.State]
	if !ok || r.Key == "" {
		return j.damaged(n, "has no known state or no key")
	}
	j.note(r.Key, r.User, st)
	switch r.State {
	case "start":
		j.started(r.Key, r.User, r.At)
	case "doubt":
		if !r.Open {
			j.answered(r.Key, r.User)
		}
	}
	return nil
}

// damaged reports a bad line that is not the last one: lines after it were
// written later, so it is not a crash's torn record, and the journal cannot
// be trusted without a look.
func (j *Journal) damaged(n int, what string) error {
	return fmt.Errorf("%w: %s: line %d %s, and it is not the last line, so it is not a record cut short by a crash. "+
		"Was the file edited, or written by two runs at once? To recover: keep a copy of the file, "+
		"then delete that line (or the damaged part) and run the same command again; the users the line named "+
		"are then handled as in doubt or not started, and the run reports them by name", ErrJournal, j.path, n, what)
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

// note updates the index; a later record supersedes an earlier one. An
// outcome other than "doubt" ends the doubt about earlier attempts.
func (j *Journal) note(key, user string, st state) {
	for i, k := range []string{key, user} {
		if k == "" || (i == 1 && user == key) {
			continue
		}
		h := hashKey(k)
		j.index.set(h, st)
		if st != stateStarted {
			delete(j.since, h)
			delete(j.pending, h)
		}
	}
}

// answered notes that the latest attempt on key and user got an answer
// (an error that left it in doubt): the server is done with it.
func (j *Journal) answered(key, user string) {
	for _, k := range []string{key, user} {
		if k != "" {
			delete(j.pending, hashKey(k))
		}
	}
}

// started remembers when an attempt on key and user began, unless an
// earlier attempt is still in doubt.
func (j *Journal) started(key, user string, at int64) {
	if j.since == nil {
		return
	}
	for _, k := range []string{key, user} {
		if k == "" {
			continue
		}
		if _, ok := j.since[hashKey(k)]; !ok {
			j.since[hashKey(k)] = at
		}
		if j.pending != nil {
			j.pending[hashKey(k)] = at
		}
	}
}

// doubtSince returns when the earliest attempt in doubt on key was started,
// and when the latest one that got no answer was (the zero time for none);
// the first is zero when the journal does not know.
func (j *Journal) doubtSince(key string) (since, unanswered time.Time) {
	j.mu.Lock()
	defer j.mu.Unlock()
	h := hashKey(key)
	if at, ok := j.since[h]; ok && at > 0 {
		since = time.UnixMilli(at)
	}
	if at, ok := j.pending[h]; ok && at > 0 {
		unanswered = time.UnixMilli(at)
	}
	return since, unanswered
}

// claim checks key and, unless the journal or this run already holds it,
// marks it as taken by this run (in memory only). It returns what was
// there: stateNone or stateFailed mean the caller now owns the key, and
// stateDoubt that it owns a key an earlier run left in doubt.
func (j *Journal) claim(key string) state {
	j.mu.Lock()
	defer j.mu.Unlock()
	h := hashKey(key)
	st := j.index.get(h)
	switch st {
	case stateNone, stateFailed:
		j.index.set(h, stateClaimed)
	case stateStarted:
		j.index.set(h, stateClaimed)
		return stateDoubt
	}
	return st
}

// unclaim gives back a key claimed by this run that was never started; a
// key in doubt stays in doubt.
func (j *Journal) unclaim(key string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if h := hashKey(key); key != "" && j.index.get(h) == stateClaimed {
		st := stateNone
		if _, ok := j.since[h]; ok {
			st = stateStarted
		}
		j.index.set(h, st)
	}
}

// write appends one record and updates the index.
func (j *Journal) write(r record) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.writeLocked(r)
}

func (j *Journal) writeLocked(r record) error {
	if r.State == "start" && j.path == "" {
		return nil // without a file, no earlier attempt to remember
	}
	r.At = time.Now().UnixMilli()
	switch {
	case r.State == "start":
		j.started(r.Key, r.User, r.At)
	case r.State == "doubt" && !r.Open:
		j.answered(r.Key, r.User)
	case r.State != "doubt" && r.Key != "":
		j.note(r.Key, r.User, stateNames[r.State])
	}
	if j.path == "" {
		return nil // a run without a journal file
	}
	if j.f == nil {
		return fmt.Errorf("%w: %s is closed", ErrJournal, j.path)
	}
	line, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("%w: encode a record: %w", ErrJournal, err)
	}
	// One write call per record on a file opened for appending: a crash
	// never leaves half a record behind a whole one, and nothing written
	// is ever overwritten.
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
func memoryJournal() *Journal {
	return &Journal{index: newLedger(), since: map[uint64]int64{}, pending: map[uint64]int64{}}
}

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
