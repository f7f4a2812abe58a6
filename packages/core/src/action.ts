/**
 * The one error boundary of every digestline action.
 *
 * Main and post run the same bundle (action.yml `runs.post` points at dist/index.js too); main
 * records `isPost=true` in the step state, which the runner hands back to the post step as
 * `STATE_isPost`. That is how @actions/toolkit-based actions tell the two apart, and Forgejo's
 * runner passes state the same way.
 */
import * as commands from './commands.js';
import { CleanupError, errorMessage } from './errors.js';

/** Name of the state entry main saves so the bundle knows it runs as the post step. */
export const IS_POST_STATE = 'isPost';

/** True when this process is the post step of an action whose main step called `runAction`. */
export function isPost(): boolean {
  return commands.getState(IS_POST_STATE) === 'true';
}

function debugStack(err: unknown): void {
  if (err instanceof Error && err.stack) commands.debug(err.stack);
}

/**
 * Runs the main step, or `post` when this is the post step. Never rejects.
 *
 * - main: any thrown value (Error, string, object, undefined) fails the step with
 *   `<name> failed: <message>` and exit code 1.
 * - post: errors are warnings (`<name> post step: <message>`), because cleanup trouble should not
 *   turn a good deployment red; a `CleanupError` fails the step (`<name> post step failed: ...`),
 *   for cleanup whose failure could lose data or leave something running.
 * - the post step of an action without `post` does nothing.
 */
export async function runAction(
  name: string,
  main: () => Promise<void>,
  post?: () => Promise<void>,
): Promise<void> {
  if (isPost()) {
    if (post === undefined) return;
    try {
      await post();
    } catch (err) {
      debugStack(err);
      if (err instanceof CleanupError) {
        commands.setFailed(`${name} post step failed: ${errorMessage(err)}`);
        process.exitCode = 1;
      } else {
        commands.warning(`${name} post step: ${errorMessage(err)}`);
      }
    }
    return;
  }

  try {
    // Saved before any work so that a main step which fails half-way still gets its cleanup.
    commands.saveState(IS_POST_STATE, 'true');
    await main();
  } catch (err) {
    debugStack(err);
    commands.setFailed(`${name} failed: ${errorMessage(err)}`);
    // setFailed sets it too; kept explicit because the exit code is this function's contract.
    process.exitCode = 1;
  }
}
