import { describe, expect, it } from 'vitest';
import type { Playlist } from '../src/types.js';
import { listStatus, sortPlaylists, trackCountLabel } from '../src/view.js';

const p = (name: string, createdAt: string, tracks: string[] = []): Playlist => ({
  id: name,
  name,
  tracks,
  createdAt,
});

describe('view helpers', () => {
  it('labels track counts', () => {
    expect([0, 1, 2].map(trackCountLabel)).toEqual(['no tracks', '1 track', '2 tracks']);
  });
  it('describes the list', () => {
    expect(listStatus([])).toMatch(/No playlists yet/);
    expect(listStatus([p('a', '2026-01-01T00:00:00Z')])).toBe('1 playlist');
    expect(listStatus([p('a', '1'), p('b', '2')])).toBe('2 playlists');
  });
  it('sorts newest first, then by name, without mutating the input', () => {
    const input = [
      p('b', '2026-01-01T00:00:00Z'),
      p('c', '2026-02-01T00:00:00Z'),
      p('a', '2026-01-01T00:00:00Z'),
    ];
    expect(sortPlaylists(input).map((x) => x.name)).toEqual(['c', 'a', 'b']);
    expect(input.map((x) => x.name)).toEqual(['b', 'c', 'a']);
  });
});
