// Checks Clerk's verifiers and its testing helper on the emulator:
// verifyToken and authenticateRequest (acceptsToken session_token, api_key,
// m2m_token) on tokens the emulator mints (through the Backend API, and
// through the control API's session_tokens, with organization claims), and @clerk/testing's
// testing-token setup, headless (its Playwright and Cypress setup functions
// called directly, the browser routing driven with a stand-in context).
// Prints "@@call" lines as backend.mjs does. Environment: CLERK_API_URL,
// CLERK_SECRET_KEY, CLERK_PUBLISHABLE_KEY, CLERK_JWT_KEY,
// CLERK_MACHINE_SECRET_KEY.
import { bapi, calls, check, recorder } from './record.mjs';

const env = process.env;
const apiUrl = env.CLERK_API_URL;
const secretKey = env.CLERK_SECRET_KEY;
const publishableKey = env.CLERK_PUBLISHABLE_KEY;
const jwtKey = env.CLERK_JWT_KEY;
const machineSecretKey = env.CLERK_MACHINE_SECRET_KEY;
if (!apiUrl || !secretKey || !publishableKey || !jwtKey || !machineSecretKey) {
  console.error('tokens.mjs: CLERK_API_URL, CLERK_SECRET_KEY, CLERK_PUBLISHABLE_KEY, CLERK_JWT_KEY and CLERK_MACHINE_SECRET_KEY are required');
  process.exit(2);
}

recorder.install();
const { createClerkClient, verifyToken } = await import('@clerk/backend');
const { parsePublishableKey } = await import('@clerk/shared/keys');
const playwright = await import('@clerk/testing/playwright');
const cypress = await import('@clerk/testing/cypress');
const clerk = createClerkClient({ secretKey, publishableKey, apiUrl });
const frontendApi = parsePublishableKey(publishableKey).frontendApi;


// call makes what the verifiers are given, unrecorded.
const call = bapi(apiUrl, secretKey);

const request = token => new Request('https://app.example.com/api/reports', { headers: { Authorization: `Bearer ${token}` } });

// authenticated runs authenticateRequest and fails unless it authenticates
// a token of the given type; it returns the auth object.
async function authenticated(token, options, tokenType) {
  const state = await clerk.authenticateRequest(request(token), options);
  check(state.isAuthenticated, `not authenticated: ${state.reason} ${state.message ?? ''}`);
  check(state.tokenType === tokenType, `token type ${state.tokenType}`);
  return state.toAuth();
}

const step = (name, run, expect = 'ok') => ({ name, run, expect });
const local = (name, run, expect = 'ok') => ({ name, run, expect, local: true });

const user = await call('POST', '/users', { email_address: ['vera@conformance.example'], password: 'a-long-enough-passphrase' });
const session = await call('POST', '/sessions', { user_id: user.id });
const { jwt } = await call('POST', `/sessions/${session.id}/tokens`);
const apiKey = await call('POST', '/api_keys', { name: 'reports', subject: user.id });
const apiKeySecret = apiKey.secret ?? (await call('GET', `/api_keys/${apiKey.id}/secret`)).secret;
const m2m = await call('POST', '/m2m_tokens', { seconds_until_expiration: 600 }, machineSecretKey);
const org = await call('POST', '/organizations', { name: 'Vera Labs', created_by: user.id });
const minted = await recorder.rawFetch(`${apiUrl}/__clerktest/session_tokens`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ user_id: user.id, organization_id: org.id }),
}).then(r => r.json());
const tampered = jwt.slice(0, -4) + (jwt.endsWith('AAAA') ? 'BBBB' : 'AAAA');

const steps = [
  local('verifyToken#jwtKey', async () => {
    const claims = await verifyToken(jwt, { jwtKey });
    check(claims.sub === user.id && claims.sid === session.id, 'sub and sid');
  }),
  step('verifyToken#jwks', async () => {
    const claims = await verifyToken(jwt, { secretKey, apiUrl });
    check(claims.sub === user.id, 'sub');
  }),
  local('verifyToken#organization', async () => {
    const claims = await verifyToken(minted.jwt, { jwtKey });
    check(claims.sub === user.id, 'sub');
    check(claims.o?.id === org.id && claims.o?.rol === 'admin' && claims.o?.slg === 'vera-labs', `org claims ${JSON.stringify(claims.o)}`);
    const auth = await authenticated(minted.jwt, { acceptsToken: 'session_token', jwtKey }, 'session_token');
    check(auth.orgId === org.id && auth.orgRole === 'org:admin' && auth.orgSlug === 'vera-labs', `auth org ${auth.orgId} ${auth.orgRole}`);
  }),
  local('verifyToken#tampered', async () => {
    await verifyToken(tampered, { jwtKey });
  }, 'error'),
  local('authenticateRequest#session_token', async () => {
    const auth = await authenticated(jwt, { acceptsToken: 'session_token', jwtKey }, 'session_token');
    check(auth.userId === user.id && auth.sessionId === session.id, 'user and session');
  }),
  // The JWKS fetched by verifyToken#jwks may still be cached: then no request.
  local('authenticateRequest#session_token-jwks', async () => {
    const auth = await authenticated(jwt, { acceptsToken: 'session_token' }, 'session_token');
    check(auth.userId === user.id, 'user');
  }),
  local('authenticateRequest#session_token-tampered', async () => {
    const state = await clerk.authenticateRequest(request(tampered), { acceptsToken: 'session_token', jwtKey });
    check(!state.isAuthenticated && state.reason === 'token-invalid-signature', `a tampered token: ${state.reason}`);
  }),
  step('authenticateRequest#api_key', async () => {
    const auth = await authenticated(apiKeySecret, { acceptsToken: 'api_key' }, 'api_key');
    check(auth.userId === user.id || auth.subject === user.id, `subject ${auth.subject}`);
  }),
  step('authenticateRequest#m2m_token', async () => {
    const auth = await authenticated(m2m.token, { acceptsToken: 'm2m_token', machineSecretKey }, 'm2m_token');
    check(auth.machineId === m2m.subject || auth.subject === m2m.subject, `machine ${auth.machineId}`);
  }),
  step('authenticateRequest#any', async () => {
    await authenticated(apiKeySecret, { acceptsToken: 'any' }, 'api_key');
    await authenticated(jwt, { acceptsToken: 'any', jwtKey }, 'session_token');
  }),
  local('authenticateRequest#wrong-type', async () => {
    const state = await clerk.authenticateRequest(request(jwt), { acceptsToken: 'api_key', jwtKey });
    check(!state.isAuthenticated, 'a session token accepted as an API key');
  }),

  // @clerk/testing.
  step('@clerk/testing/playwright.clerkSetup', async () => {
    delete process.env.CLERK_TESTING_TOKEN;
    await playwright.clerkSetup({ publishableKey, secretKey, dotenv: false });
    check(process.env.CLERK_FAPI === frontendApi, `CLERK_FAPI ${process.env.CLERK_FAPI}`);
    check(typeof process.env.CLERK_TESTING_TOKEN === 'string' && process.env.CLERK_TESTING_TOKEN.length > 0, 'testing token');
  }),
  local('@clerk/testing/playwright.setupClerkTestingToken', async () => {
    // A stand-in browser context: it records the route the helper installs
    // and replays one Frontend API request through it.
    let pattern, handler;
    const context = { route: async (p, h) => { pattern = p; handler = h; } };
    await playwright.setupClerkTestingToken({ context });
    const fapiRequest = `https://${frontendApi}/v1/client?_clerk_js_version=5`;
    check(pattern?.test(fapiRequest), `route ${pattern} does not match ${fapiRequest}`);
    let fetched, fulfilled;
    await handler({
      request: () => ({ url: () => fapiRequest }),
      fetch: async ({ url }) => { fetched = url; return { status: () => 200, headers: () => ({}), json: async () => ({}) }; },
      fulfill: async () => { fulfilled = true; },
      continue: async () => {},
    });
    const sent = new URL(fetched).searchParams.get('__clerk_testing_token');
    check(sent === process.env.CLERK_TESTING_TOKEN, `token sent ${sent}`);
    check(fulfilled, 'the request was fulfilled');
  }),
  step('@clerk/testing/cypress.clerkSetup', async () => {
    delete process.env.CLERK_TESTING_TOKEN;
    const config = await cypress.clerkSetup({ config: { env: {} }, options: { publishableKey, secretKey, dotenv: false } });
    check(config.env.CLERK_FAPI === frontendApi, `CLERK_FAPI ${config.env.CLERK_FAPI}`);
    check(config.env.CLERK_TESTING_TOKEN?.length > 0, 'testing token');
  }),
  step('@clerk/testing/playwright.createAgentTestingTask', async () => {
    const task = await playwright.createAgentTestingTask({
      onBehalfOf: { userId: user.id }, permissions: '*', agentName: 'E2E agent',
      taskDescription: 'Run the checkout test', redirectUrl: 'https://app.example.com/agent',
    });
    check(typeof task.url === 'string', 'task url');
  }),
];

await calls(steps, {});
