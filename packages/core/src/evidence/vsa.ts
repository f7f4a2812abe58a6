/**
 * The SLSA Verification Summary Attestation v1 vocabulary digestline fills
 * (https://slsa.dev/spec/v1.0/verification_summary): the predicate type, and the verifier, policy and
 * level names of each lane.
 */

/** The lanes that produce evidence. */
export const LANES = ['source', 'integration', 'e2e', 'promotion'] as const;

/** A lane that produces evidence. */
export type Lane = (typeof LANES)[number];

/** `predicateType` of the evidence: SLSA Verification Summary Attestation v1. */
export const VERIFICATION_PREDICATE_TYPE = 'https://slsa.dev/verification_summary/v1';

/** The `verifier.id` of a lane's evidence: `https://digestline.dev/verifier/<lane>`. */
export function verifierId(lane: Lane): string {
  return `https://digestline.dev/verifier/${lane}`;
}

/**
 * The `policy.uri` of a lane that applied no policy file of its own: digestline's built-in rules for
 * that lane, `https://digestline.dev/policy/<lane>/v1` (VSA requires a policy URI on every statement).
 */
export function defaultPolicyUri(lane: Lane): string {
  return `https://digestline.dev/policy/${lane}/v1`;
}

/**
 * The `verifiedLevels` entry a PASSED lane claims: a custom track per lane, level 1,
 * e.g. `DIGESTLINE_INTEGRATION_LEVEL_1`. VSA v1 (SlsaResult): "Users MAY use custom values here but
 * MUST NOT use custom values starting with `SLSA_`", and no more than one level per track.
 */
export function laneLevel(lane: Lane): string {
  return `DIGESTLINE_${lane.toUpperCase()}_LEVEL_1`;
}

/** An in-toto ResourceDescriptor naming an attestation a verification relied on (VSA `inputAttestations`). */
export interface InputAttestation {
  /** Where to fetch it, e.g. `oci://registry/repo@sha256:<evidence manifest>`. */
  uri: string;
  /** Digest of the attestation itself (the DSSE envelope JSON). */
  digest: Record<string, string>;
}
