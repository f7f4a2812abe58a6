/** In-memory registry for evidence unit tests: the RegistryClient methods evidence uses. */
import type { FetchedManifest } from '../../src/registry/manifests.js';
import { digestOf } from '../../src/registry/digest.js';
import { RegistryError } from '../../src/registry/errors.js';
import type { Descriptor, ManifestJson } from '../../src/registry/media-types.js';
import { fallbackTag } from '../../src/evidence/location.js';
import type { EvidenceRegistry } from '../../src/evidence/registry.js';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

export function notFound(what: string): RegistryError {
  return new RegistryError('GET', what, 404, 'MANIFEST_UNKNOWN', undefined, `${what}: 404`);
}

/** In-memory registry with the RegistryClient methods evidence uses, and hooks to force races. */
export class FakeRegistry implements EvidenceRegistry {
  readonly blobs = new Map<string, Buffer>();
  readonly manifests = new Map<string, { bytes: Buffer; mediaType: string }>();
  readonly tags = new Map<string, string>();
  referrersApi = false;
  /** Delay before a tag PUT lands, to interleave concurrent writers. */
  tagPutDelay: () => number = () => 0;

  private k(repo: string, ref: string): string {
    return `${repo}@${ref}`;
  }

  async getManifest(repo: string, ref: string): Promise<FetchedManifest> {
    const digest = ref.includes(':') ? ref : this.tags.get(this.k(repo, ref));
    const m = digest === undefined ? undefined : this.manifests.get(this.k(repo, digest));
    if (digest === undefined || m === undefined) throw notFound(`${repo}:${ref}`);
    const json = JSON.parse(m.bytes.toString('utf8')) as ManifestJson;
    return { digest, mediaType: m.mediaType, size: m.bytes.length, bytes: m.bytes, json };
  }

  async putManifest(repo: string, ref: string, bytes: Uint8Array, mediaType: string): Promise<string> {
    const digest = digestOf(bytes);
    if (ref.includes(':') && ref !== digest) throw new Error(`digest mismatch ${ref}`);
    if (!ref.includes(':')) {
      const delay = this.tagPutDelay();
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    }
    this.manifests.set(this.k(repo, digest), { bytes: Buffer.from(bytes), mediaType });
    if (!ref.includes(':')) this.tags.set(this.k(repo, ref), digest);
    return digest;
  }

  async headBlob(repo: string, digest: string): Promise<boolean> {
    return this.blobs.has(this.k(repo, digest));
  }

  async getBlob(repo: string, digest: string) {
    const b = this.blobs.get(this.k(repo, digest));
    if (b === undefined) throw notFound(`blob ${digest}`);
    return { digest, size: b.length, stream: new Blob([b]).stream() };
  }

  async uploadBlob(repo: string, digest: string, body: unknown, size: number): Promise<string> {
    const bytes = Buffer.from(body as Uint8Array);
    if (digestOf(bytes) !== digest || bytes.length !== size) throw new Error('blob digest mismatch');
    this.blobs.set(this.k(repo, digest), bytes);
    return digest;
  }

  async referrers(repo: string, digest: string, artifactType?: string): Promise<Descriptor[] | null> {
    if (!this.referrersApi) return null;
    const out: Descriptor[] = [];
    for (const [key, m] of this.manifests) {
      if (!key.startsWith(`${repo}@`)) continue;
      const json = JSON.parse(m.bytes.toString('utf8')) as ManifestJson;
      if (json.subject?.digest !== digest) continue;
      if (artifactType !== undefined && json.artifactType !== artifactType) continue;
      out.push({
        mediaType: m.mediaType,
        digest: key.slice(repo.length + 1),
        size: m.bytes.length,
        artifactType: json.artifactType!,
        annotations: json.annotations ?? {},
      });
    }
    return out;
  }

  addImage(repo: string, seed = 'x'): string {
    const bytes = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: digestOf(Buffer.from(seed)),
          size: 1,
        },
        layers: [],
      }),
    );
    const digest = digestOf(bytes);
    this.manifests.set(this.k(repo, digest), { bytes, mediaType: OCI_MANIFEST });
    return digest;
  }

  fallbackIndex(repo: string, digest: string): ManifestJson | undefined {
    return this.tagged(repo, fallbackTag(digest));
  }

  /** The manifest a tag points at, parsed; `undefined` when the tag does not exist. */
  tagged(repo: string, tag: string): ManifestJson | undefined {
    const d = this.tags.get(this.k(repo, tag));
    return d === undefined
      ? undefined
      : (JSON.parse(this.manifests.get(this.k(repo, d))!.bytes.toString()) as ManifestJson);
  }
}
