/**
 * Decoding of the fields of one tar header block (ustar, GNU and PAX): numbers, names, checksum,
 * typeflag and PAX records. Pure functions over the bytes; the streaming reader is in tar.ts.
 */

/** Kind of a filesystem entry in an image layer. `other` covers devices, fifos and unknown typeflags. */
export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

/** A layer blob that cannot be read: unknown media type, zstd, corrupt gzip or tar data. */
export class LayerFormatError extends Error {
  override name = 'LayerFormatError';
}

/** Size of a tar block: every header, and every entry's data rounded up. */
export const BLOCK = 512;

/** PAX records (`key` → value); an empty value cancels a keyword. */
export type Pax = Map<string, string>;

/** Builds the error for a malformed header at `offset` (the caller adds the stream's label). */
export type Fail = (offset: number, what: string) => LayerFormatError;

/** True for typeflags whose entries carry no data, whatever their size field says. */
export function headerOnly(typeflag: string): boolean {
  return '123456'.includes(typeflag);
}

/** The kind of entry a typeflag stands for; `rawPath` decides for pre-POSIX regular files. */
export function entryType(typeflag: string, rawPath: string): TarEntryType {
  switch (typeflag) {
    case '0':
    case '7':
      // Pre-POSIX archives mark directories only by a trailing slash.
      return rawPath.endsWith('/') ? 'dir' : 'file';
    case 'S':
      return 'file';
    case '1':
      return 'hardlink';
    case '2':
      return 'symlink';
    case '5':
    case 'D':
      return 'dir';
    default:
      return 'other';
  }
}

/** A NUL-terminated header field as text (the whole field when it has no NUL). */
export function cString(b: Buffer): string {
  const nul = b.indexOf(0);
  return b.toString('utf8', 0, nul === -1 ? b.length : nul);
}

/** A numeric header field: octal text, or GNU base-256 for values too large for octal. */
export function parseNumeric(field: Buffer, what: string, offset: number, fail: Fail): number {
  const first = field[0] ?? 0;
  if (first & 0x80) {
    // GNU base-256, used for values that do not fit the octal field (files >= 8 GiB).
    if (first === 0xff) throw fail(offset, `negative ${what} in header`);
    let v = first & 0x7f;
    for (let i = 1; i < field.length; i++) v = v * 256 + (field[i] ?? 0);
    if (!Number.isSafeInteger(v)) throw fail(offset, `${what} in header is too large`);
    return v;
  }
  const text = cString(field).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw fail(offset, `bad ${what} field "${text}" in header (expected octal)`);
  return parseInt(text, 8);
}

/** @throws LayerFormatError (through `fail`) when the header's checksum field does not match its bytes */
export function verifyChecksum(header: Buffer, offset: number, fail: Fail): void {
  const stored = cString(header.subarray(148, 156)).trim();
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  const want = /^[0-7]+$/.test(stored) ? parseInt(stored, 8) : NaN;
  // Some historic writers summed signed bytes; accept either, as GNU tar does.
  if (want === unsigned || want === signed) return;
  throw fail(
    offset,
    `bad header checksum${formatHint(header, offset) || (offset === 0 ? ': not a tar archive' : '')}`,
  );
}

/** Explains the commonest cause of garbage at the start: compressed data under an uncompressed type. */
export function formatHint(header: Buffer, offset: number): string {
  if (offset !== 0 || header.length < 4) return '';
  if (header[0] === 0x1f && header[1] === 0x8b)
    return ': the data is gzip, but the media type says uncompressed';
  if (header.readUInt32LE(0) === 0xfd2fb528)
    return ': the data is zstd, but the media type says uncompressed';
  return '';
}

/** The records of a PAX extended header's data. */
export function parsePax(data: Buffer, offset: number, fail: Fail): Pax {
  // Records are "<len> <key>=<value>\n" where <len> counts the bytes of the whole record.
  const out: Pax = new Map();
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === 0) break; // some writers pad the data with NULs
    const space = data.indexOf(0x20, pos);
    const len = space === -1 ? NaN : Number(data.toString('latin1', pos, space));
    if (!Number.isInteger(len) || len <= 0 || pos + len > data.length || data[pos + len - 1] !== 0x0a) {
      throw fail(offset, `malformed PAX record at byte ${pos} of the extended header`);
    }
    const record = data.toString('utf8', space + 1, pos + len - 1);
    const eq = record.indexOf('=');
    if (eq <= 0) throw fail(offset, `malformed PAX record "${record}"`);
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    // An empty value cancels the keyword (POSIX); kept as '' so it also overrides a global one.
    out.set(key, value);
    pos += len;
  }
  return out;
}
