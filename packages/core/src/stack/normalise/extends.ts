/**
 * `extends`: a service built on another one, in the same file or in `extends.file`. Keys are merged
 * the way Compose merges an override: maps key by key, `ports`/`expose`/`dns`/capabilities appended,
 * `volumes` by target, everything else replaced. Inherited keys are located at the `extends` key.
 */
import path from 'node:path';
import { isRecord, resolveHostPath, type NormaliseContext } from './context.js';
import { interpolateTree } from './interpolate-tree.js';
import { listToMap } from './service.js';
import { loadYaml, type Key, type Loc } from './tree.js';

/** Loads another file's services (already interpolated), or undefined after reporting why not. */
export type LoadServices = (file: string, from: Key[]) => Record<string, unknown> | undefined;

const APPENDED = new Set([
  'ports',
  'expose',
  'dns',
  'dns_search',
  'cap_add',
  'cap_drop',
  'security_opt',
  'env_file',
  'extra_hosts',
  'tmpfs',
]);
const MAPS = new Set([
  'environment',
  'labels',
  'depends_on',
  'networks',
  'build',
  'healthcheck',
  'logging',
  'annotations',
  'sysctls',
  'ulimits',
  'deploy',
]);

/** Loads `extends.file` files: read, parsed and interpolated with `ctx`'s variables. */
export function extendsFileLoader(ctx: NormaliseContext): LoadServices {
  return (file, from) => {
    const text = ctx.readFile(file);
    if (text === undefined) {
      ctx.report('error', from, `extends.file ${file} does not exist`);
      return undefined;
    }
    const loaded = loadYaml(text, file, ctx.locs);
    if (loaded.error) {
      ctx.report('error', from, `${file}: ${loaded.error.message}`, { file, line: loaded.error.line });
      return undefined;
    }
    interpolateTree(ctx, loaded.data, []);
    return isRecord(loaded.data) && isRecord(loaded.data.services) ? loaded.data.services : {};
  };
}

/** Resolves `extends` in every service of `services` (in place). */
export function resolveExtends(
  ctx: NormaliseContext,
  services: Record<string, unknown>,
  loadServices: LoadServices,
): void {
  const done = new Set<string>();
  const resolve = (
    name: string,
    pool: Record<string, unknown>,
    dir: string,
    chain: string[],
  ): Record<string, unknown> | undefined => {
    const service = pool[name];
    if (!isRecord(service)) return undefined;
    if (service.extends === undefined || (pool === services && done.has(name))) return service;
    const at: Key[] = ['services', name, 'extends'];
    if (chain.includes(`${dir}:${name}`)) {
      ctx.report('error', at, `extends makes a cycle: ${[...chain, `${dir}:${name}`].join(' → ')}`);
      return service;
    }
    const ext = isRecord(service.extends) ? service.extends : { service: service.extends };
    const baseName = String(ext.service ?? '');
    let basePool = pool;
    let baseDir = dir;
    if (typeof ext.file === 'string') {
      const file = resolveHostPath(ctx, dir, ext.file);
      const loaded = loadServices(file, at);
      if (loaded === undefined) return service;
      basePool = loaded;
      baseDir = path.dirname(file);
    }
    const base = resolve(baseName, basePool, baseDir, [...chain, `${dir}:${name}`]);
    if (base === undefined) {
      ctx.report(
        'error',
        at,
        `extends names service ${JSON.stringify(baseName)}, which ${ext.file ? `${ext.file} does not define` : 'this file does not define'}`,
      );
      return service;
    }
    const merged = mergeServices(
      ctx,
      baseDir === dir ? base : rebase(ctx, base, baseDir),
      service,
      ctx.locs.get(pool, name) ?? { file: '' },
    );
    pool[name] = merged;
    if (pool === services) done.add(name);
    return merged;
  };
  for (const name of Object.keys(services)) resolve(name, services, ctx.dir, []);
}

/** `child` over `base` the way Compose merges an override; keys from `base` are located at `childLoc`. */
export function mergeServices(
  ctx: NormaliseContext,
  base: Record<string, unknown>,
  child: Record<string, unknown>,
  childLoc: Loc,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const extendsLoc = ctx.locs.get(child, 'extends') ?? childLoc;
  for (const [key, value] of Object.entries(base)) {
    if (key === 'extends') continue;
    out[key] = value;
    ctx.locs.set(out, key, extendsLoc);
  }
  for (const [key, value] of Object.entries(child)) {
    if (key === 'extends') continue;
    ctx.locs.set(out, key, ctx.locs.get(child, key) ?? extendsLoc);
    const inherited = out[key];
    if (inherited === undefined || inherited === null) out[key] = value;
    else if (APPENDED.has(key) && Array.isArray(value))
      out[key] = [...(Array.isArray(inherited) ? inherited : [inherited]), ...value];
    else if (key === 'volumes' && Array.isArray(value) && Array.isArray(inherited))
      out[key] = mergeVolumes(inherited, value);
    else if (MAPS.has(key)) out[key] = { ...listToMapEnv(key, inherited), ...listToMapEnv(key, value) };
    else out[key] = value;
  }
  return out;
}

function listToMapEnv(key: string, value: unknown): Record<string, unknown> {
  if ((key === 'environment' || key === 'labels') && Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const entry of value) {
      const text = String(entry);
      const eq = text.indexOf('=');
      out[eq < 0 ? text : text.slice(0, eq)] = eq < 0 ? null : text.slice(eq + 1);
    }
    return out;
  }
  return listToMap(value);
}

function volumeTarget(entry: unknown): unknown {
  if (isRecord(entry)) return entry.target;
  const parts = String(entry).split(':');
  return parts.length === 1 ? parts[0] : parts[1];
}

function mergeVolumes(base: unknown[], child: unknown[]): unknown[] {
  // By target: a child's mount takes the place of the base's, new ones come after (as the reference).
  const byTarget = new Map(child.map((v) => [volumeTarget(v), v]));
  const replaced = base.map((v) => byTarget.get(volumeTarget(v)) ?? v);
  const baseTargets = new Set(base.map(volumeTarget));
  return [...replaced, ...child.filter((v) => !baseTargets.has(volumeTarget(v)))];
}

/** A service from another directory with its relative host paths made absolute against that directory. */
function rebase(
  ctx: NormaliseContext,
  service: Record<string, unknown>,
  dir: string,
): Record<string, unknown> {
  const abs = (p: string) => (/^[./~]/.test(p) ? resolveHostPath(ctx, dir, p) : p);
  const out = { ...service };
  if (Array.isArray(service.volumes)) {
    out.volumes = service.volumes.map((v: unknown) => {
      if (typeof v === 'string') {
        const parts = v.split(':');
        return parts.length > 1 ? [abs(parts[0]!), ...parts.slice(1)].join(':') : v;
      }
      if (isRecord(v) && v.type === 'bind' && typeof v.source === 'string')
        return { ...v, source: abs(v.source) };
      return v;
    });
  }
  const envFile = (e: unknown) =>
    typeof e === 'string'
      ? resolveHostPath(ctx, dir, e)
      : isRecord(e) && typeof e.path === 'string'
        ? { ...e, path: resolveHostPath(ctx, dir, e.path) }
        : e;
  if (service.env_file !== undefined)
    out.env_file = Array.isArray(service.env_file)
      ? service.env_file.map(envFile)
      : envFile(service.env_file);
  if (typeof service.build === 'string') out.build = resolveHostPath(ctx, dir, service.build);
  else if (isRecord(service.build) && typeof service.build.context === 'string')
    out.build = { ...service.build, context: resolveHostPath(ctx, dir, service.build.context) };
  return out;
}
