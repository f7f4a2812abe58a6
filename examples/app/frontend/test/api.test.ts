import { describe, expect, it, vi } from 'vitest';
import { ApiError, createPlaylist, errorFromResponse, listPlaylists } from '../src/api.js';
import type { FetchLike } from '../src/api.js';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api client', () => {
  it('lists playlists', async () => {
    const playlists = [{ id: '1', name: 'a', tracks: [], createdAt: 'x' }];
    const fetchFn = vi.fn<FetchLike>(async () => json(200, { playlists }));
    await expect(listPlaylists(fetchFn)).resolves.toEqual(playlists);
    expect(fetchFn).toHaveBeenCalledWith(
      '/api/playlists',
      expect.objectContaining({ headers: { accept: 'application/json' } }),
    );
  });

  it('posts JSON when creating', async () => {
    const created = { id: '1', name: 'a', tracks: ['t'], createdAt: 'x' };
    const fetchFn = vi.fn<FetchLike>(async () => json(201, created));
    await expect(createPlaylist(fetchFn, { name: 'a', tracks: ['t'] })).resolves.toEqual(created);
    const init = fetchFn.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({ name: 'a', tracks: ['t'] });
  });

  it("shows the API's own error message", async () => {
    const fetchFn: FetchLike = async () => json(400, { error: 'name must not be empty' });
    const err = await createPlaylist(fetchFn, { name: '', tracks: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ message: 'name must not be empty', status: 400 });
  });

  it('falls back to the status line for non-JSON errors', async () => {
    const res = new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    await expect(errorFromResponse(res)).resolves.toBe('The server answered 502 Bad Gateway.');
  });

  it('reports a network failure readably', async () => {
    const fetchFn: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(listPlaylists(fetchFn)).rejects.toThrow('Cannot reach the server (fetch failed).');
  });

  it('rejects an unexpected list shape', async () => {
    await expect(listPlaylists(async () => json(200, [1, 2]))).rejects.toThrow(/unexpected playlist list/);
  });
});
