import { generateKeyPairSync, createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  envelopeOf,
  IN_TOTO_PAYLOAD_TYPE,
  keyId,
  pae,
  parseEnvelope,
  payloadBytes,
  signEnvelope,
  statementOf,
  verifyEnvelope,
} from '../../src/evidence/dsse.js';
import { sourceStatement } from '../../src/evidence/statement.js';

const SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';

function p256() {
  return generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

const key = p256();
const other = p256();
const statement = sourceStatement({ commit: SHA, env: {}, timeVerified: new Date(0) });

describe('pae', () => {
  it('matches the DSSE spec test vector', () => {
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString('utf8')).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
  });

  it('counts bytes, not characters', () => {
    expect(pae('t/ü', Buffer.from('é', 'utf8')).toString('utf8')).toBe('DSSEv1 4 t/ü 2 é');
    expect(pae('', Buffer.alloc(0)).toString('utf8')).toBe('DSSEv1 0  0 ');
  });
});

describe('keyId', () => {
  it('is the sha256 of the SPKI DER, same for the private and public key', () => {
    const der = createPublicKey(key.publicKey).export({ type: 'spki', format: 'der' });
    const expected = createHash('sha256').update(der).digest('hex');
    expect(keyId(key.publicKey)).toBe(expected);
    expect(keyId(key.privateKey)).toBe(expected);
    expect(keyId(other.publicKey)).not.toBe(expected);
  });

  it('refuses non-P-256 keys', () => {
    const rsa = generateKeyPairSync('rsa', {
      modulusLength: 1024,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    expect(() => keyId(rsa.publicKey)).toThrow(/must be ECDSA P-256, got rsa/);
    const p384 = generateKeyPairSync('ec', {
      namedCurve: 'P-384',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    expect(() => keyId(p384.publicKey)).toThrow(/secp384r1/);
  });
});

describe('sign and verify', () => {
  const unsigned = envelopeOf(statement);

  it('wraps the statement unsigned', () => {
    expect(unsigned.payloadType).toBe(IN_TOTO_PAYLOAD_TYPE);
    expect(unsigned.signatures).toEqual([]);
    expect(JSON.parse(payloadBytes(unsigned).toString('utf8'))).toEqual(statement);
    expect(statementOf(unsigned)).toEqual(statement);
    expect(verifyEnvelope(unsigned, key.publicKey)).toEqual([]);
  });

  it('signs with a DER signature that verifies with the public key only', () => {
    const signed = signEnvelope(unsigned, key.privateKey);
    expect(unsigned.signatures).toEqual([]);
    expect(signed.signatures).toHaveLength(1);
    expect(signed.signatures[0]!.keyid).toBe(keyId(key.publicKey));
    const sig = Buffer.from(signed.signatures[0]!.sig, 'base64');
    expect(sig[0]).toBe(0x30); // ASN.1 SEQUENCE: DER, not 64-byte IEEE P1363
    expect(verifyEnvelope(signed, key.publicKey)).toEqual([keyId(key.publicKey)]);
    expect(verifyEnvelope(signed, other.publicKey)).toEqual([]);
  });

  it('replaces its own signature and keeps others', () => {
    const twice = signEnvelope(
      signEnvelope(signEnvelope(unsigned, key.privateKey), other.privateKey),
      key.privateKey,
    );
    expect(twice.signatures.map((s) => s.keyid).sort()).toEqual(
      [keyId(key.publicKey), keyId(other.publicKey)].sort(),
    );
    expect(verifyEnvelope(twice, other.publicKey)).toEqual([keyId(other.publicKey)]);
  });

  it('fails on a tampered payload, payload type or signature', () => {
    const signed = signEnvelope(unsigned, key.privateKey);
    const tampered = JSON.parse(payloadBytes(signed).toString('utf8')) as typeof statement;
    tampered.predicate.verificationResult = 'FAILED';
    expect(
      verifyEnvelope(
        { ...signed, payload: Buffer.from(JSON.stringify(tampered)).toString('base64') },
        key.publicKey,
      ),
    ).toEqual([]);
    expect(verifyEnvelope({ ...signed, payloadType: 'application/json' }, key.publicKey)).toEqual([]);
    const sig = Buffer.from(signed.signatures[0]!.sig, 'base64');
    sig[sig.length - 1] ^= 1;
    expect(
      verifyEnvelope({ ...signed, signatures: [{ keyid: 'x', sig: sig.toString('base64') }] }, key.publicKey),
    ).toEqual([]);
    expect(verifyEnvelope({ ...signed, signatures: [{ keyid: 'x', sig: '!!' }] }, key.publicKey)).toEqual([]);
  });

  it('verifies whatever keyid the signature claims', () => {
    const signed = signEnvelope(unsigned, key.privateKey);
    const relabelled = { ...signed, signatures: [{ keyid: '', sig: signed.signatures[0]!.sig }] };
    expect(verifyEnvelope(relabelled, key.publicKey)).toEqual([keyId(key.publicKey)]);
  });
});

describe('parseEnvelope and statementOf', () => {
  it.each([
    [null, /not a JSON object/],
    [{ payload: 'e30=', signatures: [] }, /no payloadType/],
    [{ payloadType: 'x', signatures: [] }, /no payload/],
    [{ payloadType: 'x', payload: 'e30=' }, /no signatures list/],
    [{ payloadType: 'x', payload: 'e30=', signatures: [{ keyid: 'k' }] }, /signature #1 has no sig/],
  ])('refuses malformed envelopes %#', (value, message) => {
    expect(() => parseEnvelope(value)).toThrow(message);
  });

  it('refuses foreign payload types and non-JSON payloads', () => {
    expect(() => statementOf({ payloadType: 'text/plain', payload: 'e30=', signatures: [] })).toThrow(
      /payloadType is "text\/plain"/,
    );
    expect(() =>
      statementOf({
        payloadType: IN_TOTO_PAYLOAD_TYPE,
        payload: Buffer.from('nope').toString('base64'),
        signatures: [],
      }),
    ).toThrow(/not JSON/);
    expect(() => statementOf({ payloadType: IN_TOTO_PAYLOAD_TYPE, payload: 'a b', signatures: [] })).toThrow(
      /not base64/,
    );
  });
});
