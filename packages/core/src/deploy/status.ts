/**
 * `mode: status`: what the ledger says is deployed, against what runs on the host. Reads only.
 */
import { hostname } from 'node:os';
import { errorMessage } from '../errors.js';
import { Stack } from '../stack/stack.js';
import { deploymentsOf, pendingDeployments, verifiedDeployments } from './deployments.js';
import { processAlive } from './ledger-lock.js';
import type { DeploymentKind, LedgerRecord, UnreadableLine } from './ledger-record.js';
import { resolve, type DeployerOptions } from './options.js';

/** A service as it runs now. */
export interface LiveService {
  service: string;
  container: string;
  status: string;
  running: boolean;
  /** The digest reference the container was started for. */
  image: string;
}

/** What `status` reports. */
export interface StatusReport {
  environment: string;
  ledgerPath: string;
  current?: {
    id: string;
    kind: DeploymentKind;
    status: string;
    /** When it became live (its final record). */
    since: string;
    startedAt?: string;
    commit: string;
    runUrl: string;
    digests: Record<string, string>;
    rollbackOf?: string;
    restores?: string;
  };
  /** The verified deployment before the current one. */
  previous?: { id: string; since: string; digests: Record<string, string> };
  live: LiveService[];
  /** True when every live service runs and runs exactly the current deployment's digests. */
  consistent: boolean;
  problems: string[];
  /** Deployments with a `started` record and no final one. */
  pending: Array<{ id: string; pid?: number; hostname?: string; running: boolean }>;
  unreadable: UnreadableLine[];
  tornTail: boolean;
  /** Most recent deployments first (up to 10). */
  history: Array<{ id: string; kind: DeploymentKind; status: string; time: string; commit: string }>;
}

/** Pending deployments, each with whether its process still runs on this host. */
function pendingOf(records: readonly LedgerRecord[]): StatusReport['pending'] {
  return pendingDeployments(records).map((p) => {
    const s = p.started as LedgerRecord;
    const running = s.hostname === hostname() && s.pid !== undefined && processAlive(s.pid);
    return {
      id: p.id,
      ...(s.pid !== undefined ? { pid: s.pid } : {}),
      ...(s.hostname ? { hostname: s.hostname } : {}),
      running,
    };
  });
}

/** The last 10 deployments, most recent first. */
function historyOf(records: readonly LedgerRecord[]): StatusReport['history'] {
  return deploymentsOf(records)
    .slice(-10)
    .reverse()
    .map((e) => ({
      id: e.id,
      kind: e.latest.kind,
      status: e.latest.status,
      time: e.latest.time,
      commit: e.latest.commit,
    }));
}

/** Fills `report.live` from the running stack and adds what disagrees with the ledger to `problems`. */
async function compareLive(o: DeployerOptions, report: StatusReport): Promise<void> {
  let stack: Stack | undefined;
  try {
    stack = await Stack.attach(o.environment, o.engine);
  } catch {
    report.problems.push(`no ${o.environment} stack runs on this host`);
  }
  if (stack === undefined) return;
  for (const s of await stack.inspect()) {
    report.live.push({
      service: s.service,
      container: s.container,
      status: s.status,
      running: s.running,
      image: s.image,
    });
    if (!s.running) report.problems.push(`${s.service} is ${s.status} (exit ${s.exitCode})`);
  }
  const expected = new Set(Object.values(report.current?.digests ?? {}));
  for (const s of report.live) {
    if (report.current !== undefined && !expected.has(s.image)) {
      report.problems.push(
        `${s.service} runs ${s.image}, which is not part of deployment ${report.current.id}`,
      );
    }
  }
  try {
    await stack.verifyDigests();
  } catch (err) {
    report.problems.push(errorMessage(err));
  }
}

/**
 * What is deployed: the ledger's current deployment (since when, from which commit) against the
 * running containers. Reads only; needs no lock (ledger lines are written whole).
 */
export async function status(o: DeployerOptions): Promise<StatusReport> {
  const r = resolve(o);
  const contents = await r.ledger.read();
  const { records } = contents;
  const verified = verifiedDeployments(records);
  const current = verified.at(-1);
  const report: StatusReport = {
    environment: o.environment,
    ledgerPath: r.ledger.path,
    live: [],
    consistent: false,
    problems: [],
    pending: pendingOf(records),
    unreadable: contents.unreadable,
    tornTail: contents.tornTail !== undefined,
    history: historyOf(records),
  };
  if (current?.final !== undefined) {
    const f = current.final;
    report.current = {
      id: current.id,
      kind: f.kind,
      status: f.status,
      since: f.time,
      commit: f.commit,
      runUrl: f.runUrl,
      digests: f.digests,
      ...(current.started !== undefined ? { startedAt: current.started.time } : {}),
      ...(f.rollbackOf !== undefined ? { rollbackOf: f.rollbackOf } : {}),
      ...(f.restores !== undefined ? { restores: f.restores } : {}),
    };
  } else {
    report.problems.push('the ledger records no verified deployment');
  }
  const before = verified.slice(0, -1).at(-1);
  if (before?.final !== undefined) {
    report.previous = { id: before.id, since: before.final.time, digests: before.final.digests };
  }
  await compareLive(o, report);
  for (const p of report.pending) {
    report.problems.push(
      `deployment ${p.id} has no outcome recorded${p.running ? ' (still running)' : ' (its run is gone)'}`,
    );
  }
  report.consistent = report.problems.length === 0;
  return report;
}
