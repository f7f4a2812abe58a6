/** Normalised models for builder tests: a model literal plus a lineOf that walks up to the nearest known line. */
import type { ComposeModel, NormalisedCompose, StackProblem } from '../../../src/stack/compose/model.js';
import { formatPath } from '../../../src/stack/compose/document.js';

export const FILE = '/work/app/compose.yaml';
export const DIGEST = `sha256:${'a'.repeat(64)}`;
export const OTHER = `sha256:${'b'.repeat(64)}`;

/** `lines` maps dotted paths (`services.web.ports[0]`) to lines; unknown paths walk up to a parent. */
export function normalised(
  model: ComposeModel,
  lines: Record<string, number> = {},
  problems: StackProblem[] = [],
): NormalisedCompose {
  return {
    model,
    problems,
    lineOf(path) {
      for (let n = path.length; n > 0; n--) {
        const line = lines[formatPath(path.slice(0, n))];
        if (line !== undefined) return { file: FILE, line };
      }
      return { file: FILE };
    },
  };
}
