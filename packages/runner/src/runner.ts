// Runs a workflow on this machine the way forgejo-runner runs it on a host-mode runner: jobs in
// `needs` order (independent ones concurrently), steps as processes, file and workflow commands,
// post steps in reverse order. It is a way to try the pipeline locally, not a replacement for the
// runner (no containers, no matrix, no remote actions).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  type ActionMap,
  type ActionMetadata,
  inputEnvName,
  readActionMetadata,
  resolveActionDir,
} from './action.js';
import { Masker, parseEnvFile, parsePathFile, parseWorkflowCommand } from './commands.js';
import {
  type Contexts,
  type JsonValue,
  type StatusState,
  evaluateCondition,
  evaluateString,
  evaluateToken,
  expandTemplateString,
} from './expressions.js';
import { killGroup, runProcess } from './process.js';
import {
  type Annotation,
  type JobResult,
  type Outcome,
  type RunResult,
  type StepResult,
  buildTimeline,
  jobEndLine,
  stepEndLine,
} from './report.js';
import { type JobModel, type StepModel, type WorkflowModel, loadWorkflow } from './workflow.js';

const execFileAsync = promisify(execFile);

/** Overrides for the `github` context; unset fields come from the workspace's git checkout. */
export interface GithubOverrides {
  sha?: string;
  ref?: string;
  repository?: string;
  serverUrl?: string;
  runId?: string;
  runNumber?: string;
  actor?: string;
}

/** Options for runWorkflow. Only `workflow` and `workspace` are required. */
export interface RunOptions {
  /** A workflow file path, or a workflow loaded with loadWorkflow(). */
  workflow: string | WorkflowModel;
  /** The checkout the workflow runs in (GITHUB_WORKSPACE, the cwd of steps). */
  workspace: string;
  /** Event name (`github.event_name`). Default `push`. */
  event?: string;
  /** `workflow_dispatch` inputs; declared defaults fill the rest, booleans are typed. */
  inputs?: Record<string, string>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** Extra environment for every step, below workflow/job/step `env:`. */
  env?: Record<string, string>;
  /** Maps remote `uses:` to local directories; see ActionMap. */
  actionMap?: ActionMap;
  /** Run only these jobs and what they (transitively) need. */
  jobs?: string[];
  /** How many jobs may run at once. Default: available CPU count (at least 1). */
  concurrency?: number;
  github?: GithubOverrides;
  /** Gives steps ACTIONS_RUNTIME_URL, ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN. */
  artifactServer?: { url: string; token: string };
  /** Where logs and per-job files go. Default: a new directory under the OS temp dir. */
  runDir?: string;
  /** Cancels the run: running steps are stopped, then always()/cancelled() steps and post steps run. */
  signal?: AbortSignal;
  /** Stops everything at once: no further steps, no post steps. */
  forceSignal?: AbortSignal;
  /** Progress sink, one line per call. Default: stderr. */
  log?: (line: string) => void;
  /** Print group contents and `::debug::` lines instead of collapsing them. */
  verbose?: boolean;
  /** Time between SIGTERM and SIGKILL when a step is stopped. Default 5000 ms. */
  killGraceMs?: number;
}

/** A workflow the local runner refuses to run (container jobs, matrix, …), before anything started. */
export class UnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedError';
  }
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

const SHELLS: Record<string, { template: string; ext: string }> = {
  bash: { template: 'bash --noprofile --norc -eo pipefail {0}', ext: '.sh' },
  sh: { template: 'sh -e {0}', ext: '.sh' },
  python: { template: 'python3 {0}', ext: '.py' },
  node: { template: 'node {0}', ext: '.cjs' },
};

/** The argv for a `shell:` value and a script file, as the runners build it. */
export function shellArgv(shell: string, script: string): string[] {
  const template = SHELLS[shell]?.template ?? shell;
  if (['pwsh', 'powershell', 'cmd'].includes(shell)) {
    throw new Error(`shell '${shell}' is not supported by the local runner`);
  }
  const parts = template.split(/\s+/).filter((p) => p !== '');
  const argv = parts.map((p) => p.replace('{0}', script));
  return parts.some((p) => p.includes('{0}')) ? argv : [...argv, script];
}

async function git(workspace: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync('git', ['-C', workspace, ...args], { encoding: 'utf8' });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

function repositoryFromRemote(url: string | undefined): string | undefined {
  const m = url ? /[:/]([^/:]+\/[^/]+?)(?:\.git)?\/?$/.exec(url) : null;
  return m?.[1];
}

/** Host environment minus anything that would leak an outer CI context into the steps. */
function hostEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^(GITHUB_|FORGEJO_|GITEA_|RUNNER_|ACTIONS_|INPUT_|STATE_)/.test(k) || k === 'CI') continue;
    out[k] = v;
  }
  return out;
}

function needsClosure(workflow: WorkflowModel, roots: string[]): Set<string> {
  const byId = new Map(workflow.jobs.map((j) => [j.id, j]));
  const out = new Set<string>();
  const visit = (id: string): void => {
    const job = byId.get(id);
    if (!job) {
      throw new Error(`--job ${id}: no such job in ${workflow.path} (jobs: ${[...byId.keys()].join(', ')})`);
    }
    if (out.has(id)) return;
    out.add(id);
    job.needs.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

interface RunState {
  options: RunOptions;
  workflow: WorkflowModel;
  workspace: string;
  runDir: string;
  github: Record<string, JsonValue>;
  baseEnv: Record<string, string>;
  workflowEnv: Record<string, string>;
  inputs: Record<string, JsonValue>;
  masker: Masker;
  results: Map<string, JobResult>;
  log: (line: string) => void;
  cancelled: () => boolean;
  forced: () => boolean;
  actionCache: Map<string, Promise<ActionMetadata>>;
}

/**
 * Runs a workflow and resolves with every job's result (never rejects for a failing job; rejects
 * for an invalid or unsupported workflow before any job starts).
 */
export async function runWorkflow(options: RunOptions): Promise<RunResult> {
  const workflow =
    typeof options.workflow === 'string' ? await loadWorkflow(options.workflow) : options.workflow;
  const workspace = path.resolve(options.workspace);
  if (!existsSync(workspace) || !statSync(workspace).isDirectory()) {
    throw new Error(`workspace ${workspace} is not a directory`);
  }
  const selected = options.jobs?.length
    ? needsClosure(workflow, options.jobs)
    : new Set(workflow.jobs.map((j) => j.id));
  const jobs = workflow.jobs.filter((j) => selected.has(j.id));
  const unsupported = jobs.filter((j) => j.unsupported);
  if (unsupported.length > 0) {
    throw new UnsupportedError(
      `${workflow.path}: the local runner cannot run ${unsupported
        .map((j) => `job '${j.id}': ${j.unsupported}`)
        .join('; ')}`,
    );
  }
  const event = options.event ?? 'push';
  const inputs = dispatchInputs(workflow, event, options.inputs ?? {});
  const runDir = options.runDir ?? (await mkdtemp(path.join(os.tmpdir(), 'digestline-run-')));
  await mkdir(runDir, { recursive: true });
  const masker = new Masker();
  for (const v of Object.values(options.secrets ?? {})) masker.add(v);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const github = await githubContext(options, workflow, workspace, event, inputs, runDir);

  const state: RunState = {
    options,
    workflow,
    workspace,
    runDir,
    github,
    baseEnv: { ...hostEnv(), ...(options.env ?? {}) },
    workflowEnv: {},
    inputs,
    masker,
    results: new Map(),
    log: (line) => log(masker.mask(line)),
    cancelled: () => options.signal?.aborted === true || options.forceSignal?.aborted === true,
    forced: () => options.forceSignal?.aborted === true,
    actionCache: new Map(),
  };
  const startedAt = Date.now();
  if (workflow.env) {
    const value = evaluateToken(workflow.env, baseContexts(state, {}), statusOf(state, []), 'env');
    for (const [k, v] of Object.entries(asRecord(value))) state.workflowEnv[k] = String(v ?? '');
  }

  const limit = Math.max(1, options.concurrency ?? os.availableParallelism());
  const pending = new Map(jobs.map((j) => [j.id, j]));
  const running = new Map<string, Promise<void>>();
  while (pending.size > 0 || running.size > 0) {
    for (const job of [...pending.values()]) {
      if (running.size >= limit) break;
      if (!job.needs.every((n) => state.results.has(n))) continue;
      pending.delete(job.id);
      running.set(
        job.id,
        runJob(state, job).then((result) => {
          state.results.set(job.id, result);
          running.delete(job.id);
        }),
      );
    }
    if (running.size === 0) {
      // Only reachable with a needs cycle, which the parser rejects; guard against a hang anyway.
      throw new Error(`jobs ${[...pending.keys()].join(', ')} wait on each other`);
    }
    await Promise.race(running.values());
  }
  const ordered = jobs.map((j) => state.results.get(j.id)).filter((r): r is JobResult => r !== undefined);
  const endedAt = Date.now();
  return {
    ok: ordered.every((j) => j.result === 'success' || j.result === 'skipped') && !state.cancelled(),
    cancelled: state.cancelled(),
    jobs: Object.fromEntries(ordered.map((j) => [j.id, j])),
    timeline: buildTimeline(startedAt, ordered),
    startedAt,
    endedAt,
    runDir,
  };
}

function asRecord(value: JsonValue): Record<string, JsonValue> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function dispatchInputs(
  workflow: WorkflowModel,
  event: string,
  given: Record<string, string>,
): Record<string, JsonValue> {
  const declared = workflow.dispatchInputs;
  if (event !== 'workflow_dispatch') return { ...given };
  const out: Record<string, JsonValue> = {};
  for (const name of Object.keys(given)) {
    if (!(name in declared)) {
      throw new Error(`--input ${name}: not declared under on.workflow_dispatch.inputs of ${workflow.path}`);
    }
  }
  for (const [name, spec] of Object.entries(declared)) {
    const raw = given[name] ?? (spec.default === undefined ? undefined : String(spec.default));
    if (raw === undefined) {
      if (spec.required) throw new Error(`--input ${name}: required by ${workflow.path} and not given`);
      out[name] = spec.type === 'boolean' ? false : '';
      continue;
    }
    if (spec.type === 'boolean') {
      if (raw !== 'true' && raw !== 'false')
        throw new Error(`--input ${name}: expected true or false, got '${raw}'`);
      out[name] = raw === 'true';
    } else if (spec.type === 'number') {
      out[name] = Number(raw);
    } else {
      if (spec.type === 'choice' && spec.options && !spec.options.includes(raw)) {
        throw new Error(`--input ${name}: '${raw}' is not one of ${spec.options.join(', ')}`);
      }
      out[name] = raw;
    }
  }
  return out;
}

async function githubContext(
  options: RunOptions,
  workflow: WorkflowModel,
  workspace: string,
  event: string,
  inputs: Record<string, JsonValue>,
  runDir: string,
): Promise<Record<string, JsonValue>> {
  const o = options.github ?? {};
  const sha = o.sha ?? (await git(workspace, ['rev-parse', 'HEAD'])) ?? '0'.repeat(40);
  const branchRef = await git(workspace, ['symbolic-ref', '-q', 'HEAD']);
  const ref = o.ref ?? branchRef ?? 'refs/heads/main';
  const repository =
    o.repository ??
    repositoryFromRemote(await git(workspace, ['remote', 'get-url', 'origin'])) ??
    `local/${path.basename(workspace)}`;
  const serverUrl = (o.serverUrl ?? 'http://localhost:3000').replace(/\/$/, '');
  const [owner = 'local', name = repository] = repository.split('/');
  const repo = {
    full_name: repository,
    name,
    owner: { login: owner },
    html_url: `${serverUrl}/${repository}`,
  };
  const payload: Record<string, JsonValue> =
    event === 'workflow_dispatch'
      ? { inputs, ref, repository: repo }
      : event === 'push'
        ? { ref, before: '0'.repeat(40), after: sha, head_commit: { id: sha }, repository: repo }
        : { repository: repo };
  const eventPath = path.join(runDir, 'event.json');
  await writeFile(eventPath, JSON.stringify(payload, null, 2));
  return {
    sha,
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags)\//, ''),
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    repository,
    repository_owner: owner,
    server_url: serverUrl,
    api_url: `${serverUrl}/api/v1`,
    run_id: o.runId ?? String(Math.floor(Date.now() / 1000)),
    run_number: o.runNumber ?? '1',
    run_attempt: '1',
    workspace,
    event_name: event,
    event_path: eventPath,
    event: payload,
    actor: o.actor ?? process.env['USER'] ?? 'local',
    workflow: workflow.name,
    token: options.secrets?.['GITHUB_TOKEN'] ?? options.secrets?.['FORGEJO_TOKEN'] ?? '',
  };
}

function statusOf(state: RunState, needs: string[]): StatusState {
  // failure() at job level looks at every ancestor, as on GitHub and Forgejo.
  const ancestors = new Set<string>();
  const byId = new Map(state.workflow.jobs.map((j) => [j.id, j]));
  const visit = (id: string): void => {
    if (ancestors.has(id)) return;
    ancestors.add(id);
    byId.get(id)?.needs.forEach(visit);
  };
  needs.forEach(visit);
  const results = [...ancestors].map((id) => state.results.get(id)?.result);
  return {
    success: needs.every((n) => state.results.get(n)?.result === 'success'),
    failure: results.includes('failure'),
    cancelled: state.cancelled(),
  };
}

function baseContexts(state: RunState, extra: Partial<Contexts>): Partial<Contexts> {
  return {
    github: state.github,
    vars: state.options.vars ?? {},
    secrets: state.options.secrets ?? {},
    inputs: state.inputs,
    env: { ...state.workflowEnv },
    ...extra,
  };
}

/** Mirrors GITHUB_* as FORGEJO_*, as the Forgejo runner does. */
function withForgejoTwins(env: Record<string, string>): Record<string, string> {
  const out = { ...env };
  for (const [k, v] of Object.entries(env)) {
    if (k.startsWith('GITHUB_')) out[`FORGEJO_${k.slice('GITHUB_'.length)}`] = v;
  }
  return out;
}

interface JobRun {
  state: RunState;
  job: JobModel;
  result: JobResult;
  dir: string;
  temp: string;
  status: 'success' | 'failure' | 'cancelled';
  timedOut: boolean;
  jobAbort: AbortController;
  env: Record<string, string>;
  githubEnv: Record<string, string>;
  paths: string[];
  steps: Contexts['steps'];
  needs: Contexts['needs'];
  github: Record<string, JsonValue>;
  runner: Record<string, JsonValue>;
  posts: Array<{
    step: StepModel;
    meta: ActionMetadata;
    inputsEnv: Record<string, string>;
    state: Map<string, string>;
  }>;
  groups: Set<number>;
}

async function runJob(state: RunState, job: JobModel): Promise<JobResult> {
  const result: JobResult = {
    id: job.id,
    name: job.displayName,
    needs: job.needs,
    result: 'skipped',
    outcome: 'skipped',
    outputs: {},
    steps: [],
    durationMs: 0,
    summary: '',
  };
  const needs: Contexts['needs'] = {};
  for (const n of job.needs) {
    const r = state.results.get(n);
    needs[n] = { outputs: r?.outputs ?? {}, result: r?.result ?? 'skipped' };
  }
  const github = { ...state.github, job: job.id };
  const ctx = baseContexts(state, { github, needs });
  let run: boolean;
  try {
    run = !state.forced() && evaluateCondition(job.if, ctx, statusOf(state, job.needs), `jobs.${job.id}.if`);
  } catch (err) {
    result.result = result.outcome = 'failure';
    result.error = errorText(err);
    state.log(jobEndLine(result));
    return result;
  }
  if (!run) {
    state.log(jobEndLine(result));
    return result;
  }

  const dir = path.join(state.runDir, 'jobs', job.id);
  const temp = path.join(dir, 'temp');
  await mkdir(temp, { recursive: true });
  await mkdir(path.join(dir, 'files'), { recursive: true });
  await mkdir(path.join(dir, 'logs'), { recursive: true });
  const runner = {
    os: os.platform() === 'darwin' ? 'macOS' : 'Linux',
    arch: os.arch() === 'arm64' ? 'ARM64' : 'X64',
    name: 'digestline-local',
    temp,
    tool_cache: path.join(state.runDir, 'tool-cache'),
    debug: '',
  };
  const jr: JobRun = {
    state,
    job,
    result,
    dir,
    temp,
    status: 'success',
    timedOut: false,
    jobAbort: new AbortController(),
    env: { ...state.workflowEnv },
    githubEnv: {},
    paths: [],
    steps: {},
    needs,
    github,
    runner,
    posts: [],
    groups: new Set(),
  };
  result.startedAt = Date.now();
  state.log(`[job] ${job.id} ▶ started (runs-on accepted as-is; everything runs on this host)`);
  let timer: NodeJS.Timeout | undefined;
  try {
    const jobCtx = jobContexts(jr);
    if (job.env) {
      const value = evaluateToken(job.env, jobCtx, statusOf(state, job.needs), `jobs.${job.id}.env`);
      for (const [k, v] of Object.entries(asRecord(value))) jr.env[k] = String(v ?? '');
    }
    const timeoutMin = job.timeoutMinutes
      ? Number(
          evaluateToken(
            job.timeoutMinutes,
            jobContexts(jr),
            statusOf(state, job.needs),
            `jobs.${job.id}.timeout-minutes`,
          ),
        )
      : 360;
    timer = setTimeout(() => {
      jr.timedOut = true;
      result.error = `exceeded timeout-minutes (${timeoutMin})`;
      jr.jobAbort.abort();
    }, timeoutMin * 60_000);
    for (const step of job.steps) await runMainStep(jr, step);
    evaluateJobOutputs(jr);
    for (const post of [...jr.posts].reverse()) await runPostStep(jr, post);
  } catch (err) {
    jr.status = 'failure';
    result.error = errorText(err);
  } finally {
    if (timer) clearTimeout(timer);
    // Like the runners' "cleaning up orphan processes": nothing a step left behind outlives its job.
    for (const pid of jr.groups) killGroup(pid, 'SIGKILL');
    await rm(temp, { recursive: true, force: true });
  }
  result.endedAt = Date.now();
  result.durationMs = result.endedAt - result.startedAt;
  let outcome: Outcome = jr.status;
  if (jr.timedOut) outcome = 'failure';
  result.outcome = outcome;
  result.result = outcome;
  if (outcome === 'failure' && job.continueOnError) {
    try {
      const coe = evaluateToken(
        job.continueOnError,
        jobContexts(jr),
        statusOf(state, job.needs),
        `jobs.${job.id}.continue-on-error`,
      );
      if (coe === true || coe === 'true') result.result = 'success';
    } catch (err) {
      result.error = errorText(err);
    }
  }
  state.log(jobEndLine(result));
  return result;
}

function jobContexts(jr: JobRun, extraEnv: Record<string, string> = {}): Partial<Contexts> {
  return baseContexts(jr.state, {
    github: jr.github,
    needs: jr.needs,
    steps: jr.steps,
    env: { ...jr.env, ...jr.githubEnv, ...extraEnv },
    job: { status: jr.status, container: {}, services: {} },
    runner: jr.runner,
    matrix: {},
    strategy: {},
  });
}

function stepStatus(jr: JobRun): StatusState {
  return {
    success: jr.status === 'success',
    failure: jr.status === 'failure',
    cancelled: jr.state.cancelled() || jr.timedOut,
  };
}

function evaluateJobOutputs(jr: JobRun): void {
  if (!jr.job.outputs) return;
  for (const pair of jr.job.outputs) {
    const name = String(pair.key);
    try {
      const value = evaluateString(
        pair.value,
        jobContexts(jr),
        stepStatus(jr),
        `jobs.${jr.job.id}.outputs.${name}`,
      );
      if (jr.state.masker.touches(value)) {
        // GitHub drops outputs that contain a secret rather than pass it on in clear.
        jr.state.log(`[${jr.job.id}] warning: skip output '${name}' since it may contain a secret`);
        continue;
      }
      jr.result.outputs[name] = value;
    } catch (err) {
      jr.status = 'failure';
      jr.result.error = errorText(err);
    }
  }
}

function stepLabel(step: StepModel): string {
  // The ▶ line shows the full name; the prefix stays short.
  return step.explicitId ? step.id : `#${step.index + 1}`;
}

function newStepResult(id: string, name: string, post: boolean): StepResult {
  return {
    id,
    name,
    post,
    outcome: 'skipped',
    conclusion: 'skipped',
    outputs: {},
    annotations: [],
    durationMs: 0,
  };
}

function recordStep(jr: JobRun, step: StepModel, result: StepResult): void {
  jr.result.steps.push(result);
  if (step.explicitId) {
    jr.steps[step.id] = { outputs: result.outputs, outcome: result.outcome, conclusion: result.conclusion };
  }
}

async function runMainStep(jr: JobRun, step: StepModel): Promise<void> {
  const where = `jobs.${jr.job.id}.steps[${step.index}]`;
  const result = newStepResult(step.id, step.displayName, false);
  const prefix = `[${jr.job.id}/${stepLabel(step)}]`;
  let shouldRun: boolean;
  try {
    shouldRun =
      !jr.state.forced() && evaluateCondition(step.if, jobContexts(jr), stepStatus(jr), `${where}.if`);
  } catch (err) {
    result.outcome = result.conclusion = 'failure';
    result.error = errorText(err);
    jr.state.log(stepEndLine(prefix, result));
    jr.status = 'failure';
    recordStep(jr, step, result);
    return;
  }
  if (!shouldRun) {
    recordStep(jr, step, result);
    return;
  }
  let stepEnv: Record<string, string> = {};
  try {
    if (step.env) {
      const value = evaluateToken(step.env, jobContexts(jr), stepStatus(jr), `${where}.env`);
      stepEnv = Object.fromEntries(Object.entries(asRecord(value)).map(([k, v]) => [k, String(v ?? '')]));
    }
    const ctx = jobContexts(jr, stepEnv);
    if (step.nameToken && !step.nameToken.isLiteral) {
      result.name = evaluateString(step.nameToken, ctx, stepStatus(jr), `${where}.name`);
    }
    jr.state.log(`${prefix} ▶ ${result.name}`);
    let argv: string[];
    let cwd = jr.state.workspace;
    let inputsEnv: Record<string, string> = {};
    let meta: ActionMetadata | undefined;
    if (step.run !== undefined) {
      const script = evaluateString(step.run, ctx, stepStatus(jr), `${where}.run`);
      const shell =
        (step.shell && evaluateString(step.shell, ctx, stepStatus(jr), `${where}.shell`)) ||
        jr.job.defaults.shell ||
        jr.state.workflow.defaults.shell ||
        'bash';
      const wd =
        (step.workingDirectory &&
          evaluateString(step.workingDirectory, ctx, stepStatus(jr), `${where}.working-directory`)) ||
        jr.job.defaults.workingDirectory ||
        jr.state.workflow.defaults.workingDirectory;
      if (wd) {
        cwd = path.resolve(jr.state.workspace, wd);
        if (!existsSync(cwd)) throw new Error(`working-directory ${wd} does not exist (${cwd})`);
      }
      const file = path.join(jr.temp, `${randomUUID()}${SHELLS[shell]?.ext ?? ''}`);
      await writeFile(file, script);
      argv = shellArgv(shell, file);
    } else if (isCheckoutOfThisRepo(jr, step, ctx)) {
      // The workspace already is the checkout (as act does for the repository under test).
      result.startedAt = result.endedAt = Date.now();
      result.outcome = 'success';
      jr.state.log(`${prefix} ${step.uses}: using the local workspace ${jr.state.workspace} as the checkout`);
      argv = [];
    } else {
      const uses = step.uses ?? '';
      meta = await actionMetadata(jr.state, uses);
      if (meta.pre) throw new Error(`${uses}: runs.pre is not supported by the local runner`);
      inputsEnv = actionInputs(jr, step, meta, ctx, prefix, where);
      argv = [process.execPath, path.join(meta.dir, meta.main)];
    }
    const state = new Map<string, string>();
    if (argv.length > 0)
      await execute(jr, result, prefix, argv, cwd, { ...stepEnv, ...inputsEnv }, step, meta, state);
    if (meta?.post) jr.posts.push({ step, meta, inputsEnv: { ...stepEnv, ...inputsEnv }, state });
  } catch (err) {
    if (!result.startedAt) result.startedAt = Date.now();
    result.endedAt = Date.now();
    result.durationMs = result.endedAt - result.startedAt;
    result.outcome = 'failure';
    result.error = errorText(err);
  }
  result.conclusion = result.outcome;
  if (result.outcome === 'failure' && step.continueOnError) {
    try {
      const coe = evaluateToken(
        step.continueOnError,
        jobContexts(jr, stepEnv),
        stepStatus(jr),
        `${where}.continue-on-error`,
      );
      if (coe === true || coe === 'true') result.conclusion = 'success';
    } catch (err) {
      result.error = `${result.error ?? ''}; ${errorText(err)}`;
    }
  }
  if (result.conclusion === 'failure' && jr.status === 'success') jr.status = 'failure';
  if (result.conclusion === 'cancelled') jr.status = 'cancelled';
  jr.state.log(stepEndLine(prefix, result));
  recordStep(jr, step, result);
}

function isCheckoutOfThisRepo(jr: JobRun, step: StepModel, ctx: Partial<Contexts>): boolean {
  if (!step.uses || !/^(?:https?:\/\/[^/]+\/)?actions\/checkout@/.test(step.uses)) return false;
  const repoPair = step.with ? [...step.with].find((p) => String(p.key) === 'repository') : undefined;
  if (!repoPair) return true;
  const repo = evaluateString(
    repoPair.value,
    ctx,
    stepStatus(jr),
    `jobs.${jr.job.id}.steps[${step.index}].with.repository`,
  );
  return repo === '' || repo === jr.github['repository'];
}

async function actionMetadata(state: RunState, uses: string): Promise<ActionMetadata> {
  const dir = resolveActionDir(uses, state.workspace, state.options.actionMap);
  let cached = state.actionCache.get(dir);
  if (!cached) {
    cached = readActionMetadata(dir);
    state.actionCache.set(dir, cached);
  }
  return cached;
}

function actionInputs(
  jr: JobRun,
  step: StepModel,
  meta: ActionMetadata,
  ctx: Partial<Contexts>,
  prefix: string,
  where: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  const given = new Set<string>();
  if (step.with) {
    for (const pair of step.with) {
      const name = String(pair.key);
      given.add(name.toLowerCase());
      env[inputEnvName(name)] = evaluateString(pair.value, ctx, stepStatus(jr), `${where}.with.${name}`);
    }
  }
  const known = Object.keys(meta.inputs);
  const unexpected = [...given].filter((g) => !known.some((k) => k.toLowerCase() === g));
  if (unexpected.length > 0) {
    // What the runners do too: a warning, the action still runs.
    jr.state.log(
      `${prefix} warning: unexpected input(s) ${unexpected.map((u) => `'${u}'`).join(', ')}, valid inputs are [${known.map((k) => `'${k}'`).join(', ')}]`,
    );
  }
  for (const [name, spec] of Object.entries(meta.inputs)) {
    if (given.has(name.toLowerCase()) || spec.default === undefined) continue;
    env[inputEnvName(name)] = expandTemplateString(
      spec.default,
      ctx,
      stepStatus(jr),
      `${meta.dir}/action.yml inputs.${name}.default`,
    );
  }
  // Required inputs are not checked here: forgejo-runner does not either; the action's getInput does.
  return env;
}

async function runPostStep(
  jr: JobRun,
  post: {
    step: StepModel;
    meta: ActionMetadata;
    inputsEnv: Record<string, string>;
    state: Map<string, string>;
  },
): Promise<void> {
  const { step, meta } = post;
  const result = newStepResult(`post:${step.id}`, `Post ${step.displayName}`, true);
  const prefix = `[${jr.job.id}/post ${stepLabel(step)}]`;
  let shouldRun: boolean;
  try {
    shouldRun =
      !jr.state.forced() &&
      evaluateCondition(meta.postIf, jobContexts(jr), stepStatus(jr), `${meta.dir}/action.yml runs.post-if`);
  } catch (err) {
    shouldRun = false;
    result.outcome = result.conclusion = 'failure';
    result.error = errorText(err);
    jr.status = 'failure';
  }
  if (shouldRun) {
    jr.state.log(`${prefix} ▶ ${result.name}`);
    const stateEnv = Object.fromEntries([...post.state].map(([k, v]) => [`STATE_${k}`, v]));
    try {
      await execute(
        jr,
        result,
        prefix,
        [process.execPath, path.join(meta.dir, meta.post ?? meta.main)],
        jr.state.workspace,
        { ...post.inputsEnv, ...stateEnv },
        step,
        meta,
        new Map(),
      );
    } catch (err) {
      result.outcome = 'failure';
      result.error = errorText(err);
    }
    result.conclusion = result.outcome;
    if (result.conclusion === 'failure' && jr.status === 'success') jr.status = 'failure';
    jr.state.log(stepEndLine(prefix, result));
  }
  jr.result.steps.push(result);
}

async function execute(
  jr: JobRun,
  result: StepResult,
  prefix: string,
  argv: string[],
  cwd: string,
  extraEnv: Record<string, string>,
  step: StepModel,
  meta: ActionMetadata | undefined,
  actionState: Map<string, string>,
): Promise<void> {
  const { state } = jr;
  const n = `${String(jr.result.steps.length).padStart(2, '0')}${result.post ? '-post' : ''}`;
  const files = {
    output: path.join(jr.dir, 'files', `output-${n}`),
    env: path.join(jr.dir, 'files', `env-${n}`),
    path: path.join(jr.dir, 'files', `path-${n}`),
    state: path.join(jr.dir, 'files', `state-${n}`),
    summary: path.join(jr.dir, 'files', `summary-${n}`),
  };
  await Promise.all(Object.values(files).map((f) => writeFile(f, '')));
  const runnerEnv: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    FORGEJO_ACTIONS: 'true',
    GITEA_ACTIONS: 'true',
    GITHUB_WORKSPACE: state.workspace,
    GITHUB_SHA: String(jr.github['sha']),
    GITHUB_REF: String(jr.github['ref']),
    GITHUB_REF_NAME: String(jr.github['ref_name']),
    GITHUB_REF_TYPE: String(jr.github['ref_type']),
    GITHUB_REPOSITORY: String(jr.github['repository']),
    GITHUB_REPOSITORY_OWNER: String(jr.github['repository_owner']),
    GITHUB_SERVER_URL: String(jr.github['server_url']),
    GITHUB_API_URL: String(jr.github['api_url']),
    GITHUB_RUN_ID: String(jr.github['run_id']),
    GITHUB_RUN_NUMBER: String(jr.github['run_number']),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: jr.job.id,
    GITHUB_ACTOR: String(jr.github['actor']),
    GITHUB_WORKFLOW: String(jr.github['workflow']),
    GITHUB_EVENT_NAME: String(jr.github['event_name']),
    GITHUB_EVENT_PATH: String(jr.github['event_path']),
    GITHUB_ACTION: step.id,
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_OS: String(jr.runner['os']),
    RUNNER_ARCH: String(jr.runner['arch']),
    RUNNER_NAME: String(jr.runner['name']),
    RUNNER_TEMP: jr.temp,
    RUNNER_TOOL_CACHE: String(jr.runner['tool_cache']),
  };
  if (meta) {
    runnerEnv['GITHUB_ACTION_PATH'] = meta.dir;
    runnerEnv['GITHUB_ACTION_REPOSITORY'] = step.uses?.startsWith('./')
      ? String(jr.github['repository'])
      : ((step.uses ?? '').split('@')[0] ?? '');
  }
  if (state.options.artifactServer) {
    runnerEnv['ACTIONS_RUNTIME_URL'] = state.options.artifactServer.url;
    runnerEnv['ACTIONS_RESULTS_URL'] = state.options.artifactServer.url;
    runnerEnv['ACTIONS_RUNTIME_TOKEN'] = state.options.artifactServer.token;
  }
  const env: Record<string, string> = {
    ...state.baseEnv,
    ...jr.env,
    ...jr.githubEnv,
    ...extraEnv,
    ...withForgejoTwins(runnerEnv),
  };
  const basePath = env['PATH'] ?? process.env['PATH'] ?? '';
  env['PATH'] = [...jr.paths, basePath].filter((p) => p !== '').join(path.delimiter);

  const stepTimeout =
    step.timeoutMinutes && !result.post
      ? Number(
          evaluateToken(
            step.timeoutMinutes,
            jobContexts(jr),
            stepStatus(jr),
            `jobs.${jr.job.id}.steps[${step.index}].timeout-minutes`,
          ),
        )
      : undefined;
  const logFile = path.join(jr.dir, 'logs', `${n}-${step.id.replace(/[^\w.-]/g, '_')}.log`);
  const logStream: WriteStream = createWriteStream(logFile);
  result.logFile = logFile;
  const hidden: string[] = [];
  let groupDepth = 0;
  let stopToken: string | undefined;
  const outputs = new Map<string, string>();
  const print = (line: string): void => {
    logStream.write(`${line}\n`);
    if (groupDepth > 0 && !state.options.verbose) hidden.push(line);
    else state.log(`${prefix} ${line}`);
  };
  const onLine = (raw: string): void => {
    const line = state.masker.mask(raw);
    if (stopToken !== undefined) {
      if (raw.trim() === `::${stopToken}::`) stopToken = undefined;
      else print(line);
      return;
    }
    const cmd = parseWorkflowCommand(raw);
    if (!cmd) {
      print(line);
      return;
    }
    switch (cmd.command) {
      case 'add-mask':
        state.masker.add(cmd.message);
        return;
      case 'group':
        logStream.write(`▸ ${cmd.message}\n`);
        if (groupDepth === 0) state.log(`${prefix} ▸ ${state.masker.mask(cmd.message)}`);
        groupDepth++;
        return;
      case 'endgroup':
        groupDepth = Math.max(0, groupDepth - 1);
        return;
      case 'error':
      case 'warning':
      case 'notice': {
        const a: Annotation = { level: cmd.command, message: state.masker.mask(cmd.message) };
        if (cmd.properties['file']) a.file = cmd.properties['file'];
        if (cmd.properties['line']) a.line = cmd.properties['line'];
        result.annotations.push(a);
        const where = a.file ? ` (${a.file}${a.line ? `:${a.line}` : ''})` : '';
        logStream.write(`${a.level}: ${a.message}${where}\n`);
        state.log(`${prefix} ${a.level}: ${a.message}${where}`);
        return;
      }
      case 'debug':
        logStream.write(`debug: ${line}\n`);
        if (state.options.verbose) state.log(`${prefix} debug: ${state.masker.mask(cmd.message)}`);
        return;
      case 'set-output':
        // Deprecated on GitHub; forgejo-runner still honours it.
        if (cmd.properties['name']) outputs.set(cmd.properties['name'], cmd.message);
        return;
      case 'save-state':
        if (cmd.properties['name']) actionState.set(cmd.properties['name'], cmd.message);
        return;
      case 'stop-commands':
        stopToken = cmd.message;
        return;
      case 'echo':
        return;
      case 'set-env':
      case 'add-path':
        print(`warning: ::${cmd.command}:: is disabled (use GITHUB_ENV / GITHUB_PATH)`);
        return;
      default:
        print(line);
    }
  };

  const stepAbort = new AbortController();
  const abort = (): void => stepAbort.abort();
  // A step that starts after a cancel (an always() step) runs to its end; one running at cancel stops.
  const signals = [state.options.signal, jr.jobAbort.signal].filter(
    (s): s is AbortSignal => s !== undefined && !s.aborted,
  );
  signals.forEach((s) => s.addEventListener('abort', abort, { once: true }));
  state.options.forceSignal?.addEventListener('abort', abort, { once: true });
  if (state.options.forceSignal?.aborted) abort();
  result.startedAt = Date.now();
  let proc;
  try {
    proc = await runProcess(argv, {
      cwd,
      env,
      onLine,
      timeoutMs: stepTimeout === undefined ? undefined : stepTimeout * 60_000,
      signal: stepAbort.signal,
      killGraceMs: state.options.killGraceMs,
      onSpawn: (pid) => jr.groups.add(pid),
    });
  } finally {
    signals.forEach((s) => s.removeEventListener('abort', abort));
    state.options.forceSignal?.removeEventListener('abort', abort);
    await new Promise<void>((resolve) => logStream.end(resolve));
  }
  result.endedAt = Date.now();
  result.durationMs = result.endedAt - result.startedAt;

  const problems: string[] = [];
  const read = async (file: string): Promise<string> => readFile(file, 'utf8');
  try {
    for (const [k, v] of parseEnvFile(await read(files.output), 'GITHUB_OUTPUT')) outputs.set(k, v);
  } catch (err) {
    problems.push(errorText(err));
  }
  try {
    for (const [k, v] of parseEnvFile(await read(files.env), 'GITHUB_ENV')) jr.githubEnv[k] = v;
  } catch (err) {
    problems.push(errorText(err));
  }
  try {
    for (const [k, v] of parseEnvFile(await read(files.state), 'GITHUB_STATE')) actionState.set(k, v);
  } catch (err) {
    problems.push(errorText(err));
  }
  // Later additions come first, as with the runners' prepend.
  jr.paths.unshift(...parsePathFile(await read(files.path)).reverse());
  const summary = await read(files.summary);
  if (summary.trim() !== '')
    jr.result.summary += `${state.masker.mask(summary)}${summary.endsWith('\n') ? '' : '\n'}`;
  result.outputs = Object.fromEntries(outputs);

  if (proc.cancelled && !proc.timedOut) {
    result.outcome = jr.timedOut ? 'failure' : 'cancelled';
    result.error = jr.timedOut ? 'the job exceeded its timeout-minutes' : 'cancelled';
  } else if (proc.timedOut) {
    result.outcome = 'failure';
    result.error = `exceeded timeout-minutes (${stepTimeout})`;
  } else if (proc.exitCode !== 0) {
    result.outcome = 'failure';
    result.error = proc.signal
      ? `killed by ${proc.signal}`
      : `process completed with exit code ${proc.exitCode}`;
  } else if (problems.length > 0) {
    result.outcome = 'failure';
    result.error = problems.join('; ');
  } else {
    result.outcome = 'success';
  }
  if (result.outcome !== 'success' && hidden.length > 0) {
    // The failure is usually inside a collapsed group: show its end.
    const tail = hidden.slice(-20);
    state.log(`${prefix} … last ${tail.length} of ${hidden.length} collapsed lines (full log: ${logFile}):`);
    tail.forEach((l) => state.log(`${prefix}   ${l}`));
  }
}
