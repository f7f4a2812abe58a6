import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  containerWorkspace,
  createArgv,
  engineCli,
  engineSocket,
  envListRecord,
  execArgv,
  jobContainerName,
  removeArgv,
  stopScript,
  socketEnv,
} from '../src/job-container.js';
import { containerBaseEnv, stepPath } from '../src/job-place.js';
import type { JobRun } from '../src/run-state.js';
import { stepEnvironment } from '../src/step-env.js';
import type { StepModel } from '../src/workflow.js';

describe('job container argv', () => {
  it.each([
    [
      { cli: 'docker' as const },
      ['/usr/bin/docker', '-H', 'unix:///var/run/docker.sock'],
      '/var/run/docker.sock',
    ],
    [
      { cli: 'docker' as const, socket: '/run/d.sock' },
      ['/usr/bin/docker', '-H', 'unix:///run/d.sock'],
      '/run/d.sock',
    ],
    [
      { cli: 'podman' as const },
      ['/usr/bin/podman', '--remote', '--url', 'unix:///runs/r1/podman.sock'],
      '/runs/r1/podman.sock',
    ],
    [
      { cli: 'podman' as const, socket: '/run/podman/podman.sock' },
      ['/usr/bin/podman', '--remote', '--url', 'unix:///run/podman/podman.sock'],
      '/run/podman/podman.sock',
    ],
  ])('engine %j: cli %j, socket %s', (engine, cli, socket) => {
    expect(engineSocket(engine, '/runs/r1')).toBe(socket);
    expect(engineCli(engine, `/usr/bin/${engine.cli}`, engineSocket(engine, '/runs/r1'))).toEqual(cli);
  });

  it('creates a detached, kept-alive container with the socket and the job dir mounted, on the network', () => {
    expect(
      createArgv(
        ['podman'],
        'digestline-job-7-build',
        'localhost/dl-job:node24',
        '/runs/r/jobs/build',
        '/runs/r/podman.sock',
        'host',
        'podman',
      ),
    ).toEqual([
      'podman',
      'run',
      '--detach',
      '--name',
      'digestline-job-7-build',
      '--network',
      'host',
      '--entrypoint',
      '',
      '--volume',
      '/runs/r/jobs/build:/var/run/digestline',
      '--volume',
      '/runs/r/podman.sock:/var/run/docker.sock',
      '--env',
      'DOCKER_HOST=unix:///var/run/docker.sock',
      '--env',
      'CONTAINER_HOST=unix:///var/run/docker.sock',
      'localhost/dl-job:node24',
      'tail',
      '-f',
      '/dev/null',
    ]);
  });

  it('points the docker CLI at the socket, and behind podman the podman CLI too', () => {
    expect(socketEnv('docker')).toEqual({ DOCKER_HOST: 'unix:///var/run/docker.sock' });
    expect(socketEnv('podman')).toEqual({
      DOCKER_HOST: 'unix:///var/run/docker.sock',
      CONTAINER_HOST: 'unix:///var/run/docker.sock',
    });
  });

  it('execs a step with variable names only, never their values', () => {
    const argv = execArgv(
      ['docker', '-H', 'unix:///s'],
      'ctr',
      '/workspace/o/r',
      ['PATH', 'SECRET'],
      ['bash', '-e', '/x.sh'],
    );
    expect(argv).toEqual([
      'docker',
      '-H',
      'unix:///s',
      'exec',
      '-i',
      '-w',
      '/workspace/o/r',
      '-e',
      'PATH',
      '-e',
      'SECRET',
      'ctr',
      'bash',
      '-e',
      '/x.sh',
    ]);
  });

  it('removes at once: podman without its 10 s SIGTERM wait for the keep-alive', () => {
    expect(removeArgv(['podman'], 'podman', 'c')).toEqual(['podman', 'rm', '-f', '--time', '0', 'c']);
    expect(removeArgv(['docker', '-H', 'unix:///s'], 'docker', 'c')).toEqual([
      'docker',
      '-H',
      'unix:///s',
      'rm',
      '-f',
      'c',
    ]);
  });

  it('stops a step in its container with SIGTERM, the kill grace, then SIGKILL', () => {
    expect(stopScript(1000)).toBe(
      'kill -TERM -1 2>/dev/null; i=0; while kill -0 -1 2>/dev/null && [ "$i" -lt 10 ]; do sleep 0.1; i=$((i+1)); done; kill -KILL -1 2>/dev/null; true',
    );
    expect(stopScript(0)).toContain('[ "$i" -lt 1 ]');
  });

  it('names containers and workspaces the way engines and forgejo-runner accept them', () => {
    expect(jobContainerName('1712', 'e2e-run')).toBe('digestline-job-1712-e2e-run');
    expect(jobContainerName('1 2', 'a/b')).toBe('digestline-job-1_2-a_b');
    expect(containerWorkspace('acme/digestline')).toBe('/workspace/acme/digestline');
    expect(containerWorkspace('../../etc')).toBe('/workspace/etc');
  });

  it('reads an image Config.Env list', () => {
    expect(envListRecord(['PATH=/usr/bin:/bin', 'A=b=c', 'junk'])).toEqual({
      PATH: '/usr/bin:/bin',
      A: 'b=c',
    });
    expect(envListRecord(null)).toEqual({});
  });
});

describe('container-mode step environment', () => {
  const dir = '/runs/r/jobs/build';
  const jr = {
    dir,
    temp: path.join(dir, 'temp'),
    env: { FROM_JOB: 'j' },
    githubEnv: { FROM_GITHUB_ENV: 'g' },
    paths: ['/opt/added/bin'],
    job: { id: 'build' },
    github: {
      sha: 'abc',
      ref: 'refs/heads/main',
      ref_name: 'main',
      ref_type: 'branch',
      repository: 'acme/app',
      repository_owner: 'acme',
      server_url: 'http://localhost:3000',
      api_url: 'http://localhost:3000/api/v1',
      run_id: '7',
      run_number: '1',
      actor: 'me',
      workflow: 'w',
      event_name: 'push',
      event_path: '/var/run/digestline/event.json',
      workspace: '/workspace/acme/app',
    },
    runner: {
      os: 'Linux',
      arch: 'X64',
      name: 'digestline-local',
      temp: '/var/run/digestline/temp',
      tool_cache: '/var/run/digestline/tool-cache',
    },
    state: {
      workspace: '/home/me/app',
      baseEnv: { HOME: '/home/me', HOST_ONLY: 'leak' },
      options: { artifactServer: { url: 'http://127.0.0.1:9999/', token: 't' } },
    },
    place: {
      mode: 'container',
      workspace: '/workspace/acme/app',
      baseEnv: containerBaseEnv(
        { PATH: '/usr/local/bin:/usr/bin:/bin', NODE_EXTRA: 'x' },
        { RUN_ENV: 'r' },
        'docker',
      ),
      node: 'v24.22.2',
      actionDirs: new Map([['/home/me/app/actions/echo', '/var/run/digestline/actions/0']]),
    },
  } as unknown as JobRun;
  const files = {
    output: path.join(dir, 'files/output-00'),
    env: path.join(dir, 'files/env-00'),
    path: path.join(dir, 'files/path-00'),
    state: path.join(dir, 'files/state-00'),
    summary: path.join(dir, 'files/summary-00'),
  };
  const step = { id: 'echo', uses: './actions/echo' } as StepModel;
  const meta = { dir: '/home/me/app/actions/echo' } as Parameters<typeof stepEnvironment>[2];
  const env = stepEnvironment(jr, step, meta, files, { INPUT_X: '1' });

  it("starts from the image's environment, not the host's", () => {
    expect(env['HOST_ONLY']).toBeUndefined();
    expect(env['HOME']).toBeUndefined();
    expect(env['NODE_EXTRA']).toBe('x');
    expect(env['DOCKER_HOST']).toBe('unix:///var/run/docker.sock');
    // Docker's socket: a podman CLI in the job must not think it is remote.
    expect(env['CONTAINER_HOST']).toBeUndefined();
    expect(env['PATH']).toBe('/opt/added/bin:/usr/local/bin:/usr/bin:/bin');
    expect(env).toMatchObject({ RUN_ENV: 'r', FROM_JOB: 'j', FROM_GITHUB_ENV: 'g', INPUT_X: '1' });
    expect(Object.values(env).some((v) => v.includes('/home/me') || v.includes('/runs/r'))).toBe(false);
  });

  it('gives the runner variables as container paths', () => {
    expect(env).toMatchObject({
      GITHUB_WORKSPACE: '/workspace/acme/app',
      FORGEJO_WORKSPACE: '/workspace/acme/app',
      RUNNER_TEMP: '/var/run/digestline/temp',
      RUNNER_TOOL_CACHE: '/var/run/digestline/tool-cache',
      GITHUB_OUTPUT: '/var/run/digestline/files/output-00',
      GITHUB_ENV: '/var/run/digestline/files/env-00',
      GITHUB_PATH: '/var/run/digestline/files/path-00',
      GITHUB_STATE: '/var/run/digestline/files/state-00',
      GITHUB_STEP_SUMMARY: '/var/run/digestline/files/summary-00',
      GITHUB_EVENT_PATH: '/var/run/digestline/event.json',
      GITHUB_ACTION_PATH: '/var/run/digestline/actions/0',
      ACTIONS_RUNTIME_URL: 'http://127.0.0.1:9999/',
    });
  });

  it('maps only job-directory paths into the container', () => {
    expect(stepPath(jr, path.join(dir, 'temp/x.sh'))).toBe('/var/run/digestline/temp/x.sh');
    expect(() => stepPath(jr, '/home/me/app/x')).toThrow(/not visible in job container/);
  });
});
