// Package bench holds the benchmarks that compare the SDK with its peers
// (clerk-sdk-go, the svix library) and with hand-written net/http calls.
//
// It is a module of its own so that the peers never enter the SDK's module
// graph. Every comparison is paired: each iteration runs one call of each
// side, so both see the same machine load, and the benchmark reports the
// ratio of their times as a metric. The results and the commands that
// reproduce them are in BENCHMARKS.md at the repository root.
package bench
