/**
 * Evidence against the real registry (DIGESTLINE_REGISTRY, CNCF distribution 2.8): attach DSSE
 * evidence to pushed image digests, concurrently, through the referrers tag-schema fallback (the
 * registry has no referrers API, which is asserted first), find it, verify signed evidence and refuse
 * forged evidence.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '@digestline/core/registry/client';
import { envelopeOf, payloadBytes, signEnvelope, statementOf } from '@digestline/core/evidence/dsse';
import {
  laneStatement,
  sourceStatement,
  type VerificationStatement,
} from '@digestline/core/evidence/statement';
import { storeEvidence, storeSourceEvidence } from '@digestline/core/evidence/store';
import { EVIDENCE_ARTIFACT_TYPE } from '@digestline/core/evidence/artifact';
import { evidenceRepository, fallbackTag, sourceEvidenceTag } from '@digestline/core/evidence/location';
import { findEvidence, findSourceEvidence } from '@digestline/core/evidence/find';
import { verifyEvidenceFor } from '@digestline/core/evidence/verify';
import { pushTinyImage, requireRegistry, uniquePrefix, type PushedImage } from './support/registry.js';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';
/** The CI run the evidence comes from: only evidence of the run being verified counts. */
const RUN = '1';
const ofRun = (s: VerificationStatement): VerificationStatement => {
  s.predicate.run = { id: RUN, attempt: '1' };
  return s;
};
const key = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

describe('evidence in the real registry', () => {
  const registry = requireRegistry();
  const client = new RegistryClient({ registry });
  const prefix = uniquePrefix();
  const webRepo = `${prefix}/web`;
  const apiRepo = `${prefix}/api`;
  const evidenceRepo = evidenceRepository(webRepo);
  const pushed: PushedImage[] = [];
  /** Manifests to delete afterwards, per repository (deleting by digest drops their tags too). */
  const created: Array<{ repo: string; ref: string }> = [];
  let web: PushedImage;
  let api: PushedImage;
  let set: Array<{ name: string; digest: string }>;
  const images = () => [
    { name: 'web', digest: web.digest, repository: `${registry}/${webRepo}` },
    { name: 'api', digest: api.digest, repository: `${registry}/${apiRepo}` },
  ];
  const runUrl = 'http://127.0.0.1/ci/runs/1';

  beforeAll(async () => {
    web = await pushTinyImage({ registry, repository: webRepo, tag: 'v1', payloadBytes: 1024 });
    pushed.push(web);
    api = await pushTinyImage({ registry, repository: apiRepo, tag: 'v1', payloadBytes: 1024 });
    pushed.push(api);
    created.push({ repo: webRepo, ref: web.digest }, { repo: apiRepo, ref: api.digest });
    set = [
      { name: 'web', digest: web.digest },
      { name: 'api', digest: api.digest },
    ];
  });

  afterAll(async () => {
    const failures: string[] = [];
    for (const { repo, ref } of created.reverse()) {
      try {
        const digest = ref.includes(':') ? ref : (await client.headManifest(repo, ref))?.digest;
        if (digest !== undefined) await client.deleteManifest(repo, digest);
      } catch (err) {
        failures.push(`${repo}@${ref}: ${(err as Error).message}`);
      }
    }
    for (const p of pushed) await p.cleanupLocal();
    if (failures.length > 0) throw new Error(`cleanup failed:\n${failures.join('\n')}`);
  });

  it('talks to a registry without the referrers API, so the fallback tag is what gets tested', async () => {
    const response = await fetch(`http://${registry}/v2/${webRepo}/referrers/${web.digest}`);
    await response.body?.cancel();
    expect(response.status).toBe(404);
    expect(await client.referrers(webRepo, web.digest)).toBeNull();
  });

  it('stores two lanes concurrently and finds both through the fallback tag', async () => {
    const integration = signEnvelope(
      envelopeOf(
        ofRun(laneStatement({ lane: 'integration', images: images(), commit: COMMIT, runUrl, env: {} })),
      ),
      key.privateKey,
    );
    const e2e = signEnvelope(
      envelopeOf(ofRun(laneStatement({ lane: 'e2e', images: images(), commit: COMMIT, runUrl, env: {} }))),
      key.privateKey,
    );
    const started = performance.now();
    const stored = await Promise.all([
      storeEvidence(client, webRepo, web.digest, integration),
      storeEvidence(client, webRepo, web.digest, e2e),
    ]);
    const storeMs = performance.now() - started;
    created.push(...stored.map((s) => ({ repo: webRepo, ref: s.digest })), {
      repo: webRepo,
      ref: fallbackTag(web.digest),
    });
    console.log(
      `stored 2 lanes concurrently in ${storeMs.toFixed(0)} ms (merge rounds ${stored.map((s) => s.mergeRounds).join('+')})`,
    );
    for (const s of stored) expect(s.discoverableVia).toBe(`tag:${fallbackTag(web.digest)}`);

    const index = await client.getManifest(webRepo, fallbackTag(web.digest));
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(index.json.manifests?.map((m) => m.digest).sort()).toEqual(stored.map((s) => s.digest).sort());
    for (const m of index.json.manifests ?? []) expect(m.artifactType).toBe(EVIDENCE_ARTIFACT_TYPE);

    const artifact = await client.getManifest(webRepo, stored[0]!.digest);
    expect(artifact.json.subject).toEqual({
      mediaType: expect.any(String),
      digest: web.digest,
      size: expect.any(Number),
    });
    expect(artifact.json.config?.digest).toBe(
      'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    );

    const found = await findEvidence(client, webRepo, web.digest);
    expect(found.map((f) => f.error)).toEqual([undefined, undefined]);
    expect(found.map((f) => statementOf(f.envelope!).predicate.lane).sort()).toEqual(['e2e', 'integration']);
    const onlyE2e = await findEvidence(client, webRepo, web.digest, { lane: 'e2e' });
    expect(onlyE2e.map((f) => f.envelope)).toEqual([e2e]);
  });

  it('verifies signed evidence of all lanes, source lane found from the commit', async () => {
    const source = signEnvelope(
      envelopeOf(ofRun(sourceStatement({ commit: COMMIT, runUrl, env: {} }))),
      key.privateKey,
    );
    const stored = await storeSourceEvidence(client, evidenceRepo, source);
    created.push({ repo: evidenceRepo, ref: stored.digest });
    expect((await client.headManifest(evidenceRepo, sourceEvidenceTag(COMMIT)))?.digest).toBe(stored.digest);
    expect((await findSourceEvidence(client, evidenceRepo, COMMIT)).map((f) => f.envelope)).toEqual([source]);

    const started = performance.now();
    const verdict = await verifyEvidenceFor({
      client,
      repo: webRepo,
      digest: web.digest,
      requiredLanes: ['source', 'integration', 'e2e'],
      commit: COMMIT,
      set,
      run: RUN,
      trust: { keys: [key.publicKey] },
    });
    console.log(`verified 3 lanes in ${(performance.now() - started).toFixed(0)} ms`);
    expect(verdict.problems).toEqual([]);
    expect(verdict.ok).toBe(true);

    const otherCommit = await verifyEvidenceFor({
      client,
      repo: webRepo,
      digest: web.digest,
      requiredLanes: ['source', 'e2e'],
      commit: 'f'.repeat(40),
      set,
      run: RUN,
      trust: { keys: [key.publicKey] },
    });
    expect(otherCommit.ok).toBe(false);
    expect(otherCommit.lanes.source?.reason).toMatch(
      /lacks passing source evidence for commit ffffffffffff…: none found/,
    );
  });

  it('refuses forged evidence: a PASSED payload under the signature of a FAILED one', async () => {
    const failed = signEnvelope(
      envelopeOf(
        ofRun(
          laneStatement({
            lane: 'e2e',
            images: images(),
            commit: COMMIT,
            runUrl,
            env: {},
            checks: [{ name: 'checkout.spec.ts', result: 'FAILED', durationMs: 1234 }],
          }),
        ),
      ),
      key.privateKey,
    );
    const statement = JSON.parse(payloadBytes(failed).toString('utf8')) as ReturnType<typeof statementOf>;
    statement.predicate.verificationResult = 'PASSED';
    statement.predicate.checks = [];
    const forged = { ...failed, payload: Buffer.from(JSON.stringify(statement)).toString('base64') };
    const stored = await storeEvidence(client, apiRepo, api.digest, forged);
    created.push({ repo: apiRepo, ref: stored.digest }, { repo: apiRepo, ref: fallbackTag(api.digest) });

    const signedCheck = await verifyEvidenceFor({
      client,
      repo: apiRepo,
      digest: api.digest,
      requiredLanes: ['e2e'],
      commit: COMMIT,
      set,
      run: RUN,
      trust: { keys: [key.publicKey] },
    });
    expect(signedCheck.ok).toBe(false);
    expect(signedCheck.lanes.e2e?.reason).toMatch(
      new RegExp(
        `^${api.digest.slice(0, 19)}… lacks passing e2e evidence for commit 0123456789ab…: .* is not signed by lane key`,
      ),
    );
    expect(signedCheck.problems.join('\n')).toMatch(/e2e evidence is not signed by lane key/);

    // Without a key the forgery is indistinguishable: that is why promotion should require one.
    const unsignedCheck = await verifyEvidenceFor({
      client,
      repo: apiRepo,
      digest: api.digest,
      requiredLanes: ['e2e'],
      commit: COMMIT,
      run: RUN,
      set,
      trust: { unsignedAllowed: true },
    });
    expect(unsignedCheck.ok).toBe(true);
  });
});
