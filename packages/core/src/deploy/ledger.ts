/**
 * The deployment ledger of one environment: `<state-dir>/ledger.jsonl`, one JSON record per line,
 * append-only.
 *
 * Durability: each record is one `write()` of a complete line to a descriptor opened with
 * `O_APPEND`, then `fsync`. The file is never rewritten in place (write-new-and-rename would also
 * be atomic, but it rewrites every earlier entry on every deployment: a bug or a full disk there
 * can lose history, an append cannot). A crash can at worst leave the last line torn (a write cut
 * short); the next writer notices the missing newline, copies the fragment to
 * `ledger.torn.jsonl` and terminates it with a newline, so the fragment stays where it was (readers
 * report it as unreadable) and later records start on a line of their own.
 *
 * Writers are serialised by `ledger.lock`, created with `O_EXCL` and holding the owner's pid and
 * host; a lock whose owner is gone is taken over (see {@link Ledger.lock}).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { constants, type FileHandle } from 'node:fs/promises';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../errors.js';

/** Ledger file name inside the state directory. */
export const LEDGER_FILE = 'ledger.jsonl';
/** Where torn fragments are copied to (one JSON line per fragment). */
export const TORN_FILE = 'ledger.torn.jsonl';
/** The writers' lock file. */
export const LOCK_FILE = 'ledger.lock';

/**
 * Status a record gives its deployment. `started` comes first; exactly one final status follows:
 * `verified` (deployed, digests checked, soak passed), `failed`, `rolled-back` (a rollback that
 * verified its target), or `interrupted` (a later run found the `started` record orphaned).
 */
export const DEPLOYMENT_STATUSES = ['started', 'verified', 'failed', 'rolled-back', 'interrupted'] as const;
/** A value of {@link DEPLOYMENT_STATUSES}. */
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** Final statuses after which a deployment's digests are known good. */
const GOOD: ReadonlySet<DeploymentStatus> = new Set(['verified', 'rolled-back']);

/** A deployment of new digests, or a rollback redeploying an earlier deployment's digests. */
export type DeploymentKind = 'deploy' | 'rollback';

/** One ledger line. A deployment has a `started` record and (normally) one final record, same `id`. */
export interface LedgerRecord {
  id: string;
  /** RFC 3339 time the record was written. */
  time: string;
  environment: string;
  kind: DeploymentKind;
  status: DeploymentStatus;
  /** The commit the images were built from (from their promotion records), `unknown` when not known. */
  commit: string;
  /** Web URL of the CI run that deployed, `unknown` when not derivable. */
  runUrl: string;
  /** Image set entry name → digest reference (`registry/repo@sha256:…`). */
  digests: Record<string, string>;
  durations: { deployMs?: number; soakMs?: number };
  /** The deployment that was live (last verified) when this one started. */
  previous?: string;
  /** Rollbacks: the deployment rolled back from (the failed one, or the one replaced by hand). */
  rollbackOf?: string;
  /** Rollbacks: the deployment whose digests (and stack file) are redeployed. */
  restores?: string;
  /** Stack file copy in the state directory (relative path), and its sha256, so rollbacks are exact. */
  stack?: { path: string; sha256: string };
  /** The health-check lines the deployment was (to be) verified with. */
  healthChecks?: string[];
  /** `started` records: the process that deploys, for orphan detection. */
  pid?: number;
  hostname?: string;
  /** Why the deployment failed or was interrupted. */
  reason?: string;
}

/** A line of the ledger that is not a record (a torn write, or a hand edit). */
export interface UnreadableLine {
  /** 1-based line number. */
  line: number;
  text: string;
  reason: string;
}

/** The whole ledger as read. */
export interface LedgerContents {
  records: LedgerRecord[];
  unreadable: UnreadableLine[];
  /** Text after the last newline: a write cut short by a crash (not yet set aside). */
  tornTail?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks one parsed ledger line.
 *
 * @throws Error naming the first field that is missing or malformed
 */
export function parseLedgerRecord(value: unknown): LedgerRecord {
  if (!isRecord(value)) throw new Error('not a JSON object');
  for (const field of ['id', 'time', 'environment', 'commit', 'runUrl'] as const) {
    if (typeof value[field] !== 'string' || value[field] === '') throw new Error(`${field} is missing`);
  }
  if (value.kind !== 'deploy' && value.kind !== 'rollback') throw new Error('kind is not deploy/rollback');
  if (!(DEPLOYMENT_STATUSES as readonly unknown[]).includes(value.status)) {
    throw new Error(`status ${JSON.stringify(value.status)} is not one of ${DEPLOYMENT_STATUSES.join(', ')}`);
  }
  if (!isRecord(value.digests) || !Object.values(value.digests).every((d) => typeof d === 'string')) {
    throw new Error('digests is not a map of name to reference');
  }
  if (!isRecord(value.durations)) throw new Error('durations is missing');
  return value as unknown as LedgerRecord;
}

/**
 * Splits ledger text into records and unreadable lines (pure). Text after the last newline is the
 * torn tail; it is not parsed even when it happens to be valid JSON, since its write never finished.
 */
export function parseLedger(text: string): LedgerContents {
  const contents: LedgerContents = { records: [], unreadable: [] };
  const end = text.lastIndexOf('\n');
  const complete = end < 0 ? '' : text.slice(0, end);
  const tail = text.slice(end + 1);
  if (tail !== '') contents.tornTail = tail;
  if (end < 0) return contents;
  complete.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      contents.records.push(parseLedgerRecord(JSON.parse(line)));
    } catch (err) {
      contents.unreadable.push({ line: index + 1, text: line, reason: errorMessage(err) });
    }
  });
  return contents;
}

/** One deployment as the ledger knows it: its `started` record and its final record, if any. */
export interface DeploymentEntry {
  id: string;
  started?: LedgerRecord;
  final?: LedgerRecord;
  /** The final record when there is one, else the started one. */
  latest: LedgerRecord;
}

/** Groups records by deployment id, in order of first appearance (pure). */
export function deploymentsOf(records: readonly LedgerRecord[]): DeploymentEntry[] {
  const byId = new Map<string, DeploymentEntry>();
  for (const r of records) {
    let entry = byId.get(r.id);
    if (entry === undefined) {
      entry = { id: r.id, latest: r };
      byId.set(r.id, entry);
    }
    if (r.status === 'started') entry.started ??= r;
    else entry.final = r;
    entry.latest = entry.final ?? r;
  }
  return [...byId.values()];
}

/** The deployment whose digests should be live: the most recent one that verified (pure). */
export function currentDeployment(records: readonly LedgerRecord[]): DeploymentEntry | undefined {
  return deploymentsOf(records)
    .filter((d) => d.final !== undefined && GOOD.has(d.final.status))
    .at(-1);
}

/** Deployments that verified, oldest first (pure). */
export function verifiedDeployments(records: readonly LedgerRecord[]): DeploymentEntry[] {
  return deploymentsOf(records).filter((d) => d.final !== undefined && GOOD.has(d.final.status));
}

/** Deployments with a `started` record and no final record, oldest first (pure). */
export function pendingDeployments(records: readonly LedgerRecord[]): DeploymentEntry[] {
  return deploymentsOf(records).filter((d) => d.final === undefined && d.started !== undefined);
}

function sameDigests(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

/**
 * The deployment a manual rollback goes back to (pure): `to` when given (it must have verified),
 * else the most recent verified deployment before the current one whose digests differ from the
 * current digests (rolling back to what already runs would change nothing).
 *
 * @throws Error when `to` is unknown or never verified, or there is nothing to roll back to
 */
export function rollbackTarget(records: readonly LedgerRecord[], to?: string): DeploymentEntry {
  const verified = verifiedDeployments(records);
  if (to !== undefined && to !== '') {
    const all = deploymentsOf(records);
    const entry = all.find((d) => d.id === to);
    if (entry === undefined) {
      throw new Error(`deployment ${JSON.stringify(to)} is not in the ledger (${all.length} deployments)`);
    }
    if (!verified.some((v) => v.id === entry.id)) {
      throw new Error(
        `deployment ${to} ended ${entry.latest.status}; only a deployment that verified can be rolled back to`,
      );
    }
    return entry;
  }
  const current = verified.at(-1);
  if (current === undefined)
    throw new Error('no deployment has verified yet: there is nothing to roll back to');
  const target = verified
    .slice(0, -1)
    .reverse()
    .find((d) => !sameDigests(d.latest.digests, current.latest.digests));
  if (target === undefined) {
    throw new Error(
      `no verified deployment before ${current.id} runs other digests: there is nothing to roll back to`,
    );
  }
  return target;
}

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
  /** Progress lines (waiting, taking over). */
  log?: (line: string) => void;
}

/** A held lock. */
export interface HeldLock {
  owner: LockOwner;
  /** Removes the lock file (only if it is still ours). */
  release(): Promise<void>;
}

async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on directories; the data itself is synced already.
  } finally {
    await handle?.close();
  }
}

/**
 * The ledger of one environment, in `stateDir`. Reads need no lock (every line is written whole);
 * appends must happen while holding {@link Ledger.lock}.
 */
export class Ledger {
  constructor(readonly stateDir: string) {}

  /** Path of `ledger.jsonl`. */
  get path(): string {
    return join(this.stateDir, LEDGER_FILE);
  }

  /** Path of the lock file. */
  get lockPath(): string {
    return join(this.stateDir, LOCK_FILE);
  }

  /** Reads and parses the whole ledger; a missing file is an empty ledger. */
  async read(): Promise<LedgerContents> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], unreadable: [] };
      throw new Error(`cannot read the ledger ${this.path}: ${errorMessage(err)}`, { cause: err });
    }
    return parseLedger(text);
  }

  /**
   * Appends one record: a single `write()` of the complete line (O_APPEND), then `fsync`. A torn
   * tail left by a crash is set aside first (see {@link Ledger.setAsideTornTail}).
   *
   * @throws Error when the write is short or fails (the line may then be torn; the next append sets it aside)
   */
  async append(record: LedgerRecord): Promise<void> {
    parseLedgerRecord(record);
    await mkdir(this.stateDir, { recursive: true });
    await this.setAsideTornTail();
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    let created = false;
    try {
      await stat(this.path);
    } catch {
      created = true;
    }
    const handle = await open(this.path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o644);
    try {
      const { bytesWritten } = await handle.write(line, 0, line.length);
      if (bytesWritten !== line.length) {
        throw new Error(`short write to ${this.path}: ${bytesWritten} of ${line.length} bytes`);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (created) await fsyncDir(this.stateDir);
  }

  /**
   * When the ledger does not end with a newline (a write cut short by a crash), copies the fragment
   * to `ledger.torn.jsonl` (with the time and its byte offset) and appends the newline that ends it.
   * The fragment itself stays in the ledger as an unreadable line; nothing is dropped or rewritten.
   *
   * @returns the fragment, when there was one
   */
  async setAsideTornTail(): Promise<string | undefined> {
    let handle: FileHandle;
    try {
      handle = await open(this.path, constants.O_RDWR | constants.O_APPEND);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      const { size } = await handle.stat();
      if (size === 0) return undefined;
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] === 0x0a) return undefined;
      // The fragment is at most one record long; read back far enough to find its line start.
      const window = Math.min(size, 1024 * 1024);
      const buf = Buffer.alloc(window);
      await handle.read(buf, 0, window, size - window);
      const nl = buf.lastIndexOf(0x0a);
      const fragment = buf.subarray(nl + 1).toString('utf8');
      const offset = size - (window - nl - 1);
      const aside = await open(
        join(this.stateDir, TORN_FILE),
        constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT,
        0o644,
      );
      try {
        const entry = `${JSON.stringify({ detectedAt: new Date().toISOString(), offset, fragment })}\n`;
        await aside.write(entry);
        await aside.sync();
      } finally {
        await aside.close();
      }
      await handle.write(Buffer.from('\n'));
      await handle.sync();
      return fragment;
    } finally {
      await handle.close();
    }
  }

  /**
   * Takes the writers' lock: creates `ledger.lock` with `O_EXCL`, holding pid, host and time. When
   * it exists, its owner is checked: a pid that no longer runs on this host (a killed run) makes the
   * lock stale and it is taken over at once; a live owner is waited for up to `timeoutMs`; an owner
   * on another host is waited for until its lock is older than `foreignStaleMs`.
   *
   * @throws Error naming the owner when the lock could not be had in time
   */
  async lock(opts: LockOptions): Promise<HeldLock> {
    await mkdir(this.stateDir, { recursive: true });
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
        const handle = await open(
          this.lockPath,
          constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
          0o644,
        );
        try {
          await handle.write(text);
          await handle.sync();
        } finally {
          await handle.close();
        }
        return { owner, release: () => this.releaseLock(text) };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new Error(`cannot create the lock ${this.lockPath}: ${errorMessage(err)}`, { cause: err });
        }
      }
      const held = await this.readLock();
      if (held !== undefined) {
        const stale = this.staleness(held, foreignStaleMs);
        if (stale !== undefined) {
          if (await this.takeOver(held.raw)) {
            opts.log?.(`ledger lock: took over a stale lock (${stale})`);
          }
          continue;
        }
        if (Date.now() >= deadline) {
          throw new Error(
            `the ledger lock ${this.lockPath} is held by ${describeOwner(held.owner)}; gave up after ${Math.round(timeoutMs / 1000)}s`,
          );
        }
        if (!announced) {
          opts.log?.(`ledger lock: waiting for ${describeOwner(held.owner)}`);
          announced = true;
        }
      }
      await sleep(pollMs);
    }
  }

  private async readLock(): Promise<{ owner?: LockOwner; raw: string; mtimeMs: number } | undefined> {
    try {
      const [raw, info] = await Promise.all([readFile(this.lockPath, 'utf8'), stat(this.lockPath)]);
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
  private staleness(
    held: { owner?: LockOwner; mtimeMs: number },
    foreignStaleMs: number,
  ): string | undefined {
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
  private async takeOver(judged: string): Promise<boolean> {
    const aside = `${this.lockPath}.stale-${randomBytes(4).toString('hex')}`;
    try {
      await rename(this.lockPath, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
    const moved = await readFile(aside, 'utf8').catch(() => '');
    if (moved !== judged) {
      await link(aside, this.lockPath).catch(() => undefined);
      await unlink(aside).catch(() => undefined);
      return false;
    }
    await unlink(aside).catch(() => undefined);
    return true;
  }

  private async releaseLock(text: string): Promise<void> {
    const current = await readFile(this.lockPath, 'utf8').catch(() => undefined);
    if (current === text) await unlink(this.lockPath).catch(() => undefined);
  }
}

function describeOwner(owner: LockOwner | undefined): string {
  if (owner === undefined) return 'an unknown owner';
  return `pid ${owner.pid} on ${owner.hostname} (${owner.purpose}, since ${owner.since})`;
}

/** A new deployment id: UTC time to the second plus 4 random hex digits, so ids sort by time. */
export function newDeploymentId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}
