/**
 * promote-digest end to end: the BUNDLED action (`node actions/promote-digest/dist/index.js`, inputs
 * as INPUT_* env, outputs read back from a GITHUB_OUTPUT file, as a runner does) against the real
 * registry (DIGESTLINE_REGISTRY), with evidence attached by the evidence module the way the lanes
 * attach it. Faults go through the loopback FaultProxy.
 *
 * Build the bundle first: `node scripts/build-actions.mjs promote-digest`.
 */
import { spawn } from 'node:child_process';
import { createCipheriv, generateKeyPairSync } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '@digestline/core/registry/client';
import type { FetchedManifest } from '@digestline/core/registry/manifests';
import { envelopeOf, signEnvelope, statementOf, type DsseEnvelope } from '@digestline/core/evidence/dsse';
import { laneStatement, sourceStatement } from '@digestline/core/evidence/statement';
import { storeEvidence, storeSourceEvidence } from '@digestline/core/evidence/store';
import { buildEvidenceManifest, EMPTY_BLOB, EMPTY_DESCRIPTOR } from '@digestline/core/evidence/artifact';
import { evidenceRepository, fallbackTag } from '@digestline/core/evidence/location';
import { findEvidence, findSourceEvidence } from '@digestline/core/evidence/find';
import { mergeIntoFallback } from '@digestline/core/evidence/referrers-index';
import { FaultProxy } from './support/proxy.js';
import {
  podman,
  pushTinyImage,
  requireRegistry,
  uniquePrefix,
  type PushedImage,
} from './support/registry.js';
import { parseFileCommands } from './support/file-commands.js';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'actions/promote-digest/dist/index.js');
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const OTHER_COMMIT = 'fedcba9876543210fedcba9876543210fedcba98';
const RUN_URL = 'http://127.0.0.1/ci/runs/1';
/** The CI run (GITHUB_RUN_ID) whose evidence the promotions rely on. */
const RUN_ID = '1';
const keys = () =>
  generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
/** The lanes sign evidence with laneKey; promote-digest signs its record with recordKey (the promotion key). */
const laneKey = keys();
const recordKey = keys();

/** The large image is cached in the registry by recipe, so only the first run on a machine builds it. */
const CACHE_REPO = 'digestline-itg-cache/promote-large';
const CACHE_TAG = 'r1-200m';
const LARGE_BYTES = 200 * 1024 * 1024;

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  ms: number;
}

/** Runs the bundled action like a runner: INPUT_* env, GITHUB_OUTPUT / RUNNER_TEMP files. */
async function runAction(inputs: Record<string, string>, onSpawn?: () => void): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'dl-itg-promote-run-'));
  try {
    const outputFile = join(dir, 'output');
    const summaryFile = join(dir, 'summary');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    await writeFile(join(dir, 'state'), '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_STATE: join(dir, 'state'),
      RUNNER_TEMP: dir,
      GITHUB_SHA: COMMIT,
      GITHUB_RUN_ID: RUN_ID,
      INPUT_REQUIRE: 'source,integration,e2e',
      'INPUT_LANE-PUBLIC-KEYS': laneKey.publicKey,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const started = performance.now();
    const child = spawn(process.execPath, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    onSpawn?.();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)));
    const ms = performance.now() - started;
    const outputs = parseFileCommands(await readFile(outputFile, 'utf8'));
    if (outputs['record'] !== undefined && outputs['record'].startsWith(dir)) {
      outputs['recordContent'] = await readFile(outputs['record'], 'utf8');
    }
    return { code, stdout, stderr, outputs, summary: await readFile(summaryFile, 'utf8'), ms };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Deterministic incompressible bytes: the same recipe gives the same layer digest on every machine. */
function deterministicBytes(size: number): Readable {
  const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), Buffer.alloc(16, 0));
  const chunk = Buffer.alloc(1024 * 1024);
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) {
        this.push(null);
        return;
      }
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(cipher.update(chunk.subarray(0, n)));
    },
  });
}

interface LaneOptions {
  commit?: string;
  /** The private key signing it (default the lane key); false leaves it unsigned. */
  sign?: string | false;
  runId?: string;
  result?: 'PASSED' | 'FAILED';
  at?: Date;
}

describe('promote-digest (bundled action, real registry)', () => {
  const registry = requireRegistry();
  const direct = new RegistryClient({ registry });
  const prefix = uniquePrefix();
  const srcRepo = (name: string) => `${prefix}/src/${name}`;
  const srcEvidenceRepo = evidenceRepository(srcRepo('web'));
  const pushed: PushedImage[] = [];
  /** Every repository the test wrote to; all their manifests are deleted afterwards. */
  const touched = new Set<string>();
  const images: Record<string, PushedImage> = {};
  let large: { digest: string; layer: string } | undefined;

  const ref = (name: string, host = registry) => `${name}=${host}/${srcRepo(name)}@${images[name]!.digest}`;
  const laneEnvelope = (
    lane: 'integration' | 'e2e',
    set: Array<{ name: string; digest: string }>,
    opts: LaneOptions = {},
  ): DsseEnvelope => {
    const statement = laneStatement({
      lane,
      images: set.map((i) => ({ ...i, repository: `${registry}/${srcRepo(i.name)}` })),
      commit: opts.commit ?? COMMIT,
      runUrl: RUN_URL,
      env: {},
      checks: [{ name: `${lane} suite`, result: opts.result ?? 'PASSED', durationMs: 1200 }],
      ...(opts.at !== undefined ? { timeVerified: opts.at } : {}),
    });
    statement.predicate.run = { id: opts.runId ?? RUN_ID, attempt: '1' };
    const env = envelopeOf(statement);
    return opts.sign === false ? env : signEnvelope(env, opts.sign ?? laneKey.privateKey);
  };
  /** Attaches lane evidence for a set to every image of the set, as the lanes do. */
  const attach = async (
    lanes: Array<'integration' | 'e2e'>,
    set: Array<{ name: string; digest: string }>,
    opts: LaneOptions = {},
  ) => {
    for (const lane of lanes) {
      const envelope = laneEnvelope(lane, set, opts);
      for (const i of set) {
        touched.add(srcRepo(i.name));
        await storeEvidence(direct, srcRepo(i.name), i.digest, envelope, { settleMs: () => 5 });
      }
    }
  };
  const digestOf = (name: string) => ({ name, digest: images[name]!.digest });
  /** Tags and manifests a target repository holds (nothing when the repository does not exist). */
  const contents = async (repo: string, digests: string[]) => ({
    tags: await direct.listTags(repo),
    manifests: (await Promise.all(digests.map((d) => direct.headManifest(repo, d)))).filter(
      (m) => m !== null,
    ),
  });

  beforeAll(async () => {
    const names = [
      'web',
      'api',
      'solo',
      'forged',
      'bare',
      'tampered',
      'unsigned',
      'older',
      'refailed',
      'keyed',
    ];
    for (const name of names) {
      images[name] = await pushTinyImage({
        registry,
        repository: srcRepo(name),
        tag: 'v1',
        payloadBytes: 64 * 1024,
      });
      pushed.push(images[name]!);
      touched.add(srcRepo(name));
    }
    touched.add(srcEvidenceRepo);
    // Source lane: one signed statement for the commit, in the evidence repository next to the images.
    const sourceLane = sourceStatement({
      commit: COMMIT,
      runUrl: RUN_URL,
      env: {},
      checks: [{ name: 'lint', result: 'PASSED', durationMs: 10 }],
    });
    sourceLane.predicate.run = { id: RUN_ID, attempt: '1' };
    const source = signEnvelope(envelopeOf(sourceLane), laneKey.privateKey);
    await storeSourceEvidence(direct, srcEvidenceRepo, source);
    // web + api tested together: the happy set.
    await attach(['integration', 'e2e'], [digestOf('web'), digestOf('api')]);
    // solo: integration only (e2e lane missing).
    await attach(['integration'], [digestOf('solo')]);
    // older: every lane passed, in run 41; the promotion asks for run 42 (whose evidence is gone).
    await attach(['integration', 'e2e'], [digestOf('older')], { runId: '41' });
    // refailed: passed in run 41, then e2e FAILED (later) in run 42.
    await attach(['integration', 'e2e'], [digestOf('refailed')], { runId: '41' });
    await attach(['integration'], [digestOf('refailed')], { runId: '42' });
    await attach(['e2e'], [digestOf('refailed')], {
      runId: '42',
      result: 'FAILED',
      at: new Date(Date.now() + 60_000),
    });
    // keyed: every lane passed, signed by the promotion key instead of a lane key.
    await attach(['integration', 'e2e'], [digestOf('keyed')], { sign: recordKey.privateKey });
    // unsigned: every lane present but unsigned.
    await attach(['integration', 'e2e'], [digestOf('unsigned')], { sign: false });
    // tampered: signed, then the payload changed (a FAILED run rewritten as PASSED, say).
    await attach(['integration'], [digestOf('tampered')]);
    const genuine = laneEnvelope('e2e', [digestOf('tampered')]);
    const statement = statementOf(genuine);
    statement.predicate.checks = [{ name: 'rewritten', result: 'PASSED', durationMs: 1 }];
    const tampered = { ...genuine, payload: Buffer.from(JSON.stringify(statement)).toString('base64') };
    await storeEvidence(direct, srcRepo('tampered'), images['tampered']!.digest, tampered, {
      settleMs: () => 5,
    });
    // forged: web's evidence (subjects name web's digest) hung onto forged's digest by hand,
    // which storeEvidence itself refuses to do.
    for (const lane of ['integration', 'e2e'] as const) {
      const envelope = laneEnvelope(lane, [digestOf('web'), digestOf('api')]);
      const subject = await direct.getManifest(srcRepo('forged'), images['forged']!.digest);
      const built = buildEvidenceManifest(envelope, {
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.bytes.length },
      });
      const repo = srcRepo('forged');
      await direct.uploadBlob(repo, EMPTY_DESCRIPTOR.digest, EMPTY_BLOB, 2);
      await direct.uploadBlob(repo, built.manifest.layers![0]!.digest, built.layer, built.layer.length);
      await direct.putManifest(repo, built.digest, built.bytes, built.manifest.mediaType!);
      await mergeIntoFallback(direct, repo, fallbackTag(subject.digest), built.descriptor, {
        settleMs: () => 5,
      });
    }
  });

  afterAll(async () => {
    const failures: string[] = [];
    for (const repo of touched) {
      try {
        const digests = new Set<string>(Object.values(images).map((i) => i.digest));
        if (large !== undefined) digests.add(large.digest);
        for (const tag of await direct.listTags(repo)) {
          const m = await direct.getManifest(repo, tag);
          digests.add(m.digest);
          for (const child of m.json.manifests ?? []) digests.add(child.digest);
        }
        for (const digest of digests) await direct.deleteManifest(repo, digest);
      } catch (err) {
        failures.push(`${repo}: ${(err as Error).message}`);
      }
    }
    for (const p of pushed) await p.cleanupLocal();
    if (failures.length > 0) throw new Error(`cleanup failed:\n${failures.join('\n')}`);
  });

  it('promotes a set, keeps the digests, carries the evidence, and a second run is a no-op', async () => {
    const target = `${prefix}/staging`;
    for (const n of ['web', 'api', 'evidence']) touched.add(`${target}/${n}`);
    const inputs = {
      images: `${ref('web')}\n${ref('api')}`,
      target: `${registry}/${target}/{name}:staging`,
      'signing-key': recordKey.privateKey,
    };
    const first = await runAction(inputs);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    console.log(`first promotion: ${first.ms.toFixed(0)} ms`);
    expect(first.outputs['promoted']!.split('\n').sort()).toEqual(
      ['api', 'web'].map((n) => `${n}=${registry}/${target}/${n}@${images[n]!.digest}`),
    );
    for (const n of ['web', 'api']) {
      const at = await direct.headManifest(`${target}/${n}`, 'staging');
      expect(at?.digest).toBe(images[n]!.digest);
      const lanes = (await findEvidence(direct, `${target}/${n}`, images[n]!.digest)).map(
        (e) => statementOf(e.envelope!).predicate.lane,
      );
      expect(lanes.sort()).toEqual(['e2e', 'integration', 'promotion']);
    }
    expect((await findSourceEvidence(direct, `${target}/evidence`, COMMIT)).map((e) => e.error)).toEqual([
      undefined,
    ]);
    const record = JSON.parse(first.outputs['recordContent']!) as DsseEnvelope;
    expect(statementOf(record).predicate).toMatchObject({ lane: 'promotion', evidenceRun: RUN_ID });
    expect(statementOf(record).predicate).not.toHaveProperty('unsignedAllowed');
    expect(record.signatures).toHaveLength(1);
    expect(first.summary).toContain('| web |');
    expect(first.stdout).toContain('::group::');

    // Through the proxy, to prove the second run writes nothing.
    const proxy = await FaultProxy.start({ target: `http://${registry}` });
    try {
      const second = await runAction({
        ...inputs,
        images: `${ref('web', proxy.host)}\n${ref('api', proxy.host)}`,
        target: `${proxy.host}/${target}/{name}:staging`,
      });
      expect(second.code, second.stdout + second.stderr).toBe(0);
      expect(second.stdout).toContain('already promoted');
      console.log(`second promotion (no-op): ${second.ms.toFixed(0)} ms, ${proxy.exchanges.length} requests`);
      const writes = proxy.exchanges.filter((e) => !['GET', 'HEAD'].includes(e.method));
      expect(writes).toEqual([]);
      expect(second.outputs['promoted']).toBe(first.outputs['promoted']!.replaceAll(registry, proxy.host));
    } finally {
      await proxy.close();
    }
  });

  it('with allow-unsigned: promotes unsigned evidence, warns, and the record and summary say so', async () => {
    const target = `${prefix}/unsigned-allowed`;
    for (const n of ['unsigned', 'evidence']) touched.add(`${target}/${n}`);
    const run = await runAction({
      images: ref('unsigned'),
      target: `${registry}/${target}/{name}:staging`,
      'lane-public-keys': '',
      'allow-unsigned': 'true',
      'signing-key': recordKey.privateKey,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/::warning::UNSIGNED EVIDENCE ALLOWED/);
    const record = JSON.parse(run.outputs['recordContent']!) as DsseEnvelope;
    expect(statementOf(record).predicate).toMatchObject({ unsignedAllowed: true, evidenceRun: RUN_ID });
    expect(run.summary).toContain('evidence signatures were NOT checked');
  });

  describe('refuses, and copies nothing', () => {
    const cases: Array<{ title: string; inputs: () => Record<string, string>; expect: () => RegExp[] }> = [
      {
        title: 'a required lane is missing',
        inputs: () => ({ images: ref('solo') }),
        expect: () => [/lacks passing e2e evidence/, new RegExp(images['solo']!.digest)],
      },
      {
        title: 'the evidence is for another digest',
        inputs: () => ({ images: ref('forged') }),
        expect: () => [/lacks passing integration evidence/, /its subject does not include this digest/],
      },
      {
        title: 'the evidence is from another commit',
        inputs: () => ({ images: `${ref('web')}\n${ref('api')}`, commit: OTHER_COMMIT }),
        expect: () => [/lacks passing source evidence for commit fedcba987654/, /it is for commit 012345678/],
      },
      {
        title: 'one image of the set lacks evidence',
        inputs: () => ({ images: `${ref('web')}\n${ref('bare')}` }),
        expect: () => [
          /bare \(.*\): sha256:[0-9a-f]{12}… lacks passing integration evidence .*: none found/,
          /it was tested without bare@/,
        ],
      },
      {
        title: 'an image is given by tag',
        inputs: () => ({ images: `web=${registry}/${srcRepo('web')}:v1` }),
        expect: () => [/input "images" entry 1 .*tags are refused where a digest is required/],
      },
      {
        title: 'evidence was tampered with',
        inputs: () => ({ images: ref('tampered') }),
        expect: () => [/lacks passing e2e evidence/, /e2e evidence is not signed by lane key [0-9a-f]{12}…/],
      },
      {
        title: 'evidence is unsigned',
        inputs: () => ({ images: ref('unsigned') }),
        expect: () => [/lacks passing integration evidence/, /integration evidence is unsigned/],
      },
      {
        title: 'evidence is signed by the promotion key, which is not among lane-public-keys',
        inputs: () => ({ images: ref('keyed') }),
        expect: () => [/integration evidence is not signed by lane key/],
      },
      {
        title: 'neither lane-public-keys nor allow-unsigned is given',
        inputs: () => ({ images: ref('web'), 'lane-public-keys': '' }),
        expect: () => [/input "lane-public-keys" is required: .*"allow-unsigned: true"/],
      },
      {
        title: 'a private key is given as lane-public-keys',
        inputs: () => ({ images: ref('web'), 'lane-public-keys': laneKey.privateKey }),
        expect: () => [/input "lane-public-keys" holds a PRIVATE key/],
      },
      {
        title: 'the evidence is of another run (41, the newer run 42 left none)',
        inputs: () => ({ images: ref('older'), 'evidence-run': '42' }),
        expect: () => [/lacks passing integration evidence .*it is from run 41, not run 42/],
      },
      {
        title: 'an older run passed, the newer run failed',
        inputs: () => ({ images: ref('refailed'), 'evidence-run': '42' }),
        expect: () => [/lacks passing e2e evidence .*the latest run .* FAILED \(e2e suite\)/],
      },
      {
        title: 'the lanes tested a larger set than the one promoted',
        inputs: () => ({ images: ref('web') }),
        expect: () => [
          /lacks passing integration evidence .*it was tested with api@sha256:[0-9a-f]{12}…, which is not in the set/,
        ],
      },
    ];
    it.each(cases)('$title', async (c) => {
      const target = `${prefix}/refused-${cases.indexOf(c)}`;
      const inputs: Record<string, string> = {
        target: `${registry}/${target}/{name}:staging`,
        ...c.inputs(),
      };
      const run = await runAction(inputs);
      expect(run.code).toBe(1);
      const errors = run.stdout
        .split('\n')
        .filter((l) => l.startsWith('::error::'))
        .join('\n');
      for (const re of c.expect()) expect(errors).toMatch(re);
      const names = inputs['images']!.split('\n').map((l) => l.split('=')[0]!);
      for (const repo of [...names.map((n) => `${target}/${n}`), `${target}/evidence`]) {
        const digests = names.filter((n) => images[n] !== undefined).map((n) => images[n]!.digest);
        expect(await contents(repo, digests)).toEqual({ tags: [], manifests: [] });
      }
      expect(run.outputs['promoted']).toBeUndefined();
    });
  });

  describe('faults', () => {
    it('retries a 500 in the middle of the copy and completes', async () => {
      const target = `${prefix}/fault-500`;
      for (const n of ['web', 'api', 'evidence']) touched.add(`${target}/${n}`);
      const proxy = await FaultProxy.start({ target: `http://${registry}` });
      try {
        proxy.failNext(1, {
          status: 500,
          match: { method: 'PUT', path: `/v2/${target}/web/manifests/sha256:` },
        });
        const run = await runAction({
          images: `${ref('web', proxy.host)}\n${ref('api', proxy.host)}`,
          target: `${proxy.host}/${target}/{name}:staging`,
        });
        expect(run.code, run.stdout + run.stderr).toBe(0);
        expect(proxy.exchanges.filter((e) => e.injected === 'fault')).toHaveLength(1);
        for (const n of ['web', 'api']) {
          expect((await direct.headManifest(`${target}/${n}`, 'staging'))?.digest).toBe(images[n]!.digest);
        }
      } finally {
        await proxy.close();
      }
    });

    it('fails clearly when the registry goes away mid-promotion, leaving the target tag where it was', async () => {
      const target = `${prefix}/fault-stop`;
      for (const n of ['web', 'api', 'evidence']) touched.add(`${target}/${n}`);
      // The tag already points at another image; the failed promotion must not move it.
      const before = await pushTinyImage({
        registry,
        repository: `${target}/web`,
        tag: 'staging',
        payloadBytes: 1024,
      });
      pushed.push(before);
      const proxy = await FaultProxy.start({ target: `http://${registry}` });
      let stopped = false;
      // "Stop the registry" right after the first cross-repository mount: the copy is under way.
      const push = proxy.exchanges.push.bind(proxy.exchanges);
      proxy.exchanges.push = (...items) => {
        const n = push(...items);
        if (!stopped && items.some((e) => e.method === 'POST' && e.path.includes('mount='))) {
          stopped = true;
          void proxy.close();
        }
        return n;
      };
      try {
        const run = await runAction({
          images: `${ref('web', proxy.host)}\n${ref('api', proxy.host)}`,
          target: `${proxy.host}/${target}/{name}:staging`,
        });
        expect(stopped).toBe(true);
        expect(run.code).toBe(1);
        const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
        expect(error).toMatch(
          /promote-digest failed: copy failed before any image tag was moved \(every target tag is where it was\): .*(ECONNREFUSED|fetch failed|socket|other side closed)/,
        );
        console.log(`registry stopped mid-promotion: ${error.slice(0, 300)}`);
        expect((await direct.headManifest(`${target}/web`, 'staging'))?.digest).toBe(before.digest);
        expect(await direct.listTags(`${target}/api`)).toEqual([]);
      } finally {
        await proxy.close().catch(() => undefined);
      }
    });
  });

  it('moves O(manifest) bytes through the runner for a ~200 MB image (cross-repository mount)', async () => {
    // Build (once per machine) or reuse the cached large image, then mount it into this run's repository.
    let cached = await direct.getManifest(CACHE_REPO, CACHE_TAG).catch(() => undefined);
    if (cached === undefined) cached = await buildLarge();
    const repo = srcRepo('large');
    touched.add(repo);
    for (const d of [cached.json.config!, ...(cached.json.layers ?? [])]) {
      expect(await direct.mountBlob(repo, CACHE_REPO, d.digest)).toBe(true);
    }
    await direct.putManifest(repo, cached.digest, cached.bytes, cached.mediaType);
    const layer = cached.json.layers![0]!;
    large = { digest: cached.digest, layer: layer.digest };
    expect(layer.size).toBeGreaterThan(190 * 1024 * 1024);
    images['large'] = {
      repository: repo,
      tag: '',
      digest: cached.digest,
      payloadBytes: LARGE_BYTES,
      cleanupLocal: async () => {},
    };
    await attach(['integration', 'e2e'], [digestOf('large')]);

    const target = `${prefix}/bytes`;
    for (const n of ['large', 'evidence']) touched.add(`${target}/${n}`);
    const proxy = await FaultProxy.start({ target: `http://${registry}` });
    try {
      const run = await runAction({
        images: ref('large', proxy.host),
        target: `${proxy.host}/${target}/{name}:staging`,
      });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const bytes = proxy.bytes();
      console.log(
        `~200 MB image promoted in ${run.ms.toFixed(0)} ms: ${bytes.requests} requests, ${bytes.total} body bytes through the runner ` +
          `(manifest ${cached.bytes.length} bytes, layer ${layer.size} bytes)`,
      );
      expect(bytes.total).toBeLessThan(256 * 1024);
      expect(
        proxy
          .requests({ path: `/blobs/${layer.digest}` })
          .filter((e) => e.method !== 'HEAD' && e.method !== 'POST'),
      ).toEqual([]);
      expect((await direct.headManifest(`${target}/large`, 'staging'))?.digest).toBe(cached.digest);
    } finally {
      await proxy.close();
    }
  });

  async function buildLarge(): Promise<FetchedManifest> {
    const dir = await mkdtemp(join(tmpdir(), 'dl-itg-large-'));
    const local = `localhost/${prefix}/large:build`;
    try {
      await pipeline(deterministicBytes(LARGE_BYTES), createWriteStream(join(dir, 'payload.bin')));
      expect((await stat(join(dir, 'payload.bin'))).size).toBe(LARGE_BYTES);
      const tar = join(dir, 'rootfs.tar');
      await new Promise<void>((done, fail) => {
        const p = spawn('tar', [
          '--sort=name',
          '--mtime=@0',
          '--owner=0',
          '--group=0',
          '--numeric-owner',
          '-C',
          dir,
          '-cf',
          tar,
          'payload.bin',
        ]);
        p.on('close', (code) => (code === 0 ? done() : fail(new Error(`tar exited ${code}`))));
      });
      await podman(['import', '--quiet', tar, local]);
      await podman([
        'push',
        '--quiet',
        '--tls-verify=false',
        local,
        `${registry}/${CACHE_REPO}:${CACHE_TAG}`,
      ]);
      return await direct.getManifest(CACHE_REPO, CACHE_TAG);
    } finally {
      await podman(['rmi', '--force', local]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  }
});
