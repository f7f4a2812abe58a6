// The state a run carries from the scheduler through its jobs down to each step process: what the
// caller asked for (RunOptions), the run in progress (RunState) and one job in progress (JobRun).
import type { ActionMap, ActionMetadata } from './action.js';
import type { Masker } from './commands.js';
import type { JobContainer, JobEngine } from './job-container.js';
import type { JobPlacement } from './placement.js';
import type { Contexts, JsonValue } from './expressions.js';
import type { JobResult } from './report.js';
import type { JobModel, StepModel, WorkflowModel } from './workflow.js';

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
  /**
   * The runner's labels (forgejo-runner's `NAME:docker://IMAGE` / `NAME:host`): the first of a
   * job's `runs-on` labels found here says where it runs. Unset: every job runs on this host.
   */
  labels?: Record<string, JobPlacement>;
  /** The host engine that creates job containers. Default `{ cli: 'podman' }`. */
  jobEngine?: JobEngine;
}

/** Where one job's steps run. */
export interface JobPlace {
  mode: 'host' | 'container';
  /** GITHUB_WORKSPACE as the steps see it. */
  workspace: string;
  /** The environment below workflow/job/step `env:` (the host's, or the image's). */
  baseEnv: Record<string, string>;
  /** `process.version` of the node that runs the job's actions. */
  node: string;
  container?: JobContainer;
  /** Host directory of an action → where steps find it. */
  actionDirs: Map<string, string>;
}

/** One workflow run in progress, shared by all its jobs. */
export interface RunState {
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
  /** Where each job runs, decided before any job starts. */
  placements: Map<string, JobPlacement>;
  /** The host engine socket job containers get (starts the run's podman service on first use). */
  engineSocket: () => Promise<string>;
}

/** An action step whose `runs.post` runs when its job ends, with what main left for it. */
export interface PostStep {
  step: StepModel;
  meta: ActionMetadata;
  inputsEnv: Record<string, string>;
  state: Map<string, string>;
}

/** One job in progress: its contexts, what its steps changed (env, PATH) and what is left to do. */
export interface JobRun {
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
  posts: PostStep[];
  groups: Set<number>;
  /** Where the steps run (this host or the job container) and the paths they see there. */
  place: JobPlace;
}
