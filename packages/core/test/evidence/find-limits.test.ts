/**
 * Reading evidence is bounded: at most EVIDENCE_READ_CONCURRENCY envelopes in flight, and a digest with
 * more than MAX_EVIDENCE_PER_DIGEST evidence artifacts is refused instead of read (anyone who can push
 * can attach thousands).
 */
import { describe, expect, it } from 'vitest';
import { RegistryError } from '../../src/registry/errors.js';
import type { FetchedManifest } from '../../src/registry/manifests.js';
import type { Descriptor } from '../../src/registry/media-types.js';
import { EVIDENCE_ARTIFACT_TYPE } from '../../src/evidence/artifact.js';
import { EVIDENCE_READ_CONCURRENCY, MAX_EVIDENCE_PER_DIGEST, findEvidence } from '../../src/evidence/find.js';
import type { EvidenceRegistry } from '../../src/evidence/registry.js';

const SUBJECT = `sha256:${'a'.repeat(64)}`;

/** A registry whose referrers API lists `count` evidence artifacts; counts manifest reads in flight. */
function registryWith(count: number): EvidenceRegistry & { reads: number; maxInFlight: number } {
  let inFlight = 0;
  const descriptors: Descriptor[] = Array.from({ length: count }, (_, i) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: `sha256:${i.toString(16).padStart(64, '0')}`,
    size: 100,
    artifactType: EVIDENCE_ARTIFACT_TYPE,
  }));
  const reg = {
    reads: 0,
    maxInFlight: 0,
    async referrers(): Promise<Descriptor[]> {
      return descriptors;
    },
    async getManifest(repo: string, ref: string): Promise<FetchedManifest> {
      if (!ref.startsWith('sha256:'))
        throw new RegistryError('GET', ref, 404, 'MANIFEST_UNKNOWN', undefined, '404');
      reg.reads++;
      inFlight++;
      reg.maxInFlight = Math.max(reg.maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      // Not evidence: each read ends in a per-item error, which is all this test needs.
      throw new Error(`${repo}@${ref} is gone`);
    },
  };
  return reg as unknown as EvidenceRegistry & { reads: number; maxInFlight: number };
}

describe('findEvidence bounds', () => {
  it(`reads at most ${EVIDENCE_READ_CONCURRENCY} envelopes at a time`, async () => {
    const reg = registryWith(50);
    const found = await findEvidence(reg, 'team/app', SUBJECT);
    expect(found).toHaveLength(50);
    expect(found.every((f) => f.error !== undefined)).toBe(true);
    expect(reg.reads).toBe(50);
    expect(reg.maxInFlight).toBe(EVIDENCE_READ_CONCURRENCY);
  });

  it(`refuses a digest with more than ${MAX_EVIDENCE_PER_DIGEST} evidence artifacts without reading them`, async () => {
    const reg = registryWith(MAX_EVIDENCE_PER_DIGEST + 1);
    await expect(findEvidence(reg, 'team/app', SUBJECT)).rejects.toThrow(
      `team/app@${SUBJECT} has ${MAX_EVIDENCE_PER_DIGEST + 1} evidence artifacts (referrers-api), more than the ${MAX_EVIDENCE_PER_DIGEST}`,
    );
    expect(reg.reads).toBe(0);
  });

  it(`reads exactly ${MAX_EVIDENCE_PER_DIGEST}`, async () => {
    const reg = registryWith(MAX_EVIDENCE_PER_DIGEST);
    expect(await findEvidence(reg, 'team/app', SUBJECT)).toHaveLength(MAX_EVIDENCE_PER_DIGEST);
  });
});
