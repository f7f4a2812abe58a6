/** What `Stack.up` and `Stack.verifyDigests` throw. */
import type { Stack } from './stack.js';

/** `up` failed: a service exited, could not be started, or was not ready in time. */
export class StackStartError extends Error {
  override readonly name = 'StackStartError';
  // Private, so that loggers which print an error's own fields do not dump the whole stack object.
  readonly #partialStack: Stack;

  /**
   * @param partialStack the half-started stack: collect its bundle, then `down()` it
   * @param services the services the failure is about
   */
  constructor(
    partialStack: Stack,
    readonly services: string[],
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.#partialStack = partialStack;
  }

  /** The half-started stack: collect its bundle, then `down()` it. */
  get partialStack(): Stack {
    return this.#partialStack;
  }
}

/**
 * A container runs something other than the digest the stack was given. (Not the registry client's
 * `DigestMismatchError`, which is about bytes a registry served.)
 */
export class RunningDigestMismatchError extends Error {
  override readonly name = 'RunningDigestMismatchError';
}
