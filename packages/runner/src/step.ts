// One step of a job, main or post: its `if:`, what it runs (a script in its shell, or a local
// action's entry point with its inputs), and its result with `continue-on-error` applied.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ActionMetadata, inputEnvName, readActionMetadata, resolveActionDir } from './action.js';
import { envRecord, jobContexts, stepStatus } from './contexts.js';
import { errorText } from './errors.js';
import {
  type Contexts,
  evaluateCondition,
  evaluateString,
  evaluateToken,
  expandTemplateString,
} from './expressions.js';
import { actionPath, stepPath } from './job-place.js';
import { type StepResult, stepEndLine } from './report.js';
import type { JobRun, PostStep, RunState } from './run-state.js';
import { scriptExtension, shellArgv } from './shell.js';
import { runStepProcess } from './step-process.js';
import type { StepModel } from './workflow.js';

/** What a main step runs; an empty argv when there is nothing to run (the checkout of this repo). */
interface StepCommand {
  argv: string[];
  cwd: string;
  inputsEnv: Record<string, string>;
  meta?: ActionMetadata;
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

/** Runs a main step (or records it as skipped) and updates the job's status from its conclusion. */
export async function runMainStep(jr: JobRun, step: StepModel): Promise<void> {
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
      stepEnv = envRecord(evaluateToken(step.env, jobContexts(jr), stepStatus(jr), `${where}.env`));
    }
    const ctx = jobContexts(jr, stepEnv);
    if (step.nameToken && !step.nameToken.isLiteral) {
      result.name = evaluateString(step.nameToken, ctx, stepStatus(jr), `${where}.name`);
    }
    jr.state.log(`${prefix} ▶ ${result.name}`);
    const { argv, cwd, inputsEnv, meta } = await stepCommand(jr, step, result, ctx, prefix, where);
    const state = new Map<string, string>();
    if (argv.length > 0)
      await runStepProcess(jr, result, prefix, argv, cwd, { ...stepEnv, ...inputsEnv }, step, meta, state);
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

/** Resolves what a main step runs: its script in its shell, or its action's `runs.main`. */
async function stepCommand(
  jr: JobRun,
  step: StepModel,
  result: StepResult,
  ctx: Partial<Contexts>,
  prefix: string,
  where: string,
): Promise<StepCommand> {
  if (step.run !== undefined) return scriptCommand(jr, step, step.run, ctx, where);
  if (isCheckoutOfThisRepo(jr, step, ctx)) {
    // The workspace already is the checkout (as act does for the repository under test).
    result.startedAt = result.endedAt = Date.now();
    result.outcome = 'success';
    jr.state.log(
      jr.place.mode === 'host'
        ? `${prefix} ${step.uses}: using the local workspace ${jr.state.workspace} as the checkout`
        : `${prefix} ${step.uses}: the copy of ${jr.state.workspace} at ${jr.place.workspace} is the checkout`,
    );
    return { argv: [], cwd: jr.place.workspace, inputsEnv: {} };
  }
  const uses = step.uses ?? '';
  const meta = await actionMetadata(jr.state, uses);
  if (meta.pre) throw new Error(`${uses}: runs.pre is not supported by the local runner`);
  const inputsEnv = actionInputs(jr, step, meta, ctx, prefix, where);
  return { argv: await nodeArgv(jr, meta, meta.main), cwd: jr.place.workspace, inputsEnv, meta };
}

/** A `run:` step: the script written to a file in the job's temp dir, run by its shell. */
async function scriptCommand(
  jr: JobRun,
  step: StepModel,
  run: NonNullable<StepModel['run']>,
  ctx: Partial<Contexts>,
  where: string,
): Promise<StepCommand> {
  let cwd = jr.place.workspace;
  const script = evaluateString(run, ctx, stepStatus(jr), `${where}.run`);
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
  if (wd && jr.place.mode === 'container') {
    // The engine's exec refuses a working directory that does not exist in the container.
    cwd = path.posix.resolve(jr.place.workspace, wd);
  } else if (wd) {
    cwd = path.resolve(jr.state.workspace, wd);
    if (!existsSync(cwd)) throw new Error(`working-directory ${wd} does not exist (${cwd})`);
  }
  const file = path.join(jr.temp, `${randomUUID()}${scriptExtension(shell)}`);
  await writeFile(file, script);
  return { argv: shellArgv(shell, stepPath(jr, file)), cwd, inputsEnv: {} };
}

/** Whether a step is `actions/checkout` of the repository being run (the workspace itself). */
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

/** A local action's metadata, read once per directory in a run. */
async function actionMetadata(state: RunState, uses: string): Promise<ActionMetadata> {
  const dir = resolveActionDir(uses, state.workspace, state.options.actionMap);
  let cached = state.actionCache.get(dir);
  if (!cached) {
    cached = readActionMetadata(dir);
    state.actionCache.set(dir, cached);
  }
  return cached;
}

/** The `INPUT_*` variables of an action step: its `with:`, then the action's input defaults. */
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

/**
 * The argv that runs an action's entry point: the runner's own node on the host, the image's
 * `node` on the action's copy in a container (as forgejo-runner does, whatever `runs.using` says).
 */
async function nodeArgv(jr: JobRun, meta: ActionMetadata, entry: string): Promise<string[]> {
  if (jr.place.mode === 'host') return [process.execPath, path.join(meta.dir, entry)];
  return ['node', path.posix.join(await actionPath(jr, meta.dir), entry)];
}

/** Runs a post step unless its `post-if` says no; a failure fails the job, as in main. */
export async function runPostStep(jr: JobRun, post: PostStep): Promise<void> {
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
      await runStepProcess(
        jr,
        result,
        prefix,
        await nodeArgv(jr, meta, meta.post ?? meta.main),
        jr.place.workspace,
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
