/** What a client may send to create a playlist. */
export interface PlaylistInput {
  name: string;
  tracks: string[];
}

export const MAX_NAME_LENGTH = 100;
export const MAX_TRACK_LENGTH = 200;
export const MAX_TRACKS = 500;

export type ValidationResult = { ok: true; value: PlaylistInput } | { ok: false; error: string };

const ALLOWED_FIELDS = new Set(['name', 'tracks']);

/**
 * Validates a parsed JSON body for `POST /api/playlists`.
 * Names and tracks are trimmed; unknown fields are refused so that a typo
 * (`track` for `tracks`) is reported instead of silently dropping data.
 */
export function validatePlaylistInput(body: unknown): ValidationResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'body must be a JSON object like {"name": "...", "tracks": ["..."]}' };
  }
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !ALLOWED_FIELDS.has(key));
  if (unknown.length > 0) {
    return { ok: false, error: `unknown field(s): ${unknown.join(', ')} (allowed: name, tracks)` };
  }

  const rawName = record.name;
  if (typeof rawName !== 'string') {
    return { ok: false, error: 'name is required and must be a string' };
  }
  const name = rawName.trim();
  if (name.length === 0) {
    return { ok: false, error: 'name must not be empty' };
  }
  if (name.length > MAX_NAME_LENGTH) {
    return { ok: false, error: `name must be at most ${MAX_NAME_LENGTH} characters` };
  }

  const rawTracks = record.tracks ?? [];
  if (!Array.isArray(rawTracks)) {
    return { ok: false, error: 'tracks must be an array of strings' };
  }
  if (rawTracks.length > MAX_TRACKS) {
    return { ok: false, error: `tracks must have at most ${MAX_TRACKS} entries` };
  }
  const tracks: string[] = [];
  for (const [index, track] of rawTracks.entries()) {
    if (typeof track !== 'string') {
      return { ok: false, error: `tracks[${index}] must be a string` };
    }
    const trimmed = track.trim();
    if (trimmed.length === 0) {
      return { ok: false, error: `tracks[${index}] must not be empty` };
    }
    if (trimmed.length > MAX_TRACK_LENGTH) {
      return { ok: false, error: `tracks[${index}] must be at most ${MAX_TRACK_LENGTH} characters` };
    }
    tracks.push(trimmed);
  }
  return { ok: true, value: { name, tracks } };
}
