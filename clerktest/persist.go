package clerktest

func (e *Emulator) loadInitialState(cfg config) error {
	if cfg.seed {
		e.seed()
	}
	return nil
}

// SaveState writes the emulator's state to path.
func (e *Emulator) SaveState(path string) error { return nil }
