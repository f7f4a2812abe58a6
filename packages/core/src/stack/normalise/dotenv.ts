/**
 * `.env` and `env_file` files as Compose reads them: `KEY=value` (or `KEY: value`), an `export `
 * prefix, `#` comments (inline after a space on unquoted values), single quotes literal, double
 * quotes with `\n` `\r` `\"` `\\` escapes, interpolation in unquoted and double-quoted values, a bare
 * `KEY` taken from the environment when it is set there.
 */
import { interpolate, type Lookup } from './interpolate.js';

/** One parse: the variables in file order, or the first syntax error. */
export interface DotenvResult {
  vars: Map<string, string>;
  error?: { message: string; line: number };
}

/**
 * Parses `text`. Values are interpolated with `lookup` first (the project's environment), then the
 * variables defined earlier in the file; `onUnset` hears of each variable set in neither (line 1-based).
 */
export function parseDotenv(
  text: string,
  lookup: Lookup,
  onUnset: (name: string, line: number) => void = () => {},
): DotenvResult {
  const vars = new Map<string, string>();
  const resolve: Lookup = (name) => lookup(name) ?? vars.get(name);
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const statement = /^(?:export\s+)?([^\s=:#]+)\s*(?:([=:])\s*)?(.*)$/.exec(line);
    if (!statement || (statement[2] === undefined && statement[3] !== '')) {
      return { vars, error: { message: `line ${i + 1} is not KEY=VALUE`, line: i + 1 } };
    }
    const key = statement[1]!;
    if (!/^[\p{L}\p{N}_.-]+$/u.test(key)) {
      return {
        vars,
        error: { message: `unexpected character in variable name ${JSON.stringify(key)}`, line: i + 1 },
      };
    }
    if (statement[2] === undefined) {
      const inherited = lookup(key);
      if (inherited !== undefined) vars.set(key, inherited);
      continue;
    }
    const raw = statement[3]!;
    const quote = raw[0];
    if (quote === '"' || quote === "'") {
      const line = i + 1;
      const quoted = readQuoted(lines, i, raw, quote);
      if (quoted === undefined) {
        return { vars, error: { message: `unterminated quoted value for ${key}`, line: i + 1 } };
      }
      i = quoted.lastLine;
      vars.set(
        key,
        quote === "'" ? quoted.body : interpolate(unescape(quoted.body), resolve, (n) => onUnset(n, line)),
      );
      continue;
    }
    const value = raw.replace(/(^|\s)#.*$/, '').replace(/\s+$/, '');
    vars.set(
      key,
      interpolate(value, resolve, (n) => onUnset(n, i + 1)),
    );
  }
  return { vars };
}

/** The body of a quoted value that may span lines, up to the first unescaped closing quote. */
function readQuoted(
  lines: readonly string[],
  first: number,
  raw: string,
  quote: string,
): { body: string; lastLine: number } | undefined {
  let text = raw.slice(1);
  for (let n = first; n < lines.length; n++) {
    for (let j = 0; j < text.length; j++) {
      if (text[j] === '\\') {
        j++;
        continue;
      }
      if (text[j] === quote) return { body: text.slice(0, j), lastLine: n };
    }
    if (n + 1 < lines.length) text += `\n${lines[n + 1]}`;
  }
  return undefined;
}

function unescape(body: string): string {
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}
