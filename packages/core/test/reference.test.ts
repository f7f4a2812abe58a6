import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  familiarName,
  familiarString,
  formatReference,
  isDigest,
  parseDigest,
  parseReference,
  pinImage,
  pinnedReference,
  repositoryName,
  withDigest,
  type ImageReference,
} from '../src/reference.js';
import { ImageReferenceError } from '../src/errors.js';

const SHA256 = `sha256:${'a1'.repeat(32)}`;
const SHA512 = `sha512:${'0f'.repeat(64)}`;

describe('parseReference: valid references', () => {
  test.each<[string, ImageReference]>([
    ['nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    ['nginx:1.27', { registry: 'docker.io', repository: 'library/nginx', tag: '1.27' }],
    ['foo/bar', { registry: 'docker.io', repository: 'foo/bar' }],
    ['docker.io/nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    ['index.docker.io/foo/bar:v1', { registry: 'docker.io', repository: 'foo/bar', tag: 'v1' }],
    ['docker.io/library/nginx:latest', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }],
    ['127.0.0.1:5000/digestline/app', { registry: '127.0.0.1:5000', repository: 'digestline/app' }],
    ['localhost:5000/app:v1', { registry: 'localhost:5000', repository: 'app', tag: 'v1' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['[::1]:5000/app:v1', { registry: '[::1]:5000', repository: 'app', tag: 'v1' }],
    ['[fe80::1]/a/b/c', { registry: '[fe80::1]', repository: 'a/b/c' }],
    ['ghcr.io/org/app@' + SHA256, { registry: 'ghcr.io', repository: 'org/app', digest: SHA256 }],
    [
      'Registry.Example.com:443/org/app:v1@' + SHA512,
      { registry: 'Registry.Example.com:443', repository: 'org/app', tag: 'v1', digest: SHA512 },
    ],
    ['a/b__c/d-e/f.g/h---i', { registry: 'docker.io', repository: 'a/b__c/d-e/f.g/h---i' }],
    // docker takes a single name with a colon as name:tag, not host:port.
    ['localhost:5000', { registry: 'docker.io', repository: 'library/localhost', tag: '5000' }],
    ['x:_Tag.1-A', { registry: 'docker.io', repository: 'library/x', tag: '_Tag.1-A' }],
  ])('%s', (text, expected) => {
    expect(parseReference(text)).toStrictEqual(expected);
  });

  test('omits tag and digest keys instead of setting them to undefined', () => {
    expect(Object.keys(parseReference('nginx'))).toStrictEqual(['registry', 'repository']);
  });
});

describe('parseReference: invalid references', () => {
  const long = 'a'.repeat(240);
  test.each<[string, string]>([
    ['', 'it is empty'],
    ['nginx latest', 'it contains whitespace'],
    ['Foo/bar', 'repository must be lowercase'],
    ['example.com/Org/app', 'repository must be lowercase'],
    ['nginx:', 'tag "" is invalid: tags are up to 128 characters'],
    ['nginx:.x', 'tag ".x" is invalid'],
    [`nginx:${'t'.repeat(129)}`, `tag "${'t'.repeat(129)}" is invalid`],
    ['nginx@sha256:abc', 'digest "sha256:abc" is invalid: sha256 needs 64 hex characters, got 3'],
    [`nginx@sha256:${'A'.repeat(64)}`, 'sha256 hex must be lowercase'],
    [`nginx@md5:${'a'.repeat(32)}`, 'algorithm "md5" is not supported (use sha256 or sha512)'],
    ['nginx@latest', 'expected <algorithm>:<hex>'],
    [`nginx@${SHA256}@${SHA256}`, 'sha256 hex may only contain 0-9 and a-f'],
    [':tag', 'the repository name is missing'],
    ['@' + SHA256, 'the repository name is missing'],
    ['example.com/', 'the repository name after registry example.com is missing'],
    ['example.com:5000/:v1', 'the repository name after registry example.com:5000 is missing'],
    ['a//b', 'repository has an empty path component'],
    ['a/b/', 'repository has an empty path component'],
    ['a/-b', 'repository path component "-b" is invalid'],
    ['a/b_', 'repository path component "b_" is invalid'],
    ['a/b___c', 'repository path component "b___c" is invalid'],
    ['a/b..c', 'repository path component "b..c" is invalid'],
    ['example.com:0/app', 'registry port "0" is not a number from 1 to 65535'],
    ['example.com:70000/app', 'registry port "70000" is not a number from 1 to 65535'],
    ['example.com:http/app', 'registry port "http" is not a number'],
    ['-bad.com/app', 'registry host "-bad.com" is invalid'],
    ['a..b.com/app', 'registry host "a..b.com" is invalid'],
    ['::1:5000/app', 'has several ":" (IPv6 hosts need [brackets])'],
    ['[::1]:5000', 'it names only a registry host; add /<repository> after [::1]:5000'],
    ['[::1]', 'it names only a registry host; add /<repository> after [::1]'],
    ['[::g]:5000/app', 'registry host "[::g]" is not a valid IPv6 address'],
    ['a'.repeat(64), 'a bare 64-character hex string is an image ID'],
    [`example.com/${long}/${long}`, 'is 493 characters long, the limit is 255'],
    // The limit applies to the normalised name, as in distribution's ParseNormalizedNamed.
    [`${'a'.repeat(238)}`, 'the name docker.io/library/'],
  ])('%j', (text, reason) => {
    let thrown: unknown;
    try {
      parseReference(text);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ImageReferenceError);
    const error = thrown as ImageReferenceError;
    expect(error.message).toContain(`${JSON.stringify(text)} is not a valid image reference: `);
    expect(error.message).toContain(reason);
    expect(error.text).toBe(text);
  });

  test('gives the exact message from the brief for an uppercase repository', () => {
    expect(() => parseReference('Foo/bar')).toThrow(
      '"Foo/bar" is not a valid image reference: repository must be lowercase',
    );
  });

  test('accepts a name exactly at the 255-character limit', () => {
    const path = 'a'.repeat(255 - 'docker.io/library/'.length);
    expect(parseReference(path).repository).toBe(`library/${path}`);
    expect(() => parseReference(path + 'a')).toThrow(ImageReferenceError);
  });
});

describe('digests', () => {
  test.each([
    [SHA256, true],
    [SHA512, true],
    [`sha256:${'a'.repeat(63)}`, false],
    [`sha256:${'a'.repeat(65)}`, false],
    [`sha512:${'a'.repeat(64)}`, false],
    [`sha256:${'A'.repeat(64)}`, false],
    [`sha256:${'g'.repeat(64)}`, false],
    [`SHA256:${'a'.repeat(64)}`, false],
    ['a'.repeat(64), false],
    ['', false],
  ])('isDigest(%j) is %s', (text, expected) => {
    expect(isDigest(text)).toBe(expected);
  });

  test('parseDigest splits a valid digest', () => {
    expect(parseDigest(SHA512)).toStrictEqual({ algorithm: 'sha512', hex: '0f'.repeat(64), value: SHA512 });
  });

  test('parseDigest says what is wrong', () => {
    expect(() => parseDigest('sha256:abc')).toThrow(
      '"sha256:abc" is not a valid digest: sha256 needs 64 hex characters, got 3',
    );
    expect(() => parseDigest('toString:abc')).toThrow('algorithm "toString" is not supported');
  });
});

describe('helpers', () => {
  test.each([
    ['nginx', 'nginx', 'docker.io/library/nginx'],
    ['docker.io/library/a/b', 'library/a/b', 'docker.io/library/a/b'],
    ['foo/bar:v1', 'foo/bar', 'docker.io/foo/bar'],
    ['127.0.0.1:5000/app', '127.0.0.1:5000/app', '127.0.0.1:5000/app'],
  ])('familiarName / repositoryName of %s', (text, familiar, full) => {
    const ref = parseReference(text);
    expect(familiarName(ref)).toBe(familiar);
    expect(repositoryName(ref)).toBe(full);
  });

  test('familiarString keeps tag and digest', () => {
    expect(familiarString(parseReference(`nginx:1@${SHA256}`))).toBe(`nginx:1@${SHA256}`);
  });

  test('formatReference writes the fully qualified form', () => {
    expect(formatReference(parseReference('nginx:1'))).toBe('docker.io/library/nginx:1');
    expect(formatReference(parseReference(`[::1]:5000/a:b@${SHA256}`))).toBe(`[::1]:5000/a:b@${SHA256}`);
  });

  test('withDigest pins the reference, dropping the tag unless asked', () => {
    const ref = parseReference('127.0.0.1:5000/app:v1');
    expect(withDigest(ref, SHA256)).toStrictEqual({
      registry: '127.0.0.1:5000',
      repository: 'app',
      digest: SHA256,
    });
    expect(withDigest(ref, SHA256, { keepTag: true }).tag).toBe('v1');
    expect(ref.digest).toBeUndefined();
    expect(() => withDigest(ref, 'sha256:nope')).toThrow('"sha256:nope" is not a valid digest');
  });
});

// Generators that follow the distribution/reference grammar directly.
const alnum = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const separator = fc.constantFrom('.', '_', '__', '-', '--', '');
const pathComponent = fc
  .tuple(alnum, fc.array(fc.tuple(separator, alnum), { maxLength: 3 }))
  .map(([head, rest]) => head + rest.map(([s, a]) => s + a).join(''))
  .filter((c) => !/^[a-f0-9]{64}$/.test(c));
const path = fc.array(pathComponent, { minLength: 1, maxLength: 4 }).map((cs) => cs.join('/'));
const domainComponent = fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,6}[a-zA-Z0-9])?$/);
const port = fc.integer({ min: 1, max: 65535 }).map(String);
const host = fc.oneof(
  fc.array(domainComponent, { minLength: 2, maxLength: 3 }).map((cs) => cs.join('.')),
  fc.constant('localhost'),
  fc.ipV4(),
  fc.ipV6().map((ip) => `[${ip}]`),
);
const registry = fc
  .tuple(host, fc.option(port, { nil: undefined }))
  .map(([h, p]) => (p === undefined ? h : `${h}:${p}`));
const tag = fc.stringMatching(/^[\w][\w.-]{0,127}$/);
const digest = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{64}$/).map((hex) => `sha256:${hex}`),
  fc.stringMatching(/^[0-9a-f]{128}$/).map((hex) => `sha512:${hex}`),
);
const validRef = fc
  .record({
    registry: fc.option(registry, { nil: undefined }),
    path,
    tag: fc.option(tag, { nil: undefined }),
    digest: fc.option(digest, { nil: undefined }),
  })
  // Without a registry, a first component that looks like a host would be read as one (as docker does).
  .filter(
    ({ registry: r, path: p }) => r !== undefined || !p.includes('/') || !/^[^/]*\.|^localhost\//.test(p),
  )
  .map(
    ({ registry: r, path: p, tag: t, digest: d }) =>
      `${r !== undefined ? `${r}/` : ''}${p}${t !== undefined ? `:${t}` : ''}${d !== undefined ? `@${d}` : ''}`,
  )
  .filter((text) => text.split(/[:@]/)[0]!.length <= 200);

describe('properties', () => {
  test('format(parse(x)) parses back to the same reference, and is x when x was fully qualified', () => {
    fc.assert(
      fc.property(validRef, (text) => {
        const ref = parseReference(text);
        const formatted = formatReference(ref);
        expect(parseReference(formatted)).toStrictEqual(ref);
        expect(formatReference(parseReference(formatted))).toBe(formatted);
        // Apart from Docker Hub normalisation the text is kept as written.
        if (ref.registry !== 'docker.io') expect(formatted).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  test('a reference with an uppercase letter in the repository is refused', () => {
    fc.assert(
      fc.property(registry, path, fc.nat(), (r, p, at) => {
        const i = at % p.length;
        const upper = p.slice(0, i) + p[i]!.toUpperCase() + p.slice(i + 1);
        fc.pre(upper !== p);
        expect(() => parseReference(`${r}/${upper}`)).toThrow('repository must be lowercase');
      }),
    );
  });

  test('a broken digest, tag or path is refused with an ImageReferenceError', () => {
    const badDigest = fc.oneof(
      fc.stringMatching(/^[0-9a-f]{1,63}$/).map((hex) => `sha256:${hex}`),
      fc.stringMatching(/^[0-9a-f]{65,80}$/).map((hex) => `sha256:${hex}`),
      fc.stringMatching(/^[0-9a-f]{64}$/).map((hex) => `sha384:${hex}`),
      fc.stringMatching(/^[0-9a-f]{63}[G-Zg-z]$/).map((hex) => `sha256:${hex}`),
    );
    const badTag = fc.oneof(
      fc.stringMatching(/^[.-][\w.-]{0,20}$/),
      fc.stringMatching(/^\w{129,140}$/),
      fc.stringMatching(/^\w{1,5}[!$%&*+=~]\w{0,5}$/),
    );
    const badPath = fc.oneof(
      path.map((p) => `${p}/`),
      path.map((p) => `${p}-`),
      path.map((p) => `_${p}`),
      fc.tuple(path, path).map(([a, b]) => `${a}...${b}`),
      fc.tuple(path, path).map(([a, b]) => `${a}//${b}`),
    );
    const invalid = fc.oneof(
      fc.tuple(path, badDigest).map(([p, d]) => `${p}@${d}`),
      fc.tuple(path, badTag).map(([p, t]) => `${p}:${t}`),
      fc.tuple(registry, badPath).map(([r, p]) => `${r}/${p}`),
    );
    fc.assert(
      fc.property(invalid, (text) => {
        expect(() => parseReference(text)).toThrow(ImageReferenceError);
      }),
      { numRuns: 500 },
    );
  });
});

describe('pinImage', () => {
  const DIGEST = `sha256:${'c'.repeat(64)}`;

  test('keeps name, registry, repository and the parsed digest; pinnedReference gives the text back', () => {
    const image = pinImage('web', parseReference(`nginx@${DIGEST}`));
    expect(image).toEqual({
      name: 'web',
      registry: 'docker.io',
      repository: 'library/nginx',
      digest: { algorithm: 'sha256', hex: 'c'.repeat(64), value: DIGEST },
    });
    expect(pinnedReference(image)).toBe(`docker.io/library/nginx@${DIGEST}`);
  });

  test.each([
    ['no digest', '127.0.0.1:5000/app/web:1.0', /not pinned by digest/],
    ['a tag beside the digest', `127.0.0.1:5000/app/web:1.0@${DIGEST}`, /carries no tag/],
  ])('refuses a reference with %s', (_what, text, message) => {
    expect(() => pinImage('web', parseReference(text))).toThrow(message);
  });
});
