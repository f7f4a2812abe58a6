// Builds on an empty engine store, as every job on an ephemeral runner starts: for each of the four
// images, a first build on a fresh podman store (--root/--runroot fresh dirs) writes the registry
// cache (`--cache-to`, what build-image's first run does), then a second build of the same commit on
// another fresh store reads it (`--cache-from`). Both pull the base image into their empty store.
// `freshStoreCachedRatio` is the worst cached ÷ cold over the images (target ≤ 0.15).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, log, mustRun, round } from './lib/common.mjs';

const IMAGES = [
  ['backend', 'examples/app/backend'],
  ['frontend', 'examples/app/frontend'],
  ['e2e-runner', 'images/e2e-runner'],
  ['ci-tools', 'images/ci-tools'],
];

async function buildOnEmptyStore(dir, context, cache, tag) {
  const store = ['--root', path.join(dir, 'root'), '--runroot', path.join(dir, 'run')];
  const args = [
    ...store,
    'build',
    '--format',
    'docker',
    '--pull=missing',
    '--tls-verify=false',
    '--cache-from',
    cache,
    '--cache-to',
    cache,
    '--build-arg',
    `BASE_IMAGE=${process.env.DIGESTLINE_BASE_IMAGE}`,
    '--tag',
    tag,
    path.join(ROOT, context),
  ];
  try {
    const r = await mustRun('podman', args, { timeoutMs: 900_000 });
    const out = `${r.stdout}${r.stderr}`;
    return {
      s: round(r.ms / 1000),
      stepsFromCache: (out.match(/--> Cache pulled from remote /g) ?? []).length,
      stepsPushed: (out.match(/--> Pushing cache /g) ?? []).length,
    };
  } finally {
    await mustRun('podman', [...store, 'rmi', '--all', '--force']).catch(() => undefined);
  }
}

/** Cold and cached builds of the four images on empty stores, against the loopback registry. */
export async function benchBuild({ registry }) {
  const work = await mkdtemp(path.join(tmpdir(), 'dl-bench-build-'));
  const run = `bench-build-${Date.now().toString(36)}`;
  const images = {};
  try {
    for (const [name, context] of IMAGES) {
      const cache = `${registry}/${run}/${name}-buildcache`;
      const tag = `localhost/${run}/${name}:bench`;
      const cold = await buildOnEmptyStore(path.join(work, `${name}-cold`), context, cache, tag);
      log(`${name}: cold ${cold.s} s on an empty store (${cold.stepsPushed} steps to the cache)`);
      const cached = await buildOnEmptyStore(path.join(work, `${name}-cached`), context, cache, tag);
      log(`${name}: ${cached.s} s on another empty store (${cached.stepsFromCache} steps from the cache)`);
      images[name] = {
        coldS: cold.s,
        cachedS: cached.s,
        ratio: round(cached.s / cold.s, 3),
        stepsToCache: cold.stepsPushed,
        stepsFromCache: cached.stepsFromCache,
      };
    }
  } finally {
    await rm(work, { recursive: true, force: true });
    for (const [name] of IMAGES) await deleteRepository(registry, `${run}/${name}-buildcache`);
  }
  const worst = Object.entries(images).reduce((a, b) => (b[1].ratio > a[1].ratio ? b : a));
  return {
    method:
      'podman build on a fresh --root/--runroot per build; cold = first build (empty cache, writes it), cached = same commit on another fresh store with --cache-from',
    freshStoreCachedRatio: worst[1].ratio,
    worstImage: worst[0],
    images,
  };
}

/** Deletes every tag's manifest of a loopback repository (the registry's own GC frees the blobs). */
/* global fetch */
async function deleteRepository(registry, repository) {
  const accept =
    'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json';
  const list = await fetch(`http://${registry}/v2/${repository}/tags/list`);
  if (!list.ok) return;
  for (const tag of (await list.json()).tags ?? []) {
    const head = await fetch(`http://${registry}/v2/${repository}/manifests/${tag}`, {
      method: 'HEAD',
      headers: { Accept: accept },
    });
    const digest = head.headers.get('docker-content-digest');
    if (digest) await fetch(`http://${registry}/v2/${repository}/manifests/${digest}`, { method: 'DELETE' });
  }
}
