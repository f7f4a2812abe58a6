/**
 * Blob operations: stat, download (verified while it streams), cross-repository mount, monolithic
 * upload and delete. Nothing here holds a blob in memory unless the caller handed it over as bytes.
 */
import type { RegistryResponse } from './http.js';
import { Readable } from 'node:stream';
import { parseDigest } from '../reference.js';
import { scopePull, scopePush } from './auth-session.js';
import { digestOf, verifyingStream } from './digest.js';
import { malformedAnswer, RegistryError } from './errors.js';
import { checkDigest, checkRepository } from './names.js';
import { backoffDelay, isRetryableStatus } from './retry.js';
import type { RegistryTransport } from './transport.js';

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

function isStreamLike(value: unknown): value is ReadableStream<Uint8Array> | Readable {
  return value instanceof Readable || value instanceof ReadableStream;
}

function toWebStream(body: ReadableStream<Uint8Array> | Readable): ReadableStream<Uint8Array> {
  return body instanceof Readable ? (Readable.toWeb(body) as ReadableStream<Uint8Array>) : body;
}

/** Size of a blob in a repository, or null when the repository does not have it. */
export async function statBlob(
  transport: RegistryTransport,
  repository: string,
  digest: string,
): Promise<{ size: number } | null> {
  checkRepository(repository);
  checkDigest(digest, 'blob digest');
  const path = `/v2/${repository}/blobs/${digest}`;
  const response = await transport.send({ method: 'HEAD', url: path, scopes: [scopePull(repository)] });
  if (response.status === 404) return null;
  await transport.expect(response, 'HEAD', path, [200]);
  return { size: Number(response.headers.get('content-length') ?? '0') };
}

/**
 * Starts downloading a blob. The returned stream is verified against `digest` as it flows (see
 * {@link BlobDownload.stream}); nothing is buffered.
 */
export async function getBlob(
  transport: RegistryTransport,
  repository: string,
  digest: string,
): Promise<BlobDownload> {
  checkRepository(repository);
  checkDigest(digest, 'blob digest');
  const path = `/v2/${repository}/blobs/${digest}`;
  const response = await transport.send({ method: 'GET', url: path, scopes: [scopePull(repository)] });
  await transport.expect(response, 'GET', path, [200]);
  const length = response.headers.get('content-length');
  const size = length === null ? undefined : Number(length);
  if (response.body === null) throw malformedAnswer('GET', transport.absolute(path), 200, 'empty body');
  const stream = verifyingStream(
    response.body,
    digest,
    `GET blob ${transport.registry}/${repository}@${digest}`,
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
export async function mountBlob(
  transport: RegistryTransport,
  toRepository: string,
  fromRepository: string,
  digest: string,
): Promise<boolean> {
  checkRepository(toRepository);
  checkRepository(fromRepository);
  checkDigest(digest, 'blob digest');
  const path =
    `/v2/${toRepository}/blobs/uploads/?mount=${encodeURIComponent(digest)}` +
    `&from=${encodeURIComponent(fromRepository)}`;
  const response = await transport.send({
    method: 'POST',
    url: path,
    scopes: [scopePush(toRepository), scopePull(fromRepository)],
  });
  await transport.expect(response, 'POST', path, [201, 202]);
  await response.body?.cancel();
  if (response.status === 201) return true;
  await cancelUpload(transport, toRepository, response.headers.get('location'));
  return false;
}

/**
 * Uploads a blob monolithically (POST to open a session, one PUT with the bytes) and returns its
 * digest. A restartable body (bytes, or a function giving a fresh stream) is retried as a whole
 * new session on network errors, 429 and 5xx; a one-shot stream is not retried once sent.
 *
 * @param size exact byte count (sent as `Content-Length`)
 */
export async function uploadBlob(
  transport: RegistryTransport,
  repository: string,
  digest: string,
  body: BlobBody,
  size: number,
): Promise<string> {
  checkUpload(repository, digest, body, size);
  const restartable = !isStreamLike(body);
  const attempts = restartable ? transport.retry.attempts : 1;
  for (let attempt = 1; ; attempt++) {
    const location = await startUpload(transport, repository);
    const put = new URL(location, transport.baseUrl);
    put.searchParams.append('digest', digest);
    let payload: Uint8Array | ReadableStream<Uint8Array>;
    if (body instanceof Uint8Array) payload = body;
    else if (isStreamLike(body)) payload = toWebStream(body);
    else payload = toWebStream(await body());
    let response: RegistryResponse | undefined;
    let error: unknown;
    try {
      response = await transport.send({
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
      const delayMs = backoffDelay(attempt, transport.retry);
      transport.log.debug(
        `PUT ${put.origin}${put.pathname} failed (${response?.status ?? String(error)}); ` +
          `restarting the upload in ${delayMs} ms (attempt ${attempt + 1}/${attempts})`,
      );
      await response?.body?.cancel().catch(() => undefined);
      await cancelUpload(transport, repository, location);
      await transport.retry.sleep(delayMs);
      continue;
    }
    if (response === undefined) {
      throw new RegistryError(
        'PUT',
        put.href,
        undefined,
        undefined,
        undefined,
        `PUT ${put.origin}${put.pathname} (blob ${digest} into ${transport.registry}/${repository}) failed: ` +
          `${(error as Error)?.message ?? String(error)}` +
          (restartable ? '' : ' (the body was a one-shot stream, so the upload was not retried)'),
        { cause: error },
      );
    }
    await transport.expect(response, 'PUT', put.href, [201, 204]);
    await response.body?.cancel();
    const stored = response.headers.get('docker-content-digest');
    if (stored !== null && stored !== digest) {
      throw new Error(
        `PUT blob ${transport.registry}/${repository}: registry stored ${stored}, expected ${digest}`,
      );
    }
    return digest;
  }
}

/** Refuses an upload that cannot succeed before any request: bad names, size, or bytes that do not match. */
function checkUpload(repository: string, digest: string, body: BlobBody, size: number): void {
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
    const actual = digestOf(body, parseDigest(digest).algorithm);
    if (actual !== digest) {
      throw new Error(`uploadBlob(${repository}, ${digest}): the bytes given hash to ${actual}`);
    }
  }
}

/**
 * Deletes a blob's link from a repository (registries with deletion enabled; the bytes go at the
 * registry's next garbage collection). Returns false when the repository does not have it.
 */
export async function deleteBlob(
  transport: RegistryTransport,
  repository: string,
  digest: string,
): Promise<boolean> {
  checkRepository(repository);
  checkDigest(digest, 'blob digest');
  return transport.deleteAt(repository, `/v2/${repository}/blobs/${digest}`);
}

/** Opens an upload session; returns its absolute location. */
async function startUpload(transport: RegistryTransport, repository: string): Promise<string> {
  const path = `/v2/${repository}/blobs/uploads/`;
  const response = await transport.send({ method: 'POST', url: path, scopes: [scopePush(repository)] });
  await transport.expect(response, 'POST', path, [202]);
  await response.body?.cancel();
  const location = response.headers.get('location');
  if (location === null || location === '') {
    throw malformedAnswer('POST', transport.absolute(path), 202, '202 without a Location header');
  }
  return new URL(location, transport.baseUrl).href;
}

/** Best effort: an abandoned session only costs the registry until it expires it. */
async function cancelUpload(
  transport: RegistryTransport,
  repository: string,
  location: string | null,
): Promise<void> {
  if (location === null || location === '') return;
  const url = new URL(location, transport.baseUrl).href;
  try {
    const response = await transport.send({ method: 'DELETE', url, scopes: [scopePush(repository)] });
    await response.body?.cancel();
    if (response.status >= 300 && response.status !== 404) {
      transport.log.debug(`DELETE ${url} (cancel upload) answered ${response.status}`);
    }
  } catch (err) {
    transport.log.debug(`DELETE ${url} (cancel upload) failed: ${(err as Error).message}`);
  }
}
