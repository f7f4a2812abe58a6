/**
 * The scheduler of a source lane: runs checks at most `concurrency` at a time through a launcher (on
 * the runner: host.ts; in a CI tooling image: container.ts), enforces each check's time limit,
 * stops the rest on the first failure when asked to, and hands every finished check to `onFinish`
 * with its whole output, so the log can show it as one block.
 */

/** A check ready to run: names resolved, directory absolute, time limit decided. */
export interface PlannedCheck {
  name: string;
  /** Shell command (`sh -c`). */
  run: string;
  /** Absolute working directory. */
  cwd: string;
  timeoutMs: number;
}

/**
 * How a check ended. `timed-out`: killed at its time limit; `cancelled`: killed because another
 * check failed under fail-fast; `skipped`: never started because of fail-fast.
 */
export type CheckStatus = 'passed' | 'failed' | 'timed-out' | 'cancelled' | 'skipped';

/** A finished (or never started) check. */
export interface CheckOutcome {
  check: PlannedCheck;
  status: CheckStatus;
  /** Exit code; `null` when killed by a signal, never started or not startable. */
  exitCode: number | null;
  /** Wall time from start to exit (0 when skipped). */
  durationMs: number;
  /** stdout and stderr as they arrived (capped, see {@link OUTPUT_CAP_BYTES}). */
  output: string;
}

/** How a launched check's process ended. */
export interface CheckExit {
  exitCode: number | null;
  signal?: string | null;
}

/** A running check, as a launcher hands it back. */
export interface CheckProcess {
  /** Settles once the check's process is gone and its output is complete. Never rejects. */
  readonly exited: Promise<CheckExit>;
  /** Kills the check (and everything it started); resolves once it is gone. Never rejects. */
  kill(): Promise<void>;
}

/** Starts checks somewhere: the runner (`HostLauncher`) or a container (`ContainerLauncher`). */
export interface CheckLauncher {
  /**
   * Starts `check`, passing every output chunk (stdout and stderr alike) to `output`. Must not throw
   * for a check that cannot start: report that as output plus a failed exit.
   */
  start(check: PlannedCheck, output: (chunk: Buffer) => void): CheckProcess;
}

/** Options of {@link runChecks}. */
export interface RunChecksOptions {
  launcher: CheckLauncher;
  /** How many checks run at once (at least 1). */
  concurrency: number;
  /** On the first failed or timed-out check, kill the running ones and start no more. */
  failFast: boolean;
  onStart?: (check: PlannedCheck) => void;
  /** Called once per check that ran, as soon as it ends (skipped checks are not reported here). */
  onFinish?: (outcome: CheckOutcome) => void;
  /** Aborting kills the running checks (`cancelled`) and starts no more (`skipped`), e.g. on SIGTERM. */
  signal?: AbortSignal;
  /** Clock, for tests. */
  now?: () => number;
}

/** Output kept per check; beyond it the oldest output is dropped (the tail is what explains a failure). */
export const OUTPUT_CAP_BYTES = 8 * 1024 * 1024;

/** Collects a check's output in arrival order, keeping at most `cap` bytes (the most recent ones). */
export class OutputBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  private dropped = 0;

  constructor(private readonly cap: number = OUTPUT_CAP_BYTES) {}

  /** Appends a chunk. */
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.cap && this.chunks.length > 0) {
      const first = this.chunks[0]!;
      const excess = this.size - this.cap;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
        this.dropped += excess;
      }
    }
  }

  /** The kept output as UTF-8 text, prefixed by a note when the start was dropped. */
  text(): string {
    const body = Buffer.concat(this.chunks).toString('utf8');
    return this.dropped === 0
      ? body
      : `[fast-check: ${this.dropped} earlier bytes of output dropped]\n${body}`;
  }
}

/** Whether an outcome fails the lane. */
export function isFailure(status: CheckStatus): boolean {
  return status === 'failed' || status === 'timed-out';
}

/**
 * Runs `checks` and resolves with one outcome per check, in the order given, once every started
 * check has ended. Never rejects because of a check: a check that cannot start is a failed check.
 */
export async function runChecks(
  checks: readonly PlannedCheck[],
  options: RunChecksOptions,
): Promise<CheckOutcome[]> {
  const now = options.now ?? Date.now;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const outcomes: Array<CheckOutcome | undefined> = new Array(checks.length);
  const running = new Map<number, { process: CheckProcess; cancelled: boolean }>();
  let next = 0;
  let stopping = false;

  const stopTheRest = (): void => {
    stopping = true;
    for (const entry of running.values()) {
      entry.cancelled = true;
      void entry.process.kill();
    }
  };

  const runOne = async (index: number): Promise<void> => {
    const check = checks[index]!;
    const buffer = new OutputBuffer();
    options.onStart?.(check);
    const started = now();
    const child = options.launcher.start(check, (chunk) => buffer.push(chunk));
    const entry = { process: child, cancelled: false };
    running.set(index, entry);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void child.kill();
    }, check.timeoutMs);
    const exit = await child.exited;
    clearTimeout(timer);
    running.delete(index);
    const durationMs = now() - started;
    let status: CheckStatus;
    if (timedOut) status = 'timed-out';
    else if (entry.cancelled) status = 'cancelled';
    else status = exit.exitCode === 0 ? 'passed' : 'failed';
    if (status === 'timed-out') {
      buffer.push(
        Buffer.from(`\n[fast-check: killed after ${formatDuration(check.timeoutMs)} (the time limit)]\n`),
      );
    } else if (status === 'cancelled') {
      buffer.push(
        Buffer.from('\n[fast-check: killed before it ended (fail-fast or the step was cancelled)]\n'),
      );
    }
    const outcome: CheckOutcome = {
      check,
      status,
      exitCode: exit.exitCode,
      durationMs,
      output: buffer.text(),
    };
    outcomes[index] = outcome;
    options.onFinish?.(outcome);
    if (options.failFast && isFailure(status) && !stopping) stopTheRest();
  };

  const onAbort = (): void => {
    if (!stopping) stopTheRest();
  };
  if (options.signal?.aborted) stopping = true;
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const worker = async (): Promise<void> => {
    while (!stopping && next < checks.length) {
      const index = next++;
      await runOne(index);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, checks.length) }, () => worker()));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }

  return checks.map(
    (check, i) => outcomes[i] ?? { check, status: 'skipped', exitCode: null, durationMs: 0, output: '' },
  );
}

/** `1.2s`, `45s`, `2m05s`: durations as the log and the summary show them. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
  const totalS = Math.round(ms / 1000);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  return `${m}m${String(s).padStart(2, '0')}s`;
}
