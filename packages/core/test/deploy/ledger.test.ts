import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../src/deploy/ledger.js';
import {
  currentDeployment,
  newDeploymentId,
  pendingDeployments,
  rollbackTarget,
} from '../../src/deploy/deployments.js';
import { parseLedger, type LedgerRecord } from '../../src/deploy/ledger-record.js';
import { recordingLog } from '../support/log.js';

const D = (n: number): string => `r/app@sha256:${String(n).repeat(64).slice(0, 64)}`;

function rec(
  id: string,
  status: LedgerRecord['status'],
  digest: number,
  extra: Partial<LedgerRecord> = {},
): LedgerRecord {
  return {
    id,
    time: `2026-01-01T00:00:0${id.length % 10}.000Z`,
    environment: 'staging',
    kind: 'deploy',
    status,
    commit: 'c'.repeat(40),
    runUrl: 'unknown',
    digests: { backend: D(digest) },
    durations: {},
    ...extra,
  };
}

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-ledger-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parseLedger', () => {
  it('reads complete lines, reports unreadable ones and a torn tail', () => {
    const good = JSON.stringify(rec('a', 'started', 1));
    const text = `${good}\nnot json\n${JSON.stringify({ id: 'x' })}\n{"id":"b","sta`;
    const parsed = parseLedger(text);
    expect(parsed.records.map((r) => r.id)).toEqual(['a']);
    expect(parsed.unreadable.map((u) => u.line)).toEqual([2, 3]);
    expect(parsed.unreadable[1]!.reason).toMatch(/time is missing/);
    expect(parsed.tornTail).toBe('{"id":"b","sta');
  });

  it('does not trust a tail that parses: its write never finished', () => {
    const parsed = parseLedger(JSON.stringify(rec('a', 'started', 1)));
    expect(parsed.records).toEqual([]);
    expect(parsed.tornTail).toBeDefined();
  });

  it('reads an empty ledger', () => {
    expect(parseLedger('')).toEqual({ records: [], unreadable: [] });
  });
});

describe('deployment history', () => {
  const history = [
    rec('d1', 'started', 1),
    rec('d1', 'verified', 1),
    rec('d2', 'started', 2),
    rec('d2', 'verified', 2),
    rec('d3', 'started', 3),
    rec('d3', 'failed', 3),
    rec('r4', 'started', 2, { kind: 'rollback', rollbackOf: 'd3', restores: 'd2' }),
    rec('r4', 'rolled-back', 2, { kind: 'rollback', rollbackOf: 'd3', restores: 'd2' }),
    rec('d5', 'started', 4),
  ];

  it('the current deployment is the last that verified or rolled back successfully', () => {
    expect(currentDeployment(history)?.id).toBe('r4');
    expect(currentDeployment(history.slice(0, 6))?.id).toBe('d2');
    expect(currentDeployment([])).toBeUndefined();
  });

  it('a started record without a final one is pending', () => {
    expect(pendingDeployments(history).map((d) => d.id)).toEqual(['d5']);
  });

  it.each([
    { to: undefined, expected: 'd1', why: 'the last verified with other digests than the current (r4 = d2)' },
    { to: 'd2', expected: 'd2', why: 'an explicit verified target' },
  ])('rollback target $to → $expected ($why)', ({ to, expected }) => {
    expect(rollbackTarget(history, to).id).toBe(expected);
  });

  it.each([
    { to: 'd3', error: /ended failed; only a deployment that verified/ },
    { to: 'nope', error: /"nope" is not in the ledger/ },
  ])('refuses rollback to $to', ({ to, error }) => {
    expect(() => rollbackTarget(history, to)).toThrow(error);
  });

  it('refuses a rollback when nothing else verified', () => {
    expect(() => rollbackTarget(history.slice(0, 2))).toThrow(/nothing to roll back to/);
    expect(() => rollbackTarget([])).toThrow(/no deployment has verified yet/);
  });
});

describe('Ledger file', () => {
  it('appends one complete line per record and reads them back', async () => {
    const ledger = new Ledger(join(dir, 'nested', 'state'));
    await ledger.append(rec('a', 'started', 1));
    await ledger.append(rec('a', 'verified', 1));
    const text = await readFile(ledger.path, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(text.endsWith('\n')).toBe(true);
    expect((await ledger.read()).records.map((r) => r.status)).toEqual(['started', 'verified']);
  });

  it('refuses to append a malformed record', async () => {
    const ledger = new Ledger(dir);
    await expect(ledger.append({ ...rec('a', 'started', 1), status: 'done' as 'started' })).rejects.toThrow(
      /status "done"/,
    );
  });

  it('sets a torn tail aside, ends it with a newline and keeps every byte', async () => {
    const ledger = new Ledger(dir);
    await ledger.append(rec('a', 'started', 1));
    const before = await readFile(ledger.path, 'utf8');
    await appendFile(ledger.path, '{"id":"b","tim');
    await ledger.append(rec('a', 'verified', 1));
    const after = await readFile(ledger.path, 'utf8');
    expect(after.startsWith(`${before}{"id":"b","tim\n`)).toBe(true);
    const parsed = parseLedger(after);
    expect(parsed.records.map((r) => r.status)).toEqual(['started', 'verified']);
    expect(parsed.unreadable.map((u) => u.text)).toEqual(['{"id":"b","tim']);
    const aside = JSON.parse(await readFile(join(dir, 'ledger.torn.jsonl'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(aside).toMatchObject({ fragment: '{"id":"b","tim', offset: Buffer.byteLength(before) });
    expect(await ledger.setAsideTornTail()).toBeUndefined();
  });
});

describe('Ledger lock', () => {
  it('is exclusive: a second taker waits, then gives up naming the owner', async () => {
    const ledger = new Ledger(dir);
    const held = await ledger.lock({ purpose: 'first' });
    await expect(ledger.lock({ purpose: 'second', timeoutMs: 300, pollMs: 50 })).rejects.toThrow(
      new RegExp(`held by pid ${process.pid} on .*\\(first, since`),
    );
    await held.release();
    const again = await ledger.lock({ purpose: 'third', timeoutMs: 300 });
    await again.release();
    await expect(readFile(ledger.lockPath)).rejects.toThrow(/ENOENT/);
  });

  it('takes over the lock of a process that no longer runs', async () => {
    const ledger = new Ledger(dir);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(gone.stdout.toString());
    await writeFile(
      ledger.lockPath,
      JSON.stringify({ pid, hostname: hostname(), since: '2026-01-01T00:00:00Z', purpose: 'killed' }),
    );
    const log = recordingLog();
    const held = await ledger.lock({ purpose: 'next', timeoutMs: 1000, log });
    const lines = log.lines.filter((l) => l.level === 'info').map((l) => l.line);
    expect(lines.join('\n')).toContain(`took over a stale lock (pid ${pid}`);
    expect(JSON.parse(await readFile(ledger.lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    await held.release();
  });

  it('waits for a lock of another host until it is older than foreignStaleMs', async () => {
    const ledger = new Ledger(dir);
    await writeFile(
      ledger.lockPath,
      JSON.stringify({ pid: 1, hostname: 'elsewhere', since: '2026-01-01T00:00:00Z', purpose: 'remote' }),
    );
    await expect(ledger.lock({ purpose: 'x', timeoutMs: 200, pollMs: 50 })).rejects.toThrow(/elsewhere/);
    const held = await ledger.lock({ purpose: 'x', timeoutMs: 1000, foreignStaleMs: 0 });
    await held.release();
  });

  it('release leaves a lock that is no longer ours alone', async () => {
    const ledger = new Ledger(dir);
    const held = await ledger.lock({ purpose: 'a' });
    await writeFile(ledger.lockPath, 'someone else');
    await held.release();
    expect(await readFile(ledger.lockPath, 'utf8')).toBe('someone else');
  });
});

it('deployment ids sort by time', () => {
  const a = newDeploymentId(new Date('2026-03-01T12:00:00.123Z'));
  expect(a).toMatch(/^20260301T120000Z-[0-9a-f]{4}$/);
  expect(newDeploymentId(new Date('2026-03-01T12:00:01Z')) > a).toBe(true);
});
