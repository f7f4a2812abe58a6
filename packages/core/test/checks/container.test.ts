/**
 * Checks in a container, without a container: the exact argv each engine gets (through a spied
 * Exec), killing by name at the time limit, the sweep of leftovers, and the image gate.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ContainerLauncher,
  LANE_LABEL,
  checkUser,
  prepareImage,
  stageWorkspace,
  workspaceVolumeName,
} from '../../src/checks/container.js';
import { runChecks, type PlannedCheck } from '../../src/checks/run.js';
import { Docker } from '../../src/engine/docker.js';
import { Podman } from '../../src/engine/podman.js';
import { ExecError, InputError } from '../../src/errors.js';
import { Exec, type ExecOptions, type ExecResult } from '../../src/exec.js';
import { FakeEngine } from '../support/fake-engine.js';

const IMAGE = `127.0.0.1:5000/dl/ci-tools@sha256:${'c'.repeat(64)}`;
const ok = (stdout = '', stderr = '', exitCode = 0): ExecResult => ({ exitCode, stdout, stderr });

afterEach(() => vi.restoreAllMocks());

function spiedExec(
  respond: (bin: string, args: readonly string[], opts?: ExecOptions) => ExecResult | Promise<ExecResult>,
) {
  const exec = new Exec();
  const spy = vi.spyOn(exec, 'exec').mockImplementation(async (bin, args, opts) => respond(bin, args, opts));
  return { exec, spy };
}

const lint: PlannedCheck = {
  name: 'backend/lint',
  run: 'npm ci && npm run lint',
  cwd: '/ws/app/backend',
  timeoutMs: 60_000,
};

describe('container run argv', () => {
  it.each([
    [
      'podman, with pass-through env and the invoking user',
      'podman',
      { envNames: ['NPM_TOKEN', 'CI'], user: '0:0', env: {} },
      [
        'run',
        '--env',
        'NPM_TOKEN',
        '--env',
        'CI',
        '--rm',
        '--name',
        'dl-check-lane1-1-backend-lint',
        '--label',
        `${LANE_LABEL}=lane1`,
        '--volume',
        '/ws:/ws',
        '--user',
        '0:0',
        '--workdir',
        '/ws/app/backend',
        '--entrypoint',
        '/bin/sh',
        IMAGE,
        '-c',
        'exec 2>&1\nnpm ci && npm run lint',
      ],
    ],
    [
      'docker as a non-root runner user: its uid and a writable HOME',
      'docker',
      { envNames: [], user: '1001:118', env: { HOME: '/tmp' } },
      [
        'run',
        '--rm',
        '--name',
        'dl-check-lane1-1-backend-lint',
        '--label',
        `${LANE_LABEL}=lane1`,
        '--env',
        'HOME=/tmp',
        '--volume',
        '/ws:/ws',
        '--user',
        '1001:118',
        '--workdir',
        '/ws/app/backend',
        '--entrypoint',
        '/bin/sh',
        IMAGE,
        '-c',
        'exec 2>&1\nnpm ci && npm run lint',
      ],
    ],
  ] as const)('%s', async (_what, kind, options, argv) => {
    const { exec, spy } = spiedExec(() => ok('linted\n'));
    const engine = kind === 'podman' ? new Podman(exec) : new Docker(exec);
    const launcher = new ContainerLauncher(engine, {
      image: IMAGE,
      workspace: '/ws',
      laneId: 'lane1',
      envNames: [...options.envNames],
      user: options.user,
      env: { ...options.env },
    });
    const chunks: Buffer[] = [];
    const exit = await launcher.start(lint, (c) => chunks.push(c)).exited;
    expect(exit).toEqual({ exitCode: 0 });
    expect(spy).toHaveBeenCalledWith(kind, argv, { silent: true, ignoreReturnCode: true });
    // No value of a passed-through variable ever appears in argv.
    expect(argv.join(' ')).not.toMatch(/NPM_TOKEN=/);
    expect(Buffer.concat(chunks).toString()).toBe('linted\n');
  });

  it('gives every check a unique container name', () => {
    const launcher = new ContainerLauncher(new Podman(new Exec()), {
      image: IMAGE,
      workspace: '/ws',
      envNames: [],
    });
    const other = new ContainerLauncher(new Podman(new Exec()), {
      image: IMAGE,
      workspace: '/ws',
      envNames: [],
    });
    expect(launcher.laneId).toMatch(/^[0-9a-f]{8}$/);
    expect(launcher.laneId).not.toBe(other.laneId);
  });

  it('reports the engine stderr after the check output and a failing exit code', async () => {
    const { exec } = spiedExec(() => ok('partial\n', 'Error: crun: executable file not found\n', 127));
    const launcher = new ContainerLauncher(new Podman(exec), {
      image: IMAGE,
      workspace: '/ws',
      envNames: [],
      laneId: 'l',
    });
    const chunks: Buffer[] = [];
    expect(await launcher.start(lint, (c) => chunks.push(c)).exited).toEqual({ exitCode: 127 });
    expect(Buffer.concat(chunks).toString()).toBe('partial\nError: crun: executable file not found\n');
  });

  it('an engine that cannot start is a failed check, not a crash', async () => {
    const { exec } = spiedExec(() => {
      throw new ExecError(['podman'], null, '', 'podman could not be started: ENOENT');
    });
    const launcher = new ContainerLauncher(new Podman(exec), {
      image: IMAGE,
      workspace: '/ws',
      envNames: [],
      laneId: 'l',
    });
    const chunks: Buffer[] = [];
    expect(await launcher.start(lint, (c) => chunks.push(c)).exited).toEqual({ exitCode: null });
    expect(Buffer.concat(chunks).toString()).toContain('could not run podman: podman could not be started');
  });
});

describe('time limit in a container', () => {
  it('stops the container by name (retrying until it exists) and the check is timed out', async () => {
    let release: (r: ExecResult) => void = () => {};
    let stopCalls = 0;
    const { exec, spy } = spiedExec((_bin, args) => {
      if (args[0] === 'run') return new Promise<ExecResult>((resolve) => (release = resolve));
      if (args[0] === 'stop') {
        stopCalls++;
        if (stopCalls === 1) throw new ExecError(['podman', ...args], 125, 'no such container');
        release(ok('', '', 137));
        return ok();
      }
      return ok();
    });
    const launcher = new ContainerLauncher(new Podman(exec), {
      image: IMAGE,
      workspace: '/ws',
      envNames: [],
      laneId: 'lane2',
    });
    const [outcome] = await runChecks([{ ...lint, timeoutMs: 50 }], {
      launcher,
      concurrency: 1,
      failFast: false,
    });
    expect(outcome!.status).toBe('timed-out');
    expect(stopCalls).toBe(2);
    expect(spy).toHaveBeenCalledWith('podman', ['stop', '--time', '0', 'dl-check-lane2-1-backend-lint'], {
      silent: true,
    });
  });

  it('sweep force-removes every container of the lane that is left', async () => {
    let listed = false;
    const { exec, spy } = spiedExec((_bin, args) => {
      if (args[0] !== 'ps' || listed) return ok();
      listed = true;
      return ok(`${'a'.repeat(64)}\tdl-check-l3-1-x\n`);
    });
    const launcher = new ContainerLauncher(new Podman(exec), {
      image: IMAGE,
      workspace: '/ws',
      envNames: [],
      laneId: 'l3',
    });
    await expect(launcher.sweep()).resolves.toEqual(['dl-check-l3-1-x']);
    expect(spy).toHaveBeenCalledWith(
      'podman',
      ['ps', '--no-trunc', '--all', '--filter', `label=${LANE_LABEL}=l3`, '--format', '{{.ID}}\t{{.Names}}'],
      { silent: true },
    );
    expect(spy).toHaveBeenCalledWith('podman', ['rm', '--time', '0', '--force', 'a'.repeat(64)], {
      silent: true,
    });
  });

  it('sweep lists again until the lane is empty: a container the engine was still removing is removed again', async () => {
    let lists = 0;
    const { exec, spy } = spiedExec((_bin, args) => {
      if (args[0] === 'ps') return ok(++lists <= 2 ? `${'b'.repeat(64)}\tdl-check-l4-1-x\n` : '');
      if (args[0] === 'rm' && lists === 1)
        throw new ExecError(['podman', 'rm'], 2, 'container state improper');
      return ok();
    });
    const launcher = new ContainerLauncher(new Podman(exec), {
      image: IMAGE,
      workspace: '/ws',
      envNames: [],
      laneId: 'l4',
    });
    await expect(launcher.sweep()).resolves.toEqual(['dl-check-l4-1-x']);
    expect(lists).toBe(3);
    expect(spy.mock.calls.filter(([, args]) => args[0] === 'rm')).toHaveLength(2);
  });

  it('sweep fails, naming the container and the engine, when one stays past the settle time', async () => {
    const { exec } = spiedExec((_bin, args) => {
      if (args[0] === 'ps') return ok(`${'c'.repeat(64)}\tdl-check-l5-2-y\n`);
      if (args[0] === 'rm') throw new ExecError(['podman', 'rm'], 2, 'device or resource busy');
      return ok();
    });
    const launcher = new ContainerLauncher(new Podman(exec), {
      image: IMAGE,
      workspace: '/ws',
      envNames: [],
      laneId: 'l5',
    });
    await expect(launcher.sweep(0)).rejects.toThrow(
      /check containers still there after 0 s: dl-check-l5-2-y \(podman: [\s\S]*device or resource busy/,
    );
  });
});

function inspectJson(labels: Record<string, string>): string {
  return JSON.stringify([
    { Id: 'sha256:' + 'e'.repeat(64), Size: 1, Config: { Labels: labels, User: '' }, RepoDigests: [] },
  ]);
}

describe('prepareImage', () => {
  it('uses a present image without pulling', async () => {
    const { exec, spy } = spiedExec(() => ok(inspectJson({ 'org.digestline.role': 'ci-tools' })));
    await expect(prepareImage(new Podman(exec), IMAGE)).resolves.toMatchObject({ pulled: false });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('pulls an absent image (plain http for loopback) and inspects it again', async () => {
    let inspects = 0;
    const { exec, spy } = spiedExec((_bin, args) => {
      if (args[0] === 'image' && inspects++ === 0)
        throw new ExecError(['podman', ...args], 125, 'image not known');
      return ok(inspectJson({}));
    });
    await expect(prepareImage(new Podman(exec), IMAGE, { insecure: true })).resolves.toMatchObject({
      pulled: true,
    });
    expect(spy).toHaveBeenCalledWith('podman', ['pull', '--tls-verify=false', IMAGE]);
  });

  it('refuses a runtime-role image, naming the image input', async () => {
    const { exec } = spiedExec(() => ok(inspectJson({ 'org.digestline.role': 'runtime' })));
    const err = await prepareImage(new Podman(exec), IMAGE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe('image');
    expect((err as Error).message).toMatch(/labelled org.digestline.role=runtime/);
  });

  it('names the image input when the pull fails', async () => {
    const { exec } = spiedExec((_bin, args) => {
      throw new ExecError(['podman', ...args], 125, 'manifest unknown');
    });
    await expect(prepareImage(new Podman(exec), IMAGE)).rejects.toThrow(/^input "image": cannot pull/);
  });
});

describe('checkUser', () => {
  it.each([
    ['podman', 1000, 1000, { user: '0:0', env: {} }],
    ['podman', 0, 0, { user: '0:0', env: {} }],
    ['docker', 0, 0, { user: '0:0', env: {} }],
    ['docker', 1001, 118, { user: '1001:118', env: { HOME: '/tmp' } }],
  ] as const)('%s as %d:%d', (kind, uid, gid, expected) => {
    expect(checkUser(kind, uid, gid)).toEqual(expected);
  });
});

describe('checks on any ContainerEngine', () => {
  it('runs a check through runStreaming with name-only env', async () => {
    const engine = new FakeEngine();
    engine.foreground = () => ({ exitCode: 2, stdout: 'lint failed\n', stderr: '' });
    const launcher = new ContainerLauncher(engine, {
      image: IMAGE,
      workspace: '/ws',
      envNames: ['NPM_TOKEN'],
      laneId: 'l4',
    });
    const chunks: Buffer[] = [];
    expect(await launcher.start(lint, (c) => chunks.push(c)).exited).toEqual({ exitCode: 2 });
    expect(Buffer.concat(chunks).toString()).toBe('lint failed\n');
    expect(engine.foregroundRuns).toEqual([launcher.runOptions(lint, 'dl-check-l4-1-backend-lint')]);
    expect(engine.foregroundRuns[0]).toMatchObject({
      passEnv: ['NPM_TOKEN'],
      rm: true,
      entrypoint: '/bin/sh',
    });
  });
});

describe('copy mode (the engine cannot see the workspace)', () => {
  it('stages the workspace into a lane-labelled volume, its copy bound at the workspace path, no path of ours', async () => {
    const engine = new FakeEngine();
    engine.files = 'copy';
    const source = await stageWorkspace(engine, { laneId: 'l9', image: IMAGE, workspace: '/ws' });
    const volume = workspaceVolumeName('l9');
    expect(source).toBe(`/engine/volumes/${volume}/_data/workspace`);
    expect(engine.calls).toContain(`cp /ws ${volume}-stager:/dl-stage/workspace`);
    expect(engine.volumes.get(volume)).toMatchObject({ [LANE_LABEL]: 'l9' });
    const launcher = new ContainerLauncher(engine, {
      image: IMAGE,
      workspace: '/ws',
      envNames: [],
      laneId: 'l9',
      workspaceSource: source,
    });
    const opts = launcher.runOptions(lint, 'n');
    expect(opts.volumes).toEqual([
      { source: '/engine/volumes/dl-check-l9-workspace/_data/workspace', target: '/ws' },
    ]);
    expect(opts.workdir).toBe(lint.cwd);
  });

  it('the sweep removes the workspace volume after the containers', async () => {
    const engine = new FakeEngine();
    await stageWorkspace(engine, { laneId: 'l8', image: IMAGE, workspace: '/ws' });
    await engine.volumeCreate('someone-else');
    const launcher = new ContainerLauncher(engine, {
      image: IMAGE,
      workspace: '/ws',
      envNames: [],
      laneId: 'l8',
    });
    await launcher.sweep();
    expect([...engine.volumes.keys()]).toEqual(['someone-else']);
  });
});
