/**
 * Bounded retries with exponential backoff and jitter for registry requests.
 *
 * Registries (and the proxies in front of them) answer 429 and 5xx under load and drop
 * connections on restart; a promotion that gives up on the first hiccup would fail pipelines that
 * a second attempt a moment later would have passed.
 */
import type { RegistryResponse } from './http.js';

/** How hard to retry. */
export interface RetryOptions {
  /** Total attempts including the first (default 4; 1 disables retries). */
  attempts: number;
  /** Delay before the first retry; doubles for each further one (default 500 ms). */
  baseDelayMs: number;
  /** Upper bound for one backoff delay (default 10 s). */
  maxDelayMs: number;
  /** Upper bound for a delay asked for by `Retry-After` (default 60 s); longer asks are clamped. */
  maxRetryAfterMs: number;
  /** Random source in [0, 1) for jitter; tests pin it. */
  random: () => number;
  /** Waits `ms`; tests replace it to run without real time passing. */
  sleep: (ms: number) => Promise<void>;
}

/** Defaults used by `RegistryClient` for fields not given. */
export const DEFAULT_RETRY: RetryOptions = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Fills in defaults and checks the bounds of user-given retry options. */
export function resolveRetryOptions(options: Partial<RetryOptions> | undefined): RetryOptions {
  const resolved = { ...DEFAULT_RETRY, ...options };
  if (!Number.isInteger(resolved.attempts) || resolved.attempts < 1) {
    throw new Error(`retry.attempts must be an integer >= 1, got ${String(resolved.attempts)}`);
  }
  if (!(resolved.baseDelayMs >= 0) || !(resolved.maxDelayMs >= 0)) {
    throw new Error(
      `retry.baseDelayMs and retry.maxDelayMs must be >= 0, got ${resolved.baseDelayMs} and ${resolved.maxDelayMs}`,
    );
  }
  return resolved;
}

/**
 * True for statuses worth another attempt: 408 and 429 (the server asks us to come back) and 5xx
 * except 501/505, which say the request will never work.
 */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 429) return true;
  return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}

/**
 * Parses a `Retry-After` header (delay-seconds or HTTP-date) into milliseconds from `now`.
 * Returns undefined when absent or unparsable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const when = Date.parse(text);
  if (Number.isNaN(when)) return undefined;
  return Math.max(0, when - now);
}

/**
 * Delay before retry number `retry` (1 = first retry): "equal jitter", i.e. half of the
 * exponential step fixed and half random, so clients that failed together do not retry in lockstep
 * yet each still waits a minimum.
 */
export function backoffDelay(
  retry: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
) {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + options.random() * (step / 2));
}

/** What `fetchWithRetry` reports before each retry (for logs). */
export interface RetryEvent {
  /** The attempt that failed (1-based). */
  attempt: number;
  /** Attempts allowed in total. */
  attempts: number;
  /** Status of the failed attempt, or undefined for a network error. */
  status?: number;
  /** The network error, when there was no response. */
  error?: unknown;
  /** How long we wait before the next attempt. */
  delayMs: number;
}

/**
 * Runs `attempt` until it yields a response that is not retryable, or attempts run out.
 *
 * A network error (a thrown `attempt`) is retried like a 5xx. When the last attempt still fails,
 * the last response is returned (so the caller can build an error from its status and body) or
 * the last network error is rethrown. Bodies of discarded responses are cancelled so their
 * connections are freed.
 *
 * @param attempt performs one request; `n` is the 1-based attempt number. It must be safe to call
 *   again (a request whose body was a consumed one-shot stream is not: pass `attempts: 1` then).
 */
export async function fetchWithRetry<R extends RegistryResponse>(
  attempt: (n: number) => Promise<R>,
  options: RetryOptions,
  onRetry?: (event: RetryEvent) => void,
): Promise<R> {
  for (let n = 1; ; n++) {
    let response: R | undefined;
    let error: unknown;
    try {
      response = await attempt(n);
    } catch (err) {
      error = err;
    }
    if (response !== undefined && !isRetryableStatus(response.status)) return response;
    if (n >= options.attempts) {
      if (response !== undefined) return response;
      throw error;
    }
    let delayMs = backoffDelay(n, options);
    const retryAfter = parseRetryAfter(response?.headers.get('retry-after'));
    if (retryAfter !== undefined) delayMs = Math.min(Math.max(delayMs, retryAfter), options.maxRetryAfterMs);
    onRetry?.({
      attempt: n,
      attempts: options.attempts,
      ...(response !== undefined ? { status: response.status } : { error }),
      delayMs,
    });
    await response?.body?.cancel().catch(() => undefined);
    await options.sleep(delayMs);
  }
}
