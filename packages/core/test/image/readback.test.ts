/**
 * Reading a pushed image back through the RegistryClient, against an in-memory registry: Docker v2,
 * OCI and index manifests, tagging by manifest PUT, the layer file tree in layer order, the policy
 * check and the metadata shape.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContainerEngine } from '../../src/engine/engine.js';
import { buildImage } from '../../src/image/build-image.js';
import { pushedMetadata } from '../../src/image/metadata.js';
import { parseReference } from '../../src/reference.js';
import {
  checkPushedImage,
  forEachConcurrent,
  readImageFiles,
  writePolicyReport,
} from '../../src/image/policy-check.js';
import {
  compressedSize,
  readPushedImage,
  selectPlatformManifest,
  tagPushedImage,
} from '../../src/image/pushed-image.js';
import type { ImagePolicy } from '../../src/policy/types.js';
import { RegistryClient } from '../../src/registry/client.js';
import { recordingLog } from '../support/log.js';
import {
  DOCKER_CONFIG,
  DOCKER_LAYER_GZIP,
  DOCKER_MANIFEST,
  OCI_CONFIG,
  OCI_INDEX,
  OCI_LAYER_GZIP,
  OCI_MANIFEST,
  type ManifestJson,
} from '../../src/registry/media-types.js';

const sha256 = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A registry in memory: one repository, manifests by digest and tag, blobs by digest. */
class MemoryRegistry {
  readonly manifests = new Map<string, { bytes: Buffer; mediaType: string }>();
  readonly blobs = new Map<string, Buffer>();
  readonly requests: string[] = [];

  blob(bytes: Buffer, mediaType: string): { mediaType: string; digest: string; size: number } {
    const digest = sha256(bytes);
    this.blobs.set(digest, bytes);
    return { mediaType, digest, size: bytes.length };
  }

  manifest(json: object, mediaType: string, tag?: string): string {
    const bytes = Buffer.from(JSON.stringify(json));
    const digest = sha256(bytes);
    this.manifests.set(digest, { bytes, mediaType });
    if (tag !== undefined) this.manifests.set(tag, { bytes, mediaType });
    return digest;
  }

  client(): RegistryClient {
    const fetchImpl = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
      const url = new URL(String(input));
      const method = init.method ?? 'GET';
      this.requests.push(`${method} ${url.pathname}`);
      const m = /^\/v2\/app\/(manifests|blobs)\/(.+)$/.exec(url.pathname);
      if (m === null) return new Response(null, { status: 404 });
      const [, kind, ref] = m as unknown as [string, string, string];
      if (kind === 'manifests' && method === 'PUT') {
        const body = Buffer.from(init.body as Uint8Array);
        const mediaType = new Headers(init.headers).get('content-type') ?? '';
        this.manifests.set(ref, { bytes: body, mediaType });
        this.manifests.set(sha256(body), { bytes: body, mediaType });
        return new Response(null, { status: 201, headers: { 'docker-content-digest': sha256(body) } });
      }
      if (kind === 'manifests') {
        const found = this.manifests.get(ref);
        if (!found) return new Response(null, { status: 404 });
        const headers = {
          'content-type': found.mediaType,
          'docker-content-digest': sha256(found.bytes),
          'content-length': String(found.bytes.length),
        };
        return new Response(method === 'HEAD' ? null : found.bytes, { status: 200, headers });
      }
      const blob = this.blobs.get(ref);
      if (!blob) return new Response(null, { status: 404 });
      return new Response(blob, { status: 200, headers: { 'content-length': String(blob.length) } });
    };
    return new RegistryClient({
      registry: '127.0.0.1:5999',
      credentials: null,
      fetch: fetchImpl as typeof fetch,
    });
  }
}

const work = mkdtempSync(join(tmpdir(), 'dl-build-readback-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A gzip layer made by the system tar from `files` (path → content; content null = directory). */
let layers = 0;
function layer(
  name: string,
  files: Record<string, string | null>,
  symlinks: Record<string, string> = {},
): Buffer {
  const root = join(work, `${name}-${++layers}`);
  mkdirSync(root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    if (content === null) mkdirSync(join(root, path), { recursive: true });
    else {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  }
  for (const [path, target] of Object.entries(symlinks)) execFileSync('ln', ['-s', target, join(root, path)]);
  const out = `${root}.tar.gz`;
  execFileSync('tar', ['-C', root, '-czf', out, '.']);
  return readFileSync(out);
}

const config = {
  architecture: 'amd64',
  os: 'linux',
  config: {
    User: '10001',
    Labels: { 'org.opencontainers.image.revision': 'abc', 'org.digestline.role': 'runtime' },
    Healthcheck: { Test: ['CMD', '/usr/bin/node', '/app/healthcheck.js'] },
  },
  rootfs: { type: 'layers', diff_ids: [] },
};

function pushDockerImage(reg: MemoryRegistry, layers: Buffer[], tag = 'sha1'): string {
  const cfg = reg.blob(Buffer.from(JSON.stringify(config)), DOCKER_CONFIG);
  const manifest: ManifestJson = {
    schemaVersion: 2,
    mediaType: DOCKER_MANIFEST,
    config: cfg,
    layers: layers.map((l) => reg.blob(l, DOCKER_LAYER_GZIP)),
  };
  return reg.manifest(manifest, DOCKER_MANIFEST, tag);
}

describe('compressedSize and platform selection', () => {
  it('adds the config size to the layer sizes', () => {
    expect(
      compressedSize({
        schemaVersion: 2,
        config: { mediaType: OCI_CONFIG, digest: 'sha256:c', size: 1500 },
        layers: [
          { mediaType: OCI_LAYER_GZIP, digest: 'sha256:a', size: 1_000_000 },
          { mediaType: OCI_LAYER_GZIP, digest: 'sha256:b', size: 234 },
        ],
      }),
    ).toBe(1_001_734);
  });

  const index: ManifestJson = {
    schemaVersion: 2,
    manifests: [
      {
        mediaType: OCI_MANIFEST,
        digest: 'sha256:arm',
        size: 1,
        platform: { os: 'linux', architecture: 'arm64' },
      },
      {
        mediaType: OCI_MANIFEST,
        digest: 'sha256:att',
        size: 1,
        platform: { os: 'unknown', architecture: 'unknown' },
      },
      {
        mediaType: OCI_MANIFEST,
        digest: 'sha256:amd',
        size: 1,
        platform: { os: 'linux', architecture: 'amd64' },
      },
    ],
  };

  it('picks linux/amd64 from an index and lists what there is otherwise', () => {
    expect(selectPlatformManifest(index).digest).toBe('sha256:amd');
    expect(() => selectPlatformManifest({ ...index, manifests: index.manifests?.slice(0, 2) })).toThrow(
      'the pushed index has no linux/amd64 image (it has: linux/arm64, unknown/unknown)',
    );
  });
});

describe('readPushedImage', () => {
  it('reads a Docker v2 image: config, layers, size, platform', async () => {
    const reg = new MemoryRegistry();
    const l1 = layer('docker-l1', { 'etc/passwd': 'root:x:0:0' });
    const digest = pushDockerImage(reg, [l1]);
    const image = await readPushedImage(reg.client(), 'app', digest);
    expect(image.digest).toBe(digest);
    expect(image.mediaType).toBe(DOCKER_MANIFEST);
    expect(image.manifest.digest).toBe(digest);
    expect(image.config.config?.User).toBe('10001');
    expect(image.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(image.size).toBe(l1.length + Buffer.byteLength(JSON.stringify(config)));
  });

  it('reads an OCI index: the digest stays the index, the image is the linux/amd64 child', async () => {
    const reg = new MemoryRegistry();
    const l1 = layer('oci-l1', { 'app/main.js': 'x' });
    const cfg = reg.blob(Buffer.from(JSON.stringify(config)), OCI_CONFIG);
    const child = reg.manifest(
      { schemaVersion: 2, mediaType: OCI_MANIFEST, config: cfg, layers: [reg.blob(l1, OCI_LAYER_GZIP)] },
      OCI_MANIFEST,
    );
    const childSize = reg.manifests.get(child)?.bytes.length ?? 0;
    const indexDigest = reg.manifest(
      {
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [
          {
            mediaType: OCI_MANIFEST,
            digest: child,
            size: childSize,
            platform: { os: 'linux', architecture: 'amd64' },
          },
        ],
      },
      OCI_INDEX,
    );
    const image = await readPushedImage(reg.client(), 'app', indexDigest);
    expect(image.digest).toBe(indexDigest);
    expect(image.mediaType).toBe(OCI_INDEX);
    expect(image.manifest.digest).toBe(child);
    expect(image.configDigest).toBe(cfg.digest);
    expect(image.layers).toHaveLength(1);
  });
});

describe('tagPushedImage', () => {
  it('PUTs the same manifest bytes under each extra tag and checks every tag resolves to the digest', async () => {
    const reg = new MemoryRegistry();
    const digest = pushDockerImage(reg, [layer('tag-l1', { a: '1' })], 'sha1');
    const client = reg.client();
    const image = await readPushedImage(client, 'app', digest);
    await tagPushedImage(client, 'app', image, 'sha1', ['latest', 'v1']);
    for (const tag of ['sha1', 'latest', 'v1'])
      expect(sha256(reg.manifests.get(tag)?.bytes ?? Buffer.alloc(0))).toBe(digest);
    expect(reg.requests.filter((r) => r.startsWith('PUT'))).toEqual([
      'PUT /v2/app/manifests/latest',
      'PUT /v2/app/manifests/v1',
    ]);
  });

  it('fails naming the tag when it resolves elsewhere', async () => {
    const reg = new MemoryRegistry();
    const digest = pushDockerImage(reg, [layer('tag-l2', { a: '2' })], 'sha1');
    const client = reg.client();
    const image = await readPushedImage(client, 'app', digest);
    pushDockerImage(reg, [layer('tag-l3', { b: '3' })], 'sha1'); // someone re-pushed the tag meanwhile
    await expect(tagPushedImage(client, 'app', image, 'sha1', [])).rejects.toThrow(
      new RegExp(`tag 127.0.0.1:5999/app:sha1 resolves to sha256:[0-9a-f]{64}, not to the pushed ${digest}`),
    );
  });
});

describe('layer files and the policy', () => {
  // Layer 2 deletes /usr/bin/apt-get with a whiteout; layer 3 adds /usr/bin/cc. Applied in the wrong
  // order, apt-get would survive: listings must be applied in manifest order even though they are
  // read concurrently.
  const base = () =>
    layer('p-base', { 'usr/bin/apt-get': 'apt', 'usr/bin/sh': 'sh', 'app/main.js': 'x' }, { bin: 'usr/bin' });
  const whiteout = () => layer('p-wh', { 'usr/bin/.wh.apt-get': '' });
  const add = () => layer('p-add', { 'usr/bin/cc': 'cc' });

  it('applies the layers in manifest order (whiteouts included)', async () => {
    const reg = new MemoryRegistry();
    const digest = pushDockerImage(reg, [base(), whiteout(), add()]);
    const client = reg.client();
    const image = await readPushedImage(client, 'app', digest);
    const tree = await readImageFiles(client, 'app', image.layers, 3);
    expect(tree.has('/usr/bin/apt-get')).toBe(false);
    expect(tree.has('/usr/bin/cc')).toBe(true);
    expect(tree.has('/bin/sh')).toBe(true);
  });

  it('checks every rule and lists every violation; writes the report', async () => {
    const reg = new MemoryRegistry();
    const digest = pushDockerImage(reg, [base(), whiteout(), add()]);
    const client = reg.client();
    const image = await readPushedImage(client, 'app', digest);
    const policy: ImagePolicy = {
      source: 'image-policy.yaml',
      maxSize: { bytes: 100, text: '100 B' },
      nonRoot: true,
      forbid: ['/bin/sh', '/usr/bin/apt*', '/usr/bin/cc'],
      requireLabels: ['org.opencontainers.image.revision', 'org.opencontainers.image.title'],
      requireHealthcheck: true,
    };
    const result = await checkPushedImage(client, 'app', image, policy);
    expect(result.passed).toBe(false);
    expect(result.violations.map((v) => v.message)).toEqual([
      expect.stringMatching(/^max-size: \d+ B > 100 B$/),
      'forbid: /bin/sh matches /bin/sh (/usr/bin/sh)',
      'forbid: /usr/bin/cc matches /usr/bin/cc',
      'require-labels: label org.opencontainers.image.title is missing',
    ]);
    const path = join(work, 'report', 'policy-report.json');
    await writePolicyReport(path, `127.0.0.1:5999/app@${digest}`, digest, result);
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      passed: boolean;
      violations: unknown[];
      digest: string;
    };
    expect(report).toMatchObject({ passed: false, digest, policy: 'image-policy.yaml' });
    expect(report.violations).toHaveLength(4);
  });

  it('does not download layers when the policy has no forbid rules', async () => {
    const reg = new MemoryRegistry();
    const digest = pushDockerImage(reg, [base()]);
    const client = reg.client();
    const image = await readPushedImage(client, 'app', digest);
    const before = reg.requests.length;
    const result = await checkPushedImage(client, 'app', image, {
      source: 'p.yaml',
      nonRoot: true,
      forbid: [],
      requireLabels: [],
      requireHealthcheck: true,
    });
    expect(result.passed).toBe(true);
    expect(reg.requests.slice(before)).toEqual([]);
  });

  it('names the layer that cannot be read', async () => {
    const reg = new MemoryRegistry();
    const digest = pushDockerImage(reg, [base(), Buffer.from('not gzip at all')]);
    const client = reg.client();
    const image = await readPushedImage(client, 'app', digest);
    await expect(readImageFiles(client, 'app', image.layers)).rejects.toThrow(
      /^layer 2\/2 \(sha256:[0-9a-f]{64}\): /,
    );
  });
});

describe('forEachConcurrent', () => {
  it('keeps at most `limit` in flight and stops starting new work after a failure', async () => {
    let inFlight = 0;
    let peak = 0;
    const started: number[] = [];
    const run = forEachConcurrent([0, 1, 2, 3, 4, 5, 6, 7], 3, async (i) => {
      started.push(i);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      if (i === 1) throw new Error('boom 1');
    });
    await expect(run).rejects.toThrow('boom 1');
    expect(peak).toBe(3);
    expect(started.length).toBeLessThan(8);
  });
});

describe('metadata', () => {
  it('has the documented shape', async () => {
    const reg = new MemoryRegistry();
    const digest = pushDockerImage(reg, [layer('meta-l1', { a: '1' })]);
    const image = await readPushedImage(reg.client(), 'app', digest);
    const metadata = pushedMetadata({
      repository: '127.0.0.1:5999/app',
      image,
      tags: ['sha1', 'latest'],
      commit: { revision: 'sha1', epoch: 0, created: '1970-01-01T00:00:00Z' },
      role: 'runtime',
      policy: {
        source: 'p.yaml',
        passed: false,
        violations: [{ rule: 'non-root', message: 'non-root: user is root' }],
        checked: {},
      },
    });
    expect(metadata).toEqual({
      image: `127.0.0.1:5999/app@${digest}`,
      digest,
      mediaType: DOCKER_MANIFEST,
      configDigest: image.configDigest,
      platform: { os: 'linux', architecture: 'amd64' },
      size: image.size,
      tags: ['sha1', 'latest'],
      labels: { 'org.opencontainers.image.revision': 'abc', 'org.digestline.role': 'runtime' },
      revision: 'sha1',
      created: '1970-01-01T00:00:00Z',
      role: 'runtime',
      policy: { source: 'p.yaml', passed: false, violations: ['non-root: user is root'] },
    });
    expect(JSON.parse(JSON.stringify(metadata))).toEqual(metadata);
  });
});

describe('buildImage', () => {
  /** An engine whose build returns a fixed id and whose push puts `image` into the memory registry. */
  function fakeEngine(
    reg: MemoryRegistry,
    calls: string[],
    o: { id?: string; reportsDigest?: boolean } = {},
  ): ContainerEngine {
    const engine: Partial<ContainerEngine> = {
      kind: 'podman',
      bin: 'podman',
      build: async (opts) => {
        calls.push(`build ${opts.tags.join(',')}`);
        return o.id ?? 'sha256:local';
      },
      push: async (ref, opts) => {
        calls.push(`push ${ref} insecure=${String(opts?.insecure)}`);
        const digest = pushDockerImage(
          reg,
          [layer('build-l1', { 'app/main.js': 'x' })],
          ref.split(':').pop(),
        );
        return o.reportsDigest === false ? undefined : digest;
      },
    };
    return engine as ContainerEngine;
  }

  it('builds, pushes by the commit sha, tags the same digest and says so in its log', async () => {
    const reg = new MemoryRegistry();
    const calls: string[] = [];
    const log = recordingLog();
    const result = await buildImage(
      {
        repository: parseReference('127.0.0.1:5999/app'),
        build: { context: work },
        commit: { revision: 'sha1', epoch: 0, created: '1970-01-01T00:00:00Z' },
        role: 'runtime',
        extraTags: ['latest', 'sha1'],
        push: true,
        insecure: true,
      },
      { engine: fakeEngine(reg, calls), registry: reg.client(), log },
    );
    const digest = result.pushed?.digest ?? '';
    expect(calls).toEqual(['build 127.0.0.1:5999/app:sha1', 'push 127.0.0.1:5999/app:sha1 insecure=true']);
    expect(result.tags).toEqual(['sha1', 'latest']);
    expect(reg.manifests.get('latest')?.bytes).toEqual(reg.manifests.get(digest)?.bytes);
    expect(result.metadata.image).toBe(`127.0.0.1:5999/app@${digest}`);
    expect(result.policy).toBeUndefined();
    expect(log.lines).toEqual([
      { level: 'info', line: expect.stringMatching(/^built sha256:local in \d+\.\d s$/) },
      { level: 'info', line: `registry digest: ${digest}` },
      {
        level: 'info',
        line: `tags sha1, latest → ${digest} (${result.pushed?.size} bytes compressed, ${DOCKER_MANIFEST})`,
      },
    ]);
  });

  describe('when the engine does not report the digest (podman 5 remote against a 4.3 service)', () => {
    const request = {
      repository: parseReference('127.0.0.1:5999/app'),
      build: { context: work },
      commit: { revision: 'sha3', epoch: 0, created: '1970-01-01T00:00:00Z' },
      role: 'runtime' as const,
      extraTags: [],
      push: true,
      insecure: true,
    };
    const configDigest = sha256(Buffer.from(JSON.stringify(config)));

    it("reads it from the tag just pushed, accepting it because the manifest's config is the built image", async () => {
      const reg = new MemoryRegistry();
      const log = recordingLog();
      const result = await buildImage(request, {
        engine: fakeEngine(reg, [], { id: configDigest, reportsDigest: false }),
        registry: reg.client(),
        log,
      });
      expect(result.pushed?.digest).toBe(sha256(reg.manifests.get('sha3')?.bytes ?? Buffer.alloc(0)));
      expect(result.pushed?.configDigest).toBe(configDigest);
      expect(log.lines.map((l) => l.line)).toContain(
        `the engine did not report the digest; the tag holds ${result.pushed?.digest}, checked against the built image's config`,
      );
    });

    it('refuses a tag that holds another image than the one built (someone pushed over it)', async () => {
      const reg = new MemoryRegistry();
      await expect(
        buildImage(request, {
          engine: fakeEngine(reg, [], { id: `sha256:${'e'.repeat(64)}`, reportsDigest: false }),
          registry: reg.client(),
          log: recordingLog(),
        }),
      ).rejects.toThrow(
        /its tag now holds sha256:[0-9a-f]{64} with config sha256:[0-9a-f]{64}, not the image just built \(sha256:e{64}\)/,
      );
    });
  });

  it('logs the policy report and writes its file when a policy is given', async () => {
    const reg = new MemoryRegistry();
    const log = recordingLog();
    const reportPath = join(work, 'build-policy-report.json');
    const result = await buildImage(
      {
        repository: parseReference('127.0.0.1:5999/app'),
        build: { context: work },
        commit: { revision: 'sha2', epoch: 0, created: '1970-01-01T00:00:00Z' },
        role: 'runtime',
        extraTags: [],
        push: true,
        insecure: true,
        policy: { source: 'p.yaml', nonRoot: true, forbid: [], requireLabels: [], requireHealthcheck: false },
        policyReportPath: reportPath,
      },
      { engine: fakeEngine(reg, []), registry: reg.client(), log },
    );
    expect(result.policy?.passed).toBe(true);
    expect(result.policyReportPath).toBe(reportPath);
    expect(JSON.parse(readFileSync(reportPath, 'utf8'))).toMatchObject({ passed: true, policy: 'p.yaml' });
    expect(log.lines.length).toBeGreaterThan(3);
    expect(log.lines.every((l) => l.level === 'info')).toBe(true);
    expect(log.lines.map((l) => l.line).join('\n')).toContain(`127.0.0.1:5999/app@${result.pushed?.digest}`);
  });
});
