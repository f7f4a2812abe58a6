import { generateKeyPairSync } from 'node:crypto';
import { afterEach, expect, test, vi } from 'vitest';
import { InputError } from '../src/errors.js';
import { getPemKey } from '../src/keys.js';

const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const privatePem = p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = p256.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

afterEach(() => vi.unstubAllEnvs());

test('an empty key input means no key', async () => {
  vi.stubEnv('INPUT_SIGNING-KEY', '');
  expect(await getPemKey('signing-key', 'private')).toBeUndefined();
});

test('reads a P-256 private key and a P-256 public key', async () => {
  vi.stubEnv('INPUT_SIGNING-KEY', privatePem);
  vi.stubEnv('INPUT_PUBLIC-KEY', publicPem);
  expect(await getPemKey('signing-key', 'private')).toBe(privatePem.trim());
  expect(await getPemKey('public-key', 'public')).toBe(publicPem.trim());
});

test.each([
  ['signing-key', 'private' as const, ed, 'private key (PKCS#8 or SEC1)'],
  ['signing-key', 'private' as const, 'not a key', 'private key (PKCS#8 or SEC1)'],
  ['public-key', 'public' as const, privatePem.replace(/PRIVATE/g, 'PUBLIC'), 'public key (SPKI)'],
])(
  'refuses %s that is not a P-256 %s key, naming the input and the form',
  async (name, kind, value, form) => {
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
    const err = await getPemKey(name, kind).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(
      new RegExp(`^input "${name}" must be a PEM ECDSA P-256 ${form.replace(/[()#]/g, '\\$&')}: `),
    );
  },
);
