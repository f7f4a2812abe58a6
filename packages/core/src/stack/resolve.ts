/**
 * Tags resolved to digests once, at start: a service not under test may name `postgres:16`; before
 * the stack starts each distinct tag is asked of its registry once (a manifest HEAD accepting image
 * indexes and manifests, credentials from the runner's auth files), and the stack is built with the
 * digests. What runs, what the evidence records and what a deployment stores is that digest, so a
 * tag that moves later changes nothing (a rollback never resolves again).
 */
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { errorMessage } from '../errors.js';
import type { ImageSet } from '../inputs.js';
import { silentLog, type Log } from '../log.js';
import { familiarString, parseReference } from '../reference.js';
import { RegistryClient } from '../registry/client.js';
import type { TagToResolve } from './build/build.js';
import { tagReference } from './build/image.js';
import { checkStackText, type CheckStackOptions, type StackCheck } from './check.js';
import type { ComposeModel } from './compose/model.js';

/** How tags are resolved. */
export interface ResolveOptions {
  /** The client of a registry host (default: a RegistryClient with the runner's auth files). */
  clientFor?: (registry: string) => RegistryClient;
  /** At most this many registry requests at once (default 4). */
  concurrency?: number;
  /** Gets `postgres:16 → sha256:…` once per tag. */
  log?: Log;
}

/** One or more tags did not resolve; `message` has a line per tag. */
export class TagResolutionError extends Error {
  override readonly name = 'TagResolutionError';
}

/** Runs `work` on every item with at most `limit` running at once. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/**
 * Resolves each tag once (bounded concurrency; one client per registry host).
 * @returns `registry/repository:tag` → `sha256:…`
 * @throws TagResolutionError naming, for every tag that did not resolve, its services, the reference
 *   and the registry's answer
 */
export async function resolveTags(
  tags: readonly TagToResolve[],
  opts: ResolveOptions = {},
): Promise<Map<string, string>> {
  const log = opts.log ?? silentLog;
  const clients = new Map<string, RegistryClient>();
  const clientFor =
    opts.clientFor ??
    ((registry: string) => new RegistryClient({ registry, log: { ...log, info: () => undefined } }));
  const resolved = new Map<string, string>();
  const failures: string[] = [];
  await eachLimited(tags, opts.concurrency ?? 4, async ({ reference, services }) => {
    const ref = parseReference(reference);
    const shown = familiarString(ref);
    const says = `service${services.length === 1 ? '' : 's'} ${services.join(', ')}: ${shown}`;
    try {
      let client = clients.get(ref.registry);
      if (client === undefined) clients.set(ref.registry, (client = clientFor(ref.registry)));
      const info = await client.headManifest(ref.repository, ref.tag!);
      if (info === null) {
        failures.push(
          `${says} does not resolve: registry ${ref.registry} has no manifest ${ref.repository}:${ref.tag!} (404)`,
        );
        return;
      }
      resolved.set(reference, info.digest);
      log.info(`${shown} → ${info.digest}`);
    } catch (err) {
      failures.push(`${says} does not resolve: ${errorMessage(err)}`);
    }
  });
  if (failures.length > 0) {
    throw new TagResolutionError(
      `${failures.length} image tag${failures.length === 1 ? '' : 's'} of the stack did not resolve to a digest (nothing was started):\n${failures.sort().join('\n')}`,
    );
  }
  return resolved;
}

/**
 * The model with each resolved tag of a service not under test written as `repo:tag@sha256:…`: what a
 * deployment stores, so a rollback starts the digests that ran, not what the tag names by then.
 */
export function pinnedModel(
  model: ComposeModel,
  resolved: ReadonlyMap<string, string>,
  images: ImageSet,
): ComposeModel {
  const services: ComposeModel['services'] = {};
  for (const [name, service] of Object.entries(model.services)) {
    services[name] = service;
    if (images.some((i) => i.name === name) || typeof service.image !== 'string') continue;
    let key: string;
    try {
      const ref = parseReference(service.image.trim());
      if (ref.digest !== undefined) continue;
      key = tagReference(ref);
    } catch {
      continue;
    }
    const digest = resolved.get(key);
    if (digest !== undefined) services[name] = { ...service, image: `${key}@${digest}` };
  }
  return { ...model, services };
}

/**
 * Checks compose text and, when its only obstacle is tags to resolve, resolves them (once each) and
 * builds again with their digests. Nothing is resolved for a file with errors.
 * @returns the check; its `model` carries the resolved digests
 * @throws TagResolutionError when a tag does not resolve
 */
export async function checkStackTextResolved(
  file: string,
  text: string,
  opts: CheckStackOptions,
  resolveOpts: ResolveOptions = {},
): Promise<StackCheck> {
  const first = checkStackText(file, text, opts);
  if (first.tags.length === 0 || first.problems.some((p) => p.severity === 'error')) return first;
  const resolved = await resolveTags(first.tags, resolveOpts);
  const check = checkStackText(file, text, { ...opts, resolved });
  if (check.model !== undefined) check.model = pinnedModel(check.model, resolved, opts.images);
  return check;
}

/** {@link checkStackTextResolved} on the file at `file` (read once). */
export async function checkStackResolved(
  file: string,
  opts: CheckStackOptions,
  resolveOpts: ResolveOptions = {},
): Promise<StackCheck> {
  const path = resolvePath(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return {
      tags: [],
      problems: [{ severity: 'error', file, path: '', message: `cannot read: ${errorMessage(err)}` }],
    };
  }
  return checkStackTextResolved(path, text, opts, resolveOpts);
}
