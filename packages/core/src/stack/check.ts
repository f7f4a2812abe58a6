/**
 * A user's compose file, checked exactly as the actions use it: normalised the way the reference
 * implementation does (stack/normalise/), then built into the stack digestline runs with the images
 * under test injected by service name (stack/build/). `digestline-run stack check` prints the result;
 * integration-test, e2e-run and deploy-staging start the spec or refuse with every problem at once.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ImageSet } from '../inputs.js';
import { pinnedReference } from '../reference.js';
import { errorMessage } from '../errors.js';
import { isActionVariable } from '../user-code.js';
import { buildStack, type HostAccess, type TagToResolve } from './build/build.js';
import type { ComposeModel, StackProblem } from './compose/model.js';
import type { StackSpec } from './compose/types.js';
import { normaliseCompose } from './normalise/index.js';

/** How a stack is checked. */
export interface CheckStackOptions {
  /** The images under test, injected by service name. */
  images: ImageSet;
  /** Active Compose profiles. */
  profiles?: readonly string[];
  /**
   * Variables for interpolation and bare environment keys (the job's environment); the action's own
   * `INPUT_*` and the runner's `ACTIONS_*` never reach a stack.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** `validation` (integration-test, e2e-run) or `deploy` (deploy-staging): some keys differ (restart). */
  mode: 'validation' | 'deploy';
  /** The job's workspace; default the compose file's directory. */
  workspace?: string;
  /** Tags resolved at start (stack/resolve.ts), `registry/repository:tag` → `sha256:…`. */
  resolved?: ReadonlyMap<string, string>;
  /** The `require-digests` input: a service's own tag is an error rather than resolved. */
  requireDigests?: boolean;
  /** What the stack may do to the host (the `allow-*` inputs). */
  allow?: HostAccess;
}

/** The checked stack (when it would start), the normalised model it came from, and every problem. */
export interface StackCheck {
  spec?: StackSpec;
  /** The normalised model: what a deployment records, so a rollback starts the same stack. */
  model?: ComposeModel;
  /** Tags to resolve before the stack can start (resolveStackTags does it); `spec` is unset while any. */
  tags: TagToResolve[];
  problems: StackProblem[];
}

/**
 * The variables a stack file is interpolated with: the job's environment without the action's inputs
 * and the runner's plumbing, and each image under test as `<NAME>_IMAGE` (so `${BACKEND_IMAGE}` works).
 */
export function stackVariables(
  env: Readonly<Record<string, string | undefined>>,
  images: ImageSet,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) if (!isActionVariable(name)) out[name] = value;
  for (const image of images) {
    out[`${image.name.toUpperCase().replace(/-/g, '_')}_IMAGE`] = pinnedReference(image);
  }
  return out;
}

/** Checks compose text that came from `file` (an absolute path, for relative paths and messages). */
export function checkStackText(file: string, text: string, opts: CheckStackOptions): StackCheck {
  const env = stackVariables(opts.env ?? {}, opts.images);
  const n = normaliseCompose({
    file,
    text,
    env,
    profiles: opts.profiles ?? [],
  });
  const built = buildStack(n, {
    images: opts.images,
    mode: opts.mode,
    workspace: opts.workspace ?? dirname(file),
    ...(opts.resolved !== undefined ? { resolved: opts.resolved } : {}),
    ...(opts.requireDigests !== undefined ? { requireDigests: opts.requireDigests } : {}),
    ...(opts.allow !== undefined ? { allow: opts.allow } : {}),
    env,
  });
  const check: StackCheck = { tags: built.tags, problems: built.problems };
  if (built.spec !== undefined) check.spec = built.spec;
  if (n.model !== undefined) check.model = n.model;
  return check;
}

/**
 * Builds a stack from a model normalised earlier (what a deployment stored), without normalising
 * again: the values in it are final (a `$` in them is a `$`).
 * @param opts.workspace where its host paths may be (default the stored file's directory)
 * @param opts.env the values of its `environment:` secrets and configs
 */
export function stackFromModel(
  model: ComposeModel,
  source: string,
  images: ImageSet,
  opts: { workspace?: string; env?: Readonly<Record<string, string | undefined>> } = {},
): StackCheck {
  const built = buildStack(
    { model, lineOf: () => ({ file: source }), problems: [] },
    {
      images,
      mode: 'deploy',
      workspace: opts.workspace ?? dirname(source),
      ...(opts.env !== undefined ? { env: opts.env } : {}),
    },
  );
  const check: StackCheck = { tags: built.tags, problems: built.problems, model };
  if (built.spec !== undefined) check.spec = built.spec;
  return check;
}

/**
 * Checks the compose file at `file`: every error and warning at once; `spec` is set when there is no
 * error.
 */
export function checkStack(file: string, opts: CheckStackOptions): StackCheck {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return {
      tags: [],
      problems: [{ severity: 'error', file, path: '', message: `cannot read: ${errorMessage(err)}` }],
    };
  }
  return checkStackText(path, text, opts);
}

/**
 * One problem as one line, `file:line: [warning: ]path: message` (the file relative to `cwd` when it is
 * below it), so editors can jump to it.
 */
export function formatProblem(problem: StackProblem, cwd?: string): string {
  const rel = cwd === undefined ? '' : relative(cwd, problem.file);
  const file = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : problem.file;
  const where = problem.line === undefined ? file : `${file}:${problem.line}`;
  const severity = problem.severity === 'warning' ? 'warning: ' : '';
  const key = problem.path === '' ? '' : `${problem.path}: `;
  return `${where}: ${severity}${key}${problem.message}`;
}

/**
 * The errors of a check, one `file:line: path: message` line each (file relative to `cwd` when below
 * it); empty exactly when the check built a stack.
 */
export function stackErrors(check: StackCheck, cwd?: string): string[] {
  const errors = check.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, cwd));
  return errors.length === 0 && check.spec === undefined ? ['no stack was built'] : errors;
}
