/**
 * Step I/O every action needs beyond inputs and the summary: outputs, state handed to the post step,
 * masking and log lines. Actions import only `@digestline/core/...`, never `@actions/*` directly.
 */
import * as commands from './commands.js';
import type { Log } from './log.js';

/** Sets each output (`GITHUB_OUTPUT`, which Forgejo's runner sets too). */
export function setOutputs(outputs: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(outputs)) commands.setOutput(name, value);
}

/** Saves a value for the post step; saving `''` clears it. */
export function saveState(name: string, value: string): void {
  commands.saveState(name, value);
}

/** A value main saved with {@link saveState} (`''` when none). */
export function getState(name: string): string {
  return commands.getState(name);
}

/**
 * Masks a secret in every later log line of the job. A multi-line secret (a PEM key) is masked line
 * by line as well, since the runner matches masks within single lines.
 */
export function maskSecret(secret: string): void {
  if (secret === '') return;
  commands.setSecret(secret);
  for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 8) commands.setSecret(line.trim());
}

/** A log line. */
export function info(message: string): void {
  commands.info(message);
}

/** A warning annotation (e.g. cleanup that failed but need not fail the step). */
export function warn(message: string): void {
  commands.warning(message);
}

/** The step log as a {@link Log}: what the action edge passes into core's modules. */
export const stepLog: Log = {
  info: (line) => commands.info(line),
  warning: (line) => commands.warning(line),
  debug: (line) => commands.debug(line),
};
