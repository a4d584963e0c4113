// Drives a standalone emulator with @clerk/backend: every resource method of
// its Backend API client, enumerated from the package, in a create, read,
// update, list, delete order with realistic arguments.
//
// It judges nothing about the spec itself: for every call it prints one
// line, "@@call " and a JSON record of the HTTP exchanges the SDK made and
// of what the SDK returned or threw. The Go test reads those lines and
// checks each exchange against the spec. Environment: CLERK_API_URL (the
// emulator's base URL, without /v1) and CLERK_SECRET_KEY.
import { bapi, calls, control, recorder } from './record.mjs';
import { steps } from './backend_steps.mjs';

const apiUrl = process.env.CLERK_API_URL;
const secretKey = process.env.CLERK_SECRET_KEY;
if (!apiUrl || !secretKey) {
  console.error('backend.mjs: CLERK_API_URL and CLERK_SECRET_KEY are required');
  process.exit(2);
}

// The SDK binds fetch when it loads, so the recorder goes in first.
recorder.install();
const { createClerkClient } = await import('@clerk/backend');
const clerk = createClerkClient({ secretKey, apiUrl });

// Every method of every resource API of the client. Helpers of the shared
// base class (requireId) are not API calls; anything else found on the
// prototype chain is, so a method added to the package shows up here.
const baseHelpers = new Set(['constructor', 'requireId']);
const notResources = new Set(['telemetry']);
const methods = [];
for (const api of Object.keys(clerk).sort()) {
  const obj = clerk[api];
  if (typeof obj !== 'object' || obj === null || notResources.has(api)) continue;
  const names = new Set();
  for (let p = Object.getPrototypeOf(obj); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) {
      if (!baseHelpers.has(name) && typeof obj[name] === 'function') names.add(name);
    }
  }
  for (const name of [...names].sort()) methods.push(`${api}.${name}`);
}
console.log('@@methods ' + JSON.stringify(methods));

await calls(steps, { clerk, bapi: bapi(apiUrl, secretKey), control: control(apiUrl, secretKey) });
