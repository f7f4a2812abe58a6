/**
 * The runner-facing bits promote-digest needs beyond inputs.ts and summary.ts: step outputs and
 * secret masking. Actions import only `@digestline/core/...`, never `@actions/*` directly.
 */
import * as core from '@actions/core';

/** Sets step outputs (`GITHUB_OUTPUT`; Forgejo sets it too). */
export function setOutputs(outputs: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

/** Masks a secret in the log; a multi-line secret (a PEM key) is masked line by line as well. */
export function maskSecret(secret: string): void {
  if (secret === '') return;
  core.setSecret(secret);
  for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 8) core.setSecret(line.trim());
}
