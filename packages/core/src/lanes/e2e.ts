/**
 * The browser E2E lane: Playwright from a dedicated, digest-pinned runner image (Debian's chromium,
 * node and a pinned @playwright/test under /opt/playwright) runs in a container on the stack's
 * network against `http://<service>:<port>`. It runs the shared lane pipeline (pipeline.ts) with the
 * Playwright tester (e2e-tester.ts), and adds what E2E needs before it: the Playwright version check
 * (playwright-version.ts), the runner image's user and a writable report directory (e2e-runner.ts),
 * attaching to a stack that is already running (attach.ts); and after it, the report directory
 * uploaded as an artifact.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ContainerEngine } from '../engine/engine.js';
import { InputError } from '../errors.js';
import type { EvidenceRegistry } from '../evidence/registry.js';
import type { ImageSet } from '../inputs.js';
import { pinnedReference } from '../reference.js';
import { silentLog, type Log } from '../log.js';
import type { StackSpec } from '../stack/compose/types.js';
import type { Stack } from '../stack/stack.js';
import { group } from '../summary.js';
import { attachToNetwork } from './attach.js';
import { laneCheck } from './check.js';
import { prepareReportDir, prepareTestsCopy, REPORT_FILES, runnerUser } from './e2e-runner.js';
import { playwrightTester } from './e2e-tester.js';
import { assertEvidencePossible } from './evidence.js';
import { laneProjectName } from './names.js';
import { runLane, type LaneStack } from './pipeline.js';
import {
  checkPlaywrightVersions,
  inspectRunnerImage,
  PLAYWRIGHT_PACKAGE,
  readTestsPlaywrightVersion,
} from './playwright-version.js';
import type { PlaywrightCounts } from './playwright-report.js';
import { newLaneReport, type LaneReport } from './report.js';
import { teardownLaneStack } from './teardown.js';

/** Prefix of e2e-run project names (`e2e-<run id>-<random>`). */
export const E2E_PROJECT_PREFIX = 'e2e';

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

/** A request to run the E2E lane: the inputs, read and validated. */
export interface E2eRequest {
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
  /** The report directory's artifact name (uploaded only with an `upload` dep). */
  artifactName: string;
  /** Input names for messages. */
  inputs?: { tests?: string; network?: string; images?: string; baseUrlService?: string };
}

/** Collaborators of {@link runE2e}; tests swap them. */
export interface E2eDeps {
  engine: ContainerEngine;
  /** Called with the project of a stack this run starts, before anything is created. */
  onProject?: (project: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Uploads the report directory as `artifactName`; undefined keeps it on disk only. */
  upload?: UploadReport;
  registryFor?: (registry: string) => EvidenceRegistry;
  pollMs?: number;
  log?: Log;
}

/** The stack under test, the image set it runs and its project, before the pipeline starts. */
interface E2eSubject {
  stack: LaneStack;
  images: ImageSet;
  project: string;
}

/** Attaches to the stack on the target network, or names the stack this run starts. */
async function e2eSubject(
  request: E2eRequest,
  deps: E2eDeps,
  names: { network: string; images: string },
  log: Log,
): Promise<E2eSubject> {
  const { target } = request;
  const env = deps.env ?? process.env;
  if (target.kind === 'network') {
    const found = await attachToNetwork(deps.engine, target, names.network, names.images);
    const stack: Stack = found.stack;
    assertEvidencePossible('e2e', found.images, env);
    log.info(`attached to stack ${stack.project} on ${target.network}; it is left running afterwards`);
    return { stack: { attached: stack }, images: found.images, project: stack.project };
  }
  const project = laneProjectName(E2E_PROJECT_PREFIX, env.GITHUB_RUN_ID);
  deps.onProject?.(project);
  return {
    stack: {
      start: target.spec,
      readinessTimeoutMs: request.readinessTimeoutMs ?? 120_000,
      ...(deps.pollMs !== undefined ? { pollMs: deps.pollMs } : {}),
    },
    images: target.images,
    project,
  };
}

/**
 * The checks before anything is created: the Playwright versions of runner image and tests (the
 * image pulled if needed), then, for a stack to start, the evidence subjects and the base service.
 * @returns the version check and the uid/gid the runner image runs as
 */
async function preflight(
  request: E2eRequest,
  deps: E2eDeps,
  names: { tests: string; baseUrlService: string },
  log: Log,
): Promise<{
  versionCheck: ReturnType<typeof laneCheck>;
  version: string;
  user: { uid: number; gid: number };
}> {
  const { engine } = deps;
  const { target } = request;
  const testsVersion = await readTestsPlaywrightVersion(request.testsDir, request.testsShownAs, names.tests);
  const runner = await inspectRunnerImage(engine, request.runnerImage, log);
  checkPlaywrightVersions({
    runnerImage: request.runnerImage,
    runnerVersion: runner.playwrightVersion,
    tests: request.testsShownAs,
    testsVersion,
  });
  log.info(`${PLAYWRIGHT_PACKAGE} ${testsVersion} in both the runner image and ${request.testsShownAs}`);
  if (target.kind === 'stack') {
    assertEvidencePossible('e2e', target.images, deps.env ?? process.env);
    if (!target.spec.services.some((s) => s.name === request.baseUrlService)) {
      throw new InputError(
        names.baseUrlService,
        `input "${names.baseUrlService}": ${target.spec.source} has no service ${JSON.stringify(request.baseUrlService)} (services: ${target.spec.services.map((s) => s.name).join(', ')})`,
      );
    }
  }
  return {
    versionCheck: laneCheck(`playwright version ${testsVersion} (runner image and tests)`, 'PASSED', 0),
    version: testsVersion,
    user: await runnerUser(engine, request.runnerImage, runner.user),
  };
}

/** The E2E report in its starting state: the lane's report with the target and Playwright. */
function startingReport(
  request: E2eRequest,
  subject: E2eSubject,
  o: { engine: string; version: string; reportDir: string; started: number },
): E2eReport {
  const { target } = request;
  const { lane, ...base } = newLaneReport({
    lane: 'e2e',
    project: subject.project,
    engine: o.engine,
    stack: target.kind === 'stack' ? target.spec.source : `attached: network ${target.network}`,
    images: subject.images,
    services:
      target.kind === 'stack'
        ? target.spec.services.map((s) => ({ name: s.name, image: pinnedReference(s.image) }))
        : [],
    started: o.started,
  });
  // `target` second, as the report has always listed it.
  return {
    lane,
    target: target.kind,
    ...base,
    playwright: { runnerImage: request.runnerImage, version: o.version, reportDir: o.reportDir },
  };
}

/**
 * Runs the E2E lane. Order: the Playwright versions of runner image and tests are compared (the
 * image pulled if needed) before anything is created; then the stack starts (or the running one on
 * `network` is found), Playwright runs in the runner image on the stack network, evidence is
 * written and stored next to every tested digest, the stack is torn down (never an attached one),
 * and the report directory is uploaded.
 *
 * Never throws for failing tests or a stack that does not start: the outcome says `failed`.
 * @throws InputError / Error for problems found before anything started (version mismatch, a
 *   runner image without the version label, a missing commit for the evidence, a bad network)
 */
export async function runE2e(request: E2eRequest, deps: E2eDeps): Promise<E2eOutcome> {
  const log = deps.log ?? silentLog;
  const env = deps.env ?? process.env;
  const { engine } = deps;
  const { target } = request;
  const names = {
    tests: request.inputs?.tests ?? 'tests',
    network: request.inputs?.network ?? 'network',
    images: request.inputs?.images ?? 'images',
    baseUrlService: request.inputs?.baseUrlService ?? 'base-url-service',
  };
  const started = Date.now();
  const checked = await preflight(request, deps, names, log);
  const subject = await e2eSubject(request, deps, names, log);
  const { project, images } = subject;

  const outDir = join(
    request.tempDir,
    'digestline-e2e-run',
    target.kind === 'stack' ? project : `${project}-${Date.now()}`,
  );
  const reportDir = join(outDir, 'report');
  const testsCopy = join(outDir, 'tests');
  await mkdir(outDir, { recursive: true });
  await prepareTestsCopy(request.testsDir, testsCopy);
  log.info(`report directory ${reportDir}: ${await prepareReportDir(reportDir, checked.user)}`);

  const report = startingReport(request, subject, {
    engine: engine.kind,
    version: checked.version,
    reportDir,
    started,
  });
  const tester = playwrightTester({
    engine,
    runnerImage: request.runnerImage,
    baseUrlService: request.baseUrlService,
    baseUrlInput: names.baseUrlService,
    retries: request.retries,
    testsCopy,
    reportDir,
    user: checked.user,
    initialChecks: [checked.versionCheck],
    playwright: report.playwright,
    log,
  });
  const lanePath = join(reportDir, REPORT_FILES.lane);
  const ran = await runLane(
    {
      engine,
      stack: subject.stack,
      images,
      project,
      report,
      started,
      keepOnFailure: false,
      outDir,
      reportPath: lanePath,
      bundle: {
        dir: join(reportDir, REPORT_FILES.stackBundle),
        title: 'Collect the stack bundle',
        noun: 'stack bundle',
        testLog: 'playwright.log',
      },
      env,
      log,
      ...(request.signingKey !== undefined ? { signingKey: request.signingKey } : {}),
      ...(deps.registryFor !== undefined ? { registryFor: deps.registryFor } : {}),
    },
    tester,
  );
  const outcome: E2eOutcome = { report, reportDir };
  if (ran.evidencePath !== undefined) outcome.evidencePath = ran.evidencePath;
  if (ran.evidenceError !== undefined) outcome.evidenceError = ran.evidenceError;

  if (deps.upload !== undefined) {
    const upload = deps.upload;
    const result = await group(`Upload the report as artifact ${request.artifactName}`, () =>
      upload(request.artifactName, reportDir),
    );
    report.artifact = { name: request.artifactName, ...result };
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
  log: Log = silentLog,
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
