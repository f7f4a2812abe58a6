/**
 * Validators for fast-check's own inputs (the generic readers are in ../inputs.ts). Pure, so the
 * action's context.ts stays a list of reads and every rule is table-testable here.
 */
import { createPrivateKey } from 'node:crypto';
import { errorMessage, InputError } from '../errors.js';
import { keyId } from '../evidence/dsse.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Checks the names of the `env` input (variables passed into the container by name).
 * @throws InputError naming `input` for a name that is not a variable name (e.g. `A=b`)
 */
export function parseEnvNames(names: readonly string[], input = 'env'): string[] {
  for (const name of names) {
    if (!ENV_NAME.test(name)) {
      const hint = name.includes('=') ? ': give names only, the values come from the runner' : '';
      throw new InputError(input, `input "${input}": ${JSON.stringify(name)} is not a variable name${hint}`);
    }
  }
  return [...new Set(names)];
}

/**
 * Checks that the signing key is a PEM ECDSA P-256 private key before any check runs, so a bad key
 * does not waste the lane. Returns the key's id (hex SHA-256 of its public key).
 * @throws InputError naming `input`
 */
export function checkSigningKey(pem: string, input = 'signing-key'): string {
  try {
    return keyId(createPrivateKey(pem));
  } catch (err) {
    throw new InputError(
      input,
      `input "${input}" must be a PEM ECDSA P-256 private key: ${errorMessage(err)}`,
      {
        cause: err,
      },
    );
  }
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
