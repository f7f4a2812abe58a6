// `digestline-run`: the local runner and the wiring checks from the command line.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { errorText } from './errors.js';
import { LabelSyntaxError, parseLabels } from './placement.js';
import type { RunOptions } from './run-state.js';
import { UnsupportedError, runWorkflow } from './runner.js';
import { type RunResult, seconds } from './report.js';
import { STACK_CHECK_USAGE, stackCheckCommand } from './stack-check.js';
import { checkWiring, formatFinding } from './wiring.js';
import { WorkflowError } from './workflow.js';

export const USAGE = `Usage:
  digestline-run [run] --workflow FILE [--workspace DIR] [options]
  digestline-run check [--label L]... FILE...
  digestline-run stack check [--image NAME=REF]... [--profile P]... [--env K=V]... [--deploy] FILE

run options:
  --workflow FILE          workflow to run (required)
  --workspace DIR          checkout the jobs run in (default: current directory)
  --event NAME             github.event_name (default: push)
  --input k=v              workflow_dispatch input (repeatable)
  --secret k=v | k         secret; a bare name reads it from the environment (repeatable)
  --var k=v                vars.<k> (repeatable)
  --env k=v                extra environment for every step (repeatable)
  --action-map pattern=dir map remote uses: to a directory, e.g. '*/digestline/actions/=./actions/'
  --job ID                 run only this job and what it needs (repeatable)
  --concurrency N          jobs at once (default: CPU count)
  --sha SHA --ref REF --repository OWNER/NAME --server-url URL --run-id N --run-number N
  --artifact-url URL --artifact-token TOKEN   give steps ACTIONS_RUNTIME_URL/_TOKEN
  --run-dir DIR            where logs go (default: a new temp directory)
  --json FILE              write the result (jobs, outputs, steps, timeline) as JSON
  --verbose                show ::group:: contents and ::debug:: lines
  --label NAME:docker://IMAGE | NAME:host
                           a runner label (repeatable): jobs whose runs-on names it first run in a
                           fresh container from IMAGE, or on this host; without --label every job
                           runs on this host
  --job-engine docker|podman   the engine that runs job containers (default: podman)
  --engine-socket PATH     the engine socket mounted at /var/run/docker.sock in job containers
                           (default: docker's /var/run/docker.sock; for podman a
                           'podman system service' the run starts)
  --job-network NAME       the network job containers join (default: host)

Exit status: 0 all jobs succeeded or were skipped, 1 a job failed, 2 usage or invalid workflow,
130 cancelled (SIGINT/SIGTERM; a second signal stops at once, without post steps).`;

function pairs(values: string[] | undefined, option: string, fromEnv = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    if (eq > 0) {
      out[v.slice(0, eq)] = v.slice(eq + 1);
    } else if (fromEnv && eq < 0 && v !== '') {
      const value = process.env[v];
      if (value === undefined) throw new Error(`${option} ${v}: no such environment variable`);
      out[v] = value;
    } else {
      throw new Error(`${option} ${v}: expected key=value`);
    }
  }
  return out;
}

/** The options of `digestline-run run`, checked; `json` is where the result goes, if anywhere. */
export function parseRunArgs(args: string[]): { options: RunOptions; json: string | undefined } {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      workflow: { type: 'string' },
      workspace: { type: 'string' },
      event: { type: 'string' },
      input: { type: 'string', multiple: true },
      secret: { type: 'string', multiple: true },
      var: { type: 'string', multiple: true },
      env: { type: 'string', multiple: true },
      'action-map': { type: 'string', multiple: true },
      job: { type: 'string', multiple: true },
      concurrency: { type: 'string' },
      sha: { type: 'string' },
      ref: { type: 'string' },
      repository: { type: 'string' },
      'server-url': { type: 'string' },
      'run-id': { type: 'string' },
      'run-number': { type: 'string' },
      'artifact-url': { type: 'string' },
      'artifact-token': { type: 'string' },
      'run-dir': { type: 'string' },
      json: { type: 'string' },
      verbose: { type: 'boolean' },
      label: { type: 'string', multiple: true },
      'job-engine': { type: 'string' },
      'engine-socket': { type: 'string' },
      'job-network': { type: 'string' },
    },
  });
  if (!values.workflow) throw new UsageError('--workflow FILE is required');
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
    throw new UsageError(`--concurrency ${values.concurrency}: expected a positive integer`);
  }
  if (Boolean(values['artifact-url']) !== Boolean(values['artifact-token'])) {
    throw new UsageError('--artifact-url and --artifact-token go together');
  }
  const actionMap = pairs(values['action-map'], '--action-map');
  const jobEngine = values['job-engine'] ?? 'podman';
  if (jobEngine !== 'docker' && jobEngine !== 'podman') {
    throw new UsageError(`--job-engine ${jobEngine}: expected docker or podman`);
  }
  let labels: RunOptions['labels'];
  try {
    labels = values.label ? parseLabels(values.label) : undefined;
  } catch (err) {
    if (err instanceof LabelSyntaxError) throw new UsageError(err.message);
    throw err;
  }
  const options: RunOptions = {
    workflow: values.workflow,
    workspace: values.workspace ?? process.cwd(),
    event: values.event,
    inputs: pairs(values.input, '--input'),
    secrets: pairs(values.secret, '--secret', true),
    vars: pairs(values.var, '--var'),
    env: pairs(values.env, '--env'),
    actionMap: Object.fromEntries(Object.entries(actionMap).map(([k, v]) => [k, path.resolve(v)])),
    jobs: values.job,
    concurrency,
    github: {
      sha: values.sha,
      ref: values.ref,
      repository: values.repository,
      serverUrl: values['server-url'],
      runId: values['run-id'],
      runNumber: values['run-number'],
    },
    artifactServer:
      values['artifact-url'] && values['artifact-token']
        ? { url: values['artifact-url'], token: values['artifact-token'] }
        : undefined,
    runDir: values['run-dir'],
    verbose: values.verbose,
    labels,
    jobEngine: {
      cli: jobEngine,
      socket: values['engine-socket'] ? path.resolve(values['engine-socket']) : undefined,
      network: values['job-network'] ?? 'host',
    },
  };
  return { options, json: values.json };
}

/**
 * SIGINT/SIGTERM cancel the run (post steps still run); a second one stops it at once. Call
 * `release` when the run is over.
 */
function cancelOnSignals(): { signal: AbortSignal; forceSignal: AbortSignal; release: () => void } {
  const cancel = new AbortController();
  const force = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!cancel.signal.aborted) {
      process.stderr.write(`\n[run] ${signal}: cancelling (post steps still run; again to stop at once)\n`);
      cancel.abort();
    } else {
      process.stderr.write(`\n[run] ${signal}: stopping now\n`);
      force.abort();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: cancel.signal,
    forceSignal: force.signal,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** The last line of a run: ok or FAILED, how long, how many jobs ended how, where the logs are. */
function runSummaryLine(result: RunResult): string {
  const counts = Object.values(result.jobs).reduce<Record<string, number>>((acc, j) => {
    acc[j.result] = (acc[j.result] ?? 0) + 1;
    return acc;
  }, {});
  return `[run] ${result.ok ? 'ok' : 'FAILED'} in ${seconds(result.endedAt - result.startedAt)}: ${Object.entries(
    counts,
  )
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')} (logs: ${result.runDir})\n`;
}

async function runCommand(args: string[]): Promise<number> {
  const { options, json } = parseRunArgs(args);
  const { signal, forceSignal, release } = cancelOnSignals();
  try {
    const result = await runWorkflow({ ...options, signal, forceSignal });
    if (json) await writeFile(json, `${JSON.stringify(result, null, 2)}\n`);
    process.stderr.write(runSummaryLine(result));
    if (result.cancelled) return 130;
    return result.ok ? 0 : 1;
  } finally {
    release();
  }
}

async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { label: { type: 'string', multiple: true } },
  });
  if (positionals.length === 0) throw new UsageError('check: give at least one workflow file');
  let total = 0;
  for (const file of positionals) {
    const findings = await checkWiring(file, { labels: values.label });
    findings.forEach((f) => process.stdout.write(`${formatFinding(f)}\n`));
    total += findings.length;
  }
  process.stderr.write(`[check] ${positionals.length} workflow(s), ${total} finding(s)\n`);
  return total === 0 ? 0 : 1;
}

class UsageError extends Error {}

/** Runs the CLI with argv (without node and script); resolves with the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (first === 'check') return await checkCommand(rest);
    if (first === 'stack') {
      if (rest[0] === 'check') return await stackCheckCommand(rest.slice(1));
      process.stderr.write(
        `digestline-run: stack: expected "stack check", got ${JSON.stringify(rest[0] ?? '')}\n${STACK_CHECK_USAGE}\n`,
      );
      return 2;
    }
    return await runCommand(first === 'run' ? rest : argv);
  } catch (err) {
    process.stderr.write(`digestline-run: ${errorText(err)}\n`);
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (err instanceof WorkflowError || err instanceof UnsupportedError) return 2;
    return 2;
  }
}
