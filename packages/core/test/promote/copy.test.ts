import { describe, expect, it } from 'vitest';
import { RegistryError, type FetchedManifest } from '../../src/registry/client.js';
import { digestOf } from '../../src/registry/digest.js';
import type { Descriptor, ManifestJson } from '../../src/registry/media-types.js';
import { executeCopy, TagMoveError, type PromoteRegistry } from '../../src/promote/copy.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/** In-memory registry recording every write in order; `failOn` makes matching calls throw. */
class FakeRegistry implements PromoteRegistry {
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

function plan(
  source: FakeRegistry,
  target: FakeRegistry,
  images: Array<{ repo: string; manifest: FetchedManifest; evidence?: FetchedManifest[] }>,
) {
  return {
    content: images.map((i) => ({
      source,
      sourceRepo: `src/${i.repo}`,
      target,
      targetRepo: `dst/${i.repo}`,
      manifest: i.manifest,
      then: (i.evidence ?? []).map((m) => ({
        source,
        sourceRepo: `src/${i.repo}`,
        target,
        targetRepo: `dst/${i.repo}`,
        manifest: m,
      })),
    })),
    referrers: images.map((i) => ({
      target,
      repo: `dst/${i.repo}`,
      subject: i.manifest.digest,
      descriptors: (i.evidence ?? []).map((m) => ({
        mediaType: m.mediaType,
        digest: m.digest,
        size: m.size,
        artifactType: 'application/vnd.dev.digestline.evidence.v1+json',
      })),
    })),
    evidenceTags: [],
    imageTags: images.map((i) => ({ target, repo: `dst/${i.repo}`, tag: 'staging', manifest: i.manifest })),
  };
}

const fast = { settleMs: () => 0 };

describe('executeCopy', () => {
  it('mounts on one registry, puts by digest first, referrers indexes next, image tags last', async () => {
    const journal: string[] = [];
    const source = new FakeRegistry('r:5000', journal);
    const target = new FakeRegistry('r:5000', journal);
    // Same registry, one storage: the target fake sees the source's blobs.
    (target as unknown as { blobs: Map<string, Buffer> }).blobs = source.blobs;
    (target as unknown as { manifests: unknown }).manifests = source.manifests;
    (target as unknown as { tags: unknown }).tags = source.tags;
    const web = source.addImage('src/web', 'web');
    const api = source.addImage('src/api', 'api');
    const evidence = source.addManifest('src/web', {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: source.addBlob('src/web', '{}'),
      layers: [source.addBlob('src/web', 'envelope')],
      subject: { mediaType: OCI_MANIFEST, digest: web.digest, size: web.size },
    });
    const report = await executeCopy(
      plan(source, target, [
        { repo: 'web', manifest: web, evidence: [evidence] },
        { repo: 'api', manifest: api },
      ]),
      fast,
    );

    expect(report.blobs).toEqual({ mounted: 6, streamed: 0, present: 0, skipped: 0 });
    expect(report.tags.moved).toBe(2);
    const writes = journal.map((c) => c.replace('r:5000 ', ''));
    const firstTag = writes.findIndex((c) => /^PUT manifest dst\/\w+:staging$/.test(c));
    const firstIndex = writes.findIndex((c) => /:sha256-/.test(c));
    const lastByDigest = writes.findLastIndex((c) => /^PUT manifest .*:sha256:|^mount /.test(c));
    expect(firstIndex).toBeGreaterThan(lastByDigest);
    expect(firstTag).toBeGreaterThan(firstIndex);
    expect(writes.slice(firstTag)).toEqual(
      expect.arrayContaining(['PUT manifest dst/web:staging', 'PUT manifest dst/api:staging']),
    );
    expect(writes.filter((c) => c.startsWith('upload'))).toEqual([]);
    expect(target.tags.get('dst/web:staging')).toBe(web.digest);
  });

  it('streams between registries (no mount), and copies index children before the index', async () => {
    const source = new FakeRegistry('a:5000');
    const target = new FakeRegistry('b:5000');
    const amd = source.addImage('src/app', 'amd64');
    const arm = source.addImage('src/app', 'arm64');
    const index = source.addManifest('src/app', {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [amd, arm].map((m) => ({ mediaType: OCI_MANIFEST, digest: m.digest, size: m.size })),
    });
    const report = await executeCopy(plan(source, target, [{ repo: 'app', manifest: index }]), fast);
    expect(report.blobs.streamed).toBe(4);
    expect(target.calls.filter((c) => c.startsWith('mount'))).toEqual([]);
    const puts = target.calls.filter((c) => c.startsWith('PUT manifest'));
    expect(puts.slice(0, 2).sort()).toEqual(
      [`PUT manifest dst/app:${amd.digest}`, `PUT manifest dst/app:${arm.digest}`].sort(),
    );
    expect(puts.slice(2)).toEqual([`PUT manifest dst/app:${index.digest}`, 'PUT manifest dst/app:staging']);
  });

  it('leaves every tag untouched when content fails, and moves nothing twice on a repeat', async () => {
    const source = new FakeRegistry('a:5000');
    const target = new FakeRegistry('b:5000');
    const web = source.addImage('src/web', 'web');
    const api = source.addImage('src/api', 'api');
    const old = target.addImage('dst/web', 'old', 'staging');
    target.failOn = (c) => c === `PUT manifest dst/api:${api.digest}`;
    await expect(
      executeCopy(
        plan(source, target, [
          { repo: 'web', manifest: web },
          { repo: 'api', manifest: api },
        ]),
        fast,
      ),
    ).rejects.toThrow(/503 injected/);
    expect(target.calls.some((c) => c.endsWith(':staging'))).toBe(false);
    expect(target.tags.get('dst/web:staging')).toBe(old.digest);

    target.failOn = () => false;
    await executeCopy(
      plan(source, target, [
        { repo: 'web', manifest: web },
        { repo: 'api', manifest: api },
      ]),
      fast,
    );
    expect(target.tags.get('dst/web:staging')).toBe(web.digest);
    target.calls.length = 0;
    const again = await executeCopy(
      plan(source, target, [
        { repo: 'web', manifest: web },
        { repo: 'api', manifest: api },
      ]),
      fast,
    );
    expect(again.tags).toEqual({ moved: 0, unchanged: 2 });
    expect(again.blobs.present).toBe(4);
  });

  it('puts moved tags back when another tag move fails', async () => {
    const source = new FakeRegistry('a:5000');
    const target = new FakeRegistry('b:5000');
    const web = source.addImage('src/web', 'web');
    const api = source.addImage('src/api', 'api');
    const oldWeb = target.addImage('dst/web', 'old-web', 'staging');
    const oldApi = target.addImage('dst/api', 'old-api', 'staging');
    target.failOn = (c) => c === 'PUT manifest dst/api:staging';
    const error = await executeCopy(
      plan(source, target, [
        { repo: 'web', manifest: web },
        { repo: 'api', manifest: api },
      ]),
      fast,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TagMoveError);
    expect((error as TagMoveError).rolledBack).toEqual([`b:5000/dst/web:staging → ${oldWeb.digest}`]);
    expect(target.tags.get('dst/web:staging')).toBe(oldWeb.digest);
    expect(target.tags.get('dst/api:staging')).toBe(oldApi.digest);
  });
});
