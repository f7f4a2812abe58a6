/**
 * fast-check end to end: the BUNDLED action (`node actions/fast-check/dist/index.js`, inputs as
 * INPUT_* env, outputs read back from a GITHUB_OUTPUT file, as a runner does) running checks with
 * podman inside the ci-tools image, built here from images/ci-tools/Containerfile and pushed to the
 * loopback registry to get its digest.
 *
 * Build the bundle first: `node scripts/build-actions.mjs fast-check`.
 * Needs `eval "$(scripts/setup-host)"` (DIGESTLINE_REGISTRY, DIGESTLINE_BASE_IMAGE).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaneReport } from '@digestline/core/checks/report';
import { parseStatement } from '@digestline/core/evidence/statement';
import { RegistryClient } from '@digestline/core/registry/client';
import { buildAndPushImage, podman, requireRegistry, uniquePrefix } from './support/registry.js';
import { parseFileCommands } from './support/file-commands.js';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'actions/fast-check/dist/index.js');
const LANE_LABEL = 'org.digestline.fast-check.lane';

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  ms: number;
}

const prefix = uniquePrefix();
let registry = '';
let work = '';
let workspace = '';
let ciTools = '';
let runtimeImage = '';
const localTags: string[] = [];
const registryCleanup: Array<{ repository: string; digest: string }> = [];

async function runAction(
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<ActionRun> {
  const dir = await mkdtemp(join(work, 'run-'));
  const outputFile = join(dir, 'output');
  await writeFile(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: dir,
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const started = performance.now();
  const child = spawn(process.execPath, [BUNDLE], { env, cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((res) => child.on('close', (c) => res(c ?? -1)));
  const ms = performance.now() - started;
  return { code, stdout, stderr, outputs: parseFileCommands(await readFile(outputFile, 'utf8')), ms };
}

/** Starts the bundled action and sends it SIGTERM once `marker` appears in its stdout (a cancelled job). */
async function runAndCancel(inputs: Record<string, string>, marker: string): Promise<ActionRun> {
  const dir = await mkdtemp(join(work, 'cancel-'));
  const outputFile = join(dir, 'output');
  await writeFile(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: dir,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const started = performance.now();
  const child = spawn(process.execPath, [BUNDLE], { env, cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (!sent && stdout.includes(marker)) {
      sent = true;
      // Give the engine a moment to create the container, so the kill has something to stop.
      setTimeout(() => child.kill('SIGTERM'), 1_500);
    }
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((res) => child.on('close', (c) => res(c ?? -1)));
  return {
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(await readFile(outputFile, 'utf8')),
    ms: performance.now() - started,
  };
}

async function report(run: ActionRun): Promise<LaneReport> {
  expect(run.outputs.report, `no report output; stdout:\n${run.stdout}`).toBeTruthy();
  return JSON.parse(await readFile(run.outputs.report!, 'utf8')) as LaneReport;
}

/** The step's error annotation, decoded (`%0A` → newline), as a runner would show it. */
function errorOf(run: ActionRun): string {
  const line = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
  return line
    .slice('::error::'.length)
    .replaceAll('%0A', '\n')
    .replaceAll('%0D', '\r')
    .replaceAll('%25', '%');
}

/** Every check container on the host (any lane): what the file's cleanup removes. */
async function checkContainers(): Promise<string[]> {
  const out = await podman(['ps', '--all', '--filter', `label=${LANE_LABEL}`, '--format', '{{.Names}}']);
  return out.split('\n').filter((l) => l.trim() !== '');
}

/** The containers and volumes left of the lane `run` names in its log (`labelled <LANE_LABEL>=<id>`). */
async function laneLeft(run: ActionRun): Promise<string[]> {
  const id = new RegExp(`labelled ${LANE_LABEL.replaceAll('.', '\\.')}=([0-9a-f]+)`).exec(run.stdout)?.[1];
  expect(id, `the log names no lane:\n${run.stdout}`).toBeDefined();
  const filter = `label=${LANE_LABEL}=${id}`;
  const out = await podman(['ps', '--all', '--filter', filter, '--format', '{{.Names}}']);
  const volumes = await podman(['volume', 'ls', '--quiet', '--filter', filter]);
  return `${out}\n${volumes}`.split('\n').filter((l) => l.trim() !== '');
}

async function buildAndPush(context: string, file: string, repository: string): Promise<string> {
  localTags.push(`${registry}/${repository}:${prefix}`);
  return buildAndPushImage({ registry, repository, tag: prefix, context, file });
}

beforeAll(async () => {
  registry = requireRegistry();
  if (!existsSync(BUNDLE))
    throw new Error(`${BUNDLE} is missing: run node scripts/build-actions.mjs fast-check`);
  work = await mkdtemp(join(tmpdir(), `${prefix}-fast-check-`));
  workspace = join(work, 'workspace');
  await mkdir(join(workspace, 'svc'), { recursive: true });
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.name=itg', '-c', 'user.email=itg@example', ...args], { cwd: workspace });
  };
  git('init', '-q');
  await writeFile(join(workspace, 'svc', 'README'), 'checked\n');
  git('add', '.');
  git('commit', '-q', '-m', 'fixture');

  const ciDigest = await buildAndPush(
    join(ROOT, 'images/ci-tools'),
    join(ROOT, 'images/ci-tools/Containerfile'),
    'dl-itg/ci-tools',
  );
  ciTools = `${registry}/dl-itg/ci-tools@${ciDigest}`;

  const runtimeDir = join(work, 'runtime');
  await mkdir(runtimeDir);
  // The prefix label makes this run's digest its own, so deleting it cannot hit another run's image.
  await writeFile(
    join(runtimeDir, 'Containerfile'),
    `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nLABEL org.digestline.role=runtime org.digestline.itg=${prefix}\n`,
  );
  const runtimeDigest = await buildAndPush(
    runtimeDir,
    join(runtimeDir, 'Containerfile'),
    'dl-itg/fast-check-runtime',
  );
  runtimeImage = `${registry}/dl-itg/fast-check-runtime@${runtimeDigest}`;
  registryCleanup.push({ repository: 'dl-itg/fast-check-runtime', digest: runtimeDigest });
});

afterAll(async () => {
  const left = await checkContainers().catch(() => []);
  for (const name of left) await podman(['rm', '--force', '--time', '0', name]).catch(() => undefined);
  // Only our tags: the image layers stay shared with other builds of the same Containerfile.
  for (const tag of localTags) await podman(['untag', tag, tag]).catch(() => undefined);
  for (const ref of [runtimeImage].filter((r) => r !== '')) await podman(['rmi', ref]).catch(() => undefined);
  if (registry !== '') {
    const client = new RegistryClient({ registry });
    for (const { repository, digest } of registryCleanup) {
      await client.deleteManifest(repository, digest).catch(() => undefined);
    }
  }
  if (work !== '') await rm(work, { recursive: true, force: true });
});

describe('fast-check in the ci-tools image', () => {
  it('all checks pass: result passed, evidence bound to the commit, env passed by name', async () => {
    const run = await runAction(
      {
        checks: [
          'whoami: id -u && pwd',
          'node: node --version',
          'env: case "$DL_ITG_SECRET" in sword*fish) echo env ok ;; *) exit 1 ;; esac',
          'writes: echo made > made-by-check && cat made-by-check',
        ].join('\n'),
        image: ciTools,
        'working-directory': 'svc',
        env: 'DL_ITG_SECRET',
        engine: 'podman',
      },
      { DL_ITG_SECRET: 'swordfish' },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'passed', failed: '' });
    const r = await report(run);
    expect(r.checks.map((c) => [c.name, c.status])).toEqual([
      ['whoami', 'passed'],
      ['node', 'passed'],
      ['env', 'passed'],
      ['writes', 'passed'],
    ]);
    expect(r.image).toBe(ciTools);
    expect(r.checks[0]!.outputTail).toBe(`0\n${join(workspace, 'svc')}`);
    expect(r.checks[1]!.outputTail).toMatch(/^v20\.\d+\.\d+$/);
    expect(r.checks[2]!.outputTail).toBe('env ok');
    expect(await readFile(join(workspace, 'svc', 'made-by-check'), 'utf8')).toBe('made\n');
    // The secret's value never enters argv (it would show in `ps` and in the engine's events).
    expect(run.stdout).not.toContain('swordfish');

    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: workspace, encoding: 'utf8' }).trim();
    const tree = execFileSync('git', ['rev-parse', 'HEAD^{tree}'], {
      cwd: workspace,
      encoding: 'utf8',
    }).trim();
    const statement = parseStatement(JSON.parse(await readFile(run.outputs.evidence!, 'utf8')));
    expect(statement.subject.map((s) => s.digest)).toEqual([{ gitCommit: head }, { gitTree: tree }]);
    expect(statement.predicate).toMatchObject({ lane: 'source', verificationResult: 'PASSED' });
    expect(statement.predicate.verifier.version?.['ci-tools']).toBe(ciTools);
    expect(statement.predicate.checks.map((c) => c.result)).toEqual(['PASSED', 'PASSED', 'PASSED', 'PASSED']);
    // One log group per check, never interleaved.
    expect(run.stdout.match(/^::group::✓ /gm)).toHaveLength(4);
    expect(await laneLeft(run)).toEqual([]);
  });

  it('one check failing: failed, named with its output tail, the others still reported', async () => {
    const run = await runAction({
      checks: [
        'good: echo fine',
        'broken: for i in $(seq 1 50); do echo "lint error $i"; done; exit 4',
        'also-good: echo fine too',
      ].join('\n'),
      image: ciTools,
      engine: 'podman',
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ result: 'failed', failed: 'broken' });
    const error = errorOf(run);
    expect(error).toMatch(/^fast-check failed: 1 of 3 checks failed: broken\n/);
    expect(error).toContain('--- broken: failed (exit 4); last 30 lines of output ---');
    expect(error).toContain('lint error 21\n');
    expect(error).toContain('lint error 50');
    expect(error).not.toContain('lint error 20\n');
    const r = await report(run);
    expect(r.checks.map((c) => [c.name, c.status, c.exitCode])).toEqual([
      ['good', 'passed', 0],
      ['broken', 'failed', 4],
      ['also-good', 'passed', 0],
    ]);
    const statement = parseStatement(JSON.parse(await readFile(run.outputs.evidence!, 'utf8')));
    expect(statement.predicate.verificationResult).toBe('FAILED');
  });

  it('a check past its time limit is killed, reported as timed out, and no container is left', async () => {
    const run = await runAction({
      checks: 'quick: echo quick\nsleeper: echo going to sleep; sleep 300',
      image: ciTools,
      timeout: '5s',
      engine: 'podman',
    });
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.outputs).toMatchObject({ result: 'failed', failed: 'sleeper' });
    expect(errorOf(run)).toContain('--- sleeper: timed out after 5.0s');
    const r = await report(run);
    expect(r.checks.map((c) => [c.name, c.status])).toEqual([
      ['quick', 'passed'],
      ['sleeper', 'timed-out'],
    ]);
    expect(r.checks[1]!.outputTail).toContain('going to sleep');
    expect(r.checks[1]!.durationMs).toBeLessThan(30_000);
    expect(await laneLeft(run)).toEqual([]);
  });

  it('fail-fast stops the rest', async () => {
    const marker = join(workspace, 'svc', 'queued-ran');
    const run = await runAction({
      checks: ['fails: sleep 1; exit 1', 'long: sleep 300', `queued: touch ${marker}`].join('\n'),
      image: ciTools,
      concurrency: '2',
      'fail-fast': 'true',
      engine: 'podman',
    });
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.outputs).toMatchObject({ result: 'failed', failed: 'fails' });
    const r = await report(run);
    expect(r.checks.map((c) => [c.name, c.status])).toEqual([
      ['fails', 'failed'],
      ['long', 'cancelled'],
      ['queued', 'skipped'],
    ]);
    expect(existsSync(marker)).toBe(false);
    expect(await laneLeft(run)).toEqual([]);
  });

  it('a cancelled step (SIGTERM) stops its check containers and leaves none', async () => {
    const run = await runAndCancel(
      { checks: 'sleeper: sleep 300', image: ciTools, engine: 'podman' },
      'started sleeper',
    );
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.stdout).toContain('SIGTERM: stopping the running checks');
    expect(run.outputs.result).toBe('failed');
    const r = await report(run);
    expect(r.checks.map((c) => [c.name, c.status])).toEqual([['sleeper', 'cancelled']]);
    expect(await laneLeft(run)).toEqual([]);
  });

  it('refuses a runtime-role image before anything runs', async () => {
    const marker = join(workspace, 'svc', 'runtime-ran');
    const run = await runAction({ checks: `touch: touch ${marker}`, image: runtimeImage, engine: 'podman' });
    expect(run.code).toBe(1);
    expect(errorOf(run)).toMatch(
      /^fast-check failed: input "image": .* is labelled org.digestline.role=runtime/,
    );
    expect(run.stdout).not.toContain('started touch');
    expect(existsSync(marker)).toBe(false);
    expect(run.outputs).toEqual({});
  });

  it.each([
    [
      'a malformed checks line',
      { checks: 'lint npm run lint' },
      /^fast-check failed: input "checks" line 1 "lint npm run lint" must look like "name: command"/,
    ],
    [
      'a missing checks-file',
      { 'checks-file': 'ci/missing.yaml' },
      /^fast-check failed: input "checks-file": ci\/missing.yaml does not exist/,
    ],
    [
      'a tagged image',
      { checks: 'a: true', image: 'ci-tools:latest' },
      /^fast-check failed: input "image" must be pinned by digest/,
    ],
  ])('fails on %s, naming the input, before anything runs', async (_what, inputs, message) => {
    const run = await runAction({ ...inputs, engine: 'podman' });
    expect(run.code).toBe(1);
    expect(errorOf(run)).toMatch(message);
    expect(run.stdout).not.toContain('started ');
    expect(run.outputs).toEqual({});
  });
});
