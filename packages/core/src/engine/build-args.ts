/**
 * The `build` command line both CLIs share, and what a failed build leaves to judge it by: the
 * output of the step that failed, so a caller can tell a mirror's hiccup from a broken RUN.
 */
import { ExecError } from '../errors.js';
import { tailLines, type ExecResult } from '../exec.js';
import type { BuildOptions } from './engine.js';

/**
 * `build` argv: `engineArgs` (pull policy, format, TLS, cache flags) first, then the shared flags,
 * the image id written to `iidfile`, the context last.
 */
export function buildArgv(engineArgs: readonly string[], opts: BuildOptions, iidfile: string): string[] {
  const args = ['build', ...engineArgs];
  if (opts.file !== undefined) args.push('--file', opts.file);
  if (opts.target !== undefined) args.push('--target', opts.target);
  for (const [k, v] of Object.entries(opts.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
  for (const [k, v] of Object.entries(opts.labels ?? {})) args.push('--label', `${k}=${v}`);
  for (const tag of opts.tags) args.push('--tag', tag);
  args.push('--iidfile', iidfile, opts.context);
  return args;
}

/** A build that exited non-zero; `stepOutput` is what the failing step printed. */
export class BuildError extends ExecError {
  /**
   * @param stepOutput stdout from the last step marker on (podman `STEP 3/7:`, docker `Step 3/7 :`),
   *   then the whole of stderr: a RUN's own stderr, apt's `E:`/`W:` lines and the engine's error
   */
  constructor(
    argv: readonly string[],
    exitCode: number,
    stderrTail: string,
    readonly stepOutput: string,
  ) {
    const what = `${argv.join(' ')} exited with code ${exitCode}`;
    // Docker's legacy builder prints a RUN's output on stdout: then the step's tail says why.
    const tail = stderrTail === '' ? tailLines(stepOutput) : stderrTail;
    super(argv, exitCode, stderrTail, tail === '' ? `${what} and printed nothing` : `${what}:\n${tail}`);
  }
}

const STEP_MARKER = /^(?:STEP|Step) \d+\/\d+ ?:/gm;

/** The {@link BuildError} for a build run with `ignoreReturnCode` that exited non-zero. */
export function buildError(argv: readonly string[], result: ExecResult): BuildError {
  const markers = [...result.stdout.matchAll(STEP_MARKER)];
  const lastStep = result.stdout.slice(markers.at(-1)?.index ?? 0);
  const stderrTail = tailLines(result.stderr);
  return new BuildError(argv, result.exitCode, stderrTail, `${lastStep}\n${result.stderr}`);
}
