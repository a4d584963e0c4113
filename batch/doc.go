// Package batch runs an admin action over a stream of users, as many at a
// time as asked, through a clerk.Client (and so through its rate limiter,
// see clerk.WithRateLimit), with a journal that makes a rerun resume.
//
// Targets are user IDs (user_...) or email addresses, one per line of a file
// or of standard input (FromReader), or a slice (FromSlice). They are read
// as the workers need them and never held: what a run keeps per target is
// one slot of its ledger (a 64-bit hash and a state, about 18 bytes with the
// table's slack; 19 MB for a million targets, against about 100 MB to hold
// the list), which keeps a duplicate or a resumed target from running twice.
// Email addresses are resolved a hundred at a time, one request per hundred.
//
// # Journal
//
// A Journal is an append-only file of JSON lines. Before an item's change is
// sent, a "start" record is written; after it, "done", "skipped" or "failed".
// A rerun with the same journal skips what is done or skipped, retries what
// failed, and for an item that was started but has no outcome (the process
// died in between) either runs it again, when the Action is Repeatable, or
// reports it as failed "in doubt" without sending anything, when repeating
// could harm (a forced password reset would revoke the sessions the user
// opened since). A journal belongs to one action: resuming it with another
// is an error.
//
// Crash safety: every record is written with one write system call, so a
// process that crashes or is killed loses nothing it recorded. With SyncEach
// (the default) each record is also flushed to the disk with fsync before
// the run goes on, so a power loss or kernel crash loses nothing either; a
// torn last line is ignored on reading. SyncNever leaves flushing to the
// operating system, which is faster and still survives a crash of the
// process, but not of the machine.
//
// # Stopping
//
// When the context passed to Run ends, no new item is started; items whose
// change was already started finish (within Options.StopGrace) and are
// recorded. Items not started are counted as interrupted, and are simply
// run by the next run.
package batch
