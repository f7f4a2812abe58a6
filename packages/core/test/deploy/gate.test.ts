import { describe, expect, it } from 'vitest';
import { requireStablePorts } from '../../src/deploy/stack-file.js';
import { promotionRecords, requirePromotions } from '../../src/deploy/promotion.js';
import { envelopeOf } from '../../src/evidence/dsse.js';
import { laneStatement, promotionStatement } from '../../src/evidence/statement.js';
import type { EvidenceRegistry } from '../../src/evidence/registry.js';
import type { FoundEvidence } from '../../src/evidence/find.js';
import { parseImageSet } from '../../src/inputs.js';
import { parseDigest } from '../../src/reference.js';
import { silentLog } from '../../src/log.js';
import { RegistryError } from '../../src/registry/errors.js';
import { parseStack } from '../support/stack.js';

const A = 'sha256:' + 'a'.repeat(64);
const B = 'sha256:' + 'b'.repeat(64);
const C1 = '1'.repeat(40);

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

describe('promotionRecords', () => {
  it('lists the passing records for the digest, newest first', () => {
    const picked = promotionRecords(
      [
        found(promotion(A, { time: '2026-03-01T10:00:00Z', commit: '2'.repeat(40) })),
        found(promotion(A, { time: '2026-03-01T12:00:00Z' })),
      ],
      parseDigest(A),
      { unsignedAllowed: true },
    );
    expect(picked.records.map((r) => [r.commit, r.timeVerified])).toEqual([
      [C1, '2026-03-01T12:00:00.000Z'],
      ['2'.repeat(40), '2026-03-01T10:00:00.000Z'],
    ]);
  });

  it.each([
    { what: 'nothing', evidence: [], reason: /^$/ },
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
      reason: /^$/,
    },
    {
      what: 'an unreadable record',
      evidence: [{ descriptor: { mediaType: 'x', digest: B, size: 1 }, via: 'x', error: 'blob gone' }],
      reason: /blob gone/,
    },
  ])('refuses $what', ({ evidence, reason }) => {
    const picked = promotionRecords(evidence, parseDigest(A), { unsignedAllowed: true });
    expect(picked.records).toEqual([]);
    expect(picked.notes.join('; ')).toMatch(reason);
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
        log: silentLog,
        trust: { unsignedAllowed: true },
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

describe('deploy without a promotion key', () => {
  it('refuses before reading the stack, taking the ledger lock or asking a registry', async () => {
    const { deploy } = await import('../../src/deploy/deployer.js');
    const { EventSink } = await import('../../src/deploy/events.js');
    const { mkdtemp, readdir, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'dl-gate-'));
    let asked = false;
    try {
      const options = {
        environment: 'staging',
        stateDir: join(dir, 'state'),
        engine: {} as never,
        events: new EventSink({ log: silentLog }),
        log: silentLog,
        clientFor: () => {
          asked = true;
          return {} as EvidenceRegistry;
        },
      };
      const request = {
        stackFile: join(dir, 'missing.yaml'),
        images: parseImageSet(`backend=127.0.0.1:5000/app@${A}`, 'images'),
        healthChecks: [],
        soakMs: 0,
        autoRollback: false,
      };
      await expect(deploy(options, request)).rejects.toThrow(/^no promotion public key: .*allowUnsigned/);
      await expect(deploy({ ...options, promotionKey: 'k', allowUnsigned: true }, request)).rejects.toThrow(
        /exclude each other/,
      );
      expect(asked).toBe(false);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
