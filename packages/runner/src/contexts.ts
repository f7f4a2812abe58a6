// The expression contexts a run, a job and a step see (github, inputs, env, needs, steps, runner …)
// and the status that success(), failure() and cancelled() read at each level.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Contexts, JsonValue, StatusState } from './expressions.js';
import type { JobRun, RunOptions, RunState } from './run-state.js';
import type { WorkflowModel } from './workflow.js';

const execFileAsync = promisify(execFile);

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

/** The object an `env:` mapping evaluated to, as environment variables (null becomes ''). */
export function envRecord(value: JsonValue): Record<string, string> {
  const record = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, String(v ?? '')]));
}

/**
 * The `inputs` context. For `workflow_dispatch`, only declared inputs are accepted, declared
 * defaults fill the rest and booleans and numbers are typed; other events pass them through.
 */
export function dispatchInputs(
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

/** The `github` context of the run; also writes the event payload file it points to. */
export async function githubContext(
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

/** The status functions' view at job level: the job's `needs` and their ancestors. */
export function statusOf(state: RunState, needs: string[]): StatusState {
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

/** The contexts every level sees (github, vars, secrets, inputs, workflow env), plus `extra`. */
export function baseContexts(state: RunState, extra: Partial<Contexts>): Partial<Contexts> {
  return {
    github: state.github,
    vars: state.options.vars ?? {},
    secrets: state.options.secrets ?? {},
    inputs: state.inputs,
    env: { ...state.workflowEnv },
    ...extra,
  };
}

/** The contexts inside a job; `extraEnv` is the step's own `env:`. */
export function jobContexts(jr: JobRun, extraEnv: Record<string, string> = {}): Partial<Contexts> {
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

/** The status functions' view inside a job: how the job's steps went so far. */
export function stepStatus(jr: JobRun): StatusState {
  return {
    success: jr.status === 'success',
    failure: jr.status === 'failure',
    cancelled: jr.state.cancelled() || jr.timedOut,
  };
}
