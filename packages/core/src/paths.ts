/** Host path helpers shared by the lanes, the stack builder and deployments. */
import { isAbsolute, relative, sep } from 'node:path';

/**
 * True when `path` is `dir` or below it (both absolute and normalised; resolve symlinks first where
 * they could lead out). A name that merely starts with `..` (`..x`) is inside.
 */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
