// One job: its `if:`, its directories and runner context, its steps under the job's timeout, its
// outputs, the post steps in reverse order, and the result with `continue-on-error` applied.
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { baseContexts, envRecord, jobContexts, statusOf, stepStatus } from './contexts.js';
import { errorText } from './errors.js';
import {
  type Contexts,
  type JsonValue,
  evaluateCondition,
  evaluateString,
  evaluateToken,
} from './expressions.js';
import { removeJobContainer } from './job-container.js';
import { enterContainer, hostPlace } from './job-place.js';
import { killGroup } from './process.js';
import { type JobResult, type Outcome, jobEndLine } from './report.js';
import type { JobRun, RunState } from './run-state.js';
import { runMainStep, runPostStep } from './step.js';
import type { JobModel } from './workflow.js';

/** Runs one job whose `needs` all have a result; resolves with its result, never rejects. */
export async function runJob(state: RunState, job: JobModel): Promise<JobResult> {
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
    mode: state.placements.get(job.id)?.kind ?? 'host',
    node: '',
  };
  const needs: Contexts['needs'] = {};
  for (const n of job.needs) {
    const r = state.results.get(n);
    needs[n] = { outputs: r?.outputs ?? {}, result: r?.result ?? 'skipped' };
  }
  const github = { ...state.github, job: job.id };
  if (shouldRun(state, job, result, baseContexts(state, { github, needs }))) {
    const jr = await startJob(state, job, result, needs, github);
    await runSteps(jr);
    concludeJob(jr);
  }
  state.log(jobEndLine(result));
  return result;
}

/** The job's `if:`; an expression that fails to evaluate fails the job without running it. */
function shouldRun(state: RunState, job: JobModel, result: JobResult, ctx: Partial<Contexts>): boolean {
  try {
    return !state.forced() && evaluateCondition(job.if, ctx, statusOf(state, job.needs), `jobs.${job.id}.if`);
  } catch (err) {
    result.result = result.outcome = 'failure';
    result.error = errorText(err);
    return false;
  }
}

/** Creates the job's directories and runner context and marks it started. */
async function startJob(
  state: RunState,
  job: JobModel,
  result: JobResult,
  needs: Contexts['needs'],
  github: Record<string, JsonValue>,
): Promise<JobRun> {
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
  result.startedAt = Date.now();
  return {
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
    place: hostPlace(state),
  };
}

/** Puts the job where its label says (its container, or this host) and logs where that is. */
async function placeJob(jr: JobRun): Promise<void> {
  const placement = jr.state.placements.get(jr.job.id) ?? { kind: 'host' };
  if (placement.kind === 'container') {
    jr.result.image = placement.image;
    await enterContainer(jr, placement.image);
  }
  jr.result.node = jr.place.node;
  const where = jr.place.container
    ? `in container ${jr.place.container.name} from ${jr.place.container.image}`
    : 'on this host';
  jr.state.log(`[job] ${jr.job.id} ▶ started ${where} (node ${jr.place.node})`);
}

/** The job's `env:`, then its steps under its timeout, its outputs and its post steps; then cleanup. */
async function runSteps(jr: JobRun): Promise<void> {
  const { state, job, result } = jr;
  let timer: NodeJS.Timeout | undefined;
  try {
    await placeJob(jr);
    const jobCtx = jobContexts(jr);
    if (job.env) {
      const value = evaluateToken(job.env, jobCtx, statusOf(state, job.needs), `jobs.${job.id}.env`);
      Object.assign(jr.env, envRecord(value));
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
    const container = jr.place.container;
    if (container) await removeJobContainer(container.cli, container.engine, container.name);
    await rm(jr.temp, { recursive: true, force: true });
  }
}

/** Sets the job's outcome and, through `continue-on-error`, its result. */
function concludeJob(jr: JobRun): void {
  const { state, job, result } = jr;
  result.endedAt = Date.now();
  result.durationMs = result.endedAt - (result.startedAt ?? result.endedAt);
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
}

/** Evaluates the job's `outputs:`; one that may hold a secret is dropped with a warning. */
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
