// One step as a process: started in its environment, stopped on cancel, job timeout or its own
// `timeout-minutes`, its file commands (GITHUB_OUTPUT, _ENV, _STATE, _PATH, step summary) read back
// into the job, and its outcome decided from how it ended.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionMetadata } from './action.js';
import { parseEnvFile, parsePathFile } from './commands.js';
import { jobContexts, stepStatus } from './contexts.js';
import { errorText } from './errors.js';
import { evaluateToken } from './expressions.js';
import { execArgv, stopContainerProcesses } from './job-container.js';
import { type ProcessResult, runProcess } from './process.js';
import type { StepResult } from './report.js';
import type { JobRun } from './run-state.js';
import { type StepFiles, createStepFiles, stepEnvironment } from './step-env.js';
import { StepOutput } from './step-log.js';
import type { StepModel } from './workflow.js';

/**
 * Runs `argv` as the step `result` records (a main step, or a post step when `result.post`) and
 * sets its times, outputs, log file, outcome and error; `actionState` collects what it saves for
 * its post step.
 */
export async function runStepProcess(
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
  const files = await createStepFiles(jr, n);
  const env = stepEnvironment(jr, step, meta, files, extraEnv);
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
  const outputs = new Map<string, string>();
  const output = new StepOutput(state, prefix, logFile, result, outputs, actionState);
  result.logFile = logFile;

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
  const container = jr.place.container;
  const stops: Array<Promise<void>> = [];
  const onStop = container
    ? (): void => {
        if (stops.length === 0)
          stops.push(stopContainerProcesses(container, state.options.killGraceMs ?? 5000));
      }
    : undefined;
  let proc: ProcessResult;
  try {
    // In a container the exec CLI carries the step's environment: its values are the CLI's own.
    proc = await runProcess(
      container ? execArgv(container.cli, container.name, cwd, Object.keys(env), argv) : argv,
      {
        cwd: container ? jr.dir : cwd,
        env,
        onStop,
        onLine: output.onLine,
        timeoutMs: stepTimeout === undefined ? undefined : stepTimeout * 60_000,
        signal: stepAbort.signal,
        killGraceMs: state.options.killGraceMs,
        onSpawn: (pid) => jr.groups.add(pid),
      },
    );
  } finally {
    signals.forEach((s) => s.removeEventListener('abort', abort));
    state.options.forceSignal?.removeEventListener('abort', abort);
    await Promise.all(stops);
    await output.close();
  }
  result.endedAt = Date.now();
  result.durationMs = result.endedAt - result.startedAt;

  const problems = await readFileCommands(jr, files, outputs, actionState);
  result.outputs = Object.fromEntries(outputs);
  setOutcome(jr, result, proc, stepTimeout, problems);
  if (result.outcome !== 'success' && output.hidden.length > 0) {
    // The failure is usually inside a collapsed group: show its end.
    const tail = output.hidden.slice(-20);
    state.log(
      `${prefix} … last ${tail.length} of ${output.hidden.length} collapsed lines (full log: ${logFile}):`,
    );
    tail.forEach((l) => state.log(`${prefix}   ${l}`));
  }
}

/**
 * Takes what the step wrote to its file-command files into `outputs`, the job's env and PATH,
 * `actionState` and the job summary; returns the problems that fail the step (malformed files).
 */
async function readFileCommands(
  jr: JobRun,
  files: StepFiles,
  outputs: Map<string, string>,
  actionState: Map<string, string>,
): Promise<string[]> {
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
    jr.result.summary += `${jr.state.masker.mask(summary)}${summary.endsWith('\n') ? '' : '\n'}`;
  return problems;
}

/** The step's outcome and error from how its process ended and what its files held. */
function setOutcome(
  jr: JobRun,
  result: StepResult,
  proc: ProcessResult,
  stepTimeout: number | undefined,
  problems: string[],
): void {
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
}
