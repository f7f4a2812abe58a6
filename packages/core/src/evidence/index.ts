/** Evidence: in-toto statements in DSSE envelopes, stored next to image digests in the registry. */
export * from './statement.js';
export * from './dsse.js';
export * from './store.js';
export {
  buildEvidenceManifest,
  COMMIT_ANNOTATION,
  CREATED_ANNOTATION,
  DSSE_MEDIA_TYPE,
  EMPTY_BLOB,
  EMPTY_DESCRIPTOR,
  EVIDENCE_ARTIFACT_TYPE,
  LANE_ANNOTATION,
  type EvidenceManifest,
} from './artifact.js';
export { findEvidence, findSourceEvidence, type FoundEvidence } from './find.js';
export { evidenceRepository, fallbackTag, sourceEvidenceTag } from './location.js';
export { mergeIntoFallback, mergeReferrer, type MergeOptions } from './referrers-index.js';
export { isNotFound, knownWithoutReferrersApi, referrersOf, type EvidenceRegistry } from './registry.js';
export * from './verify.js';
