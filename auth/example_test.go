package auth_test

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/clerkgo/clerk/auth"
)

// Example protects a net/http handler: Middleware authenticates every
// request, Require answers 401/403, and handlers read the Auth.
func Example() {
	// In production JWTKey is the PEM from the Clerk dashboard (or set
	// Client to use the JWKS); here a throw-away key signs a test token.
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		log.Fatal(err)
	}
	der, _ := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	v, err := auth.New(auth.Config{
		JWTKey:            string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})),
		AuthorizedParties: []string{"https://app.example.com"},
	})
	if err != nil {
		log.Fatal(err)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/me", func(w http.ResponseWriter, r *http.Request) {
		a := auth.FromContext(r.Context())
		fmt.Fprintf(w, "hello %s (%s in %s)", a.UserID, a.OrgRole, a.OrgID)
	})
	handler := auth.Middleware(v)(auth.Require(auth.Role("org:admin"))(mux))
	srv := httptest.NewServer(handler)
	defer srv.Close()

	token := mintExampleToken(priv, map[string]any{
		"sub": "user_123", "sid": "sess_1", "sts": "active", "azp": "https://app.example.com",
		"exp": time.Now().Add(time.Minute).Unix(), "iat": time.Now().Unix(),
		"v": 2, "o": map[string]any{"id": "org_1", "rol": "admin"},
	})
	for _, authz := range []string{"", "Bearer " + token} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/me", nil)
		if authz != "" {
			req.Header.Set("Authorization", authz)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			log.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, string(body))
	}
	// Output:
	// 401 {"error":"unauthenticated","reason":"session-token-and-uat-missing"}
	//
	// 200 hello user_123 (org:admin in org_1)
}

// mintExampleToken signs claims as an RS256 JWT, as Clerk would.
func mintExampleToken(key *rsa.PrivateKey, claims map[string]any) string {
	h, _ := json.Marshal(map[string]string{"alg": "RS256", "typ": "JWT", "kid": "ins_example"})
	c, _ := json.Marshal(claims)
	in := base64.RawURLEncoding.EncodeToString(h) + "." + base64.RawURLEncoding.EncodeToString(c)
	sum := sha256.Sum256([]byte(in))
	sig, _ := rsa.SignPKCS1v15(nil, key, crypto.SHA256, sum[:])
	return in + "." + base64.RawURLEncoding.EncodeToString(sig)
}

// ExampleVerifier_VerifySessionToken shows the typed failure of a token.
func ExampleVerifier_VerifySessionToken() {
	priv, _ := rsa.GenerateKey(rand.Reader, 2048)
	der, _ := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	v, _ := auth.New(auth.Config{JWTKey: base64.StdEncoding.EncodeToString(der)}) // PEM body without armour

	expired := mintExampleToken(priv, map[string]any{"sub": "user_1", "exp": time.Now().Add(-time.Hour).Unix()})
	_, err := v.VerifySessionToken(context.Background(), expired)
	var te *auth.TokenError
	if errors.As(err, &te) {
		fmt.Println(te.Reason, errors.Is(err, auth.ErrTokenExpired))
	}
	// Output: token-expired true
}

// ExampleAuth_SessionClaims reads a custom claim of the session token in a
// handler. Each call returns the handler's own copy of the claims.
func ExampleAuth_SessionClaims() {
	priv, _ := rsa.GenerateKey(rand.Reader, 2048)
	der, _ := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	v, _ := auth.New(auth.Config{JWTKey: base64.StdEncoding.EncodeToString(der)})

	h := auth.Middleware(v)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims := auth.FromContext(r.Context()).SessionClaims()
		if claims == nil {
			http.Error(w, "a session token is needed", http.StatusUnauthorized)
			return
		}
		var custom struct {
			Email string `json:"email"`
		}
		if err := claims.Decode(&custom); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		fmt.Fprintln(w, claims.Subject, custom.Email)
	}))

	token := mintExampleToken(priv, map[string]any{
		"sub": "user_123", "sid": "sess_1", "email": "ada@example.com",
		"exp": time.Now().Add(time.Minute).Unix(), "iat": time.Now().Unix(),
	})
	r := httptest.NewRequest(http.MethodGet, "/me", nil)
	r.Header.Set("Authorization", "Bearer "+token)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Print(w.Body.String())
	// Output: user_123 ada@example.com
}
