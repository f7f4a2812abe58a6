/**
 * The promotion decision for a whole set: each image's evidence is judged by the evidence module's
 * `decideEvidence` against the same commit and the same set, and one failing image refuses the set.
 */
import { decideEvidence, type EvidenceTrust, type EvidenceVerdict } from '../evidence/verify.js';
import type { FoundEvidence } from '../evidence/find.js';
import type { TestedImage } from '../evidence/statement.js';
import type { Lane } from '../evidence/vsa.js';

/** The evidence found for one image of the set. */
export interface ImageEvidence {
  name: string;
  /** `registry/repository@digest` of the source, for messages. */
  reference: string;
  digest: string;
  imageEvidence: readonly FoundEvidence[];
  sourceEvidence: readonly FoundEvidence[];
}

/** An image's evidence after the set passed: `chosen` is the evidence that decided each lane. */
export interface VerifiedEvidence extends ImageEvidence {
  chosen: Partial<Record<Lane, FoundEvidence>>;
}

/** Input of {@link decideSet}. */
export interface SetDecisionInput {
  images: readonly ImageEvidence[];
  /** The whole set promoted together, when only some of its images are judged; default `images`. */
  set?: readonly TestedImage[];
  commit: string;
  /** The CI run id whose evidence counts. */
  run: string;
  requiredLanes: readonly Lane[];
  trust: EvidenceTrust;
}

/** The decision for a set: `ok` only when every image passed every required lane. */
export interface SetDecision {
  ok: boolean;
  verdicts: Array<{ name: string; reference: string; digest: string; verdict: EvidenceVerdict }>;
  /** One line per problem, each naming the image, its digest and the lane. */
  problems: string[];
}

/**
 * Decides a whole set (pure). Every image is judged with the full set as `set`, so integration and
 * E2E evidence counts only when it tested exactly the images promoted together.
 */
export function decideSet(input: SetDecisionInput): SetDecision {
  const set = input.set ?? input.images.map((i) => ({ name: i.name, digest: i.digest }));
  const verdicts = input.images.map((image) => {
    const verdict = decideEvidence({
      digest: image.digest,
      commit: input.commit,
      run: input.run,
      requiredLanes: input.requiredLanes,
      set,
      imageEvidence: image.imageEvidence,
      sourceEvidence: image.sourceEvidence,
      trust: input.trust,
    });
    return { name: image.name, reference: image.reference, digest: image.digest, verdict };
  });
  const problems = verdicts.flatMap((v) =>
    v.verdict.ok ? [] : v.verdict.problems.map((p) => `${v.name} (${v.reference}): ${p}`),
  );
  return { ok: verdicts.every((v) => v.verdict.ok), verdicts, problems };
}

/** Promotion was refused: nothing was copied. `problems` has one line per reason. */
export class PromotionRefusedError extends Error {
  override readonly name = 'PromotionRefusedError';
  constructor(
    readonly problems: string[],
    what = 'evidence check',
  ) {
    super(`promotion refused (${what}), nothing was copied:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
