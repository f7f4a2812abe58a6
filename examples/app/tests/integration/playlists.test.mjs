// Black-box: a playlist created through the backend's API is read back through the frontend's /api
// proxy, so the two services, their network and the backend's store are exercised together.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { getJson, postJson, serviceUrl } from './http.mjs';

test('a playlist created on the backend is served through the frontend proxy', async () => {
  const name = `itg ${randomUUID()}`;
  const tracks = ['Intro', 'Blue in Green'];
  const created = await postJson(serviceUrl('BACKEND_URL'), '/api/playlists', { name, tracks });
  assert.equal(created.status, 201, `POST /api/playlists: ${JSON.stringify(created.body)}`);
  assert.equal(created.body.name, name);
  assert.deepEqual(created.body.tracks, tracks);
  assert.equal(typeof created.body.id, 'string');

  const one = await getJson(
    serviceUrl('FRONTEND_URL'),
    `/api/playlists/${encodeURIComponent(created.body.id)}`,
  );
  assert.equal(one.status, 200);
  assert.deepEqual(one.body, created.body);

  const all = await getJson(serviceUrl('FRONTEND_URL'), '/api/playlists');
  assert.equal(all.status, 200);
  assert.ok(
    all.body.playlists.some((p) => p.id === created.body.id),
    'the new playlist is in the list served through the frontend',
  );
});

test('the backend refuses an invalid playlist with 400 and a reason', async () => {
  const res = await postJson(serviceUrl('BACKEND_URL'), '/api/playlists', { name: '', tracks: [] });
  assert.equal(res.status, 400);
  assert.match(res.body.error, /name/);
});

test('an unknown playlist is a 404 through the frontend too', async () => {
  const res = await getJson(serviceUrl('FRONTEND_URL'), `/api/playlists/${randomUUID()}`);
  assert.equal(res.status, 404);
});
