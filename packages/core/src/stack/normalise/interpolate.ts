/**
 * Compose variable interpolation (compose-spec): `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?message}`, `${VAR?message}`, `${VAR:+alternative}`, `${VAR+alternative}`, nested in the
 * default / message / alternative, and `$$` for a literal `$`. Names are `[_a-zA-Z][_a-zA-Z0-9]*`.
 */

/** Looks a variable up: undefined when it is not set (an empty string is set). */
export type Lookup = (name: string) => string | undefined;

/** A failed interpolation: a required variable is missing, or a `$` starts nothing valid. */
export class InterpolationError extends Error {}

/** Interpolates `template`; `onUnset` hears each plain `$VAR` / `${VAR}` that is not set. */
export function interpolate(
  template: string,
  lookup: Lookup,
  onUnset: (name: string) => void = () => {},
): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) return out + template.slice(i);
    out += template.slice(i, dollar);
    const [value, next] = substitution(template, dollar, lookup, onUnset);
    out += value;
    i = next;
  }
  return out;
}

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/** The value of the substitution starting at `template[at] === '$'`, and the index after it. */
function substitution(
  template: string,
  at: number,
  lookup: Lookup,
  onUnset: (name: string) => void,
): [string, number] {
  const rest = template.slice(at + 1);
  if (rest.startsWith('$')) return ['$', at + 2];
  const named = NAME.exec(rest);
  if (named) return [plain(named[0], lookup, onUnset), at + 1 + named[0].length];
  if (!rest.startsWith('{')) throw invalid(template);
  const close = closingBrace(template, at + 1);
  const name = NAME.exec(rest.slice(1));
  if (close < 0 || !name) throw invalid(template);
  const body = template.slice(at + 2, close);
  const tail = body.slice(name[0].length);
  if (tail === '') return [plain(name[0], lookup, onUnset), close + 1];
  const op = /^:?[-+?]/.exec(tail);
  if (!op) throw invalid(template);
  const arg = tail.slice(op[0].length);
  return [modified(name[0], op[0], arg, lookup, onUnset), close + 1];
}

function plain(name: string, lookup: Lookup, onUnset: (name: string) => void): string {
  const value = lookup(name);
  if (value === undefined) onUnset(name);
  return value ?? '';
}

function modified(
  name: string,
  op: string,
  arg: string,
  lookup: Lookup,
  onUnset: (name: string) => void,
): string {
  const value = lookup(name);
  const nonEmpty = value !== undefined && value !== '';
  const present = op.startsWith(':') ? nonEmpty : value !== undefined;
  const argument = () => interpolate(arg, lookup, onUnset);
  switch (op.slice(-1)) {
    case '-':
      return present ? (value ?? '') : argument();
    case '+':
      return present ? argument() : '';
    default:
      if (!present)
        throw new InterpolationError(`required variable ${name} is missing a value: ${argument()}`);
      return value ?? '';
  }
}

/** Index of the `}` closing the `{` at `open`, counting nested `${`; -1 when there is none. */
function closingBrace(s: string, open: number): number {
  let depth = 1;
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '}') {
      if (--depth === 0) return i;
    } else if (s[i] === '$' && s[i + 1] === '{') {
      depth++;
      i++;
    }
  }
  return -1;
}

function invalid(template: string): InterpolationError {
  return new InterpolationError(
    `invalid interpolation format: ${JSON.stringify(template)}: write $$ for a literal $`,
  );
}
