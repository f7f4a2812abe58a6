/**
 * Step I/O for the stack lanes (integration-test, e2e-run): outputs, state for the post step, masking.
 * Actions may import only `@digestline/core`, so the thin wrappers over `@actions/core` live here.
 */
import * as core from '@actions/core';

/** Sets each output (`GITHUB_OUTPUT`, which Forgejo's runner sets too). */
export function setOutputs(outputs: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

/** Saves a value for the post step; saving `''` clears it. */
export function saveState(name: string, value: string): void {
  core.saveState(name, value);
}

/** A value main saved with {@link saveState} (`''` when none). */
export function getState(name: string): string {
  return core.getState(name);
}

/** Masks a value in every later log line of the job. */
export function maskSecret(value: string): void {
  if (value !== '') core.setSecret(value);
}

/** A log line. */
export function info(message: string): void {
  core.info(message);
}

/** A warning annotation (e.g. cleanup that failed but need not fail the step). */
export function warn(message: string): void {
  core.warning(message);
}
