import { describe, expect, it } from 'vitest';
import type { FetchedManifest } from '../../src/registry/manifests.js';
import { executeCopy } from '../../src/promote/copy.js';
import { TagMoveError } from '../../src/promote/tags.js';
import { FakeRegistry } from './fake-registry.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

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

  it('asks for the referrers API while the content copies, reads the image tags with the index, and fails closed', async () => {
    const journal: string[] = [];
    const source = new FakeRegistry('a:5000', journal);
    const target = new FakeRegistry('b:5000', journal);
    target.referrers = async () => {
      journal.push('b:5000 referrers');
      return null;
    };
    const get = target.getManifest.bind(target);
    target.getManifest = async (repo, ref) => {
      journal.push(`b:5000 GET ${repo}:${ref}`);
      return get(repo, ref);
    };
    const web = source.addImage('src/web', 'web');
    const evidence = source.addManifest('src/web', {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: source.addBlob('src/web', '{}'),
      layers: [source.addBlob('src/web', 'envelope')],
      subject: { mediaType: OCI_MANIFEST, digest: web.digest, size: web.size },
    });
    await executeCopy(plan(source, target, [{ repo: 'web', manifest: web, evidence: [evidence] }]), fast);
    const asked = journal.indexOf('b:5000 referrers');
    expect(asked).toBeGreaterThanOrEqual(0);
    expect(asked).toBeLessThan(journal.findIndex((c) => c.startsWith('b:5000 PUT manifest')));
    // Where the image tag pointed is read alongside the referrers index, not after it.
    const tagRead = journal.indexOf('b:5000 GET dst/web:staging');
    expect(tagRead).toBeGreaterThanOrEqual(0);
    expect(tagRead).toBeLessThan(journal.findIndex((c) => /^b:5000 PUT manifest dst\/web:sha256-/.test(c)));

    // The early question failing fails the copy before any tag moves.
    const other = new FakeRegistry('c:5000');
    other.referrers = async () => {
      throw new Error('referrers: 500');
    };
    await expect(
      executeCopy(plan(source, other, [{ repo: 'web', manifest: web, evidence: [evidence] }]), fast),
    ).rejects.toThrow(/referrers: 500/);
    expect(other.tags.has('dst/web:staging')).toBe(false);
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
