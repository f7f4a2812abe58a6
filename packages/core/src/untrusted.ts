/**
 * Text that came from a registry (evidence fields, error bodies) is written by whoever can push there,
 * not by the user running the step. Before such text reaches the step log it is made one inert line:
 * a line break followed by `::` would otherwise be read by the runner as a workflow command
 * (`::add-mask::`, `::stop-commands::`, a forged `::error::`), and terminal escapes could repaint the log.
 */

// C0 controls (line breaks, ESC…), DEL, C1 controls (incl. NEL) and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * One log-safe line: every control character is shown as a visible `\u{…}` escape, and a leading
 * `::` or `##[` (a workflow command even on the first line) is broken by a space.
 */
export function neutral(text: string): string {
  const line = text.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
  return /^\s*(?:::|##\[)/.test(line) ? ` ${line}` : line;
}

/** A copy of parsed JSON with {@link neutral} applied to every string (keys included). */
export function neutralStrings<T>(value: T): T {
  if (typeof value === 'string') return neutral(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => neutralStrings(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [neutral(k), neutralStrings(v as unknown)]),
    ) as T;
  }
  return value;
}
