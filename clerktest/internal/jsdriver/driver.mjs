// Drives a standalone clerktest emulator with @clerk/backend and checks
// that Clerk's own JavaScript SDK reads every answer as it reads Clerk's.
// Environment: CLERK_API_URL (the emulator's base URL, without /v1),
// CLERK_SECRET_KEY and CLERK_JWT_KEY (the PEM public key). It prints one
// line per step and exits 1 at the first failure.
import { createClerkClient, verifyToken } from '@clerk/backend';

const apiUrl = process.env.CLERK_API_URL;
const secretKey = process.env.CLERK_SECRET_KEY;
const jwtKey = process.env.CLERK_JWT_KEY;
if (!apiUrl || !secretKey || !jwtKey) {
  console.error('driver: CLERK_API_URL, CLERK_SECRET_KEY and CLERK_JWT_KEY are required');
  process.exit(2);
}
const clerk = createClerkClient({ secretKey, apiUrl });

function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
}

async function control(name, body) {
  const res = await fetch(`${apiUrl}/__clerktest/${name}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${name}: ${res.status} ${await res.text()}`);
  return res.json();
}

const steps = [
  ['reset', async () => {
    await control('reset', {});
  }],
  ['users.createUser', async (s) => {
    s.ada = await clerk.users.createUser({
      emailAddress: ['ada@example.com'], firstName: 'Ada', lastName: 'Lovelace',
      password: 'correct-horse-battery', publicMetadata: { plan: 'pro' },
    });
    check(s.ada.id.startsWith('user_'), 'user id');
    check(s.ada.primaryEmailAddress?.emailAddress === 'ada@example.com', 'primary email');
    check(s.ada.publicMetadata.plan === 'pro', 'public metadata');
    s.bob = await clerk.users.createUser({ emailAddress: ['bob@example.com'], username: 'bobby' });
  }],
  ['users.createUser duplicate', async () => {
    try {
      await clerk.users.createUser({ emailAddress: ['ada@example.com'] });
    } catch (err) {
      check(err.status === 422 && err.errors?.[0]?.code === 'form_identifier_exists', `error ${err.status} ${JSON.stringify(err.errors)}`);
      check(err.errors[0].meta?.paramName === 'email_address', 'meta.paramName');
      return;
    }
    throw new Error('duplicate email accepted');
  }],
  ['users.getUserList', async (s) => {
    const list = await clerk.users.getUserList({ limit: 10, orderBy: '-created_at' });
    check(list.totalCount === 2 && list.data.length === 2, `totalCount ${list.totalCount}`);
    check(list.data[0].id === s.bob.id, 'newest first');
  }],
  ['users.updateUser', async (s) => {
    const u = await clerk.users.updateUser(s.ada.id, { lastName: 'King' });
    check(u.lastName === 'King' && u.firstName === 'Ada', 'update keeps first name');
  }],
  ['users.updateUserMetadata', async (s) => {
    const u = await clerk.users.updateUserMetadata(s.ada.id, { privateMetadata: { stripe: 'cus_1' } });
    check(u.privateMetadata.stripe === 'cus_1' && u.publicMetadata.plan === 'pro', 'merged metadata');
  }],
  ['users.verifyPassword', async (s) => {
    const r = await clerk.users.verifyPassword({ userId: s.ada.id, password: 'correct-horse-battery' });
    check(r.verified === true, 'password verified');
  }],
  ['organizations.createOrganization', async (s) => {
    s.org = await clerk.organizations.createOrganization({ name: 'Analytical Engines', createdBy: s.ada.id });
    check(s.org.id.startsWith('org_') && s.org.slug === 'analytical-engines', `org ${s.org.slug}`);
  }],
  ['organizations.createOrganizationMembership', async (s) => {
    const m = await clerk.organizations.createOrganizationMembership({ organizationId: s.org.id, userId: s.bob.id, role: 'org:member' });
    check(m.role === 'org:member' && m.publicUserData?.userId === s.bob.id, 'membership');
  }],
  ['organizations.getOrganizationMembershipList', async (s) => {
    const list = await clerk.organizations.getOrganizationMembershipList({ organizationId: s.org.id });
    check(list.totalCount === 2, `members ${list.totalCount}`);
  }],
  ['verifyToken', async (s) => {
    const { jwt } = await control('session_tokens', { user_id: s.ada.id, organization_id: s.org.id });
    const claims = await verifyToken(jwt, { jwtKey });
    check(claims.sub === s.ada.id, 'sub');
    check(claims.o?.id === s.org.id && claims.o?.rol === 'admin', `org claims ${JSON.stringify(claims.o)}`);
  }],
  ['sessions.getSessionList', async (s) => {
    const list = await clerk.sessions.getSessionList({ userId: s.ada.id });
    check(list.data.length === 1 && list.data[0].status === 'active', 'one active session');
    s.session = list.data[0];
  }],
  ['sessions.getToken', async (s) => {
    const tok = await clerk.sessions.getToken(s.session.id);
    const claims = await verifyToken(tok.jwt, { jwtKey });
    check(claims.sid === s.session.id, 'sid');
  }],
  ['users.deleteUser', async (s) => {
    const d = await clerk.users.deleteUser(s.bob.id);
    check(d.id === s.bob.id, 'deleted');
    const list = await clerk.organizations.getOrganizationMembershipList({ organizationId: s.org.id });
    check(list.totalCount === 1, 'membership removed with the user');
  }],
  ['users.getUser not found', async (s) => {
    try {
      await clerk.users.getUser(s.bob.id);
    } catch (err) {
      check(err.status === 404 && err.errors?.[0]?.code === 'resource_not_found', `error ${err.status}`);
      check(typeof err.clerkTraceId === 'string' && err.clerkTraceId.length > 0, 'trace id');
      return;
    }
    throw new Error('deleted user still found');
  }],
];

const state = {};
for (const [name, fn] of steps) {
  try {
    await fn(state);
    console.log(`ok ${name}`);
  } catch (err) {
    console.log(`FAIL ${name}: ${err.message} ${err.errors ? JSON.stringify(err.errors) : ''}`);
    process.exit(1);
  }
}
