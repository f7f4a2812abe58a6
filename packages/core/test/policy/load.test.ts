import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, parsePolicy, PolicyError } from '../../src/policy/load.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/policy');

describe('loadPolicy', () => {
  it('loads the documented example', async () => {
    const file = join(FIXTURES, 'example.yaml');
    expect(await loadPolicy(file)).toEqual({
      source: file,
      maxSize: { bytes: 60_000_000, text: '60 MB' },
      nonRoot: true,
      forbid: ['/bin/sh', '/usr/bin/apt*', '**/node_modules/typescript'],
      requireLabels: ['org.opencontainers.image.revision'],
      requireHealthcheck: true,
    });
  });

  it('treats a comments-only file as a policy with no rules', async () => {
    const policy = await loadPolicy(join(FIXTURES, 'comments-only.yaml'));
    expect(policy).toMatchObject({
      forbid: [],
      requireLabels: [],
      nonRoot: false,
      requireHealthcheck: false,
    });
    expect(policy.maxSize).toBeUndefined();
  });

  it.each([
    [
      'unknown-key.yaml',
      /unknown-key\.yaml:3: maxsize: unknown key \(did you mean "max-size"\?\); valid keys: max-size, non-root, forbid, require-labels, require-healthcheck$/,
    ],
    [
      'bad-size.yaml',
      /bad-size\.yaml:2: max-size: expected a number with a unit, e\.g\. 60MB.*; got "60 megs"$/,
    ],
    [
      'invalid-yaml.txt',
      /invalid-yaml\.txt:3:1: invalid YAML: A block sequence may not be used as an implicit map key$/,
    ],
    ['does-not-exist.yaml', /image policy file .*does-not-exist\.yaml does not exist/],
  ])('%s fails naming the file, line and key', async (name, message) => {
    const err = await loadPolicy(join(FIXTURES, name)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PolicyError);
    expect((err as Error).message).toMatch(message);
  });
});

describe('parsePolicy', () => {
  it.each([
    ['max-size: 1.5GB', { bytes: 1_500_000_000, text: '1.5 GB' }],
    ['max-size: 512KiB', { bytes: 524_288, text: '512 KiB' }],
    ['max-size: 2 MiB', { bytes: 2_097_152, text: '2 MiB' }],
    ['max-size: 100mb', { bytes: 100_000_000, text: '100 MB' }],
    ['max-size: 1000000', { bytes: 1_000_000, text: '1000000 B' }],
    ['max-size: "750 B"', { bytes: 750, text: '750 B' }],
  ])('%s', async (text, maxSize) => {
    expect((await parsePolicy(text, 'p.yaml')).maxSize).toEqual(maxSize);
  });

  it('deduplicates and trims list items', async () => {
    const policy = await parsePolicy(
      'forbid: [/bin/sh, "/bin/sh ", /usr/bin/apt*]\nrequire-labels: [a, a]',
      'p',
    );
    expect(policy.forbid).toEqual(['/bin/sh', '/usr/bin/apt*']);
    expect(policy.requireLabels).toEqual(['a']);
  });

  it.each([
    ['max-size: 60', null],
    ['max-size: 60 MBs', /p\.yaml:1: max-size: expected a number with a unit.*got "60 MBs"/],
    ['max-size: 0MB', /max-size: expected .*got "0MB"/],
    ['max-size: -5MB', /max-size: expected .*got "-5MB"/],
    ['max-size: 60M', /max-size: expected .*got "60M"/],
    ['max-size:', /max-size: expected .*got no value/],
    ['max-size: [60MB]', /max-size: expected .*got a list/],
    ['non-root: yes', /p\.yaml:1: non-root: expected true or false; got "yes"/],
    ['non-root: "true"', /non-root: expected true or false; got "true"/],
    ['require-healthcheck: 1', /require-healthcheck: expected true or false; got number 1/],
    ['forbid: /bin/sh', /p\.yaml:1: forbid: expected a list of paths or globs; got "\/bin\/sh"/],
    ['forbid:\n  - bin/sh', /forbid: "bin\/sh" is relative: start it with \/ \(absolute path\) or \*\*\//],
    ['forbid:\n  - "/usr/bin/[ab"', /forbid: "\/usr\/bin\/\[ab" has an unclosed \[/],
    ['forbid:\n  - /usr/../bin', /forbid: "\/usr\/..\/bin" contains a ".." segment/],
    ['forbid:\n  - /', /forbid: "\/" would match the root directory itself/],
    ['forbid:\n  - ""', /forbid: item 1 must be a non-empty string; got ""/],
    ['forbid:\n  - /a\n  - {x: 1}', /forbid: item 2 must be a non-empty string; got a mapping/],
    ['require-labels: org.opencontainers.image.revision', /require-labels: expected a list of label names/],
    ['\n\nnonroot: true', /p\.yaml:3: nonroot: unknown key \(did you mean "non-root"\?\)/],
    ['colour: blue', /p\.yaml:1: colour: unknown key; valid keys: max-size, non-root/],
    ['- /bin/sh', /p\.yaml: expected a mapping of policy keys at the top level/],
    ['just a string', /expected a mapping of policy keys/],
    ['non-root: true\nnon-root: false', /p\.yaml:2:1: invalid YAML: Map keys must be unique$/],
    ['forbid: [/bin/sh', /p\.yaml:1:17: invalid YAML: Flow sequence/],
    ['? [a]\n: 1', /policy keys must be plain strings/],
    [
      'forbid:\n  - /bin/sh\n  - **/node_modules/typescript',
      /p\.yaml:3: "\*\*\/node_modules\/typescript" reads as a YAML alias: quote values that start with \*, e\.g\. - '\*\*\/node_modules\/typescript'$/,
    ],
  ])('%j', async (text, error) => {
    const parsed = parsePolicy(text, 'p.yaml');
    if (error === null) {
      await expect(parsed).resolves.toMatchObject({ maxSize: { bytes: 60 } });
    } else {
      await expect(parsed).rejects.toThrow(error);
      await expect(parsed).rejects.toBeInstanceOf(PolicyError);
    }
  });
});
