/** A stack spec from compose text, the way the actions check it, for tests that start stacks. */
import { resolve } from 'node:path';
import type { ImageSet } from '../../src/inputs.js';
import { checkStackText, stackErrors } from '../../src/stack/check.js';
import type { StackSpec } from '../../src/stack/compose/types.js';

/**
 * Checks `text` as the compose file `source` (validation mode unless told) with no job environment.
 * @throws Error listing every error, when the text does not build
 */
export function parseStack(
  text: string,
  source: string,
  images: ImageSet,
  mode: 'validation' | 'deploy' = 'validation',
): StackSpec {
  const check = checkStackText(resolve(source), text, { images, mode, env: {} });
  const errors = stackErrors(check);
  if (check.spec === undefined || errors.length > 0) throw new Error(errors.join('\n'));
  return { ...check.spec, source };
}
