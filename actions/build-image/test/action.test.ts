/**
 * The build-image action's own layer: action.yml and constants.ts agree, inputs become the exact
 * engine argv, and bad inputs fail naming the input before any command runs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { Inputs, Outputs } from '../src/constants.js';
import { getBuildRequest, getInputs, needsLogin } from '../src/context.js';
import { main } from '../src/run.js';
import type { CommitInfo } from '@digestline/core/image/commit';
import { Podman } from '@digestline/core/engine/podman';
import { InputError } from '@digestline/core/errors';
import { Exec } from '@digestline/core/exec';

const actionDir = fileURLToPath(new URL('..', import.meta.url));
const SHA = 'fedcba9876543210fedcba9876543210fedcba98';
const commit: CommitInfo = {
  revision: SHA,
  epoch: 1_700_000_000,
  created: '2023-11-14T22:13:20Z',
  source: 'https://forgejo.example/team/app',
};

const root = mkdtempSync(join(tmpdir(), 'dl-build-action-'));
const ctx = join(root, 'app');
mkdirSync(ctx);
writeFileSync(join(ctx, 'Containerfile'), 'FROM scratch\n');
writeFileSync(join(root, 'policy.yaml'), 'non-root: true\nforbid:\n  - /bin/sh\n');
writeFileSync(join(root, 'broken-policy.yaml'), 'maxsize: 60MB\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function setInputs(inputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(inputs)) vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
}
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('action.yml and constants.ts', () => {
  const meta = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { required?: boolean; default?: string }>;
    outputs: Record<string, unknown>;
    runs: { main: string; post?: string };
  };

  it('name the same inputs and outputs', () => {
    expect(Object.values(Inputs).sort()).toEqual(Object.keys(meta.inputs).sort());
    expect(Object.values(Outputs).sort()).toEqual(Object.keys(meta.outputs).sort());
  });

  it('has a post step on the same bundle (auth file clean-up)', () => {
    expect(meta.runs.post).toBe(meta.runs.main);
  });

  it('requires exactly context and image', () => {
    expect(
      Object.entries(meta.inputs)
        .filter(([, i]) => i.required)
        .map(([n]) => n),
    ).toEqual(['context', 'image']);
  });
});

describe('inputs → podman build argv', () => {
  const base = { context: ctx, image: '127.0.0.1:5000/app/backend' };
  const labels = (role: string, extra: string[] = []): string[] => [
    '--label',
    'org.opencontainers.image.source=https://forgejo.example/team/app',
    ...extra,
    '--label',
    `org.opencontainers.image.revision=${SHA}`,
    '--label',
    'org.opencontainers.image.created=2023-11-14T22:13:20Z',
    '--label',
    `org.digestline.role=${role}`,
  ];
  const tail = ['--tag', `127.0.0.1:5000/app/backend:${SHA}`, '--iidfile', '/tmp/iid', ctx];
  const noCacheTail = [
    '--file',
    join(ctx, 'Containerfile'),
    '--build-arg',
    'SOURCE_DATE_EPOCH=1700000000',
    ...labels('runtime'),
    ...tail,
  ];

  it.each<[string, Record<string, string>, string[]]>([
    [
      'defaults: the registry cache <image>-buildcache, over http on loopback',
      base,
      [
        'build',
        '--format',
        'docker',
        '--pull=missing',
        '--tls-verify=false',
        '--cache-from',
        '127.0.0.1:5000/app/backend-buildcache',
        '--cache-to',
        '127.0.0.1:5000/app/backend-buildcache',
        '--file',
        join(ctx, 'Containerfile'),
        '--build-arg',
        'SOURCE_DATE_EPOCH=1700000000',
        ...labels('runtime'),
        ...tail,
      ],
    ],
    [
      'build args, labels, target, role',
      {
        ...base,
        'build-args': 'BASE_IMAGE=127.0.0.1:5000/base@sha256:abc\nNODE_ENV=production',
        labels: 'org.opencontainers.image.title=backend',
        target: 'runtime',
        role: 'ci-tools',
        'cache-from': 'none',
        'cache-to': 'none',
      },
      [
        'build',
        '--format',
        'docker',
        '--pull=missing',
        '--file',
        join(ctx, 'Containerfile'),
        '--target',
        'runtime',
        '--build-arg',
        'BASE_IMAGE=127.0.0.1:5000/base@sha256:abc',
        '--build-arg',
        'NODE_ENV=production',
        '--build-arg',
        'SOURCE_DATE_EPOCH=1700000000',
        ...labels('ci-tools', ['--label', 'org.opencontainers.image.title=backend']),
        ...tail,
      ],
    ],
    [
      'without push: the cache is read, not written',
      { ...base, push: 'false' },
      [
        'build',
        '--format',
        'docker',
        '--pull=missing',
        '--tls-verify=false',
        '--cache-from',
        '127.0.0.1:5000/app/backend-buildcache',
        ...noCacheTail,
      ],
    ],
    [
      'cache none',
      { ...base, 'cache-from': 'none', 'cache-to': 'none' },
      ['build', '--format', 'docker', '--pull=missing', ...noCacheTail],
    ],
    [
      'caches elsewhere: verified TLS',
      { ...base, 'cache-from': 'registry.example/cache/a', 'cache-to': 'registry.example/cache/b' },
      [
        'build',
        '--format',
        'docker',
        '--pull=missing',
        '--cache-from',
        'registry.example/cache/a',
        '--cache-to',
        'registry.example/cache/b',
        ...noCacheTail,
      ],
    ],
  ])('%s', async (_name, inputs, argv) => {
    setInputs(inputs);
    const request = getBuildRequest(await getInputs(), commit, '/runner/tmp');
    expect(
      new Podman(new Exec()).buildArgs(
        { ...request.build, tags: [`127.0.0.1:5000/app/backend:${SHA}`] },
        '/tmp/iid',
      ),
    ).toEqual(argv);
  });

  it('keeps extra tags (not the sha), pushes over http only to loopback, and places the policy report', async () => {
    setInputs({ ...base, tags: `latest, v1\n${SHA}`, policy: join(root, 'policy.yaml') });
    const request = getBuildRequest(await getInputs(), commit, '/runner/tmp');
    expect(request.extraTags).toEqual(['latest', 'v1']);
    expect(request.insecure).toBe(true);
    expect(request.policy?.forbid).toEqual(['/bin/sh']);
    expect(request.policyReportPath).toBe(
      '/runner/tmp/digestline-build-image/app-backend-fedcba987654/policy-report.json',
    );

    setInputs({ ...base, image: 'ghcr.io/team/app', policy: '' });
    expect(getBuildRequest(await getInputs(), commit, '/t').insecure).toBe(false);
  });
});

describe('the step login and the registry cache', () => {
  const login = { 'registry-username': 'ci', 'registry-password': 's3cret' };
  it.each<[string, Record<string, string>, boolean]>([
    ['push', {}, true],
    ['no push, cache on the image registry', { push: 'false', 'cache-from': '127.0.0.1:5000/c' }, true],
    ['no push, cache on another registry only', { push: 'false', 'cache-from': 'registry.example/c' }, false],
    ['no push, no cache', { push: 'false', 'cache-from': 'none' }, false],
  ])('%s', async (_name, inputs, expected) => {
    setInputs({ context: ctx, image: '127.0.0.1:5000/app/backend', ...login, ...inputs });
    expect(needsLogin(await getInputs())).toBe(expected);
  });
});

describe('bad inputs fail before anything runs', () => {
  it.each<[string, Record<string, string>, string, RegExp]>([
    ['missing context', { context: '', image: 'r.example/a' }, 'context', /input "context" is required/],
    [
      'context not a directory',
      { context: join(root, 'nope'), image: 'r.example/a' },
      'context',
      /not a directory/,
    ],
    ['missing image', { context: ctx, image: '' }, 'image', /input "image" is required/],
    ['invalid image name', { context: ctx, image: '127.0.0.1:5000/Upper' }, 'image', /lowercase/],
    ['tag in image', { context: ctx, image: '127.0.0.1:5000/app:v1' }, 'image', /without tag/],
    [
      'digest in image',
      { context: ctx, image: `127.0.0.1:5000/app@sha256:${'0'.repeat(64)}` },
      'image',
      /without digest/,
    ],
    [
      'bad build-args line',
      { context: ctx, image: 'r.example/a', 'build-args': 'A=1\nnot a pair' },
      'build-args',
      /line 2/,
    ],
    [
      'bad tag',
      { context: ctx, image: 'r.example/a', tags: 'ok, -bad' },
      'tags',
      /"-bad" is not a valid tag/,
    ],
    [
      'unknown role',
      { context: ctx, image: 'r.example/a', role: 'database' },
      'role',
      /runtime, ci-tools, e2e-runner; got "database"/,
    ],
    ['bad push', { context: ctx, image: 'r.example/a', push: 'yes' }, 'push', /true or false/],
    [
      'unknown engine',
      { context: ctx, image: 'r.example/a', engine: 'containerd' },
      'engine',
      /auto, docker, podman/,
    ],
    [
      'unreadable policy',
      { context: ctx, image: 'r.example/a', policy: join(root, 'missing.yaml') },
      'policy',
      /missing\.yaml does not exist/,
    ],
    [
      'invalid policy',
      { context: ctx, image: 'r.example/a', policy: join(root, 'broken-policy.yaml') },
      'policy',
      /broken-policy\.yaml:1: maxsize: unknown key/,
    ],
    [
      'policy without push',
      { context: ctx, image: 'r.example/a', policy: join(root, 'policy.yaml'), push: 'false' },
      'policy',
      /needs "push: true"/,
    ],
    [
      'tag in cache-from',
      { context: ctx, image: 'r.example/a', 'cache-from': 'r.example/a-cache:v1' },
      'cache-from',
      /input "cache-from" must be a registry repository without tag or digest.*got "r\.example\/a-cache:v1"/,
    ],
    [
      'invalid cache-to',
      { context: ctx, image: 'r.example/a', 'cache-to': 'r.example/Cache' },
      'cache-to',
      /input "cache-to" must be a registry repository .*or "none": .*lowercase/,
    ],
    [
      'digest in cache-to',
      { context: ctx, image: 'r.example/a', 'cache-to': `r.example/c@sha256:${'0'.repeat(64)}` },
      'cache-to',
      /input "cache-to" must be a registry repository without tag or digest/,
    ],
    [
      'password without user',
      { context: ctx, image: 'r.example/a', 'registry-password': 's3cret' },
      'registry-username',
      /required when/,
    ],
  ])('%s', async (_name, inputs, input, message) => {
    setInputs(inputs);
    const exec = new Exec();
    const spy = vi.spyOn(exec, 'exec');
    const err = await main(exec, { PATH: process.env.PATH ?? '' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe(input);
    expect((err as InputError).message).toMatch(message);
    expect(spy).not.toHaveBeenCalled();
  });
});
