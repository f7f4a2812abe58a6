/**
 * A client for the OCI distribution API (the registry HTTP API), built on the global `fetch`.
 *
 * Promotion copies images registry-to-registry by digest, so everything here is about bytes and
 * digests: manifests are verified against the digest asked for, blobs are verified while they
 * stream, and blobs move by cross-repository mount whenever the registry allows it.
 */
import { Readable } from 'node:stream';
import {
  authFilePaths,
  basicAuthorization,
  findStoredCredentials,
  parseTokenResponse,
  parseWwwAuthenticate,
  tokenUrl,
  type AuthChallenge,
  type BasicCredentials,
  type Credentials,
  type IssuedToken,
} from './auth.js';
import { digestOf, isContentDigest, splitDigest, verifyingStream } from './digest.js';
import { isLoopbackHost } from './loopback.js';
import { MANIFEST_ACCEPT, MAX_MANIFEST_BYTES, type Descriptor, type ManifestJson } from './media-types.js';
import {
  backoffDelay,
  fetchWithRetry,
  isRetryableStatus,
  resolveRetryOptions,
  type RetryEvent,
  type RetryOptions,
} from './retry.js';

/** Options of {@link RegistryClient}. */
export interface RegistryClientOptions {
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
  /** `fetch` implementation (default: the global one). */
  fetch?: typeof fetch;
  /** Retry policy for network errors, 408/429 and 5xx; defaults to 4 attempts, 500 ms base delay. */
  retry?: Partial<RetryOptions>;
  /** Environment used for the auth-file lookup (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Receives one line per retry or best-effort cleanup failure (e.g. `core.debug`). */
  log?: (message: string) => void;
  /** `User-Agent` header (default `digestline`). */
  userAgent?: string;
}

/** A registry answered something other than what the operation needs. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';

  /**
   * @param method HTTP method of the failed request
   * @param url the request URL
   * @param status HTTP status, or undefined when no response arrived
   * @param code `errors[0].code` of the registry's error JSON, if any
   * @param detail `errors[0].message` (or the start of a non-JSON body)
   * @param message the full message
   */
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
    readonly detail: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Bytes received from a registry do not hash to the digest they were supposed to have. */
export class DigestMismatchError extends Error {
  override readonly name = 'DigestMismatchError';

  constructor(
    readonly registry: string,
    readonly repository: string,
    readonly reference: string,
    readonly expected: string,
    readonly actual: string,
    what: string,
  ) {
    super(
      `${what} ${registry}/${repository}${reference.includes(':') ? '@' : ':'}${reference} failed verification: ` +
        `expected digest ${expected}, but the received bytes hash to ${actual}`,
    );
  }
}

/** What a manifest HEAD tells. */
export interface ManifestInfo {
  digest: string;
  mediaType: string;
  size: number;
}

/** A manifest as fetched and verified. `bytes` are exactly the registry's bytes (the digest covers them). */
export interface FetchedManifest extends ManifestInfo {
  bytes: Buffer;
  json: ManifestJson;
}

/** A blob being downloaded. */
export interface BlobDownload {
  digest: string;
  /** From `Content-Length`; undefined if the registry did not send one. */
  size: number | undefined;
  /**
   * The blob's bytes, not buffered. The stream errors at its end if the bytes do not hash to
   * `digest`; use `Readable.fromWeb` for a Node stream. Cancel it if you do not read it.
   */
  stream: ReadableStream<Uint8Array>;
}

/**
 * Body of a blob upload.
 * - `Uint8Array`: in memory; retried freely.
 * - a web `ReadableStream` or Node `Readable`: one-shot; once it has been sent, a failure is final.
 * - a function returning one of those: restartable; called again for each attempt, e.g.
 *   `() => source.getBlob(repo, digest).then((b) => b.stream)` to stream from another registry.
 */
export type BlobBody =
  | Uint8Array
  | ReadableStream<Uint8Array>
  | Readable
  | (() => Promise<ReadableStream<Uint8Array> | Readable> | ReadableStream<Uint8Array> | Readable);

/** How {@link RegistryClient.copyBlobFrom} got the blob there. */
export type BlobCopyResult = 'exists' | 'mounted' | 'streamed';

const REPOSITORY_RE = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
const TAG_RE = /^\w[\w.-]{0,127}$/;

export { isLoopbackHost } from './loopback.js';

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

function checkRepository(repository: string): void {
  if (!REPOSITORY_RE.test(repository) || repository.length > 255) {
    throw new Error(
      `repository ${JSON.stringify(repository)} is not a valid repository name (lowercase path components ` +
        'of [a-z0-9] separated by ".", "_", "__" or "-", joined by "/")',
    );
  }
}

function checkReference(reference: string): void {
  if (!TAG_RE.test(reference) && !isContentDigest(reference)) {
    throw new Error(
      `reference ${JSON.stringify(reference)} is neither a tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}) nor a ` +
        'sha256/sha512 digest',
    );
  }
}

function checkDigest(digest: string, what: string): void {
  if (!isContentDigest(digest)) {
    throw new Error(`${what} ${JSON.stringify(digest)} is not a sha256:<64 hex> or sha512:<128 hex> digest`);
  }
}

function mediaTypeOf(response: Response): string | undefined {
  const value = response.headers.get('content-type');
  if (value === null) return undefined;
  const type = value.split(';')[0]!.trim();
  return type === '' ? undefined : type;
}

function scopePull(repository: string): string {
  return `repository:${repository}:pull`;
}

function scopePush(repository: string): string {
  return `repository:${repository}:pull,push`;
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

function isStreamLike(value: unknown): value is ReadableStream<Uint8Array> | Readable {
  return value instanceof Readable || value instanceof ReadableStream;
}

function toWebStream(body: ReadableStream<Uint8Array> | Readable): ReadableStream<Uint8Array> {
  return body instanceof Readable ? (Readable.toWeb(body) as ReadableStream<Uint8Array>) : body;
}

interface SendOptions {
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
 * Speaks the OCI distribution API to one registry.
 *
 * Authentication is negotiated on demand: anonymous first, then whatever the registry's
 * `WWW-Authenticate` challenge asks for (basic, or a bearer token fetched from the challenge's realm
 * with the basic credentials, cached per scope). Requests that fail with a network error, 408,
 * 429 or 5xx are retried with exponential backoff and jitter, honouring `Retry-After`.
 *
 * @example
 * const client = new RegistryClient({ registry: '127.0.0.1:5000' });
 * const { digest } = await client.getManifest('app/web', 'v1');
 */
export class RegistryClient {
  /** host[:port] as given. */
  readonly registry: string;
  /** `http(s)://host[:port]`. */
  readonly baseUrl: string;

  private readonly fetchImpl: typeof fetch;
  private readonly retry: RetryOptions;
  private readonly options: RegistryClientOptions;
  private credentialsLoaded = false;
  private credentials: Credentials | null = null;
  private credentialsSource = 'none';
  private scheme: 'none' | 'basic' | 'bearer' = 'none';
  private bearerChallenge: AuthChallenge | undefined;
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(options: RegistryClientOptions) {
    this.options = options;
    this.registry = options.registry;
    this.baseUrl = registryBaseUrl(options.registry, options.insecure ?? false);
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.retry = resolveRetryOptions(options.retry);
  }

  /** Checks that the registry speaks the v2 API and that we can authenticate to it. */
  async ping(): Promise<void> {
    const response = await this.send({ method: 'GET', url: '/v2/', scopes: [] });
    await this.expect(response, 'GET', '/v2/', [200]);
    await response.body?.cancel();
  }

  /**
   * HEAD of a manifest: its digest, media type and size, or null when the registry does not have it.
   * Falls back to a GET when the registry omits `Docker-Content-Digest`.
   */
  async headManifest(repository: string, reference: string): Promise<ManifestInfo | null> {
    checkRepository(repository);
    checkReference(reference);
    const path = `/v2/${repository}/manifests/${reference}`;
    const response = await this.send({
      method: 'HEAD',
      url: path,
      scopes: [scopePull(repository)],
      headers: { accept: MANIFEST_ACCEPT },
    });
    if (response.status === 404) return null;
    await this.expect(response, 'HEAD', path, [200]);
    const digest = response.headers.get('docker-content-digest');
    const mediaType = mediaTypeOf(response);
    const length = response.headers.get('content-length');
    const size = Number(length);
    if (
      digest === null ||
      !isContentDigest(digest) ||
      mediaType === undefined ||
      length === null ||
      !Number.isInteger(size)
    ) {
      const fetched = await this.getManifest(repository, reference);
      return { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.size };
    }
    if (isContentDigest(reference) && digest !== reference) {
      throw new DigestMismatchError(this.registry, repository, reference, reference, digest, 'HEAD manifest');
    }
    return { digest, mediaType, size };
  }

  /**
   * Fetches a manifest (image manifest or index, OCI or Docker v2) and verifies its bytes: against
   * `reference` when it is a digest, else against the registry's `Docker-Content-Digest`.
   *
   * @throws DigestMismatchError when the bytes do not match
   * @throws RegistryError when the registry does not have it (404) or answers an error
   */
  async getManifest(repository: string, reference: string): Promise<FetchedManifest> {
    checkRepository(repository);
    checkReference(reference);
    const path = `/v2/${repository}/manifests/${reference}`;
    const response = await this.send({
      method: 'GET',
      url: path,
      scopes: [scopePull(repository)],
      headers: { accept: MANIFEST_ACCEPT },
    });
    await this.expect(response, 'GET', path, [200]);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_MANIFEST_BYTES) {
      await response.body?.cancel();
      throw new RegistryError(
        'GET',
        this.baseUrl + path,
        200,
        undefined,
        undefined,
        `GET ${this.baseUrl}${path}: manifest of ${declared} bytes exceeds the ${MAX_MANIFEST_BYTES}-byte limit`,
      );
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    const header = response.headers.get('docker-content-digest');
    let digest: string;
    if (isContentDigest(reference)) {
      digest = reference;
    } else if (header !== null && isContentDigest(header)) {
      digest = header;
    } else {
      digest = digestOf(bytes);
    }
    const actual = digestOf(bytes, splitDigest(digest).algorithm);
    if (actual !== digest) {
      throw new DigestMismatchError(this.registry, repository, reference, digest, actual, 'GET manifest');
    }
    if (isContentDigest(reference) && header !== null && isContentDigest(header) && header !== reference) {
      throw new DigestMismatchError(this.registry, repository, reference, reference, header, 'GET manifest');
    }
    let json: ManifestJson;
    try {
      json = JSON.parse(bytes.toString('utf8')) as ManifestJson;
    } catch (err) {
      throw new Error(
        `GET ${this.baseUrl}${path}: manifest ${digest} is not valid JSON: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
    const mediaType = mediaTypeOf(response) ?? json.mediaType ?? 'application/octet-stream';
    return { digest, mediaType, size: bytes.length, bytes, json };
  }

  /**
   * Stores a manifest under a tag or its digest and returns its digest (sha256 of `bytes`).
   *
   * @throws Error when `reference` is a digest that `bytes` do not hash to, or the registry reports
   *   another digest than the one of the bytes sent
   */
  async putManifest(
    repository: string,
    reference: string,
    bytes: Uint8Array,
    mediaType: string,
  ): Promise<string> {
    checkRepository(repository);
    checkReference(reference);
    const algorithm = isContentDigest(reference) ? splitDigest(reference).algorithm : 'sha256';
    const digest = digestOf(bytes, algorithm);
    if (isContentDigest(reference) && digest !== reference) {
      throw new Error(
        `PUT manifest ${this.registry}/${repository}@${reference}: the manifest bytes hash to ${digest}, not to the digest they are pushed under`,
      );
    }
    const path = `/v2/${repository}/manifests/${reference}`;
    const response = await this.send({
      method: 'PUT',
      url: path,
      scopes: [scopePush(repository)],
      headers: { 'content-type': mediaType },
      body: bytes,
    });
    await this.expect(response, 'PUT', path, [200, 201, 202]);
    await response.body?.cancel();
    const stored = response.headers.get('docker-content-digest');
    if (stored !== null && stored !== digest && stored !== digestOf(bytes)) {
      throw new Error(
        `PUT ${this.baseUrl}${path}: the registry stored the manifest as ${stored}, but the bytes sent hash to ${digest}`,
      );
    }
    return digest;
  }

  /**
   * Deletes a manifest by digest (every tag pointing at it goes too). Returns false when the
   * registry does not have it.
   *
   * @throws Error for a tag: registries delete by digest only, and resolving a tag here would
   *   silently delete other tags sharing the digest
   */
  async deleteManifest(repository: string, digest: string): Promise<boolean> {
    checkRepository(repository);
    checkDigest(digest, `deleteManifest(${repository}): reference`);
    return this.deleteAt(repository, `/v2/${repository}/manifests/${digest}`);
  }

  /**
   * Deletes a blob's link from a repository (registries with deletion enabled; the bytes go at the
   * registry's next garbage collection). Returns false when the repository does not have it.
   */
  async deleteBlob(repository: string, digest: string): Promise<boolean> {
    checkRepository(repository);
    checkDigest(digest, 'blob digest');
    return this.deleteAt(repository, `/v2/${repository}/blobs/${digest}`);
  }

  /** DELETE of a manifest or blob path: true when deleted, false when the registry has no such thing. */
  private async deleteAt(repository: string, path: string): Promise<boolean> {
    const response = await this.send({ method: 'DELETE', url: path, scopes: [scopePush(repository)] });
    const found = response.status !== 404;
    // expect() reads the body of a refusal for its message; otherwise the body is not needed.
    if (found) await this.expect(response, 'DELETE', path, [200, 202, 204]);
    await response.body?.cancel();
    return found;
  }

  /** Size of a blob in a repository, or null when the repository does not have it. */
  async statBlob(repository: string, digest: string): Promise<{ size: number } | null> {
    checkRepository(repository);
    checkDigest(digest, 'blob digest');
    const path = `/v2/${repository}/blobs/${digest}`;
    const response = await this.send({ method: 'HEAD', url: path, scopes: [scopePull(repository)] });
    if (response.status === 404) return null;
    await this.expect(response, 'HEAD', path, [200]);
    return { size: Number(response.headers.get('content-length') ?? '0') };
  }

  /** True if the repository has the blob. */
  async headBlob(repository: string, digest: string): Promise<boolean> {
    return (await this.statBlob(repository, digest)) !== null;
  }

  /**
   * Starts downloading a blob. The returned stream is verified against `digest` as it flows (see
   * {@link BlobDownload.stream}); nothing is buffered.
   */
  async getBlob(repository: string, digest: string): Promise<BlobDownload> {
    checkRepository(repository);
    checkDigest(digest, 'blob digest');
    const path = `/v2/${repository}/blobs/${digest}`;
    const response = await this.send({ method: 'GET', url: path, scopes: [scopePull(repository)] });
    await this.expect(response, 'GET', path, [200]);
    const length = response.headers.get('content-length');
    const size = length === null ? undefined : Number(length);
    if (response.body === null) {
      throw new RegistryError(
        'GET',
        this.baseUrl + path,
        200,
        undefined,
        undefined,
        `GET ${this.baseUrl}${path}: empty body`,
      );
    }
    const stream = verifyingStream(
      response.body,
      digest,
      `GET blob ${this.registry}/${repository}@${digest}`,
      size,
    );
    return { digest, size, stream };
  }

  /**
   * Asks the registry to mount a blob of `fromRepository` into `toRepository` without moving its
   * bytes. Returns true when mounted (201); false when the registry declined (202: it opened an
   * upload session instead, which is cancelled here), e.g. because it does not have the blob or
   * the credentials cannot read `fromRepository`.
   */
  async mountBlob(toRepository: string, fromRepository: string, digest: string): Promise<boolean> {
    checkRepository(toRepository);
    checkRepository(fromRepository);
    checkDigest(digest, 'blob digest');
    const path =
      `/v2/${toRepository}/blobs/uploads/?mount=${encodeURIComponent(digest)}` +
      `&from=${encodeURIComponent(fromRepository)}`;
    const response = await this.send({
      method: 'POST',
      url: path,
      scopes: [scopePush(toRepository), scopePull(fromRepository)],
    });
    await this.expect(response, 'POST', path, [201, 202]);
    await response.body?.cancel();
    if (response.status === 201) return true;
    await this.cancelUpload(toRepository, response.headers.get('location'));
    return false;
  }

  /**
   * Uploads a blob monolithically (POST to open a session, one PUT with the bytes) and returns its
   * digest. A restartable body (bytes, or a function giving a fresh stream) is retried as a whole
   * new session on network errors, 429 and 5xx; a one-shot stream is not retried once sent.
   *
   * @param size exact byte count (sent as `Content-Length`)
   */
  async uploadBlob(repository: string, digest: string, body: BlobBody, size: number): Promise<string> {
    checkRepository(repository);
    checkDigest(digest, 'blob digest');
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new Error(`uploadBlob(${repository}, ${digest}): size must be a byte count, got ${size}`);
    }
    if (body instanceof Uint8Array) {
      if (body.byteLength !== size) {
        throw new Error(
          `uploadBlob(${repository}, ${digest}): size ${size} but ${body.byteLength} bytes given`,
        );
      }
      const actual = digestOf(body, splitDigest(digest).algorithm);
      if (actual !== digest) {
        throw new Error(`uploadBlob(${repository}, ${digest}): the bytes given hash to ${actual}`);
      }
    }
    const restartable = !isStreamLike(body);
    const attempts = restartable ? this.retry.attempts : 1;
    for (let attempt = 1; ; attempt++) {
      const location = await this.startUpload(repository);
      const put = new URL(location, this.baseUrl);
      put.searchParams.append('digest', digest);
      let payload: Uint8Array | ReadableStream<Uint8Array>;
      if (body instanceof Uint8Array) payload = body;
      else if (isStreamLike(body)) payload = toWebStream(body);
      else payload = toWebStream(await body());
      let response: Response | undefined;
      let error: unknown;
      try {
        response = await this.send({
          method: 'PUT',
          url: put.href,
          scopes: [scopePush(repository)],
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
          body: payload,
          repeatable: false,
        });
      } catch (err) {
        error = err;
      }
      const transient = response === undefined || isRetryableStatus(response.status);
      if (transient && attempt < attempts) {
        const delayMs = backoffDelay(attempt, this.retry);
        this.options.log?.(
          `PUT ${put.origin}${put.pathname} failed (${response?.status ?? String(error)}); ` +
            `restarting the upload in ${delayMs} ms (attempt ${attempt + 1}/${attempts})`,
        );
        await response?.body?.cancel().catch(() => undefined);
        await this.cancelUpload(repository, location);
        await this.retry.sleep(delayMs);
        continue;
      }
      if (response === undefined) {
        throw new RegistryError(
          'PUT',
          put.href,
          undefined,
          undefined,
          undefined,
          `PUT ${put.origin}${put.pathname} (blob ${digest} into ${this.registry}/${repository}) failed: ` +
            `${(error as Error)?.message ?? String(error)}` +
            (restartable ? '' : ' (the body was a one-shot stream, so the upload was not retried)'),
          { cause: error },
        );
      }
      await this.expect(response, 'PUT', put.href, [201, 204]);
      await response.body?.cancel();
      const stored = response.headers.get('docker-content-digest');
      if (stored !== null && stored !== digest) {
        throw new Error(
          `PUT blob ${this.registry}/${repository}: registry stored ${stored}, expected ${digest}`,
        );
      }
      return digest;
    }
  }

  /**
   * Makes `descriptor`'s blob present in `repository` of this registry, taking it from
   * `sourceRepository` of `source` by the cheapest means: nothing if it is already there, a
   * mount when `source` is this same registry, else a verified stream from `source` into this
   * registry (restarted from `source` on transient failures, never buffered).
   */
  async copyBlobFrom(
    source: RegistryClient,
    sourceRepository: string,
    repository: string,
    descriptor: Pick<Descriptor, 'digest' | 'size'>,
  ): Promise<BlobCopyResult> {
    const { digest, size } = descriptor;
    if (await this.headBlob(repository, digest)) return 'exists';
    if (source.baseUrl === this.baseUrl && (await this.mountBlob(repository, sourceRepository, digest))) {
      return 'mounted';
    }
    await this.uploadBlob(
      repository,
      digest,
      async () => (await source.getBlob(sourceRepository, digest)).stream,
      size,
    );
    return 'streamed';
  }

  /** All tags of a repository, following `Link` pagination; [] when the repository is unknown. */
  async listTags(repository: string): Promise<string[]> {
    checkRepository(repository);
    const tags: string[] = [];
    let url: string | undefined = `/v2/${repository}/tags/list?n=1000`;
    const seen = new Set<string>();
    while (url !== undefined) {
      if (seen.has(url)) throw new Error(`GET ${this.baseUrl}${url}: tag list pagination loops`);
      seen.add(url);
      const response = await this.send({ method: 'GET', url, scopes: [scopePull(repository)] });
      if (response.status === 404 && tags.length === 0) {
        await response.body?.cancel();
        return [];
      }
      await this.expect(response, 'GET', url, [200]);
      const json = (await response.json()) as { tags?: string[] | null };
      tags.push(...(json.tags ?? []));
      url = nextLink(response.headers.get('link'));
    }
    return tags;
  }

  /**
   * Manifests that refer to `digest` through their `subject`, via the OCI referrers API.
   * Returns null when the registry has no referrers API (404), so the caller can fall back to the
   * `sha256-<hex>` tag schema.
   *
   * @param artifactType keep only referrers of this artifact type
   */
  async referrers(repository: string, digest: string, artifactType?: string): Promise<Descriptor[] | null> {
    checkRepository(repository);
    checkDigest(digest, 'subject digest');
    const result: Descriptor[] = [];
    let url: string | undefined =
      `/v2/${repository}/referrers/${digest}` +
      (artifactType === undefined ? '' : `?artifactType=${encodeURIComponent(artifactType)}`);
    let first = true;
    let filtered = artifactType === undefined;
    while (url !== undefined) {
      const response = await this.send({
        method: 'GET',
        url,
        scopes: [scopePull(repository)],
        headers: { accept: 'application/vnd.oci.image.index.v1+json' },
      });
      if (first && response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      first = false;
      await this.expect(response, 'GET', url, [200]);
      if (
        (response.headers.get('oci-filters-applied') ?? '')
          .split(',')
          .some((f) => f.trim() === 'artifactType')
      ) {
        filtered = true;
      }
      const index = (await response.json()) as ManifestJson;
      result.push(...(index.manifests ?? []));
      url = nextLink(response.headers.get('link'));
    }
    return filtered ? result : result.filter((d) => d.artifactType === artifactType);
  }

  private async startUpload(repository: string): Promise<string> {
    const path = `/v2/${repository}/blobs/uploads/`;
    const response = await this.send({ method: 'POST', url: path, scopes: [scopePush(repository)] });
    await this.expect(response, 'POST', path, [202]);
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (location === null || location === '') {
      throw new RegistryError(
        'POST',
        this.baseUrl + path,
        202,
        undefined,
        undefined,
        `POST ${this.baseUrl}${path}: 202 without a Location header`,
      );
    }
    return new URL(location, this.baseUrl).href;
  }

  /** Best effort: an abandoned session only costs the registry until it expires it. */
  private async cancelUpload(repository: string, location: string | null): Promise<void> {
    if (location === null || location === '') return;
    const url = new URL(location, this.baseUrl).href;
    try {
      const response = await this.send({ method: 'DELETE', url, scopes: [scopePush(repository)] });
      await response.body?.cancel();
      if (response.status >= 300 && response.status !== 404) {
        this.options.log?.(`DELETE ${url} (cancel upload) answered ${response.status}`);
      }
    } catch (err) {
      this.options.log?.(`DELETE ${url} (cancel upload) failed: ${(err as Error).message}`);
    }
  }

  /** Throws a RegistryError built from the response unless its status is one of `ok`. */
  private async expect(
    response: Response,
    method: string,
    url: string,
    ok: readonly number[],
  ): Promise<void> {
    if (ok.includes(response.status)) return;
    const full = url.startsWith('/') ? this.baseUrl + url : url;
    let code: string | undefined;
    let detail: string | undefined;
    if (method !== 'HEAD') {
      const text = await response.text().catch(() => '');
      try {
        const json = JSON.parse(text) as { errors?: Array<{ code?: unknown; message?: unknown }> };
        const first = json.errors?.[0];
        if (typeof first?.code === 'string') code = first.code;
        if (typeof first?.message === 'string') detail = first.message;
      } catch {
        detail = text.trim().slice(0, 300) || undefined;
      }
    } else {
      await response.body?.cancel();
    }
    let message = `${method} ${full} failed: ${response.status} ${response.statusText}`.trimEnd();
    if (code !== undefined || detail !== undefined)
      message += `: ${[code, detail].filter(Boolean).join(': ')}`;
    if (response.status === 401 || response.status === 403) {
      message += ` (credentials: ${this.credentialsSource})`;
    }
    throw new RegistryError(method, full, response.status, code, detail, message);
  }

  /**
   * One logical request: preemptive auth, retries, and one repeat after answering a 401 challenge
   * (the repeat is skipped when the body cannot be sent twice; the 401 is then returned, and the
   * cached auth makes a restarted operation authenticate up front).
   */
  private async send(request: SendOptions): Promise<Response> {
    const repeatable = (request.repeatable ?? true) && !(request.body instanceof ReadableStream);
    const response = await this.attempt(request, repeatable);
    const header = response.headers.get('www-authenticate');
    if (response.status !== 401 || header === null) return response;
    await this.answerChallenge(parseWwwAuthenticate(header), request.scopes, request.method, request.url);
    if (!repeatable) return response;
    await response.body?.cancel();
    return this.attempt(request, repeatable);
  }

  private async attempt(request: SendOptions, repeatable: boolean): Promise<Response> {
    const url = request.url.startsWith('/') ? this.baseUrl + request.url : request.url;
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent ?? 'digestline',
      ...request.headers,
    };
    const authorization = await this.authorization(request.scopes);
    if (authorization !== undefined) headers['authorization'] = authorization;
    const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers, redirect: 'follow' };
    if (request.body !== undefined) {
      init.body = request.body;
      if (request.body instanceof ReadableStream) init.duplex = 'half';
    }
    const onRetry = (event: RetryEvent): void => {
      const why =
        event.status !== undefined ? `status ${event.status}` : `${(event.error as Error)?.message}`;
      this.options.log?.(
        `${request.method} ${url}: ${why}; retrying in ${event.delayMs} ms (attempt ${event.attempt + 1}/${event.attempts})`,
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
        request.method,
        url,
        undefined,
        undefined,
        undefined,
        `${request.method} ${url} failed: ${reason}` +
          (repeatable ? ` (after ${this.retry.attempts} attempts)` : ''),
        { cause: err },
      );
    }
  }

  private loadCredentials(): Credentials | null {
    if (!this.credentialsLoaded) {
      this.credentialsLoaded = true;
      if (this.options.credentials !== undefined) {
        this.credentials = this.options.credentials;
        this.credentialsSource = this.credentials === null ? 'anonymous by request' : 'given to the client';
      } else {
        const env = this.options.env ?? process.env;
        const found = findStoredCredentials(this.registry, { env });
        this.credentials = found?.credentials ?? null;
        this.credentialsSource =
          found !== undefined
            ? `from ${found.source}`
            : `none found for ${this.registry} in ${authFilePaths({ env }).join(', ')}`;
      }
    }
    return this.credentials;
  }

  /** The Authorization header to send up front, once we know what the registry wants. */
  private async authorization(scopes: readonly string[]): Promise<string | undefined> {
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

  private async answerChallenge(
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
        throw new RegistryError(
          method,
          url,
          401,
          'UNAUTHORIZED',
          undefined,
          `${method} ${url.startsWith('/') ? this.baseUrl + url : url}: the registry requires basic ` +
            `authentication, but there are no username/password credentials (${this.credentialsSource})`,
        );
      }
      this.scheme = 'basic';
      return;
    }
    throw new RegistryError(
      method,
      url,
      401,
      'UNAUTHORIZED',
      undefined,
      `${method} ${url}: unsupported authentication challenge(s): ${challenges.map((c) => c.scheme).join(', ') || '(none)'}`,
    );
  }

  private async fetchToken(challenge: AuthChallenge, scopes: readonly string[]): Promise<IssuedToken> {
    const url = tokenUrl(challenge, scopes);
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !this.options.insecure) {
      throw new Error(`refusing to send credentials to token realm ${url.href} over plain http`);
    }
    const credentials = this.loadCredentials();
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent ?? 'digestline' };
    if (credentials !== null && 'username' in credentials) {
      headers['authorization'] = basicAuthorization(credentials as BasicCredentials);
    }
    const response = await fetchWithRetry(() => this.fetchImpl(url, { headers }), this.retry);
    await this.expect(response, 'GET', url.href, [200]);
    const token = parseTokenResponse(await response.json());
    this.tokens.set(scopeKey(scopes), token);
    return token;
  }
}

function scopeKey(scopes: readonly string[]): string {
  return [...scopes].sort().join(' ');
}
