export const id = 428;
export const ids = [428];
export const modules = {

/***/ 5428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  layerCompression: () => (/* binding */ layerCompression),
  listLayerEntries: () => (/* binding */ listLayerEntries),
  listTarEntries: () => (/* binding */ listTarEntries),
  normalizeLayerPath: () => (/* binding */ normalizeLayerPath)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./packages/core/src/tar-header.ts
/**
 * Decoding of the fields of one tar header block (ustar, GNU and PAX): numbers, names, checksum,
 * typeflag and PAX records. Pure functions over the bytes; the streaming reader is in tar.ts.
 */
/** A layer blob that cannot be read: unknown media type, zstd, corrupt gzip or tar data. */
class LayerFormatError extends Error {
    name = 'LayerFormatError';
}
/** Size of a tar block: every header, and every entry's data rounded up. */
const BLOCK = 512;
/** True for typeflags whose entries carry no data, whatever their size field says. */
function headerOnly(typeflag) {
    return '123456'.includes(typeflag);
}
/** The kind of entry a typeflag stands for; `rawPath` decides for pre-POSIX regular files. */
function entryType(typeflag, rawPath) {
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
function cString(b) {
    const nul = b.indexOf(0);
    return b.toString('utf8', 0, nul === -1 ? b.length : nul);
}
/** A numeric header field: octal text, or GNU base-256 for values too large for octal. */
function parseNumeric(field, what, offset, fail) {
    const first = field[0] ?? 0;
    if (first & 0x80) {
        // GNU base-256, used for values that do not fit the octal field (files >= 8 GiB).
        if (first === 0xff)
            throw fail(offset, `negative ${what} in header`);
        let v = first & 0x7f;
        for (let i = 1; i < field.length; i++)
            v = v * 256 + (field[i] ?? 0);
        if (!Number.isSafeInteger(v))
            throw fail(offset, `${what} in header is too large`);
        return v;
    }
    const text = cString(field).trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw fail(offset, `bad ${what} field "${text}" in header (expected octal)`);
    return parseInt(text, 8);
}
/** @throws LayerFormatError (through `fail`) when the header's checksum field does not match its bytes */
function verifyChecksum(header, offset, fail) {
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
    if (want === unsigned || want === signed)
        return;
    throw fail(offset, `bad header checksum${formatHint(header, offset) || (offset === 0 ? ': not a tar archive' : '')}`);
}
/** Explains the commonest cause of garbage at the start: compressed data under an uncompressed type. */
function formatHint(header, offset) {
    if (offset !== 0 || header.length < 4)
        return '';
    if (header[0] === 0x1f && header[1] === 0x8b)
        return ': the data is gzip, but the media type says uncompressed';
    if (header.readUInt32LE(0) === 0xfd2fb528)
        return ': the data is zstd, but the media type says uncompressed';
    return '';
}
/** The records of a PAX extended header's data. */
function parsePax(data, offset, fail) {
    // Records are "<len> <key>=<value>\n" where <len> counts the bytes of the whole record.
    const out = new Map();
    let pos = 0;
    while (pos < data.length) {
        if (data[pos] === 0)
            break; // some writers pad the data with NULs
        const space = data.indexOf(0x20, pos);
        const len = space === -1 ? NaN : Number(data.toString('latin1', pos, space));
        if (!Number.isInteger(len) || len <= 0 || pos + len > data.length || data[pos + len - 1] !== 0x0a) {
            throw fail(offset, `malformed PAX record at byte ${pos} of the extended header`);
        }
        const record = data.toString('utf8', space + 1, pos + len - 1);
        const eq = record.indexOf('=');
        if (eq <= 0)
            throw fail(offset, `malformed PAX record "${record}"`);
        const key = record.slice(0, eq);
        const value = record.slice(eq + 1);
        // An empty value cancels the keyword (POSIX); kept as '' so it also overrides a global one.
        out.set(key, value);
        pos += len;
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/tar.ts



/** Long names and PAX headers are buffered; real ones are a few KiB, so a cap keeps memory bounded. */
const MAX_META_BYTES = 1024 * 1024;
/**
 * Compression of a layer from its media type: OCI `...tar+gzip` / `...tar+zstd` / `...tar`, Docker
 * `...rootfs.diff.tar.gzip` (and `.tar.zstd`, `.tar`). Parameters (`; foo=bar`) are ignored.
 * @throws LayerFormatError for anything that is not a tar layer (e.g. a config or an unknown type).
 */
function layerCompression(mediaType) {
    const base = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
    const m = /(?:^|[./+-])tar(?:[+.](gzip|zstd))?$/.exec(base);
    if (!m) {
        throw new LayerFormatError(`unsupported layer media type "${mediaType}": expected a tar layer ` +
            '(application/vnd.oci.image.layer.v1.tar[+gzip|+zstd] or application/vnd.docker.image.rootfs.diff.tar.gzip)');
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
async function* listLayerEntries(stream, mediaType) {
    const compression = layerCompression(mediaType);
    if (compression === 'zstd') {
        throw new LayerFormatError(`layer media type "${mediaType}" is zstd-compressed, which is unsupported: Node.js ${process.version} ` +
            'has no zstd decompressor. Push gzip layers instead (podman/buildah push --compression-format gzip).');
    }
    const source = toAsyncIterable(stream);
    yield* readTar(compression === 'gzip' ? gunzip(source, mediaType) : source, mediaType);
}
/**
 * Lists the entries of an uncompressed tar stream (see {@link listLayerEntries}).
 * @param label names the stream in error messages
 */
async function* listTarEntries(source, label = 'tar') {
    yield* readTar(source, label);
}
/**
 * Normalises a path from a tar header to absolute form: `./usr//bin/` → `/usr/bin`, `.` → `/`;
 * `..` cannot climb above the root (a layer cannot write outside it either).
 */
function normalizeLayerPath(raw) {
    const parts = [];
    for (const seg of raw.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..')
            parts.pop();
        else
            parts.push(seg);
    }
    return '/' + parts.join('/');
}
function toAsyncIterable(stream) {
    if (Symbol.asyncIterator in stream)
        return stream;
    const web = stream;
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
        }
        finally {
            // An early exit must cancel the body, or the underlying HTTP connection stays busy.
            if (!done)
                await reader.cancel().catch(() => undefined);
            reader.releaseLock();
        }
    })();
}
async function* gunzip(source, mediaType) {
    const gz = (0,external_node_zlib_.createGunzip)();
    const input = external_node_stream_.Readable.from(source);
    // Errors from either side end up destroying `gz`, so they surface in the loop below.
    (0,external_node_stream_.pipeline)(input, gz, () => undefined);
    try {
        for await (const chunk of gz)
            yield chunk;
    }
    catch (err) {
        const code = err.code;
        if (typeof code === 'string' && code.startsWith('Z_')) {
            throw new LayerFormatError(`layer (${mediaType}) is not valid gzip: ${err.message}`);
        }
        throw err;
    }
    finally {
        input.destroy();
        gz.destroy();
    }
}
/** Pulls bytes from an async iterator: exact reads for headers, cheap skips for contents. */
class ByteReader {
    it;
    cur = Buffer.alloc(0);
    pos = 0;
    /** Bytes consumed so far (for error messages). */
    position = 0;
    constructor(it) {
        this.it = it;
    }
    async pull() {
        for (;;) {
            const r = await this.it.next();
            if (r.done)
                return false;
            if (r.value.byteLength === 0)
                continue;
            this.cur = Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
            this.pos = 0;
            return true;
        }
    }
    /** Exactly `n` bytes, or fewer only at the end of the stream. */
    async read(n) {
        if (this.cur.length - this.pos >= n) {
            // Copy: the source may reuse its chunk buffers after we ask for the next one.
            const b = Buffer.from(this.cur.subarray(this.pos, this.pos + n));
            this.pos += n;
            this.position += n;
            return b;
        }
        const parts = [];
        let need = n;
        while (need > 0) {
            if (this.pos >= this.cur.length && !(await this.pull()))
                break;
            const take = Math.min(need, this.cur.length - this.pos);
            parts.push(Buffer.from(this.cur.subarray(this.pos, this.pos + take)));
            this.pos += take;
            this.position += take;
            need -= take;
        }
        return Buffer.concat(parts);
    }
    /** Discards `n` bytes without keeping them; returns how many were actually there. */
    async skip(n) {
        let left = n;
        while (left > 0) {
            if (this.pos >= this.cur.length && !(await this.pull()))
                break;
            const take = Math.min(left, this.cur.length - this.pos);
            this.pos += take;
            this.position += take;
            left -= take;
        }
        return n - left;
    }
    async drain() {
        this.pos = this.cur.length;
        while (await this.pull())
            this.pos = this.cur.length;
    }
    async close() {
        await this.it.return?.();
    }
}
async function* readTar(source, label) {
    const reader = new ByteReader(source[Symbol.asyncIterator]());
    const globalPax = new Map();
    let localPax = new Map();
    let longName;
    let longLink;
    let finished = false;
    const fail = (offset, what) => new LayerFormatError(`${label}: ${what} (at byte ${offset} of the uncompressed tar)`);
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
            const readMeta = async (what) => {
                if (headerSize > MAX_META_BYTES) {
                    throw fail(offset, `${what} of ${headerSize} bytes exceeds the ${MAX_META_BYTES}-byte limit`);
                }
                const data = await reader.read(headerSize);
                if (data.length < headerSize)
                    throw fail(offset, `truncated ${what}`);
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
                    for (const [k, v] of parsePax(await readMeta('PAX header'), offset, fail))
                        localPax.set(k, v);
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
    }
    finally {
        // Stopping early (consumer broke out, or an error): release the source instead of draining it.
        if (!finished)
            await reader.close();
    }
}
/**
 * Decodes a regular entry from its header and extensions, reading the extra sparse-map blocks of
 * an old GNU sparse file. Returns the entry and how many data bytes follow it in the archive.
 */
async function readEntry(reader, { header, typeflag, headerSize, pax: merged, longName, longLink, offset, fail }) {
    const pax = (key) => merged.get(key) || undefined;
    const magic = header.toString('latin1', 257, 263);
    let name = cString(header.subarray(0, 100));
    // Only POSIX ustar has a prefix field; GNU tar stores atime/ctime in the same bytes.
    if (magic === 'ustar\0') {
        const prefix = cString(header.subarray(345, 500));
        if (prefix)
            name = `${prefix}/${name}`;
    }
    const rawPath = pax('path') ?? pax('GNU.sparse.name') ?? longName ?? name;
    const rawLink = pax('linkpath') ?? longLink ?? cString(header.subarray(157, 257));
    let dataSize = headerSize;
    const paxSize = pax('size');
    if (paxSize !== undefined) {
        if (!/^\d+$/.test(paxSize))
            throw fail(offset, `bad PAX size "${paxSize}"`);
        dataSize = Number(paxSize);
    }
    let size = dataSize;
    if (typeflag === 'S') {
        // Old GNU sparse: stored bytes in `size`, real size at 483; extra sparse-map blocks may follow.
        size = parseNumeric(header.subarray(483, 495), 'sparse real size', offset, fail);
        let extended = header[482] !== 0;
        while (extended) {
            const ext = await reader.read(BLOCK);
            if (ext.length < BLOCK)
                throw fail(offset, 'truncated GNU sparse header');
            extended = ext[504] !== 0;
        }
    }
    const realSize = pax('GNU.sparse.realsize') ?? pax('GNU.sparse.size');
    if (realSize !== undefined && /^\d+$/.test(realSize))
        size = Number(realSize);
    const type = entryType(typeflag, rawPath);
    // Header-only types carry no data even if `size` is set (same rule as Go's archive/tar).
    if (headerOnly(typeflag))
        dataSize = 0;
    const entry = {
        path: normalizeLayerPath(rawPath),
        type,
        size: type === 'file' ? size : 0,
        mode: parseNumeric(header.subarray(100, 108), 'mode', offset, fail) & 0o7777,
    };
    if (type === 'symlink')
        entry.linkname = rawLink;
    else if (type === 'hardlink')
        entry.linkname = normalizeLayerPath(rawLink);
    return { entry, dataSize };
}
async function skipPadding(reader, size) {
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad > 0)
        await reader.skip(pad);
}
async function skipData(reader, size, offset, what, fail) {
    const total = size + ((BLOCK - (size % BLOCK)) % BLOCK);
    const skipped = await reader.skip(total);
    // Missing padding after the last entry is tolerated; missing content is not.
    if (skipped < size)
        throw fail(offset, `truncated contents of ${what} (${skipped} of ${size} bytes)`);
}


/***/ })

};
