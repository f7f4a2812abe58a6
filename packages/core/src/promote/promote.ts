/**
 * promote-digest's core: verify the evidence of exactly these digests, then copy them server-side
 * (never rebuild) so the target serves the same digests, carry the evidence along, and record the
 * promotion as evidence of its own. Each phase is a module of its own; this one runs them in order.
 */
import type { DsseEnvelope } from '../evidence/dsse.js';
import type { Lane } from '../evidence/vsa.js';
import type { SummaryBuilder } from '../summary.js';
import { readTargetRecords } from './already-promoted.js';
import { startPromotion, sourceReference, type LogGroup, type PromotionSettings } from './context.js';
import type { CopyOptions, CopyReport } from './copy.js';
import { copyServerSide, planCopy } from './copy-plan.js';
import { settleAll } from './limit.js';
import type { PlannedImage } from './plan.js';
import { recordPromotion, writeRecord } from './record.js';
import { readSources, resolveSources, verifySources } from './sources.js';
import { formatTarget } from './target.js';
import { checkTargetDigests } from './target-digests.js';

/** Options of {@link promote}. */
export interface PromoteOptions extends PromotionSettings {
  /** The target template the plan was built from, e.g. `127.0.0.1:5000/staging/{name}:staging`. */
  target: string;
  /** Directory the promotion record file goes to (the action uses RUNNER_TEMP). */
  recordDir: string;
  copy?: CopyOptions;
  /** Wait before re-reading the referrers index after storing the record (default 20-50 ms). */
  recordSettleMs?: () => number;
  /** Environment for the record's run URL (`GITHUB_*`); default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Groups each phase's lines in the log (the action passes `summary.group`); default no groups. */
  group?: LogGroup;
  now?: () => Date;
}

/** One promoted image. */
export interface PromotedImage {
  name: string;
  digest: string;
  /** `registry/repository@digest` of the source. */
  source: string;
  /** `registry/repository[:tag]` of the target. */
  target: string;
  /**
   * `registry/repository@digest`: what the `promoted` output lists. No tag: the next job (deploy-staging)
   * takes image sets, which pin by digest only.
   */
  reference: string;
  lanes: Lane[];
}

/** What {@link promote} did. */
export interface PromoteResult {
  /** True when the target already had every image with its evidence and promotion record: nothing was written. */
  alreadyPromoted: boolean;
  images: PromotedImage[];
  record: DsseEnvelope;
  recordPath: string;
  /** Absent when already promoted. */
  copy?: CopyReport;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
  /** The CI run id whose evidence counted. */
  evidenceRun: string;
  /** True when the lanes' evidence signatures were not checked (`allowUnsigned`). */
  unsignedAllowed: boolean;
}

const ungrouped: LogGroup = (_title, fn) => fn();

/**
 * Verifies and promotes an image set. Steps: resolve every source digest; verify its evidence (every
 * required lane passed, same commit, whole set); stop with "already promoted" when the target holds
 * all of it with a promotion record; copy content by digest, then evidence tags, then image tags;
 * check the target resolves to the same digests; store and write the promotion record.
 *
 * @throws PromotionRefusedError when a source cannot be resolved or its evidence does not pass
 *   (nothing is copied then)
 * @throws Error when copying or the final check fails; image tags are left where they were
 */
export async function promote(options: PromoteOptions): Promise<PromoteResult> {
  const p = startPromotion(options);
  const { log } = p;
  const group = options.group ?? ungrouped;
  const timings: Record<string, number> = {};
  const trusted = { evidenceRun: p.evidenceRun, unsignedAllowed: 'unsignedAllowed' in p.trust };
  const timed = async <T>(phase: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await group(phase, fn);
    } finally {
      timings[phase] = Math.round(performance.now() - started);
    }
  };
  // Every read starts at once; the checks below still happen in order, and nothing is written
  // before all pass.
  const sources = readSources(p);
  const targetRecords = readTargetRecords(p);

  const manifests = await timed('Resolve source digests', () => resolveSources(p, sources));
  const evidence = await timed('Verify evidence', () => verifySources(p, sources));
  const images = promotedImages(p.plan, p.lanes);

  const existing = await timed('Check the target', () => settleAll(targetRecords, 'checking the target'));
  if (existing.every((r) => r !== undefined)) {
    const record = existing[0]!;
    const recordPath = await writeRecord(options.recordDir, options.commit, record);
    log.info(`already promoted: every image is at its target with its evidence; nothing was copied`);
    return { alreadyPromoted: true, images, record, recordPath, timings, ...trusted };
  }

  const evidenceManifests = await settleAll(sources.evidenceManifests, 'reading evidence manifests');
  const copy = planCopy(p, manifests, evidence, evidenceManifests);
  const report = await timed('Copy server-side', () => copyServerSide(p, copy.plan, options.copy));
  await timed('Check the target digests', () => checkTargetDigests(p));
  const record = await timed('Promotion record', () =>
    recordPromotion(p, {
      manifests,
      copied: copy.copied,
      evidence,
      report,
      timings,
      target: options.target,
      timeVerified: (options.now ?? (() => new Date()))(),
      env: options.env ?? process.env,
      settleMs: options.recordSettleMs ?? (() => 20 + Math.floor(Math.random() * 30)),
    }),
  );
  const recordPath = await writeRecord(options.recordDir, options.commit, record);
  log.info(
    `timings: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ')}`,
  );
  log.info(
    `promotion record: ${recordPath}${options.signingKey !== undefined ? ' (signed)' : ' (unsigned)'}`,
  );
  return { alreadyPromoted: false, images, record, recordPath, copy: report, timings, ...trusted };
}

function promotedImages(plan: readonly PlannedImage[], lanes: readonly Lane[]): PromotedImage[] {
  return plan.map((i) => ({
    name: i.name,
    digest: i.source.digest.value,
    source: sourceReference(i),
    target: formatTarget(i.target),
    reference: `${i.target.registry}/${i.target.repository}@${i.source.digest.value}`,
    lanes: [...lanes],
  }));
}

/** The `promoted` output: one `name=registry/repository[:tag]@digest` line per image. */
export function promotedOutput(result: Pick<PromoteResult, 'images'>): string {
  return result.images.map((i) => `${i.name}=${i.reference}`).join('\n');
}

/** Adds the job summary of a promotion: a table of name, digest, lanes verified and target. */
export function summarizePromotion(summary: SummaryBuilder, result: PromoteResult): void {
  summary.heading(result.alreadyPromoted ? 'promote-digest: already promoted' : 'promote-digest: promoted');
  summary.table(
    ['Name', 'Digest', 'Lanes verified', 'Target'],
    result.images.map((i) => [i.name, i.digest, i.lanes.join(', '), i.target]),
  );
  const signed = result.record.signatures.length > 0 ? 'signed' : 'unsigned';
  summary.text(`Promotion record (${signed}): ${result.recordPath}`);
  summary.text(`Evidence of CI run ${result.evidenceRun}.`);
  if (result.unsignedAllowed) {
    summary.text(
      "WARNING: evidence signatures were NOT checked (allow-unsigned): anyone who can push to the source repositories could have forged the lanes' verdicts. The promotion record says so (unsignedAllowed: true).",
    );
  }
}
