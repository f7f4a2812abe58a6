/**
 * Builds that survive a mirror's bad minute. A build is retried only when the step that failed says
 * something only the network says (a name that did not resolve, a reset or timed-out connection, a
 * 5xx or a 404 on a package index from the mirror); a failing RUN, a syntax error or a missing file
 * fails at once. Several builds running apt at once on one host hit exactly these (issue 17).
 */
import { BuildError } from '../engine/build-args.js';
import type { BuildOptions, ContainerEngine } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import type { Log } from '../log.js';

/** One kind of failure known to pass when tried again, and the engine output that shows it. */
export interface TransientPattern {
  /** Says what happened, for the log. */
  reason: string;
  pattern: RegExp;
}

/** The failures worth another build: kept small, each one seen in real engine or apt output. */
export const TRANSIENT_BUILD_FAILURES: readonly TransientPattern[] = [
  {
    reason: 'a name did not resolve',
    // apt: "Temporary failure resolving 'deb.debian.org'"; Go (image pulls): "...in name
    // resolution"; curl: "Could not resolve host"; npm: "getaddrinfo EAI_AGAIN".
    pattern:
      /Temporary failure (?:resolving|in name resolution)|Could not resolve host|getaddrinfo EAI_AGAIN/,
  },
  { reason: 'a connection was reset', pattern: /[Cc]onnection reset by peer|\bECONNRESET\b/ },
  {
    reason: 'a connection timed out',
    pattern: /[Cc]onnection timed out|\bETIMEDOUT\b|i\/o timeout|TLS handshake timeout/,
  },
  {
    reason: 'a server answered 5xx',
    // apt: "Failed to fetch http://…  503  Service Unavailable [IP: …]"; registries alike.
    pattern: /\b50[0234]\s+(?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/,
  },
  {
    reason: 'the mirror answered 404 for a package index',
    // apt: "Failed to fetch http://deb.debian.org/debian/dists/trixie/main/binary-amd64/Packages.xz  404  Not Found"
    // while the mirror is being updated; a 404 on a .deb or a URL the Containerfile names is not this.
    pattern: /\/dists\/\S+\s+404\s+Not Found/,
  },
];

/** Why a failed build is worth another try: the pattern's reason and the output line that showed it. */
export interface TransientFailure {
  reason: string;
  line: string;
}

/**
 * Tells whether a build failed on something transient. Only a {@link BuildError}'s failing step is
 * read (not the steps that passed before it); any other error is judged by its message.
 * @returns undefined when nothing in the output is known to be transient
 */
export function transientBuildFailure(err: unknown): TransientFailure | undefined {
  const text = err instanceof BuildError ? err.stepOutput : errorMessage(err);
  for (const line of text.split(/\r?\n/)) {
    const hit = TRANSIENT_BUILD_FAILURES.find((t) => t.pattern.test(line));
    if (hit !== undefined) return { reason: hit.reason, line: line.trim() };
  }
  return undefined;
}

/** How often and how long to wait; tests pass a `sleep` that does not. */
export interface RetryOptions {
  /** Builds after the first one; 2 unless given. */
  retries?: number;
  /** Wait before attempt n (2, 3…), in ms; 10 s × (n − 1) unless given. */
  delayMs?: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * `engine.build`, tried again (at most `retries` times) when it failed on something transient; each
 * retry is a warning naming the failure and the attempt. A non-transient failure is thrown at once.
 * @throws the build's error, with the attempts counted when the last of several failed
 */
export async function buildWithRetry(
  engine: ContainerEngine,
  opts: BuildOptions,
  log: Log,
  { retries = 2, delayMs = (n) => 10_000 * (n - 1), sleep = defaultSleep }: RetryOptions = {},
): Promise<string> {
  const attempts = retries + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      const id = await engine.build(opts);
      if (attempt > 1) log.info(`the build passed on attempt ${attempt} of ${attempts}`);
      return id;
    } catch (err) {
      const transient = transientBuildFailure(err);
      if (transient === undefined) throw err;
      if (attempt === attempts) {
        throw new Error(
          `the build failed ${attempts} times, the last time because ${transient.reason} ` +
            `(${JSON.stringify(transient.line)}): ${errorMessage(err)}`,
          { cause: err },
        );
      }
      const wait = delayMs(attempt + 1);
      log.warning(
        `build attempt ${attempt} of ${attempts} failed because ${transient.reason} ` +
          `(${JSON.stringify(transient.line)}); building again in ${Math.round(wait / 1000)} s`,
      );
      await sleep(wait);
    }
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
