// Records the HTTP exchanges Clerk's JavaScript clients make, and runs a
// list of calls, printing one "@@call" JSON line per call for the Go test.

const rawFetch = globalThis.fetch.bind(globalThis);
let current = null; // the exchanges of the call being run

async function recordingFetch(input, init = {}) {
  const req = new Request(input, init);
  const res = await rawFetch(input, init);
  const text = await res.clone().text();
  if (current) {
    current.push({
      method: req.method,
      url: req.url,
      status: res.status,
      body: text,
    });
  }
  return res;
}

export const recorder = {
  install() {
    globalThis.fetch = recordingFetch;
  },
  rawFetch,
};

// CheckError is what a step throws when an answer decoded but does not say
// what Clerk's would; the call fails whatever its HTTP exchanges were.
export class CheckError extends Error {}

// check throws a CheckError unless cond holds.
export function check(cond, what) {
  if (!cond) throw new CheckError(`check failed: ${what}`);
}

// bapi returns a function that calls the Backend API at apiUrl directly,
// unrecorded, with key (or the one given per call): for what steps need
// made but do not judge, and for recovering from a failed call.
export function bapi(apiUrl, secretKey) {
  return async (method, path, body, key = secretKey) => {
    const res = await rawFetch(`${apiUrl}/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}

// control returns a function that calls the emulator's control API (the
// stand-in for what happens outside the Backend API, such as a user
// starting a sign-up through the Frontend API), unrecorded.
export function control(apiUrl, secretKey) {
  return async (method, path, body) => {
    const res = await rawFetch(`${apiUrl}/__clerktest${path}`, {
      method,
      headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}

// describe turns what a call threw into plain data.
export function describe(err) {
  if (err === null || typeof err !== 'object') return { message: String(err) };
  return {
    name: err.name || err.constructor?.name || '',
    message: err.message || '',
    status: err.status,
    code: err.code,
    errors: Array.isArray(err.errors)
      ? err.errors.map(e => ({ code: e.code, message: e.message, long_message: e.longMessage, meta: e.meta }))
      : undefined,
  };
}

// calls runs each step in order. A step is {name, run, expect, recover,
// local}:
// name is "api.method" with an optional "#variant", run(state, env) makes
// the call, and expect is "ok" (the default), "error" (Clerk answers this
// call with an error) or "error:<code>" (with an error of that code). When run throws, recover (if any) makes what later
// steps need in a simpler way, unrecorded, so that one failing call does
// not hide whether the calls after it work. A local step may make no
// request at all (a verifier that has the key it needs).
export async function calls(steps, env) {
  const state = {};
  for (const step of steps) {
    current = [];
    const out = { name: step.name, expect: step.expect || 'ok', local: Boolean(step.local) };
    try {
      await step.run(state, env);
      out.returned = true;
    } catch (err) {
      out.threw = describe(err);
      if (err instanceof CheckError) out.check_failed = err.message;
    }
    out.exchanges = current;
    current = null;
    if (out.threw && step.recover) {
      try {
        await step.recover(state, env);
      } catch (err) {
        out.recover_failed = describe(err);
      }
    }
    console.log('@@call ' + JSON.stringify(out));
  }
}
