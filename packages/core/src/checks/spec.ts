/**
 * What a source lane runs: checks as the `checks` input writes them (`name: command` lines) or as a
 * checks file lists them (YAML), validated before anything runs so that a typo fails in milliseconds
 * and names the input.
 */
import { readFile } from 'node:fs/promises';
import { errorMessage, InputError } from '../errors.js';
import { parseDuration } from '../inputs.js';

/** One check as written by the user. */
export interface CheckSpec {
  /** Unique name: shown in the log, the summary, the report, the evidence and the `failed` output. */
  name: string;
  /** Shell command, run by `sh -c` (on the runner or inside the CI tooling image). */
  run: string;
  /** This check's own time limit in ms; the lane's `timeout` when absent. */
  timeoutMs?: number;
  /** Directory relative to the lane's working directory; the lane's own when absent. */
  workingDirectory?: string;
}

/**
 * Check names: letters, digits, `.`, `_`, `-` and `/`, starting with a letter or digit. No commas or
 * spaces, because the `failed` output is a comma-separated list of them.
 */
export const CHECK_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

const NAME_RULE = 'letters, digits, ".", "_", "-" and "/", starting with a letter or digit';

function quote(text: string): string {
  return JSON.stringify(text);
}

function checkUnique(checks: readonly CheckSpec[], input: string, file?: string): void {
  const seen = new Set<string>();
  for (const check of checks) {
    if (seen.has(check.name)) {
      const where = file === undefined ? `input "${input}"` : `input "${input}": ${file}`;
      throw new InputError(input, `${where}: check name ${quote(check.name)} appears twice`);
    }
    seen.add(check.name);
  }
}

/**
 * Parses the `checks` input: one `name: command` per line. The name ends at the first colon, so the
 * command may hold colons. Blank lines and lines starting with `#` are skipped.
 *
 * @throws InputError naming `input` and the line for a malformed line, a bad or duplicate name, or
 *   an empty command
 */
export function parseChecks(text: string, input = 'checks'): CheckSpec[] {
  const checks: CheckSpec[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `input "${input}" line ${index + 1} ${quote(line)}`;
    const colon = line.indexOf(':');
    if (colon < 0) throw new InputError(input, `${where} must look like "name: command"`);
    const name = line.slice(0, colon).trim();
    const run = line.slice(colon + 1).trim();
    if (!CHECK_NAME.test(name)) {
      throw new InputError(
        input,
        `${where}: check name ${quote(name)} must be ${NAME_RULE} (lines look like "name: command")`,
      );
    }
    if (run === '')
      throw new InputError(input, `${where}: check ${quote(name)} has no command after the colon`);
    checks.push({ name, run });
  });
  checkUnique(checks, input);
  return checks;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FILE_KEYS = ['name', 'run', 'timeout', 'working-directory'];

/**
 * Validates a parsed checks file: a YAML list of `{name, run, timeout?, working-directory?}`.
 * `timeout` is a duration such as `90s` or `10m`; unknown keys are refused (a misspelt `timeout`
 * silently ignored would be worse than an error).
 *
 * @param document the parsed YAML
 * @param file the file as the user named it (for messages)
 * @throws InputError naming `input`, the file and the entry
 */
export function checksFromDocument(document: unknown, file: string, input = 'checks-file'): CheckSpec[] {
  const form = 'a list of {name, run, timeout?, working-directory?}';
  if (!Array.isArray(document)) {
    throw new InputError(input, `input "${input}": ${file} must hold ${form}, got ${describe(document)}`);
  }
  if (document.length === 0) throw new InputError(input, `input "${input}": ${file} lists no checks`);
  const checks = document.map((entry: unknown, index): CheckSpec => {
    const where = `input "${input}": ${file} entry ${index + 1}`;
    if (!isRecord(entry))
      throw new InputError(input, `${where} must be a mapping {name, run}, got ${describe(entry)}`);
    const unknown = Object.keys(entry).filter((k) => !FILE_KEYS.includes(k));
    if (unknown.length > 0) {
      throw new InputError(
        input,
        `${where} has unknown key ${quote(unknown[0]!)}; keys are ${FILE_KEYS.join(', ')}`,
      );
    }
    const { name, run, timeout } = entry;
    const workingDirectory = entry['working-directory'];
    if (typeof name !== 'string' || !CHECK_NAME.test(name)) {
      throw new InputError(input, `${where}: name ${describe(name)} must be a string of ${NAME_RULE}`);
    }
    if (typeof run !== 'string' || run.trim() === '') {
      throw new InputError(input, `${where} (${name}): run must be a non-empty command string`);
    }
    const check: CheckSpec = { name, run: run.trim() };
    if (timeout !== undefined && timeout !== null) {
      if (typeof timeout !== 'string') {
        throw new InputError(
          input,
          `${where} (${name}): timeout must be a duration such as 90s or 10m, got ${describe(timeout)}`,
        );
      }
      try {
        check.timeoutMs = parseDuration(timeout, input);
      } catch (err) {
        throw new InputError(input, `${where} (${name}): ${errorMessage(err)}`, { cause: err });
      }
      if (check.timeoutMs <= 0)
        throw new InputError(input, `${where} (${name}): timeout must be more than 0`);
    }
    if (workingDirectory !== undefined && workingDirectory !== null) {
      if (typeof workingDirectory !== 'string' || workingDirectory.trim() === '') {
        throw new InputError(input, `${where} (${name}): working-directory must be a non-empty path string`);
      }
      check.workingDirectory = workingDirectory.trim();
    }
    return check;
  });
  checkUnique(checks, input, file);
  return checks;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${quote(String(value))}`;
}

/**
 * Reads and validates a checks file. The YAML parser is imported here, on first use, so that lanes
 * configured through the `checks` input never load it.
 *
 * @param path absolute path to read
 * @param shown the path as the user wrote it (for messages)
 * @throws InputError naming `input` when the file is missing, unreadable, not YAML or malformed
 */
export async function loadChecksFile(
  path: string,
  shown = path,
  input = 'checks-file',
): Promise<CheckSpec[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(
      input,
      missing
        ? `input "${input}": ${shown} does not exist (resolved to ${path})`
        : `input "${input}": cannot read ${shown}: ${errorMessage(err)}`,
      { cause: err },
    );
  }
  const { parse } = await import('yaml');
  let document: unknown;
  try {
    document = parse(text);
  } catch (err) {
    throw new InputError(input, `input "${input}": ${shown} is not valid YAML: ${errorMessage(err)}`, {
      cause: err,
    });
  }
  return checksFromDocument(document, shown, input);
}
