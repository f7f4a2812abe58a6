/** Tag listing, following the registry's `Link` pagination. */
import { scopePull } from './auth-session.js';
import { checkRepository } from './names.js';
import { nextLink, type RegistryTransport } from './transport.js';

/** All tags of a repository, following `Link` pagination; [] when the repository is unknown. */
export async function listTags(transport: RegistryTransport, repository: string): Promise<string[]> {
  checkRepository(repository);
  const tags: string[] = [];
  let url: string | undefined = `/v2/${repository}/tags/list?n=1000`;
  const seen = new Set<string>();
  while (url !== undefined) {
    if (seen.has(url)) throw new Error(`GET ${transport.baseUrl}${url}: tag list pagination loops`);
    seen.add(url);
    const response = await transport.send({ method: 'GET', url, scopes: [scopePull(repository)] });
    if (response.status === 404 && tags.length === 0) {
      await response.body?.cancel();
      return [];
    }
    await transport.expect(response, 'GET', url, [200]);
    const json = (await response.json()) as { tags?: string[] | null };
    tags.push(...(json.tags ?? []));
    url = nextLink(response.headers.get('link'));
  }
  return tags;
}
