/**
 * RegistryClient against the real registry (DIGESTLINE_REGISTRY), with podman pushing the image
 * and a loopback FaultProxy injecting failures and counting bytes.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '@digestline/core/registry/client';
import { DigestMismatchError, RegistryError } from '@digestline/core/registry/errors';
import { digestOf } from '@digestline/core/registry/digest';
import { silentLog } from '@digestline/core/log';
import type { FetchedManifest } from '@digestline/core/registry/manifests';
import { FaultProxy } from './support/proxy.js';
import { pushTinyImage, requireRegistry, uniquePrefix, type PushedImage } from './support/registry.js';

const registry = requireRegistry();
const prefix = uniquePrefix();
const sourceRepo = `${prefix}/source`;
const mountRepo = `${prefix}/mounted`;
const uploadRepo = `${prefix}/uploaded`;
const promotedRepo = `${prefix}/promoted`;
const streamedRepo = `${prefix}/streamed`;

// Fast retries: the proxy's faults are instant, the real registry is local.
const client = new RegistryClient({ registry, credentials: null, retry: { baseDelayMs: 20 } });
/** Manifests to delete at the end: [repository, digest]. */
const created: Array<[string, string]> = [];
/** Repositories whose blob links to delete at the end (after their manifests). */
const blobRepos = [sourceRepo, mountRepo, uploadRepo, promotedRepo, streamedRepo];
const createdBlobs = new Set<string>();
let image: PushedImage | undefined;
let manifest: FetchedManifest;
let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await FaultProxy.start({ target: `http://${registry}` });
  image = await pushTinyImage({ registry, repository: sourceRepo, tag: 'v1', payloadBytes: 256 * 1024 });
  created.push([sourceRepo, image.digest]);
});

afterAll(async () => {
  const problems: string[] = [];
  for (const [repository, digest] of created) {
    try {
      await client.deleteManifest(repository, digest);
    } catch (err) {
      problems.push(`${repository}@${digest}: ${(err as Error).message}`);
    }
  }
  // Unlink every blob this run put anywhere; the bytes go at the registry's next garbage collection.
  for (const repository of blobRepos) {
    for (const digest of createdBlobs) {
      try {
        await client.deleteBlob(repository, digest);
      } catch (err) {
        problems.push(`blob ${repository}@${digest}: ${(err as Error).message}`);
      }
    }
  }
  await image?.cleanupLocal();
  await proxy?.close();
  if (problems.length > 0) throw new Error(`cleanup failed:\n${problems.join('\n')}`);
});

describe(`RegistryClient against ${registry}`, () => {
  it('pings the registry', async () => {
    await expect(client.ping()).resolves.toBeUndefined();
  });

  it("HEAD and GET of the pushed manifest agree with podman's --digestfile digest", async () => {
    const pushed = image!;
    const head = await client.headManifest(sourceRepo, 'v1');
    expect(head?.digest).toBe(pushed.digest);

    manifest = await client.getManifest(sourceRepo, 'v1');
    for (const blob of [manifest.json.config!, ...manifest.json.layers!]) createdBlobs.add(blob.digest);
    expect(manifest.digest).toBe(pushed.digest);
    expect(`sha256:${createHash('sha256').update(manifest.bytes).digest('hex')}`).toBe(pushed.digest);
    expect(head?.size).toBe(manifest.bytes.length);
    expect(head?.mediaType).toBe(manifest.mediaType);
    expect(manifest.json.layers).toHaveLength(1);

    const byDigest = await client.getManifest(sourceRepo, pushed.digest);
    expect(byDigest.bytes.equals(manifest.bytes)).toBe(true);
    expect(await client.listTags(sourceRepo)).toEqual(['v1']);
  });

  it('returns null / false / [] for things the registry does not have', async () => {
    expect(await client.headManifest(sourceRepo, 'no-such-tag')).toBeNull();
    expect(await client.headBlob(sourceRepo, digestOf(Buffer.from('absent')))).toBe(false);
    expect(await client.listTags(`${prefix}/never-pushed`)).toEqual([]);
    await expect(client.getManifest(sourceRepo, 'no-such-tag')).rejects.toThrow(
      /GET http:\/\/.*\/manifests\/no-such-tag failed: 404.*MANIFEST_UNKNOWN/,
    );
  });

  it('mounts a blob into another repository (201) and declines an unknown one (202, cancelled)', async () => {
    const layer = manifest.json.layers![0]!;
    expect(await client.headBlob(mountRepo, layer.digest)).toBe(false);
    expect(await client.mountBlob(mountRepo, sourceRepo, layer.digest)).toBe(true);
    expect(await client.headBlob(mountRepo, layer.digest)).toBe(true);

    const unknown = digestOf(Buffer.from(`${prefix} not stored anywhere`));
    expect(await client.mountBlob(mountRepo, sourceRepo, unknown)).toBe(false);
    expect(await client.headBlob(mountRepo, unknown)).toBe(false);
  });

  it('uploads a blob from memory and streams one from another registry endpoint without buffering', async () => {
    const bytes = Buffer.from(`config of ${prefix}\n`);
    const digest = digestOf(bytes);
    createdBlobs.add(digest);
    expect(await client.uploadBlob(uploadRepo, digest, bytes, bytes.length)).toBe(digest);
    expect(await client.headBlob(uploadRepo, digest)).toBe(true);

    // The proxy is a different host:port, so the client cannot mount and must stream the layer.
    const layer = manifest.json.layers![0]!;
    const viaProxy = new RegistryClient({ registry: proxy.host, credentials: null });
    proxy.reset();
    expect(await viaProxy.copyBlobFrom(client, sourceRepo, streamedRepo, layer)).toBe('streamed');
    expect(await client.headBlob(streamedRepo, layer.digest)).toBe(true);
    const upload = proxy.bytes({ method: 'PUT' });
    expect(upload.requestBytes).toBe(layer.size);

    // A verified download: the stream yields exactly the blob.
    const download = await client.getBlob(streamedRepo, layer.digest);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of download.stream) {
      hash.update(chunk);
      size += chunk.byteLength;
    }
    expect(`sha256:${hash.digest('hex')}`).toBe(layer.digest);
    expect(size).toBe(layer.size);
  });

  it('rejects a manifest whose bytes were tampered with in transit, naming repo, ref and both digests', async () => {
    const viaProxy = new RegistryClient({ registry: proxy.host, credentials: null });
    const digest = image!.digest;
    proxy.reset();
    proxy.tamperNext({ match: { method: 'GET', path: '/manifests/' }, count: 2 });

    const byDigest = viaProxy.getManifest(sourceRepo, digest);
    await expect(byDigest).rejects.toBeInstanceOf(DigestMismatchError);
    await expect(byDigest).rejects.toThrow(
      new RegExp(
        `${sourceRepo}@${digest}.*expected digest ${digest}, but the received bytes hash to sha256:[0-9a-f]{64}`,
      ),
    );
    // By tag, the reference is the registry's Docker-Content-Digest header.
    await expect(viaProxy.getManifest(sourceRepo, 'v1')).rejects.toThrow(
      new RegExp(`${sourceRepo}:v1 failed verification: expected digest ${digest}`),
    );
    expect(proxy.requests({ method: 'GET' }).filter((e) => e.injected === 'tamper')).toHaveLength(2);
    // Untampered, the same request through the same proxy passes.
    await expect(viaProxy.getManifest(sourceRepo, digest)).resolves.toMatchObject({ digest });
  });

  it('retries 5xx answers and succeeds, and gives up after the bounded number of attempts', async () => {
    const retries: string[] = [];
    const viaProxy = new RegistryClient({
      registry: proxy.host,
      credentials: null,
      retry: { attempts: 4, baseDelayMs: 10 },
      log: { ...silentLog, debug: (line: string) => void retries.push(line) },
    });
    proxy.reset();
    proxy.failNext(2, { status: 503, match: { method: 'GET', path: '/manifests/' } });
    const fetched = await viaProxy.getManifest(sourceRepo, image!.digest);
    expect(fetched.digest).toBe(image!.digest);
    const seen = proxy.requests({ method: 'GET', path: '/manifests/' });
    expect(seen.map((e) => e.status)).toEqual([503, 503, 200]);
    expect(retries).toHaveLength(2);

    proxy.reset();
    proxy.failNext(10, { status: 502, match: { method: 'GET', path: '/manifests/' } });
    const failing = viaProxy.getManifest(sourceRepo, image!.digest);
    await expect(failing).rejects.toBeInstanceOf(RegistryError);
    await expect(failing).rejects.toThrow(/GET http:\/\/127\.0\.0\.1:\d+\/v2\/.*failed: 502.*UNAVAILABLE/);
    expect(proxy.requests({ method: 'GET', path: '/manifests/' })).toHaveLength(4);
    proxy.reset();
  });

  it('copies an image by mount + manifest PUT with O(manifest size) bytes through the runner', async () => {
    const viaProxy = new RegistryClient({ registry: proxy.host, credentials: null });
    proxy.reset();
    const source = await viaProxy.getManifest(sourceRepo, image!.digest);
    for (const blob of [source.json.config!, ...source.json.layers!]) {
      expect(await viaProxy.mountBlob(promotedRepo, sourceRepo, blob.digest)).toBe(true);
    }
    const digest = await viaProxy.putManifest(promotedRepo, 'release', source.bytes, source.mediaType);
    created.push([promotedRepo, digest]);
    expect(digest).toBe(image!.digest);

    const counts = proxy.bytes();
    const layerSize = source.json.layers![0]!.size;
    // Body bytes: the manifest down once and up once, plus tiny error/empty bodies of the mounts.
    console.log(
      `mount-based copy: ${counts.requests} requests, ${counts.total} body bytes through the proxy ` +
        `(manifest ${source.bytes.length} B, layer ${layerSize} B)`,
    );
    expect(counts.total).toBeLessThanOrEqual(2 * source.bytes.length + 1024);
    expect(counts.total * 50).toBeLessThan(layerSize);

    expect((await client.headManifest(promotedRepo, 'release'))?.digest).toBe(image!.digest);
    expect(await client.listTags(promotedRepo)).toEqual(['release']);
  });

  it('reports a missing referrers API as null (distribution 2.8 answers 404)', async () => {
    expect(await client.referrers(sourceRepo, image!.digest)).toBeNull();
  });

  it('refuses to push a manifest under a digest its bytes do not have', async () => {
    const wrong = digestOf(Buffer.from('something else'));
    await expect(client.putManifest(promotedRepo, wrong, manifest.bytes, manifest.mediaType)).rejects.toThrow(
      `the manifest bytes hash to ${image!.digest}, not to the digest they are pushed under`,
    );
  });

  it('deletes a blob link from a repository', async () => {
    const bytes = Buffer.from(`throwaway ${prefix}\n`);
    const digest = digestOf(bytes);
    await client.uploadBlob(uploadRepo, digest, bytes, bytes.length);
    expect(await client.deleteBlob(uploadRepo, digest)).toBe(true);
    expect(await client.headBlob(uploadRepo, digest)).toBe(false);
    expect(await client.deleteBlob(uploadRepo, digest)).toBe(false);
  });

  it('deletes a manifest by digest', async () => {
    const bytes = manifest.bytes;
    // The registry refuses manifests whose blobs the repository lacks; the layer was mounted earlier.
    expect(await client.mountBlob(mountRepo, sourceRepo, manifest.json.config!.digest)).toBe(true);
    const digest = await client.putManifest(mountRepo, 'to-delete', bytes, manifest.mediaType);
    expect(await client.headManifest(mountRepo, digest)).not.toBeNull();
    expect(await client.deleteManifest(mountRepo, digest)).toBe(true);
    expect(await client.headManifest(mountRepo, digest)).toBeNull();
    expect(await client.deleteManifest(mountRepo, digest)).toBe(false);
  });
});
