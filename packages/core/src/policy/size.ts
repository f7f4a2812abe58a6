const UNITS: Record<string, { factor: number; name: string }> = {
  b: { factor: 1, name: 'B' },
  kb: { factor: 1e3, name: 'KB' },
  mb: { factor: 1e6, name: 'MB' },
  gb: { factor: 1e9, name: 'GB' },
  tb: { factor: 1e12, name: 'TB' },
  kib: { factor: 1024, name: 'KiB' },
  mib: { factor: 1024 ** 2, name: 'MiB' },
  gib: { factor: 1024 ** 3, name: 'GiB' },
  tib: { factor: 1024 ** 4, name: 'TiB' },
};

/** The accepted size forms, quoted in error messages. */
export const SIZE_FORMS =
  'a number with a unit, e.g. 60MB, 1.5GB, 512KiB (units B, KB, MB, GB, KiB, MiB, GiB)';

/** A size limit: bytes plus a normalised rendering of what was written. */
export interface ParsedSize {
  bytes: number;
  text: string;
  /** Unit family used when formatting sizes compared with this one. */
  binary: boolean;
}

/**
 * Parses `60MB`, `60 MB`, `1.5GB`, `512KiB` or a plain number of bytes. KB/MB/GB are decimal
 * (1 MB = 1,000,000 B), KiB/MiB/GiB binary; unit case is not significant.
 * @returns undefined if the text is not a positive size
 */
export function parseSize(input: string | number): ParsedSize | undefined {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input <= 0) return undefined;
    const bytes = Math.floor(input);
    return bytes > 0 ? { bytes, text: `${bytes} B`, binary: false } : undefined;
  }
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i.exec(input.trim());
  if (!m) return undefined;
  const unit = UNITS[(m[2] || 'b').toLowerCase()];
  if (!unit) return undefined;
  const value = Number(m[1]);
  const bytes = Math.floor(value * unit.factor);
  if (!(bytes > 0) || !Number.isSafeInteger(bytes)) return undefined;
  return { bytes, text: `${value} ${unit.name}`, binary: unit.name.includes('i') };
}

/**
 * Formats bytes in the largest unit of a family that keeps the number >= 1, with up to `decimals`
 * decimals (trailing zeros dropped): 212400000 → `212.4 MB`.
 */
export function formatSize(bytes: number, opts: { binary?: boolean; decimals?: number } = {}): string {
  const base = opts.binary ? 1024 : 1000;
  const names = opts.binary ? ['B', 'KiB', 'MiB', 'GiB', 'TiB'] : ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (i < names.length - 1 && Math.abs(bytes) >= base ** (i + 1)) i++;
  if (i === 0) return `${bytes} B`;
  const value = bytes / base ** i;
  const text = value.toFixed(opts.decimals ?? 1).replace(/\.?0+$/, '');
  return `${text} ${names[i]}`;
}

/**
 * Formats `actual` so that it visibly differs from the limit when the bytes differ: more decimals
 * first, exact bytes as the last resort (`60000001 B` next to `60 MB`).
 */
export function formatSizeAgainst(
  actual: number,
  limit: ParsedSize | { bytes: number; text: string },
): string {
  const binary = 'binary' in limit ? limit.binary : /iB$/.test(limit.text);
  for (const decimals of [1, 2, 3]) {
    const text = formatSize(actual, { binary, decimals });
    // Ambiguous if it reads back as the limit itself ("60 MB" for 60,000,001 B, or "1 GB" next to "1000 MB").
    if (actual === limit.bytes || parseSize(text)?.bytes !== limit.bytes) return text;
  }
  return `${actual} B`;
}
