/**
 * The first phase of a promotion: read every source (its manifest, its evidence and the manifests of
 * that evidence), then check that each digest resolves and that its evidence passes. Nothing is
 * written here, and nothing is written later unless both checks pass.
 */
import { errorMessage } from '../errors.js';
import type { FetchedManifest } from '../registry/manifests.js';
import { findEvidence, type FoundEvidence } from '../evidence/find.js';
import { evidenceRepository } from '../evidence/location.js';
import { isNotFound } from '../evidence/registry.js';
import type { Lane } from '../evidence/vsa.js';
import { decideSet, PromotionRefusedError, type ImageEvidence, type VerifiedEvidence } from './decide.js';
import { settleAll } from './limit.js';
import { settled, shortDigest, sourceReference, type Promotion } from './context.js';

/** The evidence manifests of one image to copy along with it. */
export interface EvidenceManifests {
  /** The manifests of the image's readable evidence. */
  image: FetchedManifest[];
  /** The manifest of the commit's source-lane evidence, when there is one. */
  source: FetchedManifest | undefined;
}

/** Reads of every source, one promise per image of the plan (in plan order), all started at once. */
export interface SourceReads {
  manifests: Array<Promise<FetchedManifest>>;
  evidence: Array<Promise<ImageEvidence>>;
  evidenceManifests: Array<Promise<EvidenceManifests>>;
}

/**
 * Starts every read of the sources at once: they are independent, and a promotion is mostly waiting
 * on round trips. The decisions still happen in order ({@link resolveSources}, then
 * {@link verifySources}); a rejection is observed at once, so reads abandoned after a refusal are
 * harmless.
 */
export function readSources(p: Promotion): SourceReads {
  const manifests = p.plan.map((i) =>
    settled(p.sourceOf(i).getManifest(i.source.repository, i.source.digest.value)),
  );
  const evidence = p.plan.map((i) =>
    settled(
      (async (): Promise<ImageEvidence> => {
        const [imageEvidence, sourceEvidence] = await Promise.all([
          findEvidence(p.sourceOf(i), i.source.repository, i.source.digest),
          p.sourceEvidenceOf(p.sourceOf(i), evidenceRepository(i.source.repository)),
        ]);
        return {
          name: i.name,
          reference: sourceReference(i),
          digest: i.source.digest.value,
          imageEvidence,
          sourceEvidence,
        };
      })(),
    ),
  );
  // The manifests of the evidence to copy: those findEvidence read (digest-verified), fetched again
  // only if a reader did not keep one.
  const evidenceManifests = evidence.map((read, n) => {
    const i = p.plan[n]!;
    const manifestOf = (f: FoundEvidence, repo: string): Promise<FetchedManifest> =>
      f.manifest !== undefined
        ? Promise.resolve(f.manifest)
        : p.sourceOf(i).getManifest(repo, f.descriptor.digest);
    return settled(
      read.then(async (e): Promise<EvidenceManifests> => {
        const source = e.sourceEvidence.find((f) => f.envelope !== undefined);
        const [image, sourceManifest] = await Promise.all([
          settleAll(
            e.imageEvidence
              .filter((f) => f.envelope !== undefined)
              .map((f) => manifestOf(f, i.source.repository)),
            `reading the evidence manifests of ${i.name}`,
          ),
          source === undefined ? undefined : manifestOf(source, evidenceRepository(i.source.repository)),
        ]);
        return { image, source: sourceManifest };
      }),
    );
  });
  return { manifests, evidence, evidenceManifests };
}

/**
 * Checks that every source manifest exists and its bytes hash to its digest (the client verifies).
 *
 * @throws PromotionRefusedError naming every source that cannot be resolved
 */
export async function resolveSources(p: Promotion, reads: SourceReads): Promise<FetchedManifest[]> {
  const results = await Promise.allSettled(reads.manifests);
  const problems = results.flatMap((r, n) =>
    r.status === 'rejected'
      ? [
          `${p.plan[n]!.name} (${sourceReference(p.plan[n]!)}): cannot be resolved: ` +
            (isNotFound(r.reason) ? 'the source registry does not have it' : errorMessage(r.reason)),
        ]
      : [],
  );
  if (problems.length > 0) throw new PromotionRefusedError(problems, 'source digests');
  return results.map((r, n) => {
    const m = (r as PromiseFulfilledResult<FetchedManifest>).value;
    p.log.info(
      `${p.plan[n]!.name}: ${sourceReference(p.plan[n]!)} (${m.mediaType}, ${m.bytes.length} bytes)`,
    );
    return m;
  });
}

/**
 * Verifies the evidence of exactly these digests, for this commit and this set, logging each lane's
 * verdict.
 *
 * @throws PromotionRefusedError when any image lacks passing evidence for a required lane
 */
export async function verifySources(p: Promotion, reads: SourceReads): Promise<VerifiedEvidence[]> {
  const found = await settleAll(reads.evidence, 'reading evidence');
  const decision = decideSet({
    images: found,
    commit: p.commit,
    run: p.evidenceRun,
    requiredLanes: p.lanes,
    trust: p.trust,
  });
  for (const v of decision.verdicts) {
    for (const lane of p.lanes) {
      const l = v.verdict.lanes[lane];
      p.log.info(
        `${v.name} ${shortDigest(v.digest)} ${lane}: ${l?.passed ? 'passed' : 'NOT passed'}: ${l?.reason ?? ''}`,
      );
    }
  }
  if (!decision.ok) throw new PromotionRefusedError(decision.problems);
  return found.map((f, n) => {
    const chosen: Partial<Record<Lane, FoundEvidence>> = {};
    for (const [lane, verdict] of Object.entries(decision.verdicts[n]?.verdict.lanes ?? {})) {
      if (verdict?.evidence !== undefined) chosen[lane as Lane] = verdict.evidence;
    }
    return { ...f, chosen };
  });
}
