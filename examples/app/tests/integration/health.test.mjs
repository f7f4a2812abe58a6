// Black-box: both services answer their health endpoint, and the frontend reaches the backend.
// Run with `node --test examples/app/tests/integration/`; BACKEND_URL and FRONTEND_URL are injected
// by integration-test (http://backend:8080 on the stack network, or loopback URLs on the runner).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { getJson, serviceUrl } from './http.mjs';

test('backend /healthz answers ok with a version', async () => {
  const { status, body } = await getJson(serviceUrl('BACKEND_URL'), '/healthz');
  assert.equal(status, 200);
  assert.equal(body.status, 'ok');
  assert.equal(typeof body.version, 'string');
});

test('frontend /healthz answers ok and reaches the backend', async () => {
  const { status, body } = await getJson(serviceUrl('FRONTEND_URL'), '/healthz');
  assert.equal(status, 200);
  assert.equal(body.status, 'ok');
  assert.equal(
    body.backend.reachable,
    true,
    `frontend cannot reach its backend: ${JSON.stringify(body.backend)}`,
  );
});

test('frontend serves the app shell', async () => {
  const res = await fetch(new URL('/', serviceUrl('FRONTEND_URL')));
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(await res.text(), /<div id="app"|<script/i);
});

test('frontend reaches the backend at the URL its env file names (compose env_file)', async () => {
  const envFile = await readFile(new URL('../../frontend.env', import.meta.url), 'utf8');
  const expected = /^BACKEND_URL=(.*)$/m.exec(envFile)?.[1];
  assert.ok(expected, 'examples/app/frontend.env has no BACKEND_URL line');
  const { body } = await getJson(serviceUrl('FRONTEND_URL'), '/healthz');
  assert.equal(body.backend.url, expected);
  assert.equal(body.backend.reachable, true);
});

test('frontend serves its bind-mounted config file (compose volumes)', async () => {
  const expected = JSON.parse(await readFile(new URL('../../config/frontend.json', import.meta.url), 'utf8'));
  const { status, body } = await getJson(serviceUrl('FRONTEND_URL'), '/config.json');
  assert.equal(status, 200);
  assert.deepEqual(body, expected);
});
