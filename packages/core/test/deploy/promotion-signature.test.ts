/**
 * The deploy gate with `promotion-public-key`: promotion records stored in an in-memory registry
 * exactly as promote-digest stores them (storeEvidence), then looked up by requirePromotions.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { requirePromotions, NotPromotedError } from '../../src/deploy/promotion.js';
import { envelopeOf, keyId, signEnvelope, type DsseEnvelope } from '../../src/evidence/dsse.js';
import { laneStatement, promotionStatement } from '../../src/evidence/statement.js';
import { storeEvidence } from '../../src/evidence/store.js';
import type { EvidenceRegistry } from '../../src/evidence/registry.js';
import { parseImageSet } from '../../src/inputs.js';
import { silentLog } from '../../src/log.js';
import { recordingLog } from '../support/log.js';
import { FakeRegistry, OCI_MANIFEST } from '../evidence/fake-registry.js';

const A = 'sha256:' + 'a'.repeat(64);
const B = 'sha256:' + 'b'.repeat(64);
const C1 = '1'.repeat(40);
const REGISTRY = '127.0.0.1:5000';
const REPO = 'app/backend';

function keyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}
const ours = keyPair();
const theirs = keyPair();

/** Registry with the referrers API, holding what storeEvidence writes, and images A and B. */
function memoryRegistry(): FakeRegistry {
  const registry = new FakeRegistry();
  registry.referrersApi = true;
  // Stand-ins for the images: storeEvidence reads the subject's media type and size.
  for (const digest of [A, B]) {
    registry.manifests.set(`${REPO}@${digest}`, {
      bytes: Buffer.from(JSON.stringify({ schemaVersion: 2, layers: [] })),
      mediaType: OCI_MANIFEST,
    });
  }
  return registry;
}

/** A PASSED promotion record of `backend` at `digest` (and more images), wrapped as promote-digest wraps it. */
function record(
  digest: string,
  time = '2026-03-01T12:00:00Z',
  more: Array<[name: string, digest: string]> = [],
): DsseEnvelope {
  return envelopeOf(
    promotionStatement({
      images: [
        { name: 'backend', digest, repository: `${REGISTRY}/${REPO}` },
        ...more.map(([name, d]) => ({ name, digest: d, repository: `${REGISTRY}/${REPO}` })),
      ],
      commit: C1,
      runUrl: 'http://ci/1',
      timeVerified: new Date(time),
      env: {},
    }),
  );
}

async function registryWith(...records: Array<[digest: string, envelope: DsseEnvelope]>) {
  const registry = memoryRegistry();
  for (const [digest, envelope] of records) {
    await storeEvidence(registry, REPO, digest, envelope, { settleMs: () => 0 });
  }
  return registry;
}

const backend = parseImageSet(`backend=${REGISTRY}/${REPO}@${A}`, 'images');
const ourId = keyId(ours.publicPem).slice(0, 12);

async function gate(
  registry: EvidenceRegistry,
  publicKey: string | undefined,
  images = backend,
): Promise<{ result?: Awaited<ReturnType<typeof requirePromotions>>; error?: unknown; warnings: string[] }> {
  const log = recordingLog();
  const warnings = (): string[] => log.lines.filter((l) => l.level === 'warning').map((l) => l.line);
  try {
    const result = await requirePromotions(images, {
      clientFor: () => registry,
      log,
      trust: publicKey !== undefined ? { key: publicKey } : { unsignedAllowed: true },
    });
    return { result, warnings: warnings() };
  } catch (error) {
    return { error, warnings: warnings() };
  }
}

describe('requirePromotions with the promotion key', () => {
  it('admits a record signed by that key, without a warning', async () => {
    const registry = await registryWith([A, signEnvelope(record(A), ours.privatePem)]);
    const { result, error, warnings } = await gate(registry, ours.publicPem);
    expect(error).toBeUndefined();
    expect(result).toEqual([
      expect.objectContaining({
        name: 'backend',
        digest: A,
        commit: C1,
        reference: `${REGISTRY}/${REPO}@${A}`,
      }),
    ]);
    expect(warnings).toEqual([]);
  });

  it('refuses an unsigned record, naming the image, its digest and why', async () => {
    const registry = await registryWith([A, record(A)]);
    const { result, error } = await gate(registry, ours.publicPem);
    expect(result).toBeUndefined();
    expect(error).toBeInstanceOf(NotPromotedError);
    const problems = (error as NotPromotedError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^backend=127\\.0\\.0\\.1:5000/app/backend@${A}: no passing promotion record signed by the promotion key ${ourId}… \\(record sha256:[0-9a-f]{12}… is unsigned\\)`,
      ),
    );
    expect((error as Error).message).toContain('not promoted (nothing was changed)');
  });

  it('refuses a record signed by another key', async () => {
    const registry = await registryWith([A, signEnvelope(record(A), theirs.privatePem)]);
    const { error } = await gate(registry, ours.publicPem);
    expect(error).toBeInstanceOf(NotPromotedError);
    expect((error as NotPromotedError).problems[0]).toMatch(
      new RegExp(
        `^backend=\\S+@${A}: no passing promotion record signed by the promotion key ${ourId}… \\(record sha256:[0-9a-f]{12}… is not signed by the promotion key ${ourId}…\\)`,
      ),
    );
  });

  it('refuses a signed record whose payload was changed after signing', async () => {
    const signed = signEnvelope(record(A), ours.privatePem);
    const forged = { ...record(A, '2026-03-02T12:00:00Z'), signatures: signed.signatures };
    const registry = await registryWith([A, forged]);
    const { error } = await gate(registry, ours.publicPem);
    expect((error as NotPromotedError).problems[0]).toContain(`is not signed by the promotion key ${ourId}`);
  });

  it('a newer forged record does not hide the signed one, and every image is judged', async () => {
    const together = (time: string) => record(A, time, [['web', B]]);
    const signed = signEnvelope(together('2026-03-01T10:00:00Z'), ours.privatePem);
    const registry = await registryWith(
      [A, signed],
      [A, signEnvelope(together('2026-03-01T12:00:00Z'), theirs.privatePem)],
      [B, together('2026-03-01T10:00:00Z')],
    );
    const both = parseImageSet(`backend=${REGISTRY}/${REPO}@${A}\nweb=${REGISTRY}/${REPO}@${B}`, 'images');
    const { error } = await gate(registry, ours.publicPem, both);
    const problems = (error as NotPromotedError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^web=\\S+@${B}: .*is unsigned`));
    const { result } = await gate(await registryWith([A, signed], [B, signed]), ours.publicPem, both);
    expect(result?.[0]?.timeVerified).toBe('2026-03-01T10:00:00.000Z');
  });

  it('refuses a public key that is not P-256 before asking any registry', async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    let asked = false;
    await expect(
      requirePromotions(backend, {
        log: silentLog,
        trust: { key: pem },
        clientFor: () => {
          asked = true;
          return memoryRegistry();
        },
      }),
    ).rejects.toThrow(/ECDSA P-256/);
    expect(asked).toBe(false);
  });
});

describe('requirePromotions with allow-unsigned', () => {
  it('accepts unsigned and otherwise signed records, and warns that nothing is verified', async () => {
    for (const envelope of [record(A), signEnvelope(record(A), theirs.privatePem)]) {
      const { result, error, warnings } = await gate(await registryWith([A, envelope]), undefined);
      expect(error).toBeUndefined();
      expect(result?.map((r) => r.digest)).toEqual([A]);
      expect(warnings).toEqual([
        expect.stringMatching(
          /^UNSIGNED PROMOTION RECORDS ALLOWED \(allow-unsigned\): promotion records are not verified/,
        ),
      ]);
    }
  });
});

describe('separate keys', () => {
  it('refuses a promotion-lane statement signed by a lane key, not the promotion key', async () => {
    const laneKey = theirs;
    const registry = await registryWith([A, signEnvelope(record(A), laneKey.privatePem)]);
    const { error } = await gate(registry, ours.publicPem);
    expect(error).toBeInstanceOf(NotPromotedError);
    expect((error as NotPromotedError).problems[0]).toMatch(/is not signed by the promotion key/);
  });

  it('refuses lane evidence signed by the promotion key: only promotion-lane records admit', async () => {
    const e2e = laneStatement({
      lane: 'e2e',
      images: [{ name: 'backend', digest: A, repository: `${REGISTRY}/${REPO}` }],
      commit: C1,
      env: {},
    });
    const registry = await registryWith([A, signEnvelope(envelopeOf(e2e), ours.privatePem)]);
    const { error } = await gate(registry, ours.publicPem);
    expect((error as NotPromotedError).problems[0]).toMatch(
      /no passing promotion record signed by the promotion key [0-9a-f]{12}… in 127\.0\.0\.1:5000\/app\/backend$/,
    );
  });
});

describe('promoted together', () => {
  const both = parseImageSet(`backend=${REGISTRY}/${REPO}@${A}\nweb=${REGISTRY}/${REPO}@${B}`, 'images');
  const sign = (e: DsseEnvelope) => signEnvelope(e, ours.privatePem);

  it('admits two images by the one record that promoted exactly them, and names that record for both', async () => {
    const together = sign(record(A, '2026-03-01T12:00:00Z', [['web', B]]));
    const { result, error } = await gate(
      await registryWith([A, together], [B, together]),
      ours.publicPem,
      both,
    );
    expect(error).toBeUndefined();
    expect(result).toHaveLength(2);
    expect(result![0]!.record).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result![1]!.record).toBe(result![0]!.record);
    expect(result![0]!.evidence).not.toBe(result![1]!.evidence);
  });

  it('refuses images of two different promotions, naming both records, before any change', async () => {
    // backend promoted with an older web (C), web promoted with an older backend (D): each record is
    // signed and passing, but none promoted the deployed pair.
    const C = 'sha256:' + 'c'.repeat(64);
    const D = 'sha256:' + 'd'.repeat(64);
    const x = sign(record(A, '2026-03-01T10:00:00Z', [['web', C]]));
    const yStatement = promotionStatement({
      images: [
        { name: 'backend', digest: D, repository: `${REGISTRY}/${REPO}` },
        { name: 'web', digest: B, repository: `${REGISTRY}/${REPO}` },
      ],
      commit: '2'.repeat(40),
      runUrl: 'http://ci/2',
      timeVerified: new Date('2026-03-02T10:00:00Z'),
      env: {},
    });
    const y = sign(envelopeOf(yStatement));
    const { error } = await gate(await registryWith([A, x], [B, y]), ours.publicPem, both);
    expect(error).toBeInstanceOf(NotPromotedError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^refusing to deploy: the images come from 2 different promotions \(records sha256:[0-9a-f]{12}…, sha256:[0-9a-f]{12}…\); deploy a set promote-digest promoted together \(nothing was changed\)/,
    );
    const problems = (error as NotPromotedError).problems;
    expect(problems[0]).toMatch(
      /^backend=\S+: not promoted together with the deployed set: its newest record sha256:\w{12}… \(commit 111111111111…, .*\): it was promoted without web@sha256:bbbbbbbbbbbb… and with web@sha256:cccccccccccc…, which is not in the set$/,
    );
    expect(problems[1]).toMatch(
      /^web=\S+: .*record sha256:\w{12}… \(commit 222222222222….*without backend@sha256:aaaaaaaaaaaa…/,
    );
    const [rx, ry] = [problems[0]!, problems[1]!].map((p) => /record (sha256:\w{12})/.exec(p)![1]);
    expect(rx).not.toBe(ry);
  });

  it('refuses a record of a larger set, and a record naming the digests under other names', async () => {
    const larger = sign(
      record(A, '2026-03-01T12:00:00Z', [
        ['web', B],
        ['worker', 'sha256:' + 'f'.repeat(64)],
      ]),
    );
    const { error } = await gate(await registryWith([A, larger], [B, larger]), ours.publicPem, both);
    expect((error as NotPromotedError).problems[0]).toMatch(
      /promoted with worker@sha256:ffffffffffff…, which is not in the set/,
    );
    const renamed = parseImageSet(`api=${REGISTRY}/${REPO}@${A}\nweb=${REGISTRY}/${REPO}@${B}`, 'images');
    const together = sign(record(A, '2026-03-01T12:00:00Z', [['web', B]]));
    const second = await gate(await registryWith([A, together], [B, together]), ours.publicPem, renamed);
    expect((second.error as NotPromotedError).problems[0]).toMatch(
      /^api=\S+: .*promoted without api@sha256:aaaaaaaaaaaa… and with backend@/,
    );
  });

  it('the same set promoted twice: the newest record attached to both wins', async () => {
    const first = sign(record(A, '2026-03-01T10:00:00Z', [['web', B]]));
    const second = sign(record(A, '2026-03-01T11:00:00Z', [['web', B]]));
    // web lost the second record's index entry: only the first is attached to both.
    const registry = await registryWith([A, first], [A, second], [B, first]);
    const { result } = await gate(registry, ours.publicPem, both);
    expect(result?.map((r) => r.timeVerified)).toEqual([
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
    ]);
    const all = await gate(
      await registryWith([A, first], [A, second], [B, first], [B, second]),
      ours.publicPem,
      both,
    );
    expect(all.result?.map((r) => r.timeVerified)).toEqual([
      '2026-03-01T11:00:00.000Z',
      '2026-03-01T11:00:00.000Z',
    ]);
  });
});
