// Resolves `uses:` to a local directory and reads the action's metadata (action.yml).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Maps remote `uses:` prefixes to local directories, e.g.
 * `{'*\/digestline/actions/': '/repo/actions/'}` makes `acme/digestline/actions/build-image@v1`
 * resolve to `/repo/actions/build-image`. `*` matches one path segment; the first match wins.
 */
export type ActionMap = Record<string, string>;

/** An action's metadata, as far as the local runner uses it. */
export interface ActionMetadata {
  dir: string;
  name: string;
  using: string;
  main: string;
  post?: string;
  postIf: string;
  pre?: string;
  inputs: Record<string, { default?: string; required: boolean; deprecationMessage?: string }>;
}

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
  return new RegExp(`^${escaped}`);
}

/**
 * The local directory for a `uses:` value. `./x` is relative to the workspace; `owner/repo/path@ref`
 * must match an ActionMap entry. Throws with the reason when the action is not available locally.
 */
export function resolveActionDir(uses: string, workspace: string, actionMap: ActionMap = {}): string {
  if (uses.startsWith('docker://')) {
    throw new Error(`uses: ${uses}: docker actions are not supported by the local runner`);
  }
  if (uses.startsWith('./') || uses.startsWith('../')) return path.resolve(workspace, uses);
  const at = uses.lastIndexOf('@');
  const ref = at > 0 ? uses.slice(0, at) : uses;
  for (const [pattern, dir] of Object.entries(actionMap)) {
    const match = patternToRegExp(pattern).exec(ref);
    if (match) return path.resolve(workspace, dir, ref.slice(match[0].length));
  }
  const patterns = Object.keys(actionMap);
  throw new Error(
    `uses: ${uses}: remote actions are not fetched by the local runner; map it to a directory with ` +
      `--action-map '<pattern>=<dir>' (patterns now: ${patterns.length > 0 ? patterns.join(', ') : 'none'})`,
  );
}

function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value);
}

/** Reads `<dir>/action.yml` (or action.yaml). Throws naming the file when it is missing or malformed. */
export async function readActionMetadata(dir: string): Promise<ActionMetadata> {
  const file = ['action.yml', 'action.yaml'].map((f) => path.join(dir, f)).find((f) => existsSync(f));
  if (!file) throw new Error(`no action.yml or action.yaml in ${dir}`);
  const doc: unknown = parse(await readFile(file, 'utf8'));
  if (typeof doc !== 'object' || doc === null) throw new Error(`${file}: not a mapping`);
  const meta = doc as Record<string, unknown>;
  const runs = meta['runs'] as Record<string, unknown> | undefined;
  const using = str(runs?.['using']);
  if (!runs || !using) throw new Error(`${file}: runs.using is missing`);
  if (!/^node\d+$/.test(using)) {
    throw new Error(
      `${file}: runs.using '${using}' is not supported by the local runner (only node actions)`,
    );
  }
  const main = str(runs['main']);
  if (!main) throw new Error(`${file}: runs.main is missing`);
  const inputs: ActionMetadata['inputs'] = {};
  const rawInputs = (meta['inputs'] ?? {}) as Record<string, Record<string, unknown> | null>;
  for (const [name, spec] of Object.entries(rawInputs)) {
    inputs[name] = {
      default: str(spec?.['default']),
      required: spec?.['required'] === true || spec?.['required'] === 'true',
      deprecationMessage: str(spec?.['deprecationMessage']),
    };
  }
  return {
    dir,
    name: str(meta['name']) ?? path.basename(dir),
    using,
    main,
    post: str(runs['post']),
    postIf: str(runs['post-if']) ?? 'always()',
    pre: str(runs['pre']),
    inputs,
  };
}

/** The environment variable a runner gives an input: `INPUT_` + name upper-cased, spaces → `_`. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
