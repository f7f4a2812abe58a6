/**
 * A stack lane's evidence: one statement over the image set under test with the lane's checks,
 * signed when a key is given, written next to the report and stored next to every tested digest.
 */
import { writeFile } from 'node:fs/promises';
import { errorMessage } from '../errors.js';
import { envelopeOf, signEnvelope, type DsseEnvelope } from '../evidence/dsse.js';
import { laneStatement, type Check, type EvidenceImage } from '../evidence/statement.js';
import { storeEvidence } from '../evidence/store.js';
import type { EvidenceRegistry } from '../evidence/registry.js';
import type { ImageSet } from '../inputs.js';
import type { Log } from '../log.js';
import { RegistryClient } from '../registry/client.js';
import type { LaneReport, StackLane } from './report.js';

/** The evidence subjects of an image set. */
export function evidenceImages(images: ImageSet): EvidenceImage[] {
  return images.map((e) => ({
    name: e.name,
    digest: e.digest.value,
    repository: `${e.registry}/${e.repository}`,
  }));
}

/**
 * Builds the statement without checks, only to fail before anything starts when it cannot be
 * built at all (no commit known).
 */
export function assertEvidencePossible(lane: StackLane, images: ImageSet, env: NodeJS.ProcessEnv): void {
  laneStatement({ lane, images: evidenceImages(images), env, checks: [] });
}

/**
 * Writes the lane's evidence (signed when a key is given) to `path` and stores it next to every
 * image's digest. A registry that refuses is reported in `error`, not thrown: the caller still
 * writes its report, and fails the step.
 */
export async function publishLaneEvidence(o: {
  lane: StackLane;
  images: ImageSet;
  env: NodeJS.ProcessEnv;
  checks: Check[];
  passed: boolean;
  path: string;
  signingKey?: string;
  /** Registry client for a registry host; default: a `RegistryClient` with docker/podman credentials. */
  registryFor?: (registry: string) => EvidenceRegistry;
  log: Log;
}): Promise<{ evidence: NonNullable<LaneReport['evidence']>; error?: string }> {
  const statement = laneStatement({
    lane: o.lane,
    images: evidenceImages(o.images),
    env: o.env,
    checks: o.checks,
    result: o.passed ? 'PASSED' : 'FAILED',
  });
  let envelope: DsseEnvelope = envelopeOf(statement);
  if (o.signingKey !== undefined) envelope = signEnvelope(envelope, o.signingKey);
  await writeFile(o.path, `${JSON.stringify(envelope, null, 2)}\n`);
  const evidence: NonNullable<LaneReport['evidence']> = {
    path: o.path,
    signed: o.signingKey !== undefined,
    stored: [],
  };
  const clientFor =
    o.registryFor ??
    ((registry: string) =>
      // A lane shows the registry's retries in its own log, not only with debug logging on.
      new RegistryClient({ registry, log: { ...o.log, debug: (line) => o.log.info(line) } }));
  const clients = new Map<string, EvidenceRegistry>();
  const problems: string[] = [];
  for (const entry of o.images) {
    const { registry, repository, digest } = entry;
    const client = clients.get(registry) ?? clientFor(registry);
    clients.set(registry, client);
    try {
      const stored = await storeEvidence(client, repository, digest, envelope);
      evidence.stored.push({ ...stored, repository: `${registry}/${repository}` });
      o.log.info(
        `${o.lane} evidence for ${entry.name} stored as ${registry}/${repository}@${stored.digest} (${stored.discoverableVia})`,
      );
    } catch (err) {
      problems.push(`${entry.name} (${registry}/${repository}@${digest}): ${errorMessage(err)}`);
    }
  }
  return problems.length === 0
    ? { evidence }
    : { evidence, error: `could not store the evidence for ${problems.join('; ')}` };
}
