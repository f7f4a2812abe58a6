/**
 * Validators for fast-check's own inputs (the generic readers are in ../inputs.ts). Pure, so the
 * action's context.ts stays a list of reads and every rule is table-testable here. The signing key's
 * check is in ./signing-key.ts: it needs node:crypto, which the action loads only when a key is given.
 */
import { InputError } from '../errors.js';
import { isActionVariable } from '../user-code.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Checks the names of the `env` input (variables passed into the container by name).
 * @throws InputError naming `input` for a name that is not a variable name (e.g. `A=b`), or for an
 *   `INPUT_*` / `ACTIONS_*` name: the action's inputs (the signing key among them) and the runner's
 *   tokens never reach the checks
 */
export function parseEnvNames(names: readonly string[], input = 'env'): string[] {
  for (const name of names) {
    if (!ENV_NAME.test(name)) {
      const hint = name.includes('=') ? ': give names only, the values come from the runner' : '';
      throw new InputError(input, `input "${input}": ${JSON.stringify(name)} is not a variable name${hint}`);
    }
    if (isActionVariable(name)) {
      throw new InputError(
        input,
        `input "${input}": ${name} cannot be passed to the checks: INPUT_* (the action's inputs, signing-key among them) ` +
          "and ACTIONS_* (the runner's tokens) never reach user code",
      );
    }
  }
  return [...new Set(names)];
}

/**
 * Exactly one of `checks` and `checks-file` must be set.
 * @throws InputError naming both inputs
 */
export function checkChecksSource(
  checks: string,
  checksFile: string,
  names = { checks: 'checks', file: 'checks-file' },
): 'checks' | 'file' {
  if (checks.trim() !== '' && checksFile.trim() !== '') {
    throw new InputError(
      names.checks,
      `inputs "${names.checks}" and "${names.file}" are both set; set one of them`,
    );
  }
  if (checks.trim() === '' && checksFile.trim() === '') {
    throw new InputError(
      names.checks,
      `input "${names.checks}" (lines "name: command") or "${names.file}" (a YAML list of checks) is required`,
    );
  }
  return checks.trim() !== '' ? 'checks' : 'file';
}
