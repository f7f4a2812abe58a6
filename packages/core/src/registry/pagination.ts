/**
 * Following `Link: rel="next"` through a paginated list (tags, referrers) without trusting the
 * registry to end it: pages stay on the registry's origin, none is fetched twice, and there is a
 * page cap, so a loop or an endless chain fails instead of spinning.
 */
import { RegistryError } from './errors.js';
import { originOf, sameOrigin } from './origins.js';
import { nextLink } from './transport.js';

/** Pages of one list followed before giving up (1,000 pages of 1,000 tags is a million tags). */
export const MAX_PAGES = 1000;

/** The trail of pages of one list; see the module comment. */
export class PageTrail {
  private readonly seen = new Set<string>();

  /**
   * @param baseUrl the registry's `http(s)://host[:port]`
   * @param what the list, for messages (`tag list of app`)
   */
  constructor(
    private readonly baseUrl: string,
    private readonly what: string,
    private readonly maxPages: number = MAX_PAGES,
  ) {}

  /**
   * Records that the page at absolute `url` is about to be fetched.
   *
   * @throws RegistryError when the page was fetched before or the page cap is reached
   */
  visit(url: string): void {
    if (this.seen.has(url)) {
      throw this.error(url, `pagination loops: page ${url} was already fetched (${this.seen.size} pages)`);
    }
    if (this.seen.size >= this.maxPages) {
      throw this.error(url, `pagination exceeds ${this.maxPages} pages`);
    }
    this.seen.add(url);
  }

  /**
   * The absolute URL of the next page named by `link` (the `Link` header of the page at `url`),
   * or undefined at the end.
   *
   * @throws RegistryError when it is on another origin than the registry (it would not get the
   *   registry's credentials, and a list the registry hands to a third party is not the registry's)
   */
  next(url: string, link: string | null): string | undefined {
    const target = nextLink(link);
    if (target === undefined) return undefined;
    const next = new URL(target, url).href;
    if (!sameOrigin(next, this.baseUrl)) {
      throw this.error(
        url,
        `the next page is on another origin: ${originOf(next)}, not the registry's ${originOf(this.baseUrl)}; refusing to follow it`,
      );
    }
    return next;
  }

  private error(url: string, why: string): RegistryError {
    return new RegistryError('GET', url, undefined, undefined, undefined, `GET ${url}: ${this.what}: ${why}`);
  }
}
