/**
 * DSSE (Dead Simple Signing Envelope) v1 around in-toto statements, signed with ECDSA P-256.
 *
 * Signatures are ASN.1 DER encoded, as sigstore/cosign produce and verify them, so an envelope signed
 * here can be checked with `cosign verify-blob-attestation`-style tooling and vice versa.
 * Key ids are the lowercase hex SHA-256 of the public key's SubjectPublicKeyInfo DER: stable for a key
 * whatever PEM wrapping it comes in, and computable by hand with openssl (see docs/evidence.md).
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { neutralStrings } from '../untrusted.js';
import { parseStatement, type VerificationStatement } from './statement.js';

/** The DSSE payload type of in-toto statements. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** One DSSE signature: `sig` is base64 of the DER-encoded ECDSA signature over the PAE. */
export interface DsseSignature {
  keyid: string;
  sig: string;
}

/** A DSSE envelope; `payload` is standard base64. Unsigned envelopes have `signatures: []`. */
export interface DsseEnvelope {
  payloadType: string;
  payload: string;
  signatures: DsseSignature[];
}

/**
 * DSSE pre-authentication encoding: `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, lengths as
 * ASCII decimal byte counts. Signing the PAE rather than the payload binds the payload type too.
 */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${payload.length} `, 'utf8'),
    payload,
  ]);
}

function publicKeyObject(key: string | KeyObject): KeyObject {
  const obj =
    typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
  if (obj.asymmetricKeyType !== 'ec' || obj.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error(
      `evidence keys must be ECDSA P-256, got ${obj.asymmetricKeyType ?? 'unknown'} ${obj.asymmetricKeyDetails?.namedCurve ?? ''}`.trim(),
    );
  }
  return obj;
}

/** Key id of a public (or private) key: lowercase hex SHA-256 of its SPKI DER encoding. */
export function keyId(key: string | KeyObject): string {
  const der = publicKeyObject(key).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

/** Wraps a statement in an unsigned envelope (the payload is the statement's compact JSON). */
export function envelopeOf(statement: VerificationStatement): DsseEnvelope {
  return {
    payloadType: IN_TOTO_PAYLOAD_TYPE,
    payload: Buffer.from(JSON.stringify(statement), 'utf8').toString('base64'),
    signatures: [],
  };
}

function decodeBase64(text: string, what: string): Buffer {
  // Buffer.from silently skips junk; DSSE allows standard or URL-safe base64, nothing else.
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) throw new Error(`${what} is not base64`);
  return Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
}

/** The envelope's payload bytes (exactly what was signed, not a re-serialisation). */
export function payloadBytes(envelope: DsseEnvelope): Buffer {
  return decodeBase64(envelope.payload, 'DSSE payload');
}

/**
 * Adds a signature by `privateKeyPem` (PKCS#8 or SEC1 PEM of a P-256 key). The envelope is not
 * mutated; an existing signature with the same key id is replaced.
 */
export function signEnvelope(envelope: DsseEnvelope, privateKeyPem: string | KeyObject): DsseEnvelope {
  const key = typeof privateKeyPem === 'string' ? createPrivateKey(privateKeyPem) : privateKeyPem;
  const keyid = keyId(key);
  const sig = sign('sha256', pae(envelope.payloadType, payloadBytes(envelope)), { key, dsaEncoding: 'der' });
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
export function verifyEnvelope(envelope: DsseEnvelope, publicKeyPem: string | KeyObject): string[] {
  const key = publicKeyObject(publicKeyPem);
  const id = keyId(key);
  let message: Buffer;
  try {
    message = pae(envelope.payloadType, payloadBytes(envelope));
  } catch {
    return [];
  }
  for (const s of envelope.signatures) {
    let sig: Buffer;
    try {
      sig = decodeBase64(s.sig, 'signature');
    } catch {
      continue;
    }
    if (verify('sha256', message, { key, dsaEncoding: 'der' }, sig)) return [id];
  }
  return [];
}

/**
 * Checks that parsed JSON has the shape of a DSSE envelope.
 *
 * @throws Error naming the malformed field
 */
export function parseEnvelope(value: unknown): DsseEnvelope {
  if (typeof value !== 'object' || value === null) throw new Error('DSSE envelope is not a JSON object');
  const v = value as Record<string, unknown>;
  if (typeof v.payloadType !== 'string') throw new Error('DSSE envelope has no payloadType');
  if (typeof v.payload !== 'string') throw new Error('DSSE envelope has no payload');
  if (!Array.isArray(v.signatures)) throw new Error('DSSE envelope has no signatures list');
  const signatures = (v.signatures as unknown[]).map((s, i) => {
    const sig = s as Record<string, unknown> | null;
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
export function statementOf(envelope: DsseEnvelope): VerificationStatement {
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new Error(
      `DSSE payloadType is ${JSON.stringify(envelope.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(payloadBytes(envelope).toString('utf8'));
  } catch (err) {
    throw new Error(`DSSE payload is not JSON: ${(err as Error).message}`, { cause: err });
  }
  // Whoever could push wrote this text: it is made log-safe before anything reads it.
  return parseStatement(neutralStrings(json));
}
