/**
 * deploy-staging with files of the workspace mounted: a writable bind mount is refused before
 * anything changes (unless allow-host-paths), and a rollback refuses a kept copy whose bytes changed.
 * The real run (podman and docker, a rollback after the workspace is gone) is
 * test/example-compose.itg.test.ts.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { deploy } from '../../src/deploy/deployer.js';
import { EventSink } from '../../src/deploy/events.js';
import { Ledger } from '../../src/deploy/ledger.js';
import type { LedgerRecord } from '../../src/deploy/ledger-record.js';
import type { DeployerOptions } from '../../src/deploy/options.js';
import { rollback } from '../../src/deploy/rollback.js';
import { snapshotSources } from '../../src/deploy/snapshots.js';
import { storeStack } from '../../src/deploy/stack-file.js';
import type { EvidenceRegistry } from '../../src/evidence/registry.js';
import { parseImageSet } from '../../src/inputs.js';
import { silentLog } from '../../src/log.js';
import { RegistryError } from '../../src/registry/errors.js';
import type { ComposeModel } from '../../src/stack/compose/model.js';
import { FakeEngine } from '../support/fake-engine.js';

const WEB = `127.0.0.1:5000/app/web@sha256:${'a'.repeat(64)}`;
const images = parseImageSet(`web=${WEB}`, 'images');

let root = '';
let workspace = '';
let stateDir = '';
let engine: FakeEngine;
let options: DeployerOptions;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-deploy-mounts-'));
  workspace = join(root, 'ws');
  stateDir = join(root, 'state');
  await mkdir(join(workspace, 'data'), { recursive: true });
  await writeFile(join(workspace, 'app.json'), '{"v":1}');
  engine = new FakeEngine();
  options = {
    environment: 'stg',
    stateDir,
    engine,
    events: new EventSink({ log: silentLog }),
    log: silentLog,
    allowUnsigned: true,
    // No promotion record anywhere: a deploy that gets past the stack stops at the promotion gate.
    clientFor: () =>
      ({
        referrers: async () => null,
        getManifest: async (repo: string, ref: string) => {
          throw new RegistryError('GET', `${repo}/${ref}`, 404, 'MANIFEST_UNKNOWN', undefined, '404');
        },
      }) as unknown as EvidenceRegistry,
  };
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function stackFile(volume: string): Promise<string> {
  const file = join(workspace, 'compose.yaml');
  await writeFile(
    file,
    `services:\n  web:\n    build: .\n    ports: ['127.0.0.1:18080:8080']\n    volumes: ['${volume}']\n`,
  );
  return file;
}

const request = (file: string) => ({
  stackFile: file,
  images,
  healthChecks: [],
  soakMs: 0,
  autoRollback: false,
  workspace,
});

test('a writable bind mount of the workspace is refused before anything changes', async () => {
  const file = await stackFile('./data:/data');
  await expect(deploy(options, request(file))).rejects.toThrow(
    /services\.web\.volumes\[0\]: bind mount of .*\/ws\/data at \/data is writable, .*set allow-host-paths to mount this host path as written/,
  );
  expect(engine.calls).toEqual([]);
  expect(existsSync(stateDir)).toBe(false);
});

test('with allow-host-paths a writable bind mount is mounted as written (the deploy goes on to the promotion gate)', async () => {
  const file = await stackFile('./data:/data');
  await expect(deploy(options, { ...request(file), allow: { hostPaths: true } })).rejects.toThrow(
    /not promoted/,
  );
  expect(existsSync(join(stateDir, 'stacks/files'))).toBe(false);
});

test('a read-only bind mount is copied before the promotion gate, content-addressed', async () => {
  const file = await stackFile('./app.json:/app/config.json:ro');
  await expect(deploy(options, request(file))).rejects.toThrow(/not promoted/);
  expect(existsSync(join(stateDir, 'stacks/files'))).toBe(true);
  expect(engine.calls).toEqual([]);
});

test('a rollback refuses a kept copy whose bytes changed since the deployment', async () => {
  const model: ComposeModel = {
    name: 'stg',
    services: {
      web: {
        image: WEB,
        ports: [{ target: 8080, published: '18080', host_ip: '127.0.0.1' }],
        volumes: [
          { type: 'bind', source: join(workspace, 'app.json'), target: '/app/config.json', read_only: true },
        ],
      },
    },
  };
  const { model: kept } = await snapshotSources(model, stateDir, 'compose.yaml', {
    workspace,
    hostPaths: false,
  });
  const stack = await storeStack(stateDir, JSON.stringify(kept));
  const base = {
    id: 'd1',
    environment: 'stg',
    kind: 'deploy',
    commit: 'c'.repeat(40),
    runUrl: 'r',
    digests: { web: WEB },
    durations: {},
    stack,
  } satisfies Partial<LedgerRecord>;
  const ledger = new Ledger(stateDir);
  await ledger.append({ ...base, time: new Date().toISOString(), status: 'started' });
  await ledger.append({ ...base, time: new Date().toISOString(), status: 'verified' });

  const copy = kept.services.web!.volumes![0]!.source!;
  await chmod(copy, 0o644);
  await writeFile(copy, '{"v":"changed"}');
  await expect(rollback(options, { to: 'd1', soakMs: 0, autoRollback: false })).rejects.toThrow(
    /^deployment d1: the copy of services\.web\.volumes\[0\] \(.*\) was changed since it was stored \(sha256 differs\)$/,
  );
  expect(engine.calls.filter((c) => c.startsWith('run'))).toEqual([]);
});
