package batch

// ledger maps 64-bit hashes of target keys and user IDs to their state. It
// is an open-addressing table of 9 bytes a slot, kept between 3/8 and 3/4
// full, so a million targets cost about 12 to 24 MB; a Go map of the same
// costs about twice that.
type ledger struct {
	keys   []uint64 // 0 marks an empty slot
	states []state
	n      int
}

func newLedger() *ledger { return &ledger{keys: make([]uint64, 1024), states: make([]state, 1024)} }

// slot finds h's slot, or the empty slot where it belongs.
func (l *ledger) slot(h uint64) int {
	mask := len(l.keys) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		if l.keys[i] == h || l.keys[i] == 0 {
			return i
		}
	}
}

func fixHash(h uint64) uint64 {
	if h == 0 {
		return 1 // 0 marks an empty slot
	}
	return h
}

func (l *ledger) get(h uint64) state {
	h = fixHash(h)
	i := l.slot(h)
	if l.keys[i] == 0 {
		return stateNone
	}
	return l.states[i]
}

// set records st for h; setting stateNone keeps the slot, which reads as
// absent.
func (l *ledger) set(h uint64, st state) {
	h = fixHash(h)
	i := l.slot(h)
	if l.keys[i] == 0 {
		if st == stateNone {
			return
		}
		if (l.n+1)*4 > len(l.keys)*3 {
			l.grow()
			i = l.slot(h)
		}
		l.keys[i] = h
		l.n++
	}
	l.states[i] = st
}

func (l *ledger) grow() {
	keys, states := l.keys, l.states
	l.keys, l.states = make([]uint64, 2*len(keys)), make([]state, 2*len(keys))
	for i, k := range keys {
		if k != 0 {
			j := l.slot(k)
			l.keys[j], l.states[j] = k, states[i]
		}
	}
}
