import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { hostSources, snapshotSources, SNAPSHOT_DIR, verifySnapshots } from '../../src/deploy/snapshots.js';
import type { ComposeModel } from '../../src/stack/compose/model.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let root = '';
let workspace = '';
let stateDir = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-snapshots-'));
  workspace = join(root, 'ws');
  stateDir = join(root, 'state');
  await mkdir(join(workspace, 'config'), { recursive: true });
  await writeFile(join(workspace, 'config/app.json'), '{"title":"v1"}');
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A model as the normaliser prints it: bind sources absolute. */
function model(volumes: Array<{ source: string; target: string; read_only?: boolean }>): ComposeModel {
  return {
    name: 'app',
    services: { web: { image: 'web', volumes: volumes.map((v) => ({ type: 'bind' as const, ...v })) } },
  };
}

const FILE = '/ws/compose.yaml';
const files = () => readdir(join(stateDir, SNAPSHOT_DIR)).catch(() => [] as string[]);

describe('hostSources', () => {
  test('finds bind mounts (read-only or not) and secret and config files, not volumes or content', () => {
    const m: ComposeModel = {
      services: {
        web: {
          volumes: [
            { type: 'volume', source: 'data', target: '/data' },
            { type: 'bind', source: '/ws/a', target: '/a', read_only: true },
            { type: 'bind', source: '/ws/b', target: '/b' },
          ],
        },
      },
      secrets: { token: { file: '/ws/token.txt' }, inline: { content: 'x' } },
      configs: { nginx: { file: '/ws/nginx.conf' } },
    };
    expect(
      hostSources(m).map(({ path, source, target, writable }) => ({ path, source, target, writable })),
    ).toEqual([
      { path: 'services.web.volumes[1]', source: '/ws/a', target: '/a', writable: false },
      { path: 'services.web.volumes[2]', source: '/ws/b', target: '/b', writable: true },
      { path: 'secrets.token.file', source: '/ws/token.txt', target: 'token', writable: false },
      { path: 'configs.nginx.file', source: '/ws/nginx.conf', target: 'nginx', writable: false },
    ]);
  });
});

describe('snapshotSources', () => {
  test('copies a workspace file content-addressed and points the model at the copy, read-only', async () => {
    const original = model([
      { source: join(workspace, 'config/app.json'), target: '/app/config.json', read_only: true },
    ]);
    const { model: stored, snapshots } = await snapshotSources(original, stateDir, FILE, {
      workspace,
      hostPaths: false,
    });
    const copy = join(stateDir, SNAPSHOT_DIR, sha256('{"title":"v1"}'));
    expect(stored.services.web!.volumes).toEqual([
      { type: 'bind', source: copy, target: '/app/config.json', read_only: true },
    ]);
    expect(snapshots).toEqual([
      {
        path: 'services.web.volumes[0]',
        source: join(workspace, 'config/app.json'),
        stored: `${SNAPSHOT_DIR}/${sha256('{"title":"v1"}')}`,
        bytes: 14,
      },
    ]);
    expect(await readFile(copy, 'utf8')).toBe('{"title":"v1"}');
    expect((await stat(copy)).mode & 0o777).toBe(0o644);
    // The model the caller holds is not changed.
    expect(original.services.web!.volumes![0]!.source).toBe(join(workspace, 'config/app.json'));

    // The same bytes again: the same copy; changed bytes: a new one, the old one kept for rollbacks.
    await snapshotSources(original, stateDir, FILE, { workspace, hostPaths: false });
    expect(await files()).toEqual([sha256('{"title":"v1"}')]);
    await writeFile(join(workspace, 'config/app.json'), '{"title":"v2"}');
    await snapshotSources(original, stateDir, FILE, { workspace, hostPaths: false });
    expect((await files()).sort()).toEqual([sha256('{"title":"v1"}'), sha256('{"title":"v2"}')].sort());
  });

  test('copies a directory with its files and modes, and secret and config files', async () => {
    await mkdir(join(workspace, 'conf.d/sub'), { recursive: true });
    await writeFile(join(workspace, 'conf.d/a.conf'), 'a');
    await writeFile(join(workspace, 'conf.d/sub/run.sh'), '#!/bin/sh\n');
    await chmod(join(workspace, 'conf.d/sub/run.sh'), 0o700);
    await writeFile(join(workspace, 'token.txt'), 'secret');
    const m: ComposeModel = {
      ...model([{ source: join(workspace, 'conf.d'), target: '/etc/app', read_only: true }]),
      secrets: { token: { file: join(workspace, 'token.txt') } },
    };
    const { model: stored } = await snapshotSources(m, stateDir, FILE, { workspace, hostPaths: false });
    const dir = stored.services.web!.volumes![0]!.source!;
    expect(dir).toMatch(new RegExp(`${SNAPSHOT_DIR}/[0-9a-f]{64}\\.d$`));
    expect(await readFile(join(dir, 'a.conf'), 'utf8')).toBe('a');
    expect((await stat(join(dir, 'sub/run.sh'))).mode & 0o777).toBe(0o755);
    expect(stored.secrets!.token!.file).toBe(join(stateDir, SNAPSHOT_DIR, sha256('secret')));
    await expect(verifySnapshots(stored, stateDir, 'deployment d1')).resolves.toBeUndefined();
  });

  test('content: and environment: secrets and configs become kept files the model names; no secret in what is listed', async () => {
    const m: ComposeModel = {
      services: { web: { image: 'web' } },
      secrets: { token: { environment: 'APP_TOKEN' }, unset: { environment: 'NOT_SET' } },
      configs: { motd: { content: 'hello\n', name: 'motd' } },
    };
    const { model: stored, snapshots } = await snapshotSources(m, stateDir, FILE, {
      workspace,
      hostPaths: false,
      env: { APP_TOKEN: 's3cret-token' },
    });
    const dir = join(stateDir, SNAPSHOT_DIR);
    expect(stored.secrets?.token).toEqual({ file: join(dir, sha256('s3cret-token')) });
    expect(stored.configs?.motd).toEqual({ name: 'motd', file: join(dir, sha256('hello\n')) });
    // A variable unset here stays as it was (the stack check has already said so).
    expect(stored.secrets?.unset).toEqual({ environment: 'NOT_SET' });
    expect(m.secrets?.token).toEqual({ environment: 'APP_TOKEN' });
    expect(await readFile(join(dir, sha256('s3cret-token')), 'utf8')).toBe('s3cret-token');
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(snapshots).toEqual([
      {
        path: 'configs.motd',
        source: '(inline text)',
        stored: `${SNAPSHOT_DIR}/${sha256('hello\n')}`,
        bytes: 6,
      },
    ]);
    expect(JSON.stringify(snapshots)).not.toContain(sha256('s3cret-token'));
    // The same text again (another deployment) finds its copy; a rollback checks it like any copy.
    await snapshotSources(m, stateDir, FILE, {
      workspace,
      hostPaths: false,
      env: { APP_TOKEN: 's3cret-token' },
    });
    await expect(verifySnapshots(stored, stateDir, 'deployment d1')).resolves.toBeUndefined();
    await writeFile(join(dir, sha256('hello\n')), 'changed');
    await expect(verifySnapshots(stored, stateDir, 'deployment d1')).rejects.toThrow(
      /configs\.motd\.file.*changed/,
    );
  });

  test('a writable bind mount is an error naming it, before anything is copied', async () => {
    const m = model([
      { source: join(workspace, 'config/app.json'), target: '/app/config.json', read_only: true },
      { source: join(workspace, 'config'), target: '/data' },
    ]);
    await expect(snapshotSources(m, stateDir, FILE, { workspace, hostPaths: false })).rejects.toThrow(
      /^the stack file \/ws\/compose\.yaml has 1 problem \(nothing was changed\):\n\/ws\/compose\.yaml: services\.web\.volumes\[1\]: bind mount of .*\/ws\/config at \/data is writable, .*mark it read-only \(":ro"\), .* or set allow-host-paths/,
    );
    expect(await files()).toEqual([]);
  });

  test('with allow-host-paths, a writable bind mount and a host path outside the workspace stay as written', async () => {
    const outside = join(root, 'srv');
    await mkdir(outside);
    const m = model([
      { source: outside, target: '/data' },
      { source: outside, target: '/ro', read_only: true },
    ]);
    const { model: stored, snapshots } = await snapshotSources(m, stateDir, FILE, {
      workspace,
      hostPaths: true,
    });
    expect(stored).toEqual(m);
    expect(snapshots).toEqual([]);
    expect(await files()).toEqual([]);
  });

  test('the copies are bounded: the mount that crosses the limit is named, nothing is copied', async () => {
    await writeFile(join(workspace, 'big.bin'), Buffer.alloc(2048));
    await mkdir(join(workspace, 'many'));
    for (const n of [1, 2, 3]) await writeFile(join(workspace, 'many', `${n}.bin`), Buffer.alloc(400));
    const m = model([
      { source: join(workspace, 'config/app.json'), target: '/a', read_only: true },
      { source: join(workspace, 'big.bin'), target: '/b', read_only: true },
    ]);
    await expect(
      snapshotSources(m, stateDir, FILE, { workspace, hostPaths: false, limitBytes: 1024 }),
    ).rejects.toThrow(
      /^the stack file \/ws\/compose\.yaml has 1 problem \(nothing was changed\):\n\/ws\/compose\.yaml: services\.web\.volumes\[1\]: .*big\.bin takes the files this deployment keeps a copy of over the 0\.0 MiB limit \(0\.0 MiB or more\)/,
    );
    // A directory is measured file by file, and the bound is the sum over the deployment.
    const dir = model([
      { source: join(workspace, 'config/app.json'), target: '/a', read_only: true },
      { source: join(workspace, 'many'), target: '/m', read_only: true },
    ]);
    await expect(
      snapshotSources(dir, stateDir, FILE, { workspace, hostPaths: false, limitBytes: 1200 }),
    ).rejects.toThrow(/services\.web\.volumes\[1\]: .*many takes the files .* over the/);
    expect(await files()).toEqual([]);
    await expect(
      snapshotSources(dir, stateDir, FILE, { workspace, hostPaths: false, limitBytes: 1214 }),
    ).resolves.toMatchObject({ snapshots: [{ bytes: 14 }, { bytes: 1200 }] });
  });

  test('a missing source or a symbolic link inside a directory is an error naming the mount', async () => {
    await mkdir(join(workspace, 'linked'));
    await symlink('/etc/passwd', join(workspace, 'linked/passwd'));
    const m = model([
      { source: join(workspace, 'absent.json'), target: '/a', read_only: true },
      { source: join(workspace, 'linked'), target: '/b', read_only: true },
    ]);
    const err = await snapshotSources(m, stateDir, FILE, { workspace, hostPaths: false }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).message.split('\n')).toEqual([
      'the stack file /ws/compose.yaml has 2 problems (nothing was changed):',
      `/ws/compose.yaml: services.web.volumes[0]: ${join(workspace, 'absent.json')} does not exist, so the deployment cannot keep a copy of it`,
      expect.stringMatching(
        /^\/ws\/compose\.yaml: services\.web\.volumes\[1\]: .*linked\/passwd is a symbolic link or special file/,
      ),
    ]);
  });
});

describe('verifySnapshots', () => {
  test('refuses a copy whose bytes changed since it was stored', async () => {
    const { model: stored } = await snapshotSources(
      model([{ source: join(workspace, 'config/app.json'), target: '/a', read_only: true }]),
      stateDir,
      FILE,
      { workspace, hostPaths: false },
    );
    await verifySnapshots(stored, stateDir, 'deployment d1');
    const copy = stored.services.web!.volumes![0]!.source!;
    await chmod(copy, 0o644);
    await writeFile(copy, '{"title":"tampered"}');
    await expect(verifySnapshots(stored, stateDir, 'deployment d1')).rejects.toThrow(
      /^deployment d1: the copy of services\.web\.volumes\[0\] \(.*\) was changed since it was stored \(sha256 differs\)$/,
    );
    await rm(copy);
    await expect(verifySnapshots(stored, stateDir, 'deployment d1')).rejects.toThrow(/cannot be read/);
  });
});
