/**
 * The one pipeline every stack lane runs: prepare → start the stack (or attach to a running one) →
 * run the tester while the digests are verified → collect the failure bundle → publish evidence →
 * tear down → write the report. What differs between lanes is the tester (command tests for
 * integration-test, Playwright for e2e-run), plugged in as a {@link LaneTester}.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerEngine } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import type { Check } from '../evidence/statement.js';
import type { EvidenceRegistry } from '../evidence/registry.js';
import type { ImageSet } from '../inputs.js';
import type { Log } from '../log.js';
import type { StackSpec } from '../stack/compose/types.js';
import { pinnedReference } from '../reference.js';
import { hostAccessCheck } from '../stack/host-access.js';
import { Stack, StackStartError } from '../stack/stack.js';
import type { ServiceStatus } from '../stack/status.js';
import { group } from '../summary.js';
import { laneCheck } from './check.js';
import { assertEvidencePossible, publishLaneEvidence } from './evidence.js';
import { serviceUrls, type ServiceUrls, type TestsWhere } from './names.js';
import {
  readinessOf,
  reportServices,
  type LaneOutcome,
  type LaneReport,
  type UploadDirectory,
} from './report.js';
import { tearDownOrKeep } from './teardown.js';

/**
 * How long after starting the tests the digest check begins (or when they end, if sooner). The check
 * runs engine processes of its own; started with the tests they compete, on a small runner, with the
 * engine starting the test container, which delays the tests' first line.
 */
export const VERIFY_AFTER_TESTS_MS = 150;

/** What a tester did: the report's `tests`, its output (for the bundle), its checks and failures. */
export interface TesterRun {
  tests: NonNullable<LaneReport['tests']>;
  output: string;
  checks: Check[];
  failures: string[];
}

/** A tester's decision once the stack is ready: run, or skip with a reason. */
export type TesterPlan =
  { run: (testStartedAt: number) => Promise<TesterRun> } | { skip: { failure: string; check: Check } };

/** The lane-specific part of the pipeline: what runs against the ready stack. */
export interface LaneTester {
  /** Where the tests run, which decides the `<SERVICE>_URL`s they get. */
  where: TestsWhere;
  /** An image that can probe ports on the stack network (Stack.up's `probeImage`). */
  probeImage?: string;
  /** Checks the evidence starts with (found before the pipeline ran). */
  initialChecks?: Check[];
  /** Checks recorded as SKIPPED when the stack does not start. */
  skippedWhenNotStarted: string[];
  /** Before the stack starts (e.g. pulling the test image). */
  prepare?(): Promise<void>;
  /** Called by Stack.up as the services start (e.g. to create the test container meanwhile). */
  onStarting?(stack: Stack): void;
  /** The stack did not start: drop what was prepared, before the bundle is collected. */
  onStartFailed?(): Promise<void>;
  /** With the stack ready: run the tests, or say why they cannot run. */
  plan(stack: Stack, statuses: readonly ServiceStatus[], urls: ServiceUrls): Promise<TesterPlan>;
}

/** The failure bundle: where it goes and what it is called. */
export interface BundleOptions {
  dir: string;
  /** Log group title. */
  title: string;
  /** Named in log lines (`failure bundle`, `stack bundle`). */
  noun: string;
  /** File in the bundle the tester's output is written to. */
  testLog: string;
  /** Uploads the bundle as this artifact (with `upload`); else it stays on disk only. */
  artifact?: string;
}

/** The stack the lane runs against: one it starts from a spec, or one already running. */
export type LaneStack =
  { start: StackSpec; readinessTimeoutMs: number; pollMs?: number } | { attached: Stack };

/** Options of {@link runLane}. */
export interface LaneOptions<R extends LaneReport> {
  engine: ContainerEngine;
  stack: LaneStack;
  images: ImageSet;
  project: string;
  /** The report in its starting state (see newLaneReport); the pipeline fills it in. */
  report: R;
  /** When the lane started (epoch ms), for the report's duration. */
  started: number;
  keepOnFailure: boolean;
  /** Where the evidence (`evidence.dsse.json`) goes. */
  outDir: string;
  reportPath: string;
  bundle: BundleOptions;
  signingKey?: string;
  /** Env the commit, repository and run URL are read from (`GITHUB_*`). */
  env: NodeJS.ProcessEnv;
  registryFor?: (registry: string) => EvidenceRegistry;
  upload?: UploadDirectory;
  log: Log;
}

/** Where the pipeline stands between its steps. */
interface LaneState {
  checks: Check[];
  failures: string[];
  testOutput: string;
}

/**
 * Runs a stack lane from start to teardown. Never throws for a failing stack or failing tests: the
 * outcome says `failed` (with `failure`), so the caller can still set outputs and write a summary.
 * Throws only for problems found before anything started (a stack the engine cannot plan, an image
 * that cannot be pulled) and for evidence that cannot even be built (e.g. no commit known).
 */
export async function runLane<R extends LaneReport>(
  opts: LaneOptions<R>,
  tester: LaneTester,
): Promise<LaneOutcome<R>> {
  const { report, log } = opts;
  assertEvidencePossible(report.lane, opts.images, opts.env);
  await mkdir(opts.outDir, { recursive: true });
  await tester.prepare?.();
  const state: LaneState = { checks: [...(tester.initialChecks ?? [])], failures: [], testOutput: '' };

  const started = await startStack(opts, tester, state);
  if (started.ready) await runTester(started.stack, tester, report, state);
  const stack = started.stack;

  // What the stack was allowed to do to the host, for a verifier (an attached stack is someone else's).
  if ('start' in opts.stack) state.checks.push(hostAccessCheck(opts.stack.start));
  const passed = state.failures.length === 0;
  report.result = passed ? 'passed' : 'failed';
  if (!passed) report.failure = state.failures.join('\n');
  const outcome: LaneOutcome<R> = { report, reportPath: opts.reportPath, kept: false };

  if (!passed) {
    const bundle = await collectBundle(stack, opts, state.testOutput);
    if (bundle !== undefined) outcome.bundlePath = bundle;
  }

  await group('Evidence', async () => {
    const published = await publishLaneEvidence({
      lane: report.lane,
      images: opts.images,
      env: opts.env,
      checks: state.checks,
      passed,
      path: join(opts.outDir, 'evidence.dsse.json'),
      log,
      ...(opts.signingKey !== undefined ? { signingKey: opts.signingKey } : {}),
      ...(opts.registryFor !== undefined ? { registryFor: opts.registryFor } : {}),
    });
    outcome.evidencePath = published.evidence.path;
    report.evidence = published.evidence;
    if (published.error !== undefined) outcome.evidenceError = published.error;
  });

  // A stack this run only attached to belongs to someone else: it is never torn down.
  if ('start' in opts.stack) outcome.kept = await tearDownOrKeep(stack, !passed && opts.keepOnFailure, log);

  report.durationMs = Date.now() - opts.started;
  await writeFile(opts.reportPath, `${JSON.stringify(report, null, 2)}\n`);
  return outcome;
}

/**
 * The images the stack ran beside the images under test (a tag resolved at start included, as its
 * digest), `also ran db=registry/repo@sha256:…, …`, for the evidence; undefined when there are none.
 */
function stackReadyDetail(spec: StackSpec, images: ImageSet): string | undefined {
  const others = spec.services
    .filter((s) => !images.some((i) => i.name === s.name))
    .map((s) => `${s.name}=${pinnedReference(s.image)}`);
  return others.length > 0 ? `also ran ${others.join(', ')}` : undefined;
}

/** Starts the stack (or takes the attached one); a stack that does not start fails the lane. */
async function startStack<R extends LaneReport>(
  opts: LaneOptions<R>,
  tester: LaneTester,
  state: LaneState,
): Promise<{ stack: Stack; ready: boolean }> {
  if ('attached' in opts.stack) return { stack: opts.stack.attached, ready: true };
  const { start: spec, readinessTimeoutMs, pollMs } = opts.stack;
  const checkName = `stack ready: ${spec.services.length} services`;
  const t0 = Date.now();
  try {
    const stack = await group(`Start stack ${opts.project} (${spec.services.length} services)`, () =>
      Stack.up({
        project: opts.project,
        engine: opts.engine,
        spec,
        readiness: { timeoutMs: readinessTimeoutMs, ...(pollMs !== undefined ? { pollMs } : {}) },
        ...(tester.probeImage !== undefined ? { probeImage: tester.probeImage } : {}),
        ...(tester.onStarting !== undefined ? { onStarting: (s: Stack) => tester.onStarting?.(s) } : {}),
        log: opts.log,
      }),
    );
    state.checks.push(laneCheck(checkName, 'PASSED', Date.now() - t0, stackReadyDetail(spec, opts.images)));
    return { stack, ready: true };
  } catch (err) {
    if (!(err instanceof StackStartError)) throw err;
    state.failures.push(err.message);
    state.checks.push(laneCheck(checkName, 'FAILED', Date.now() - t0, err.message));
    for (const name of tester.skippedWhenNotStarted)
      state.checks.push(laneCheck(name, 'SKIPPED', 0, 'the stack did not start'));
    // Never started: removed before the bundle is collected so that it shows only the stack.
    await tester.onStartFailed?.();
    return { stack: err.partialStack, ready: false };
  }
}

/**
 * Runs the tester against the ready stack. The digests are checked while the tests run: both must
 * pass, and neither needs the other, so the check stays off the path from "ready" to "tests
 * started" (it begins shortly after the start).
 */
async function runTester(
  stack: Stack,
  tester: LaneTester,
  report: LaneReport,
  state: LaneState,
): Promise<void> {
  // The last readiness check already saw every container; another inspect of each would only delay
  // the tests.
  const statuses = stack.readyStatuses ?? (await stack.inspect());
  const urls = serviceUrls(statuses, tester.where);
  report.services = reportServices(stack, statuses, urls.env);
  const plan = await tester.plan(stack, statuses, urls);
  if ('skip' in plan) {
    state.failures.push(plan.skip.failure);
    state.checks.push(plan.skip.check);
    return;
  }
  let beginVerifying!: () => void;
  const verifyGate = new Promise<void>((resolve) => (beginVerifying = resolve));
  const verifying = (async (): Promise<{ check: Check; error?: string }> => {
    await verifyGate;
    const t0 = Date.now();
    try {
      await stack.verifyDigests();
      return { check: laneCheck('digests verified', 'PASSED', Date.now() - t0) };
    } catch (err) {
      const error = errorMessage(err);
      return { check: laneCheck('digests verified', 'FAILED', Date.now() - t0, error), error };
    }
  })();
  const testStartedAt = Date.now();
  report.readiness = readinessOf(stack, testStartedAt);
  const verifyTimer = setTimeout(beginVerifying, VERIFY_AFTER_TESTS_MS);
  const run = await plan.run(testStartedAt).finally(() => {
    clearTimeout(verifyTimer);
    beginVerifying();
  });
  state.testOutput = run.output;
  report.tests = run.tests;
  const verified = await verifying;
  report.digestsVerified = verified.error === undefined;
  state.checks.push(verified.check, ...run.checks);
  if (verified.error !== undefined) state.failures.push(verified.error);
  state.failures.push(...run.failures);
}

/**
 * Collects the failure bundle (the stack's logs and state, the tests' output), uploading it when
 * asked to. Never throws: a bundle that cannot be collected is logged.
 * @returns the bundle directory, or undefined when it could not be collected
 */
async function collectBundle<R extends LaneReport>(
  stack: Stack,
  opts: LaneOptions<R>,
  testOutput: string,
): Promise<string | undefined> {
  const { bundle, report, log } = opts;
  return group(bundle.title, async () => {
    try {
      await stack.collectBundle(
        bundle.dir,
        opts.signingKey !== undefined ? { redact: [opts.signingKey] } : {},
      );
      if (testOutput !== '') await writeFile(join(bundle.dir, bundle.testLog), testOutput);
      report.bundle = bundle.dir;
      log.info(`${bundle.noun}: ${bundle.dir}`);
      if (opts.upload !== undefined && bundle.artifact !== undefined) {
        report.bundleArtifact = await opts.upload(bundle.artifact, bundle.dir);
        log.info(
          report.bundleArtifact.uploaded
            ? `uploaded the bundle as artifact ${bundle.artifact}`
            : `bundle not uploaded: ${report.bundleArtifact.reason ?? 'no reason given'}`,
        );
      }
      return bundle.dir;
    } catch (err) {
      log.info(`could not collect the ${bundle.noun}: ${errorMessage(err)}`);
      return undefined;
    }
  });
}
