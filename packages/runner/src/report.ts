// Result and timeline types, and the progress lines the runner prints.

/** Outcome of a step or job, with the runners' vocabulary. */
export type Outcome = 'success' | 'failure' | 'cancelled' | 'skipped';

/** An `::error::`, `::warning::` or `::notice::` a step printed. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: string;
}

/** One main or post step. Times are epoch milliseconds. */
export interface StepResult {
  /** Step id (generated `__run…` ids for steps without `id:`); post steps are `post:<id>`. */
  id: string;
  name: string;
  post: boolean;
  /** Before continue-on-error. */
  outcome: Outcome;
  /** After continue-on-error (what `success()` and the job see). */
  conclusion: Outcome;
  outputs: Record<string, string>;
  annotations: Annotation[];
  startedAt?: number;
  endedAt?: number;
  durationMs: number;
  /** Why the step failed (exit code, timeout, bad file command, unsupported feature). */
  error?: string;
  /** Full, masked log of the step (groups expanded). */
  logFile?: string;
}

/** One job. `result` is what `needs.<id>.result` shows; `outcome` is before continue-on-error. */
export interface JobResult {
  id: string;
  name: string;
  needs: string[];
  result: Outcome;
  outcome: Outcome;
  outputs: Record<string, string>;
  steps: StepResult[];
  startedAt?: number;
  endedAt?: number;
  durationMs: number;
  /** The concatenated GITHUB_STEP_SUMMARY content of its steps. */
  summary: string;
  error?: string;
  /** Where its steps run: on this host or in a job container (from the runner's labels). */
  mode: 'host' | 'container';
  /** `process.version` of the node its actions ran with (the image's in a container); '' if it never started. */
  node: string;
  /** The job container's image. */
  image?: string;
}

/** Start/end offsets (ms from the run's start) per job and step, enough for a critical path. */
export interface Timeline {
  startedAt: number;
  jobs: Array<{
    id: string;
    needs: string[];
    result: Outcome;
    start?: number;
    end?: number;
    steps: Array<{ id: string; name: string; post: boolean; start?: number; end?: number }>;
  }>;
}

/** What runWorkflow returns. `ok` is false when any job failed or was cancelled. */
export interface RunResult {
  ok: boolean;
  cancelled: boolean;
  jobs: Record<string, JobResult>;
  timeline: Timeline;
  startedAt: number;
  endedAt: number;
  /** Where logs, event.json and per-job files were written. */
  runDir: string;
}

/** Seconds with one decimal, as in `41.2s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

const MARKS: Record<Outcome, string> = { success: '✓', failure: '✗', cancelled: '⊘', skipped: '–' };

/** `[job] build-backend ✓ 41.2s` and friends. */
export function jobEndLine(job: JobResult): string {
  const tail =
    job.result === 'skipped'
      ? 'skipped'
      : `${job.result === 'success' ? '' : `${job.result} `}${seconds(job.durationMs)}${
          job.outcome !== job.result ? ` (outcome ${job.outcome}, continue-on-error)` : ''
        }`;
  return `[job] ${job.id} ${MARKS[job.result]} ${tail}${job.error ? ` — ${job.error}` : ''}`;
}

/** The step end line, e.g. `[build/push] ✗ failure 2.0s — exit code 1`. */
export function stepEndLine(prefix: string, step: StepResult): string {
  const what = step.conclusion === 'success' ? '' : `${step.conclusion} `;
  const extra = step.outcome !== step.conclusion ? ` (outcome ${step.outcome}, continue-on-error)` : '';
  return `${prefix} ${MARKS[step.conclusion]} ${what}${seconds(step.durationMs)}${extra}${
    step.error ? ` — ${step.error}` : ''
  }`;
}

/** Builds the timeline from job results. */
export function buildTimeline(startedAt: number, jobs: JobResult[]): Timeline {
  const rel = (t: number | undefined): number | undefined => (t === undefined ? undefined : t - startedAt);
  return {
    startedAt,
    jobs: jobs.map((j) => ({
      id: j.id,
      needs: j.needs,
      result: j.result,
      start: rel(j.startedAt),
      end: rel(j.endedAt),
      steps: j.steps.map((s) => ({
        id: s.id,
        name: s.name,
        post: s.post,
        start: rel(s.startedAt),
        end: rel(s.endedAt),
      })),
    })),
  };
}
