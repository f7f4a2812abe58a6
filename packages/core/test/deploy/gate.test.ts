import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Inputs, MODES, Outputs } from '../../../../actions/deploy-staging/src/constants.js';
import { defaultStateDir, getInputs } from '../../../../actions/deploy-staging/src/context.js';
import { requireStablePorts } from '../../src/deploy/deployer.js';
import { pickPromotion, requirePromotions } from '../../src/deploy/promotion.js';
import { envelopeOf } from '../../src/evidence/dsse.js';
import { laneStatement, promotionStatement } from '../../src/evidence/statement.js';
import type { EvidenceRegistry, FoundEvidence } from '../../src/evidence/store.js';
import { parseImageSet } from '../../src/inputs.js';
import { RegistryError } from '../../src/registry/client.js';
import { parseStack } from '../../src/stack/spec.js';

const A = 'sha256:' + 'a'.repeat(64);
const B = 'sha256:' + 'b'.repeat(64);
const C1 = '1'.repeat(40);
const pem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }) as string;
const P256_PUBLIC = pem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey);
const ED25519_PUBLIC = pem(generateKeyPairSync('ed25519').publicKey);

function found(
  statement: ReturnType<typeof promotionStatement>,
  digest = 'sha256:' + 'e'.repeat(64),
): FoundEvidence {
  return { descriptor: { mediaType: 'x', digest, size: 1 }, via: 'tag:x', envelope: envelopeOf(statement) };
}

function promotion(
  digest: string,
  opts: { time?: string; result?: 'PASSED' | 'FAILED'; commit?: string } = {},
) {
  return promotionStatement({
    images: [{ name: 'backend', digest, repository: 'r/app' }],
    commit: opts.commit ?? C1,
    runUrl: 'http://ci/1',
    ...(opts.result !== undefined ? { result: opts.result } : {}),
    timeVerified: new Date(opts.time ?? '2026-03-01T12:00:00Z'),
    env: {},
  });
}

describe('pickPromotion', () => {
  it('takes the newest passing record for the digest', () => {
    const picked = pickPromotion(
      [
        found(promotion(A, { time: '2026-03-01T10:00:00Z', commit: '2'.repeat(40) })),
        found(promotion(A, { time: '2026-03-01T12:00:00Z' })),
      ],
      A,
    );
    expect(picked).toEqual({
      info: expect.objectContaining({ commit: C1, timeVerified: '2026-03-01T12:00:00.000Z' }),
    });
  });

  it.each([
    { what: 'nothing', evidence: [], reason: /^no promotion record$/ },
    { what: 'a failed record', evidence: [found(promotion(A, { result: 'FAILED' }))], reason: /is FAILED/ },
    {
      what: 'a record of another digest',
      evidence: [found(promotion(B))],
      reason: /does not name this digest/,
    },
    {
      what: 'other lanes only',
      evidence: [
        found(
          laneStatement({
            lane: 'e2e',
            images: [{ name: 'backend', digest: A, repository: 'r/app' }],
            commit: C1,
            checks: [],
            env: {},
          }) as ReturnType<typeof promotionStatement>,
        ),
      ],
      reason: /^no promotion record$/,
    },
    {
      what: 'an unreadable record',
      evidence: [{ descriptor: { mediaType: 'x', digest: B, size: 1 }, via: 'x', error: 'blob gone' }],
      reason: /blob gone/,
    },
  ])('refuses $what', ({ evidence, reason }) => {
    const picked = pickPromotion(evidence, A);
    expect('reason' in picked && picked.reason).toMatch(reason);
  });
});

describe('requirePromotions', () => {
  const empty: EvidenceRegistry = {
    referrers: async () => null,
    getManifest: async (repo: string, ref: string) => {
      throw new RegistryError('GET', `${repo}/${ref}`, 404, 'MANIFEST_UNKNOWN', undefined, '404');
    },
  } as unknown as EvidenceRegistry;

  it('names every image without a record and asks each registry', async () => {
    const asked: string[] = [];
    const set = parseImageSet(
      `backend=127.0.0.1:5000/app/backend@${A}\nweb=localhost:5001/app/web@${B}`,
      'images',
    );
    await expect(
      requirePromotions(set, {
        clientFor: (registry) => {
          asked.push(registry);
          return empty;
        },
        warn: () => {},
      }),
    ).rejects.toThrow(
      /2 images are not promoted \(nothing was changed\):\nbackend=127\.0\.0\.1:5000\/app\/backend@sha256:a+: no promotion record in 127\.0\.0\.1:5000\/app\/backend\nweb=/,
    );
    expect(asked.sort()).toEqual(['127.0.0.1:5000', 'localhost:5001']);
  });
});

describe('requireStablePorts', () => {
  const images = parseImageSet(`backend=127.0.0.1:5000/app@${A}`, 'images');
  it('accepts fixed host ports and refuses engine-picked ones', () => {
    const fixed = parseStack(
      "services:\n  backend:\n    image: ${BACKEND_IMAGE}\n    ports: ['127.0.0.1:18080:8080']\n",
      's.yaml',
      images,
    );
    expect(() => requireStablePorts(fixed)).not.toThrow();
    const loose = parseStack(
      "services:\n  backend:\n    image: ${BACKEND_IMAGE}\n    ports: ['8080']\n",
      's.yaml',
      images,
    );
    expect(() => requireStablePorts(loose)).toThrow(
      /s\.yaml: .*fixed host ports.*backend \(container port 8080\)/,
    );
  });
});

describe('deploy-staging action.yml, constants.ts and getInputs', () => {
  const meta = parse(
    readFileSync(join(import.meta.dirname, '../../../../actions/deploy-staging/action.yml'), 'utf8'),
  ) as { inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> };
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
    setInputs({ stack: '/s.yaml', images: `backend=r.example/app@${A}` });
    process.env.DIGESTLINE_STATE_DIR = '/var/lib/dl';
    process.env.GITHUB_SHA = C1;
    const inputs = await getInputs();
    expect(inputs.publicKey).toBeUndefined();
    expect(inputs).toMatchObject({
      mode: 'deploy',
      environment: 'staging',
      stack: '/s.yaml',
      soakMs: 30_000,
      autoRollback: true,
      stateDir: '/var/lib/dl/staging',
      engine: 'auto',
      commit: C1,
      healthChecks: [],
    });
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
    [
      { mode: 'status', 'public-key': 'not a key' },
      /input "public-key" must be a PEM ECDSA P-256 public key/,
    ],
    [
      { mode: 'status', 'public-key': ED25519_PUBLIC },
      /input "public-key" must be .*ECDSA P-256.*got ed25519/,
    ],
  ])('refuses %j', async (inputs, error) => {
    setInputs(inputs);
    await expect(getInputs()).rejects.toThrow(error);
  });

  it('reads a P-256 public key', async () => {
    setInputs({ stack: '/s.yaml', images: `backend=r.example/app@${A}`, 'public-key': P256_PUBLIC });
    expect((await getInputs()).publicKey).toBe(P256_PUBLIC.trim());
  });

  it('state dir defaults to XDG state home', () => {
    expect(defaultStateDir('staging', { HOME: '/home/u' })).toBe('/home/u/.local/state/digestline/staging');
    expect(defaultStateDir('qa', { XDG_STATE_HOME: '/x' })).toBe('/x/digestline/qa');
  });
});
