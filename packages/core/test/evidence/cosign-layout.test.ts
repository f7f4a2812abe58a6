import { describe, expect, it } from 'vitest';
import { digestOf } from '../../src/registry/digest.js';
import { envelopeOf } from '../../src/evidence/dsse.js';
import { laneStatement } from '../../src/evidence/statement.js';
import { storeEvidence } from '../../src/evidence/store.js';
import {
  appendAttestations,
  attachCosignAttestations,
  attestationConfig,
  attestationLayer,
  cosignAttestationTag,
  COSIGN_MAX_LAYERS,
} from '../../src/evidence/cosign-layout.js';
import { FakeRegistry, OCI_MANIFEST } from './fake-registry.js';

const SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const REPO = 'app/web';
const fast = { settleMs: () => 1 };

function evidenceFor(digest: string, lane: 'integration' | 'e2e') {
  return envelopeOf(
    laneStatement({
      lane,
      images: [{ name: 'web', digest, repository: `127.0.0.1:5000/${REPO}` }],
      commit: SHA,
      env: {},
      timeVerified: new Date('2026-01-02T00:00:00Z'),
    }),
  );
}

const layerOf = (hex: string) => ({
  mediaType: 'application/vnd.dsse.envelope.v1+json',
  size: 10,
  digest: `sha256:${hex.repeat(64)}`,
});

describe("cosign's attestation layout (pure)", () => {
  it('tags attestations sha256-<hex>.att and refuses a malformed digest', () => {
    expect(cosignAttestationTag(`sha256:${'a'.repeat(64)}`)).toBe(`sha256-${'a'.repeat(64)}.att`);
    expect(() => cosignAttestationTag('sha256:abc')).toThrow(/64 hex/);
  });

  it('writes the config blob byte for byte as cosign 2.5.0 does', () => {
    // What `cosign attest` wrote to the loopback registry for an attestation layer of this digest.
    const layer = 'sha256:c378d87204ddd5b51245136dc933423caa9adf584ba04818ec8eac8021d5b013';
    const config = attestationConfig([{ mediaType: 'x', size: 544, digest: layer }]);
    expect(config.toString()).toBe(
      '{"architecture":"","created":"0001-01-01T00:00:00Z","history":[{"created":"0001-01-01T00:00:00Z"}],' +
        `"os":"","rootfs":{"type":"layers","diff_ids":["${layer}"]},"config":{}}`,
    );
    expect(digestOf(config)).toBe('sha256:c8e97419bb6f94b8162e0b52e01d4ff0a9f1398646748bbc1d0478fcb6067fb2');
  });

  it('annotates each envelope layer with its predicate type, as cosign does', () => {
    const envelope = evidenceFor(`sha256:${'a'.repeat(64)}`, 'e2e');
    const { bytes, descriptor } = attestationLayer(envelope);
    expect(JSON.parse(bytes.toString())).toEqual(envelope);
    expect(descriptor).toEqual({
      mediaType: 'application/vnd.dsse.envelope.v1+json',
      size: bytes.length,
      digest: digestOf(bytes),
      annotations: {
        'dev.cosignproject.cosign/signature': '',
        predicateType: 'https://slsa.dev/verification_summary/v1',
      },
    });
  });

  it('appends after the layers already there, once, keeping foreign layers', () => {
    const foreign = { ...layerOf('f'), annotations: { predicateType: 'https://slsa.dev/provenance/v1' } };
    const first = appendAttestations(undefined, [layerOf('a'), layerOf('a')])!;
    expect(first.manifest.layers).toEqual([layerOf('a')]);
    expect(first.manifest.mediaType).toBe(OCI_MANIFEST);
    expect(first.manifest.config).toEqual({
      mediaType: 'application/vnd.oci.image.config.v1+json',
      size: first.config.length,
      digest: digestOf(first.config),
    });
    const next = appendAttestations({ schemaVersion: 2, layers: [foreign] }, [layerOf('a'), layerOf('b')])!;
    expect(next.manifest.layers).toEqual([foreign, layerOf('a'), layerOf('b')]);
    expect(JSON.parse(next.config.toString()).rootfs.diff_ids).toEqual(
      [foreign, layerOf('a'), layerOf('b')].map((l) => l.digest),
    );
    expect(appendAttestations(next.manifest, [layerOf('b')])).toBeUndefined();
  });

  it("refuses to grow past cosign's layer limit", () => {
    const full = {
      schemaVersion: 2,
      layers: Array.from({ length: COSIGN_MAX_LAYERS }, (_, i) => ({
        ...layerOf('0'),
        digest: `sha256:${i.toString(16).padStart(64, '0')}`,
      })),
    };
    expect(() => appendAttestations(full, [layerOf('a')])).toThrow(/1001 layers; cosign reads at most 1000/);
  });
});

describe('attachCosignAttestations', () => {
  it('storeEvidence puts the envelope into the .att tag too, idempotently', async () => {
    const reg = new FakeRegistry();
    const digest = reg.addImage(REPO);
    const envelope = evidenceFor(digest, 'integration');
    const stored = await storeEvidence(reg, REPO, digest, envelope, fast);
    expect(stored.cosignTag).toBe(cosignAttestationTag(digest));
    const att = reg.tagged(REPO, cosignAttestationTag(digest))!;
    expect(att.layers).toEqual([attestationLayer(envelope).descriptor]);
    expect(JSON.parse(reg.blobs.get(`${REPO}@${att.layers![0]!.digest}`)!.toString())).toEqual(envelope);
    expect(reg.blobs.has(`${REPO}@${att.config!.digest}`)).toBe(true);
    await storeEvidence(reg, REPO, digest, envelope, fast);
    expect(reg.tagged(REPO, cosignAttestationTag(digest))!.layers).toHaveLength(1);
  });

  it('does not lose a layer when two writers append at the same time', async () => {
    const reg = new FakeRegistry();
    const digest = reg.addImage(REPO);
    // Both read the missing tag before either put lands; the first put lands last: a lost update
    // unless the loser re-reads and appends again.
    let n = 0;
    reg.tagPutDelay = () => (n++ === 0 ? 30 : 5);
    const [a, b] = await Promise.all([
      attachCosignAttestations(reg, REPO, digest, [evidenceFor(digest, 'integration')], {
        settleMs: () => 50,
      }),
      attachCosignAttestations(reg, REPO, digest, [evidenceFor(digest, 'e2e')], { settleMs: () => 50 }),
    ]);
    const layers = reg.tagged(REPO, cosignAttestationTag(digest))!.layers!.map((l) => l.digest);
    expect(layers.sort()).toEqual([...a.layers, ...b.layers].sort());
    expect(a.rounds + b.rounds).toBeGreaterThan(2);
  });

  it('gives up after the bounded rounds when another writer keeps replacing the tag', async () => {
    const reg = new FakeRegistry();
    const digest = reg.addImage(REPO);
    const tag = cosignAttestationTag(digest);
    const put = reg.putManifest.bind(reg);
    // Every put of ours is followed by a writer that puts an empty attestation image back.
    reg.putManifest = async (repo, ref, bytes, mediaType) => {
      const d = await put(repo, ref, bytes, mediaType);
      if (ref === tag) {
        await put(repo, ref, Buffer.from(JSON.stringify({ schemaVersion: 2, layers: [] })), mediaType);
      }
      return d;
    };
    await expect(
      attachCosignAttestations(reg, REPO, digest, [evidenceFor(digest, 'e2e')], { ...fast, attempts: 3 }),
    ).rejects.toThrow(`could not keep 1 attestation layer(s) in ${REPO}:${tag} after 3 rounds`);
  });
});

describe('attachCosignAttestations with layers the caller uploads', () => {
  it('waits for them instead of asking the registry, and puts the tag only after they are there', async () => {
    const reg = new FakeRegistry();
    const digest = `sha256:${'e'.repeat(64)}`;
    const envelope = evidenceFor(digest, 'integration');
    const layer = attestationLayer(envelope);
    const asked: string[] = [];
    const head = reg.headBlob.bind(reg);
    reg.headBlob = async (repo, d) => {
      asked.push(d);
      return head(repo, d);
    };
    let release!: () => void;
    const uploaded = new Promise<void>((resolve) => (release = resolve)).then(() =>
      reg.uploadBlob(REPO, layer.descriptor.digest, layer.bytes, layer.bytes.length),
    );
    const attached = attachCosignAttestations(reg, REPO, digest, [envelope], {
      ...fast,
      uploads: new Map([[layer.descriptor.digest, uploaded]]),
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(reg.tags.has(`${REPO}@${cosignAttestationTag(digest)}`)).toBe(false);
    release();
    expect((await attached).rounds).toBe(1);
    expect(asked).not.toContain(layer.descriptor.digest);
    // A first attestation: its config cannot be there yet, so it is not asked for either.
    expect(asked).toEqual([]);
    const att = await reg.getManifest(REPO, cosignAttestationTag(digest));
    expect(att.json.layers?.map((l) => l.digest)).toEqual([layer.descriptor.digest]);
  });
});

describe('attachCosignAttestations on a new tag', () => {
  it("uploads the new tag's config while the tag is read, and fails when that upload fails", async () => {
    const reg = new FakeRegistry();
    const digest = `sha256:${'f'.repeat(64)}`;
    const envelope = evidenceFor(digest, 'integration');
    const events: string[] = [];
    const get = reg.getManifest.bind(reg);
    reg.getManifest = async (repo, ref) => {
      await new Promise((r) => setTimeout(r, 30));
      events.push(`read ${ref}`);
      return get(repo, ref);
    };
    const upload = reg.uploadBlob.bind(reg);
    reg.uploadBlob = async (repo, d, body, size) => {
      events.push(`upload ${d}`);
      return upload(repo, d, body, size);
    };
    await attachCosignAttestations(reg, REPO, digest, [envelope], fast);
    const config = digestOf(attestationConfig([attestationLayer(envelope).descriptor]));
    expect(events.indexOf(`upload ${config}`)).toBeGreaterThanOrEqual(0);
    expect(events.indexOf(`upload ${config}`)).toBeLessThan(
      events.indexOf(`read ${cosignAttestationTag(digest)}`),
    );

    const failing = new FakeRegistry();
    failing.uploadBlob = async (_repo, d) => {
      if (d === digestOf(attestationConfig([attestationLayer(envelope).descriptor])))
        throw new Error('config: 500');
      return d;
    };
    await expect(attachCosignAttestations(failing, REPO, digest, [envelope], fast)).rejects.toThrow(
      /config: 500/,
    );
    expect(failing.tags.size).toBe(0);
  });
});
