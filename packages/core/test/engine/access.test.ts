import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkEngineAccess, connectEngine, decideFiles, filesOverride } from '../../src/engine/access.js';
import { ExecError, InputError } from '../../src/errors.js';
import { Exec, type ExecResult } from '../../src/exec.js';
import { FakeEngine } from '../support/fake-engine.js';
import { recordingLog } from '../support/log.js';

const server = { version: '20.10.24', rootDir: '/var/lib/docker' };
const here = (path: string): boolean => path === '/var/lib/docker';

describe('decideFiles', () => {
  it.each([
    ['podman, local CLI', 'podman', {}, 'bind', /podman runs on this machine/],
    ['podman, CONTAINER_HOST', 'podman', { CONTAINER_HOST: 'ssh://h/run/podman.sock' }, 'copy', /remote/],
    ['docker, default socket, root dir here', 'docker', {}, 'bind', /\/var\/lib\/docker, which exists here/],
    [
      'docker, unix DOCKER_HOST, root dir here',
      'docker',
      { DOCKER_HOST: 'unix:///run/docker.sock' },
      'bind',
      /DOCKER_HOST=unix:\/\/\/run\/docker.sock/,
    ],
    ['docker, tcp DOCKER_HOST', 'docker', { DOCKER_HOST: 'tcp://docker:2375' }, 'copy', /not a local socket/],
    ['override copy', 'podman', { DIGESTLINE_FILES: 'copy' }, 'copy', /^DIGESTLINE_FILES=copy$/],
    ['override bind', 'docker', { DIGESTLINE_FILES: ' BIND ', DOCKER_HOST: 'tcp://x:1' }, 'bind', /=bind/],
  ] as const)('%s → %s', (_name, kind, env, mode, reason) => {
    const decision = decideFiles(kind, env, server, here);
    expect(decision.mode).toBe(mode);
    expect(decision.reason).toMatch(reason);
  });

  it('docker whose root dir is not on this file system → copy (the job-container case)', () => {
    const decision = decideFiles(
      'docker',
      { DOCKER_HOST: 'unix:///var/run/docker.sock' },
      server,
      () => false,
    );
    expect(decision).toEqual({
      mode: 'copy',
      reason: expect.stringMatching(/\/var\/lib\/docker, which this file system lacks/),
    });
  });

  it('docker reporting no root dir → copy', () => {
    expect(decideFiles('docker', {}, { version: '1', rootDir: '' }, () => true).mode).toBe('copy');
  });

  it('a bad DIGESTLINE_FILES names the variable and the expected forms', () => {
    let err: unknown;
    try {
      filesOverride({ DIGESTLINE_FILES: 'volume' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe('DIGESTLINE_FILES');
    expect((err as Error).message).toBe(
      'DIGESTLINE_FILES must be bind or copy (or unset to decide from the engine); got "volume"',
    );
    expect(filesOverride({ DIGESTLINE_FILES: '' })).toBeUndefined();
  });
});

describe('checkEngineAccess', () => {
  it('an unreachable engine fails naming the CLI, DOCKER_HOST and how to give the job an engine', async () => {
    const engine = new FakeEngine({ kind: 'docker' });
    engine.server = new ExecError(
      ['docker', 'info'],
      1,
      'Cannot connect to the Docker daemon at unix:///nope.sock',
    );
    await expect(checkEngineAccess(engine, { DOCKER_HOST: 'unix:///nope.sock' })).rejects.toThrow(
      new RegExp(
        'cannot reach the docker engine through `docker` \\(DOCKER_HOST=unix:///nope.sock, CONTAINER_HOST=\\(unset\\)\\): ' +
          '[^]*Cannot connect to the Docker daemon[^]*\\ngive the job an engine: .*container\\.docker_host: automount.*DOCKER_HOST.*:host` runner label',
      ),
    );
  });
});

describe('connectEngine', () => {
  const root = mkdtempSync(join(tmpdir(), 'dl-access-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'bin'));
  writeFileSync(join(root, 'bin', 'docker'), '#!/bin/sh\n');
  chmodSync(join(root, 'bin', 'docker'), 0o755);
  const env = { PATH: join(root, 'bin'), DOCKER_HOST: 'unix:///run/docker.sock' };

  function spiedExec(respond: (args: readonly string[]) => ExecResult) {
    const exec = new Exec();
    const spy = vi.spyOn(exec, 'exec').mockImplementation(async (_bin, args) => respond(args));
    return { exec, spy };
  }

  it('asks the engine with a timeout, sets the mode once and logs it with why', async () => {
    const { exec, spy } = spiedExec(() => ({ exitCode: 0, stdout: `20.10.24\t${root}\n`, stderr: '' }));
    const log = recordingLog();
    const engine = await connectEngine('docker', { env, exec, log });
    expect(engine.files).toBe('bind');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[1]).toEqual(['info', '--format', '{{.ServerVersion}}\t{{.DockerRootDir}}']);
    expect(spy.mock.calls[0]?.[2]).toMatchObject({ timeoutMs: 15_000 });
    expect(log.lines).toEqual([
      {
        level: 'info',
        line: `docker 20.10.24: files bind-mounted (the daemon at DOCKER_HOST=unix:///run/docker.sock keeps its data in ${root}, which exists here)`,
      },
    ]);
  });

  it('a root dir this process cannot see → copy', async () => {
    const { exec } = spiedExec(() => ({ exitCode: 0, stdout: '20.10.24\t/nowhere/docker\n', stderr: '' }));
    const engine = await connectEngine('docker', { env, exec });
    expect(engine.files).toBe('copy');
  });

  it('a bad DIGESTLINE_FILES is refused before the engine is asked', async () => {
    const { exec, spy } = spiedExec(() => ({ exitCode: 0, stdout: '1\t/\n', stderr: '' }));
    await expect(connectEngine('docker', { env: { ...env, DIGESTLINE_FILES: 'yes' }, exec })).rejects.toThrow(
      InputError,
    );
    expect(spy).not.toHaveBeenCalled();
  });
});
