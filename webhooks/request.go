package webhooks

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// VerifyRequest reads r's body (at most the verifier's maximum body size),
// verifies its signature headers and parses the event. The returned Event's
// ID is the svix-id header. An oversized body is an error wrapping
// ErrBodyTooLarge.
func (v *Verifier) VerifyRequest(r *http.Request) (*Event, error) {
	body, err := v.readBody(r)
	if err != nil {
		v.refusedBody(r.Context(), err)
		return nil, err
	}
	return v.verifyAndParse(r.Context(), body, r.Header)
}

func (v *Verifier) verifyAndParse(ctx context.Context, body []byte, h http.Header) (*Event, error) {
	if err := v.verify(ctx, body, h); err != nil {
		return nil, err
	}
	e, err := Parse(body)
	if err != nil {
		return nil, err
	}
	e.ID = header(h, HeaderID, altHeaderID)
	return e, nil
}

// readBody reads up to maxBody bytes and fails if there is more.
func (v *Verifier) readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	if r.ContentLength > v.maxBody {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrBodyTooLarge, r.ContentLength, v.maxBody)
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, v.maxBody+1))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, fmt.Errorf("%w: limit %d", ErrBodyTooLarge, v.maxBody)
		}
		return nil, fmt.Errorf("webhooks: reading body: %w", err)
	}
	if int64(len(body)) > v.maxBody {
		return nil, fmt.Errorf("%w: limit %d", ErrBodyTooLarge, v.maxBody)
	}
	return body, nil
}
