/**
 * The build command's registry cache flags on both engines, Docker's pull-then-push stand-in for a
 * cache, and what a failed build leaves behind (the failing step's output).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { BuildError, buildError } from '../../src/engine/build-args.js';
import { Docker } from '../../src/engine/docker.js';
import type { BuildOptions } from '../../src/engine/engine.js';
import { Podman } from '../../src/engine/podman.js';
import { Exec, type ExecOptions, type ExecResult } from '../../src/exec.js';

const ID = `sha256:${'a'.repeat(64)}`;
const ctx = mkdtempSync(join(tmpdir(), 'dl-build-test-'));
writeFileSync(join(ctx, 'Dockerfile'), 'FROM scratch\n');
afterAll(() => rmSync(ctx, { recursive: true, force: true }));

function ok(stdout = ''): ExecResult {
  return { exitCode: 0, stdout, stderr: '' };
}

/** An Exec answering with `respond`; a `build` writes {@link ID} to its --iidfile. */
function spiedExec(respond: (args: readonly string[], opts?: ExecOptions) => ExecResult = () => ok()) {
  const exec = new Exec();
  const spy = vi.spyOn(exec, 'exec').mockImplementation(async (_bin, args, opts) => {
    if (args[0] === 'build') writeFileSync(args[args.indexOf('--iidfile') + 1] ?? '', ID);
    return respond(args, opts);
  });
  return { exec, spy };
}

describe('build argv with a registry cache', () => {
  const base: BuildOptions = { context: 'ctx', tags: ['r/app:1'] };
  test.each<[string, BuildOptions, string[], string[]]>([
    [
      'from and to',
      { ...base, cacheFrom: 'r/app-buildcache', cacheTo: 'r/app-buildcache', insecure: true },
      [
        'build',
        '--format',
        'docker',
        '--pull=missing',
        '--tls-verify=false',
        '--cache-from',
        'r/app-buildcache',
        '--cache-to',
        'r/app-buildcache',
        '--tag',
        'r/app:1',
        '--iidfile',
        'IID',
        'ctx',
      ],
      ['build', '--cache-from', 'r/app-buildcache:latest', '--tag', 'r/app:1', '--iidfile', 'IID', 'ctx'],
    ],
    [
      'from only',
      { ...base, cacheFrom: 'r/c' },
      [
        'build',
        '--format',
        'docker',
        '--pull=missing',
        '--cache-from',
        'r/c',
        '--tag',
        'r/app:1',
        '--iidfile',
        'IID',
        'ctx',
      ],
      ['build', '--cache-from', 'r/c:latest', '--tag', 'r/app:1', '--iidfile', 'IID', 'ctx'],
    ],
    [
      'to only (docker has no --cache-to: it pushes after the build)',
      { ...base, cacheTo: 'r/c' },
      [
        'build',
        '--format',
        'docker',
        '--pull=missing',
        '--cache-to',
        'r/c',
        '--tag',
        'r/app:1',
        '--iidfile',
        'IID',
        'ctx',
      ],
      ['build', '--tag', 'r/app:1', '--iidfile', 'IID', 'ctx'],
    ],
  ])('%s', (_name, opts, podmanArgv, dockerArgv) => {
    expect(new Podman(new Exec()).buildArgs(opts, 'IID')).toEqual(podmanArgv);
    expect(new Docker(new Exec()).buildArgs(opts, 'IID')).toEqual(dockerArgv);
  });
});

describe("docker's cache without BuildKit", () => {
  test('pulls the cache image first (a missing one is no error), pushes the built image to it after', async () => {
    const { exec, spy } = spiedExec((args) =>
      args[0] === 'pull' ? { exitCode: 1, stdout: '', stderr: 'manifest unknown' } : ok(),
    );
    const id = await new Docker(exec).build({
      context: ctx,
      tags: ['r/app:1'],
      cacheFrom: 'r/c',
      cacheTo: 'r/c',
    });
    expect(id).toBe(ID);
    const calls = spy.mock.calls.map(([, args, opts]) => [
      args.slice(0, 3).join(' '),
      opts?.ignoreReturnCode ?? false,
    ]);
    expect(calls).toEqual([
      ['pull r/c:latest', true],
      ['build --cache-from r/c:latest', true],
      [`tag ${ID} r/c:latest`, false],
      ['push r/c:latest', false],
    ]);
  });

  test('without a cache: the build alone', async () => {
    const { exec, spy } = spiedExec();
    await new Docker(exec).build({ context: ctx, tags: ['r/app:1'] });
    expect(spy.mock.calls.map(([, args]) => args[0])).toEqual(['build']);
  });
});

describe('a failed build', () => {
  test('throws a BuildError holding the failing step (podman) and the stderr tail', async () => {
    const stdout =
      'STEP 1/3: FROM base\nSTEP 2/3: RUN make\nold step output\nSTEP 3/3: RUN apt-get update\nGet:1 http://deb\n';
    const stderr =
      'W: Failed to fetch http://deb.debian.org/x  Temporary failure resolving \'deb.debian.org\'\nError: building at STEP "RUN apt-get update": exit status 100\n';
    const { exec } = spiedExec(() => ({ exitCode: 100, stdout, stderr }));
    const err = await new Podman(exec).build({ context: 'ctx', tags: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildError);
    const build = err as BuildError;
    expect(build.exitCode).toBe(100);
    expect(build.message).toMatch(/^podman build .* exited with code 100:\nW: Failed to fetch/);
    expect(build.stepOutput).toContain('STEP 3/3: RUN apt-get update\nGet:1 http://deb');
    expect(build.stepOutput).toContain('Temporary failure resolving');
    expect(build.stepOutput).not.toContain('old step output');
  });

  test("docker's legacy builder: the step's stdout tail is the message when stderr is empty", () => {
    const err = buildError(['docker', 'build', '.'], {
      exitCode: 1,
      stdout: 'Step 1/2 : FROM base\nStep 2/2 : RUN false\n ---> Running in 1234\n',
      stderr: '',
    });
    expect(err.stepOutput.startsWith('Step 2/2 : RUN false')).toBe(true);
    expect(err.message).toBe(
      'docker build . exited with code 1:\nStep 2/2 : RUN false\n ---> Running in 1234',
    );
  });
});
