/**
 * The one way digestline runs external programs (podman, docker, skopeo...).
 *
 * Every command is an argv array (never a shell string), is judged by its exit code (never by
 * stderr being empty: engines print progress and warnings there), and fails with an `ExecError`
 * that shows the command and the tail of its stderr. Secrets never reach the log or a message.
 */
import { setSecret } from './commands.js';
import { getExecOutput } from '@actions/exec';
import { ExecError } from './errors.js';

/** Options for {@link Exec.exec}. */
export interface ExecOptions {
  /** Written to the program's stdin, which is then closed (e.g. a password for `--password-stdin`). */
  input?: string | Buffer;
  /** Do not echo the command and its output to the log. Output is still captured and returned. */
  silent?: boolean;
  /** Return non-zero exit codes in the result instead of throwing an `ExecError`. */
  ignoreReturnCode?: boolean;
  /** Variables added to (or overriding) the current environment for this command only. */
  env?: Record<string, string>;
  /** Working directory; defaults to the current one. */
  cwd?: string;
  /**
   * Kill the program (SIGTERM, then SIGKILL 5 s later) if it has not exited after this many ms;
   * the call then throws an `ExecError` saying so, even with `ignoreReturnCode`.
   */
  timeoutMs?: number;
  /** Values masked in the runner's log (`::add-mask::`) and replaced by `***` in messages and echoes. */
  secrets?: string[];
}

/** What a finished command produced. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** How many trailing stderr lines an `ExecError` carries: enough for an engine's error, not its progress bars. */
export const STDERR_TAIL_LINES = 20;

/** Exit code the timeout supervisor uses when it had to kill the program (as coreutils `timeout`). */
const TIMEOUT_EXIT_CODE = 124;
const KILL_GRACE_MS = 5_000;

/**
 * Runs argv in a child with a deadline. @actions/exec never exposes the child process, so the
 * deadline is enforced by this small Node program placed between us and the command; Node is the
 * one program certain to exist wherever an action runs (coreutils `timeout` is not, e.g. on Alpine
 * its options differ).
 */
const SUPERVISOR = `
const { spawn } = require('node:child_process');
const [ms, graceMs, bin, ...args] = process.argv.slice(1);
const child = spawn(bin, args, { stdio: 'inherit' });
let timedOut = false;
const timer = setTimeout(() => {
  timedOut = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), Number(graceMs)).unref();
}, Number(ms));
child.on('error', (err) => {
  clearTimeout(timer);
  process.stderr.write(String(err && err.message) + '\\n');
  process.exit(127);
});
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  if (timedOut) process.exit(${TIMEOUT_EXIT_CODE});
  if (code !== null) process.exit(code);
  process.stderr.write('killed by ' + signal + '\\n');
  process.exit(128 + (require('node:os').constants.signals[signal] || 0));
});
`;

/** Replaces every occurrence of each secret in `text` by `***`. Empty secrets are ignored. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a secret containing another is not left half-visible.
  for (const secret of [...secrets].filter((s) => s !== '').sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('***');
  }
  return out;
}

/** The last `n` lines of `text`, without trailing blank lines. */
export function tailLines(text: string, n: number = STDERR_TAIL_LINES): string {
  const lines = text.replace(/\s+$/, '').split(/\r?\n/);
  return lines.slice(-n).join('\n');
}

/** Echoes output line by line so that a secret split across two chunks is still redacted. */
class LineEcho {
  private partial = '';

  constructor(
    private readonly secrets: readonly string[],
    private readonly write: (line: string) => void,
  ) {}

  push(chunk: Buffer): void {
    const lines = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.write(redact(line, this.secrets));
  }

  flush(): void {
    if (this.partial !== '') this.write(redact(this.partial, this.secrets));
    this.partial = '';
  }
}

/**
 * Runs external programs. Inject an instance where commands are run (engines take one in their
 * constructor) so that tests can `vi.spyOn(exec, 'exec')` and see the exact argv.
 */
export class Exec {
  /**
   * Runs `bin` with `args` and collects its output.
   *
   * @param bin program name (looked up on PATH) or path
   * @param args arguments, passed as they are: no shell, no quoting needed
   * @throws ExecError if the program cannot be started, exits non-zero (unless `ignoreReturnCode`)
   *   or exceeds `timeoutMs`; the message names the redacted command and ends with the last
   *   {@link STDERR_TAIL_LINES} lines of stderr.
   */
  async exec(bin: string, args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const secrets = (opts.secrets ?? []).filter((s) => s !== '');
    for (const secret of secrets) setSecret(secret);
    const argv = [bin, ...args].map((a) => redact(a, secrets));

    const echo = !opts.silent;
    const write = (line: string): void => {
      process.stdout.write(`${line}\n`);
    };
    const out = new LineEcho(secrets, write);
    const err = new LineEcho(secrets, write);
    if (echo) write(`[command]${argv.join(' ')}`);

    let program = bin;
    let programArgs = [...args];
    if (opts.timeoutMs !== undefined) {
      if (!(opts.timeoutMs > 0))
        throw new RangeError(`timeoutMs must be a positive number, got ${opts.timeoutMs}`);
      program = process.execPath;
      programArgs = ['-e', SUPERVISOR, '--', String(opts.timeoutMs), String(KILL_GRACE_MS), bin, ...args];
    }

    const started = Date.now();
    let result: ExecResult;
    try {
      result = await getExecOutput(program, programArgs, {
        silent: true,
        ignoreReturnCode: true,
        cwd: opts.cwd,
        env: opts.env ? mergeEnv(opts.env) : undefined,
        input: opts.input === undefined ? undefined : Buffer.from(opts.input),
        listeners: echo ? { stdout: (d) => out.push(d), stderr: (d) => err.push(d) } : {},
      });
    } catch (cause) {
      // @actions/exec throws only when the program cannot be found or started.
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new ExecError(
        argv,
        null,
        '',
        `${argv.join(' ')} could not be started: ${redact(reason, secrets)}`,
        {
          cause,
        },
      );
    } finally {
      out.flush();
      err.flush();
    }

    const stderrTail = redact(tailLines(result.stderr), secrets);
    if (
      opts.timeoutMs !== undefined &&
      result.exitCode === TIMEOUT_EXIT_CODE &&
      Date.now() - started >= opts.timeoutMs
    ) {
      const what = `${argv.join(' ')} did not finish within ${formatMs(opts.timeoutMs)} and was killed`;
      throw new ExecError(argv, null, stderrTail, stderrTail === '' ? what : `${what}:\n${stderrTail}`);
    }
    if (result.exitCode !== 0 && !opts.ignoreReturnCode) {
      const what = `${argv.join(' ')} exited with code ${result.exitCode}`;
      if (stderrTail !== '')
        throw new ExecError(argv, result.exitCode, stderrTail, `${what}:\n${stderrTail}`);
      // Some tools report failures on stdout; an empty stderr must not leave the reader with nothing.
      const stdoutTail = redact(tailLines(result.stdout), secrets);
      throw new ExecError(
        argv,
        result.exitCode,
        '',
        stdoutTail === ''
          ? `${what} and printed nothing`
          : `${what} (stderr empty; stdout ends):\n${stdoutTail}`,
      );
    }
    return result;
  }
}

function mergeEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  return Object.assign(env, extra);
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** The shared instance used when none is injected. */
export const defaultExec = new Exec();
