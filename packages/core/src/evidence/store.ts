/**
 * Stores DSSE evidence envelopes in the registry next to the image they speak about.
 *
 * Image evidence is an OCI artifact manifest whose `subject` is the image manifest, made discoverable
 * through the OCI referrers API when the registry has one, otherwise through the referrers tag-schema
 * fallback (an OCI index at tag `sha256-<hex>`). The same envelope also goes into cosign's attestation
 * layout (tag `sha256-<hex>.att`), where `cosign verify-attestation` and admission controllers look.
 * Source-lane evidence has no image to point at; it is tagged `commit-<sha>.source` in an evidence
 * repository so it can be found from the commit alone.
 */
import { OCI_MANIFEST, type Descriptor } from '../registry/media-types.js';
import { parseDigest, type ParsedDigest } from '../reference.js';
import { buildEvidenceManifest, EMPTY_BLOB, EMPTY_DESCRIPTOR, EVIDENCE_ARTIFACT_TYPE } from './artifact.js';
import { attachCosignAttestations } from './cosign-layout.js';
import { statementOf, type DsseEnvelope } from './dsse.js';
import { fallbackTag, sourceEvidenceTag } from './location.js';
import { mergeIntoFallback, type MergeOptions } from './referrers-index.js';
import { referrersOf, uploadIfMissing, type EvidenceRegistry } from './registry.js';

/** What {@link storeEvidence} did. */
export interface StoredEvidence {
  /** Digest of the evidence manifest. */
  digest: string;
  descriptor: Descriptor;
  /** `referrers-api` when the registry indexes it, else the fallback tag that lists it. */
  discoverableVia: 'referrers-api' | `tag:${string}`;
  /** Rounds the fallback merge took (0 with the referrers API). */
  mergeRounds: number;
  /** The cosign attestation tag (`sha256-<hex>.att`) that holds the envelope too; image evidence only. */
  cosignTag?: string;
}

/**
 * Stores an evidence envelope attached to the image manifest `digest` in `repo`.
 *
 * Uploads the empty config and the envelope, PUTs the artifact manifest by digest, then makes it
 * discoverable: nothing more when the referrers API answers, otherwise merges it into the fallback
 * index at tag `sha256-<hex>`. Distribution 2.8 has no compare-and-set on tags, so the merge re-reads
 * after each put (after a short random wait) and merges again when a concurrent writer replaced the
 * index without our entry. Idempotent: storing the same envelope again changes nothing.
 *
 * @throws Error when the statement's subjects do not include `digest`, or the merge does not stick
 */
export async function storeEvidence(
  client: EvidenceRegistry,
  repo: string,
  digest: string | ParsedDigest,
  envelope: DsseEnvelope,
  opts: MergeOptions & { created?: Date } = {},
): Promise<StoredEvidence> {
  const subjectDigest = typeof digest === 'string' ? parseDigest(digest) : digest;
  const statement = statementOf(envelope);
  if (!statement.subject.some((s) => s.digest[subjectDigest.algorithm] === subjectDigest.hex)) {
    throw new Error(
      `${statement.predicate.lane} evidence does not name ${subjectDigest.value} among its subjects; refusing to attach it there`,
    );
  }
  const image = await client.getManifest(repo, subjectDigest.value);
  const subject: Descriptor = { mediaType: image.mediaType, digest: image.digest, size: image.bytes.length };
  const built = buildEvidenceManifest(
    envelope,
    opts.created !== undefined ? { subject, created: opts.created } : { subject },
  );
  await uploadIfMissing(client, repo, EMPTY_BLOB, EMPTY_DESCRIPTOR.digest);
  await uploadIfMissing(client, repo, built.layer, built.manifest.layers![0]!.digest);
  await client.putManifest(repo, built.digest, built.bytes, OCI_MANIFEST);

  // Two tags, two writers' worth of waiting: both at once.
  const [listed, cosign] = await Promise.all([
    (async (): Promise<Pick<StoredEvidence, 'discoverableVia' | 'mergeRounds'>> => {
      const viaApi = await referrersOf(client, repo, subjectDigest.value, EVIDENCE_ARTIFACT_TYPE);
      if (viaApi !== null) return { discoverableVia: 'referrers-api', mergeRounds: 0 };
      const tag = fallbackTag(subjectDigest);
      return {
        discoverableVia: `tag:${tag}`,
        mergeRounds: await mergeIntoFallback(client, repo, tag, built.descriptor, opts),
      };
    })(),
    attachCosignAttestations(client, repo, subjectDigest, [envelope], opts),
  ]);
  return { digest: built.digest, descriptor: built.descriptor, ...listed, cosignTag: cosign.tag };
}

/**
 * Stores source-lane evidence in `repo` (the evidence repository, see docs/evidence.md) under tag
 * `commit-<sha>.source`, replacing an earlier run's evidence for the same commit.
 */
export async function storeSourceEvidence(
  client: EvidenceRegistry,
  repo: string,
  envelope: DsseEnvelope,
  opts: { created?: Date } = {},
): Promise<StoredEvidence> {
  const statement = statementOf(envelope);
  if (statement.predicate.lane !== 'source') {
    throw new Error(`storeSourceEvidence takes source-lane evidence, got ${statement.predicate.lane}`);
  }
  const built = buildEvidenceManifest(envelope, opts.created !== undefined ? { created: opts.created } : {});
  const tag = sourceEvidenceTag(statement.predicate.commit.sha);
  await uploadIfMissing(client, repo, EMPTY_BLOB, EMPTY_DESCRIPTOR.digest);
  await uploadIfMissing(client, repo, built.layer, built.manifest.layers![0]!.digest);
  await client.putManifest(repo, tag, built.bytes, OCI_MANIFEST);
  return {
    digest: built.digest,
    descriptor: built.descriptor,
    discoverableVia: `tag:${tag}`,
    mergeRounds: 0,
  };
}
