import { readFile } from 'node:fs/promises';
import { compileGlob, GlobError } from './glob.js';
import { parseSize, SIZE_FORMS } from './size.js';
import { POLICY_RULES, type ImagePolicy } from './types.js';

/** An image policy file that cannot be used; the message names the file, the line and the key. */
export class PolicyError extends Error {
  override name = 'PolicyError';
}

type YamlModule = typeof import('yaml');
let yamlModule: Promise<YamlModule> | undefined;
// Loaded on first use so that importing the policy types or checks does not pull in the YAML parser.
const loadYaml = (): Promise<YamlModule> => (yamlModule ??= import('yaml'));

/**
 * Reads and validates an image-policy.yaml.
 * @throws PolicyError naming the file (and line/key) when it is missing, not YAML, or not a valid policy
 */
export async function loadPolicy(path: string): Promise<ImagePolicy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT') throw new PolicyError(`image policy file ${path} does not exist`);
    throw new PolicyError(`cannot read image policy file ${path}: ${(err as Error).message}`);
  }
  return parsePolicy(text, path);
}

/**
 * Parses policy YAML text (no I/O; async only because the YAML parser is loaded lazily). An empty
 * document is an empty policy: no rule enabled.
 * @param source names the text in error messages (usually the file path)
 * @throws PolicyError with `source:line: key: problem`
 */
export async function parsePolicy(text: string, source: string): Promise<ImagePolicy> {
  const { parseDocument, LineCounter, isMap, isScalar, visit } = await loadYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    const where = pos === undefined ? source : `${source}:${pos.line}:${pos.col}`;
    const message = (yamlError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new PolicyError(`${where}: invalid YAML: ${message}`);
  }
  // A policy has no use for anchors/aliases; an alias here is nearly always an unquoted `**/x` glob.
  visit(doc, {
    Alias(_key, node) {
      const line = node.range ? `:${lineCounter.linePos(node.range[0]).line}` : '';
      throw new PolicyError(
        `${source}${line}: "*${node.source}" reads as a YAML alias: quote values that start with *, ` +
          `e.g. - '*${node.source}'`,
      );
    },
  });
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return validatePolicy({}, source);
  if (!isMap(contents)) {
    throw new PolicyError(
      `${source}: expected a mapping of policy keys at the top level (${POLICY_RULES.join(', ')})`,
    );
  }
  const lines = new Map<string, number>();
  for (const pair of contents.items) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string') {
      throw new PolicyError(`${source}: policy keys must be plain strings (${POLICY_RULES.join(', ')})`);
    }
    if (key.range) lines.set(key.value, lineCounter.linePos(key.range[0]).line);
  }
  return validatePolicy(doc.toJS() as unknown, source, lines);
}

/**
 * Validates an already-parsed policy document (pure).
 * @param keyLines line of each top-level key, for messages
 * @throws PolicyError naming source, line and key
 */
export function validatePolicy(data: unknown, source: string, keyLines?: Map<string, number>): ImagePolicy {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PolicyError(`${source}: expected a mapping of policy keys (${POLICY_RULES.join(', ')})`);
  }
  const where = (key: string): string => {
    const line = keyLines?.get(key);
    return `${line === undefined ? source : `${source}:${line}`}: ${key}`;
  };
  const policy: ImagePolicy = {
    source,
    nonRoot: false,
    forbid: [],
    requireLabels: [],
    requireHealthcheck: false,
  };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    switch (key) {
      case 'max-size': {
        const size = typeof value === 'string' || typeof value === 'number' ? parseSize(value) : undefined;
        if (!size) throw new PolicyError(`${where(key)}: expected ${SIZE_FORMS}; got ${describe(value)}`);
        policy.maxSize = { bytes: size.bytes, text: size.text };
        break;
      }
      case 'non-root':
        policy.nonRoot = boolean(value, where(key));
        break;
      case 'require-healthcheck':
        policy.requireHealthcheck = boolean(value, where(key));
        break;
      case 'forbid': {
        const patterns = stringList(value, where(key), 'paths or globs');
        for (const pattern of patterns) {
          try {
            compileGlob(pattern);
          } catch (err) {
            if (err instanceof GlobError) throw new PolicyError(`${where(key)}: ${err.message}`);
            throw err;
          }
        }
        policy.forbid = [...new Set(patterns.map((p) => p.trim()))];
        break;
      }
      case 'require-labels':
        policy.requireLabels = [
          ...new Set(stringList(value, where(key), 'label names').map((l) => l.trim())),
        ];
        break;
      default: {
        const guess = closest(key, POLICY_RULES);
        throw new PolicyError(
          `${where(key)}: unknown key${guess ? ` (did you mean "${guess}"?)` : ''}; ` +
            `valid keys: ${POLICY_RULES.join(', ')}`,
        );
      }
    }
  }
  return policy;
}

function boolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean')
    throw new PolicyError(`${where}: expected true or false; got ${describe(value)}`);
  return value;
}

function stringList(value: unknown, where: string, what: string): string[] {
  if (!Array.isArray(value))
    throw new PolicyError(`${where}: expected a list of ${what}; got ${describe(value)}`);
  return value.map((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      throw new PolicyError(`${where}: item ${i + 1} must be a non-empty string; got ${describe(item)}`);
    }
    return item;
  });
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'no value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}
