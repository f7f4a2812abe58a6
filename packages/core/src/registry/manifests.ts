/**
 * Manifest operations: HEAD, GET (verified against the digest asked for), PUT and DELETE.
 * Manifests are small and are verified whole; blobs are streamed (see blobs.ts).
 */
import type { RegistryResponse } from './http.js';
import { isDigest, parseDigest } from '../reference.js';
import { scopePull, scopePush } from './auth-session.js';
import { digestOf } from './digest.js';
import { DigestMismatchError } from './errors.js';
import { MANIFEST_ACCEPT, MAX_MANIFEST_BYTES, type ManifestJson } from './media-types.js';
import { checkDigest, checkReference, checkRepository } from './names.js';
import { readBodyCapped } from './responses.js';
import type { RegistryTransport } from './transport.js';

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

function mediaTypeOf(response: RegistryResponse): string | undefined {
  const value = response.headers.get('content-type');
  if (value === null) return undefined;
  const type = value.split(';')[0]!.trim();
  return type === '' ? undefined : type;
}

/** A HEAD or GET of a manifest, accepting every manifest type we can verify. */
async function requestManifest(
  transport: RegistryTransport,
  method: 'HEAD' | 'GET',
  repository: string,
  reference: string,
): Promise<{ path: string; response: RegistryResponse }> {
  checkRepository(repository);
  checkReference(reference);
  const path = `/v2/${repository}/manifests/${reference}`;
  const response = await transport.send({
    method,
    url: path,
    scopes: [scopePull(repository)],
    headers: { accept: MANIFEST_ACCEPT },
  });
  return { path, response };
}

/**
 * HEAD of a manifest: its digest, media type and size, or null when the registry does not have it.
 * Falls back to a GET when the registry omits `Docker-Content-Digest`.
 */
export async function headManifest(
  transport: RegistryTransport,
  repository: string,
  reference: string,
): Promise<ManifestInfo | null> {
  const { path, response } = await requestManifest(transport, 'HEAD', repository, reference);
  if (response.status === 404) return null;
  await transport.expect(response, 'HEAD', path, [200]);
  const digest = response.headers.get('docker-content-digest');
  const mediaType = mediaTypeOf(response);
  const length = response.headers.get('content-length');
  const size = Number(length);
  if (
    digest === null ||
    !isDigest(digest) ||
    mediaType === undefined ||
    length === null ||
    !Number.isInteger(size)
  ) {
    const fetched = await getManifest(transport, repository, reference);
    return { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.size };
  }
  if (isDigest(reference) && digest !== reference) {
    throw new DigestMismatchError(
      transport.registry,
      repository,
      reference,
      reference,
      digest,
      'HEAD manifest',
    );
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
export async function getManifest(
  transport: RegistryTransport,
  repository: string,
  reference: string,
): Promise<FetchedManifest> {
  const { path, response } = await requestManifest(transport, 'GET', repository, reference);
  await transport.expect(response, 'GET', path, [200]);
  const bytes = await readBodyCapped(
    response,
    'GET',
    transport.absolute(path),
    MAX_MANIFEST_BYTES,
    'manifest',
  );
  const header = response.headers.get('docker-content-digest');
  const digest = verifyManifestBytes(transport.registry, repository, reference, bytes, header);
  let json: ManifestJson;
  try {
    json = JSON.parse(bytes.toString('utf8')) as ManifestJson;
  } catch (err) {
    throw new Error(
      `GET ${transport.absolute(path)}: manifest ${digest} is not valid JSON: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const mediaType = mediaTypeOf(response) ?? json.mediaType ?? 'application/octet-stream';
  return { digest, mediaType, size: bytes.length, bytes, json };
}

/**
 * The digest of fetched manifest bytes, checked against what the caller asked for (a digest
 * reference) or else what the registry says it is (`Docker-Content-Digest`).
 *
 * @throws DigestMismatchError when the bytes or the registry's header disagree with the reference
 */
function verifyManifestBytes(
  registry: string,
  repository: string,
  reference: string,
  bytes: Buffer,
  header: string | null,
): string {
  let digest: string;
  if (isDigest(reference)) {
    digest = reference;
  } else if (header !== null && isDigest(header)) {
    digest = header;
  } else {
    digest = digestOf(bytes);
  }
  const actual = digestOf(bytes, parseDigest(digest).algorithm);
  if (actual !== digest) {
    throw new DigestMismatchError(registry, repository, reference, digest, actual, 'GET manifest');
  }
  if (isDigest(reference) && header !== null && isDigest(header) && header !== reference) {
    throw new DigestMismatchError(registry, repository, reference, reference, header, 'GET manifest');
  }
  return digest;
}

/**
 * Stores a manifest under a tag or its digest and returns its digest (sha256 of `bytes`).
 *
 * @throws Error when `reference` is a digest that `bytes` do not hash to, or the registry reports
 *   another digest than the one of the bytes sent
 */
export async function putManifest(
  transport: RegistryTransport,
  repository: string,
  reference: string,
  bytes: Uint8Array,
  mediaType: string,
): Promise<string> {
  checkRepository(repository);
  checkReference(reference);
  const algorithm = isDigest(reference) ? parseDigest(reference).algorithm : 'sha256';
  const digest = digestOf(bytes, algorithm);
  if (isDigest(reference) && digest !== reference) {
    throw new Error(
      `PUT manifest ${transport.registry}/${repository}@${reference}: the manifest bytes hash to ${digest}, not to the digest they are pushed under`,
    );
  }
  const path = `/v2/${repository}/manifests/${reference}`;
  const response = await transport.send({
    method: 'PUT',
    url: path,
    scopes: [scopePush(repository)],
    headers: { 'content-type': mediaType },
    body: bytes,
  });
  await transport.expect(response, 'PUT', path, [200, 201, 202]);
  await response.body?.cancel();
  const stored = response.headers.get('docker-content-digest');
  if (stored !== null && stored !== digest && stored !== digestOf(bytes)) {
    throw new Error(
      `PUT ${transport.absolute(path)}: the registry stored the manifest as ${stored}, but the bytes sent hash to ${digest}`,
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
export async function deleteManifest(
  transport: RegistryTransport,
  repository: string,
  digest: string,
): Promise<boolean> {
  checkRepository(repository);
  checkDigest(digest, `deleteManifest(${repository}): reference`);
  return transport.deleteAt(repository, `/v2/${repository}/manifests/${digest}`);
}
