/**
 * Which origins may see the registry's credentials. Credentials belong to the registry's own
 * origin (scheme, host and port of its base URL) and to the token realm it announced; every other
 * URL a registry names (a pagination `Link`, an upload `Location`, a redirect) is somebody else.
 */

/** The origin (`scheme://host[:port]`) of an absolute URL. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

/** True when both absolute URLs share scheme, host and port. */
export function sameOrigin(a: string, b: string): boolean {
  return originOf(a) === originOf(b);
}

/** The statuses after which `Location` names where to repeat the request. */
export function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
