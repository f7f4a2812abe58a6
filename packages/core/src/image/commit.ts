/**
 * The commit an image is built from: its sha (the always-present tag and the revision label) and its
 * time (the created label and SOURCE_DATE_EPOCH), so rebuilding a commit labels it identically.
 */
import { errorMessage } from '../errors.js';
import type { Exec } from '../exec.js';

/** What build-image records about the source commit. */
export interface CommitInfo {
  /** Full commit sha. */
  revision: string;
  /** Commit time in seconds since the epoch (committer date), or `SOURCE_DATE_EPOCH` when set. */
  epoch: number;
  /** `epoch` as RFC 3339 UTC without fractions, e.g. `2026-01-02T03:04:05Z`. */
  created: string;
  /** `GITHUB_SERVER_URL/GITHUB_REPOSITORY` when both are set (Forgejo sets them too). */
  source?: string;
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** RFC 3339 UTC without fractional seconds. */
export function createdFromEpoch(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Parses a `SOURCE_DATE_EPOCH`/`%ct` value: whole non-negative seconds.
 * @throws Error naming `what`
 */
export function parseEpoch(text: string, what: string): number {
  const value = text.trim();
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n))
    throw new Error(`${what} must be whole seconds since 1970, got ${JSON.stringify(value)}`);
  return n;
}

/** The repository URL from the runner's environment, or undefined when it does not say. */
export function sourceUrl(env: NodeJS.ProcessEnv): string | undefined {
  const server = (env.GITHUB_SERVER_URL ?? '').trim().replace(/\/+$/, '');
  const repository = (env.GITHUB_REPOSITORY ?? '').trim();
  return server !== '' && repository !== '' ? `${server}/${repository}` : undefined;
}

/**
 * Reads the commit: sha from `GITHUB_SHA` (else `git rev-parse HEAD`), time from `SOURCE_DATE_EPOCH`
 * when set (else `git log -1 --format=%ct <sha>`), both run in `cwd` (the build context, which is
 * inside the checkout).
 *
 * @throws Error saying which value could not be read and how to provide it
 */
export async function readCommit(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  exec: Exec;
}): Promise<CommitInfo> {
  const { cwd, env, exec } = options;
  const git = async (args: string[], what: string): Promise<string> => {
    try {
      return (await exec.exec('git', args, { cwd, silent: true })).stdout.trim();
    } catch (err) {
      throw new Error(
        `cannot read ${what} with git in ${cwd}: ${errorMessage(err)}\n` +
          'build-image needs the build context inside a git checkout of the commit (or GITHUB_SHA and ' +
          'SOURCE_DATE_EPOCH set)',
        { cause: err },
      );
    }
  };

  let revision = (env.GITHUB_SHA ?? '').trim().toLowerCase();
  if (revision === '') revision = await git(['rev-parse', 'HEAD'], 'the commit sha');
  if (!SHA.test(revision))
    throw new Error(`the commit sha ${JSON.stringify(revision)} is not a full hex sha`);

  const fromEnv = (env.SOURCE_DATE_EPOCH ?? '').trim();
  const epoch =
    fromEnv !== ''
      ? parseEpoch(fromEnv, 'SOURCE_DATE_EPOCH')
      : parseEpoch(
          await git(['log', '-1', '--format=%ct', revision], `the time of commit ${revision}`),
          `git log %ct of ${revision}`,
        );

  const commit: CommitInfo = { revision, epoch, created: createdFromEpoch(epoch) };
  const source = sourceUrl(env);
  if (source !== undefined) commit.source = source;
  return commit;
}
