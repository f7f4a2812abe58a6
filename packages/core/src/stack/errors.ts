/** What starting a stack's services and `Stack.verifyDigests` throw. */

/**
 * Starting the services failed: one exited, could not be started, or was not ready in time. Thrown by
 * up.ts and readiness.ts; `Stack.up` turns it into a {@link StackStartError} carrying the half-started
 * stack.
 */
export class ServiceStartFailure extends Error {
  override readonly name = 'ServiceStartFailure';

  /** @param services the services the failure is about */
  constructor(
    readonly services: string[],
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A container runs something other than the digest the stack was given. (Not the registry client's
 * `DigestMismatchError`, which is about bytes a registry served.)
 */
export class RunningDigestMismatchError extends Error {
  override readonly name = 'RunningDigestMismatchError';
}
