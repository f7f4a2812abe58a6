import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, MAX_TRACKS, validatePlaylistInput } from '../src/validate.js';

describe('validatePlaylistInput', () => {
  it('accepts a name and trims name and tracks', () => {
    expect(validatePlaylistInput({ name: '  Road trip ', tracks: [' a ', 'b'] })).toEqual({
      ok: true,
      value: { name: 'Road trip', tracks: ['a', 'b'] },
    });
  });

  it('defaults tracks to an empty list', () => {
    expect(validatePlaylistInput({ name: 'Focus' })).toEqual({
      ok: true,
      value: { name: 'Focus', tracks: [] },
    });
  });

  it.each([
    [null, /JSON object/],
    [[], /JSON object/],
    ['name', /JSON object/],
    [{}, /name is required/],
    [{ name: 42 }, /name is required and must be a string/],
    [{ name: '   ' }, /name must not be empty/],
    [{ name: 'x'.repeat(MAX_NAME_LENGTH + 1) }, /at most 100 characters/],
    [{ name: 'a', tracks: 'song' }, /tracks must be an array/],
    [{ name: 'a', tracks: ['ok', 3] }, /tracks\[1\] must be a string/],
    [{ name: 'a', tracks: ['ok', ' '] }, /tracks\[1\] must not be empty/],
    [{ name: 'a', tracks: Array.from({ length: MAX_TRACKS + 1 }, () => 't') }, /at most 500 entries/],
    [{ name: 'a', track: ['typo'] }, /unknown field\(s\): track/],
  ])('rejects %j', (body, message) => {
    const result = validatePlaylistInput(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('accepts exactly the maximum name length', () => {
    expect(validatePlaylistInput({ name: 'x'.repeat(MAX_NAME_LENGTH) }).ok).toBe(true);
  });
});
