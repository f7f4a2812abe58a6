import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { InputError } from '../src/errors.js';
import { getPemKey, getPemKeys } from '../src/keys.js';
import { stepIo } from './support/step-io.js';

const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const privatePem = p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const sec1Pem = p256.privateKey.export({ type: 'sec1', format: 'pem' }).toString();
const publicPem = p256.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const other = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();
const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const edPublic = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

const io = stepIo('keys');
const stub = (name: string, value: string): void => {
  process.env[`INPUT_${name.toUpperCase()}`] = value;
};
const masked = (): string[] =>
  io.stdout
    .split('\n')
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) =>
      l.slice('::add-mask::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'),
    );
async function refusal(run: () => Promise<unknown>): Promise<InputError> {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

describe('getPemKey', () => {
  test('an empty key input means no key', async () => {
    stub('signing-key', '');
    expect(await getPemKey('signing-key', 'private')).toBeUndefined();
  });

  test('reads a P-256 private key and a P-256 public key', async () => {
    stub('signing-key', privatePem);
    stub('promotion-public-key', publicPem);
    expect(await getPemKey('signing-key', 'private')).toBe(privatePem.trim());
    expect(await getPemKey('promotion-public-key', 'public')).toBe(publicPem.trim());
  });

  test.each([
    ['signing-key', 'private' as const, ed, 'private key (PKCS#8 or SEC1)'],
    ['signing-key', 'private' as const, 'not a key', 'private key (PKCS#8 or SEC1)'],
    ['promotion-public-key', 'public' as const, edPublic, 'public key (SPKI'],
    ['promotion-public-key', 'public' as const, 'not a key', 'public key (SPKI'],
  ])(
    'refuses %s that is not a P-256 %s key, naming the input and the form',
    async (name, kind, value, form) => {
      stub(name, value);
      const err = await refusal(() => getPemKey(name, kind));
      expect(err.input).toBe(name);
      expect(err.message).toContain(`input "${name}" must be a PEM ECDSA P-256 ${form}`);
    },
  );

  test.each([
    ['PKCS#8', privatePem],
    ['SEC1', sec1Pem],
    ['PKCS#8 relabelled PUBLIC', privatePem.replace(/PRIVATE/g, 'PUBLIC')],
  ])('refuses a %s private key given to a public-key input, and masks it first', async (_what, value) => {
    stub('promotion-public-key', value);
    const err = await refusal(() => getPemKey('promotion-public-key', 'public'));
    expect(err.input).toBe('promotion-public-key');
    expect(err.message).toMatch(
      /^input "promotion-public-key" holds a PRIVATE key; it takes a PEM ECDSA P-256 public key/,
    );
    expect(masked()).toContain(value.trim());
    expect(err.message).not.toContain(value.trim().split('\n')[1]);
  });

  test('refuses a public key given to signing-key', async () => {
    stub('signing-key', publicPem);
    const err = await refusal(() => getPemKey('signing-key', 'private'));
    expect(err.message).toMatch(
      /^input "signing-key" holds a public key; it takes the PEM ECDSA P-256 private key/,
    );
  });
});

describe('getPemKeys', () => {
  test('an empty input is no keys', async () => {
    stub('lane-public-keys', '');
    expect(await getPemKeys('lane-public-keys')).toEqual([]);
  });

  test('splits concatenated public keys, whitespace between them allowed', async () => {
    stub('lane-public-keys', `\n${publicPem}\n\n  ${other}\n`);
    expect(await getPemKeys('lane-public-keys')).toEqual([publicPem.trim(), other.trim()]);
  });

  test.each([
    ['text before a key', `my keys:\n${publicPem}`, /found text outside a PEM block: "my keys:"/],
    ['text between keys', `${publicPem}\n# rotated\n${other}`, /found text outside a PEM block: "# rotated"/],
    [
      'a truncated key',
      `${publicPem}${other.split('\n').slice(0, 2).join('\n')}`,
      /outside a PEM block: "-----BEGIN PUBLIC KEY-----"/,
    ],
    [
      'an empty key',
      `${publicPem}-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n`,
      /\(key 2 of 2\) must be a PEM ECDSA P-256 public key/,
    ],
    ['a non-P-256 key', `${publicPem}${edPublic}`, /\(key 2 of 2\) must be a PEM ECDSA P-256 public key/],
    [
      'the same key twice',
      `${publicPem}${other}${publicPem}`,
      /lists the same key twice \(keys 1 and 3, key id [0-9a-f]{12}…\)/,
    ],
  ])('refuses %s, naming the input', async (_what, value, message) => {
    stub('lane-public-keys', value);
    const err = await refusal(() => getPemKeys('lane-public-keys'));
    expect(err.input).toBe('lane-public-keys');
    expect(err.message).toMatch(/^input "lane-public-keys" /);
    expect(err.message).toMatch(message);
  });

  test('refuses a private key among the public keys, and masks the whole value first', async () => {
    const value = `${publicPem}${privatePem}`;
    stub('lane-public-keys', value);
    const err = await refusal(() => getPemKeys('lane-public-keys'));
    expect(err.message).toMatch(/^input "lane-public-keys" \(key 2 of 2\) holds a PRIVATE key/);
    expect(masked()).toContain(value.trim());
    expect(masked()).toContain(privatePem.trim());
  });
});
