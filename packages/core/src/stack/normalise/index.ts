/**
 * The Compose normaliser: a user's compose file turned into the model `docker compose config --format
 * json` prints (compose-spec semantics, in TypeScript: no docker-compose on the runner), with the
 * line each key came from and every problem found on the way.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { ComposeModel, NormaliseInput, NormalisedCompose, StackProblem } from '../compose/model.js';
import { formatPath, isRecord, type NormaliseContext } from './context.js';
import { parseDotenv } from './dotenv.js';
import { loadTree, mergeFiles } from './include.js';
import { projectResources } from './resources.js';
import { normaliseService } from './service.js';
import { loadYaml, locate, Locations, type Key, type Loc } from './tree.js';

export { interpolate, InterpolationError } from './interpolate.js';
export { parseDotenv } from './dotenv.js';
export { parsePortShort, parseVolumeShort, shellSplit, normaliseDuration } from './syntax.js';

/** Reads a file, undefined when it does not exist. */
function defaultReadFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Normalises a compose file the way the reference does; never throws on the user's file. */
export function normaliseCompose(input: NormaliseInput): NormalisedCompose {
  return normaliseComposeFiles({ ...input, files: [{ file: input.file, text: input.text }] });
}

/** Input of normaliseComposeFiles: NormaliseInput with several files instead of one. */
export interface NormaliseFilesInput extends Omit<NormaliseInput, 'file' | 'text'> {
  /**
   * The files (absolute paths) and their texts, in order: each one an override of those before, as
   * `docker compose -f a -f b` merges them; the project directory is the first one's directory.
   */
  files: ReadonlyArray<{ file: string; text: string }>;
}

/** Normalises several compose files merged the way the reference does; never throws on the user's files. */
export function normaliseComposeFiles(input: NormaliseFilesInput): NormalisedCompose {
  const [first] = input.files;
  if (first === undefined) throw new Error('normaliseComposeFiles: expected at least one compose file');
  const problems: StackProblem[] = [];
  const locs = new Locations();
  const dir = path.dirname(first.file);
  const readFile = input.readFile ?? defaultReadFile;
  const source: { root?: unknown } = {};
  const lineOf = (at: ReadonlyArray<Key>): Loc => locate(locs, source.root, at, first.file);
  // A value that failed to interpolate is reported once, not again by every step that reads it.
  const unreadable = new Set<string>();
  const report = (severity: StackProblem['severity'], at: ReadonlyArray<Key>, message: string, loc?: Loc) => {
    const dotted = formatPath(at);
    if ([...unreadable].some((p) => dotted === p || dotted.startsWith(`${p}.`) || dotted.startsWith(`${p}[`)))
      return;
    if (message.startsWith('error while interpolating')) unreadable.add(dotted);
    const where = loc ?? lineOf(at);
    problems.push({
      severity,
      file: where.file,
      ...(where.line !== undefined ? { line: where.line } : {}),
      path: dotted,
      message,
    });
  };
  const result = (model?: ComposeModel): NormalisedCompose => ({ model, lineOf, problems });

  const trees = parseFiles(input.files, locs, problems);
  if (trees === undefined) return result();
  const ctx: NormaliseContext = {
    dir,
    home: input.env.HOME ?? homedir(),
    lookup: projectLookup(input, dir, readFile, report),
    readFile,
    locs,
    report,
  };
  const errorsBefore = () => problems.filter((p) => p.severity === 'error').length;
  // As in the reference, each file on its own (interpolation, extends, include), then merged in order.
  const root = (source.root = trees[0]!.tree);
  for (const [i, { file, tree }] of trees.entries()) {
    const fileCtx = loadTree(ctx, tree, file, [file]);
    if (i === 0) continue;
    if (tree.services !== undefined && tree.services !== null && !isRecord(tree.services))
      fileCtx.report('error', ['services'], 'services must be a map of service name to service');
    mergeFiles(ctx, root, tree);
  }
  const services = isRecord(root.services) ? root.services : {};
  if (!isRecord(root.services))
    report('error', ['services'], 'services must be a map of service name to service');
  const active = new Set(input.profiles ?? []);
  const model: ComposeModel = { name: projectName(input, root, dir), services: {} };
  const removed = new Set<string>();
  for (const [name, raw] of Object.entries(services)) {
    if (!isRecord(raw)) {
      report('error', ['services', name], 'a service is a map of keys (image, ports…)');
      continue;
    }
    const profiles = Array.isArray(raw.profiles) ? raw.profiles.map(String) : [];
    if (profiles.length > 0 && !profiles.some((p) => active.has(p))) {
      removed.add(name);
      continue;
    }
    model.services[name] = normaliseService(ctx, name, raw);
  }
  checkDependencies(model, removed, report);
  Object.assign(model, projectResources(ctx, root, model));
  for (const [key, value] of Object.entries(root)) if (key.startsWith('x-')) model[key] = value;
  return result(errorsBefore() > 0 ? undefined : model);
}

/** The files parsed, or undefined after every YAML error (with its file and line) is in `problems`. */
function parseFiles(
  files: NormaliseFilesInput['files'],
  locs: Locations,
  problems: StackProblem[],
): Array<{ file: string; tree: Record<string, unknown> }> | undefined {
  const trees: Array<{ file: string; tree: Record<string, unknown> }> = [];
  for (const { file, text } of files) {
    const loaded = loadYaml(text, file, locs);
    const message = loaded.error?.message ?? 'a compose file is a map with a `services:` key';
    if (loaded.error || !isRecord(loaded.data)) {
      const line = loaded.error?.line;
      problems.push({ severity: 'error', file, ...(line ? { line } : {}), path: '', message });
    } else trees.push({ file, tree: loaded.data });
  }
  return trees.length === files.length ? trees : undefined;
}

function projectLookup(
  input: Pick<NormaliseInput, 'env'>,
  dir: string,
  readFile: (file: string) => string | undefined,
  report: NormaliseContext['report'],
): (name: string) => string | undefined {
  const envFile = path.join(dir, '.env');
  const text = readFile(envFile);
  if (text === undefined) return (name) => input.env[name];
  const parsed = parseDotenv(text, (name) => input.env[name]);
  if (parsed.error)
    report('error', [], `.env: ${parsed.error.message}`, { file: envFile, line: parsed.error.line });
  return (name) => input.env[name] ?? parsed.vars.get(name);
}

function projectName(input: Pick<NormaliseInput, 'env'>, root: Record<string, unknown>, dir: string): string {
  const given = input.env.COMPOSE_PROJECT_NAME || (typeof root.name === 'string' ? root.name : undefined);
  return (given ?? path.basename(dir)).toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

function checkDependencies(
  model: ComposeModel,
  removed: Set<string>,
  report: NormaliseContext['report'],
): void {
  for (const [name, service] of Object.entries(model.services)) {
    for (const [dep, spec] of Object.entries(service.depends_on ?? {})) {
      if (model.services[dep] !== undefined || (removed.has(dep) && spec.required === false)) continue;
      const why = removed.has(dep)
        ? `, which is only in profiles that are not active (add --profile or required: false)`
        : '';
      report(
        'error',
        ['services', name, 'depends_on', dep],
        `service "${name}" depends on undefined service "${dep}"${why}`,
      );
    }
  }
}
