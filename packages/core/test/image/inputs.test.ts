import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  defaultCacheRepository,
  parseBuildArgs,
  parseCacheRepository,
  parseImageRepository,
  parseLabels,
  parseRegistryLogin,
  parseTags,
  resolveContainerfile,
  resolveContext,
} from '../../src/image/inputs.js';

function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseBuildArgs', () => {
  it.each<[string, Record<string, string>]>([
    ['', {}],
    ['BASE_IMAGE=127.0.0.1:5000/base@sha256:abc', { BASE_IMAGE: '127.0.0.1:5000/base@sha256:abc' }],
    ['A=1\n\n# comment\nB = two words \n', { A: '1', B: 'two words' }],
    ['LIST=a,b,c\nEQ=x=y', { LIST: 'a,b,c', EQ: 'x=y' }],
    ['EMPTY=', { EMPTY: '' }],
    ['_under=1\r\nMixed_9=2', { _under: '1', Mixed_9: '2' }],
  ])('%j → %j', (text, expected) => {
    expect(parseBuildArgs(text)).toEqual(expected);
  });

  it.each<[string, RegExp]>([
    ['NOEQUALS', /input "build-args" line 1 "NOEQUALS" must look like NAME=value/],
    ['A=1\n9LIVES=x', /line 2 .*name "9LIVES" must be letters, digits and "_"/],
    ['WITH-DASH=1', /name "WITH-DASH"/],
    ['A=1\nA=2', /line 2 .*A is given twice/],
    ['SOURCE_DATE_EPOCH=1', /SOURCE_DATE_EPOCH is set by build-image \(the commit time\)/],
  ])('refuses %j naming the input', (text, message) => {
    const err = inputErrorOf(() => parseBuildArgs(text));
    expect(err.input).toBe('build-args');
    expect(err.message).toMatch(message);
  });
});

describe('parseLabels', () => {
  it('keeps keys with dots, slashes and dashes, and values with spaces and "="', () => {
    expect(parseLabels('org.opencontainers.image.title=playlist backend\nexample.com/team=a=b')).toEqual({
      'org.opencontainers.image.title': 'playlist backend',
      'example.com/team': 'a=b',
    });
  });

  it.each<[string, RegExp]>([
    ['org.opencontainers.image.revision=abc', /set by build-image \(the commit sha\)/],
    ['org.opencontainers.image.created=now', /set by build-image \(the commit time\)/],
    ['org.digestline.role=runtime', /use the "role" input/],
    ['has space=1', /label name "has space"/],
    ['=value', /label name ""/],
  ])('refuses %j', (text, message) => {
    const err = inputErrorOf(() => parseLabels(text));
    expect(err.input).toBe('labels');
    expect(err.message).toMatch(message);
  });

  it('lets the source label through (a mirror may be the better link)', () => {
    expect(parseLabels('org.opencontainers.image.source=https://example.com/mirror')).toEqual({
      'org.opencontainers.image.source': 'https://example.com/mirror',
    });
  });
});

describe('parseImageRepository', () => {
  it.each<[string, { registry: string; repository: string }]>([
    ['127.0.0.1:5000/app/backend', { registry: '127.0.0.1:5000', repository: 'app/backend' }],
    ['localhost:5000/x', { registry: 'localhost:5000', repository: 'x' }],
    ['ghcr.io/owner/app', { registry: 'ghcr.io', repository: 'owner/app' }],
    ['nginx', { registry: 'docker.io', repository: 'library/nginx' }],
  ])('%s', (text, expected) => {
    expect(parseImageRepository(text)).toEqual(expected);
  });

  it.each<[string, RegExp]>([
    ['', /input "image" is required/],
    ['127.0.0.1:5000/app/backend:v1', /without tag.*drop ":v1".*"tags" input/],
    [`127.0.0.1:5000/app@sha256:${'a'.repeat(64)}`, /without digest/],
    ['127.0.0.1:5000/App', /input "image": .*lowercase/],
    ['has space/x', /input "image": .*whitespace/],
  ])('refuses %j', (text, message) => {
    const err = inputErrorOf(() => parseImageRepository(text));
    expect(err.input).toBe('image');
    expect(err.message).toMatch(message);
  });
});

describe('parseTags', () => {
  it('drops duplicates and the commit sha', () => {
    expect(parseTags(['latest', 'v1', 'latest', 'abc'], 'abc')).toEqual(['latest', 'v1']);
  });

  it.each(['-bad', '.bad', 'a:b', 'x'.repeat(129), 'repo/tag'])('refuses %j', (tag) => {
    const err = inputErrorOf(() => parseTags([tag], undefined));
    expect(err.input).toBe('tags');
    expect(err.message).toContain(JSON.stringify(tag));
  });
});

describe('context and Containerfile', () => {
  const root = mkdtempSync(join(tmpdir(), 'dl-build-inputs-'));
  const both = join(root, 'both');
  const docker = join(root, 'docker');
  const none = join(root, 'none');
  for (const dir of [both, docker, none]) mkdirSync(dir);
  writeFileSync(join(both, 'Containerfile'), 'FROM scratch\n');
  writeFileSync(join(both, 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(docker, 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(root, 'Other.file'), 'FROM scratch\n');

  it('resolves the context against the working directory and refuses a missing one', () => {
    expect(resolveContext('both', root)).toBe(both);
    expect(inputErrorOf(() => resolveContext('missing', root)).message).toMatch(
      /input "context": missing is not a directory/,
    );
    expect(inputErrorOf(() => resolveContext('Other.file', root)).input).toBe('context');
    expect(inputErrorOf(() => resolveContext('', root)).message).toMatch(/input "context" is required/);
  });

  it.each<[string, string | undefined, string]>([
    ['both', undefined, 'both/Containerfile'],
    ['docker', undefined, 'docker/Dockerfile'],
    ['none', 'Other.file', 'Other.file'],
  ])('context %s, file %s → %s', (context, file, expected) => {
    expect(resolveContainerfile(join(root, context), file, root)).toBe(join(root, expected));
  });

  it('names the file input when nothing is found', () => {
    expect(inputErrorOf(() => resolveContainerfile(none, undefined, root)).message).toMatch(
      /input "file" is empty and the context .* has neither a Containerfile nor a Dockerfile/,
    );
    expect(inputErrorOf(() => resolveContainerfile(none, 'nope', root)).message).toMatch(
      /input "file": nope is not a file/,
    );
  });
});

describe('parseRegistryLogin', () => {
  it('is both or neither', () => {
    expect(parseRegistryLogin('', '')).toBeUndefined();
    expect(parseRegistryLogin('u', 'p')).toEqual({ username: 'u', password: 'p' });
    expect(inputErrorOf(() => parseRegistryLogin('u', '')).input).toBe('registry-password');
    expect(inputErrorOf(() => parseRegistryLogin('', 'p')).input).toBe('registry-username');
  });
});

describe('parseCacheRepository', () => {
  const image = parseImageRepository('127.0.0.1:5000/app/backend');
  const fallback = defaultCacheRepository(image);

  it('defaults to <image>-buildcache, a repository of its own', () => {
    expect(fallback).toEqual({ registry: '127.0.0.1:5000', repository: 'app/backend-buildcache' });
    expect(parseCacheRepository('  ', 'cache-from', fallback)).toBe(fallback);
    expect(parseCacheRepository('', 'cache-to', undefined)).toBeUndefined();
  });

  it('turns the cache off with none, and takes any repository', () => {
    expect(parseCacheRepository('none', 'cache-from', fallback)).toBeUndefined();
    expect(parseCacheRepository('registry.example/team/cache', 'cache-to', fallback)).toEqual({
      registry: 'registry.example',
      repository: 'team/cache',
    });
  });

  it.each<[string, RegExp]>([
    ['127.0.0.1:5000/app/cache:v1', /without tag or digest.*got "127\.0\.0\.1:5000\/app\/cache:v1"/],
    [`r.example/c@sha256:${'0'.repeat(64)}`, /without tag or digest/],
    ['r.example/Cache', /or "none": .*lowercase/],
    ['None', /or "none": .*lowercase/],
  ])('%s is refused, naming the input', (text, message) => {
    const err = inputErrorOf(() => parseCacheRepository(text, 'cache-to', fallback));
    expect(err.input).toBe('cache-to');
    expect(err.message).toMatch(/^input "cache-to" must be a registry repository/);
    expect(err.message).toMatch(message);
  });
});
