import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  BLOCK,
  cString,
  entryType,
  formatHint,
  headerOnly,
  parseNumeric,
  parsePax,
  verifyChecksum,
  LayerFormatError,
  type Fail,
  type Pax,
  type TarEntryType,
} from './tar-header.js';

/** One entry of a layer tarball, as listed by {@link listLayerEntries}. */
export interface TarEntry {
  /** Absolute, normalised path (`/usr/bin/sh`); the layer root itself is `/`. */
  path: string;
  type: TarEntryType;
  /** File size in bytes (the real size for sparse files); 0 for header-only entries. */
  size: number;
  /** Permission bits incl. setuid/setgid/sticky (`mode & 0o7777`). */
  mode: number;
  /** Symlink target exactly as stored (may be relative); hardlink target as a normalised absolute path. */
  linkname?: string;
}

/** Compression of a layer blob, derived from its media type. */
export type LayerCompression = 'gzip' | 'zstd' | 'none';

/** Long names and PAX headers are buffered; real ones are a few KiB, so a cap keeps memory bounded. */
const MAX_META_BYTES = 1024 * 1024;

/**
 * Compression of a layer from its media type: OCI `...tar+gzip` / `...tar+zstd` / `...tar`, Docker
 * `...rootfs.diff.tar.gzip` (and `.tar.zstd`, `.tar`). Parameters (`; foo=bar`) are ignored.
 * @throws LayerFormatError for anything that is not a tar layer (e.g. a config or an unknown type).
 */
export function layerCompression(mediaType: string): LayerCompression {
  const base = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  const m = /(?:^|[./+-])tar(?:[+.](gzip|zstd))?$/.exec(base);
  if (!m) {
    throw new LayerFormatError(
      `unsupported layer media type "${mediaType}": expected a tar layer ` +
        '(application/vnd.oci.image.layer.v1.tar[+gzip|+zstd] or application/vnd.docker.image.rootfs.diff.tar.gzip)',
    );
  }
  return m[1] === 'gzip' ? 'gzip' : m[1] === 'zstd' ? 'zstd' : 'none';
}

/**
 * Lists the entries of an image layer blob while it streams: file contents are skipped chunk by chunk,
 * never buffered, so memory stays constant whatever the layer size. Understands ustar, GNU (`L`/`K`
 * long names, base-256 sizes, old sparse files) and PAX (`x`/`g`: path, linkpath, size) headers.
 * Whiteout entries (`.wh.*`) are listed as ordinary files; applying them is the caller's job
 * (see `FileTree` in policy/). Reads the stream to its end so gzip's CRC is verified.
 *
 * @param stream the blob bytes (e.g. a registry `getBlob` body)
 * @param mediaType the layer descriptor's media type; decides gzip / none, zstd is refused
 * @throws LayerFormatError on zstd, unknown media types, corrupt gzip or malformed/truncated tar data
 */
export async function* listLayerEntries(
  stream: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  mediaType: string,
): AsyncGenerator<TarEntry, void, undefined> {
  const compression = layerCompression(mediaType);
  if (compression === 'zstd') {
    throw new LayerFormatError(
      `layer media type "${mediaType}" is zstd-compressed, which is unsupported: Node.js ${process.version} ` +
        'has no zstd decompressor. Push gzip layers instead (podman/buildah push --compression-format gzip).',
    );
  }
  const source = toAsyncIterable(stream);
  yield* readTar(compression === 'gzip' ? gunzip(source, mediaType) : source, mediaType);
}

/**
 * Lists the entries of an uncompressed tar stream (see {@link listLayerEntries}).
 * @param label names the stream in error messages
 */
export async function* listTarEntries(
  source: AsyncIterable<Uint8Array>,
  label = 'tar',
): AsyncGenerator<TarEntry, void, undefined> {
  yield* readTar(source, label);
}

/**
 * Normalises a path from a tar header to absolute form: `./usr//bin/` → `/usr/bin`, `.` → `/`;
 * `..` cannot climb above the root (a layer cannot write outside it either).
 */
export function normalizeLayerPath(raw: string): string {
  const parts: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

function toAsyncIterable(
  stream: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncIterable<Uint8Array> {
  if (Symbol.asyncIterator in stream) return stream as AsyncIterable<Uint8Array>;
  const web = stream as ReadableStream<Uint8Array>;
  return (async function* () {
    const reader = web.getReader();
    let done = false;
    try {
      for (;;) {
        const r = await reader.read();
        if (r.done) {
          done = true;
          return;
        }
        yield r.value;
      }
    } finally {
      // An early exit must cancel the body, or the underlying HTTP connection stays busy.
      if (!done) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  })();
}

async function* gunzip(source: AsyncIterable<Uint8Array>, mediaType: string): AsyncGenerator<Uint8Array> {
  const gz = createGunzip();
  const input = Readable.from(source);
  // Errors from either side end up destroying `gz`, so they surface in the loop below.
  pipeline(input, gz, () => undefined);
  try {
    for await (const chunk of gz) yield chunk as Buffer;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new LayerFormatError(`layer (${mediaType}) is not valid gzip: ${(err as Error).message}`);
    }
    throw err;
  } finally {
    input.destroy();
    gz.destroy();
  }
}

/** Pulls bytes from an async iterator: exact reads for headers, cheap skips for contents. */
class ByteReader {
  private cur: Buffer = Buffer.alloc(0);
  private pos = 0;
  /** Bytes consumed so far (for error messages). */
  position = 0;

  constructor(private readonly it: AsyncIterator<Uint8Array>) {}

  private async pull(): Promise<boolean> {
    for (;;) {
      const r = await this.it.next();
      if (r.done) return false;
      if (r.value.byteLength === 0) continue;
      this.cur = Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
      this.pos = 0;
      return true;
    }
  }

  /** Exactly `n` bytes, or fewer only at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    if (this.cur.length - this.pos >= n) {
      // Copy: the source may reuse its chunk buffers after we ask for the next one.
      const b = Buffer.from(this.cur.subarray(this.pos, this.pos + n));
      this.pos += n;
      this.position += n;
      return b;
    }
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      if (this.pos >= this.cur.length && !(await this.pull())) break;
      const take = Math.min(need, this.cur.length - this.pos);
      parts.push(Buffer.from(this.cur.subarray(this.pos, this.pos + take)));
      this.pos += take;
      this.position += take;
      need -= take;
    }
    return Buffer.concat(parts);
  }

  /** Discards `n` bytes without keeping them; returns how many were actually there. */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      if (this.pos >= this.cur.length && !(await this.pull())) break;
      const take = Math.min(left, this.cur.length - this.pos);
      this.pos += take;
      this.position += take;
      left -= take;
    }
    return n - left;
  }

  async drain(): Promise<void> {
    this.pos = this.cur.length;
    while (await this.pull()) this.pos = this.cur.length;
  }

  async close(): Promise<void> {
    await this.it.return?.();
  }
}

async function* readTar(source: AsyncIterable<Uint8Array>, label: string): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source[Symbol.asyncIterator]());
  const globalPax: Pax = new Map();
  let localPax: Pax = new Map();
  let longName: string | undefined;
  let longLink: string | undefined;
  let finished = false;
  const fail = (offset: number, what: string): LayerFormatError =>
    new LayerFormatError(`${label}: ${what} (at byte ${offset} of the uncompressed tar)`);

  try {
    for (;;) {
      const offset = reader.position;
      const header = await reader.read(BLOCK);
      if (header.length === 0) {
        // Some writers omit the two zero blocks; ending on a header boundary is still a whole archive.
        if (longName !== undefined || longLink !== undefined || localPax.size > 0) {
          throw fail(offset, 'stream ends after an extended header, before its entry');
        }
        finished = true;
        return;
      }
      if (header.length < BLOCK) {
        throw fail(offset, `truncated header (${header.length} of 512 bytes)${formatHint(header, offset)}`);
      }
      if (header.every((b) => b === 0)) {
        await reader.drain();
        finished = true;
        return;
      }
      verifyChecksum(header, offset, fail);

      const typeflag = header[156] === 0 ? '0' : String.fromCharCode(header[156] ?? 0);
      const headerSize = parseNumeric(header.subarray(124, 136), 'size', offset, fail);

      const readMeta = async (what: string): Promise<Buffer> => {
        if (headerSize > MAX_META_BYTES) {
          throw fail(offset, `${what} of ${headerSize} bytes exceeds the ${MAX_META_BYTES}-byte limit`);
        }
        const data = await reader.read(headerSize);
        if (data.length < headerSize) throw fail(offset, `truncated ${what}`);
        await skipPadding(reader, headerSize);
        return data;
      };

      switch (typeflag) {
        case 'L':
          longName = cString(await readMeta('GNU long name'));
          continue;
        case 'K':
          longLink = cString(await readMeta('GNU long link name'));
          continue;
        case 'x':
          for (const [k, v] of parsePax(await readMeta('PAX header'), offset, fail)) localPax.set(k, v);
          continue;
        case 'g':
          for (const [k, v] of parsePax(await readMeta('PAX global header'), offset, fail))
            globalPax.set(k, v);
          continue;
        case 'V': // GNU volume label: not a filesystem entry
          await skipData(reader, headerSize, offset, 'volume label', fail);
          continue;
      }

      const { entry, dataSize } = await readEntry(reader, {
        header,
        typeflag,
        headerSize,
        pax: new Map([...globalPax, ...localPax]),
        longName,
        longLink,
        offset,
        fail,
      });

      longName = undefined;
      longLink = undefined;
      localPax = new Map();
      yield entry;
      await skipData(reader, dataSize, offset, entry.path, fail);
    }
  } finally {
    // Stopping early (consumer broke out, or an error): release the source instead of draining it.
    if (!finished) await reader.close();
  }
}

/** A regular entry's header block and the extensions (GNU long names, PAX records) before it. */
interface EntryHeader {
  header: Buffer;
  typeflag: string;
  /** The header's size field. */
  headerSize: number;
  /** Global and local PAX records merged, local ones winning. */
  pax: Pax;
  longName: string | undefined;
  longLink: string | undefined;
  offset: number;
  fail: Fail;
}

/**
 * Decodes a regular entry from its header and extensions, reading the extra sparse-map blocks of
 * an old GNU sparse file. Returns the entry and how many data bytes follow it in the archive.
 */
async function readEntry(
  reader: ByteReader,
  { header, typeflag, headerSize, pax: merged, longName, longLink, offset, fail }: EntryHeader,
): Promise<{ entry: TarEntry; dataSize: number }> {
  const pax = (key: string): string | undefined => merged.get(key) || undefined;
  const magic = header.toString('latin1', 257, 263);
  let name = cString(header.subarray(0, 100));
  // Only POSIX ustar has a prefix field; GNU tar stores atime/ctime in the same bytes.
  if (magic === 'ustar\0') {
    const prefix = cString(header.subarray(345, 500));
    if (prefix) name = `${prefix}/${name}`;
  }
  const rawPath = pax('path') ?? pax('GNU.sparse.name') ?? longName ?? name;
  const rawLink = pax('linkpath') ?? longLink ?? cString(header.subarray(157, 257));

  let dataSize = headerSize;
  const paxSize = pax('size');
  if (paxSize !== undefined) {
    if (!/^\d+$/.test(paxSize)) throw fail(offset, `bad PAX size "${paxSize}"`);
    dataSize = Number(paxSize);
  }
  let size = dataSize;
  if (typeflag === 'S') {
    // Old GNU sparse: stored bytes in `size`, real size at 483; extra sparse-map blocks may follow.
    size = parseNumeric(header.subarray(483, 495), 'sparse real size', offset, fail);
    let extended = header[482] !== 0;
    while (extended) {
      const ext = await reader.read(BLOCK);
      if (ext.length < BLOCK) throw fail(offset, 'truncated GNU sparse header');
      extended = ext[504] !== 0;
    }
  }
  const realSize = pax('GNU.sparse.realsize') ?? pax('GNU.sparse.size');
  if (realSize !== undefined && /^\d+$/.test(realSize)) size = Number(realSize);

  const type = entryType(typeflag, rawPath);
  // Header-only types carry no data even if `size` is set (same rule as Go's archive/tar).
  if (headerOnly(typeflag)) dataSize = 0;

  const entry: TarEntry = {
    path: normalizeLayerPath(rawPath),
    type,
    size: type === 'file' ? size : 0,
    mode: parseNumeric(header.subarray(100, 108), 'mode', offset, fail) & 0o7777,
  };
  if (type === 'symlink') entry.linkname = rawLink;
  else if (type === 'hardlink') entry.linkname = normalizeLayerPath(rawLink);

  return { entry, dataSize };
}

async function skipPadding(reader: ByteReader, size: number): Promise<void> {
  const pad = (BLOCK - (size % BLOCK)) % BLOCK;
  if (pad > 0) await reader.skip(pad);
}

async function skipData(
  reader: ByteReader,
  size: number,
  offset: number,
  what: string,
  fail: Fail,
): Promise<void> {
  const total = size + ((BLOCK - (size % BLOCK)) % BLOCK);
  const skipped = await reader.skip(total);
  // Missing padding after the last entry is tolerated; missing content is not.
  if (skipped < size) throw fail(offset, `truncated contents of ${what} (${skipped} of ${size} bytes)`);
}
