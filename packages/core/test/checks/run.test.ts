/**
 * The scheduler with real child processes on this machine: pass, fail with its output, timeout kills
 * the whole process group, fail-fast stops the rest, concurrency is honoured, output never interleaves.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { HostLauncher } from '../../src/checks/host.js';
import { userEnvironment } from '../../src/user-code.js';
import { printOutcome } from '../../src/checks/lane.js';
import { failureMessage, laneResult } from '../../src/checks/report.js';
import { OutputBuffer, formatDuration, runChecks, type PlannedCheck } from '../../src/checks/run.js';

const dir = mkdtempSync(join(tmpdir(), 'dl-checks-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const launcher = new HostLauncher(userEnvironment(process.env), 500);

function check(name: string, run: string, timeoutMs = 30_000): PlannedCheck {
  return { name, run, cwd: dir, timeoutMs };
}

/** Alive and not a zombie (orphans are reaped by whatever PID 1 this machine has, maybe late or never). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('runChecks on the runner', () => {
  it('reports a passing and a failing check with their output and exit codes', async () => {
    const outcomes = await runChecks(
      [
        check('ok', 'echo out; echo err >&2; pwd'),
        check('bad', 'for i in $(seq 1 40); do echo line $i; done; echo boom >&2; exit 3'),
      ],
      { launcher, concurrency: 2, failFast: false },
    );
    expect(outcomes.map((o) => [o.check.name, o.status, o.exitCode])).toEqual([
      ['ok', 'passed', 0],
      ['bad', 'failed', 3],
    ]);
    expect(outcomes[0]!.output).toContain('out\n');
    expect(outcomes[0]!.output).toContain('err\n');
    expect(outcomes[0]!.output).toContain(dir);

    const message = failureMessage(outcomes);
    expect(message).toMatch(/^1 of 2 checks failed: bad\n/);
    expect(message).toContain('--- bad: failed (exit 3); last 30 lines of output ---');
    expect(message).toContain('line 40\nboom');
    expect(message).toContain('line 12\n');
    expect(message).not.toContain('line 11\n');
    expect(message).not.toContain('ok');
  });

  it('does not pass the action inputs (e.g. the signing key) to checks', async () => {
    const env = userEnvironment({
      PATH: process.env.PATH,
      'INPUT_SIGNING-KEY': 'secret',
      INPUT_CHECKS: 'x',
      KEEP: 'yes',
    });
    const [outcome] = await runChecks([check('env', 'env')], {
      launcher: new HostLauncher(env),
      concurrency: 1,
      failFast: false,
    });
    expect(outcome!.output).toContain('KEEP=yes');
    expect(outcome!.output).not.toContain('INPUT_');
  });

  it('kills a check past its time limit, with everything it started', async () => {
    const pids = join(dir, 'timeout-pids');
    const started = Date.now();
    const [outcome, after] = await runChecks(
      [
        check(
          'slow',
          `sleep 60 & echo $! > ${pids}; sh -c 'sleep 61' & echo $! >> ${pids}; echo waiting; wait`,
          1_000,
        ),
        check('after', 'echo still runs'),
      ],
      { launcher, concurrency: 1, failFast: false },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(outcome!.status).toBe('timed-out');
    expect(outcome!.exitCode).toBeNull();
    expect(outcome!.output).toContain('waiting');
    expect(outcome!.output).toContain('killed after 1.0s (the time limit)');
    expect(after!.status).toBe('passed');
    const children = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
    expect(children).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 100));
    for (const pid of children) expect(alive(pid), `pid ${pid} still alive`).toBe(false);
  });

  it('escalates to SIGKILL for a check that ignores SIGTERM', async () => {
    const [outcome] = await runChecks([check('stubborn', "trap '' TERM; echo armed; sleep 30", 500)], {
      launcher,
      concurrency: 1,
      failFast: false,
    });
    expect(outcome!.status).toBe('timed-out');
    expect(outcome!.durationMs).toBeLessThan(5_000);
  });

  it('kills what a passing check left in the background', async () => {
    const pidFile = join(dir, 'bg-pid');
    const [outcome] = await runChecks([check('leaves', `sleep 60 >/dev/null 2>&1 & echo $! > ${pidFile}`)], {
      launcher,
      concurrency: 1,
      failFast: false,
    });
    expect(outcome!.status).toBe('passed');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(pid)).toBe(false);
  });

  it('fail-fast kills the running checks and starts no more', async () => {
    const marker = join(dir, 'never');
    const outcomes = await runChecks(
      [check('fails', 'sleep 0.3; exit 1'), check('long', 'sleep 30'), check('queued', `touch ${marker}`)],
      { launcher, concurrency: 2, failFast: true },
    );
    expect(outcomes.map((o) => [o.check.name, o.status])).toEqual([
      ['fails', 'failed'],
      ['long', 'cancelled'],
      ['queued', 'skipped'],
    ]);
    expect(outcomes[1]!.durationMs).toBeLessThan(5_000);
    expect(existsSync(marker)).toBe(false);
    expect(failureMessage(outcomes)).toContain('not finished (fail-fast or cancelled): long, queued');
  });

  it('aborting (the job was cancelled) kills the running checks and starts no more', async () => {
    const cancel = new AbortController();
    const started = Date.now();
    setTimeout(() => cancel.abort(), 300);
    const outcomes = await runChecks([check('long', 'sleep 30'), check('next', 'true')], {
      launcher,
      concurrency: 1,
      failFast: false,
      signal: cancel.signal,
    });
    expect(outcomes.map((o) => o.status)).toEqual(['cancelled', 'skipped']);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Nothing failed, but nothing was shown to pass either.
    expect(laneResult(outcomes)).toBe('failed');
    expect(failureMessage(outcomes)).toBe(
      'the checks did not all finish, so the lane did not pass\nnot finished (fail-fast or cancelled): long, next',
    );
  });

  it('without fail-fast, runs every check after a failure', async () => {
    const outcomes = await runChecks([check('a', 'exit 1'), check('b', 'true'), check('c', 'true')], {
      launcher,
      concurrency: 1,
      failFast: false,
    });
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'passed', 'passed']);
  });

  it('honours concurrency', async () => {
    const log = join(dir, 'concurrency');
    const run = `echo start >> ${log}; sleep 0.4; echo end >> ${log}`;
    const serialStart = Date.now();
    await runChecks([check('a', run), check('b', run), check('c', run)], {
      launcher,
      concurrency: 1,
      failFast: false,
    });
    const serial = Date.now() - serialStart;
    expect(readFileSync(log, 'utf8')).toBe('start\nend\n'.repeat(3));
    rmSync(log);
    const parallelStart = Date.now();
    await runChecks([check('a', run), check('b', run), check('c', run)], {
      launcher,
      concurrency: 3,
      failFast: false,
    });
    const parallel = Date.now() - parallelStart;
    expect(readFileSync(log, 'utf8')).toBe('start\nstart\nstart\nend\nend\nend\n');
    expect(parallel).toBeLessThan(serial);
  });

  it('a check that cannot start fails with the reason', async () => {
    const [outcome] = await runChecks([{ ...check('nowhere', 'true'), cwd: join(dir, 'missing') }], {
      launcher,
      concurrency: 1,
      failFast: false,
    });
    expect(outcome!.status).toBe('failed');
    expect(outcome!.output).toMatch(/could not start \/bin\/sh in .*missing/);
  });

  it('prints each check as one uninterrupted group, however their lines were written', async () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    const lines = (tag: string): string => `for i in 1 2 3 4 5; do echo ${tag}$i; sleep 0.05; done`;
    const outcomes = await runChecks([check('x', lines('x')), check('y', lines('y'))], {
      launcher,
      concurrency: 2,
      failFast: false,
      onFinish: printOutcome,
    });
    vi.restoreAllMocks();
    expect(outcomes.map((o) => o.status)).toEqual(['passed', 'passed']);
    const groups = writes.filter((w) => w.startsWith('::group::'));
    expect(groups).toHaveLength(2);
    for (const tag of ['x', 'y']) {
      const group = groups.find((g) => g.includes(` ${tag}: passed`))!;
      expect(group).toMatch(
        new RegExp(
          `^::group::✓ ${tag}: passed in \\d+ms\\n${tag}1\\n${tag}2\\n${tag}3\\n${tag}4\\n${tag}5\\n::endgroup::\\n$`,
        ),
      );
    }
  });
});

describe('OutputBuffer', () => {
  it('keeps the most recent bytes and says how many were dropped', () => {
    const buffer = new OutputBuffer(10);
    buffer.push(Buffer.from('0123456789'));
    buffer.push(Buffer.from('abcde'));
    expect(buffer.text()).toBe('[fast-check: 5 earlier bytes of output dropped]\n56789abcde');
  });
});

describe('formatDuration', () => {
  it.each([
    [450, '450ms'],
    [1_234, '1.2s'],
    [45_000, '45s'],
    [125_000, '2m05s'],
    [600_000, '10m00s'],
    [3_900_000, '1h05m'],
  ])('%d ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
