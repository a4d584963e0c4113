package main

import (
	"os"
	"testing"
)

func TestDevNullIsNotATerminal(t *testing.T) {
	t.Parallel()
	f, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Fatal("/dev/null taken for a terminal: the tool would prompt on it")
	}
	if isTerminal(new(int)) {
		t.Fatal("a non-file taken for a terminal")
	}
}
