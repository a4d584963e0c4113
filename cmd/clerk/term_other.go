//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package main

// isTerminalFd cannot tell on this system, so the tool never prompts and
// never draws a progress bar there: --yes is needed for destructive commands.
func isTerminalFd(uintptr) bool { return false }
