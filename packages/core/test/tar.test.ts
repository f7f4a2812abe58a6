import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  linkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerCompression, listLayerEntries, normalizeLayerPath, type TarEntry } from '../src/tar.js';
import { LayerFormatError } from '../src/tar-header.js';

const OCI_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
const OCI_TAR = 'application/vnd.oci.image.layer.v1.tar';
const DOCKER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

// 3 directory levels of 40 chars + file name: > 155 chars, beyond what ustar name+prefix can express.
const LONG_DIR = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)].join('/');
const LONG_FILE = `${LONG_DIR}/${'f'.repeat(60)}.txt`;

let work: string;
let root: string;

async function list(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  mediaType: string,
): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  for await (const e of listLayerEntries(source, mediaType)) out.push(e);
  return out;
}

function byPath(entries: TarEntry[]): Map<string, TarEntry> {
  return new Map(entries.map((e) => [e.path, e]));
}

/** Builds a tarball of `root` with GNU tar and returns its path. */
function tarball(name: string, args: string[]): string {
  const out = join(work, name);
  execFileSync('tar', [...args, '-f', out, '-C', root, '.'], { stdio: 'pipe' });
  return out;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dl-tar-test-'));
  root = join(work, 'root');
  mkdirSync(join(root, 'usr/bin'), { recursive: true });
  mkdirSync(join(root, LONG_DIR), { recursive: true });
  writeFileSync(join(root, 'usr/bin/dash'), Buffer.alloc(1234, 7));
  symlinkSync('usr/bin', join(root, 'bin'));
  symlinkSync('dash', join(root, 'usr/bin/sh'));
  linkSync(join(root, 'usr/bin/dash'), join(root, 'usr/bin/dash-hardlink'));
  writeFileSync(join(root, LONG_FILE), 'hello');
  // A symlink whose target is longer than the 100-byte linkname field.
  symlinkSync(`/${LONG_FILE}`, join(root, 'long-link'));
  writeFileSync(join(root, 'usr/.wh.removed'), '');
  writeFileSync(join(root, 'grüße.txt'), 'x'.repeat(700));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function expectCommonListing(entries: TarEntry[]): void {
  const m = byPath(entries);
  expect(m.get('/')).toMatchObject({ type: 'dir' });
  expect(m.get('/usr')).toMatchObject({ type: 'dir', size: 0 });
  // tar stores the second name of a hardlinked pair (in directory order) as a link to the first.
  const pair = [m.get('/usr/bin/dash'), m.get('/usr/bin/dash-hardlink')];
  const file = pair.find((e) => e?.type === 'file');
  const link = pair.find((e) => e?.type === 'hardlink');
  expect(file?.size).toBe(1234);
  expect(link).toMatchObject({ size: 0, linkname: file?.path });
  expect(m.get('/bin')).toEqual(expect.objectContaining({ type: 'symlink', linkname: 'usr/bin', size: 0 }));
  expect(m.get('/usr/bin/sh')).toMatchObject({ type: 'symlink', linkname: 'dash' });
  expect(m.get(`/${LONG_FILE}`)).toMatchObject({ type: 'file', size: 5 });
  expect(m.get('/long-link')).toMatchObject({ type: 'symlink', linkname: `/${LONG_FILE}` });
  expect(m.get('/usr/.wh.removed')).toMatchObject({ type: 'file', size: 0 });
  expect(m.get('/grüße.txt')).toMatchObject({ type: 'file', size: 700 });
  expect(entries.filter((e) => e.type === 'hardlink')).toHaveLength(1);
  expect(entries.every((e) => e.path.startsWith('/') && !e.path.includes('/./'))).toBe(true);
  expect(entries.length).toBe(new Set(entries.map((e) => e.path)).size);
}

describe('listLayerEntries with real GNU tar archives', () => {
  it('lists a gzipped GNU-format layer (long names via L/K entries, symlinks, hardlinks)', async () => {
    const file = tarball('gnu.tar.gz', ['--format=gnu', '-cz']);
    expect(gunzipSync(readFileSync(file)).includes('././@LongLink')).toBe(true);
    const entries = await list(createReadStream(file), OCI_GZIP);
    expectCommonListing(entries);
    expect(byPath(entries).get('/usr/bin')?.mode).toBe(0o755);
  });

  it('lists a PAX-format layer (path/linkpath records), Docker gzip media type', async () => {
    const file = tarball('pax.tar.gz', ['--format=pax', '-cz']);
    expect(gunzipSync(readFileSync(file)).includes(` path=./${LONG_FILE}\n`)).toBe(true);
    expectCommonListing(await list(createReadStream(file), DOCKER_GZIP));
  });

  it('lists an uncompressed ustar layer, using the prefix field for paths over 100 chars', async () => {
    const ustarRoot = join(work, 'ustar-root');
    const dir = ['p'.repeat(50), 'q'.repeat(50)].join('/');
    mkdirSync(join(ustarRoot, dir), { recursive: true });
    writeFileSync(join(ustarRoot, dir, 'r'.repeat(60)), 'abc');
    const out = join(work, 'ustar.tar');
    execFileSync('tar', ['--format=ustar', '-cf', out, '-C', ustarRoot, '.']);
    const entries = await list(createReadStream(out), OCI_TAR);
    expect(byPath(entries).get(`/${dir}/${'r'.repeat(60)}`)).toMatchObject({ type: 'file', size: 3 });
  });

  it('accepts a web ReadableStream (fetch body) as well as a Node stream', async () => {
    const file = tarball('web.tar.gz', ['--format=gnu', '-cz']);
    const web = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
    expectCommonListing(await list(web, OCI_GZIP));
  });

  it('reports the real size of GNU sparse files', async () => {
    const sparseRoot = join(work, 'sparse-root');
    mkdirSync(sparseRoot);
    execFileSync('truncate', ['-s', '5000000', join(sparseRoot, 'holes')]);
    const out = join(work, 'sparse.tar');
    execFileSync('tar', ['--format=gnu', '--sparse', '-cf', out, '-C', sparseRoot, '.']);
    const entries = await list(createReadStream(out), OCI_TAR);
    expect(byPath(entries).get('/holes')).toMatchObject({ type: 'file', size: 5000000 });
  });

  it('lists tarballs with a PAX global header (git archive style) and a PAX size override', async () => {
    const global = paxRecord('comment', 'made by a test');
    const localPath = paxRecord('path', 'from/pax/header.txt') + paxRecord('size', '3');
    const tar = Buffer.concat([
      header({ name: 'pax_global_header', type: 'g', size: Buffer.byteLength(global) }),
      pad(Buffer.from(global)),
      header({ name: 'PaxHeaders/x', type: 'x', size: Buffer.byteLength(localPath) }),
      pad(Buffer.from(localPath)),
      header({ name: 'short-name.txt', type: '0', size: 999 }), // PAX size wins over this field
      pad(Buffer.from('abc')),
      header({ name: 'after', type: '5', size: 0 }),
      Buffer.alloc(1024),
    ]);
    const entries = await list(chunks(gzipSync(tar), 100), OCI_GZIP);
    expect(entries).toEqual([
      { path: '/from/pax/header.txt', type: 'file', size: 3, mode: 0o644 },
      { path: '/after', type: 'dir', size: 0, mode: 0o644 },
    ]);
  });
});

describe('media types and errors', () => {
  it.each([
    [OCI_GZIP, 'gzip'],
    [DOCKER_GZIP, 'gzip'],
    ['application/vnd.oci.image.layer.nondistributable.v1.tar+gzip', 'gzip'],
    ['application/vnd.docker.image.rootfs.foreign.diff.tar.gzip', 'gzip'],
    [OCI_TAR, 'none'],
    ['application/vnd.docker.image.rootfs.diff.tar', 'none'],
    ['application/x-tar', 'none'],
    ['application/vnd.oci.image.layer.v1.tar+zstd', 'zstd'],
    ['application/vnd.oci.image.layer.v1.tar+gzip; foo=bar', 'gzip'],
  ])('%s is %s', (mediaType, want) => {
    expect(layerCompression(mediaType)).toBe(want);
  });

  it.each(['application/vnd.oci.image.config.v1+json', '', 'application/octet-stream', 'text/tarball'])(
    'refuses media type %j',
    async (mediaType) => {
      await expect(list(chunks(Buffer.alloc(1024), 512), mediaType)).rejects.toThrow(
        /unsupported layer media type/,
      );
    },
  );

  it('refuses zstd layers with a clear "unsupported" error', async () => {
    const err = await list(
      chunks(Buffer.alloc(1024), 512),
      'application/vnd.oci.image.layer.v1.tar+zstd',
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LayerFormatError);
    expect((err as Error).message).toMatch(
      /zstd-compressed, which is unsupported.*--compression-format gzip/,
    );
  });

  it('names gzip errors when the data is not gzip', async () => {
    const tar = Buffer.concat([header({ name: 'a', type: '0', size: 0 }), Buffer.alloc(1024)]);
    await expect(list(chunks(tar, 512), OCI_GZIP)).rejects.toThrow(/not valid gzip/);
  });

  it('says so when an uncompressed media type carries gzip data', async () => {
    const tar = Buffer.concat([header({ name: 'a', type: '0', size: 0 }), Buffer.alloc(1024)]);
    await expect(list(chunks(gzipSync(tar), 512), OCI_TAR)).rejects.toThrow(
      /the data is gzip, but the media type says uncompressed/,
    );
  });

  it('detects a truncated gzip stream', async () => {
    const file = tarball('trunc.tar.gz', ['--format=gnu', '-cz']);
    const bytes = readFileSync(file);
    await expect(list(chunks(bytes.subarray(0, bytes.length - 20), 4096), OCI_GZIP)).rejects.toThrow(
      /not valid gzip|unexpected end/,
    );
  });

  it('detects contents cut short', async () => {
    const tar = Buffer.concat([header({ name: 'big', type: '0', size: 5000 }), Buffer.alloc(1000)]);
    await expect(list(chunks(tar, 300), OCI_TAR)).rejects.toThrow(
      /truncated contents of \/big \(1000 of 5000 bytes\)/,
    );
  });

  it('detects a corrupt header', async () => {
    const tar = Buffer.concat([header({ name: 'a', type: '0', size: 0 }), Buffer.alloc(1024)]);
    tar[3] = 0x41; // changes the name without fixing the checksum
    await expect(list(chunks(tar, 512), OCI_TAR)).rejects.toThrow(/bad header checksum.*at byte 0/);
  });

  it('accepts an archive without the closing zero blocks', async () => {
    const tar = Buffer.concat([header({ name: 'a/', type: '0', size: 0 })]);
    expect(await list(chunks(tar, 7), OCI_TAR)).toEqual([{ path: '/a', type: 'dir', size: 0, mode: 0o644 }]);
  });
});

describe('streaming', () => {
  it('skips contents without buffering them: 9 GiB (base-256 size field) in constant memory', async () => {
    const size = 9 * 1024 ** 3;
    const chunk = new Uint8Array(1024 * 1024);
    async function* source(): AsyncGenerator<Uint8Array> {
      yield header({ name: 'huge.bin', type: '0', size, base256: true });
      for (let left = size; left > 0; left -= chunk.length)
        yield chunk.subarray(0, Math.min(left, chunk.length));
      yield header({ name: 'after-huge', type: '0', size: 1 });
      yield pad(Buffer.from('z'));
      yield new Uint8Array(1024);
    }
    const heapBefore = process.memoryUsage().heapUsed;
    const entries = await list(source(), OCI_TAR);
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(entries).toEqual([
      { path: '/huge.bin', type: 'file', size, mode: 0o644 },
      { path: '/after-huge', type: 'file', size: 1, mode: 0o644 },
    ]);
    // Buffering even a fraction of the 9 GiB would be far above this.
    expect(heapGrowth).toBeLessThan(64 * 1024 * 1024);
  });

  it('releases the source when the consumer stops early', async () => {
    let released = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        yield header({ name: 'one', type: '0', size: 0 });
        yield header({ name: 'two', type: '0', size: 0 });
        yield new Uint8Array(1024);
      } finally {
        released = true;
      }
    }
    for await (const entry of listLayerEntries(source(), OCI_TAR)) {
      expect(entry.path).toBe('/one');
      break;
    }
    expect(released).toBe(true);
  });
});

describe('normalizeLayerPath', () => {
  it.each([
    ['./usr/bin/', '/usr/bin'],
    ['usr//bin/./sh', '/usr/bin/sh'],
    ['./', '/'],
    ['.', '/'],
    ['/abs/path', '/abs/path'],
    ['../../etc/passwd', '/etc/passwd'],
    ['a/b/../c', '/a/c'],
  ])('%j -> %j', (raw, want) => {
    expect(normalizeLayerPath(raw)).toBe(want);
  });
});

/** A minimal ustar header; `base256` writes the size GNU-style, as tar does for files >= 8 GiB. */
function header(opts: { name: string; type: string; size: number; base256?: boolean }): Buffer {
  const h = Buffer.alloc(512);
  h.write(opts.name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'latin1');
  h.write('0000000\0', 108, 'latin1');
  h.write('0000000\0', 116, 'latin1');
  if (opts.base256) {
    h[124] = 0x80;
    let v = opts.size;
    for (let i = 135; i > 124; i--) {
      h[i] = v % 256;
      v = Math.floor(v / 256);
    }
  } else {
    h.write(opts.size.toString(8).padStart(11, '0') + '\0', 124, 'latin1');
  }
  h.write('00000000000\0', 136, 'latin1');
  h.write(opts.type, 156, 'latin1');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return h;
}

function pad(data: Buffer): Buffer {
  return Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len++;
  return `${len}${body}`;
}

async function* chunks(data: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}
