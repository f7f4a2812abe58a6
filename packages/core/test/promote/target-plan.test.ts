import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseImageSet } from '../../src/inputs.js';
import { buildPlan } from '../../src/promote/plan.js';
import { parseDigest } from '../../src/reference.js';
import { checkTargetTemplate, expandTarget, formatTarget } from '../../src/promote/target.js';

const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;

describe('expandTarget', () => {
  it.each([
    [
      '127.0.0.1:5000/staging/{name}:staging',
      'web',
      { registry: '127.0.0.1:5000', repository: 'staging/web', tag: 'staging' },
    ],
    ['127.0.0.1:5000/staging/{name}', 'api', { registry: '127.0.0.1:5000', repository: 'staging/api' }],
    [
      'registry.example/app:{name}-prod',
      'web',
      { registry: 'registry.example', repository: 'app', tag: 'web-prod' },
    ],
    [
      '  localhost:5000/{name}/{name}:v1  ',
      'x',
      { registry: 'localhost:5000', repository: 'x/x', tag: 'v1' },
    ],
    [
      '[::1]:5000/prod/{name}:prod',
      'web_2',
      { registry: '[::1]:5000', repository: 'prod/web_2', tag: 'prod' },
    ],
  ])('%s with %s', (template, name, expected) => {
    expect(expandTarget(template, name)).toEqual(expected);
  });

  it('formats a target back', () => {
    expect(formatTarget(expandTarget('127.0.0.1:5000/s/{name}:t', 'web'))).toBe('127.0.0.1:5000/s/web:t');
    expect(formatTarget(expandTarget('127.0.0.1:5000/s/{name}', 'web'))).toBe('127.0.0.1:5000/s/web');
  });
});

describe('checkTargetTemplate', () => {
  it.each([
    ['', 1, /input "target" is required/],
    ['127.0.0.1:5000/staging/app:staging', 2, /must contain \{name\} when 2 images are promoted/],
    ['127.0.0.1:5000/{name}@sha256:' + 'a'.repeat(64), 1, /must not contain a digest/],
    ['127.0.0.1:5000/{app}:x', 1, /has "\{app\}"; the only placeholder is \{name\}/],
    ['127.0.0.1:5000/{name:x', 1, /has "\{name:x"/],
    ['127.0.0.1:5000/Staging/{name}', 1, /repository must be lowercase/],
    ['127.0.0.1:5000/{name}:bad tag', 1, /input "target"/],
  ])('refuses %j for %i image(s)', (template, count, message) => {
    let error: unknown;
    try {
      checkTargetTemplate(template, count);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('target');
    expect((error as Error).message).toMatch(message);
  });

  it('accepts one image without {name}', () => {
    expect(() => checkTargetTemplate('127.0.0.1:5000/prod/app:prod', 1)).not.toThrow();
  });
});

describe('buildPlan', () => {
  const set = parseImageSet(`web=127.0.0.1:5000/ci/web@${D1}\napi=127.0.0.1:5000/ci/api@${D2}`, 'images');

  it('pairs each source digest with its expanded target', () => {
    expect(buildPlan(set, '127.0.0.1:6000/staging/{name}:staging')).toEqual([
      {
        name: 'web',
        source: { name: 'web', registry: '127.0.0.1:5000', repository: 'ci/web', digest: parseDigest(D1) },
        target: { registry: '127.0.0.1:6000', repository: 'staging/web', tag: 'staging' },
      },
      {
        name: 'api',
        source: { name: 'api', registry: '127.0.0.1:5000', repository: 'ci/api', digest: parseDigest(D2) },
        target: { registry: '127.0.0.1:6000', repository: 'staging/api', tag: 'staging' },
      },
    ]);
  });

  it('pushes by digest only when the template has no tag', () => {
    expect(buildPlan(set, '127.0.0.1:5000/staging/{name}').map((p) => p.target.tag)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('gives every image its own target (names are unique, and {name} is required for several)', () => {
    const same = parseImageSet(`a=127.0.0.1:5000/ci/web@${D1}\nb=127.0.0.1:5000/ci/web@${D2}`, 'images');
    const targets = buildPlan(same, '127.0.0.1:5000/staging/web:{name}').map((p) => formatTarget(p.target));
    expect(targets).toEqual(['127.0.0.1:5000/staging/web:a', '127.0.0.1:5000/staging/web:b']);
  });

  it('refuses an empty set naming the images input', () => {
    expect(() => buildPlan([], '127.0.0.1:5000/x:y')).toThrow(/input "images" lists no images/);
  });

  it('refuses a tag given where a digest belongs (through the image set parser)', () => {
    expect(() => parseImageSet('web=127.0.0.1:5000/ci/web:v1', 'images')).toThrow(/tags are refused/);
  });
});
