/** A small concurrency limiter: registries throttle clients that open dozens of uploads at once. */

/** Runs at most `limit` tasks at a time; the others wait in FIFO order. */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`concurrency limit must be >= 1, got ${limit}`);
  }

  /** Runs `task` when a slot is free and returns its result. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * Awaits every promise (unlike `Promise.all`, which returns at the first rejection while the rest keep
 * running) and throws one error listing every failure.
 */
export async function settleAll<T>(promises: Iterable<Promise<T>>, what: string): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length === 0) return results.map((r) => (r as PromiseFulfilledResult<T>).value);
  const first = failures[0]!.reason as unknown;
  if (failures.length === 1 && first instanceof Error) throw first;
  const lines = failures.map((f) => `- ${f.reason instanceof Error ? f.reason.message : String(f.reason)}`);
  throw new Error(`${what}: ${failures.length} of ${results.length} failed:\n${lines.join('\n')}`, {
    cause: first,
  });
}
