/**
 * The referrers fallback index (an OCI index at tag `sha256-<hex>`, OCI distribution spec 1.1): how
 * evidence is listed on a registry without the referrers API. Distribution 2.8 has no compare-and-set
 * on tags, so every change is read-merge-put-verify.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { OCI_INDEX, type Descriptor, type ManifestJson } from '../registry/media-types.js';
import { getManifestOrUndefined, type EvidenceRegistry } from './registry.js';

/**
 * Adds `descriptor` to a referrers index unless an entry with its digest is there (pure).
 *
 * @returns the new index, or `undefined` when nothing changed
 */
export function mergeReferrer(
  index: ManifestJson | undefined,
  descriptor: Descriptor,
): ManifestJson | undefined {
  const manifests = index?.manifests ?? [];
  if (manifests.some((m) => m.digest === descriptor.digest)) return undefined;
  return { ...(index ?? {}), schemaVersion: 2, mediaType: OCI_INDEX, manifests: [...manifests, descriptor] };
}

/** Tuning of the fallback index merge. */
export interface MergeOptions {
  /** Rounds of read-merge-put-verify before giving up (default 6). */
  attempts?: number;
  /**
   * How long to wait after a put before re-reading to verify it (default 150-400 ms, random). A
   * concurrent writer's put that lands within this window is seen and repaired.
   */
  settleMs?: () => number;
}

/**
 * Read-merge-put-verify loop on a fallback index tag.
 *
 * @returns the number of rounds it took
 */
export async function mergeIntoFallback(
  client: EvidenceRegistry,
  repo: string,
  tag: string,
  descriptor: Descriptor,
  opts: MergeOptions = {},
): Promise<number> {
  const attempts = opts.attempts ?? 6;
  const settle = opts.settleMs ?? (() => 150 + Math.floor(Math.random() * 250));
  for (let round = 1; round <= attempts; round++) {
    const current = await getManifestOrUndefined(client, repo, tag);
    const merged = mergeReferrer(current?.json, descriptor);
    if (merged !== undefined) {
      await client.putManifest(repo, tag, Buffer.from(JSON.stringify(merged), 'utf8'), OCI_INDEX);
    }
    // Waiting lets a concurrent writer's put (based on an index read before ours landed) land first,
    // so the re-read sees it and we merge again instead of being silently overwritten.
    await sleep(settle());
    const after = await getManifestOrUndefined(client, repo, tag);
    if (after?.json.manifests?.some((m) => m.digest === descriptor.digest)) {
      if (merged === undefined) return round;
      // Our put stuck; a second look after another wait catches a writer whose put was still in flight.
      await sleep(settle());
      const again = await getManifestOrUndefined(client, repo, tag);
      if (again?.json.manifests?.some((m) => m.digest === descriptor.digest)) return round;
    }
  }
  throw new Error(
    `could not keep ${descriptor.digest} in the referrers index ${repo}:${tag} after ${attempts} rounds: ` +
      'other writers kept replacing it',
  );
}
