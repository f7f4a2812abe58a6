/**
 * The one way a lane records an evidence check: a check's detail is cut to 500 characters so that a
 * long failure message (a test log tail, many failing titles) cannot bloat the signed statement.
 */
import type { Check } from '../evidence/statement.js';

/** `detail` cut to at most 500 characters. */
export function checkDetail(detail: string): string {
  return detail.length > 500 ? `${detail.slice(0, 497)}...` : detail;
}

/** An evidence check; a negative duration (clock skew) becomes 0, an empty detail is left out. */
export function laneCheck(name: string, result: Check['result'], durationMs: number, detail?: string): Check {
  const c: Check = { name, result, durationMs: Math.max(0, durationMs) };
  if (detail !== undefined && detail !== '') c.detail = checkDetail(detail);
  return c;
}
