import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStack, formatProblem } from '@digestline/core/stack/check';
import type { StackProblem } from '@digestline/core/stack/compose/model';
import { main } from '../src/cli.js';
import { fakeClient } from '../../core/test/registry/fake-fetch.js';
import {
  defaultWorkspace,
  downgradeMissingPaths,
  parseStackCheckArgs,
  stackCheckCommand,
  type StackCheckIO,
} from '../src/stack-check.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const BACKEND = `backend=127.0.0.1:5000/shop/backend@${DIGEST}`;

// A small compose file as a user writes it for the old format: the image comes from the image set.
const COMPOSE = `services:
  backend:
    image: \${BACKEND_IMAGE}
    ports:
      - "127.0.0.1:8080:8080"
`;
// The same with a key the stub's parser refuses (on line 4), so that the check has an error.
const COMPOSE_WITH_ERROR = `services:
  backend:
    image: \${BACKEND_IMAGE}
    privileged: true
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dl-stack-check-'));
  await writeFile(path.join(dir, 'compose.yaml'), COMPOSE);
  await writeFile(path.join(dir, 'bad.yaml'), COMPOSE_WITH_ERROR);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `stack check` with the real checkStack, capturing what it prints. */
async function run(
  args: string[],
  check: StackCheckIO['check'] = checkStack,
  resolve?: StackCheckIO['resolve'],
) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await stackCheckCommand(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { FROM_SHELL: 'shell-value' },
    cwd: dir,
    check,
    ...(resolve !== undefined ? { resolve } : {}),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('stack check arguments', () => {
  it('collects images, profiles, env and mode; the file is resolved against the working directory', () => {
    const req = parseStackCheckArgs(
      [
        '--image',
        BACKEND,
        '--profile',
        'seed',
        '--profile',
        'debug',
        '--env',
        'A=1',
        '--env',
        'FROM_SHELL',
        '--deploy',
        'compose.yaml',
      ],
      { FROM_SHELL: 'shell-value', OTHER: 'x' },
      '/work/app',
    );
    expect(req.file).toBe('/work/app/compose.yaml');
    expect(req.options.images.map((i) => [i.name, i.registry, i.repository, i.digest.value])).toEqual([
      ['backend', '127.0.0.1:5000', 'shop/backend', DIGEST],
    ]);
    expect(req.options.profiles).toEqual(['seed', 'debug']);
    expect(req.options.env).toEqual({ FROM_SHELL: 'shell-value', OTHER: 'x', A: '1' });
    expect(req.options.mode).toBe('deploy');
  });

  it('checks for the validation lanes by default, and --env wins over the shell', () => {
    const req = parseStackCheckArgs(['--env', 'OTHER=flag', 'c.yaml'], { OTHER: 'shell' }, '/w');
    expect(req.options.mode).toBe('validation');
    expect(req.options.env?.OTHER).toBe('flag');
    expect(req.options.images).toEqual([]);
  });

  it.each([
    [['--image', 'backend', 'c.yaml'], /--image "backend": expected name=repo@sha256:<64 hex>/],
    [
      ['--image', 'backend=repo:1.0', 'c.yaml'],
      /--image "backend=repo:1.0": expected name=repo@sha256:<64 hex>/,
    ],
    [
      ['--image', 'backend=repo@sha256:abc', 'c.yaml'],
      /--image "backend=repo@sha256:abc": expected name=repo@sha256:<64 hex>/,
    ],
    [['--image', 'Backend=repo@' + DIGEST, 'c.yaml'], /--image .*expected name=repo@sha256:<64 hex>/],
    [['--image', BACKEND, '--image', BACKEND, 'c.yaml'], /service backend is given twice/],
    [['--env', '=x', 'c.yaml'], /--env "=x": expected KEY=VALUE or KEY/],
    [['--env', 'NOT_IN_SHELL', 'c.yaml'], /--env NOT_IN_SHELL: no such variable/],
    [['--profile', '', 'c.yaml'], /--profile: expected a profile name/],
    [[], /give exactly one compose FILE/],
    [['a.yaml', 'b.yaml'], /give exactly one compose FILE, got 2/],
    [['--nope', 'c.yaml'], /--nope/],
  ])('refuses %j', (args, message) => {
    expect(() => parseStackCheckArgs(args, {}, '/w')).toThrow(message);
  });
});

describe('stack check output', () => {
  const problem: StackProblem = {
    severity: 'error',
    file: '/w/app/compose.yaml',
    line: 12,
    path: 'services.backend.ports[0]',
    message: 'port 8080 is published twice',
  };

  it.each<[Partial<StackProblem>, string]>([
    [{}, 'app/compose.yaml:12: services.backend.ports[0]: port 8080 is published twice'],
    [
      { severity: 'warning' },
      'app/compose.yaml:12: warning: services.backend.ports[0]: port 8080 is published twice',
    ],
    [{ line: undefined }, 'app/compose.yaml: services.backend.ports[0]: port 8080 is published twice'],
    [{ path: '' }, 'app/compose.yaml:12: port 8080 is published twice'],
    [
      { file: '/elsewhere/compose.yaml' },
      '/elsewhere/compose.yaml:12: services.backend.ports[0]: port 8080 is published twice',
    ],
  ])('formats %j as one line', (change, line) => {
    const p = { ...problem, ...change };
    if ('line' in change && change.line === undefined) delete p.line;
    expect(formatProblem(p, '/w')).toBe(line);
  });

  it('downgrades only "does not exist" errors (missing bind-mount sources and env files) to warnings', () => {
    const problems: StackProblem[] = [
      {
        ...problem,
        path: 'services.web.volumes[0]',
        message: 'bind mount source ./nginx.conf does not exist',
      },
      { ...problem, path: 'services.web.env_file[0]', message: 'env file ./web.env does not exist' },
      { ...problem, path: 'services.web.privileged', message: 'privileged containers own the host' },
    ];
    expect(downgradeMissingPaths(problems).map((p) => p.severity)).toEqual(['warning', 'warning', 'error']);
  });
});

describe('digestline-run stack check', () => {
  it('exits 0 and prints nothing on stdout when the stack would start', async () => {
    const r = await run(['--image', BACKEND, 'compose.yaml']);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toMatch(
      /^\[stack check\] compose\.yaml: 0 error\(s\), 0 warning\(s\); the stack would start$/m,
    );
  });

  it('exits 1 and prints each problem as file:line: path: message', async () => {
    const r = await run(['--image', BACKEND, 'bad.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^bad\.yaml:4: services\.backend\.privileged: .+\n$/);
    expect(r.stderr).toMatch(/1 error\(s\), 0 warning\(s\); the stack would not start/);
  });

  it('exits 1 when the image under test is not given', async () => {
    const r = await run(['compose.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^compose\.yaml(:\d+)?: services\.backend/m);
  });

  it('exits 1 naming the file when it cannot be read', async () => {
    const r = await run(['--image', BACKEND, 'missing.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^missing\.yaml: cannot read: /);
  });

  it('exits 0 when the only problems are missing paths, printed as warnings', async () => {
    const r = await run(['compose.yaml'], (file) => ({
      tags: [],
      problems: [
        {
          severity: 'error',
          file,
          line: 7,
          path: 'services.web.volumes[0]',
          message: 'bind mount source ./site does not exist',
        },
      ],
    }));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'compose.yaml:7: warning: services.web.volumes[0]: bind mount source ./site does not exist\n',
    );
    expect(r.stderr).toMatch(/0 error\(s\), 1 warning\(s\)/);
  });

  it('hands images, profiles, env and mode to the check', async () => {
    let seen: Parameters<StackCheckIO['check']> | undefined;
    const r = await run(
      ['--image', BACKEND, '--profile', 'seed', '--env', 'K=v', '--deploy', 'compose.yaml'],
      (...args) => {
        seen = args;
        return { tags: [], problems: [] };
      },
    );
    expect(r.code).toBe(0);
    expect(seen?.[0]).toBe(path.join(dir, 'compose.yaml'));
    expect(seen?.[1]).toMatchObject({
      profiles: ['seed'],
      env: { FROM_SHELL: 'shell-value', K: 'v' },
      mode: 'deploy',
    });
    expect(seen?.[1].images.map((i) => i.name)).toEqual(['backend']);
  });

  it('exits 2 on a bad --image, naming the flag and the expected form, before checking anything', async () => {
    let checked = false;
    const r = await run(['--image', 'backend=repo:latest', 'compose.yaml'], () => {
      checked = true;
      return { tags: [], problems: [] };
    });
    expect(r.code).toBe(2);
    expect(checked).toBe(false);
    expect(r.stderr).toMatch(/--image "backend=repo:latest": expected name=repo@sha256:<64 hex>/);
    expect(r.stderr).toMatch(/Usage:\n {2}digestline-run stack check/);
  });

  describe('a service naming a tag', () => {
    const DB = `sha256:${'d'.repeat(64)}`;
    const TAGGED = `${COMPOSE}  db:\n    image: 127.0.0.1:5000/lib/db:16\n`;
    const registry = (found: boolean) =>
      fakeClient(() =>
        found
          ? new Response(null, {
              status: 200,
              headers: {
                'docker-content-digest': DB,
                'content-type': 'application/vnd.oci.image.index.v1+json',
                'content-length': '2',
              },
            })
          : new Response(null, { status: 404 }),
      );
    beforeEach(() => writeFile(path.join(dir, 'tagged.yaml'), TAGGED));

    it('is a warning without --resolve (no registry asked): exit 0', async () => {
      const { client, calls } = registry(true);
      const r = await run(['--image', BACKEND, 'tagged.yaml'], checkStack, { clientFor: () => client });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(
        'tagged.yaml:7: warning: services.db.image: 127.0.0.1:5000/lib/db:16 is resolved to a digest at start; pin it (127.0.0.1:5000/lib/db:16@sha256:…) to make the file say what runs\n',
      );
      expect(calls).toEqual([]);
    });

    it('--resolve resolves it as the actions do (tag → digest on stderr); one that does not resolve is exit 1', async () => {
      const found = registry(true);
      const ok = await run(['--resolve', '--image', BACKEND, 'tagged.yaml'], checkStack, {
        clientFor: () => found.client,
      });
      expect(ok.code).toBe(0);
      expect(ok.stderr).toContain(`127.0.0.1:5000/lib/db:16 → ${DB}\n`);
      expect(ok.stdout).toMatch(
        /services\.db\.image: 127\.0\.0\.1:5000\/lib\/db:16 was resolved to sha256:d{64} at start/,
      );
      expect(found.calls).toHaveLength(1);
      const missing = registry(false);
      const bad = await run(['--resolve', '--image', BACKEND, 'tagged.yaml'], checkStack, {
        clientFor: () => missing.client,
      });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(
        /tagged\.yaml: services: 1 image tag of the stack did not resolve .*\nservice db: 127\.0\.0\.1:5000\/lib\/db:16 does not resolve: registry 127\.0\.0\.1:5000 has no manifest lib\/db:16 \(404\)/,
      );
    });

    it('--require-digests makes it an error: exit 1; with --resolve it is a usage error', async () => {
      const r = await run(['--require-digests', '--image', BACKEND, 'tagged.yaml']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        /^tagged\.yaml:7: services\.db\.image: "127\.0\.0\.1:5000\/lib\/db:16" is a tag and the input require-digests is true/,
      );
      const both = await run(['--resolve', '--require-digests', 'tagged.yaml']);
      expect(both.code).toBe(2);
      expect(both.stderr).toMatch(/--resolve and --require-digests exclude each other/);
    });
  });

  it('is reached through the CLI: exit codes 0, 1 and 2', async () => {
    const file = path.join(dir, 'compose.yaml');
    expect(await main(['stack', 'check', '--image', BACKEND, file])).toBe(0);
    expect(await main(['stack', 'check', file])).toBe(1);
    expect(await main(['stack', 'check', '--image', 'backend', file])).toBe(2);
    expect(await main(['stack', 'lint', file])).toBe(2);
    expect(await main(['stack'])).toBe(2);
  });
});

describe('stack check: workspace and host access', () => {
  const BIND = (source: string, long = false) =>
    long
      ? `services:\n  backend:\n    image: \${BACKEND_IMAGE}\n    volumes:\n      - { type: bind, source: ${source}, target: /x, read_only: true }\n`
      : `services:\n  backend:\n    image: \${BACKEND_IMAGE}\n    volumes: ["${source}:/x:ro"]\n`;

  it('the workspace defaults to the nearest directory above the file holding .git, else the file’s directory', async () => {
    await mkdir(path.join(dir, 'repo', '.git'), { recursive: true });
    await mkdir(path.join(dir, 'repo', 'deploy'));
    expect(defaultWorkspace(path.join(dir, 'repo', 'deploy', 'compose.yaml'))).toBe(path.join(dir, 'repo'));
    const plain = await mkdtemp(path.join(os.tmpdir(), 'dl-no-git-'));
    try {
      expect(defaultWorkspace(path.join(plain, 'compose.yaml'))).toBe(plain);
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });

  it('--workspace (against the working directory) and the --allow-* flags reach the check', () => {
    const req = parseStackCheckArgs(
      ['--workspace', 'ws', '--allow-host-paths', '--writable-bind-mounts', 'c.yaml'],
      {},
      '/w',
    );
    expect(req.options.workspace).toBe('/w/ws');
    expect(req.options.allow).toEqual({ hostPaths: true, privileged: false, writableBinds: true });
    expect(parseStackCheckArgs(['c.yaml'], {}, '/w').options.allow).toEqual({
      hostPaths: false,
      privileged: false,
      writableBinds: false,
    });
    expect(() => parseStackCheckArgs(['--workspace', '', 'c.yaml'], {}, '/w')).toThrow(
      /--workspace: expected a directory/,
    );
  });

  it('a bind mount outside the workspace: exit 1 naming allow-host-paths; 0 with --allow-host-paths', async () => {
    await writeFile(path.join(dir, 'outside.conf'), 'x\n');
    await mkdir(path.join(dir, 'app'));
    await writeFile(path.join(dir, 'app', 'compose.yaml'), BIND('../outside.conf'));
    const refused = await run(['--image', BACKEND, '--workspace', 'app', 'app/compose.yaml']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /^app\/compose\.yaml:4: services\.backend\.volumes\[0\]: bind mount of .*outside\.conf is outside the workspace .*allow-host-paths: true/m,
    );
    const allowed = await run([
      '--image',
      BACKEND,
      '--workspace',
      'app',
      '--allow-host-paths',
      'app/compose.yaml',
    ]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(
      /warning: services\.backend\.volumes\[0\]: bind mount of .* allowed by allow-host-paths/,
    );
  });

  it('a missing bind-mount source or secret file is a warning here (an earlier step may create it)', async () => {
    await writeFile(path.join(dir, 'missing.yaml'), BIND('./not-yet.conf', true));
    const r = await run(['--image', BACKEND, '--workspace', '.', 'missing.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /warning: services\.backend\.volumes\[0\]: bind mount source .*not-yet\.conf does not exist/,
    );
    await writeFile(
      path.join(dir, 'secret.yaml'),
      `services:\n  backend:\n    image: \${BACKEND_IMAGE}\n    secrets: [pw]\nsecrets:\n  pw: { file: ./pw.txt }\n`,
    );
    const s = await run(['--image', BACKEND, '--workspace', '.', 'secret.yaml']);
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/warning: secrets\.pw\.file: secret file .*pw\.txt does not exist/);
  });
});
