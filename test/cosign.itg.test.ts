/**
 * Our evidence checked by the tools others use: `cosign verify-attestation` (Debian trixie's cosign
 * 2.5.0, extracted by scripts/setup-host) verifies the lane statements and the promotion record in
 * cosign's `.att` layout on the real loopback registry (CNCF distribution 2.8, no referrers API), on
 * the source repository and on the promoted target; a wrong key and a tampered payload fail; and
 * `oras discover` still lists the referrer artifacts our own find/verify read.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '@digestline/core/registry/client';
import { envelopeOf, signEnvelope } from '@digestline/core/evidence/dsse';
import { laneStatement } from '@digestline/core/evidence/statement';
import { storeEvidence } from '@digestline/core/evidence/store';
import {
  appendAttestations,
  attachCosignAttestations,
  attestationLayer,
  cosignAttestationTag,
} from '@digestline/core/evidence/cosign-layout';
import { parseImageSet } from '@digestline/core/inputs';
import { silentLog } from '@digestline/core/log';
import { buildPlan } from '@digestline/core/promote/plan';
import { promote } from '@digestline/core/promote/promote';
import { pushTinyImage, requireRegistry, uniquePrefix, type PushedImage } from './support/registry.js';

const VSA = 'https://slsa.dev/verification_summary/v1';
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const pair = () =>
  generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const laneKey = pair();
const promotionKey = pair();
const strangerKey = pair();

const cosign = process.env.DIGESTLINE_COSIGN;
const oras = process.env.DIGESTLINE_ORAS;
if (cosign === undefined || oras === undefined) {
  throw new Error(
    'DIGESTLINE_COSIGN and DIGESTLINE_ORAS are unset: run `eval "$(scripts/setup-host)"` first ' +
      '(it extracts cosign and oras from Debian trixie and exports their paths)',
  );
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(bin: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(bin, args, { timeout: 30_000, maxBuffer: 8 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('cosign and oras check our evidence', () => {
  const registry = requireRegistry();
  const client = new RegistryClient({ registry });
  const prefix = uniquePrefix();
  const webRepo = `${prefix}/cosign-web`;
  const targetRepo = `${prefix}/cosign-promoted`;
  const pushed: PushedImage[] = [];
  let dir: string;
  let web: PushedImage;
  const keyFile = (name: string) => join(dir, `${name}.pub.pem`);

  const verify = (key: string, ref: string) =>
    run(cosign, [
      'verify-attestation',
      '--key',
      keyFile(key),
      '--insecure-ignore-tlog',
      '--type',
      VSA,
      '--allow-insecure-registry',
      '--allow-http-registry',
      ref,
    ]);
  /** The predicates cosign printed (one JSON line per verified attestation). */
  const predicates = (out: string) =>
    out
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const envelope = JSON.parse(l) as { payload: string };
        return JSON.parse(Buffer.from(envelope.payload, 'base64').toString()) as {
          predicateType: string;
          predicate: { lane: string; verificationResult: string };
        };
      });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dl-cosign-'));
    await writeFile(keyFile('lane'), laneKey.publicKey);
    await writeFile(keyFile('promotion'), promotionKey.publicKey);
    await writeFile(keyFile('stranger'), strangerKey.publicKey);
    web = await pushTinyImage({ registry, repository: webRepo, tag: 'v1', payloadBytes: 512 });
    pushed.push(web);
    const images = [{ name: 'web', digest: web.digest, repository: `${registry}/${webRepo}` }];
    // Integration and E2E lanes attach at the same time: the .att append must keep both.
    await Promise.all(
      (['integration', 'e2e'] as const).map((lane) =>
        storeEvidence(
          client,
          webRepo,
          web.digest,
          signEnvelope(
            envelopeOf(
              laneStatement({
                lane,
                images,
                commit: COMMIT,
                env: { GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '2' },
              }),
            ),
            laneKey.privateKey,
          ),
        ),
      ),
    );
    await promote({
      plan: buildPlan(
        parseImageSet(`web=${registry}/${webRepo}@${web.digest}`, 'images'),
        `${registry}/${targetRepo}:prod`,
      ),
      target: `${registry}/${targetRepo}:prod`,
      requiredLanes: ['integration', 'e2e'],
      commit: COMMIT,
      laneKeys: [laneKey.publicKey],
      evidenceRun: '77',
      signingKey: promotionKey.privateKey,
      recordDir: dir,
      env: {},
      log: silentLog,
    });
  }, 60_000);

  afterAll(async () => {
    for (const p of pushed) await p.cleanupLocal();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps both lanes in the .att tag when they attach concurrently', async () => {
    const att = await client.getManifest(webRepo, cosignAttestationTag(web.digest));
    expect(att.json.layers).toHaveLength(2);
    expect(att.json.layers!.map((l) => l.annotations?.predicateType)).toEqual([VSA, VSA]);
  });

  it('verifies each lane statement with the lane key on the source repository', async () => {
    const r = await verify('lane', `${registry}/${webRepo}@${web.digest}`);
    expect(r.code, r.stderr).toBe(0);
    const found = predicates(r.stdout);
    expect(found.map((s) => s.predicate.lane).sort()).toEqual(['e2e', 'integration']);
    expect(found.every((s) => s.predicateType === VSA && s.predicate.verificationResult === 'PASSED')).toBe(
      true,
    );
  });

  it('verifies the promotion record with the promotion key on the promoted target, and the lanes there too', async () => {
    const ref = `${registry}/${targetRepo}@${web.digest}`;
    const record = await verify('promotion', ref);
    expect(record.code, record.stderr).toBe(0);
    expect(predicates(record.stdout).map((s) => s.predicate.lane)).toEqual(['promotion']);
    const lanes = await verify('lane', ref);
    expect(lanes.code, lanes.stderr).toBe(0);
    expect(
      predicates(lanes.stdout)
        .map((s) => s.predicate.lane)
        .sort(),
    ).toEqual(['e2e', 'integration']);
  });

  it('fails with a key that signed nothing here', async () => {
    const r = await verify('stranger', `${registry}/${targetRepo}@${web.digest}`);
    expect(r.code).not.toBe(0);
    expect(r.stdout.trim()).toBe('');
    expect(r.stderr).toMatch(/accepted signatures do not match threshold, Found: 0/);
  });

  it("fails when a layer's payload in the .att manifest is rewritten", async () => {
    const tampered = await pushTinyImage({ registry, repository: `${prefix}/cosign-tampered`, tag: 'v1' });
    pushed.push(tampered);
    const repo = tampered.repository;
    const ref = `${registry}/${repo}@${tampered.digest}`;
    const images = [{ name: 'web', digest: tampered.digest, repository: `${registry}/${repo}` }];
    const statement = laneStatement({ lane: 'e2e', images, commit: COMMIT, env: {}, result: 'FAILED' });
    const signed = signEnvelope(envelopeOf(statement), laneKey.privateKey);
    await attachCosignAttestations(client, repo, tampered.digest, [signed]);
    const before = await verify('lane', ref);
    expect(before.code, before.stderr).toBe(0);

    // FAILED rewritten to PASSED, the signature kept: the .att manifest now holds only that layer.
    statement.predicate.verificationResult = 'PASSED';
    statement.predicate.verifiedLevels = ['DIGESTLINE_E2E_LEVEL_1'];
    const forged = attestationLayer({
      ...signed,
      payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
    });
    const att = appendAttestations(undefined, [forged.descriptor])!;
    await client.uploadBlob(repo, forged.descriptor.digest, forged.bytes, forged.bytes.length);
    await client.uploadBlob(repo, att.manifest.config!.digest, att.config, att.config.length);
    await client.putManifest(repo, cosignAttestationTag(tampered.digest), att.bytes, att.manifest.mediaType!);

    const after = await verify('lane', ref);
    expect(after.code, after.stdout).not.toBe(0);
    expect(after.stdout.trim()).toBe('');
    // Found, but no signature verified (an image without attestations says only "no matching attestations: ").
    expect(after.stderr).toMatch(
      /no matching attestations: accepted signatures do not match threshold, Found: 0/,
    );
  });

  it('oras discover still lists the referrer artifacts on the source and the target', async () => {
    for (const repo of [webRepo, targetRepo]) {
      const r = await run(oras, [
        'discover',
        '--plain-http',
        '--format',
        'json',
        `${registry}/${repo}@${web.digest}`,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const listed = JSON.parse(r.stdout) as { manifests?: Array<{ artifactType: string }> };
      const types = (listed.manifests ?? []).map((m) => m.artifactType);
      expect(types.length).toBeGreaterThanOrEqual(repo === webRepo ? 2 : 3);
      expect(new Set(types)).toEqual(new Set(['application/vnd.dev.digestline.evidence.v1+json']));
    }
  });
});
