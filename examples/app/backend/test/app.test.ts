import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, MAX_BODY_BYTES } from '../src/app.js';
import { PlaylistStore } from '../src/store.js';

describe('playlist API', () => {
  let dir: string;
  let server: Server;
  let base: string;

  async function start(): Promise<void> {
    const store = await PlaylistStore.open(dir);
    server = createApp({ store, version: '1.2.3-test' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  async function stop(): Promise<void> {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  function post(body: string, contentType = 'application/json'): Promise<Response> {
    return fetch(`${base}/api/playlists`, { method: 'POST', headers: { 'content-type': contentType }, body });
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'playlist-app-'));
    await start();
  });
  afterEach(async () => {
    await stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers /healthz with status and version', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: '1.2.3-test' });
  });

  it('creates, lists and fetches a playlist', async () => {
    expect(await (await fetch(`${base}/api/playlists`)).json()).toEqual({ playlists: [] });

    const res = await post(JSON.stringify({ name: 'Road trip', tracks: ['Song A', 'Song B'] }));
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; name: string; tracks: string[] };
    expect(created).toMatchObject({ name: 'Road trip', tracks: ['Song A', 'Song B'] });
    expect(res.headers.get('location')).toBe(`/api/playlists/${created.id}`);

    const list = (await (await fetch(`${base}/api/playlists`)).json()) as { playlists: unknown[] };
    expect(list.playlists).toEqual([created]);

    const one = await fetch(`${base}/api/playlists/${created.id}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(created);
  });

  it('keeps data across a restart on the same data dir', async () => {
    await post(JSON.stringify({ name: 'Kept' }));
    await stop();
    await start();
    const list = (await (await fetch(`${base}/api/playlists`)).json()) as {
      playlists: Array<{ name: string }>;
    };
    expect(list.playlists.map((p) => p.name)).toEqual(['Kept']);
  });

  it('answers 404 with a message for an unknown playlist and unknown routes', async () => {
    const res = await fetch(`${base}/api/playlists/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'playlist nope not found' });
    expect((await fetch(`${base}/api/nothing`)).status).toBe(404);
  });

  it.each([
    ['{"name": ""}', 'application/json', 400, /name must not be empty/],
    ['{"tracks": []}', 'application/json', 400, /name is required/],
    ['{"name": "a", "tracks": [1]}', 'application/json', 400, /tracks\[0\] must be a string/],
    ['{oops', 'application/json', 400, /not valid JSON/],
    ['', 'application/json', 400, /body is empty/],
    ['{"name": "a"}', 'text/plain', 415, /content-type must be application\/json/],
  ])('rejects %j (%s) with %i', async (body, type, status, message) => {
    const res = await post(body, type);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
    const list = (await (await fetch(`${base}/api/playlists`)).json()) as { playlists: unknown[] };
    expect(list.playlists).toEqual([]);
  });

  it('accepts a content type with parameters', async () => {
    expect((await post('{"name": "a"}', 'application/json; charset=utf-8')).status).toBe(201);
  });

  it('rejects oversized bodies with 413', async () => {
    const res = await post(JSON.stringify({ name: 'a', tracks: ['x'.repeat(MAX_BODY_BYTES)] }));
    expect(res.status).toBe(413);
  });

  it('answers 405 with an Allow header for unsupported methods', async () => {
    const res = await fetch(`${base}/api/playlists`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});
