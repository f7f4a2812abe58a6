import type { PlaylistInput } from './types.js';

// Mirrors the backend's limits so the common mistakes are caught before a round trip;
// the backend still validates and its message is shown if it disagrees.
export const MAX_NAME_LENGTH = 100;
export const MAX_TRACK_LENGTH = 200;
export const MAX_TRACKS = 500;

export type FormResult = { ok: true; value: PlaylistInput } | { ok: false; error: string };

/** Splits the tracks textarea into trimmed, non-empty lines (Windows line endings too). */
export function parseTracks(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Validates the raw form fields and returns the request body or a message for the user. */
export function validateForm(name: string, tracksText: string): FormResult {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, error: 'Please enter a playlist name.' };
  if (trimmed.length > MAX_NAME_LENGTH) {
    return { ok: false, error: `The playlist name must be at most ${MAX_NAME_LENGTH} characters.` };
  }
  const tracks = parseTracks(tracksText);
  if (tracks.length > MAX_TRACKS) {
    return { ok: false, error: `A playlist can have at most ${MAX_TRACKS} tracks.` };
  }
  const longIndex = tracks.findIndex((t) => t.length > MAX_TRACK_LENGTH);
  if (longIndex >= 0) {
    return {
      ok: false,
      error: `Track ${longIndex + 1} is longer than ${MAX_TRACK_LENGTH} characters.`,
    };
  }
  return { ok: true, value: { name: trimmed, tracks } };
}
