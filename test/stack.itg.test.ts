/**
 * The Stack module against real podman and the real loopback registry: two tiny images built from
 * the base and pushed, then (1) a four-service stack covering every readiness mode comes up, is
 * reached by name from a helper container, runs the given digests, is re-found by `attach` and torn
 * down; (2) a compose service built by the stack builder runs confined as its model says (user,
 * read-only root, tmpfs, dropped capabilities, no-new-privileges, init, entrypoint); (3) a service
 * that never becomes healthy fails within the timeout with its logs in the bundle; (4) a service
 * that exits at start fails naming it and its exit code. After each case no container, network or
 * volume (anonymous ones included) of the run is left.
 *
 * Needs `eval "$(scripts/setup-host)"` (DIGESTLINE_REGISTRY, DIGESTLINE_BASE_IMAGE); fails without.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerEngine } from '@digestline/core/engine/engine';
import { Podman } from '@digestline/core/engine/podman';
import { CleanupError, errorMessage } from '@digestline/core/errors';
import { Exec } from '@digestline/core/exec';
import { parseImageSet } from '@digestline/core/inputs';
import { parseStack } from '../packages/core/test/support/stack.js';
import { buildStack } from '@digestline/core/stack/build/build';
import type { ComposeModel } from '@digestline/core/stack/compose/model';
import type { StackSpec } from '@digestline/core/stack/compose/types';
import { Stack, StackStartError } from '@digestline/core/stack/stack';
import { STACK_LABEL } from '@digestline/core/stack/labels';

const REGISTRY = process.env.DIGESTLINE_REGISTRY ?? '';
const BASE_IMAGE = process.env.DIGESTLINE_BASE_IMAGE ?? '';
const FIXTURES = fileURLToPath(new URL('./fixtures/stack/', import.meta.url));
const RUN = `dl-itg-${randomBytes(4).toString('hex')}`;
const REPO = 'digestline-itg/stack';

const exec = new Exec();
const engine: ContainerEngine = new Podman(exec);
const pushed: Array<{ tag: string; repo: string; digest: string; id: string }> = [];
let imageSetText = '';

function requireHostSetup(): void {
  const missing = ['DIGESTLINE_REGISTRY', 'DIGESTLINE_BASE_IMAGE'].filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(' and ')} not set: run \`eval "$(scripts/setup-host)"\` in this shell first ` +
        '(it starts the loopback registry and pushes the base image)',
    );
  }
}

/** Everything of `project` that is still there: containers, networks, labelled volumes, given volumes. */
async function leftovers(project: string, volumes: string[] = []): Promise<string[]> {
  const label = `${STACK_LABEL}=${project}`;
  const left = [
    ...(await engine.containerList({ label, all: true })).map((c) => `container ${c.name}`),
    ...(await engine.networkList({ label })).map((n) => `network ${n}`),
    ...(await engine.volumeList({ label })).map((v) => `volume ${v}`),
  ];
  const all = new Set(await engine.volumeList());
  for (const v of volumes) if (all.has(v)) left.push(`volume ${v}`);
  return left;
}

/** Names of the volumes mounted into a container (named and anonymous). */
async function mountedVolumes(container: string): Promise<string[]> {
  const r = await exec.exec('podman', ['container', 'inspect', '--format', '{{json .Mounts}}', container], {
    silent: true,
  });
  const mounts = JSON.parse(r.stdout) as Array<{ Type: string; Name?: string }>;
  return mounts.filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name as string);
}

/** The epoch ms a server fixture printed as `ready <seconds.micros>`. */
async function readyTimestamp(container: string): Promise<number> {
  const { stdout } = await engine.logs(container);
  const match = /^ready (\d+\.\d+)$/m.exec(stdout);
  if (!match) throw new Error(`${container} never printed "ready <time>"; stdout:\n${stdout}`);
  return Number(match[1]) * 1000;
}

/** Parses an inline stack with the run's image set (only the entries whose service the stack has). */
function stackOf(text: string, only?: string[]): StackSpec {
  const images = parseImageSet(imageSetText, 'images').filter((e) => !only || only.includes(e.name));
  return parseStack(text, 'inline.yaml', images);
}

/** Always tears the project down (fast) and asserts nothing is left, even when the case failed. */
async function finish(project: string, volumes: string[]): Promise<void> {
  try {
    const stack = await Stack.attach(project, engine).catch(() => undefined);
    await stack?.down({ volumes: 'all', stopTimeoutS: 0 });
  } finally {
    expect(await leftovers(project, volumes)).toEqual([]);
  }
}

beforeAll(async () => {
  requireHostSetup();
  for (const name of ['api', 'web']) {
    const tag = `${REGISTRY}/${REPO}-${name}:${RUN}`;
    const id = await engine.build({
      context: FIXTURES,
      file: join(FIXTURES, `Containerfile.${name}`),
      tags: [tag],
      buildArgs: { BASE_IMAGE },
      labels: { 'digestline.itg.run': RUN },
    });
    const digest = await engine.push(tag, { insecure: true });
    if (digest === undefined) throw new Error(`push of ${tag} reported no digest`);
    pushed.push({ tag, repo: `${REPO}-${name}`, digest, id });
  }
  imageSetText = pushed
    .map((p) => `${p.repo.replace(`${REPO}-`, '')}=${REGISTRY}/${p.repo}@${p.digest}`)
    .join('\n');
});

afterAll(async () => {
  const problems: string[] = [];
  for (const p of pushed) {
    try {
      // By id: after the push the image is also named repo@digest, so untagging would leave it.
      await engine.removeImage(p.id, { force: true });
      const res = await fetch(`http://${REGISTRY}/v2/${p.repo}/manifests/${p.digest}`, { method: 'DELETE' });
      if (res.status !== 202 && res.status !== 404)
        problems.push(`DELETE ${p.repo}@${p.digest}: ${res.status}`);
    } catch (err) {
      problems.push(`${p.tag}: ${errorMessage(err)}`);
    }
  }
  expect(problems).toEqual([]);
});

describe('Stack on podman', () => {
  it('brings up a stack in dependency order, serves it by name, runs the digests, tears it down', async () => {
    const project = `${RUN}-ok`;
    const volumes = [`${project}_data`];
    let anonymous: string[] = [];
    try {
      const text = await readFile(join(FIXTURES, 'stack.yaml'), 'utf8');
      const spec = stackOf(text);
      const t0 = Date.now();
      const stack = await Stack.up({
        project,
        engine,
        spec,
        readiness: { timeoutMs: 60_000 },
        probeImage: BASE_IMAGE,
        labels: { 'digestline.itg.run': RUN },
      });
      const upReturned = Date.now();

      // Readiness latency: from the moment each server listened (it prints the time) to up() seeing it.
      const latency: Record<string, { observedMs: number; mode: string }> = {};
      for (const service of ['api', 'web', 'echo']) {
        const actual = await readyTimestamp(`${project}-${service}`);
        const timing = stack.timings[service];
        expect(timing).toBeDefined();
        latency[service] = {
          observedMs: Math.round((timing?.readyAt ?? 0) - actual),
          mode: timing?.mode ?? '',
        };
        expect(timing!.readyAt).toBeGreaterThanOrEqual(actual - 5);
      }
      const lastReady = Math.max(
        ...(await Promise.all(['api', 'web', 'echo'].map((s) => readyTimestamp(`${project}-${s}`)))),
      );
      console.log(
        `stack readiness latency: up() returned ${Math.round(upReturned - lastReady)} ms after the last service listened ` +
          `(up total ${upReturned - t0} ms); per service ${JSON.stringify(latency)}`,
      );
      expect(upReturned - lastReady).toBeLessThan(3000);

      // Dependency order: migrate finished before api started, api was healthy before web started.
      expect(stack.timings.migrate?.readyAt).toBeLessThanOrEqual(stack.timings.api!.startedAt);
      expect(stack.timings.api?.readyAt).toBeLessThanOrEqual(stack.timings.web!.startedAt);
      expect(stack.timings.api?.mode).toBe('health');
      expect(stack.timings.web?.mode).toBe('published-port');
      expect(stack.timings.echo?.mode).toBe('network-probe');
      expect(stack.timings.migrate?.mode).toBe('completed');

      const status = await stack.inspect();
      const api = status.find((s) => s.service === 'api');
      expect(api).toMatchObject({ running: true, health: 'healthy', urls: { internal: 'http://api:8080' } });
      expect(api?.aliases).toEqual(expect.arrayContaining(['api', 'backend']));
      const web = status.find((s) => s.service === 'web');
      expect(web?.urls.published).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(web!.urls.published!);
      expect(await res.text()).toBe('hello from web\n');
      expect(status.find((s) => s.service === 'migrate')).toMatchObject({ running: false, exitCode: 0 });

      // Reach api by its service name and alias from a helper container on the stack's network.
      for (const host of ['api', 'backend']) {
        const r = await engine.runToCompletion({
          image: BASE_IMAGE,
          name: `${project}-helper`,
          network: stack.network,
          rm: true,
          labels: { [STACK_LABEL]: project },
          command: [
            'bash',
            '-c',
            'exec 3<>"/dev/tcp/$1/8080"; printf "GET / HTTP/1.0\\r\\n\\r\\n" >&3; cat <&3',
            'get',
            host,
          ],
        });
        expect(r.exitCode, r.stderr).toBe(0);
        expect(r.stdout).toContain('hello from api');
      }

      await stack.verifyDigests();

      const bundle = await mkdtemp(join(tmpdir(), 'dl-stack-bundle-'));
      try {
        const files = await stack.collectBundle(bundle, { redact: ['hello from web'] });
        const names = (await readdir(bundle)).sort();
        expect(names).toEqual(
          expect.arrayContaining([
            `${project}-api.inspect.json`,
            `${project}-api.stdout.log`,
            'network.json',
            'services.json',
          ]),
        );
        expect(files.length).toBe(names.length);
        const inspectText = await readFile(join(bundle, `${project}-api.inspect.json`), 'utf8');
        expect(inspectText).not.toContain('tok-not-for-bundles');
        expect(inspectText).toContain('API_TOKEN=***');
        expect(await readFile(join(bundle, `${project}-web.inspect.json`), 'utf8')).not.toContain(
          'hello from web',
        );
        const network = JSON.parse(await readFile(join(bundle, 'network.json'), 'utf8')) as {
          containers: Array<{ service?: string; aliases: string[]; ipAddress?: string }>;
        };
        const apiNet = network.containers.find((c) => c.service === 'api');
        expect(apiNet?.aliases).toContain('backend');
        expect(apiNet?.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      } finally {
        await rm(bundle, { recursive: true, force: true });
      }

      anonymous = (await mountedVolumes(`${project}-api`)).filter((v) => v !== `${project}_data`);
      expect(anonymous.length).toBe(1); // the image's VOLUME /scratch

      // A new process would find it by label: attach, then down (twice: idempotent).
      const attached = await Stack.attach(project, engine);
      expect(attached.serviceNames).toEqual(['migrate', 'api', 'web', 'echo']);
      expect((await attached.inspect()).map((s) => s.urls.internal)).toEqual(
        (await stack.inspect()).map((s) => s.urls.internal),
      );
      const t1 = Date.now();
      await attached.down({ volumes: 'anonymous' });
      console.log(`stack down (anonymous volumes) took ${Date.now() - t1} ms`);
      expect(await leftovers(project, anonymous)).toEqual([`volume ${project}_data`]);
      await attached.down({ volumes: 'all' });
      await stack.down({ volumes: 'all' });
      expect(await leftovers(project, [...volumes, ...anonymous])).toEqual([]);
    } finally {
      await finish(project, [...volumes, ...anonymous]);
    }
  });

  it('runs a compose service confined as its normalised model says (user, read_only, tmpfs, cap_drop, security_opt, init, entrypoint)', async () => {
    const project = `${RUN}-confined`;
    try {
      // What `docker compose config --format json` prints for such a service; web's image comes in by service name.
      const model: ComposeModel = {
        name: 'confined',
        services: {
          web: {
            build: { context: '/work/app/web', dockerfile: 'Dockerfile' },
            entrypoint: ['/bin/sh', '-c'],
            command: ['id -u > /tmp/uid && exec sleep 300'],
            user: '65534:65534',
            working_dir: '/tmp',
            read_only: true,
            tmpfs: ['/tmp'],
            cap_drop: ['ALL'],
            security_opt: ['no-new-privileges:true'],
            init: true,
            restart: 'unless-stopped',
            healthcheck: { test: ['CMD-SHELL', 'test -s /tmp/uid'], interval: '1s' },
            networks: { default: null },
          },
        },
        networks: { default: { name: 'confined_default', ipam: {} } },
      };
      const built = buildStack(
        { model, problems: [], lineOf: () => ({ file: 'compose.yaml' }) },
        {
          images: parseImageSet(imageSetText, 'images').filter((e) => e.name === 'web'),
          mode: 'validation',
          workspace: '/work/app',
        },
      );
      expect(built.problems.map((p) => `${p.severity} ${p.path}`)).toEqual(['warning services.web.restart']);
      const t0 = Date.now();
      await Stack.up({ project, engine, spec: built.spec!, readiness: { timeoutMs: 30_000 } });
      const container = `${project}-web`;
      const sh = async (script: string): Promise<{ exitCode: number; out: string }> => {
        const r = await exec.exec('podman', ['exec', container, 'sh', '-c', script], {
          silent: true,
          ignoreReturnCode: true,
        });
        return { exitCode: r.exitCode, out: `${r.stdout}${r.stderr}`.trim() };
      };
      expect((await sh('cat /tmp/uid; pwd')).out).toBe('65534\n/tmp');
      // Read-only root, and podman added no writable /var/tmp of its own (docker does not either).
      expect((await sh('touch /x')).exitCode).not.toBe(0);
      expect((await sh('touch /var/tmp/x')).exitCode).not.toBe(0);
      expect((await sh('touch /tmp/x')).exitCode).toBe(0);
      const status = (await sh('grep -E "^(CapEff|NoNewPrivs):" /proc/self/status')).out;
      expect(status).toMatch(/CapEff:\s+0000000000000000/);
      expect(status).toMatch(/NoNewPrivs:\s+1/);
      // An init process is PID 1; the entrypoint's shell became sleep under it.
      expect((await sh('tr "\\0" " " < /proc/1/cmdline')).out).toMatch(/catatonit|init/);
      const inspect = JSON.parse(
        (await exec.exec('podman', ['container', 'inspect', container], { silent: true })).stdout,
      ) as Array<{ HostConfig: { RestartPolicy: { Name: string } } }>;
      // Validation never restarts: restart was noted and left out.
      expect(inspect[0]?.HostConfig.RestartPolicy.Name ?? '').toMatch(/^(no)?$/);
      console.log(`confined compose service up and checked in ${Date.now() - t0} ms`);
    } finally {
      await finish(project, []);
    }
  });

  it('fails within the timeout when a service never becomes healthy, with its logs in the bundle', async () => {
    const project = `${RUN}-sick`;
    let anonymous: string[] = [];
    try {
      const spec = stackOf(`
services:
  api:
    image: \${API_IMAGE}
    environment: { DB_PASSWORD: hunter2-not-for-bundles }
    healthcheck:
      test: [CMD, perl, -e, 'print "still warming up\\n"; exit 1']
      interval: 1s
      retries: 2
  web:
    image: \${WEB_IMAGE}
    depends_on: { api: { condition: service_healthy } }
`);
      const t0 = Date.now();
      const err = await Stack.up({
        project,
        engine,
        spec,
        readiness: { timeoutMs: 4000 },
        probeImage: BASE_IMAGE,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      const elapsed = Date.now() - t0;
      expect(err).toBeInstanceOf(StackStartError);
      const startErr = err as StackStartError;
      console.log(`unhealthy stack failed after ${elapsed} ms: ${startErr.message}`);
      expect(startErr.message).toMatch(/not ready within 4s/);
      expect(startErr.message).toMatch(/api \(health: unhealthy/);
      expect(startErr.message).toMatch(/web \(waiting for api to be healthy\)/);
      expect(startErr.services.sort()).toEqual(['api', 'web']);
      expect(elapsed).toBeLessThan(4000 + 3000);

      anonymous = await mountedVolumes(`${project}-api`);
      const bundle = await mkdtemp(join(tmpdir(), 'dl-stack-bundle-'));
      try {
        await startErr.partialStack.collectBundle(bundle);
        expect(await readFile(join(bundle, `${project}-api.stdout.log`), 'utf8')).toMatch(/^ready \d+/m);
        const inspectText = await readFile(join(bundle, `${project}-api.inspect.json`), 'utf8');
        expect(inspectText).toContain('still warming up'); // the health log
        expect(inspectText).not.toContain('hunter2-not-for-bundles');
      } finally {
        await rm(bundle, { recursive: true, force: true });
      }
      await startErr.partialStack.down({ stopTimeoutS: 1 });
      expect(await leftovers(project, anonymous)).toEqual([]);
    } finally {
      await finish(project, anonymous);
    }
  });

  it('fails naming the service and its exit code when it exits at start', async () => {
    const project = `${RUN}-crash`;
    try {
      const spec = stackOf(`
services:
  api:
    image: \${API_IMAGE}
  web:
    image: \${WEB_IMAGE}
    command: [perl, -e, 'print "boom: no config\\n"; sleep 1; exit 3']
    depends_on: [api]
`);
      const t0 = Date.now();
      const err = await Stack.up({
        project,
        engine,
        spec,
        readiness: { timeoutMs: 30_000 },
        probeImage: BASE_IMAGE,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StackStartError);
      const message = errorMessage(err);
      console.log(`crashing stack failed after ${Date.now() - t0} ms: ${message}`);
      expect(message).toMatch(/service "web" exited with code 3 during start/);
      expect(message).toContain('boom: no config');
      expect((err as StackStartError).services).toEqual(['web']);
      expect(Date.now() - t0).toBeLessThan(15_000);
      await (err as StackStartError).partialStack.down({ stopTimeoutS: 1 });
      expect(await leftovers(project)).toEqual([]);
    } finally {
      await finish(project, []);
    }
  });

  it('down reports what it could not remove as a CleanupError, after trying everything', async () => {
    const project = `${RUN}-down`;
    try {
      const spec = stackOf(
        `
services:
  web:
    image: \${WEB_IMAGE}
`,
        ['web'],
      );
      const stack = await Stack.up({
        project,
        engine,
        spec,
        readiness: { timeoutMs: 30_000 },
        probeImage: BASE_IMAGE,
      });
      // A container from outside the stack keeps the network busy: removing it must fail, the rest not.
      const squatter = `${project}-squatter`;
      await engine.run({
        image: BASE_IMAGE,
        name: squatter,
        network: stack.network,
        command: ['sleep', '60'],
      });
      try {
        const err = await stack.down({ stopTimeoutS: 0 }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(CleanupError);
        expect(errorMessage(err)).toContain(`removing network ${stack.network}`);
        expect(await engine.containerList({ label: `${STACK_LABEL}=${project}`, all: true })).toEqual([]);
      } finally {
        await engine.remove(squatter, { force: true });
      }
      await stack.down();
      expect(await leftovers(project)).toEqual([]);
    } finally {
      await finish(project, []);
    }
  });
});
