package webhooks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"time"
)

// Sign returns the svix-signature header value ("v1,<base64>") that Clerk
// would send for body under the given secret, delivery id and time. It serves
// tests and local emulators; an invalid secret yields ErrInvalidSecret. It
// signs what Verify checks: a body that is not valid UTF-8 is signed as the
// text it decodes to.
func Sign(secret, id string, ts time.Time, body []byte) (string, error) {
	key, err := decodeSecret(secret)
	if err != nil {
		return "", err
	}
	mac := hmac.New(sha256.New, key)
	writeSigned(mac, appendSignedPrefix(nil, id, ts.Unix()), body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
}
