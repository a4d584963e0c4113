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
// A Journal is an append-only file of JSON lines, locked by one run at a
// time (see OpenJournal). A "start" record is written just before an item's
// request leaves, after the client's rate limiter has let it go; after it,
// "done", "skipped", "failed" or "doubt". A rerun with the same journal
// skips what is done or skipped and retries what failed.
//
// # In doubt versus failed
//
// An item is Failed only when its change is known not to have been made:
// the server refused it (a 4xx other than 408 and 429), or the request was
// never sent (a connection refused, the rate limiter or the parameters
// stopped it). An error after the request may have reached the server (a
// 5xx or 408, a connection broken after the request was written, an answer
// cut short, a timeout or a stop after sending, a process killed between
// the start record and the outcome) leaves it InDoubt: the change may have
// been made. A rerun never acts blindly on an item in doubt. When the
// action has a Check, the rerun asks the API first and acts only if the
// change did not land (ForcePasswordReset reads the user's sessions and
// password time; Ban, Unban, Lock and Unlock read the user's flags; Delete
// looks the user up); when the API cannot tell, or the action has no Check
// and is not Repeatable, the item is reported again, by name, as in doubt.
// Options.RetryInDoubt acts on those anyway, at the risk of making the
// change twice.
//
// Transient errors never fail an item: a 429 means the change was not
// made, so it is sent again; lookups (which only read) are retried after
// 429s, 5xx and broken connections; both within Options.RetryFor and paced
// by the client's limiter. A lookup of a hundred addresses that the server
// refuses is split, so that only the targets it cannot resolve fail.
//
// Crash safety: every record is written with one write system call to a
// file opened for appending, so a process that crashes or is killed loses
// nothing it recorded. With SyncEach (the default) each record is also
// flushed to the disk with fsync before the run goes on, so a power loss or
// kernel crash loses nothing either; a torn last line is dropped on
// reading. SyncNever leaves flushing to the operating system, which is
// faster and still survives a crash of the process, but not of the
// machine.
//
// # Stopping
//
// When the context passed to Run ends, no new item is started, and items
// still waiting for the rate limiter are not sent; items whose request was
// already sent finish (within Options.StopGrace) and are recorded. Items
// not sent are counted as interrupted, and are simply run by the next run.
package batch
