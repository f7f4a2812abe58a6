/**
 * What deploy-staging shows and hands on: step outputs, the job summary (before/after digests) and
 * the plain-text status report.
 */
import type { SummaryBuilder } from '../summary.js';
import type { DeployOutcome, DeploymentReport } from './outcome.js';
import type { StatusReport } from './status.js';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

function shortRef(ref: string | undefined): string {
  if (ref === undefined) return '—';
  const at = ref.indexOf('@');
  return at < 0 ? ref : `${ref.slice(0, at)}@${ref.slice(at + 1, at + 20)}…`;
}

function describe(report: DeploymentReport): string {
  const what = report.kind === 'rollback' ? 'rollback' : 'deployment';
  return report.ok
    ? `${what} ${report.id} verified (deploy ${seconds(report.deployMs)}, soak ${seconds(report.soakMs)}, ${report.soakRounds} rounds)`
    : `${what} ${report.id} failed after ${seconds(report.deployMs + report.soakMs)}: ${report.failure ?? 'unknown'}`;
}

/** The job summary of a deploy or rollback run: result, then a table of before/after digests. */
export function summarizeDeploy(summary: SummaryBuilder, environment: string, outcome: DeployOutcome): void {
  summary.heading(`deploy-staging: ${environment} ${outcome.status}`);
  const lines = [describe(outcome.primary)];
  if (outcome.rollback !== undefined) lines.push(describe(outcome.rollback));
  if (outcome.recovered.length > 0) lines.push(`recorded interrupted: ${outcome.recovered.join(', ')}`);
  if (outcome.primary.bundleDir !== undefined) lines.push(`diagnostics: ${outcome.primary.bundleDir}`);
  summary.list(lines);
  const names = [...new Set([...Object.keys(outcome.previous), ...Object.keys(outcome.primary.digests)])];
  const after = outcome.status === 'failed' ? outcome.primary.digests : outcome.deployed;
  summary.table(
    ['Image', `Before (${outcome.previousId ?? 'none'})`, 'After', 'Changed'],
    names.map((n) => [
      n,
      shortRef(outcome.previous[n]),
      shortRef(after[n]),
      outcome.previous[n] === after[n] ? 'no' : 'yes',
    ]),
  );
}

/** The plain-text status report (log and summary). */
export function summarizeStatus(summary: SummaryBuilder, report: StatusReport): void {
  summary.heading(`deploy-staging: ${report.environment} status`);
  if (report.current !== undefined) {
    const c = report.current;
    summary.list([
      `deployment ${c.id} (${c.kind}, ${c.status}) live since ${c.since}`,
      `commit ${c.commit}, run ${c.runUrl}`,
      ...(c.restores !== undefined
        ? [`restores ${c.restores} (rolled back from ${c.rollbackOf ?? '?'})`]
        : []),
      `state ${report.consistent ? 'consistent: the containers run exactly these digests' : 'INCONSISTENT'}`,
    ]);
    summary.table(
      ['Image', 'Digest'],
      Object.entries(c.digests).map(([n, d]) => [n, d]),
    );
  }
  if (report.live.length > 0) {
    summary.table(
      ['Service', 'Container', 'Status', 'Image'],
      report.live.map((s) => [s.service, s.container, s.status, shortRef(s.image)]),
    );
  }
  if (report.problems.length > 0) summary.list(report.problems.map((p) => `problem: ${p}`));
  summary.table(
    ['Deployment', 'Kind', 'Status', 'Time', 'Commit'],
    report.history.map((h) => [h.id, h.kind, h.status, h.time, h.commit.slice(0, 12)]),
  );
}
