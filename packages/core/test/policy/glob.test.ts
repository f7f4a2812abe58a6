import { describe, expect, it } from 'vitest';
import { FileTree } from '../../src/policy/file-tree.js';
import { compileGlob, findGlobMatches, GlobError, matchesPath } from '../../src/policy/glob.js';

describe('compileGlob + matchesPath', () => {
  it.each([
    ['/bin/sh', '/bin/sh', true],
    ['/bin/sh', '/bin/sh2', false],
    ['/bin/sh', '/usr/bin/sh', false],
    ['/bin/sh/', '/bin/sh', true],
    ['/usr/bin/apt*', '/usr/bin/apt', true],
    ['/usr/bin/apt*', '/usr/bin/apt-get', true],
    ['/usr/bin/apt*', '/usr/bin/apt/x', false],
    ['/usr/bin/apt*', '/usr/bin/dpkg', false],
    ['/usr/*/apt', '/usr/bin/apt', true],
    ['/usr/*/apt', '/usr/local/bin/apt', false],
    ['/usr/**/apt', '/usr/apt', true],
    ['/usr/**/apt', '/usr/local/bin/apt', true],
    ['**/node_modules/typescript', '/node_modules/typescript', true],
    ['**/node_modules/typescript', '/app/node_modules/typescript', true],
    ['**/node_modules/typescript', '/app/node_modules/typescript/lib/tsc.js', false],
    ['**/node_modules/typescript', '/app/node_modules/typescript-x', false],
    ['/**/*.pem', '/etc/ssl/private/key.pem', true],
    ['/**/**/*.pem', '/key.pem', true],
    ['/etc/shado?', '/etc/shadow', true],
    ['/etc/shado?', '/etc/shado', false],
    ['/etc/[abc]*', '/etc/bash.bashrc', true],
    ['/etc/[abc]*', '/etc/debian_version', false],
    ['/etc/[!abc]*', '/etc/debian_version', true],
    ['/etc/[a-c]at', '/etc/bat', true],
    ['/etc/[a-c]at', '/etc/dat', false],
    ['/etc/[]]x', '/etc/]x', true],
    ['/a\\*b', '/a*b', true],
    ['/a\\*b', '/axb', false],
    ['/a.b', '/axb', false],
    ['/a+(b)', '/a+(b)', true],
    ['/{a,b}', '/{a,b}', true],
    ['/.env*', '/.env.local', true],
    ['/home/*', '/home/.hidden', true],
    ['/usr/a**b', '/usr/axxb', true],
    ['/usr/a**b', '/usr/ax/xb', false],
  ])('%s vs %s = %s', (pattern, path, want) => {
    expect(matchesPath(compileGlob(pattern), path)).toBe(want);
  });

  it.each([
    ['', /empty pattern/],
    ['bin/sh', /is relative/],
    ['./bin/sh', /is relative/],
    ['/usr/./bin', /contains a "\." segment/],
    ['/a/[bc', /unclosed \[/],
    ['/a\\', /lone backslash/],
    ['/', /root directory itself/],
  ])('refuses %j', (pattern, message) => {
    expect(() => compileGlob(pattern)).toThrow(GlobError);
    expect(() => compileGlob(pattern)).toThrow(message);
  });
});

/** Debian trixie's merged /usr: /bin, /sbin, /lib are symlinks into /usr. */
function mergedUsr(): FileTree {
  const tree = new FileTree();
  tree.applyLayer([
    { path: '/usr/bin', type: 'dir' },
    { path: '/usr/bin/dash', type: 'file', size: 100 },
    { path: '/usr/bin/sh', type: 'symlink', linkname: 'dash' },
    { path: '/usr/bin/apt', type: 'file' },
    { path: '/usr/bin/apt-get', type: 'file' },
    { path: '/usr/bin/aptitude-gone', type: 'symlink', linkname: '/nowhere' },
    { path: '/usr/sbin/nologin', type: 'file' },
    { path: '/bin', type: 'symlink', linkname: 'usr/bin' },
    { path: '/sbin', type: 'symlink', linkname: '/usr/sbin' },
    { path: '/app/node_modules/typescript/package.json', type: 'file' },
    { path: '/app/current', type: 'symlink', linkname: '../app' }, // a loop
    { path: '/etc/alternatives/pager', type: 'symlink', linkname: '/bin/less' },
  ]);
  return tree;
}

describe('findGlobMatches on an image tree', () => {
  const tree = mergedUsr();
  const find = (pattern: string) => findGlobMatches(tree, compileGlob(pattern));

  it('finds /bin/sh through the /bin -> usr/bin symlink (merged /usr)', () => {
    expect(find('/bin/sh')).toEqual([{ path: '/bin/sh', realPath: '/usr/bin/sh' }]);
    expect(find('/usr/bin/sh')).toEqual([{ path: '/usr/bin/sh', realPath: '/usr/bin/sh' }]);
    expect(find('/sbin/nologin')).toEqual([{ path: '/sbin/nologin', realPath: '/usr/sbin/nologin' }]);
  });

  it('expands wildcards through directory symlinks too', () => {
    expect(find('/bin/apt*').map((m) => m.path)).toEqual(['/bin/apt', '/bin/apt-get', '/bin/aptitude-gone']);
    expect(find('/*/sh').map((m) => m.path)).toEqual(['/bin/sh']);
  });

  it('counts symlinks as existing, dangling ones included', () => {
    expect(find('/usr/bin/aptitude-gone')).toHaveLength(1);
    expect(find('/etc/alternatives/pager')).toHaveLength(1);
    expect(find('/etc/alternatives/pager/x')).toEqual([]);
  });

  it('matches a directory glob when the directory itself exists', () => {
    expect(find('/app/node_modules')).toEqual([{ path: '/app/node_modules', realPath: '/app/node_modules' }]);
    expect(find('**/node_modules/typescript').map((m) => m.path)).toEqual(['/app/node_modules/typescript']);
  });

  it('walks ** over real directories only, so symlink loops terminate', () => {
    expect(find('/**/package.json').map((m) => m.path)).toEqual([
      '/app/node_modules/typescript/package.json',
    ]);
    expect(find('/app/**').map((m) => m.path)).toEqual([
      '/app',
      '/app/current',
      '/app/node_modules',
      '/app/node_modules/typescript',
      '/app/node_modules/typescript/package.json',
    ]);
  });

  it('follows an explicit loop only as far as the pattern goes', () => {
    expect(find('/app/current/current/node_modules').map((m) => m.path)).toEqual([
      '/app/current/current/node_modules',
    ]);
  });

  it('finds nothing for absent paths', () => {
    expect(find('/usr/bin/python*')).toEqual([]);
    expect(find('/bin/sh/x')).toEqual([]);
    expect(find('/nowhere')).toEqual([]);
  });
});
