/**
 * The stack file of a deployment: the rules it must meet, and the content-addressed copy in the
 * state directory that a rollback redeploys exactly.
 */
import type { HostAccess } from '../stack/build/build.js';
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import type { ImageSet } from '../inputs.js';
import type { Log } from '../log.js';
import { checkStackText, formatProblem, stackErrors, stackFromModel } from '../stack/check.js';
import { checkStackResolved, type ResolveOptions } from '../stack/resolve.js';
import type { ComposeModel } from '../stack/compose/model.js';
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

/**
 * Stores the stack a deployment is recorded with: its normalised model as JSON, `stacks/<sha256>.json`,
 * content-addressed.
 */
export async function storeStack(stateDir: string, text: string): Promise<{ path: string; sha256: string }> {
  const hash = sha256(text);
  const path = `stacks/${hash}.json`;
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

/**
 * Checks the compose file a deployment starts (deploy mode: `restart` honoured), before anything
 * changes, resolving each tag of a service not under test once (stack/resolve.ts). Warnings go to
 * `log`. The model returned carries the resolved digests (`postgres:16@sha256:…`): it is what the
 * deployment stores, so a rollback starts what ran.
 * @throws Error listing every error of the file, one `file:line: path: message` per line
 * @throws TagResolutionError when a tag does not resolve
 */
export async function loadDeployStack(
  file: string,
  images: ImageSet,
  log: Log,
  tags: {
    requireDigests?: boolean;
    resolve?: ResolveOptions;
    /** The job's workspace (default the working directory): bind mounts inside it are allowed. */
    workspace?: string;
    /** The `allow-*` inputs. */
    allow?: HostAccess;
  } = {},
): Promise<{ spec: StackSpec; model: ComposeModel }> {
  const check = await checkStackResolved(
    file,
    {
      images,
      mode: 'deploy',
      env: process.env,
      workspace: tags.workspace ?? process.cwd(),
      requireDigests: tags.requireDigests ?? false,
      ...(tags.allow !== undefined ? { allow: tags.allow } : {}),
    },
    { log, ...tags.resolve },
  );
  for (const p of check.problems) if (p.severity === 'warning') log.warning(formatProblem(p));
  const errors = stackErrors(check);
  if (check.spec === undefined || check.model === undefined || errors.length > 0) {
    throw new Error(
      `the stack file ${file} has ${errors.length} problem${errors.length === 1 ? '' : 's'} (nothing was changed):\n` +
        errors.join('\n'),
    );
  }
  return { spec: { ...check.spec, source: file }, model: check.model };
}

/**
 * The stack of a recorded deployment again, from the model it stored (a file recorded before models
 * were stored is normalised again). `source` is the stored model's path in the state directory.
 * @throws Error when it no longer builds (e.g. the images recorded do not fit it)
 */
export function storedStackSpec(text: string, source: string, images: ImageSet): StackSpec {
  const check = text.trimStart().startsWith('{')
    ? // Its host paths were judged when it was deployed (with that run's allow-* inputs), against a
      // workspace the stored copy no longer knows; the engine socket is still refused.
      stackFromModel(JSON.parse(text) as ComposeModel, source, images, { workspace: '/', env: process.env })
    : checkStackText(source, text, { images, mode: 'deploy', env: {} });
  const errors = stackErrors(check);
  if (check.spec === undefined || errors.length > 0) {
    throw new Error(`the stored stack ${source} does not build:\n${errors.join('\n')}`);
  }
  return check.spec;
}
