/**
 * Readers for the JSON that `container inspect` and `image inspect` print. Both engines write the
 * same Docker-shaped fields (podman adds a few of its own), so these readers are shared; each is
 * lenient about missing fields, which differ between engine versions.
 */
import type { ContainerNetwork, Healthcheck, HealthStatus, ImageInfo, PortBinding } from './engine.js';

/** The first object of an inspect array (or the object itself). */
export function firstOf(json: string, what: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    throw new Error(`${what} printed something that is not JSON: ${json.slice(0, 200)}`, { cause: err });
  }
  const first: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
  if (typeof first !== 'object' || first === null)
    throw new Error(`${what} printed no object: ${json.slice(0, 200)}`);
  return first as Record<string, unknown>;
}

/** `x` when it is a plain object, else `{}`. */
export function record(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

/** `x` when it is a string, else `''`. */
export function string(x: unknown): string {
  return typeof x === 'string' ? x : '';
}

/** `x` when it is a finite number, else 0. */
export function number(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}

/** The strings of `x` when it is an array, else `[]`. */
export function stringArray(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((e): e is string => typeof e === 'string') : [];
}

/** The string-valued entries of `x` when it is an object. */
export function stringRecord(x: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record(x))) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Image ids with the `sha256:` prefix podman leaves out. */
export function withSha256Prefix(id: string): string {
  return /^[0-9a-f]{64}$/.test(id) ? `sha256:${id}` : id;
}

function parseEnv(entries: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
    else env[entry] = '';
  }
  return env;
}

/** `NetworkSettings.Networks`. */
export function parseNetworks(x: unknown): ContainerNetwork[] {
  return Object.entries(record(x)).map(([name, value]) => {
    const n = record(value);
    const network: ContainerNetwork = { name, aliases: stringArray(n.Aliases) };
    const ip = string(n.IPAddress);
    if (ip !== '') network.ipAddress = ip;
    return network;
  });
}

/** `NetworkSettings.Ports`: published ports only. */
export function parsePorts(x: unknown): PortBinding[] {
  const out: PortBinding[] = [];
  for (const [key, bindings] of Object.entries(record(x))) {
    const [port = '', protocol = 'tcp'] = key.split('/');
    if (!Array.isArray(bindings)) continue; // exposed, not published
    for (const b of bindings) {
      const binding = record(b);
      out.push({
        containerPort: Number(port),
        protocol,
        hostIp: string(binding.HostIp),
        hostPort: Number(string(binding.HostPort)),
      });
    }
  }
  return out;
}

/** Image health checks carry durations in nanoseconds. */
function parseImageHealthcheck(x: unknown): Healthcheck | undefined {
  const hc = record(x);
  const test = stringArray(hc.Test);
  if (test.length === 0 || test[0] === 'NONE') return undefined;
  const out: Healthcheck = { test };
  const ms = (ns: unknown): number | undefined =>
    typeof ns === 'number' && ns > 0 ? Math.round(ns / 1_000_000) : undefined;
  const interval = ms(hc.Interval);
  const timeout = ms(hc.Timeout);
  const startPeriod = ms(hc.StartPeriod);
  if (interval !== undefined) out.intervalMs = interval;
  if (timeout !== undefined) out.timeoutMs = timeout;
  if (typeof hc.Retries === 'number' && hc.Retries > 0) out.retries = hc.Retries;
  if (startPeriod !== undefined) out.startPeriodMs = startPeriod;
  return out;
}

/** Reads `State.Health` (docker, podman 4) and `State.Healthcheck` (older podman). */
export function containerHealth(state: Record<string, unknown>): HealthStatus | undefined {
  const health = record(state.Health ?? state.Healthcheck);
  const status = string(health.Status).toLowerCase();
  return status === 'starting' || status === 'healthy' || status === 'unhealthy' ? status : undefined;
}

/** Parses `image inspect` output (a one-element JSON array). */
export function parseImageInspect(json: string): ImageInfo {
  const raw = firstOf(json, 'image inspect');
  const config = record(raw.Config);
  const info: ImageInfo = {
    id: withSha256Prefix(string(raw.Id)),
    size: number(raw.Size),
    // Podman repeats some Config fields at the top level, and writes only there for some images.
    user: string(config.User ?? raw.User),
    labels: stringRecord(config.Labels ?? raw.Labels),
    env: parseEnv(stringArray(config.Env)),
    entrypoint: stringArray(config.Entrypoint),
    cmd: stringArray(config.Cmd),
    digests: stringArray(raw.RepoDigests),
    created: string(raw.Created),
    exposedPorts: Object.keys(record(config.ExposedPorts)),
  };
  const healthcheck = parseImageHealthcheck(config.Healthcheck ?? raw.Healthcheck);
  if (healthcheck) info.healthcheck = healthcheck;
  return info;
}
