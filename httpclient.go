package clerk

import (
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultMaxResponseBytes bounds how much of a successful answer the client
// reads (WithMaxResponseBytes changes it). The largest Backend API answers,
// pages of 500 users, are a few megabytes; 64 MiB leaves a wide margin while
// keeping a broken or hostile server from exhausting memory.
const DefaultMaxResponseBytes int64 = 64 << 20

// Pool sizes of the default transport. A Client is meant to be shared by
// every goroutine of a service, so it keeps enough idle connections to the
// one host it talks to for that many concurrent calls, instead of the two
// that net/http keeps per host by default (each extra connection to the
// real API is a new TLS handshake).
const (
	defaultMaxIdleConns        = 256
	defaultMaxIdleConnsPerHost = 128
	defaultIdleConnTimeout     = 90 * time.Second
)

// pooledTransport returns the transport of the default inner client: the
// standard library's defaults (proxy from the environment, dial and TLS
// timeouts, HTTP/2) with a connection pool sized for concurrent use.
func pooledTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = defaultMaxIdleConns
	t.MaxIdleConnsPerHost = defaultMaxIdleConnsPerHost
	t.IdleConnTimeout = defaultIdleConnTimeout
	return t
}

// refuseRedirect is the inner client's CheckRedirect: it hands the 3xx
// answer back instead of following it, and the client turns that answer
// into an ErrRedirect error.
func refuseRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// Read buffers of successful answers are kept for reuse by the Client that
// read them, up to this size; a larger one (a rare huge page) is dropped so
// an idle client does not hold on to it.
const (
	initialBufferSize = 32 << 10
	maxPooledBuffer   = 4 << 20
)

// bufferPool keeps the read buffers of one Client. One buffer is held
// outside the sync.Pool, which the garbage collector empties: a client
// reading large pages would otherwise grow a new buffer after every
// collection, and that garbage would bring the next collection sooner.
type bufferPool struct {
	spare atomic.Pointer[[]byte]
	pool  sync.Pool
}

// newBufferPool returns the read buffers of a new Client.
func newBufferPool() *bufferPool { return &bufferPool{} }

// get returns an empty buffer.
func (p *bufferPool) get() *[]byte {
	if b := p.spare.Swap(nil); b != nil {
		return b
	}
	if b, ok := p.pool.Get().(*[]byte); ok {
		return b
	}
	b := make([]byte, 0, initialBufferSize)
	return &b
}

// put keeps a buffer for a later call.
func (p *bufferPool) put(b *[]byte) {
	if !p.spare.CompareAndSwap(nil, b) {
		p.pool.Put(b)
	}
}

// releaseBuffer returns a read buffer to the client's pool once its answer
// has been decoded.
func (c *Client) releaseBuffer(pooled *[]byte, used []byte) {
	if cap(used) > maxPooledBuffer {
		return
	}
	*pooled = used[:0]
	c.bufs.put(pooled)
}
