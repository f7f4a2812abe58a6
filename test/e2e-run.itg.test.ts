/**
 * The bundled e2e-run action against real podman, the loopback registry and Debian's chromium inside
 * the e2e-runner image, run the way a runner runs it: `node actions/e2e-run/dist/index.js` with
 * INPUT_* and the file-command variables, then the same bundle again with STATE_* from the
 * GITHUB_STATE file as the post step.
 *
 * beforeAll builds the example app's backend and frontend and the runner image from their
 * Containerfiles (podman's layer cache makes repeat runs fast) and pushes them for digests. Cases:
 * the example's browser tests pass against the example stack (evidence stored for both digests, the
 * report zip arrives at a strict Forgejo-like artifact server); a failing suite fails the step and
 * leaves its trace, screenshot and video in the report directory; a Playwright version mismatch
 * fails before any container or network exists; attaching to a running stack leaves it running.
 * After every case nothing of its project is left.
 *
 * Needs `eval "$(DIGESTLINE_BROWSER=1 scripts/setup-host)"`; fails without.
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
import { parseImageSet } from '@digestline/core/inputs';
import type { E2eReport } from '@digestline/core/lanes/e2e';
import { RegistryClient } from '@digestline/core/registry/client';
import { parseStack } from '../packages/core/test/support/stack.js';
import { Stack } from '@digestline/core/stack/stack';
import { STACK_LABEL } from '@digestline/core/stack/labels';
import { readZip, startArtifactServer, type ArtifactServer } from './support/artifact-server.js';
import { buildAndPushImage } from './support/registry.js';
import { parseFileCommands } from './support/file-commands.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const BUNDLE = join(ROOT, 'actions/e2e-run/dist/index.js');
const REGISTRY = process.env.DIGESTLINE_REGISTRY ?? '';
const RUN = `dl-itg-${randomBytes(4).toString('hex')}`;
// Every project this file makes is `e2e-<RUN_ID>-<random>`, so leftovers are found by that prefix.
const RUN_ID = String(randomInt(100_000_000, 999_999_999));
const SHA = randomBytes(20).toString('hex');

const exec = new Exec();
const engine: ContainerEngine = new Podman(exec);
const images: Record<string, { tag: string; repo: string; digest: string; ref: string }> = {};
const evidenceToDelete: Array<{ repo: string; digest: string }> = [];
const measures: string[] = [];
let work = '';
let artifacts: ArtifactServer | undefined;
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

function requireHostSetup(): void {
  const missing = ['DIGESTLINE_REGISTRY', 'DIGESTLINE_BASE_IMAGE', 'DIGESTLINE_CHROMIUM'].filter(
    (name) => !process.env[name],
  );
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} not set: run \`eval "$(DIGESTLINE_BROWSER=1 scripts/setup-host)"\` in this shell first`,
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
  report?: E2eReport;
}

/** Runs main, then post with main's state, as a runner does (post-if: always()). */
async function runAction(
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ActionRun> {
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
    ...extraEnv,
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
  if (outputs.report) {
    result.report = JSON.parse(
      await readFile(join(outputs.report, 'digestline-e2e.json'), 'utf8'),
    ) as E2eReport;
  }
  return result;
}

/** Containers, networks and volumes of this file's projects (or of one project) still there. */
async function leftovers(project?: string): Promise<string[]> {
  const mine = (name: string): boolean =>
    project !== undefined ? name.includes(project) : name.includes(`e2e-${RUN_ID}-`);
  const containers = await engine.containerList({ all: true });
  const networks = await engine.networkList();
  const volumes = await engine.volumeList();
  return [
    ...containers.filter((c) => mine(c.name)).map((c) => `container ${c.name}`),
    ...networks.filter(mine).map((n) => `network ${n}`),
    ...volumes.filter(mine).map((v) => `volume ${v}`),
  ];
}

/** Relative paths of every file under `dir`. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

function imageSet(...names: string[]): string {
  return names.map((n) => `${n}=${images[n]!.ref}`).join('\n');
}

async function buildAndPush(name: string, context: string): Promise<void> {
  const repo = `dl-itg/${name}`;
  const t0 = Date.now();
  const digest = await buildAndPushImage({ registry: REGISTRY, repository: repo, tag: RUN, context });
  images[name] = { tag: `${REGISTRY}/${repo}:${RUN}`, repo, digest, ref: `${REGISTRY}/${repo}@${digest}` };
  measures.push(`${name}: build and push ${Date.now() - t0} ms`);
}

/** Sum of the layer sizes in the pushed manifest: what a runner downloads. */
async function pushedSize(repo: string, digest: string): Promise<{ layers: number; bytes: number }> {
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${digest}`, {
    headers: {
      accept:
        'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json',
    },
  });
  const manifest = (await res.json()) as { config: { size: number }; layers: Array<{ size: number }> };
  return {
    layers: manifest.layers.length,
    bytes: manifest.layers.reduce((sum, l) => sum + l.size, 0) + manifest.config.size,
  };
}

async function collectEvidence(name: string): Promise<Awaited<ReturnType<typeof findEvidence>>> {
  const image = images[name]!;
  const found = await findEvidence(
    new RegistryClient({ registry: REGISTRY, credentials: null }),
    image.repo,
    image.digest,
    { lane: 'e2e' },
  );
  for (const f of found) evidenceToDelete.push({ repo: image.repo, digest: f.descriptor.digest });
  return found.filter((f) => f.envelope && statementOf(f.envelope).predicate.commit.sha === SHA);
}

beforeAll(async () => {
  requireHostSetup();
  work = await mkdtemp(join(tmpdir(), `${RUN}-`));
  const built = await run(process.execPath, ['scripts/build-actions.mjs', 'e2e-run'], process.env);
  if (built.code !== 0) throw new Error(`building the action failed:\n${built.out}`);
  await buildAndPush('backend', join(ROOT, 'examples/app/backend'));
  await buildAndPush('frontend', join(ROOT, 'examples/app/frontend'));
  await buildAndPush('e2e-runner', join(ROOT, 'images/e2e-runner'));
  const size = await pushedSize(images['e2e-runner']!.repo, images['e2e-runner']!.digest);
  measures.push(
    `e2e-runner image as pushed: ${size.layers} layers, ${(size.bytes / 1024 / 1024).toFixed(1)} MiB compressed`,
  );
  artifacts = await startArtifactServer({ runId: Number(RUN_ID) });
});

afterAll(async () => {
  console.log(measures.map((m) => `[measure] ${m}`).join('\n'));
  const problems: string[] = [];
  await artifacts?.close().catch((e: unknown) => problems.push(errorMessage(e)));
  const containers = await engine.containerList({ label: STACK_LABEL, all: true });
  const projects = new Set(
    containers.map((c) => /^(e2e-\d+-[0-9a-z]+)-/.exec(c.name)?.[1]).filter((p) => p?.includes(RUN_ID)),
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
      // The digest reference the action ran is a second name of the same image: drop both.
      await engine.removeImage(image.ref, { force: true }).catch(() => undefined);
      await engine.removeImage(image.tag, { force: true });
    } catch (err) {
      problems.push(`${image.tag}: ${errorMessage(err)}`);
    }
  }
  if (work !== '') await rm(work, { recursive: true, force: true });
  expect(problems).toEqual([]);
  expect(await leftovers()).toEqual([]);
});

describe('e2e-run action (bundled, real podman, chromium in the runner image)', () => {
  it('passes the example app’s browser tests, stores signed evidence, uploads the report zip', async () => {
    const server = artifacts!;
    const r = await runAction(
      {
        stack: 'examples/app/compose.yaml',
        images: imageSet('backend', 'frontend'),
        'runner-image': images['e2e-runner']!.ref,
        tests: 'examples/app/e2e',
        'artifact-name': 'e2e-report-example',
        'signing-key': privatePem,
      },
      { ...server.runnerEnv(), GITHUB_RUN_ID: RUN_ID },
    );
    expect(r.main.code, r.main.out).toBe(0);
    expect(r.post.code, r.post.out).toBe(0);
    expect(r.outputs.result).toBe('passed');
    expect(r.main.out).toContain('3 passed');
    // `::add-mask::` lines are the mask command itself, which the runner consumes and never shows.
    const shown = r.main.out
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(shown).not.toContain(privatePem.split('\n')[1]);
    const report = r.report!;
    expect(report.playwright).toMatchObject({
      baseUrl: 'http://frontend:8080',
      version: '1.65.1',
      counts: { passed: 3, failed: 0, flaky: 0, skipped: 0 },
    });
    expect(report.digestsVerified).toBe(true);
    const project = r.state.project!;
    expect(project).toMatch(new RegExp(`^e2e-${RUN_ID}-[0-9a-f]{6}$`));
    expect(await leftovers(project)).toEqual([]);
    expect(r.post.out).toContain('nothing left to remove');

    const files = await filesUnder(r.outputs.report!);
    expect(files).toEqual(expect.arrayContaining(['html/index.html', 'results.json', 'digestline-e2e.json']));
    // screenshot: 'on' keeps one per test even when all pass.
    expect(files.filter((f) => f.startsWith('test-results/') && f.endsWith('.png')).length).toBe(3);

    const zip = server.artifacts.find((a) => a.name === 'e2e-report-example');
    expect(zip, JSON.stringify(server.requests.map((q) => [q.path, q.status, q.error]))).toBeDefined();
    const entries = readZip(zip!.zip).map((e) => e.name);
    expect(entries).toEqual(expect.arrayContaining(['html/index.html', 'results.json']));
    expect(report.artifact).toMatchObject({ name: 'e2e-report-example', uploaded: true });

    const envelope = JSON.parse(await readFile(r.outputs.evidence!, 'utf8'));
    expect(verifyEnvelope(envelope, publicPem)).toHaveLength(1);
    for (const name of ['backend', 'frontend']) {
      const mine = await collectEvidence(name);
      expect(mine).toHaveLength(1);
      const statement = statementOf(mine[0]!.envelope!);
      expect(statement.predicate).toMatchObject({ lane: 'e2e', verificationResult: 'PASSED' });
      expect(statement.predicate.tested).toEqual([
        { name: 'backend', digest: images.backend!.digest },
        { name: 'frontend', digest: images.frontend!.digest },
      ]);
      expect(statement.predicate.checks.map((c) => [c.name, c.result])).toEqual(
        expect.arrayContaining([['playwright: playlists.spec.ts', 'PASSED']]),
      );
    }
    measures.push(
      `example lane: ${report.durationMs} ms (stack up ${report.readiness?.upMs} ms, Playwright ${report.tests?.durationMs} ms); main ${r.main.ms} ms, post ${r.post.ms} ms; report zip ${zip!.zip.length} bytes`,
    );
  });

  it('fails on a failing test and keeps its trace, screenshot and video in the report directory', async () => {
    const r = await runAction({
      stack: 'examples/app/compose.yaml',
      images: imageSet('backend', 'frontend'),
      'runner-image': images['e2e-runner']!.ref,
      tests: 'test/fixtures/e2e/failing',
      'upload-artifacts': 'false',
    });
    expect(r.main.code).toBe(1);
    expect(r.outputs.result).toBe('failed');
    expect(r.main.out).toMatch(/e2e-run failed: E2E tests: 1 of 2 tests failed/);
    expect(r.main.out).toContain('This heading does not exist');
    const files = await filesUnder(r.outputs.report!);
    const failed = files.filter((f) => f.startsWith('test-results/') && f.includes('does-not-have'));
    expect(
      failed.some((f) => f.endsWith('trace.zip')),
      files.join('\n'),
    ).toBe(true);
    expect(
      failed.some((f) => f.endsWith('.png')),
      files.join('\n'),
    ).toBe(true);
    expect(
      failed.some((f) => f.endsWith('.webm')),
      files.join('\n'),
    ).toBe(true);
    // The passing test keeps nothing (retain-on-failure, screenshot only-on-failure).
    expect(files.filter((f) => f.includes('real-heading'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['html/index.html', 'stack-bundle/network.json']));
    expect(r.report!.playwright.counts).toMatchObject({ passed: 1, failed: 1 });
    expect(await leftovers(r.state.project)).toEqual([]);
    const mine = await collectEvidence('frontend');
    const failedEvidence = mine.filter(
      (f) => statementOf(f.envelope!).predicate.verificationResult === 'FAILED',
    );
    expect(failedEvidence).toHaveLength(1);
    expect(statementOf(failedEvidence[0]!.envelope!).predicate.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'playwright: failing.spec.mjs',
          result: 'FAILED',
          detail: 'expects a heading the app does not have',
        }),
      ]),
    );
  });

  it('refuses a Playwright version mismatch before any container or network exists', async () => {
    const containersBefore = (await engine.containerList({ all: true })).map((c) => c.name);
    const networksBefore = await engine.networkList();
    const r = await runAction({
      stack: 'examples/app/compose.yaml',
      images: imageSet('backend', 'frontend'),
      'runner-image': images['e2e-runner']!.ref,
      tests: 'test/fixtures/e2e/version-mismatch',
    });
    expect(r.main.code).toBe(1);
    expect(r.main.out).toMatch(
      /Playwright version mismatch: runner image \S+ has @playwright\/test 1\.65\.1 .* pins 1\.64\.0/,
    );
    expect(r.main.ms).toBeLessThan(15_000);
    expect(r.state.project).toBeUndefined();
    expect(r.outputs.result).toBeUndefined();
    expect(r.post.code).toBe(0);
    expect((await engine.containerList({ all: true })).map((c) => c.name)).toEqual(containersBefore);
    expect(await engine.networkList()).toEqual(networksBefore);
  });

  it('attaches to a running stack by network and leaves it running', async () => {
    const project = `e2e-${RUN_ID}-attach`;
    const spec = parseStack(
      await readFile(join(ROOT, 'examples/app/compose.yaml'), 'utf8'),
      'examples/app/compose.yaml',
      parseImageSet(imageSet('backend', 'frontend'), 'images'),
    );
    const stack = await Stack.up({ project, engine, spec });
    try {
      const r = await runAction({
        network: stack.network,
        'runner-image': images['e2e-runner']!.ref,
        tests: 'examples/app/e2e',
        'upload-artifacts': 'false',
      });
      expect(r.main.code, r.main.out).toBe(0);
      expect(r.post.code).toBe(0);
      expect(r.state.project).toBeUndefined();
      expect(r.report!.target).toBe('network');
      expect(r.report!.images.map((i) => i.digest).sort()).toEqual(
        [images.backend!.digest, images.frontend!.digest].sort(),
      );
      expect((await stack.inspect()).every((s) => s.running)).toBe(true);
      expect(await leftovers(`${project}-e2e`)).toEqual([]);
      await collectEvidence('backend');
      await collectEvidence('frontend');
    } finally {
      await stack.down({ volumes: 'all', stopTimeoutS: 0 });
    }
    expect(await leftovers(project)).toEqual([]);
  });
});
