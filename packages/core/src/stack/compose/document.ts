/** Helpers the stack builder shares: key paths, and describing a wrong value in a message. */

/** Where a value sits in the document: keys and sequence indexes from the root. */
export type Path = Array<string | number>;

/** `services.api.ports[0]`. */
export function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** A wrong value as a message names it: `a list`, `string "x"`, `nothing`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Whether `value` is a YAML map (as plain data). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
