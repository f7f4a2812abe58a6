/**
 * Queries over the ledger's records, grouped per deployment (pure): which deployment is live,
 * which are pending, which one a rollback goes back to, and how a new deployment is named.
 */
import { randomBytes } from 'node:crypto';
import type { DeploymentStatus, LedgerRecord } from './ledger-record.js';

/** Final statuses after which a deployment's digests are known good. */
const GOOD: ReadonlySet<DeploymentStatus> = new Set(['verified', 'rolled-back']);

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

/** A new deployment id: UTC time to the second plus 4 random hex digits, so ids sort by time. */
export function newDeploymentId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}
