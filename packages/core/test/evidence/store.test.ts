import { describe, expect, it } from 'vitest';
import { digestOf } from '../../src/registry/digest.js';
import { envelopeOf } from '../../src/evidence/dsse.js';
import { laneStatement, sourceStatement } from '../../src/evidence/statement.js';
import { storeEvidence, storeSourceEvidence } from '../../src/evidence/store.js';
import { FakeRegistry, OCI_MANIFEST } from './fake-registry.js';
import {
  buildEvidenceManifest,
  DSSE_MEDIA_TYPE,
  EMPTY_DESCRIPTOR,
  EVIDENCE_ARTIFACT_TYPE,
} from '../../src/evidence/artifact.js';
import { evidenceRepository, fallbackTag, sourceEvidenceTag } from '../../src/evidence/location.js';
import { findEvidence, findSourceEvidence } from '../../src/evidence/find.js';
import { mergeReferrer } from '../../src/evidence/referrers-index.js';
import { referrersOf } from '../../src/evidence/registry.js';

const SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';

const REPO = 'app/web';
const fast = { settleMs: () => 1 };

function evidenceFor(digest: string, lane: 'integration' | 'e2e', runUrl = 'https://ci/run/1') {
  return envelopeOf(
    laneStatement({
      lane,
      images: [{ name: 'web', digest, repository: `127.0.0.1:5000/${REPO}` }],
      commit: SHA,
      runUrl,
      env: {},
      timeVerified: new Date('2026-01-02T00:00:00Z'),
    }),
  );
}

describe('pure helpers', () => {
  it('names tags and repositories', () => {
    expect(fallbackTag(`sha256:${'a'.repeat(64)}`)).toBe(`sha256-${'a'.repeat(64)}`);
    expect(sourceEvidenceTag(SHA)).toBe(`commit-${SHA}.source`);
    expect(() => sourceEvidenceTag('HEAD')).toThrow(/commit "HEAD"/);
    expect(evidenceRepository('org/app/web')).toBe('org/app/evidence');
    expect(evidenceRepository('web')).toBe('evidence');
  });

  it('builds the artifact manifest with empty config, one DSSE layer, subject and annotations', () => {
    const subject = { mediaType: OCI_MANIFEST, digest: `sha256:${'c'.repeat(64)}`, size: 123 };
    const env = evidenceFor(subject.digest, 'e2e');
    const built = buildEvidenceManifest(env, { subject });
    expect(EMPTY_DESCRIPTOR).toEqual({
      mediaType: 'application/vnd.oci.empty.v1+json',
      digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
      size: 2,
    });
    expect(built.manifest).toEqual({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: EVIDENCE_ARTIFACT_TYPE,
      config: EMPTY_DESCRIPTOR,
      layers: [{ mediaType: DSSE_MEDIA_TYPE, digest: digestOf(built.layer), size: built.layer.length }],
      subject,
      annotations: {
        'dev.digestline.lane': 'e2e',
        'dev.digestline.commit': SHA,
        'org.opencontainers.image.created': '2026-01-02T00:00:00.000Z',
      },
    });
    expect(JSON.parse(built.layer.toString())).toEqual(env);
    expect(built.digest).toBe(digestOf(built.bytes));
    expect(built.descriptor).toMatchObject({ digest: built.digest, artifactType: EVIDENCE_ARTIFACT_TYPE });
  });

  it('merges a descriptor once, keeping other entries and fields', () => {
    const a = { mediaType: OCI_MANIFEST, digest: `sha256:${'1'.repeat(64)}`, size: 1 };
    const b = { mediaType: OCI_MANIFEST, digest: `sha256:${'2'.repeat(64)}`, size: 1 };
    const first = mergeReferrer(undefined, a)!;
    expect(first).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [a],
    });
    expect(mergeReferrer(first, a)).toBeUndefined();
    expect(mergeReferrer({ ...first, annotations: { x: 'y' } }, b)).toMatchObject({
      manifests: [a, b],
      annotations: { x: 'y' },
    });
  });
});

describe('storeEvidence and findEvidence (fallback tag)', () => {
  it('stores, lists in the fallback index, is idempotent and found again', async () => {
    const reg = new FakeRegistry();
    const digest = reg.addImage(REPO);
    const env = evidenceFor(digest, 'integration');
    const stored = await storeEvidence(reg, REPO, digest, env, fast);
    expect(stored.discoverableVia).toBe(`tag:${fallbackTag(digest)}`);
    expect(reg.fallbackIndex(REPO, digest)?.manifests?.map((m) => m.digest)).toEqual([stored.digest]);
    await storeEvidence(reg, REPO, digest, env, fast);
    expect(reg.fallbackIndex(REPO, digest)?.manifests).toHaveLength(1);
    const found = await findEvidence(reg, REPO, digest);
    expect(found).toHaveLength(1);
    expect(found[0]!.envelope).toEqual(env);
    expect(found[0]!.via).toBe(`tag:${fallbackTag(digest)}`);
    expect(await findEvidence(reg, REPO, digest, { lane: 'e2e' })).toEqual([]);
  });

  it('finds nothing (not an error) when there is no fallback index', async () => {
    const reg = new FakeRegistry();
    expect(await findEvidence(reg, REPO, reg.addImage(REPO))).toEqual([]);
  });

  it('refuses evidence whose subjects do not include the digest', async () => {
    const reg = new FakeRegistry();
    const digest = reg.addImage(REPO);
    const other = reg.addImage(REPO, 'other');
    await expect(storeEvidence(reg, REPO, other, evidenceFor(digest, 'e2e'), fast)).rejects.toThrow(
      `does not name ${other} among its subjects`,
    );
  });

  it('does not lose entries when two lanes store concurrently', async () => {
    const reg = new FakeRegistry();
    const digest = reg.addImage(REPO);
    // Both writers read the empty index before either put lands: the classic lost update.
    let n = 0;
    reg.tagPutDelay = () => (n++ === 0 ? 30 : 5);
    const [a, b] = await Promise.all([
      storeEvidence(reg, REPO, digest, evidenceFor(digest, 'integration'), { settleMs: () => 50 }),
      storeEvidence(reg, REPO, digest, evidenceFor(digest, 'e2e'), { settleMs: () => 50 }),
    ]);
    const listed = reg
      .fallbackIndex(REPO, digest)!
      .manifests!.map((m) => m.digest)
      .sort();
    expect(listed).toEqual([a.digest, b.digest].sort());
    expect(a.mergeRounds + b.mergeRounds).toBeGreaterThan(2);
  });

  it('reports a tampered envelope blob and an index entry pointing elsewhere', async () => {
    const reg = new FakeRegistry();
    const digest = reg.addImage(REPO);
    const stored = await storeEvidence(reg, REPO, digest, evidenceFor(digest, 'e2e'), fast);
    const manifest = (await reg.getManifest(REPO, stored.digest)).json;
    const layer = manifest.layers![0]!;
    reg.blobs.set(`${REPO}@${layer.digest}`, Buffer.from(JSON.stringify(evidenceFor(digest, 'integration'))));
    const [found] = await findEvidence(reg, REPO, digest);
    expect(found!.envelope).toBeUndefined();
    expect(found!.error).toMatch(/envelope blob hashes to sha256:[0-9a-f]{64}, expected/);

    // Evidence about another image copied into this digest's index must not count for it.
    const other = reg.addImage(REPO, 'other');
    const foreign = await storeEvidence(reg, REPO, other, evidenceFor(other, 'e2e'), fast);
    const index = reg.fallbackIndex(REPO, digest)!;
    index.manifests = [foreign.descriptor];
    await reg.putManifest(
      REPO,
      fallbackTag(digest),
      Buffer.from(JSON.stringify(index)),
      'application/vnd.oci.image.index.v1+json',
    );
    const [wrong] = await findEvidence(reg, REPO, digest);
    expect(wrong!.error).toMatch(`its subject is ${other}, not ${digest}`);
  });
});

describe('with a referrers API', () => {
  it('does not write a fallback tag and finds through the API', async () => {
    const reg = new FakeRegistry();
    reg.referrersApi = true;
    const digest = reg.addImage(REPO);
    const stored = await storeEvidence(reg, REPO, digest, evidenceFor(digest, 'e2e'), fast);
    expect(stored.discoverableVia).toBe('referrers-api');
    expect(reg.fallbackIndex(REPO, digest)).toBeUndefined();
    const found = await findEvidence(reg, REPO, digest, { lane: 'e2e' });
    expect(found.map((f) => [f.via, f.descriptor.digest])).toEqual([['referrers-api', stored.digest]]);
  });
});

describe('source evidence', () => {
  it('is stored under commit-<sha>.source and found from the commit', async () => {
    const reg = new FakeRegistry();
    const env = envelopeOf(sourceStatement({ commit: SHA, env: {} }));
    const stored = await storeSourceEvidence(reg, 'app/evidence', env);
    expect(reg.tags.get(`app/evidence@commit-${SHA}.source`)).toBe(stored.digest);
    const manifest = (await reg.getManifest('app/evidence', stored.digest)).json;
    expect(manifest.subject).toBeUndefined();
    const found = await findSourceEvidence(reg, 'app/evidence', SHA);
    expect(found).toHaveLength(1);
    expect(found[0]!.envelope).toEqual(env);
    expect(await findSourceEvidence(reg, 'app/evidence', 'f'.repeat(40))).toEqual([]);
  });

  it('refuses image-lane evidence', async () => {
    const reg = new FakeRegistry();
    await expect(
      storeSourceEvidence(reg, 'app/evidence', evidenceFor(reg.addImage(REPO), 'e2e')),
    ).rejects.toThrow(/takes source-lane evidence, got e2e/);
  });
});

describe('registries without a referrers API', () => {
  /** Counts the requests of a FakeRegistry. */
  function counting(reg: FakeRegistry): { referrers: number; gets: string[] } {
    const seen = { referrers: 0, gets: [] as string[] };
    const referrers = reg.referrers.bind(reg);
    const getManifest = reg.getManifest.bind(reg);
    reg.referrers = async (...args) => {
      seen.referrers++;
      return referrers(...args);
    };
    reg.getManifest = async (repo, ref) => {
      seen.gets.push(ref);
      return getManifest(repo, ref);
    };
    return seen;
  }

  it('asks the referrers API once per client, then reads only the fallback tag', async () => {
    const reg = new FakeRegistry();
    const digest = reg.addImage(REPO);
    const stored = await storeEvidence(reg, REPO, digest, evidenceFor(digest, 'e2e'), fast);
    const seen = counting(reg);
    const first = await findEvidence(reg, REPO, digest);
    const second = await findEvidence(reg, REPO, digest);
    expect(seen.referrers).toBe(0); // storeEvidence already learnt it
    for (const found of [first, second]) {
      expect(found.map((f) => [f.via, f.descriptor.digest])).toEqual([
        [`tag:${fallbackTag(digest)}`, stored.digest],
      ]);
    }
    // The evidence manifest comes back with the envelope, so a copy needs not fetch it again.
    expect(first[0]!.manifest?.digest).toBe(stored.digest);
    expect(await referrersOf(reg, REPO, digest)).toBeNull();
    expect(seen.referrers).toBe(0);
  });

  it('a fresh client asks both at once and still prefers the API when it answers', async () => {
    const api = new FakeRegistry();
    api.referrersApi = true;
    const digest = api.addImage(REPO);
    const stored = await storeEvidence(api, REPO, digest, evidenceFor(digest, 'e2e'), fast);
    const seen = counting(api);
    const found = await findEvidence(api, REPO, digest);
    expect(found.map((f) => f.via)).toEqual(['referrers-api']);
    expect(found[0]!.descriptor.digest).toBe(stored.digest);
    expect(seen.referrers).toBe(1);
    // It stays an API registry: asked again next time.
    await findEvidence(api, REPO, digest);
    expect(seen.referrers).toBe(2);

    const plain = new FakeRegistry();
    const d2 = plain.addImage(REPO);
    // Stored through another object, so that `plain` itself is a client that has not asked yet.
    await storeEvidence(new Proxy(plain, {}), REPO, d2, evidenceFor(d2, 'e2e'), fast);
    const plainSeen = counting(plain);
    const viaTag = await findEvidence(plain, REPO, d2);
    expect(viaTag.map((f) => f.via)).toEqual([`tag:${fallbackTag(d2)}`]);
    expect(plainSeen.referrers).toBe(1);
    // The fallback index was read alongside the referrers request, not after it: one read of it.
    expect(plainSeen.gets.filter((g) => g === fallbackTag(d2))).toHaveLength(1);
  });
});
