/**
 * What a service may use: `mem_limit`, `cpus`, and `deploy` (Compose applies `deploy.resources.limits`
 * without swarm; the rest of `deploy` is swarm's scheduling, which one host has no use for).
 */
import type { ComposeService } from '../compose/model.js';
import { describe, isRecord, type Path } from '../compose/document.js';
import type { ServiceSpec } from '../compose/types.js';
import { parseSize } from './mounts.js';
import type { Problems } from './problems.js';

function memory(at: Path, value: unknown, problems: Problems): number | undefined {
  const bytes = parseSize(value);
  if (bytes === undefined || bytes === 0)
    problems.error(at, `must be a size like 512m or 1g, got ${describe(value)}`);
  return bytes === 0 ? undefined : bytes;
}

function cpus(at: Path, value: unknown, problems: Problems): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n === 'number' && Number.isFinite(n) && n > 0) return n;
  problems.error(at, `must be a number of CPUs above 0 like 0.5 or 2, got ${describe(value)}`);
  return undefined;
}

/** `deploy.resources`: limits are applied where the service key does not say otherwise; reservations are noted. */
function deployResources(spec: ServiceSpec, at: Path, value: unknown, problems: Problems): void {
  if (!isRecord(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'limits' && isRecord(v)) {
      for (const [limit, amount] of Object.entries(v)) {
        const where = [...at, key, limit];
        if (limit === 'memory') spec.memoryBytes ??= memory(where, amount, problems);
        else if (limit === 'cpus') spec.cpus ??= cpus(where, amount, problems);
        else if (limit === 'pids' && typeof amount === 'number' && Number.isInteger(amount))
          spec.pidsLimit ??= amount;
        else problems.error(where, `resource limit ${limit} is not supported: use memory, cpus or pids`);
      }
    } else if (isRecord(v) && Object.keys(v).length > 0) {
      problems.warning(
        [...at, key],
        `ignored: ${key} are a scheduling hint for swarm; one host runs the service with what it has`,
      );
    }
  }
}

/** Fills `memoryBytes`, `cpus` (and `pidsLimit` from deploy when pids_limit is absent) of `spec`. */
export function resourceKeys(spec: ServiceSpec, service: ComposeService, problems: Problems): void {
  const at: Path = ['services', spec.name];
  if (service.mem_limit !== undefined && service.mem_limit !== null) {
    const bytes = memory([...at, 'mem_limit'], service.mem_limit, problems);
    if (bytes !== undefined) spec.memoryBytes = bytes;
  }
  if (service.cpus !== undefined && service.cpus !== null && service.cpus !== 0) {
    const n = cpus([...at, 'cpus'], service.cpus, problems);
    if (n !== undefined) spec.cpus = n;
  }
  const deploy = service.deploy;
  if (deploy === undefined || deploy === null) return;
  if (!isRecord(deploy)) {
    problems.error([...at, 'deploy'], `must be a map, got ${describe(deploy)}`);
    return;
  }
  for (const [key, value] of Object.entries(deploy)) {
    const where: Path = [...at, 'deploy', key];
    if (key === 'resources') deployResources(spec, where, value, problems);
    else if (key === 'replicas') {
      if (value !== 1) {
        problems.error(
          where,
          `replicas ${describe(value)} is not supported: a stack runs each service once, reached by its name; run more as services of their own`,
        );
      }
    } else if (key === 'mode') {
      if (value !== 'replicated' && value !== 'global')
        problems.error(where, `must be replicated or global, got ${describe(value)}`);
    } else if (!(isRecord(value) && Object.keys(value).length === 0) && value !== null) {
      problems.warning(
        where,
        `ignored: deploy.${key} is for swarm; digestline runs the service once on one host${key === 'restart_policy' ? ' (use restart)' : ''}`,
      );
    }
  }
}
