// Mints the differential-test corpus for package auth and records what
// @clerk/backend decides for every case. Run by auth's differential test
// (node corpus.mjs > corpus.json); nothing it prints is committed.
//
// Every case is built here, signed with a key generated for this run, and
// replayed by the Go test through package auth. The clock is frozen per case
// by replacing Date.now, and the Backend API endpoints that the SDK calls
// (handshake payloads) are served from a loopback stand-in whose answers are
// part of the corpus, so that the Go side serves the same ones.
import { createSign, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import { createClerkClient, verifyToken } from '@clerk/backend';

const VERSION = '3.25.0';
const NOW = Date.UTC(2026, 4, 1, 12, 0, 0); // ms, a whole second
const S = NOW / 1000;
const FAPI = 'clerk.example.com';
const PK_LIVE = 'pk_live_' + Buffer.from(FAPI + '$').toString('base64').replace(/=+$/, '');
const PK_TEST = 'pk_test_' + Buffer.from('happy-hippo-1.clerk.accounts.dev$').toString('base64').replace(/=+$/, '');
const SK_LIVE = 'sk_live_differential';
const SK_TEST = 'sk_test_differential';
const APP = 'http://app.example.com';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 65537 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 65537 });
const PEM = publicKey.export({ type: 'spki', format: 'pem' });

// ---- minting ---------------------------------------------------------------

const b64u = s => Buffer.from(s).toString('base64url');
function sign(input, alg = 'RS256', key = privateKey) {
  const hash = { RS256: 'RSA-SHA256', RS384: 'RSA-SHA384', RS512: 'RSA-SHA512' }[alg] ?? 'RSA-SHA256';
  return createSign(hash).update(input).sign(key).toString('base64url');
}
// mint signs raw header and payload JSON text (strings) or objects.
function mint(header, payload, o = {}) {
  const h = o.headerSeg ?? b64u(typeof header === 'string' ? header : JSON.stringify(header));
  const p = o.payloadSeg ?? b64u(typeof payload === 'string' ? payload : JSON.stringify(payload));
  const sig = o.sig ?? sign(`${h}.${p}`, o.signAlg ?? 'RS256', o.key);
  return `${h}.${p}.${sig}`;
}
const hdr = (x = {}) => ({ alg: 'RS256', typ: 'JWT', kid: 'ins_1', cat: 'cl_B7d4PD111AAA', ...x });
function claims(x = {}) {
  const c = {
    azp: 'https://app.example.com', exp: S + 60, iat: S - 10, iss: 'https://' + FAPI, nbf: S - 10,
    sid: 'sess_1', sts: 'active', sub: 'user_1', v: 2,
    o: { id: 'org_1', rol: 'admin', slg: 'acme', per: 'read,manage', fpm: '3,1' },
    fea: 'o:invoices,u:beta,o:reports', pla: 'o:pro,u:free', fva: [5, 20],
  };
  for (const [k, v] of Object.entries(x)) {
    if (v === undefined) delete c[k];
    else c[k] = v;
  }
  return c;
}
const v1 = (x = {}) =>
  claims({ v: undefined, o: undefined, fea: undefined, pla: undefined, org_id: 'org_1', org_role: 'org:admin', org_slug: 'acme', org_permissions: ['org:invoices:read', 'org:sys_memberships:manage'], ...x });
const tok = (x, h) => mint(hdr(h), claims(x));
const raw = (payloadText, h) => mint(hdr(h), payloadText);

// ---- has() checks applied to every signed-in case --------------------------

const CHECKS = [
  { role: 'admin' }, { role: 'org:admin' }, { role: 'org:org:admin' }, { role: 'member' }, { role: '' }, { role: 'ADMIN' },
  { permission: 'org:invoices:read' }, { permission: 'invoices:read' }, { permission: 'org:invoices:manage' },
  { permission: 'org:reports:read' }, { permission: 'org:reports:manage' }, { permission: 'org:sys_memberships:manage' },
  { permission: 'org:p69:read' }, { permission: 'org:big:p69' }, { permission: 'org:big:p0' }, { permission: 'org:big:p64' }, { permission: '' },
  { feature: 'invoices' }, { feature: 'org:invoices' }, { feature: 'user:invoices' }, { feature: 'o:invoices' },
  { feature: 'organization:invoices' }, { feature: 'beta' }, { feature: 'u:beta' }, { feature: 'user:beta' }, { feature: 'org:beta' },
  { feature: 'team:beta' }, { feature: 'org:foo:bar' }, { feature: '' }, { feature: 'both' }, { feature: 'org:both' }, { feature: 'user:both' },
  { plan: 'pro' }, { plan: 'org:pro' }, { plan: 'user:pro' }, { plan: 'free' }, { plan: 'user:free' }, { plan: 'org:free' },
  { role: 'admin', permission: 'org:invoices:read' }, { role: 'member', permission: 'org:invoices:read' },
  { feature: 'invoices', plan: 'pro' }, { role: 'admin', feature: 'nope' },
  { reverification: 'strict_mfa' }, { reverification: 'strict' }, { reverification: 'moderate' }, { reverification: 'lax' },
  { reverification: 'bogus' }, { reverification: { level: 'first_factor', afterMinutes: 10 } },
  { reverification: { level: 'second_factor', afterMinutes: 30 } }, { reverification: { level: 'multi_factor', afterMinutes: 30 } },
  { reverification: { level: 'multi_factor', afterMinutes: 0 } }, { reverification: { level: 'first_factor', afterMinutes: 5 } },
  { reverification: { level: 'nope', afterMinutes: 10 } }, { reverification: { level: 'first_factor', afterMinutes: -1 } },
  { role: 'admin', reverification: 'strict' },
];

// ---- cases -----------------------------------------------------------------

const cases = [];
let seq = 0;
// verify: a token checked by verifyToken, then toAuth/has as a header request.
function verify(name, token, o = {}) {
  cases.push({ id: `v${++seq}`, name, kind: 'verify', token, now: o.now ?? NOW, options: o.options ?? {} });
}
// request: a whole request through authenticateRequest.
function request(name, req, o = {}) {
  cases.push({
    id: `r${++seq}`, name, kind: 'request', now: o.now ?? NOW, options: o.options ?? {},
    request: { method: req.method ?? 'GET', path: req.path ?? '/dashboard', headers: req.headers ?? {} },
  });
}

// Baselines and organization claims.
verify('v2 baseline', tok());
verify('v1 baseline', mint(hdr(), v1()));
verify('v1 without org_id keeps permissions off', mint(hdr(), v1({ org_id: undefined })));
verify('v1 empty org_id', mint(hdr(), v1({ org_id: '' })));
verify('v1 org_permissions as string', mint(hdr(), v1({ org_permissions: 'org:invoices:read' })));
verify('v1 org_permissions with numbers', mint(hdr(), v1({ org_permissions: [1, 'org:invoices:read'] })));
verify('v1 org_role without prefix', mint(hdr(), v1({ org_role: 'admin' })));
verify('v1 org_role number', mint(hdr(), v1({ org_role: 7 })));
verify('v1 carrying fea and pla', mint(hdr(), v1({ fea: 'u:beta', pla: 'u:free' })));
verify('v2 without o', tok({ o: undefined }));
verify('v2 o null', tok({ o: null }));
verify('v2 o empty object', tok({ o: {} }));
verify('v2 o string', tok({ o: 'org_1' }));
verify('v2 o array', tok({ o: ['org_1'] }));
verify('v2 o number', tok({ o: 1 }));
verify('v2 o.id missing', tok({ o: { rol: 'admin', per: 'read', fpm: '1' } }));
verify('v2 o.rol missing', tok({ o: { id: 'org_1', per: 'read', fpm: '1' } }));
verify('v2 o.rol empty', tok({ o: { id: 'org_1', rol: '', per: 'read', fpm: '1' } }));
verify('v2 o.rol with org prefix', tok({ o: { id: 'org_1', rol: 'org:admin', per: 'read', fpm: '1' } }));
verify('v2 o.rol number', tok({ o: { id: 'org_1', rol: 5, per: 'read', fpm: '1' } }));
verify('v2 o.id number', tok({ o: { id: 12, rol: 'admin', per: 'read', fpm: '1' } }));
verify('v2 per missing', tok({ o: { id: 'org_1', rol: 'admin', fpm: '3' } }));
verify('v2 fpm missing', tok({ o: { id: 'org_1', rol: 'admin', per: 'read' } }));
verify('v2 fpm empty', tok({ o: { id: 'org_1', rol: 'admin', per: 'read', fpm: '' } }));
verify('v2 fpm number', tok({ o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: 3 } }));
verify('v2 per array', tok({ o: { id: 'org_1', rol: 'admin', per: ['read'], fpm: '1' } }));
verify('v2 fpm with spaces', tok({ o: { id: 'org_1', rol: 'admin', per: 'read, manage', fpm: ' 3 , 1 ' } }));
verify('v2 fpm leading zeros', tok({ o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: '003,01' } }));
verify('v2 fpm plus sign', tok({ o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: '+3,1' } }));
verify('v2 fpm negative', tok({ o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: '-1,1' } }));
verify('v2 fpm decimal', tok({ o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: '3.0,1' } }));
verify('v2 fpm exponent', tok({ o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: '1e1,1' } }));
verify('v2 fpm hex', tok({ o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: '0x3,1' } }));
verify('v2 fpm garbage', tok({ o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: 'abc,1' } }));
verify('v2 fpm empty entry', tok({ o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: ',1' } }));
verify('v2 more fpm than features', tok({ o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: '3,1,3,3' } }));
verify('v2 fewer fpm than features', tok({ o: { id: 'org_1', rol: 'admin', per: 'read,manage', fpm: '3' } }));
verify('v2 bits beyond per', tok({ o: { id: 'org_1', rol: 'admin', per: 'read', fpm: '7,7' } }));
verify('v2 per trailing comma', tok({ o: { id: 'org_1', rol: 'admin', per: 'read,', fpm: '3,3' } }));
verify('v2 per empty names', tok({ o: { id: 'org_1', rol: 'admin', per: ',,', fpm: '7,7' } }));
{
  const per = Array.from({ length: 70 }, (_, i) => `p${i}`).join(',');
  const all = (2n ** 70n - 1n).toString();
  const some = ((1n << 69n) | (1n << 64n) | 1n).toString();
  verify('v2 70 permissions all bits', tok({ fea: 'o:big', o: { id: 'org_1', rol: 'admin', per, fpm: all } }));
  verify('v2 70 permissions bits 0, 64, 69', tok({ fea: 'o:big', o: { id: 'org_1', rol: 'admin', per, fpm: some } }));
  verify('v2 bit 64 only', tok({ fea: 'o:big', o: { id: 'org_1', rol: 'admin', per, fpm: (1n << 64n).toString() } }));
  verify('v2 2^64 exactly with 65 perms', tok({ fea: 'o:big', o: { id: 'org_1', rol: 'admin', per: per.split(',').slice(0, 65).join(','), fpm: '18446744073709551616' } }));
  verify('v2 huge fpm 200 digits', tok({ fea: 'o:big', o: { id: 'org_1', rol: 'admin', per, fpm: '9'.repeat(200) } }));
}
// Feature and plan claims.
verify('fea ou and uo scopes', tok({ fea: 'ou:both,uo:invoices' }));
verify('fea unknown scope', tok({ fea: 'xo:invoices,u:beta' }));
verify('fea long scope names', tok({ fea: 'org:invoices,user:beta' }));
verify('fea spaces', tok({ fea: ' o:invoices , u:beta ' }));
verify('fea missing colon with o', tok({ fea: 'invoices,u:beta' }));
verify('fea missing colon without o', tok({ o: undefined, fea: 'invoices,u:beta' }));
verify('fea empty entry', tok({ fea: 'o:invoices,,u:beta' }));
verify('fea trailing comma', tok({ fea: 'o:invoices,u:beta,' }));
verify('fea empty name', tok({ fea: 'o:,u:beta' }));
verify('fea name with colon', tok({ fea: 'o:foo:bar,u:beta' }));
verify('fea empty string', tok({ fea: '' }));
verify('fea null', tok({ fea: null }));
verify('fea array', tok({ fea: ['o:invoices'] }));
verify('fea number', tok({ fea: 5 }));
verify('pla missing colon', tok({ pla: 'pro' }));
verify('pla array', tok({ pla: ['o:pro'] }));
verify('pla ou', tok({ pla: 'ou:pro' }));
verify('no fea no pla', tok({ fea: undefined, pla: undefined }));
verify('feature only for user without org', tok({ o: undefined, fea: 'u:beta,o:invoices' }));
// Reverification.
for (const fva of [[0, 0], [5, -1], [-1, 5], [-1, -1], [11, 9], [9, 11], [1441, 0], [0, 1441], [10, 10], [59, 60], [null, 1], ['1', 2], [1.5, 2], [1], [1, 2, 3], [-2, 1], 'x', null]) {
  verify(`fva ${JSON.stringify(fva)}`, tok({ fva }));
}
verify('fva missing', tok({ fva: undefined }));
// Session status.
verify('sts pending', tok({ sts: 'pending' }));
verify('sts missing', tok({ sts: undefined }));
verify('sts other', tok({ sts: 'revoked' }));
verify('sts number', tok({ sts: 1 }));
// Claim types and nulls.
for (const k of ['sub', 'exp', 'nbf', 'iat', 'azp', 'iss', 'sid', 'v']) {
  verify(`${k} null`, tok({ [k]: null }));
  verify(`${k} missing`, tok({ [k]: undefined }));
}
verify('sub number', tok({ sub: 123 }));
verify('sub empty', tok({ sub: '' }));
verify('sub object', tok({ sub: { id: 'user_1' } }));
verify('exp string', tok({ exp: String(S + 60) }));
verify('exp bool', tok({ exp: true }));
verify('exp array', tok({ exp: [S + 60] }));
verify('nbf string', tok({ nbf: String(S) }));
verify('iat string', tok({ iat: 'now' }));
verify('sid number', tok({ sid: 5 }));
verify('v string 2', tok({ v: '2' }));
verify('v 2.0 text', raw(JSON.stringify(claims()).replace('"v":2', '"v":2.0')));
verify('v 3', tok({ v: 3 }));
verify('v 1 with o', tok({ v: 1 }));
verify('act object', tok({ act: { sub: 'user_admin' } }));
verify('act string', tok({ act: 'user_admin' }));
// JSON oddities.
const base = JSON.stringify(claims());
verify('duplicate sub, last wins', raw(base.replace('{', '{"sub":"user_evil",')));
verify('duplicate sub, null last', raw(base.replace('}', ',"sub":null}').replace(/}$/, '}')));
verify('duplicate exp, expired last', raw(base.slice(0, -1) + `,"exp":${S - 100}}`));
verify('duplicate exp, expired first', raw(`{"exp":${S - 100},` + base.slice(1)));
verify('duplicate o, last wins', raw(base.slice(0, -1) + ',"o":{"id":"org_2","rol":"member"}}'));
verify('duplicate fea', raw(base.slice(0, -1) + ',"fea":"u:other"}'));
verify('duplicate org_role null last (v1)', raw(JSON.stringify(v1()).slice(0, -1) + ',"org_role":null}'));
verify('escaped sub', raw(base.replace('"sub":"user_1"', '"sub":"\\u0075ser_1"')));
verify('escaped key name', raw(base.replace('"sub":"user_1"', '"s\\u0075b":"user_1"')));
verify('lone surrogate in sub', raw(base.replace('"sub":"user_1"', '"sub":"user_\\ud800"')));
verify('nul in sub', raw(base.replace('"sub":"user_1"', '"sub":"user_1\\u0000x"')));
verify('unicode role', tok({ o: { id: 'org_1', rol: 'ädmin', per: 'read', fpm: '1' } }));
verify('invalid utf-8 in custom claim', mint(hdr(), null, { payloadSeg: Buffer.concat([Buffer.from(base.slice(0, -1) + ',"x":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]).toString('base64url') }));
verify('invalid utf-8 in sub', mint(hdr(), null, { payloadSeg: Buffer.from(base.replace('"sub":"user_1"', '"sub":"user_\u0001"')).toString('base64url').replace(/./, c => c) }));
verify('bom before payload', mint(hdr(), null, { payloadSeg: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(base)]).toString('base64url') }));
verify('bom before header', mint(null, claims(), { headerSeg: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(hdr()))]).toString('base64url') }));
verify('two boms before payload', mint(hdr(), null, { payloadSeg: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from(base)]).toString('base64url') }));
verify('whitespace around payload', raw(` \n\t${base}\r\n `));
verify('trailing garbage after payload', raw(base + 'x'));
verify('trailing comma in payload', raw(base.slice(0, -1) + ',}'));
verify('payload array', raw('[1,2]'));
verify('payload null', raw('null'));
verify('payload number', raw('42'));
verify('payload string', raw('"user_1"'));
verify('payload empty object', raw('{}'));
verify('payload single quotes', raw(base.replace(/"/g, "'")));
verify('payload NaN', raw(base.slice(0, -1) + ',"x":NaN}'));
verify('deep nesting 500', raw(base.slice(0, -1) + ',"deep":' + '['.repeat(500) + ']'.repeat(500) + '}'));
verify('deep nesting 5000', raw(base.slice(0, -1) + ',"deep":' + '['.repeat(5000) + ']'.repeat(5000) + '}'));
verify('deep object 200', raw(base.slice(0, -1) + ',"deep":' + '{"a":'.repeat(200) + '1' + '}'.repeat(200) + '}'));
// Numbers.
const num = (k, text) => raw(base.replace(new RegExp(`"${k}":-?[0-9.e+]+`), `"${k}":${text}`));
verify('exp 1e400 (infinite)', num('exp', '1e400'));
verify('exp -1e400', num('exp', '-1e400'));
verify('exp 1e308', num('exp', '1e308'));
verify('exp 1e16 beyond Date range', num('exp', '1e16'));
verify('exp -1e16 beyond Date range', num('exp', '-1e16'));
verify('exp 8.64e12 edge of Date range', num('exp', '8640000000000'));
verify('exp 8.64e12+1', num('exp', '8640000000001'));
verify('nbf 1e16 beyond Date range', num('nbf', '1e16'));
verify('nbf 1e400', num('nbf', '1e400'));
verify('iat 1e16 beyond Date range', num('iat', '1e16'));
verify('iat 1e400', num('iat', '1e400'));
verify('exp 2^53+1', num('exp', '9007199254740993'));
verify('exp with exponent', num('exp', `${(S + 60) / 1000}e3`));
verify('exp negative zero', num('exp', '-0'));
verify('exp leading zero', num('exp', `0${S + 60}`));
verify('exp plus sign', num('exp', `+${S + 60}`));
verify('exp hex', num('exp', '0x7fffffff'));
verify('exp fraction .5 past', num('exp', `${S - 5}.5`));
verify('exp fraction .9 at skew edge', num('exp', `${S - 6}.9`));
verify('exp fraction .1 after skew edge', num('exp', `${S - 4}.1`));
verify('nbf fraction .5 at skew edge', num('nbf', `${S + 5}.5`));
verify('nbf fraction .9 past skew edge', num('nbf', `${S + 6}.1`));
verify('iat fraction .5 at skew edge', num('iat', `${S + 5}.5`));
verify('iat fraction beyond', num('iat', `${S + 6}.5`));
verify('exp negative fraction', num('exp', '-0.5'));
// Time boundaries (default skew 5 s).
for (const d of [-6, -5, -4, 0, 1]) verify(`exp now${d >= 0 ? '+' : ''}${d}`, tok({ exp: S + d }));
for (const d of [4, 5, 6]) verify(`nbf now+${d}`, tok({ nbf: S + d }));
for (const d of [4, 5, 6]) verify(`iat now+${d}`, tok({ iat: S + d }));
verify('exp now-5 at a half second', tok({ exp: S - 5 }), { now: NOW + 500 });
verify('exp now-4 at a half second', tok({ exp: S - 4 }), { now: NOW + 500 });
verify('exp now-5 at 999 ms', tok({ exp: S - 5 }), { now: NOW - 1 });
verify('nbf now+5 at minus 1 ms', tok({ nbf: S + 5 }), { now: NOW - 1 });
verify('nbf now+6 at +999 ms', tok({ nbf: S + 6 }), { now: NOW + 999 });
for (const skew of [0, 1000, 60000]) {
  verify(`exp now skew ${skew}`, tok({ exp: S }), { options: { clockSkewInMs: skew } });
  verify(`exp now-30 skew ${skew}`, tok({ exp: S - 30 }), { options: { clockSkewInMs: skew } });
  verify(`nbf now+30 skew ${skew}`, tok({ nbf: S + 30 }), { options: { clockSkewInMs: skew } });
  verify(`iat now+1 skew ${skew}`, tok({ iat: S + 1 }), { options: { clockSkewInMs: skew } });
}
// Authorized parties, audience, issuer.
const ap = { authorizedParties: ['https://app.example.com', 'https://other.example.com'] };
verify('azp allowed', tok(), { options: ap });
verify('azp not allowed', tok({ azp: 'https://evil.example.com' }), { options: ap });
verify('azp missing with parties', tok({ azp: undefined }), { options: ap });
verify('azp null with parties', tok({ azp: null }), { options: ap });
verify('azp empty with parties', tok({ azp: '' }), { options: ap });
verify('azp number with parties', tok({ azp: 1 }), { options: ap });
verify('azp trailing slash', tok({ azp: 'https://app.example.com/' }), { options: ap });
verify('azp case differs', tok({ azp: 'https://APP.example.com' }), { options: ap });
verify('azp missing without parties', tok({ azp: undefined }));
const aud = { audience: 'api://orders' };
verify('aud string match', tok({ aud: 'api://orders' }), { options: aud });
verify('aud string mismatch', tok({ aud: 'api://billing' }), { options: aud });
verify('aud array match', tok({ aud: ['x', 'api://orders'] }), { options: aud });
verify('aud array mismatch', tok({ aud: ['x', 'y'] }), { options: aud });
verify('aud missing', tok(), { options: aud });
verify('aud empty string', tok({ aud: '' }), { options: aud });
verify('aud empty array', tok({ aud: [] }), { options: aud });
verify('aud array with empty string', tok({ aud: [''] }), { options: aud });
verify('aud number', tok({ aud: 5 }), { options: aud });
verify('aud object', tok({ aud: { a: 'api://orders' } }), { options: aud });
verify('aud mixed array', tok({ aud: [5, 'api://billing'] }), { options: aud });
verify('aud mixed array with match', tok({ aud: [5, 'api://orders'] }), { options: aud });
verify('aud null', tok({ aud: null }), { options: aud });
verify('aud array without audience option', tok({ aud: ['x'] }));

const iss = { issuer: 'https://' + FAPI };
verify('iss match', tok(), { options: iss });
verify('iss mismatch', tok({ iss: 'https://evil.example.com' }), { options: iss });
verify('iss missing with issuer', tok({ iss: undefined }), { options: iss });
verify('iss number with issuer', tok({ iss: 1 }), { options: iss });
// Header fields.
verify('alg none', tok({}, { alg: 'none' }));
verify('alg missing', tok({}, { alg: undefined }));
verify('alg lower case', tok({}, { alg: 'rs256' }));
verify('alg HS256', tok({}, { alg: 'HS256' }));
verify('alg RS384 signed RS384', mint(hdr({ alg: 'RS384' }), claims(), { signAlg: 'RS384' }));
verify('alg RS512 signed RS512', mint(hdr({ alg: 'RS512' }), claims(), { signAlg: 'RS512' }));
verify('alg RS384 signed RS256', mint(hdr({ alg: 'RS384' }), claims()));
verify('alg ES256', tok({}, { alg: 'ES256' }));
verify('alg number', tok({}, { alg: 256 }));
verify('typ missing', tok({}, { typ: undefined }));
verify('typ null', tok({}, { typ: null }));
verify('typ lower case', tok({}, { typ: 'jwt' }));
verify('typ with space', tok({}, { typ: 'JWT ' }));
verify('typ number', tok({}, { typ: 1 }));
verify('typ at+jwt as session', tok({}, { typ: 'at+jwt' }));
verify('kid missing', tok({}, { kid: undefined }));
verify('kid number', tok({}, { kid: 7 }));
verify('cat missing', tok({}, { cat: undefined }));
verify('cat m2m', tok({}, { cat: 'cl_B7d4PD333AAA' }));
verify('cat template', tok({}, { cat: 'cl_B7d4PD222AAA' }));
verify('cat ignore', tok({}, { cat: 'cl_I7d4PD111III' }));
verify('cat unknown', tok({}, { cat: 'cl_other' }));
verify('cat number', tok({}, { cat: 1 }));
verify('crit header', tok({}, { crit: ['exp'] }));
verify('header duplicate alg none last', mint(JSON.stringify(hdr()).slice(0, -1) + ',"alg":"none"}', claims()));
verify('header duplicate alg RS256 last', mint('{"alg":"none",' + JSON.stringify(hdr()).slice(1), claims()));
verify('header array', mint('[1]', claims()));
verify('header null', mint('null', claims()));
verify('wrong key', mint(hdr(), claims(), { key: other.privateKey }));
verify('signature of other payload', (() => { const a = tok(); const b = tok({ sub: 'user_2' }); return a.split('.').slice(0, 2).join('.') + '.' + b.split('.')[2]; })());
verify('empty signature', tok().replace(/\.[^.]*$/, '.'));
verify('truncated signature', tok().slice(0, -4));
// base64url strictness.
const good = tok();
const [gh, gp, gs] = good.split('.');
const rs = (h, p, s) => `${h}.${p}.${s}`;
const repad = seg => seg + '='.repeat((4 - (seg.length % 4)) % 4);
verify('padded segments', rs(repad(gh), repad(gp), repad(gs)));
verify('padded payload, resigned', mint(null, null, { headerSeg: gh, payloadSeg: repad(gp) + '=' }));
verify('extra padding', rs(gh, gp + '==', gs));
verify('triple padding', rs(gh, gp + '===', gs));
verify('padding in the middle', rs(gh, gp.slice(0, 4) + '=' + gp.slice(4), gs));
verify('standard alphabet signature', rs(gh, gp, gs.replace(/-/g, '+').replace(/_/g, '/')));
{
  // A payload whose encoding needs '-' or '_', re-encoded with '+' and '/' and signed as sent.
  const c = claims({ x: '\u00fb\u00ff\u00fe>>>???' });
  const p = b64u(JSON.stringify(c)).replace(/-/g, '+').replace(/_/g, '/');
  verify('standard alphabet payload, signed as sent', mint(null, null, { headerSeg: gh, payloadSeg: p }));
}
{
  // Non-canonical trailing bits: the last character changed so its low bits are set.
  const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const tweak = seg => { const c = seg.at(-1); const i = alpha.indexOf(c); return seg.slice(0, -1) + alpha[i | 1]; };
  let p = gp;
  if (p.length % 4 === 0) p = b64u(JSON.stringify(claims({ pad: 'x' })));
  if (p.length % 4 === 0) p = b64u(JSON.stringify(claims({ pad: 'xy' })));
  verify('non-canonical trailing bits in payload, signed as sent', mint(null, null, { headerSeg: gh, payloadSeg: tweak(p) }));
  verify('non-canonical trailing bits in signature', rs(gh, gp, tweak(gs)));
}
verify('newline in payload', mint(null, null, { headerSeg: gh, payloadSeg: gp.slice(0, 10) + '\n' + gp.slice(10) }));
verify('space in payload', mint(null, null, { headerSeg: gh, payloadSeg: gp.slice(0, 10) + ' ' + gp.slice(10) }));
verify('payload length 4n+1', mint(null, null, { headerSeg: gh, payloadSeg: (gp.length % 4 === 1 ? gp : gp + 'A'.repeat((5 - (gp.length % 4)) % 4)) }));
verify('invalid character', mint(null, null, { headerSeg: gh, payloadSeg: gp.slice(0, 10) + '*' + gp.slice(10) }));
verify('two dots', gh + '.' + gp);
verify('four parts', good + '.x');
verify('empty header segment', rs('', gp, gs));
verify('empty token', '');
verify('dots only', '..');
verify('not a jwt', 'hello');

// Machine JWTs.
const m2m = (x = {}, h = {}) => mint(hdr({ cat: 'cl_B7d4PD333AAA', ...h }), { sub: 'mch_1', jti: 'mt_1', iat: S - 10, exp: S + 60, scopes: 'mch_2 mch_3', aud: ['mch_2', 'mch_3'], ...x });
const oat = (x = {}, h = {}) => mint(hdr({ typ: 'at+jwt', cat: undefined, ...h }), { sub: 'user_1', jti: 'oat_1', client_id: 'client_1', iat: S - 10, exp: S + 60, scp: ['read', 'write'], ...x });
const anyTok = { acceptsToken: 'any' };
const bearer = t => ({ headers: { host: 'app.example.com', authorization: 'Bearer ' + t, accept: 'application/json' } });
request('m2m jwt, any', bearer(m2m()), { options: anyTok });
request('m2m jwt without scopes uses aud', bearer(m2m({ scopes: undefined })), { options: anyTok });
request('m2m jwt without scopes or aud', bearer(m2m({ scopes: undefined, aud: undefined })), { options: anyTok });
request('m2m jwt aud string', bearer(m2m({ scopes: undefined, aud: 'mch_9' })), { options: anyTok });
request('m2m jwt without cat', bearer(m2m({}, { cat: undefined })), { options: anyTok });
request('m2m jwt session cat', bearer(m2m({}, { cat: 'cl_B7d4PD111AAA' })), { options: anyTok });
request('m2m jwt expired', bearer(m2m({ exp: S - 60 })), { options: anyTok });
request('m2m jwt custom claims', bearer(m2m({ team: 'ops' })), { options: anyTok });
request('m2m jwt, m2m only', bearer(m2m()), { options: { acceptsToken: 'm2m_token' } });
request('m2m jwt, session only', bearer(m2m()), {});
request('m2m jwt, api_key list', bearer(m2m()), { options: { acceptsToken: ['api_key', 'oauth_token'] } });
request('m2m jwt, session cookie', { headers: { host: 'app.example.com', cookie: `__session=${m2m()}; __client_uat=${S - 100}` } });
request('oauth jwt scp array', bearer(oat()), { options: anyTok });
request('oauth jwt scope string', bearer(oat({ scp: undefined, scope: 'read write' })), { options: anyTok });
request('oauth jwt scp and scope', bearer(oat({ scope: 'other' })), { options: anyTok });
request('oauth jwt no scopes', bearer(oat({ scp: undefined })), { options: anyTok });
request('oauth jwt application/at+jwt', bearer(oat({}, { typ: 'application/at+jwt' })), { options: anyTok });
request('oauth jwt expired', bearer(oat({ exp: S - 60 })), { options: anyTok });
request('oauth jwt, oauth only', bearer(oat()), { options: { acceptsToken: 'oauth_token' } });
request('oauth jwt, session only', bearer(oat()), {});
request('oauth jwt audience option match', bearer(oat({ aud: 'api://x' })), { options: { acceptsToken: 'any', audience: 'api://x' } });
request('oauth jwt audience option missing aud', bearer(oat()), { options: { acceptsToken: 'any', audience: 'api://x' } });
request('session jwt, any', bearer(tok()), { options: anyTok });
request('template jwt, any', bearer(tok({}, { cat: 'cl_B7d4PD222AAA' })), { options: anyTok });
request('template jwt, session', bearer(tok({}, { cat: 'cl_B7d4PD222AAA' })), {});
request('session jwt, m2m only', bearer(tok()), { options: { acceptsToken: 'm2m_token' } });
request('session jwt, list with session', bearer(tok()), { options: { acceptsToken: ['session_token', 'api_key'] } });
request('session jwt, list without session', bearer(tok()), { options: { acceptsToken: ['api_key', 'm2m_token'] } });
request('no token, m2m only', { headers: { host: 'app.example.com' } }, { options: { acceptsToken: 'm2m_token' } });
request('no token, list without session', { headers: { host: 'app.example.com' } }, { options: { acceptsToken: ['api_key', 'oauth_token'] } });

// Authorization header shapes.
const T = tok();
const H = (authorization, extra = {}) => ({ headers: { host: 'app.example.com', accept: 'application/json', authorization, ...extra } });
request('Bearer token', H('Bearer ' + T));
request('lower-case bearer', H('bearer ' + T));
request('upper-case BEARER', H('BEARER ' + T));
request('bare token', H(T));
request('Bearer with two spaces', H('Bearer  ' + T));
request('Bearer with tab', H('Bearer\t' + T));
request('Bearer with trailing words', H('Bearer ' + T + ' extra'));
request('Bearer with leading spaces', H('   Bearer ' + T));
request('Bearer with trailing spaces', H('Bearer ' + T + '   '));
request('Basic scheme', H('Basic dXNlcjpwYXNz'));
request('Basic scheme with cookie', H('Basic dXNlcjpwYXNz', { cookie: `__session=${T}; __client_uat=${S - 100}` }));
request('Bearer only', H('Bearer'));
request('Bearer and space only', H('Bearer '));
request('empty authorization with cookie', H('', { cookie: `__session=${T}; __client_uat=${S - 100}` }));
request('header token wins over cookie', H('Bearer ' + tok({ sub: 'user_header' }), { cookie: `__session=${T}; __client_uat=${S - 100}` }));
request('bare garbage', H('garbage'));
request('expired header token, api request', H('Bearer ' + tok({ exp: S - 60 })));
request('expired header token, document request', H('Bearer ' + tok({ exp: S - 60 }), { accept: 'text/html', 'sec-fetch-dest': 'document' }));

// Cookies and client_uat.
const C = (cookie, extra = {}) => ({ headers: { host: 'app.example.com', accept: 'application/json', cookie, ...extra } });
const DOC = { accept: 'text/html,application/xhtml+xml', 'sec-fetch-dest': 'document' };
const iat = S - 10;
request('cookie with client_uat before iat', C(`__session=${T}; __client_uat=${iat - 100}`));
request('cookie with client_uat equal iat', C(`__session=${T}; __client_uat=${iat}`));
request('cookie with client_uat after iat', C(`__session=${T}; __client_uat=${iat + 1}`));
request('cookie with client_uat after iat, document', C(`__session=${T}; __client_uat=${iat + 1}`, DOC));
request('cookie with client_uat 0', C(`__session=${T}; __client_uat=0`));
request('cookie with client_uat 0, document', C(`__session=${T}; __client_uat=0`, DOC));
request('cookie without client_uat', C(`__session=${T}`));
request('cookie without client_uat, document', C(`__session=${T}`, DOC));
request('client_uat without session', C(`__client_uat=${iat}`));
request('client_uat without session, document', C(`__client_uat=${iat}`, DOC));
request('client_uat without session, iframe', C(`__client_uat=${iat}`, { 'sec-fetch-dest': 'iframe' }));
request('client_uat without session, html accept no sec-fetch', C(`__client_uat=${iat}`, { accept: 'text/html' }));
request('client_uat without session, html accept with sec-fetch empty', C(`__client_uat=${iat}`, { accept: 'text/html', 'sec-fetch-dest': 'empty' }));
request('client_uat without session, POST document', { method: 'POST', ...C(`__client_uat=${iat}`, DOC) });
request('no cookies at all', C(''));
request('no cookies, document', C('', DOC));
for (const uat of ['abc', ' 12', `${iat}abc`, '-5', '1e3', '0x10', '99999999999999999999', `${iat}.9`, '', `"${iat}"`]) {
  request(`client_uat ${JSON.stringify(uat)}`, C(`__session=${T}; __client_uat=${uat}`));
}
request('quoted session cookie', C(`__session="${T}"; __client_uat=${iat}`));
request('percent-encoded session cookie', C(`__session=${encodeURIComponent(T).replace(/\./g, '%2E')}; __client_uat=${iat}`));
request('duplicate session cookie, good first', C(`__session=${T}; __session=garbage; __client_uat=${iat}`));
request('duplicate session cookie, good last', C(`__session=garbage; __session=${T}; __client_uat=${iat}`));
request('duplicate client_uat, zero first', C(`__session=${T}; __client_uat=0; __client_uat=${iat}`));
request('spaces around cookie', C(`  __session = ${T} ;  __client_uat = ${iat} `));
request('cookie without equals', C(`junk; __session=${T}; __client_uat=${iat}`));
request('empty session cookie', C(`__session=; __client_uat=${iat}`));
request('garbage session cookie', C(`__session=garbage; __client_uat=${iat}`));
request('garbage session cookie, document', C(`__session=garbage; __client_uat=${iat}`, DOC));
request('expired cookie, api', C(`__session=${tok({ exp: S - 60 })}; __client_uat=${iat - 100}`));
request('expired cookie, document', C(`__session=${tok({ exp: S - 60 })}; __client_uat=${iat - 100}`, DOC));
request('expired cookie, POST document', { method: 'POST', ...C(`__session=${tok({ exp: S - 60 })}; __client_uat=${iat - 100}`, DOC) });
request('nbf cookie, document', C(`__session=${tok({ nbf: S + 60 })}; __client_uat=${iat - 100}`, DOC));
request('iat-future cookie, document', C(`__session=${tok({ iat: S + 60 })}; __client_uat=${iat - 100}`, DOC));
request('bad signature cookie, document', C(`__session=${mint(hdr(), claims(), { key: other.privateKey })}; __client_uat=${iat - 100}`, DOC));
request('pending session cookie', C(`__session=${tok({ sts: 'pending' })}; __client_uat=${iat}`));
request('template cookie', C(`__session=${tok({}, { cat: 'cl_B7d4PD222AAA' })}; __client_uat=${iat}`));
request('oauth jwt cookie', C(`__session=${oat()}; __client_uat=${iat}`));
request('redirect loop counter 3', C(`__session=${tok({ exp: S - 60 })}; __client_uat=${iat - 100}; __clerk_redirect_count=3`, DOC));
request('redirect loop counter 2', C(`__session=${tok({ exp: S - 60 })}; __client_uat=${iat - 100}; __clerk_redirect_count=2`, DOC));
request('redirect loop counter garbage', C(`__session=${tok({ exp: S - 60 })}; __client_uat=${iat - 100}; __clerk_redirect_count=x`, DOC));
request('cross-origin referrer, document', C(`__session=${T}; __client_uat=${iat}`, { ...DOC, referer: 'https://elsewhere.example.net/page' }));
request('cross-origin referrer from accounts portal', C(`__session=${T}; __client_uat=${iat}`, { ...DOC, referer: 'https://accounts.example.com/sign-in' }));
request('cross-origin referrer from FAPI', C(`__session=${T}; __client_uat=${iat}`, { ...DOC, referer: 'https://clerk.example.com/v1/x' }));
request('same-origin referrer, document', C(`__session=${T}; __client_uat=${iat}`, { ...DOC, referer: 'http://app.example.com/home' }));
request('malformed referrer, document', C(`__session=${T}; __client_uat=${iat}`, { ...DOC, referer: '::not a url' }));
request('cross-origin referrer, api', C(`__session=${T}; __client_uat=${iat}`, { referer: 'https://elsewhere.example.net/page' }));

// Suffixed cookies; the suffix is derived from the publishable key.
const SUF = '__SUFFIX__';
const other_iss = tok({ iss: 'https://clerk.other.example' });
request('suffixed cookies only', C(`__session_${SUF}=${T}; __client_uat_${SUF}=${iat}`));
request('suffixed preferred over unsuffixed', C(`__session_${SUF}=${T}; __client_uat_${SUF}=${iat}; __session=${tok({ sub: 'user_unsuffixed', iat: iat - 50 })}; __client_uat=${iat - 50}`));
request('unsuffixed newer than suffixed', C(`__session_${SUF}=${tok({ sub: 'user_suffixed', iat: iat - 50 })}; __client_uat_${SUF}=${iat - 50}; __session=${T}; __client_uat=${iat}`));
request('suffixed signed out, unsuffixed signed in', C(`__session_${SUF}=; __client_uat_${SUF}=0; __session=${T}; __client_uat=${iat}`));
request('suffixed signed in, unsuffixed signed out', C(`__session_${SUF}=${T}; __client_uat_${SUF}=${iat}; __session=; __client_uat=0`));
request('suffixed session without suffixed uat', C(`__session_${SUF}=${T}; __session=${tok({ sub: 'user_unsuffixed' })}; __client_uat=${iat}`));
request('unsuffixed session of another instance', C(`__session=${other_iss}; __client_uat=${iat}; __session_${SUF}=${T}; __client_uat_${SUF}=${iat}`));
request('unsuffixed session without iss', C(`__session=${tok({ iss: undefined })}; __client_uat=${iat}; __session_${SUF}=${T}; __client_uat_${SUF}=${iat}`));
request('unsuffixed garbage, suffixed good', C(`__session=garbage; __client_uat=${iat}; __session_${SUF}=${T}; __client_uat_${SUF}=${iat}`));
request('wrong suffix ignored', C(`__session_AAAAAAAA=${T}; __client_uat_AAAAAAAA=${iat}`));
request('suffixed uat zero only', C(`__client_uat_${SUF}=0; __session=${T}; __client_uat=${iat}`));

// Handshake redirects: forwarded headers and request URL.
const EXP = `__session=${tok({ exp: S - 60 })}; __client_uat=${iat - 100}`;
const hs = (name, headers, o = {}) => request(name, { path: o.path ?? '/dashboard?tab=1', method: o.method, headers: { accept: 'text/html', 'sec-fetch-dest': 'document', cookie: EXP, ...headers } }, o);
hs('handshake plain host', { host: 'app.example.com' });
hs('handshake host with port', { host: 'app.example.com:8443' });
hs('handshake forwarded host', { host: 'internal:8080', 'x-forwarded-host': 'www.example.com' });
hs('handshake forwarded host list', { host: 'internal', 'x-forwarded-host': 'www.example.com, proxy.internal' });
hs('handshake forwarded proto https', { host: 'app.example.com', 'x-forwarded-proto': 'https' });
hs('handshake forwarded proto list', { host: 'app.example.com', 'x-forwarded-proto': 'https,http' });
hs('handshake forwarded host and proto', { host: 'internal', 'x-forwarded-host': 'www.example.com:444', 'x-forwarded-proto': 'https' });
hs('handshake cloudfront proto only', { host: 'app.example.com', 'cloudfront-forwarded-proto': 'https' });
hs('handshake forwarded host with space', { host: 'app.example.com', 'x-forwarded-host': 'exa mple.com' });
hs('handshake forwarded host with path', { host: 'app.example.com', 'x-forwarded-host': 'evil.com/path' });
hs('handshake forwarded host with userinfo', { host: 'app.example.com', 'x-forwarded-host': 'user@evil.com' });
hs('handshake forwarded host bad port', { host: 'app.example.com', 'x-forwarded-host': 'example.com:99999' });
hs('handshake forwarded host ipv6', { host: 'app.example.com', 'x-forwarded-host': '[::1]:8080' });
hs('handshake forwarded host unicode', { host: 'app.example.com', 'x-forwarded-host': 'bücher.example' });
hs('handshake forwarded host upper case', { host: 'app.example.com', 'x-forwarded-host': 'WWW.Example.COM' });
hs('handshake forwarded host empty', { host: 'app.example.com', 'x-forwarded-host': '' });
hs('handshake forwarded proto garbage', { host: 'app.example.com', 'x-forwarded-proto': 'ht tp' });
hs('handshake forwarded proto javascript', { host: 'app.example.com', 'x-forwarded-proto': 'javascript' });
hs('handshake forwarded host backslash', { host: 'app.example.com', 'x-forwarded-host': 'evil.com\\@good.com' });
hs('handshake path with encoded chars', { host: 'app.example.com' }, { path: '/a%20b/c?q=%E2%9C%93&x=1&sp=a+b&t=~*' });
hs('handshake path with dev browser param', { host: 'app.example.com' }, { path: '/p?__clerk_db_jwt=dbx&__dev_session=old&keep=1' });
hs('handshake HEAD', { host: 'app.example.com' }, { method: 'HEAD' });
hs('handshake proxy url', { host: 'app.example.com' }, { options: { proxyUrl: 'https://app.example.com/__clerk' } });
hs('handshake relative proxy url', { host: 'app.example.com', 'x-forwarded-proto': 'https' }, { options: { proxyUrl: '/__clerk' } });
hs('handshake proxy url trailing slashes', { host: 'app.example.com' }, { options: { proxyUrl: 'https://app.example.com/__clerk///' } });
hs('handshake satellite production', { host: 'app.satellite.dev' }, { options: { isSatellite: true, domain: 'satellite.dev', signInUrl: 'https://accounts.example.com/sign-in' } });
request('satellite no cookies, document', { headers: { host: 'app.satellite.dev', ...DOC } }, { options: { isSatellite: true, domain: 'satellite.dev', signInUrl: 'https://accounts.example.com/sign-in' } });
request('satellite needs sync param', { path: '/?__clerk_synced=false', headers: { host: 'app.satellite.dev', ...DOC } }, { options: { isSatellite: true, domain: 'satellite.dev', signInUrl: 'https://accounts.example.com/sign-in' } });
request('satellite sync completed', { path: '/?__clerk_synced=true', headers: { host: 'app.satellite.dev', ...DOC } }, { options: { isSatellite: true, domain: 'satellite.dev', signInUrl: 'https://accounts.example.com/sign-in' } });

// Handshake resolution: the signed __clerk_handshake token and the nonce form.
const hsTok = (directives, x = {}, h = {}) => mint(hdr(h), { handshake: directives, ...x });
const fresh = tok({ iat: S - 1 });
const sessionDirectives = [`__session=${fresh}; Path=/; Secure; SameSite=Lax`, `__client_uat=${S - 1}; Path=/; Max-Age=315360000; Secure; SameSite=Strict`, '__clerk_handshake=; Path=/; Max-Age=0'];
const HSQ = (t, extra = {}) => ({ path: `/dashboard?__clerk_handshake=${t}&tab=1`, headers: { host: 'app.example.com', ...DOC, ...extra } });
request('handshake token in query', HSQ(hsTok(sessionDirectives)));
request('handshake token in cookie', { path: '/dashboard', headers: { host: 'app.example.com', ...DOC, cookie: `__clerk_handshake=${hsTok(sessionDirectives)}` } });
request('handshake token signed out', HSQ(hsTok(['__session=; Path=/; Max-Age=0', '__client_uat=0; Path=/'])));
request('handshake token bad signature', HSQ(mint(hdr(), { handshake: sessionDirectives }, { key: other.privateKey })));
request('handshake token template category', HSQ(hsTok(sessionDirectives, {}, { cat: 'cl_B7d4PD222AAA' })));
request('handshake token expired', HSQ(hsTok(sessionDirectives, { exp: S - 3600 })));
request('handshake token not a jwt', HSQ('garbage'));
request('handshake token with foreign cookie', HSQ(hsTok([...sessionDirectives, 'tracking=1; Path=/; Domain=example.com'])));
request('handshake token handshake not an array', HSQ(hsTok('__session=x')));
request('handshake token with expired session', HSQ(hsTok([`__session=${tok({ exp: S - 60 })}; Path=/`, `__client_uat=${S - 100}; Path=/`])));
request('handshake token, api request', { ...HSQ(hsTok(sessionDirectives)), headers: { host: 'app.example.com', accept: 'application/json' } });
request('handshake nonce in query', { path: '/dashboard?__clerk_handshake_nonce=nonce_good&tab=1', headers: { host: 'app.example.com', ...DOC } });
request('handshake nonce in cookie', { path: '/dashboard', headers: { host: 'app.example.com', ...DOC, cookie: '__clerk_handshake_nonce=nonce_good' } });
request('handshake nonce unknown', { path: '/dashboard?__clerk_handshake_nonce=nonce_unknown', headers: { host: 'app.example.com', ...DOC } });
request('handshake nonce signed out', { path: '/dashboard?__clerk_handshake_nonce=nonce_signed_out', headers: { host: 'app.example.com', ...DOC } });

// Development instances.
const dev = { publishableKey: PK_TEST, secretKey: SK_TEST };
request('dev no dev browser, document', { headers: { host: 'localhost:3000', ...DOC } }, { options: dev });
request('dev no dev browser, api', { headers: { host: 'localhost:3000', accept: 'application/json' } }, { options: dev });
request('dev browser in query', { path: '/?__clerk_db_jwt=dvb_1', headers: { host: 'localhost:3000', ...DOC } }, { options: dev });
request('dev browser cookie, signed in', { headers: { host: 'localhost:3000', ...DOC, cookie: `__clerk_db_jwt=dvb_1; __session=${T}; __client_uat=${iat}` } }, { options: dev });
request('dev browser cookie, expired', { headers: { host: 'localhost:3000', ...DOC, cookie: `__clerk_db_jwt=dvb_1; ${EXP}` } }, { options: dev });
request('dev handshake token in query', { ...HSQ(hsTok(sessionDirectives)), headers: { host: 'localhost:3000', ...DOC, cookie: '__clerk_db_jwt=dvb_1' } }, { options: dev });
request('dev handshake token in query with help and db params', { path: `/dashboard?__clerk_handshake=${hsTok(sessionDirectives)}&__clerk_help=1&__clerk_db_jwt=dvb_1&tab=1`, headers: { host: 'localhost:3000', ...DOC } }, { options: dev });
const devSat = { ...dev, isSatellite: true, domain: 'satellite.dev', signInUrl: 'https://primary.example.com/sign-in?x=1' };
request('dev satellite needs sync', { path: '/page?__clerk_synced=false&a=b', headers: { host: 'app.satellite.dev', ...DOC, cookie: '__clerk_db_jwt=dvb_1' } }, { options: devSat });
request('dev satellite no cookies', { path: '/page', headers: { host: 'app.satellite.dev', ...DOC } }, { options: devSat });
request('dev satellite signed in', { path: '/page', headers: { host: 'app.satellite.dev', ...DOC, cookie: `__clerk_db_jwt=dvb_1; __session=${T}; __client_uat=${iat}` } }, { options: devSat });
request('dev handshake nonce', { path: '/dashboard?__clerk_handshake_nonce=nonce_good', headers: { host: 'localhost:3000', ...DOC, cookie: '__clerk_db_jwt=dvb_1' } }, { options: dev });

// Token refresh through the __refresh_<suffix> cookie.
const REFRESH = rt => `__session=${tok({ exp: S - 60 })}; __client_uat=${iat - 100}; __refresh_${SUF}=${rt}`;
for (const rt of ['rt_good', 'rt_bad', 'rt_unexpected', 'rt_empty', 'rt_badtoken', 'rt_down']) {
  request(`refresh ${rt}, document`, C(REFRESH(rt), DOC));
  request(`refresh ${rt}, api`, C(REFRESH(rt)));
}
request('refresh rt_good, POST', { method: 'POST', ...C(REFRESH('rt_good')) });
request('refresh rt_good, expired header token', H('Bearer ' + tok({ exp: S - 60 }), { cookie: `__refresh_${SUF}=rt_good` }));
request('refresh without sid', C(`__session=${tok({ exp: S - 60, sid: undefined })}; __client_uat=${iat - 100}; __refresh_${SUF}=rt_good`));
request('refresh with unsuffixed __refresh only', C(`__session=${tok({ exp: S - 60 })}; __client_uat=${iat - 100}; __refresh=rt_good`));

// Opaque machine tokens, verified by the Backend API stand-in below.
const anyH = t => ({ headers: { host: 'app.example.com', authorization: 'Bearer ' + t, accept: 'application/json' } });
for (const t of ['ak_good', 'ak_org', 'ak_unknown', 'ak_badsecret', 'ak_revoked', 'ak_server_error', 'mt_good', 'mt_unknown', 'mt_expired', 'oat_good', 'oat_unknown']) {
  request(`opaque ${t}, any`, anyH(t), { options: anyTok });
}
request('opaque ak_good, api_key only', anyH('ak_good'), { options: { acceptsToken: 'api_key' } });
request('opaque mt_good, api_key only', anyH('mt_good'), { options: { acceptsToken: 'api_key' } });
request('opaque ak_good, session only', anyH('ak_good'), {});
request('opaque oat_good, list', anyH('oat_good'), { options: { acceptsToken: ['oauth_token', 'm2m_token'] } });

// Organization sync from URL patterns (organizationSyncOptions).
const ORG = { organizationSyncOptions: { organizationPatterns: ['/orgs/:slug', '/orgs/:slug/(.*)', '/o/:id', '/o/:id/(.*)'], personalAccountPatterns: ['/me', '/me/(.*)'] } };
const SIGNED = `__session=${T}; __client_uat=${iat}`;
const orgDoc = (name, path, cookie = SIGNED, extra = {}, options = ORG) =>
  request(name, { path, headers: { host: 'app.example.com', ...DOC, cookie, ...extra } }, { options });
orgDoc('org sync slug matches', '/orgs/acme');
orgDoc('org sync slug differs', '/orgs/other');
orgDoc('org sync slug differs only in case', '/orgs/ACME');
orgDoc('org sync slug differs, deeper path', '/orgs/other/settings/members');
orgDoc('org sync slug matches, trailing slash', '/orgs/acme/');
orgDoc('org sync pattern case-insensitive', '/ORGS/other');
orgDoc('org sync slug percent-encoded', '/orgs/ot%20her');
orgDoc('org sync id matches', '/o/org_1');
orgDoc('org sync id differs', '/o/org_2/billing');
orgDoc('org sync personal with an active org', '/me');
orgDoc('org sync personal, deeper path', '/me/profile');
orgDoc('org sync personal without org', '/me', `__session=${tok({ o: undefined })}; __client_uat=${iat}`);
orgDoc('org sync no pattern matches', '/dashboard');
orgDoc('org sync v1 token slug differs', '/orgs/other', `__session=${mint(hdr(), v1())}; __client_uat=${iat}`);
orgDoc('org sync pending session', '/orgs/other', `__session=${tok({ sts: 'pending' })}; __client_uat=${iat}`);
orgDoc('org sync redirect loop', '/orgs/other', `${SIGNED}; __clerk_redirect_count=3`);
orgDoc('org sync redirect count 2', '/orgs/other', `${SIGNED}; __clerk_redirect_count=2`);
orgDoc('org sync expired cookie on an org path', '/orgs/other', EXP);
orgDoc('org sync expired cookie on a personal path', '/me', EXP);
orgDoc('org sync expired cookie, slug matches', '/orgs/acme', EXP);
request('org sync slug differs, api request', { path: '/orgs/other', headers: { host: 'app.example.com', accept: 'application/json', cookie: SIGNED } }, { options: ORG });
request('org sync slug differs, header token', { path: '/orgs/other', headers: { host: 'app.example.com', ...DOC, authorization: 'Bearer ' + T } }, { options: ORG });
orgDoc('org sync only personal patterns', '/me', SIGNED, {}, { organizationSyncOptions: { personalAccountPatterns: ['/me'] } });
orgDoc('org sync pattern without id or slug', '/teams/x', SIGNED, {}, { organizationSyncOptions: { organizationPatterns: ['/teams/:name', '/teams/:slug'] } });
orgDoc('org sync optional parameter', '/orgs', SIGNED, {}, { organizationSyncOptions: { organizationPatterns: ['/orgs/:slug?'] } });
orgDoc('org sync invalid pattern', '/orgs/other', SIGNED, {}, { organizationSyncOptions: { organizationPatterns: ['/orgs/:'] } });
orgDoc('org sync repeated parameter pattern', '/orgs/a/b', SIGNED, {}, { organizationSyncOptions: { organizationPatterns: ['/orgs/:slug+'] } });

// satelliteAutoSync.
const SAT = { isSatellite: true, domain: 'satellite.dev', signInUrl: 'https://accounts.example.com/sign-in' };
const satDoc = (name, options, o = {}) => request(name, { path: o.path ?? '/', headers: { host: 'app.satellite.dev', ...DOC, ...(o.headers ?? {}) } }, { options });
satDoc('satellite autosync, no cookies, document', { ...SAT, satelliteAutoSync: true });
satDoc('satellite autosync false, no cookies, document', { ...SAT, satelliteAutoSync: false });
satDoc('satellite autosync, sync completed', { ...SAT, satelliteAutoSync: true }, { path: '/?__clerk_synced=true' });
satDoc('dev satellite autosync, no cookies', { ...devSat, satelliteAutoSync: true }, { headers: { cookie: '__clerk_db_jwt=dvb_1' } });
request('satellite autosync, no cookies, api request', { headers: { host: 'app.satellite.dev', accept: 'application/json' } }, { options: { ...SAT, satelliteAutoSync: true } });

// Satellite settings Clerk accepts at construction and throws on, or
// misuses, per request.
satDoc('satellite domain with scheme', { ...SAT, domain: 'https://satellite.dev' }, { path: '/?__clerk_synced=false' });
satDoc('satellite relative signInUrl, Origin header', { ...SAT, signInUrl: '/sign-in' }, { headers: { origin: 'https://app.satellite.dev' } });
satDoc('dev satellite relative signInUrl, needs sync', { ...devSat, signInUrl: '/sign-in' }, { path: '/?__clerk_synced=false', headers: { cookie: '__clerk_db_jwt=dvb_1' } });
satDoc('satellite relative signInUrl, no Origin header', { ...SAT, signInUrl: '/sign-in' }, { headers: { cookie: SIGNED } });
satDoc('satellite same-origin signInUrl, Origin header', { ...SAT, signInUrl: 'https://satellite.dev/sign-in' }, { headers: { origin: 'https://satellite.dev' } });
satDoc('satellite same-origin signInUrl, no Origin header', { ...SAT, signInUrl: 'https://satellite.dev/sign-in' }, { headers: { cookie: SIGNED } });
request('relative signInUrl, not a satellite', C(SIGNED), { options: { signInUrl: '/sign-in' } });

// Keys: a missing publishable key, secret key or JWT key.
request('no publishable key, bearer token', H('Bearer ' + T), { options: { publishableKey: '' } });
request('no publishable key, m2m only', bearer(m2m()), { options: { publishableKey: '', acceptsToken: 'm2m_token' } });
request('no secret key nor jwt key', H('Bearer ' + T), { options: { secretKey: '', jwtKey: '' } });
request('jwt key without secret key', H('Bearer ' + T), { options: { secretKey: '' } });

// acceptsToken given as an empty array.
request('session jwt, empty list', bearer(T), { options: { acceptsToken: [] } });
request('session cookie, empty list', C(SIGNED), { options: { acceptsToken: [] } });
request('m2m jwt, empty list', bearer(m2m()), { options: { acceptsToken: [] } });
request('no token, empty list', { headers: { host: 'app.example.com' } }, { options: { acceptsToken: [] } });

// Machine JWT scope and claim shapes.
request('oauth jwt scp string', bearer(oat({ scp: 'read write' })), { options: anyTok });
request('oauth jwt scp one-word string', bearer(oat({ scp: 'read' })), { options: anyTok });
request('oauth jwt scp null uses scope', bearer(oat({ scp: null, scope: 'read write' })), { options: anyTok });
request('m2m jwt scopes array', bearer(m2m({ scopes: ['mch_2'] })), { options: anyTok });
request('m2m jwt scopes number', bearer(m2m({ scopes: 5 })), { options: anyTok });
request('m2m jwt scopes object', bearer(m2m({ scopes: { a: 1 } })), { options: anyTok });
request('m2m jwt scopes null uses aud', bearer(m2m({ scopes: null })), { options: anyTok });
request('m2m jwt scopes array, m2m only', bearer(m2m({ scopes: ['mch_2'] })), { options: { acceptsToken: 'm2m_token' } });
request('m2m jwt reserved claims only', bearer(m2m({ scopes: undefined, aud: undefined })), { options: anyTok });
request('m2m jwt with nbf and iss', bearer(m2m({ nbf: S - 10, iss: 'https://' + FAPI })), { options: anyTok });

// ---- the Backend API stand-in ----------------------------------------------

const ts = NOW - 3600_000;
const apiKey = (x = {}) => ({ object: 'api_key', id: 'ak_1', type: 'api_key', name: 'ci', subject: 'user_7', scopes: ['read', 'write'], claims: { team: 'ops' }, revoked: false, revocation_reason: null, expired: false, expiration: null, created_by: 'user_7', description: null, last_used_at: null, created_at: ts, updated_at: ts, ...x });
const m2mTok = (x = {}) => ({ object: 'machine_to_machine_token', id: 'mt_1', subject: 'mch_1', scopes: ['mch_2'], claims: null, revoked: false, revocation_reason: null, expired: false, expiration: NOW + 3600_000, created_at: ts, updated_at: ts, ...x });
const oatTok = (x = {}) => ({ object: 'clerk_idp_oauth_access_token', id: 'oat_1', client_id: 'client_1', type: 'oauth_token', subject: 'user_7', scopes: ['profile', 'email'], revoked: false, revocation_reason: null, expired: false, expiration: NOW + 3600_000, created_at: ts, updated_at: ts, ...x });
const refreshed = [`__session=${tok({ iat: S - 1 })}; Path=/; Secure; SameSite=Lax`, `__client_uat=${S - 1}; Path=/; Secure`];
const refreshKey = rt => `POST /v1/sessions/sess_1/refresh refresh_token=${rt}`;
const notFound = { status: 404, body: { errors: [{ code: 'resource_not_found', message: 'not found' }] } };
const bapi = {
  [refreshKey('rt_good')]: { status: 200, body: { object: 'cookies', cookies: refreshed } },
  [refreshKey('rt_bad')]: { status: 422, body: { errors: [{ code: 'refresh_token_invalid', message: 'invalid' }] } },
  [refreshKey('rt_unexpected')]: { status: 500, body: { errors: [{ code: 'unexpected_error', message: 'oops' }] } },
  [refreshKey('rt_empty')]: { status: 200, body: { object: 'cookies', cookies: [] } },
  [refreshKey('rt_badtoken')]: { status: 200, body: { object: 'cookies', cookies: ['__session=garbage; Path=/'] } },
  [refreshKey('rt_down')]: { status: 503, body: 'upstream unavailable' },
  'POST /api_keys/verify {"secret":"ak_good"}': { status: 200, body: apiKey() },
  'POST /api_keys/verify {"secret":"ak_org"}': { status: 200, body: apiKey({ subject: 'org_9' }) },
  'POST /api_keys/verify {"secret":"ak_unknown"}': notFound,
  'POST /api_keys/verify {"secret":"ak_badsecret"}': { status: 401, body: { errors: [{ code: 'authentication_invalid', message: 'invalid secret key' }] } },
  'POST /api_keys/verify {"secret":"ak_revoked"}': { status: 200, body: apiKey({ revoked: true, revocation_reason: 'leaked' }) },
  'POST /api_keys/verify {"secret":"ak_server_error"}': { status: 500, body: { errors: [{ code: 'internal_clerk_error', message: 'oops' }] } },
  'POST /m2m_tokens/verify {"token":"mt_good"}': { status: 200, body: m2mTok() },
  'POST /m2m_tokens/verify {"token":"mt_unknown"}': notFound,
  'POST /m2m_tokens/verify {"token":"mt_expired"}': { status: 200, body: m2mTok({ expired: true }) },
  'POST /oauth_applications/access_tokens/verify {"access_token":"oat_good"}': { status: 200, body: oatTok() },
  'POST /oauth_applications/access_tokens/verify {"access_token":"oat_unknown"}': notFound,
  'GET /v1/clients/handshake_payload?nonce=nonce_good': { status: 200, body: { directives: sessionDirectives } },
  'GET /v1/clients/handshake_payload?nonce=nonce_signed_out': { status: 200, body: { directives: ['__session=; Path=/; Max-Age=0', '__client_uat=0; Path=/'] } },
  'GET /v1/clients/handshake_payload?nonce=nonce_unknown': { status: 404, body: { errors: [{ code: 'resource_not_found', message: 'not found' }] } },
};
// Answers are keyed by method, path and query, and the JSON body if any.
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', d => (body += d));
  req.on('end', () => {
    const parsed = body ? JSON.parse(body) : null;
    // A refresh is keyed by its refresh token: its body carries every
    // request header, which the two SDKs need not spell alike.
    const key = `${req.method} ${req.url}` +
      (parsed && /\/refresh$/.test(req.url.split('?')[0]) ? ` refresh_token=${parsed.refresh_token}` : parsed ? ' ' + JSON.stringify(parsed) : '');
    const hit = bapi[key];
    res.writeHead(hit?.status ?? 404, { 'content-type': typeof hit?.body === 'string' ? 'text/plain' : 'application/json' });
    if (!hit) process.stderr.write('MISS ' + key + '\n');
    res.end(typeof hit?.body === 'string' ? hit.body : JSON.stringify(hit?.body ?? { errors: [{ code: 'resource_not_found', message: 'no route: ' + key }] }));
  });
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const apiUrl = `http://127.0.0.1:${server.address().port}`;

// ---- running ---------------------------------------------------------------

const realNow = Date.now;
const quiet = { log: console.log, error: console.error, warn: console.warn };
console.log = console.error = console.warn = () => {};

function describeAuth(a) {
  if (!a) return null;
  const out = { isAuthenticated: !!a.isAuthenticated, tokenType: a.tokenType ?? null };
  for (const k of ['userId', 'sessionId', 'sessionStatus', 'orgId', 'orgRole', 'orgSlug', 'orgPermissions', 'factorVerificationAge', 'scopes', 'machineId', 'clientId', 'subject', 'id', 'claims']) {
    if (a[k] !== undefined && a[k] !== null) out[k] = a[k];
  }
  out.has = CHECKS.map(c => { try { return a.has(c) === true; } catch { return 'throws'; } });
  return out;
}
function toAuth(state) {
  try {
    return describeAuth(state.toAuth());
  } catch (e) {
    return { throws: String(e?.message ?? e).slice(0, 80) };
  }
}
function pickHeaders(h) {
  const out = {};
  for (const k of ['location', 'cache-control', 'x-clerk-auth-status', 'x-clerk-auth-reason', 'access-control-allow-origin', 'access-control-allow-credentials']) {
    const v = h.get(k);
    if (v !== null) out[k] = v;
  }
  const sc = h.getSetCookie();
  if (sc.length) out['set-cookie'] = sc;
  return out;
}

const suffixes = {};
for (const c of cases) {
  Date.now = () => c.now;
  const o = c.options;
  try {
    if (c.kind === 'verify') {
      // The package's verifyToken throws its TokenVerificationError.
      try {
        await verifyToken(c.token, { jwtKey: PEM, ...o });
        c.verify = { ok: true };
      } catch (e) {
        c.verify = { ok: false, reason: e?.reason ?? 'throws' };
      }
      const req = new Request(APP + '/api', { headers: { host: 'app.example.com', authorization: 'Bearer ' + c.token, accept: 'application/json' } });
      const clerk = createClerkClient({ secretKey: SK_LIVE, publishableKey: PK_LIVE, jwtKey: PEM, apiUrl });
      const st = await clerk.authenticateRequest(req, { jwtKey: PEM, ...o });
      c.state = { status: st.status, reason: st.reason ?? null, tokenType: st.tokenType ?? null, auth: toAuth(st) };
    } else {
      const pk = o.publishableKey ?? PK_LIVE;
      // An empty jwtKey option means none at all, on the client too.
      const jwtKey = o.jwtKey === '' ? undefined : PEM;
      const clerk = createClerkClient({ secretKey: o.secretKey ?? SK_LIVE, publishableKey: pk, jwtKey, apiUrl });
      if (pk && !suffixes[pk]) {
        const probe = await clerk.authenticateRequest(new Request(APP + '/'), { jwtKey: PEM });
        void probe;
        const { getCookieSuffix } = await import('@clerk/shared/keys');
        suffixes[pk] = await getCookieSuffix(pk);
      }
      const h = { ...c.request.headers };
      if (h.cookie && pk) h.cookie = h.cookie.replaceAll(SUF, suffixes[pk]);
      c.request.headers = h;
      const req = new Request('http://' + (h.host || 'app.example.com') + c.request.path, { method: c.request.method, headers: h });
      const { publishableKey, secretKey, jwtKey: _jwtKey, ...rest } = o;
      void publishableKey; void secretKey; void _jwtKey;
      const st = await clerk.authenticateRequest(req, jwtKey ? { jwtKey, ...rest } : rest);
      c.state = { status: st.status, reason: st.reason ?? null, tokenType: st.tokenType ?? null, headers: pickHeaders(st.headers), auth: toAuth(st) };
    }
  } catch (e) {
    c.state = { throws: String(e?.message ?? e).slice(0, 120) };
  }
}
Date.now = realNow;
Object.assign(console, quiet);
server.close();

process.stdout.write(JSON.stringify({
  clerkBackend: VERSION, now: NOW, publicKeyPEM: PEM, publishableKeyLive: PK_LIVE, publishableKeyTest: PK_TEST,
  secretKeyLive: SK_LIVE, secretKeyTest: SK_TEST, cookieSuffixes: suffixes, checks: CHECKS, bapi, cases,
}));
