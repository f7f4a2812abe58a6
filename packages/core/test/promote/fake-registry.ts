import { RegistryError } from '../../src/registry/errors.js';
import type { FetchedManifest } from '../../src/registry/manifests.js';
import { digestOf } from '../../src/registry/digest.js';
import type { Descriptor, ManifestJson } from '../../src/registry/media-types.js';
import type { PromoteRegistry } from '../../src/promote/copy.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** In-memory registry recording every write in order; `failOn` makes matching calls throw. */
export class FakeRegistry implements PromoteRegistry {
  readonly blobs = new Map<string, Buffer>();
  readonly manifests = new Map<string, { bytes: Buffer; mediaType: string }>();
  readonly tags = new Map<string, string>();
  readonly calls: string[] = [];
  failOn: (call: string) => boolean = () => false;

  constructor(
    readonly registry: string,
    readonly journal: string[] = [],
  ) {}

  get baseUrl(): string {
    return `http://${this.registry}`;
  }

  private record(call: string): void {
    this.calls.push(call);
    this.journal.push(`${this.registry} ${call}`);
    if (this.failOn(call))
      throw new RegistryError('PUT', call, 503, undefined, undefined, `${call}: 503 injected`);
  }

  async getManifest(repo: string, ref: string): Promise<FetchedManifest> {
    const digest = ref.includes(':') ? ref : this.tags.get(`${repo}:${ref}`);
    const m = digest === undefined ? undefined : this.manifests.get(`${repo}@${digest}`);
    if (digest === undefined || m === undefined)
      throw new RegistryError('GET', ref, 404, 'MANIFEST_UNKNOWN', undefined, `${repo}:${ref}: 404`);
    return {
      digest,
      mediaType: m.mediaType,
      size: m.bytes.length,
      bytes: m.bytes,
      json: JSON.parse(m.bytes.toString()) as ManifestJson,
    };
  }

  async headManifest(repo: string, ref: string) {
    try {
      const m = await this.getManifest(repo, ref);
      return { digest: m.digest, mediaType: m.mediaType, size: m.size };
    } catch {
      return null;
    }
  }

  async putManifest(repo: string, ref: string, bytes: Uint8Array, mediaType: string): Promise<string> {
    const digest = digestOf(bytes);
    this.record(`PUT manifest ${repo}:${ref}`);
    const json = JSON.parse(Buffer.from(bytes).toString()) as ManifestJson;
    for (const d of [...(json.layers ?? []), ...(json.config ? [json.config] : [])]) {
      if (!this.blobs.has(`${repo}@${d.digest}`))
        throw new Error(`manifest ${digest} refers to missing blob ${d.digest}`);
    }
    for (const d of json.manifests ?? []) {
      if (!ref.startsWith('sha256-') && !this.manifests.has(`${repo}@${d.digest}`))
        throw new Error(`index refers to missing child ${d.digest}`);
    }
    this.manifests.set(`${repo}@${digest}`, { bytes: Buffer.from(bytes), mediaType });
    if (!ref.includes(':')) this.tags.set(`${repo}:${ref}`, digest);
    return digest;
  }

  async headBlob(repo: string, digest: string): Promise<boolean> {
    return this.blobs.has(`${repo}@${digest}`);
  }

  async getBlob(repo: string, digest: string) {
    const b = this.blobs.get(`${repo}@${digest}`);
    if (b === undefined) throw new RegistryError('GET', digest, 404, 'BLOB_UNKNOWN', undefined, '404');
    return { digest, size: b.length, stream: new Blob([b]).stream() };
  }

  async uploadBlob(repo: string, digest: string, body: unknown, size: number): Promise<string> {
    this.record(`upload ${repo}@${digest.slice(7, 11)}`);
    const source =
      typeof body === 'function' ? await (body as () => Promise<ReadableStream<Uint8Array>>)() : body;
    const bytes =
      source instanceof ReadableStream
        ? Buffer.from(await new Response(source).arrayBuffer())
        : Buffer.from(source as Uint8Array);
    if (digestOf(bytes) !== digest || bytes.length !== size) throw new Error('blob digest mismatch');
    this.blobs.set(`${repo}@${digest}`, bytes);
    return digest;
  }

  async mountBlob(to: string, from: string, digest: string): Promise<boolean> {
    this.record(`mount ${to}@${digest.slice(7, 11)}`);
    const b = this.blobs.get(`${from}@${digest}`);
    if (b === undefined) return false;
    this.blobs.set(`${to}@${digest}`, b);
    return true;
  }

  async referrers(): Promise<Descriptor[] | null> {
    return null;
  }

  addBlob(repo: string, text: string): Descriptor {
    const bytes = Buffer.from(text);
    this.blobs.set(`${repo}@${digestOf(bytes)}`, bytes);
    return { mediaType: 'application/octet-stream', digest: digestOf(bytes), size: bytes.length };
  }

  addManifest(repo: string, json: ManifestJson, tag?: string): FetchedManifest {
    const bytes = Buffer.from(JSON.stringify(json));
    const digest = digestOf(bytes);
    const mediaType = json.mediaType ?? OCI_MANIFEST;
    this.manifests.set(`${repo}@${digest}`, { bytes, mediaType });
    if (tag !== undefined) this.tags.set(`${repo}:${tag}`, digest);
    return { digest, mediaType, size: bytes.length, bytes, json };
  }

  addImage(repo: string, seed: string, tag?: string): FetchedManifest {
    return this.addManifest(
      repo,
      {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: this.addBlob(repo, `config ${seed}`),
        layers: [this.addBlob(repo, `layer ${seed}`)],
      },
      tag,
    );
  }
}
