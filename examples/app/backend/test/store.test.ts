import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlaylistStore, STORE_FILE_NAME } from '../src/store.js';

describe('PlaylistStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'playlist-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts empty when no file exists and creates the data directory', async () => {
    const store = await PlaylistStore.open(join(dir, 'nested', 'data'));
    expect(store.list()).toEqual([]);
  });

  it('persists playlists so a new instance (a restarted container) sees them', async () => {
    const fixed = new Date('2026-01-02T03:04:05.000Z');
    const first = await PlaylistStore.open(dir, () => fixed);
    const created = await first.create({ name: 'Morning', tracks: ['One', 'Two'] });
    expect(created).toMatchObject({
      name: 'Morning',
      tracks: ['One', 'Two'],
      createdAt: fixed.toISOString(),
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);

    const second = await PlaylistStore.open(dir);
    expect(second.list()).toEqual([created]);
    expect(second.get(created.id)).toEqual(created);
    expect(second.get('missing')).toBeUndefined();
  });

  it('leaves no temp files behind and writes a versioned file', async () => {
    const store = await PlaylistStore.open(dir);
    await store.create({ name: 'A', tracks: [] });
    expect(await readdir(dir)).toEqual([STORE_FILE_NAME]);
    const onDisk = JSON.parse(await readFile(join(dir, STORE_FILE_NAME), 'utf8')) as unknown;
    expect(onDisk).toMatchObject({ version: 1, playlists: [{ name: 'A' }] });
  });

  it('keeps every entry when creates run concurrently', async () => {
    const store = await PlaylistStore.open(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.create({ name: `p${i}`, tracks: [] })));
    const reopened = await PlaylistStore.open(dir);
    expect(
      reopened
        .list()
        .map((p) => p.name)
        .sort(),
    ).toEqual(Array.from({ length: 20 }, (_, i) => `p${i}`).sort());
  });

  it('returns copies so callers cannot mutate stored state', async () => {
    const store = await PlaylistStore.open(dir);
    const created = await store.create({ name: 'A', tracks: ['x'] });
    created.tracks.push('mutated');
    store.list()[0]?.tracks.push('mutated');
    expect(store.get(created.id)?.tracks).toEqual(['x']);
  });

  it('refuses to start over a corrupt file instead of overwriting it', async () => {
    await writeFile(join(dir, STORE_FILE_NAME), '{"version": 1, "playl');
    await expect(PlaylistStore.open(dir)).rejects.toThrow(/not valid JSON/);
    await writeFile(join(dir, STORE_FILE_NAME), '{"version": 2, "playlists": []}');
    await expect(PlaylistStore.open(dir)).rejects.toThrow(/not a version 1 playlist store/);
    await writeFile(join(dir, STORE_FILE_NAME), '{"version": 1, "playlists": [{"id": 1}]}');
    await expect(PlaylistStore.open(dir)).rejects.toThrow(/playlists\[0\] is malformed/);
  });

  it('reports a failed write and stays consistent', async () => {
    const store = await PlaylistStore.open(dir);
    await rm(dir, { recursive: true });
    await expect(store.create({ name: 'lost', tracks: [] })).rejects.toThrow(/ENOENT/);
    expect(store.list()).toEqual([]);
  });
});
