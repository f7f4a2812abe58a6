export const id = 785;
export const ids = [785,479];
export const modules = {

/***/ 7785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  storeSourceLaneEvidence: () => (/* binding */ storeSourceLaneEvidence)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./packages/core/src/evidence/dsse.ts
var dsse = __webpack_require__(2479);
;// CONCATENATED MODULE: ./packages/core/src/registry/media-types.ts
/**
 * Media types of the OCI image spec and of Docker's image manifest v2 (schema 2).
 *
 * Registries still hold plenty of Docker-typed images (docker push, podman push with `--format v2s2`),
 * so every manifest request accepts both families.
 */
/** OCI image manifest. */
const media_types_OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
/** OCI image index (multi-platform image or a referrers list). */
const media_types_OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
/** OCI image config. */
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
/** OCI empty descriptor (`{}`), the config of artifacts that carry no config. */
const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
/** OCI gzip-compressed layer. */
const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
/** OCI uncompressed layer. */
const OCI_LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar';
/** OCI zstd-compressed layer. */
const OCI_LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
/** Docker image manifest v2, schema 2. */
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
/** Docker manifest list (multi-platform). */
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
/** Docker image config. */
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
/** Docker gzip-compressed layer. */
const DOCKER_LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
/** Manifest media types a `RegistryClient` asks for, most preferred first. */
const MANIFEST_MEDIA_TYPES = [
    media_types_OCI_MANIFEST,
    media_types_OCI_INDEX,
    DOCKER_MANIFEST,
    DOCKER_MANIFEST_LIST,
];
/** Value of the `Accept` header of manifest requests. */
const MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');
/** True for an index-like manifest (OCI index or Docker manifest list) whose entries are manifests. */
function isIndexMediaType(mediaType) {
    return mediaType === media_types_OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
/** True for a single-image manifest (OCI image manifest or Docker v2 schema 2). */
function isImageManifestMediaType(mediaType) {
    return mediaType === media_types_OCI_MANIFEST || mediaType === DOCKER_MANIFEST;
}
/**
 * OCI distribution spec recommends registries accept manifests of at least 4 MiB; anything larger is
 * not a manifest we should hold in memory.
 */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

// EXTERNAL MODULE: ./packages/core/src/reference.ts
var src_reference = __webpack_require__(1397);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/core/src/registry/digest.ts
/**
 * Hashing and verification of bytes received from or sent to a registry. What a digest is (its
 * grammar and algorithms) is defined once, in reference.ts.
 */


/** Digest of `bytes` with `algorithm` (default sha256), as `<algorithm>:<hex>`. */
function digest_digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/**
 * Wraps a byte stream so that it errors at its end unless the bytes it carried hash to `expected`
 * and (when given) number `expectedSize`.
 *
 * The check happens while the bytes flow, so a caller streaming a blob elsewhere never holds it in
 * memory; a consumer sees the error before it sees end-of-stream, so a corrupt blob is never
 * taken as complete.
 */
function verifyingStream(source, expected, describe, expectedSize) {
    const { algorithm } = (0,src_reference/* parseDigest */.m)(expected);
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    let size = 0;
    return source.pipeThrough(new TransformStream({
        transform(chunk, controller) {
            hash.update(chunk);
            size += chunk.byteLength;
            controller.enqueue(chunk);
        },
        flush(controller) {
            const actual = `${algorithm}:${hash.digest('hex')}`;
            if (actual !== expected) {
                controller.error(new Error(`${describe}: content digest mismatch: expected ${expected}, got ${actual} (${size} bytes)`));
            }
            else if (expectedSize !== undefined && size !== expectedSize) {
                controller.error(new Error(`${describe}: expected ${expectedSize} bytes, got ${size}`));
            }
        },
    }));
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/artifact.ts
/**
 * The evidence artifact: the OCI manifest that carries one DSSE envelope as its only layer, with the
 * lane, commit and creation time as annotations, and (for image evidence) the image as its `subject`.
 */



/** `artifactType` of digestline evidence manifests. */
const artifact_EVIDENCE_ARTIFACT_TYPE = 'application/vnd.dev.digestline.evidence.v1+json';
/** Media type of the layer holding the DSSE envelope JSON. */
const artifact_DSSE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
/** Annotation naming the lane of the evidence. */
const LANE_ANNOTATION = 'dev.digestline.lane';
/** Annotation naming the commit the evidence is about. */
const COMMIT_ANNOTATION = 'dev.digestline.commit';
/** OCI standard annotation: when the evidence was created (RFC 3339). */
const CREATED_ANNOTATION = 'org.opencontainers.image.created';
/** The OCI empty JSON blob (`{}`), config of artifacts without a config. */
const artifact_EMPTY_BLOB = Buffer.from('{}', 'utf8');
/** Descriptor of {@link EMPTY_BLOB}. */
const artifact_EMPTY_DESCRIPTOR = { mediaType: OCI_EMPTY, digest: digest_digestOf(artifact_EMPTY_BLOB), size: 2 };
/**
 * Builds the evidence artifact manifest for an envelope (pure). `subject` is omitted for source-lane
 * evidence, which refers to a commit rather than an image.
 */
function artifact_buildEvidenceManifest(envelope, opts) {
    const statement = (0,dsse/* statementOf */.T8)(envelope);
    const layer = Buffer.from(JSON.stringify(envelope), 'utf8');
    const annotations = {
        [LANE_ANNOTATION]: statement.predicate.lane,
        [COMMIT_ANNOTATION]: statement.predicate.commit.sha,
        [CREATED_ANNOTATION]: (opts.created ?? new Date(statement.predicate.timeVerified)).toISOString(),
    };
    const manifest = {
        schemaVersion: 2,
        mediaType: media_types_OCI_MANIFEST,
        artifactType: artifact_EVIDENCE_ARTIFACT_TYPE,
        config: artifact_EMPTY_DESCRIPTOR,
        layers: [{ mediaType: artifact_DSSE_MEDIA_TYPE, digest: digest_digestOf(layer), size: layer.length }],
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
    const digest = digest_digestOf(bytes);
    return {
        manifest,
        bytes,
        digest,
        layer,
        descriptor: {
            mediaType: media_types_OCI_MANIFEST,
            digest,
            size: bytes.length,
            artifactType: artifact_EVIDENCE_ARTIFACT_TYPE,
            annotations,
        },
    };
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./packages/core/src/registry/errors.ts
/**
 * What the registry client throws when a registry answers something other than an operation
 * needs, or sends bytes that do not hash to the digest they were asked for by.
 */
/** A registry answered something other than what the operation needs. */
class errors_RegistryError extends Error {
    method;
    url;
    status;
    code;
    detail;
    name = 'RegistryError';
    /**
     * @param method HTTP method of the failed request
     * @param url the request URL
     * @param status HTTP status, or undefined when no response arrived
     * @param code `errors[0].code` of the registry's error JSON, if any
     * @param detail `errors[0].message` (or the start of a non-JSON body)
     * @param message the full message
     */
    constructor(method, url, status, code, detail, message, options) {
        super(message, options);
        this.method = method;
        this.url = url;
        this.status = status;
        this.code = code;
        this.detail = detail;
    }
}
/** Bytes received from a registry do not hash to the digest they were supposed to have. */
class DigestMismatchError extends Error {
    registry;
    repository;
    reference;
    expected;
    actual;
    name = 'DigestMismatchError';
    constructor(registry, repository, reference, expected, actual, what) {
        super(`${what} ${registry}/${repository}${reference.includes(':') ? '@' : ':'}${reference} failed verification: ` +
            `expected digest ${expected}, but the received bytes hash to ${actual}`);
        this.registry = registry;
        this.repository = repository;
        this.reference = reference;
        this.expected = expected;
        this.actual = actual;
    }
}
/**
 * A RegistryError for an answer that came with a usable status but lacks what the operation
 * needs (a header, a body, a size within limits).
 *
 * @param url the full request URL
 */
function malformedAnswer(method, url, status, what) {
    return new errors_RegistryError(method, url, status, undefined, undefined, `${method} ${url}: ${what}`);
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/registry.ts

/**
 * Clients whose registry answered 404 to the referrers API. The OCI distribution spec forbids a 404
 * from a registry that has the API (it answers an empty index for an unknown subject), so one 404
 * says it for the whole registry (CNCF distribution 2.8, Forgejo): later reads and writes through
 * the same client go straight to the fallback tag instead of paying that round trip again.
 */
const withoutReferrersApi = new WeakSet();
/**
 * `client.referrers()`, remembered per client: `null` (no referrers API) without a request once the
 * registry has answered 404.
 */
async function registry_referrersOf(client, repo, digest, artifactType) {
    if (withoutReferrersApi.has(client))
        return null;
    const found = await client.referrers(repo, digest, artifactType);
    if (found === null)
        withoutReferrersApi.add(client);
    return found;
}
/** Whether {@link referrersOf} has seen `client`'s registry answer 404 to the referrers API. */
function knownWithoutReferrersApi(client) {
    return withoutReferrersApi.has(client);
}
/** True for the error the registry client throws when a manifest or blob does not exist. */
function isNotFound(err) {
    return err instanceof RegistryError && err.status === 404;
}
/** A manifest by tag or digest, or `undefined` when the registry does not have it. */
async function registry_getManifestOrUndefined(client, repo, ref) {
    try {
        return await client.getManifest(repo, ref);
    }
    catch (err) {
        if (isNotFound(err))
            return undefined;
        throw err;
    }
}
/** Uploads a blob unless the repository has it already. */
async function registry_uploadIfMissing(client, repo, bytes, digest) {
    if (!(await client.headBlob(repo, digest)))
        await client.uploadBlob(repo, digest, bytes, bytes.length);
}
/** Reads a whole blob (verified by the client's stream) into memory, refusing more than `maxBytes`. */
async function readBlob(client, repo, digest, maxBytes) {
    const download = await client.getBlob(repo, digest);
    if (download.size !== undefined && download.size > maxBytes) {
        await download.stream.cancel();
        throw new Error(`blob ${digest} is ${download.size} bytes, over the ${maxBytes}-byte limit`);
    }
    const chunks = [];
    let total = 0;
    const reader = download.stream.getReader();
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.byteLength;
        if (total > maxBytes) {
            await reader.cancel();
            throw new Error(`blob ${digest} exceeds the ${maxBytes}-byte limit`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks);
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/cosign-layout.ts
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







/** Media type of the config blob of cosign's signature and attestation images. */
const OCI_IMAGE_CONFIG = 'application/vnd.oci.image.config.v1+json';
/** Layer annotation naming the statement's predicate type; `cosign verify-attestation --type` reads it. */
const PREDICATE_TYPE_ANNOTATION = 'predicateType';
/** Layer annotation cosign puts on every layer; empty for attestations (the signature is in the DSSE). */
const COSIGN_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
/** cosign refuses signature and attestation images with more layers than this. */
const COSIGN_MAX_LAYERS = 1000;
/**
 * The tag cosign reads the attestations of `digest` from: `sha256-<hex>.att`.
 *
 * @param digest the parsed digest, or its text (validated here)
 */
function cosignAttestationTag(digest) {
    const parsed = typeof digest === 'string' ? parseDigest(digest) : digest;
    return `${parsed.algorithm}-${parsed.hex}.att`;
}
/** The layer of an envelope: its compact JSON, annotated as cosign annotates attestation layers. */
function attestationLayer(envelope) {
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
function attestationConfig(layers) {
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
function appendAttestations(existing, add) {
    const layers = [...(existing?.layers ?? [])];
    const missing = add.filter((d, i) => !layers.some((l) => l.digest === d.digest) && add.findIndex((o) => o.digest === d.digest) === i);
    if (missing.length === 0)
        return undefined;
    layers.push(...missing);
    if (layers.length > COSIGN_MAX_LAYERS) {
        throw new Error(`the cosign attestation image would have ${layers.length} layers; cosign reads at most ${COSIGN_MAX_LAYERS}`);
    }
    const config = attestationConfig(layers);
    const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_IMAGE_CONFIG, size: config.length, digest: digestOf(config) },
        layers,
    };
    if (existing?.annotations !== undefined)
        manifest.annotations = existing.annotations;
    return { manifest, bytes: Buffer.from(JSON.stringify(manifest), 'utf8'), config };
}
/**
 * Appends envelopes to the cosign attestation image of `digest` in `repo` (tag `sha256-<hex>.att`),
 * and re-reads until every one of them is in the tag: a concurrent writer whose put replaced ours is
 * seen after a short wait, and our layers are appended again (bounded by `opts.attempts`).
 * Idempotent: envelopes already there change nothing.
 *
 * @throws Error when the layers do not stay in the tag after `opts.attempts` rounds
 */
async function cosign_layout_attachCosignAttestations(client, repo, digest, envelopes, opts = {}) {
    const tag = cosignAttestationTag(digest);
    const layers = envelopes.map(attestationLayer);
    const wanted = layers.map((l) => l.descriptor);
    const result = { tag, layers: wanted.map((d) => d.digest) };
    if (layers.length === 0)
        return { ...result, rounds: 0 };
    // The first read of the tag needs not wait for the layers: only our put must come after them.
    const firstRead = getManifestOrUndefined(client, repo, tag);
    firstRead.catch(() => undefined);
    // Most tags are new: the config of a new tag (a function of exactly these layers) goes up while the
    // tag is read. If the tag exists after all, that small blob was uploaded for nothing.
    const fresh = appendAttestations(undefined, wanted);
    const freshConfig = fresh.manifest.config.digest;
    const freshUpload = client.uploadBlob(repo, freshConfig, fresh.config, fresh.config.length);
    freshUpload.catch(() => undefined);
    await Promise.all(layers.map((l) => opts.uploads?.get(l.descriptor.digest) ?? uploadIfMissing(client, repo, l.bytes, l.descriptor.digest)));
    const attempts = opts.attempts ?? 6;
    const settle = opts.settleMs ?? (() => 150 + Math.floor(Math.random() * 250));
    const holdsAll = async () => {
        const m = await getManifestOrUndefined(client, repo, tag);
        return wanted.every((w) => m?.json.layers?.some((l) => l.digest === w.digest) === true);
    };
    for (let round = 1; round <= attempts; round++) {
        const current = await (round === 1 ? firstRead : getManifestOrUndefined(client, repo, tag));
        const next = appendAttestations(current?.json, wanted);
        if (next === undefined)
            return { ...result, rounds: round };
        if (next.manifest.config.digest === freshConfig) {
            await freshUpload;
        }
        else {
            await uploadIfMissing(client, repo, next.config, next.manifest.config.digest);
        }
        await client.putManifest(repo, tag, next.bytes, OCI_MANIFEST);
        // A writer that read the tag before our put landed puts its own version after it: waiting, then
        // looking twice, sees that and appends again instead of being silently dropped.
        await sleep(settle());
        if (!(await holdsAll()))
            continue;
        await sleep(settle());
        if (await holdsAll())
            return { ...result, rounds: round };
    }
    throw new Error(`could not keep ${wanted.length} attestation layer(s) in ${repo}:${tag} after ${attempts} rounds: ` +
        'other writers kept replacing it');
}

// EXTERNAL MODULE: ./packages/core/src/evidence/run-context.ts
var run_context = __webpack_require__(2727);
;// CONCATENATED MODULE: ./packages/core/src/evidence/location.ts
/**
 * Where evidence lives in a registry: image evidence is listed under the referrers fallback tag of
 * its image when the registry has no referrers API; source-lane evidence, which has no image to point
 * at, is tagged `commit-<sha>.source` in an evidence repository so it can be found from the commit
 * alone.
 */


/**
 * The referrers fallback tag of a digest: `sha256-<hex>` (OCI distribution spec 1.1).
 *
 * @param digest the parsed digest, or its text (validated here)
 */
function location_fallbackTag(digest) {
    const parsed = typeof digest === 'string' ? parseDigest(digest) : digest;
    return `${parsed.algorithm}-${parsed.hex}`;
}
/** The tag under which source-lane evidence of `commit` is stored: `commit-<sha>.source`. */
function sourceEvidenceTag(commit) {
    return `commit-${(0,run_context/* assertGitObjectId */.h)(commit, 'commit')}.source`;
}
/**
 * The evidence repository of an image repository: `evidence` next to it in the same namespace
 * (`org/app/web` → `org/app/evidence`, `web` → `evidence`). Source-lane evidence lives there because it
 * exists before (and independently of) any image; on Forgejo it is one more package of the owner.
 */
function evidenceRepository(imageRepository) {
    const slash = imageRepository.lastIndexOf('/');
    return slash < 0 ? 'evidence' : `${imageRepository.slice(0, slash)}/evidence`;
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/referrers-index.ts
/**
 * The referrers fallback index (an OCI index at tag `sha256-<hex>`, OCI distribution spec 1.1): how
 * evidence is listed on a registry without the referrers API. Distribution 2.8 has no compare-and-set
 * on tags, so every change is read-merge-put-verify.
 */



/**
 * Adds `descriptor` to a referrers index unless an entry with its digest is there (pure).
 *
 * @returns the new index, or `undefined` when nothing changed
 */
function mergeReferrer(index, descriptor) {
    const manifests = index?.manifests ?? [];
    if (manifests.some((m) => m.digest === descriptor.digest))
        return undefined;
    return { ...(index ?? {}), schemaVersion: 2, mediaType: OCI_INDEX, manifests: [...manifests, descriptor] };
}
/**
 * Read-merge-put-verify loop on a fallback index tag.
 *
 * @returns the number of rounds it took
 */
async function referrers_index_mergeIntoFallback(client, repo, tag, descriptor, opts = {}) {
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
            if (merged === undefined)
                return round;
            // Our put stuck; a second look after another wait catches a writer whose put was still in flight.
            await sleep(settle());
            const again = await getManifestOrUndefined(client, repo, tag);
            if (again?.json.manifests?.some((m) => m.digest === descriptor.digest))
                return round;
        }
    }
    throw new Error(`could not keep ${descriptor.digest} in the referrers index ${repo}:${tag} after ${attempts} rounds: ` +
        'other writers kept replacing it');
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/store.ts
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
async function storeEvidence(client, repo, digest, envelope, opts = {}) {
    const subjectDigest = typeof digest === 'string' ? parseDigest(digest) : digest;
    const statement = statementOf(envelope);
    if (!statement.subject.some((s) => s.digest[subjectDigest.algorithm] === subjectDigest.hex)) {
        throw new Error(`${statement.predicate.lane} evidence does not name ${subjectDigest.value} among its subjects; refusing to attach it there`);
    }
    const image = await client.getManifest(repo, subjectDigest.value);
    const subject = { mediaType: image.mediaType, digest: image.digest, size: image.bytes.length };
    const built = buildEvidenceManifest(envelope, opts.created !== undefined ? { subject, created: opts.created } : { subject });
    await uploadIfMissing(client, repo, EMPTY_BLOB, EMPTY_DESCRIPTOR.digest);
    await uploadIfMissing(client, repo, built.layer, built.manifest.layers[0].digest);
    await client.putManifest(repo, built.digest, built.bytes, OCI_MANIFEST);
    // Two tags, two writers' worth of waiting: both at once.
    const [listed, cosign] = await Promise.all([
        (async () => {
            const viaApi = await referrersOf(client, repo, subjectDigest.value, EVIDENCE_ARTIFACT_TYPE);
            if (viaApi !== null)
                return { discoverableVia: 'referrers-api', mergeRounds: 0 };
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
async function storeSourceEvidence(client, repo, envelope, opts = {}) {
    const statement = (0,dsse/* statementOf */.T8)(envelope);
    if (statement.predicate.lane !== 'source') {
        throw new Error(`storeSourceEvidence takes source-lane evidence, got ${statement.predicate.lane}`);
    }
    const built = artifact_buildEvidenceManifest(envelope, opts.created !== undefined ? { created: opts.created } : {});
    const tag = sourceEvidenceTag(statement.predicate.commit.sha);
    await registry_uploadIfMissing(client, repo, artifact_EMPTY_BLOB, artifact_EMPTY_DESCRIPTOR.digest);
    await registry_uploadIfMissing(client, repo, built.layer, built.manifest.layers[0].digest);
    await client.putManifest(repo, tag, built.bytes, media_types_OCI_MANIFEST);
    return {
        digest: built.digest,
        descriptor: built.descriptor,
        discoverableVia: `tag:${tag}`,
        mergeRounds: 0,
    };
}

// EXTERNAL MODULE: ./packages/core/src/log.ts
var src_log = __webpack_require__(3438);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/core/src/registry/auth.ts
/**
 * Registry authentication: credential lookup (docker and podman auth files), `WWW-Authenticate`
 * challenge parsing and the bearer-token exchange of the Docker token protocol.
 */



/**
 * Parses a `WWW-Authenticate` header into its challenges (RFC 7235), e.g.
 * `Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull,push"`.
 *
 * Quoted values may contain commas (scopes do) and backslash escapes; several challenges may be
 * listed in one header (`Basic realm="x", Bearer realm="y"`).
 */
function parseWwwAuthenticate(header) {
    const challenges = [];
    let i = 0;
    const n = header.length;
    const skipSpace = () => {
        while (i < n && (header[i] === ' ' || header[i] === '\t'))
            i++;
    };
    const readToken = () => {
        const start = i;
        while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i]))
            i++;
        return header.slice(start, i);
    };
    while (i < n) {
        skipSpace();
        if (header[i] === ',') {
            i++;
            continue;
        }
        const scheme = readToken();
        if (scheme === '') {
            // Unparsable junk: skip one character rather than loop forever.
            i++;
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        for (;;) {
            skipSpace();
            const save = i;
            const name = readToken();
            skipSpace();
            if (name === '' || header[i] !== '=') {
                // Not `name=`: the next challenge's scheme starts here (token68 forms are not used by registries).
                i = save;
                break;
            }
            i++; // '='
            skipSpace();
            let value = '';
            if (header[i] === '"') {
                i++;
                while (i < n && header[i] !== '"') {
                    if (header[i] === '\\' && i + 1 < n)
                        i++;
                    value += header[i];
                    i++;
                }
                i++; // closing quote
            }
            else {
                // Unquoted values are tokens per RFC 7235, but some registries send bare URLs; take up to `,`.
                const start = i;
                while (i < n && header[i] !== ',' && header[i] !== ' ' && header[i] !== '\t')
                    i++;
                value = header.slice(start, i);
            }
            challenge.params[name.toLowerCase()] = value;
            skipSpace();
            if (header[i] === ',') {
                i++;
                continue;
            }
            break;
        }
    }
    return challenges;
}
/**
 * Builds the token endpoint URL of a bearer challenge: `realm?service=...&scope=...&scope=...`.
 *
 * @throws Error when the challenge has no realm or the realm is not an http(s) URL
 */
function tokenUrl(challenge, scopes) {
    const realm = challenge.params['realm'];
    if (realm === undefined || realm === '') {
        throw new Error(`bearer challenge without a realm: ${JSON.stringify(challenge.params)}`);
    }
    let url;
    try {
        url = new URL(realm);
    }
    catch {
        throw new Error(`bearer challenge realm is not a URL: ${JSON.stringify(realm)}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new Error(`bearer challenge realm must be http(s), got ${JSON.stringify(realm)}`);
    }
    const service = challenge.params['service'];
    if (service !== undefined && service !== '')
        url.searchParams.set('service', service);
    for (const scope of scopes)
        url.searchParams.append('scope', scope);
    return url;
}
/** Host names under which Docker Hub credentials may be stored. */
const DOCKER_HUB_ALIASES = [
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com',
];
/**
 * Reduces an auth-file key (`https://index.docker.io/v1/`, `http://host:5000`, `host:5000/ns`) to
 * its host[:port], lowercased, so keys written by different tools compare equal.
 */
function normalizeAuthKey(key) {
    let k = key.trim().toLowerCase();
    k = k.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
    const slash = k.indexOf('/');
    if (slash >= 0)
        k = k.slice(0, slash);
    return k;
}
function sameRegistry(a, b) {
    if (a === b)
        return true;
    return DOCKER_HUB_ALIASES.includes(a) && DOCKER_HUB_ALIASES.includes(b);
}
/**
 * The auth files consulted, in order: `$REGISTRY_AUTH_FILE` (podman's override),
 * `$DOCKER_CONFIG/config.json` (or `~/.docker/config.json`), `${XDG_RUNTIME_DIR}/containers/auth.json`,
 * `~/.config/containers/auth.json`. Docker comes before podman's files because runners'
 * `docker login` steps write there.
 */
function authFilePaths(options = {}) {
    const env = options.env ?? process.env;
    const home = options.home ?? env['HOME'] ?? (0,external_node_os_.homedir)();
    const paths = [];
    if (env['REGISTRY_AUTH_FILE'])
        paths.push(env['REGISTRY_AUTH_FILE']);
    paths.push((0,external_node_path_.join)(env['DOCKER_CONFIG'] || (0,external_node_path_.join)(home, '.docker'), 'config.json'));
    if (env['XDG_RUNTIME_DIR'])
        paths.push((0,external_node_path_.join)(env['XDG_RUNTIME_DIR'], 'containers', 'auth.json'));
    paths.push((0,external_node_path_.join)(env['XDG_CONFIG_HOME'] || (0,external_node_path_.join)(home, '.config'), 'containers', 'auth.json'));
    return paths;
}
function readIfExists(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT' ||
            err.code === 'ENOTDIR') {
            return undefined;
        }
        throw new Error(`cannot read registry auth file ${path}: ${err.message}`, { cause: err });
    }
}
/**
 * Decodes an `auths[host]` entry: `auth` is base64 of `user:password` (the password may contain
 * colons); `username`/`password` fields are accepted too. Returns undefined for entries without
 * usable credentials (e.g. only an `identitytoken`, which needs an OAuth exchange we do not do).
 */
function decodeAuthEntry(entry, where) {
    if (entry === null || typeof entry !== 'object')
        return undefined;
    const e = entry;
    if (typeof e['auth'] === 'string' && e['auth'] !== '') {
        const decoded = Buffer.from(e['auth'], 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new Error(`${where}: "auth" is not base64 of "username:password"`);
        }
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof e['username'] === 'string' && typeof e['password'] === 'string' && e['username'] !== '') {
        return { username: e['username'], password: e['password'] };
    }
    return undefined;
}
/**
 * Finds stored credentials for `registry` (host[:port]) in the docker and podman auth files.
 * The first file with a matching `auths` entry wins. Credential helpers (`credsStore`,
 * `credHelpers`) are not run.
 *
 * @throws Error naming the file when an auth file exists but is not valid JSON or its entry is malformed
 */
function findStoredCredentials(registry, options = {}) {
    const read = options.readFile ?? readIfExists;
    const want = normalizeAuthKey(registry);
    for (const path of authFilePaths(options)) {
        const text = read(path);
        if (text === undefined || text.trim() === '')
            continue;
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch (err) {
            throw new Error(`registry auth file ${path} is not valid JSON: ${err.message}`, {
                cause: err,
            });
        }
        const auths = parsed?.auths;
        if (auths === null || typeof auths !== 'object')
            continue;
        // Exact key first, so `host:5000` beats a stale `https://host:5000/v1/` entry.
        const entries = Object.entries(auths).sort(([a], [b]) => Number(b.toLowerCase() === want) - Number(a.toLowerCase() === want));
        for (const [key, entry] of entries) {
            // Repository-scoped podman keys (`host/ns`) would need per-repository tokens; skip them.
            if (key
                .replace(/^[a-z]+:\/\//i, '')
                .replace(/\/v[12]\/?$/, '')
                .includes('/'))
                continue;
            if (!sameRegistry(normalizeAuthKey(key), want))
                continue;
            const credentials = decodeAuthEntry(entry, `${path} auths[${JSON.stringify(key)}]`);
            if (credentials !== undefined)
                return { credentials, source: path };
        }
    }
    return undefined;
}
/** `Authorization` value for basic credentials. */
function basicAuthorization(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}
/**
 * Parses a token endpoint's JSON (`token` or OAuth2 `access_token`, `expires_in` seconds, default 60
 * per the Docker token spec). A margin of 10 s is kept so a token does not expire mid-request.
 */
function parseTokenResponse(body, now = Date.now()) {
    const b = (body ?? {});
    const token = typeof b['token'] === 'string' && b['token'] !== ''
        ? b['token']
        : typeof b['access_token'] === 'string'
            ? b['access_token']
            : '';
    if (token === '')
        throw new Error('token endpoint answered without "token" or "access_token"');
    const expiresIn = typeof b['expires_in'] === 'number' && b['expires_in'] > 0 ? b['expires_in'] : 60;
    return { token, expiresAt: now + Math.max(0, expiresIn - 10) * 1000 };
}

;// CONCATENATED MODULE: ./packages/core/src/registry/origins.ts
/**
 * Which origins may see the registry's credentials. Credentials belong to the registry's own
 * origin (scheme, host and port of its base URL) and to the token realm it announced; every other
 * URL a registry names (a pagination `Link`, an upload `Location`, a redirect) is somebody else.
 */
/** The origin (`scheme://host[:port]`) of an absolute URL. */
function originOf(url) {
    return new URL(url).origin;
}
/** True when both absolute URLs share scheme, host and port. */
function sameOrigin(a, b) {
    return originOf(a) === originOf(b);
}
/** The statuses after which `Location` names where to repeat the request. */
function isRedirectStatus(status) {
    return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(8346);
;// CONCATENATED MODULE: ./packages/core/src/registry/responses.ts


/** Token responses and error bodies: a token is a few KiB, an error message less. */
const MAX_SMALL_BODY_BYTES = 64 * 1024;
/** One page of a tag list or referrers index. */
const MAX_LIST_PAGE_BYTES = 4 * 1024 * 1024;
/**
 * Reads a response body up to `maxBytes`.
 *
 * @param what what the body is, for the message (`manifest`, `tag list page`…)
 * @throws RegistryError naming the URL and the cap when the body (declared or received) is larger
 */
async function readBodyCapped(response, method, url, maxBytes, what) {
    const tooLarge = (size) => malformedAnswer(method, url, response.status, `${what} of ${size} bytes exceeds the ${maxBytes}-byte limit`);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge(String(declared));
    }
    if (response.body === null)
        return Buffer.alloc(0);
    const reader = response.body.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.byteLength;
        if (total > maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw tooLarge(`more than ${maxBytes}`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks, total);
}
/**
 * Reads a JSON body up to `maxBytes`.
 *
 * @throws RegistryError when it is larger or not JSON
 */
async function readJsonCapped(response, method, url, maxBytes, what) {
    const bytes = await readBodyCapped(response, method, url, maxBytes, what);
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch (err) {
        throw new errors_RegistryError(method, url, response.status, undefined, undefined, `${method} ${url}: ${what} is not valid JSON: ${err.message}`, { cause: err });
    }
}
/**
 * Throws a RegistryError built from `response` unless its status is one of `ok`. The registry's
 * error JSON (`errors[0]`) gives code and detail; a 401/403 names where the credentials came from,
 * since that is what a reader has to fix.
 *
 * @param url the full request URL
 * @param credentialsSource where the credentials came from (or why there are none)
 */
async function failUnlessStatus(response, method, url, ok, credentialsSource) {
    if (ok.includes(response.status))
        return;
    let code;
    let detail;
    if (method !== 'HEAD') {
        // An oversized or broken error body only costs the detail, not the error itself.
        const text = await readBodyCapped(response, method, url, MAX_SMALL_BODY_BYTES, 'error body')
            .then((bytes) => bytes.toString('utf8'))
            .catch(() => '');
        try {
            const json = JSON.parse(text);
            const first = json.errors?.[0];
            if (typeof first?.code === 'string')
                code = (0,untrusted/* neutral */.S)(first.code.slice(0, 100));
            if (typeof first?.message === 'string')
                detail = (0,untrusted/* neutral */.S)(first.message.slice(0, 300));
        }
        catch {
            detail = (0,untrusted/* neutral */.S)(text.trim().slice(0, 300)) || undefined;
        }
    }
    else {
        await response.body?.cancel();
    }
    let message = `${method} ${url} failed: ${response.status} ${(0,untrusted/* neutral */.S)(response.statusText)}`.trimEnd();
    if (code !== undefined || detail !== undefined)
        message += `: ${[code, detail].filter(Boolean).join(': ')}`;
    if (response.status === 401 || response.status === 403) {
        message += ` (credentials: ${credentialsSource})`;
    }
    throw new errors_RegistryError(method, url, response.status, code, detail, message);
}

// EXTERNAL MODULE: ./packages/core/src/registry/loopback.ts
var loopback = __webpack_require__(4429);
;// CONCATENATED MODULE: ./packages/core/src/registry/retry.ts
/** Defaults used by `RegistryClient` for fields not given. */
const DEFAULT_RETRY = {
    attempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    maxRetryAfterMs: 60_000,
    random: Math.random,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** Fills in defaults and checks the bounds of user-given retry options. */
function resolveRetryOptions(options) {
    const resolved = { ...DEFAULT_RETRY, ...options };
    if (!Number.isInteger(resolved.attempts) || resolved.attempts < 1) {
        throw new Error(`retry.attempts must be an integer >= 1, got ${String(resolved.attempts)}`);
    }
    if (!(resolved.baseDelayMs >= 0) || !(resolved.maxDelayMs >= 0)) {
        throw new Error(`retry.baseDelayMs and retry.maxDelayMs must be >= 0, got ${resolved.baseDelayMs} and ${resolved.maxDelayMs}`);
    }
    return resolved;
}
/**
 * True for statuses worth another attempt: 408 and 429 (the server asks us to come back) and 5xx
 * except 501/505, which say the request will never work.
 */
function isRetryableStatus(status) {
    if (status === 408 || status === 429)
        return true;
    return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}
/**
 * Parses a `Retry-After` header (delay-seconds or HTTP-date) into milliseconds from `now`.
 * Returns undefined when absent or unparsable, so the caller falls back to its own backoff.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (value === null || value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const when = Date.parse(text);
    if (Number.isNaN(when))
        return undefined;
    return Math.max(0, when - now);
}
/**
 * Delay before retry number `retry` (1 = first retry): "equal jitter", i.e. half of the
 * exponential step fixed and half random, so clients that failed together do not retry in lockstep
 * yet each still waits a minimum.
 */
function backoffDelay(retry, options) {
    const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
    return Math.round(step / 2 + options.random() * (step / 2));
}
/**
 * Runs `attempt` until it yields a response that is not retryable, or attempts run out.
 *
 * A network error (a thrown `attempt`) is retried like a 5xx. When the last attempt still fails,
 * the last response is returned (so the caller can build an error from its status and body) or
 * the last network error is rethrown. Bodies of discarded responses are cancelled so their
 * connections are freed.
 *
 * @param attempt performs one request; `n` is the 1-based attempt number. It must be safe to call
 *   again (a request whose body was a consumed one-shot stream is not: pass `attempts: 1` then).
 */
async function fetchWithRetry(attempt, options, onRetry) {
    for (let n = 1;; n++) {
        let response;
        let error;
        try {
            response = await attempt(n);
        }
        catch (err) {
            error = err;
        }
        if (response !== undefined && !isRetryableStatus(response.status))
            return response;
        if (n >= options.attempts) {
            if (response !== undefined)
                return response;
            throw error;
        }
        let delayMs = backoffDelay(n, options);
        const retryAfter = parseRetryAfter(response?.headers.get('retry-after'));
        if (retryAfter !== undefined)
            delayMs = Math.min(Math.max(delayMs, retryAfter), options.maxRetryAfterMs);
        onRetry?.({
            attempt: n,
            attempts: options.attempts,
            ...(response !== undefined ? { status: response.status } : { error }),
            delayMs,
        });
        await response?.body?.cancel().catch(() => undefined);
        await options.sleep(delayMs);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/registry/auth-session.ts
/**
 * The authentication state of one registry client: which credentials it has, which scheme the
 * registry asked for, and the bearer tokens it was issued (cached per scope set).
 *
 * Negotiation is on demand: requests go out anonymously until the registry answers a
 * `WWW-Authenticate` challenge; from then on the scheme it asked for is used up front.
 */






/** Token scope to read `repository`. */
function scopePull(repository) {
    return `repository:${repository}:pull`;
}
/** Token scope to read and write `repository`. */
function scopePush(repository) {
    return `repository:${repository}:pull,push`;
}
/** Answers a registry's authentication challenges and supplies the `Authorization` header. */
class AuthSession {
    options;
    /** Where the credentials came from, or why there are none; named in 401/403 messages. */
    credentialsSource = 'none';
    credentialsLoaded = false;
    credentials = null;
    scheme = 'none';
    bearerChallenge;
    tokens = new Map();
    constructor(options) {
        this.options = options;
    }
    /** The Authorization header to send up front, once we know what the registry wants. */
    async authorization(scopes) {
        if (this.scheme === 'basic') {
            const credentials = this.loadCredentials();
            return credentials !== null && 'username' in credentials ? basicAuthorization(credentials) : undefined;
        }
        if (this.scheme !== 'bearer')
            return undefined;
        const cached = this.tokens.get(scopeKey(scopes));
        if (cached !== undefined && cached.expiresAt > Date.now())
            return `Bearer ${cached.token}`;
        const credentials = this.loadCredentials();
        if (credentials !== null && 'token' in credentials)
            return `Bearer ${credentials.token}`;
        if (this.bearerChallenge === undefined)
            return undefined;
        const token = await this.fetchToken(this.bearerChallenge, scopes);
        return `Bearer ${token.token}`;
    }
    /**
     * Takes in a 401's challenges: a bearer challenge fetches a token for `scopes` (and whatever
     * scope the challenge names), a basic one switches to basic credentials.
     *
     * @param url the request URL as sent to the transport (a path or an absolute URL)
     * @throws RegistryError when the challenge cannot be answered with the credentials at hand
     */
    async answerChallenge(challenges, scopes, method, url) {
        const bearer = challenges.find((c) => c.scheme === 'bearer');
        const basic = challenges.find((c) => c.scheme === 'basic');
        const credentials = this.loadCredentials();
        if (bearer !== undefined) {
            this.scheme = 'bearer';
            this.bearerChallenge = bearer;
            if (credentials !== null && 'token' in credentials)
                return;
            const asked = bearer.params['scope']?.split(' ').filter((s) => s !== '') ?? [];
            const all = [...new Set([...scopes, ...asked])];
            this.tokens.set(scopeKey(scopes), await this.fetchToken(bearer, all));
            return;
        }
        if (basic !== undefined) {
            if (credentials === null || !('username' in credentials)) {
                throw unauthorized(method, url, `${method} ${url.startsWith('/') ? this.options.baseUrl + url : url}: the registry requires basic ` +
                    `authentication, but there are no username/password credentials (${this.credentialsSource})`);
            }
            this.scheme = 'basic';
            return;
        }
        const schemes = challenges.map((c) => c.scheme).join(', ') || '(none)';
        throw unauthorized(method, url, `${method} ${url}: unsupported authentication challenge(s): ${schemes}`);
    }
    loadCredentials() {
        if (!this.credentialsLoaded) {
            this.credentialsLoaded = true;
            if (this.options.credentials !== undefined) {
                this.credentials = this.options.credentials;
                this.credentialsSource = this.credentials === null ? 'anonymous by request' : 'given to the client';
            }
            else {
                const { env, registry } = this.options;
                const found = findStoredCredentials(registry, { env });
                this.credentials = found?.credentials ?? null;
                this.credentialsSource =
                    found !== undefined
                        ? `from ${found.source}`
                        : `none found for ${registry} in ${authFilePaths({ env }).join(', ')}`;
            }
        }
        return this.credentials;
    }
    async fetchToken(challenge, scopes) {
        const url = tokenUrl(challenge, scopes);
        this.checkRealm(url);
        const credentials = this.loadCredentials();
        const headers = { 'user-agent': this.options.userAgent };
        if (credentials !== null && 'username' in credentials) {
            headers['authorization'] = basicAuthorization(credentials);
        }
        // Not following redirects: the realm the registry named is the one place trusted with them.
        const response = await fetchWithRetry(() => this.options.fetch(url, { headers, redirect: 'manual' }), this.options.retry);
        const location = response.headers.get('location');
        if (isRedirectStatus(response.status) && location !== null) {
            await response.body?.cancel().catch(() => undefined);
            throw new errors_RegistryError('GET', url.href, response.status, undefined, undefined, `GET ${url.href}: the token realm redirected (${response.status}) to ${new URL(location, url).href}; ` +
                'not following it with credentials');
        }
        await failUnlessStatus(response, 'GET', url.href, [200], this.credentialsSource);
        const json = await readJsonCapped(response, 'GET', url.href, MAX_SMALL_BODY_BYTES, 'token response');
        const token = parseTokenResponse(json);
        this.tokens.set(scopeKey(scopes), token);
        return token;
    }
    /**
     * Credentials go to a token realm only over https, or over http on loopback. `insecure` also
     * allows http to the registry's own host (an insecure registry's own token service), never to
     * a third host, which could read them off the wire.
     */
    checkRealm(url) {
        if (url.protocol !== 'http:' || (0,loopback/* isLoopbackHost */.c)(url.hostname))
            return;
        if (this.options.insecure && url.hostname === new URL(this.options.baseUrl).hostname)
            return;
        throw new errors_RegistryError('GET', url.href, undefined, undefined, undefined, `refusing to send credentials to token realm ${url.href} over plain http ` +
            `(the registry is ${this.options.baseUrl}; a token realm must be https unless it is on loopback)`);
    }
}
/** A 401 that the credentials at hand cannot answer. */
function unauthorized(method, url, message) {
    return new errors_RegistryError(method, url, 401, 'UNAUTHORIZED', undefined, message);
}
function scopeKey(scopes) {
    return [...scopes].sort().join(' ');
}

;// CONCATENATED MODULE: ./packages/core/src/registry/names.ts
/**
 * Checks of the names an operation puts into a registry URL (repository, tag or digest), made
 * before any request so that a bad name fails with the rule it breaks, not with a registry 404.
 * Digests follow the one digest grammar of reference.ts.
 */

const REPOSITORY_RE = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
const TAG_RE = /^\w[\w.-]{0,127}$/;
/** @throws Error when `repository` is not a valid repository name */
function checkRepository(repository) {
    if (!REPOSITORY_RE.test(repository) || repository.length > 255) {
        throw new Error(`repository ${JSON.stringify(repository)} is not a valid repository name (lowercase path components ` +
            'of [a-z0-9] separated by ".", "_", "__" or "-", joined by "/")');
    }
}
/** @throws Error when `reference` is neither a tag nor a digest */
function checkReference(reference) {
    if (!TAG_RE.test(reference) && !(0,src_reference/* isDigest */.Bc)(reference)) {
        throw new Error(`reference ${JSON.stringify(reference)} is neither a tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}) nor a ` +
            'sha256/sha512 digest');
    }
}
/**
 * @param what names the value in the message, e.g. `blob digest`
 * @throws Error when `digest` is not a sha256/sha512 digest
 */
function checkDigest(digest, what) {
    if (!(0,src_reference/* isDigest */.Bc)(digest)) {
        throw new Error(`${what} ${JSON.stringify(digest)} is not a sha256:<64 hex> or sha512:<128 hex> digest`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/registry/blobs.ts







function isStreamLike(value) {
    return value instanceof external_node_stream_.Readable || value instanceof ReadableStream;
}
function toWebStream(body) {
    return body instanceof external_node_stream_.Readable ? external_node_stream_.Readable.toWeb(body) : body;
}
/** Size of a blob in a repository, or null when the repository does not have it. */
async function statBlob(transport, repository, digest) {
    checkRepository(repository);
    checkDigest(digest, 'blob digest');
    const path = `/v2/${repository}/blobs/${digest}`;
    const response = await transport.send({ method: 'HEAD', url: path, scopes: [scopePull(repository)] });
    if (response.status === 404)
        return null;
    await transport.expect(response, 'HEAD', path, [200]);
    return { size: Number(response.headers.get('content-length') ?? '0') };
}
/**
 * Starts downloading a blob. The returned stream is verified against `digest` as it flows (see
 * {@link BlobDownload.stream}); nothing is buffered.
 */
async function getBlob(transport, repository, digest) {
    checkRepository(repository);
    checkDigest(digest, 'blob digest');
    const path = `/v2/${repository}/blobs/${digest}`;
    const response = await transport.send({ method: 'GET', url: path, scopes: [scopePull(repository)] });
    await transport.expect(response, 'GET', path, [200]);
    const length = response.headers.get('content-length');
    const size = length === null ? undefined : Number(length);
    if (response.body === null)
        throw malformedAnswer('GET', transport.absolute(path), 200, 'empty body');
    const stream = verifyingStream(response.body, digest, `GET blob ${transport.registry}/${repository}@${digest}`, size);
    return { digest, size, stream };
}
/**
 * Asks the registry to mount a blob of `fromRepository` into `toRepository` without moving its
 * bytes. Returns true when mounted (201); false when the registry declined (202: it opened an
 * upload session instead, which is cancelled here), e.g. because it does not have the blob or
 * the credentials cannot read `fromRepository`.
 */
async function mountBlob(transport, toRepository, fromRepository, digest) {
    checkRepository(toRepository);
    checkRepository(fromRepository);
    checkDigest(digest, 'blob digest');
    const path = `/v2/${toRepository}/blobs/uploads/?mount=${encodeURIComponent(digest)}` +
        `&from=${encodeURIComponent(fromRepository)}`;
    const response = await transport.send({
        method: 'POST',
        url: path,
        scopes: [scopePush(toRepository), scopePull(fromRepository)],
    });
    await transport.expect(response, 'POST', path, [201, 202]);
    await response.body?.cancel();
    if (response.status === 201)
        return true;
    await cancelUpload(transport, toRepository, response.headers.get('location'));
    return false;
}
/**
 * Uploads a blob monolithically (POST to open a session, one PUT with the bytes) and returns its
 * digest. A restartable body (bytes, or a function giving a fresh stream) is retried as a whole
 * new session on network errors, 429 and 5xx; a one-shot stream is not retried once sent.
 *
 * @param size exact byte count (sent as `Content-Length`)
 */
async function uploadBlob(transport, repository, digest, body, size) {
    checkUpload(repository, digest, body, size);
    const restartable = !isStreamLike(body);
    const attempts = restartable ? transport.retry.attempts : 1;
    for (let attempt = 1;; attempt++) {
        const location = await startUpload(transport, repository);
        const put = new URL(location, transport.baseUrl);
        put.searchParams.append('digest', digest);
        let payload;
        if (body instanceof Uint8Array)
            payload = body;
        else if (isStreamLike(body))
            payload = toWebStream(body);
        else
            payload = toWebStream(await body());
        let response;
        let error;
        try {
            response = await transport.send({
                method: 'PUT',
                url: put.href,
                scopes: [scopePush(repository)],
                headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
                body: payload,
                repeatable: false,
            });
        }
        catch (err) {
            error = err;
        }
        const transient = response === undefined || isRetryableStatus(response.status);
        if (transient && attempt < attempts) {
            const delayMs = backoffDelay(attempt, transport.retry);
            transport.log.debug(`PUT ${put.origin}${put.pathname} failed (${response?.status ?? String(error)}); ` +
                `restarting the upload in ${delayMs} ms (attempt ${attempt + 1}/${attempts})`);
            await response?.body?.cancel().catch(() => undefined);
            await cancelUpload(transport, repository, location);
            await transport.retry.sleep(delayMs);
            continue;
        }
        if (response === undefined) {
            throw new errors_RegistryError('PUT', put.href, undefined, undefined, undefined, `PUT ${put.origin}${put.pathname} (blob ${digest} into ${transport.registry}/${repository}) failed: ` +
                `${error?.message ?? String(error)}` +
                (restartable ? '' : ' (the body was a one-shot stream, so the upload was not retried)'), { cause: error });
        }
        await transport.expect(response, 'PUT', put.href, [201, 204]);
        await response.body?.cancel();
        const stored = response.headers.get('docker-content-digest');
        if (stored !== null && stored !== digest) {
            throw new Error(`PUT blob ${transport.registry}/${repository}: registry stored ${stored}, expected ${digest}`);
        }
        return digest;
    }
}
/** Refuses an upload that cannot succeed before any request: bad names, size, or bytes that do not match. */
function checkUpload(repository, digest, body, size) {
    checkRepository(repository);
    checkDigest(digest, 'blob digest');
    if (!Number.isSafeInteger(size) || size < 0) {
        throw new Error(`uploadBlob(${repository}, ${digest}): size must be a byte count, got ${size}`);
    }
    if (body instanceof Uint8Array) {
        if (body.byteLength !== size) {
            throw new Error(`uploadBlob(${repository}, ${digest}): size ${size} but ${body.byteLength} bytes given`);
        }
        const actual = digest_digestOf(body, (0,src_reference/* parseDigest */.m)(digest).algorithm);
        if (actual !== digest) {
            throw new Error(`uploadBlob(${repository}, ${digest}): the bytes given hash to ${actual}`);
        }
    }
}
/**
 * Deletes a blob's link from a repository (registries with deletion enabled; the bytes go at the
 * registry's next garbage collection). Returns false when the repository does not have it.
 */
async function deleteBlob(transport, repository, digest) {
    checkRepository(repository);
    checkDigest(digest, 'blob digest');
    return transport.deleteAt(repository, `/v2/${repository}/blobs/${digest}`);
}
/** Opens an upload session; returns its absolute location. */
async function startUpload(transport, repository) {
    const path = `/v2/${repository}/blobs/uploads/`;
    const response = await transport.send({ method: 'POST', url: path, scopes: [scopePush(repository)] });
    await transport.expect(response, 'POST', path, [202]);
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (location === null || location === '') {
        throw malformedAnswer('POST', transport.absolute(path), 202, '202 without a Location header');
    }
    return new URL(location, transport.baseUrl).href;
}
/** Best effort: an abandoned session only costs the registry until it expires it. */
async function cancelUpload(transport, repository, location) {
    if (location === null || location === '')
        return;
    const url = new URL(location, transport.baseUrl).href;
    try {
        const response = await transport.send({ method: 'DELETE', url, scopes: [scopePush(repository)] });
        await response.body?.cancel();
        if (response.status >= 300 && response.status !== 404) {
            transport.log.debug(`DELETE ${url} (cancel upload) answered ${response.status}`);
        }
    }
    catch (err) {
        transport.log.debug(`DELETE ${url} (cancel upload) failed: ${err.message}`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/registry/manifests.ts







function mediaTypeOf(response) {
    const value = response.headers.get('content-type');
    if (value === null)
        return undefined;
    const type = value.split(';')[0].trim();
    return type === '' ? undefined : type;
}
/** A HEAD or GET of a manifest, accepting every manifest type we can verify. */
async function requestManifest(transport, method, repository, reference) {
    checkRepository(repository);
    checkReference(reference);
    const path = `/v2/${repository}/manifests/${reference}`;
    const response = await transport.send({
        method,
        url: path,
        scopes: [scopePull(repository)],
        headers: { accept: MANIFEST_ACCEPT },
    });
    return { path, response };
}
/**
 * HEAD of a manifest: its digest, media type and size, or null when the registry does not have it.
 * Falls back to a GET when the registry omits `Docker-Content-Digest`.
 */
async function headManifest(transport, repository, reference) {
    const { path, response } = await requestManifest(transport, 'HEAD', repository, reference);
    if (response.status === 404)
        return null;
    await transport.expect(response, 'HEAD', path, [200]);
    const digest = response.headers.get('docker-content-digest');
    const mediaType = mediaTypeOf(response);
    const length = response.headers.get('content-length');
    const size = Number(length);
    if (digest === null ||
        !(0,src_reference/* isDigest */.Bc)(digest) ||
        mediaType === undefined ||
        length === null ||
        !Number.isInteger(size)) {
        const fetched = await getManifest(transport, repository, reference);
        return { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.size };
    }
    if ((0,src_reference/* isDigest */.Bc)(reference) && digest !== reference) {
        throw new DigestMismatchError(transport.registry, repository, reference, reference, digest, 'HEAD manifest');
    }
    return { digest, mediaType, size };
}
/**
 * Fetches a manifest (image manifest or index, OCI or Docker v2) and verifies its bytes: against
 * `reference` when it is a digest, else against the registry's `Docker-Content-Digest`.
 *
 * @throws DigestMismatchError when the bytes do not match
 * @throws RegistryError when the registry does not have it (404) or answers an error
 */
async function getManifest(transport, repository, reference) {
    const { path, response } = await requestManifest(transport, 'GET', repository, reference);
    await transport.expect(response, 'GET', path, [200]);
    const bytes = await readBodyCapped(response, 'GET', transport.absolute(path), MAX_MANIFEST_BYTES, 'manifest');
    const header = response.headers.get('docker-content-digest');
    const digest = verifyManifestBytes(transport.registry, repository, reference, bytes, header);
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch (err) {
        throw new Error(`GET ${transport.absolute(path)}: manifest ${digest} is not valid JSON: ${err.message}`, { cause: err });
    }
    const mediaType = mediaTypeOf(response) ?? json.mediaType ?? 'application/octet-stream';
    return { digest, mediaType, size: bytes.length, bytes, json };
}
/**
 * The digest of fetched manifest bytes, checked against what the caller asked for (a digest
 * reference) or else what the registry says it is (`Docker-Content-Digest`).
 *
 * @throws DigestMismatchError when the bytes or the registry's header disagree with the reference
 */
function verifyManifestBytes(registry, repository, reference, bytes, header) {
    let digest;
    if ((0,src_reference/* isDigest */.Bc)(reference)) {
        digest = reference;
    }
    else if (header !== null && (0,src_reference/* isDigest */.Bc)(header)) {
        digest = header;
    }
    else {
        digest = digest_digestOf(bytes);
    }
    const actual = digest_digestOf(bytes, (0,src_reference/* parseDigest */.m)(digest).algorithm);
    if (actual !== digest) {
        throw new DigestMismatchError(registry, repository, reference, digest, actual, 'GET manifest');
    }
    if ((0,src_reference/* isDigest */.Bc)(reference) && header !== null && (0,src_reference/* isDigest */.Bc)(header) && header !== reference) {
        throw new DigestMismatchError(registry, repository, reference, reference, header, 'GET manifest');
    }
    return digest;
}
/**
 * Stores a manifest under a tag or its digest and returns its digest (sha256 of `bytes`).
 *
 * @throws Error when `reference` is a digest that `bytes` do not hash to, or the registry reports
 *   another digest than the one of the bytes sent
 */
async function putManifest(transport, repository, reference, bytes, mediaType) {
    checkRepository(repository);
    checkReference(reference);
    const algorithm = (0,src_reference/* isDigest */.Bc)(reference) ? (0,src_reference/* parseDigest */.m)(reference).algorithm : 'sha256';
    const digest = digest_digestOf(bytes, algorithm);
    if ((0,src_reference/* isDigest */.Bc)(reference) && digest !== reference) {
        throw new Error(`PUT manifest ${transport.registry}/${repository}@${reference}: the manifest bytes hash to ${digest}, not to the digest they are pushed under`);
    }
    const path = `/v2/${repository}/manifests/${reference}`;
    const response = await transport.send({
        method: 'PUT',
        url: path,
        scopes: [scopePush(repository)],
        headers: { 'content-type': mediaType },
        body: bytes,
    });
    await transport.expect(response, 'PUT', path, [200, 201, 202]);
    await response.body?.cancel();
    const stored = response.headers.get('docker-content-digest');
    if (stored !== null && stored !== digest && stored !== digest_digestOf(bytes)) {
        throw new Error(`PUT ${transport.absolute(path)}: the registry stored the manifest as ${stored}, but the bytes sent hash to ${digest}`);
    }
    return digest;
}
/**
 * Deletes a manifest by digest (every tag pointing at it goes too). Returns false when the
 * registry does not have it.
 *
 * @throws Error for a tag: registries delete by digest only, and resolving a tag here would
 *   silently delete other tags sharing the digest
 */
async function deleteManifest(transport, repository, digest) {
    checkRepository(repository);
    checkDigest(digest, `deleteManifest(${repository}): reference`);
    return transport.deleteAt(repository, `/v2/${repository}/manifests/${digest}`);
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./packages/core/src/registry/http.ts


/** Sockets one origin may have open at once (a promotion has at most ~16 requests in flight). */
const MAX_SOCKETS_PER_ORIGIN = 16;
/** An idle request or response (no bytes either way) fails after this long, as undici's fetch does. */
const IDLE_TIMEOUT_MS = 300_000;
/** Bodies up to this size are read to the end on cancel, so their connection can be reused. */
const DRAIN_ON_CANCEL_BYTES = 64 * 1024;
const agents = new Map();
/** The keep-alive agent of an origin (`http://host:port`), made on first use and kept for the run. */
async function agentFor(url) {
    // node:https (and TLS with it) is loaded only when a registry speaks https.
    const mod = url.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)) : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23));
    let agent = agents.get(url.origin);
    if (agent === undefined) {
        agent = new mod.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN, scheduling: 'lifo' });
        agents.set(url.origin, agent);
    }
    return { agent, request: mod.request };
}
/**
 * Sends one request over the origin's keep-alive agent and resolves with the response head; the body
 * streams (with backpressure) as a web `ReadableStream`. Never follows redirects. A body that ends
 * before its connection delivered all of it errors the stream rather than closing it.
 *
 * @throws Error (with the socket error as `cause`) when the request fails before a response head
 */
const keepAliveFetch = async (input, init) => {
    const url = typeof input === 'string' ? new URL(input) : input;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`${url.href}: only http and https URLs are supported`);
    }
    const { agent, request } = await agentFor(url);
    const method = (init.method ?? 'GET').toUpperCase();
    const body = init.body;
    return new Promise((resolve, reject) => {
        const req = request(url, { method, headers: init.headers ?? {}, agent });
        req.setTimeout(IDLE_TIMEOUT_MS, () => req.destroy(new Error(`no activity for ${IDLE_TIMEOUT_MS} ms`)));
        req.once('error', (err) => reject(new Error(`${method} ${url.href} failed`, { cause: err })));
        req.once('response', (res) => resolve(responseOf(method, res)));
        if (body === undefined)
            req.end();
        else if (body instanceof Uint8Array)
            req.end(body);
        else {
            // A failing source stream (a blob whose digest did not verify) destroys the request, so the
            // registry never sees a complete body.
            (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(body), req).catch((err) => req.destroy(err instanceof Error ? err : new Error(String(err))));
        }
    });
};
function responseOf(method, res) {
    const status = res.statusCode ?? 0;
    const headers = {
        get(name) {
            const v = res.headers[name.toLowerCase()];
            if (v === undefined)
                return null;
            return Array.isArray(v) ? v.join(', ') : v;
        },
    };
    const noBody = method === 'HEAD' || status === 204 || status === 304;
    if (noBody)
        res.resume();
    return {
        status,
        statusText: res.statusMessage ?? '',
        headers,
        body: noBody ? null : bodyStream(res),
    };
}
/** The response body as a web stream: pauses the socket while the reader is behind. */
function bodyStream(res) {
    let finished = false;
    return new ReadableStream({
        start(controller) {
            res.on('data', (chunk) => {
                if (finished)
                    return;
                controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
                if ((controller.desiredSize ?? 0) <= 0)
                    res.pause();
            });
            res.once('end', () => {
                if (finished)
                    return;
                finished = true;
                controller.close();
            });
            res.once('error', (err) => {
                if (!finished)
                    controller.error(err);
                finished = true;
            });
            res.once('close', () => {
                if (finished)
                    return;
                finished = true;
                controller.error(new Error('the connection closed before the response body ended'));
            });
            res.pause();
        },
        pull() {
            res.resume();
        },
        cancel() {
            finished = true;
            const length = Number(res.headers['content-length']);
            // A small rest is cheaper to read than a new connection; a large or unknown one is not.
            if (Number.isFinite(length) && length <= DRAIN_ON_CANCEL_BYTES && !res.destroyed)
                res.resume();
            else
                res.destroy();
        },
    }, { highWaterMark: 4 });
}

;// CONCATENATED MODULE: ./packages/core/src/registry/transport.ts








/**
 * The API base URL (`http(s)://host[:port]`) of a registry: http for loopback hosts or when
 * `insecure`, https otherwise. `docker.io` maps to Docker Hub's API host.
 *
 * @throws Error when `registry` is not a bare host[:port]
 */
function registryBaseUrl(registry, insecure = false) {
    let url;
    try {
        url = new URL(`http://${registry}`);
    }
    catch {
        throw new Error(`registry ${JSON.stringify(registry)} is not a host[:port]`);
    }
    if (registry === '' ||
        url.username !== '' ||
        url.password !== '' ||
        url.pathname !== '/' ||
        url.search !== '' ||
        url.hash !== '' ||
        registry.includes('/')) {
        throw new Error(`registry ${JSON.stringify(registry)} is not a host[:port] (no scheme, path or credentials)`);
    }
    const host = url.host === 'docker.io' || url.host === 'index.docker.io' ? 'registry-1.docker.io' : url.host;
    const scheme = insecure || (0,loopback/* isLoopbackHost */.c)(url.hostname) ? 'http' : 'https';
    return `${scheme}://${host}`;
}
/** Parses RFC 8288 `Link` for `rel="next"` (registries use it to paginate tag and referrer lists). */
function nextLink(header) {
    if (header === null)
        return undefined;
    for (const part of header.split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>(.*)$/.exec(part);
        if (m !== null && /;\s*rel="?next"?(\s*;|\s*$)/i.test(m[2]))
            return m[1];
    }
    return undefined;
}
/**
 * Sends requests to one registry. Authentication is negotiated on demand (see {@link AuthSession});
 * requests that fail with a network error, 408, 429 or 5xx are retried with exponential backoff
 * and jitter, honouring `Retry-After`.
 */
class RegistryTransport {
    /** host[:port] as given. */
    registry;
    /** `http(s)://host[:port]`. */
    baseUrl;
    /** The resolved retry policy (uploads restart whole sessions with it). */
    retry;
    /** Receives retries and best-effort cleanup failures, as debug lines. */
    log;
    fetchImpl;
    userAgent;
    auth;
    constructor(options, log) {
        this.registry = options.registry;
        this.baseUrl = registryBaseUrl(options.registry, options.insecure ?? false);
        this.fetchImpl = options.fetch ?? keepAliveFetch;
        this.retry = resolveRetryOptions(options.retry);
        this.log = log;
        this.userAgent = options.userAgent ?? 'digestline';
        this.auth = new AuthSession({
            registry: options.registry,
            baseUrl: this.baseUrl,
            credentials: options.credentials,
            env: options.env ?? process.env,
            insecure: options.insecure ?? false,
            userAgent: this.userAgent,
            fetch: this.fetchImpl,
            retry: this.retry,
        });
    }
    /** The absolute URL of a path under the base URL; absolute URLs are returned as they are. */
    absolute(url) {
        return url.startsWith('/') ? this.baseUrl + url : url;
    }
    /**
     * One logical request: preemptive auth, retries, and one repeat after answering a 401 challenge
     * (the repeat is skipped when the body cannot be sent twice; the 401 is then returned, and the
     * cached auth makes a restarted operation authenticate up front).
     */
    async send(request) {
        const repeatable = (request.repeatable ?? true) && !(request.body instanceof ReadableStream);
        const { response, url } = await this.attempt(request, repeatable);
        const header = response.headers.get('www-authenticate');
        if (response.status !== 401 || header === null)
            return response;
        // A challenge from another origin (storage a redirect or upload Location led to) would have
        // us send the registry's credentials to a realm of that origin's choosing.
        if (!sameOrigin(url, this.baseUrl))
            return response;
        await this.auth.answerChallenge(parseWwwAuthenticate(header), request.scopes, request.method, request.url);
        if (!repeatable)
            return response;
        await response.body?.cancel();
        return (await this.attempt(request, repeatable)).response;
    }
    /**
     * Throws a RegistryError built from the response unless its status is one of `ok`.
     *
     * @param url a path under the base URL or an absolute URL
     */
    async expect(response, method, url, ok) {
        await failUnlessStatus(response, method, this.absolute(url), ok, this.auth.credentialsSource);
    }
    /**
     * DELETE of a manifest or blob path: true when deleted, false when the registry has no such thing.
     */
    async deleteAt(repository, path) {
        const response = await this.send({ method: 'DELETE', url: path, scopes: [scopePush(repository)] });
        const found = response.status !== 404;
        // expect() reads the body of a refusal for its message; otherwise the body is not needed.
        if (found)
            await this.expect(response, 'DELETE', path, [200, 202, 204]);
        await response.body?.cancel();
        return found;
    }
    /**
     * One request with retries, following redirects by hand so that `Authorization` goes only to
     * the registry's own origin (blob GETs and uploads are often redirected to storage elsewhere,
     * which gets the request without credentials). Returns the final response and its URL.
     */
    async attempt(request, repeatable) {
        let url = this.absolute(request.url);
        let method = request.method;
        let body = request.body;
        let headers = { ...request.headers };
        for (let hops = 0;; hops++) {
            const response = await this.fetchOnce(request.scopes, { method, url, headers, body }, repeatable);
            const location = response.headers.get('location');
            if (!isRedirectStatus(response.status) || location === null)
                return { response, url };
            await response.body?.cancel().catch(() => undefined);
            const next = new URL(location, url).href;
            const fail = (why) => malformedAnswer(method, url, response.status, `redirected (${response.status}) to ${next}, ${why}`);
            if (hops >= MAX_REDIRECTS)
                throw fail(`more than ${MAX_REDIRECTS} redirects in a row`);
            if (response.status === 303 || (response.status <= 302 && method === 'POST')) {
                // As fetch does: these turn the request into a body-less GET.
                if (method !== 'HEAD')
                    method = 'GET';
                body = undefined;
                headers = withoutBodyHeaders(headers);
            }
            else if (body instanceof ReadableStream) {
                throw fail('but the body was a one-shot stream that cannot be sent again');
            }
            url = next;
        }
    }
    /** One hop: credentials only when `url` is on the registry's origin. */
    async fetchOnce(scopes, hop, repeatable) {
        const { method, url, body } = hop;
        const headers = { 'user-agent': this.userAgent, ...hop.headers };
        if (sameOrigin(url, this.baseUrl)) {
            const authorization = await this.auth.authorization(scopes);
            if (authorization !== undefined)
                headers['authorization'] = authorization;
        }
        const init = { method, headers, redirect: 'manual' };
        if (body !== undefined) {
            init.body = body;
            if (body instanceof ReadableStream)
                init.duplex = 'half';
        }
        const onRetry = (event) => {
            const why = event.status !== undefined ? `status ${event.status}` : `${event.error?.message}`;
            this.log.debug(`${method} ${url}: ${why}; retrying in ${event.delayMs} ms (attempt ${event.attempt + 1}/${event.attempts})`);
        };
        try {
            return await fetchWithRetry(() => this.fetchImpl(url, init), repeatable ? this.retry : { ...this.retry, attempts: 1 }, onRetry);
        }
        catch (err) {
            const cause = err.cause;
            const reason = cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
            throw new errors_RegistryError(method, url, undefined, undefined, undefined, `${method} ${url} failed: ${reason}` + (repeatable ? ` (after ${this.retry.attempts} attempts)` : ''), { cause: err });
        }
    }
}
/** Redirects followed for one request before it counts as a loop. */
const MAX_REDIRECTS = 5;
function withoutBodyHeaders(headers) {
    const kept = {};
    for (const [name, value] of Object.entries(headers)) {
        if (!/^content-/i.test(name))
            kept[name] = value;
    }
    return kept;
}

;// CONCATENATED MODULE: ./packages/core/src/registry/pagination.ts
/**
 * Following `Link: rel="next"` through a paginated list (tags, referrers) without trusting the
 * registry to end it: pages stay on the registry's origin, none is fetched twice, and there is a
 * page cap, so a loop or an endless chain fails instead of spinning.
 */



/** Pages of one list followed before giving up (1,000 pages of 1,000 tags is a million tags). */
const MAX_PAGES = 1000;
/** The trail of pages of one list; see the module comment. */
class PageTrail {
    baseUrl;
    what;
    maxPages;
    seen = new Set();
    /**
     * @param baseUrl the registry's `http(s)://host[:port]`
     * @param what the list, for messages (`tag list of app`)
     */
    constructor(baseUrl, what, maxPages = MAX_PAGES) {
        this.baseUrl = baseUrl;
        this.what = what;
        this.maxPages = maxPages;
    }
    /**
     * Records that the page at absolute `url` is about to be fetched.
     *
     * @throws RegistryError when the page was fetched before or the page cap is reached
     */
    visit(url) {
        if (this.seen.has(url)) {
            throw this.error(url, `pagination loops: page ${url} was already fetched (${this.seen.size} pages)`);
        }
        if (this.seen.size >= this.maxPages) {
            throw this.error(url, `pagination exceeds ${this.maxPages} pages`);
        }
        this.seen.add(url);
    }
    /**
     * The absolute URL of the next page named by `link` (the `Link` header of the page at `url`),
     * or undefined at the end.
     *
     * @throws RegistryError when it is on another origin than the registry (it would not get the
     *   registry's credentials, and a list the registry hands to a third party is not the registry's)
     */
    next(url, link) {
        const target = nextLink(link);
        if (target === undefined)
            return undefined;
        const next = new URL(target, url).href;
        if (!sameOrigin(next, this.baseUrl)) {
            throw this.error(url, `the next page is on another origin: ${originOf(next)}, not the registry's ${originOf(this.baseUrl)}; refusing to follow it`);
        }
        return next;
    }
    error(url, why) {
        return new errors_RegistryError('GET', url, undefined, undefined, undefined, `GET ${url}: ${this.what}: ${why}`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/registry/referrers.ts
/**
 * The OCI referrers API: manifests whose `subject` is a given digest (signatures, attestations).
 * Registries without it (Forgejo's among them) answer 404; callers then use the tag schema.
 */





/**
 * Manifests that refer to `digest` through their `subject`, via the OCI referrers API.
 * Returns null when the registry has no referrers API (404), so the caller can fall back to the
 * `sha256-<hex>` tag schema.
 *
 * @param artifactType keep only referrers of this artifact type
 */
async function referrers(transport, repository, digest, artifactType) {
    checkRepository(repository);
    checkDigest(digest, 'subject digest');
    const result = [];
    const trail = new PageTrail(transport.baseUrl, `referrers of ${repository}@${digest}`);
    let url = transport.absolute(`/v2/${repository}/referrers/${digest}` +
        (artifactType === undefined ? '' : `?artifactType=${encodeURIComponent(artifactType)}`));
    let first = true;
    // A registry that ignores the filter says so by not listing it in OCI-Filters-Applied.
    let filtered = artifactType === undefined;
    while (url !== undefined) {
        trail.visit(url);
        const response = await transport.send({
            method: 'GET',
            url,
            scopes: [scopePull(repository)],
            headers: { accept: media_types_OCI_INDEX },
        });
        if (first && response.status === 404) {
            await response.body?.cancel();
            return null;
        }
        first = false;
        await transport.expect(response, 'GET', url, [200]);
        const applied = (response.headers.get('oci-filters-applied') ?? '').split(',');
        if (applied.some((f) => f.trim() === 'artifactType'))
            filtered = true;
        const index = (await readJsonCapped(response, 'GET', url, MAX_LIST_PAGE_BYTES, 'referrers index page'));
        result.push(...(index?.manifests ?? []));
        url = trail.next(url, response.headers.get('link'));
    }
    return filtered ? result : result.filter((d) => d.artifactType === artifactType);
}

;// CONCATENATED MODULE: ./packages/core/src/registry/tags.ts
/** Tag listing, following the registry's `Link` pagination. */




/** All tags of a repository, following `Link` pagination; [] when the repository is unknown. */
async function listTags(transport, repository) {
    checkRepository(repository);
    const tags = [];
    const trail = new PageTrail(transport.baseUrl, `tag list of ${repository}`);
    let url = transport.absolute(`/v2/${repository}/tags/list?n=1000`);
    while (url !== undefined) {
        trail.visit(url);
        const response = await transport.send({ method: 'GET', url, scopes: [scopePull(repository)] });
        if (response.status === 404 && tags.length === 0) {
            await response.body?.cancel();
            return [];
        }
        await transport.expect(response, 'GET', url, [200]);
        const json = (await readJsonCapped(response, 'GET', url, MAX_LIST_PAGE_BYTES, 'tag list page'));
        tags.push(...(json?.tags ?? []));
        url = trail.next(url, response.headers.get('link'));
    }
    return tags;
}

;// CONCATENATED MODULE: ./packages/core/src/registry/client.ts
/**
 * A client for the OCI distribution API (the registry HTTP API), built on the global `fetch`.
 *
 * Promotion copies images registry-to-registry by digest, so everything here is about bytes and
 * digests: manifests are verified against the digest asked for, blobs are verified while they
 * stream, and blobs move by cross-repository mount whenever the registry allows it.
 *
 * `RegistryClient` is the one class callers construct; each operation lives in the module of its
 * concern (manifests.ts, blobs.ts, tags.ts, referrers.ts), HTTP in transport.ts.
 */






/**
 * Speaks the OCI distribution API to one registry.
 *
 * Authentication is negotiated on demand: anonymous first, then whatever the registry's
 * `WWW-Authenticate` challenge asks for (basic, or a bearer token fetched from the challenge's realm
 * with the basic credentials, cached per scope). Requests that fail with a network error, 408,
 * 429 or 5xx are retried with exponential backoff and jitter, honouring `Retry-After`.
 *
 * @example
 * const client = new RegistryClient({ registry: '127.0.0.1:5000' });
 * const { digest } = await client.getManifest('app/web', 'v1');
 */
class RegistryClient {
    /** host[:port] as given. */
    registry;
    /** `http(s)://host[:port]`. */
    baseUrl;
    transport;
    constructor(options) {
        this.transport = new RegistryTransport(options, options.log ?? src_log/* silentLog */.a);
        this.registry = this.transport.registry;
        this.baseUrl = this.transport.baseUrl;
    }
    /** Checks that the registry speaks the v2 API and that we can authenticate to it. */
    async ping() {
        const response = await this.transport.send({ method: 'GET', url: '/v2/', scopes: [] });
        await this.transport.expect(response, 'GET', '/v2/', [200]);
        await response.body?.cancel();
    }
    /**
     * HEAD of a manifest: its digest, media type and size, or null when the registry does not have it.
     * Falls back to a GET when the registry omits `Docker-Content-Digest`.
     */
    headManifest(repository, reference) {
        return headManifest(this.transport, repository, reference);
    }
    /**
     * Fetches a manifest (image manifest or index, OCI or Docker v2) and verifies its bytes: against
     * `reference` when it is a digest, else against the registry's `Docker-Content-Digest`.
     *
     * @throws DigestMismatchError when the bytes do not match
     * @throws RegistryError when the registry does not have it (404) or answers an error
     */
    getManifest(repository, reference) {
        return getManifest(this.transport, repository, reference);
    }
    /**
     * Stores a manifest under a tag or its digest and returns its digest (sha256 of `bytes`).
     *
     * @throws Error when `reference` is a digest that `bytes` do not hash to, or the registry reports
     *   another digest than the one of the bytes sent
     */
    putManifest(repository, reference, bytes, mediaType) {
        return putManifest(this.transport, repository, reference, bytes, mediaType);
    }
    /**
     * Deletes a manifest by digest (every tag pointing at it goes too). Returns false when the
     * registry does not have it.
     *
     * @throws Error for a tag: registries delete by digest only, and resolving a tag here would
     *   silently delete other tags sharing the digest
     */
    deleteManifest(repository, digest) {
        return deleteManifest(this.transport, repository, digest);
    }
    /**
     * Deletes a blob's link from a repository (registries with deletion enabled; the bytes go at the
     * registry's next garbage collection). Returns false when the repository does not have it.
     */
    deleteBlob(repository, digest) {
        return deleteBlob(this.transport, repository, digest);
    }
    /** Size of a blob in a repository, or null when the repository does not have it. */
    statBlob(repository, digest) {
        return statBlob(this.transport, repository, digest);
    }
    /** True if the repository has the blob. */
    async headBlob(repository, digest) {
        return (await this.statBlob(repository, digest)) !== null;
    }
    /**
     * Starts downloading a blob. The returned stream is verified against `digest` as it flows (see
     * {@link BlobDownload.stream}); nothing is buffered.
     */
    getBlob(repository, digest) {
        return getBlob(this.transport, repository, digest);
    }
    /**
     * Asks the registry to mount a blob of `fromRepository` into `toRepository` without moving its
     * bytes. Returns true when mounted (201); false when the registry declined (202: it opened an
     * upload session instead, which is cancelled here), e.g. because it does not have the blob or
     * the credentials cannot read `fromRepository`.
     */
    mountBlob(toRepository, fromRepository, digest) {
        return mountBlob(this.transport, toRepository, fromRepository, digest);
    }
    /**
     * Uploads a blob monolithically (POST to open a session, one PUT with the bytes) and returns its
     * digest. A restartable body (bytes, or a function giving a fresh stream) is retried as a whole
     * new session on network errors, 429 and 5xx; a one-shot stream is not retried once sent.
     *
     * @param size exact byte count (sent as `Content-Length`)
     */
    uploadBlob(repository, digest, body, size) {
        return uploadBlob(this.transport, repository, digest, body, size);
    }
    /**
     * Makes `descriptor`'s blob present in `repository` of this registry, taking it from
     * `sourceRepository` of `source` by the cheapest means: nothing if it is already there, a
     * mount when `source` is this same registry, else a verified stream from `source` into this
     * registry (restarted from `source` on transient failures, never buffered).
     */
    async copyBlobFrom(source, sourceRepository, repository, descriptor) {
        const { digest, size } = descriptor;
        if (await this.headBlob(repository, digest))
            return 'exists';
        if (source.baseUrl === this.baseUrl && (await this.mountBlob(repository, sourceRepository, digest))) {
            return 'mounted';
        }
        await this.uploadBlob(repository, digest, async () => (await source.getBlob(sourceRepository, digest)).stream, size);
        return 'streamed';
    }
    /** All tags of a repository, following `Link` pagination; [] when the repository is unknown. */
    listTags(repository) {
        return listTags(this.transport, repository);
    }
    /**
     * Manifests that refer to `digest` through their `subject`, via the OCI referrers API.
     * Returns null when the registry has no referrers API (404), so the caller can fall back to the
     * `sha256-<hex>` tag schema.
     *
     * @param artifactType keep only referrers of this artifact type
     */
    referrers(repository, digest, artifactType) {
        return referrers(this.transport, repository, digest, artifactType);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/checks/store.ts
// Publishing the source lane's evidence to the registry, where promote-digest looks for it
// (`commit-<sha>.source` in the evidence repository, docs/evidence.md).





/**
 * Reads the evidence file the source lane wrote (a DSSE envelope when signed, the bare statement
 * otherwise) and stores it as the source evidence of its commit in `target`. Credentials come from the
 * docker/podman auth files, as for the other lanes; loopback registries are spoken to over http.
 * The registry client's requests go to `log` as debug lines.
 */
async function storeSourceLaneEvidence(evidencePath, target, options = {}) {
    const log = options.log ?? src_log/* silentLog */.a;
    const parsed = JSON.parse(await (0,promises_.readFile)(evidencePath, 'utf8'));
    const envelope = parsed !== null && typeof parsed === 'object' && 'payloadType' in parsed
        ? (0,dsse/* parseEnvelope */.mE)(parsed)
        : (0,dsse.envelopeOf)(parsed);
    const client = new RegistryClient(options.client ?? { registry: target.registry, log });
    const stored = await storeSourceEvidence(client, target.repository, envelope);
    log.info(`source evidence stored as ${target.registry}/${target.repository}@${stored.digest} (${stored.discoverableVia})`);
    return stored;
}


/***/ }),

/***/ 2479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T8: () => (/* binding */ statementOf),
/* harmony export */   envelopeOf: () => (/* binding */ envelopeOf),
/* harmony export */   mE: () => (/* binding */ parseEnvelope),
/* harmony export */   signEnvelope: () => (/* binding */ signEnvelope),
/* harmony export */   xs: () => (/* binding */ keyId)
/* harmony export */ });
/* unused harmony exports IN_TOTO_PAYLOAD_TYPE, pae, payloadBytes, verifyEnvelope */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8346);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6991);
/**
 * DSSE (Dead Simple Signing Envelope) v1 around in-toto statements, signed with ECDSA P-256.
 *
 * Signatures are ASN.1 DER encoded, as sigstore/cosign produce and verify them, so an envelope signed
 * here can be checked with `cosign verify-blob-attestation`-style tooling and vice versa.
 * Key ids are the lowercase hex SHA-256 of the public key's SubjectPublicKeyInfo DER: stable for a key
 * whatever PEM wrapping it comes in, and computable by hand with openssl (see docs/evidence.md).
 */



/** The DSSE payload type of in-toto statements. */
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/**
 * DSSE pre-authentication encoding: `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, lengths as
 * ASCII decimal byte counts. Signing the PAE rather than the payload binds the payload type too.
 */
function pae(payloadType, payload) {
    const type = Buffer.from(payloadType, 'utf8');
    return Buffer.concat([
        Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
        type,
        Buffer.from(` ${payload.length} `, 'utf8'),
        payload,
    ]);
}
function publicKeyObject(key) {
    const obj = typeof key === 'string' ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(key) : key.type === 'private' ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(key) : key;
    if (obj.asymmetricKeyType !== 'ec' || obj.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
        throw new Error(`evidence keys must be ECDSA P-256, got ${obj.asymmetricKeyType ?? 'unknown'} ${obj.asymmetricKeyDetails?.namedCurve ?? ''}`.trim());
    }
    return obj;
}
/** Key id of a public (or private) key: lowercase hex SHA-256 of its SPKI DER encoding. */
function keyId(key) {
    const der = publicKeyObject(key).export({ type: 'spki', format: 'der' });
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(der).digest('hex');
}
/** Wraps a statement in an unsigned envelope (the payload is the statement's compact JSON). */
function envelopeOf(statement) {
    return {
        payloadType: IN_TOTO_PAYLOAD_TYPE,
        payload: Buffer.from(JSON.stringify(statement), 'utf8').toString('base64'),
        signatures: [],
    };
}
function decodeBase64(text, what) {
    // Buffer.from silently skips junk; DSSE allows standard or URL-safe base64, nothing else.
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text))
        throw new Error(`${what} is not base64`);
    return Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
}
/** The envelope's payload bytes (exactly what was signed, not a re-serialisation). */
function payloadBytes(envelope) {
    return decodeBase64(envelope.payload, 'DSSE payload');
}
/**
 * Adds a signature by `privateKeyPem` (PKCS#8 or SEC1 PEM of a P-256 key). The envelope is not
 * mutated; an existing signature with the same key id is replaced.
 */
function signEnvelope(envelope, privateKeyPem) {
    const key = typeof privateKeyPem === 'string' ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)(privateKeyPem) : privateKeyPem;
    const keyid = keyId(key);
    const sig = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', pae(envelope.payloadType, payloadBytes(envelope)), { key, dsaEncoding: 'der' });
    return {
        ...envelope,
        signatures: [
            ...envelope.signatures.filter((s) => s.keyid !== keyid),
            { keyid, sig: sig.toString('base64') },
        ],
    };
}
/**
 * Verifies the envelope's signatures against one public key (PEM). Every signature is tried whatever
 * its `keyid` says (DSSE treats key ids as hints), and the key's own id is reported for each that
 * verifies.
 *
 * @returns the key ids that verified (empty when none did, or the envelope is unsigned)
 */
function verifyEnvelope(envelope, publicKeyPem) {
    const key = publicKeyObject(publicKeyPem);
    const id = keyId(key);
    let message;
    try {
        message = pae(envelope.payloadType, payloadBytes(envelope));
    }
    catch {
        return [];
    }
    for (const s of envelope.signatures) {
        let sig;
        try {
            sig = decodeBase64(s.sig, 'signature');
        }
        catch {
            continue;
        }
        if (verify('sha256', message, { key, dsaEncoding: 'der' }, sig))
            return [id];
    }
    return [];
}
/**
 * Checks that parsed JSON has the shape of a DSSE envelope.
 *
 * @throws Error naming the malformed field
 */
function parseEnvelope(value) {
    if (typeof value !== 'object' || value === null)
        throw new Error('DSSE envelope is not a JSON object');
    const v = value;
    if (typeof v.payloadType !== 'string')
        throw new Error('DSSE envelope has no payloadType');
    if (typeof v.payload !== 'string')
        throw new Error('DSSE envelope has no payload');
    if (!Array.isArray(v.signatures))
        throw new Error('DSSE envelope has no signatures list');
    const signatures = v.signatures.map((s, i) => {
        const sig = s;
        if (typeof sig !== 'object' || sig === null || typeof sig.sig !== 'string') {
            throw new Error(`DSSE signature #${i + 1} has no sig`);
        }
        return { keyid: typeof sig.keyid === 'string' ? sig.keyid : '', sig: sig.sig };
    });
    return { payloadType: v.payloadType, payload: v.payload, signatures };
}
/**
 * The statement inside an envelope, checked to be an in-toto statement with digestline's predicate.
 *
 * @throws Error when the payload type is not in-toto or the payload is not a verification statement
 */
function statementOf(envelope) {
    if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
        throw new Error(`DSSE payloadType is ${JSON.stringify(envelope.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`);
    }
    let json;
    try {
        json = JSON.parse(payloadBytes(envelope).toString('utf8'));
    }
    catch (err) {
        throw new Error(`DSSE payload is not JSON: ${err.message}`, { cause: err });
    }
    // Whoever could push wrote this text: it is made log-safe before anything reads it.
    return (0,_statement_js__WEBPACK_IMPORTED_MODULE_1__/* .parseStatement */ .By)((0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralStrings */ ._)(json));
}


/***/ }),

/***/ 8346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ neutral),
/* harmony export */   _: () => (/* binding */ neutralStrings)
/* harmony export */ });
/**
 * Text that came from a registry (evidence fields, error bodies) is written by whoever can push there,
 * not by the user running the step. Before such text reaches the step log it is made one inert line:
 * a line break followed by `::` would otherwise be read by the runner as a workflow command
 * (`::add-mask::`, `::stop-commands::`, a forged `::error::`), and terminal escapes could repaint the log.
 */
// C0 controls (line breaks, ESC…), DEL, C1 controls (incl. NEL) and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/**
 * One log-safe line: every control character is shown as a visible `\u{…}` escape, and a leading
 * `::` or `##[` (a workflow command even on the first line) is broken by a space.
 */
function neutral(text) {
    const line = text.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
    return /^\s*(?:::|##\[)/.test(line) ? ` ${line}` : line;
}
/** A copy of parsed JSON with {@link neutral} applied to every string (keys included). */
function neutralStrings(value) {
    if (typeof value === 'string')
        return neutral(value);
    if (Array.isArray(value))
        return value.map((v) => neutralStrings(v));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [neutral(k), neutralStrings(v)]));
    }
    return value;
}


/***/ })

};
