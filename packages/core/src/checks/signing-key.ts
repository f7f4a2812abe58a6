/**
 * fast-check's `signing-key` check, apart from ./inputs.ts: it needs node:crypto, which the action
 * loads only when a key is given.
 */
import { createPrivateKey } from 'node:crypto';
import { errorMessage, InputError } from '../errors.js';
import { keyId } from '../evidence/dsse.js';

/**
 * Checks that the signing key is a PEM ECDSA P-256 private key before any check runs, so a bad key
 * does not waste the lane. Returns the key's id (hex SHA-256 of its public key).
 * @throws InputError naming `input`
 */
export function checkSigningKey(pem: string, input = 'signing-key'): string {
  try {
    return keyId(createPrivateKey(pem));
  } catch (err) {
    throw new InputError(
      input,
      `input "${input}" must be a PEM ECDSA P-256 private key: ${errorMessage(err)}`,
      {
        cause: err,
      },
    );
  }
}
