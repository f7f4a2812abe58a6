/**
 * Checking a user's compose file exactly as the actions would, without starting anything: what
 * `digestline-run stack check` prints and what integration-test, e2e-run and deploy-staging refuse.
 */
import { readFileSync } from 'node:fs';
import type { ImageSet } from '../inputs.js';
import { errorMessage } from '../errors.js';
import type { StackProblem } from './compose/model.js';
import { StackFileError, type StackSpec } from './compose/types.js';
import { parseStack } from './spec.js';

/** How a stack is checked. */
export interface CheckStackOptions {
  /** The images under test, injected by service name. */
  images: ImageSet;
  /** Active Compose profiles. */
  profiles?: readonly string[];
  /** Variables for interpolation and bare environment keys (the job's environment). */
  env?: Readonly<Record<string, string | undefined>>;
  /** `validation` (integration-test, e2e-run) or `deploy` (deploy-staging): some keys differ (restart). */
  mode: 'validation' | 'deploy';
}

/** The checked stack (when it would start) and every problem found. */
export interface StackCheck {
  spec?: StackSpec;
  problems: StackProblem[];
}

/**
 * Checks the compose file at `file` (absolute path): every error and warning at once; `spec` is set
 * when there is no error.
 */
export function checkStack(file: string, opts: CheckStackOptions): StackCheck {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return {
      problems: [{ severity: 'error', file, path: '', message: `cannot read: ${errorMessage(err)}` }],
    };
  }
  try {
    return { spec: parseStack(text, file, opts.images), problems: [] };
  } catch (err) {
    if (!(err instanceof StackFileError)) throw err;
    const problem: StackProblem = { severity: 'error', file, path: err.path, message: err.reason };
    if (err.line !== undefined) problem.line = err.line;
    return { problems: [problem] };
  }
}
