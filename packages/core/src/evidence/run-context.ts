/**
 * Where and when a lane ran, from the runner's environment: the commit, the repository and run URLs,
 * and the run id and attempt that bind evidence to one CI run.
 */

/** Where and when a lane ran; read from the runner's environment by {@link runContext}. */
export interface RunContext {
  /** Full 40 (or 64) hex commit id. */
  commit: string;
  /** Web URL of the source repository, e.g. `https://forgejo.example/org/app`, when known. */
  repositoryUrl?: string;
  /** Web URL of the CI run, when known. */
  runUrl?: string;
  /** `GITHUB_RUN_ID` and `GITHUB_RUN_ATTEMPT` (default `1`); absent when `GITHUB_RUN_ID` is unset. */
  run?: { id: string; attempt: string };
}

const COMMIT_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Checks a git commit or tree id (SHA-1 or SHA-256 object format, lowercase hex).
 *
 * @throws Error naming `what` and the expected form
 */
export function assertGitObjectId(value: string, what: string): string {
  if (!COMMIT_RE.test(value)) {
    throw new Error(
      `${what} ${JSON.stringify(value)} is not a git object id: expected 40 or 64 lowercase hex`,
    );
  }
  return value;
}

/**
 * Reads the commit, repository URL, run URL and run id/attempt from the runner's environment, with
 * explicit overrides taking precedence.
 *
 * Forgejo and Gitea set the same `GITHUB_*` variables as GitHub, but serve a run's page at its
 * per-repository run number rather than at the global run id: with `GITEA_ACTIONS`/`FORGEJO_ACTIONS`
 * set, the run URL uses `GITHUB_RUN_NUMBER`.
 *
 * @throws Error when no commit is given and `GITHUB_SHA` is unset or not a commit id
 */
export function runContext(
  overrides: Partial<RunContext> = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): RunContext {
  const commit = overrides.commit ?? env.GITHUB_SHA;
  if (commit === undefined || commit === '') {
    throw new Error('no commit: pass one explicitly or run where GITHUB_SHA is set');
  }
  assertGitObjectId(commit, overrides.commit !== undefined ? 'commit' : 'GITHUB_SHA');
  const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY;
  const repositoryUrl =
    overrides.repositoryUrl ?? (server && repository ? `${server}/${repository}` : undefined);
  const forgejo = env.GITEA_ACTIONS === 'true' || env.FORGEJO_ACTIONS === 'true';
  const runKey = forgejo ? (env.GITHUB_RUN_NUMBER ?? env.GITHUB_RUN_ID) : env.GITHUB_RUN_ID;
  const runUrl =
    overrides.runUrl ??
    (server && repository && runKey ? `${server}/${repository}/actions/runs/${runKey}` : undefined);
  const context: RunContext = { commit };
  if (repositoryUrl !== undefined) context.repositoryUrl = repositoryUrl;
  if (runUrl !== undefined) context.runUrl = runUrl;
  const run = overrides.run ?? runBinding(env);
  if (run !== undefined) context.run = run;
  return context;
}

/**
 * The run binding from `GITHUB_RUN_ID` and `GITHUB_RUN_ATTEMPT`: the attempt tells a re-run of the same
 * run apart (same id, new attempt). Absent when `GITHUB_RUN_ID` is unset or empty.
 *
 * @throws Error when either is set but not a decimal number
 */
function runBinding(env: Readonly<Record<string, string | undefined>>): RunContext['run'] {
  const id = env.GITHUB_RUN_ID;
  if (id === undefined || id === '') return undefined;
  const attempt =
    env.GITHUB_RUN_ATTEMPT === undefined || env.GITHUB_RUN_ATTEMPT === '' ? '1' : env.GITHUB_RUN_ATTEMPT;
  for (const [name, value] of [
    ['GITHUB_RUN_ID', id],
    ['GITHUB_RUN_ATTEMPT', attempt],
  ] as const) {
    if (!/^[0-9]{1,20}$/.test(value)) {
      throw new Error(`${name} ${JSON.stringify(value)} is not a run number: expected decimal digits`);
    }
  }
  return { id, attempt };
}
