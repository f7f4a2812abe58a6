// Publishing the source lane's evidence to the registry, where promote-digest looks for it
// (`commit-<sha>.source` in the evidence repository, docs/evidence.md).
import { readFile } from 'node:fs/promises';
import { envelopeOf, parseEnvelope } from '../evidence/dsse.js';
import type { VerificationStatement } from '../evidence/statement.js';
import { storeSourceEvidence, type StoredEvidence } from '../evidence/store.js';
import { silentLog, type Log } from '../log.js';
import { RegistryClient } from '../registry/client.js';

/**
 * Reads the evidence file the source lane wrote (a DSSE envelope when signed, the bare statement
 * otherwise) and stores it as the source evidence of its commit in `target`. Credentials come from the
 * docker/podman auth files, as for the other lanes; loopback registries are spoken to over http.
 * The registry client's requests go to `log` as debug lines.
 */
export async function storeSourceLaneEvidence(
  evidencePath: string,
  target: { registry: string; repository: string },
  options: { client?: ConstructorParameters<typeof RegistryClient>[0]; log?: Log } = {},
): Promise<StoredEvidence> {
  const log = options.log ?? silentLog;
  const parsed: unknown = JSON.parse(await readFile(evidencePath, 'utf8'));
  const envelope =
    parsed !== null && typeof parsed === 'object' && 'payloadType' in parsed
      ? parseEnvelope(parsed)
      : envelopeOf(parsed as VerificationStatement);
  const client = new RegistryClient(options.client ?? { registry: target.registry, log });
  const stored = await storeSourceEvidence(client, target.repository, envelope);
  log.info(
    `source evidence stored as ${target.registry}/${target.repository}@${stored.digest} (${stored.discoverableVia})`,
  );
  return stored;
}
