/**
 * A compose file as plain data plus where each key came from: YAML 1.2 as Compose reads it (go-yaml
 * v3: `0644` is octal), aliases resolved, `<<` merge keys applied the YAML 1.1 way (explicit keys win,
 * then the earlier of merged maps), each merged key located at its `<<`.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** Where a key or list item is in the sources. */
export interface Loc {
  file: string;
  line?: number;
}

/** A key of a map or an index of a list. */
export type Key = string | number;

/** Source locations of the keys and items of the plain containers of a tree. */
export class Locations {
  private readonly byContainer = new WeakMap<object, Map<Key, Loc>>();

  set(container: object, key: Key, loc: Loc): void {
    let keys = this.byContainer.get(container);
    if (keys === undefined) this.byContainer.set(container, (keys = new Map()));
    keys.set(key, loc);
  }

  get(container: object, key: Key): Loc | undefined {
    return this.byContainer.get(container)?.get(key);
  }
}

/** A parsed file: its data, or the reason it has none. */
export interface LoadedYaml {
  data?: unknown;
  error?: { message: string; line?: number };
}

const MAX_ALIAS_EXPANSIONS = 10_000;

/** Parses `text` (the content of `file`) into plain data, recording locations in `locs`. */
export function loadYaml(text: string, file: string, locs: Locations): LoadedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, merge: false, prettyErrors: false, uniqueKeys: true });
  const [first] = doc.errors;
  if (first !== undefined) {
    return {
      error: {
        message: `not valid YAML: ${first.message.split('\n')[0]}`,
        line: lineCounter.linePos(first.pos[0]).line,
      },
    };
  }
  const reader = new PlainReader(doc, text, file, lineCounter, locs);
  try {
    return { data: reader.read(doc.contents) };
  } catch (err) {
    if (err instanceof YamlShapeError) return { error: { message: err.message, line: err.line } };
    throw err;
  }
}

class YamlShapeError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

class PlainReader {
  private expansions = 0;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
    private readonly file: string,
    private readonly lines: LineCounter,
    private readonly locs: Locations,
  ) {}

  read(node: unknown): unknown {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++this.expansions > MAX_ALIAS_EXPANSIONS) throw new YamlShapeError('too many alias expansions');
      return this.read(node.resolve(this.doc));
    }
    if (isScalar(node)) return this.scalar(node);
    if (isSeq(node)) {
      const list: unknown[] = [];
      node.items.forEach((item, i) => {
        list.push(this.read(item));
        this.locs.set(list, i, this.loc(item));
      });
      return list;
    }
    if (isMap(node)) return this.map(node);
    return null;
  }

  private map(
    node: Extract<Node, { items: unknown }> & { items: Array<{ key: unknown; value: unknown }> },
  ): unknown {
    const out: Record<string, unknown> = {};
    const merged: Array<{ key: string; value: unknown; loc: Loc }> = [];
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN') {
        const at = this.loc(pair.key);
        for (const source of this.mergeSources(pair.value, at)) {
          for (const [key, value] of Object.entries(source)) merged.push({ key, value, loc: at });
        }
        continue;
      }
      const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(this.read(pair.key));
      out[key] = this.read(pair.value);
      this.locs.set(out, key, this.loc(pair.key));
    }
    for (const { key, value, loc } of merged) {
      if (Object.hasOwn(out, key)) continue;
      out[key] = value;
      this.locs.set(out, key, loc);
    }
    return out;
  }

  private mergeSources(value: unknown, at: Loc): Array<Record<string, unknown>> {
    const items = isSeq(value) ? value.items : [value];
    return items.map((item) => {
      const data = this.read(item);
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new YamlShapeError('a merge key `<<` must name a map or a list of maps', at.line);
      }
      return data as Record<string, unknown>;
    });
  }

  private scalar(node: { value: unknown; type?: string; range?: [number, number, number] | null }): unknown {
    // go-yaml v3 reads a plain `0644` as octal; YAML 1.2's core schema as decimal.
    if (typeof node.value === 'number' && node.type === 'PLAIN' && node.range) {
      const source = this.text.slice(node.range[0], node.range[1]);
      if (/^[-+]?0[0-7]+$/.test(source)) return Number.parseInt(source, 8);
    }
    return node.value ?? null;
  }

  private loc(node: unknown): Loc {
    const range = (node as Node | null)?.range;
    return range ? { file: this.file, line: this.lines.linePos(range[0]).line } : { file: this.file };
  }
}

/** The location of `at` in the source tree `root` of `file`: the deepest key along it that the source has. */
export function locate(locs: Locations, root: unknown, at: ReadonlyArray<Key>, file: string): Loc {
  let node = root;
  let found: Loc = { file };
  for (const key of at) {
    if (typeof node !== 'object' || node === null) break;
    let k: Key = key;
    if (Array.isArray(node) && typeof key === 'string') {
      // environment, depends_on, networks… written as a list but printed as a map.
      const i = node.findIndex((e) => e === key || (typeof e === 'string' && e.startsWith(`${key}=`)));
      if (i < 0) break;
      k = i;
    }
    const loc = locs.get(node, k);
    if (loc === undefined) break;
    found = loc;
    node = (node as Record<Key, unknown>)[k];
  }
  return found;
}
