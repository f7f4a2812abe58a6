import type { Playlist, PlaylistInput } from './types.js';

/** The subset of `fetch` the client uses; tests pass a fake. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** An API call that failed; `message` is fit to show to the user. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Turns a failed response into a readable message, preferring the API's own `{error}` text. */
export async function errorFromResponse(res: Response): Promise<string> {
  const fallback = `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`;
  let text: string;
  try {
    text = await res.text();
  } catch {
    return fallback;
  }
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === 'string' && body.error !== '') return body.error;
  } catch {
    // Not JSON (an HTML error page from a proxy, say): fall back to the status line.
  }
  return fallback;
}

async function call(fetchFn: FetchLike, path: string, init?: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchFn(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (err) {
    throw new ApiError(
      `Cannot reach the server (${err instanceof Error ? err.message : String(err)}).`,
      undefined,
    );
  }
  if (!res.ok) throw new ApiError(await errorFromResponse(res), res.status);
  try {
    return (await res.json()) as unknown;
  } catch {
    throw new ApiError(`The server sent an unreadable answer for ${path}.`, res.status);
  }
}

/** `GET /api/playlists`. */
export async function listPlaylists(fetchFn: FetchLike): Promise<Playlist[]> {
  const body = await call(fetchFn, '/api/playlists');
  const playlists = (body as { playlists?: unknown } | null)?.playlists;
  if (!Array.isArray(playlists)) throw new ApiError('The server sent an unexpected playlist list.', 200);
  return playlists as Playlist[];
}

/** `POST /api/playlists`. */
export async function createPlaylist(fetchFn: FetchLike, input: PlaylistInput): Promise<Playlist> {
  return (await call(fetchFn, '/api/playlists', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  })) as Playlist;
}
