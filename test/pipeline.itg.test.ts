/**
 * The composed pipeline, as a user runs it: `node scripts/pipeline.mjs` (what `npm run pipeline` runs
 * after bootstrap) as a child process, executing workflows/pipeline.yml with the local runner on the
 * real podman, the loopback registry and Playwright's chromium in the e2e-runner image.
 *
 * 1. Full run: every image's digest is the same from build through both lanes, promotion and the
 *    deployment; the staging app answers on loopback; no build started after validation began.
 * 2. Negative run: the same pipeline with a failing E2E suite (test/fixtures/pipeline/e2e-failing)
 *    stops before promotion; the staging tag, the deployment ledger and the running stack are
 *    exactly as the first run left them.
 * 3. Job containers (`--job-container`): every `docker`-labelled job runs in a Node 24 job container
 *    that reaches podman only through its Docker-compatible socket, with the workspace copied in;
 *    deploy-staging stays on this host. The same digests go through every column.
 *
 * Everything is namespaced by a unique `dl-itg-<hex>`: registry namespace, staging environment
 * (containers `<env>-backend`…), and a free loopback port for staging, so a user's own `staging`
 * is never touched. Builds reuse the warm podman layer cache. Needs `eval "$(scripts/setup-host)"`.
 */
import { execFile, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANE_LABEL } from '@digestline/core/checks/container';
import { Podman } from '@digestline/core/engine/podman';
import { Exec } from '@digestline/core/exec';
import { Stack } from '@digestline/core/stack/stack';
import { podman, requireRegistry, uniquePrefix } from './support/registry.js';

const ROOT = resolve(import.meta.dirname, '..');
const RUN = uniquePrefix();
const NAMESPACE = RUN;
const ENVIRONMENT = RUN;
const IMAGES = ['backend', 'frontend'];
const REPOSITORIES = [...IMAGES, 'ci-tools', 'e2e-runner', 'evidence'];
const STATE_DIR = join(ROOT, '.digestline', 'state', ENVIRONMENT);

interface LedgerImage {
  name: string;
  repository: string;
  built: string | null;
  integration: string | null;
  e2e: string | null;
  promoted: string | null;
  deployed: string | null;
}
interface Ledger {
  images: LedgerImage[];
  buildsAfterValidation: number;
  stagingUrl: string;
  ok: boolean;
  failedJobs: string[];
  skippedJobs: string[];
  wallTimeMs: number;
  criticalPath: Array<{ job: string; durationMs: number }>;
  buildSteps: number;
  jobs: Array<{ id: string; mode: 'host' | 'container'; node: string | null }>;
}

let registry = '';
let workDir = '';
/** The staging compose file and the files it names, inside the checkout (deploy-staging's workspace). */
const STAGING_DIR = join(ROOT, '.digestline', 'itg', RUN);
let stackFile = '';
let stagingUrl = '';
let first: Ledger | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs scripts/pipeline.mjs like a user; resolves with its exit code and output. */
/** The fast-check check containers (label {@link LANE_LABEL}) on the host engine. */
async function checkContainers(): Promise<string[]> {
  const out = await podman(['ps', '--all', '--filter', `label=${LANE_LABEL}`, '--format', '{{.Names}}']);
  return out.split('\n').filter((l) => l.trim() !== '');
}

/**
 * Runs the pipeline script; `checksLeft` names the fast-check containers that exist after it and did
 * not before (none may outlive their lane, whichever way its job ran).
 */
async function pipeline(args: string[]): Promise<{ code: number; output: string; checksLeft: string[] }> {
  const before = new Set(await checkContainers());
  const { code, output } = await new Promise<{ code: number; output: string }>((resolveRun, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/pipeline.mjs'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? -1, output }));
  });
  return { code, output, checksLeft: (await checkContainers()).filter((n) => !before.has(n)) };
}

function commonArgs(out: string): string[] {
  return [
    '--namespace',
    NAMESPACE,
    '--environment',
    ENVIRONMENT,
    '--staging-stack',
    stackFile,
    '--staging-url',
    stagingUrl,
    '--soak',
    '5s',
    '--out',
    join(workDir, out),
  ];
}

async function readLedger(out: string): Promise<Ledger> {
  return JSON.parse(await readFile(join(workDir, out, 'ledger.json'), 'utf8')) as Ledger;
}

async function registryFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`http://${registry}/v2/${path}`, {
    ...init,
    headers: {
      accept: [
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.docker.distribution.manifest.v2+json',
      ].join(', '),
    },
  });
}

async function tagDigest(image: string, tag: string): Promise<string | null> {
  const res = await registryFetch(`${NAMESPACE}/${image}/manifests/${tag}`, { method: 'HEAD' });
  return res.ok ? res.headers.get('docker-content-digest') : null;
}

/**
 * What runs in the staging environment: container name → id, state, image id and the registry
 * digests that image carries (podman's own `ImageDigest` is of its local copy, not the registry's).
 */
async function stagingContainers(): Promise<
  Record<string, { id: string; running: boolean; image: string; repoDigests: string[] }>
> {
  const out: Record<string, { id: string; running: boolean; image: string; repoDigests: string[] }> = {};
  for (const name of IMAGES) {
    const text = await podman([
      'inspect',
      '--format',
      '{{.Id}} {{.State.Running}} {{.Image}}',
      `${ENVIRONMENT}-${name}`,
    ]);
    const [id = '', running = '', image = ''] = text.trim().split(' ');
    const repoDigests = JSON.parse(
      await podman(['image', 'inspect', '--format', '{{json .RepoDigests}}', image]),
    ) as string[] | null;
    out[name] = { id, running: running === 'true', image, repoDigests: repoDigests ?? [] };
  }
  return out;
}

/** Every image's built digest is the one both lanes passed, promotion copied and staging runs, and the registry's staging tag serves it. */
async function expectOneDigestThroughout(ledger: Ledger): Promise<void> {
  for (const image of ledger.images) {
    expect(image.built, image.name).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(image.repository).toBe(`${registry}/${NAMESPACE}/${image.name}`);
    expect({ ...image }, image.name).toEqual({
      ...image,
      integration: image.built,
      e2e: image.built,
      promoted: image.built,
      deployed: image.built,
    });
    expect(await tagDigest(image.name, 'staging')).toBe(image.built);
  }
}

async function ledgerLines(): Promise<string[]> {
  const file = join(STATE_DIR, 'ledger.jsonl');
  return existsSync(file) ? (await readFile(file, 'utf8')).split('\n').filter((l) => l !== '') : [];
}

beforeAll(async () => {
  registry = requireRegistry();
  if (!process.env['DIGESTLINE_BASE_IMAGE']) {
    throw new Error('DIGESTLINE_BASE_IMAGE is not set: run `eval "$(scripts/setup-host)"` first');
  }
  await podman(['version', '--format', '{{.Client.Version}}']);
  workDir = await mkdtemp(join(tmpdir(), `${RUN}-`));
  // Staging stacks take no variables, so the test's own copy gets a free port.
  const port = await freePort();
  stagingUrl = `http://127.0.0.1:${port}`;
  // Inside the checkout: deploy-staging allows bind mounts of its workspace only.
  await mkdir(join(STAGING_DIR, 'config'), { recursive: true });
  stackFile = join(STAGING_DIR, 'compose.staging.yaml');
  const stack = await readFile(join(ROOT, 'examples/app/compose.staging.yaml'), 'utf8');
  if (!stack.includes("'127.0.0.1:18080:8080'"))
    throw new Error('examples/app/compose.staging.yaml no longer publishes 18080');
  await writeFile(stackFile, stack.replace("'127.0.0.1:18080:8080'", `'127.0.0.1:${port}:8080'`));
  // The files the stack file names beside it (env_file, the bind-mounted config file).
  await copyFile(join(ROOT, 'examples/app/frontend.env'), join(STAGING_DIR, 'frontend.env'));
  await copyFile(join(ROOT, 'examples/app/config/frontend.json'), join(STAGING_DIR, 'config/frontend.json'));
});

afterAll(async () => {
  const problems: string[] = [];
  const attempt = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      await fn();
    } catch (err) {
      problems.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  // The staging stack the pipeline left running (containers, network, volumes).
  await attempt('staging stack', async () => {
    let stack: Stack;
    try {
      stack = await Stack.attach(ENVIRONMENT, new Podman(new Exec()));
    } catch (err) {
      // Nothing was deployed (the full run failed early): nothing to stop.
      if (err instanceof Error && /no stack/.test(err.message)) return;
      throw err;
    }
    await stack.down({ volumes: 'all' });
  });
  await attempt('staging volumes', async () => {
    const volumes = (await podman(['volume', 'ls', '--format', '{{.Name}}'])).split('\n');
    for (const v of volumes.filter((name) => name.startsWith(`${ENVIRONMENT}_`)))
      await podman(['volume', 'rm', '-f', v]);
  });
  await attempt('state dir', () => rm(STATE_DIR, { recursive: true, force: true }));
  // The test's registry namespace: evidence manifests listed by fallback indexes, then every tag.
  await attempt('registry', async () => {
    for (const repo of REPOSITORIES) {
      const tags = await registryFetch(`${NAMESPACE}/${repo}/tags/list`);
      if (!tags.ok) continue;
      const list = ((await tags.json()) as { tags?: string[] | null }).tags ?? [];
      const digests = new Set<string>();
      for (const tag of list) {
        const res = await registryFetch(`${NAMESPACE}/${repo}/manifests/${tag}`);
        if (!res.ok) continue;
        const body = (await res.json()) as { manifests?: Array<{ digest: string }> };
        for (const m of body.manifests ?? []) digests.add(m.digest);
        const digest = res.headers.get('docker-content-digest');
        if (digest) digests.add(digest);
      }
      for (const digest of digests) {
        await registryFetch(`${NAMESPACE}/${repo}/manifests/${digest}`, { method: 'DELETE' });
      }
    }
  });
  // Local tags of the namespace; the layers stay in the cache for the next build.
  await attempt('local images', async () => {
    const refs = (await podman(['images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}']))
      .split('\n')
      .filter((l) => l.startsWith(`${registry}/${NAMESPACE}/`));
    for (const line of refs) {
      const [ref = ''] = line.split(' ');
      if (!ref.endsWith(':<none>')) await podman(['untag', ref]);
    }
  });
  await attempt('work dir', () => rm(workDir, { recursive: true, force: true }));
  await attempt('staging dir', () => rm(STAGING_DIR, { recursive: true, force: true }));
  if (problems.length > 0) throw new Error(`cleanup of ${RUN} failed:\n  ${problems.join('\n  ')}`);
});

describe('npm run pipeline (scripts/pipeline.mjs)', () => {
  it('ships the built digests unchanged from build to staging, with no build after validation', async () => {
    const { code, output, checksLeft } = await pipeline(commonArgs('full'));
    expect(code, output.slice(-6000)).toBe(0);
    expect(checksLeft).toEqual([]);
    const ledger = await readLedger('full');
    first = ledger;
    expect(ledger.ok).toBe(true);
    expect(ledger.images.map((i) => i.name)).toEqual(IMAGES);
    await expectOneDigestThroughout(ledger);
    const running = await stagingContainers();
    for (const image of ledger.images) {
      expect(running[image.name]?.running).toBe(true);
      expect(running[image.name]?.repoDigests).toContain(`${image.repository}@${image.built}`);
    }
    expect(ledger.buildsAfterValidation).toBe(0);
    expect(ledger.buildSteps).toBe(4);
    expect(ledger.criticalPath.at(-1)?.job).toBe('deploy-staging');
    expect(output).toMatch(/critical path: .*deploy-staging/);
    expect(output).toContain(join(workDir, 'full', 'ledger.json'));

    expect(ledger.stagingUrl).toBe(stagingUrl);
    const health = await fetch(`${stagingUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { backend: { reachable: boolean } }).backend.reachable).toBe(true);
    const api = await fetch(`${stagingUrl}/api/playlists`);
    expect(api.status).toBe(200);
    const page = await fetch(`${stagingUrl}/`);
    expect(await page.text()).toContain('<h1>Playlists</h1>');
  });

  it('leaves evidence the outside world can check: cosign verifies each staging digest with our public keys', async () => {
    if (!first) throw new Error('the full run did not complete');
    const cosign = process.env.DIGESTLINE_COSIGN;
    if (!cosign) throw new Error('DIGESTLINE_COSIGN is unset: run `eval "$(scripts/setup-host)"` first');
    const keys = join(ROOT, '.digestline', 'keys');
    const stranger = join(workDir, 'stranger-public.pem');
    await writeFile(
      stranger,
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }),
    );
    const verify = (key: string, ref: string) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
        execFile(
          cosign,
          [
            'verify-attestation',
            '--key',
            key,
            '--insecure-ignore-tlog',
            '--type',
            'https://slsa.dev/verification_summary/v1',
            '--allow-insecure-registry',
            '--allow-http-registry',
            ref,
          ],
          { maxBuffer: 16 * 1024 * 1024 },
          (err, stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
        );
      });
    const lanesOf = (stdout: string): string[] =>
      stdout
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => {
          const payload = (JSON.parse(l) as { payload: string }).payload;
          return (JSON.parse(Buffer.from(payload, 'base64').toString()) as { predicate: { lane: string } })
            .predicate.lane;
        })
        .sort();
    for (const image of first.images) {
      const ref = `${image.repository}@${image.built}`;
      const promotion = await verify(join(keys, 'promotion-public.pem'), ref);
      expect(promotion.code, promotion.stderr).toBe(0);
      expect(lanesOf(promotion.stdout)).toEqual(['promotion']);
      const lanes = await verify(join(keys, 'lanes-public.pem'), ref);
      expect(lanes.code, lanes.stderr).toBe(0);
      expect(lanesOf(lanes.stdout)).toEqual(['e2e', 'integration']);
      const wrong = await verify(stranger, ref);
      expect(wrong.code, `${image.name} verified with a stranger's key`).not.toBe(0);
    }
  });

  it('stops before promotion when an E2E test fails, leaving staging as it was', async () => {
    if (!first) throw new Error('the full run did not complete; the negative run compares against it');
    const tagsBefore = Object.fromEntries(
      await Promise.all(IMAGES.map(async (n) => [n, await tagDigest(n, 'staging')] as const)),
    );
    const runningBefore = await stagingContainers();
    const ledgerBefore = await ledgerLines();
    expect(ledgerBefore.length).toBeGreaterThan(0);

    const { code, output, checksLeft } = await pipeline([
      ...commonArgs('negative'),
      '--e2e-tests',
      'test/fixtures/pipeline/e2e-failing',
    ]);
    expect(code, output.slice(-6000)).toBe(1);
    expect(output).toMatch(/pipeline FAILED: job 'e2e' failure/);
    expect(checksLeft).toEqual([]);
    const ledger = await readLedger('negative');
    expect(ledger.ok).toBe(false);
    expect(ledger.failedJobs).toEqual(['e2e']);
    expect(ledger.skippedJobs).toEqual(expect.arrayContaining(['promote', 'deploy-staging']));
    for (const image of ledger.images) {
      expect(image.built).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(image.integration).toBe(image.built);
      expect(image.e2e).toBeNull();
      expect(image.promoted).toBeNull();
      expect(image.deployed).toBeNull();
    }
    expect(ledger.buildsAfterValidation).toBe(0);

    expect(
      Object.fromEntries(
        await Promise.all(IMAGES.map(async (n) => [n, await tagDigest(n, 'staging')] as const)),
      ),
    ).toEqual(tagsBefore);
    // The same containers run the same local images. The images' repoDigests may have grown: the
    // second run's builds of this commit hit the layer cache (same image id) and were pushed again,
    // and podman's push does not recompress byte for byte, so they got a digest of their own.
    const runningAfter = await stagingContainers();
    for (const name of IMAGES) {
      const { repoDigests: digestsBefore, ...before } = runningBefore[name]!;
      const { repoDigests: digestsAfter, ...after } = runningAfter[name]!;
      expect(after).toEqual(before);
      expect(digestsAfter).toEqual(expect.arrayContaining(digestsBefore));
    }
    expect(await ledgerLines()).toEqual(ledgerBefore);
    expect((await fetch(`${stagingUrl}/healthz`)).status).toBe(200);
  });

  it('runs every docker-labelled job in a Node 24 job container through the engine socket, same digests', async () => {
    const { code, output, checksLeft } = await pipeline([...commonArgs('job-container'), '--job-container']);
    expect(code, output.slice(-6000)).toBe(0);
    expect(checksLeft).toEqual([]);
    const ledger = await readLedger('job-container');
    expect(ledger.ok).toBe(true);
    const modes = Object.fromEntries(ledger.jobs.map((j) => [j.id, j]));
    expect(Object.keys(modes).sort()).toEqual(
      [
        'build-backend',
        'build-ci-tools',
        'build-e2e-runner',
        'build-frontend',
        'deploy-staging',
        'e2e',
        'fast-check',
        'integration',
        'promote',
      ].sort(),
    );
    for (const job of ledger.jobs) {
      if (job.id === 'deploy-staging') {
        expect(job.mode, job.id).toBe('host');
        expect(job.node).toBe(process.version);
      } else {
        expect(job.mode, job.id).toBe('container');
        expect(
          Number(/^v(\d+)\./.exec(job.node ?? '')?.[1]),
          `${job.id} ran on ${job.node}`,
        ).toBeGreaterThanOrEqual(24);
      }
    }
    await expectOneDigestThroughout(ledger);
    expect(ledger.buildsAfterValidation).toBe(0);
    expect(output).toMatch(/jobs: .*build-backend in a job container \(node v24\./);
    // Nothing of the run's job containers is left.
    expect(await podman(['ps', '-a', '--filter', 'name=digestline-job-', '--format', '{{.Names}}'])).toBe('');
    console.log(`pipeline in job containers: ${(ledger.wallTimeMs / 1000).toFixed(1)} s`);
  });
});
