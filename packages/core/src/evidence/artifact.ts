/**
 * The evidence artifact: the OCI manifest that carries one DSSE envelope as its only layer, with the
 * lane, commit and creation time as annotations, and (for image evidence) the image as its `subject`.
 */
import { digestOf } from '../registry/digest.js';
import { OCI_EMPTY, OCI_MANIFEST, type Descriptor, type ManifestJson } from '../registry/media-types.js';
import { statementOf, type DsseEnvelope } from './dsse.js';

/** `artifactType` of digestline evidence manifests. */
export const EVIDENCE_ARTIFACT_TYPE = 'application/vnd.dev.digestline.evidence.v1+json';
/** Media type of the layer holding the DSSE envelope JSON. */
export const DSSE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
/** Annotation naming the lane of the evidence. */
export const LANE_ANNOTATION = 'dev.digestline.lane';
/** Annotation naming the commit the evidence is about. */
export const COMMIT_ANNOTATION = 'dev.digestline.commit';
/** OCI standard annotation: when the evidence was created (RFC 3339). */
export const CREATED_ANNOTATION = 'org.opencontainers.image.created';

/** The OCI empty JSON blob (`{}`), config of artifacts without a config. */
export const EMPTY_BLOB = Buffer.from('{}', 'utf8');
/** Descriptor of {@link EMPTY_BLOB}. */
export const EMPTY_DESCRIPTOR: Descriptor = { mediaType: OCI_EMPTY, digest: digestOf(EMPTY_BLOB), size: 2 };

/** A built evidence manifest ready to upload. */
export interface EvidenceManifest {
  manifest: ManifestJson;
  bytes: Buffer;
  digest: string;
  /** The DSSE envelope JSON, the manifest's only layer. */
  layer: Buffer;
  /** The descriptor to list in a referrers index (with artifactType and annotations). */
  descriptor: Descriptor;
}

/**
 * Builds the evidence artifact manifest for an envelope (pure). `subject` is omitted for source-lane
 * evidence, which refers to a commit rather than an image.
 */
export function buildEvidenceManifest(
  envelope: DsseEnvelope,
  opts: { subject?: Descriptor; created?: Date },
): EvidenceManifest {
  const statement = statementOf(envelope);
  const layer = Buffer.from(JSON.stringify(envelope), 'utf8');
  const annotations: Record<string, string> = {
    [LANE_ANNOTATION]: statement.predicate.lane,
    [COMMIT_ANNOTATION]: statement.predicate.commit.sha,
    [CREATED_ANNOTATION]: (opts.created ?? new Date(statement.predicate.timeVerified)).toISOString(),
  };
  const manifest: ManifestJson = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: EVIDENCE_ARTIFACT_TYPE,
    config: EMPTY_DESCRIPTOR,
    layers: [{ mediaType: DSSE_MEDIA_TYPE, digest: digestOf(layer), size: layer.length }],
    annotations,
  };
  if (opts.subject !== undefined) {
    manifest.subject = {
      mediaType: opts.subject.mediaType,
      digest: opts.subject.digest,
      size: opts.subject.size,
    };
  }
  const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const digest = digestOf(bytes);
  return {
    manifest,
    bytes,
    digest,
    layer,
    descriptor: {
      mediaType: OCI_MANIFEST,
      digest,
      size: bytes.length,
      artifactType: EVIDENCE_ARTIFACT_TYPE,
      annotations,
    },
  };
}
