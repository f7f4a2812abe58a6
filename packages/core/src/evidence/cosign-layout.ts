/**
 * Evidence in cosign's legacy attestation layout, so that `cosign verify-attestation` (and the admission
 * controllers built on it: Kyverno, sigstore policy-controller) find and check it.
 *
 * cosign looks for attestations of `repo@sha256:<hex>` at the tag `sha256-<hex>.att` in the same
 * repository: an OCI image manifest whose every layer is one DSSE envelope (media type
 * `application/vnd.dsse.envelope.v1+json`, annotation `predicateType`), with the image config that
 * go-containerregistry computes for those layers (cosign: pkg/oci/empty, pkg/oci/mutate/signatures.go,
 * pkg/oci/static). Adding an envelope is read-modify-write on that tag; distribution 2.8 has no
 * compare-and-set on tags, so the append re-reads after each put and appends again when a concurrent
 * writer replaced the manifest without our layers (the same loop as the referrers fallback index).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { digestOf } from '../registry/digest.js';
import { OCI_MANIFEST, type Descriptor, type ManifestJson } from '../registry/media-types.js';
import { parseDigest, type ParsedDigest } from '../reference.js';
import { DSSE_MEDIA_TYPE } from './artifact.js';
import { statementOf, type DsseEnvelope } from './dsse.js';
import type { MergeOptions } from './referrers-index.js';
import { getManifestOrUndefined, uploadIfMissing, type EvidenceRegistry } from './registry.js';

/** Media type of the config blob of cosign's signature and attestation images. */
export const OCI_IMAGE_CONFIG = 'application/vnd.oci.image.config.v1+json';
/** Layer annotation naming the statement's predicate type; `cosign verify-attestation --type` reads it. */
export const PREDICATE_TYPE_ANNOTATION = 'predicateType';
/** Layer annotation cosign puts on every layer; empty for attestations (the signature is in the DSSE). */
export const COSIGN_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
/** cosign refuses signature and attestation images with more layers than this. */
export const COSIGN_MAX_LAYERS = 1000;

/**
 * The tag cosign reads the attestations of `digest` from: `sha256-<hex>.att`.
 *
 * @param digest the parsed digest, or its text (validated here)
 */
export function cosignAttestationTag(digest: string | ParsedDigest): string {
  const parsed = typeof digest === 'string' ? parseDigest(digest) : digest;
  return `${parsed.algorithm}-${parsed.hex}.att`;
}

/** One envelope as a layer of the `.att` image: its bytes and its descriptor. */
export interface AttestationLayer {
  bytes: Buffer;
  descriptor: Descriptor;
}

/** The layer of an envelope: its compact JSON, annotated as cosign annotates attestation layers. */
export function attestationLayer(envelope: DsseEnvelope): AttestationLayer {
  const bytes = Buffer.from(JSON.stringify(envelope), 'utf8');
  return {
    bytes,
    descriptor: {
      mediaType: DSSE_MEDIA_TYPE,
      size: bytes.length,
      digest: digestOf(bytes),
      annotations: {
        [COSIGN_SIGNATURE_ANNOTATION]: '',
        [PREDICATE_TYPE_ANNOTATION]: statementOf(envelope).predicateType,
      },
    },
  };
}

/**
 * The config blob of an `.att` image with these layers, byte for byte what cosign writes: an empty
 * image config whose diff_ids are the layer digests (the layers are uncompressed) and one zero-time
 * history entry per layer.
 */
export function attestationConfig(layers: readonly Descriptor[]): Buffer {
  const config = {
    architecture: '',
    created: '0001-01-01T00:00:00Z',
    history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
    os: '',
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
    config: {},
  };
  return Buffer.from(JSON.stringify(config), 'utf8');
}

/**
 * The `.att` manifest with `add` appended to `existing`'s layers (pure): layers already there (same
 * digest) are not added twice, and other writers' layers (cosign's own attestations too) are kept.
 *
 * @returns the manifest and its config blob, or `undefined` when every layer is there already
 * @throws Error when the result would exceed cosign's {@link COSIGN_MAX_LAYERS}
 */
export function appendAttestations(
  existing: ManifestJson | undefined,
  add: readonly Descriptor[],
): { manifest: ManifestJson; bytes: Buffer; config: Buffer } | undefined {
  const layers = [...(existing?.layers ?? [])];
  const missing = add.filter(
    (d, i) => !layers.some((l) => l.digest === d.digest) && add.findIndex((o) => o.digest === d.digest) === i,
  );
  if (missing.length === 0) return undefined;
  layers.push(...missing);
  if (layers.length > COSIGN_MAX_LAYERS) {
    throw new Error(
      `the cosign attestation image would have ${layers.length} layers; cosign reads at most ${COSIGN_MAX_LAYERS}`,
    );
  }
  const config = attestationConfig(layers);
  const manifest: ManifestJson = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_IMAGE_CONFIG, size: config.length, digest: digestOf(config) },
    layers,
  };
  if (existing?.annotations !== undefined) manifest.annotations = existing.annotations;
  return { manifest, bytes: Buffer.from(JSON.stringify(manifest), 'utf8'), config };
}

/** What {@link attachCosignAttestations} did. */
export interface AttachedAttestations {
  /** The `.att` tag in the repository. */
  tag: string;
  /** Digests of the envelope layers, in the order given. */
  layers: string[];
  /** Rounds of read-append-put-verify it took (1 when nobody else wrote at the same time). */
  rounds: number;
}

/**
 * Appends envelopes to the cosign attestation image of `digest` in `repo` (tag `sha256-<hex>.att`),
 * and re-reads until every one of them is in the tag: a concurrent writer whose put replaced ours is
 * seen after a short wait, and our layers are appended again (bounded by `opts.attempts`).
 * Idempotent: envelopes already there change nothing.
 *
 * @throws Error when the layers do not stay in the tag after `opts.attempts` rounds
 */
export async function attachCosignAttestations(
  client: EvidenceRegistry,
  repo: string,
  digest: string | ParsedDigest,
  envelopes: readonly DsseEnvelope[],
  opts: MergeOptions & {
    /**
     * Layer blobs the caller is making present in `repo` itself (or knows are there): each promise is
     * awaited instead of asking the registry. Every other layer is uploaded unless present.
     */
    uploads?: ReadonlyMap<string, Promise<unknown>>;
  } = {},
): Promise<AttachedAttestations> {
  const tag = cosignAttestationTag(digest);
  const layers = envelopes.map(attestationLayer);
  const wanted = layers.map((l) => l.descriptor);
  const result = { tag, layers: wanted.map((d) => d.digest) };
  if (layers.length === 0) return { ...result, rounds: 0 };
  // The first read of the tag needs not wait for the layers: only our put must come after them.
  const firstRead = getManifestOrUndefined(client, repo, tag);
  firstRead.catch(() => undefined);
  // Most tags are new: the config of a new tag (a function of exactly these layers) goes up while the
  // tag is read. If the tag exists after all, that small blob was uploaded for nothing.
  const fresh = appendAttestations(undefined, wanted)!;
  const freshConfig = fresh.manifest.config!.digest;
  const freshUpload = client.uploadBlob(repo, freshConfig, fresh.config, fresh.config.length);
  freshUpload.catch(() => undefined);
  await Promise.all(
    layers.map(
      (l) =>
        opts.uploads?.get(l.descriptor.digest) ?? uploadIfMissing(client, repo, l.bytes, l.descriptor.digest),
    ),
  );
  const attempts = opts.attempts ?? 6;
  const settle = opts.settleMs ?? (() => 150 + Math.floor(Math.random() * 250));
  const holdsAll = async (): Promise<boolean> => {
    const m = await getManifestOrUndefined(client, repo, tag);
    return wanted.every((w) => m?.json.layers?.some((l) => l.digest === w.digest) === true);
  };
  for (let round = 1; round <= attempts; round++) {
    const current = await (round === 1 ? firstRead : getManifestOrUndefined(client, repo, tag));
    const next = appendAttestations(current?.json, wanted);
    if (next === undefined) return { ...result, rounds: round };
    if (next.manifest.config!.digest === freshConfig) {
      await freshUpload;
    } else {
      await uploadIfMissing(client, repo, next.config, next.manifest.config!.digest);
    }
    await client.putManifest(repo, tag, next.bytes, OCI_MANIFEST);
    // A writer that read the tag before our put landed puts its own version after it: waiting, then
    // looking twice, sees that and appends again instead of being silently dropped.
    await sleep(settle());
    if (!(await holdsAll())) continue;
    await sleep(settle());
    if (await holdsAll()) return { ...result, rounds: round };
  }
  throw new Error(
    `could not keep ${wanted.length} attestation layer(s) in ${repo}:${tag} after ${attempts} rounds: ` +
      'other writers kept replacing it',
  );
}
