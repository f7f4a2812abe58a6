/**
 * integration-test's tester: a shell command run in a container on the stack network (with the
 * services' internal URLs), or on the runner (with their published loopback URLs). In a container,
 * the test container is created while the services become ready and only started once they are.
 */
import { HostLauncher } from '../checks/host.js';
import { formatDuration } from '../checks/run.js';
import type { ContainerEngine, RunOptions } from '../engine/engine.js';
import { finishStagedRun, stageRunMounts, type StagedRun } from '../engine/staging.js';
import { errorMessage } from '../errors.js';
import { tailLines, type Exec } from '../exec.js';
import type { Log } from '../log.js';
import { parseReference } from '../reference.js';
import { isLoopbackRegistry } from '../registry/loopback.js';
import type { Stack } from '../stack/stack.js';
import { CONTAINER_ROLE_LABEL, joinNetworks, STACK_LABEL } from '../stack/labels.js';
import { group } from '../summary.js';
import {
  describeHostIsolation,
  keyIsolationCheck,
  prepareHostUser,
  type HostIsolation,
  type IsolationInputs,
  type PreparedHostUser,
} from '../user-code.js';
import { laneCheck } from './check.js';
import { urlEnvName, type ServiceUrls } from './names.js';
import type { LaneTester, TesterPlan, TesterRun } from './pipeline.js';

/** `CONTAINER_ROLE_LABEL` value of the container the tests run in. */
export const TESTS_ROLE = 'tests';

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
  /**
   * On the runner (no image): the command's environment (already without inputs, runner tokens and
   * key material; the service URLs come on top) and how it is kept from the signing key.
   */
  host?: { env: Record<string, string>; isolation: HostIsolation; inputs: IsolationInputs };
}

/**
 * `run` options of the test container: on the stack network, the workspace mounted read-only at the
 * same path and used as working directory, the image's entrypoint cleared so that `sh -c` runs the
 * command whatever the image's ENTRYPOINT, labelled with the stack so that `down` removes it too.
 */
export function testContainerOptions(
  project: string,
  network: string | readonly string[],
  tests: LaneTests & { image: string },
  env: Record<string, string>,
): RunOptions {
  return {
    image: tests.image,
    name: `${project}-tests`,
    // Every network of the stack: the tests address any service by name.
    ...joinNetworks(network),
    rm: true,
    env,
    volumes: [{ source: tests.workspace, target: tests.workspace, readonly: true }],
    workdir: tests.workspace,
    entrypoint: '',
    labels: { [STACK_LABEL]: project, [CONTAINER_ROLE_LABEL]: TESTS_ROLE },
    command: ['sh', '-c', tests.command],
  };
}

/** A test container created during `up`, started when the stack is ready. */
interface PreparedTests {
  name: string;
  /** The `<SERVICE>_URL` variables it was created with. */
  env: Record<string, string>;
  /** Copy mode: its mounts staged through the engine (bind mode: the options as they were). */
  staging: Promise<StagedRun>;
  created: Promise<string>;
}

/** The volume holding the test container's staged files in copy mode. */
function stagingVolume(options: RunOptions): string {
  return `${options.name ?? 'tests'}-files`;
}

/** The container-side `<SERVICE>_URL` variables from {@link Stack.internalUrls}, as `serviceUrls` makes them. */
function urlsFromInternal(urls: ReadonlyArray<{ service: string; url?: string }>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const u of urls) if (u.url !== undefined) env[urlEnvName(u.service)] = u.url;
  return env;
}

/** Removes a prepared test container that will not be started (if it was created at all). */
async function discardPrepared(engine: ContainerEngine, prepared: PreparedTests): Promise<void> {
  try {
    await prepared.created;
    await engine.remove(prepared.name, { force: true }).catch(() => undefined);
  } catch {
    // Not created: nothing to remove but what was staged for it.
  }
  await prepared.staging.then((staged) => finishStagedRun(engine, staged)).catch(() => undefined);
}

/** Makes sure the test image is local (pulling it the way Stack pulls service images). */
async function ensureImage(engine: ContainerEngine, ref: string, log: Log): Promise<void> {
  try {
    await engine.inspectImage(ref);
  } catch {
    log.info(`pulling test image ${ref}`);
    let insecure = false;
    try {
      insecure = isLoopbackRegistry(parseReference(ref).registry);
    } catch {
      // An unparsable reference is the engine's to reject, with its own message.
    }
    await engine.pull(ref, { insecure });
  }
}

/**
 * Runs the test command on the runner: `sh -c` in its own process group (a timeout kills all it
 * started), as the unprivileged user when the key must be kept from it, its output echoed to the
 * log as it comes. Never rejects: a command that could not run to an exit code says why in `error`.
 */
export async function runOnRunner(
  tests: LaneTests,
  env: Record<string, string>,
  user: PreparedHostUser | undefined,
): Promise<{ exitCode: number | null; output: string; error?: string }> {
  const launcher = new HostLauncher(
    user !== undefined ? { ...env, HOME: user.home } : env,
    undefined,
    user?.user,
  );
  const chunks: Buffer[] = [];
  const child = launcher.start(
    { name: 'tests', run: tests.command, cwd: tests.workspace, timeoutMs: tests.timeoutMs ?? 0 },
    (chunk) => {
      chunks.push(chunk);
      process.stdout.write(chunk);
    },
  );
  let timedOut = false;
  const timer =
    tests.timeoutMs !== undefined
      ? setTimeout(() => {
          timedOut = true;
          void child.kill();
        }, tests.timeoutMs)
      : undefined;
  const exit = await child.exited;
  if (timer !== undefined) clearTimeout(timer);
  const output = Buffer.concat(chunks).toString('utf8');
  if (timedOut) {
    return {
      exitCode: null,
      output,
      error: `did not finish within ${formatDuration(tests.timeoutMs ?? 0)} and was killed`,
    };
  }
  return exit.exitCode === null
    ? { exitCode: null, output, error: `was killed by ${exit.signal ?? 'a signal'}` }
    : { exitCode: exit.exitCode, output };
}

/** How the test command ended. */
interface CommandRun {
  exitCode: number | null;
  output: string;
  durationMs: number;
  /** Why the tests could not run to an exit code (timeout, could not start). */
  error?: string;
}

/** Collaborators of {@link commandTester}. */
export interface CommandTesterDeps {
  engine: ContainerEngine;
  /** Unused since the command on the runner is spawned directly (to run it as another uid). */
  exec?: Exec;
  log: Log;
}

/**
 * Runs the test command: starts the container prepared during `up` when there is one, else runs
 * one in a single step, or runs the command on the runner. Never throws: a command that cannot run
 * to an exit code says why in `error`.
 */
async function runTestCommand(
  tests: LaneTests,
  deps: CommandTesterDeps,
  stack: Stack,
  urls: Record<string, string>,
  prepared: PreparedTests | undefined,
  hostUser: PreparedHostUser | undefined,
): Promise<CommandRun> {
  const { engine, log } = deps;
  for (const [name, value] of Object.entries(urls)) log.info(`${name}=${value}`);
  const t0 = Date.now();
  const timeout = tests.timeoutMs !== undefined ? { timeoutMs: tests.timeoutMs } : {};
  let created = false;
  let staged: StagedRun | undefined;
  if (prepared !== undefined) {
    try {
      await prepared.created;
      staged = await prepared.staging;
      created = true;
    } catch (err) {
      // `run` below tries again and reports the engine's error if it fails the same way.
      log.info(`creating the test container failed (${errorMessage(err)}); running it in one step`);
      await discardPrepared(engine, prepared);
      staged = undefined;
    }
  }
  try {
    if (tests.image === undefined) {
      const r = await runOnRunner(tests, { ...(tests.host?.env ?? {}), ...urls }, hostUser);
      return { ...r, durationMs: Date.now() - t0 };
    }
    if (!created || prepared === undefined) {
      const options = testContainerOptions(
        stack.project,
        stack.networks,
        { ...tests, image: tests.image },
        urls,
      );
      staged = await stageRunMounts(engine, options, stagingVolume(options));
    }
    const r =
      created && prepared !== undefined
        ? await engine.startAttached(prepared.name, timeout)
        : await engine.runToCompletion((staged as StagedRun).options, timeout);
    return { exitCode: r.exitCode, output: `${r.stdout}${r.stderr}`, durationMs: Date.now() - t0 };
  } catch (err) {
    return { exitCode: null, output: '', durationMs: Date.now() - t0, error: errorMessage(err) };
  } finally {
    if (staged !== undefined) {
      await finishStagedRun(engine, staged).catch((err: unknown) =>
        log.warning(`removing the test container's staged files failed: ${errorMessage(err)}`),
      );
    }
  }
}

/** The lane's view of a finished test command: the report's `tests`, one check, the failure. */
function commandVerdict(tests: LaneTests, run: CommandRun): TesterRun {
  const testsCheck = `tests: ${tests.command}`;
  const result: TesterRun = {
    tests: {
      command: tests.command,
      where: tests.image !== undefined ? 'container' : 'runner',
      ...(tests.image !== undefined ? { image: tests.image } : {}),
      exitCode: run.exitCode,
      durationMs: run.durationMs,
    },
    output: run.output,
    checks: [],
    failures: [],
  };
  if (run.exitCode === 0) {
    result.checks.push(laneCheck(testsCheck, 'PASSED', run.durationMs));
  } else {
    const why = run.error ?? `exited with code ${run.exitCode}`;
    result.failures.push(
      `the tests ${why}${run.output === '' ? '' : `; last output lines:\n${tailLines(run.output, 15)}`}`,
    );
    result.checks.push(laneCheck(testsCheck, 'FAILED', run.durationMs, why));
  }
  return result;
}

/** The command tester: integration-test's tests, as a {@link LaneTester}. */
export function commandTester(tests: LaneTests, deps: CommandTesterDeps): LaneTester {
  const { engine, log } = deps;
  const where = tests.image !== undefined ? 'container' : 'runner';
  let prepared: PreparedTests | undefined;
  let hostUser: PreparedHostUser | undefined;
  const host = tests.image === undefined ? tests.host : undefined;
  const isolationCheck =
    host !== undefined ? keyIsolationCheck(host.isolation, host.inputs.unsafe) : undefined;

  const discard = async (): Promise<void> => {
    if (prepared !== undefined) await discardPrepared(engine, prepared);
    prepared = undefined;
    await hostUser?.cleanup();
  };

  return {
    where,
    ...(tests.image !== undefined ? { probeImage: tests.image } : {}),
    ...(isolationCheck !== undefined ? { initialChecks: [isolationCheck] } : {}),
    skippedWhenNotStarted: ['digests verified', `tests: ${tests.command}`],
    prepare: async () => {
      if (tests.image !== undefined) await ensureImage(engine, tests.image, log);
      if (host === undefined) return;
      log.info(describeHostIsolation(host.isolation, 'the test command will'));
      if (host.isolation.mode === 'unsafe')
        log.warning(describeHostIsolation(host.isolation, 'the test command will'));
      if (host.isolation.mode !== 'dropped') return;
      hostUser = await prepareHostUser(
        host.isolation.user,
        { workspace: tests.workspace, cwds: [tests.workspace] },
        host.inputs,
      );
      for (const warning of hostUser.warnings) log.warning(warning);
    },
    // `create` is most of the cost of a `run` that is not starting the process itself.
    onStarting: (s) => {
      if (tests.image === undefined) return;
      const env = urlsFromInternal(s.internalUrls());
      const options = testContainerOptions(s.project, s.networks, { ...tests, image: tests.image }, env);
      // Copy mode: the workspace reaches the container through the engine, staged first.
      // Bind mode creates at once: the creation overlaps the services' start.
      const copy = engine.files === 'copy';
      const staging = copy
        ? stageRunMounts(engine, options, stagingVolume(options))
        : Promise.resolve<StagedRun>({ options, writable: [] });
      const created = copy ? staging.then((staged) => engine.create(staged.options)) : engine.create(options);
      staging.catch(() => undefined);
      created.catch(() => undefined);
      prepared = { name: options.name as string, env, staging, created };
    },
    onStartFailed: discard,
    plan: async (stack: Stack, _statuses, urls: ServiceUrls): Promise<TesterPlan> => {
      if (prepared !== undefined && JSON.stringify(prepared.env) !== JSON.stringify(urls.env)) {
        // Cannot happen while internalUrls() and inspect() agree; if they ever do not, the tests get
        // what inspect says, in a container made now.
        await discard();
      }
      if (urls.missing.length > 0) {
        log.info(
          `no ${where === 'runner' ? 'published loopback' : 'internal'} URL for ${urls.missing.join(', ')}: ${
            where === 'runner'
              ? 'publish a port (ports: ["8080"]) to reach it from the runner'
              : 'it has no port'
          }`,
        );
      }
      return {
        run: async () =>
          commandVerdict(
            tests,
            await group(`Run tests (${where === 'container' ? `in ${tests.image}` : 'on the runner'})`, () =>
              runTestCommand(tests, deps, stack, urls.env, prepared, hostUser).finally(() =>
                hostUser?.cleanup(),
              ),
            ),
          ),
      };
    },
  };
}
