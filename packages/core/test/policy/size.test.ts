import { describe, expect, it } from 'vitest';
import { formatSize, formatSizeAgainst, parseSize } from '../../src/policy/size.js';

describe('parseSize', () => {
  it.each([
    ['60MB', 60_000_000],
    ['60 MB', 60_000_000],
    ['1MB', 1_000_000],
    ['1.5GB', 1_500_000_000],
    ['1KB', 1000],
    ['1KiB', 1024],
    ['1MiB', 1_048_576],
    ['1GiB', 1_073_741_824],
    ['0.5 MiB', 524_288],
    ['.5KB', 500],
    ['123B', 123],
    ['123', 123],
    ['1tb', 1e12],
    [4096, 4096],
    [10.7, 10],
  ])('%j = %d bytes', (input, bytes) => {
    expect(parseSize(input)?.bytes).toBe(bytes);
  });

  it.each([
    '',
    'MB',
    '60 megabytes',
    '60M',
    '60 K',
    '-1MB',
    '0',
    '0B',
    '0.0001B',
    '1e3MB',
    '60MB extra',
    -5,
    0,
    NaN,
  ])('refuses %j', (input) => {
    expect(parseSize(input)).toBeUndefined();
  });

  it('keeps the unit family for later formatting', () => {
    expect(parseSize('2MiB')).toEqual({ bytes: 2_097_152, text: '2 MiB', binary: true });
    expect(parseSize('2mb')).toEqual({ bytes: 2_000_000, text: '2 MB', binary: false });
  });
});

describe('formatSize', () => {
  it.each([
    [0, {}, '0 B'],
    [999, {}, '999 B'],
    [1000, {}, '1 KB'],
    [212_400_000, {}, '212.4 MB'],
    [212_449_999, {}, '212.4 MB'],
    [60_000_000, {}, '60 MB'],
    [1_500_000_000, {}, '1.5 GB'],
    [1_048_576, { binary: true }, '1 MiB'],
    [1_572_864, { binary: true }, '1.5 MiB'],
    [60_040_000, { decimals: 2 }, '60.04 MB'],
  ])('%d %j -> %s', (bytes, opts, want) => {
    expect(formatSize(bytes, opts)).toBe(want);
  });
});

describe('formatSizeAgainst', () => {
  const limit = (text: string) => {
    const p = parseSize(text);
    if (!p) throw new Error(text);
    return p;
  };
  it.each([
    [212_400_000, '60MB', '212.4 MB'],
    [60_040_000, '60MB', '60.04 MB'], // 1 decimal would print "60 MB", same as the limit
    [60_000_001, '60MB', '60000001 B'],
    [59_999_999, '60MB', '59999999 B'],
    [60_000_000, '60MB', '60 MB'],
    [1_000_000_001, '1000MB', '1000000001 B'], // "1 GB" would read as the limit itself
    [3_000_000, '2MiB', '2.9 MiB'],
  ])('%d against %s -> %s', (actual, limitText, want) => {
    expect(formatSizeAgainst(actual, limit(limitText))).toBe(want);
  });
});
