import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ImageInfo } from '../../src/engine/engine.js';
import { statementOf } from '../../src/evidence/dsse.js';
import type { EvidenceRegistry } from '../../src/evidence/registry.js';
import { InputError } from '../../src/errors.js';
import { runE2e, type E2eDeps, type E2eOutcome, type E2eRequest } from '../../src/lanes/e2e.js';
import {
  CHROMIUM_ARGS,
  e2eContainerOptions,
  parseNumericUser,
  playwrightCommand,
  prepareReportDir,
  prepareTestsCopy,
} from '../../src/lanes/e2e-runner.js';
import {
  checkPlaywrightVersions,
  PLAYWRIGHT_VERSION_LABEL,
  testsPlaywrightVersion,
} from '../../src/lanes/playwright-version.js';
import { playwrightChecks, type PlaywrightJson } from '../../src/lanes/playwright-report.js';
import { projectOfNetwork } from '../../src/lanes/attach.js';
import { parseReference, pinImage } from '../../src/reference.js';
import { FakeEngine as SharedFakeEngine } from '../support/fake-engine.js';
import { RegistryError } from '../../src/registry/errors.js';
import { OCI_INDEX, OCI_MANIFEST } from '../../src/registry/media-types.js';
import { parseStack } from '../support/stack.js';
import { CONTAINER_ROLE_LABEL, SERVICE_LABEL, STACK_LABEL } from '../../src/stack/labels.js';

const SHA = 'b'.repeat(40);
const API = `127.0.0.1:5000/app/api@sha256:${'1'.repeat(64)}`;
const WEB = `127.0.0.1:5000/app/frontend@sha256:${'2'.repeat(64)}`;
const RUNNER = `127.0.0.1:5000/tools/e2e-runner@sha256:${'3'.repeat(64)}`;
const IMAGES = [pinImage('api', parseReference(API)), pinImage('frontend', parseReference(WEB))];
const STACK = `
services:
  api:
    image: \${API_IMAGE}
  frontend:
    image: \${FRONTEND_IMAGE}
    depends_on: [api]
`;

/** A JSON report as Playwright 1.65 writes it (trimmed to what the lane reads). */
function jsonReport(failing: boolean): PlaywrightJson {
  return {
    suites: [
      {
        title: 'playlists.spec.ts',
        file: 'playlists.spec.ts',
        specs: [
          { title: 'loads', tests: [{ status: 'expected', results: [{ duration: 300, status: 'passed' }] }] },
        ],
        suites: [
          {
            title: 'form',
            specs: [
              {
                title: 'creates a playlist',
                tests: [
                  {
                    status: failing ? 'unexpected' : 'flaky',
                    results: [
                      { duration: 1000, status: 'failed' },
                      { duration: 900, status: failing ? 'failed' : 'passed' },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        title: 'later.spec.ts',
        file: 'later.spec.ts',
        specs: [{ title: 'todo', tests: [{ status: 'skipped', results: [] }] }],
      },
    ],
    errors: [],
  };
}

describe('testsPlaywrightVersion', () => {
  test.each([
    [{ devDependencies: { '@playwright/test': '1.65.1' } }, '1.65.1'],
    [{ dependencies: { '@playwright/test': '1.66.0-beta-1700000000000' } }, '1.66.0-beta-1700000000000'],
    [
      { dependencies: { '@playwright/test': '1.64.0' }, devDependencies: { '@playwright/test': '1.65.1' } },
      '1.65.1',
    ],
  ])('%j → %s', (pkg, version) => {
    expect(testsPlaywrightVersion(JSON.stringify(pkg), 'e2e/package.json', 'tests')).toBe(version);
  });

  test.each([
    [
      { devDependencies: { '@playwright/test': '^1.65.1' } },
      /must pin @playwright\/test to an exact version .*"\^1\.65\.1"/,
    ],
    [{ devDependencies: { '@playwright/test': '~1.65.1' } }, /exact version/],
    [{ devDependencies: { '@playwright/test': 'latest' } }, /exact version/],
    [{ devDependencies: { '@playwright/test': 1.65 } }, /exact version .*1\.65/],
    [{ devDependencies: { playwright: '1.65.1' } }, /does not list @playwright\/test/],
    [{}, /does not list @playwright\/test/],
  ])('refuses %j', (pkg, message) => {
    let thrown: unknown;
    try {
      testsPlaywrightVersion(JSON.stringify(pkg), 'e2e/package.json', 'tests');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).input).toBe('tests');
    expect((thrown as Error).message).toMatch(/^input "tests": e2e\/package\.json /);
    expect((thrown as Error).message).toMatch(message);
  });

  test('refuses a package.json that is not JSON', () => {
    expect(() => testsPlaywrightVersion('{', 'e2e/package.json', 'tests')).toThrow(
      /input "tests": e2e\/package\.json is not valid JSON/,
    );
  });
});

test('checkPlaywrightVersions names both versions and where they come from', () => {
  expect(() =>
    checkPlaywrightVersions({
      runnerImage: RUNNER,
      runnerVersion: '1.65.1',
      tests: 'e2e',
      testsVersion: '1.65.1',
    }),
  ).not.toThrow();
  expect(() =>
    checkPlaywrightVersions({
      runnerImage: RUNNER,
      runnerVersion: '1.65.1',
      tests: 'e2e',
      testsVersion: '1.64.0',
    }),
  ).toThrow(
    `Playwright version mismatch: runner image ${RUNNER} has @playwright/test 1.65.1 (label ${PLAYWRIGHT_VERSION_LABEL}), but e2e/package.json pins 1.64.0`,
  );
});

test.each([
  ['', { uid: 0, gid: 0 }],
  ['10001', { uid: 10001, gid: 10001 }],
  ['10001:10002', { uid: 10001, gid: 10002 }],
  ['e2e', undefined],
  ['e2e:e2e', undefined],
])('parseNumericUser(%j)', (user, expected) => {
  expect(parseNumericUser(user)).toEqual(expected);
});

test.each([
  ['dl-e2e-123-abcdef-net', 'e2e-123-abcdef'],
  ['dl-staging-net', 'staging'],
  ['podman', undefined],
  ['dl--net', undefined],
])('projectOfNetwork(%j)', (network, project) => {
  expect(projectOfNetwork(network)).toBe(project);
});

test('the runner container: its own CLI, forced output locations, both mounts, the image user, on the network', () => {
  const options = e2eContainerOptions({
    project: 'e2e-7-abc123',
    network: 'dl-e2e-7-abc123-net',
    image: RUNNER,
    testsCopy: '/tmp/x/tests',
    reportDir: '/tmp/x/report',
    baseUrl: 'http://frontend:8080',
    serviceEnv: { API_URL: 'http://api:8080', FRONTEND_URL: 'http://frontend:8080' },
    retries: 2,
    user: { uid: 10001, gid: 10001 },
    hosts: { frontend: '10.89.0.3', api: '10.89.0.2' },
  });
  expect(options).toEqual({
    image: RUNNER,
    name: 'e2e-7-abc123-e2e',
    network: 'dl-e2e-7-abc123-net',
    hosts: { frontend: '10.89.0.3', api: '10.89.0.2' },
    rm: true,
    user: '10001:10001',
    env: {
      API_URL: 'http://api:8080',
      FRONTEND_URL: 'http://frontend:8080',
      BASE_URL: 'http://frontend:8080',
      PLAYWRIGHT_BASE_URL: 'http://frontend:8080',
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      PLAYWRIGHT_CHROMIUM_EXECUTABLE: '/usr/bin/chromium',
      PLAYWRIGHT_HTML_OUTPUT_DIR: '/e2e/report/html',
      PLAYWRIGHT_HTML_OPEN: 'never',
      PLAYWRIGHT_JSON_OUTPUT_FILE: '/e2e/report/results.json',
      CI: 'true',
    },
    volumes: [
      { source: '/tmp/x/tests', target: '/e2e/tests', readonly: true },
      { source: '/tmp/x/report', target: '/e2e/report' },
    ],
    workdir: '/e2e/tests',
    entrypoint: '',
    labels: { [STACK_LABEL]: 'e2e-7-abc123', [CONTAINER_ROLE_LABEL]: 'tests' },
    command: [
      'node',
      '/opt/playwright/node_modules/@playwright/test/cli.js',
      'test',
      '--reporter=list,html,json',
      '--output=/e2e/report/test-results',
      '--retries=2',
    ],
  });
  expect(playwrightCommand(0)).not.toContain('install');
  expect(CHROMIUM_ARGS).toEqual([
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
  ]);
});

describe('playwrightChecks', () => {
  test('one check per spec file; flaky counts as passed, a failure names the test', () => {
    const passing = playwrightChecks(jsonReport(false));
    expect(passing.counts).toEqual({ passed: 1, failed: 0, flaky: 1, skipped: 1 });
    expect(passing.checks).toEqual([
      { name: 'playwright: playlists.spec.ts', result: 'PASSED', durationMs: 2200 },
      { name: 'playwright: later.spec.ts', result: 'SKIPPED', durationMs: 0 },
    ]);
    const failing = playwrightChecks(jsonReport(true));
    expect(failing.counts).toEqual({ passed: 1, failed: 1, flaky: 0, skipped: 1 });
    expect(failing.checks[0]).toEqual({
      name: 'playwright: playlists.spec.ts',
      result: 'FAILED',
      durationMs: 2200,
      detail: 'form › creates a playlist',
    });
  });

  test('errors outside tests (a config that does not load) fail a load check', () => {
    const { checks } = playwrightChecks({
      suites: [],
      errors: [{ message: 'Error: Cannot find module x\n  at …' }],
    });
    expect(checks).toEqual([
      { name: 'playwright: load', result: 'FAILED', durationMs: 0, detail: 'Error: Cannot find module x' },
    ]);
  });
});

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-e2e-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

test('prepareTestsCopy leaves out node_modules and old output, and links the runner’s Playwright', async () => {
  const src = join(dir, 'e2e');
  for (const f of [
    'package.json',
    'playwright.config.ts',
    'tests/a.spec.ts',
    'tests/lib/node_modules/x/i.js',
  ]) {
    await mkdir(join(src, f, '..'), { recursive: true });
    await writeFile(join(src, f), f);
  }
  for (const d of ['node_modules/@playwright/test', 'test-results/old', 'playwright-report']) {
    await mkdir(join(src, d), { recursive: true });
    await writeFile(join(src, d, 'file'), 'x');
  }
  const dest = join(dir, 'copy');
  await prepareTestsCopy(src, dest);
  expect((await readdir(dest)).sort()).toEqual([
    'node_modules',
    'package.json',
    'playwright.config.ts',
    'tests',
  ]);
  expect((await lstat(join(dest, 'node_modules'))).isSymbolicLink()).toBe(true);
  expect(await readlink(join(dest, 'node_modules'))).toBe('/opt/playwright/node_modules');
  expect(await readdir(join(dest, 'tests'))).toEqual(['a.spec.ts', 'lib']);
  expect(await readdir(join(dest, 'tests/lib'))).toEqual([]);
});

test('prepareReportDir hands the directory to the runner image’s user', async () => {
  const report = join(dir, 'report');
  const me = process.getuid!();
  await expect(prepareReportDir(report, { uid: me, gid: process.getgid!() })).resolves.toBe(
    'owned by this process already',
  );
  const other = join(dir, 'other');
  const how = await prepareReportDir(other, { uid: 10001, gid: 10001 });
  const st = await stat(other);
  if (me === 0) {
    expect(how).toBe('owned by 10001:10001');
    expect([st.uid, st.gid]).toEqual([10001, 10001]);
  } else {
    expect(how).toMatch(/world-writable/);
    expect(st.mode & 0o777).toBe(0o777);
  }
});

/**
 * The shared fake with this file's stack: services are healthy at once, the runner image must be
 * pulled, and every foreground run "runs Playwright"; image inspections are recorded in `calls`.
 */
class FakeEngine extends SharedFakeEngine {
  runnerLabels: Record<string, string> = { [PLAYWRIGHT_VERSION_LABEL]: '1.65.1' };
  playwright: { exitCode: number; json?: PlaywrightJson } = { exitCode: 0, json: jsonReport(false) };

  constructor() {
    super({
      behaviours: { api: { healthyAfterChecks: 0 }, frontend: { healthyAfterChecks: 0 } },
      imageHealthcheck: { [API]: true, [WEB]: true },
      absentImages: [RUNNER],
    });
    const image = this.image;
    this.image = (ref) =>
      ref === RUNNER ? { ...image(ref), user: '10001:10001', labels: this.runnerLabels } : image(ref);
    this.foreground = async (opts) => {
      const report = opts.volumes?.find((v) => v.target === '/e2e/report')?.source;
      if (report !== undefined && this.playwright.json !== undefined) {
        await writeFile(join(report, 'results.json'), JSON.stringify(this.playwright.json));
      }
      return { exitCode: this.playwright.exitCode, stdout: '  3 passed (4.1s)\n', stderr: '' };
    };
  }
  override async inspectImage(ref: string): Promise<ImageInfo> {
    this.calls.push(`inspect image ${ref}`);
    return super.inspectImage(ref);
  }
}

/** A registry in memory, enough for storeEvidence's fallback-tag path (no referrers API). */
function memoryRegistry(stored: string[]): (registry: string) => EvidenceRegistry {
  return () => {
    const manifests = new Map<string, unknown>();
    return {
      headBlob: async () => false,
      uploadBlob: async (_repo: string, _bytes: Buffer, digest: string) => digest,
      putManifest: async (repo: string, ref: string, bytes: Buffer) => {
        const kind = ref.endsWith('.att')
          ? 'cosign attestations'
          : ref.startsWith('sha256-')
            ? 'fallback index'
            : 'evidence manifest';
        stored.push(`${repo} ${kind}`);
        manifests.set(`${repo}:${ref}`, JSON.parse(bytes.toString('utf8')));
        return ref;
      },
      getManifest: async (repo: string, ref: string) => {
        const json = manifests.get(`${repo}:${ref}`);
        if (json !== undefined) return { digest: ref, mediaType: OCI_INDEX, bytes: Buffer.from('{}'), json };
        if (ref.startsWith('sha256:')) {
          return { digest: ref, mediaType: OCI_MANIFEST, bytes: Buffer.from('{}'), json: {} };
        }
        throw new RegistryError('GET', ref, 404, 'MANIFEST_UNKNOWN', 'unknown', `${ref}: 404`);
      },
      referrers: async () => null,
    } as unknown as EvidenceRegistry;
  };
}

async function writeTests(version: string): Promise<string> {
  const tests = join(dir, `e2e-${version}`);
  await mkdir(join(tests, 'tests'), { recursive: true });
  await writeFile(
    join(tests, 'package.json'),
    JSON.stringify({ devDependencies: { '@playwright/test': version } }),
  );
  await writeFile(join(tests, 'tests/a.spec.ts'), '');
  return tests;
}

/** A request and its deps in one object, as the tests override them. */
type E2eOptions = E2eRequest & E2eDeps;

/** Runs the lane with `o` split into the request and the deps. */
function runWith(o: E2eOptions): Promise<E2eOutcome> {
  const { engine, onProject, env, upload, registryFor, pollMs, log, ...request } = o;
  return runE2e(request, {
    engine,
    ...(onProject !== undefined ? { onProject } : {}),
    ...(env !== undefined ? { env } : {}),
    ...(upload !== undefined ? { upload } : {}),
    ...(registryFor !== undefined ? { registryFor } : {}),
    ...(pollMs !== undefined ? { pollMs } : {}),
    ...(log !== undefined ? { log } : {}),
  });
}

async function options(engine: FakeEngine, overrides: Partial<E2eOptions> = {}): Promise<E2eOptions> {
  return {
    engine,
    target: { kind: 'stack', spec: parseStack(STACK, 'stack.yaml', IMAGES), images: IMAGES },
    runnerImage: RUNNER,
    testsDir: await writeTests('1.65.1'),
    testsShownAs: 'e2e',
    baseUrlService: 'frontend',
    retries: 1,
    tempDir: dir,
    artifactName: 'e2e-report',
    env: { GITHUB_SHA: SHA, GITHUB_RUN_ID: '42' },
    registryFor: memoryRegistry([]),
    pollMs: 1,
    ...overrides,
  };
}

describe('runE2e', () => {
  test('refuses a version mismatch after pulling the runner image and before creating anything', async () => {
    const engine = new FakeEngine();
    const onProject = vi.fn();
    const opts = await options(engine, { testsDir: await writeTests('1.64.0'), onProject });
    await expect(runWith(opts)).rejects.toThrow(
      /runner image .* has @playwright\/test 1\.65\.1 .* pins 1\.64\.0/,
    );
    expect(engine.calls).toEqual([`inspect image ${RUNNER}`, `pull ${RUNNER}`, `inspect image ${RUNNER}`]);
    expect(engine.foregroundRuns).toEqual([]);
    expect(onProject).not.toHaveBeenCalled();
  });

  test('refuses a runner image without the version label', async () => {
    const engine = new FakeEngine();
    engine.absentImages.delete(RUNNER);
    engine.runnerLabels = {};
    await expect(runWith(await options(engine))).rejects.toThrow(
      `runner image ${RUNNER} has no ${PLAYWRIGHT_VERSION_LABEL} label`,
    );
    expect(engine.networks.size).toBe(0);
  });

  test('refuses a base-url-service the stack does not have, before starting it', async () => {
    const engine = new FakeEngine();
    engine.absentImages.delete(RUNNER);
    await expect(runWith(await options(engine, { baseUrlService: 'web' }))).rejects.toThrow(
      'input "base-url-service": stack.yaml has no service "web" (services: api, frontend)',
    );
    expect(engine.calls.filter((c) => !c.startsWith('inspect image'))).toEqual([]);
    expect(engine.foregroundRuns).toEqual([]);
  });

  test('passes: Playwright against the frontend on the stack network, evidence per digest, stack removed', async () => {
    const engine = new FakeEngine();
    engine.absentImages.delete(RUNNER);
    const stored: string[] = [];
    const upload = vi.fn(async () => ({ uploaded: true, size: 123 }));
    const projects: string[] = [];
    const outcome = await runWith(
      await options(engine, {
        registryFor: memoryRegistry(stored),
        upload,
        onProject: (p) => projects.push(p),
      }),
    );
    expect(outcome.report.result).toBe('passed');
    expect(projects).toEqual([outcome.report.project]);
    expect(outcome.report.project).toMatch(/^e2e-42-[0-9a-f]{6}$/);
    const run = engine.foregroundRuns[0]!;
    expect(run.network).toBe(`dl-${outcome.report.project}-net`);
    expect(run.env).toMatchObject({ BASE_URL: 'http://frontend:8080', API_URL: 'http://api:8080' });
    expect(run.command).toContain('--retries=1');
    expect(outcome.report.playwright.counts).toEqual({ passed: 1, failed: 0, flaky: 1, skipped: 1 });
    expect(outcome.report.digestsVerified).toBe(true);
    expect(engine.containers.size).toBe(0);
    expect(engine.networks.size).toBe(0);
    expect(upload).toHaveBeenCalledWith('e2e-report', outcome.reportDir);
    expect(outcome.report.artifact).toEqual({ name: 'e2e-report', uploaded: true, size: 123 });
    const lane = JSON.parse(await readFile(join(outcome.reportDir, 'digestline-e2e.json'), 'utf8'));
    expect(lane.artifact).toEqual(outcome.report.artifact);
    const statement = statementOf(JSON.parse(await readFile(outcome.evidencePath!, 'utf8')));
    expect(statement.predicate.lane).toBe('e2e');
    expect(statement.predicate.verificationResult).toBe('PASSED');
    expect(statement.predicate.checks.map((c) => [c.name, c.result])).toEqual([
      ['playwright version 1.65.1 (runner image and tests)', 'PASSED'],
      ['stack ready: 2 services', 'PASSED'],
      ['digests verified', 'PASSED'],
      ['playwright: playlists.spec.ts', 'PASSED'],
      ['playwright: later.spec.ts', 'SKIPPED'],
      ['host access', 'PASSED'],
    ]);
    expect(stored.sort()).toEqual([
      'app/api cosign attestations',
      'app/api evidence manifest',
      'app/api fallback index',
      'app/frontend cosign attestations',
      'app/frontend evidence manifest',
      'app/frontend fallback index',
    ]);
    expect(outcome.evidenceError).toBeUndefined();
  });

  test('fails with the failing test named, bundles the stack into the report, still stores evidence', async () => {
    const engine = new FakeEngine();
    engine.absentImages.delete(RUNNER);
    engine.playwright = { exitCode: 1, json: jsonReport(true) };
    const outcome = await runWith(await options(engine));
    expect(outcome.report.result).toBe('failed');
    expect(outcome.report.failure).toMatch(
      /^E2E tests: 1 of 2 tests failed; last output lines:\n {2}3 passed/,
    );
    expect(await readdir(join(outcome.reportDir, 'stack-bundle'))).toEqual(
      expect.arrayContaining(['network.json', 'playwright.log']),
    );
    const statement = statementOf(JSON.parse(await readFile(outcome.evidencePath!, 'utf8')));
    expect(statement.predicate.verificationResult).toBe('FAILED');
    expect(engine.networks.size).toBe(0);
  });

  test('fails when Playwright writes no JSON report and exits non-zero', async () => {
    const engine = new FakeEngine();
    engine.absentImages.delete(RUNNER);
    engine.playwright = { exitCode: 1 };
    const outcome = await runWith(await options(engine));
    expect(outcome.report.failure).toMatch(/^E2E tests: playwright exited with code 1/);
    const statement = statementOf(JSON.parse(await readFile(outcome.evidencePath!, 'utf8')));
    expect(statement.predicate.checks.at(-2)).toMatchObject({ name: 'playwright', result: 'FAILED' });
  });

  test('attaches to a running stack by network, tests what it runs, and leaves it running', async () => {
    const engine = new FakeEngine();
    engine.absentImages.delete(RUNNER);
    const project = 'staging';
    engine.networks.set('dl-staging-net', { [STACK_LABEL]: project });
    for (const [service, image] of [
      ['api', API],
      ['frontend', WEB],
    ] as const) {
      await engine.run({
        image,
        name: `${project}-${service}`,
        network: 'dl-staging-net',
        labels: {
          [STACK_LABEL]: project,
          [SERVICE_LABEL]: service,
          'dev.digestline.image': image,
          'dev.digestline.port': '8080',
          'dev.digestline.order': service === 'api' ? '0' : '1',
        },
      });
    }
    const onProject = vi.fn();
    const outcome = await runWith(
      await options(engine, { target: { kind: 'network', network: 'dl-staging-net' }, onProject }),
    );
    expect(outcome.report.result).toBe('passed');
    expect(outcome.report.target).toBe('network');
    expect(outcome.report.images.map((i) => [i.name, i.reference])).toEqual([
      ['api', API],
      ['frontend', WEB],
    ]);
    expect(engine.foregroundRuns[0]!.network).toBe('dl-staging-net');
    expect(onProject).not.toHaveBeenCalled();
    expect([...engine.containers.keys()]).toEqual(['staging-api', 'staging-frontend']);
    expect(engine.networks.has('dl-staging-net')).toBe(true);
  });

  test('refuses a network that is not a digestline stack', async () => {
    const engine = new FakeEngine();
    engine.absentImages.delete(RUNNER);
    engine.networks.set('podman', {});
    await expect(
      runWith(
        await options(engine, {
          target: { kind: 'network', network: 'podman' },
          inputs: { network: 'network' },
        }),
      ),
    ).rejects.toThrow(/^input "network": podman is not the network of a running digestline stack/);
  });
});
