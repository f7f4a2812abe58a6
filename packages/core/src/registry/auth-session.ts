/**
 * The authentication state of one registry client: which credentials it has, which scheme the
 * registry asked for, and the bearer tokens it was issued (cached per scope set).
 *
 * Negotiation is on demand: requests go out anonymously until the registry answers a
 * `WWW-Authenticate` challenge; from then on the scheme it asked for is used up front.
 */
import {
  authFilePaths,
  basicAuthorization,
  findStoredCredentials,
  parseTokenResponse,
  tokenUrl,
  type AuthChallenge,
  type Credentials,
  type IssuedToken,
} from './auth.js';
import { RegistryError } from './errors.js';
import { isRedirectStatus } from './origins.js';
import { failUnlessStatus, MAX_SMALL_BODY_BYTES, readJsonCapped } from './responses.js';
import { isLoopbackHost } from './loopback.js';
import type { RegistryFetch } from './http.js';
import { fetchWithRetry, type RetryOptions } from './retry.js';

/** Token scope to read `repository`. */
export function scopePull(repository: string): string {
  return `repository:${repository}:pull`;
}

/** Token scope to read and write `repository`. */
export function scopePush(repository: string): string {
  return `repository:${repository}:pull,push`;
}

/** What an {@link AuthSession} needs to know about its client. */
export interface AuthSessionOptions {
  /** host[:port] as given to the client (the key of the auth-file lookup). */
  registry: string;
  /** `http(s)://host[:port]` of the registry (for messages about relative URLs). */
  baseUrl: string;
  /** As `RegistryClientOptions.credentials`: undefined looks them up, null is anonymous. */
  credentials: Credentials | null | undefined;
  /** Environment of the auth-file lookup. */
  env: NodeJS.ProcessEnv;
  /** Allows a plain-http token realm that is not on loopback. */
  insecure: boolean;
  userAgent: string;
  fetch: RegistryFetch;
  retry: RetryOptions;
}

/** Answers a registry's authentication challenges and supplies the `Authorization` header. */
export class AuthSession {
  /** Where the credentials came from, or why there are none; named in 401/403 messages. */
  credentialsSource = 'none';

  private credentialsLoaded = false;
  private credentials: Credentials | null = null;
  private scheme: 'none' | 'basic' | 'bearer' = 'none';
  private bearerChallenge: AuthChallenge | undefined;
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly options: AuthSessionOptions) {}

  /** The Authorization header to send up front, once we know what the registry wants. */
  async authorization(scopes: readonly string[]): Promise<string | undefined> {
    if (this.scheme === 'basic') {
      const credentials = this.loadCredentials();
      return credentials !== null && 'username' in credentials ? basicAuthorization(credentials) : undefined;
    }
    if (this.scheme !== 'bearer') return undefined;
    const cached = this.tokens.get(scopeKey(scopes));
    if (cached !== undefined && cached.expiresAt > Date.now()) return `Bearer ${cached.token}`;
    const credentials = this.loadCredentials();
    if (credentials !== null && 'token' in credentials) return `Bearer ${credentials.token}`;
    if (this.bearerChallenge === undefined) return undefined;
    const token = await this.fetchToken(this.bearerChallenge, scopes);
    return `Bearer ${token.token}`;
  }

  /**
   * Takes in a 401's challenges: a bearer challenge fetches a token for `scopes` (and whatever
   * scope the challenge names), a basic one switches to basic credentials.
   *
   * @param url the request URL as sent to the transport (a path or an absolute URL)
   * @throws RegistryError when the challenge cannot be answered with the credentials at hand
   */
  async answerChallenge(
    challenges: AuthChallenge[],
    scopes: readonly string[],
    method: string,
    url: string,
  ): Promise<void> {
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    const basic = challenges.find((c) => c.scheme === 'basic');
    const credentials = this.loadCredentials();
    if (bearer !== undefined) {
      this.scheme = 'bearer';
      this.bearerChallenge = bearer;
      if (credentials !== null && 'token' in credentials) return;
      const asked = bearer.params['scope']?.split(' ').filter((s) => s !== '') ?? [];
      const all = [...new Set([...scopes, ...asked])];
      this.tokens.set(scopeKey(scopes), await this.fetchToken(bearer, all));
      return;
    }
    if (basic !== undefined) {
      if (credentials === null || !('username' in credentials)) {
        throw unauthorized(
          method,
          url,
          `${method} ${url.startsWith('/') ? this.options.baseUrl + url : url}: the registry requires basic ` +
            `authentication, but there are no username/password credentials (${this.credentialsSource})`,
        );
      }
      this.scheme = 'basic';
      return;
    }
    const schemes = challenges.map((c) => c.scheme).join(', ') || '(none)';
    throw unauthorized(method, url, `${method} ${url}: unsupported authentication challenge(s): ${schemes}`);
  }

  private loadCredentials(): Credentials | null {
    if (!this.credentialsLoaded) {
      this.credentialsLoaded = true;
      if (this.options.credentials !== undefined) {
        this.credentials = this.options.credentials;
        this.credentialsSource = this.credentials === null ? 'anonymous by request' : 'given to the client';
      } else {
        const { env, registry } = this.options;
        const found = findStoredCredentials(registry, { env });
        this.credentials = found?.credentials ?? null;
        this.credentialsSource =
          found !== undefined
            ? `from ${found.source}`
            : `none found for ${registry} in ${authFilePaths({ env }).join(', ')}`;
      }
    }
    return this.credentials;
  }

  private async fetchToken(challenge: AuthChallenge, scopes: readonly string[]): Promise<IssuedToken> {
    const url = tokenUrl(challenge, scopes);
    this.checkRealm(url);
    const credentials = this.loadCredentials();
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent };
    if (credentials !== null && 'username' in credentials) {
      headers['authorization'] = basicAuthorization(credentials);
    }
    // Not following redirects: the realm the registry named is the one place trusted with them.
    const response = await fetchWithRetry(
      () => this.options.fetch(url, { headers, redirect: 'manual' }),
      this.options.retry,
    );
    const location = response.headers.get('location');
    if (isRedirectStatus(response.status) && location !== null) {
      await response.body?.cancel().catch(() => undefined);
      throw new RegistryError(
        'GET',
        url.href,
        response.status,
        undefined,
        undefined,
        `GET ${url.href}: the token realm redirected (${response.status}) to ${new URL(location, url).href}; ` +
          'not following it with credentials',
      );
    }
    await failUnlessStatus(response, 'GET', url.href, [200], this.credentialsSource);
    const json = await readJsonCapped(response, 'GET', url.href, MAX_SMALL_BODY_BYTES, 'token response');
    const token = parseTokenResponse(json);
    this.tokens.set(scopeKey(scopes), token);
    return token;
  }

  /**
   * Credentials go to a token realm only over https, or over http on loopback. `insecure` also
   * allows http to the registry's own host (an insecure registry's own token service), never to
   * a third host, which could read them off the wire.
   */
  private checkRealm(url: URL): void {
    if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return;
    if (this.options.insecure && url.hostname === new URL(this.options.baseUrl).hostname) return;
    throw new RegistryError(
      'GET',
      url.href,
      undefined,
      undefined,
      undefined,
      `refusing to send credentials to token realm ${url.href} over plain http ` +
        `(the registry is ${this.options.baseUrl}; a token realm must be https unless it is on loopback)`,
    );
  }
}

/** A 401 that the credentials at hand cannot answer. */
function unauthorized(method: string, url: string, message: string): RegistryError {
  return new RegistryError(method, url, 401, 'UNAUTHORIZED', undefined, message);
}

function scopeKey(scopes: readonly string[]): string {
  return [...scopes].sort().join(' ');
}
