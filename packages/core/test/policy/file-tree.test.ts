import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileTree, type LayerEntryLike } from '../../src/policy/file-tree.js';
import { listLayerEntries } from '../../src/tar.js';

const dir = (path: string): LayerEntryLike => ({ path, type: 'dir' });
const file = (path: string, size = 1): LayerEntryLike => ({ path, type: 'file', size });
const link = (path: string, linkname: string): LayerEntryLike => ({ path, type: 'symlink', linkname });

function treeOf(...layers: LayerEntryLike[][]): FileTree {
  const tree = new FileTree();
  for (const layer of layers) tree.applyLayer(layer);
  return tree;
}

const base = [
  dir('/etc'),
  file('/etc/passwd'),
  dir('/etc/apt'),
  file('/etc/apt/sources.list'),
  file('/etc/apt/x'),
];

describe('FileTree.applyLayer', () => {
  it.each<[string, LayerEntryLike[][], string[]]>([
    ['one layer', [base], ['/etc', '/etc/apt', '/etc/apt/sources.list', '/etc/apt/x', '/etc/passwd']],
    ['creates missing parents', [[file('/a/b/c')]], ['/a', '/a/b', '/a/b/c']],
    [
      '.wh.<name> deletes a lower file',
      [base, [file('/etc/.wh.passwd')]],
      ['/etc', '/etc/apt', '/etc/apt/sources.list', '/etc/apt/x'],
    ],
    [
      '.wh.<name> deletes a lower directory and its contents',
      [base, [file('/etc/.wh.apt')]],
      ['/etc', '/etc/passwd'],
    ],
    [
      '.wh..wh..opq hides lower contents but keeps the same layer entries, whatever their order',
      [base, [dir('/etc/apt'), file('/etc/apt/new'), file('/etc/apt/.wh..wh..opq')]],
      ['/etc', '/etc/apt', '/etc/apt/new', '/etc/passwd'],
    ],
    [
      'a whiteout does not hide a same-layer entry listed before it',
      [base, [file('/etc/passwd', 5), file('/etc/.wh.passwd')]],
      ['/etc', '/etc/apt', '/etc/apt/sources.list', '/etc/apt/x', '/etc/passwd'],
    ],
    [
      'a later layer brings a deleted path back',
      [base, [file('/etc/.wh.apt')], [file('/etc/apt/y')]],
      ['/etc', '/etc/apt', '/etc/apt/y', '/etc/passwd'],
    ],
    [
      'a whiteout of something absent is harmless',
      [base, [file('/nope/.wh.x'), file('/.wh.zzz')]],
      ['/etc', '/etc/apt', '/etc/apt/sources.list', '/etc/apt/x', '/etc/passwd'],
    ],
    [
      'aufs .wh..wh.* bookkeeping is ignored',
      [[dir('/.wh..wh.plnk'), file('/.wh..wh.plnk/1.2'), file('/a')]],
      ['/a'],
    ],
    [
      'a directory over a directory keeps its children',
      [base, [dir('/etc/apt')]],
      ['/etc', '/etc/apt', '/etc/apt/sources.list', '/etc/apt/x', '/etc/passwd'],
    ],
    ['a file replaces a directory', [base, [file('/etc/apt')]], ['/etc', '/etc/apt', '/etc/passwd']],
    [
      'a directory replaces a symlink',
      [
        [link('/bin', 'usr/bin'), dir('/usr/bin')],
        [dir('/bin'), file('/bin/x')],
      ],
      ['/bin', '/bin/x', '/usr', '/usr/bin'],
    ],
    [
      'an entry under a symlinked parent (no parent entry) lands in the target',
      [[dir('/usr/bin'), link('/bin', 'usr/bin')], [file('/bin/late')]],
      ['/bin', '/usr', '/usr/bin', '/usr/bin/late'],
    ],
    [
      'a whiteout through a symlinked parent',
      [[file('/usr/bin/sh'), link('/bin', 'usr/bin')], [file('/bin/.wh.sh')]],
      ['/bin', '/usr', '/usr/bin'],
    ],
    ['the root entry is ignored', [[dir('/'), file('/a')]], ['/a']],
  ])('%s', (_name, layers, paths) => {
    expect([...treeOf(...layers).paths()]).toEqual(paths);
  });

  it('counts entries and keeps metadata', () => {
    const tree = treeOf(base, [{ path: '/etc/passwd', type: 'file', size: 42, mode: 0o600 }]);
    expect(tree.entryCount).toBe(5);
    expect(tree.lookup('/etc/passwd')?.node).toEqual({ type: 'file', size: 42, mode: 0o600 });
  });
});

describe('FileTree.lookup', () => {
  const tree = treeOf([
    dir('/usr/bin'),
    file('/usr/bin/dash'),
    link('/usr/bin/sh', 'dash'),
    link('/bin', 'usr/bin'),
    link('/lib', '/usr/lib'), // dangling
    link('/loop', 'loop'),
    link('/usr/up', '../..'),
    link('/usr/bin/abs-sh', '/bin/sh'),
  ]);

  it.each([
    ['/usr/bin/sh', false, '/usr/bin/sh', 'symlink'],
    ['/usr/bin/sh', true, '/usr/bin/dash', 'file'],
    ['/bin/sh', false, '/usr/bin/sh', 'symlink'],
    ['/bin/sh', true, '/usr/bin/dash', 'file'],
    ['/bin/abs-sh', true, '/usr/bin/dash', 'file'],
    ['/bin', false, '/bin', 'symlink'],
    ['/bin', true, '/usr/bin', 'dir'],
    ['/usr/up/usr/bin/dash', false, '/usr/bin/dash', 'file'],
    ['/bin/../bin', true, '/usr/bin', 'dir'],
    ['/lib', false, '/lib', 'symlink'],
  ])('%s (follow %s) -> %s', (path, followFinal, real, type) => {
    const found = tree.lookup(path, { followFinal });
    expect(found?.path).toBe(real);
    expect(found?.node.type).toBe(type);
  });

  it.each([['/lib/x'], ['/loop/x'], ['/usr/bin/dash/x'], ['/missing']])('%s is not found', (path) => {
    expect(tree.lookup(path, { followFinal: true })).toBeUndefined();
  });

  it('treats a dangling or looping final symlink as existing', () => {
    expect(tree.has('/lib')).toBe(true);
    expect(tree.has('/loop')).toBe(true);
    expect(tree.lookup('/loop', { followFinal: true })).toBeUndefined();
  });
});

describe('FileTree.fromPaths', () => {
  it('builds directories from plain paths in any order', () => {
    const tree = FileTree.fromPaths(['/usr/bin/sh', '/usr', '/etc/passwd', '/usr/bin']);
    expect([...tree.paths()]).toEqual(['/etc', '/etc/passwd', '/usr', '/usr/bin', '/usr/bin/sh']);
    expect(tree.lookup('/usr/bin')?.node.type).toBe('dir');
  });
});

describe('FileTree from real layer tarballs', () => {
  const work = mkdtempSync(join(tmpdir(), 'dl-tree-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function layer(name: string, build: (root: string) => void): string {
    const root = join(work, name);
    mkdirSync(root);
    build(root);
    const out = join(work, `${name}.tar.gz`);
    execFileSync('tar', ['--format=gnu', '-czf', out, '-C', root, '.']);
    return out;
  }

  it('applies three gzipped layers in order with whiteouts and an opaque directory', async () => {
    const layers = [
      layer('l1', (r) => {
        mkdirSync(join(r, 'usr/bin'), { recursive: true });
        writeFileSync(join(r, 'usr/bin/dash'), '#!');
        symlinkSync('dash', join(r, 'usr/bin/sh'));
        symlinkSync('usr/bin', join(r, 'bin'));
        mkdirSync(join(r, 'var/cache/apt'), { recursive: true });
        writeFileSync(join(r, 'var/cache/apt/pkgcache.bin'), 'x');
        writeFileSync(join(r, 'usr/bin/apt'), 'x');
      }),
      layer('l2', (r) => {
        mkdirSync(join(r, 'usr/bin'), { recursive: true });
        writeFileSync(join(r, 'usr/bin/.wh.apt'), '');
        mkdirSync(join(r, 'var/cache/apt'), { recursive: true });
        writeFileSync(join(r, 'var/cache/apt/.wh..wh..opq'), '');
        writeFileSync(join(r, 'var/cache/apt/fresh'), 'y');
      }),
      layer('l3', (r) => {
        mkdirSync(join(r, 'app'));
        writeFileSync(join(r, 'app/server.js'), 'z');
      }),
    ];
    const tree = new FileTree();
    for (const path of layers) {
      await tree.applyLayerStream(
        listLayerEntries(createReadStream(path), 'application/vnd.oci.image.layer.v1.tar+gzip'),
      );
    }
    expect([...tree.paths()]).toEqual([
      '/app',
      '/app/server.js',
      '/bin',
      '/usr',
      '/usr/bin',
      '/usr/bin/dash',
      '/usr/bin/sh',
      '/var',
      '/var/cache',
      '/var/cache/apt',
      '/var/cache/apt/fresh',
    ]);
    expect(tree.lookup('/bin/sh', { followFinal: true })?.path).toBe('/usr/bin/dash');
  });
});
