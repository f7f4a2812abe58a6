/** Compose's duration syntax (`1m30s`, `500ms`), as health checks use it. */

/**
 * Parses a Compose duration (`30s`, `1m30s`, `500ms`, `1.5s`, `1h`) into milliseconds.
 * @returns `undefined` when `text` is not one
 */
export function parseComposeDuration(text: string): number | undefined {
  const unit = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 } as const;
  if (!/^(\d+(\.\d+)?(h|ms|m|s|us))+$/.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us)/g)) {
    total += Number(match[1]) * unit[match[2] as keyof typeof unit];
  }
  return Math.round(total);
}
