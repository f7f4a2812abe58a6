/** Tag listing, following the registry's `Link` pagination. */
import { scopePull } from './auth-session.js';
import { checkRepository } from './names.js';
import { PageTrail } from './pagination.js';
import { MAX_LIST_PAGE_BYTES, readJsonCapped } from './responses.js';
import type { RegistryTransport } from './transport.js';

/** All tags of a repository, following `Link` pagination; [] when the repository is unknown. */
export async function listTags(transport: RegistryTransport, repository: string): Promise<string[]> {
  checkRepository(repository);
  const tags: string[] = [];
  const trail = new PageTrail(transport.baseUrl, `tag list of ${repository}`);
  let url: string | undefined = transport.absolute(`/v2/${repository}/tags/list?n=1000`);
  while (url !== undefined) {
    trail.visit(url);
    const response = await transport.send({ method: 'GET', url, scopes: [scopePull(repository)] });
    if (response.status === 404 && tags.length === 0) {
      await response.body?.cancel();
      return [];
    }
    await transport.expect(response, 'GET', url, [200]);
    const json = (await readJsonCapped(response, 'GET', url, MAX_LIST_PAGE_BYTES, 'tag list page')) as {
      tags?: string[] | null;
    } | null;
    tags.push(...(json?.tags ?? []));
    url = trail.next(url, response.headers.get('link'));
  }
  return tags;
}
