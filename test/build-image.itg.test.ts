/**
 * The bundled build-image action, run the way a runner runs it (`node actions/build-image/dist/index.js`,
 * inputs as INPUT_* variables, outputs read back from the GITHUB_OUTPUT file), against the real podman
 * and the real registry:
 *
 * - the example backend and frontend build, push and pass their image policies, and the registry
 *   serves exactly the `digest` output under every tag;
 * - the deliberately fat fixture fails its policy with every violation named, after the outputs and
 *   the report were written;
 * - a build on an empty engine store takes every step from the registry cache a first build wrote;
 * - bad inputs fail naming the input before anything is built or pushed.
 *
 * Also measures each app's compressed size and cold (`--no-cache`) vs warm build time, printed at
 * the end. Needs `eval "$(scripts/setup-host)"`; fails (does not skip) without it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { podman, requireRegistry, uniquePrefix } from './support/registry.js';
import { parseFileCommands } from './support/file-commands.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'actions/build-image/dist/index.js');
const APPS = ['backend', 'frontend'] as const;
const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

function requireBaseImage(): string {
  const base = process.env.DIGESTLINE_BASE_IMAGE?.trim() ?? '';
  if (base === '') {
    throw new Error(
      'DIGESTLINE_BASE_IMAGE is not set: run `eval "$(scripts/setup-host)"` from the repository root first',
    );
  }
  return base;
}

interface ActionRun {
  exitCode: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  ms: number;
}

let runDir = '';

/** Runs the bundle as a runner would; never throws on a failing step. */
async function runAction(
  inputs: Record<string, string>,
  label: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ActionRun> {
  const dir = await mkdtemp(join(runDir, `${label}-`));
  const files = { output: join(dir, 'output'), state: join(dir, 'state'), summary: join(dir, 'summary') };
  for (const f of Object.values(files)) await writeFile(f, '');
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('INPUT_') && !k.startsWith('STATE_')) env[k] = v;
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  Object.assign(env, {
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir,
    GITHUB_SERVER_URL: 'https://forgejo.example',
    GITHUB_REPOSITORY: 'digestline/itg',
    ...extraEnv,
  });
  const started = performance.now();
  const child = spawn(process.execPath, [BUNDLE], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  const ms = Math.round(performance.now() - started);
  return {
    exitCode,
    stdout,
    outputs: parseFileCommands(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
    ms,
  };
}

function buildSeconds(stdout: string): number | undefined {
  const m = /built sha256:[0-9a-f]{64} in ([\d.]+) s/.exec(stdout);
  return m ? Number(m[1]) : undefined;
}

function failure(run: ActionRun): string {
  return `exit ${run.exitCode}; log ends:\n${run.stdout.split('\n').slice(-40).join('\n')}`;
}

describe('build-image (bundled action, podman, real registry)', () => {
  const registry = requireRegistry();
  const base = requireBaseImage();
  const prefix = uniquePrefix();
  const repo = (name: string): string => `${registry}/${prefix}/${name}`;
  let revision = '';
  /** Registry manifests and local images to remove afterwards. */
  const pushed = new Map<string, string>(); // `${repository}@${digest}` → repository path
  const localRefs = new Set<string>();
  const figures: string[] = [];

  async function headDigest(repository: string, reference: string): Promise<string | null> {
    const res = await fetch(`http://${registry}/v2/${repository}/manifests/${reference}`, {
      method: 'HEAD',
      headers: { Accept: MANIFEST_ACCEPT },
    });
    return res.status === 200 ? res.headers.get('docker-content-digest') : null;
  }

  async function listTags(repository: string): Promise<string[]> {
    const res = await fetch(`http://${registry}/v2/${repository}/tags/list`);
    if (res.status === 404) return [];
    const json = (await res.json()) as { tags?: string[] | null };
    return (json.tags ?? []).sort();
  }

  function remember(name: string, digest: string | undefined): void {
    if (digest) pushed.set(`${prefix}/${name}@${digest}`, `${prefix}/${name}`);
    localRefs.add(`${repo(name)}:${revision}`);
  }

  beforeAll(async () => {
    runDir = await mkdtemp(join(tmpdir(), `${prefix}-`));
    revision = (
      await new Promise<string>((resolve, reject) => {
        const git = spawn('git', ['rev-parse', 'HEAD'], { cwd: ROOT });
        let out = '';
        git.stdout.on('data', (d: Buffer) => (out += d.toString()));
        git.on('close', (code) =>
          code === 0 ? resolve(out) : reject(new Error(`git rev-parse HEAD exited ${code}`)),
        );
      })
    ).trim();
    if (!existsSync(BUNDLE))
      throw new Error(`${BUNDLE} is missing: run node scripts/build-actions.mjs build-image`);
  });

  afterAll(async () => {
    const problems: string[] = [];
    // Builds that push write the registry cache <image>-buildcache by default: one tag per step.
    for (const name of [...APPS, 'login', 'cached']) {
      const cacheRepo = `${prefix}/${name}-buildcache`;
      for (const tag of await listTags(cacheRepo)) {
        const digest = await headDigest(cacheRepo, tag);
        if (digest !== null) pushed.set(`${cacheRepo}@${digest}`, cacheRepo);
      }
    }
    for (const [ref, repository] of pushed) {
      const digest = ref.slice(ref.indexOf('@') + 1);
      const res = await fetch(`http://${registry}/v2/${repository}/manifests/${digest}`, {
        method: 'DELETE',
      });
      if (res.status !== 202 && res.status !== 404) problems.push(`DELETE ${ref}: ${res.status}`);
    }
    for (const ref of localRefs) await podman(['rmi', '--force', ref]).catch(() => undefined);
    await rm(runDir, { recursive: true, force: true });
    if (figures.length > 0) console.log(`build-image figures:\n${figures.join('\n')}`);
    if (problems.length > 0) throw new Error(`cleanup failed: ${problems.join('; ')}`);
  });

  describe.each(APPS)('examples/app/%s', (app) => {
    const context = join(ROOT, 'examples/app', app);
    const policy = join('examples/app', app, 'image-policy.yaml');

    it('builds once, pushes once, tags by manifest, and passes its policy', async () => {
      expect(existsSync(join(context, 'Containerfile')), `${context}/Containerfile is missing`).toBe(true);
      expect(existsSync(join(ROOT, policy)), `${policy} is missing`).toBe(true);
      const run = await runAction(
        {
          context: `examples/app/${app}`,
          image: repo(app),
          tags: 'latest\nitg',
          'build-args': `BASE_IMAGE=${base}`,
          policy,
          engine: 'podman',
        },
        app,
      );
      remember(app, run.outputs.digest);
      expect(run.exitCode, failure(run)).toBe(0);

      const digest = run.outputs.digest ?? '';
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(run.outputs.image).toBe(`${repo(app)}@${digest}`);
      for (const tag of [revision, 'latest', 'itg'])
        expect(await headDigest(`${prefix}/${app}`, tag)).toBe(digest);
      expect(await listTags(`${prefix}/${app}`)).toEqual([revision, 'itg', 'latest'].sort());

      const metadata = JSON.parse(run.outputs.metadata ?? '{}') as Record<string, unknown>;
      expect(metadata).toMatchObject({
        digest,
        revision,
        role: 'runtime',
        platform: { os: 'linux', architecture: 'amd64' },
        policy: { passed: true, violations: [] },
      });
      const labels = metadata.labels as Record<string, string>;
      expect(labels['org.opencontainers.image.revision']).toBe(revision);
      expect(labels['org.opencontainers.image.source']).toBe('https://forgejo.example/digestline/itg');
      expect(labels['org.opencontainers.image.created']).toBe(metadata.created);
      expect(labels['org.digestline.role']).toBe('runtime');

      const size = Number(run.outputs.size);
      expect(size).toBe(metadata.size);
      const report = JSON.parse(await readFile(run.outputs['policy-report'] ?? '', 'utf8')) as Record<
        string,
        unknown
      >;
      expect(report).toMatchObject({ digest, passed: true, violations: [] });
      expect(run.summary).toContain(digest);
      expect(run.stdout).toMatch(/::group::Build [\s\S]*::group::Push [\s\S]*::group::Policy /);

      // A second run is warm (layer cache): its time is the figure of interest, and its outputs must
      // again match the registry.
      const warm = await runAction(
        {
          context: `examples/app/${app}`,
          image: repo(app),
          'build-args': `BASE_IMAGE=${base}`,
          policy,
          engine: 'podman',
        },
        `${app}-warm`,
      );
      remember(app, warm.outputs.digest);
      expect(warm.exitCode, failure(warm)).toBe(0);
      expect(await headDigest(`${prefix}/${app}`, revision)).toBe(warm.outputs.digest);

      // Cold: the same build with --no-cache, straight through podman (the action has no no-cache input).
      const coldTag = `localhost/${prefix}/${app}-cold:${revision}`;
      localRefs.add(coldTag);
      const started = performance.now();
      await podman([
        'build',
        '--no-cache',
        '--format',
        'docker',
        '--pull=missing',
        '--build-arg',
        `BASE_IMAGE=${base}`,
        '--tag',
        coldTag,
        context,
      ]);
      const coldS = (performance.now() - started) / 1000;
      figures.push(
        `  ${app}: ${size} bytes compressed (${(size / 1e6).toFixed(1)} MB) as pushed; build cold (--no-cache) ` +
          `${coldS.toFixed(1)} s, warm ${buildSeconds(warm.stdout)?.toFixed(1)} s (first action run: build ` +
          `${buildSeconds(run.stdout)?.toFixed(1)} s, step ${(run.ms / 1000).toFixed(1)} s); warm digest ` +
          `${warm.outputs.digest === digest ? 'equals' : 'differs from'} the first`,
      );
    });
  });

  it('fails the fat fixture with every violation named, after writing outputs and report', async () => {
    const run = await runAction(
      {
        context: 'test/fixtures/fat-image',
        image: repo('fat'),
        'build-args': `BASE_IMAGE=${base}`,
        policy: 'test/fixtures/fat-image/image-policy.yaml',
        engine: 'podman',
      },
      'fat',
    );
    remember('fat', run.outputs.digest);
    expect(run.exitCode, failure(run)).toBe(1);
    const digest = run.outputs.digest ?? '';
    expect(await headDigest(`${prefix}/fat`, revision)).toBe(digest);

    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    const expected = [
      /max-size: [\d.]+ MB > 1 MB/,
      /non-root: user is root/,
      /forbid: \/bin\/sh matches \/bin\/sh \(\/usr\/bin\/sh\)/,
      /forbid: \/usr\/bin\/apt\* matches \/usr\/bin\/apt, .*\/usr\/bin\/apt-get/,
      /forbid: \/usr\/bin\/dpkg matches \/usr\/bin\/dpkg/,
      /forbid: \/usr\/bin\/gcc matches \/usr\/bin\/gcc/,
      /forbid: \/usr\/bin\/cc matches \/usr\/bin\/cc/,
      /require-labels: label org.opencontainers.image.title is missing/,
      /require-healthcheck: the image config has no Healthcheck/,
    ];
    for (const re of expected) expect(error).toMatch(re);
    expect(error).toMatch(/\(9 violations\)/);
    expect(error).not.toMatch(/org.opencontainers.image.revision is missing/);

    const report = JSON.parse(await readFile(run.outputs['policy-report'] ?? '', 'utf8')) as {
      passed: boolean;
      violations: Array<{ rule: string }>;
    };
    expect(report.passed).toBe(false);
    expect(report.violations.map((v) => v.rule)).toEqual([
      'max-size',
      'non-root',
      'forbid',
      'forbid',
      'forbid',
      'forbid',
      'forbid',
      'require-labels',
      'require-healthcheck',
    ]);
    expect(run.summary).toContain('Violations');
    figures.push(`  fat fixture: ${run.outputs.size} bytes compressed, step ${(run.ms / 1000).toFixed(1)} s`);
  });

  it('logs in through an auth file of its own: standing logins are used, never written', async () => {
    // The runner's standing logins, including one for this very registry: the old login/logout
    // through the shared file replaced and then deleted that entry.
    const home = join(runDir, 'standing-home');
    await mkdir(join(home, '.docker'), { recursive: true });
    const standing = {
      docker: join(home, '.docker', 'config.json'),
      podman: join(runDir, 'standing-auth.json'),
    };
    const standingAuth = JSON.stringify({
      auths: { [registry]: { auth: Buffer.from('standing:login').toString('base64') } },
    });
    await writeFile(standing.docker, standingAuth);
    await writeFile(standing.podman, standingAuth);
    const context = join(runDir, 'auth-context');
    await mkdir(context, { recursive: true });
    await writeFile(join(context, 'Containerfile'), 'FROM scratch\nCOPY hello /hello\n');
    await writeFile(join(context, 'hello'), `${prefix}\n`);
    const password = `pw-${prefix}`;
    const run = await runAction(
      {
        context,
        image: repo('login'),
        engine: 'podman',
        'registry-username': 'itg',
        'registry-password': password,
      },
      'login',
      {
        HOME: home,
        REGISTRY_AUTH_FILE: standing.podman,
        GITHUB_SHA: revision,
        SOURCE_DATE_EPOCH: '1700000000',
      },
    );
    remember('login', run.outputs.digest);
    expect(run.exitCode, failure(run)).toBe(0);
    expect(run.stdout).toMatch(/\[command\]podman login .*--password-stdin/);
    // The password reaches the log only in the runner's own mask command.
    expect(
      run.stdout.split('\n').filter((l) => l.includes(password) && !l.startsWith('::add-mask::')),
    ).toEqual([]);
    expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await headDigest(`${prefix}/login`, run.outputs.digest ?? '')).toBe(run.outputs.digest);
    expect(await readFile(standing.docker, 'utf8')).toBe(standingAuth);
    expect(await readFile(standing.podman, 'utf8')).toBe(standingAuth);
    // The step's own auth file is gone with the step.
    const stepDir = join(runDir, (await readdir(runDir)).find((d) => d.startsWith('login-')) ?? '');
    expect((await readdir(stepDir)).filter((f) => f.startsWith('digestline-auth-'))).toEqual([]);
  });

  it('a build on an empty engine store reuses the registry cache a first one wrote', async () => {
    // Each run gets a podman store of its own (CONTAINERS_STORAGE_CONF), empty as on an ephemeral
    // runner: whatever the second run does not build comes from the registry cache, not from disk.
    const context = join(runDir, 'cache-context');
    await mkdir(context, { recursive: true });
    await writeFile(
      join(context, 'Containerfile'),
      'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo built > /built\nCOPY hello /hello\nRUN cat /hello /built > /both\n',
    );
    await writeFile(join(context, 'hello'), `${prefix}\n`);
    const cacheRepo = `${prefix}/cached-buildcache`;
    const runOnEmptyStore = async (label: string): Promise<ActionRun> => {
      const store = join(runDir, `store-${label}`);
      await mkdir(store, { recursive: true });
      const conf = join(store, 'storage.conf');
      await writeFile(
        conf,
        `[storage]\ndriver = "overlay"\ngraphroot = "${store}/root"\nrunroot = "${store}/run"\n`,
      );
      try {
        const run = await runAction(
          { context, image: repo('cached'), 'build-args': `BASE_IMAGE=${base}`, engine: 'podman' },
          label,
          { CONTAINERS_STORAGE_CONF: conf, GITHUB_SHA: revision, SOURCE_DATE_EPOCH: '1700000000' },
        );
        remember('cached', run.outputs.digest);
        return run;
      } finally {
        const storeArgs = ['--root', `${store}/root`, '--runroot', `${store}/run`];
        await podman([...storeArgs, 'rmi', '--all', '--force']).catch(() => undefined);
      }
    };
    const first = await runOnEmptyStore('cache-first');
    expect(first.exitCode, failure(first)).toBe(0);
    expect(first.stdout).toContain(
      `registry cache: from ${registry}/${cacheRepo}, to ${registry}/${cacheRepo}`,
    );
    // One cache image per step after FROM (the RUN, COPY, RUN and podman's own label step).
    const written = first.stdout.match(new RegExp(`--> Pushing cache ${registry}/${cacheRepo}:`, 'g')) ?? [];
    expect(written.length).toBeGreaterThanOrEqual(3);

    const second = await runOnEmptyStore('cache-second');
    expect(second.exitCode, failure(second)).toBe(0);
    // Every step after FROM came from the registry (RUN, COPY, RUN): nothing was run again.
    const pulled = second.stdout.match(
      new RegExp(`--> Cache pulled from remote ${registry}/${cacheRepo}:`, 'g'),
    );
    expect(pulled?.length).toBe(written.length);
    expect(second.stdout).not.toContain('--> Pushing cache');
    expect(second.outputs.digest).toBe(first.outputs.digest);
    figures.push(
      `  registry cache, 3-step fixture on empty stores: build ${buildSeconds(first.stdout)?.toFixed(1)} s ` +
        `cold, ${buildSeconds(second.stdout)?.toFixed(1)} s from the cache`,
    );
  });

  describe('bad inputs fail before anything is built or pushed', () => {
    let context = '';
    const marker = `dl.itg.run=${prefix}`;
    beforeAll(async () => {
      // A context whose every image (intermediate ones too) carries this run's label, so a build
      // that should not have happened can be found even while others use the engine.
      context = join(runDir, 'bad-input-context');
      await mkdir(context, { recursive: true });
      await writeFile(
        join(context, 'Containerfile'),
        `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nLABEL ${marker}\nRUN true\n`,
      );
      await writeFile(join(runDir, 'policy.yaml'), 'non-root: true\n');
    });

    it.each<[string, Record<string, string>, string]>([
      ['missing context', { context: '' }, 'input "context" is required'],
      ['tag in image', { image: 'TAG' }, 'input "image" must be a repository without tag'],
      ['invalid image name', { image: 'INVALID' }, 'input "image": "127.0.0.1'],
      ['unknown role', { role: 'database' }, 'input "role" must be one of runtime, ci-tools, e2e-runner'],
      ['bad build-args line', { 'build-args': 'BASE_IMAGE=x\nno equals sign' }, 'input "build-args" line 2'],
      [
        'unreadable policy',
        { policy: 'no/such/policy.yaml' },
        'input "policy": image policy file no/such/policy.yaml does not exist',
      ],
    ])('%s', async (_name, bad, message) => {
      const name = 'bad';
      const inputs: Record<string, string> = {
        context,
        image: repo(name),
        'build-args': `BASE_IMAGE=${base}`,
        policy: join(runDir, 'policy.yaml'),
        engine: 'podman',
        ...bad,
      };
      if (bad.image === 'TAG') inputs.image = `${repo(name)}:v1`;
      if (bad.image === 'INVALID') inputs.image = `${repo(name)}/Upper`;
      const tagsBefore = await listTags(`${prefix}/${name}`);
      const run = await runAction(inputs, `bad-${_name.replaceAll(' ', '-')}`);
      expect(run.exitCode).toBe(1);
      const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
      expect(error).toContain(`build-image failed: ${message}`);
      expect(run.stdout).not.toContain('::group::Build');
      expect(run.stdout).not.toMatch(/\[command\]/);
      expect(run.outputs).toEqual({});
      expect(await listTags(`${prefix}/${name}`)).toEqual(tagsBefore);
      expect(await podman(['images', '--all', '--quiet', '--filter', `label=${marker}`])).toBe('');
    });
  });
});
