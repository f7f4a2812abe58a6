export const id = 694;
export const ids = [694];
export const modules = {

/***/ 8694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IN_TOTO_PAYLOAD_TYPE: () => (/* binding */ IN_TOTO_PAYLOAD_TYPE),
  envelopeOf: () => (/* binding */ envelopeOf),
  keyId: () => (/* binding */ keyId),
  pae: () => (/* binding */ pae),
  parseEnvelope: () => (/* binding */ parseEnvelope),
  payloadBytes: () => (/* binding */ payloadBytes),
  signEnvelope: () => (/* binding */ signEnvelope),
  statementOf: () => (/* binding */ statementOf),
  verifyEnvelope: () => (/* binding */ verifyEnvelope)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(8346);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __webpack_require__(1397);
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
function vsa_verifierId(lane) {
    return `https://digestline.dev/verifier/${lane}`;
}
/**
 * The `policy.uri` of a lane that applied no policy file of its own: digestline's built-in rules for
 * that lane, `https://digestline.dev/policy/<lane>/v1` (VSA requires a policy URI on every statement).
 */
function vsa_defaultPolicyUri(lane) {
    return `https://digestline.dev/policy/${lane}/v1`;
}
/**
 * The `verifiedLevels` entry a PASSED lane claims: a custom track per lane, level 1,
 * e.g. `DIGESTLINE_INTEGRATION_LEVEL_1`. VSA v1 (SlsaResult): "Users MAY use custom values here but
 * MUST NOT use custom values starting with `SLSA_`", and no more than one level per track.
 */
function vsa_laneLevel(lane) {
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
    const parsed = typeof digest === 'string' ? parseDigest(digest) : digest;
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
    const context = runContext(overrides, opts.env);
    const checks = validateChecks(opts.checks ?? []);
    const result = laneResult(opts.result, checks);
    if (result === 'PASSED' && checks.some((c) => c.result === 'FAILED')) {
        const failed = checks.filter((c) => c.result === 'FAILED').map((c) => c.name);
        throw new Error(`${lane} lane result PASSED contradicts failed checks: ${failed.join(', ')}`);
    }
    const commit = { sha: context.commit };
    if (extra.tree !== undefined)
        commit.tree = assertGitObjectId(extra.tree, 'tree');
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
    const digests = images.map((i) => parseDigest(i.digest));
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
    return { _type: STATEMENT_TYPE, subject, predicateType: VERIFICATION_PREDICATE_TYPE, predicate: p };
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

;// CONCATENATED MODULE: ./packages/core/src/evidence/dsse.ts
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
    const obj = typeof key === 'string' ? (0,external_node_crypto_.createPublicKey)(key) : key.type === 'private' ? (0,external_node_crypto_.createPublicKey)(key) : key;
    if (obj.asymmetricKeyType !== 'ec' || obj.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
        throw new Error(`evidence keys must be ECDSA P-256, got ${obj.asymmetricKeyType ?? 'unknown'} ${obj.asymmetricKeyDetails?.namedCurve ?? ''}`.trim());
    }
    return obj;
}
/** Key id of a public (or private) key: lowercase hex SHA-256 of its SPKI DER encoding. */
function keyId(key) {
    const der = publicKeyObject(key).export({ type: 'spki', format: 'der' });
    return (0,external_node_crypto_.createHash)('sha256').update(der).digest('hex');
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
    const key = typeof privateKeyPem === 'string' ? (0,external_node_crypto_.createPrivateKey)(privateKeyPem) : privateKeyPem;
    const keyid = keyId(key);
    const sig = (0,external_node_crypto_.sign)('sha256', pae(envelope.payloadType, payloadBytes(envelope)), { key, dsaEncoding: 'der' });
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
        if ((0,external_node_crypto_.verify)('sha256', message, { key, dsaEncoding: 'der' }, sig))
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
    return parseStatement((0,untrusted/* neutralStrings */._)(json));
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
