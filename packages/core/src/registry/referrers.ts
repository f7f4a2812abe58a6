/**
 * The OCI referrers API: manifests whose `subject` is a given digest (signatures, attestations).
 * Registries without it (Forgejo's among them) answer 404; callers then use the tag schema.
 */
import { scopePull } from './auth-session.js';
import { OCI_INDEX, type Descriptor, type ManifestJson } from './media-types.js';
import { checkDigest, checkRepository } from './names.js';
import { PageTrail } from './pagination.js';
import { MAX_LIST_PAGE_BYTES, readJsonCapped } from './responses.js';
import type { RegistryTransport } from './transport.js';

/**
 * Manifests that refer to `digest` through their `subject`, via the OCI referrers API.
 * Returns null when the registry has no referrers API (404), so the caller can fall back to the
 * `sha256-<hex>` tag schema.
 *
 * @param artifactType keep only referrers of this artifact type
 */
export async function referrers(
  transport: RegistryTransport,
  repository: string,
  digest: string,
  artifactType?: string,
): Promise<Descriptor[] | null> {
  checkRepository(repository);
  checkDigest(digest, 'subject digest');
  const result: Descriptor[] = [];
  const trail = new PageTrail(transport.baseUrl, `referrers of ${repository}@${digest}`);
  let url: string | undefined = transport.absolute(
    `/v2/${repository}/referrers/${digest}` +
      (artifactType === undefined ? '' : `?artifactType=${encodeURIComponent(artifactType)}`),
  );
  let first = true;
  // A registry that ignores the filter says so by not listing it in OCI-Filters-Applied.
  let filtered = artifactType === undefined;
  while (url !== undefined) {
    trail.visit(url);
    const response = await transport.send({
      method: 'GET',
      url,
      scopes: [scopePull(repository)],
      headers: { accept: OCI_INDEX },
    });
    if (first && response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    first = false;
    await transport.expect(response, 'GET', url, [200]);
    const applied = (response.headers.get('oci-filters-applied') ?? '').split(',');
    if (applied.some((f) => f.trim() === 'artifactType')) filtered = true;
    const index = (await readJsonCapped(
      response,
      'GET',
      url,
      MAX_LIST_PAGE_BYTES,
      'referrers index page',
    )) as ManifestJson | null;
    result.push(...(index?.manifests ?? []));
    url = trail.next(url, response.headers.get('link'));
  }
  return filtered ? result : result.filter((d) => d.artifactType === artifactType);
}
