import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, MAX_TRACK_LENGTH, parseTracks, validateForm } from '../src/form.js';

describe('parseTracks', () => {
  it('splits lines, trims and drops blanks', () => {
    expect(parseTracks(' One \r\n\nTwo\n   \nThree ')).toEqual(['One', 'Two', 'Three']);
  });
  it('returns an empty list for empty input', () => {
    expect(parseTracks('')).toEqual([]);
  });
});

describe('validateForm', () => {
  it('returns the request body', () => {
    expect(validateForm('  Road trip ', 'a\nb')).toEqual({
      ok: true,
      value: { name: 'Road trip', tracks: ['a', 'b'] },
    });
  });
  it.each([
    ['', '', /enter a playlist name/],
    ['   ', 'a', /enter a playlist name/],
    ['x'.repeat(MAX_NAME_LENGTH + 1), '', /at most 100 characters/],
    ['ok', `fine\n${'t'.repeat(MAX_TRACK_LENGTH + 1)}`, /Track 2 is longer than 200/],
    ['ok', Array.from({ length: 501 }, (_, i) => `t${i}`).join('\n'), /at most 500 tracks/],
  ])('rejects name %j', (name, tracks, message) => {
    const result = validateForm(name, tracks);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
