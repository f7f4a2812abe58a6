/**
 * The job summary of build-image (image, digest, size, policy result and violations), and the
 * error a policy failure ends the step with.
 */
import type { SummaryBuilder } from '../summary.js';
import type { BuildImageResult } from './build-image.js';

/** Bytes as decimal MB with the exact count, e.g. `12.3 MB (12345678 bytes)`. */
export function formatBytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB (${bytes} bytes)`;
}

/** Fills `summary` with the outcome of one build. */
export function summarizeBuild(summary: SummaryBuilder, result: BuildImageResult): void {
  const m = result.metadata;
  summary.heading('build-image');
  const rows: Array<[string, string]> = [];
  if (m.image !== null) rows.push(['Image', m.image]);
  else rows.push(['Image', 'not pushed (push: false); local image ' + result.imageId]);
  if (m.digest !== null) rows.push(['Digest', m.digest]);
  if (m.size !== null) rows.push(['Size (compressed)', formatBytes(m.size)]);
  if (result.tags.length > 0) rows.push(['Tags', result.tags.join(', ')]);
  if (m.platform !== null) rows.push(['Platform', `${m.platform.os}/${m.platform.architecture}`]);
  rows.push(['Revision', m.revision], ['Created', m.created], ['Role', m.role]);
  const policy = result.policy;
  rows.push([
    'Policy',
    policy === undefined
      ? 'none'
      : `${policy.passed ? 'passed' : `FAILED (${policy.violations.length} violation${policy.violations.length === 1 ? '' : 's'})`}: ${policy.source}`,
  ]);
  summary.keyValues(rows, ['Field', 'Value']);
  if (policy === undefined) return;
  const outcomes = Object.entries(policy.checked);
  if (outcomes.length > 0) {
    summary.heading('Policy rules', 3);
    summary.table(
      ['Rule', 'Result', 'Detail'],
      outcomes.map(([rule, outcome]) => {
        const n = policy.violations.filter((v) => v.rule === rule).length;
        return [
          rule,
          outcome.passed ? 'pass' : 'FAIL',
          outcome.passed ? outcome.detail : `${n} violation${n === 1 ? '' : 's'}, below`,
        ];
      }),
    );
  }
  if (!policy.passed) {
    summary.heading('Violations', 3);
    summary.table(
      ['Rule', 'Violation'],
      policy.violations.map((v) => [v.rule, v.message.slice(v.rule.length + 2)]),
    );
    summary.text(
      'The image was pushed (the policy judges the bytes in the registry) but this step failed, so its ' +
        'digest is never promoted: promotion requires this step to succeed.',
    );
  }
}

/**
 * The step's failure message for a violated policy: every violation on its own line.
 * Returns undefined when there is nothing to fail for.
 */
export function policyFailureMessage(result: BuildImageResult): string | undefined {
  const policy = result.policy;
  if (policy === undefined || policy.passed) return undefined;
  const n = policy.violations.length;
  return (
    `${result.metadata.image ?? result.imageId} violates ${policy.source} (${n} violation${n === 1 ? '' : 's'}):\n` +
    policy.violations.map((v) => `  - ${v.message}`).join('\n')
  );
}
