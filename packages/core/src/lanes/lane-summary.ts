/**
 * What a stack lane tells the user when it is done: the job summary (also printed to the log) and
 * why the step fails. Shared by integration-test and e2e-run.
 */
import type { SummaryBuilder } from '../summary.js';
import type { LaneOutcome, LaneReport } from './report.js';

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value} ms`;
}

/** The job summary of a lane run (also printed to the log). */
export function summarizeLane(summary: SummaryBuilder, report: LaneReport): void {
  summary.heading(`${report.lane === 'integration' ? 'integration-test' : 'e2e-run'}: ${report.result}`);
  summary.table(
    ['Service', 'Image', 'Readiness', 'Ready after', 'URL'],
    report.services.map((s) => [
      s.name,
      s.image,
      s.readiness ?? '',
      s.readyAfterMs !== undefined ? ms(s.readyAfterMs) : '',
      s.url ?? '',
    ]),
  );
  const lines = [
    `project ${report.project} on ${report.engine}, stack ${report.stack}`,
    `digests verified: ${report.digestsVerified === null ? 'not checked' : report.digestsVerified ? 'yes' : 'NO'}`,
  ];
  if (report.readiness !== null) {
    lines.push(
      `ready ${ms(report.readiness.upMs)} after the first start; tests started ${ms(report.readiness.latencyMs)} after the last service was ready`,
    );
  }
  if (report.tests !== null) {
    lines.push(
      `tests (${report.tests.where === 'container' ? `in ${report.tests.image}` : 'on the runner'}): exit code ${report.tests.exitCode ?? 'none'} after ${ms(report.tests.durationMs)}`,
    );
  }
  lines.push(`lane took ${ms(report.durationMs)}`);
  if (report.bundle !== undefined) lines.push(`failure bundle: ${report.bundle}`);
  if (report.evidence !== undefined) {
    lines.push(
      `evidence (${report.evidence.signed ? 'signed' : 'unsigned'}): ${report.evidence.path}, stored for ${report.evidence.stored.length}/${report.images.length} digests`,
    );
  }
  summary.list(lines);
  if (report.failure !== undefined) summary.code(report.failure);
}

/** Why the step fails, or undefined when it passed. */
export function laneFailureMessage(outcome: LaneOutcome): string | undefined {
  const parts: string[] = [];
  if (outcome.report.failure !== undefined) parts.push(outcome.report.failure);
  if (outcome.evidenceError !== undefined) parts.push(outcome.evidenceError);
  if (parts.length === 0) return undefined;
  return parts.join('\n');
}
