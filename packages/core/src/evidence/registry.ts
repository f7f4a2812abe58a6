/**
 * The registry operations evidence is read and written with: the part of the registry client it
 * needs, the referrers API remembered per client, and small reads and writes that treat "not there"
 * as an answer rather than an error.
 */
import type { RegistryClient } from '../registry/client.js';
import { RegistryError } from '../registry/errors.js';
import type { FetchedManifest } from '../registry/manifests.js';
import type { Descriptor } from '../registry/media-types.js';

/**
 * The part of {@link RegistryClient} evidence needs; unit tests pass an in-memory registry with the
 * same methods.
 */
export type EvidenceRegistry = Pick<
  RegistryClient,
  'getManifest' | 'putManifest' | 'headBlob' | 'getBlob' | 'uploadBlob' | 'referrers'
>;

/**
 * Clients whose registry answered 404 to the referrers API. The OCI distribution spec forbids a 404
 * from a registry that has the API (it answers an empty index for an unknown subject), so one 404
 * says it for the whole registry (CNCF distribution 2.8, Forgejo): later reads and writes through
 * the same client go straight to the fallback tag instead of paying that round trip again.
 */
const withoutReferrersApi = new WeakSet<object>();

/**
 * `client.referrers()`, remembered per client: `null` (no referrers API) without a request once the
 * registry has answered 404.
 */
export async function referrersOf(
  client: Pick<RegistryClient, 'referrers'>,
  repo: string,
  digest: string,
  artifactType?: string,
): Promise<Descriptor[] | null> {
  if (withoutReferrersApi.has(client)) return null;
  const found = await client.referrers(repo, digest, artifactType);
  if (found === null) withoutReferrersApi.add(client);
  return found;
}

/** Whether {@link referrersOf} has seen `client`'s registry answer 404 to the referrers API. */
export function knownWithoutReferrersApi(client: object): boolean {
  return withoutReferrersApi.has(client);
}

/** True for the error the registry client throws when a manifest or blob does not exist. */
export function isNotFound(err: unknown): boolean {
  return err instanceof RegistryError && err.status === 404;
}

/** A manifest by tag or digest, or `undefined` when the registry does not have it. */
export async function getManifestOrUndefined(
  client: Pick<RegistryClient, 'getManifest'>,
  repo: string,
  ref: string,
): Promise<FetchedManifest | undefined> {
  try {
    return await client.getManifest(repo, ref);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Uploads a blob unless the repository has it already. */
export async function uploadIfMissing(
  client: EvidenceRegistry,
  repo: string,
  bytes: Buffer,
  digest: string,
): Promise<void> {
  if (!(await client.headBlob(repo, digest))) await client.uploadBlob(repo, digest, bytes, bytes.length);
}

/** Reads a whole blob (verified by the client's stream) into memory, refusing more than `maxBytes`. */
export async function readBlob(
  client: EvidenceRegistry,
  repo: string,
  digest: string,
  maxBytes: number,
): Promise<Buffer> {
  const download = await client.getBlob(repo, digest);
  if (download.size !== undefined && download.size > maxBytes) {
    await download.stream.cancel();
    throw new Error(`blob ${digest} is ${download.size} bytes, over the ${maxBytes}-byte limit`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = download.stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`blob ${digest} exceeds the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
