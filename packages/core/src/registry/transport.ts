/**
 * HTTP to one registry: base URL and scheme, authentication, retries, and turning refusals into
 * RegistryErrors. The operations (manifests.ts, blobs.ts, tags.ts, referrers.ts) speak through it.
 */
import type { Log } from '../log.js';
import {
  keepAliveFetch,
  type RegistryFetch,
  type RegistryRequestInit,
  type RegistryResponse,
} from './http.js';
import { parseWwwAuthenticate, type Credentials } from './auth.js';
import { AuthSession, scopePush } from './auth-session.js';
import { malformedAnswer, RegistryError } from './errors.js';
import { failUnlessStatus } from './responses.js';
import { isLoopbackHost } from './loopback.js';
import { isRedirectStatus, sameOrigin } from './origins.js';
import { fetchWithRetry, resolveRetryOptions, type RetryEvent, type RetryOptions } from './retry.js';

/** How to reach a registry; the options of `RegistryClient` apart from its log. */
export interface ConnectionOptions {
  /** Registry host with optional port, e.g. `127.0.0.1:5000`, `ghcr.io`, `[::1]:5000`, `docker.io`. */
  registry: string;
  /**
   * Allow plain http to a non-loopback registry. Loopback registries (127.0.0.0/8, ::1, localhost)
   * always use http; every other registry uses https unless this is set.
   */
  insecure?: boolean;
  /**
   * Credentials. `undefined` (the default) looks them up in the docker/podman auth files (see
   * `authFilePaths`); `null` forces anonymous access.
   */
  credentials?: Credentials | null;
  /**
   * `fetch` implementation (default {@link keepAliveFetch}: node:http with one keep-alive agent per
   * origin); the global `fetch` or a test's scripted one fit too.
   */
  fetch?: RegistryFetch;
  /** Retry policy for network errors, 408/429 and 5xx; defaults to 4 attempts, 500 ms base delay. */
  retry?: Partial<RetryOptions>;
  /** Environment used for the auth-file lookup (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** `User-Agent` header (default `digestline`). */
  userAgent?: string;
}

/** One logical request through {@link RegistryTransport.send}. */
export interface SendOptions {
  method: string;
  /** A path under the base URL (`/v2/...`) or an absolute URL (upload locations). */
  url: string;
  scopes: readonly string[];
  headers?: Record<string, string>;
  body?: Uint8Array | ReadableStream<Uint8Array>;
  /** False when a failed attempt cannot be repeated (one-shot stream body, upload session PUT). */
  repeatable?: boolean;
}

/**
 * The API base URL (`http(s)://host[:port]`) of a registry: http for loopback hosts or when
 * `insecure`, https otherwise. `docker.io` maps to Docker Hub's API host.
 *
 * @throws Error when `registry` is not a bare host[:port]
 */
export function registryBaseUrl(registry: string, insecure = false): string {
  let url: URL;
  try {
    url = new URL(`http://${registry}`);
  } catch {
    throw new Error(`registry ${JSON.stringify(registry)} is not a host[:port]`);
  }
  if (
    registry === '' ||
    url.username !== '' ||
    url.password !== '' ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    registry.includes('/')
  ) {
    throw new Error(
      `registry ${JSON.stringify(registry)} is not a host[:port] (no scheme, path or credentials)`,
    );
  }
  const host = url.host === 'docker.io' || url.host === 'index.docker.io' ? 'registry-1.docker.io' : url.host;
  const scheme = insecure || isLoopbackHost(url.hostname) ? 'http' : 'https';
  return `${scheme}://${host}`;
}

/** Parses RFC 8288 `Link` for `rel="next"` (registries use it to paginate tag and referrer lists). */
export function nextLink(header: string | null): string | undefined {
  if (header === null) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m !== null && /;\s*rel="?next"?(\s*;|\s*$)/i.test(m[2]!)) return m[1];
  }
  return undefined;
}

/**
 * Sends requests to one registry. Authentication is negotiated on demand (see {@link AuthSession});
 * requests that fail with a network error, 408, 429 or 5xx are retried with exponential backoff
 * and jitter, honouring `Retry-After`.
 */
export class RegistryTransport {
  /** host[:port] as given. */
  readonly registry: string;
  /** `http(s)://host[:port]`. */
  readonly baseUrl: string;
  /** The resolved retry policy (uploads restart whole sessions with it). */
  readonly retry: RetryOptions;
  /** Receives retries and best-effort cleanup failures, as debug lines. */
  readonly log: Log;

  private readonly fetchImpl: RegistryFetch;
  private readonly userAgent: string;
  private readonly auth: AuthSession;

  constructor(options: ConnectionOptions, log: Log) {
    this.registry = options.registry;
    this.baseUrl = registryBaseUrl(options.registry, options.insecure ?? false);
    this.fetchImpl = options.fetch ?? keepAliveFetch;
    this.retry = resolveRetryOptions(options.retry);
    this.log = log;
    this.userAgent = options.userAgent ?? 'digestline';
    this.auth = new AuthSession({
      registry: options.registry,
      baseUrl: this.baseUrl,
      credentials: options.credentials,
      env: options.env ?? process.env,
      insecure: options.insecure ?? false,
      userAgent: this.userAgent,
      fetch: this.fetchImpl,
      retry: this.retry,
    });
  }

  /** The absolute URL of a path under the base URL; absolute URLs are returned as they are. */
  absolute(url: string): string {
    return url.startsWith('/') ? this.baseUrl + url : url;
  }

  /**
   * One logical request: preemptive auth, retries, and one repeat after answering a 401 challenge
   * (the repeat is skipped when the body cannot be sent twice; the 401 is then returned, and the
   * cached auth makes a restarted operation authenticate up front).
   */
  async send(request: SendOptions): Promise<RegistryResponse> {
    const repeatable = (request.repeatable ?? true) && !(request.body instanceof ReadableStream);
    const { response, url } = await this.attempt(request, repeatable);
    const header = response.headers.get('www-authenticate');
    if (response.status !== 401 || header === null) return response;
    // A challenge from another origin (storage a redirect or upload Location led to) would have
    // us send the registry's credentials to a realm of that origin's choosing.
    if (!sameOrigin(url, this.baseUrl)) return response;
    await this.auth.answerChallenge(
      parseWwwAuthenticate(header),
      request.scopes,
      request.method,
      request.url,
    );
    if (!repeatable) return response;
    await response.body?.cancel();
    return (await this.attempt(request, repeatable)).response;
  }

  /**
   * Throws a RegistryError built from the response unless its status is one of `ok`.
   *
   * @param url a path under the base URL or an absolute URL
   */
  async expect(
    response: RegistryResponse,
    method: string,
    url: string,
    ok: readonly number[],
  ): Promise<void> {
    await failUnlessStatus(response, method, this.absolute(url), ok, this.auth.credentialsSource);
  }

  /**
   * DELETE of a manifest or blob path: true when deleted, false when the registry has no such thing.
   */
  async deleteAt(repository: string, path: string): Promise<boolean> {
    const response = await this.send({ method: 'DELETE', url: path, scopes: [scopePush(repository)] });
    const found = response.status !== 404;
    // expect() reads the body of a refusal for its message; otherwise the body is not needed.
    if (found) await this.expect(response, 'DELETE', path, [200, 202, 204]);
    await response.body?.cancel();
    return found;
  }

  /**
   * One request with retries, following redirects by hand so that `Authorization` goes only to
   * the registry's own origin (blob GETs and uploads are often redirected to storage elsewhere,
   * which gets the request without credentials). Returns the final response and its URL.
   */
  private async attempt(
    request: SendOptions,
    repeatable: boolean,
  ): Promise<{ response: RegistryResponse; url: string }> {
    let url = this.absolute(request.url);
    let method = request.method;
    let body = request.body;
    let headers = { ...request.headers };
    for (let hops = 0; ; hops++) {
      const response = await this.fetchOnce(request.scopes, { method, url, headers, body }, repeatable);
      const location = response.headers.get('location');
      if (!isRedirectStatus(response.status) || location === null) return { response, url };
      await response.body?.cancel().catch(() => undefined);
      const next = new URL(location, url).href;
      const fail = (why: string): RegistryError =>
        malformedAnswer(method, url, response.status, `redirected (${response.status}) to ${next}, ${why}`);
      if (hops >= MAX_REDIRECTS) throw fail(`more than ${MAX_REDIRECTS} redirects in a row`);
      if (response.status === 303 || (response.status <= 302 && method === 'POST')) {
        // As fetch does: these turn the request into a body-less GET.
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
        headers = withoutBodyHeaders(headers);
      } else if (body instanceof ReadableStream) {
        throw fail('but the body was a one-shot stream that cannot be sent again');
      }
      url = next;
    }
  }

  /** One hop: credentials only when `url` is on the registry's origin. */
  private async fetchOnce(
    scopes: readonly string[],
    hop: Pick<SendOptions, 'method' | 'url' | 'headers' | 'body'>,
    repeatable: boolean,
  ): Promise<RegistryResponse> {
    const { method, url, body } = hop;
    const headers: Record<string, string> = { 'user-agent': this.userAgent, ...hop.headers };
    if (sameOrigin(url, this.baseUrl)) {
      const authorization = await this.auth.authorization(scopes);
      if (authorization !== undefined) headers['authorization'] = authorization;
    }
    const init: RegistryRequestInit = { method, headers, redirect: 'manual' };
    if (body !== undefined) {
      init.body = body;
      if (body instanceof ReadableStream) init.duplex = 'half';
    }
    const onRetry = (event: RetryEvent): void => {
      const why =
        event.status !== undefined ? `status ${event.status}` : `${(event.error as Error)?.message}`;
      this.log.debug(
        `${method} ${url}: ${why}; retrying in ${event.delayMs} ms (attempt ${event.attempt + 1}/${event.attempts})`,
      );
    };
    try {
      return await fetchWithRetry(
        () => this.fetchImpl(url, init),
        repeatable ? this.retry : { ...this.retry, attempts: 1 },
        onRetry,
      );
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause;
      const reason =
        cause instanceof Error ? `${(err as Error).message}: ${cause.message}` : (err as Error).message;
      throw new RegistryError(
        method,
        url,
        undefined,
        undefined,
        undefined,
        `${method} ${url} failed: ${reason}` + (repeatable ? ` (after ${this.retry.attempts} attempts)` : ''),
        { cause: err },
      );
    }
  }
}

/** Redirects followed for one request before it counts as a loop. */
const MAX_REDIRECTS = 5;

function withoutBodyHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!/^content-/i.test(name)) kept[name] = value;
  }
  return kept;
}
