// Runs a workflow on this machine the way forgejo-runner runs it: jobs in `needs` order
// (independent ones concurrently), on this host or, as the runner's labels say, in job containers;
// steps as processes, file and workflow commands, post steps in reverse order. It is a way to try
// the pipeline locally, not a replacement for the runner (no `container:`/`services:`, no matrix,
// no remote actions).
//
// This module sets a run up; scheduler.ts orders its jobs, job.ts and step.ts run them,
// step-process.ts runs each step's process, contexts.ts builds what expressions see.
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Masker } from './commands.js';
import { baseContexts, dispatchInputs, envRecord, githubContext, statusOf } from './contexts.js';
import { type JsonValue, evaluateToken } from './expressions.js';
import { PodmanService, engineSocket } from './job-container.js';
import { type JobPlacement, placeJob, runsOnLabels } from './placement.js';
import { type JobResult, type RunResult, buildTimeline } from './report.js';
import type { RunOptions, RunState } from './run-state.js';
import { needsClosure, runJobs } from './scheduler.js';
import { type JobModel, type WorkflowModel, loadWorkflow } from './workflow.js';

/** A workflow the local runner refuses to run (`container:`, matrix, a job no label matches, …), before anything started. */
export class UnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedError';
  }
}

/**
 * Where each job runs, from its evaluated `runs-on` and the runner's labels; refuses a job no
 * label matches, as no runner would ever pick it up.
 */
function placements(
  workflow: WorkflowModel,
  jobs: JobModel[],
  labels: Record<string, JobPlacement> | undefined,
  evaluate: (job: JobModel) => JsonValue,
): Map<string, JobPlacement> {
  const out = new Map<string, JobPlacement>();
  const unplaced: string[] = [];
  for (const job of jobs) {
    const jobLabels = labels && job.runsOn ? runsOnLabels(evaluate(job)) : [];
    const placement = placeJob(jobLabels, labels);
    if (placement) out.set(job.id, placement);
    else unplaced.push(`job '${job.id}' runs on [${jobLabels.join(', ')}]`);
  }
  if (unplaced.length > 0) {
    throw new UnsupportedError(
      `${workflow.path}: no runner label matches: ${unplaced.join('; ')}; known labels: ${Object.keys(labels ?? {}).join(', ')}`,
    );
  }
  return out;
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
  let podman: PodmanService | undefined;
  let socket: Promise<string> | undefined;
  const engine = options.jobEngine ?? { cli: 'podman' };

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
    placements: new Map(),
    engineSocket: () => {
      if (!socket) {
        const where = engineSocket(engine, runDir);
        if (engine.cli === 'podman' && !engine.socket) {
          podman = new PodmanService(where);
          socket = podman.start().then(() => where);
        } else {
          socket = Promise.resolve(where);
        }
      }
      return socket;
    },
  };
  const startedAt = Date.now();
  if (workflow.env) {
    const value = evaluateToken(workflow.env, baseContexts(state, {}), statusOf(state, []), 'env');
    Object.assign(state.workflowEnv, envRecord(value));
  }
  state.placements = placements(workflow, jobs, options.labels, (job) =>
    evaluateToken(job.runsOn!, baseContexts(state, {}), statusOf(state, []), `jobs.${job.id}.runs-on`),
  );

  try {
    await runJobs(state, jobs);
  } finally {
    podman?.stop();
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
