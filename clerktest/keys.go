package clerktest

import (
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clerkgo/clerk/webhooks"
)

// keys are the emulator's credentials: fixed by options or generated.
type keys struct {
	secret        string
	publishable   string
	frontendAPI   string // https:// and the host the publishable key encodes
	machine       string
	machineID     string
	instanceID    string
	webhookSecret string
	key           *rsa.PrivateKey
	kid           string
	pubPEM        string
}

// newKeys fills the keys the configuration does not fix.
func newKeys(cfg config) (keys, error) {
	k := keys{
		secret:        cfg.secretKey,
		publishable:   cfg.publishableKey,
		machine:       "ak_" + randomString(40),
		machineID:     newID("mch"),
		instanceID:    newID("ins"),
		webhookSecret: cfg.webhookSecret,
		key:           cfg.signingKey,
	}
	if k.secret == "" {
		k.secret = "sk_test_" + randomString(40)
	} else if !strings.HasPrefix(k.secret, "sk_test_") && !strings.HasPrefix(k.secret, "sk_live_") || len(k.secret) < 12 {
		return keys{}, errors.New("clerktest: WithSecretKey: the key must start with sk_test_ or sk_live_ and be at least 12 characters")
	}
	if k.publishable == "" {
		host := "emulator-" + strings.ToLower(randomString(8)) + ".clerk.accounts.dev"
		k.publishable = "pk_test_" + base64.RawStdEncoding.EncodeToString([]byte(host+"$"))
	} else if !strings.HasPrefix(k.publishable, "pk_test_") && !strings.HasPrefix(k.publishable, "pk_live_") {
		return keys{}, errors.New("clerktest: WithPublishableKey: the key must start with pk_test_ or pk_live_")
	}
	host, err := publishableHost(k.publishable)
	if err != nil {
		return keys{}, err
	}
	k.frontendAPI = "https://" + host
	if k.webhookSecret == "" {
		k.webhookSecret = "whsec_" + base64.StdEncoding.EncodeToString([]byte(randomString(24)))
	}
	if _, err := webhooks.Sign(k.webhookSecret, "msg_check", time.Unix(0, 0), nil); err != nil {
		return keys{}, fmt.Errorf("clerktest: WithWebhookSecret: %w", err)
	}
	if k.key == nil {
		key, err := generateRSAKey()
		if err != nil {
			return keys{}, err
		}
		k.key = key
	}
	der, err := x509.MarshalPKIXPublicKey(&k.key.PublicKey)
	if err != nil {
		return keys{}, fmt.Errorf("clerktest: encode public key: %w", err)
	}
	k.pubPEM = string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
	if cfg.signingKey != nil {
		// A fixed key gets a fixed kid, so tokens stay verifiable across restarts.
		sum := sha256.Sum256(der)
		k.kid = "ins_" + base64.RawURLEncoding.EncodeToString(sum[:])[:27]
	} else {
		k.kid = "ins_" + randomString(27)
	}
	return k, nil
}

// parseSigningKey decodes a PEM RSA private key (PKCS#1 or PKCS#8).
func parseSigningKey(pemText []byte) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode(pemText)
	if block == nil {
		return nil, errors.New("clerktest: signing key: no PEM block")
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	anyKey, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, errors.New("clerktest: signing key: not an RSA private key in PKCS#1 or PKCS#8 form")
	}
	k, ok := anyKey.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("clerktest: signing key: not an RSA key")
	}
	if k.N.BitLen() < 2048 {
		return nil, errors.New("clerktest: signing key: RSA keys must have at least 2048 bits")
	}
	return k, nil
}

// SigningKeyPEM returns the PEM (PKCS#8) private key the emulator signs
// tokens with, so a standalone emulator's key can be saved and reused with
// WithSigningKey.
func (e *Emulator) SigningKeyPEM() string {
	der, err := x509.MarshalPKCS8PrivateKey(e.keys.key)
	if err != nil {
		return ""
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
}

// publishableHost decodes the Frontend API host a publishable key encodes
// (base64 of the host and a trailing "$").
func publishableHost(pk string) (string, error) {
	enc := strings.TrimPrefix(strings.TrimPrefix(pk, "pk_test_"), "pk_live_")
	raw, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(enc, "="))
	host, ok := strings.CutSuffix(string(raw), "$")
	if err != nil || !ok || host == "" || strings.ContainsAny(host, "/$ ") {
		return "", errors.New("clerktest: WithPublishableKey: the key must encode a Frontend API host (base64 of host + \"$\")")
	}
	return host, nil
}
