// The environment a step process starts with: the host's, the workflow's and job's `env:`, what
// earlier steps wrote to GITHUB_ENV and GITHUB_PATH, and the variables the runners set themselves,
// file commands included (each step gets its own empty files).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionMetadata } from './action.js';
import { knownActionPath, stepPath } from './job-place.js';
import type { JobRun } from './run-state.js';
import type { StepModel } from './workflow.js';

/** The file-command files of one step process. */
export interface StepFiles {
  output: string;
  env: string;
  path: string;
  state: string;
  summary: string;
}

/** Creates the empty file-command files of the step process numbered `n` in its job. */
export async function createStepFiles(jr: JobRun, n: string): Promise<StepFiles> {
  const files = {
    output: path.join(jr.dir, 'files', `output-${n}`),
    env: path.join(jr.dir, 'files', `env-${n}`),
    path: path.join(jr.dir, 'files', `path-${n}`),
    state: path.join(jr.dir, 'files', `state-${n}`),
    summary: path.join(jr.dir, 'files', `summary-${n}`),
  };
  await Promise.all(Object.values(files).map((f) => writeFile(f, '')));
  return files;
}

/** Mirrors GITHUB_* as FORGEJO_*, as the Forgejo runner does. */
function withForgejoTwins(env: Record<string, string>): Record<string, string> {
  const out = { ...env };
  for (const [k, v] of Object.entries(env)) {
    if (k.startsWith('GITHUB_')) out[`FORGEJO_${k.slice('GITHUB_'.length)}`] = v;
  }
  return out;
}

/** The variables the runners set for every step (their own values win over any `env:`). */
function runnerVariables(
  jr: JobRun,
  step: StepModel,
  meta: ActionMetadata | undefined,
  files: StepFiles,
): Record<string, string> {
  const { state } = jr;
  const runnerEnv: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    FORGEJO_ACTIONS: 'true',
    GITEA_ACTIONS: 'true',
    GITHUB_WORKSPACE: jr.place.workspace,
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
    GITHUB_OUTPUT: stepPath(jr, files.output),
    GITHUB_ENV: stepPath(jr, files.env),
    GITHUB_PATH: stepPath(jr, files.path),
    GITHUB_STATE: stepPath(jr, files.state),
    GITHUB_STEP_SUMMARY: stepPath(jr, files.summary),
    RUNNER_OS: String(jr.runner['os']),
    RUNNER_ARCH: String(jr.runner['arch']),
    RUNNER_NAME: String(jr.runner['name']),
    RUNNER_TEMP: String(jr.runner['temp']),
    RUNNER_TOOL_CACHE: String(jr.runner['tool_cache']),
  };
  if (meta) {
    runnerEnv['GITHUB_ACTION_PATH'] = knownActionPath(jr, meta.dir);
    runnerEnv['GITHUB_ACTION_REPOSITORY'] = step.uses?.startsWith('./')
      ? String(jr.github['repository'])
      : ((step.uses ?? '').split('@')[0] ?? '');
  }
  if (state.options.artifactServer) {
    runnerEnv['ACTIONS_RUNTIME_URL'] = state.options.artifactServer.url;
    runnerEnv['ACTIONS_RESULTS_URL'] = state.options.artifactServer.url;
    runnerEnv['ACTIONS_RUNTIME_TOKEN'] = state.options.artifactServer.token;
  }
  return runnerEnv;
}

/**
 * The whole environment of a step process; `extraEnv` is the step's own `env:` and its `INPUT_*`
 * (or, for a post step, those of its main step and its saved `STATE_*`).
 */
export function stepEnvironment(
  jr: JobRun,
  step: StepModel,
  meta: ActionMetadata | undefined,
  files: StepFiles,
  extraEnv: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {
    ...jr.place.baseEnv,
    ...jr.env,
    ...jr.githubEnv,
    ...extraEnv,
    ...withForgejoTwins(runnerVariables(jr, step, meta, files)),
  };
  const basePath = env['PATH'] ?? (jr.place.mode === 'host' ? (process.env['PATH'] ?? '') : '');
  env['PATH'] = [...jr.paths, basePath].filter((p) => p !== '').join(path.delimiter);
  return env;
}
