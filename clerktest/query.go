package clerktest

import (
	"fmt"
	"math"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/clerkgo/clerk"
)

// Query decoding: list handlers read their query through the SDK's params
// types (users.ListParams, ...), whose url tags name each parameter once
// for the SDK that encodes it and the emulator that decodes it.

var (
	optStringType = reflect.TypeFor[clerk.Opt[string]]()
	optBoolType   = reflect.TypeFor[clerk.Opt[bool]]()
	optInt64Type  = reflect.TypeFor[clerk.Opt[int64]]()
	listParamType = reflect.TypeFor[clerk.ListParams]()
)

// decodeQuery fills dst, a pointer to a params struct, from the request's
// query by the fields' url tags: a string or clerk.Opt[string] takes the
// first value, a []string every value (name or name[], split on commas
// for a comma tag), a clerk.Opt[bool]
// true or false, a clerk.Opt[int64] an integer. An empty value counts as
// absent; a parameter dst does not name is ignored, as Clerk ignores it;
// a malformed value is a 422 naming the parameter.
func decodeQuery(c *call, dst any) error {
	return decodeQueryInto(c.query, reflect.ValueOf(dst).Elem(), false)
}

// decodeQueryInto fills the struct v. lenient accepts an integral float
// (limit=10.0) for the embedded clerk.ListParams, as the page size always
// was.
func decodeQueryInto(q url.Values, v reflect.Value, lenient bool) error {
	t := v.Type()
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if err := decodeQueryInto(q, fv, f.Type == listParamType); err != nil {
				return err
			}
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("url"), ",")
		if name == "" || name == "-" {
			continue
		}
		if err := setQueryField(q, name, slices.Contains(strings.Split(opts, ","), "comma"), fv, lenient); err != nil {
			return err
		}
	}
	return nil
}

// setQueryField sets the field fv of parameter name; comma splits each
// value of a list on commas, as go-querystring's comma option joins them.
func setQueryField(q url.Values, name string, comma bool, fv reflect.Value, lenient bool) error {
	s := q.Get(name)
	switch fv.Type() {
	case reflect.TypeFor[[]string]():
		vals := queryList(q, name)
		if comma {
			var split []string
			for _, v := range vals {
				split = append(split, strings.Split(v, ",")...)
			}
			vals = split
		}
		if len(vals) > 0 {
			fv.Set(reflect.ValueOf(vals))
		}
		return nil
	case reflect.TypeFor[string]():
		fv.SetString(s)
		return nil
	}
	if s == "" {
		return nil
	}
	switch fv.Type() {
	case optStringType:
		fv.Set(reflect.ValueOf(clerk.String(s)))
	case optBoolType:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return invalidParam(name, name+" must be true or false.")
		}
		fv.Set(reflect.ValueOf(clerk.Bool(b)))
	case optInt64Type:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil && lenient {
			fl, ferr := strconv.ParseFloat(s, 64)
			if ferr == nil && fl == math.Trunc(fl) && math.Abs(fl) < 1<<53 {
				n, err = int64(fl), nil
			}
		}
		if err != nil {
			return invalidParam(name, name+" must be an integer.")
		}
		fv.Set(reflect.ValueOf(clerk.Int64(n)))
	default:
		return fmt.Errorf("clerktest: query parameter %s has a type the decoder does not know (%s)", name, fv.Type())
	}
	return nil
}

// decodeListQuery is decodeQuery for a list's params type followed by
// pageOfParams on its embedded clerk.ListParams (lp), the opening of most
// list handlers.
func decodeListQuery(c *call, dst any, lp *clerk.ListParams, max int) (limit, offset int, err error) {
	if err := decodeQuery(c, dst); err != nil {
		return 0, 0, err
	}
	return pageOfParams(*lp, max)
}

// pageOfParams is the page a list's clerk.ListParams asks for: limit
// (default 10, 1..max) and offset (default 0, >= 0).
func pageOfParams(lp clerk.ListParams, max int) (limit, offset int, err error) {
	limit, offset = 10, 0
	if n, ok := lp.Limit.Get(); ok {
		if n < 1 || n > int64(max) {
			return 0, 0, invalidParam("limit", "limit must be an integer between 1 and "+strconv.Itoa(max)+".")
		}
		limit = int(n)
	}
	if n, ok := lp.Offset.Get(); ok {
		if n < 0 {
			return 0, 0, invalidParam("offset", "offset must be a non-negative integer.")
		}
		offset = int(n)
	}
	return limit, offset, nil
}
