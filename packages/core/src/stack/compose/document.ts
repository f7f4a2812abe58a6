/**
 * The YAML document of a stack file and the helpers every field parser shares: failing with the
 * key's path and line, describing a wrong value, and refusing Compose variable interpolation.
 */
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { StackFileError } from './types.js';

/** Where a value sits in the document: keys and sequence indexes from the root. */
export type Path = Array<string | number>;

/** Parses the text of a stack file. Keeps the document around to point errors at lines. */
export class Parser {
  private readonly lineCounter = new LineCounter();
  private readonly doc: Document.Parsed;

  constructor(
    text: string,
    private readonly source: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lineCounter, merge: true, prettyErrors: false });
    const [first] = this.doc.errors;
    if (first !== undefined) {
      const line = this.lineCounter.linePos(first.pos[0]).line;
      throw new StackFileError(source, '', `not valid YAML: ${first.message.split('\n')[0]}`, line);
    }
  }

  /** The document as plain data (anchors and merge keys resolved). */
  data(): unknown {
    return this.doc.toJS({ maxAliasCount: 1000 });
  }

  fail(path: Path, reason: string, onKey = false): never {
    throw new StackFileError(this.source, formatPath(path), reason, this.lineOf(path, onKey));
  }

  /** Line of the value at `path` (or of its key, for errors about the key itself). */
  private lineOf(path: Path, onKey: boolean): number | undefined {
    if (path.length === 0) return undefined;
    const parent: unknown = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    let node: unknown;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === last);
      node = pair === undefined ? undefined : onKey ? pair.key : (pair.value ?? pair.key);
    } else if (isSeq(parent) && typeof last === 'number') {
      node = parent.items[last];
    }
    const range = (node as YamlNode | undefined)?.range;
    return range ? this.lineCounter.linePos(range[0]).line : undefined;
  }
}

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

/** Compose's `$$` escape; any other `$` would be interpolated by Compose, which stacks do not do. */
export function literal(p: Parser, at: Path, text: string): string {
  const stray = /\$(?!\$)(\{[^}]*\}?|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.replace(/\$\$/g, ''));
  if (stray) {
    p.fail(
      at,
      `${JSON.stringify(stray[0])} would be substituted from the environment by Compose; stacks do not interpolate variables outside image: write the value, or $$ for a literal $`,
    );
  }
  return text.replace(/\$\$/g, '$');
}

/** A scalar as text (numbers and booleans as written); `$` handled as in {@link literal}. */
export function scalarText(p: Parser, at: Path, value: unknown, what: string): string {
  if (typeof value === 'string') return literal(p, at, value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return p.fail(at, `${what} must be a string, number or boolean, got ${describe(value)}`);
}
