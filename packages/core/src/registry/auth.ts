/**
 * Registry authentication: credential lookup (docker and podman auth files), `WWW-Authenticate`
 * challenge parsing and the bearer-token exchange of the Docker token protocol.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Username and password (or a personal access token used as password). */
export interface BasicCredentials {
  username: string;
  password: string;
}

/** A registry bearer token obtained elsewhere (e.g. a CI job token); sent as-is, never exchanged. */
export interface TokenCredentials {
  token: string;
}

/** Credentials for one registry. */
export type Credentials = BasicCredentials | TokenCredentials;

/** Credentials and the file they came from (for messages). */
export interface FoundCredentials {
  credentials: BasicCredentials;
  source: string;
}

/** One challenge of a `WWW-Authenticate` header. `scheme` is lowercased; parameter names too. */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Parses a `WWW-Authenticate` header into its challenges (RFC 7235), e.g.
 * `Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull,push"`.
 *
 * Quoted values may contain commas (scopes do) and backslash escapes; several challenges may be
 * listed in one header (`Basic realm="x", Bearer realm="y"`).
 */
export function parseWwwAuthenticate(header: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let i = 0;
  const n = header.length;
  const skipSpace = (): void => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i]!)) i++;
    return header.slice(start, i);
  };
  while (i < n) {
    skipSpace();
    if (header[i] === ',') {
      i++;
      continue;
    }
    const scheme = readToken();
    if (scheme === '') {
      // Unparsable junk: skip one character rather than loop forever.
      i++;
      continue;
    }
    const challenge: AuthChallenge = { scheme: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);
    for (;;) {
      skipSpace();
      const save = i;
      const name = readToken();
      skipSpace();
      if (name === '' || header[i] !== '=') {
        // Not `name=`: the next challenge's scheme starts here (token68 forms are not used by registries).
        i = save;
        break;
      }
      i++; // '='
      skipSpace();
      let value = '';
      if (header[i] === '"') {
        i++;
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++;
          value += header[i];
          i++;
        }
        i++; // closing quote
      } else {
        // Unquoted values are tokens per RFC 7235, but some registries send bare URLs; take up to `,`.
        const start = i;
        while (i < n && header[i] !== ',' && header[i] !== ' ' && header[i] !== '\t') i++;
        value = header.slice(start, i);
      }
      challenge.params[name.toLowerCase()] = value;
      skipSpace();
      if (header[i] === ',') {
        i++;
        continue;
      }
      break;
    }
  }
  return challenges;
}

/**
 * Builds the token endpoint URL of a bearer challenge: `realm?service=...&scope=...&scope=...`.
 *
 * @throws Error when the challenge has no realm or the realm is not an http(s) URL
 */
export function tokenUrl(challenge: AuthChallenge, scopes: readonly string[]): URL {
  const realm = challenge.params['realm'];
  if (realm === undefined || realm === '') {
    throw new Error(`bearer challenge without a realm: ${JSON.stringify(challenge.params)}`);
  }
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    throw new Error(`bearer challenge realm is not a URL: ${JSON.stringify(realm)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`bearer challenge realm must be http(s), got ${JSON.stringify(realm)}`);
  }
  const service = challenge.params['service'];
  if (service !== undefined && service !== '') url.searchParams.set('service', service);
  for (const scope of scopes) url.searchParams.append('scope', scope);
  return url;
}

/** Host names under which Docker Hub credentials may be stored. */
const DOCKER_HUB_ALIASES = [
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
];

/**
 * Reduces an auth-file key (`https://index.docker.io/v1/`, `http://host:5000`, `host:5000/ns`) to
 * its host[:port], lowercased, so keys written by different tools compare equal.
 */
export function normalizeAuthKey(key: string): string {
  let k = key.trim().toLowerCase();
  k = k.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const slash = k.indexOf('/');
  if (slash >= 0) k = k.slice(0, slash);
  return k;
}

function sameRegistry(a: string, b: string): boolean {
  if (a === b) return true;
  return DOCKER_HUB_ALIASES.includes(a) && DOCKER_HUB_ALIASES.includes(b);
}

/** Where credentials are looked up, in order. */
export interface AuthFileOptions {
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** Reads a file as UTF-8, or returns undefined when it does not exist. */
  readFile?: (path: string) => string | undefined;
}

/**
 * The auth files consulted, in order: `$REGISTRY_AUTH_FILE` (podman's override),
 * `$DOCKER_CONFIG/config.json` (or `~/.docker/config.json`), `${XDG_RUNTIME_DIR}/containers/auth.json`,
 * `~/.config/containers/auth.json`. Docker comes before podman's files because runners'
 * `docker login` steps write there.
 */
export function authFilePaths(options: AuthFileOptions = {}): string[] {
  const env = options.env ?? process.env;
  const home = options.home ?? env['HOME'] ?? homedir();
  const paths: string[] = [];
  if (env['REGISTRY_AUTH_FILE']) paths.push(env['REGISTRY_AUTH_FILE']);
  paths.push(join(env['DOCKER_CONFIG'] || join(home, '.docker'), 'config.json'));
  if (env['XDG_RUNTIME_DIR']) paths.push(join(env['XDG_RUNTIME_DIR'], 'containers', 'auth.json'));
  paths.push(join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'containers', 'auth.json'));
  return paths;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if (
      (err as NodeJS.ErrnoException).code === 'ENOENT' ||
      (err as NodeJS.ErrnoException).code === 'ENOTDIR'
    ) {
      return undefined;
    }
    throw new Error(`cannot read registry auth file ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Decodes an `auths[host]` entry: `auth` is base64 of `user:password` (the password may contain
 * colons); `username`/`password` fields are accepted too. Returns undefined for entries without
 * usable credentials (e.g. only an `identitytoken`, which needs an OAuth exchange we do not do).
 */
export function decodeAuthEntry(entry: unknown, where: string): BasicCredentials | undefined {
  if (entry === null || typeof entry !== 'object') return undefined;
  const e = entry as Record<string, unknown>;
  if (typeof e['auth'] === 'string' && e['auth'] !== '') {
    const decoded = Buffer.from(e['auth'], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw new Error(`${where}: "auth" is not base64 of "username:password"`);
    }
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof e['username'] === 'string' && typeof e['password'] === 'string' && e['username'] !== '') {
    return { username: e['username'], password: e['password'] };
  }
  return undefined;
}

/**
 * Finds stored credentials for `registry` (host[:port]) in the docker and podman auth files.
 * The first file with a matching `auths` entry wins. Credential helpers (`credsStore`,
 * `credHelpers`) are not run.
 *
 * @throws Error naming the file when an auth file exists but is not valid JSON or its entry is malformed
 */
export function findStoredCredentials(
  registry: string,
  options: AuthFileOptions = {},
): FoundCredentials | undefined {
  const read = options.readFile ?? readIfExists;
  const want = normalizeAuthKey(registry);
  for (const path of authFilePaths(options)) {
    const text = read(path);
    if (text === undefined || text.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new Error(`registry auth file ${path} is not valid JSON: ${(err as Error).message}`, {
        cause: err,
      });
    }
    const auths = (parsed as { auths?: unknown } | null)?.auths;
    if (auths === null || typeof auths !== 'object') continue;
    // Exact key first, so `host:5000` beats a stale `https://host:5000/v1/` entry.
    const entries = Object.entries(auths as Record<string, unknown>).sort(
      ([a], [b]) => Number(b.toLowerCase() === want) - Number(a.toLowerCase() === want),
    );
    for (const [key, entry] of entries) {
      // Repository-scoped podman keys (`host/ns`) would need per-repository tokens; skip them.
      if (
        key
          .replace(/^[a-z]+:\/\//i, '')
          .replace(/\/v[12]\/?$/, '')
          .includes('/')
      )
        continue;
      if (!sameRegistry(normalizeAuthKey(key), want)) continue;
      const credentials = decodeAuthEntry(entry, `${path} auths[${JSON.stringify(key)}]`);
      if (credentials !== undefined) return { credentials, source: path };
    }
  }
  return undefined;
}

/** `Authorization` value for basic credentials. */
export function basicAuthorization(credentials: BasicCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

/** A token answered by a token endpoint. */
export interface IssuedToken {
  token: string;
  /** Epoch ms after which it must not be used. */
  expiresAt: number;
}

/**
 * Parses a token endpoint's JSON (`token` or OAuth2 `access_token`, `expires_in` seconds, default 60
 * per the Docker token spec). A margin of 10 s is kept so a token does not expire mid-request.
 */
export function parseTokenResponse(body: unknown, now: number = Date.now()): IssuedToken {
  const b = (body ?? {}) as Record<string, unknown>;
  const token =
    typeof b['token'] === 'string' && b['token'] !== ''
      ? b['token']
      : typeof b['access_token'] === 'string'
        ? b['access_token']
        : '';
  if (token === '') throw new Error('token endpoint answered without "token" or "access_token"');
  const expiresIn = typeof b['expires_in'] === 'number' && b['expires_in'] > 0 ? b['expires_in'] : 60;
  return { token, expiresAt: now + Math.max(0, expiresIn - 10) * 1000 };
}
