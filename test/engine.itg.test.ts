/**
 * Both engines against the real registry: build a tiny image, push it and compare the digest with
 * what the registry serves, run it on a fresh network, reach it by name from a second container,
 * read its logs, tear everything down and check that nothing with this run's label is left.
 *
 * Needs `eval "$(DIGESTLINE_DOCKER=1 scripts/setup-host)"`. Podman is never skipped; docker is
 * skipped (with the reason printed) when setup-host reported it unavailable or `docker info` fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Docker } from '@digestline/core/engine/docker';
import type { ContainerEngine, ContainerInfo, EngineKind } from '@digestline/core/engine/engine';
import { Podman } from '@digestline/core/engine/podman';
import { errorMessage } from '@digestline/core/errors';
import { Exec } from '@digestline/core/exec';
import { dockerProblem } from './support/docker.js';

const REGISTRY = process.env.DIGESTLINE_REGISTRY ?? '';
const BASE_IMAGE = process.env.DIGESTLINE_BASE_IMAGE ?? '';
const CONTEXT = fileURLToPath(new URL('./fixtures/tiny/', import.meta.url));
const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

function requireHostSetup(): void {
  const missing = ['DIGESTLINE_REGISTRY', 'DIGESTLINE_BASE_IMAGE'].filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(' and ')} not set: run \`eval "$(DIGESTLINE_DOCKER=1 scripts/setup-host)"\` ` +
        'in this shell first (it starts the registry and pushes the base image)',
    );
  }
}

const dockerSkipReason = await dockerProblem();

async function registryDigest(
  repo: string,
  reference: string,
): Promise<{ status: number; digest: string | null }> {
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${reference}`, {
    method: 'HEAD',
    headers: { Accept: MANIFEST_ACCEPT },
  });
  return { status: res.status, digest: res.headers.get('docker-content-digest') };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

it('has the host set up (registry and base image)', () => {
  requireHostSetup();
  expect(REGISTRY).toMatch(/^(127\.0\.0\.1|localhost|\[::1\]):\d+$/);
  expect(BASE_IMAGE).toMatch(/@sha256:[0-9a-f]{64}$/);
});

describe.each<EngineKind>(['podman', 'docker'])('%s engine', (kind) => {
  const skipReason = kind === 'docker' ? dockerSkipReason : undefined;
  if (skipReason !== undefined) console.warn(`skipping the docker engine integration tests: ${skipReason}`);

  describe.skipIf(skipReason !== undefined)('build, push, run, reach, tear down', () => {
    const engine: ContainerEngine = kind === 'docker' ? new Docker(new Exec()) : new Podman(new Exec());
    const run = `dl-itg-${randomBytes(4).toString('hex')}`;
    const label = `digestline.itg.run=${run}`;
    const labels = { 'digestline.itg.run': run };
    const repo = `digestline-itg/engine-${kind}`;
    const tag = `${REGISTRY}/${repo}:${run}`;
    const network = `${run}-net`;
    const volume = `${run}-vol`;
    const web = `${run}-web`;
    const greeting = `hello from ${run}`;
    let imageId = '';
    let digest = '';
    let started = 0;

    beforeAll(() => {
      started = Date.now();
    });

    /** A step of the scenario; each one fails (never skips) on a host that was not set up. */
    const step = (name: string, fn: () => Promise<void>): void => {
      it(name, async () => {
        requireHostSetup();
        await fn();
      });
    };

    afterAll(async () => {
      // Whatever happened above: remove all this run made, then report anything that resisted.
      const problems: string[] = [];
      const attempt = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
        try {
          await fn();
        } catch (err) {
          problems.push(`${what}: ${errorMessage(err)}`);
        }
      };
      if (REGISTRY && BASE_IMAGE) {
        for (const c of await engine.containerList({ label, all: true }).catch(() => [])) {
          await attempt(`remove container ${c.name}`, () =>
            engine.remove(c.id, { force: true, volumes: true }),
          );
        }
        for (const n of await engine.networkList({ label }).catch(() => [])) {
          await attempt(`remove network ${n}`, () => engine.networkRemove(n));
        }
        for (const v of await engine.volumeList({ label }).catch(() => [])) {
          await attempt(`remove volume ${v}`, () => engine.volumeRemove(v, { force: true }));
        }
        if (imageId)
          await attempt(`remove image ${imageId}`, () => engine.removeImage(imageId, { force: true }));
        if (digest) {
          await attempt('delete the pushed manifest', async () => {
            const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${digest}`, {
              method: 'DELETE',
            });
            if (res.status !== 202 && res.status !== 404) throw new Error(`DELETE answered ${res.status}`);
          });
        }
      }
      console.log(
        `[engine itg] ${kind}: ${((Date.now() - started) / 1000).toFixed(1)} s for build, push, run, reach, teardown`,
      );
      if (problems.length > 0) console.warn(`[engine itg] ${kind} cleanup problems:\n${problems.join('\n')}`);
    });

    step('builds the tiny image from the base with labels and a build arg', async () => {
      imageId = await engine.build({
        context: CONTEXT,
        tags: [tag],
        buildArgs: { BASE_IMAGE },
        labels,
      });
      expect(imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
      const image = await engine.inspectImage(tag);
      expect(image.id).toBe(imageId);
      expect(image.labels['digestline.itg.run']).toBe(run);
      expect(image.cmd).toEqual(['perl', '/srv/server.pl']);
      expect(image.exposedPorts).toEqual(['8080/tcp']);
      // Podman keeps HEALTHCHECK only in the docker format, which build defaults to.
      expect(image.healthcheck?.test[0]).toBe('CMD');
      expect(image.healthcheck?.intervalMs).toBe(2000);
    });

    step('pushes and returns the digest the registry serves', async () => {
      digest = (await engine.push(tag)) ?? '';
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(await registryDigest(repo, run)).toEqual({ status: 200, digest });
      expect(await registryDigest(repo, digest)).toEqual({ status: 200, digest });
    });

    let info: ContainerInfo;
    step('runs the image by digest, detached, on a new network, until healthy', async () => {
      expect(digest).not.toBe('');
      await engine.networkCreate(network, { labels });
      expect(await engine.networkList({ label })).toEqual([network]);
      const id = await engine.run({
        image: `${REGISTRY}/${repo}@${digest}`,
        name: web,
        network,
        aliases: ['web'],
        env: { GREETING: greeting },
        ports: [{ host: '127.0.0.1', containerPort: 8080 }],
        labels,
        healthcheck: {
          test: [
            'CMD',
            'perl',
            '-MIO::Socket::INET',
            '-e',
            "IO::Socket::INET->new(PeerAddr => '127.0.0.1:8080') or exit 1",
          ],
          intervalMs: 1000,
          timeoutMs: 2000,
          retries: 3,
          startPeriodMs: 0,
        },
        detach: true,
      });
      expect(id).toMatch(/^[0-9a-f]{64}$/);

      const deadline = Date.now() + 30_000;
      for (;;) {
        await engine.runHealthcheck(web);
        info = await engine.inspectContainer(web);
        if (info.state.health === 'healthy' || Date.now() > deadline) break;
        await sleep(300);
      }
      expect(info.state).toEqual({ status: 'running', running: true, exitCode: 0, health: 'healthy' });
      expect(info.id).toBe(id);
      expect(info.name).toBe(web);
      expect(info.imageDigest).toBe(digest);
      expect(info.image).toBe(imageId);
      expect(info.labels['digestline.itg.run']).toBe(run);
      expect(info.networks.map((n) => n.name)).toEqual([network]);
      expect(info.networks[0]?.aliases).toContain('web');
    });

    step('answers on the published loopback port', async () => {
      const port = info.ports.find((p) => p.containerPort === 8080);
      expect(port?.hostIp).toBe('127.0.0.1');
      expect(port?.hostPort).toBeGreaterThan(0);
      const res = await fetch(`http://127.0.0.1:${port?.hostPort}/from-host`);
      expect(await res.text()).toBe(`${greeting}\n`);
    });

    step('is reachable by container name and alias from a second container on the network', async () => {
      await engine.volumeCreate(volume, { labels });
      expect(await engine.volumeList({ label })).toEqual([volume]);
      const script = [
        'set -e',
        'for host in "$1" web; do',
        '  exec 3<>"/dev/tcp/$host/8080"',
        '  printf "GET /by-name/%s HTTP/1.0\\r\\n\\r\\n" "$host" >&3',
        '  cat <&3 | tail -n 1 | tee -a /data/answers',
        '  exec 3<&-',
        'done',
        'wc -l < /data/answers >&2',
      ].join('\n');
      const r = await engine.runToCompletion(
        {
          image: `${REGISTRY}/${repo}@${digest}`,
          name: `${run}-client`,
          network,
          labels,
          rm: true,
          volumes: [{ source: volume, target: '/data' }],
          command: ['bash', '-c', script, 'client', web],
        },
        { timeoutMs: 60_000 },
      );
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toBe(`${greeting}\n${greeting}\n`);
      expect(r.stderr.trim().split('\n').at(-1)).toBe('2');
    });

    step('shows the logs, stdout and stderr apart', async () => {
      const logs = await engine.logs(web);
      expect(logs.stdout).toContain('listening on 8080\n');
      expect(logs.stdout).toContain('served GET /from-host HTTP/1.1\n');
      expect(logs.stdout).toContain(`served GET /by-name/${web} HTTP/1.0\n`);
      expect(logs.stdout).toContain('served GET /by-name/web HTTP/1.0\n');
      expect(logs.stdout).not.toContain('responder ready');
      expect(logs.stdout).not.toMatch(/^served $/m);
      expect(logs.stderr).toContain('responder ready\n');
    });

    step('copies a host directory into a created container, which then reads it', async () => {
      const { copyInto, create, startAttached } = engine;
      if (!copyInto || !create || !startAttached)
        throw new Error(`${kind} lacks create/startAttached/copyInto`);
      const dir = await mkdtemp(join(tmpdir(), 'dl-itg-cp-'));
      try {
        await writeFile(join(dir, 'payload.txt'), `${greeting}\n`);
        const reader = `${run}-reader`;
        await create.call(engine, {
          image: `${REGISTRY}/${repo}@${digest}`,
          name: reader,
          labels,
          entrypoint: '',
          command: ['cat', '/in/payload.txt'],
        });
        await copyInto.call(engine, dir, reader, '/in');
        const r = await startAttached.call(engine, reader, { timeoutMs: 60_000 });
        expect(r.exitCode, r.stderr).toBe(0);
        expect(r.stdout).toBe(`${greeting}\n`);
        await engine.remove(reader, { force: true });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    step('stops gracefully, tears down and leaves nothing with the run label', async () => {
      await engine.stop(web, 10);
      const stopped = await engine.inspectContainer(web);
      expect(stopped.state.running).toBe(false);
      expect(stopped.state.exitCode).toBe(0);
      expect((await engine.logs(web)).stdout).toContain('stopping\n');

      await engine.remove(web, { volumes: true });
      await engine.networkRemove(network);
      await engine.volumeRemove(volume);
      await engine.removeImage(imageId, { force: true });
      await expect(engine.inspectImage(imageId)).rejects.toThrow(/image inspect/);

      expect(await engine.containerList({ label, all: true })).toEqual([]);
      expect(await engine.networkList({ label })).toEqual([]);
      expect(await engine.volumeList({ label })).toEqual([]);
      await expect(engine.inspectContainer(web)).rejects.toThrow(
        new RegExp(`container inspect ${web} exited`),
      );
    });
  });
});
