export const id = 371;
export const ids = [371,479];
export const modules = {

/***/ 371:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./packages/core/src/evidence/dsse.ts
var dsse = __webpack_require__(479);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var src_reference = __webpack_require__(397);
;// CONCATENATED MODULE: ./packages/core/src/registry/digest.ts
/**
 * Hashing and verification of bytes received from or sent to a registry. What a digest is (its
 * grammar and algorithms) is defined once, in reference.ts.
 */


/** Digest of `bytes` with `algorithm` (default sha256), as `<algorithm>:<hex>`. */
function digestOf(bytes, algorithm = 'sha256') {
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

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
;// CONCATENATED MODULE: ./packages/core/src/promote/limit.ts
/** A small concurrency limiter: registries throttle clients that open dozens of uploads at once. */
/** Runs at most `limit` tasks at a time; the others wait in FIFO order. */
class Limiter {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new Error(`concurrency limit must be >= 1, got ${limit}`);
    }
    /** Runs `task` when a slot is free and returns its result. */
    async run(task) {
        if (this.active >= this.limit)
            await new Promise((resolve) => this.waiting.push(resolve));
        this.active++;
        try {
            return await task();
        }
        finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
}
/**
 * Awaits every promise (unlike `Promise.all`, which returns at the first rejection while the rest keep
 * running) and throws one error listing every failure.
 */
async function settleAll(promises, what) {
    const results = await Promise.allSettled(promises);
    const failures = results.filter((r) => r.status === 'rejected');
    if (failures.length === 0)
        return results.map((r) => r.value);
    const first = failures[0].reason;
    if (failures.length === 1 && first instanceof Error)
        throw first;
    const lines = failures.map((f) => `- ${f.reason instanceof Error ? f.reason.message : String(f.reason)}`);
    throw new Error(`${what}: ${failures.length} of ${results.length} failed:\n${lines.join('\n')}`, {
        cause: first,
    });
}

;// CONCATENATED MODULE: ./packages/core/src/registry/media-types.ts
/**
 * Media types of the OCI image spec and of Docker's image manifest v2 (schema 2).
 *
 * Registries still hold plenty of Docker-typed images (docker push, podman push with `--format v2s2`),
 * so every manifest request accepts both families.
 */
/** OCI image manifest. */
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
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
    OCI_MANIFEST,
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
    return mediaType === OCI_MANIFEST || mediaType === DOCKER_MANIFEST;
}
/**
 * OCI distribution spec recommends registries accept manifests of at least 4 MiB; anything larger is
 * not a manifest we should hold in memory.
 */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

;// CONCATENATED MODULE: ./packages/core/src/evidence/artifact.ts
/**
 * The evidence artifact: the OCI manifest that carries one DSSE envelope as its only layer, with the
 * lane, commit and creation time as annotations, and (for image evidence) the image as its `subject`.
 */



/** `artifactType` of digestline evidence manifests. */
const EVIDENCE_ARTIFACT_TYPE = 'application/vnd.dev.digestline.evidence.v1+json';
/** Media type of the layer holding the DSSE envelope JSON. */
const DSSE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
/** Annotation naming the lane of the evidence. */
const LANE_ANNOTATION = 'dev.digestline.lane';
/** Annotation naming the commit the evidence is about. */
const COMMIT_ANNOTATION = 'dev.digestline.commit';
/** OCI standard annotation: when the evidence was created (RFC 3339). */
const CREATED_ANNOTATION = 'org.opencontainers.image.created';
/** The OCI empty JSON blob (`{}`), config of artifacts without a config. */
const EMPTY_BLOB = Buffer.from('{}', 'utf8');
/** Descriptor of {@link EMPTY_BLOB}. */
const EMPTY_DESCRIPTOR = { mediaType: OCI_EMPTY, digest: digestOf(EMPTY_BLOB), size: 2 };
/**
 * Builds the evidence artifact manifest for an envelope (pure). `subject` is omitted for source-lane
 * evidence, which refers to a commit rather than an image.
 */
function buildEvidenceManifest(envelope, opts) {
    const statement = (0,dsse.statementOf)(envelope);
    const layer = Buffer.from(JSON.stringify(envelope), 'utf8');
    const annotations = {
        [LANE_ANNOTATION]: statement.predicate.lane,
        [COMMIT_ANNOTATION]: statement.predicate.commit.sha,
        [CREATED_ANNOTATION]: (opts.created ?? new Date(statement.predicate.timeVerified)).toISOString(),
    };
    const manifest = {
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

// EXTERNAL MODULE: ./packages/core/src/evidence/run-context.ts
var run_context = __webpack_require__(727);
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
function fallbackTag(digest) {
    const parsed = typeof digest === 'string' ? (0,src_reference/* parseDigest */.m)(digest) : digest;
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
function location_evidenceRepository(imageRepository) {
    const slash = imageRepository.lastIndexOf('/');
    return slash < 0 ? 'evidence' : `${imageRepository.slice(0, slash)}/evidence`;
}

;// CONCATENATED MODULE: ./packages/core/src/registry/errors.ts
/**
 * What the registry client throws when a registry answers something other than an operation
 * needs, or sends bytes that do not hash to the digest they were asked for by.
 */
/** A registry answered something other than what the operation needs. */
class RegistryError extends Error {
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
    return new RegistryError(method, url, status, undefined, undefined, `${method} ${url}: ${what}`);
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
async function referrersOf(client, repo, digest, artifactType) {
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
async function uploadIfMissing(client, repo, bytes, digest) {
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

;// CONCATENATED MODULE: ./packages/core/src/evidence/find.ts
/**
 * Finds evidence again: the envelopes attached to an image digest (referrers API, or the fallback
 * tag), and the source-lane evidence of a commit. Every envelope is checked against what listed it
 * (digest, artifact type, subject, size) before it is parsed.
 */








/** Evidence envelopes larger than this are refused on read: a statement is a few KiB. */
const MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;
/**
 * At most this many evidence artifacts are read for one digest. A digest gathers a few per pipeline
 * run; anyone who can push could attach thousands, and reading them all would cost us the memory and
 * the registry the requests. More than this is refused, not truncated: a cut-off list could hide the
 * verdict that matters.
 */
const MAX_EVIDENCE_PER_DIGEST = 256;
/** Evidence envelopes read at the same time (registries throttle clients with dozens of requests open). */
const EVIDENCE_READ_CONCURRENCY = 8;
async function loadEnvelope(client, repo, descriptor, expectSubject, via, preloaded) {
    try {
        const m = preloaded ?? (await client.getManifest(repo, descriptor.digest));
        if (m.digest !== descriptor.digest) {
            throw new Error(`manifest digest ${m.digest} does not match the listed ${descriptor.digest}`);
        }
        if (m.json.artifactType !== EVIDENCE_ARTIFACT_TYPE) {
            throw new Error(`artifactType is ${JSON.stringify(m.json.artifactType)}, not ${EVIDENCE_ARTIFACT_TYPE}`);
        }
        if (expectSubject !== undefined && m.json.subject?.digest !== expectSubject.value) {
            throw new Error(`its subject is ${m.json.subject?.digest ?? 'missing'}, not ${expectSubject.value}`);
        }
        const layer = m.json.layers?.find((l) => l.mediaType === DSSE_MEDIA_TYPE);
        if (layer === undefined)
            throw new Error(`it has no ${DSSE_MEDIA_TYPE} layer`);
        if (layer.size > MAX_ENVELOPE_BYTES)
            throw new Error(`its envelope is ${layer.size} bytes, over the limit`);
        const bytes = await readBlob(client, repo, layer.digest, MAX_ENVELOPE_BYTES);
        // The client checks digests too; checking here keeps the guarantee independent of the transport.
        // The layer digest is the registry's text, so it is parsed (validated) here, once.
        const actual = digestOf(bytes, (0,src_reference/* parseDigest */.m)(layer.digest).algorithm);
        if (actual !== layer.digest)
            throw new Error(`envelope blob hashes to ${actual}, expected ${layer.digest}`);
        if (bytes.length !== layer.size)
            throw new Error(`envelope blob is ${bytes.length} bytes, expected ${layer.size}`);
        const envelope = (0,dsse.parseEnvelope)(JSON.parse(bytes.toString('utf8')));
        return { descriptor, via, envelope, manifest: m };
    }
    catch (err) {
        return { descriptor, via, error: `evidence ${descriptor.digest} in ${repo}: ${(0,errors/* errorMessage */.gJ)(err)}` };
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
async function find_findEvidence(client, repo, digest, opts = {}) {
    const subjectDigest = typeof digest === 'string' ? (0,src_reference/* parseDigest */.m)(digest) : digest;
    const tag = fallbackTag(subjectDigest);
    const readFallback = async () => (await registry_getManifestOrUndefined(client, repo, tag))?.json.manifests ?? [];
    let descriptors;
    let via = 'referrers-api';
    if (knownWithoutReferrersApi(client)) {
        via = `tag:${tag}`;
        descriptors = await readFallback();
    }
    else {
        // Until the registry has told, both are asked at once: the fallback read costs nothing when the
        // API answers, and saves a round trip when it does not.
        const fallback = readFallback();
        fallback.catch(() => undefined);
        const viaApi = await referrersOf(client, repo, subjectDigest.value, EVIDENCE_ARTIFACT_TYPE);
        if (viaApi !== null)
            descriptors = viaApi;
        else {
            via = `tag:${tag}`;
            descriptors = await fallback;
        }
    }
    const wanted = descriptors.filter((d) => d.artifactType === EVIDENCE_ARTIFACT_TYPE &&
        (opts.lane === undefined || d.annotations?.[LANE_ANNOTATION] === opts.lane));
    if (wanted.length > MAX_EVIDENCE_PER_DIGEST) {
        throw new Error(`${repo}@${subjectDigest.value} has ${wanted.length} evidence artifacts (${via}), more than the ` +
            `${MAX_EVIDENCE_PER_DIGEST} digestline reads for one digest; delete the ones that are not yours`);
    }
    const limiter = new Limiter(EVIDENCE_READ_CONCURRENCY);
    return Promise.all(wanted.map((d) => limiter.run(() => loadEnvelope(client, repo, d, subjectDigest, via))));
}
/**
 * Finds the source-lane evidence of `commit` in the evidence repository `repo` (tag
 * `commit-<sha>.source`); an empty list when there is none.
 */
async function find_findSourceEvidence(client, repo, commit) {
    const tag = sourceEvidenceTag(commit);
    const m = await registry_getManifestOrUndefined(client, repo, tag);
    if (m === undefined)
        return [];
    const descriptor = { mediaType: m.mediaType, digest: m.digest, size: m.bytes.length };
    if (m.json.annotations !== undefined)
        descriptor.annotations = m.json.annotations;
    if (m.json.artifactType !== undefined)
        descriptor.artifactType = m.json.artifactType;
    return [await loadEnvelope(client, repo, descriptor, undefined, `tag:${tag}`, m)];
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/verify.ts





/** Shortens digests and commits in messages: `sha256:ab12cd34ef56…`, `1a2b3c4d5e6f…`. */
function verify_short(value) {
    const colon = value.indexOf(':');
    const prefix = colon >= 0 ? value.slice(0, colon + 1) : '';
    const hex = value.slice(prefix.length);
    return hex.length > 12 ? `${prefix}${hex.slice(0, 12)}…` : value;
}
/**
 * How a lane's `tested` list differs from the set (same names with the same digests, nothing more,
 * nothing less), or undefined when it is exactly the set (pure).
 */
function setDifference(tested, set, verb = 'tested') {
    const show = (i) => `${i.name}@${verify_short(i.digest)}`;
    const key = (i) => `${i.name}\n${i.digest}`;
    const testedKeys = new Set(tested.map(key));
    const setKeys = new Set(set.map(key));
    const missing = set.filter((i) => !testedKeys.has(key(i)));
    const extra = tested.filter((i) => !setKeys.has(key(i)));
    const parts = [];
    if (missing.length > 0)
        parts.push(`without ${missing.map(show).join(', ')}`);
    if (extra.length > 0)
        parts.push(`with ${extra.map(show).join(', ')}, which is not in the set`);
    if (parts.length === 0 && tested.length !== testedKeys.size)
        parts.push('with an image listed twice');
    return parts.length > 0 ? `it was ${verb} ${parts.join(' and ')}` : undefined;
}
/** Why a statement does not apply to this digest/commit/run/set, or undefined when it does. */
function inapplicable(s, lane, input, digest) {
    const p = s.predicate;
    if (p.commit.sha !== input.commit)
        return `it is for commit ${verify_short(p.commit.sha)}`;
    if (p.run === undefined)
        return `it names no CI run (predicate.run), so it cannot count for run ${input.run}`;
    if (p.run.id !== input.run)
        return `it is from run ${p.run.id}, not run ${input.run}`;
    if (lane === 'source') {
        return s.subject.some((sub) => sub.digest.gitCommit === input.commit)
            ? undefined
            : 'its subject is not the commit';
    }
    if (!s.subject.some((sub) => sub.digest[digest.algorithm] === digest.hex)) {
        return 'its subject does not include this digest';
    }
    if (lane === 'integration' || lane === 'e2e' || lane === 'promotion') {
        return setDifference(p.tested, input.set);
    }
    return undefined;
}
/** Why an envelope's signatures do not make it count, or undefined when they do. */
function unsignedBy(e, keys, ids) {
    if (e.signatures.length === 0)
        return 'is unsigned';
    if (!keys.some((k) => (0,dsse.verifyEnvelope)(e, k).length > 0))
        return `is not signed by ${ids}`;
    return undefined;
}
/** `lane key a1b2…` or `any lane key (a1b2…, c3d4…)`, for messages. */
function keyNames(keys) {
    const ids = keys.map((k) => `${verify_short((0,dsse.keyId)(k))}`);
    return ids.length === 1 ? `lane key ${ids[0]}` : `any lane key (${ids.join(', ')})`;
}
/**
 * Decides, for each required lane, whether passing evidence exists (pure).
 *
 * Rules: evidence counts for a lane when its envelope is signed by one of the lane keys (unless
 * unsigned evidence is explicitly allowed), its statement is for that lane, the same commit and the
 * same CI run (`predicate.run.id`), names this digest among its subjects (source lane: the commit),
 * and, for integration/e2e/promotion, its `tested` list is exactly the set being promoted (same names,
 * same digests, nothing more). Among the evidence that counts, the most recent verdict
 * (`timeVerified`) decides: a lane that passed and then failed on a re-run is not passing. Since only
 * this run's evidence counts, hiding its newer failure cannot bring back another run's pass.
 *
 * @throws Error when `trust` has no key (an empty key list is not "unsigned allowed")
 */
function decideEvidence(input) {
    return decide(input, (0,src_reference/* parseDigest */.m)(input.digest));
}
/** {@link decideEvidence} for `input.digest` already parsed (and so validated) as `subject`. */
function decide(input, subject) {
    const digest = subject.value;
    const problems = [];
    const refused = [];
    const keys = 'keys' in input.trust ? input.trust.keys : undefined;
    if (keys !== undefined && keys.length === 0) {
        throw new Error('no lane public key to verify evidence with (and unsigned evidence is not allowed)');
    }
    const expected = keys !== undefined ? keyNames(keys) : '';
    const byLane = new Map();
    const notes = new Map();
    const note = (lane, text) => {
        notes.set(lane, [...(notes.get(lane) ?? []), text]);
    };
    const found = [
        ...input.imageEvidence.map((e) => ({ e, source: false })),
        ...input.sourceEvidence.map((e) => ({ e, source: true })),
    ];
    for (const { e, source } of found) {
        const where = `evidence ${verify_short(e.descriptor.digest)} (${e.via})`;
        if (e.envelope === undefined) {
            refused.push(e.error ?? `${where}: no envelope`);
            continue;
        }
        let statement;
        try {
            statement = (0,dsse.statementOf)(e.envelope);
        }
        catch (err) {
            refused.push(`${where}: ${(0,errors/* errorMessage */.gJ)(err)}`);
            continue;
        }
        const lane = statement.predicate.lane;
        if (source !== (lane === 'source')) {
            refused.push(`${where}: ${lane} evidence found where ${source ? 'source' : 'image'} evidence belongs`);
            continue;
        }
        // Evidence of a lane not required (a promotion record, in a promotion chain) is not judged.
        if (!input.requiredLanes.includes(lane))
            continue;
        const unsigned = keys !== undefined ? unsignedBy(e.envelope, keys, expected) : undefined;
        if (unsigned !== undefined) {
            note(lane, `${where} ${unsigned}`);
            refused.push(`${where}: ${lane} evidence ${unsigned}`);
            continue;
        }
        const why = inapplicable(statement, lane, input, subject);
        if (why !== undefined) {
            note(lane, `${where}: ${why}`);
            continue;
        }
        byLane.set(lane, [...(byLane.get(lane) ?? []), { statement, where, found: e }]);
    }
    const lanes = {};
    for (const lane of input.requiredLanes) {
        const candidates = [...(byLane.get(lane) ?? [])].sort((a, b) => b.statement.predicate.timeVerified.localeCompare(a.statement.predicate.timeVerified));
        const lacks = `${verify_short(digest)} lacks passing ${lane} evidence for commit ${verify_short(input.commit)}`;
        const latest = candidates[0];
        if (latest === undefined) {
            const seen = notes.get(lane);
            lanes[lane] = {
                passed: false,
                reason: seen ? `${lacks}: ${seen.join('; ')}` : `${lacks}: none found`,
            };
        }
        else if (latest.statement.predicate.verificationResult !== 'PASSED') {
            const failed = latest.statement.predicate.checks
                .filter((c) => c.result === 'FAILED')
                .map((c) => c.name);
            lanes[lane] = {
                passed: false,
                reason: `${lacks}: the latest run (${latest.statement.predicate.runUrl}, ${latest.statement.predicate.timeVerified}) ` +
                    `FAILED${failed.length > 0 ? ` (${failed.join(', ')})` : ''}`,
            };
        }
        else {
            lanes[lane] = {
                passed: true,
                evidence: latest.found,
                reason: `${lane} PASSED for ${verify_short(digest)} at ${latest.statement.predicate.timeVerified} by ${latest.statement.predicate.runUrl} (${latest.where})`,
            };
        }
    }
    for (const lane of input.requiredLanes) {
        const v = lanes[lane];
        if (v !== undefined && !v.passed)
            problems.push(v.reason);
    }
    problems.push(...refused);
    return { ok: input.requiredLanes.every((l) => lanes[l]?.passed === true), lanes, problems };
}
/**
 * Fetches the evidence of `digest` (and, when the source lane is required, of `commit`) and decides
 * with {@link decideEvidence}.
 */
async function verifyEvidenceFor(opts) {
    const digest = parseDigest(opts.digest);
    if (!opts.set.some((i) => i.digest === digest.value)) {
        throw new Error(`the set being promoted does not contain ${digest.value} itself`);
    }
    // Independent reads: both at once.
    const [imageEvidence, sourceEvidence] = await Promise.all([
        findEvidence(opts.client, opts.repo, digest),
        opts.requiredLanes.includes('source')
            ? findSourceEvidence(opts.client, opts.sourceRepo ?? evidenceRepository(opts.repo), opts.commit)
            : Promise.resolve([]),
    ]);
    return decide({
        digest: digest.value,
        commit: opts.commit,
        run: opts.run,
        requiredLanes: opts.requiredLanes,
        set: opts.set,
        imageEvidence,
        sourceEvidence,
        trust: opts.trust,
    }, digest);
}

;// CONCATENATED MODULE: ./packages/core/src/promote/decide.ts
/**
 * The promotion decision for a whole set: each image's evidence is judged by the evidence module's
 * `decideEvidence` against the same commit and the same set, and one failing image refuses the set.
 */

/**
 * Decides a whole set (pure). Every image is judged with the full set as `set`, so integration and
 * E2E evidence counts only when it tested exactly the images promoted together.
 */
function decideSet(input) {
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
    const problems = verdicts.flatMap((v) => v.verdict.ok ? [] : v.verdict.problems.map((p) => `${v.name} (${v.reference}): ${p}`));
    return { ok: verdicts.every((v) => v.verdict.ok), verdicts, problems };
}
/** Promotion was refused: nothing was copied. `problems` has one line per reason. */
class PromotionRefusedError extends Error {
    problems;
    name = 'PromotionRefusedError';
    constructor(problems, what = 'evidence check') {
        super(`promotion refused (${what}), nothing was copied:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
// EXTERNAL MODULE: ./packages/core/src/evidence/statement.ts + 1 modules
var evidence_statement = __webpack_require__(991);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(500);
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
    const parsed = typeof digest === 'string' ? (0,src_reference/* parseDigest */.m)(digest) : digest;
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
                [PREDICATE_TYPE_ANNOTATION]: (0,dsse.statementOf)(envelope).predicateType,
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
async function attachCosignAttestations(client, repo, digest, envelopes, opts = {}) {
    const tag = cosignAttestationTag(digest);
    const layers = envelopes.map(attestationLayer);
    const wanted = layers.map((l) => l.descriptor);
    const result = { tag, layers: wanted.map((d) => d.digest) };
    if (layers.length === 0)
        return { ...result, rounds: 0 };
    // The first read of the tag needs not wait for the layers: only our put must come after them.
    const firstRead = registry_getManifestOrUndefined(client, repo, tag);
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
        const m = await registry_getManifestOrUndefined(client, repo, tag);
        return wanted.every((w) => m?.json.layers?.some((l) => l.digest === w.digest) === true);
    };
    for (let round = 1; round <= attempts; round++) {
        const current = await (round === 1 ? firstRead : registry_getManifestOrUndefined(client, repo, tag));
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
        await (0,external_node_timers_promises_.setTimeout)(settle());
        if (!(await holdsAll()))
            continue;
        await (0,external_node_timers_promises_.setTimeout)(settle());
        if (await holdsAll())
            return { ...result, rounds: round };
    }
    throw new Error(`could not keep ${wanted.length} attestation layer(s) in ${repo}:${tag} after ${attempts} rounds: ` +
        'other writers kept replacing it');
}

;// CONCATENATED MODULE: ./packages/core/src/log.ts
/**
 * The one logging interface of core. Modules take a `Log` from their caller and never write to the
 * step log themselves: the action edge passes {@link stepLog} (step.ts), tests pass a recording or
 * silent one, so what a module says is testable and nothing below the edge loads `@actions/core`.
 */
/** A log that drops everything: the default where a caller has nothing to say it to. */
const silentLog = {
    info: () => undefined,
    warning: () => undefined,
    debug: () => undefined,
};

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
    return { ...(index ?? {}), schemaVersion: 2, mediaType: media_types_OCI_INDEX, manifests: [...manifests, descriptor] };
}
/**
 * Read-merge-put-verify loop on a fallback index tag.
 *
 * @returns the number of rounds it took
 */
async function mergeIntoFallback(client, repo, tag, descriptor, opts = {}) {
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

;// CONCATENATED MODULE: ./packages/core/src/promote/tags.ts
/**
 * Moving tags at the target, the last step of a copy: evidence tags go as they are; image tags go
 * together, and when one fails the ones already moved are put back where they were.
 */



/** A copy failed while moving image tags; `rolledBack` says which tags were put back. */
class TagMoveError extends Error {
    rolledBack;
    name = 'TagMoveError';
    constructor(message, rolledBack, options) {
        super(message, options);
        this.rolledBack = rolledBack;
    }
}
function tagName(t) {
    return `${t.target.registry}/${t.repo}:${t.tag}`;
}
/**
 * Points a tag at its manifest unless it is there already.
 *
 * @returns whether the tag moved
 */
async function moveTag(t) {
    const current = await t.target.headManifest(t.repo, t.tag);
    if (current?.digest === t.manifest.digest)
        return false;
    await t.target.putManifest(t.repo, t.tag, t.manifest.bytes, t.manifest.mediaType);
    return true;
}
/**
 * Reads where each image tag points now (the state {@link moveImageTags} puts back on failure). Its
 * rejection is observed at once, so a read abandoned after an earlier failure is harmless.
 */
function readImageTags(tags) {
    const read = settleAll(tags.map((t) => registry_getManifestOrUndefined(t.target, t.repo, t.tag)), 'reading the target tags');
    read.catch(() => undefined);
    return read;
}
/**
 * Moves every image tag, counting into `counts`. Where each tag points is read first (or taken from
 * `current`, a {@link readImageTags} started just before), to put it back if another move fails.
 *
 * @throws TagMoveError when any move failed, after putting back the tags that had moved
 */
async function moveImageTags(tags, counts, log, current) {
    const before = await (current ?? readImageTags(tags));
    const moved = [];
    const results = await Promise.allSettled(tags.map(async (t, i) => {
        if (before[i]?.digest === t.manifest.digest) {
            counts.unchanged++;
            return;
        }
        await t.target.putManifest(t.repo, t.tag, t.manifest.bytes, t.manifest.mediaType);
        moved.push(i);
        counts.moved++;
        log.debug(`tag ${tagName(t)} → ${t.manifest.digest}`);
    }));
    const failed = results.flatMap((r, i) => r.status === 'rejected' ? [{ i, reason: r.reason }] : []);
    if (failed.length === 0)
        return;
    const { rolledBack, notRolledBack } = await putBack(moved.map((i) => ({ tag: tags[i], previous: before[i] })));
    const reasons = failed.map(({ i, reason }) => `${tagName(tags[i])}: ${(0,errors/* errorMessage */.gJ)(reason)}`);
    throw new TagMoveError(`moving the image tags failed: ${reasons.join('; ')}` +
        (rolledBack.length > 0 ? `; put back: ${rolledBack.join(', ')}` : '') +
        (notRolledBack.length > 0 ? `; NOT put back: ${notRolledBack.join(', ')}` : ''), rolledBack, { cause: failed[0].reason });
}
/** Puts moved tags back at the manifest each pointed at before, one after the other. */
async function putBack(moved) {
    const rolledBack = [];
    const notRolledBack = [];
    for (const { tag: t, previous } of moved) {
        const name = tagName(t);
        if (previous === undefined) {
            // Distribution cannot delete a tag without deleting the manifest (and every other tag of it).
            notRolledBack.push(`${name} (it did not exist before; it now points at ${t.manifest.digest})`);
            continue;
        }
        try {
            await t.target.putManifest(t.repo, t.tag, previous.bytes, previous.mediaType);
            rolledBack.push(`${name} → ${previous.digest}`);
        }
        catch (err) {
            notRolledBack.push(`${name} (${(0,errors/* errorMessage */.gJ)(err)})`);
        }
    }
    return { rolledBack, notRolledBack };
}

;// CONCATENATED MODULE: ./packages/core/src/promote/copy.ts
/**
 * Server-side copy of image content between repositories, through the registry API only.
 *
 * Order is what keeps a failed promotion from being half-done: every blob and manifest is first put
 * **by digest** (invisible to anyone using a tag), then the evidence tags (referrers fallback
 * indexes, source evidence) are updated, and only when all of that is in place are the image tags
 * moved. If moving one image tag fails, the tags already moved are put back where they were.
 */









function where(client, repo, ref) {
    return `${client.registry}/${repo}${ref.includes(':') ? '@' : ':'}${ref}`;
}
function emptyReport() {
    return {
        blobs: { mounted: 0, streamed: 0, present: 0, skipped: 0 },
        manifests: { put: 0, present: 0 },
        referrerIndexes: { updated: 0, unchanged: 0, viaApi: 0 },
        tags: { moved: 0, unchanged: 0 },
    };
}
/**
 * Makes one blob present in the target repository by the cheapest means: a cross-repository mount
 * when both repositories are on one registry (no bytes move), else nothing when it is already
 * there, else a verified stream from the source registry into the target (never buffered).
 */
async function copyBlob(job, descriptor) {
    const { source, sourceRepo, target, targetRepo } = job;
    const { digest, size } = descriptor;
    // A mount of a blob the target already has also succeeds, so on one registry it is the only request.
    if (source.baseUrl === target.baseUrl && (await target.mountBlob(targetRepo, sourceRepo, digest))) {
        return 'mounted';
    }
    if (await target.headBlob(targetRepo, digest))
        return 'present';
    // Foreign (non-distributable) layers live at their `urls`, not in the source registry.
    if ((descriptor.urls?.length ?? 0) > 0 && !(await source.headBlob(sourceRepo, digest)))
        return 'skipped';
    await target.uploadBlob(targetRepo, digest, async () => (await source.getBlob(sourceRepo, digest)).stream, size);
    return 'streamed';
}
/**
 * Read-merge-put-check of a referrers fallback index: adds every descriptor not yet listed, keeps all
 * other entries, and re-reads after a short wait to catch a concurrent writer that replaced it
 * (the registry has no compare-and-set on tags; see docs/evidence.md).
 *
 * @returns whether the index had to be changed
 */
async function mergeReferrersIndex(client, repo, tag, descriptors, options = {}) {
    const attempts = options.mergeAttempts ?? 6;
    const recheck = options.recheckReferrers ?? true;
    const settle = options.settleMs ?? (() => 30 + Math.floor(Math.random() * 50));
    const read = async () => (await registry_getManifestOrUndefined(client, repo, tag))?.json;
    const missing = (index) => descriptors.filter((d) => !(index?.manifests ?? []).some((m) => m.digest === d.digest));
    let changed = false;
    for (let round = 1; round <= attempts; round++) {
        let index = await read();
        if (missing(index).length === 0)
            return changed;
        for (const d of descriptors)
            index = mergeReferrer(index, d) ?? index;
        await client.putManifest(repo, tag, Buffer.from(JSON.stringify(index), 'utf8'), media_types_OCI_INDEX);
        changed = true;
        if (!recheck)
            return changed;
        await new Promise((resolve) => setTimeout(resolve, settle()));
    }
    throw new Error(`could not keep ${descriptors.length} evidence entries in the referrers index ${where(client, repo, tag)} ` +
        `after ${attempts} rounds: other writers kept replacing it`);
}
/**
 * Runs a {@link CopyPlan}: content by digest, then evidence tags, then image tags (see the module
 * comment). Each phase waits for all of its operations, so a failure never leaves work running into
 * the next phase.
 *
 * @throws the first failure (or a list of them); a failure before phase 3 leaves every image tag
 *   untouched, a failure in phase 3 is a `TagMoveError` (tags.ts) after putting moved tags back
 */
async function executeCopy(plan, options = {}) {
    const report = emptyReport();
    const log = options.log ?? silentLog;
    // Whether the target has the referrers API is a read: asked while the content copies, not after.
    const viaApi = plan.referrers.map((r) => {
        if (r.descriptors.length === 0)
            return Promise.resolve(false);
        const asked = referrersOf(r.target, r.repo, r.subject, EVIDENCE_ARTIFACT_TYPE).then((l) => l !== null);
        asked.catch(() => undefined);
        return asked;
    });
    await copyContent(plan.content, report, log, new Limiter(options.concurrency ?? 8));
    // Where the image tags point is read while the evidence is made discoverable (a read moves nothing).
    const current = readImageTags(plan.imageTags);
    // Evidence is discoverable before any image tag points users at the content.
    await makeEvidenceDiscoverable(plan, viaApi, options, report, log);
    await moveImageTags(plan.imageTags, report.tags, log, current);
    return report;
}
/**
 * Phase 1: makes every manifest of `jobs` present by digest, each with its blobs or children first
 * and what refers to it alongside. A blob or manifest shared by several jobs is copied once.
 */
async function copyContent(jobs, report, log, limiter) {
    const blobsDone = new Map();
    const manifestsDone = new Map();
    const blob = (job, d) => {
        const key = `${job.target.baseUrl}/${job.targetRepo}@${d.digest}`;
        let done = blobsDone.get(key);
        if (done === undefined) {
            done = limiter.run(async () => {
                const how = await copyBlob(job, d);
                report.blobs[how]++;
                log.debug(`blob ${d.digest} (${d.size} bytes) → ${where(job.target, job.targetRepo, d.digest)}: ${how}`);
            });
            blobsDone.set(key, done);
        }
        return done;
    };
    const manifest = (job) => {
        const key = `${job.target.baseUrl}/${job.targetRepo}@${job.manifest.digest}`;
        let done = manifestsDone.get(key);
        if (done === undefined) {
            done = copyManifest(job);
            manifestsDone.set(key, done);
        }
        return done;
    };
    const copyManifest = async (job) => {
        const m = job.manifest;
        // What refers to this manifest by `subject` (its evidence) is copied alongside: registries accept
        // a subject that is not there yet, and everything here is by digest, invisible until tags move.
        const then = settleAll((job.then ?? []).map((next) => manifest(next)), `copying what refers to ${m.digest}`);
        const own = (async () => {
            const index = isIndexMediaType(m.mediaType) || m.json.manifests !== undefined;
            // A registry accepts a manifest only once everything it refers to is there, so a present index
            // means its whole tree is present. (Image manifests skip the look: mounting their few blobs
            // costs the same on a repeat and saves a round trip on a first promotion.)
            if (index && (await job.target.headManifest(job.targetRepo, m.digest)) !== null) {
                report.manifests.present++;
            }
            else {
                if (index) {
                    // Children go under the same repository as the index (Forgejo requires it), and first.
                    await settleAll((m.json.manifests ?? []).map(async (child) => manifest({
                        ...job,
                        manifest: await job.source.getManifest(job.sourceRepo, child.digest),
                        then: [],
                    })), `copying the children of ${where(job.source, job.sourceRepo, m.digest)}`);
                }
                else {
                    const blobs = [...(m.json.config !== undefined ? [m.json.config] : []), ...(m.json.layers ?? [])];
                    await settleAll(blobs.map((d) => blob(job, d)), `copying the blobs of ${where(job.source, job.sourceRepo, m.digest)}`);
                }
                await job.target.putManifest(job.targetRepo, m.digest, m.bytes, m.mediaType);
                report.manifests.put++;
                log.debug(`manifest ${where(job.target, job.targetRepo, m.digest)} (${m.mediaType}) put by digest`);
            }
        })();
        // Both settle before this returns, so a failure of one never leaves the other unobserved.
        await settleAll([own, then], `copying ${where(job.target, job.targetRepo, m.digest)}`);
    };
    await settleAll(jobs.map((job) => manifest(job)), 'copying content by digest');
}
/**
 * Phase 2: lists the copied evidence in the referrers fallback indexes (unless the target has the
 * referrers API) and moves the evidence tags.
 */
async function makeEvidenceDiscoverable(plan, viaApi, options, report, log) {
    await settleAll([
        ...plan.referrers.map(async (r, n) => {
            if (r.descriptors.length === 0)
                return;
            if (await viaApi[n]) {
                report.referrerIndexes.viaApi++;
                return;
            }
            const tag = fallbackTag(r.subject);
            const changed = await mergeReferrersIndex(r.target, r.repo, tag, r.descriptors, options);
            report.referrerIndexes[changed ? 'updated' : 'unchanged']++;
            log.debug(`referrers index ${where(r.target, r.repo, tag)} ${changed ? 'updated' : 'already lists the evidence'}`);
        }),
        ...plan.evidenceTags.map(async (t) => {
            report.tags[(await moveTag(t)) ? 'moved' : 'unchanged']++;
        }),
    ], 'updating evidence tags');
}

// EXTERNAL MODULE: ./packages/core/src/promote/target.ts
var promote_target = __webpack_require__(726);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(75);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
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
var untrusted = __webpack_require__(346);
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
        throw new RegistryError(method, url, response.status, undefined, undefined, `${method} ${url}: ${what} is not valid JSON: ${err.message}`, { cause: err });
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
    throw new RegistryError(method, url, response.status, code, detail, message);
}

// EXTERNAL MODULE: ./packages/core/src/ip.ts
var ip = __webpack_require__(159);
;// CONCATENATED MODULE: ./packages/core/src/registry/loopback.ts
/**
 * Loopback detection, apart from the registry client: actions use it while reading their inputs,
 * before the client is loaded.
 */

/** True for hosts that never leave the machine: 127.0.0.0/8, ::1 and `localhost`. */
function isLoopbackHost(hostname) {
    const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (h === 'localhost' || h === '::1')
        return true;
    return (0,ip/* isIPv4 */.w)(h) && h.startsWith('127.');
}
/**
 * True when an image registry (`host[:port]`, as in a reference: `127.0.0.1:5000`, `[::1]:5000`,
 * `localhost`) is on loopback. The one place that decides whether a registry may be spoken to over
 * plain http without an explicit insecure input.
 */
function isLoopbackRegistry(registry) {
    try {
        return isLoopbackHost(new URL(`http://${registry}`).hostname);
    }
    catch {
        return false;
    }
}

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
            throw new RegistryError('GET', url.href, response.status, undefined, undefined, `GET ${url.href}: the token realm redirected (${response.status}) to ${new URL(location, url).href}; ` +
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
        if (url.protocol !== 'http:' || isLoopbackHost(url.hostname))
            return;
        if (this.options.insecure && url.hostname === new URL(this.options.baseUrl).hostname)
            return;
        throw new RegistryError('GET', url.href, undefined, undefined, undefined, `refusing to send credentials to token realm ${url.href} over plain http ` +
            `(the registry is ${this.options.baseUrl}; a token realm must be https unless it is on loopback)`);
    }
}
/** A 401 that the credentials at hand cannot answer. */
function unauthorized(method, url, message) {
    return new RegistryError(method, url, 401, 'UNAUTHORIZED', undefined, message);
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
            throw new RegistryError('PUT', put.href, undefined, undefined, undefined, `PUT ${put.origin}${put.pathname} (blob ${digest} into ${transport.registry}/${repository}) failed: ` +
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
        const actual = digestOf(body, (0,src_reference/* parseDigest */.m)(digest).algorithm);
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
        digest = digestOf(bytes);
    }
    const actual = digestOf(bytes, (0,src_reference/* parseDigest */.m)(digest).algorithm);
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
    const digest = digestOf(bytes, algorithm);
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
    if (stored !== null && stored !== digest && stored !== digestOf(bytes)) {
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
var external_node_stream_promises_ = __webpack_require__(466);
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
    const mod = url.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 708, 23)) : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 67, 23));
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
    const scheme = insecure || isLoopbackHost(url.hostname) ? 'http' : 'https';
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
            throw new RegistryError(method, url, undefined, undefined, undefined, `${method} ${url} failed: ${reason}` + (repeatable ? ` (after ${this.retry.attempts} attempts)` : ''), { cause: err });
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
        return new RegistryError('GET', url, undefined, undefined, undefined, `GET ${url}: ${this.what}: ${why}`);
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
        this.transport = new RegistryTransport(options, options.log ?? silentLog);
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

;// CONCATENATED MODULE: ./packages/core/src/promote/context.ts
/**
 * What every phase of one promotion shares: the plan, the lanes and keys it checks against, the log,
 * and one registry client per registry and role (so every phase reuses the same connections, tokens
 * and the remembered "no referrers API" answer).
 */




/**
 * What the promotion record adds to its predicate about the evidence it relied on: the run whose
 * evidence counted, and `unsignedAllowed: true` when the lanes' signatures were not checked.
 */
function recordTrustFields(p) {
    return 'keys' in p.trust
        ? { evidenceRun: p.evidenceRun }
        : { evidenceRun: p.evidenceRun, unsignedAllowed: true };
}
/** Whose signatures count, from the settings; refuses "no keys" unless unsigned is asked for. */
function trustOf(settings) {
    const keys = settings.laneKeys ?? [];
    if (keys.length > 0 && settings.allowUnsigned === true) {
        throw new Error('lane public keys and allowUnsigned exclude each other: give one or the other');
    }
    if (keys.length > 0)
        return { keys };
    if (settings.allowUnsigned === true)
        return { unsignedAllowed: true };
    throw new Error("no lane public key: the lanes' evidence cannot be verified; give laneKeys, or allowUnsigned to promote on unsigned evidence");
}
/**
 * Sets up a promotion: no request is made until a phase asks for one.
 *
 * @throws Error when the signing key is not a valid PEM private key, there is neither a lane key nor
 *   `allowUnsigned`, or `evidenceRun` is empty
 */
function startPromotion(settings) {
    const { log } = settings;
    const trust = trustOf(settings);
    if (settings.evidenceRun.trim() === '') {
        throw new Error('no evidence run: give the CI run id whose evidence counts (GITHUB_RUN_ID)');
    }
    if ('unsignedAllowed' in trust) {
        log.warning("UNSIGNED EVIDENCE ALLOWED: the lanes' evidence signatures are not checked, so anyone who can push to the source repositories can forge a passing verdict; the promotion record says so");
    }
    const recordKey = settings.signingKey !== undefined ? (0,external_node_crypto_.createPublicKey)(settings.signingKey) : undefined;
    const lanes = [...settings.requiredLanes];
    const clients = new Map();
    const clientFor = (registry, role) => {
        const key = `${role} ${registry}`;
        let client = clients.get(key);
        if (client === undefined) {
            client =
                settings.clientFor?.(registry, role) ??
                    new RegistryClient({
                        registry,
                        log,
                        ...(role === 'source' && settings.sourceCredentials !== undefined
                            ? { credentials: settings.sourceCredentials }
                            : {}),
                        ...(role === 'target' && settings.targetCredentials !== undefined
                            ? { credentials: settings.targetCredentials }
                            : {}),
                    });
            clients.set(key, client);
        }
        return client;
    };
    const sourceEvidence = new Map();
    return {
        plan: settings.plan,
        lanes,
        commit: settings.commit,
        trust,
        evidenceRun: settings.evidenceRun,
        signingKey: settings.signingKey,
        recordKey,
        log,
        sourceOf: (i) => clientFor(i.source.registry, 'source'),
        targetOf: (i) => clientFor(i.target.registry, 'target'),
        sourceEvidenceOf: (client, repo) => {
            if (!lanes.includes('source'))
                return Promise.resolve([]);
            const key = `${client.baseUrl}/${repo}`;
            let found = sourceEvidence.get(key);
            if (found === undefined) {
                found = find_findSourceEvidence(client, repo, settings.commit);
                sourceEvidence.set(key, found);
            }
            return found;
        },
    };
}
/** `registry/repository@digest` of an image's source. */
function sourceReference(i) {
    return (0,src_reference/* pinnedReference */.ct)(i.source);
}
/** Shortens a digest for log lines: `sha256:` and the first 12 hex digits. */
function shortDigest(digest) {
    return digest.slice(0, digest.indexOf(':') + 13);
}
/**
 * A promise whose rejection is also observed right away: reads start early and may be abandoned
 * when an earlier check refuses, and an unobserved rejection would crash the process.
 */
function settled(promise) {
    promise.catch(() => undefined);
    return promise;
}

;// CONCATENATED MODULE: ./packages/core/src/promote/record.ts















/**
 * Builds the promotion record (signed when the promotion has a signing key) and stores it next to
 * every target digest.
 *
 * @returns the record's envelope
 */
async function recordPromotion(p, input) {
    const { report, timings } = input;
    const checks = [
        ...p.lanes.map((lane) => ({
            name: `${lane} evidence`,
            result: 'PASSED',
            durationMs: timings['Verify evidence'] ?? 0,
            detail: `verified for ${p.plan.map((i) => `${i.name}@${shortDigest(i.source.digest.value)}`).join(', ')}`,
        })),
        {
            name: 'server-side copy',
            result: 'PASSED',
            durationMs: timings['Copy server-side'] ?? 0,
            detail: `${report.blobs.mounted} blobs mounted, ${report.blobs.streamed} streamed, ${report.blobs.present} present`,
        },
        { name: 'target digests', result: 'PASSED', durationMs: timings['Check the target digests'] ?? 0 },
    ];
    const statement = (0,evidence_statement/* promotionStatement */.HC)({
        images: p.plan.map((i) => ({
            name: i.name,
            digest: i.source.digest.value,
            repository: `${i.target.registry}/${i.target.repository}`,
        })),
        target: input.target.trim(),
        verifiedLanes: p.lanes,
        inputAttestations: reliedOn(p, input.evidence),
        commit: p.commit,
        checks,
        timeVerified: input.timeVerified,
        env: input.env,
    });
    Object.assign(statement.predicate, recordTrustFields(p));
    let envelope = (0,dsse.envelopeOf)(statement);
    if (p.signingKey !== undefined)
        envelope = (0,dsse.signEnvelope)(envelope, p.signingKey);
    await settleAll(p.plan.map(async (i, n) => {
        const digest = await storeRecord(p.targetOf(i), i.target.repository, input.manifests[n], envelope, input.copied[n], laneEnvelopes(input.evidence[n]), copiedEnvelopeLayers(input.evidence[n]), { settleMs: input.settleMs });
        p.log.info(`${i.name}: record ${digest} attached to ${(0,promote_target/* formatTarget */.P4)(i.target)}@${shortDigest(i.source.digest.value)}`);
    }), 'storing the promotion record');
    return envelope;
}
/** The readable image evidence of one image: the lane envelopes copied with it. */
function laneEnvelopes(evidence) {
    return evidence.imageEvidence.flatMap((f) => (f.envelope !== undefined ? [f.envelope] : []));
}
/** Digests of the DSSE layers of the image evidence copied with one image (present at its target). */
function copiedEnvelopeLayers(evidence) {
    return evidence.imageEvidence.flatMap((f) => f.envelope === undefined
        ? []
        : (f.manifest?.json.layers ?? []).filter((l) => l.mediaType === DSSE_MEDIA_TYPE).map((l) => l.digest));
}
/**
 * The lane attestations the promotion relied on (VSA `inputAttestations`): for every image and every
 * required lane, the evidence promote's evidence check decided that lane with. Each is named where the
 * promotion copied it (`oci://<target registry>/<repository>@<evidence manifest>`) with the digest of
 * its DSSE envelope; an envelope relied on for several images is listed once.
 */
function reliedOn(p, evidence) {
    const out = new Map();
    for (const [n, i] of p.plan.entries()) {
        for (const lane of p.lanes) {
            const chosen = evidence[n]?.chosen[lane];
            if (chosen?.envelope === undefined)
                continue;
            const repo = lane === 'source' ? location_evidenceRepository(i.target.repository) : i.target.repository;
            const layer = chosen.manifest?.json.layers?.find((l) => l.mediaType === DSSE_MEDIA_TYPE)?.digest;
            const digest = layer ?? digestOf(Buffer.from(JSON.stringify(chosen.envelope), 'utf8'));
            const [algorithm, hex] = digest.split(':');
            if (!out.has(digest)) {
                out.set(digest, {
                    uri: `oci://${i.target.registry}/${repo}@${chosen.descriptor.digest}`,
                    digest: { [algorithm]: hex },
                });
            }
        }
    }
    return [...out.values()];
}
/**
 * Stores the promotion record next to the image at the target (an evidence manifest by digest, as
 * `storeEvidence` does) and lists it in the referrers fallback index together with the evidence
 * copied in this promotion. Merging those again here repairs an index entry lost to a concurrent
 * writer during the copy; the one re-read after a short wait covers both. The lane envelopes and the
 * record also go into the target's cosign attestation tag, so `cosign verify-attestation` checks the
 * promoted image where it now lives.
 */
async function storeRecord(target, repo, image, envelope, copied, lanes, copiedLayers, options) {
    const built = buildEvidenceManifest(envelope, {
        subject: { mediaType: image.mediaType, digest: image.digest, size: image.bytes.length },
    });
    const layer = built.manifest.layers[0];
    const layerUploaded = settled(target.uploadBlob(repo, layer.digest, built.layer, built.layer.length));
    // The record's referrer manifest and the cosign tag need only the blobs, not each other: both
    // chains run at once, and each settles before this returns.
    const referrer = (async () => {
        await Promise.all([
            (async () => {
                if (!(await target.headBlob(repo, EMPTY_DESCRIPTOR.digest))) {
                    await target.uploadBlob(repo, EMPTY_DESCRIPTOR.digest, EMPTY_BLOB, EMPTY_BLOB.length);
                }
            })(),
            layerUploaded,
        ]);
        await target.putManifest(repo, built.digest, built.bytes, OCI_MANIFEST);
        if ((await referrersOf(target, repo, image.digest, EVIDENCE_ARTIFACT_TYPE)) === null) {
            await mergeReferrersIndex(target, repo, fallbackTag(image.digest), [...copied, built.descriptor], options);
        }
    })();
    // The record's envelope is the layer just uploaded; the lanes' envelopes were copied here with
    // their evidence manifests (same bytes, so the same digests): nothing to ask the registry.
    const uploads = new Map([[layer.digest, layerUploaded]]);
    for (const d of copiedLayers)
        uploads.set(d, Promise.resolve());
    const cosign = attachCosignAttestations(target, repo, image.digest, [...lanes, envelope], {
        ...options,
        uploads,
    });
    await settleAll([referrer, cosign], `storing the promotion record in ${target.registry}/${repo}`);
    return built.digest;
}
/**
 * The most recent passing promotion record at the target for this commit covering the whole set,
 * signed by `recordKey` when one is given.
 */
function latestPromotion(found, commit, set, recordKey) {
    const records = found.flatMap((e) => {
        if (e.envelope === undefined)
            return [];
        try {
            const s = (0,dsse.statementOf)(e.envelope);
            const tested = new Set(s.predicate.tested.map((t) => t.digest));
            if (s.predicate.lane !== 'promotion' || s.predicate.commit.sha !== commit)
                return [];
            if (!set.every((i) => tested.has(i.digest)) || s.predicate.verificationResult !== 'PASSED')
                return [];
            if (recordKey !== undefined && (0,dsse.verifyEnvelope)(e.envelope, recordKey).length === 0)
                return [];
            return [{ envelope: e.envelope, time: s.predicate.timeVerified }];
        }
        catch {
            return [];
        }
    });
    records.sort((a, b) => b.time.localeCompare(a.time));
    return records[0]?.envelope;
}
/**
 * Writes the record to `digestline-promotion-<commit>-<time>.dsse.json` in `dir`.
 *
 * @returns the file's path
 */
async function writeRecord(dir, commit, envelope) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const stamp = (0,dsse.statementOf)(envelope).predicate.timeVerified.replace(/[:.]/g, '-');
    const path = (0,external_node_path_.join)(dir, `digestline-promotion-${commit.slice(0, 12)}-${stamp}.dsse.json`);
    await (0,promises_.writeFile)(path, `${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
    return path;
}

;// CONCATENATED MODULE: ./packages/core/src/promote/already-promoted.ts








/**
 * Starts reading, for every image of the plan (in plan order), the promotion record that makes it
 * already promoted: `undefined` when the image is not at its target yet, or its evidence there is
 * incomplete.
 */
function readTargetRecords(p) {
    const set = p.plan.map((i) => ({ name: i.name, digest: i.source.digest.value }));
    return p.plan.map((i) => settled(targetRecord(p, i, set)));
}
async function targetRecord(p, i, set) {
    const target = p.targetOf(i);
    const at = await target.headManifest(i.target.repository, i.target.tag ?? i.source.digest.value);
    if (at?.digest !== i.source.digest.value) {
        p.log.info(`${i.name}: ${(0,promote_target/* formatTarget */.P4)(i.target)} ${at === null ? 'does not exist yet' : `is at ${at.digest}`}`);
        return undefined;
    }
    const [imageEvidence, sourceEvidence] = await Promise.all([
        find_findEvidence(target, i.target.repository, i.source.digest),
        p.sourceEvidenceOf(target, location_evidenceRepository(i.target.repository)),
    ]);
    const decision = decideSet({
        images: [
            {
                name: i.name,
                reference: (0,promote_target/* formatTarget */.P4)(i.target),
                digest: i.source.digest.value,
                imageEvidence,
                sourceEvidence,
            },
        ],
        set,
        commit: p.commit,
        run: p.evidenceRun,
        requiredLanes: p.lanes,
        trust: p.trust,
    });
    // decideSet judged this image against the whole set; the promotion record must be for the set, and is
    // signed by our signing key (not the lanes' key), so it is checked against that.
    const record = latestPromotion(imageEvidence, p.commit, set, p.recordKey);
    // latestPromotion accepts a record of a larger set; promoted together means exactly this set.
    const exact = record !== undefined && setDifference((0,dsse.statementOf)(record).predicate.tested, set) === undefined;
    if (!decision.ok || record === undefined || !exact) {
        const why = !decision.ok
            ? decision.problems.join('; ')
            : record === undefined
                ? 'no promotion record of this commit and set'
                : 'its promotion record is for another set';
        p.log.info(`${i.name}: ${(0,promote_target/* formatTarget */.P4)(i.target)} is at the digest, but its evidence is incomplete: ${why}`);
        return undefined;
    }
    p.log.info(`${i.name}: ${(0,promote_target/* formatTarget */.P4)(i.target)} is already at ${i.source.digest.value} with its evidence`);
    return record;
}

;// CONCATENATED MODULE: ./packages/core/src/promote/copy-plan.ts
/**
 * The copy phase of a promotion: what goes to the target (each image by digest with its evidence,
 * the referrers indexes, the source evidence tag, then the image tags) and running that through
 * `executeCopy`.
 */




/** Plans the copy of every image of the promotion, all inputs in plan order (pure). */
function planCopy(p, manifests, evidence, evidenceManifests) {
    const plan = { content: [], referrers: [], evidenceTags: [], imageTags: [] };
    const copied = [];
    const sourceTags = new Set();
    for (const [n, i] of p.plan.entries()) {
        const target = p.targetOf(i);
        const base = {
            source: p.sourceOf(i),
            sourceRepo: i.source.repository,
            target,
            targetRepo: i.target.repository,
        };
        plan.content.push({
            ...base,
            manifest: manifests[n],
            then: evidenceManifests[n].image.map((m) => ({ ...base, manifest: m })),
        });
        copied.push(evidence[n].imageEvidence.filter((e) => e.envelope !== undefined).map((e) => e.descriptor));
        plan.referrers.push({
            target,
            repo: i.target.repository,
            subject: i.source.digest.value,
            descriptors: copied[n],
        });
        if (i.target.tag !== undefined) {
            plan.imageTags.push({ target, repo: i.target.repository, tag: i.target.tag, manifest: manifests[n] });
        }
        // Source evidence goes to the target's evidence repository, so the target verifies on its own.
        const src = evidenceManifests[n].source;
        const toRepo = location_evidenceRepository(i.target.repository);
        if (src !== undefined && !sourceTags.has(`${i.target.registry}/${toRepo}`)) {
            sourceTags.add(`${i.target.registry}/${toRepo}`);
            const fromRepo = location_evidenceRepository(i.source.repository);
            plan.content.push({ ...base, sourceRepo: fromRepo, targetRepo: toRepo, manifest: src });
            plan.evidenceTags.push({ target, repo: toRepo, tag: sourceEvidenceTag(p.commit), manifest: src });
        }
    }
    return { plan, copied };
}
/**
 * Runs the copy plan and logs what it did. The referrers indexes are not re-read here: the record
 * phase merges the same entries again and checks then.
 *
 * @throws TagMoveError when moving the image tags failed (moved tags were put back)
 * @throws Error saying every target tag is where it was, for any failure before the tags moved
 */
async function copyServerSide(p, plan, options) {
    let r;
    try {
        r = await executeCopy(plan, { log: p.log, recheckReferrers: false, ...options });
    }
    catch (err) {
        if (err instanceof TagMoveError)
            throw err;
        throw new Error(`copy failed before any image tag was moved (every target tag is where it was): ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
    }
    p.log.info(`blobs: ${r.blobs.mounted} mounted, ${r.blobs.streamed} streamed, ${r.blobs.present} already there; ` +
        `manifests: ${r.manifests.put} put, ${r.manifests.present} already there; ` +
        `tags: ${r.tags.moved} moved, ${r.tags.unchanged} unchanged`);
    return r;
}

;// CONCATENATED MODULE: ./packages/core/src/promote/sources.ts
/**
 * The first phase of a promotion: read every source (its manifest, its evidence and the manifests of
 * that evidence), then check that each digest resolves and that its evidence passes. Nothing is
 * written here, and nothing is written later unless both checks pass.
 */







/**
 * Starts every read of the sources at once: they are independent, and a promotion is mostly waiting
 * on round trips. The decisions still happen in order ({@link resolveSources}, then
 * {@link verifySources}); a rejection is observed at once, so reads abandoned after a refusal are
 * harmless.
 */
function readSources(p) {
    const manifests = p.plan.map((i) => settled(p.sourceOf(i).getManifest(i.source.repository, i.source.digest.value)));
    const evidence = p.plan.map((i) => settled((async () => {
        const [imageEvidence, sourceEvidence] = await Promise.all([
            find_findEvidence(p.sourceOf(i), i.source.repository, i.source.digest),
            p.sourceEvidenceOf(p.sourceOf(i), location_evidenceRepository(i.source.repository)),
        ]);
        return {
            name: i.name,
            reference: sourceReference(i),
            digest: i.source.digest.value,
            imageEvidence,
            sourceEvidence,
        };
    })()));
    // The manifests of the evidence to copy: those findEvidence read (digest-verified), fetched again
    // only if a reader did not keep one.
    const evidenceManifests = evidence.map((read, n) => {
        const i = p.plan[n];
        const manifestOf = (f, repo) => f.manifest !== undefined
            ? Promise.resolve(f.manifest)
            : p.sourceOf(i).getManifest(repo, f.descriptor.digest);
        return settled(read.then(async (e) => {
            const source = e.sourceEvidence.find((f) => f.envelope !== undefined);
            const [image, sourceManifest] = await Promise.all([
                settleAll(e.imageEvidence
                    .filter((f) => f.envelope !== undefined)
                    .map((f) => manifestOf(f, i.source.repository)), `reading the evidence manifests of ${i.name}`),
                source === undefined ? undefined : manifestOf(source, location_evidenceRepository(i.source.repository)),
            ]);
            return { image, source: sourceManifest };
        }));
    });
    return { manifests, evidence, evidenceManifests };
}
/**
 * Checks that every source manifest exists and its bytes hash to its digest (the client verifies).
 *
 * @throws PromotionRefusedError naming every source that cannot be resolved
 */
async function resolveSources(p, reads) {
    const results = await Promise.allSettled(reads.manifests);
    const problems = results.flatMap((r, n) => r.status === 'rejected'
        ? [
            `${p.plan[n].name} (${sourceReference(p.plan[n])}): cannot be resolved: ` +
                (isNotFound(r.reason) ? 'the source registry does not have it' : (0,errors/* errorMessage */.gJ)(r.reason)),
        ]
        : []);
    if (problems.length > 0)
        throw new PromotionRefusedError(problems, 'source digests');
    return results.map((r, n) => {
        const m = r.value;
        p.log.info(`${p.plan[n].name}: ${sourceReference(p.plan[n])} (${m.mediaType}, ${m.bytes.length} bytes)`);
        return m;
    });
}
/**
 * Verifies the evidence of exactly these digests, for this commit and this set, logging each lane's
 * verdict.
 *
 * @throws PromotionRefusedError when any image lacks passing evidence for a required lane
 */
async function verifySources(p, reads) {
    const found = await settleAll(reads.evidence, 'reading evidence');
    const decision = decideSet({
        images: found,
        commit: p.commit,
        run: p.evidenceRun,
        requiredLanes: p.lanes,
        trust: p.trust,
    });
    for (const v of decision.verdicts) {
        for (const lane of p.lanes) {
            const l = v.verdict.lanes[lane];
            p.log.info(`${v.name} ${shortDigest(v.digest)} ${lane}: ${l?.passed ? 'passed' : 'NOT passed'}: ${l?.reason ?? ''}`);
        }
    }
    if (!decision.ok)
        throw new PromotionRefusedError(decision.problems);
    return found.map((f, n) => {
        const chosen = {};
        for (const [lane, verdict] of Object.entries(decision.verdicts[n]?.verdict.lanes ?? {})) {
            if (verdict?.evidence !== undefined)
                chosen[lane] = verdict.evidence;
        }
        return { ...f, chosen };
    });
}

;// CONCATENATED MODULE: ./packages/core/src/promote/target-digests.ts
/**
 * The check after the copy: each target (its tag, or its digest when the template has no tag) must
 * now serve exactly the source digest.
 */


/**
 * Re-reads every target and logs where it points.
 *
 * @throws Error listing every target that does not resolve to its source digest
 */
async function checkTargetDigests(p) {
    const problems = (await settleAll(p.plan.map(async (i) => {
        const ref = i.target.tag ?? i.source.digest.value;
        const at = await p.targetOf(i).headManifest(i.target.repository, ref);
        if (at?.digest === i.source.digest.value) {
            p.log.info(`${i.name}: ${(0,promote_target/* formatTarget */.P4)(i.target)} → ${i.source.digest.value}`);
            return undefined;
        }
        return `${i.name}: ${(0,promote_target/* formatTarget */.P4)(i.target)} resolves to ${at?.digest ?? 'nothing'}, not ${i.source.digest.value}`;
    }), 'checking the target digests')).filter((problem) => problem !== undefined);
    if (problems.length > 0) {
        throw new Error(`the target does not serve the promoted digests: ${problems.join('; ')}`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/promote/promote.ts








const ungrouped = (_title, fn) => fn();
/**
 * Verifies and promotes an image set. Steps: resolve every source digest; verify its evidence (every
 * required lane passed, same commit, whole set); stop with "already promoted" when the target holds
 * all of it with a promotion record; copy content by digest, then evidence tags, then image tags;
 * check the target resolves to the same digests; store and write the promotion record.
 *
 * @throws PromotionRefusedError when a source cannot be resolved or its evidence does not pass
 *   (nothing is copied then)
 * @throws Error when copying or the final check fails; image tags are left where they were
 */
async function promote(options) {
    const p = startPromotion(options);
    const { log } = p;
    const group = options.group ?? ungrouped;
    const timings = {};
    const trusted = { evidenceRun: p.evidenceRun, unsignedAllowed: 'unsignedAllowed' in p.trust };
    const timed = async (phase, fn) => {
        const started = performance.now();
        try {
            return await group(phase, fn);
        }
        finally {
            timings[phase] = Math.round(performance.now() - started);
        }
    };
    // Every read starts at once; the checks below still happen in order, and nothing is written
    // before all pass.
    const sources = readSources(p);
    const targetRecords = readTargetRecords(p);
    const manifests = await timed('Resolve source digests', () => resolveSources(p, sources));
    const evidence = await timed('Verify evidence', () => verifySources(p, sources));
    const images = promotedImages(p.plan, p.lanes);
    const existing = await timed('Check the target', () => settleAll(targetRecords, 'checking the target'));
    if (existing.every((r) => r !== undefined)) {
        const record = existing[0];
        const recordPath = await writeRecord(options.recordDir, options.commit, record);
        log.info(`already promoted: every image is at its target with its evidence; nothing was copied`);
        return { alreadyPromoted: true, images, record, recordPath, timings, ...trusted };
    }
    const evidenceManifests = await settleAll(sources.evidenceManifests, 'reading evidence manifests');
    const copy = planCopy(p, manifests, evidence, evidenceManifests);
    const report = await timed('Copy server-side', () => copyServerSide(p, copy.plan, options.copy));
    await timed('Check the target digests', () => checkTargetDigests(p));
    const record = await timed('Promotion record', () => recordPromotion(p, {
        manifests,
        copied: copy.copied,
        evidence,
        report,
        timings,
        target: options.target,
        timeVerified: (options.now ?? (() => new Date()))(),
        env: options.env ?? process.env,
        settleMs: options.recordSettleMs ?? (() => 20 + Math.floor(Math.random() * 30)),
    }));
    const recordPath = await writeRecord(options.recordDir, options.commit, record);
    log.info(`timings: ${Object.entries(timings)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')}`);
    log.info(`promotion record: ${recordPath}${options.signingKey !== undefined ? ' (signed)' : ' (unsigned)'}`);
    return { alreadyPromoted: false, images, record, recordPath, copy: report, timings, ...trusted };
}
function promotedImages(plan, lanes) {
    return plan.map((i) => ({
        name: i.name,
        digest: i.source.digest.value,
        source: sourceReference(i),
        target: (0,promote_target/* formatTarget */.P4)(i.target),
        reference: `${i.target.registry}/${i.target.repository}@${i.source.digest.value}`,
        lanes: [...lanes],
    }));
}
/** The `promoted` output: one `name=registry/repository[:tag]@digest` line per image. */
function promotedOutput(result) {
    return result.images.map((i) => `${i.name}=${i.reference}`).join('\n');
}
/** Adds the job summary of a promotion: a table of name, digest, lanes verified and target. */
function summarizePromotion(summary, result) {
    summary.heading(result.alreadyPromoted ? 'promote-digest: already promoted' : 'promote-digest: promoted');
    summary.table(['Name', 'Digest', 'Lanes verified', 'Target'], result.images.map((i) => [i.name, i.digest, i.lanes.join(', '), i.target]));
    const signed = result.record.signatures.length > 0 ? 'signed' : 'unsigned';
    summary.text(`Promotion record (${signed}): ${result.recordPath}`);
    summary.text(`Evidence of CI run ${result.evidenceRun}.`);
    if (result.unsignedAllowed) {
        summary.text("WARNING: evidence signatures were NOT checked (allow-unsigned): anyone who can push to the source repositories could have forged the lanes' verdicts. The promotion record says so (unsignedAllowed: true).");
    }
}

// EXTERNAL MODULE: ./packages/core/src/step.ts
var step = __webpack_require__(412);
// EXTERNAL MODULE: ./packages/core/src/commands.ts
var commands = __webpack_require__(508);
;// CONCATENATED MODULE: ./packages/core/src/summary.ts
/**
 * Job summary and log grouping.
 *
 * Forgejo writes the step summary file but does not show it, so `writeSummary` always prints a
 * plain-text copy to the log as well; the summary file gets GitHub-flavoured Markdown, which also
 * reads well raw. The file is appended to directly rather than through `core.summary`, whose
 * singleton caches the file path and buffer across calls.
 */



function escapeMarkdown(text) {
    return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
function escapeCell(text) {
    return escapeMarkdown(text) || ' ';
}
function padRow(cells, widths) {
    return cells
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
}
/**
 * Collects a summary once and renders it twice: Markdown for the summary file, plain text for the
 * log. All text is treated as text (escaped), never as Markdown or HTML.
 */
class SummaryBuilder {
    blocks = [];
    /** A heading, level 1–6 (default 2; the job summary already has a level-1 title per step). */
    heading(text, level = 2) {
        this.blocks.push({ kind: 'heading', text, level: Math.min(6, Math.max(1, Math.trunc(level))) });
        return this;
    }
    /** A paragraph. */
    text(text) {
        this.blocks.push({ kind: 'text', text });
        return this;
    }
    /** A bulleted list. */
    list(items) {
        this.blocks.push({ kind: 'list', items: [...items] });
        return this;
    }
    /** A table; rows shorter than the header are padded with empty cells. */
    table(header, rows) {
        this.blocks.push({ kind: 'table', header: [...header], rows: rows.map((row) => [...row]) });
        return this;
    }
    /** Two-column name/value table, e.g. image name → digest. */
    keyValues(pairs, header = ['Name', 'Value']) {
        const rows = Array.isArray(pairs) ? pairs : Object.entries(pairs);
        return this.table(header, rows);
    }
    /** A fenced code block (e.g. a command's output), shown verbatim. */
    code(code, lang = '') {
        this.blocks.push({ kind: 'code', code, lang });
        return this;
    }
    /** True when nothing was added. */
    isEmpty() {
        return this.blocks.length === 0;
    }
    /** GitHub-flavoured Markdown, ending in a blank line so that summaries appended later stay separate. */
    toMarkdown() {
        const parts = this.blocks.map((block) => {
            switch (block.kind) {
                case 'heading':
                    return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
                case 'text':
                    return block.text
                        .split(/\r?\n/)
                        .map((line) => escapeMarkdown(line))
                        .join('  \n');
                case 'list':
                    return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
                case 'table': {
                    const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
                    const line = (cells) => `| ${Array.from({ length: columns }, (_, i) => escapeCell(cells[i] ?? '')).join(' | ')} |`;
                    return [
                        line(block.header),
                        `|${' --- |'.repeat(columns)}`,
                        ...block.rows.map((row) => line(row)),
                    ].join('\n');
                }
                case 'code': {
                    // A fence longer than any backtick run inside keeps the block closed where we mean it.
                    const longest = Math.max(2, ...[...block.code.matchAll(/`+/g)].map((m) => m[0].length));
                    const fence = '`'.repeat(longest + 1);
                    return `${fence}${block.lang}\n${block.code.replace(/\n$/, '')}\n${fence}`;
                }
            }
        });
        return parts.length === 0 ? '' : `${parts.join('\n\n')}\n\n`;
    }
    /** Plain text for the log: headings underlined, tables aligned in columns. */
    toText() {
        const parts = this.blocks.map((block) => {
            switch (block.kind) {
                case 'heading':
                    return `${block.text}\n${(block.level <= 2 ? '=' : '-').repeat(Math.max(3, block.text.length))}`;
                case 'text':
                    return block.text;
                case 'list':
                    return block.items.map((item) => `  - ${item}`).join('\n');
                case 'table': {
                    const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
                    const all = [block.header, ...block.rows].map((row) => Array.from({ length: columns }, (_, i) => (row[i] ?? '').replace(/\r?\n/g, ' ')));
                    const widths = Array.from({ length: columns }, (_, i) => Math.max(...all.map((row) => row[i].length)));
                    const [head, ...rest] = all;
                    return [
                        padRow(head, widths),
                        padRow(widths.map((w) => '-'.repeat(w)), widths),
                        ...rest.map((row) => padRow(row, widths)),
                    ].join('\n');
                }
                case 'code':
                    return block.code.replace(/\n$/, '');
            }
        });
        return parts.join('\n\n');
    }
}
/**
 * Builds a summary with `build`, prints it to the log and appends it to the job summary file
 * (`GITHUB_STEP_SUMMARY`, or `FORGEJO_STEP_SUMMARY` when only that is set).
 *
 * Never throws: a summary is a report, not a result, so a missing variable is silently skipped and
 * any failure (in `build` or writing the file) becomes a warning.
 */
async function writeSummary(build, options = {}) {
    const builder = new SummaryBuilder();
    try {
        build(builder);
    }
    catch (err) {
        commands/* warning */.$e(`could not build the job summary: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return;
    }
    if (builder.isEmpty())
        return;
    if (options.log !== false) {
        for (const line of builder.toText().split('\n'))
            commands/* info */.pq(line);
    }
    const file = process.env.GITHUB_STEP_SUMMARY || process.env.FORGEJO_STEP_SUMMARY;
    if (!file) {
        commands/* debug */.Yz('no GITHUB_STEP_SUMMARY: the summary went to the log only');
        return;
    }
    try {
        await (0,promises_.appendFile)(file, builder.toMarkdown(), 'utf8');
    }
    catch (err) {
        commands/* warning */.$e(`could not write the job summary to ${file}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}
let groupDepth = 0;
/**
 * Runs `fn` inside a collapsible log group (`::group::`) and returns its result; the group is
 * closed even when `fn` throws. Runners do not nest groups (an inner `::group::` would end the outer
 * one early), so a group inside a group is only a `-- title --` line.
 */
async function group(title, fn) {
    if (groupDepth > 0) {
        commands/* info */.pq(`-- ${title} --`);
        return fn();
    }
    groupDepth++;
    try {
        commands/* startGroup */.Oh(title);
        return await fn();
    }
    finally {
        commands/* endGroup */.N4();
        groupDepth--;
    }
}

// EXTERNAL MODULE: ./actions/promote-digest/src/constants.ts
var constants = __webpack_require__(315);
;// CONCATENATED MODULE: ./actions/promote-digest/src/run.ts




/** Promotes the image set with inputs already read and validated by `getInputs`. */
async function run(inputs) {
    const result = await promote({
        plan: inputs.plan,
        target: inputs.target,
        requiredLanes: inputs.require,
        commit: inputs.commit,
        recordDir: inputs.recordDir,
        log: step/* stepLog */.tV,
        group: group,
        evidenceRun: inputs.evidenceRun,
        laneKeys: inputs.laneKeys,
        allowUnsigned: inputs.allowUnsigned,
        ...(inputs.signingKey !== undefined ? { signingKey: inputs.signingKey } : {}),
        ...(inputs.sourceCredentials !== undefined ? { sourceCredentials: inputs.sourceCredentials } : {}),
        ...(inputs.targetCredentials !== undefined ? { targetCredentials: inputs.targetCredentials } : {}),
    });
    (0,step/* setOutputs */.n0)({ [constants/* Outputs */.t.Promoted]: promotedOutput(result), [constants/* Outputs */.t.Record]: result.recordPath });
    await writeSummary((s) => summarizePromotion(s, result));
}


/***/ }),

/***/ 479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IN_TOTO_PAYLOAD_TYPE: () => (/* binding */ IN_TOTO_PAYLOAD_TYPE),
/* harmony export */   envelopeOf: () => (/* binding */ envelopeOf),
/* harmony export */   keyId: () => (/* binding */ keyId),
/* harmony export */   pae: () => (/* binding */ pae),
/* harmony export */   parseEnvelope: () => (/* binding */ parseEnvelope),
/* harmony export */   payloadBytes: () => (/* binding */ payloadBytes),
/* harmony export */   signEnvelope: () => (/* binding */ signEnvelope),
/* harmony export */   statementOf: () => (/* binding */ statementOf),
/* harmony export */   verifyEnvelope: () => (/* binding */ verifyEnvelope)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(346);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(991);
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
        if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)('sha256', message, { key, dsaEncoding: 'der' }, sig))
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

/***/ 991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  By: () => (/* binding */ parseStatement),
  HC: () => (/* binding */ promotionStatement)
});

// UNUSED EXPORTS: STATEMENT_TYPE, commitSubjectName, digestSet, digestsOfSubject, laneStatement, sourceStatement

// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __webpack_require__(397);
// EXTERNAL MODULE: ./packages/core/src/evidence/run-context.ts
var run_context = __webpack_require__(727);
;// CONCATENATED MODULE: ./packages/core/src/evidence/vsa.ts
/**
 * The SLSA Verification Summary Attestation v1 vocabulary digestline fills
 * (https://slsa.dev/spec/v1.0/verification_summary): the predicate type, and the verifier, policy and
 * level names of each lane.
 */
/** The lanes that produce evidence. */
const LANES = ['source', 'integration', 'e2e', 'promotion'];
/** `predicateType` of the evidence: SLSA Verification Summary Attestation v1. */
const vsa_VERIFICATION_PREDICATE_TYPE = 'https://slsa.dev/verification_summary/v1';
/** The `verifier.id` of a lane's evidence: `https://digestline.dev/verifier/<lane>`. */
function verifierId(lane) {
    return `https://digestline.dev/verifier/${lane}`;
}
/**
 * The `policy.uri` of a lane that applied no policy file of its own: digestline's built-in rules for
 * that lane, `https://digestline.dev/policy/<lane>/v1` (VSA requires a policy URI on every statement).
 */
function defaultPolicyUri(lane) {
    return `https://digestline.dev/policy/${lane}/v1`;
}
/**
 * The `verifiedLevels` entry a PASSED lane claims: a custom track per lane, level 1,
 * e.g. `DIGESTLINE_INTEGRATION_LEVEL_1`. VSA v1 (SlsaResult): "Users MAY use custom values here but
 * MUST NOT use custom values starting with `SLSA_`", and no more than one level per track.
 */
function laneLevel(lane) {
    return `DIGESTLINE_${lane.toUpperCase()}_LEVEL_1`;
}

;// CONCATENATED MODULE: ./packages/core/src/evidence/statement.ts
/**
 * in-toto Statement v1 carrying a SLSA Verification Summary Attestation (VSA) v1: what one lane checked,
 * for which digests, at which commit, and with what result.
 *
 * The predicate is a VSA (https://slsa.dev/spec/v1.0/verification_summary) so that tools outside
 * digestline (cosign, Kyverno, sigstore policy-controller) can check it: every required VSA field is
 * filled. digestline's own fields (`lane`, `commit`, `runUrl`, `tested`, `target`, `checks`, `run`)
 * travel in the same predicate as extension fields: the VSA parsing rules say "Consumers MUST ignore
 * unrecognized fields" (they also say producers MAY name extensions with URIs; plain names keep our
 * evidence readable).
 */



/** `_type` of an in-toto Statement v1. */
const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/**
 * Digest `algorithm:hex` → in-toto digest set `{algorithm: hex}`.
 *
 * @param digest the parsed digest, or its text (validated here)
 */
function digestSet(digest) {
    const parsed = typeof digest === 'string' ? (0,reference/* parseDigest */.m)(digest) : digest;
    return { [parsed.algorithm]: parsed.hex };
}
/** in-toto digest set → `algorithm:hex` texts (sha256/sha512 entries only, sorted). */
function digestsOfSubject(subject) {
    return Object.entries(subject.digest)
        .filter(([algorithm]) => algorithm === 'sha256' || algorithm === 'sha512')
        .map(([algorithm, hex]) => `${algorithm}:${hex}`)
        .sort();
}
/** The subject name of a commit: `git+<repository url>` or `commit` when the URL is unknown. */
function commitSubjectName(repositoryUrl) {
    return repositoryUrl ? `git+${repositoryUrl}` : 'commit';
}
function resourceUri(commit, repositoryUrl) {
    return `${repositoryUrl ? `git+${repositoryUrl}` : 'git+commit'}@${commit}`;
}
function laneResult(result, checks) {
    if (result !== undefined)
        return result;
    return checks.some((c) => c.result === 'FAILED') ? 'FAILED' : 'PASSED';
}
function validateChecks(checks) {
    return checks.map((c, i) => {
        if (c.name.trim() === '')
            throw new Error(`check #${i + 1} has an empty name`);
        if (!['PASSED', 'FAILED', 'SKIPPED'].includes(c.result)) {
            throw new Error(`check ${JSON.stringify(c.name)} has result ${JSON.stringify(c.result)}`);
        }
        if (!Number.isFinite(c.durationMs) || c.durationMs < 0) {
            throw new Error(`check ${JSON.stringify(c.name)} has durationMs ${c.durationMs}: expected a number >= 0`);
        }
        return { ...c, durationMs: Math.round(c.durationMs) };
    });
}
function predicate(lane, opts, extra) {
    const overrides = {};
    if (opts.commit !== undefined)
        overrides.commit = opts.commit;
    if (opts.repositoryUrl !== undefined)
        overrides.repositoryUrl = opts.repositoryUrl;
    if (opts.runUrl !== undefined)
        overrides.runUrl = opts.runUrl;
    const context = (0,run_context/* runContext */.p)(overrides, opts.env);
    const checks = validateChecks(opts.checks ?? []);
    const result = laneResult(opts.result, checks);
    if (result === 'PASSED' && checks.some((c) => c.result === 'FAILED')) {
        const failed = checks.filter((c) => c.result === 'FAILED').map((c) => c.name);
        throw new Error(`${lane} lane result PASSED contradicts failed checks: ${failed.join(', ')}`);
    }
    const commit = { sha: context.commit };
    if (extra.tree !== undefined)
        commit.tree = (0,run_context/* assertGitObjectId */.h)(extra.tree, 'tree');
    const verifier = { id: opts.verifier?.id ?? verifierId(lane) };
    if (opts.verifier?.version !== undefined)
        verifier.version = opts.verifier.version;
    const policy = { uri: opts.policy?.uri ?? defaultPolicyUri(lane) };
    if (opts.policy?.digest !== undefined)
        policy.digest = opts.policy.digest;
    const levels = [lane, ...(extra.verifiedLanes ?? []).filter((l) => l !== lane)].map(laneLevel);
    const p = {
        verifier,
        timeVerified: (opts.timeVerified ?? new Date()).toISOString(),
        resourceUri: resourceUri(context.commit, context.repositoryUrl),
        policy,
        ...(extra.inputAttestations !== undefined
            ? { inputAttestations: extra.inputAttestations.map((a) => ({ uri: a.uri, digest: { ...a.digest } })) }
            : {}),
        verificationResult: result,
        verifiedLevels: result === 'PASSED' ? levels : ['FAILED'],
        lane,
        commit,
        runUrl: context.runUrl ?? 'unknown',
        tested: extra.tested,
        ...(extra.target !== undefined ? { target: extra.target } : {}),
        checks,
    };
    if (context.run !== undefined)
        p.run = context.run;
    return { context, predicate: p };
}
/**
 * Builds the source lane's statement. Its subject is the commit itself (`digest: {gitCommit}`, as
 * in-toto's digest set allows), plus the tree (`digest: {gitTree}`) when given: the tree identifies the
 * checked content even when the commit is rebased.
 */
function sourceStatement(opts) {
    const extra = { tested: [] };
    if (opts.tree !== undefined)
        extra.tree = opts.tree;
    const { predicate: p, context } = predicate('source', opts, extra);
    const subject = [
        { name: commitSubjectName(context.repositoryUrl), digest: { gitCommit: context.commit } },
    ];
    if (p.commit.tree !== undefined) {
        subject.push({
            name: `${commitSubjectName(context.repositoryUrl)}#tree`,
            digest: { gitTree: p.commit.tree },
        });
    }
    return { _type: STATEMENT_TYPE, subject, predicateType: VERIFICATION_PREDICATE_TYPE, predicate: p };
}
function imageSubjects(images, what) {
    if (images.length === 0)
        throw new Error(`${what} needs at least one image`);
    const names = new Set();
    for (const image of images) {
        if (names.has(image.name))
            throw new Error(`${what}: image name ${JSON.stringify(image.name)} appears twice`);
        names.add(image.name);
        if (image.repository.includes('@') || image.repository === '') {
            throw new Error(`${what}: repository ${JSON.stringify(image.repository)} of ${image.name} must be registry/path without tag or digest`);
        }
    }
    const digests = images.map((i) => (0,reference/* parseDigest */.m)(i.digest));
    return {
        subject: images.map((i, n) => ({ name: i.repository, digest: digestSet(digests[n]) })),
        tested: images.map((i, n) => ({ name: i.name, digest: digests[n].value })),
    };
}
/** Builds an integration or E2E lane's statement about a set of images tested together. */
function laneStatement(opts) {
    if (opts.lane !== 'integration' && opts.lane !== 'e2e') {
        throw new Error(`laneStatement builds integration or e2e evidence, not ${JSON.stringify(opts.lane)}`);
    }
    const { subject, tested } = imageSubjects(opts.images, `${opts.lane} evidence`);
    const { predicate: p } = predicate(opts.lane, opts, { tested });
    return { _type: STATEMENT_TYPE, subject, predicateType: VERIFICATION_PREDICATE_TYPE, predicate: p };
}
/**
 * Builds the promotion statement: promote-digest verified the lanes' evidence for these digests and
 * copied them. `checks` usually holds one entry per verified lane.
 */
function promotionStatement(opts) {
    const { subject, tested } = imageSubjects(opts.images, 'promotion evidence');
    const { predicate: p } = predicate('promotion', opts, {
        tested,
        ...(opts.verifiedLanes !== undefined ? { verifiedLanes: opts.verifiedLanes } : {}),
        ...(opts.inputAttestations !== undefined ? { inputAttestations: opts.inputAttestations } : {}),
        ...(opts.target !== undefined ? { target: opts.target } : {}),
    });
    return { _type: STATEMENT_TYPE, subject, predicateType: vsa_VERIFICATION_PREDICATE_TYPE, predicate: p };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Checks that parsed JSON is a digestline verification statement and returns it typed.
 *
 * @throws Error saying which field is missing or malformed
 */
function parseStatement(value) {
    if (!isRecord(value))
        throw new Error('statement is not a JSON object');
    if (value._type !== STATEMENT_TYPE)
        throw new Error(`statement _type is ${JSON.stringify(value._type)}, expected ${STATEMENT_TYPE}`);
    if (value.predicateType !== vsa_VERIFICATION_PREDICATE_TYPE) {
        throw new Error(`predicateType is ${JSON.stringify(value.predicateType)}, expected ${vsa_VERIFICATION_PREDICATE_TYPE}`);
    }
    if (!Array.isArray(value.subject) || value.subject.length === 0)
        throw new Error('statement has no subject');
    for (const s of value.subject) {
        if (!isRecord(s) || typeof s.name !== 'string' || !isRecord(s.digest)) {
            throw new Error('statement subject entries need name and digest');
        }
        if (!Object.values(s.digest).every((v) => typeof v === 'string'))
            throw new Error(`subject ${s.name} has a non-string digest`);
    }
    const p = value.predicate;
    if (!isRecord(p))
        throw new Error('statement has no predicate object');
    if (!LANES.includes(p.lane))
        throw new Error(`predicate lane ${JSON.stringify(p.lane)} is not one of ${LANES.join(', ')}`);
    if (p.verificationResult !== 'PASSED' && p.verificationResult !== 'FAILED') {
        throw new Error(`predicate verificationResult ${JSON.stringify(p.verificationResult)} is not PASSED or FAILED`);
    }
    if (!isRecord(p.commit) || typeof p.commit.sha !== 'string')
        throw new Error('predicate commit.sha is missing');
    if (!Array.isArray(p.tested))
        throw new Error('predicate tested is not a list');
    for (const t of p.tested) {
        if (!isRecord(t) || typeof t.name !== 'string' || typeof t.digest !== 'string') {
            throw new Error('predicate tested entries need name and digest');
        }
    }
    if (!Array.isArray(p.checks))
        throw new Error('predicate checks is not a list');
    if (typeof p.timeVerified !== 'string' || typeof p.runUrl !== 'string') {
        throw new Error('predicate needs timeVerified and runUrl strings');
    }
    return value;
}


/***/ }),

/***/ 346:
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
