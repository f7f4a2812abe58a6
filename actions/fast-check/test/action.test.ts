/**
 * The fast-check action's own layer: action.yml and constants.ts agree, and every bad input fails
 * naming it before anything runs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { Inputs, Outputs } from '../src/constants.js';
import { getInputs } from '../src/context.js';
import { InputError } from '@digestline/core/errors';

const actionDir = fileURLToPath(new URL('../', import.meta.url));
const ws = mkdtempSync(join(tmpdir(), 'dl-fast-check-action-'));
mkdirSync(join(ws, 'app'));
writeFileSync(join(ws, 'checks.yaml'), '- name: lint\n  run: npm run lint\n  timeout: 2m\n');
afterAll(() => rmSync(ws, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const DIGEST_REF = `127.0.0.1:5000/dl/ci-tools@sha256:${'a'.repeat(64)}`;

function setInputs(inputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(inputs)) vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
}

describe('action.yml and constants.ts', () => {
  const meta = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, unknown>;
  };
  it('name the same inputs and outputs', () => {
    expect(Object.values(Inputs).sort()).toEqual(Object.keys(meta.inputs).sort());
    expect(Object.values(Outputs).sort()).toEqual(Object.keys(meta.outputs).sort());
  });
  it('documents the defaults the code uses', () => {
    expect(meta.inputs[Inputs.Timeout]?.default).toBe('10m');
    expect(meta.inputs[Inputs.FailFast]?.default).toBe('false');
    expect(meta.inputs[Inputs.Engine]?.default).toBe('auto');
  });
});

describe('getInputs', () => {
  it('reads checks with defaults', async () => {
    setInputs({ checks: 'lint: npm run lint\ntest: npm test' });
    const inputs = await getInputs({ GITHUB_WORKSPACE: ws });
    expect(inputs).toMatchObject({
      concurrency: availableParallelism(),
      failFast: false,
      envNames: [],
      engine: 'auto',
      insecure: false,
    });
    expect(inputs.image).toBeUndefined();
    expect(inputs.plan.checks).toEqual([
      { name: 'lint', run: 'npm run lint', cwd: ws, timeoutMs: 600_000 },
      { name: 'test', run: 'npm test', cwd: ws, timeoutMs: 600_000 },
    ]);
  });

  it('reads a checks file relative to the workspace, and the rest', async () => {
    setInputs({
      'checks-file': 'checks.yaml',
      image: DIGEST_REF,
      'working-directory': 'app',
      concurrency: '3',
      'fail-fast': 'true',
      timeout: '90s',
      env: 'NPM_TOKEN, NODE_OPTIONS',
      engine: 'podman',
    });
    const inputs = await getInputs({ GITHUB_WORKSPACE: ws });
    expect(inputs).toMatchObject({
      image: DIGEST_REF,
      insecure: true,
      concurrency: 3,
      failFast: true,
      envNames: ['NPM_TOKEN', 'NODE_OPTIONS'],
      engine: 'podman',
    });
    expect(inputs.plan.checks).toEqual([
      { name: 'lint', run: 'npm run lint', cwd: join(ws, 'app'), timeoutMs: 120_000 },
    ]);
  });

  it.each([
    [
      'a malformed checks line',
      { checks: 'lint npm run lint' },
      'checks',
      /line 1 "lint npm run lint" must look like/,
    ],
    ['a missing checks file', { 'checks-file': 'nope.yaml' }, 'checks-file', /nope.yaml does not exist/],
    [
      'both checks and checks-file',
      { checks: 'a: true', 'checks-file': 'checks.yaml' },
      'checks',
      /both set/,
    ],
    ['neither checks nor checks-file', {}, 'checks', /is required/],
    ['a timeout without unit', { checks: 'a: true', timeout: '10' }, 'timeout', /add a unit/],
    ['a zero timeout', { checks: 'a: true', timeout: '0' }, 'timeout', /more than 0/],
    [
      'a tagged image',
      { checks: 'a: true', image: '127.0.0.1:5000/ci-tools:1' },
      'image',
      /pinned by digest/,
    ],
    ['a concurrency of 0', { checks: 'a: true', concurrency: '0' }, 'concurrency', /at least 1/],
    ['fail-fast yes', { checks: 'a: true', 'fail-fast': 'yes' }, 'fail-fast', /true or false/],
    ['an env value', { checks: 'a: true', env: 'A=b' }, 'env', /names only/],
    ['an unknown engine', { checks: 'a: true', engine: 'lxc' }, 'engine', /one of auto, docker, podman/],
    ['a bad signing key', { checks: 'a: true', 'signing-key': 'nope' }, 'signing-key', /PEM ECDSA P-256/],
    [
      'a missing working directory',
      { checks: 'a: true', 'working-directory': 'nope' },
      'working-directory',
      /not a directory/,
    ],
  ])('refuses %s, naming the input', async (_what, inputs, input, message) => {
    setInputs(inputs);
    const err = await getInputs({ GITHUB_WORKSPACE: ws }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe(input);
    expect((err as Error).message).toContain(`"${input}"`);
    expect((err as Error).message).toMatch(message);
  });
});

describe('evidence-repository', () => {
  it('is parsed into registry and repository', async () => {
    setInputs({ checks: 'lint: npm run lint', 'evidence-repository': '127.0.0.1:5000/org/evidence' });
    const inputs = await getInputs({ GITHUB_WORKSPACE: ws });
    expect(inputs.evidenceRepository).toEqual({ registry: '127.0.0.1:5000', repository: 'org/evidence' });
  });
  it.each([
    '127.0.0.1:5000/org/evidence:latest',
    `127.0.0.1:5000/org/evidence@sha256:${'a'.repeat(64)}`,
    'evidence',
  ])('refuses %s naming the input', async (value) => {
    setInputs({ checks: 'lint: npm run lint', 'evidence-repository': value });
    await expect(getInputs({ GITHUB_WORKSPACE: ws })).rejects.toThrow(/input "evidence-repository"/);
  });
});
