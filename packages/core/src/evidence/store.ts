/**
 * Stores DSSE evidence envelopes in the registry next to the image they speak about, and finds them
 * again.
 *
 * Image evidence is an OCI artifact manifest whose `subject` is the image manifest, made discoverable
 * through the OCI referrers API when the registry has one, otherwise through the referrers tag-schema
 * fallback (an OCI index at tag `sha256-<hex>`). Source-lane evidence has no image to point at; it is
 * tagged `commit-<sha>.source` in an evidence repository so it can be found from the commit alone.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { digestOf } from '../registry/digest.js';
import {
  OCI_EMPTY,
  OCI_INDEX,
  OCI_MANIFEST,
  type Descriptor,
  type ManifestJson,
} from '../registry/media-types.js';
import { errorMessage } from '../errors.js';
import { RegistryError, type FetchedManifest, type RegistryClient } from '../registry/client.js';
import { parseDigest } from '../reference.js';
import { parseEnvelope, statementOf, type DsseEnvelope } from './dsse.js';
import { assertGitObjectId, type Lane } from './statement.js';

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

/** Evidence envelopes larger than this are refused on read: a statement is a few KiB. */
const MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;

/**
 * The part of {@link RegistryClient} evidence needs; unit tests pass an in-memory registry with the
 * same methods.
 */
export type EvidenceRegistry = Pick<
  RegistryClient,
  'getManifest' | 'putManifest' | 'headBlob' | 'getBlob' | 'uploadBlob' | 'referrers'
>;

/**
 * Clients whose registry answered 404 to the referrers API. The OCI distribution spec forbids a 404
 * from a registry that has the API (it answers an empty index for an unknown subject), so one 404
 * says it for the whole registry (CNCF distribution 2.8, Forgejo): later reads and writes through
 * the same client go straight to the fallback tag instead of paying that round trip again.
 */
const withoutReferrersApi = new WeakSet<object>();

/**
 * `client.referrers()`, remembered per client: `null` (no referrers API) without a request once the
 * registry has answered 404.
 */
export async function referrersOf(
  client: Pick<RegistryClient, 'referrers'>,
  repo: string,
  digest: string,
  artifactType?: string,
): Promise<Descriptor[] | null> {
  if (withoutReferrersApi.has(client)) return null;
  const found = await client.referrers(repo, digest, artifactType);
  if (found === null) withoutReferrersApi.add(client);
  return found;
}

/** Whether {@link referrersOf} has seen `client`'s registry answer 404 to the referrers API. */
export function knownWithoutReferrersApi(client: object): boolean {
  return withoutReferrersApi.has(client);
}

/** True for the error the registry client throws when a manifest or blob does not exist. */
export function isNotFound(err: unknown): boolean {
  return err instanceof RegistryError && err.status === 404;
}

/** Reads a whole blob (verified by the client's stream) into memory, refusing more than `maxBytes`. */
async function readBlob(
  client: EvidenceRegistry,
  repo: string,
  digest: string,
  maxBytes: number,
): Promise<Buffer> {
  const download = await client.getBlob(repo, digest);
  if (download.size !== undefined && download.size > maxBytes) {
    await download.stream.cancel();
    throw new Error(`blob ${digest} is ${download.size} bytes, over the ${maxBytes}-byte limit`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = download.stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`blob ${digest} exceeds the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function getManifestOrUndefined(
  client: EvidenceRegistry,
  repo: string,
  ref: string,
): Promise<FetchedManifest | undefined> {
  try {
    return await client.getManifest(repo, ref);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** The referrers fallback tag of a digest: `sha256-<hex>` (OCI distribution spec 1.1). */
export function fallbackTag(digest: string): string {
  const parsed = parseDigest(digest);
  return `${parsed.algorithm}-${parsed.hex}`;
}

/** The tag under which source-lane evidence of `commit` is stored: `commit-<sha>.source`. */
export function sourceEvidenceTag(commit: string): string {
  return `commit-${assertGitObjectId(commit, 'commit')}.source`;
}

/**
 * The evidence repository of an image repository: `evidence` next to it in the same namespace
 * (`org/app/web` → `org/app/evidence`, `web` → `evidence`). Source-lane evidence lives there because it
 * exists before (and independently of) any image; on Forgejo it is one more package of the owner.
 */
export function evidenceRepository(imageRepository: string): string {
  const slash = imageRepository.lastIndexOf('/');
  return slash < 0 ? 'evidence' : `${imageRepository.slice(0, slash)}/evidence`;
}

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

/**
 * Adds `descriptor` to a referrers index unless an entry with its digest is there (pure).
 *
 * @returns the new index, or `undefined` when nothing changed
 */
export function mergeReferrer(
  index: ManifestJson | undefined,
  descriptor: Descriptor,
): ManifestJson | undefined {
  const manifests = index?.manifests ?? [];
  if (manifests.some((m) => m.digest === descriptor.digest)) return undefined;
  return { ...(index ?? {}), schemaVersion: 2, mediaType: OCI_INDEX, manifests: [...manifests, descriptor] };
}

async function uploadIfMissing(
  client: EvidenceRegistry,
  repo: string,
  bytes: Buffer,
  digest: string,
): Promise<void> {
  if (!(await client.headBlob(repo, digest))) await client.uploadBlob(repo, digest, bytes, bytes.length);
}

/** Tuning of the fallback index merge. */
export interface MergeOptions {
  /** Rounds of read-merge-put-verify before giving up (default 6). */
  attempts?: number;
  /**
   * How long to wait after a put before re-reading to verify it (default 150-400 ms, random). A
   * concurrent writer's put that lands within this window is seen and repaired.
   */
  settleMs?: () => number;
}

/** What {@link storeEvidence} did. */
export interface StoredEvidence {
  /** Digest of the evidence manifest. */
  digest: string;
  descriptor: Descriptor;
  /** `referrers-api` when the registry indexes it, else the fallback tag that lists it. */
  discoverableVia: 'referrers-api' | `tag:${string}`;
  /** Rounds the fallback merge took (0 with the referrers API). */
  mergeRounds: number;
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
  digest: string,
  envelope: DsseEnvelope,
  opts: MergeOptions & { created?: Date } = {},
): Promise<StoredEvidence> {
  const subjectDigest = parseDigest(digest).value;
  const statement = statementOf(envelope);
  const hex = subjectDigest.slice(subjectDigest.indexOf(':') + 1);
  const algorithm = subjectDigest.slice(0, subjectDigest.indexOf(':'));
  if (!statement.subject.some((s) => s.digest[algorithm] === hex)) {
    throw new Error(
      `${statement.predicate.lane} evidence does not name ${subjectDigest} among its subjects; refusing to attach it there`,
    );
  }
  const image = await client.getManifest(repo, subjectDigest);
  const subject: Descriptor = { mediaType: image.mediaType, digest: image.digest, size: image.bytes.length };
  const built = buildEvidenceManifest(
    envelope,
    opts.created !== undefined ? { subject, created: opts.created } : { subject },
  );
  await uploadIfMissing(client, repo, EMPTY_BLOB, EMPTY_DESCRIPTOR.digest);
  await uploadIfMissing(client, repo, built.layer, built.manifest.layers![0]!.digest);
  await client.putManifest(repo, built.digest, built.bytes, OCI_MANIFEST);

  const viaApi = await referrersOf(client, repo, subjectDigest, EVIDENCE_ARTIFACT_TYPE);
  if (viaApi !== null) {
    return {
      digest: built.digest,
      descriptor: built.descriptor,
      discoverableVia: 'referrers-api',
      mergeRounds: 0,
    };
  }
  const tag = fallbackTag(subjectDigest);
  const rounds = await mergeIntoFallback(client, repo, tag, built.descriptor, opts);
  return {
    digest: built.digest,
    descriptor: built.descriptor,
    discoverableVia: `tag:${tag}`,
    mergeRounds: rounds,
  };
}

/**
 * Read-merge-put-verify loop on a fallback index tag.
 *
 * @returns the number of rounds it took
 */
export async function mergeIntoFallback(
  client: EvidenceRegistry,
  repo: string,
  tag: string,
  descriptor: Descriptor,
  opts: MergeOptions = {},
): Promise<number> {
  const attempts = opts.attempts ?? 6;
  const settle = opts.settleMs ?? (() => 150 + Math.floor(Math.random() * 250));
  for (let round = 1; round <= attempts; round++) {
    const current = await getManifestOrUndefined(client, repo, tag);
    const merged = mergeReferrer(current?.json, descriptor);
    if (merged !== undefined) {
      await client.putManifest(repo, tag, Buffer.from(JSON.stringify(merged), 'utf8'), OCI_INDEX);
    }
    // Waiting lets a concurrent writer's put (based on an index read before ours landed) land first,
    // so the re-read sees it and we merge again instead of being silently overwritten.
    await sleep(settle());
    const after = await getManifestOrUndefined(client, repo, tag);
    if (after?.json.manifests?.some((m) => m.digest === descriptor.digest)) {
      if (merged === undefined) return round;
      // Our put stuck; a second look after another wait catches a writer whose put was still in flight.
      await sleep(settle());
      const again = await getManifestOrUndefined(client, repo, tag);
      if (again?.json.manifests?.some((m) => m.digest === descriptor.digest)) return round;
    }
  }
  throw new Error(
    `could not keep ${descriptor.digest} in the referrers index ${repo}:${tag} after ${attempts} rounds: ` +
      'other writers kept replacing it',
  );
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
  expectSubject: string | undefined,
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
    if (expectSubject !== undefined && m.json.subject?.digest !== expectSubject) {
      throw new Error(`its subject is ${m.json.subject?.digest ?? 'missing'}, not ${expectSubject}`);
    }
    const layer = m.json.layers?.find((l) => l.mediaType === DSSE_MEDIA_TYPE);
    if (layer === undefined) throw new Error(`it has no ${DSSE_MEDIA_TYPE} layer`);
    if (layer.size > MAX_ENVELOPE_BYTES)
      throw new Error(`its envelope is ${layer.size} bytes, over the limit`);
    const bytes = await readBlob(client, repo, layer.digest, MAX_ENVELOPE_BYTES);
    // The client checks digests too; checking here keeps the guarantee independent of the transport.
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
 * @param opts.lane only evidence whose lane annotation names this lane
 */
export async function findEvidence(
  client: EvidenceRegistry,
  repo: string,
  digest: string,
  opts: { lane?: Lane } = {},
): Promise<FoundEvidence[]> {
  const subjectDigest = parseDigest(digest).value;
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
    const viaApi = await referrersOf(client, repo, subjectDigest, EVIDENCE_ARTIFACT_TYPE);
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
  return Promise.all(wanted.map((d) => loadEnvelope(client, repo, d, subjectDigest, via)));
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
