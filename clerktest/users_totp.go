package clerktest

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base32"
	"encoding/binary"
	"fmt"
	"strings"
	"time"
)

// totpStep is the RFC 6238 time step authenticator apps use, and totpSkew
// the steps either side of now that still verify (clock drift).
const (
	totpStep = 30 * time.Second
	totpSkew = 1
)

// totpValid reports whether code is the 6-digit RFC 6238 code (HMAC-SHA1,
// 30 s steps) of the base32 secret at now, or one step either side. A
// secret that is not base32 verifies nothing.
func totpValid(secret, code string, now time.Time) bool {
	secret = strings.ToUpper(strings.ReplaceAll(secret, " ", ""))
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.TrimRight(secret, "="))
	if err != nil || len(key) == 0 || len(code) != 6 {
		return false
	}
	step := now.Unix() / int64(totpStep/time.Second)
	for d := int64(-totpSkew); d <= totpSkew; d++ {
		if subtle.ConstantTimeCompare([]byte(hotp(key, uint64(step+d))), []byte(code)) == 1 {
			return true
		}
	}
	return false
}

// hotp is the RFC 4226 6-digit code of key for counter.
func hotp(key []byte, counter uint64) string {
	mac := hmac.New(sha1.New, key)
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	off := sum[len(sum)-1] & 0x0f
	n := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	return fmt.Sprintf("%06d", n%1_000_000)
}
