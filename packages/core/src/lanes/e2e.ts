/**
 * The browser E2E lane: Playwright from a dedicated, digest-pinned runner image (Debian's chromium,
 * node and a pinned @playwright/test under /opt/playwright) runs in a container on the stack's
 * network against `http://<service>:<port>`. It shares the stack lane's pieces (project names,
 * service URLs, teardown, evidence subjects, summary) and adds what E2E needs: the Playwright
 * version check before anything starts, a writable report directory owned by the runner image's
 * user, attaching to a stack that is already running, per-spec checks from Playwright's JSON report,
 * and the report uploaded as an artifact.
 */
import { chmod, chown, cp, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ContainerEngine, RunOptions } from '../engine/engine.js';
import { errorMessage, InputError } from '../errors.js';
import { envelopeOf, signEnvelope } from '../evidence/dsse.js';
import { laneStatement, type Check } from '../evidence/statement.js';
import { storeEvidence, type EvidenceRegistry } from '../evidence/store.js';
import { tailLines } from '../exec.js';
import type { ImageSet } from '../inputs.js';
import { formatReference, parseReference } from '../reference.js';
import { isLoopbackHost, RegistryClient } from '../registry/client.js';
import type { StackSpec } from '../stack/spec.js';
import { ROLE_LABEL, STACK_LABEL, Stack, StackStartError } from '../stack/stack.js';
import { group } from '../summary.js';
import {
  evidenceImages,
  laneProjectName,
  serviceUrls,
  teardownLaneStack,
  TESTS_ROLE,
  type LaneReport,
  type ReportService,
} from './stack-lane.js';

/** Prefix of e2e-run project names (`e2e-<run id>-<random>`). */
export const E2E_PROJECT_PREFIX = 'e2e';

/** Image label carrying the runner image's @playwright/test version. */
export const PLAYWRIGHT_VERSION_LABEL = 'org.digestline.playwright.version';

/** The npm package whose version the tests and the runner image must agree on. */
export const PLAYWRIGHT_PACKAGE = '@playwright/test';

/** Where the runner image keeps its pinned Playwright. */
export const RUNNER_NODE_MODULES = '/opt/playwright/node_modules';

/** Debian's chromium in the runner image; Playwright must never download a browser of its own. */
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

/**
 * Flags for chromium in a container: no user namespaces for its sandbox, no GPU, no traffic of its
 * own (the network rule: only the stack), and /tmp instead of the 64 MB /dev/shm containers get.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Mount points inside the runner container. */
export const CONTAINER_TESTS_DIR = '/e2e/tests';
export const CONTAINER_REPORT_DIR = '/e2e/report';

/** Layout of the report directory (output `report`, uploaded as the artifact). */
export const REPORT_FILES = {
  html: 'html',
  testResults: 'test-results',
  json: 'results.json',
  lane: 'digestline-e2e.json',
  stackBundle: 'stack-bundle',
} as const;

// ---- the Playwright version check ----

/** Exact versions only: `1.65.1`, `1.66.0-beta-1`. */
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * The `@playwright/test` version a tests directory pins in its package.json (`dependencies` or
 * `devDependencies`). A range would let the tests run against whatever the runner image has, so
 * only an exact version is accepted.
 * @param text package.json content
 * @param file shown in messages
 * @param input the input naming the tests directory
 * @throws InputError when the package is missing, pinned by a range, or the file is not JSON
 */
export function testsPlaywrightVersion(text: string, file: string, input: string): string {
  let pkg: { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
  try {
    pkg = JSON.parse(text) as typeof pkg;
  } catch (err) {
    throw new InputError(input, `input "${input}": ${file} is not valid JSON: ${errorMessage(err)}`);
  }
  const declared = pkg.devDependencies?.[PLAYWRIGHT_PACKAGE] ?? pkg.dependencies?.[PLAYWRIGHT_PACKAGE];
  if (declared === undefined) {
    throw new InputError(
      input,
      `input "${input}": ${file} does not list ${PLAYWRIGHT_PACKAGE} in dependencies or devDependencies; pin the version the runner image has, e.g. "${PLAYWRIGHT_PACKAGE}": "1.65.1"`,
    );
  }
  const version = typeof declared === 'string' ? declared.trim() : '';
  if (!EXACT_VERSION.test(version)) {
    throw new InputError(
      input,
      `input "${input}": ${file} must pin ${PLAYWRIGHT_PACKAGE} to an exact version (like "1.65.1"), got ${JSON.stringify(declared)}: the tests run with the runner image's Playwright, so a range would hide a mismatch`,
    );
  }
  return version;
}

/** Reads `<tests>/package.json` (see {@link testsPlaywrightVersion}). */
export async function readTestsPlaywrightVersion(
  testsDir: string,
  shownAs: string,
  input: string,
): Promise<string> {
  const file = join(shownAs, 'package.json');
  let text: string;
  try {
    text = await readFile(join(testsDir, 'package.json'), 'utf8');
  } catch (err) {
    throw new InputError(input, `input "${input}": cannot read ${file}: ${errorMessage(err)}`);
  }
  return testsPlaywrightVersion(text, file, input);
}

function isLoopbackRegistry(ref: string): boolean {
  try {
    return isLoopbackHost(new URL(`http://${parseReference(ref).registry}`).hostname);
  } catch {
    return false;
  }
}

/** What the runner image says about itself (image inspect; pulled first when not local). */
export interface RunnerImageFacts {
  playwrightVersion: string;
  /** `Config.User` (`''` = root). */
  user: string;
}

/**
 * Inspects the runner image, pulling it first when it is not local.
 * @throws Error naming the image when it has no {@link PLAYWRIGHT_VERSION_LABEL}
 */
export async function inspectRunnerImage(
  engine: ContainerEngine,
  image: string,
  log: (line: string) => void,
): Promise<RunnerImageFacts> {
  let info;
  try {
    info = await engine.inspectImage(image);
  } catch {
    log(`pulling runner image ${image}`);
    await engine.pull(image, { insecure: isLoopbackRegistry(image) });
    info = await engine.inspectImage(image);
  }
  const version = info.labels[PLAYWRIGHT_VERSION_LABEL];
  if (version === undefined || version.trim() === '') {
    throw new Error(
      `runner image ${image} has no ${PLAYWRIGHT_VERSION_LABEL} label: build it from images/e2e-runner/Containerfile (or label it with its ${PLAYWRIGHT_PACKAGE} version)`,
    );
  }
  return { playwrightVersion: version.trim(), user: info.user };
}

/**
 * Fails when the runner image's Playwright and the tests' pin differ: Playwright refuses (or
 * misbehaves with) tests written against another version, and finding that out after a stack
 * start wastes minutes.
 */
export function checkPlaywrightVersions(v: {
  runnerImage: string;
  runnerVersion: string;
  tests: string;
  testsVersion: string;
}): void {
  if (v.runnerVersion === v.testsVersion) return;
  throw new Error(
    `Playwright version mismatch: runner image ${v.runnerImage} has ${PLAYWRIGHT_PACKAGE} ${v.runnerVersion} (label ${PLAYWRIGHT_VERSION_LABEL}), but ${join(v.tests, 'package.json')} pins ${v.testsVersion}; pin "${PLAYWRIGHT_PACKAGE}": "${v.runnerVersion}" in the tests or use a runner image built with ${v.testsVersion}`,
  );
}

// ---- the runner container ----

/** A numeric `uid[:gid]` from an image's `User` (`''` is root); `undefined` for a user name. */
export function parseNumericUser(user: string): { uid: number; gid: number } | undefined {
  if (user === '') return { uid: 0, gid: 0 };
  const m = /^(\d+)(?::(\d+))?$/.exec(user);
  if (m === null) return undefined;
  const uid = Number(m[1]);
  return { uid, gid: m[2] !== undefined ? Number(m[2]) : uid };
}

/** The numeric uid/gid the runner image runs as, asking the image itself when `User` is a name. */
export async function runnerUser(
  engine: ContainerEngine,
  image: string,
  user: string,
): Promise<{ uid: number; gid: number }> {
  const numeric = parseNumericUser(user);
  if (numeric !== undefined) return numeric;
  const r = await engine.runToCompletion({
    image,
    rm: true,
    entrypoint: '',
    network: 'none',
    command: ['sh', '-c', 'echo "$(id -u):$(id -g)"'],
  });
  const ids = parseNumericUser(r.stdout.trim());
  if (r.exitCode !== 0 || ids === undefined) {
    throw new Error(
      `cannot tell the uid of user ${JSON.stringify(user)} of runner image ${image} (id exited ${r.exitCode}: ${tailLines(`${r.stdout}${r.stderr}`, 3)})`,
    );
  }
  return ids;
}

/**
 * Copies the tests directory (without `node_modules` and earlier Playwright output) and links
 * `node_modules` to the runner image's Playwright.
 *
 * Why a copy with a link rather than NODE_PATH: NODE_PATH reaches `require()` only, while ESM test
 * files and configs (`.mjs`, `"type": "module"`) resolve bare imports by walking up `node_modules`
 * directories; the link serves both. The copy keeps a developer's own `node_modules` (another
 * Playwright version: Playwright refuses to load a second copy of itself) out of the container, and
 * leaves the workspace untouched. The link dangles on the runner and resolves inside the container.
 */
export async function prepareTestsCopy(testsDir: string, dest: string): Promise<void> {
  const skip = new Set(['node_modules', 'test-results', 'playwright-report', 'blob-report']);
  await cp(testsDir, dest, {
    recursive: true,
    filter: (source) => {
      const rel = source.slice(testsDir.length).split('/').filter(Boolean);
      return !(rel.length === 1 && skip.has(rel[0] as string)) && !rel.includes('node_modules');
    },
  });
  await symlink(RUNNER_NODE_MODULES, join(dest, 'node_modules'));
}

/**
 * Makes the report directory writable for the runner image's user: owned by its uid when this
 * process may chown (root, or the same uid), else world-writable (a non-root runner with a rootful
 * or rootless engine, where the container's uid is not ours to give files to).
 */
export async function prepareReportDir(dir: string, owner: { uid: number; gid: number }): Promise<string> {
  await mkdir(dir, { recursive: true });
  const me = process.getuid?.();
  if (me === owner.uid) return 'owned by this process already';
  if (me === 0) {
    await chown(dir, owner.uid, owner.gid);
    return `owned by ${owner.uid}:${owner.gid}`;
  }
  await chmod(dir, 0o777);
  return 'world-writable (this process cannot chown it)';
}

/**
 * The Playwright command: the runner image's own CLI by path (not whatever `playwright` PATH
 * finds), output locations forced into the mounted report directory, reporters fixed so that the
 * HTML report and the JSON the lane reads always exist.
 */
export function playwrightCommand(retries: number): string[] {
  return [
    'node',
    `${RUNNER_NODE_MODULES}/@playwright/test/cli.js`,
    'test',
    '--reporter=list,html,json',
    `--output=${CONTAINER_REPORT_DIR}/${REPORT_FILES.testResults}`,
    `--retries=${retries}`,
  ];
}

/** Env of the runner container (service URLs come on top). */
export function playwrightEnv(baseUrl: string): Record<string, string> {
  return {
    BASE_URL: baseUrl,
    PLAYWRIGHT_BASE_URL: baseUrl,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    PLAYWRIGHT_CHROMIUM_EXECUTABLE: CHROMIUM_EXECUTABLE,
    PLAYWRIGHT_HTML_OUTPUT_DIR: `${CONTAINER_REPORT_DIR}/${REPORT_FILES.html}`,
    PLAYWRIGHT_HTML_OPEN: 'never',
    PLAYWRIGHT_JSON_OUTPUT_FILE: `${CONTAINER_REPORT_DIR}/${REPORT_FILES.json}`,
    CI: 'true',
  };
}

/** `run` options of the runner container. */
export function e2eContainerOptions(o: {
  project: string;
  network: string;
  image: string;
  testsCopy: string;
  reportDir: string;
  baseUrl: string;
  serviceEnv: Record<string, string>;
  retries: number;
  user: { uid: number; gid: number };
  /** Service names pinned to their IPs (see Stack.hosts). */
  hosts?: Record<string, string>;
}): RunOptions {
  return {
    image: o.image,
    name: `${o.project}-e2e`,
    network: o.network,
    ...(o.hosts !== undefined ? { hosts: o.hosts } : {}),
    rm: true,
    // Explicit, so that the uid the report directory was prepared for is the one that writes it.
    user: `${o.user.uid}:${o.user.gid}`,
    env: { ...o.serviceEnv, ...playwrightEnv(o.baseUrl) },
    volumes: [
      { source: o.testsCopy, target: CONTAINER_TESTS_DIR, readonly: true },
      { source: o.reportDir, target: CONTAINER_REPORT_DIR },
    ],
    workdir: CONTAINER_TESTS_DIR,
    entrypoint: '',
    labels: { [STACK_LABEL]: o.project, [ROLE_LABEL]: TESTS_ROLE },
    command: playwrightCommand(o.retries),
  };
}

// ---- Playwright's JSON report ----

interface JsonResult {
  duration?: number;
  status?: string;
  error?: { message?: string };
}
interface JsonTest {
  status?: string;
  results?: JsonResult[];
}
interface JsonSpec {
  title?: string;
  tests?: JsonTest[];
}
interface JsonSuite {
  title?: string;
  file?: string;
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}
/** The parts of Playwright's JSON reporter output the lane reads. */
export interface PlaywrightJson {
  suites?: JsonSuite[];
  errors?: Array<{ message?: string }>;
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number; duration?: number };
}

/** Test counts of a run. */
export interface PlaywrightCounts {
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
}

function specsOf(suite: JsonSuite, path: string[] = []): Array<{ title: string; tests: JsonTest[] }> {
  const here = (suite.specs ?? []).map((s) => ({
    title: [...path, s.title ?? ''].filter(Boolean).join(' › '),
    tests: s.tests ?? [],
  }));
  return [...here, ...(suite.suites ?? []).flatMap((child) => specsOf(child, [...path, child.title ?? '']))];
}

/**
 * One evidence check per spec file (`playwright: playlists.spec.ts`): FAILED when a test in it
 * failed (detail: the failing titles), SKIPPED when all were skipped, else PASSED (flaky tests
 * passed on a retry and count as passed, as in Playwright's exit code). Errors outside tests (a
 * config that does not load) become a `playwright: load` check.
 */
export function playwrightChecks(report: PlaywrightJson): { checks: Check[]; counts: PlaywrightCounts } {
  const counts: PlaywrightCounts = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
  const checks: Check[] = [];
  for (const file of report.suites ?? []) {
    const specs = specsOf(file);
    const tests = specs.flatMap((s) => s.tests.map((t) => ({ spec: s.title, test: t })));
    const failed = tests.filter((t) => t.test.status === 'unexpected');
    const skipped = tests.filter((t) => t.test.status === 'skipped');
    counts.failed += failed.length;
    counts.skipped += skipped.length;
    counts.flaky += tests.filter((t) => t.test.status === 'flaky').length;
    counts.passed += tests.filter((t) => t.test.status === 'expected').length;
    const durationMs = tests.reduce(
      (sum, t) => sum + (t.test.results ?? []).reduce((s, r) => s + (r.duration ?? 0), 0),
      0,
    );
    const name = `playwright: ${file.file ?? file.title ?? 'unknown file'}`;
    if (failed.length > 0) {
      const detail = failed.map((t) => t.spec).join('; ');
      checks.push({
        name,
        result: 'FAILED',
        durationMs,
        detail: detail.length > 500 ? `${detail.slice(0, 497)}...` : detail,
      });
    } else if (tests.length > 0 && skipped.length === tests.length) {
      checks.push({ name, result: 'SKIPPED', durationMs });
    } else {
      checks.push({ name, result: 'PASSED', durationMs });
    }
  }
  const errors = (report.errors ?? []).map((e) => (e.message ?? '').split('\n')[0] ?? '').filter(Boolean);
  if (errors.length > 0) {
    const detail = errors.join('; ');
    checks.push({
      name: 'playwright: load',
      result: 'FAILED',
      durationMs: 0,
      detail: detail.length > 500 ? `${detail.slice(0, 497)}...` : detail,
    });
  }
  return { checks, counts };
}

// ---- the lane ----

/** Where the services under test come from. */
export type E2eTarget =
  /** Start this stack with these images (and tear it down). */
  | { kind: 'stack'; spec: StackSpec; images: ImageSet }
  /**
   * Attach to the digestline stack running on this network (`dl-<project>-net`) and leave it
   * alone. `images`, when given, must be what its services run; else the services' images are the
   * tested set.
   */
  | { kind: 'network'; network: string; images?: ImageSet };

/** The E2E report: the stack lane's report plus what Playwright did. */
export interface E2eReport extends LaneReport {
  target: 'stack' | 'network';
  playwright: {
    runnerImage: string;
    version: string;
    baseUrl?: string;
    reportDir: string;
    counts?: PlaywrightCounts;
  };
  artifact?: { name: string; uploaded: boolean; reason?: string; size?: number };
}

/** What {@link runE2e} hands back. */
export interface E2eOutcome {
  report: E2eReport;
  /** The report directory (HTML report, traces, screenshots, videos, results.json). */
  reportDir: string;
  evidencePath?: string;
  /** Storing evidence failed: the step must fail even when the tests passed. */
  evidenceError?: string;
}

/** Uploads a directory as a workflow artifact (core's artifacts.ts `uploadDirectory`). */
export type UploadReport = (
  name: string,
  dir: string,
) => Promise<{ uploaded: boolean; reason?: string; size?: number }>;

/** Options of {@link runE2e}. */
export interface E2eOptions {
  engine: ContainerEngine;
  target: E2eTarget;
  /** Digest reference of the runner image. */
  runnerImage: string;
  /** Absolute path of the tests directory. */
  testsDir: string;
  /** The tests directory as the user wrote it (messages). */
  testsShownAs: string;
  /** Service whose internal URL becomes BASE_URL / PLAYWRIGHT_BASE_URL. */
  baseUrlService: string;
  retries: number;
  /** Readiness limit of a started stack (default 2 minutes). */
  readinessTimeoutMs?: number;
  /** Where `digestline-e2e-run/<project>/` goes (the runner's RUNNER_TEMP). */
  tempDir: string;
  signingKey?: string;
  /** Uploads the report directory as `artifactName`; undefined keeps it on disk only. */
  upload?: UploadReport;
  artifactName: string;
  /** Called with the project of a stack this run starts, before anything is created. */
  onProject?: (project: string) => void;
  /** Input names for messages. */
  inputs?: { tests?: string; network?: string; images?: string; baseUrlService?: string };
  env?: NodeJS.ProcessEnv;
  registryFor?: (registry: string) => EvidenceRegistry;
  pollMs?: number;
  log?: (line: string) => void;
}

/** The project of a digestline stack network (`dl-<project>-net`). */
export function projectOfNetwork(network: string): string | undefined {
  return /^dl-([a-z0-9][a-z0-9_-]*)-net$/.exec(network)?.[1];
}

/** Finds the stack on `network` and the image set it runs. */
async function attachToNetwork(
  engine: ContainerEngine,
  target: Extract<E2eTarget, { kind: 'network' }>,
  input: string,
  imagesInput: string,
): Promise<{ stack: Stack; images: ImageSet }> {
  const project = projectOfNetwork(target.network);
  const labelled =
    project === undefined ? [] : await engine.networkList({ label: `${STACK_LABEL}=${project}` });
  if (project === undefined || !labelled.includes(target.network)) {
    throw new InputError(
      input,
      `input "${input}": ${target.network} is not the network of a running digestline stack (dl-<project>-net, labelled ${STACK_LABEL}=<project>); start the stack with integration-test (keep-on-failure) or deploy-staging, or give stack and images instead`,
    );
  }
  const stack = await Stack.attach(project, engine);
  const statuses = await stack.inspect();
  if (statuses.length === 0) {
    throw new InputError(input, `input "${input}": the stack on ${target.network} has no service containers`);
  }
  const running = new Map<string, string>();
  for (const s of statuses) if (!running.has(s.image)) running.set(s.image, s.service);
  if (target.images !== undefined && target.images.length > 0) {
    const wrong = target.images.filter((e) => !running.has(formatReference(e.ref)));
    if (wrong.length > 0) {
      throw new InputError(
        imagesInput,
        `input "${imagesInput}": no service on ${target.network} runs ${wrong.map((e) => `${e.name}=${formatReference(e.ref)}`).join(', ')} (it runs ${[...running.keys()].join(', ')})`,
      );
    }
    return { stack, images: target.images };
  }
  const images: ImageSet = [];
  for (const [image, service] of running) {
    const ref = parseReference(image);
    if (ref.digest === undefined) {
      throw new InputError(
        input,
        `input "${input}": service ${service} on ${target.network} runs ${image}, which is not a digest reference`,
      );
    }
    images.push({ name: service, ref });
  }
  return { stack, images };
}

function check(name: string, result: Check['result'], durationMs: number, detail?: string): Check {
  const c: Check = { name, result, durationMs: Math.max(0, durationMs) };
  if (detail !== undefined && detail !== '')
    c.detail = detail.length > 500 ? `${detail.slice(0, 497)}...` : detail;
  return c;
}

async function readJson(path: string): Promise<PlaywrightJson | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as PlaywrightJson;
  } catch {
    return undefined;
  }
}

/**
 * Writes the e2e evidence (signed when a key is given) to `path` and stores it next to every
 * image's digest. A registry that refuses is reported in `error`, not thrown: the caller still
 * writes its report, and fails the step.
 */
async function writeAndStoreEvidence(o: {
  images: ImageSet;
  env: NodeJS.ProcessEnv;
  checks: Check[];
  passed: boolean;
  path: string;
  signingKey?: string;
  clientFor: (registry: string) => EvidenceRegistry;
  log: (line: string) => void;
}): Promise<{ evidence: NonNullable<LaneReport['evidence']>; error?: string }> {
  const statement = laneStatement({
    lane: 'e2e',
    images: evidenceImages(o.images),
    env: o.env,
    checks: o.checks,
    result: o.passed ? 'PASSED' : 'FAILED',
  });
  let envelope = envelopeOf(statement);
  if (o.signingKey !== undefined) envelope = signEnvelope(envelope, o.signingKey);
  await writeFile(o.path, `${JSON.stringify(envelope, null, 2)}\n`);
  const evidence: NonNullable<LaneReport['evidence']> = {
    path: o.path,
    signed: o.signingKey !== undefined,
    stored: [],
  };
  const clients = new Map<string, EvidenceRegistry>();
  const problems: string[] = [];
  for (const entry of o.images) {
    const { registry, repository } = entry.ref;
    const digest = entry.ref.digest as string;
    const client = clients.get(registry) ?? o.clientFor(registry);
    clients.set(registry, client);
    try {
      const stored = await storeEvidence(client, repository, digest, envelope);
      evidence.stored.push({ ...stored, repository: `${registry}/${repository}` });
      o.log(
        `e2e evidence for ${entry.name} stored as ${registry}/${repository}@${stored.digest} (${stored.discoverableVia})`,
      );
    } catch (err) {
      problems.push(`${entry.name} (${registry}/${repository}@${digest}): ${errorMessage(err)}`);
    }
  }
  return problems.length === 0
    ? { evidence }
    : { evidence, error: `could not store the evidence for ${problems.join('; ')}` };
}

/**
 * Runs the E2E lane. Order: the Playwright versions of runner image and tests are compared (the
 * image pulled if needed) before anything is created; then the stack starts (or the running one on
 * `network` is found), Playwright runs in the runner image on the stack network, the stack is torn
 * down (never an attached one), evidence is written and stored next to every tested digest, and the
 * report directory is uploaded.
 *
 * Never throws for failing tests or a stack that does not start: the outcome says `failed`.
 * @throws InputError / Error for problems found before anything started (version mismatch, a
 *   runner image without the version label, a missing commit for the evidence, a bad network)
 */
export async function runE2e(opts: E2eOptions): Promise<E2eOutcome> {
  const log = opts.log ?? (() => undefined);
  const env = opts.env ?? process.env;
  const { engine, target } = opts;
  const names = {
    tests: opts.inputs?.tests ?? 'tests',
    network: opts.inputs?.network ?? 'network',
    images: opts.inputs?.images ?? 'images',
    baseUrlService: opts.inputs?.baseUrlService ?? 'base-url-service',
  };
  const started = Date.now();

  // Before anything is created: versions, then (stack mode) evidence subjects and the base service.
  const testsVersion = await readTestsPlaywrightVersion(opts.testsDir, opts.testsShownAs, names.tests);
  const runner = await inspectRunnerImage(engine, opts.runnerImage, log);
  checkPlaywrightVersions({
    runnerImage: opts.runnerImage,
    runnerVersion: runner.playwrightVersion,
    tests: opts.testsShownAs,
    testsVersion,
  });
  log(`${PLAYWRIGHT_PACKAGE} ${testsVersion} in both the runner image and ${opts.testsShownAs}`);
  if (target.kind === 'stack') {
    laneStatement({ lane: 'e2e', images: evidenceImages(target.images), env, checks: [] });
    if (!target.spec.services.some((s) => s.name === opts.baseUrlService)) {
      throw new InputError(
        names.baseUrlService,
        `input "${names.baseUrlService}": ${target.spec.source} has no service ${JSON.stringify(opts.baseUrlService)} (services: ${target.spec.services.map((s) => s.name).join(', ')})`,
      );
    }
  }
  const user = await runnerUser(engine, opts.runnerImage, runner.user);

  let attached: Stack | undefined;
  let images: ImageSet;
  let project: string;
  const checks: Check[] = [check(`playwright version ${testsVersion} (runner image and tests)`, 'PASSED', 0)];
  const failures: string[] = [];
  if (target.kind === 'network') {
    const found = await attachToNetwork(engine, target, names.network, names.images);
    attached = found.stack;
    images = found.images;
    project = attached.project;
    laneStatement({ lane: 'e2e', images: evidenceImages(images), env, checks: [] });
    log(`attached to stack ${project} on ${target.network}; it is left running afterwards`);
  } else {
    images = target.images;
    project = laneProjectName(E2E_PROJECT_PREFIX, env.GITHUB_RUN_ID);
    opts.onProject?.(project);
  }

  const outDir = join(
    opts.tempDir,
    'digestline-e2e-run',
    target.kind === 'stack' ? project : `${project}-${Date.now()}`,
  );
  const reportDir = join(outDir, 'report');
  const testsCopy = join(outDir, 'tests');
  await mkdir(outDir, { recursive: true });
  await prepareTestsCopy(opts.testsDir, testsCopy);
  log(`report directory ${reportDir}: ${await prepareReportDir(reportDir, user)}`);

  const report: E2eReport = {
    lane: 'e2e',
    target: target.kind,
    project,
    engine: engine.kind,
    stack: target.kind === 'stack' ? target.spec.source : `attached: network ${target.network}`,
    result: 'failed',
    images: images.map((e) => ({
      name: e.name,
      reference: formatReference(e.ref),
      digest: e.ref.digest as string,
    })),
    services: [],
    digestsVerified: null,
    readiness: null,
    tests: null,
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    playwright: { runnerImage: opts.runnerImage, version: testsVersion, reportDir },
  };

  let ready = true;
  let stack: Stack;
  if (attached !== undefined) {
    stack = attached;
  } else if (target.kind === 'stack') {
    report.services = target.spec.services.map((s) => ({ name: s.name, image: s.image }));
    const t0 = Date.now();
    try {
      stack = await group(`Start stack ${project} (${target.spec.services.length} services)`, () =>
        Stack.up({
          project,
          engine,
          spec: target.spec,
          readiness: {
            timeoutMs: opts.readinessTimeoutMs ?? 120_000,
            ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
          },
          // The runner image is Debian with bash: it can probe ports on the network too.
          probeImage: opts.runnerImage,
          log,
        }),
      );
      checks.push(check(`stack ready: ${target.spec.services.length} services`, 'PASSED', Date.now() - t0));
    } catch (err) {
      if (!(err instanceof StackStartError)) throw err;
      stack = err.partialStack;
      ready = false;
      failures.push(err.message);
      checks.push(
        check(`stack ready: ${target.spec.services.length} services`, 'FAILED', Date.now() - t0, err.message),
      );
    }
  } else {
    throw new Error('unreachable: a network target is attached above');
  }

  let testOutput = '';
  if (ready) {
    // The last readiness check already saw every container (see Stack.readyStatuses).
    const statuses = stack.readyStatuses ?? (await stack.inspect());
    const urls = serviceUrls(statuses, 'container');
    const base = statuses.find((s) => s.service === opts.baseUrlService);
    report.services = statuses.map((s) => {
      const timing = stack.timings[s.service];
      const line: ReportService = { name: s.service, image: s.image, container: s.container };
      if (s.urls.internal !== undefined) line.url = s.urls.internal;
      if (timing !== undefined) {
        line.readiness = timing.mode;
        line.startedAt = timing.startedAt;
        line.readyAt = timing.readyAt;
        line.readyAfterMs = timing.readyAt - timing.startedAt;
      }
      return line;
    });
    const baseUrl = base?.urls.internal;
    if (baseUrl === undefined) {
      const why =
        base === undefined
          ? `there is no service ${JSON.stringify(opts.baseUrlService)} (services: ${statuses.map((s) => s.service).join(', ')})`
          : `service ${opts.baseUrlService} has no port (give it ports or expose)`;
      failures.push(`input "${names.baseUrlService}": ${why}`);
      checks.push(check('playwright', 'SKIPPED', 0, why));
    } else {
      report.playwright.baseUrl = baseUrl;
      const verifying = stack.verifyDigests().then(
        () => undefined,
        (err: unknown) => errorMessage(err),
      );
      const timings = Object.values(stack.timings);
      const testStartedAt = Date.now();
      if (timings.length > 0) {
        const lastReadyAt = Math.max(...timings.map((t) => t.readyAt));
        report.readiness = {
          upMs: lastReadyAt - Math.min(...timings.map((t) => t.startedAt)),
          lastReadyAt,
          testStartedAt,
          latencyMs: testStartedAt - lastReadyAt,
        };
      }
      const options = e2eContainerOptions({
        project,
        network: stack.network,
        image: opts.runnerImage,
        testsCopy,
        reportDir,
        baseUrl,
        serviceEnv: urls.env,
        retries: opts.retries,
        user,
        hosts: await stack.hosts(),
      });
      log(`BASE_URL=${baseUrl}`);
      const run = await group(`Playwright in ${opts.runnerImage} against ${baseUrl}`, async () => {
        try {
          // The engine's exec streams Playwright's list reporter to the log as it runs.
          const r = await engine.runToCompletion(options);
          return {
            exitCode: r.exitCode as number | null,
            output: `${r.stdout}${r.stderr}`,
            error: undefined,
          };
        } catch (err) {
          return { exitCode: null, output: '', error: errorMessage(err) };
        }
      });
      const durationMs = Date.now() - testStartedAt;
      testOutput = run.output;
      report.tests = {
        command: options.command?.join(' ') ?? '',
        where: 'container',
        image: opts.runnerImage,
        exitCode: run.exitCode,
        durationMs,
      };
      const digestError = await verifying;
      report.digestsVerified = digestError === undefined;
      checks.push(check('digests verified', digestError === undefined ? 'PASSED' : 'FAILED', 0, digestError));
      if (digestError !== undefined) failures.push(digestError);
      const json = await readJson(join(reportDir, REPORT_FILES.json));
      const parsed = json !== undefined ? playwrightChecks(json) : undefined;
      if (parsed !== undefined) {
        checks.push(...parsed.checks);
        report.playwright.counts = parsed.counts;
      }
      if (run.exitCode !== 0) {
        const counts = parsed?.counts;
        const why =
          run.error ??
          (counts !== undefined && counts.failed > 0
            ? `${counts.failed} of ${counts.passed + counts.failed + counts.flaky} tests failed`
            : `playwright exited with code ${run.exitCode}`);
        failures.push(
          `E2E tests: ${why}${run.output === '' ? '' : `; last output lines:\n${tailLines(run.output, 20)}`}`,
        );
        if (parsed === undefined || !parsed.checks.some((c) => c.result === 'FAILED')) {
          checks.push(check('playwright', 'FAILED', durationMs, why));
        }
      } else if (parsed === undefined) {
        checks.push(check('playwright', 'PASSED', durationMs, 'no JSON report'));
      }
    }
  }

  const passed = failures.length === 0;
  report.result = passed ? 'passed' : 'failed';
  if (!passed) report.failure = failures.join('\n');

  if (!passed) {
    await group('Collect the stack bundle', async () => {
      const bundle = join(reportDir, REPORT_FILES.stackBundle);
      try {
        await stack.collectBundle(bundle, opts.signingKey !== undefined ? { redact: [opts.signingKey] } : {});
        if (testOutput !== '') await writeFile(join(bundle, 'playwright.log'), testOutput);
        report.bundle = bundle;
      } catch (err) {
        log(`could not collect the stack bundle: ${errorMessage(err)}`);
      }
    });
  }

  if (target.kind === 'stack') {
    await group(`Tear down stack ${project}`, async () => {
      try {
        await stack.down({ volumes: 'all', stopTimeoutS: 5 });
      } catch (err) {
        log(`teardown left something behind (the post step retries): ${errorMessage(err)}`);
      }
    });
  }

  const outcome: E2eOutcome = { report, reportDir };
  await group('Evidence', async () => {
    const stored = await writeAndStoreEvidence({
      images,
      env,
      checks,
      passed,
      path: join(outDir, 'evidence.dsse.json'),
      clientFor: opts.registryFor ?? ((registry: string) => new RegistryClient({ registry, log })),
      log,
      ...(opts.signingKey !== undefined ? { signingKey: opts.signingKey } : {}),
    });
    outcome.evidencePath = stored.evidence.path;
    report.evidence = stored.evidence;
    if (stored.error !== undefined) outcome.evidenceError = stored.error;
  });

  const lanePath = join(reportDir, REPORT_FILES.lane);
  report.durationMs = Date.now() - started;
  await writeFile(lanePath, `${JSON.stringify(report, null, 2)}\n`);
  if (opts.upload !== undefined) {
    const result = await group(`Upload the report as artifact ${opts.artifactName}`, () =>
      opts.upload!(opts.artifactName, reportDir),
    );
    report.artifact = { name: opts.artifactName, ...result };
    report.durationMs = Date.now() - started;
    await writeFile(lanePath, `${JSON.stringify(report, null, 2)}\n`);
  }
  return outcome;
}

/** Why the step fails, or undefined when it passed. */
export function e2eFailureMessage(outcome: E2eOutcome): string | undefined {
  const parts = [outcome.report.failure, outcome.evidenceError].filter((p): p is string => p !== undefined);
  return parts.length === 0 ? undefined : parts.join('\n');
}

/**
 * The post step: removes a stack main started (it was cancelled, or crashed before its own
 * teardown). A stack main only attached to is never touched.
 * @throws CleanupError when something could not be removed
 */
export async function teardownE2e(
  engine: ContainerEngine,
  project: string,
  log: (line: string) => void = () => undefined,
): Promise<string> {
  if (project === '') return 'nothing to tear down: main started no stack';
  return (await teardownLaneStack(engine, project, log))
    ? `stack ${project} removed`
    : `stack ${project}: nothing left to remove`;
}

/** Resolves the tests input against the workspace and checks that it is a directory. */
export async function resolveTestsDir(path: string, workspace: string, input: string): Promise<string> {
  const dir = resolve(workspace, path);
  const isDir = await stat(dir).then(
    (st) => st.isDirectory(),
    () => false,
  );
  if (!isDir) {
    throw new InputError(
      input,
      `input "${input}": ${path} is not a directory (resolved against ${workspace})`,
    );
  }
  return dir;
}
