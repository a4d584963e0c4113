package clerktest

import (
	"encoding/json"

	"github.com/clerkgo/clerk"
)

// mergeMetadata applies patch to dst the way Clerk's metadata PATCH does:
// a null value deletes the key, an object merges into an object recursively,
// anything else replaces. dst is modified and returned (allocated if nil).
func mergeMetadata(dst, patch map[string]any) map[string]any {
	if dst == nil {
		dst = map[string]any{}
	}
	for k, v := range patch {
		if v == nil {
			delete(dst, k)
			continue
		}
		if pm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				dst[k] = mergeMetadata(dm, pm)
				continue
			}
			dst[k] = mergeMetadata(nil, pm)
			continue
		}
		dst[k] = v
	}
	return dst
}

// cloneMetadata deep-copies a metadata object through JSON, so responses
// never alias the emulator's state. nil becomes an empty object.
func cloneMetadata(m map[string]any) map[string]any {
	out := map[string]any{}
	if m == nil {
		return out
	}
	b, err := json.Marshal(m)
	if err != nil {
		return out
	}
	_ = json.Unmarshal(b, &out)
	return out
}

// metaJSON encodes metadata for a model field: an absent map is {}.
func metaJSON(m map[string]any) clerk.JSON {
	b, err := json.Marshal(cloneMetadata(m))
	if err != nil {
		return clerk.JSON("{}")
	}
	return clerk.JSON(b)
}

// anyJSON encodes a free-form value for a model field (nil is null).
func anyJSON(v any) clerk.JSON {
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return clerk.JSON(b)
}

// metadataSlot pairs a metadata parameter with the map it sets.
type metadataSlot struct {
	v   *clerk.Opt[map[string]any]
	dst *map[string]any
}

// applyMetadata applies the metadata parameters of a PATCH (merge: each
// object is merged in, null leaves it alone) or a PUT (each object
// replaces, null clears); an absent one changes nothing.
func applyMetadata(merge bool, slots []metadataSlot) {
	for _, s := range slots {
		v, ok := s.v.Get()
		switch {
		case s.v.IsOmitted() || merge && !ok:
		case merge:
			*s.dst = mergeMetadata(*s.dst, v)
		default:
			*s.dst = v
		}
	}
}
