package auth

import "github.com/clerkgo/clerk/auth/internal/jwt"

// VerificationLevel is how many factors a reverification requires.
type VerificationLevel string

// The verification levels Clerk knows.
const (
	FirstFactor  VerificationLevel = "first_factor"
	SecondFactor VerificationLevel = "second_factor"
	MultiFactor  VerificationLevel = "multi_factor"
)

// The reverification presets, named as in Clerk's SDKs.
const (
	StrictMFA = "strict_mfa" // multi_factor within 10 minutes
	Strict    = "strict"     // second_factor within 10 minutes
	Moderate  = "moderate"   // second_factor within 60 minutes
	Lax       = "lax"        // second_factor within 1440 minutes
)

// presets maps each preset to its level and freshness in minutes.
func preset(name string) (VerificationLevel, float64, bool) {
	switch name {
	case StrictMFA:
		return MultiFactor, 10, true
	case Strict:
		return SecondFactor, 10, true
	case Moderate:
		return SecondFactor, 60, true
	case Lax:
		return SecondFactor, 1440, true
	}
	return "", 0, false
}

// Reverification requires that the user verified recently, by preset name
// (StrictMFA, Strict, Moderate, Lax). An unknown name never passes.
func Reverification(presetName string) Check {
	return Check{kind: checkReverification, value: presetName}
}

// ReverificationWithin requires that the user verified at the given level
// less than afterMinutes minutes ago. A level Clerk does not know, or a
// non-positive afterMinutes, never passes.
func ReverificationWithin(level VerificationLevel, afterMinutes float64) Check {
	return Check{kind: checkReverification, level: level, minutes: afterMinutes}
}

// config returns the level and freshness a reverification check asks for.
func (c Check) config() (VerificationLevel, float64, bool) {
	if c.value != "" {
		return preset(c.value)
	}
	switch c.level {
	case FirstFactor, SecondFactor, MultiFactor:
	default:
		return "", 0, false
	}
	return c.level, c.minutes, c.minutes > 0
}

// reverified applies Clerk's reverification rule to the fva claim: -1
// means a factor group is not enrolled, and a missing second factor falls
// back to the first.
func reverified(fva jwt.FvaClaim, c Check) bool {
	if !fva.Valid {
		return false
	}
	level, after, ok := c.config()
	if !ok {
		return false
	}
	f1, f2 := fva.Ages[0], fva.Ages[1]
	if f1 == -1 && f2 == -1 {
		return false
	}
	fresh1 := f1 != -1 && after > f1
	fresh2 := f2 != -1 && after > f2
	switch level {
	case FirstFactor:
		return fresh1
	case SecondFactor:
		if f2 == -1 {
			return fresh1
		}
		return fresh2
	case MultiFactor:
		if f2 == -1 {
			return fresh1
		}
		if f1 == -1 {
			return false
		}
		return fresh1 && fresh2
	}
	return false
}

// reverificationHint is the JSON body Clerk's SDKs answer with when a
// reverification is missing; Clerk's frontend components read it to prompt
// the user.
type reverificationHint struct {
	ClerkError reverificationError `json:"clerk_error"`
}

type reverificationError struct {
	Type     string                 `json:"type"`
	Reason   string                 `json:"reason"`
	Metadata reverificationMetadata `json:"metadata"`
}

type reverificationMetadata struct {
	Reverification any `json:"reverification,omitempty"`
}

// reverificationConfig is the object form of a custom reverification.
type reverificationConfig struct {
	Level        VerificationLevel `json:"level"`
	AfterMinutes float64           `json:"afterMinutes"`
}

// hint builds the payload for a failed reverification check.
func (c Check) hint() reverificationHint {
	var cfg any = c.value
	if c.value == "" {
		cfg = reverificationConfig{Level: c.level, AfterMinutes: c.minutes}
	}
	return reverificationHint{ClerkError: reverificationError{
		Type: "forbidden", Reason: "reverification-error",
		Metadata: reverificationMetadata{Reverification: cfg},
	}}
}
