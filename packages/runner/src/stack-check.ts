// `digestline-run stack check`: a user's compose file checked exactly as integration-test, e2e-run
// and deploy-staging would check it, before they push; nothing is started.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '@digestline/core/errors';
import { parseImageSet, type ImageSet } from '@digestline/core/inputs';
import {
  checkStack,
  formatProblem,
  type CheckStackOptions,
  type StackCheck,
} from '@digestline/core/stack/check';
import type { StackProblem } from '@digestline/core/stack/compose/model';
import { resolveTags, TagResolutionError, type ResolveOptions } from '@digestline/core/stack/resolve';
import { errorText } from './errors.js';

export const STACK_CHECK_USAGE = `Usage:
  digestline-run stack check [--image NAME=REF]... [--profile P]... [--env K=V]... [--deploy]
                             [--resolve | --require-digests] [--workspace DIR]
                             [--allow-host-paths] [--allow-privileged] [--writable-bind-mounts] FILE

  --image NAME=REF   the image under test for service NAME, REF = repo@sha256:<64 hex> (repeatable);
                     it replaces the service's image: and makes its build: irrelevant
  --profile P        activate Compose profile P (repeatable)
  --env K=V | K      a variable for interpolation and bare environment keys; a bare K is read from
                     this shell (repeatable; the shell's environment is used as well, --env wins)
  --deploy           check as deploy-staging does (default: as integration-test and e2e-run do)
  --resolve          resolve each image tag (postgres:16) to its digest as the actions do at start,
                     asking its registry with this machine's docker/podman credentials; a tag that
                     does not resolve is an error (default: no network, a tag is a warning)
  --require-digests  a tag is an error, as with the actions' input require-digests: true
  --workspace DIR    the job's workspace: bind mounts and secret files must be inside it (default:
                     the nearest directory above FILE that holds .git, as a checkout's top level;
                     else FILE's directory)
  --allow-host-paths, --allow-privileged, --writable-bind-mounts
                     as the actions' inputs of the same names set to true

Missing bind-mount sources and env files are warnings here: an earlier step of the job may create them.
Exit status: 0 the stack would start (warnings only), 1 it has errors, 2 usage error.`;

const IMAGE_FORM = 'name=repo@sha256:<64 hex>';

/** A mistake on the command line: the message names the flag and the expected form. */
export class StackCheckUsageError extends Error {
  override readonly name = 'StackCheckUsageError';
}

/** What `stack check` was asked to do. */
export interface StackCheckRequest {
  /** The compose file, absolute. */
  file: string;
  options: CheckStackOptions;
  /** Resolve tags through their registries (`--resolve`). */
  resolve: boolean;
}

/** Parses one `--image` value (`name=repo@sha256:…`), naming the flag and the expected form when it is wrong. */
function parseImageFlag(value: string): ImageSet {
  if (!value.includes('=')) {
    throw new StackCheckUsageError(`--image ${JSON.stringify(value)}: expected ${IMAGE_FORM}`);
  }
  try {
    return parseImageSet(value, '--image');
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new StackCheckUsageError(
      `--image ${JSON.stringify(value)}: expected ${IMAGE_FORM} (${err.message})`,
    );
  }
}

function parseEnvFlags(
  values: string[],
  shell: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq > 0) {
      out[v.slice(0, eq)] = v.slice(eq + 1);
    } else if (eq < 0 && v !== '') {
      const value = shell[v];
      if (value === undefined)
        throw new StackCheckUsageError(`--env ${v}: no such variable in this shell's environment`);
      out[v] = value;
    } else {
      throw new StackCheckUsageError(`--env ${JSON.stringify(v)}: expected KEY=VALUE or KEY`);
    }
  }
  return out;
}

/**
 * The workspace a job would have for `file`: the nearest directory above it holding `.git` (the
 * checkout's top level), else the file's own directory.
 */
export function defaultWorkspace(file: string): string {
  const start = path.dirname(file);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

/**
 * Parses the arguments after `stack check`.
 * @param shell the environment the check sees (the job's environment in the actions)
 * @throws StackCheckUsageError on anything but exactly one FILE and well-formed flags
 */
export function parseStackCheckArgs(
  args: string[],
  shell: Readonly<Record<string, string | undefined>>,
  cwd: string,
): StackCheckRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        image: { type: 'string', multiple: true },
        profile: { type: 'string', multiple: true },
        env: { type: 'string', multiple: true },
        deploy: { type: 'boolean' },
        resolve: { type: 'boolean' },
        'require-digests': { type: 'boolean' },
        workspace: { type: 'string' },
        'allow-host-paths': { type: 'boolean' },
        'allow-privileged': { type: 'boolean' },
        'writable-bind-mounts': { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new StackCheckUsageError(errorText(err));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new StackCheckUsageError(
      `stack check: give exactly one compose FILE${positionals.length ? `, got ${positionals.length}` : ''}`,
    );
  }
  const images: ImageSet = [];
  for (const value of values.image ?? []) {
    for (const image of parseImageFlag(value)) {
      if (images.some((i) => i.name === image.name)) {
        throw new StackCheckUsageError(`--image ${image.name}=…: service ${image.name} is given twice`);
      }
      images.push(image);
    }
  }
  const profiles = values.profile ?? [];
  const empty = profiles.find((p) => p.trim() === '');
  if (empty !== undefined)
    throw new StackCheckUsageError('--profile: expected a profile name, got an empty value');
  if (values.resolve && values['require-digests']) {
    throw new StackCheckUsageError(
      '--resolve and --require-digests exclude each other: with --require-digests there is no tag to resolve',
    );
  }
  const file = path.resolve(cwd, positionals[0] as string);
  if (values.workspace === '')
    throw new StackCheckUsageError('--workspace: expected a directory, got an empty value');
  return {
    file,
    options: {
      workspace:
        values.workspace !== undefined ? path.resolve(cwd, values.workspace) : defaultWorkspace(file),
      allow: {
        hostPaths: values['allow-host-paths'] === true,
        privileged: values['allow-privileged'] === true,
        writableBinds: values['writable-bind-mounts'] === true,
      },
      images,
      profiles,
      env: { ...shell, ...parseEnvFlags(values.env ?? [], shell) },
      mode: values.deploy ? 'deploy' : 'validation',
      ...(values['require-digests'] ? { requireDigests: true } : {}),
    },
    resolve: values.resolve === true,
  };
}

/**
 * The normaliser's wording for a path that is not there (a bind-mount source, an env file): such a
 * problem is a warning in the CLI, because an earlier step of the job may create the path.
 */
export const MISSING_PATH_WORDING = /\bdoes not exist\b/;

/** The problems as the CLI reports them: missing bind-mount sources and env files downgraded to warnings. */
export function downgradeMissingPaths(problems: readonly StackProblem[]): StackProblem[] {
  return problems.map((p) =>
    p.severity === 'error' && MISSING_PATH_WORDING.test(p.message) ? { ...p, severity: 'warning' } : p,
  );
}

/** Where `stack check` writes and what it reads; the real process by default. */
export interface StackCheckIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  check: (file: string, options: CheckStackOptions) => StackCheck;
  /** How `--resolve` asks registries (default: clients with this machine's auth files). */
  resolve?: ResolveOptions;
}

const processIO = (): StackCheckIO => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
  check: checkStack,
});

/**
 * The check, and with `--resolve` its tags resolved (each once; `tag → digest` on stderr) and the
 * file checked again with their digests; a tag that does not resolve is an error problem.
 */
async function checkRequest(request: StackCheckRequest, io: StackCheckIO): Promise<StackProblem[]> {
  const first = io.check(request.file, request.options);
  if (!request.resolve || first.tags.length === 0 || first.problems.some((p) => p.severity === 'error')) {
    return first.problems;
  }
  try {
    const resolved = await resolveTags(first.tags, {
      log: {
        info: (line) => io.stderr(`${line}\n`),
        warning: (line) => io.stderr(`${line}\n`),
        debug: () => undefined,
      },
      ...io.resolve,
    });
    return io.check(request.file, { ...request.options, resolved }).problems;
  } catch (err) {
    if (!(err instanceof TagResolutionError)) throw err;
    return [
      ...first.problems,
      { severity: 'error', file: request.file, path: 'services', message: err.message },
    ];
  }
}

/**
 * Runs `digestline-run stack check` with the arguments after `stack check`.
 * @returns the exit status: 0 no error, 1 errors, 2 usage error
 */
export async function stackCheckCommand(args: string[], io: StackCheckIO = processIO()): Promise<number> {
  let request: StackCheckRequest;
  try {
    request = parseStackCheckArgs(args, io.env, io.cwd);
  } catch (err) {
    if (!(err instanceof StackCheckUsageError)) throw err;
    io.stderr(`digestline-run: ${err.message}\n${STACK_CHECK_USAGE}\n`);
    return 2;
  }
  const problems = downgradeMissingPaths(await checkRequest(request, io));
  for (const p of problems) io.stdout(`${formatProblem(p, io.cwd)}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  io.stderr(
    `[stack check] ${path.relative(io.cwd, request.file) || request.file}: ${errors} error(s), ${warnings} warning(s); ${
      errors === 0 ? 'the stack would start' : 'the stack would not start'
    }\n`,
  );
  return errors === 0 ? 0 : 1;
}
