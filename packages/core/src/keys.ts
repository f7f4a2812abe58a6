/**
 * Key inputs shared by the lanes, promote-digest and deploy-staging: `signing-key` (a private key),
 * `promotion-public-key` (one public key) and `lane-public-keys` (one or more public keys).
 * node:crypto and the DSSE module are loaded only when a key is given, so start-up stays light.
 *
 * A key of the wrong kind is refused: a private key pasted into a public-key input would otherwise be
 * stored where public values go (workflow variables, logs), so it is masked before anything is said.
 */
import { InputError, errorMessage } from './errors.js';
import { getString } from './inputs.js';
import { maskSecret } from './step.js';

const PRIVATE_FORM = 'private key (PKCS#8 or SEC1)';
const PUBLIC_FORM = 'public key (SPKI, "-----BEGIN PUBLIC KEY-----")';

async function crypto() {
  const [{ createPrivateKey, createPublicKey }, { keyId }] = await Promise.all([
    import('node:crypto'),
    import('./evidence/dsse.js'),
  ]);
  return { createPrivateKey, createPublicKey, keyId };
}

type Crypto = Awaited<ReturnType<typeof crypto>>;

/** True when the text is a private key, also one whose PEM label was changed (the body decides). */
function parsesAsPrivate(c: Crypto, pem: string): boolean {
  const body = pem.replace(/-----[A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');
  const der = /^[A-Za-z0-9+/]+=*$/.test(body) ? Buffer.from(body, 'base64') : undefined;
  const attempts: Array<() => unknown> = [() => c.createPrivateKey(pem)];
  if (der !== undefined) {
    attempts.push(() => c.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
    attempts.push(() => c.createPrivateKey({ key: der, format: 'der', type: 'sec1' }));
  }
  return attempts.some((attempt) => {
    try {
      attempt();
      return true;
    } catch {
      return false;
    }
  });
}

/** Masks and refuses a private key given where a public key belongs. */
function refusePrivate(c: Crypto, input: string, pem: string, where = ''): void {
  if (!/PRIVATE KEY/.test(pem) && !parsesAsPrivate(c, pem)) return;
  maskSecret(pem);
  throw new InputError(
    input,
    `input "${input}"${where} holds a PRIVATE key; it takes a PEM ECDSA P-256 ${PUBLIC_FORM}. ` +
      'The value was masked; if it was stored anywhere public, treat the key as leaked and replace it',
  );
}

/** Checks one public key PEM block: P-256, SPKI. @returns its key id */
function publicKeyId(c: Crypto, input: string, pem: string, where = ''): string {
  refusePrivate(c, input, pem, where);
  try {
    return c.keyId(c.createPublicKey(pem));
  } catch (err) {
    throw new InputError(
      input,
      `input "${input}"${where} must be a PEM ECDSA P-256 ${PUBLIC_FORM}: ${errorMessage(err)}`,
    );
  }
}

/**
 * Reads a PEM ECDSA P-256 key input: a private key (PKCS#8 or SEC1, masked in the log) or a public key
 * (SPKI). Returns undefined when the input is empty.
 * @throws InputError naming the input and the expected form when it is not such a key, or is a key of
 *   the other kind (a private key given as a public key is masked first)
 */
export async function getPemKey(input: string, kind: 'public' | 'private'): Promise<string | undefined> {
  const pem = getString(input);
  if (pem === '') return undefined;
  if (kind === 'private' || /PRIVATE/.test(pem)) maskSecret(pem);
  const c = await crypto();
  if (kind === 'public') {
    publicKeyId(c, input, pem);
    return pem;
  }
  let isPublic: boolean;
  try {
    c.createPublicKey(pem);
    isPublic = !parsesAsPrivate(c, pem);
  } catch {
    isPublic = false;
  }
  if (isPublic) {
    throw new InputError(
      input,
      `input "${input}" holds a public key; it takes the PEM ECDSA P-256 ${PRIVATE_FORM} that signs (keep the public key for the verifying side)`,
    );
  }
  try {
    // keyId checks it is a P-256 key; a private key yields its public key's id.
    c.keyId(c.createPrivateKey(pem));
  } catch (err) {
    throw new InputError(
      input,
      `input "${input}" must be a PEM ECDSA P-256 ${PRIVATE_FORM}: ${errorMessage(err)}`,
    );
  }
  return pem;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/**
 * Reads an input holding one or more PEM ECDSA P-256 public keys (SPKI), concatenated: a verifier
 * accepts a signature by any of them, so keys can be rotated. Returns an empty list when the input
 * is empty.
 *
 * @throws InputError naming the input (and the key's position) for text outside PEM blocks, a block
 *   that is not such a public key (a private key is masked first), or the same key twice
 */
export async function getPemKeys(input: string): Promise<string[]> {
  const text = getString(input);
  if (text === '') return [];
  if (/PRIVATE/.test(text)) maskSecret(text);
  const c = await crypto();
  const blocks: string[] = [];
  let rest = '';
  let last = 0;
  for (const m of text.matchAll(PEM_BLOCK)) {
    rest += text.slice(last, m.index);
    blocks.push(m[0]);
    last = m.index + m[0].length;
  }
  rest += text.slice(last);
  if (rest.trim() !== '') {
    if (/PRIVATE/.test(rest)) refusePrivate(c, input, rest);
    const shown = rest.trim().split(/\r?\n/)[0]!.slice(0, 40);
    throw new InputError(
      input,
      `input "${input}" must hold only PEM ECDSA P-256 ${PUBLIC_FORM}s, one after the other; ` +
        `found text outside a PEM block: ${JSON.stringify(shown)}`,
    );
  }
  const seen = new Map<string, number>();
  blocks.forEach((pem, n) => {
    const where = blocks.length > 1 ? ` (key ${n + 1} of ${blocks.length})` : '';
    const id = publicKeyId(c, input, pem, where);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new InputError(
        input,
        `input "${input}" lists the same key twice (keys ${earlier + 1} and ${n + 1}, key id ${id.slice(0, 12)}…): remove one`,
      );
    }
    seen.set(id, n);
  });
  return blocks;
}

/**
 * The trust setting of a verifier from its two inputs: the keys, or an explicit `allow-unsigned: true`.
 * There is no silent unsigned mode: neither is an error, and so is both (which would be ambiguous).
 *
 * @throws InputError naming `keysInput` (and mentioning `allowInput`) when neither is given, or
 *   naming `allowInput` when both are
 */
export function keysOrUnsigned<K>(
  keysInput: string,
  keys: readonly K[],
  allowInput: string,
  allowUnsigned: boolean,
): { keys: K[] } | { unsignedAllowed: true } {
  if (keys.length > 0 && allowUnsigned) {
    throw new InputError(
      allowInput,
      `inputs "${keysInput}" and "${allowInput}: true" exclude each other: with keys, signatures are checked; remove "${allowInput}"`,
    );
  }
  if (keys.length > 0) return { keys: [...keys] };
  if (allowUnsigned) return { unsignedAllowed: true };
  throw new InputError(
    keysInput,
    `input "${keysInput}" is required: give the PEM ECDSA P-256 public key(s) that signatures must verify with, ` +
      `or set "${allowInput}: true" to accept unsigned or wrongly signed records (not recommended: anyone who can push to the registry could forge them)`,
  );
}
