// Runs a workflow on this machine the way forgejo-runner runs it on a host-mode runner: jobs in
// `needs` order (independent ones concurrently), steps as processes, file and workflow commands,
// post steps in reverse order. It is a way to try the pipeline locally, not a replacement for the
// runner (no containers, no matrix, no remote actions).
//
// This module sets a run up; scheduler.ts orders its jobs, job.ts and step.ts run them,
// step-process.ts runs each step's process, contexts.ts builds what expressions see.
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Masker } from './commands.js';
import { baseContexts, dispatchInputs, envRecord, githubContext, statusOf } from './contexts.js';
import { evaluateToken } from './expressions.js';
import { type JobResult, type RunResult, buildTimeline } from './report.js';
import type { RunOptions, RunState } from './run-state.js';
import { needsClosure, runJobs } from './scheduler.js';
import { loadWorkflow } from './workflow.js';

/** A workflow the local runner refuses to run (container jobs, matrix, …), before anything started. */
export class UnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedError';
  }
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
    Object.assign(state.workflowEnv, envRecord(value));
  }

  await runJobs(state, jobs);
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
