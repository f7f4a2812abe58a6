import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '@digestline/core/errors';
import { getInputs } from '../src/context.js';

const A = 'sha256:' + 'a'.repeat(64);
const C1 = '1'.repeat(40);
const pair = () =>
  generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const lane = pair();
const rotated = pair();
const promotion = pair();

describe('promote-digest getInputs', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });
  const setInputs = (inputs: Record<string, string>): void => {
    for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
    const all = {
      images: `web=127.0.0.1:5000/app/web@${A}`,
      target: '127.0.0.1:5000/staging/{name}',
      commit: C1,
      ...inputs,
    };
    for (const [k, v] of Object.entries(all)) process.env[`INPUT_${k.toUpperCase()}`] = v;
  };
  const env = (over: Record<string, string> = {}): NodeJS.ProcessEnv => ({ GITHUB_RUN_ID: '42', ...over });

  it('reads lane keys (several, for rotation), the evidence run from GITHUB_RUN_ID and the signing key', async () => {
    setInputs({
      'lane-public-keys': `${lane.publicKey}${rotated.publicKey}`,
      'signing-key': promotion.privateKey,
    });
    const inputs = await getInputs(env());
    expect(inputs).toMatchObject({
      laneKeys: [lane.publicKey.trim(), rotated.publicKey.trim()],
      allowUnsigned: false,
      evidenceRun: '42',
      signingKey: promotion.privateKey.trim(),
    });
  });

  it('evidence-run overrides GITHUB_RUN_ID', async () => {
    setInputs({ 'lane-public-keys': lane.publicKey, 'evidence-run': '7' });
    expect((await getInputs(env())).evidenceRun).toBe('7');
  });

  it('allow-unsigned: true stands in for the keys', async () => {
    setInputs({ 'allow-unsigned': 'true' });
    expect(await getInputs(env())).toMatchObject({ laneKeys: [], allowUnsigned: true });
  });

  it.each([
    [{}, env(), 'lane-public-keys', /^input "lane-public-keys" is required: .*or set "allow-unsigned: true"/],
    [{ 'allow-unsigned': 'false' }, env(), 'lane-public-keys', /input "lane-public-keys" is required/],
    [
      { 'lane-public-keys': lane.publicKey, 'allow-unsigned': 'true' },
      env(),
      'allow-unsigned',
      /exclude each other/,
    ],
    [{ 'allow-unsigned': 'yes' }, env(), 'allow-unsigned', /input "allow-unsigned" must be true or false/],
    [{ 'lane-public-keys': lane.privateKey }, env(), 'lane-public-keys', /holds a PRIVATE key/],
    [
      { 'lane-public-keys': lane.publicKey },
      {},
      'evidence-run',
      /^input "evidence-run" is required outside a CI run/,
    ],
    [
      { 'lane-public-keys': lane.publicKey, 'evidence-run': '4 2' },
      env(),
      'evidence-run',
      /must be a CI run id/,
    ],
    [
      { 'lane-public-keys': lane.publicKey, 'signing-key': promotion.publicKey },
      env(),
      'signing-key',
      /holds a public key/,
    ],
  ])('refuses %j (env %j), naming input %s', async (inputs, environment, input, message) => {
    setInputs(inputs);
    const err = await getInputs(environment).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe(input);
    expect((err as Error).message).toMatch(message);
  });
});
