// promotion: the bundled promote-digest action vs two `skopeo copy --preserve-digests` runs and two
// `crane copy` runs (when setup-host extracted crane), for a set of two ~2 MB images and a set of two
// ~500 MB images, on the loopback registry; timed side by side in one loop.
import { createCipheriv, createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { summariseProfile } from './lib/cpuprofile.mjs';
import { ROOT, log, median, mustRun, parseFileCommands, round, runProcess } from './lib/common.mjs';

const BUNDLE = path.join(ROOT, 'actions/promote-digest/dist/index.js');
/**
 * Another build of the action (e.g. the previous commit's dist/index.js, copied aside) timed in the
 * same loop, so that before and after meet the same load: `DIGESTLINE_BENCH_BASELINE_BUNDLE=path`.
 */
const BASELINE = process.env.DIGESTLINE_BENCH_BASELINE_BUNDLE || undefined;
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const RUN_URL = 'http://127.0.0.1/bench/runs/1';
/** The CI run the evidence is bound to; promote-digest counts only this run's evidence. */
const RUN_ID = '1';
/** Explicit content-addressed cache: one repository, tags named by recipe, reused by every rerun. */
const CACHE_REPO = 'digestline-bench-cache/promote';
const RECIPE = 'r1';
const SIZES = [
  { key: 'small', label: '2 × ~2 MB', bytes: 2 * 1024 * 1024 },
  { key: 'large', label: '2 × ~500 MB', bytes: 500 * 1024 * 1024 },
];
const NAMES = ['web', 'api'];

/** Deterministic incompressible bytes: the same seed gives the same bytes, so the same digests. */
function deterministicStream(seed, size) {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16);
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16, 0));
  const zero = Buffer.alloc(1024 * 1024);
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(left, zero.length);
      left -= n;
      this.push(cipher.update(zero.subarray(0, n)));
    },
  });
}

function octal(value, width) {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** A one-file ustar header (mtime 0, root-owned) for `name` of `size` bytes. */
function tarHeader(name, size) {
  const h = Buffer.alloc(512);
  h.write(name, 0, 'utf8');
  h.write(octal(0o644, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(0, 12), 136);
  h.fill(' ', 148, 156);
  h.write('0', 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** The uncompressed tar layer holding `payload.bin`: header, data, padding, end blocks. */
function layerStream(seed, size) {
  const pad = (512 - (size % 512)) % 512;
  async function* parts() {
    yield tarHeader('payload.bin', size);
    for await (const chunk of deterministicStream(seed, size)) yield chunk;
    yield Buffer.alloc(pad + 1024);
  }
  return { stream: () => Readable.from(parts()), size: 512 + size + pad + 1024 };
}

async function sha256Of(stream) {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk);
  return `sha256:${hash.digest('hex')}`;
}

/**
 * The cached image for (name, size): built and pushed by the registry API (no engine, an
 * uncompressed OCI layer) only when the cache tag is missing.
 */
async function cachedImage(client, name, size) {
  const tag = `${RECIPE}-${name}-${size}`;
  try {
    return await client.getManifest(CACHE_REPO, tag);
  } catch {
    // Not cached yet: build below.
  }
  log(`building the cached ${name} image of ${(size / 1024 / 1024).toFixed(0)} MiB (once per machine)`);
  const layer = layerStream(`digestline-bench-${RECIPE}-${name}-${size}`, size);
  const layerDigest = await sha256Of(layer.stream());
  if (!(await client.headBlob(CACHE_REPO, layerDigest))) {
    await client.uploadBlob(CACHE_REPO, layerDigest, layer.stream, layer.size);
  }
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { 'dev.digestline.bench': `${RECIPE}-${name}-${size}` } },
      rootfs: { type: 'layers', diff_ids: [layerDigest] },
    }),
  );
  const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
  await client.uploadBlob(CACHE_REPO, configDigest, config, config.length);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: [
        { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layerDigest, size: layer.size },
      ],
    }),
  );
  await client.putManifest(CACHE_REPO, tag, manifest, 'application/vnd.oci.image.manifest.v1+json');
  return await client.getManifest(CACHE_REPO, tag);
}

/** A runner's environment for one action run in `dir`: INPUT_* and empty file-command files. */
async function actionEnv(dir, inputs) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: dir,
    GITHUB_SHA: COMMIT,
    GITHUB_RUN_ID: RUN_ID,
  };
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE']) {
    env[name] = path.join(dir, name.toLowerCase());
    await writeFile(env[name], '');
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** Runs the bundled action like a runner does: INPUT_* env, file-command files in a temp dir. */
async function runPromote(inputs, bundle = BUNDLE) {
  const dir = await mkdtemp(path.join(tmpdir(), 'dl-bench-promote-'));
  try {
    const env = await actionEnv(dir, inputs);
    const r = await runProcess(process.execPath, [bundle], { env });
    if (r.code !== 0) {
      throw new Error(
        `promote-digest exited ${r.code}:\n${`${r.stdout}${r.stderr}`.split('\n').slice(-25).join('\n')}`,
      );
    }
    const outputs = parseFileCommands(await readFile(env.GITHUB_OUTPUT, 'utf8'));
    const timings = /timings: (.*)/.exec(r.stdout)?.[1];
    return { ms: r.ms, outputs, timings, stdout: r.stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runSkopeoPair(registry, sources, targetRepo) {
  const started = performance.now();
  for (const s of sources) {
    await mustRun('skopeo', [
      'copy',
      '--quiet',
      '--preserve-digests',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      `docker://${registry}/${s.repo}@${s.digest}`,
      `docker://${registry}/${targetRepo}/${s.name}:staging`,
    ]);
  }
  return performance.now() - started;
}

/** Two `crane copy` runs (crane mounts blobs across repositories and keeps digests by design). */
async function runCranePair(registry, sources, targetRepo) {
  const started = performance.now();
  for (const s of sources) {
    await mustRun(process.env.DIGESTLINE_CRANE, [
      'copy',
      '--insecure',
      `${registry}/${s.repo}@${s.digest}`,
      `${registry}/${targetRepo}/${s.name}:staging`,
    ]);
  }
  return performance.now() - started;
}

/**
 * @param {{ registry: string, runs: number, importTs: (spec: string) => Promise<any>, profileDir?: string }} opts
 */
export async function benchPromotion(opts) {
  const { registry, runs } = opts;
  const { RegistryClient } = await opts.importTs('@digestline/core/registry/client');
  const { envelopeOf, signEnvelope } = await opts.importTs('@digestline/core/evidence/dsse');
  const { laneStatement, sourceStatement } = await opts.importTs('@digestline/core/evidence/statement');
  const store = await opts.importTs('@digestline/core/evidence/store');
  const { evidenceRepository } = await opts.importTs('@digestline/core/evidence/location');
  const { FaultProxy } = await opts.importTs(path.join(ROOT, 'test/support/proxy.ts'));

  const client = new RegistryClient({ registry });
  const prefix = `dl-bench-${randomBytes(4).toString('hex')}`;
  const touched = new Set();
  /** Manifests put by digest only (no tag leads to them): repo -> digests. */
  const byDigest = new Map();
  const key = () =>
    generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
  const laneKey = key();
  const recordKey = key();
  const result = { method: {}, sizes: {} };
  const withCrane = Boolean(process.env.DIGESTLINE_CRANE);
  if (!withCrane) log('promotion: no crane (DIGESTLINE_CRANE unset by setup-host); ratioVsCrane stays null');

  try {
    const sets = [];
    for (const size of SIZES) {
      // Source set: the cached images mounted into fresh repositories, with every lane's evidence.
      const sources = [];
      for (const name of NAMES) {
        const cached = await cachedImage(client, name, size.bytes);
        const repo = `${prefix}/src-${size.key}/${name}`;
        touched.add(repo);
        for (const d of [cached.json.config, ...cached.json.layers]) {
          if (!(await client.mountBlob(repo, CACHE_REPO, d.digest)))
            throw new Error(`mount of ${d.digest} refused`);
        }
        await client.putManifest(repo, cached.digest, cached.bytes, cached.mediaType);
        byDigest.set(repo, new Set([cached.digest]));
        sources.push({ name, repo, digest: cached.digest, layerBytes: cached.json.layers[0].size });
      }
      const evidenceRepo = evidenceRepository(sources[0].repo);
      touched.add(evidenceRepo);
      const sign = (statement) => signEnvelope(envelopeOf(statement), laneKey.privateKey);
      await store.storeSourceEvidence(
        client,
        evidenceRepo,
        sign(
          sourceStatement({
            commit: COMMIT,
            runUrl: RUN_URL,
            env: { GITHUB_RUN_ID: RUN_ID },
            checks: [{ name: 'lint', result: 'PASSED', durationMs: 10 }],
          }),
        ),
      );
      for (const lane of ['integration', 'e2e']) {
        const envelope = sign(
          laneStatement({
            lane,
            images: sources.map((s) => ({
              name: s.name,
              digest: s.digest,
              repository: `${registry}/${s.repo}`,
            })),
            commit: COMMIT,
            runUrl: RUN_URL,
            env: { GITHUB_RUN_ID: RUN_ID },
            checks: [{ name: `${lane} suite`, result: 'PASSED', durationMs: 1000 }],
          }),
        );
        for (const s of sources)
          await store.storeEvidence(client, s.repo, s.digest, envelope, { settleMs: () => 5 });
      }

      const inputs = (host, target) => ({
        images: sources.map((s) => `${s.name}=${host}/${s.repo}@${s.digest}`).join('\n'),
        target: `${host}/${target}/{name}:staging`,
        require: 'source,integration,e2e',
        'lane-public-keys': laneKey.publicKey,
        'signing-key': recordKey.privateKey,
      });
      const track = (target) => {
        for (const n of [...NAMES, 'evidence']) touched.add(`${target}/${n}`);
      };

      // One untimed run of each first: page cache, skopeo's blob-info cache, the registry's own caches.
      const warm = { promoteDigestMs: null, skopeoMs: null, craneMs: null };
      track(`${prefix}/${size.key}-warm-p`);
      track(`${prefix}/${size.key}-warm-s`);
      warm.promoteDigestMs = round(
        (await runPromote(inputs(registry, `${prefix}/${size.key}-warm-p`))).ms,
        1,
      );
      warm.skopeoMs = round(await runSkopeoPair(registry, sources, `${prefix}/${size.key}-warm-s`), 1);
      if (withCrane) {
        track(`${prefix}/${size.key}-warm-c`);
        warm.craneMs = round(await runCranePair(registry, sources, `${prefix}/${size.key}-warm-c`), 1);
      }
      log(
        `promotion ${size.label}: warm-up promote-digest ${warm.promoteDigestMs} ms, skopeo ×2 ${warm.skopeoMs} ms, crane ×2 ${warm.craneMs} ms`,
      );
      if (BASELINE !== undefined) {
        track(`${prefix}/${size.key}-warm-b`);
        await runPromote(inputs(registry, `${prefix}/${size.key}-warm-b`), BASELINE);
      }
      sets.push({
        baselineMs: [],
        size,
        sources,
        inputs,
        track,
        warm,
        promoteMs: [],
        skopeoMs: [],
        craneMs: [],
        timings: [],
      });
    }

    // Timed runs: sizes interleave (their order alternates too), so load that comes and goes on a
    // shared machine hits both sizes alike and the flatness ratio stays fair.
    for (let i = 0; i < runs; i++) {
      for (const set of i % 2 === 0 ? sets : [...sets].reverse()) {
        const { size, sources, inputs, track, promoteMs, skopeoMs, craneMs, timings } = set;
        const pTarget = `${prefix}/${size.key}-p${i}`;
        const sTarget = `${prefix}/${size.key}-s${i}`;
        const cTarget = `${prefix}/${size.key}-c${i}`;
        track(pTarget);
        track(sTarget);
        track(cTarget);
        const promote = async () => {
          const r = await runPromote(inputs(registry, pTarget));
          if (!r.stdout.includes('already promoted') && r.outputs.promoted === undefined)
            throw new Error('promote-digest set no output');
          promoteMs.push(r.ms);
          timings.push(r.timings);
        };
        const skopeo = async () => skopeoMs.push(await runSkopeoPair(registry, sources, sTarget));
        const crane = async () => {
          if (withCrane) craneMs.push(await runCranePair(registry, sources, cTarget));
        };
        const baseline = async () => {
          if (BASELINE === undefined) return;
          const bTarget = `${prefix}/${size.key}-b${i}`;
          track(bTarget);
          set.baselineMs.push((await runPromote(inputs(registry, bTarget), BASELINE)).ms);
        };
        // They take turns at going first, so a burst of load elsewhere hits each alike.
        const order = [promote, skopeo, crane, baseline];
        for (let k = 0; k < i % order.length; k++) order.push(order.shift());
        for (const step of order) await step();
        log(
          `  run ${i + 1} ${size.label}: promote-digest ${promoteMs.at(-1).toFixed(0)} ms, skopeo ×2 ${skopeoMs.at(-1).toFixed(0)} ms` +
            (withCrane ? `, crane ×2 ${craneMs.at(-1).toFixed(0)} ms` : ''),
        );
      }
    }

    for (const set of sets) {
      const { size, sources, inputs, track, warm, promoteMs, skopeoMs, craneMs, timings } = set;
      // Check that the promoted tags hold the source digests (last run).
      for (const s of sources) {
        const at = await client.headManifest(`${prefix}/${size.key}-p${runs - 1}/${s.name}`, 'staging');
        if (at?.digest !== s.digest)
          throw new Error(`promoted ${s.name} is ${at?.digest}, expected ${s.digest}`);
      }

      // Bytes through the runner: one more run of each, through the counting proxy.
      const proxy = await FaultProxy.start({ target: `http://${registry}` });
      let bytes;
      try {
        const target = `${prefix}/${size.key}-proxy-p`;
        track(target);
        await runPromote(inputs(proxy.host, target));
        const promoteBytes = proxy.bytes();
        const promoteRequests = requestKinds(proxy.exchanges);
        proxy.reset();
        const sTarget = `${prefix}/${size.key}-proxy-s`;
        track(sTarget);
        await runSkopeoPair(proxy.host, sources, sTarget);
        const skopeoBytes = proxy.bytes();
        bytes = {
          promoteDigest: {
            bytes: promoteBytes.total,
            requests: promoteBytes.requests,
            byKind: promoteRequests,
          },
          skopeo: { bytes: skopeoBytes.total, requests: skopeoBytes.requests },
        };
      } finally {
        await proxy.close();
      }

      let profile;
      if (opts.profile && size.key === 'small') {
        const target = `${prefix}/${size.key}-prof`;
        track(target);
        profile = await profilePromote(inputs(registry, target));
      }

      const mP = median(promoteMs);
      const mS = median(skopeoMs);
      const mC = withCrane ? median(craneMs) : undefined;
      result.sizes[size.key] = {
        label: size.label,
        imageBytes: sources.map((s) => s.layerBytes),
        runs,
        warmup: warm,
        promoteDigestMs: promoteMs.map((v) => round(v, 1)),
        skopeoMs: skopeoMs.map((v) => round(v, 1)),
        promoteDigestMedianMs: round(mP, 1),
        skopeoMedianMs: round(mS, 1),
        craneMs: craneMs.map((v) => round(v, 1)),
        craneMedianMs: mC === undefined ? null : round(mC, 1),
        ratio: round(mP / mS, 2),
        ratioVsCrane: mC === undefined ? null : round(mP / mC, 2),
        ...(BASELINE !== undefined
          ? {
              baseline: {
                bundle: BASELINE,
                ms: set.baselineMs.map((v) => round(v, 1)),
                medianMs: round(median(set.baselineMs), 1),
                ratioVsSkopeo: round(median(set.baselineMs) / mS, 2),
                ratioVsCrane: mC === undefined ? null : round(median(set.baselineMs) / mC, 2),
              },
            }
          : {}),
        promoteTimings: timings,
        runnerBytes: bytes,
        ...(profile !== undefined ? { profile } : {}),
      };
    }
  } finally {
    log(`promotion: cleaning up ${touched.size} repositories`);
    const problems = await cleanupRepos(client, touched, byDigest);
    if (problems.length > 0) log(`promotion cleanup problems:\n${problems.join('\n')}`);
  }

  const small = result.sizes.small;
  const large = result.sizes.large;
  result.ratioVsSkopeo = round(Math.max(small.ratio, large.ratio), 2);
  result.ratioVsCrane = withCrane ? round(Math.max(small.ratioVsCrane, large.ratioVsCrane), 2) : null;
  result.sizeFlatness = round(large.promoteDigestMedianMs / small.promoteDigestMedianMs, 2);
  result.runnerBytes = Math.max(small.runnerBytes.promoteDigest.bytes, large.runnerBytes.promoteDigest.bytes);
  return result;
}

/** One promote-digest run under `node --cpu-prof`, summarised (see lib/cpuprofile.mjs). */
async function profilePromote(inputs) {
  const dir = await mkdtemp(path.join(tmpdir(), 'dl-bench-prof-'));
  try {
    const r = await runPromoteWith(inputs, ['--cpu-prof', '--cpu-prof-dir', dir]);
    if (r.code !== 0) throw new Error(`profiled promote-digest exited ${r.code}: ${r.stdout.slice(-2000)}`);
    const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
    const summary = summariseProfile(JSON.parse(await readFile(path.join(dir, file), 'utf8')));
    return { wallMs: round(r.ms, 1), timings: /timings: (.*)/.exec(r.stdout)?.[1], ...summary };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the bundle with extra node flags. */
async function runPromoteWith(inputs, nodeArgs) {
  const dir = await mkdtemp(path.join(tmpdir(), 'dl-bench-promote-'));
  try {
    const env = await actionEnv(dir, inputs);
    return await runProcess(process.execPath, [...nodeArgs, BUNDLE], { env });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Requests by method and kind (`GET manifest`, `POST upload`…), most frequent first. */
function requestKinds(exchanges) {
  const kinds = new Map();
  for (const e of exchanges) {
    const kind = /\/referrers\//.test(e.path)
      ? 'referrers'
      : /\/blobs\/uploads\/\?.*mount=/.test(e.path)
        ? 'mount'
        : /\/blobs\/uploads\//.test(e.path)
          ? 'upload'
          : /\/blobs\//.test(e.path)
            ? 'blob'
            : /\/manifests\/sha256:/.test(e.path)
              ? 'manifest by digest'
              : /\/manifests\//.test(e.path)
                ? 'manifest by tag'
                : /\/tags\/list/.test(e.path)
                  ? 'tags'
                  : 'other';
    const key = `${e.method} ${kind} ${e.status}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...kinds].sort((a, b) => b[1] - a[1]));
}

/** Deletes every manifest (tagged, index children, given digests) in the repositories. */
export async function cleanupRepos(client, repos, byDigest = new Map()) {
  const problems = [];
  for (const repo of repos) {
    try {
      const digests = new Set(byDigest.get(repo) ?? []);
      for (const tag of await client.listTags(repo)) {
        const m = await client.getManifest(repo, tag);
        digests.add(m.digest);
        for (const child of m.json.manifests ?? []) digests.add(child.digest);
      }
      // Manifests by digest only (images promoted, evidence not referenced by a tag any more) are
      // found through the referrers fallback tags above; delete children before parents.
      for (const digest of [...digests].reverse())
        await client.deleteManifest(repo, digest).catch(() => undefined);
      for (const digest of digests) await client.deleteManifest(repo, digest).catch(() => undefined);
    } catch (err) {
      problems.push(`${repo}: ${err.message}`);
    }
  }
  return problems;
}
