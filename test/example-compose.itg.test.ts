/**
 * The example app from its ordinary compose files, for real on podman and on docker, with the
 * images built from examples/app injected by service name (their `build:` is then irrelevant):
 *
 * - examples/app/compose.yaml as integration-test and e2e-run start it (validation): the frontend
 *   serves the bind-mounted config file, applies its env_file (the backend by its alias on the back
 *   network), the backend is out of reach from a container on the front network only, and
 *   `restart: unless-stopped` is not applied;
 * - examples/app/compose.staging.yaml deployed through deploy-staging's code twice from a workspace
 *   of its own (the config file changed in between), then rolled back after the workspace is gone:
 *   `restart` applied, healthy, and the rollback serves the config file's first bytes from the copy
 *   the first deployment kept.
 *
 * Needs `eval "$(DIGESTLINE_DOCKER=1 scripts/setup-host)"` (DIGESTLINE_REGISTRY,
 * DIGESTLINE_BASE_IMAGE). Podman is never skipped; docker is skipped, with the reason printed, when
 * setup-host reported it unavailable or `docker info` fails.
 */
import { generateKeyPairSync } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '@digestline/core/deploy/deployer';
import { EventSink } from '@digestline/core/deploy/events';
import { parseHealthChecks } from '@digestline/core/deploy/health';
import type { DeployerOptions } from '@digestline/core/deploy/options';
import { rollback } from '@digestline/core/deploy/rollback';
import { Docker } from '@digestline/core/engine/docker';
import type { ContainerEngine } from '@digestline/core/engine/engine';
import { Podman } from '@digestline/core/engine/podman';
import { errorMessage } from '@digestline/core/errors';
import { envelopeOf, signEnvelope } from '@digestline/core/evidence/dsse';
import { promotionStatement } from '@digestline/core/evidence/statement';
import { storeEvidence } from '@digestline/core/evidence/store';
import { Exec } from '@digestline/core/exec';
import { parseImageSet, type ImageSet } from '@digestline/core/inputs';
import { silentLog } from '@digestline/core/log';
import { RegistryClient } from '@digestline/core/registry/client';
import { checkStack, stackErrors } from '@digestline/core/stack/check';
import { Stack, StackStartError } from '@digestline/core/stack/stack';
import { buildAndPushImage, requireRegistry, uniquePrefix } from './support/registry.js';
import { dockerProblem } from './support/docker.js';

const ROOT = resolve(import.meta.dirname, '..');
const APP = join(ROOT, 'examples/app');
const RUN = uniquePrefix();
const exec = new Exec();

/** What only the committed config file says, and only the env file. */
const CONFIG = JSON.parse(await readFile(join(APP, 'config/frontend.json'), 'utf8')) as { notice: string };
const BACKEND_URL = /^BACKEND_URL=(.*)$/m.exec(await readFile(join(APP, 'frontend.env'), 'utf8'))?.[1];

const dockerSkipReason = await dockerProblem();

let images: ImageSet = [];
const engines = { podman: new Podman(exec), docker: new Docker(exec) };
const promotionKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const timings: Record<string, number> = {};

beforeAll(async () => {
  const registry = requireRegistry();
  const t0 = Date.now();
  const refs: string[] = [];
  for (const name of ['backend', 'frontend']) {
    const repository = `digestline-itg/example-${name}`;
    const digest = await buildAndPushImage({ registry, repository, tag: RUN, context: join(APP, name) });
    refs.push(`${name}=${registry}/${repository}@${digest}`);
  }
  images = parseImageSet(refs.join('\n'), 'images');
  timings.buildMs = Date.now() - t0;
  // What promote-digest attaches to each image: one signed record admitting the pair.
  const envelope = signEnvelope(
    envelopeOf(
      promotionStatement({
        images: images.map((i) => ({
          name: i.name,
          digest: i.digest.value,
          repository: `${i.registry}/${i.repository}`,
        })),
        commit: 'c'.repeat(40),
        runUrl: 'http://127.0.0.1:3000/org/app/actions/runs/1',
        checks: [{ name: 'e2e evidence', result: 'PASSED', durationMs: 1 }],
        env: {},
      }),
    ),
    promotionKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  );
  const client = new RegistryClient({ registry });
  for (const image of images) {
    await storeEvidence(client, image.repository, image.digest.value, envelope, { settleMs: () => 20 });
  }
}, 300_000);

afterAll(async () => {
  console.log(`example-compose timings: ${JSON.stringify(timings)}`);
  // This run's images: the local tags, and in the registry the manifests and their evidence.
  const problems: string[] = [];
  for (const image of images) {
    const base = `http://${image.registry}/v2/${image.repository}/manifests`;
    try {
      await engines.podman.removeImage(`${image.registry}/${image.repository}:${RUN}`, { force: true });
      await engines.podman.removeImage(`${image.registry}/${image.repository}@${image.digest.value}`, {
        force: true,
      });
      // The evidence: the referrers fallback index and cosign's attestation tag.
      const digests = [image.digest.value];
      for (const tag of [`sha256-${image.digest.hex}`, `sha256-${image.digest.hex}.att`]) {
        const found = await fetch(`${base}/${tag}`, {
          method: 'HEAD',
          headers: {
            accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json',
          },
        });
        const digest = found.headers.get('docker-content-digest');
        if (found.status === 200 && digest !== null) digests.unshift(digest);
      }
      for (const digest of digests) {
        const res = await fetch(`${base}/${digest}`, { method: 'DELETE' });
        if (res.status !== 202 && res.status !== 404)
          problems.push(`DELETE ${image.repository}@${digest}: ${res.status}`);
      }
      // What docker pulled for the stacks (absent when docker was skipped).
      if (dockerSkipReason === undefined) {
        await engines.docker.removeImage(`${image.registry}/${image.repository}@${image.digest.value}`, {
          force: true,
        });
      }
    } catch (err) {
      problems.push(`${image.name}: ${errorMessage(err)}`);
    }
  }
  expect(problems).toEqual([]);
});

/** A free loopback port. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  expect(res.status, `GET ${url}`).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** The restart policy the engine holds for a container (`''` or `no`: none). */
async function restartPolicy(bin: string, container: string): Promise<string> {
  const r = await exec.exec(
    bin,
    ['container', 'inspect', '--format', '{{.HostConfig.RestartPolicy.Name}}', container],
    {
      silent: true,
    },
  );
  return r.stdout.trim();
}

/**
 * What each of `hosts` answers on :8080/healthz from a container on `network` alone (the
 * frontend's image: node, no shell): `ok` or the error.
 */
async function reachFrom(
  bin: string,
  network: string,
  image: string,
  hosts: string[],
): Promise<Record<string, string>> {
  const script =
    'Promise.all(process.argv.slice(1).map((h) => fetch(`http://${h}:8080/healthz`, { signal: AbortSignal.timeout(3000) })' +
    '.then((r) => [h, r.status === 200 ? "ok" : `status ${r.status}`], (e) => [h, String(e.cause?.code ?? e.name)])))' +
    '.then((all) => console.log(JSON.stringify(Object.fromEntries(all))))';
  const r = await exec.exec(
    bin,
    ['run', '--rm', '--network', network, '--entrypoint', '/usr/bin/node', image, '-e', script, ...hosts],
    { silent: true },
  );
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, string>;
}

describe.each(['podman', 'docker'] as const)('the example app on %s', (kind) => {
  const skipReason = kind === 'docker' ? dockerSkipReason : undefined;
  if (skipReason !== undefined) console.warn(`skipping the example app on docker: ${skipReason}`);
  const engine: ContainerEngine = engines[kind];

  it.skipIf(skipReason !== undefined)(
    'compose.yaml for validation: config file served, env_file applied, back network closed to front, no restart',
    async () => {
      const check = checkStack(join(APP, 'compose.yaml'), { images, mode: 'validation', env: {} });
      expect(stackErrors(check)).toEqual([]);
      const t0 = Date.now();
      // A stack that fails to start is taken down too (it carries what it started).
      const stack = await Stack.up({
        project: `${RUN}-${kind}-v`,
        engine,
        spec: check.spec!,
        readiness: { timeoutMs: 90_000 },
      }).catch(async (err: unknown) => {
        if (err instanceof StackStartError) await err.partialStack.down({ volumes: 'all', stopTimeoutS: 0 });
        throw err;
      });
      try {
        timings[`${kind}.validationUpMs`] = Date.now() - t0;
        const status = await stack.inspect();
        const frontend = status.find((s) => s.service === 'frontend')!;
        const base = frontend.urls.published!;
        expect(await getJson(`${base}/config.json`)).toMatchObject({ notice: CONFIG.notice });
        expect(await getJson(`${base}/healthz`)).toMatchObject({
          backend: { url: BACKEND_URL, reachable: true },
        });
        // Through the frontend's proxy, over the back network, to the backend by its alias.
        expect(await getJson(`${base}/api/playlists`)).toEqual({ playlists: [] });

        const front = stack.networks.find((n) => n.endsWith('-front'))!;
        expect(await reachFrom(kind, front, frontend.image, ['frontend', 'backend', 'playlist-api'])).toEqual(
          {
            frontend: 'ok',
            backend: expect.not.stringMatching(/^ok$/),
            'playlist-api': expect.not.stringMatching(/^ok$/),
          },
        );
        for (const s of status) expect(['', 'no']).toContain(await restartPolicy(kind, s.container));
      } finally {
        await stack.down({ volumes: 'all', stopTimeoutS: 0 });
      }
    },
    180_000,
  );

  it.skipIf(skipReason !== undefined)(
    'compose.staging.yaml deployed: restart applied, healthy; a rollback starts the copy of the config file kept with the deployment',
    async () => {
      const work = await mkdtemp(join(tmpdir(), `${RUN}-${kind}-`));
      const workspace = join(work, 'ws');
      const environment = `${RUN}-${kind}-stg`;
      const port = await freePort();
      const options: DeployerOptions = {
        environment,
        stateDir: join(work, 'state'),
        engine,
        events: new EventSink({ log: silentLog }),
        log: silentLog,
        promotionKey: promotionKeys.publicKey.export({ type: 'spki', format: 'pem' }) as string,
        soakIntervalMs: 500,
      };
      const healthChecks = parseHealthChecks(
        `http://127.0.0.1:${port}/healthz 200 $.status=ok\nhttp://127.0.0.1:${port}/config.json 200`,
        'health-checks',
      );
      const request = { stackFile: join(workspace, 'compose.staging.yaml'), images, healthChecks, workspace };
      try {
        // The job's workspace: the staging file (on a free port) and the files it names beside it.
        await mkdir(join(workspace, 'config'), { recursive: true });
        const staging = await readFile(join(APP, 'compose.staging.yaml'), 'utf8');
        expect(staging).toContain("'127.0.0.1:18080:8080'");
        await writeFile(request.stackFile, staging.replace('127.0.0.1:18080:8080', `127.0.0.1:${port}:8080`));
        await copyFile(join(APP, 'frontend.env'), join(workspace, 'frontend.env'));
        await writeFile(join(workspace, 'config/frontend.json'), JSON.stringify({ notice: 'first' }));

        let t = Date.now();
        const first = await deploy(options, { ...request, soakMs: 2000, autoRollback: false });
        timings[`${kind}.deployMs`] = Date.now() - t;
        expect(first.status, first.primary.failure).toBe('deployed');
        const base = `http://127.0.0.1:${port}`;
        expect(await getJson(`${base}/config.json`)).toEqual({ notice: 'first' });
        expect(await getJson(`${base}/healthz`)).toMatchObject({
          backend: { url: BACKEND_URL, reachable: true },
        });
        for (const service of ['backend', 'frontend']) {
          expect(await restartPolicy(kind, `${environment}-${service}`)).toBe('unless-stopped');
        }

        // The workspace changes: the next deployment serves the new bytes.
        await writeFile(join(workspace, 'config/frontend.json'), JSON.stringify({ notice: 'second' }));
        const second = await deploy(options, { ...request, soakMs: 1000, autoRollback: false });
        expect(second.status, second.primary.failure).toBe('deployed');
        expect(await getJson(`${base}/config.json`)).toEqual({ notice: 'second' });

        // The workspace is gone (the job ended); the rollback starts the first deployment's copy.
        await rm(workspace, { recursive: true, force: true });
        t = Date.now();
        const back = await rollback(options, { to: first.deploymentId, soakMs: 1000, autoRollback: false });
        timings[`${kind}.rollbackMs`] = Date.now() - t;
        expect(back.status, back.primary.failure).toBe('rolled-back');
        expect(await getJson(`${base}/config.json`)).toEqual({ notice: 'first' });
        const running = await (await Stack.attach(environment, engine)).inspect();
        expect(running.map((s) => [s.service, s.running, s.health])).toEqual([
          ['backend', true, 'healthy'],
          ['frontend', true, 'healthy'],
        ]);
      } finally {
        const stack = await Stack.attach(environment, engine).catch(() => undefined);
        await stack?.down({ volumes: 'all', stopTimeoutS: 0 });
        await rm(work, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
