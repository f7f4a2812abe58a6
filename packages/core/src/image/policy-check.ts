/**
 * The image policy applied to a pushed image, read from the registry. The policy, glob and tar code
 * is imported on first use, so builds without a policy never load it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileTree } from '../policy/file-tree.js';
import type { ImagePolicy, PolicyResult } from '../policy/types.js';
import type { RegistryClient } from '../registry/client.js';
import type { Descriptor } from '../registry/media-types.js';
import type { TarEntry } from '../tar.js';
import type { PushedImage } from './pushed-image.js';

/** How many layer blobs are streamed at once. */
export const LAYER_CONCURRENCY = 3;

/**
 * Runs `fn` over `items` with at most `limit` in flight. After a failure no new item starts; the
 * ones in flight are awaited, then the first error is thrown.
 */
export async function forEachConcurrent<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        await fn(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== undefined) throw failure.error;
}

/**
 * The merged filesystem of an image: every layer blob is streamed from the registry through the tar
 * lister (several at once; contents are skipped, only names and metadata kept), then the listings are
 * applied in manifest order, since whiteouts in one layer delete what the layers below it added.
 */
export async function readImageFiles(
  client: RegistryClient,
  repository: string,
  layers: readonly Descriptor[],
  concurrency = LAYER_CONCURRENCY,
): Promise<FileTree> {
  const [{ listLayerEntries }, { FileTree }] = await Promise.all([
    import('../tar.js'),
    import('../policy/file-tree.js'),
  ]);
  const listings: TarEntry[][] = new Array<TarEntry[]>(layers.length);
  await forEachConcurrent(layers, concurrency, async (layer, index) => {
    const blob = await client.getBlob(repository, layer.digest);
    const entries: TarEntry[] = [];
    try {
      for await (const entry of listLayerEntries(blob.stream, layer.mediaType)) entries.push(entry);
    } catch (err) {
      await blob.stream.cancel().catch(() => undefined);
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`layer ${index + 1}/${layers.length} (${layer.digest}): ${message}`, { cause: err });
    }
    listings[index] = entries;
  });
  const tree = new FileTree();
  for (const entries of listings) tree.applyLayer(entries);
  return tree;
}

/**
 * Checks a pushed image against a policy: size from the manifest, user, labels and health check from
 * the config blob, and (only when the policy has `forbid` rules) the filesystem from the layers.
 */
export async function checkPushedImage(
  client: RegistryClient,
  repository: string,
  image: PushedImage,
  policy: ImagePolicy,
  concurrency = LAYER_CONCURRENCY,
): Promise<PolicyResult> {
  const { checkImage, policyNeedsFiles } = await import('../policy/check.js');
  const files = policyNeedsFiles(policy)
    ? await readImageFiles(client, repository, image.layers, concurrency)
    : undefined;
  return checkImage(policy, {
    sizeCompressed: image.size,
    config: image.config,
    ...(files ? { files } : {}),
  });
}

/** The JSON written to the `policy-report` file. */
export interface PolicyReportFile {
  /** `repository@digest` checked. */
  image: string;
  digest: string;
  /** The policy file. */
  policy: string;
  passed: boolean;
  violations: PolicyResult['violations'];
  checked: PolicyResult['checked'];
}

/** Writes the policy report JSON (creating its directory) and returns what was written. */
export async function writePolicyReport(
  path: string,
  image: string,
  digest: string,
  result: PolicyResult,
): Promise<PolicyReportFile> {
  const report: PolicyReportFile = {
    image,
    digest,
    policy: result.source,
    passed: result.passed,
    violations: result.violations,
    checked: result.checked,
  };
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  return report;
}
