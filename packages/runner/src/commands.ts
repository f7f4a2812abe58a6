// File commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE, GITHUB_PATH) and workflow commands
// (`::name props::message` lines on stdout/stderr), parsed the way the runners parse them.

/**
 * Parses an env-file (GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE): `name=value` lines and the
 * heredoc form `name<<DELIM` … `DELIM`. Later keys win. Throws on a malformed line, naming the file.
 */
export function parseEnvFile(text: string, fileLabel: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  // A trailing newline leaves one empty element that is not a line of its own.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (delimiter === '')
        throw new Error(`${fileLabel}: line ${i + 1}: empty heredoc delimiter for '${name}'`);
      const value: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true;
          break;
        }
        value.push(lines[i] ?? '');
      }
      if (!closed) {
        throw new Error(`${fileLabel}: the value of '${name}' is not terminated by a line '${delimiter}'`);
      }
      out.set(name, value.join('\n'));
      continue;
    }
    if (eq <= 0) {
      throw new Error(`${fileLabel}: line ${i + 1} is neither 'name=value' nor 'name<<DELIMITER': ${line}`);
    }
    out.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return out;
}

/** Parses GITHUB_PATH: one directory per line, blank lines ignored, in the order written. */
export function parsePathFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** One `::command key=value,…::message` line. */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

const unescapeData = (s: string): string =>
  s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');

const unescapeProperty = (s: string): string => unescapeData(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',');

/** Parses a `::command props::message` line, or returns undefined when the line is plain output. */
export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const match = /^::([A-Za-z][A-Za-z0-9_-]*)(?: ([^:]*))?::(.*)$/.exec(line.trimStart());
  if (!match) return undefined;
  const properties: Record<string, string> = {};
  for (const part of (match[2] ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) properties[part.slice(0, eq).trim()] = unescapeProperty(part.slice(eq + 1));
  }
  return { command: (match[1] ?? '').toLowerCase(), properties, message: unescapeData(match[3] ?? '') };
}

/** Replaces registered secrets and `::add-mask::` values with `***` in log lines and messages. */
export class Masker {
  private readonly values = new Set<string>();

  /** Registers a value; multi-line values are masked line by line too, as the runners do. */
  add(value: string): void {
    for (const v of [value, ...value.split(/\r?\n/)]) {
      if (v.trim() !== '') this.values.add(v);
    }
  }

  /** True when `text` contains a masked value. */
  touches(text: string): boolean {
    for (const v of this.values) if (text.includes(v)) return true;
    return false;
  }

  mask(text: string): string {
    // Longest first, so a secret that contains another is masked whole.
    const sorted = [...this.values].sort((a, b) => b.length - a.length);
    let out = text;
    for (const v of sorted) out = out.split(v).join('***');
    return out;
  }
}
