/**
 * The bundled integration-test action against real podman and the loopback registry, run the way a
 * runner runs it: `node actions/integration-test/dist/index.js` with INPUT_* and the file-command
 * variables, then the same bundle again with STATE_* from the GITHUB_STATE file as the post step.
 *
 * The example app's backend and frontend and the ci-tools test image are built from their
 * Containerfiles (podman's layer cache makes repeat runs fast) and pushed to get digests. Cases:
 * happy path (evidence found in the registry, signed), a service that never becomes healthy, one that
 * exits at start, keep-on-failure, and three inputs refused before anything starts. After every run
 * nothing labelled with the run's project is left, nor the anonymous volume its backend had.
 *
 * Needs `eval "$(scripts/setup-host)"` (DIGESTLINE_REGISTRY, DIGESTLINE_BASE_IMAGE); fails without.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerEngine } from '@digestline/core/engine/engine';
import { Podman } from '@digestline/core/engine/podman';
import { errorMessage } from '@digestline/core/errors';
import { statementOf, verifyEnvelope } from '@digestline/core/evidence/dsse';
import { findEvidence } from '@digestline/core/evidence/find';
import { Exec } from '@digestline/core/exec';
import type { LaneReport } from '@digestline/core/lanes/report';
import { RegistryClient } from '@digestline/core/registry/client';
import { Stack } from '@digestline/core/stack/stack';
import { STACK_LABEL } from '@digestline/core/stack/labels';
import { buildAndPushImage } from './support/registry.js';
import { parseFileCommands } from './support/file-commands.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const BUNDLE = join(ROOT, 'actions/integration-test/dist/index.js');
const REGISTRY = process.env.DIGESTLINE_REGISTRY ?? '';
const RUN = `dl-itg-${randomBytes(4).toString('hex')}`;
// Every project of this file is `it-<RUN_ID>-<random>`, so leftovers are found by that prefix.
const RUN_ID = String(randomInt(100_000_000, 999_999_999));
const SHA = randomBytes(20).toString('hex');

const exec = new Exec();
const engine: ContainerEngine = new Podman(exec);
const images: Record<string, { tag: string; repo: string; digest: string; ref: string }> = {};
const evidenceToDelete: Array<{ repo: string; digest: string }> = [];
let work = '';
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

function requireHostSetup(): void {
  const missing = ['DIGESTLINE_REGISTRY', 'DIGESTLINE_BASE_IMAGE'].filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(' and ')} not set: run \`eval "$(scripts/setup-host)"\` in this shell first`,
    );
  }
}

function run(
  bin: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile(bin, args, { env, cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
      resolve({ code, out: `${stdout}${stderr}`, ms: Date.now() - t0 });
    });
  });
}

interface ActionRun {
  main: { code: number; out: string; ms: number };
  post: { code: number; out: string; ms: number };
  outputs: Record<string, string>;
  state: Record<string, string>;
  report?: LaneReport;
}

/** Runs main, then post with main's state, as a runner does (post-if: always()). */
async function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const dir = await mkdtemp(join(work, 'step-'));
  const files = {
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  };
  for (const f of Object.values(files)) await writeFile(f, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...files,
    RUNNER_TEMP: join(dir, 'tmp'),
    GITHUB_WORKSPACE: ROOT,
    GITHUB_SHA: SHA,
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_SERVER_URL: 'http://127.0.0.1:3000',
    GITHUB_REPOSITORY: 'org/app',
    FORGEJO_ACTIONS: 'true',
    GITHUB_RUN_NUMBER: '7',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const main = await run(process.execPath, [BUNDLE], env);
  const state = parseFileCommands(await readFile(files.GITHUB_STATE, 'utf8'));
  const postEnv: NodeJS.ProcessEnv = { ...env };
  for (const [name, value] of Object.entries(state)) postEnv[`STATE_${name}`] = value;
  await writeFile(files.GITHUB_STATE, '');
  const post = await run(process.execPath, [BUNDLE], postEnv);
  const outputs = parseFileCommands(await readFile(files.GITHUB_OUTPUT, 'utf8'));
  const result: ActionRun = { main, post, outputs, state };
  if (outputs.report) result.report = JSON.parse(await readFile(outputs.report, 'utf8')) as LaneReport;
  return result;
}

/** Everything labelled with a project of this file that is still there. */
async function leftovers(project?: string): Promise<string[]> {
  const mine = (name: string): boolean =>
    project !== undefined ? name.includes(project) : name.includes(`it-${RUN_ID}-`);
  const containers = await engine.containerList({ label: STACK_LABEL, all: true });
  const networks = await engine.networkList({ label: STACK_LABEL });
  const volumes = await engine.volumeList({ label: STACK_LABEL });
  return [
    ...containers.filter((c) => mine(c.name)).map((c) => `container ${c.name}`),
    ...networks.filter(mine).map((n) => `network ${n}`),
    ...volumes.filter(mine).map((v) => `volume ${v}`),
  ];
}

/** Names of the volumes a bundle's inspect JSON shows mounted (named and anonymous). */
async function bundleVolumes(bundle: string): Promise<string[]> {
  const names: string[] = [];
  for (const file of (await readdir(bundle)).filter((f) => f.endsWith('.inspect.json'))) {
    const parsed = JSON.parse(await readFile(join(bundle, file), 'utf8')) as Array<{
      Mounts?: Array<{ Type: string; Name?: string }>;
    }>;
    for (const m of parsed[0]?.Mounts ?? []) if (m.Type === 'volume' && m.Name) names.push(m.Name);
  }
  return names;
}

function imageSet(...names: string[]): string {
  return names.map((n) => `${n}=${images[n]!.ref}`).join('\n');
}

async function buildAndPush(name: string, context: string): Promise<void> {
  const repo = `dl-itg/${name}`;
  const digest = await buildAndPushImage({ registry: REGISTRY, repository: repo, tag: RUN, context });
  images[name] = { tag: `${REGISTRY}/${repo}:${RUN}`, repo, digest, ref: `${REGISTRY}/${repo}@${digest}` };
}

beforeAll(async () => {
  requireHostSetup();
  work = await mkdtemp(join(tmpdir(), `${RUN}-`));
  const built = await run(process.execPath, ['scripts/build-actions.mjs', 'integration-test'], process.env);
  if (built.code !== 0) throw new Error(`building the action failed:\n${built.out}`);
  await buildAndPush('backend', join(ROOT, 'examples/app/backend'));
  await buildAndPush('frontend', join(ROOT, 'examples/app/frontend'));
  await buildAndPush('ci-tools', join(ROOT, 'images/ci-tools'));
});

afterAll(async () => {
  const problems: string[] = [];
  // Whatever a failed case left (keep-on-failure, a bug): this file's projects only.
  const containers = await engine.containerList({ label: STACK_LABEL, all: true });
  const projects = new Set(
    containers.map((c) => /^(it-\d+-[0-9a-f]+)-/.exec(c.name)?.[1]).filter((p) => p?.includes(RUN_ID)),
  );
  for (const project of projects) {
    try {
      await (await Stack.attach(project as string, engine)).down({ volumes: 'all', stopTimeoutS: 0 });
    } catch (err) {
      problems.push(`${project}: ${errorMessage(err)}`);
    }
  }
  const del = async (repo: string, digest: string): Promise<void> => {
    const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${digest}`, { method: 'DELETE' });
    if (res.status !== 202 && res.status !== 404) problems.push(`DELETE ${repo}@${digest}: ${res.status}`);
  };
  for (const { repo, digest } of evidenceToDelete)
    await del(repo, digest).catch((e) => problems.push(errorMessage(e)));
  for (const image of Object.values(images)) {
    try {
      const index = await fetch(
        `http://${REGISTRY}/v2/${image.repo}/manifests/sha256-${image.digest.slice('sha256:'.length)}`,
        { method: 'HEAD', headers: { accept: 'application/vnd.oci.image.index.v1+json' } },
      );
      const indexDigest = index.headers.get('docker-content-digest');
      if (index.status === 200 && indexDigest !== null) await del(image.repo, indexDigest);
      await del(image.repo, image.digest);
      await engine.removeImage(image.tag, { force: true });
    } catch (err) {
      problems.push(`${image.tag}: ${errorMessage(err)}`);
    }
  }
  if (work !== '') await rm(work, { recursive: true, force: true });
  expect(problems).toEqual([]);
  expect(await leftovers()).toEqual([]);
});

describe('integration-test action (bundled, real podman)', () => {
  it('passes with the example app, stores signed evidence for both digests, leaves nothing behind', async () => {
    const r = await runAction({
      stack: 'examples/app/compose.yaml',
      images: imageSet('backend', 'frontend'),
      'test-image': images['ci-tools']!.ref,
      'test-command':
        'node -e "console.log(\'tests-started-at=\' + Date.now())" && node --test examples/app/tests/integration/',
      timeout: '90s',
      'signing-key': privatePem,
    });
    expect(r.main.code, r.main.out).toBe(0);
    expect(r.post.code, r.post.out).toBe(0);
    expect(r.outputs.result).toBe('passed');
    expect(r.outputs.bundle).toBe('');
    expect(r.main.out).toContain('# pass 8');
    // The runner hides ::add-mask:: lines; the key must appear nowhere else.
    const logged = r.main.out.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(logged.join('\n')).not.toContain(privatePem.split('\n')[1]);
    const report = r.report!;
    expect(report.digestsVerified).toBe(true);
    expect(report.tests).toMatchObject({ where: 'container', exitCode: 0 });
    expect(report.services.map((s) => [s.name, s.readiness, s.url])).toEqual([
      ['backend', 'health', 'http://backend:8080'],
      ['frontend', 'health', 'http://frontend:8080'],
    ]);
    const project = r.state.project!;
    expect(project).toMatch(new RegExp(`^it-${RUN_ID}-[0-9a-f]{6}$`));
    expect(await leftovers(project)).toEqual([]);
    expect(r.post.out).toContain('nothing left to remove');

    const envelope = JSON.parse(await readFile(r.outputs.evidence!, 'utf8'));
    expect(verifyEnvelope(envelope, publicPem)).toHaveLength(1);
    const client = new RegistryClient({ registry: REGISTRY, credentials: null });
    for (const name of ['backend', 'frontend']) {
      const image = images[name]!;
      const found = await findEvidence(client, image.repo, image.digest, { lane: 'integration' });
      const mine = found.filter((f) => f.envelope && statementOf(f.envelope).predicate.commit.sha === SHA);
      for (const f of found) evidenceToDelete.push({ repo: image.repo, digest: f.descriptor.digest });
      expect(mine).toHaveLength(1);
      const statement = statementOf(mine[0]!.envelope!);
      expect(statement.predicate.verificationResult).toBe('PASSED');
      expect(statement.predicate.tested).toEqual([
        { name: 'backend', digest: images.backend!.digest },
        { name: 'frontend', digest: images.frontend!.digest },
      ]);
      expect(verifyEnvelope(mine[0]!.envelope!, publicPem)).toHaveLength(1);
    }

    const started = Number(/tests-started-at=(\d+)/.exec(r.main.out)?.[1]);
    const readiness = report.readiness!;
    console.log(
      `[measure] readiness: up ${readiness.upMs} ms; last ready → test command spawned ${readiness.latencyMs} ms; ` +
        `→ first line of the test process in its container ${started - readiness.lastReadyAt} ms; ` +
        `services ready after ${report.services.map((s) => `${s.name} ${s.readyAfterMs} ms`).join(', ')}; ` +
        `tests ${report.tests!.durationMs} ms; lane (report) ${report.durationMs} ms; main ${r.main.ms} ms; post ${r.post.ms} ms`,
    );
  });

  it('fails a service that never becomes healthy within the timeout, with its logs in the bundle', async () => {
    const t0 = Date.now();
    const r = await runAction({
      stack: 'test/fixtures/stacks/never-healthy.yaml',
      images: imageSet('backend'),
      'test-image': images['ci-tools']!.ref,
      'test-command': 'exit 0',
      timeout: '5s',
    });
    expect(r.main.code).toBe(1);
    expect(r.main.out).toMatch(/not ready within 5s: backend \(health: unhealthy/);
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(r.outputs.result).toBe('failed');
    const bundle = r.outputs.bundle!;
    const project = r.state.project!;
    const files = await readdir(bundle);
    expect(files).toEqual(
      expect.arrayContaining([`${project}-backend.stdout.log`, 'network.json', 'services.json']),
    );
    expect(await readFile(join(bundle, `${project}-backend.stdout.log`), 'utf8')).toContain('listening on');
    const anonymous = await bundleVolumes(bundle);
    expect(anonymous).toHaveLength(1);
    expect(r.report!.tests).toBeNull();
    expect(await leftovers(project)).toEqual([]);
    expect(await engine.volumeList()).not.toContain(anonymous[0]);
    // Failed evidence is stored too: a later re-run's verdict must be able to override it.
    const found = await findEvidence(
      new RegistryClient({ registry: REGISTRY, credentials: null }),
      images.backend!.repo,
      images.backend!.digest,
      { lane: 'integration' },
    );
    for (const f of found) evidenceToDelete.push({ repo: images.backend!.repo, digest: f.descriptor.digest });
    expect(
      found.some(
        (f) => f.envelope !== undefined && statementOf(f.envelope).predicate.verificationResult === 'FAILED',
      ),
    ).toBe(true);
    console.log(`[measure] never-healthy (timeout 5s): main ${r.main.ms} ms, post ${r.post.ms} ms`);
  });

  it('fails a service that exits at start, naming it and its exit code', async () => {
    const r = await runAction({
      stack: 'test/fixtures/stacks/exits-at-start.yaml',
      images: imageSet('backend'),
      'test-image': images['ci-tools']!.ref,
      'test-command': 'exit 0',
      timeout: '60s',
    });
    expect(r.main.code).toBe(1);
    expect(r.main.out).toMatch(/service "backend" exited with code 1 during start/);
    expect(r.main.out).toContain('PORT must be a port number');
    expect(r.main.ms).toBeLessThan(30_000);
    const anonymous = await bundleVolumes(r.outputs.bundle!);
    expect(await leftovers(r.state.project)).toEqual([]);
    for (const v of anonymous) expect(await engine.volumeList()).not.toContain(v);
    const found = await findEvidence(
      new RegistryClient({ registry: REGISTRY, credentials: null }),
      images.backend!.repo,
      images.backend!.digest,
    );
    for (const f of found) evidenceToDelete.push({ repo: images.backend!.repo, digest: f.descriptor.digest });
  });

  it('keeps a failed stack with keep-on-failure (post too), for someone to look at', async () => {
    const r = await runAction({
      stack: 'test/fixtures/stacks/exits-at-start.yaml',
      images: imageSet('backend'),
      'test-image': images['ci-tools']!.ref,
      'test-command': 'exit 0',
      'keep-on-failure': 'true',
    });
    expect(r.main.code).toBe(1);
    expect(r.state.kept).toBe('true');
    expect(r.post.out).toContain('kept running (keep-on-failure)');
    const project = r.state.project!;
    expect(await leftovers(project)).toEqual([`container ${project}-backend`, `network dl-${project}-net`]);
    await (await Stack.attach(project, engine)).down({ volumes: 'all', stopTimeoutS: 0 });
    expect(await leftovers(project)).toEqual([]);
  });

  it.each([
    {
      what: 'a stack file with keys that would let it own the host',
      inputs: () => ({ stack: 'test/fixtures/stacks/refused-keys.yaml', images: imageSet('backend') }),
      message:
        /input "stack": test\/fixtures\/stacks\/refused-keys\.yaml has 2 problems:%0Atest\/fixtures\/stacks\/refused-keys\.yaml:5: services\.backend\.privileged: .*%0Atest\/fixtures\/stacks\/refused-keys\.yaml:6: services\.backend\.network_mode/,
    },
    {
      what: 'an images entry with a tag',
      inputs: () => ({
        stack: 'examples/app/compose.yaml',
        images: `backend=${REGISTRY}/dl-itg/backend:latest\nfrontend=${images.frontend!.ref}`,
      }),
      message: /input "images" entry 1 .*tags are refused/,
    },
    {
      what: 'an image name missing from the stack',
      inputs: () => ({
        stack: 'examples/app/compose.yaml',
        images: imageSet('backend', 'frontend', 'ci-tools'),
      }),
      message: /the images input has an entry "ci-tools" but the file has no service of that name/,
    },
  ])('refuses $what before anything starts', async ({ inputs, message }) => {
    const before = await leftovers();
    const r = await runAction({
      ...inputs(),
      'test-command': 'exit 0',
      'test-image': images['ci-tools']!.ref,
    });
    expect(r.main.code).toBe(1);
    expect(r.main.out).toMatch(message);
    expect(r.state.project).toBeUndefined();
    expect(r.post.code).toBe(0);
    expect(await leftovers()).toEqual(before);
  });
});
