/**
 * The waiting primitives of `up`: one-shot signals between service tasks, and sleeps and waits that
 * end early when `up` is aborted (a service failed, or the deadline passed).
 */
import { errorMessage } from '../errors.js';

/** A promise with its `resolve` and whether it has been resolved. */
export interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  done: boolean;
}

/** A new unresolved {@link Deferred}. */
export function deferred(): Deferred {
  let resolve!: () => void;
  const d: Deferred = { promise: new Promise<void>((r) => (resolve = r)), resolve: () => {}, done: false };
  d.resolve = () => {
    d.done = true;
    resolve();
  };
  return d;
}

/** Thrown inside `up` tasks when another task failed or the deadline passed. */
export class Aborted extends Error {}

/** Waits `ms`; rejects with {@link Aborted} as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Aborted());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Aborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Settles as `promise` does; rejects with {@link Aborted} as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Aborted());
    const onAbort = (): void => reject(new Aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(errorMessage(e)));
      },
    );
  });
}

/** `250ms`, `2s`, `1.5s`: durations in messages. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)}s` : `${ms}ms`;
}
