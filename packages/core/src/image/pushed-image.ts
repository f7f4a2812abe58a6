/**
 * Reading a pushed image back from the registry, by digest: the manifest (or index and its
 * linux/amd64 child), the config blob, and the compressed size. Every byte is digest-verified by the
 * `RegistryClient`, so what is reported is what a pull by digest gets.
 */
import type { ImageConfigFile } from '../policy/types.js';
import type { RegistryClient } from '../registry/client.js';
import type { FetchedManifest } from '../registry/manifests.js';
import {
  isImageManifestMediaType,
  isIndexMediaType,
  type Descriptor,
  type ManifestJson,
} from '../registry/media-types.js';

/** The platform picked from an index (and the one reported for single-image manifests). */
export const DEFAULT_PLATFORM = { os: 'linux', architecture: 'amd64' } as const;

/** An image platform as its config states it. */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** An image as the registry serves it. */
export interface PushedImage {
  /** Digest of the top-level manifest (the index when it is one): the image's identity. */
  digest: string;
  /** Media type of the top-level manifest. */
  mediaType: string;
  /** The top-level manifest's exact bytes (re-used verbatim to add tags). */
  bytes: Buffer;
  /** The image manifest: the top-level one, or the index's linux/amd64 child. */
  manifest: { digest: string; mediaType: string; json: ManifestJson };
  configDigest: string;
  config: ImageConfigFile;
  /** Layers in manifest order (lowest first). */
  layers: Descriptor[];
  /** Config blob plus layers, compressed, as stored: what a pull transfers. */
  size: number;
  platform: Platform;
}

/** Compressed size of an image manifest: config size plus every layer's size. */
export function compressedSize(manifest: ManifestJson): number {
  const config = manifest.config?.size ?? 0;
  return (manifest.layers ?? []).reduce((sum, layer) => sum + layer.size, config);
}

/**
 * Picks the child of an index for `platform`; attestation manifests (`unknown/unknown`) never match.
 * @throws Error listing the platforms the index has
 */
export function selectPlatformManifest(
  index: ManifestJson,
  platform: { os: string; architecture: string } = DEFAULT_PLATFORM,
): Descriptor {
  const children = index.manifests ?? [];
  const match = children.find(
    (m) =>
      isImageManifestMediaType(m.mediaType) &&
      m.platform?.os === platform.os &&
      m.platform.architecture === platform.architecture,
  );
  if (match !== undefined) return match;
  const have = children.map((m) =>
    m.platform ? `${m.platform.os}/${m.platform.architecture}` : m.mediaType,
  );
  throw new Error(
    `the pushed index has no ${platform.os}/${platform.architecture} image (it has: ${have.join(', ') || 'nothing'})`,
  );
}

/** The platform an image config states (os/architecture/variant). */
export function platformOf(config: ImageConfigFile): Platform {
  const platform: Platform = {
    os: typeof config.os === 'string' ? config.os : '',
    architecture: typeof config.architecture === 'string' ? config.architecture : '',
  };
  if (typeof config.variant === 'string' && config.variant !== '') platform.variant = config.variant;
  return platform;
}

async function readConfig(
  client: RegistryClient,
  repository: string,
  descriptor: Descriptor,
): Promise<ImageConfigFile> {
  const blob = await client.getBlob(repository, descriptor.digest);
  // The stream is digest-verified as it ends; reading it whole is what triggers the check.
  const text = await new Response(blob.stream).text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`config blob ${descriptor.digest} of ${client.registry}/${repository} is not JSON`, {
      cause: err,
    });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(
      `config blob ${descriptor.digest} of ${client.registry}/${repository} is not a JSON object`,
    );
  }
  return json as ImageConfigFile;
}

function imageParts(manifest: FetchedManifest, where: string): { config: Descriptor; layers: Descriptor[] } {
  if (!isImageManifestMediaType(manifest.mediaType)) {
    throw new Error(`${where} is a ${manifest.mediaType}, not an image manifest or index`);
  }
  const config = manifest.json.config;
  if (config === undefined) throw new Error(`${where} has no config descriptor`);
  return { config, layers: manifest.json.layers ?? [] };
}

/**
 * Fetches what the registry holds under `digest`: Docker v2 or OCI manifests, or an index (then its
 * linux/amd64 child is read and `digest` stays the index's).
 */
export async function readPushedImage(
  client: RegistryClient,
  repository: string,
  digest: string,
): Promise<PushedImage> {
  const top = await client.getManifest(repository, digest);
  let image = top;
  if (isIndexMediaType(top.mediaType)) {
    const child = selectPlatformManifest(top.json);
    image = await client.getManifest(repository, child.digest);
  }
  const where = `${client.registry}/${repository}@${image.digest}`;
  const { config: configDescriptor, layers } = imageParts(image, where);
  const config = await readConfig(client, repository, configDescriptor);
  return {
    digest: top.digest,
    mediaType: top.mediaType,
    bytes: top.bytes,
    manifest: { digest: image.digest, mediaType: image.mediaType, json: image.json },
    configDigest: configDescriptor.digest,
    config,
    layers,
    size: compressedSize(image.json),
    platform: platformOf(config),
  };
}

/**
 * Puts the pushed manifest's exact bytes under each extra tag (no rebuild, no re-push: the digest
 * cannot change), then checks that every tag, `pushedTag` included, resolves to `image.digest`.
 * @throws Error naming a tag that resolves elsewhere
 */
export async function tagPushedImage(
  client: RegistryClient,
  repository: string,
  image: Pick<PushedImage, 'digest' | 'mediaType' | 'bytes'>,
  pushedTag: string,
  extraTags: readonly string[],
): Promise<void> {
  for (const tag of extraTags) {
    if (tag !== pushedTag) await client.putManifest(repository, tag, image.bytes, image.mediaType);
  }
  for (const tag of [pushedTag, ...extraTags]) {
    const head = await client.headManifest(repository, tag);
    if (head?.digest !== image.digest) {
      throw new Error(
        `tag ${client.registry}/${repository}:${tag} resolves to ${head?.digest ?? 'nothing'}, not to the pushed ${image.digest}`,
      );
    }
  }
}
