/**
 * The shape every stack lane shares (integration-test now, e2e-run next): start the images under
 * test as a stack on a fresh network, wait until ready, run a test command (in a container on that
 * network, or on the runner against loopback ports), verify that the containers ran the given
 * digests, collect a failure bundle, write a report and signed evidence stored next to each digest,
 * and tear the stack down unless the caller keeps a failed one for debugging.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerEngine, RunOptions } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import { envelopeOf, signEnvelope, type DsseEnvelope } from '../evidence/dsse.js';
import { laneStatement, type Check, type EvidenceImage } from '../evidence/statement.js';
import { storeEvidence, type EvidenceRegistry, type StoredEvidence } from '../evidence/store.js';
import { defaultExec, tailLines, type Exec } from '../exec.js';
import type { ImageSet } from '../inputs.js';
import { formatReference, parseReference } from '../reference.js';
import { isLoopbackHost, RegistryClient } from '../registry/client.js';
import type { StackSpec } from '../stack/spec.js';
import {
  ROLE_LABEL,
  STACK_LABEL,
  Stack,
  StackStartError,
  type ReadinessMode,
  type ServiceStatus,
} from '../stack/stack.js';
import { group } from '../summary.js';

/** The lanes that run a stack. */
export type StackLane = 'integration' | 'e2e';

/** `ROLE_LABEL` value of the container the tests run in. */
export const TESTS_ROLE = 'tests';

/**
 * How long after starting the tests the digest check begins (or when they end, if sooner). The check
 * runs engine processes of its own; started with the tests they compete, on a small runner, with the
 * engine starting the test container, which delays the tests' first line.
 */
export const VERIFY_AFTER_TESTS_MS = 150;

/**
 * A project name unique per run and attempt: `<prefix>-<run id>-<random>`, lower case, so that two
 * jobs on one runner host (or a re-run) never share a network, container or volume name.
 */
export function laneProjectName(prefix: string, runId: string | undefined, random = randomBytes(3)): string {
  const run = (runId ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');
  return `${prefix}-${run === '' ? 'local' : run.slice(0, 20)}-${random.toString('hex')}`;
}

/** The env variable a service's URL is injected as: `web-ui` → `WEB_UI_URL`. */
export function urlEnvName(service: string): string {
  return `${service.toUpperCase().replace(/-/g, '_')}_URL`;
}

/**
 * The `<SERVICE>_URL` variables for the tests: internal URLs (`http://backend:8080`) for tests in a
 * container on the stack network, published loopback URLs for tests on the runner. Services
 * without such a URL (no port; on the runner: no published port) get none, and are listed in `missing`.
 */
export function serviceUrls(
  statuses: readonly ServiceStatus[],
  where: 'container' | 'runner',
): { env: Record<string, string>; missing: string[] } {
  const env: Record<string, string> = {};
  const missing: string[] = [];
  for (const s of statuses) {
    const url = where === 'container' ? s.urls.internal : s.urls.published;
    if (url === undefined) missing.push(s.service);
    else env[urlEnvName(s.service)] = url;
  }
  return { env, missing };
}

/** Where and how the test command runs. */
export interface LaneTests {
  /** A shell command (`sh -c`), as a workflow's `run:` would be. */
  command: string;
  /** Image to run it in on the stack network; undefined runs it on the runner. */
  image?: string;
  /** Mounted read-only at the same path into the test container, and the working directory. */
  workspace: string;
  /** Optional limit for the test command. */
  timeoutMs?: number;
}

/**
 * `run` options of the test container: on the stack network, the workspace mounted read-only at the
 * same path and used as working directory, the image's entrypoint cleared so that `sh -c` runs the
 * command whatever the image's ENTRYPOINT, labelled with the stack so that `down` removes it too.
 */
export function testContainerOptions(
  project: string,
  network: string,
  tests: LaneTests & { image: string },
  env: Record<string, string>,
): RunOptions {
  return {
    image: tests.image,
    name: `${project}-tests`,
    network,
    rm: true,
    env,
    volumes: [{ source: tests.workspace, target: tests.workspace, readonly: true }],
    workdir: tests.workspace,
    entrypoint: '',
    labels: { [STACK_LABEL]: project, [ROLE_LABEL]: TESTS_ROLE },
    command: ['sh', '-c', tests.command],
  };
}

/** Per-service line of the report. */
export interface ReportService {
  name: string;
  /** The digest reference the service must run. */
  image: string;
  container?: string;
  /** The URL the tests were given. */
  url?: string;
  readiness?: ReadinessMode;
  startedAt?: number;
  readyAt?: number;
  /** From `run` returning to readiness observed. */
  readyAfterMs?: number;
}

/** The JSON report (output `report`). */
export interface LaneReport {
  lane: StackLane;
  project: string;
  engine: string;
  stack: string;
  result: 'passed' | 'failed';
  /** The image set under test: the evidence subjects. */
  images: Array<{ name: string; reference: string; digest: string }>;
  services: ReportService[];
  /** Whether inspect showed every container running its digest; null when not checked. */
  digestsVerified: boolean | null;
  /** Null when the stack never became ready. */
  readiness: {
    /** `up` from first container to all ready. */
    upMs: number;
    /** The last service was observed ready (epoch ms). */
    lastReadyAt: number;
    /** The test command was started (epoch ms). */
    testStartedAt: number;
    /** testStartedAt − lastReadyAt. */
    latencyMs: number;
  } | null;
  tests: {
    command: string;
    where: 'container' | 'runner';
    image?: string;
    exitCode: number | null;
    durationMs: number;
  } | null;
  startedAt: string;
  durationMs: number;
  failure?: string;
  bundle?: string;
  bundleArtifact?: { uploaded: boolean; reason?: string };
  evidence?: { path: string; signed: boolean; stored: Array<StoredEvidence & { repository: string }> };
}

/** What {@link runStackLane} hands back. */
export interface LaneOutcome {
  report: LaneReport;
  reportPath: string;
  /** Failure bundle directory (only when failed). */
  bundlePath?: string;
  evidencePath?: string;
  /** The stack was left running (keep-on-failure). */
  kept: boolean;
  /** Storing evidence failed: the step must fail even when the tests passed. */
  evidenceError?: string;
}

/** Uploads a directory as a workflow artifact (core's artifacts.ts). */
export type UploadDirectory = (name: string, dir: string) => Promise<{ uploaded: boolean; reason?: string }>;

/** Options of {@link runStackLane}. */
export interface StackLaneOptions {
  lane: StackLane;
  engine: ContainerEngine;
  spec: StackSpec;
  images: ImageSet;
  project: string;
  tests: LaneTests;
  readinessTimeoutMs: number;
  keepOnFailure: boolean;
  /** Report, bundle and evidence go here. */
  outDir: string;
  signingKey?: string;
  /** Env the commit, repository and run URL are read from (`GITHUB_*`). */
  env?: NodeJS.ProcessEnv;
  /** Registry client for a registry host; default: a `RegistryClient` with docker/podman credentials. */
  registryFor?: (registry: string) => EvidenceRegistry;
  /** Uploads the failure bundle; without it the bundle stays on disk only. */
  upload?: UploadDirectory;
  /** Runs the test command on the runner (tests without an image). */
  exec?: Exec;
  /** Readiness poll interval (default Stack's 100 ms). */
  pollMs?: number;
  log?: (line: string) => void;
}

function isLoopbackRegistry(registry: string): boolean {
  try {
    return isLoopbackHost(new URL(`http://${registry}`).hostname);
  } catch {
    return false;
  }
}

/** Makes sure the test image is local (pulling it the way Stack pulls service images). */
async function ensureImage(engine: ContainerEngine, ref: string, log: (line: string) => void): Promise<void> {
  try {
    await engine.inspectImage(ref);
  } catch {
    log(`pulling test image ${ref}`);
    let insecure = false;
    try {
      insecure = isLoopbackRegistry(parseReference(ref).registry);
    } catch {
      // An unparsable reference is the engine's to reject, with its own message.
    }
    await engine.pull(ref, { insecure });
  }
}

/** The evidence subjects of an image set. */
export function evidenceImages(images: ImageSet): EvidenceImage[] {
  return images.map((e) => ({
    name: e.name,
    digest: e.ref.digest as string,
    repository: `${e.ref.registry}/${e.ref.repository}`,
  }));
}

function check(name: string, result: Check['result'], durationMs: number, detail?: string): Check {
  const c: Check = { name, result, durationMs: Math.max(0, durationMs) };
  if (detail !== undefined && detail !== '')
    c.detail = detail.length > 500 ? `${detail.slice(0, 497)}...` : detail;
  return c;
}

/**
 * Runs a stack lane from start to teardown. Never throws for a failing stack or failing tests: the
 * outcome says `failed` (with `failure`), so the caller can still set outputs and write a summary.
 * Throws only for problems found before anything started (a stack the engine cannot plan, an image
 * that cannot be pulled) and for evidence that cannot even be built (e.g. no commit known).
 */
export async function runStackLane(opts: StackLaneOptions): Promise<LaneOutcome> {
  const log = opts.log ?? (() => undefined);
  const { engine, spec, project, tests } = opts;
  const started = Date.now();
  const env = opts.env ?? process.env;
  const where: 'container' | 'runner' = tests.image !== undefined ? 'container' : 'runner';
  // Built once up front with no checks, so that a missing commit fails before anything starts.
  const subjects = evidenceImages(opts.images);
  laneStatement({ lane: opts.lane, images: subjects, env, checks: [] });
  await mkdir(opts.outDir, { recursive: true });

  const report: LaneReport = {
    lane: opts.lane,
    project,
    engine: engine.kind,
    stack: spec.source,
    result: 'failed',
    images: opts.images.map((e) => ({
      name: e.name,
      reference: formatReference(e.ref),
      digest: e.ref.digest as string,
    })),
    services: spec.services.map((s) => ({ name: s.name, image: s.image })),
    digestsVerified: null,
    readiness: null,
    tests: null,
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
  };
  const checks: Check[] = [];
  const failures: string[] = [];
  let testOutput = '';

  if (tests.image !== undefined) await ensureImage(engine, tests.image, log);

  // The test container is created while the services become ready and only started once they are:
  // `create` is most of the cost of a `run` that is not starting the process itself.
  let prepared: PreparedTests | undefined;
  const prepare = (s: Stack): void => {
    if (tests.image === undefined || engine.create === undefined || engine.startAttached === undefined)
      return;
    const env = urlsFromInternal(s.internalUrls());
    const options = testContainerOptions(s.project, s.network, { ...tests, image: tests.image }, env);
    const created = engine.create(options);
    created.catch(() => undefined);
    prepared = { name: options.name as string, env, created };
  };

  let startedStack: Stack | undefined;
  const upStarted = Date.now();
  try {
    startedStack = await group(`Start stack ${project} (${spec.services.length} services)`, () =>
      Stack.up({
        project,
        engine,
        spec,
        readiness: {
          timeoutMs: opts.readinessTimeoutMs,
          ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
        },
        ...(tests.image !== undefined ? { probeImage: tests.image } : {}),
        onStarting: prepare,
        log,
      }),
    );
    checks.push(check(`stack ready: ${spec.services.length} services`, 'PASSED', Date.now() - upStarted));
  } catch (err) {
    if (!(err instanceof StackStartError)) throw err;
    startedStack = err.partialStack;
    failures.push(err.message);
    checks.push(
      check(`stack ready: ${spec.services.length} services`, 'FAILED', Date.now() - upStarted, err.message),
    );
    checks.push(check('digests verified', 'SKIPPED', 0, 'the stack did not start'));
    checks.push(check(`tests: ${tests.command}`, 'SKIPPED', 0, 'the stack did not start'));
  }

  const stack: Stack = startedStack;

  if (failures.length > 0 && prepared !== undefined) {
    // Never started: removed before the bundle is collected so that it shows only the stack.
    await discardPrepared(engine, prepared);
    prepared = undefined;
  }

  if (failures.length === 0) {
    // The last readiness check already saw every container; another inspect of each would only delay
    // the tests.
    const statuses = stack.readyStatuses ?? (await stack.inspect());
    const urls = serviceUrls(statuses, where);
    if (prepared !== undefined && JSON.stringify(prepared.env) !== JSON.stringify(urls.env)) {
      // Cannot happen while internalUrls() and inspect() agree; if they ever do not, the tests get
      // what inspect says, in a container made now.
      await discardPrepared(engine, prepared);
      prepared = undefined;
    }
    const timings = Object.values(stack.timings);
    const lastReadyAt = Math.max(...timings.map((t) => t.readyAt));
    const firstStartedAt = Math.min(...timings.map((t) => t.startedAt));
    // Digests are checked while the tests run: both must pass, and neither needs the other, so the
    // check stays off the path from "ready" to "tests started" (it begins shortly after the start).
    let beginVerifying!: () => void;
    const verifyGate = new Promise<void>((resolve) => (beginVerifying = resolve));
    const verifying = (async (): Promise<{ check: Check; error?: string }> => {
      await verifyGate;
      const t0 = Date.now();
      try {
        await stack.verifyDigests();
        return { check: check('digests verified', 'PASSED', Date.now() - t0) };
      } catch (err) {
        const error = errorMessage(err);
        return { check: check('digests verified', 'FAILED', Date.now() - t0, error), error };
      }
    })();
    report.services = statuses.map((s) => {
      const timing = stack.timings[s.service];
      const line: ReportService = { name: s.service, image: s.image, container: s.container };
      const url = urls.env[urlEnvName(s.service)];
      if (url !== undefined) line.url = url;
      if (timing !== undefined) {
        line.readiness = timing.mode;
        line.startedAt = timing.startedAt;
        line.readyAt = timing.readyAt;
        line.readyAfterMs = timing.readyAt - timing.startedAt;
      }
      return line;
    });
    if (urls.missing.length > 0) {
      log(
        `no ${where === 'runner' ? 'published loopback' : 'internal'} URL for ${urls.missing.join(', ')}: ${
          where === 'runner'
            ? 'publish a port (ports: ["8080"]) to reach it from the runner'
            : 'it has no port'
        }`,
      );
    }

    const testStartedAt = Date.now();
    report.readiness = {
      upMs: lastReadyAt - firstStartedAt,
      lastReadyAt,
      testStartedAt,
      latencyMs: testStartedAt - lastReadyAt,
    };
    const verifyTimer = setTimeout(beginVerifying, VERIFY_AFTER_TESTS_MS);
    const run = await group(
      `Run tests (${where === 'container' ? `in ${tests.image}` : 'on the runner'})`,
      () => runTests(opts, stack, urls.env, log, prepared),
    ).finally(() => {
      clearTimeout(verifyTimer);
      beginVerifying();
    });
    testOutput = run.output;
    report.tests = {
      command: tests.command,
      where,
      ...(tests.image !== undefined ? { image: tests.image } : {}),
      exitCode: run.exitCode,
      durationMs: run.durationMs,
    };
    const verified = await verifying;
    report.digestsVerified = verified.error === undefined;
    checks.push(verified.check);
    if (verified.error !== undefined) failures.push(verified.error);
    if (run.exitCode === 0) {
      checks.push(check(`tests: ${tests.command}`, 'PASSED', run.durationMs));
    } else {
      const why = run.error ?? `exited with code ${run.exitCode}`;
      failures.push(
        `the tests ${why}${run.output === '' ? '' : `; last output lines:\n${tailLines(run.output, 15)}`}`,
      );
      checks.push(check(`tests: ${tests.command}`, 'FAILED', run.durationMs, why));
    }
  }

  const passed = failures.length === 0;
  report.result = passed ? 'passed' : 'failed';
  if (!passed) report.failure = failures.join('\n');
  const outcome: LaneOutcome = { report, reportPath: join(opts.outDir, 'report.json'), kept: false };

  if (!passed) {
    const bundle = join(opts.outDir, 'bundle');
    await group('Collect the failure bundle', async () => {
      try {
        await stack.collectBundle(bundle, opts.signingKey !== undefined ? { redact: [opts.signingKey] } : {});
        if (testOutput !== '') await writeFile(join(bundle, 'tests.log'), testOutput);
        outcome.bundlePath = bundle;
        report.bundle = bundle;
        log(`failure bundle: ${bundle}`);
        if (opts.upload !== undefined) {
          report.bundleArtifact = await opts.upload(`${opts.lane}-bundle-${project}`, bundle);
          log(
            report.bundleArtifact.uploaded
              ? `uploaded the bundle as artifact ${opts.lane}-bundle-${project}`
              : `bundle not uploaded: ${report.bundleArtifact.reason ?? 'no reason given'}`,
          );
        }
      } catch (err) {
        log(`could not collect the failure bundle: ${errorMessage(err)}`);
      }
    });
  }

  await group('Evidence', async () => {
    const statement = laneStatement({
      lane: opts.lane,
      images: subjects,
      env,
      checks,
      result: passed ? 'PASSED' : 'FAILED',
    });
    let envelope: DsseEnvelope = envelopeOf(statement);
    if (opts.signingKey !== undefined) envelope = signEnvelope(envelope, opts.signingKey);
    const path = join(opts.outDir, 'evidence.dsse.json');
    await writeFile(path, `${JSON.stringify(envelope, null, 2)}\n`);
    outcome.evidencePath = path;
    report.evidence = { path, signed: opts.signingKey !== undefined, stored: [] };
    const clients = new Map<string, EvidenceRegistry>();
    const clientFor =
      opts.registryFor ?? ((registry: string) => new RegistryClient({ registry, log: (line) => log(line) }));
    const problems: string[] = [];
    for (const entry of opts.images) {
      const { registry, repository } = entry.ref;
      const digest = entry.ref.digest as string;
      let client = clients.get(registry);
      if (client === undefined) {
        client = clientFor(registry);
        clients.set(registry, client);
      }
      try {
        const stored = await storeEvidence(client, repository, digest, envelope);
        report.evidence.stored.push({ ...stored, repository: `${registry}/${repository}` });
        log(
          `${opts.lane} evidence for ${entry.name} stored as ${registry}/${repository}@${stored.digest} (${stored.discoverableVia})`,
        );
      } catch (err) {
        problems.push(`${entry.name} (${registry}/${repository}@${digest}): ${errorMessage(err)}`);
      }
    }
    if (problems.length > 0)
      outcome.evidenceError = `could not store the evidence for ${problems.join('; ')}`;
  });

  if (!passed && opts.keepOnFailure) {
    outcome.kept = true;
    log(
      `keep-on-failure: stack ${project} keeps running (network ${stack.network}); remove it with: ${engine.bin} rm -f $(${engine.bin} ps -aq --filter label=${STACK_LABEL}=${project}) && ${engine.bin} network rm ${stack.network}`,
    );
  } else {
    await group(`Tear down stack ${project}`, async () => {
      try {
        await stack.down({ volumes: 'all', stopTimeoutS: 5 });
      } catch (err) {
        // The post step tries again and fails the job if it cannot either.
        log(`teardown left something behind (the post step retries): ${errorMessage(err)}`);
      }
    });
  }

  report.durationMs = Date.now() - started;
  await writeFile(outcome.reportPath, `${JSON.stringify(report, null, 2)}\n`);
  return outcome;
}

/** A test container created during `up`, started when the stack is ready. */
interface PreparedTests {
  name: string;
  /** The `<SERVICE>_URL` variables it was created with. */
  env: Record<string, string>;
  created: Promise<string>;
}

/** The container-side `<SERVICE>_URL` variables from {@link Stack.internalUrls}, as {@link serviceUrls} makes them. */
function urlsFromInternal(urls: ReadonlyArray<{ service: string; url?: string }>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const u of urls) if (u.url !== undefined) env[urlEnvName(u.service)] = u.url;
  return env;
}

/** Removes a prepared test container that will not be started (if it was created at all). */
async function discardPrepared(engine: ContainerEngine, prepared: PreparedTests): Promise<void> {
  try {
    await prepared.created;
  } catch {
    return;
  }
  await engine.remove(prepared.name, { force: true }).catch(() => undefined);
}

interface TestRun {
  exitCode: number | null;
  output: string;
  durationMs: number;
  /** Why the tests could not run to an exit code (timeout, could not start). */
  error?: string;
}

async function runTests(
  opts: StackLaneOptions,
  stack: Stack,
  urls: Record<string, string>,
  log: (line: string) => void,
  prepared?: PreparedTests,
): Promise<TestRun> {
  const { tests, engine } = opts;
  for (const [name, value] of Object.entries(urls)) log(`${name}=${value}`);
  const t0 = Date.now();
  const timeout = tests.timeoutMs !== undefined ? { timeoutMs: tests.timeoutMs } : {};
  let created = false;
  if (prepared !== undefined && engine.startAttached !== undefined) {
    try {
      await prepared.created;
      created = true;
    } catch (err) {
      // `run` below tries again and reports the engine's error if it fails the same way.
      log(`creating the test container failed (${errorMessage(err)}); running it in one step`);
      await engine.remove(prepared.name, { force: true }).catch(() => undefined);
    }
  }
  try {
    const r =
      created && prepared !== undefined && engine.startAttached !== undefined
        ? await engine.startAttached(prepared.name, timeout)
        : tests.image !== undefined
          ? await engine.runToCompletion(
              testContainerOptions(stack.project, stack.network, { ...tests, image: tests.image }, urls),
              timeout,
            )
          : await (opts.exec ?? defaultExec).exec('sh', ['-c', tests.command], {
              cwd: tests.workspace,
              env: urls,
              ignoreReturnCode: true,
              ...timeout,
            });
    return { exitCode: r.exitCode, output: `${r.stdout}${r.stderr}`, durationMs: Date.now() - t0 };
  } catch (err) {
    return { exitCode: null, output: '', durationMs: Date.now() - t0, error: errorMessage(err) };
  }
}

/**
 * Removes a lane's stack found by its project label (the post step: a new process). Nothing to do
 * when main already removed it.
 * @returns whether anything was found
 * @throws CleanupError when something could not be removed
 */
export async function teardownLaneStack(
  engine: ContainerEngine,
  project: string,
  log: (line: string) => void = () => undefined,
): Promise<boolean> {
  let stack: Stack;
  try {
    stack = await Stack.attach(project, engine);
  } catch (err) {
    if (/^no stack /.test(errorMessage(err))) return false;
    throw err;
  }
  log(`removing stack ${project} (containers, network ${stack.network}, volumes)`);
  await stack.down({ volumes: 'all', stopTimeoutS: 5 });
  return true;
}
