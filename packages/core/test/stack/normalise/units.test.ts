import { describe, expect, it } from 'vitest';
import {
  interpolate,
  normaliseCompose,
  normaliseDuration,
  parseDotenv,
  parsePortShort,
  parseVolumeShort,
  shellSplit,
} from '../../../src/stack/normalise/index.js';

const env: Record<string, string | undefined> = { SET: 'v', EMPTY: '' };
const lookup = (n: string) => env[n];

describe('interpolate', () => {
  it.each([
    ['$SET', 'v'],
    ['${SET}', 'v'],
    ['${UNSET:-d}', 'd'],
    ['${EMPTY:-d}', 'd'],
    ['${UNSET-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${SET:+a}', 'a'],
    ['${EMPTY:+a}', ''],
    ['${EMPTY+a}', 'a'],
    ['${UNSET+a}', ''],
    ['${UNSET:-${SET}x}', 'vx'],
    ['${UNSET:-${UNSET2:-deep}}/${SET}', 'deep/v'],
    ['$$SET $${SET}', '$SET ${SET}'],
    ['a${SET}b$SET.c', 'avbv.c'],
  ])('%s → %s', (template, expected) => {
    expect(interpolate(template, lookup)).toBe(expected);
  });

  it('reports an unset variable without a default, and gives an empty string', () => {
    const unset: string[] = [];
    expect(interpolate('a${NOPE}b$NOPE2', lookup, (n) => unset.push(n))).toBe('ab');
    expect(unset).toEqual(['NOPE', 'NOPE2']);
  });

  it.each([
    ['${UNSET:?give it}', /required variable UNSET is missing a value: give it/],
    ['${EMPTY:?give it}', /required variable EMPTY is missing a value/],
    ['${UNSET?x}', /required variable UNSET/],
    ['$1', /invalid interpolation format/],
    ['${SET', /invalid interpolation format/],
  ])('%s fails', (template, message) => {
    expect(() => interpolate(template, lookup)).toThrow(message);
  });

  it('${EMPTY?x} accepts an empty value', () => {
    expect(interpolate('${EMPTY?x}', lookup)).toBe('');
  });
});

describe('parseDotenv', () => {
  it('reads quotes, export, comments and interpolation; the environment wins for lookups', () => {
    const text = [
      '# comment',
      'A=plain value # inline',
      'export B=exported',
      'C="double \\"q\\" $A"',
      "D='single $A'",
      'E=${A}-e',
      'F=${OUTER}',
      'INHERITED',
      'G: colon',
    ].join('\n');
    const { vars, error } = parseDotenv(text, (n) => ({ OUTER: 'outer', INHERITED: 'inh' })[n]);
    expect(error).toBeUndefined();
    expect(Object.fromEntries(vars)).toEqual({
      A: 'plain value',
      B: 'exported',
      C: 'double "q" plain value',
      D: 'single $A',
      E: 'plain value-e',
      F: 'outer',
      INHERITED: 'inh',
      G: 'colon',
    });
  });

  it('names the line of an unterminated quote', () => {
    expect(parseDotenv('A=1\nB="open', () => undefined).error).toEqual({
      message: 'unterminated quoted value for B',
      line: 2,
    });
  });
});

describe('short syntax', () => {
  it.each([
    ['80', [{ mode: 'ingress', target: 80, protocol: 'tcp' }]],
    [
      '127.0.0.1:8080:80/udp',
      [{ mode: 'ingress', host_ip: '127.0.0.1', target: 80, published: '8080', protocol: 'udp' }],
    ],
    [
      '[::1]:6000:6000',
      [{ mode: 'ingress', host_ip: '::1', target: 6000, published: '6000', protocol: 'tcp' }],
    ],
    ['8000-8001:80', [{ mode: 'ingress', target: 80, published: '8000-8001', protocol: 'tcp' }]],
    [
      '9000-9001:9000-9001',
      [
        { mode: 'ingress', target: 9000, published: '9000', protocol: 'tcp' },
        { mode: 'ingress', target: 9001, published: '9001', protocol: 'tcp' },
      ],
    ],
  ])('port %s', (spec, expected) => {
    expect(parsePortShort(spec)).toEqual(expected);
  });

  it('refuses a port that is not one', () => {
    expect(() => parsePortShort('80:http')).toThrow(/"http" is not a port or a range/);
  });

  const resolve = (p: string) => `/abs/${p}`;
  it.each([
    ['/anon', { type: 'volume', target: '/anon', volume: {} }],
    ['data:/d:nocopy', { type: 'volume', source: 'data', target: '/d', volume: { nocopy: true } }],
    [
      './x:/x:ro,z',
      {
        type: 'bind',
        source: '/abs/./x',
        target: '/x',
        read_only: true,
        bind: { selinux: 'z', create_host_path: true },
      },
    ],
    ['/h:/h:rw', { type: 'bind', source: '/abs//h', target: '/h', bind: { create_host_path: true } }],
    // Docker Desktop consistency options are accepted and dropped, as the reference does.
    [
      '..:/workspace:cached',
      { type: 'bind', source: '/abs/..', target: '/workspace', bind: { create_host_path: true } },
    ],
    ['data:/d:delegated', { type: 'volume', source: 'data', target: '/d', volume: {} }],
    ['data:/d:Z', { type: 'volume', source: 'data', target: '/d', bind: { selinux: 'Z' }, volume: {} }],
  ])('volume %s', (spec, expected) => {
    expect(parseVolumeShort(spec, resolve)).toEqual(expected);
  });

  it.each([
    [`sh -c 'echo "a b" && x'`, ['sh', '-c', 'echo "a b" && x']],
    [`a "b \\"c\\"" d\\ e`, ['a', 'b "c"', 'd e']],
  ])('shell words %s', (line, words) => {
    expect(shellSplit(line)).toEqual(words);
  });

  it.each([
    ['30s', '30s'],
    ['90s', '1m30s'],
    ['1h', '1h0m0s'],
    ['500ms', '500ms'],
    ['1.5s', '1.5s'],
  ])('duration %s → %s', (text, printed) => {
    expect(normaliseDuration(text)).toBe(printed);
  });
});

describe('normaliseCompose', () => {
  const text = [
    'x-base: &base', //  1
    '  restart: always', // 2
    'services:', // 3
    '  a:', // 4
    '    <<: *base', // 5
    '    image: a', // 6
    '    ports: ["${P:?P names the port}:80", "x:y"]', // 7
    '    environment:', // 8
    '      - KEY=1', // 9
    '    env_file: missing.env', // 10
    '  b:', // 11
    '    image: b:${NOTSET}', // 12
  ].join('\n');
  const run = () => normaliseCompose({ file: '/p/compose.yaml', text, env: {}, readFile: () => undefined });

  it('locates a merged key at its << merge, and a list-form environment key at its entry', () => {
    const r = normaliseCompose({
      file: '/p/compose.yaml',
      text: text.replace('"x:y"', '"81"').replace('env_file: missing.env', 'init: true'),
      env: { NOTSET: 'x', P: '8080' },
      readFile: () => undefined,
    });
    expect(r.problems).toEqual([]);
    expect(r.model?.services.a?.restart).toBe('always');
    expect(r.lineOf(['services', 'a', 'restart'])).toEqual({ file: '/p/compose.yaml', line: 5 });
    expect(r.lineOf(['services', 'a', 'environment', 'KEY'])).toEqual({ file: '/p/compose.yaml', line: 9 });
    expect(r.lineOf(['services', 'b', 'image', 'deeper', 0])).toEqual({ file: '/p/compose.yaml', line: 12 });
  });

  it('collects every problem of a file at once, with file, line and path, and gives no model', () => {
    const r = run();
    expect(r.model).toBeUndefined();
    expect(r.problems).toEqual([
      {
        severity: 'error',
        file: '/p/compose.yaml',
        line: 7,
        path: 'services.a.ports[0]',
        message:
          'error while interpolating services.a.ports[0]: required variable P is missing a value: P names the port',
      },
      {
        severity: 'warning',
        file: '/p/compose.yaml',
        line: 12,
        path: 'services.b.image',
        message: 'variable NOTSET is not set: it is replaced by an empty string',
      },
      {
        severity: 'error',
        file: '/p/compose.yaml',
        line: 10,
        path: 'services.a.env_file',
        message: 'env_file missing.env does not exist (looked for /p/missing.env)',
      },
      expect.objectContaining({
        severity: 'error',
        line: 7,
        path: 'services.a.ports[1]',
        message: expect.stringContaining('"y" is not a port'),
      }),
    ]);
  });

  it('reports YAML syntax errors with their line instead of throwing', () => {
    const r = normaliseCompose({ file: '/p/c.yaml', text: 'services:\n  a: [\n', env: {} });
    expect(r.model).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ severity: 'error', file: '/p/c.yaml', path: '' });
    expect(r.problems[0]?.message).toMatch(/not valid YAML/);
  });
});
