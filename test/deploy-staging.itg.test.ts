/**
 * deploy-staging end to end: the BUNDLED action (`node actions/deploy-staging/dist/index.js`, inputs
 * as INPUT_* env, outputs read back from a GITHUB_OUTPUT file, as a runner does) deploying a tiny
 * versioned service (test/fixtures/deploy: perl HTTP server with a record store in a named volume)
 * to the real podman, with images in the real registry and promotion records written by the
 * evidence module exactly as promote-digest writes them.
 *
 * One environment goes through: v1 → v2 → v3 (health fails: automatic rollback to v2) → refused
 * inputs (unpromoted digest, tag) → a promotion record signed by another key, refused → a run
 * SIGKILLed during its soak, then recovered by the next → manual rollback → status. Promotion records
 * are signed as promote-digest signs them and deployments run with `promotion-public-key`; rollbacks
 * and status run without it (they do not read promotion records). Events go to a
 * loopback webhook; the metrics file is parsed.
 *
 * Needs `eval "$(scripts/setup-host)"` (DIGESTLINE_REGISTRY, DIGESTLINE_BASE_IMAGE) and the bundle
 * (`node scripts/build-actions.mjs deploy-staging`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Podman } from '@digestline/core/engine/podman';
import { errorMessage } from '@digestline/core/errors';
import { Exec } from '@digestline/core/exec';
import { envelopeOf, keyId, signEnvelope } from '@digestline/core/evidence/dsse';
import { promotionStatement } from '@digestline/core/evidence/statement';
import { storeEvidence } from '@digestline/core/evidence/store';
import { RegistryClient } from '@digestline/core/registry/client';
import { Stack } from '@digestline/core/stack/stack';
import { STACK_LABEL } from '@digestline/core/stack/labels';
import { parseLedger, type LedgerRecord } from '@digestline/core/deploy/ledger-record';
import type { DeployEvent } from '@digestline/core/deploy/events';
import { requireRegistry, uniquePrefix } from './support/registry.js';
import { parseFileCommands } from './support/file-commands.js';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'actions/deploy-staging/dist/index.js');
const FIXTURES = join(ROOT, 'test/fixtures/deploy');
const RUN = uniquePrefix();
/** The environment: the stack project, container and volume prefix. */
const ENV = RUN;
const REPO = 'digestline-itg/deploy';
const RUN_COMMIT = 'a'.repeat(40);
const COMMITS = { v1: '1'.repeat(40), v2: '2'.repeat(40), v3: '3'.repeat(40) } as const;

function keyPair(): { signing: string; public: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    signing: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    public: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}
/** The key pair of this "CI": promote-digest signs with `signing`, deploy-staging verifies with `public`. */
const KEYS = keyPair();
/** Someone else's key: a record signed with it is a forgery as far as deploy-staging is concerned. */
const OTHER_KEYS = keyPair();

const exec = new Exec();
const engine = new Podman(exec);
const built: Array<{ id: string; digest: string; tag: string }> = [];
const images: Record<string, string> = {};
let workDir = '';
let stateDir = '';
let stackFile = '';
let metricsFile = '';
let port = 0;
let healthCheck = '';
const events: DeployEvent[] = [];
let webhook: Server | undefined;
let webhookUrl = '';
const timings: Record<string, number> = {};

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  ms: number;
}

function requireHostSetup(): { registry: string; base: string } {
  const registry = requireRegistry();
  const base = process.env.DIGESTLINE_BASE_IMAGE;
  if (!base) throw new Error('DIGESTLINE_BASE_IMAGE is not set: run `eval "$(scripts/setup-host)"` first');
  if (!existsSync(BUNDLE)) {
    throw new Error(`${BUNDLE} is missing: run \`node scripts/build-actions.mjs deploy-staging\` first`);
  }
  return { registry, base };
}

/** Starts the bundled action like a runner: INPUT_* env, GITHUB_OUTPUT / GITHUB_STATE files. */
async function startAction(
  inputs: Record<string, string>,
): Promise<{ child: ChildProcess; done: Promise<ActionRun>; stdout: () => string }> {
  const dir = await mkdtemp(join(workDir, 'run-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  await writeFile(join(dir, 'state'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: join(dir, 'state'),
    RUNNER_TEMP: dir,
    GITHUB_SHA: RUN_COMMIT,
    GITHUB_SERVER_URL: 'http://127.0.0.1:3000',
    GITHUB_REPOSITORY: 'org/app',
    GITHUB_RUN_NUMBER: '7',
    FORGEJO_ACTIONS: 'true',
    INPUT_ENVIRONMENT: ENV,
    'INPUT_STATE-DIR': stateDir,
    'INPUT_METRICS-FILE': metricsFile,
    INPUT_ENGINE: 'podman',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const started = performance.now();
  const child = spawn(process.execPath, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<number>((r) => child.on('close', (c) => r(c ?? -1))).then(async (code) => ({
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    ms: Math.round(performance.now() - started),
  }));
  return { child, done, stdout: () => stdout };
}

async function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const run = await (await startAction(inputs)).done;
  if (process.env.DEBUG_DEPLOY_ITG) console.log(run.stdout, run.stderr);
  return run;
}

function deployInputs(
  version: keyof typeof images,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    stack: stackFile,
    images: `backend=${images[version]}`,
    'health-checks': healthCheck,
    soak: '3s',
    'events-webhook': webhookUrl,
    'promotion-public-key': KEYS.public,
    ...extra,
  };
}

/** A PASSED promotion record for `digest`, as promote-digest writes it (unsigned until signed). */
function promotionRecord(version: string, digest: string, registry: string) {
  return envelopeOf(
    promotionStatement({
      images: [{ name: 'backend', digest, repository: `${registry}/${REPO}` }],
      commit: COMMITS[version as keyof typeof COMMITS] ?? RUN_COMMIT,
      runUrl: `http://127.0.0.1:3000/org/app/actions/runs/${version}`,
      target: `${registry}/${REPO}:staging`,
      checks: [{ name: 'e2e evidence', result: 'PASSED', durationMs: 1 }],
      env: {},
    }),
  );
}

async function ledger(): Promise<{ text: string; records: LedgerRecord[] }> {
  const text = await readFile(join(stateDir, 'ledger.jsonl'), 'utf8').catch(() => '');
  return { text, records: parseLedger(text).records };
}

async function get(path: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(3000) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function containerState(): Promise<{ id: string; startedAt: string }> {
  const r = await exec.exec(
    'podman',
    ['container', 'inspect', '--format', '{{.Id}} {{.State.StartedAt}}', `${ENV}-backend`],
    {
      silent: true,
    },
  );
  const [id = '', ...rest] = r.stdout.trim().split(' ');
  return { id, startedAt: rest.join(' ') };
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createNetServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => done(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/**
 * A strict reader of the Prometheus text format (0.0.4): every line is a comment (`# HELP name
 * text`, `# TYPE name gauge|counter|…`) or a sample `name{label="value",…} number`, and every
 * sample's family was TYPEd before it.
 */
function parsePrometheus(
  text: string,
): Array<{ name: string; labels: Record<string, string>; value: number }> {
  expect(text.endsWith('\n')).toBe(true);
  const typed = new Set<string>();
  const samples: Array<{ name: string; labels: Record<string, string>; value: number }> = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      typed.add(type[1]!);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .+$/.test(line)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (m === null) throw new Error(`not a Prometheus text line: ${JSON.stringify(line)}`);
    const labels: Record<string, string> = {};
    const body = m[2] ?? '';
    const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/y;
    let i = 0;
    while (i < body.length) {
      re.lastIndex = i;
      const l = re.exec(body);
      if (l === null) throw new Error(`bad labels in ${JSON.stringify(line)}`);
      labels[l[1]!] = l[2]!.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
      i = re.lastIndex;
    }
    const value = Number(m[3]);
    if (Number.isNaN(value)) throw new Error(`bad value in ${JSON.stringify(line)}`);
    if (!typed.has(m[1]!)) throw new Error(`sample before its TYPE: ${line}`);
    samples.push({ name: m[1]!, labels, value });
  }
  return samples;
}

beforeAll(async () => {
  const { registry, base } = requireHostSetup();
  workDir = await mkdtemp(join(tmpdir(), `${RUN}-`));
  stateDir = join(workDir, 'state');
  metricsFile = join(workDir, 'metrics', 'deploy.prom');
  port = await freePort();
  healthCheck = `http://127.0.0.1:${port}/healthz 200 $.status=ok`;
  stackFile = join(workDir, 'stack.yaml');
  await writeFile(
    stackFile,
    (await readFile(join(FIXTURES, 'stack.yaml'), 'utf8')).replaceAll('__PORT__', String(port)),
  );

  webhook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      events.push(JSON.parse(body) as DeployEvent);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => webhook!.listen(0, '127.0.0.1', r));
  const address = webhook.address();
  webhookUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/events`;

  const client = new RegistryClient({ registry });
  const versions = [
    { v: 'v1', health: 'ok', promote: true },
    { v: 'v2', health: 'ok', promote: true },
    { v: 'v3', health: 'broken', promote: true },
    { v: 'v4', health: 'ok', promote: false },
  ];
  for (const { v, health, promote } of versions) {
    const tag = `${registry}/${REPO}:${RUN}-${v}`;
    const context = join(workDir, `image-${v}`);
    await mkdir(context);
    await copyFile(join(FIXTURES, 'server.pl'), join(context, 'server.pl'));
    await writeFile(join(context, 'app.env'), `APP_VERSION=${v}\nHEALTH=${health}\n`);
    const id = await engine.build({
      context,
      file: join(FIXTURES, 'Containerfile'),
      tags: [tag],
      buildArgs: { BASE_IMAGE: base },
      labels: { 'digestline.itg.run': RUN },
    });
    const digest = await engine.push(tag, { insecure: true });
    if (digest === undefined) throw new Error(`push of ${tag} reported no digest`);
    built.push({ id, digest, tag });
    expect(
      built.filter((b) => b.digest === digest),
      'every version must be its own image',
    ).toHaveLength(1);
    images[v] = `${registry}/${REPO}@${digest}`;
    if (!promote) continue;
    // What promote-digest attaches: a signed promotion statement for the digest, in the image's repository.
    await storeEvidence(
      client,
      REPO,
      digest,
      signEnvelope(promotionRecord(v, digest, registry), KEYS.signing),
      {
        settleMs: () => 20,
      },
    );
  }
});

afterAll(async () => {
  const problems: string[] = [];
  try {
    const stack = await Stack.attach(ENV, engine).catch(() => undefined);
    await stack?.down({ volumes: 'all', stopTimeoutS: 0 });
  } catch (err) {
    problems.push(`down: ${errorMessage(err)}`);
  }
  const label = `${STACK_LABEL}=${ENV}`;
  const left = [
    ...(await engine.containerList({ label, all: true })).map((c) => `container ${c.name}`),
    ...(await engine.networkList({ label })).map((n) => `network ${n}`),
    ...(await engine.volumeList()).filter((v) => v.startsWith(`${ENV}_`)).map((v) => `volume ${v}`),
  ];
  for (const b of built) {
    try {
      await engine.removeImage(b.id, { force: true });
      const registry = requireRegistry();
      const res = await fetch(`http://${registry}/v2/${REPO}/manifests/${b.digest}`, { method: 'DELETE' });
      if (res.status !== 202 && res.status !== 404) problems.push(`DELETE ${b.digest}: ${res.status}`);
    } catch (err) {
      problems.push(`${b.tag}: ${errorMessage(err)}`);
    }
  }
  await new Promise<void>((r) => (webhook ? webhook.close(() => r()) : r()));
  if (workDir !== '') await rm(workDir, { recursive: true, force: true });
  console.log(`deploy-staging timings (ms): ${JSON.stringify(timings)}`);
  expect(left).toEqual([]);
  expect(problems).toEqual([]);
});

describe('deploy-staging (bundled action, real podman and registry)', () => {
  it('deploys v1 into an empty environment: verifies, records, serves; data goes into the named volume', async () => {
    const run = await runAction(deployInputs('v1'));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'deployed', deployed: `backend=${images.v1}`, previous: '' });
    // Admitted by a record signed with the key given as promotion-public-key, so nothing to warn about.
    expect(run.stdout).not.toContain('UNSIGNED PROMOTION RECORDS ALLOWED');
    expect(run.stdout).toMatch(/promoted together by record sha256:[0-9a-f]{12}/);
    expect((await get('/healthz')).json).toEqual({ status: 'ok', version: 'v1' });
    const created = await fetch(`http://127.0.0.1:${port}/records?name=from-v1`, { method: 'POST' });
    expect(created.status).toBe(201);

    const { records } = await ledger();
    expect(records.map((r) => r.status)).toEqual(['started', 'verified']);
    expect(records[1]).toMatchObject({
      id: run.outputs['deployment-id'],
      environment: ENV,
      kind: 'deploy',
      commit: COMMITS.v1,
      runUrl: 'http://127.0.0.1:3000/org/app/actions/runs/7',
      digests: { backend: images.v1 },
    });
    expect(records[1]!.promotion).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(records[1]!.durations.soakMs).toBeGreaterThanOrEqual(3000);
    timings.firstDeployWallMs = run.ms;
    timings.firstDeployMs = records[1]!.durations.deployMs!;
    expect(await engine.volumeList()).toContain(`${ENV}_data`);
  });

  it('deploys v2 over v1 (recreate); the record written on v1 is still there', async () => {
    const run = await runAction(deployInputs('v2'));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({
      status: 'deployed',
      deployed: `backend=${images.v2}`,
      previous: `backend=${images.v1}`,
    });
    expect((await get('/healthz')).json).toEqual({ status: 'ok', version: 'v2' });
    expect((await get('/records')).json).toEqual({ version: 'v2', records: ['from-v1'] });
    const { records } = await ledger();
    const final = records.at(-1)!;
    expect(final).toMatchObject({ status: 'verified', commit: COMMITS.v2, previous: records[1]!.id });
    timings.redeployMs = final.durations.deployMs!;
    timings.redeployWallMs = run.ms;
    expect(run.summary).toContain('Before');
  });

  it('deploys v3 whose health check fails and rolls back to v2 automatically', async () => {
    const before = events.length;
    const run = await runAction(deployInputs('v3'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/deploy \S+ failed: health check failed in soak round 1: .*status 503/);
    expect(run.outputs).toMatchObject({
      status: 'rolled-back',
      deployed: `backend=${images.v2}`,
      previous: `backend=${images.v2}`,
    });
    expect((await get('/healthz')).json).toEqual({ status: 'ok', version: 'v2' });
    expect((await get('/records')).json).toEqual({ version: 'v2', records: ['from-v1'] });

    const { records } = await ledger();
    expect(records.map((r) => `${r.kind}:${r.status}`)).toEqual([
      'deploy:started',
      'deploy:verified',
      'deploy:started',
      'deploy:verified',
      'deploy:started',
      'deploy:failed',
      'rollback:started',
      'rollback:rolled-back',
    ]);
    const failed = records[5]!;
    const rolledBack = records[7]!;
    expect(failed).toMatchObject({ id: run.outputs['deployment-id'], digests: { backend: images.v3 } });
    expect(failed.reason).toContain('503');
    expect(rolledBack).toMatchObject({
      rollbackOf: failed.id,
      restores: records[3]!.id,
      digests: { backend: images.v2 },
      commit: COMMITS.v2,
      // The rollback redeploys what v2's promotion record admitted, and says so.
      promotion: records[3]!.promotion,
    });
    expect(failed.promotion).not.toBe(records[3]!.promotion);
    timings.rollbackDeployMs = rolledBack.durations.deployMs!;
    timings.rollbackSoakMs = rolledBack.durations.soakMs!;
    timings.failedToRolledBackMs = Date.parse(rolledBack.time) - Date.parse(failed.time);
    timings.failedRunWallMs = run.ms;

    // Events: one JSON line each in the log, and POSTed to the webhook in order.
    const posted = events.slice(before);
    expect(posted.map((e) => `${e.kind}:${e.event}`)).toEqual([
      'deploy:started',
      'deploy:unhealthy',
      'deploy:failed',
      'rollback:started',
      'rollback:healthy',
      'rollback:rolled-back',
    ]);
    expect(posted[2]).toMatchObject({
      deploymentId: failed.id,
      environment: ENV,
      digests: { backend: images.v3 },
    });
    const logged = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('{"schema":"digestline.deploy.event/v1"'))
      .map((l) => JSON.parse(l) as DeployEvent);
    expect(logged).toEqual(posted);

    // Metrics: valid Prometheus text describing the rollback.
    const samples = parsePrometheus(await readFile(metricsFile, 'utf8'));
    const value = (name: string, labels: Record<string, string>): number | undefined =>
      samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        ?.value;
    expect(value('digestline_deploy_result', { result: 'rolled-back', environment: ENV })).toBe(1);
    expect(value('digestline_deploy_result', { result: 'deployed' })).toBe(0);
    expect(value('digestline_deploy_info', { service: 'backend', digest: images.v2!.split('@')[1]! })).toBe(
      1,
    );
    expect(value('digestline_deploy_duration_seconds', { phase: 'deploy' })).toBeGreaterThan(0);
    expect(value('digestline_deploy_last_success_timestamp_seconds', {})).toBe(
      Math.floor(Date.parse(rolledBack.time) / 1000),
    );
    expect(value('digestline_deployments_total', { status: 'failed' })).toBe(1);
  });

  it('refuses an unpromoted digest and a tag before anything changes', async () => {
    const ledgerBefore = (await ledger()).text;
    const containerBefore = await containerState();
    // Without promotion-public-key and allow-unsigned, nothing starts.
    const keyless = await runAction(deployInputs('v4', { 'promotion-public-key': '' }));
    expect(keyless.code).toBe(1);
    expect(keyless.stdout).toMatch(
      /::error::.*input "promotion-public-key" is required: .*"allow-unsigned: true"/,
    );
    // With allow-unsigned the gate still wants a record (any record), and says it does not verify them.
    const unpromoted = await runAction(
      deployInputs('v4', { 'promotion-public-key': '', 'allow-unsigned': 'true' }),
    );
    expect(unpromoted.code).toBe(1);
    expect(unpromoted.stdout).toContain('not promoted (nothing was changed)');
    expect(unpromoted.stdout).toContain(`backend=${images.v4}: no promotion record`);
    expect(unpromoted.stdout).toMatch(
      /::warning::UNSIGNED PROMOTION RECORDS ALLOWED \(allow-unsigned\): promotion records are not verified by signature/,
    );

    const tagged = await runAction({
      ...deployInputs('v2'),
      images: `backend=${requireRegistry()}/${REPO}:${RUN}-v2`,
    });
    expect(tagged.code).toBe(1);
    expect(tagged.stdout).toMatch(/input "images" entry 1 .*tags are refused where a digest is required/);

    expect((await ledger()).text).toBe(ledgerBefore);
    expect(await containerState()).toEqual(containerBefore);
    expect((await get('/healthz')).json).toEqual({ status: 'ok', version: 'v2' });
  });

  it('refuses a promotion record signed by another key before anything changes', async () => {
    const registry = requireRegistry();
    const digest = images.v4!.split('@')[1]!;
    // A forger with push access and their own key: a well-formed PASSED record for v4.
    await storeEvidence(
      new RegistryClient({ registry }),
      REPO,
      digest,
      signEnvelope(promotionRecord('v4', digest, registry), OTHER_KEYS.signing),
      { settleMs: () => 20 },
    );
    const ledgerBefore = await readFile(join(stateDir, 'ledger.jsonl'));
    const containerBefore = await containerState();

    const ours = keyId(KEYS.public).slice(0, 12);
    const forged = await runAction(deployInputs('v4'));
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain('not promoted (nothing was changed)');
    expect(forged.stdout).toMatch(
      new RegExp(
        `backend=${images.v4!.replace(/[.]/g, '\\.')}: no passing promotion record signed by the promotion key ${ours}… \\(record sha256:[0-9a-f]{12}… is not signed by the promotion key ${ours}…\\)`,
      ),
    );
    expect(forged.stdout).not.toContain('UNSIGNED PROMOTION RECORDS ALLOWED');
    expect(forged.outputs).toEqual({});

    expect(await readFile(join(stateDir, 'ledger.jsonl'))).toEqual(ledgerBefore);
    expect(await containerState()).toEqual(containerBefore);
    expect((await get('/healthz')).json).toEqual({ status: 'ok', version: 'v2' });
  });

  it('recovers after a run is SIGKILLed during its soak; the ledger stays intact', async () => {
    const started = await startAction(deployInputs('v1', { soak: '60s' }));
    const deadline = Date.now() + 120_000;
    while (!/soaking 60s/.test(started.stdout())) {
      if (Date.now() > deadline || started.child.exitCode !== null) {
        throw new Error(`the run never reached its soak:\n${started.stdout()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    started.child.kill('SIGKILL');
    const killed = await started.done;
    expect(killed.code).toBe(-1);
    const afterKill = await ledger();
    const orphan = afterKill.records.at(-1)!;
    expect(orphan).toMatchObject({ status: 'started', digests: { backend: images.v1 } });
    expect(existsSync(join(stateDir, 'ledger.lock'))).toBe(true);
    // Also a write cut short by a crash: a torn last line.
    const fragment = '{"id":"torn-by-test","time":"2026-';
    await appendFile(join(stateDir, 'ledger.jsonl'), fragment);

    const next = await runAction(deployInputs('v1'));
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(next.stdout).toContain(`deployment ${orphan.id} was interrupted`);
    expect(next.stdout).toContain('took over a stale lock');
    expect(next.stdout).toContain('torn line');
    expect(next.outputs).toMatchObject({ status: 'deployed', previous: `backend=${images.v2}` });
    expect((await get('/healthz')).json).toEqual({ status: 'ok', version: 'v1' });
    expect((await get('/records')).json).toEqual({ version: 'v1', records: ['from-v1'] });

    const after = await ledger();
    // Every line written before is still there, byte for byte, then the fragment's newline.
    expect(after.text.startsWith(afterKill.text + fragment + '\n')).toBe(true);
    const parsed = parseLedger(after.text);
    expect(parsed.unreadable.map((u) => u.text)).toEqual([fragment]);
    expect(parsed.tornTail).toBeUndefined();
    expect(
      parsed.records
        .slice(afterKill.records.length)
        .map((r) => `${r.id === orphan.id ? 'orphan' : 'next'}:${r.status}`),
    ).toEqual(['orphan:interrupted', 'next:started', 'next:verified']);
    const aside = (await readFile(join(stateDir, 'ledger.torn.jsonl'), 'utf8')).trim().split('\n');
    expect(JSON.parse(aside.at(-1)!)).toMatchObject({ fragment });
    expect(existsSync(join(stateDir, 'ledger.lock'))).toBe(false);
  });

  it('rolls back by hand to the previous verified deployment; a dead webhook is only a warning', async () => {
    const run = await runAction({
      mode: 'rollback',
      soak: '2s',
      'events-webhook': 'http://127.0.0.1:9/events',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('events-webhook: could not deliver the started event');
    expect(run.outputs).toMatchObject({
      status: 'rolled-back',
      deployed: `backend=${images.v2}`,
      previous: `backend=${images.v1}`,
    });
    expect((await get('/healthz')).json).toEqual({ status: 'ok', version: 'v2' });
    expect((await get('/records')).json).toEqual({ version: 'v2', records: ['from-v1'] });
    const final = (await ledger()).records.at(-1)!;
    expect(final).toMatchObject({ kind: 'rollback', status: 'rolled-back', commit: COMMITS.v2 });
    // Not re-checked (no promotion-public-key given), but the ledger keeps the record that admitted v2.
    const v2 = (await ledger()).records.find((r) => r.id === final.restores)!;
    expect(final.promotion).toBe(v2.promotion);
    expect(final.promotion).toMatch(/^sha256:/);
    timings.manualRollbackMs = final.durations.deployMs! + final.durations.soakMs!;
    timings.manualRollbackWallMs = run.ms;
  });

  it('reports status: what is deployed, since when, from which commit', async () => {
    const { records } = await ledger();
    const current = records.at(-1)!;
    const run = await runAction({ mode: 'status' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({
      status: 'rolled-back',
      'deployment-id': current.id,
      deployed: `backend=${images.v2}`,
    });
    expect(run.stdout).toContain(
      `deployment ${current.id} (rollback, rolled-back) live since ${current.time}`,
    );
    expect(run.stdout).toContain(`commit ${COMMITS.v2}`);
    expect(run.stdout).toContain('state consistent');
    expect(run.summary).toContain(`${ENV}-backend`);
  });
});
