/**
 * The copy phase of a promotion: what goes to the target (each image by digest with its evidence,
 * the referrers indexes, the source evidence tag, then the image tags) and running that through
 * `executeCopy`.
 */
import { errorMessage } from '../errors.js';
import type { FetchedManifest } from '../registry/manifests.js';
import type { Descriptor } from '../registry/media-types.js';
import { evidenceRepository, sourceEvidenceTag } from '../evidence/location.js';
import { executeCopy, type CopyOptions, type CopyPlan, type CopyReport } from './copy.js';
import { TagMoveError } from './tags.js';
import type { ImageEvidence } from './decide.js';
import type { EvidenceManifests } from './sources.js';
import type { Promotion } from './context.js';

/** A promotion's copy plan, and the evidence it copies per image (in plan order). */
export interface PromotionCopy {
  plan: CopyPlan;
  /** Descriptors of the readable image evidence copied with each image. */
  copied: Descriptor[][];
}

/** Plans the copy of every image of the promotion, all inputs in plan order (pure). */
export function planCopy(
  p: Promotion,
  manifests: readonly FetchedManifest[],
  evidence: readonly ImageEvidence[],
  evidenceManifests: readonly EvidenceManifests[],
): PromotionCopy {
  const plan: CopyPlan = { content: [], referrers: [], evidenceTags: [], imageTags: [] };
  const copied: Descriptor[][] = [];
  const sourceTags = new Set<string>();
  for (const [n, i] of p.plan.entries()) {
    const target = p.targetOf(i);
    const base = {
      source: p.sourceOf(i),
      sourceRepo: i.source.repository,
      target,
      targetRepo: i.target.repository,
    };
    plan.content.push({
      ...base,
      manifest: manifests[n]!,
      then: evidenceManifests[n]!.image.map((m) => ({ ...base, manifest: m })),
    });
    copied.push(evidence[n]!.imageEvidence.filter((e) => e.envelope !== undefined).map((e) => e.descriptor));
    plan.referrers.push({
      target,
      repo: i.target.repository,
      subject: i.source.digest.value,
      descriptors: copied[n]!,
    });
    if (i.target.tag !== undefined) {
      plan.imageTags.push({ target, repo: i.target.repository, tag: i.target.tag, manifest: manifests[n]! });
    }
    // Source evidence goes to the target's evidence repository, so the target verifies on its own.
    const src = evidenceManifests[n]!.source;
    const toRepo = evidenceRepository(i.target.repository);
    if (src !== undefined && !sourceTags.has(`${i.target.registry}/${toRepo}`)) {
      sourceTags.add(`${i.target.registry}/${toRepo}`);
      const fromRepo = evidenceRepository(i.source.repository);
      plan.content.push({ ...base, sourceRepo: fromRepo, targetRepo: toRepo, manifest: src });
      plan.evidenceTags.push({ target, repo: toRepo, tag: sourceEvidenceTag(p.commit), manifest: src });
    }
  }
  return { plan, copied };
}

/**
 * Runs the copy plan and logs what it did. The referrers indexes are not re-read here: the record
 * phase merges the same entries again and checks then.
 *
 * @throws TagMoveError when moving the image tags failed (moved tags were put back)
 * @throws Error saying every target tag is where it was, for any failure before the tags moved
 */
export async function copyServerSide(
  p: Promotion,
  plan: CopyPlan,
  options?: CopyOptions,
): Promise<CopyReport> {
  let r: CopyReport;
  try {
    r = await executeCopy(plan, { log: p.log, recheckReferrers: false, ...options });
  } catch (err) {
    if (err instanceof TagMoveError) throw err;
    throw new Error(
      `copy failed before any image tag was moved (every target tag is where it was): ${errorMessage(err)}`,
      { cause: err },
    );
  }
  p.log.info(
    `blobs: ${r.blobs.mounted} mounted, ${r.blobs.streamed} streamed, ${r.blobs.present} already there; ` +
      `manifests: ${r.manifests.put} put, ${r.manifests.present} already there; ` +
      `tags: ${r.tags.moved} moved, ${r.tags.unchanged} unchanged`,
  );
  return r;
}
