/**
 * Error types shared by every digestline action.
 *
 * Kept free of runtime imports: every bundle loads this module at start-up.
 */

/**
 * Turns any thrown value into a one-line-ish message.
 *
 * Actions may throw strings, plain objects or `undefined` (third-party code does); the step must still
 * fail with something a reader can act on, never `[object Object]`.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const message = err.message.trim();
    if (message !== '') return message;
    return err.name && err.name !== 'Error' ? err.name : 'unknown error (an Error with an empty message)';
  }
  if (typeof err === 'string') return err.trim() === '' ? 'unknown error (an empty string was thrown)' : err;
  if (err === undefined) return 'unknown error (undefined was thrown)';
  if (err === null) return 'unknown error (null was thrown)';
  if (typeof err === 'object') {
    const message = (err as { message?: unknown }).message;
    if (typeof message === 'string' && message.trim() !== '') return message;
    try {
      const json = JSON.stringify(err);
      if (json !== undefined && json !== '{}') return json;
    } catch {
      // Circular or BigInt-holding objects cannot be serialised; fall through to String().
    }
    const text = String(err);
    return text === '[object Object]' ? 'unknown error (an object without a message was thrown)' : text;
  }
  return String(err);
}

/** An action input has a value that cannot be used. `input` is the input's name as in action.yml. */
export class InputError extends Error {
  override readonly name = 'InputError';

  /**
   * @param input the input's name as written in action.yml (e.g. `image-set`)
   * @param message the full message; it should already name the input and show the expected form
   */
  constructor(
    readonly input: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A command run through `Exec` exited with a non-zero code (or could not be started). */
export class ExecError extends Error {
  override readonly name = 'ExecError';

  /**
   * @param argv the program followed by its arguments, already redacted of secrets
   * @param exitCode the process exit code (`null` when it could not be started or was killed)
   * @param stderrTail the last lines of stderr, already redacted of secrets
   * @param message defaults to `<argv> exited with code <n>` followed by the stderr tail
   */
  constructor(
    readonly argv: readonly string[],
    readonly exitCode: number | null,
    readonly stderrTail: string,
    message?: string,
    options?: { cause?: unknown },
  ) {
    super(message ?? ExecError.describe(argv, exitCode, stderrTail), options);
  }

  private static describe(argv: readonly string[], exitCode: number | null, stderrTail: string): string {
    const what = `${argv.join(' ')} ${exitCode === null ? 'did not exit normally' : `exited with code ${exitCode}`}`;
    const tail = stderrTail.trim();
    return tail === '' ? what : `${what}:\n${tail}`;
  }
}

/** A text is not a valid OCI image reference or digest; `reason` says which rule it breaks. */
export class ImageReferenceError extends Error {
  override readonly name = 'ImageReferenceError';

  /**
   * @param text the text that failed to parse
   * @param reason what is wrong with it, e.g. `repository must be lowercase`
   * @param what what the text was supposed to be (`image reference` or `digest`)
   */
  constructor(
    readonly text: string,
    readonly reason: string,
    what: 'image reference' | 'digest' = 'image reference',
  ) {
    super(`${JSON.stringify(text)} is not a valid ${what}: ${reason}`);
  }
}

/**
 * Cleanup in a post step failed in a way that must fail the job (e.g. data could be lost or a
 * resource left running). Any other error thrown from a post step is only a warning.
 */
export class CleanupError extends Error {
  override readonly name = 'CleanupError';
}
