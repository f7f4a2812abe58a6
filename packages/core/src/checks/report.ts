/**
 * What a source lane leaves behind: the log block of each check, the JSON report, the summary table,
 * the failure message and the source-lane evidence (an in-toto Statement bound to the commit).
 */
import { relative } from 'node:path';
import type { Check, CheckResult, VerificationStatement } from '../evidence/statement.js';
import { sourceStatement } from '../evidence/statement.js';
import { tailLines } from '../exec.js';
import type { SummaryBuilder } from '../summary.js';
import { formatDuration, isFailure, type CheckOutcome, type CheckStatus } from './run.js';

/** Lines of a failed check's output shown in the failure message and kept in the report. */
export const FAILURE_TAIL_LINES = 30;

/** The lane as a whole. */
export type LaneResult = 'passed' | 'failed';

/** The commit the lane checked. */
export interface LaneCommit {
  sha: string;
  /** `git rev-parse <sha>^{tree}`; absent when git could not tell (e.g. a shallow fetch without the object). */
  tree?: string;
}

/** The JSON report (`report` output). */
export interface LaneReport {
  result: LaneResult;
  failed: string[];
  commit: LaneCommit;
  /** The CI tooling image the checks ran in; absent when they ran on the runner. */
  image?: string;
  concurrency: number;
  failFast: boolean;
  startedAt: string;
  wallMs: number;
  checks: Array<{
    name: string;
    run: string;
    /** Relative to the workspace. */
    workingDirectory: string;
    status: CheckStatus;
    exitCode: number | null;
    durationMs: number;
    timeoutMs: number;
    /** Last {@link FAILURE_TAIL_LINES} lines of output. */
    outputTail: string;
    /** Full output (as kept) in a file next to the report; absent for skipped checks. */
    log?: string;
  }>;
}

/**
 * The lane's result: passed only when every check passed. A lane cut short (fail-fast, a cancelled
 * job) has not shown that the source is good, even when nothing it finished failed.
 */
export function laneResult(outcomes: readonly CheckOutcome[]): LaneResult {
  return outcomes.every((o) => o.status === 'passed') ? 'passed' : 'failed';
}

/** Names of the checks that failed or timed out, in the order given. */
export function failedChecks(outcomes: readonly CheckOutcome[]): string[] {
  return outcomes.filter((o) => isFailure(o.status)).map((o) => o.check.name);
}

/** One-line status for the log and the summary, e.g. `failed (exit 2)`, `timed out after 10m`. */
export function describeOutcome(outcome: CheckOutcome): string {
  switch (outcome.status) {
    case 'passed':
      return 'passed';
    case 'failed':
      return outcome.exitCode === null ? 'failed (did not run)' : `failed (exit ${outcome.exitCode})`;
    case 'timed-out':
      return `timed out after ${formatDuration(outcome.check.timeoutMs)}`;
    case 'cancelled':
      return 'cancelled';
    case 'skipped':
      return 'not started';
  }
}

/** Title of a check's log group. */
export function groupTitle(outcome: CheckOutcome): string {
  const mark = outcome.status === 'passed' ? '✓' : isFailure(outcome.status) ? '✗' : '-';
  return `${mark} ${outcome.check.name}: ${describeOutcome(outcome)} in ${formatDuration(outcome.durationMs)}`;
}

/**
 * The step's failure message: which checks failed and the tail of each one's output, so the reason is
 * in the error itself, not only somewhere up in the log.
 */
export function failureMessage(outcomes: readonly CheckOutcome[]): string {
  const failed = outcomes.filter((o) => isFailure(o.status));
  const parts = [
    failed.length > 0
      ? `${failed.length} of ${outcomes.length} checks failed: ${failed.map((o) => o.check.name).join(', ')}`
      : 'the checks did not all finish, so the lane did not pass',
  ];
  for (const o of failed) {
    const tail = tailLines(o.output, FAILURE_TAIL_LINES);
    parts.push(
      `--- ${o.check.name}: ${describeOutcome(o)}; last ${FAILURE_TAIL_LINES} lines of output ---\n` +
        (tail === '' ? '(no output)' : tail),
    );
  }
  const notRun = outcomes.filter((o) => o.status === 'skipped' || o.status === 'cancelled');
  if (notRun.length > 0)
    parts.push(`not finished (fail-fast or cancelled): ${notRun.map((o) => o.check.name).join(', ')}`);
  return parts.join('\n');
}

/** Builds the JSON report (`logs` maps check names to their full-output files). */
export function buildReport(
  outcomes: readonly CheckOutcome[],
  lane: {
    commit: LaneCommit;
    image?: string;
    workspace: string;
    concurrency: number;
    failFast: boolean;
    startedAt: Date;
    wallMs: number;
    logs?: Record<string, string>;
  },
): LaneReport {
  const report: LaneReport = {
    result: laneResult(outcomes),
    failed: failedChecks(outcomes),
    commit: lane.commit,
    concurrency: lane.concurrency,
    failFast: lane.failFast,
    startedAt: lane.startedAt.toISOString(),
    wallMs: Math.round(lane.wallMs),
    checks: outcomes.map((o) => {
      const entry: LaneReport['checks'][number] = {
        name: o.check.name,
        run: o.check.run,
        workingDirectory: relative(lane.workspace, o.check.cwd) || '.',
        status: o.status,
        exitCode: o.exitCode,
        durationMs: Math.round(o.durationMs),
        timeoutMs: o.check.timeoutMs,
        outputTail: tailLines(o.output, FAILURE_TAIL_LINES),
      };
      const log = lane.logs?.[o.check.name];
      if (log !== undefined) entry.log = log;
      return entry;
    }),
  };
  if (lane.image !== undefined) report.image = lane.image;
  return report;
}

const EVIDENCE_RESULT: Record<CheckStatus, CheckResult> = {
  passed: 'PASSED',
  failed: 'FAILED',
  'timed-out': 'FAILED',
  cancelled: 'SKIPPED',
  skipped: 'SKIPPED',
};

/**
 * The source-lane evidence: an in-toto Statement v1 whose subjects are the commit and its tree, with
 * one predicate check per lane check. The tooling image is recorded as the verifier's `ci-tools`
 * version, since it is what the checks ran with.
 */
export function laneStatement(
  outcomes: readonly CheckOutcome[],
  lane: {
    commit: LaneCommit;
    image?: string;
    version: string;
    env?: NodeJS.ProcessEnv;
    timeVerified?: Date;
    /** Checks of the lane itself (e.g. signing key isolation), recorded after the user's checks. */
    laneChecks?: readonly Check[];
  },
): VerificationStatement {
  const checks: Check[] = outcomes.map((o) => {
    const check: Check = {
      name: o.check.name,
      result: EVIDENCE_RESULT[o.status],
      durationMs: Math.round(o.durationMs),
    };
    if (o.status !== 'passed') check.detail = describeOutcome(o);
    return check;
  });
  checks.push(...(lane.laneChecks ?? []));
  const version: Record<string, string> = { 'fast-check': lane.version };
  if (lane.image !== undefined) version['ci-tools'] = lane.image;
  else version.runner = `node ${process.version} on ${process.platform}`;
  return sourceStatement({
    commit: lane.commit.sha,
    ...(lane.commit.tree !== undefined ? { tree: lane.commit.tree } : {}),
    checks,
    result: laneResult(outcomes) === 'passed' ? 'PASSED' : 'FAILED',
    verifier: { version },
    ...(lane.env !== undefined ? { env: lane.env } : {}),
    ...(lane.timeVerified !== undefined ? { timeVerified: lane.timeVerified } : {}),
  });
}

/** Adds the lane's table (check, result, duration) to a summary. */
export function summarizeLane(
  summary: SummaryBuilder,
  report: LaneReport,
  outcomes: readonly CheckOutcome[],
): void {
  summary.heading(`fast-check: ${report.result}`);
  summary.table(
    ['Check', 'Result', 'Duration'],
    outcomes.map((o) => [
      o.check.name,
      describeOutcome(o),
      o.status === 'skipped' ? '-' : formatDuration(o.durationMs),
    ]),
  );
  const where = report.image !== undefined ? `in ${report.image}` : 'on the runner';
  summary.text(
    `${outcomes.length} checks ${where}, ${report.concurrency} at a time, in ${formatDuration(report.wallMs)} ` +
      `(commit ${report.commit.sha.slice(0, 12)})`,
  );
}
