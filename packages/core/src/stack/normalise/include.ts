/**
 * `include`: other compose files, each loaded as a project of its own — relative paths against its
 * own directory (or `project_directory`), variables from the including project first, then its own
 * `.env` (or `env_file`) — whose services, networks, volumes, secrets and configs are then copied
 * into the including file. A name defined on both sides, not identically, is an error, as in the
 * reference (compose-go's loader/include.go, docker-compose 2.26.1).
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isRecord, resolveHostPath, scalarString, type NormaliseContext } from './context.js';
import { parseDotenv } from './dotenv.js';
import { extendsFileLoader, mergeServices, resolveExtends } from './extends.js';
import type { Lookup } from './interpolate.js';
import { interpolateTree } from './interpolate-tree.js';
import { loadYaml, locate, type Key } from './tree.js';

const RESOURCES = ['services', 'volumes', 'networks', 'secrets', 'configs'] as const;
const ENTRY_KEYS = ['path', 'project_directory', 'env_file'];

/** One `include` entry, long syntax. */
interface IncludeEntry {
  /** The files, as written; several are merged like `-f a -f b`. */
  paths: string[];
  projectDirectory?: string;
  envFiles?: string[];
}

/**
 * Applies `root.include` (already interpolated): the included resources are added to `root` in place.
 * `chain` is the files that include this one, the main file first (a cycle is an error).
 */
export function applyInclude(ctx: NormaliseContext, root: Record<string, unknown>, chain: string[]): void {
  const value = root.include;
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    ctx.report(
      'error',
      ['include'],
      `\`include\` must be a list (of paths, or of maps with path, project_directory, env_file), got ${JSON.stringify(value)}`,
    );
    return;
  }
  value.forEach((raw: unknown, i) => {
    const at: Key[] = ['include', i];
    const entry = includeEntry(ctx, raw, at);
    if (entry !== undefined) includeOne(ctx, root, entry, at, chain);
  });
}

function stringList(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  const strings = list.map(scalarString);
  return strings.length > 0 && strings.every((s) => s !== undefined && s !== '')
    ? (strings as string[])
    : undefined;
}

function includeEntry(ctx: NormaliseContext, raw: unknown, at: Key[]): IncludeEntry | undefined {
  if (typeof raw === 'string') return { paths: [raw] };
  const expected =
    'a path, or a map with `path` (a path or a list of paths), `project_directory`, `env_file`';
  if (!isRecord(raw)) {
    ctx.report('error', at, `an include entry is ${expected}, got ${JSON.stringify(raw)}`);
    return undefined;
  }
  const paths = stringList(raw.path);
  const envFiles = raw.env_file === undefined || raw.env_file === null ? [] : stringList(raw.env_file);
  const projectDirectory =
    raw.project_directory === undefined ? undefined : scalarString(raw.project_directory);
  let ok = true;
  const bad = (key: string, message: string) => {
    ctx.report('error', [...at, key], message);
    ok = false;
  };
  if (paths === undefined) bad('path', `include path must be a path or a list of paths (${expected})`);
  if (envFiles === undefined) bad('env_file', 'include env_file must be a path or a list of paths');
  if (raw.project_directory !== undefined && projectDirectory === undefined)
    bad('project_directory', 'include project_directory must be a path');
  for (const key of Object.keys(raw)) {
    if (!ENTRY_KEYS.includes(key) && !key.startsWith('x-'))
      ctx.report(
        'warning',
        [...at, key],
        `include has no key "${key}" (only ${ENTRY_KEYS.join(', ')}): ignored`,
      );
  }
  if (!ok) return undefined;
  return {
    paths: paths!,
    ...(projectDirectory !== undefined ? { projectDirectory } : {}),
    ...(envFiles!.length > 0 ? { envFiles } : {}),
  };
}

function includeOne(
  ctx: NormaliseContext,
  root: Record<string, unknown>,
  entry: IncludeEntry,
  at: Key[],
  chain: string[],
): void {
  const files = entry.paths.map((p) => resolveHostPath(ctx, ctx.dir, p));
  const main = files[0]!;
  if (chain.includes(main)) {
    ctx.report('error', at, `include cycle detected: ${[...chain, main].join(' includes ')}`);
    return;
  }
  const dir =
    entry.projectDirectory === undefined
      ? path.dirname(main)
      : resolveHostPath(ctx, ctx.dir, entry.projectDirectory);
  const lookup = includeLookup(ctx, entry, dir, at);
  if (lookup === undefined) return;
  const project: NormaliseContext = { ...ctx, dir, lookup };
  let merged: Record<string, unknown> | undefined;
  for (const [i, file] of files.entries()) {
    const tree = loadIncluded(project, file, entry.paths[i]!, at, [...chain, main]);
    if (tree === undefined) return;
    merged = merged === undefined ? tree : mergeFiles(ctx, merged, tree);
  }
  importResources(ctx, root, merged!, entry.paths.join(', '));
}

/** The included project's variables: the including project's first, then its env files (later wins). */
function includeLookup(
  ctx: NormaliseContext,
  entry: IncludeEntry,
  dir: string,
  at: Key[],
): Lookup | undefined {
  const files = entry.envFiles?.map((f) => path.resolve(ctx.dir, f)) ?? [path.join(dir, '.env')];
  const vars = new Map<string, string>();
  for (const [i, file] of files.entries()) {
    const text = ctx.readFile(file);
    if (text === undefined) {
      if (entry.envFiles === undefined) continue;
      ctx.report(
        'error',
        [...at, 'env_file'],
        `include env_file ${entry.envFiles[i]} does not exist (looked for ${file})`,
      );
      return undefined;
    }
    const parsed = parseDotenv(text, (name) => ctx.lookup(name) ?? vars.get(name));
    if (parsed.error)
      ctx.report('error', [...at, 'env_file'], `${file}: ${parsed.error.message}`, {
        file,
        line: parsed.error.line,
      });
    for (const [key, value] of parsed.vars) vars.set(key, value);
  }
  return (name) => ctx.lookup(name) ?? vars.get(name);
}

/** One included file, loaded as the reference loads it: interpolated, extended, its own includes applied. */
function loadIncluded(
  project: NormaliseContext,
  file: string,
  written: string,
  at: Key[],
  chain: string[],
): Record<string, unknown> | undefined {
  const text = project.readFile(file);
  if (text === undefined) {
    project.report('error', at, `included file ${written} does not exist (looked for ${file})`);
    return undefined;
  }
  const loaded = loadYaml(text, file, project.locs);
  if (loaded.error) {
    project.report('error', at, `${written}: ${loaded.error.message}`, { file, line: loaded.error.line });
    return undefined;
  }
  const tree = loaded.data;
  if (!isRecord(tree)) {
    project.report('error', at, `${written} is not a compose file (a map with a \`services:\` key)`, {
      file,
    });
    return undefined;
  }
  const ctx = loadTree(project, tree, file, chain);
  if (tree.services !== undefined && tree.services !== null && !isRecord(tree.services)) {
    ctx.report('error', ['services'], 'services must be a map of service name to service');
    return undefined;
  }
  const services = isRecord(tree.services) ? tree.services : {};
  resolveBareEnvironment(ctx, services);
  resolveRelativePaths(ctx, tree);
  return tree;
}

/**
 * One file's own steps, as the reference takes them for each file it loads: interpolation, `extends`,
 * then its `include`. Gives the file's context (its problems name it and its lines).
 */
export function loadTree(
  project: NormaliseContext,
  tree: Record<string, unknown>,
  file: string,
  chain: string[],
): NormaliseContext {
  const ctx: NormaliseContext = {
    ...project,
    report: (severity, where, message, loc) =>
      project.report(severity, where, message, loc ?? locate(project.locs, tree, where, file)),
  };
  interpolateTree(ctx, tree, []);
  resolveExtends(ctx, isRecord(tree.services) ? tree.services : {}, extendsFileLoader(ctx));
  applyInclude(ctx, tree, chain);
  return ctx;
}

/** Bare `environment` keys take the included project's variables (the reference resolves them at load). */
function resolveBareEnvironment(ctx: NormaliseContext, services: Record<string, unknown>): void {
  for (const service of Object.values(services)) {
    if (!isRecord(service)) continue;
    const env = service.environment;
    if (Array.isArray(env)) {
      env.forEach((e: unknown, i) => {
        const value = typeof e === 'string' && !e.includes('=') ? ctx.lookup(e) : undefined;
        if (value !== undefined) env[i] = `${String(e)}=${value}`;
      });
    } else if (isRecord(env)) {
      for (const [key, v] of Object.entries(env)) {
        const value = v === null ? ctx.lookup(key) : undefined;
        if (value !== undefined) env[key] = value;
      }
    }
  }
}

/**
 * Relative host paths made absolute against the included project's directory, in place (the
 * containers stay the same objects, so their lines stay known).
 */
function resolveRelativePaths(ctx: NormaliseContext, tree: Record<string, unknown>): void {
  const abs = (p: string) => resolveHostPath(ctx, ctx.dir, p);
  for (const service of Object.values(isRecord(tree.services) ? tree.services : {})) {
    if (!isRecord(service)) continue;
    if (Array.isArray(service.volumes)) {
      service.volumes.forEach((v: unknown, i, list) => {
        if (typeof v === 'string') {
          const [source, ...rest] = v.split(':');
          if (rest.length > 0 && /^[./~]/.test(source!)) list[i] = [abs(source!), ...rest].join(':');
        } else if (isRecord(v) && v.type === 'bind' && typeof v.source === 'string') v.source = abs(v.source);
      });
    }
    const envFile = (e: unknown) =>
      typeof e === 'string'
        ? abs(e)
        : isRecord(e) && typeof e.path === 'string'
          ? { ...e, path: abs(e.path) }
          : e;
    if (Array.isArray(service.env_file)) service.env_file.forEach((e, i, list) => (list[i] = envFile(e)));
    else if (service.env_file !== undefined) service.env_file = envFile(service.env_file);
    const isUrl = (c: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(c);
    if (typeof service.build === 'string' && !isUrl(service.build)) service.build = abs(service.build);
    else if (isRecord(service.build)) {
      const context = scalarString(service.build.context) ?? '.';
      if (!isUrl(context)) service.build.context = abs(context);
    }
  }
  for (const kind of ['secrets', 'configs'] as const) {
    for (const def of Object.values(isRecord(tree[kind]) ? tree[kind] : {}))
      if (isRecord(def) && typeof def.file === 'string') def.file = abs(def.file);
  }
}

/**
 * `over` merged onto `base` (in place) as `-f base -f over` would be: services as overrides, other
 * resources by name, maps key by key; `name` and `x-` keys replaced.
 */
export function mergeFiles(
  ctx: NormaliseContext,
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  for (const [key, value] of Object.entries(over)) {
    if (key === 'include' || (RESOURCES as readonly string[]).includes(key)) continue;
    base[key] = isRecord(base[key]) && isRecord(value) ? deepMerge(base[key], value) : value;
    ctx.locs.set(base, key, ctx.locs.get(over, key) ?? { file: '' });
  }
  for (const kind of RESOURCES) {
    const from = over[kind];
    if (!isRecord(from)) continue;
    if (!isRecord(base[kind])) {
      base[kind] = {};
      ctx.locs.set(base, kind, ctx.locs.get(over, kind) ?? { file: '' });
    }
    const to = base[kind] as Record<string, unknown>;
    for (const [name, value] of Object.entries(from)) {
      const old = to[name];
      const loc = ctx.locs.get(from, name) ?? { file: '' };
      if (kind === 'services' && isRecord(old) && isRecord(value)) {
        const merged = mergeServices(ctx, old, value, loc);
        // Keys only the base file has keep the base file's lines.
        for (const key of Object.keys(old)) {
          const baseLoc = ctx.locs.get(old, key);
          if (!Object.hasOwn(value, key) && baseLoc) ctx.locs.set(merged, key, baseLoc);
        }
        to[name] = merged;
      } else {
        to[name] = isRecord(old) && isRecord(value) ? deepMerge(old, value) : value;
        ctx.locs.set(to, name, loc);
      }
    }
  }
  return base;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(over))
    out[key] = isRecord(out[key]) && isRecord(value) ? deepMerge(out[key], value) : value;
  return out;
}

/** The included resources copied into `root`; a name both define differently is reported. */
function importResources(
  ctx: NormaliseContext,
  root: Record<string, unknown>,
  imported: Record<string, unknown>,
  written: string,
): void {
  for (const kind of RESOURCES) {
    const from = imported[kind];
    if (!isRecord(from)) continue;
    if (root[kind] !== undefined && root[kind] !== null && !isRecord(root[kind])) continue;
    if (!isRecord(root[kind])) {
      root[kind] = {};
      const includeLoc = ctx.locs.get(root, 'include');
      if (includeLoc) ctx.locs.set(root, kind, includeLoc);
    }
    const to = root[kind] as Record<string, unknown>;
    for (const [name, value] of Object.entries(from)) {
      const loc = ctx.locs.get(from, name);
      if (Object.hasOwn(to, name)) {
        if (isDeepStrictEqual(to[name], value) && !(kind === 'services' && rewrittenByReference(value)))
          continue;
        const where = loc?.line !== undefined ? `${loc.file}:${loc.line}` : written;
        ctx.report(
          'error',
          [kind, name],
          `${kind}.${name} conflicts with imported resource: ${where} (included) defines it too, differently; Compose does not merge them: rename one or remove one`,
        );
        continue;
      }
      to[name] = value;
      if (loc) ctx.locs.set(to, name, loc);
    }
  }
}

/**
 * Whether the reference compares this service in a rewritten form: it turns the included copy into
 * long syntax (ports, volumes, depends_on, networks, secrets, configs, build, env_file) before
 * comparing it with the including file's copy as written, so two copies that read the same still
 * conflict there.
 */
function rewrittenByReference(service: unknown): boolean {
  if (!isRecord(service)) return false;
  const hasShort = (list: unknown) => Array.isArray(list) && list.some((e) => !isRecord(e));
  return (
    service.ports !== undefined ||
    service.env_file !== undefined ||
    typeof service.build === 'string' ||
    Array.isArray(service.depends_on) ||
    Array.isArray(service.networks) ||
    hasShort(service.volumes) ||
    hasShort(service.secrets) ||
    hasShort(service.configs)
  );
}
