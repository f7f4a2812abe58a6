/**
 * The source lane end to end: plan the checks, bind to the commit, make sure the tooling image is
 * fit, run the checks (each one's output shown as one log group when it ends), then write the report,
 * the evidence and the summary. The fast-check action reads inputs and calls {@link runSourceLane}.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isInside } from '../paths.js';
import type { ContainerEngine } from '../engine/engine.js';
import { errorMessage, InputError } from '../errors.js';
import { defaultExec, type Exec } from '../exec.js';
import { silentLog, type Log } from '../log.js';
import { writeSummary } from '../summary.js';
import {
  ContainerLauncher,
  LANE_LABEL,
  checkUser,
  prepareImage,
  stageWorkspace,
  workspaceVolumeName,
} from './container.js';
import type { Check } from '../evidence/statement.js';
import {
  decideHostIsolation,
  describeHostIsolation,
  keyIsolationCheck,
  keyMaterial,
  prepareHostUser,
  userEnvironment,
  type HostIsolation,
  type IsolationInputs,
} from '../user-code.js';
import { HostLauncher } from './host.js';
import {
  buildReport,
  failedChecks,
  groupTitle,
  laneResult,
  laneStatement,
  summarizeLane,
  type LaneCommit,
  type LaneReport,
  type LaneResult,
} from './report.js';
import { runChecks, type CheckLauncher, type CheckOutcome, type PlannedCheck } from './run.js';
import type { CheckSpec } from './spec.js';

/** Version recorded in the evidence's verifier. */
export const FAST_CHECK_VERSION = '0.1.0';

/** fast-check's inputs named when checks on the runner would be within reach of the key. */
export const FAST_CHECK_ISOLATION_INPUTS: IsolationInputs = {
  key: 'signing-key',
  container: 'image',
  unsafe: 'unsafe-host-commands-with-key',
};

/** Where the lane's checks run, as decided from the inputs. */
export interface LanePlan {
  checks: PlannedCheck[];
  /** Absolute workspace (GITHUB_WORKSPACE or the current directory). */
  workspace: string;
}

/**
 * Resolves each check's directory (check's `working-directory` under the lane's, under the workspace)
 * and time limit, and checks that every directory exists, and, when checks run in a container, lies
 * inside the workspace (nothing else is mounted).
 *
 * @throws InputError naming `working-directory` or the checks input
 */
export function planChecks(
  specs: readonly CheckSpec[],
  options: {
    workspace: string;
    workingDirectory: string;
    timeoutMs: number;
    inContainer: boolean;
    /** The input the checks came from (`checks` or `checks-file`). */
    checksInput: string;
    workingDirectoryInput?: string;
  },
): LanePlan {
  const wdInput = options.workingDirectoryInput ?? 'working-directory';
  const workspace = resolve(options.workspace);
  const laneDir = resolve(workspace, options.workingDirectory || '.');
  const mustBeDir = (dir: string, input: string, what: string): void => {
    if (options.inContainer && !isInside(dir, workspace)) {
      throw new InputError(
        input,
        `input "${input}": ${what} ${dir} is outside the workspace ${workspace}, which is all the container sees`,
      );
    }
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new InputError(input, `input "${input}": ${what} ${dir} is not a directory`);
    }
  };
  mustBeDir(laneDir, wdInput, 'working directory');
  const checks = specs.map((spec) => {
    const cwd = spec.workingDirectory === undefined ? laneDir : resolve(laneDir, spec.workingDirectory);
    if (spec.workingDirectory !== undefined) {
      mustBeDir(cwd, options.checksInput, `working-directory of check ${JSON.stringify(spec.name)}:`);
    }
    return { name: spec.name, run: spec.run, cwd, timeoutMs: spec.timeoutMs ?? options.timeoutMs };
  });
  return { checks, workspace };
}

/**
 * The commit the lane checks: `GITHUB_SHA`, else `git rev-parse HEAD` in the workspace; and its tree
 * (`git rev-parse <sha>^{tree}`), which is left out with a warning when git cannot tell.
 *
 * @throws Error when there is no commit at all: evidence must be bound to one
 */
export async function readLaneCommit(
  workspace: string,
  env: NodeJS.ProcessEnv,
  exec: Exec,
  log: Log = silentLog,
): Promise<LaneCommit> {
  const git = async (args: string[]): Promise<string> =>
    (await exec.exec('git', args, { cwd: workspace, silent: true })).stdout.trim();
  let sha = (env.GITHUB_SHA ?? '').trim().toLowerCase();
  if (sha === '') {
    try {
      sha = await git(['rev-parse', 'HEAD']);
    } catch (err) {
      throw new Error(
        `fast-check binds its evidence to a commit, but GITHUB_SHA is unset and git cannot tell in ${workspace}: ` +
          `${errorMessage(err)}\nRun it in a git checkout, or set GITHUB_SHA.`,
        { cause: err },
      );
    }
  }
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) {
    throw new Error(
      `the commit ${JSON.stringify(sha)} (GITHUB_SHA or git rev-parse HEAD) is not a full hex sha`,
    );
  }
  try {
    return { sha, tree: await git(['rev-parse', '--verify', `${sha}^{tree}`]) };
  } catch (err) {
    log.warning(`the evidence names commit ${sha} without its tree: ${errorMessage(err)}`);
    return { sha };
  }
}

/** A request to run the source lane. */
export interface SourceLaneRequest {
  plan: LanePlan;
  /** The CI tooling image (`repo@sha256:…`); absent: run on the runner. */
  image?: string;
  /** Pull the image over plain http (loopback registries). */
  insecure?: boolean;
  concurrency: number;
  failFast: boolean;
  /** Variables passed into the container by name. */
  envNames: string[];
  /** PEM ECDSA P-256 key that signs the evidence. */
  signingKey?: string;
  /**
   * With a key and no image: run the checks on the runner as this process's uid although they can
   * read the key (the evidence records it). Without it, root runs them as an unprivileged uid and
   * anyone else is refused.
   */
  unsafeHostCommandsWithKey?: boolean;
  /** Directory under which the lane writes its report and evidence (RUNNER_TEMP). */
  tempDir: string;
}

/** Collaborators of {@link runSourceLane}; tests swap them. */
export interface SourceLaneDeps {
  exec?: Exec;
  env?: NodeJS.ProcessEnv;
  /** The engine, needed only with `image`; created lazily (`connectEngine`) when a getter is given. */
  engine?: () => ContainerEngine | Promise<ContainerEngine>;
  /** Overrides the launcher (tests). */
  launcher?: CheckLauncher;
  log?: Log;
  /** This process's uid (tests); `process.getuid()` when absent. */
  uid?: number;
}

/** What the lane produced. */
export interface SourceLaneResult {
  result: LaneResult;
  failed: string[];
  outcomes: CheckOutcome[];
  reportPath: string;
  evidencePath: string;
  wallMs: number;
}

/** Where the checks run, and how to sweep up what a cancelled run left behind. */
interface Launch {
  launcher: CheckLauncher;
  sweep?: () => Promise<string[]>;
  /** Removes what was made for the launcher (the unprivileged user's HOME). */
  cleanup?: () => Promise<void>;
}

/**
 * The runner launcher: the step's env minus inputs, runner tokens and key material; as an
 * unprivileged uid with a fresh HOME when the key must be kept from the checks.
 */
async function hostLaunch(
  request: SourceLaneRequest,
  env: NodeJS.ProcessEnv,
  isolation: HostIsolation,
  log: Log,
): Promise<Launch> {
  const checksEnv = userEnvironment(env, request.signingKey !== undefined ? [request.signingKey] : []);
  log.info(describeHostIsolation(isolation, 'checks'));
  if (isolation.mode === 'unsafe') log.warning(describeHostIsolation(isolation, 'checks'));
  if (isolation.mode !== 'dropped') return { launcher: new HostLauncher(checksEnv) };
  const prepared = await prepareHostUser(
    isolation.user,
    { workspace: request.plan.workspace, cwds: request.plan.checks.map((c) => c.cwd) },
    FAST_CHECK_ISOLATION_INPUTS,
  );
  for (const warning of prepared.warnings) log.warning(warning);
  checksEnv.HOME = prepared.home;
  return {
    launcher: new HostLauncher(checksEnv, undefined, prepared.user),
    cleanup: prepared.cleanup,
  };
}

/**
 * The launcher for the request: the given one (tests), a container launcher on the tooling image
 * (made fit first), or the runner itself.
 */
async function chooseLauncher(
  request: SourceLaneRequest,
  deps: SourceLaneDeps,
  env: NodeJS.ProcessEnv,
  isolation: HostIsolation | undefined,
  log: Log,
): Promise<Launch> {
  if (deps.launcher !== undefined) return { launcher: deps.launcher };
  if (request.image === undefined) return hostLaunch(request, env, isolation ?? { mode: 'no-key' }, log);
  if (deps.engine === undefined) throw new Error('runSourceLane: an image needs an engine');
  const engine = await deps.engine();
  const prepared = await prepareImage(engine, request.image, { insecure: request.insecure ?? false });
  if (prepared.pulled) log.info(`pulled ${request.image}`);
  const user = checkUser(engine.kind);
  const material = request.signingKey !== undefined ? keyMaterial(request.signingKey) : [];
  const passed = request.envNames.filter((name) => {
    const value = env[name];
    if (value === undefined)
      log.warning(`env: ${name} is not set on the runner, so the checks do not get it`);
    else if (material.some((m) => value.includes(m)))
      log.warning(`env: ${name} holds the signing key, so the checks do not get it`);
    else return true;
    return false;
  });
  const laneId = randomBytes(4).toString('hex');
  log.info(
    `checks run as ${engine.kind} containers dl-check-${laneId}-<n>-<check>, labelled ${LANE_LABEL}=${laneId}`,
  );
  const workspaceSource =
    engine.files === 'copy'
      ? await stageWorkspace(engine, { laneId, image: request.image, workspace: request.plan.workspace })
      : undefined;
  if (workspaceSource !== undefined)
    log.info(
      `workspace copied to ${workspaceSource} (volume ${workspaceVolumeName(laneId)}); the checks share that copy, not ${request.plan.workspace}`,
    );
  const container = new ContainerLauncher(engine, {
    image: request.image,
    workspace: request.plan.workspace,
    envNames: passed,
    laneId,
    ...(workspaceSource !== undefined ? { workspaceSource } : {}),
    ...(user !== undefined ? { user: user.user, env: user.env } : {}),
  });
  return { launcher: container, sweep: () => container.sweep() };
}

/**
 * Runs the planned checks. A cancelled job must not leave checks (or their containers) running:
 * SIGTERM/SIGINT kill them, and the sweep removes what is left.
 */
async function runPlannedChecks(
  request: SourceLaneRequest,
  launch: Launch,
  log: Log,
): Promise<CheckOutcome[]> {
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    log.warning(`${signal}: stopping the running checks`);
    cancel.abort();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    return await runChecks(request.plan.checks, {
      launcher: launch.launcher,
      concurrency: request.concurrency,
      failFast: request.failFast,
      signal: cancel.signal,
      onStart: (check) => log.info(`started ${check.name}: ${check.run}`),
      onFinish: printOutcome,
    });
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    if (launch.sweep !== undefined) {
      const left = await launch.sweep();
      if (left.length > 0) log.warning(`removed check containers left behind: ${left.join(', ')}`);
    }
  }
}

/**
 * Writes each check's log, the report and the evidence (a statement, and a DSSE envelope when
 * signed) under a fresh directory in `tempDir`.
 */
async function writeLaneFiles(
  request: SourceLaneRequest,
  outcomes: CheckOutcome[],
  run: {
    commit: LaneCommit;
    startedAt: Date;
    wallMs: number;
    env: NodeJS.ProcessEnv;
    /** Checks of the lane itself (key isolation), after the user's. */
    laneChecks: Check[];
  },
): Promise<{ report: LaneReport; reportPath: string; evidencePath: string }> {
  const dir = join(request.tempDir, `fast-check-${randomBytes(4).toString('hex')}`);
  await mkdir(join(dir, 'logs'), { recursive: true });
  const logs: Record<string, string> = {};
  for (const [i, o] of outcomes.entries()) {
    if (o.status === 'skipped') continue;
    const file = join(dir, 'logs', `${i + 1}-${o.check.name.replace(/[^A-Za-z0-9_.-]/g, '-')}.log`);
    await writeFile(file, o.output);
    logs[o.check.name] = file;
  }
  const report = buildReport(outcomes, {
    commit: run.commit,
    ...(request.image !== undefined ? { image: request.image } : {}),
    workspace: request.plan.workspace,
    concurrency: request.concurrency,
    failFast: request.failFast,
    startedAt: run.startedAt,
    wallMs: run.wallMs,
    logs,
  });
  const reportPath = join(dir, 'report.json');
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);

  const statement = laneStatement(outcomes, {
    commit: run.commit,
    ...(request.image !== undefined ? { image: request.image } : {}),
    version: FAST_CHECK_VERSION,
    env: run.env,
    laneChecks: run.laneChecks,
  });
  const statementPath = join(dir, 'source-evidence.intoto.json');
  await writeFile(statementPath, `${JSON.stringify(statement, null, 2)}\n`);
  let evidencePath = statementPath;
  if (request.signingKey !== undefined) {
    const { envelopeOf, signEnvelope } = await import('../evidence/dsse.js');
    const envelope = signEnvelope(envelopeOf(statement), request.signingKey);
    evidencePath = join(dir, 'source-evidence.dsse.json');
    await writeFile(evidencePath, `${JSON.stringify(envelope, null, 2)}\n`);
  }
  return { report, reportPath, evidencePath };
}

/**
 * Runs the source lane. Resolves (does not reject) when checks fail: the caller decides to fail the
 * step, after setting its outputs. Rejects only when the lane could not be run at all (no commit, an
 * unusable or runtime-role image), and then before any check has started.
 */
export async function runSourceLane(
  request: SourceLaneRequest,
  deps: SourceLaneDeps = {},
): Promise<SourceLaneResult> {
  const exec = deps.exec ?? defaultExec;
  const env = deps.env ?? process.env;
  const log = deps.log ?? silentLog;
  const { plan } = request;
  // Decided before anything runs: a refusal must come before any side effect.
  const isolation =
    request.image === undefined
      ? decideHostIsolation({
          signed: request.signingKey !== undefined,
          unsafe: request.unsafeHostCommandsWithKey ?? false,
          uid: deps.uid ?? process.getuid?.(),
          inputs: FAST_CHECK_ISOLATION_INPUTS,
        })
      : undefined;
  const commit = await readLaneCommit(plan.workspace, env, exec, log);
  const launch = await chooseLauncher(request, deps, env, isolation, log);

  const where = request.image !== undefined ? `in ${request.image}` : 'on the runner';
  log.info(
    `running ${plan.checks.length} checks ${where}, ${Math.min(request.concurrency, plan.checks.length)} at a time` +
      `${request.failFast ? ', fail-fast' : ''} (commit ${commit.sha})`,
  );
  const startedAt = new Date();
  const started = performance.now();
  const outcomes = await runPlannedChecks(request, launch, log).finally(() => launch.cleanup?.());
  const wallMs = performance.now() - started;
  const isolationCheck =
    isolation !== undefined ? keyIsolationCheck(isolation, FAST_CHECK_ISOLATION_INPUTS.unsafe) : undefined;

  const { report, reportPath, evidencePath } = await writeLaneFiles(request, outcomes, {
    commit,
    startedAt,
    wallMs,
    env,
    laneChecks: isolationCheck !== undefined ? [isolationCheck] : [],
  });
  await writeSummary((summary) => summarizeLane(summary, report, outcomes));
  log.info(`report: ${reportPath}`);
  log.info(`evidence: ${evidencePath}${request.signingKey !== undefined ? ' (signed)' : ' (unsigned)'}`);
  return {
    result: laneResult(outcomes),
    failed: failedChecks(outcomes),
    outcomes,
    reportPath,
    evidencePath,
    wallMs,
  };
}

/**
 * Prints a finished check's whole output as one log group, in a single write: checks running at the
 * same time never interleave their lines.
 */
export function printOutcome(outcome: CheckOutcome): void {
  const body =
    outcome.output === '' || outcome.output.endsWith('\n') ? outcome.output : `${outcome.output}\n`;
  process.stdout.write(`::group::${groupTitle(outcome)}\n${body}::endgroup::\n`);
}
