/**
 * A client for the OCI distribution API (the registry HTTP API), built on the global `fetch`.
 *
 * Promotion copies images registry-to-registry by digest, so everything here is about bytes and
 * digests: manifests are verified against the digest asked for, blobs are verified while they
 * stream, and blobs move by cross-repository mount whenever the registry allows it.
 *
 * `RegistryClient` is the one class callers construct; each operation lives in the module of its
 * concern (manifests.ts, blobs.ts, tags.ts, referrers.ts), HTTP in transport.ts.
 */
import { silentLog, type Log } from '../log.js';
import {
  deleteBlob,
  getBlob,
  mountBlob,
  statBlob,
  uploadBlob,
  type BlobBody,
  type BlobDownload,
} from './blobs.js';
import {
  deleteManifest,
  getManifest,
  headManifest,
  putManifest,
  type FetchedManifest,
  type ManifestInfo,
} from './manifests.js';
import type { Descriptor } from './media-types.js';
import { referrers } from './referrers.js';
import { listTags } from './tags.js';
import { RegistryTransport, type ConnectionOptions } from './transport.js';

/** Options of {@link RegistryClient}. */
export interface RegistryClientOptions extends ConnectionOptions {
  /** Gets a debug line per retry or best-effort cleanup failure; default nowhere. */
  log?: Log;
}

/** How {@link RegistryClient.copyBlobFrom} got the blob there. */
export type BlobCopyResult = 'exists' | 'mounted' | 'streamed';

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

  private readonly transport: RegistryTransport;

  constructor(options: RegistryClientOptions) {
    this.transport = new RegistryTransport(options, options.log ?? silentLog);
    this.registry = this.transport.registry;
    this.baseUrl = this.transport.baseUrl;
  }

  /** Checks that the registry speaks the v2 API and that we can authenticate to it. */
  async ping(): Promise<void> {
    const response = await this.transport.send({ method: 'GET', url: '/v2/', scopes: [] });
    await this.transport.expect(response, 'GET', '/v2/', [200]);
    await response.body?.cancel();
  }

  /**
   * HEAD of a manifest: its digest, media type and size, or null when the registry does not have it.
   * Falls back to a GET when the registry omits `Docker-Content-Digest`.
   */
  headManifest(repository: string, reference: string): Promise<ManifestInfo | null> {
    return headManifest(this.transport, repository, reference);
  }

  /**
   * Fetches a manifest (image manifest or index, OCI or Docker v2) and verifies its bytes: against
   * `reference` when it is a digest, else against the registry's `Docker-Content-Digest`.
   *
   * @throws DigestMismatchError when the bytes do not match
   * @throws RegistryError when the registry does not have it (404) or answers an error
   */
  getManifest(repository: string, reference: string): Promise<FetchedManifest> {
    return getManifest(this.transport, repository, reference);
  }

  /**
   * Stores a manifest under a tag or its digest and returns its digest (sha256 of `bytes`).
   *
   * @throws Error when `reference` is a digest that `bytes` do not hash to, or the registry reports
   *   another digest than the one of the bytes sent
   */
  putManifest(repository: string, reference: string, bytes: Uint8Array, mediaType: string): Promise<string> {
    return putManifest(this.transport, repository, reference, bytes, mediaType);
  }

  /**
   * Deletes a manifest by digest (every tag pointing at it goes too). Returns false when the
   * registry does not have it.
   *
   * @throws Error for a tag: registries delete by digest only, and resolving a tag here would
   *   silently delete other tags sharing the digest
   */
  deleteManifest(repository: string, digest: string): Promise<boolean> {
    return deleteManifest(this.transport, repository, digest);
  }

  /**
   * Deletes a blob's link from a repository (registries with deletion enabled; the bytes go at the
   * registry's next garbage collection). Returns false when the repository does not have it.
   */
  deleteBlob(repository: string, digest: string): Promise<boolean> {
    return deleteBlob(this.transport, repository, digest);
  }

  /** Size of a blob in a repository, or null when the repository does not have it. */
  statBlob(repository: string, digest: string): Promise<{ size: number } | null> {
    return statBlob(this.transport, repository, digest);
  }

  /** True if the repository has the blob. */
  async headBlob(repository: string, digest: string): Promise<boolean> {
    return (await this.statBlob(repository, digest)) !== null;
  }

  /**
   * Starts downloading a blob. The returned stream is verified against `digest` as it flows (see
   * {@link BlobDownload.stream}); nothing is buffered.
   */
  getBlob(repository: string, digest: string): Promise<BlobDownload> {
    return getBlob(this.transport, repository, digest);
  }

  /**
   * Asks the registry to mount a blob of `fromRepository` into `toRepository` without moving its
   * bytes. Returns true when mounted (201); false when the registry declined (202: it opened an
   * upload session instead, which is cancelled here), e.g. because it does not have the blob or
   * the credentials cannot read `fromRepository`.
   */
  mountBlob(toRepository: string, fromRepository: string, digest: string): Promise<boolean> {
    return mountBlob(this.transport, toRepository, fromRepository, digest);
  }

  /**
   * Uploads a blob monolithically (POST to open a session, one PUT with the bytes) and returns its
   * digest. A restartable body (bytes, or a function giving a fresh stream) is retried as a whole
   * new session on network errors, 429 and 5xx; a one-shot stream is not retried once sent.
   *
   * @param size exact byte count (sent as `Content-Length`)
   */
  uploadBlob(repository: string, digest: string, body: BlobBody, size: number): Promise<string> {
    return uploadBlob(this.transport, repository, digest, body, size);
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
  listTags(repository: string): Promise<string[]> {
    return listTags(this.transport, repository);
  }

  /**
   * Manifests that refer to `digest` through their `subject`, via the OCI referrers API.
   * Returns null when the registry has no referrers API (404), so the caller can fall back to the
   * `sha256-<hex>` tag schema.
   *
   * @param artifactType keep only referrers of this artifact type
   */
  referrers(repository: string, digest: string, artifactType?: string): Promise<Descriptor[] | null> {
    return referrers(this.transport, repository, digest, artifactType);
  }
}
