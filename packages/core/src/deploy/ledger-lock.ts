/**
 * The writers' lock of a ledger: `ledger.lock`, created with `O_EXCL` and holding the owner's pid and
 * host. A lock whose owner is gone is taken over (see {@link acquireLock}).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { constants, link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../errors.js';
import type { Log } from '../log.js';
import { isRecord } from './ledger-record.js';

/** The writers' lock file. */
export const LOCK_FILE = 'ledger.lock';

/** Contents of the lock file. */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** RFC 3339. */
  since: string;
  /** What the owner is doing, for messages. */
  purpose: string;
}

/** Whether a process with this pid exists on this host (EPERM means it exists but is not ours). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Options of {@link Ledger.lock}. */
export interface LockOptions {
  /** Written into the lock for other writers' messages, e.g. `deploy 20260301-…`. */
  purpose: string;
  /** How long to wait for a live owner (default 10 minutes). */
  timeoutMs?: number;
  /** Pause between attempts (default 250 ms). */
  pollMs?: number;
  /**
   * A lock owned by another host cannot be checked for liveness: it is taken over when older than
   * this (default 6 hours, longer than any sane deployment).
   */
  foreignStaleMs?: number;
  /** Where progress lines (waiting, taking over) go. */
  log?: Log;
}

/** A held lock. */
export interface HeldLock {
  owner: LockOwner;
  /** Removes the lock file (only if it is still ours). */
  release(): Promise<void>;
}

/**
 * Takes the writers' lock at `lockPath` (its directory must exist): creates it with `O_EXCL`,
 * holding pid, host and time. When it exists, its owner is checked: a pid that no longer runs on
 * this host (a killed run) makes the lock stale and it is taken over at once; a live owner is
 * waited for up to `timeoutMs`; an owner on another host is waited for until its lock is older
 * than `foreignStaleMs`.
 *
 * @throws Error naming the owner when the lock could not be had in time
 */
export async function acquireLock(lockPath: string, opts: LockOptions): Promise<HeldLock> {
  const timeoutMs = opts.timeoutMs ?? 600_000;
  const pollMs = opts.pollMs ?? 250;
  const foreignStaleMs = opts.foreignStaleMs ?? 6 * 3600_000;
  const deadline = Date.now() + timeoutMs;
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    since: new Date().toISOString(),
    purpose: opts.purpose,
  };
  const text = `${JSON.stringify(owner)}\n`;
  let announced = false;
  for (;;) {
    try {
      const handle = await open(lockPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
      try {
        await handle.write(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return { owner, release: () => releaseLock(lockPath, text) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new Error(`cannot create the lock ${lockPath}: ${errorMessage(err)}`, { cause: err });
      }
    }
    const held = await readLock(lockPath);
    if (held !== undefined) {
      const stale = staleness(held, foreignStaleMs);
      if (stale !== undefined) {
        if (await takeOver(lockPath, held.raw)) {
          opts.log?.info(`ledger lock: took over a stale lock (${stale})`);
        }
        continue;
      }
      if (Date.now() >= deadline) {
        throw new Error(
          `the ledger lock ${lockPath} is held by ${describeOwner(held.owner)}; gave up after ${Math.round(timeoutMs / 1000)}s`,
        );
      }
      if (!announced) {
        opts.log?.info(`ledger lock: waiting for ${describeOwner(held.owner)}`);
        announced = true;
      }
    }
    await sleep(pollMs);
  }
}

async function readLock(
  lockPath: string,
): Promise<{ owner?: LockOwner; raw: string; mtimeMs: number } | undefined> {
  try {
    const [raw, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    let owner: LockOwner | undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isRecord(parsed) && typeof parsed.pid === 'number' && typeof parsed.hostname === 'string') {
        owner = parsed as unknown as LockOwner;
      }
    } catch {
      // An owner killed between creating and writing the file leaves it empty or partial.
    }
    return owner !== undefined ? { owner, raw, mtimeMs: info.mtimeMs } : { raw, mtimeMs: info.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Why the lock is stale, or undefined when its owner may still be working. */
function staleness(held: { owner?: LockOwner; mtimeMs: number }, foreignStaleMs: number): string | undefined {
  const age = Date.now() - held.mtimeMs;
  if (held.owner === undefined) return age > 10_000 ? 'unreadable lock file older than 10s' : undefined;
  if (held.owner.hostname === hostname()) {
    return processAlive(held.owner.pid) ? undefined : `${describeOwner(held.owner)} no longer runs`;
  }
  return age > foreignStaleMs
    ? `${describeOwner(held.owner)} is older than ${foreignStaleMs / 1000}s`
    : undefined;
}

/**
 * Moves a stale lock out of the way. Two runs may judge the same lock stale: the rename is atomic,
 * so only one moves it; if what we moved is not the lock we judged (another run already replaced
 * it with its own), it is put back with link(), which fails rather than overwrite a newer lock.
 */
async function takeOver(lockPath: string, judged: string): Promise<boolean> {
  const aside = `${lockPath}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  const moved = await readFile(aside, 'utf8').catch(() => '');
  if (moved !== judged) {
    await link(aside, lockPath).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    return false;
  }
  await unlink(aside).catch(() => undefined);
  return true;
}

/** Removes the lock file, only if it still holds what we wrote (a taken-over lock is not ours). */
async function releaseLock(lockPath: string, text: string): Promise<void> {
  const current = await readFile(lockPath, 'utf8').catch(() => undefined);
  if (current === text) await unlink(lockPath).catch(() => undefined);
}

function describeOwner(owner: LockOwner | undefined): string {
  if (owner === undefined) return 'an unknown owner';
  return `pid ${owner.pid} on ${owner.hostname} (${owner.purpose}, since ${owner.since})`;
}
