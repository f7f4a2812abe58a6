/**
 * The stack file of a deployment: the rules it must meet, and the content-addressed copy in the
 * state directory that a rollback redeploys exactly.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import type { StackSpec } from '../stack/compose/types.js';
import type { DeploymentEntry } from './deployments.js';
import { writeFileAtomic } from './metrics.js';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Refuses stacks whose health-check URLs could move between deployments: every published port
 * needs a fixed host port (pure).
 *
 * @throws Error naming the services and ports without one
 */
export function requireStablePorts(spec: StackSpec): void {
  const loose = spec.services.flatMap((s) =>
    s.ports
      .filter((p) => p.hostPort === undefined)
      .map((p) => `${s.name} (container port ${p.containerPort})`),
  );
  if (loose.length > 0) {
    throw new Error(
      `${spec.source}: deploy-staging needs fixed host ports so health-check URLs stay valid across deployments; ` +
        `give these a host port ("127.0.0.1:18080:8080"): ${loose.join(', ')}`,
    );
  }
}

/** Stack service → digest it runs, for metrics (pure). */
export function serviceDigests(spec: StackSpec): Record<string, string> {
  return Object.fromEntries(spec.services.map((s) => [s.name, s.image.digest.value]));
}

/** Stores the stack file copy a deployment is recorded with: `stacks/<sha256>.yaml`, content-addressed. */
export async function storeStack(stateDir: string, text: string): Promise<{ path: string; sha256: string }> {
  const hash = sha256(text);
  const path = `stacks/${hash}.yaml`;
  await mkdir(join(stateDir, 'stacks'), { recursive: true });
  await writeFileAtomic(join(stateDir, path), text);
  return { path, sha256: hash };
}

/**
 * Reads back the stack file a deployment was recorded with.
 *
 * @throws Error when the ledger names no copy, or the copy is unreadable or changed since
 */
export async function loadStoredStack(
  stateDir: string,
  entry: DeploymentEntry,
): Promise<{ text: string; source: string }> {
  const stored = (entry.started ?? entry.latest).stack ?? entry.latest.stack;
  if (stored === undefined) throw new Error(`deployment ${entry.id} has no stored stack file in the ledger`);
  const source = join(stateDir, stored.path);
  const text = await readFile(source, 'utf8').catch((err: unknown) => {
    throw new Error(
      `the stack file of deployment ${entry.id} (${source}) cannot be read: ${errorMessage(err)}`,
    );
  });
  if (sha256(text) !== stored.sha256) {
    throw new Error(
      `the stored stack file ${source} was changed since deployment ${entry.id} (sha256 differs)`,
    );
  }
  return { text, source };
}
