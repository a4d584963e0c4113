package clerktest

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
)

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// newID returns prefix_ followed by 27 random alphanumeric characters, the
// shape of Clerk's object IDs.
func newID(prefix string) string {
	return prefix + "_" + randomString(27)
}

// randomString returns n random characters from base62.
func randomString(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	for i := range b {
		b[i] = base62[int(b[i])%len(base62)]
	}
	return string(b)
}

// newHexID returns prefix_ followed by 32 random hex digits, the shape of
// API key and M2M token IDs.
func newHexID(prefix string) string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return prefix + "_" + hex.EncodeToString(b)
}

// stableID returns prefix_ and 27 characters derived from name, the same on
// every run: the ID of a built-in object such as a default role.
func stableID(prefix, name string) string {
	sum := sha256.Sum256([]byte(name))
	b := make([]byte, 27)
	for i := range b {
		b[i] = base62[int(sum[i])%len(base62)]
	}
	return prefix + "_" + string(b)
}
