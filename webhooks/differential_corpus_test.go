package webhooks_test

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// svixCorpus returns the crafted deliveries of the differential test: one
// family per part of a delivery, each form signed both by svix and over the
// raw bytes, then a seeded random walk that combines and mutates them.
func svixCorpus() []diffCase {
	var cs []diffCase
	add := func(c diffCase) { cs = append(cs, c) }
	now := strconv.FormatInt(diffNow, 10)
	// Both signatures: svix's (over what it signs) and the raw one.
	bothSigs := func(name string, c diffCase) {
		for _, sig := range []string{"v1,SVIXSIG", "v1,RAWSIG"} {
			c := c.clone()
			c.name = name + " / " + sig
			c.set("Svix-Signature", sig)
			add(c)
		}
	}

	for _, ts := range timestampForms(now) {
		bothSigs(fmt.Sprintf("timestamp %q", ts), base().with("Svix-Timestamp", ts))
	}
	for _, sig := range signatureForms() {
		add(base().named(fmt.Sprintf("signature %q", sig)).with("Svix-Signature", sig))
	}
	for _, vs := range [][]string{{"v1,AAAA", "v1,SVIXSIG"}, {"v1,SVIXSIG", "v1,AAAA"}, {"v1,SVIXSIG", ""}, {"", "v1,SVIXSIG"}, {"v1,SVIXSIG,", "x"}, {"v2,x", "v1,SVIXSIGRAW"}} {
		add(base().named(fmt.Sprintf("signature values %q", vs)).with("Svix-Signature", vs...))
	}
	for _, s := range secretForms() {
		c := base().named(fmt.Sprintf("secret %q signed with %q", s.secret, s.signedWith))
		c.secret, c.signSecret = s.secret, s.signedWith
		add(c)
	}
	for i, body := range bodyForms() {
		c := base()
		c.body = body
		bothSigs(fmt.Sprintf("body %d %q", i, truncate(body)), c)
	}
	for _, id := range idForms() {
		bothSigs(fmt.Sprintf("id %q", truncate([]byte(id))), base().with("Svix-Id", id))
	}
	for _, c := range layoutForms(now) {
		add(c)
	}
	for _, c := range tamperForms(now) {
		add(c)
	}
	for _, c := range clockForms() {
		add(c)
	}
	cs = append(cs, randomForms(1500, now)...)
	for i := range cs {
		cs[i].fill()
	}
	return cs
}

// base is a delivery svix accepts: the reference everything else mutates.
func base() diffCase {
	return diffCase{
		name:    "base",
		secret:  diffSecret,
		headers: [][2]string{{"Svix-Id", diffID}, {"Svix-Timestamp", strconv.FormatInt(diffNow, 10)}, {"Svix-Signature", "v1,SVIXSIG"}},
		body:    diffBody,
	}
}

func (c diffCase) clone() diffCase {
	c.headers = append([][2]string(nil), c.headers...)
	c.body = append([]byte(nil), c.body...)
	return c
}

func (c diffCase) named(name string) diffCase {
	c.name = name
	return c
}

// with returns a copy whose header name (any case) has the given values
// (none removes it), in place of the first value.
func (c diffCase) with(name string, values ...string) diffCase {
	c = c.clone()
	c.set(name, values...)
	return c
}

func (c *diffCase) set(name string, values ...string) {
	var out [][2]string
	placed := false
	for _, kv := range c.headers {
		if !strings.EqualFold(kv[0], name) {
			out = append(out, kv)
			continue
		}
		if !placed {
			for _, v := range values {
				out = append(out, [2]string{kv[0], v})
			}
			placed = true
		}
	}
	if !placed {
		for _, v := range values {
			out = append(out, [2]string{name, v})
		}
	}
	c.headers = out
}

// value joins the values of the first of names present, as a Node server does.
func (c *diffCase) value(names ...string) string {
	for _, name := range names {
		var vs []string
		for _, kv := range c.headers {
			if strings.EqualFold(kv[0], name) {
				vs = append(vs, kv[1])
			}
		}
		if vs != nil {
			return strings.Join(vs, ", ")
		}
	}
	return ""
}

// fill sets the defaults and replaces RAWSIG by the raw signature.
func (c *diffCase) fill() {
	if c.signSecret == "" {
		c.signSecret = diffSecret
	}
	if c.nowMS == 0 {
		c.nowMS = diffNow * 1000
	}
	id, ts, body := c.value("svix-id", "webhook-id"), c.value("svix-timestamp", "webhook-timestamp"), c.body
	if c.sign != nil {
		if c.sign.id != nil {
			id = *c.sign.id
		}
		if c.sign.ts != nil {
			ts = *c.sign.ts
		}
		if c.sign.body != nil {
			body = c.sign.body
		}
	}
	raw := rawSignature(canonicalSecret(c.signSecret), id, ts, body)
	for i := range c.headers {
		c.headers[i][1] = strings.ReplaceAll(c.headers[i][1], "RAWSIG", raw)
	}
}

// canonicalSecret is the signing secret itself when it is canonical, else
// diffSecret (the raw signature then simply fails).
func canonicalSecret(s string) string {
	if _, err := base64.StdEncoding.Strict().DecodeString(strings.TrimPrefix(s, "whsec_")); err == nil && strings.HasPrefix(s, "whsec_") {
		return s
	}
	return diffSecret
}

func truncate(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + fmt.Sprintf("...(%d bytes)", len(b))
	}
	return string(b)
}

func timestampForms(now string) []string {
	n, _ := strconv.ParseInt(now, 10, 64)
	off := func(d int64) string { return strconv.FormatInt(n+d, 10) }
	return []string{
		now, "0" + now, "000" + now, strings.Repeat("0", 500) + now, "+" + now, "+0" + now, "-" + now, "-0",
		"0", "00", " " + now, "  " + now, "\t" + now, "\n" + now, "\v" + now, "\f" + now, "\r" + now,
		"\xa0" + now, "\xc2\xa0" + now, "\x85" + now, "\x00" + now, now + " ", now + "\t", now + "abc", now + ".5",
		now + ".999", now + ".", "." + now, now + "e3", now + "-1", now + ",", now + ", " + now, now + "\x00",
		now + "\xff", "0x" + now, "1e9", "+-" + now, "--" + now, "++" + now, "+ " + now, "- " + now, "", " ",
		"+", "-", "abc", "\u0661\u0667\u0666\u0667", "\uff11\uff17\uff16\uff17" + now, now[:len(now)-1], now + "0",
		"99999999999999999999", "-99999999999999999999", "9223372036854775807", "9223372036854775808",
		"-9223372036854775808", "18446744073709551616", "1" + strings.Repeat("0", 400), off(300), off(-300),
		off(301), off(-301), "+" + off(300), "000" + off(-300), off(300) + ".999", off(-301) + ".5", "1_767_225_600",
		"1,767,225,600", now[:1] + " " + now[1:],
	}
}

func signatureForms() []string {
	long := "v1," + strings.Repeat("A", 10000)
	return []string{
		"v1,SVIXSIG", "v1,SVIXSIG,", "v1,SVIXSIG,extra", "v1,SVIXSIG,v1,AAAA", "v1,SVIXSIG,,", "v1,SVIXSIG=",
		"v1,SVIXSIG==", "v1,SVIXSIGRAW", "v1,SVIXSIGNC", "v1,SVIXSIGURL", "v1,SVIXSIGAAAA", "v1, SVIXSIG",
		"v1 ,SVIXSIG", "V1,SVIXSIG", "v2,SVIXSIG", "v1a,SVIXSIG", ",v1,SVIXSIG", "v1,,SVIXSIG", "v1;SVIXSIG",
		"v1=SVIXSIG", "SVIXSIG", " v1,SVIXSIG", "v1,SVIXSIG ", "  v1,SVIXSIG  ", "v1,SVIXSIG\t", "\tv1,SVIXSIG",
		"v1,SVIXSIG\tv1,AAAA", "v1,AAAA\tv1,SVIXSIG", "v1,AAAA v1,SVIXSIG", "v1,SVIXSIG v1,AAAA",
		"v1,AAAA  v1,SVIXSIG", "v2,xxx v1,SVIXSIG", "v1,SVIXSIG\x00", "v1,SVIXSIG\xa0", "\xa0v1,SVIXSIG",
		"v1,SVIXSIG v1,SVIXSIG", long + " v1,SVIXSIG", "v1,SVIXSIG " + long, "v1,", ",", " ", "   ", "v1",
		"v1,SVIXSIG;v1", "v1,RAWSIG", "v1,SVIXSIGRAW=", "v1,SVIXSIGNC v1,SVIXSIGURL", "v1,\xc3\xa9SVIXSIG",
		"v1,SVIXSIG,\xff", "\xffv1,SVIXSIG", "v1,SVIXSIG\r\nv1,AAAA",
	}
}

type secretForm struct{ secret, signedWith string }

func secretForms() []secretForm {
	k := strings.TrimPrefix(diffSecret, "whsec_")                                                           // 24 bytes: 32 characters, no padding
	k16 := base64.StdEncoding.EncodeToString([]byte("sixteen byte key"))                                    // ends "=="
	k32 := base64.StdEncoding.EncodeToString([]byte("a thirty-two byte key for tests!"))                    // ends "="
	kURL := base64.StdEncoding.EncodeToString([]byte{0xfb, 0xff, 0xbf, 0xfe, 0x3e, 0xff, 0x01, 0x02, 0x03}) // has + and /
	flip := func(s string, mask int) string {
		const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
		body := strings.TrimRight(s, "=")
		last := strings.IndexByte(alphabet, body[len(body)-1])
		return body[:len(body)-1] + string(alphabet[last^mask]) + s[len(body):]
	}
	same := func(secrets ...string) []secretForm {
		out := make([]secretForm, len(secrets))
		for i, s := range secrets {
			out[i] = secretForm{s, diffSecret}
		}
		return out
	}
	forms := same(
		diffSecret, k, " "+diffSecret, diffSecret+" ", diffSecret+"\n", "\t"+diffSecret, "whsec_ "+k,
		diffSecret+"=", diffSecret+"==", diffSecret+"===", "whsec_whsec_"+k, "WHSEC_"+k, diffSecret[:len(diffSecret)-1],
		diffSecret[:len(diffSecret)-3], diffSecret+"!", diffSecret+"é", diffSecret+"😀", diffSecret+"\xff",
		diffSecret+"\xe2\x82", diffSecret+"\xc3", diffSecret+"=!", diffSecret+"-", diffSecret+"_", diffSecret+"A=",
		diffSecret+"AB=", diffSecret+"\r\n", "whsec_"+k[:10]+"="+k[10:], "whsec_"+k[:10]+" "+k[10:],
		"whsec_"+k[:10]+"\n"+k[10:], "whsec_", "", "whsec_=", "whsec_==", "whsec_A", "whsec_AA", "whsec_AAA",
		"whsec_AAAA", "whsec_AA==", "whsec_A===", "whsec_QQ", "whsec_QQ=", "whsec_QQ==", "whsec_QR==", "=",
		"whsec_\u00e9\u00e9\u00e9\u00e9", "whsec_"+strings.Repeat("A", 4000), "whsec_"+k+"é=", "whsec_"+k+"\xff==",
	)
	for _, key := range []string{k16, k32, kURL} {
		canon := "whsec_" + key
		raw := strings.TrimRight(key, "=")
		for _, s := range []string{canon, key, "whsec_" + raw, "whsec_" + raw + "=", "whsec_" + raw + "===",
			"whsec_" + flip(key, 1), "whsec_" + flip(key, 3), "whsec_" + flip(key, 0xf),
			"whsec_" + strings.NewReplacer("+", "-", "/", "_").Replace(key), canon + "A", canon + "A=", canon + " "} {
			forms = append(forms, secretForm{s, canon})
		}
	}
	return forms
}

func bodyForms() [][]byte {
	r := rand.New(rand.NewPCG(7, 11))
	binary := make([]byte, 64)
	for i := range binary {
		binary[i] = byte(r.UintN(256))
	}
	big := []byte(`{"data":"` + strings.Repeat("x", 100_000) + `"}`)
	forms := []string{
		"", "{}", "\xef\xbb\xbf{}", "\xef\xbb\xbf", "\xff", `{"a":"\xff"}`, "\xc3", "\xe2\x82", "\xe2\x82A",
		"\xf0\x9f\x98", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80",
		"\xe0\xa0\x80", "\xf4\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\x80",
		"\xbf\xbf", "\xef\xbf\xbd", "a\x00b", "\r\n", "Zo\xeb", "\xfe\xff\x00{", "\xc3\xa9\xc3", "\xe2\x82\xe2\x82\xac",
		"\xf0\x9f\x98\xf0\x9f\x98\x80", "\xed\xbf\xbf\xed\xa0\x80", string(binary), string(diffBody) + "\n",
		string(diffBody) + "\xff",
	}
	out := make([][]byte, 0, len(forms)+2)
	for _, f := range forms {
		out = append(out, []byte(f))
	}
	return append(out, diffBody, big)
}

func idForms() []string {
	return []string{
		diffID, " ", " " + diffID, diffID + " ", "\t" + diffID, "msg_é", "msg_\xe9", "msg_\xff", "msg.1", "msg,1",
		"msg 1", strings.Repeat("m", 5000), "msg_\x00", "msg_\xc2\xa0", "msg_\u2028", "msg_😀", ".", "..",
		"msg_1, msg_2",
	}
}

func layoutForms(now string) []diffCase {
	first := diffID
	var out []diffCase
	for _, h := range []string{"Svix-Id", "Svix-Timestamp", "Svix-Signature"} {
		out = append(out,
			base().named("without "+h).with(h),
			base().named("empty "+h).with(h, ""),
			base().named("blank "+h).with(h, " "),
			base().named("tab "+h).with(h, "\t"),
		)
	}
	lower := base().named("lower-case names, as written")
	upper := base().named("upper-case names, as written")
	for i, kv := range lower.headers {
		lower.headers[i][0] = strings.ToLower(kv[0])
		upper.headers[i][0] = strings.ToUpper(kv[0])
	}
	lower.rawKeys, upper.rawKeys = true, true
	out = append(out, lower, upper)

	alt := base().named("webhook-* names")
	for i, kv := range alt.headers {
		alt.headers[i][0] = strings.Replace(kv[0], "Svix", "Webhook", 1)
	}
	out = append(out, alt)
	out = append(out,
		base().named("svix-id and webhook-id").with("Webhook-Id", "msg_other"),
		base().named("empty svix-id, webhook-id set").with("Svix-Id", "").with("Webhook-Id", diffID),
		base().named("webhook-timestamp old, svix-timestamp now").with("Webhook-Timestamp", "1"),
		base().named("svix-timestamp old, webhook-timestamp now").with("Svix-Timestamp", "1").with("Webhook-Timestamp", now),
		base().named("webhook-signature only valid").with("Svix-Signature", "v1,AAAA").with("Webhook-Signature", "v1,SVIXSIG"),
		base().named("mixed names").with("Svix-Id").with("Webhook-Id", diffID),
		base().named("two ids").with("Svix-Id", diffID, diffID),
		base().named("two ids, signed over the first").with("Svix-Id", diffID, "msg_other").signing(&first, nil, nil),
		base().named("two timestamps").with("Svix-Timestamp", now, now),
		base().named("two timestamps, second garbage").with("Svix-Timestamp", now, "x"),
		base().named("two timestamps, first garbage").with("Svix-Timestamp", "x", now),
		base().named("two timestamps, first old").with("Svix-Timestamp", "1", now),
	)
	return out
}

func (c diffCase) signing(id, ts *string, body []byte) diffCase {
	c.sign = &signOverride{id: id, ts: ts, body: body}
	return c
}

func tamperForms(now string) []diffCase {
	n, _ := strconv.ParseInt(now, 10, 64)
	next, zero := strconv.FormatInt(n+1, 10), "0"+now
	other := "msg_other"
	flipped := append([]byte(nil), diffBody...)
	flipped[10] ^= 1
	return []diffCase{
		base().named("body with a space appended").signing(nil, nil, diffBody).withBody(append(append([]byte(nil), diffBody...), ' ')),
		base().named("body cut by one byte").signing(nil, nil, diffBody).withBody(diffBody[:len(diffBody)-1]),
		base().named("body with one bit flipped").signing(nil, nil, diffBody).withBody(flipped),
		base().named("body with a BOM added").signing(nil, nil, diffBody).withBody(append([]byte("\xef\xbb\xbf"), diffBody...)),
		base().named("id changed").signing(&other, nil, nil),
		base().named("timestamp moved by a second").signing(nil, &next, nil),
		base().named("signed as 0<ts>, sent as <ts>").signing(nil, &zero, nil),
		base().named("signed as <ts>, sent as 0<ts>").signing(nil, &now, nil).with("Svix-Timestamp", zero),
		base().named("signed with another secret").withSigner("whsec_" + base64.StdEncoding.EncodeToString([]byte("another secret entirely"))),
	}
}

func (c diffCase) withBody(b []byte) diffCase {
	c.body = b
	return c
}

func (c diffCase) withSigner(s string) diffCase {
	c.signSecret = s
	return c
}

// clockForms move the clock within a second and across the tolerance's edges.
func clockForms() []diffCase {
	var out []diffCase
	for _, d := range []int64{-301, -300, -299, 0, 299, 300, 301} {
		for _, ms := range []int64{0, 1, 999} {
			ts := strconv.FormatInt(diffNow+d, 10)
			c := base().named(fmt.Sprintf("timestamp now%+d s, clock +%d ms", d, ms)).with("Svix-Timestamp", ts)
			c.nowMS = diffNow*1000 + ms
			out = append(out, c)
		}
	}
	return out
}

// randomForms combines the hand-picked forms and mutates single bytes, from
// a fixed seed so that a failure can be replayed.
func randomForms(n int, now string) []diffCase {
	r := rand.New(rand.NewPCG(20261207, 19))
	tss, sigs, secrets, bodies, ids := timestampForms(now), signatureForms(), secretForms(), bodyForms(), idForms()
	headers := []string{"Svix-Id", "Svix-Timestamp", "Svix-Signature"}
	interesting := []byte("0123456789 +-,.=/_\t\x00\x80\xa0\xbf\xc3\xe2\xef\xffvAz")
	out := make([]diffCase, 0, n)
	for i := range n {
		c := base()
		c.name = fmt.Sprintf("random %d", i)
		for range 1 + r.IntN(3) {
			switch r.IntN(9) {
			case 0:
				c.set("Svix-Timestamp", tss[r.IntN(len(tss))])
			case 1:
				c.set("Svix-Signature", sigs[r.IntN(len(sigs))])
			case 2:
				s := secrets[r.IntN(len(secrets))]
				c.secret, c.signSecret = s.secret, s.signedWith
			case 3:
				c.body = bodies[r.IntN(len(bodies))]
			case 4:
				c.set("Svix-Id", ids[r.IntN(len(ids))])
			case 5:
				c.set("Svix-Signature", []string{"v1,RAWSIG", "v1,SVIXSIG", "v1,RAWSIG v1,SVIXSIG", "v1,SVIXSIGNC"}[r.IntN(4)])
			case 6, 7:
				// Mutate one byte of a header value or of the body.
				if r.IntN(3) == 0 {
					c.body = mutate(r, c.body, interesting)
				} else {
					h := headers[r.IntN(len(headers))]
					c.set(h, string(mutate(r, []byte(c.value(h)), interesting)))
				}
			case 8:
				// Deliver something other than what was signed.
				body := c.body
				c = c.signing(nil, nil, body)
				c.body = mutate(r, c.body, interesting)
			}
		}
		out = append(out, c)
	}
	return out
}

// mutate inserts, replaces or deletes one byte at a random position.
func mutate(r *rand.Rand, b []byte, alphabet []byte) []byte {
	b = append([]byte(nil), b...)
	pos := 0
	if len(b) > 0 {
		pos = r.IntN(len(b))
	}
	x := alphabet[r.IntN(len(alphabet))]
	switch op := r.IntN(3); {
	case op == 0 || len(b) == 0:
		return append(b[:pos], append([]byte{x}, b[pos:]...)...)
	case op == 1:
		b[pos] = x
		return b
	default:
		return append(b[:pos], b[pos+1:]...)
	}
}
