/**
 * Key inputs (`signing-key`, `public-key`) shared by the lanes, promote-digest and deploy-staging.
 * node:crypto and the DSSE module are loaded only when a key is given, so start-up stays light.
 */
import { InputError, errorMessage } from './errors.js';
import { getString } from './inputs.js';
import { maskSecret } from './step.js';

/**
 * Reads a PEM ECDSA P-256 key input: a private key (PKCS#8 or SEC1, masked in the log) or a public key
 * (SPKI). Returns undefined when the input is empty.
 * @throws InputError naming the input and the expected form when it is not such a key
 */
export async function getPemKey(input: string, kind: 'public' | 'private'): Promise<string | undefined> {
  const pem = getString(input);
  if (pem === '') return undefined;
  if (kind === 'private') maskSecret(pem);
  const [{ createPrivateKey }, { keyId }] = await Promise.all([
    import('node:crypto'),
    import('./evidence/dsse.js'),
  ]);
  try {
    // keyId checks it is a P-256 key; a private key yields its public key's id.
    keyId(kind === 'private' ? createPrivateKey(pem) : pem);
  } catch (err) {
    throw new InputError(
      input,
      `input "${input}" must be a PEM ECDSA P-256 ${kind === 'private' ? 'private key (PKCS#8 or SEC1)' : 'public key (SPKI)'}: ${errorMessage(err)}`,
    );
  }
  return pem;
}
