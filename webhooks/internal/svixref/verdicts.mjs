// Gives svix's verdict on each crafted delivery of the differential test of
// package webhooks. The Go test writes the cases to standard input as JSON
// and reads the verdicts from standard output; nothing here is committed
// output.
//
// Each delivery is handed to svix as a Node server hands it over: header
// values are the received bytes read as Latin-1, several values of one name
// are joined with ", ", names are matched without case, and the body is a
// Buffer. The clock is frozen per case by replacing Date.now.
//
// In header values, the tokens SVIXSIG, SVIXSIGNC (non-canonical base64),
// SVIXSIGRAW (padding removed) and SVIXSIGURL (URL-safe alphabet) are
// replaced by the base64 of the signature svix's own sign() makes for the
// delivery (or for the case's "sign" overrides), so that cases can place
// svix's signature in any position and form.
import { readFileSync } from 'node:fs';
import { Webhook } from 'svix';

const VERSIONS = { svix: '2.5.0', standardwebhooks: '1.1.1' };
for (const [name, want] of Object.entries(VERSIONS)) {
  const got = JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url))).version;
  if (got !== want) throw new Error(`${name} ${got} is installed, the differential needs ${want}: run scripts/setup-svixref`);
}

const latin1 = b64 => Buffer.from(b64, 'base64').toString('latin1');
const text = b64 => Buffer.from(b64, 'base64').toString('utf8');

// nonCanonical flips the unused low bits of the last base64 character, which
// decodes to the same bytes but is a different text.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function nonCanonical(b64) {
  const body = b64.replace(/=+$/, '');
  const pad = b64.length - body.length;
  const last = ALPHABET.indexOf(body[body.length - 1]);
  const unused = pad === 1 ? 0b11 : pad === 2 ? 0b1111 : 0;
  if (unused === 0) return b64;
  return body.slice(0, -1) + ALPHABET[last ^ unused] + '='.repeat(pad);
}

function headerObject(pairs) {
  const h = {};
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    h[key] = key in h ? `${h[key]}, ${value}` : value;
  }
  return h;
}

function verdict(err) {
  const m = String(err && err.message);
  if (m === 'Missing required headers') return 'missing';
  if (m === 'Invalid Signature Headers') return 'timestamp';
  if (m === 'Message timestamp too old') return 'too_old';
  if (m === 'Message timestamp too new') return 'too_new';
  if (m === 'No matching signature found') return 'signature';
  return 'error: ' + m;
}

const input = JSON.parse(readFileSync(0, 'utf8'));
const realNow = Date.now;
const out = [];
for (const c of input.cases) {
  Date.now = () => c.now_ms;
  try {
    let pairs = c.headers.map(([n, v]) => [n, latin1(v)]);
    let h = headerObject(pairs);
    if (pairs.some(([, v]) => v.includes('SVIXSIG'))) {
      const signer = new Webhook(text(c.sign_secret));
      const id = c.sign?.id != null ? latin1(c.sign.id) : (h['svix-id'] ?? h['webhook-id'] ?? '');
      const ts = c.sign?.ts != null ? latin1(c.sign.ts) : (h['svix-timestamp'] ?? h['webhook-timestamp'] ?? '');
      const body = Buffer.from(c.sign?.body ?? c.body, 'base64');
      const sig = signer.sign(id, new Date(parseInt(ts, 10) * 1000), body).slice(3);
      const forms = { SVIXSIGNC: nonCanonical(sig), SVIXSIGRAW: sig.replace(/=+$/, ''), SVIXSIGURL: sig.replace(/\+/g, '-').replace(/\//g, '_'), SVIXSIG: sig };
      pairs = pairs.map(([n, v]) => [n, v.replace(/SVIXSIG(NC|RAW|URL)?/g, t => forms[t])]);
      h = headerObject(pairs);
    }
    const headers = pairs.map(([n, v]) => [n, Buffer.from(v, 'latin1').toString('base64')]);
    let wh;
    try {
      wh = new Webhook(text(c.secret));
    } catch {
      out.push({ headers, verdict: 'secret' });
      continue;
    }
    try {
      wh.verify(Buffer.from(c.body, 'base64'), h);
      out.push({ headers, verdict: 'ok' });
    } catch (err) {
      out.push({ headers, verdict: verdict(err) });
    }
  } finally {
    Date.now = realNow;
  }
}
process.stdout.write(JSON.stringify(out));
