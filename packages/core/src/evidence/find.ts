/**
 * Finds evidence again: the envelopes attached to an image digest (referrers API, or the fallback
 * tag), and the source-lane evidence of a commit. Every envelope is checked against what listed it
 * (digest, artifact type, subject, size) before it is parsed.
 */
import { digestOf } from '../registry/digest.js';
import type { FetchedManifest } from '../registry/manifests.js';
import type { Descriptor } from '../registry/media-types.js';
import { errorMessage } from '../errors.js';
import { Limiter } from '../promote/limit.js';
import { parseDigest, type ParsedDigest } from '../reference.js';
import { DSSE_MEDIA_TYPE, EVIDENCE_ARTIFACT_TYPE, LANE_ANNOTATION } from './artifact.js';
import { parseEnvelope, type DsseEnvelope } from './dsse.js';
import { fallbackTag, sourceEvidenceTag } from './location.js';
import {
  getManifestOrUndefined,
  knownWithoutReferrersApi,
  readBlob,
  referrersOf,
  type EvidenceRegistry,
} from './registry.js';
import type { Lane } from './vsa.js';

/** Evidence envelopes larger than this are refused on read: a statement is a few KiB. */
const MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;

/**
 * At most this many evidence artifacts are read for one digest. A digest gathers a few per pipeline
 * run; anyone who can push could attach thousands, and reading them all would cost us the memory and
 * the registry the requests. More than this is refused, not truncated: a cut-off list could hide the
 * verdict that matters.
 */
export const MAX_EVIDENCE_PER_DIGEST = 256;

/** Evidence envelopes read at the same time (registries throttle clients with dozens of requests open). */
export const EVIDENCE_READ_CONCURRENCY = 8;

/** One piece of evidence found in the registry; `error` says why its envelope could not be used. */
export interface FoundEvidence {
  descriptor: Descriptor;
  /** Where it was found: `referrers-api`, or the tag. */
  via: string;
  envelope?: DsseEnvelope;
  /**
   * The evidence manifest as read (its digest verified against `descriptor`), when `envelope` is set:
   * a caller copying the evidence needs not fetch it again.
   */
  manifest?: FetchedManifest;
  error?: string;
}

async function loadEnvelope(
  client: EvidenceRegistry,
  repo: string,
  descriptor: Descriptor,
  expectSubject: ParsedDigest | undefined,
  via: string,
  preloaded?: FetchedManifest,
): Promise<FoundEvidence> {
  try {
    const m = preloaded ?? (await client.getManifest(repo, descriptor.digest));
    if (m.digest !== descriptor.digest) {
      throw new Error(`manifest digest ${m.digest} does not match the listed ${descriptor.digest}`);
    }
    if (m.json.artifactType !== EVIDENCE_ARTIFACT_TYPE) {
      throw new Error(
        `artifactType is ${JSON.stringify(m.json.artifactType)}, not ${EVIDENCE_ARTIFACT_TYPE}`,
      );
    }
    if (expectSubject !== undefined && m.json.subject?.digest !== expectSubject.value) {
      throw new Error(`its subject is ${m.json.subject?.digest ?? 'missing'}, not ${expectSubject.value}`);
    }
    const layer = m.json.layers?.find((l) => l.mediaType === DSSE_MEDIA_TYPE);
    if (layer === undefined) throw new Error(`it has no ${DSSE_MEDIA_TYPE} layer`);
    if (layer.size > MAX_ENVELOPE_BYTES)
      throw new Error(`its envelope is ${layer.size} bytes, over the limit`);
    const bytes = await readBlob(client, repo, layer.digest, MAX_ENVELOPE_BYTES);
    // The client checks digests too; checking here keeps the guarantee independent of the transport.
    // The layer digest is the registry's text, so it is parsed (validated) here, once.
    const actual = digestOf(bytes, parseDigest(layer.digest).algorithm);
    if (actual !== layer.digest)
      throw new Error(`envelope blob hashes to ${actual}, expected ${layer.digest}`);
    if (bytes.length !== layer.size)
      throw new Error(`envelope blob is ${bytes.length} bytes, expected ${layer.size}`);
    const envelope = parseEnvelope(JSON.parse(bytes.toString('utf8')));
    return { descriptor, via, envelope, manifest: m };
  } catch (err) {
    return { descriptor, via, error: `evidence ${descriptor.digest} in ${repo}: ${errorMessage(err)}` };
  }
}

/**
 * Finds the evidence attached to image manifest `digest` in `repo`: referrers API first, the fallback
 * tag when the registry has no referrers API. Each envelope blob's sha256 is verified; evidence that
 * cannot be read is returned with `error` rather than dropped, so callers can report it.
 *
 * @param digest the parsed digest, or its text (validated here)
 * @param opts.lane only evidence whose lane annotation names this lane
 */
export async function findEvidence(
  client: EvidenceRegistry,
  repo: string,
  digest: string | ParsedDigest,
  opts: { lane?: Lane } = {},
): Promise<FoundEvidence[]> {
  const subjectDigest = typeof digest === 'string' ? parseDigest(digest) : digest;
  const tag = fallbackTag(subjectDigest);
  const readFallback = async (): Promise<Descriptor[]> =>
    (await getManifestOrUndefined(client, repo, tag))?.json.manifests ?? [];
  let descriptors: Descriptor[];
  let via = 'referrers-api';
  if (knownWithoutReferrersApi(client)) {
    via = `tag:${tag}`;
    descriptors = await readFallback();
  } else {
    // Until the registry has told, both are asked at once: the fallback read costs nothing when the
    // API answers, and saves a round trip when it does not.
    const fallback = readFallback();
    fallback.catch(() => undefined);
    const viaApi = await referrersOf(client, repo, subjectDigest.value, EVIDENCE_ARTIFACT_TYPE);
    if (viaApi !== null) descriptors = viaApi;
    else {
      via = `tag:${tag}`;
      descriptors = await fallback;
    }
  }
  const wanted = descriptors.filter(
    (d) =>
      d.artifactType === EVIDENCE_ARTIFACT_TYPE &&
      (opts.lane === undefined || d.annotations?.[LANE_ANNOTATION] === opts.lane),
  );
  if (wanted.length > MAX_EVIDENCE_PER_DIGEST) {
    throw new Error(
      `${repo}@${subjectDigest.value} has ${wanted.length} evidence artifacts (${via}), more than the ` +
        `${MAX_EVIDENCE_PER_DIGEST} digestline reads for one digest; delete the ones that are not yours`,
    );
  }
  const limiter = new Limiter(EVIDENCE_READ_CONCURRENCY);
  return Promise.all(wanted.map((d) => limiter.run(() => loadEnvelope(client, repo, d, subjectDigest, via))));
}

/**
 * Finds the source-lane evidence of `commit` in the evidence repository `repo` (tag
 * `commit-<sha>.source`); an empty list when there is none.
 */
export async function findSourceEvidence(
  client: EvidenceRegistry,
  repo: string,
  commit: string,
): Promise<FoundEvidence[]> {
  const tag = sourceEvidenceTag(commit);
  const m = await getManifestOrUndefined(client, repo, tag);
  if (m === undefined) return [];
  const descriptor: Descriptor = { mediaType: m.mediaType, digest: m.digest, size: m.bytes.length };
  if (m.json.annotations !== undefined) descriptor.annotations = m.json.annotations;
  if (m.json.artifactType !== undefined) descriptor.artifactType = m.json.artifactType;
  return [await loadEnvelope(client, repo, descriptor, undefined, `tag:${tag}`, m)];
}
