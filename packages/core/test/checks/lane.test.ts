/**
 * The source lane on the runner, end to end but without an engine: plan errors name the input, the
 * commit and tree are bound into the evidence, the report and the (signed) evidence agree.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { planChecks, readLaneCommit, runSourceLane } from '../../src/checks/lane.js';
import type { LaneReport } from '../../src/checks/report.js';
import { parseEnvelope, statementOf, verifyEnvelope } from '../../src/evidence/dsse.js';
import { parseStatement } from '../../src/evidence/statement.js';
import { InputError } from '../../src/errors.js';
import { Exec } from '../../src/exec.js';
import { recordingLog } from '../support/log.js';

const root = mkdtempSync(join(tmpdir(), 'dl-checks-lane-'));
const ws = join(root, 'ws');
mkdirSync(join(ws, 'app', 'backend'), { recursive: true });
const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], {
    cwd: ws,
    encoding: 'utf8',
  }).trim();
git('init', '-q');
git('commit', '-q', '--allow-empty', '-m', 'x');
const SHA = git('rev-parse', 'HEAD');
const TREE = git('rev-parse', 'HEAD^{tree}');
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const silence = (): void => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
};

describe('planChecks', () => {
  const base = {
    workspace: ws,
    workingDirectory: 'app',
    timeoutMs: 1000,
    inContainer: true,
    checksInput: 'checks-file',
  };

  it('resolves directories and time limits', () => {
    const plan = planChecks(
      [
        { name: 'a', run: 'true' },
        { name: 'b', run: 'true', workingDirectory: 'backend', timeoutMs: 5 },
      ],
      base,
    );
    expect(plan.checks).toEqual([
      { name: 'a', run: 'true', cwd: join(ws, 'app'), timeoutMs: 1000 },
      { name: 'b', run: 'true', cwd: join(ws, 'app', 'backend'), timeoutMs: 5 },
    ]);
  });

  it.each([
    [
      'a missing working-directory',
      { workingDirectory: 'nope' },
      [],
      'working-directory',
      /is not a directory/,
    ],
    [
      'a working-directory outside the workspace in a container',
      { workingDirectory: '..' },
      [],
      'working-directory',
      /outside the workspace/,
    ],
    [
      'a check directory that is missing',
      {},
      [{ name: 'a', run: 'x', workingDirectory: 'frontend' }],
      'checks-file',
      /check "a".*is not a directory/,
    ],
  ] as const)('refuses %s, naming the input', (_what, override, specs, input, message) => {
    try {
      planChecks([...specs], { ...base, ...override });
      throw new Error('expected an error');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).input).toBe(input);
      expect((err as Error).message).toMatch(message);
    }
  });

  it('allows a directory outside the workspace on the runner', () => {
    expect(() => planChecks([], { ...base, workingDirectory: root, inContainer: false })).not.toThrow();
  });
});

describe('readLaneCommit', () => {
  it('takes GITHUB_SHA and asks git for its tree', async () => {
    await expect(readLaneCommit(ws, { GITHUB_SHA: SHA }, new Exec())).resolves.toEqual({
      sha: SHA,
      tree: TREE,
    });
  });

  it('falls back to git rev-parse HEAD', async () => {
    await expect(readLaneCommit(ws, {}, new Exec())).resolves.toEqual({ sha: SHA, tree: TREE });
  });

  it('leaves the tree out when git does not know the commit', async () => {
    const log = recordingLog();
    await expect(readLaneCommit(ws, { GITHUB_SHA: 'a'.repeat(40) }, new Exec(), log)).resolves.toEqual({
      sha: 'a'.repeat(40),
    });
    expect(log.lines).toEqual([
      {
        level: 'warning',
        line: expect.stringMatching(/^the evidence names commit a{40} without its tree: /),
      },
    ]);
  });

  it('refuses to run without any commit', async () => {
    await expect(readLaneCommit(root, {}, new Exec())).rejects.toThrow(/binds its evidence to a commit/);
  });
});

describe('runSourceLane on the runner', () => {
  it('writes the report and evidence naming every check and its result', async () => {
    silence();
    const plan = planChecks(
      [
        { name: 'ok', run: 'echo fine' },
        { name: 'bad', run: 'echo broken; exit 2' },
      ],
      { workspace: ws, workingDirectory: '.', timeoutMs: 10_000, inContainer: false, checksInput: 'checks' },
    );
    const lane = await runSourceLane(
      { plan, concurrency: 2, failFast: false, envNames: [], tempDir: root },
      {
        env: {
          PATH: process.env.PATH,
          GITHUB_SHA: SHA,
          GITHUB_SERVER_URL: 'https://forgejo.example',
          GITHUB_REPOSITORY: 'o/app',
        },
      },
    );
    expect(lane.result).toBe('failed');
    expect(lane.failed).toEqual(['bad']);

    const report = JSON.parse(readFileSync(lane.reportPath, 'utf8')) as LaneReport;
    expect(report).toMatchObject({
      result: 'failed',
      failed: ['bad'],
      commit: { sha: SHA, tree: TREE },
      concurrency: 2,
    });
    expect(report.checks.map((c) => [c.name, c.status, c.exitCode, c.workingDirectory])).toEqual([
      ['ok', 'passed', 0, '.'],
      ['bad', 'failed', 2, '.'],
    ]);
    expect(report.checks[1]!.outputTail).toBe('broken');
    expect(readFileSync(report.checks[1]!.log!, 'utf8')).toBe('broken\n');

    const statement = parseStatement(JSON.parse(readFileSync(lane.evidencePath, 'utf8')));
    expect(lane.evidencePath).toMatch(/source-evidence\.intoto\.json$/);
    expect(statement.subject).toEqual([
      { name: 'git+https://forgejo.example/o/app', digest: { gitCommit: SHA } },
      { name: 'git+https://forgejo.example/o/app#tree', digest: { gitTree: TREE } },
    ]);
    expect(statement.predicate).toMatchObject({
      lane: 'source',
      verificationResult: 'FAILED',
      commit: { sha: SHA, tree: TREE },
    });
    expect(statement.predicate.checks.map((c) => [c.name, c.result, c.detail])).toEqual([
      ['ok', 'PASSED', undefined],
      ['bad', 'FAILED', 'failed (exit 2)'],
    ]);
  });

  it('signs the evidence as a DSSE envelope when given a key', async () => {
    silence();
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const plan = planChecks([{ name: 'ok', run: 'true' }], {
      workspace: ws,
      workingDirectory: '.',
      timeoutMs: 10_000,
      inContainer: false,
      checksInput: 'checks',
    });
    const lane = await runSourceLane(
      {
        plan,
        concurrency: 1,
        failFast: false,
        envNames: [],
        tempDir: root,
        signingKey: String(privateKey.export({ type: 'pkcs8', format: 'pem' })),
        // Signing is the subject here, not who the checks run as (see user-code.test.ts).
        unsafeHostCommandsWithKey: true,
      },
      { env: { PATH: process.env.PATH, GITHUB_SHA: SHA } },
    );
    expect(lane.result).toBe('passed');
    expect(lane.evidencePath).toMatch(/source-evidence\.dsse\.json$/);
    const envelope = parseEnvelope(JSON.parse(readFileSync(lane.evidencePath, 'utf8')));
    expect(verifyEnvelope(envelope, publicKey)).toHaveLength(1);
    expect(statementOf(envelope).predicate).toMatchObject({ verificationResult: 'PASSED', lane: 'source' });
  });
});
