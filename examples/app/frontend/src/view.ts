import type { Playlist } from './types.js';

/** "1 track", "3 tracks", "no tracks". */
export function trackCountLabel(count: number): string {
  if (count === 0) return 'no tracks';
  return count === 1 ? '1 track' : `${count} tracks`;
}

/** Status line above the list (announced by screen readers through role="status"). */
export function listStatus(playlists: readonly Playlist[]): string {
  if (playlists.length === 0) return 'No playlists yet. Create the first one above.';
  return playlists.length === 1 ? '1 playlist' : `${playlists.length} playlists`;
}

/** Newest first; ties (same timestamp) keep a stable order by name. */
export function sortPlaylists(playlists: readonly Playlist[]): Playlist[] {
  return [...playlists].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || a.name.localeCompare(b.name),
  );
}
