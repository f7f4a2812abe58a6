/** Interpolation over a whole file: every string value (not keys), problems located. */
import { formatPath, isRecord, type NormaliseContext } from './context.js';
import { interpolate, InterpolationError } from './interpolate.js';
import type { Key } from './tree.js';

/** Interpolates every string value under `node` in place; `at` is its path. */
export function interpolateTree(ctx: NormaliseContext, node: unknown, at: Key[]): void {
  const entries: Array<[Key, unknown]> = Array.isArray(node)
    ? node.map((v, i) => [i, v])
    : isRecord(node)
      ? Object.entries(node)
      : [];
  for (const [key, value] of entries) {
    const here = [...at, key];
    if (typeof value === 'string') {
      const loc = ctx.locs.get(node as object, key);
      try {
        (node as Record<Key, unknown>)[key] = interpolate(value, ctx.lookup, (name) =>
          ctx.report('warning', here, `variable ${name} is not set: it is replaced by an empty string`, loc),
        );
      } catch (err) {
        if (!(err instanceof InterpolationError)) throw err;
        ctx.report('error', here, `error while interpolating ${formatPath(here)}: ${err.message}`, loc);
      }
    } else {
      interpolateTree(ctx, value, here);
    }
  }
}
