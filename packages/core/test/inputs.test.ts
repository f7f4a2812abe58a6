import { afterEach, describe, expect, test, vi } from 'vitest';
import { InputError } from '../src/errors.js';
import { parseDigest } from '../src/reference.js';
import {
  getBoolean,
  getDuration,
  getEnum,
  getImageRef,
  getImageSet,
  getInt,
  getList,
  getString,
  parseDuration,
  parseImageSet,
  parseList,
} from '../src/inputs.js';

const HEX = 'c0ffee'.repeat(10) + 'beef';
const HEX2 = '0123456789abcdef'.repeat(4);
const DIGEST = `sha256:${HEX}`;

/** Sets INPUT_<NAME> the way the runner does (upper case, spaces to underscores). */
function setInput(name: string, value: string | undefined): void {
  vi.stubEnv(`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value);
}

/** Runs `fn` and returns the InputError it throws (failing the test if it does not). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('getList / parseList', () => {
  test.each<[string, string[]]>([
    ['', []],
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    ['a\nb\n\n c ,, d \n', ['a', 'b', 'c', 'd']],
    ['a\r\nb\r\n', ['a', 'b']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi"""\n x', ['say "hi"', 'x']],
    ['" padded "', [' padded ']],
    ['"",  ,\n""', []],
    ['key=va"lue', ['key=va"lue']],
    ['"a\nb",c', ['a\nb', 'c']],
  ])('%j → %j', (text, expected) => {
    expect(parseList(text, 'tags')).toStrictEqual(expected);
    setInput('tags', text);
    expect(getList('tags')).toStrictEqual(expected.length === 0 ? [] : parseList(text.trim(), 'tags'));
  });

  test.each<[string, string]>([
    ['"a,b', 'input "tags" has an unterminated quote: "a,b'],
    [
      '"a"b,c',
      'input "tags" has text after a closing quote at "\\"a\\"b"; quote the whole item and write "" for a literal quote',
    ],
  ])('%j is refused', (text, message) => {
    setInput('tags', text);
    const error = inputError(() => getList('tags'));
    expect(error.message).toBe(message);
    expect(error.input).toBe('tags');
  });

  test('required list must not be empty', () => {
    setInput('build args', ' , \n ');
    expect(inputError(() => getList('build args', { required: true })).message).toBe(
      'input "build args" is required: set it to one or more values, one per line or comma-separated',
    );
  });

  test('reads INPUT_ with spaces turned into underscores', () => {
    setInput('build args', 'A=1\nB=2');
    expect(getList('build args')).toStrictEqual(['A=1', 'B=2']);
  });
});

describe('getBoolean', () => {
  test.each<[string | undefined, boolean, boolean]>([
    [undefined, true, true],
    [undefined, false, false],
    ['', true, true],
    ['  ', false, false],
    ['true', false, true],
    ['True', false, true],
    ['TRUE', false, true],
    ['false', true, false],
    ['False', true, false],
    [' FALSE ', true, false],
  ])('%j (default %s) → %s', (value, defaultValue, expected) => {
    setInput('push', value);
    expect(getBoolean('push', defaultValue)).toBe(expected);
  });

  test.each(['yes', 'no', '1', '0', 'on', 'tRue', 'true false'])('%j is refused', (value) => {
    setInput('push', value);
    const error = inputError(() => getBoolean('push', true));
    expect(error.message).toBe(`input "push" must be true or false, got "${value}"`);
    expect(error.input).toBe('push');
  });
});

describe('getEnum', () => {
  const engines = ['auto', 'docker', 'podman'] as const;
  test.each<[string, string]>([
    ['', 'auto'],
    ['docker', 'docker'],
    [' podman ', 'podman'],
  ])('%j → %s', (value, expected) => {
    setInput('engine', value);
    expect(getEnum('engine', engines, 'auto')).toBe(expected);
  });

  test.each(['Docker', 'dockr', 'auto,docker'])('%j is refused with the list of values', (value) => {
    setInput('engine', value);
    expect(inputError(() => getEnum('engine', engines, 'auto')).message).toBe(
      `input "engine" must be one of auto, docker, podman; got "${value}"`,
    );
  });
});

describe('getDuration / parseDuration', () => {
  test.each<[string, number]>([
    ['500ms', 500],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1h2m3s4ms', 3_723_004],
    ['1.5s', 1500],
    ['0.5ms', 1],
    ['0', 0],
    ['0s', 0],
  ])('%j → %d ms', (text, ms) => {
    expect(parseDuration(text, 'timeout')).toBe(ms);
    setInput('timeout', text);
    expect(getDuration('timeout', 1)).toBe(ms);
  });

  test('empty gives the default', () => {
    setInput('timeout', '');
    expect(getDuration('timeout', 42_000)).toBe(42_000);
  });

  const form = 'a duration such as 500ms, 90s, 5m, 1h or 1m30s';
  test.each<[string, string]>([
    ['90', `input "timeout" must be ${form}; got "90" (add a unit, e.g. 90s)`],
    ['5 m', `input "timeout" must be ${form}; got "5 m"`],
    ['-5s', `input "timeout" must be ${form}; got "-5s"`],
    ['1d', `input "timeout" must be ${form}; got "1d"`],
    ['5M', `input "timeout" must be ${form}; got "5M"`],
    ['s', `input "timeout" must be ${form}; got "s"`],
    ['.5s', `input "timeout" must be ${form}; got ".5s"`],
    ['9'.repeat(20) + 'h', `input "timeout" is too long a duration: ${'9'.repeat(20)}h`],
  ])('%j is refused', (text, message) => {
    setInput('timeout', text);
    const error = inputError(() => getDuration('timeout', 1));
    expect(error.message).toBe(message);
    expect(error.input).toBe('timeout');
  });
});

describe('getString', () => {
  test.each<[string | undefined, Parameters<typeof getString>[1], string]>([
    [undefined, {}, ''],
    ['', { default: 'Dockerfile' }, 'Dockerfile'],
    ['  x  ', { default: 'Dockerfile' }, 'x'],
    ['x', { required: true }, 'x'],
  ])('%j with %j → %j', (value, options, expected) => {
    setInput('file', value);
    expect(getString('file', options)).toBe(expected);
  });

  test('required and empty is refused', () => {
    setInput('context', '   ');
    const error = inputError(() => getString('context', { required: true }));
    expect(error.message).toBe('input "context" is required: set it to a non-empty value');
    expect(error.input).toBe('context');
  });
});

describe('getInt', () => {
  test.each<[string, Parameters<typeof getInt>[1], number]>([
    ['', { default: 3 }, 3],
    ['0', { min: 0, default: 3 }, 0],
    ['+7', {}, 7],
    ['-2', { min: -5 }, -2],
    ['10', { min: 1, max: 10 }, 10],
  ])('%j with %j → %d', (value, options, expected) => {
    setInput('retries', value);
    expect(getInt('retries', options)).toBe(expected);
  });

  test.each<[string, Parameters<typeof getInt>[1], string]>([
    ['', {}, 'input "retries" is required: set it to a whole number'],
    ['', { min: 1 }, 'input "retries" is required: set it to a whole number of at least 1'],
    ['1.5', { default: 3 }, 'input "retries" must be a whole number; got "1.5"'],
    ['three', { default: 3 }, 'input "retries" must be a whole number; got "three"'],
    ['0x10', { default: 3 }, 'input "retries" must be a whole number; got "0x10"'],
    ['-1', { min: 0, default: 3 }, 'input "retries" must be a whole number of at least 0; got "-1"'],
    ['11', { max: 10, default: 3 }, 'input "retries" must be a whole number of at most 10; got "11"'],
    ['0', { min: 1, max: 5, default: 3 }, 'input "retries" must be a whole number from 1 to 5; got "0"'],
    [
      '99999999999999999999',
      { default: 3 },
      'input "retries" must be a whole number; got "99999999999999999999"',
    ],
  ])('%j with %j is refused', (value, options, message) => {
    setInput('retries', value);
    expect(inputError(() => getInt('retries', options)).message).toBe(message);
  });
});

describe('getImageRef', () => {
  test('parses and normalises', () => {
    setInput('image', '127.0.0.1:5000/app:v1');
    expect(getImageRef('image')).toStrictEqual({ registry: '127.0.0.1:5000', repository: 'app', tag: 'v1' });
    setInput('image', `nginx@${DIGEST}`);
    expect(getImageRef('image', { requireDigest: true })).toStrictEqual({
      registry: 'docker.io',
      repository: 'library/nginx',
      digest: DIGEST,
    });
  });

  test('optional and empty gives undefined', () => {
    setInput('image', '');
    expect(getImageRef('image', { required: false })).toBeUndefined();
  });

  test.each<[string, Parameters<typeof getImageRef>[1], string]>([
    ['', {}, 'input "image" is required: set it to an image reference such as registry/repository:tag'],
    [
      '',
      { requireDigest: true },
      'input "image" is required: set it to <repository>@sha256:<64 lowercase hex>',
    ],
    ['Foo/bar', {}, 'input "image": "Foo/bar" is not a valid image reference: repository must be lowercase'],
    [
      'app:v1',
      { requireDigest: true },
      'input "image" must be pinned by digest (<repository>@sha256:<64 lowercase hex>); got "app:v1"',
    ],
  ])('%j with %j is refused', (value, options, message) => {
    setInput('image', value);
    const error = inputError(() => getImageRef('image', options));
    expect(error.message).toBe(message);
    expect(error.input).toBe('image');
  });
});

describe('getImageSet / parseImageSet', () => {
  test('reads lines and commas, comments and blanks ignored, order kept', () => {
    const text = [
      '# the app, and its api',
      `web=127.0.0.1:5000/app/web@${DIGEST}`,
      '',
      `api=127.0.0.1:5000/app/api@${DIGEST}, db_1=postgres@sha256:${HEX2}`,
    ].join('\n');
    setInput('images', text);
    expect(getImageSet('images')).toStrictEqual([
      { name: 'web', registry: '127.0.0.1:5000', repository: 'app/web', digest: parseDigest(DIGEST) },
      { name: 'api', registry: '127.0.0.1:5000', repository: 'app/api', digest: parseDigest(DIGEST) },
      {
        name: 'db_1',
        registry: 'docker.io',
        repository: 'library/postgres',
        digest: parseDigest(`sha256:${HEX2}`),
      },
    ]);
  });

  test('empty: required by default, [] when optional', () => {
    setInput('images', '\n# nothing\n');
    expect(inputError(() => getImageSet('images')).message).toBe(
      'input "images" is required: set it to one or more lines name=<repository>@sha256:<64 lowercase hex>',
    );
    expect(getImageSet('images', { required: false })).toStrictEqual([]);
  });

  test.each<[string, string]>([
    [
      `web=127.0.0.1:5000/app:v1@${DIGEST}`,
      `input "images" entry 1 "web=127.0.0.1:5000/app:v1@${DIGEST}": tags are refused where a digest is required; write web=127.0.0.1:5000/app@${DIGEST}`,
    ],
    [
      'web=127.0.0.1:5000/app:v1',
      'input "images" entry 1 "web=127.0.0.1:5000/app:v1": tags are refused where a digest is required; write web=127.0.0.1:5000/app@sha256:<64 lowercase hex>',
    ],
    [
      'web=127.0.0.1:5000/app',
      'input "images" entry 1 "web=127.0.0.1:5000/app": the image must be pinned by digest; write web=<repository>@sha256:<64 lowercase hex>',
    ],
    [
      `web=a@${DIGEST}\napi=b@${DIGEST}\nweb=c@${DIGEST}`,
      'input "images": name "web" appears twice (entries 1 and 3); names must be unique',
    ],
    [
      `a@${DIGEST}`,
      `input "images" entry 1 "a@${DIGEST}" must look like name=<repository>@sha256:<64 lowercase hex>`,
    ],
    [
      `Web=a@${DIGEST}`,
      `input "images" entry 1 "Web=a@${DIGEST}": name "Web" must be lowercase letters, digits, "_" and "-", starting with a letter or digit`,
    ],
    [
      `-x=a@${DIGEST}`,
      `input "images" entry 1 "-x=a@${DIGEST}": name "-x" must be lowercase letters, digits, "_" and "-", starting with a letter or digit`,
    ],
    [
      `=a@${DIGEST}`,
      `input "images" entry 1 "=a@${DIGEST}": name "" must be lowercase letters, digits, "_" and "-", starting with a letter or digit`,
    ],
    [
      `ok=a@${DIGEST}, web=a@sha256:abc`,
      'input "images" entry 2 "web=a@sha256:abc": "a@sha256:abc" is not a valid image reference: digest "sha256:abc" is invalid: sha256 needs 64 hex characters, got 3',
    ],
    ['web=', 'input "images" entry 1 "web=": "" is not a valid image reference: it is empty'],
  ])('%j is refused', (text, message) => {
    const error = inputError(() => parseImageSet(text, 'images'));
    expect(error.message).toBe(message);
    expect(error.input).toBe('images');
  });
});
