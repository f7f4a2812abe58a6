/**
 * The promotion decision for a whole set: each image's evidence is judged by the evidence module's
 * `decideEvidence` against the same commit and the same set, and one failing image refuses the set.
 */
import type { KeyObject } from 'node:crypto';
import { decideEvidence, type EvidenceVerdict } from '../evidence/verify.js';
import type { FoundEvidence } from '../evidence/find.js';
import type { Lane, TestedImage } from '../evidence/statement.js';

/** The evidence found for one image of the set. */
export interface ImageEvidence {
  name: string;
  /** `registry/repository@digest` of the source, for messages. */
  reference: string;
  digest: string;
  imageEvidence: readonly FoundEvidence[];
  sourceEvidence: readonly FoundEvidence[];
}

/** Input of {@link decideSet}. */
export interface SetDecisionInput {
  images: readonly ImageEvidence[];
  commit: string;
  requiredLanes: readonly Lane[];
  publicKey?: string | KeyObject;
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
 * E2E evidence counts only when it covered every image promoted together.
 */
export function decideSet(input: SetDecisionInput): SetDecision {
  const set: TestedImage[] = input.images.map((i) => ({ name: i.name, digest: i.digest }));
  const verdicts = input.images.map((image) => {
    const verdict = decideEvidence({
      digest: image.digest,
      commit: input.commit,
      requiredLanes: input.requiredLanes,
      set,
      imageEvidence: image.imageEvidence,
      sourceEvidence: image.sourceEvidence,
      ...(input.publicKey !== undefined ? { publicKey: input.publicKey } : {}),
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
