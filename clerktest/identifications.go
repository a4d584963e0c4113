package clerktest

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/clerkgo/clerk"
	"github.com/clerkgo/clerk/emailaddresses"
	"github.com/clerkgo/clerk/phonenumbers"
)

// TestCode is the verification code of Clerk's test identifiers: email
// addresses containing "+clerk_test" and the fictional phone numbers
// +1 XXX 555-0100 to 555-0199. Codes for them are never sent.
const TestCode = "424242"

// testPhone matches the reserved fictional numbers in E.164 form.
var testPhone = regexp.MustCompile(`^\+1\d{3}55501\d{2}$`)

// e164 matches a phone number in E.164 form.
var e164 = regexp.MustCompile(`^\+[1-9]\d{6,14}$`)

// isTestIdentifier reports whether value is one of Clerk's test identifiers.
func isTestIdentifier(value string) bool {
	return strings.Contains(strings.ToLower(value), "+clerk_test") || testPhone.MatchString(value)
}

// otp is a one-time-code verification of an identification.
type otp struct {
	id       string
	code     string
	strategy string
	status   string // unverified, verified, failed, expired
	attempts int64
	expireAt int64
}

// maxOTPAttempts is how many wrong codes fail a verification (a guess:
// Clerk documents a limit without its value).
const maxOTPAttempts = 3

const otpLifetime = 10 * time.Minute

func (e *Emulator) identificationRoutes(t []route) []route {
	for _, kind := range []string{"email_addresses", "phone_numbers"} {
		email := kind == "email_addresses"
		idParam := "{email_address_id}"
		createParams := []string{"email_address", "notify_primary_email_address_changed", "user_id", "verified", "primary"}
		updateParams := []string{"notify_primary_email_address_changed", "verified", "primary"}
		if !email {
			idParam = "{phone_number_id}"
			createParams = []string{"phone_number", "user_id", "verified", "primary", "reserved_for_second_factor"}
			updateParams = []string{"verified", "primary", "reserved_for_second_factor"}
		}
		param := strings.Trim(idParam, "{}")
		t = add(t, "POST", "/"+kind, e.createIdentification(email), createParams...)
		t = add(t, "GET", "/"+kind+"/"+idParam, e.getIdentification(email, param))
		t = add(t, "PATCH", "/"+kind+"/"+idParam, e.updateIdentification(email, param), updateParams...)
		t = add(t, "DELETE", "/"+kind+"/"+idParam, e.deleteIdentification(email, param))
		t = add(t, "POST", "/"+kind+"/"+idParam+"/prepare_verification", e.prepareVerification(email, param))
		t = add(t, "POST", "/"+kind+"/"+idParam+"/attempt_verification", e.attemptVerification(email, param), "code", "verification_id")
	}
	t = add(t, "PUT", "/users/{user_id}/email_address", e.replaceIdentification(true), "email_address", "identification_status",
		"notify_primary_email_address_changed")
	t = add(t, "PUT", "/users/{user_id}/phone_number", e.replaceIdentification(false), "phone_number", "identification_status")
	return t
}

// identificationOwner finds an email address (or phone number) by ID and its user.
func (e *Emulator) identificationOwner(email bool, id string) (*user, *identification, error) {
	u := e.st.idents[id]
	if u != nil {
		for _, i := range u.identifications(email) {
			if i.id == id {
				return u, i, nil
			}
		}
	}
	what := "email address"
	if !email {
		what = "phone number"
	}
	return nil, nil, notFound(what + " " + id)
}

func (u *user) identifications(email bool) []*identification {
	if email {
		return u.emails
	}
	return u.phones
}

func (i *identification) answer(email bool) any {
	if email {
		return i.emailJSON()
	}
	return i.phoneJSON()
}

// validPhone checks the E.164 form Clerk requires.
func validPhone(num string) error {
	if !e164.MatchString(num) {
		e := failParam(http.StatusUnprocessableEntity, "form_param_format_invalid", "is invalid", "phone_number")
		e.detail.LongMessage = "phone_number must be a valid phone number according to E.164 international standard."
		return e
	}
	return nil
}

func (e *Emulator) createIdentification(email bool) handler {
	return func(c *call) (int, any, error) {
		var uid, value string
		var verified, primary, reserved clerk.Opt[bool]
		var notify bool
		if email {
			var p emailaddresses.CreateParams
			if err := decode(c, &p); err != nil {
				return 0, nil, err
			}
			notify = p.NotifyPrimaryEmailAddressChanged.Or(false)
			uid, value, verified, primary = p.UserID, p.EmailAddress, p.Verified, p.Primary
			if err := need("user_id", uid, "email_address", value); err != nil {
				return 0, nil, err
			}
			if err := validEmail("email_address", value); err != nil {
				return 0, nil, err
			}
			if e.emailTaken(value, "") {
				return 0, nil, identifierExists("email_address")
			}
		} else {
			var p phonenumbers.CreateParams
			if err := decode(c, &p); err != nil {
				return 0, nil, err
			}
			uid, value, verified, primary, reserved = p.UserID, p.PhoneNumber, p.Verified, p.Primary, p.ReservedForSecondFactor
			if err := need("user_id", uid, "phone_number", value); err != nil {
				return 0, nil, err
			}
			if err := validPhone(value); err != nil {
				return 0, nil, err
			}
			if e.phoneTaken(value, "") {
				return 0, nil, identifierExists("phone_number")
			}
		}
		u, ok := e.st.users[uid]
		if !ok {
			return 0, nil, resourceParamNotFound("user_id")
		}
		oldPrimary := u.primaryEmail()
		now := e.ms()
		i := &identification{id: newID("idn"), value: value, verified: verified.Or(false), reserved: reserved.Or(false),
			createdAt: now, updatedAt: now}
		e.st.unindexUser(u)
		if email {
			u.emails = append(u.emails, i)
			if primary.Or(false) || u.primaryEmailID == nil {
				u.primaryEmailID = ptr(i.id)
			}
		} else {
			u.phones = append(u.phones, i)
			if primary.Or(false) || u.primaryPhoneID == nil {
				u.primaryPhoneID = ptr(i.id)
			}
		}
		e.st.indexUser(u)
		u.updatedAt = now
		e.notifyPrimaryEmailChange(c, u, oldPrimary, notify)
		c.emit("user.updated", u.json())
		return http.StatusOK, i.answer(email), nil
	}
}

func (e *Emulator) getIdentification(email bool, param string) handler {
	return func(c *call) (int, any, error) {
		_, i, err := e.identificationOwner(email, c.param(param))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, i.answer(email), nil
	}
}

func (e *Emulator) updateIdentification(email bool, param string) handler {
	return func(c *call) (int, any, error) {
		u, i, err := e.identificationOwner(email, c.param(param))
		if err != nil {
			return 0, nil, err
		}
		oldPrimary := u.primaryEmail()
		var verified, primary, reserved clerk.Opt[bool]
		var notify bool
		if email {
			var p emailaddresses.UpdateParams
			if err := decode(c, &p); err != nil {
				return 0, nil, err
			}
			notify = p.NotifyPrimaryEmailAddressChanged.Or(false)
			verified, primary = p.Verified, p.Primary
		} else {
			var p phonenumbers.UpdateParams
			if err := decode(c, &p); err != nil {
				return 0, nil, err
			}
			verified, primary, reserved = p.Verified, p.Primary, p.ReservedForSecondFactor
		}
		if v, ok := verified.Get(); ok {
			i.verified = v
		}
		if r, ok := reserved.Get(); ok {
			i.reserved = r
		}
		if p, ok := primary.Get(); ok && p {
			if email {
				u.primaryEmailID = ptr(i.id)
			} else {
				u.primaryPhoneID = ptr(i.id)
			}
		}
		now := e.ms()
		i.updatedAt, u.updatedAt = now, now
		e.notifyPrimaryEmailChange(c, u, oldPrimary, notify)
		c.emit("user.updated", u.json())
		return http.StatusOK, i.answer(email), nil
	}
}

func (e *Emulator) deleteIdentification(email bool, param string) handler {
	return func(c *call) (int, any, error) {
		u, i, err := e.identificationOwner(email, c.param(param))
		if err != nil {
			return 0, nil, err
		}
		e.st.unindexUser(u)
		keep := func(list []*identification) []*identification {
			return slices.DeleteFunc(slices.Clone(list), func(x *identification) bool { return x.id == i.id })
		}
		object := "email_address"
		if email {
			u.emails = keep(u.emails)
			if u.primaryEmailID != nil && *u.primaryEmailID == i.id {
				u.primaryEmailID = firstID(u.emails)
			}
		} else {
			object = "phone_number"
			u.phones = keep(u.phones)
			if u.primaryPhoneID != nil && *u.primaryPhoneID == i.id {
				u.primaryPhoneID = firstID(u.phones)
			}
		}
		e.st.indexUser(u)
		u.updatedAt = e.ms()
		c.emit("user.updated", u.json())
		return http.StatusOK, deleted(object, i.id), nil
	}
}

func firstID(list []*identification) *string {
	if len(list) == 0 {
		return nil
	}
	return ptr(list[0].id)
}

// otpCode is the code sent for an identification: TestCode for test
// identifiers, six random digits otherwise.
func otpCode(value string) string {
	if isTestIdentifier(value) {
		return TestCode
	}
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return TestCode
	}
	return fmt.Sprintf("%06d", n.Int64())
}

func (o *otp) json() *clerk.Verification {
	return &clerk.Verification{Object: ptr("verification"), ID: ptr(o.id), Attempts: clerk.Value(o.attempts),
		ExpireAt: clerk.Value(o.expireAt), Status: ptr(o.status), Strategy: ptr(o.strategy), Channel: o.channel()}
}

// channel is how the code was delivered: SMS for a phone code (the
// emulator sends no WhatsApp codes), null for an email code, as the spec
// describes the field (phone codes only).
func (o *otp) channel() clerk.Opt[string] {
	if o.strategy == "phone_code" {
		return clerk.Value("sms")
	}
	return clerk.Null[string]()
}

// prepareVerification sends a code: an email.created or sms.created
// webhook carries it, except for test identifiers, which send nothing.
func (e *Emulator) prepareVerification(email bool, param string) handler {
	return func(c *call) (int, any, error) {
		u, i, err := e.identificationOwner(email, c.param(param))
		if err != nil {
			return 0, nil, err
		}
		now := e.now()
		o := &otp{id: newID("ver"), code: otpCode(i.value), status: "unverified", expireAt: now.Add(otpLifetime).UnixMilli()}
		i.otp = o
		if email {
			o.strategy = "email_code"
		} else {
			o.strategy = "phone_code"
		}
		if !isTestIdentifier(i.value) {
			e.emitMessage(c, email, u, i, o.code)
		}
		return http.StatusOK, o.json(), nil
	}
}

// emitEmail records an email Clerk would send: an email.created webhook
// rendered from the template slug, to the address (of the user, when
// known).
func (e *Emulator) emitEmail(c *call, slug, to string, u *user, i *identification, data map[string]any) {
	t, err := e.peekTemplate("email", slug)
	if err != nil {
		return
	}
	body := render(deref(t.Body), data)
	msg := clerk.EmailMessage{ID: newID("ema"), Object: "email", Slug: ptr(slug),
		Subject: ptr(render(t.Subject.Or(""), data)), ToEmailAddress: ptr(to), FromEmailName: deref(t.FromEmailName),
		Data: anyJSON(data), DeliveredByClerk: *t.DeliveredByClerk, Body: &body, Status: ptr("queued")}
	if u != nil {
		msg.UserID = clerk.Value(u.id)
	}
	if i != nil {
		msg.EmailAddressID = clerk.Value(i.id)
	}
	c.emit("email.created", msg)
}

// emitMessage records the message Clerk would send with a code.
func (e *Emulator) emitMessage(c *call, email bool, u *user, i *identification, code string) {
	data := map[string]any{"otp_code": code, "app": map[string]any{"name": "clerktest"}}
	now := e.ms()
	typ := "sms"
	if email {
		typ = "email"
	}
	t, err := e.peekTemplate(typ, "verification_code")
	if err != nil {
		return
	}
	if email {
		e.emitEmail(c, "verification_code", i.value, u, i, data)
		return
	}
	body, byClerk := render(deref(t.Body), data), *t.DeliveredByClerk
	c.emit("sms.created", clerk.SMSMessage{ID: newID("sms"), Object: "sms_message", Slug: clerk.Value("verification_code"),
		ToPhoneNumber: i.value, FromPhoneNumber: "+15555550000", PhoneNumberID: clerk.Value(i.id), UserID: clerk.Value(u.id),
		Message: body, Data: anyJSON(data), DeliveredByClerk: byClerk, Status: "queued", CreatedAt: &now, CreatedAtMs: now})
}

func (e *Emulator) attemptVerification(email bool, param string) handler {
	return func(c *call) (int, any, error) {
		u, i, err := e.identificationOwner(email, c.param(param))
		if err != nil {
			return 0, nil, err
		}
		var p emailaddresses.AttemptVerificationParams
		if err := decode(c, &p); err != nil {
			return 0, nil, err
		}
		if err := need("verification_id", p.VerificationID, "code", p.Code); err != nil {
			return 0, nil, err
		}
		o := i.otp
		if o == nil || o.id != p.VerificationID {
			return 0, nil, notFound("verification " + p.VerificationID)
		}
		switch {
		case o.status == "verified":
			return 0, nil, fail(http.StatusBadRequest, "verification_already_verified", "already verified",
				"This verification has already been verified.")
		case o.status != "unverified":
		case e.ms() >= o.expireAt:
			o.status = "expired"
		case p.Code == o.code:
			o.status = "verified"
			if !i.verified {
				i.verified, i.updatedAt, u.updatedAt = true, e.ms(), e.ms()
				c.emit("user.updated", u.json())
			}
		default:
			o.attempts++
			if o.attempts >= maxOTPAttempts {
				o.status = "failed"
			}
		}
		if o.status == "verified" {
			o.attempts++
		}
		return http.StatusOK, o.json(), nil
	}
}

// replaceIdentification replaces every email address (or phone number) of
// a user with one, primary.
func (e *Emulator) replaceIdentification(email bool) handler {
	return func(c *call) (int, any, error) {
		u, err := e.findUser(c.param("user_id"))
		if err != nil {
			return 0, nil, err
		}
		oldPrimary := u.primaryEmail()
		var value string
		var status clerk.Opt[string]
		var notify bool
		if email {
			var p emailaddresses.ReplaceForUserParams
			if err := decode(c, &p); err != nil {
				return 0, nil, err
			}
			notify = p.NotifyPrimaryEmailAddressChanged.Or(false)
			value, status = p.EmailAddress, p.IdentificationStatus
			if err := need("email_address", value); err != nil {
				return 0, nil, err
			}
			if err := validEmail("email_address", value); err != nil {
				return 0, nil, err
			}
			if e.emailTaken(value, u.id) {
				return 0, nil, identifierExists("email_address")
			}
		} else {
			var p phonenumbers.ReplaceForUserParams
			if err := decode(c, &p); err != nil {
				return 0, nil, err
			}
			value, status = p.PhoneNumber, p.IdentificationStatus
			if err := need("phone_number", value); err != nil {
				return 0, nil, err
			}
			if err := validPhone(value); err != nil {
				return 0, nil, err
			}
			if e.phoneTaken(value, u.id) {
				return 0, nil, identifierExists("phone_number")
			}
		}
		st := status.Or("verified")
		if st != "verified" && st != "reserved" && st != "unverified" {
			return 0, nil, invalidParam("identification_status", "identification_status must be verified, reserved or unverified.")
		}
		now := e.ms()
		i := &identification{id: newID("idn"), value: value, verified: st == "verified", createdAt: now, updatedAt: now}
		e.st.unindexUser(u)
		if email {
			u.emails, u.primaryEmailID = []*identification{i}, ptr(i.id)
		} else {
			u.phones, u.primaryPhoneID = []*identification{i}, ptr(i.id)
		}
		e.st.indexUser(u)
		u.updatedAt = now
		e.notifyPrimaryEmailChange(c, u, oldPrimary, notify)
		c.emit("user.updated", u.json())
		return http.StatusOK, i.answer(email), nil
	}
}

// notifyPrimaryEmailChange sends the primary_email_address_changed email
// to the former primary address when the request asked for it with
// notify_primary_email_address_changed and the primary address changed.
func (e *Emulator) notifyPrimaryEmailChange(c *call, u *user, old string, notify bool) {
	if !notify || old == "" || old == u.primaryEmail() || isTestIdentifier(old) {
		return
	}
	e.emitEmail(c, "primary_email_address_changed", old, u, nil, map[string]any{"new_email_address": u.primaryEmail(),
		"app": map[string]any{"name": "clerktest"}})
}
