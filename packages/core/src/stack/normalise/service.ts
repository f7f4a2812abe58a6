/** One service, short syntax to long syntax, as `docker compose config` prints it. */
import type {
  ComposeFileReference,
  ComposePort,
  ComposeService,
  ComposeVolumeMount,
} from '../compose/model.js';
import { isRecord, resolveHostPath, scalarString, toBool, toInt, type NormaliseContext } from './context.js';
import { serviceEnvironment } from './environment.js';
import { normaliseDuration, parsePortShort, parseVolumeShort, shellSplit, SyntaxProblem } from './syntax.js';
import type { Key } from './tree.js';

const BOOLEAN_KEYS = ['init', 'read_only', 'privileged', 'tty', 'stdin_open'] as const;

/** Normalises service `name`; problems go to `ctx.report`. */
export function normaliseService(
  ctx: NormaliseContext,
  name: string,
  raw: Record<string, unknown>,
): ComposeService {
  const at: Key[] = ['services', name];
  const out: ComposeService = { command: null, entrypoint: null };
  const guard = <T>(key: Key[], fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof SyntaxProblem)) throw err;
      ctx.report('error', [...at, ...key], err.message);
      return undefined;
    }
  };
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('x-') || key === 'extends' || key === 'env_file') continue;
    out[key] = value;
  }
  const environment = serviceEnvironment(ctx, at, raw);
  if (environment !== undefined) out.environment = environment;
  else delete out.environment;
  for (const key of ['command', 'entrypoint'] as const) {
    const value = raw[key];
    if (typeof value === 'string') out[key] = guard([key], () => shellSplit(value)) ?? null;
    else if (Array.isArray(value)) out[key] = value.map((v) => scalarString(v) ?? '');
  }
  for (const key of BOOLEAN_KEYS) {
    if (raw[key] === undefined) continue;
    const value = toBool(raw[key]) ?? (raw[key] as boolean);
    // The reference leaves these out when false (Go omitempty); `init` is a pointer and stays.
    if (value === false && key !== 'init') delete out[key];
    else out[key] = value;
  }
  if (raw.ports !== undefined) out.ports = ports(raw.ports, (i, fn) => guard(['ports', i], fn));
  if (Array.isArray(raw.expose)) out.expose = raw.expose.map((e) => scalarString(e) ?? '');
  if (raw.volumes !== undefined)
    out.volumes = volumes(ctx, raw.volumes, (i, fn) => guard(['volumes', i], fn));
  if (typeof raw.tmpfs === 'string') out.tmpfs = [raw.tmpfs];
  if (raw.networks !== undefined) out.networks = listToMap(raw.networks) as ComposeService['networks'];
  else if (raw.network_mode === undefined) out.networks = { default: null };
  out.depends_on = dependsOn(raw);
  if (Object.keys(out.depends_on).length === 0) delete out.depends_on;
  if (raw.secrets !== undefined) out.secrets = references(raw.secrets, (s) => `/run/secrets/${s}`);
  if (raw.configs !== undefined) out.configs = references(raw.configs, undefined);
  if (isRecord(raw.healthcheck))
    out.healthcheck = guard(['healthcheck'], () => healthcheck(raw.healthcheck as Record<string, unknown>));
  if (raw.labels !== undefined) out.labels = stringMap(raw.labels, '=');
  if (Array.isArray(raw.extra_hosts))
    out.extra_hosts = raw.extra_hosts.map((h) => String(h).replace(/^([^:=\s]+):(?!:)/, '$1='));
  if (raw.build !== undefined) out.build = build(ctx, raw.build);
  if (raw.user !== undefined) out.user = scalarString(raw.user);
  return out;
}

function ports(value: unknown, guard: <T>(i: number, fn: () => T) => T | undefined): ComposePort[] {
  const list = Array.isArray(value) ? value : [];
  return list.flatMap((entry: unknown, i) => {
    if (isRecord(entry)) {
      const port: ComposePort = {
        mode: 'ingress',
        protocol: 'tcp',
        ...(entry as object),
        target: toInt(entry.target) ?? (entry.target as number),
      };
      if (entry.published !== undefined && entry.published !== null)
        port.published = scalarString(entry.published);
      return [port];
    }
    const spec = scalarString(entry);
    return guard(i, () => parsePortShort(spec ?? '')) ?? [];
  });
}

function volumes(
  ctx: NormaliseContext,
  value: unknown,
  guard: <T>(i: number, fn: () => T) => T | undefined,
): ComposeVolumeMount[] {
  const list = Array.isArray(value) ? value : [];
  const resolve = (p: string) => resolveHostPath(ctx, ctx.dir, p);
  return list.flatMap((entry: unknown, i) => {
    if (typeof entry === 'string') return guard(i, () => [parseVolumeShort(entry, resolve)]) ?? [];
    if (!isRecord(entry)) return [];
    const mount = { ...entry } as unknown as ComposeVolumeMount;
    if (mount.type === 'bind' && typeof mount.source === 'string') mount.source = resolve(mount.source);
    if (entry.read_only !== undefined) mount.read_only = toBool(entry.read_only) ?? false;
    if (mount.read_only === false) delete mount.read_only;
    if (isRecord(entry.tmpfs) && entry.tmpfs.size !== undefined) {
      mount.tmpfs = { ...entry.tmpfs, size: scalarString(entry.tmpfs.size) } as ComposeVolumeMount['tmpfs'];
    }
    return [mount];
  });
}

/** A list of names (or `KEY=value` entries) or a map, as a map. */
export function listToMap(value: unknown): Record<string, unknown> {
  if (isRecord(value)) return { ...value };
  const out: Record<string, unknown> = {};
  if (Array.isArray(value)) for (const name of value) out[String(name)] = null;
  return out;
}

function stringMap(value: unknown, sep: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const entry of value) {
      const text = String(entry);
      const i = text.indexOf(sep);
      out[i < 0 ? text : text.slice(0, i)] = i < 0 ? '' : text.slice(i + 1);
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) out[k] = scalarString(v) ?? '';
  }
  return out;
}

function dependsOn(raw: Record<string, unknown>): NonNullable<ComposeService['depends_on']> {
  const out: NonNullable<ComposeService['depends_on']> = {};
  for (const [name, value] of Object.entries(listToMap(raw.depends_on))) {
    const v = isRecord(value) ? value : {};
    const dep: { condition: string; required?: boolean; restart?: boolean } = {
      condition: typeof v.condition === 'string' ? v.condition : 'service_started',
      required: v.required === undefined ? true : (toBool(v.required) ?? true),
    };
    if (v.restart !== undefined) dep.restart = toBool(v.restart) ?? false;
    out[name] = dep;
  }
  const implicit = (name: string, restart: boolean) => {
    if (out[name] === undefined)
      out[name] = { condition: 'service_started', ...(restart ? { restart } : {}), required: true };
  };
  for (const from of Array.isArray(raw.volumes_from) ? raw.volumes_from : []) {
    const source = String(from).split(':')[0]!;
    if (source !== 'container') implicit(source, false);
  }
  if (typeof raw.network_mode === 'string' && raw.network_mode.startsWith('service:')) {
    implicit(raw.network_mode.slice('service:'.length), true);
  }
  return out;
}

function references(
  value: unknown,
  defaultTarget: ((source: string) => string) | undefined,
): ComposeFileReference[] {
  const list = Array.isArray(value) ? value : [];
  return list.map((entry: unknown) => {
    const ref = (isRecord(entry)
      ? { ...entry }
      : { source: String(entry) }) as unknown as ComposeFileReference;
    if (ref.target === undefined && defaultTarget) ref.target = defaultTarget(ref.source);
    if (ref.mode !== undefined) ref.mode = toInt(ref.mode) ?? ref.mode;
    return ref;
  });
}

function healthcheck(raw: Record<string, unknown>): NonNullable<ComposeService['healthcheck']> {
  const out: Record<string, unknown> = { ...raw };
  if (typeof raw.test === 'string') out.test = ['CMD-SHELL', raw.test];
  for (const key of ['interval', 'timeout', 'start_period', 'start_interval']) {
    const value = raw[key];
    if (typeof value === 'string') out[key] = normaliseDuration(value);
  }
  if (raw.retries !== undefined) out.retries = toInt(raw.retries) ?? raw.retries;
  if (raw.disable !== undefined) out.disable = toBool(raw.disable) ?? raw.disable;
  return out as NonNullable<ComposeService['healthcheck']>;
}

function build(ctx: NormaliseContext, value: unknown): unknown {
  const spec: Record<string, unknown> = isRecord(value)
    ? { ...value }
    : { context: scalarString(value) ?? '.' };
  const context = scalarString(spec.context) ?? '.';
  spec.context = /^[a-z][a-z0-9+.-]*:\/\//i.test(context) ? context : resolveHostPath(ctx, ctx.dir, context);
  if (spec.dockerfile === undefined && spec.dockerfile_inline === undefined) spec.dockerfile = 'Dockerfile';
  return spec;
}
