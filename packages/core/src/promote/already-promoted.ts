/**
 * Idempotence of promotion: the same set promoted again finds every image at its target with its
 * evidence and a promotion record, and writes nothing.
 */
import type { DsseEnvelope } from '../evidence/dsse.js';
import { statementOf } from '../evidence/dsse.js';
import { findEvidence } from '../evidence/find.js';
import { setDifference } from '../evidence/verify.js';
import { evidenceRepository } from '../evidence/location.js';
import { decideSet } from './decide.js';
import type { PlannedImage } from './plan.js';
import { latestPromotion } from './record.js';
import { formatTarget } from './target.js';
import { settled, type Promotion } from './context.js';

/**
 * Starts reading, for every image of the plan (in plan order), the promotion record that makes it
 * already promoted: `undefined` when the image is not at its target yet, or its evidence there is
 * incomplete.
 */
export function readTargetRecords(p: Promotion): Array<Promise<DsseEnvelope | undefined>> {
  const set = p.plan.map((i) => ({ name: i.name, digest: i.source.digest.value }));
  return p.plan.map((i) => settled(targetRecord(p, i, set)));
}

async function targetRecord(
  p: Promotion,
  i: PlannedImage,
  set: ReadonlyArray<{ name: string; digest: string }>,
): Promise<DsseEnvelope | undefined> {
  const target = p.targetOf(i);
  const at = await target.headManifest(i.target.repository, i.target.tag ?? i.source.digest.value);
  if (at?.digest !== i.source.digest.value) {
    p.log.info(
      `${i.name}: ${formatTarget(i.target)} ${at === null ? 'does not exist yet' : `is at ${at.digest}`}`,
    );
    return undefined;
  }
  const [imageEvidence, sourceEvidence] = await Promise.all([
    findEvidence(target, i.target.repository, i.source.digest),
    p.sourceEvidenceOf(target, evidenceRepository(i.target.repository)),
  ]);
  const decision = decideSet({
    images: [
      {
        name: i.name,
        reference: formatTarget(i.target),
        digest: i.source.digest.value,
        imageEvidence,
        sourceEvidence,
      },
    ],
    set,
    commit: p.commit,
    run: p.evidenceRun,
    requiredLanes: p.lanes,
    trust: p.trust,
  });
  // decideSet judged this image against the whole set; the promotion record must be for the set, and is
  // signed by our signing key (not the lanes' key), so it is checked against that.
  const record = latestPromotion(imageEvidence, p.commit, set, p.recordKey);
  // latestPromotion accepts a record of a larger set; promoted together means exactly this set.
  const exact =
    record !== undefined && setDifference(statementOf(record).predicate.tested, set) === undefined;
  if (!decision.ok || record === undefined || !exact) {
    const why = !decision.ok
      ? decision.problems.join('; ')
      : record === undefined
        ? 'no promotion record of this commit and set'
        : 'its promotion record is for another set';
    p.log.info(
      `${i.name}: ${formatTarget(i.target)} is at the digest, but its evidence is incomplete: ${why}`,
    );
    return undefined;
  }
  p.log.info(`${i.name}: ${formatTarget(i.target)} is already at ${i.source.digest.value} with its evidence`);
  return record;
}
