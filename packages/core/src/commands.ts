/**
 * The workflow commands an action needs before its work starts (inputs, state, masks, annotations,
 * outputs, log lines), written exactly as @actions/core 3 writes them but without loading it:
 * @actions/core's entry point imports @actions/exec, @actions/io and node:crypto, which took as long to
 * load as everything an action does before it reads its first input. The formats are @actions/core's
 * byte for byte, so GitHub's and Forgejo's runners read them the same.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::command prop=value,...::message` on stdout; properties with an empty value are left out. */
function issueCommand(command: string, message: string, properties: Record<string, string> = {}): void {
  let line = `::${command}`;
  const keys = Object.keys(properties);
  if (keys.length > 0) {
    line += ' ';
    line += keys
      .filter((key) => properties[key])
      .map((key) => `${key}=${escapeProperty(properties[key] as string)}`)
      .join(',');
  }
  process.stdout.write(`${line}::${escapeData(message)}${EOL}`);
}

/** Appends `name<<delimiter ... delimiter` to the file the runner named in `GITHUB_<command>`. */
function issueKeyValueFileCommand(command: string, name: string, value: string): void {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`);
  // The global Web Crypto is loaded on first use: only steps that write a file command pay for it.
  const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`;
  if (name.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (value.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  appendFileSync(filePath, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, {
    encoding: 'utf8',
  });
}

/** An input's value (env `INPUT_<NAME>`, spaces as `_`), trimmed; `''` when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

/** A value the main step saved with {@link saveState} (env `STATE_<name>`); `''` when none. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

/** Saves a value for the post step (`GITHUB_STATE`, else the `save-state` command). */
export function saveState(name: string, value: string): void {
  if (process.env['GITHUB_STATE']) return issueKeyValueFileCommand('STATE', name, value);
  issueCommand('save-state', value, { name });
}

/** Sets an output (`GITHUB_OUTPUT`, else the `set-output` command). */
export function setOutput(name: string, value: string): void {
  if (process.env['GITHUB_OUTPUT']) return issueKeyValueFileCommand('OUTPUT', name, value);
  process.stdout.write(EOL);
  issueCommand('set-output', value, { name });
}

/** Masks a value in every later log line of the job. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', secret);
}

/** A log line. */
export function info(message: string): void {
  process.stdout.write(message + EOL);
}

/** A debug line (shown when the runner's step debug logging is on). */
export function debug(message: string): void {
  issueCommand('debug', message);
}

/** Opens a collapsible log group; {@link endGroup} closes it. */
export function startGroup(name: string): void {
  issueCommand('group', name);
}

/** Closes the log group {@link startGroup} opened. */
export function endGroup(): void {
  issueCommand('endgroup', '');
}

/** A warning annotation. */
export function warning(message: string): void {
  issueCommand('warning', message);
}

/** An error annotation. */
export function error(message: string): void {
  issueCommand('error', message);
}

/** Fails the step: exit code 1 and an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}
