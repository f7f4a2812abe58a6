import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Inputs, MODES, Outputs } from '../src/constants.js';
import { defaultStateDir, getInputs } from '../src/context.js';

const A = 'sha256:' + 'a'.repeat(64);
const C1 = '1'.repeat(40);
const pem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }) as string;
const P256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const P256_PUBLIC = pem(P256.publicKey);
const P256_PRIVATE = P256.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const ED25519_PUBLIC = pem(generateKeyPairSync('ed25519').publicKey);

describe('deploy-staging action.yml, constants.ts and getInputs', () => {
  const meta = parse(readFileSync(join(import.meta.dirname, '../action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, unknown>;
  };
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });
  const setInputs = (inputs: Record<string, string>): void => {
    for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
    for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
  };

  it('name the same inputs and outputs, and the mode default is a mode', () => {
    expect(Object.values(Inputs).sort()).toEqual(Object.keys(meta.inputs).sort());
    expect(Object.values(Outputs).sort()).toEqual(Object.keys(meta.outputs).sort());
    expect(MODES).toContain(meta.inputs['mode']?.default);
  });

  it('reads a deploy with defaults', async () => {
    setInputs({
      stack: '/s.yaml',
      images: `backend=r.example/app@${A}`,
      'promotion-public-key': P256_PUBLIC,
    });
    process.env.DIGESTLINE_STATE_DIR = '/var/lib/dl';
    process.env.GITHUB_SHA = C1;
    const inputs = await getInputs();
    expect(inputs).toMatchObject({
      promotionKey: P256_PUBLIC.trim(),
      allowUnsigned: false,
      mode: 'deploy',
      environment: 'staging',
      stack: '/s.yaml',
      soakMs: 30_000,
      autoRollback: true,
      requireDigests: false,
      stateDir: '/var/lib/dl/staging',
      engine: 'auto',
      commit: C1,
      healthChecks: [],
    });
  });

  it('reads require-digests', async () => {
    setInputs({
      stack: '/s.yaml',
      images: `backend=r.example/app@${A}`,
      'allow-unsigned': 'true',
      'require-digests': 'true',
    });
    expect(await getInputs()).toMatchObject({ requireDigests: true });
  });

  it('reads allow-host-paths, allow-privileged and writable-bind-mounts (all false by default)', async () => {
    const base = { stack: '/s.yaml', images: `backend=r.example/app@${A}`, 'allow-unsigned': 'true' };
    setInputs(base);
    expect((await getInputs()).allow).toEqual({ hostPaths: false, privileged: false, writableBinds: false });
    setInputs({
      ...base,
      'allow-host-paths': 'true',
      'allow-privileged': 'true',
      'writable-bind-mounts': 'true',
    });
    expect((await getInputs()).allow).toEqual({ hostPaths: true, privileged: true, writableBinds: true });
    setInputs({ ...base, 'allow-privileged': 'yes' });
    await expect(getInputs()).rejects.toThrow(/input "allow-privileged"/);
  });

  it.each([
    [{ stack: '/s.yaml' }, /input "images" is required/],
    [{ images: `backend=r.example/app@${A}` }, /input "stack" is required/],
    [{ stack: '/s', images: 'backend=r.example/app:v1' }, /tags are refused/],
    [{ stack: '/s', images: `backend=r.example/app@${A}`, environment: 'Staging!' }, /input "environment"/],
    [
      { stack: '/s', images: `backend=r.example/app@${A}`, mode: 'destroy' },
      /mode.*deploy, rollback, status/,
    ],
    [{ stack: '/s', images: `backend=r.example/app@${A}`, to: 'x' }, /"to" is only used with mode rollback/],
    [{ mode: 'rollback', images: `backend=r.example/app@${A}` }, /only used with mode deploy/],
    [{ mode: 'status', 'events-webhook': 'not a url' }, /"events-webhook" must be an http or https URL/],
    [{ mode: 'status', 'health-checks': 'http://h/x 99' }, /input "health-checks" line/],
    [{ mode: 'status', soak: '30' }, /input "soak" .*add a unit/],
    [{ mode: 'status', 'require-digests': 'yes' }, /input "require-digests"/],
    [
      { mode: 'status', 'promotion-public-key': 'not a key' },
      /input "promotion-public-key" must be a PEM ECDSA P-256 public key/,
    ],
    [
      { mode: 'status', 'promotion-public-key': ED25519_PUBLIC },
      /input "promotion-public-key" must be .*ECDSA P-256.*got ed25519/,
    ],
    [
      { stack: '/s', images: `backend=r.example/app@${A}` },
      /^input "promotion-public-key" is required: .*or set "allow-unsigned: true"/,
    ],
    [
      { stack: '/s', images: `backend=r.example/app@${A}`, 'promotion-public-key': P256_PRIVATE },
      /^input "promotion-public-key" holds a PRIVATE key/,
    ],
    [
      {
        stack: '/s',
        images: `backend=r.example/app@${A}`,
        'promotion-public-key': P256_PUBLIC,
        'allow-unsigned': 'true',
      },
      /inputs "promotion-public-key" and "allow-unsigned: true" exclude each other/,
    ],
  ])('refuses %j', async (inputs, error) => {
    setInputs(inputs);
    await expect(getInputs()).rejects.toThrow(error);
  });

  it('allow-unsigned: true stands in for the key in a deploy; rollback and status need neither', async () => {
    setInputs({ stack: '/s.yaml', images: `backend=r.example/app@${A}`, 'allow-unsigned': 'true' });
    expect(await getInputs()).toMatchObject({ allowUnsigned: true });
    setInputs({ mode: 'rollback' });
    expect((await getInputs()).promotionKey).toBeUndefined();
    setInputs({ mode: 'status' });
    expect((await getInputs()).mode).toBe('status');
  });

  it('state dir defaults to XDG state home', () => {
    expect(defaultStateDir('staging', { HOME: '/home/u' })).toBe('/home/u/.local/state/digestline/staging');
    expect(defaultStateDir('qa', { XDG_STATE_HOME: '/x' })).toBe('/x/digestline/qa');
  });
});
