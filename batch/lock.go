package batch

import "errors"

// errLocked is lockFile's answer when another holder has the lock.
var errLocked = errors.New("locked by another holder")
