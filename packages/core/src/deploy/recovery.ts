/**
 * What every deploy or rollback does before it changes anything: take the ledger lock, set a torn
 * ledger tail aside, and record the deployments of killed runs as `interrupted`.
 */
import { hostname } from 'node:os';
import { pendingDeployments } from './deployments.js';
import { processAlive } from './ledger-lock.js';
import type { LedgerRecord } from './ledger-record.js';
import type { DeployerOptions, Resolved } from './options.js';

/** Runs `fn` holding the ledger lock, and releases it however `fn` ends. */
export async function withLock<T>(
  o: DeployerOptions,
  r: Resolved,
  purpose: string,
  fn: () => Promise<T>,
): Promise<T> {
  const lock = await r.ledger.lock({
    purpose,
    log: r.log,
    ...(o.lockTimeoutMs !== undefined ? { timeoutMs: o.lockTimeoutMs } : {}),
  });
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

/**
 * Finds deployments whose run died (a `started` record without a final one) and records them as
 * `interrupted`. The live state is made consistent by what this run does next: it replaces the
 * stack with its own verified deployment, or rolls back to the last verified one.
 *
 * @throws Error when such a deployment's process still runs on this host without the lock
 */
export async function recoverInterrupted(
  o: DeployerOptions,
  r: Resolved,
  records: readonly LedgerRecord[],
): Promise<string[]> {
  const recovered: string[] = [];
  for (const entry of pendingDeployments(records)) {
    const s = entry.started as LedgerRecord;
    if (s.hostname === hostname() && s.pid !== undefined && s.pid !== process.pid && processAlive(s.pid)) {
      throw new Error(
        `deployment ${entry.id} (pid ${s.pid}) is still running but does not hold the ledger lock; stop it or remove it before deploying again`,
      );
    }
    const reason = `its run (pid ${s.pid ?? '?'} on ${s.hostname ?? '?'}) ended without recording an outcome; found by a later run`;
    r.log.warning(`deployment ${entry.id} was interrupted: ${reason}`);
    const rec: LedgerRecord = {
      ...s,
      time: new Date().toISOString(),
      status: 'interrupted',
      reason,
      durations: {},
    };
    delete rec.pid;
    delete rec.hostname;
    await r.ledger.append(rec);
    await o.events.emit({
      event: 'failed',
      environment: o.environment,
      deploymentId: entry.id,
      kind: s.kind,
      digests: s.digests,
      commit: s.commit,
      runUrl: s.runUrl,
      detail: `interrupted: ${reason}`,
    });
    recovered.push(entry.id);
  }
  return recovered;
}

/** Reads the ledger under the lock, setting a torn tail aside and recording interrupted runs. */
export async function prepare(
  o: DeployerOptions,
  r: Resolved,
): Promise<{ records: LedgerRecord[]; recovered: string[]; torn?: string }> {
  const torn = await r.ledger.setAsideTornTail();
  if (torn !== undefined) {
    r.log.warning(
      `the ledger ended in a torn line (a crash during a write): copied to ledger.torn.jsonl and ended with a newline: ${JSON.stringify(torn.slice(0, 120))}`,
    );
  }
  const first = await r.ledger.read();
  for (const u of first.unreadable)
    r.log.warning(`ledger line ${u.line} is unreadable (${u.reason}); it is kept as is`);
  const recovered = await recoverInterrupted(o, r, first.records);
  const records = recovered.length > 0 ? (await r.ledger.read()).records : first.records;
  return torn !== undefined ? { records, recovered, torn } : { records, recovered };
}
