/**
 * The one logging interface of core. Modules take a `Log` from their caller and never write to the
 * step log themselves: the action edge passes {@link stepLog} (step.ts), tests pass a recording or
 * silent one, so what a module says is testable and nothing below the edge loads `@actions/core`.
 */

/** Where a module's progress lines, warnings and debug lines go. */
export interface Log {
  /** A plain log line. */
  info(line: string): void;
  /** Something the user should see flagged (a warning annotation in the step log). */
  warning(line: string): void;
  /** Detail shown only with step debug logging on. */
  debug(line: string): void;
}

/** A log that drops everything: the default where a caller has nothing to say it to. */
export const silentLog: Log = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
};
