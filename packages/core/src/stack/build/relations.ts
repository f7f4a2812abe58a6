/**
 * What ties a stack together: `depends_on`, and the networks (each one the stack's own, kept apart
 * from the others: a service reaches only the services it shares a network with).
 */
import type { ComposeModel } from '../compose/model.js';
import { describe, isRecord, type Path } from '../compose/document.js';
import type {
  DependencyCondition,
  DependencySpec,
  NetworkSpec,
  ServiceNetworkSpec,
} from '../compose/types.js';
import type { Problems } from './problems.js';

const CONDITIONS: readonly string[] = [
  'service_started',
  'service_healthy',
  'service_completed_successfully',
];

/** Reads `depends_on` (long syntax) of service `name`; `services` are the services of the file. */
export function buildDependsOn(
  name: string,
  value: unknown,
  services: string[],
  problems: Problems,
): DependencySpec[] {
  const at: Path = ['services', name, 'depends_on'];
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) {
    problems.error(at, `must be a map of service: {condition}, got ${describe(value)}`);
    return [];
  }
  const deps: DependencySpec[] = [];
  for (const [service, options] of Object.entries(value)) {
    const where = [...at, service];
    const o = isRecord(options) ? options : {};
    const condition = o.condition ?? 'service_started';
    if (typeof condition !== 'string' || !CONDITIONS.includes(condition)) {
      problems.error(
        [...where, 'condition'],
        `must be one of ${CONDITIONS.join(', ')}, got ${describe(condition)}`,
      );
      continue;
    }
    const dep: DependencySpec = { service, condition: condition as DependencyCondition };
    if (o.required === false) dep.required = false;
    if (o.restart === true) {
      problems.warning(
        [...where, 'restart'],
        `ignored: digestline does not restart ${name} when ${service} restarts`,
      );
    }
    if (service === name) problems.error(where, 'a service cannot depend on itself');
    else if (!services.includes(service) && dep.required !== false) {
      problems.error(
        where,
        `depends on ${JSON.stringify(service)}, which is not a service of the stack (services: ${services.join(', ')}); add required: false if it may be absent`,
      );
    } else deps.push(dep);
  }
  return deps;
}

/** The networks of a stack as the builder reads them from the file. */
export interface StackNetworks {
  /** Each service's aliases on its first network (all a one-network stack needs). */
  aliases: Map<string, string[]>;
  /** Each service's networks with their aliases; only when the stack has several networks. */
  services: Map<string, ServiceNetworkSpec[]>;
  /** The networks services join, in order of first use; only when several, or the one is internal. */
  networks?: NetworkSpec[];
}

/**
 * Reads the networks of every service and checks each network is one the stack can create itself:
 * each becomes a network of the stack's own (kept apart from the others), so fixed addresses,
 * `external` networks and driver options are refused.
 */
export function buildNetworks(model: ComposeModel, problems: Problems): StackNetworks {
  const aliases = new Map<string, string[]>();
  const perService = new Map<string, ServiceNetworkSpec[]>();
  const used: string[] = [];
  for (const [name, service] of Object.entries(model.services)) {
    const at: Path = ['services', name, 'networks'];
    const networks = isRecord(service.networks) ? service.networks : {};
    const joined: ServiceNetworkSpec[] = Object.keys(networks).map((network) => ({
      network,
      aliases: serviceAliases([...at, network], networks[network], problems),
    }));
    for (const j of joined) if (!used.includes(j.network)) used.push(j.network);
    perService.set(name, joined);
    aliases.set(name, joined[0]?.aliases ?? []);
  }
  const specs = used.map((network) => checkNetwork(model, network, problems));
  const result: StackNetworks = { aliases, services: new Map() };
  if (specs.length > 1) {
    result.services = perService;
    result.networks = specs;
  } else if (specs.length === 1 && specs[0]?.internal === true) result.networks = specs;
  return result;
}

function serviceAliases(at: Path, options: unknown, problems: Problems): string[] {
  if (!isRecord(options)) return [];
  const aliases: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (key === 'aliases' && Array.isArray(value)) {
      value.forEach((alias: unknown, i) => {
        if (typeof alias !== 'string' || !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(alias)) {
          problems.error([...at, 'aliases', i], `must be a DNS name, got ${describe(alias)}`);
        } else if (!aliases.includes(alias)) aliases.push(alias);
      });
    } else if (key !== 'priority') {
      problems.error(
        [...at, key],
        `${key} is not supported: the engine assigns addresses on the stack's own networks, so fixed addresses could collide with another run; address the service by name`,
      );
    }
  }
  return aliases;
}

/**
 * What digestline does instead of a network's `name`, `driver`, `driver_opts`, `ipam` and `attachable`:
 * each network is a bridge of the stack's own, named per run, with addresses the engine picks.
 */
function networkNote(
  model: ComposeModel,
  network: string,
  key: string,
  value: unknown,
  problems: Problems,
): void {
  const at: Path = ['networks', network, key];
  if (key === 'name') {
    // The normaliser names every network <project>_<network>; only a name the file gives is noted.
    if (model.name !== undefined && value !== `${model.name}_${network}`) {
      problems.warning(
        at,
        `ignored: digestline names each network per run (dl-<project>-${network}), so that parallel runs never share one`,
      );
    }
  } else if (key === 'driver') {
    if (value === 'bridge') return;
    if (value === 'overlay') {
      problems.warning(
        at,
        'overlay (swarm’s multi-host network) becomes a bridge: on one host each network of the stack is a bridge of its own, with the same separation between networks',
      );
    } else {
      problems.error(
        at,
        `network driver ${JSON.stringify(value)} is not supported: each network of the stack is a bridge of its own, the same on podman and docker; use driver: bridge or leave driver out`,
      );
    }
  } else if (key === 'ipam') {
    const trivial =
      !isRecord(value) ||
      Object.entries(value).every(
        ([k, v]) => (k === 'driver' && v === 'default') || (Array.isArray(v) && v.length === 0),
      );
    if (!trivial) {
      problems.warning(
        at,
        'ignored: the engine picks each network’s addresses, so that they cannot collide with another run’s',
      );
    }
  } else if (key === 'driver_opts') {
    if (isRecord(value) && Object.keys(value).length > 0) {
      problems.warning(at, 'ignored: each network is a plain bridge with the engine’s default options');
    }
  } else {
    problems.warning(at, 'ignored: a stack’s network is attached to by the stack’s own containers only');
  }
}

/** A network of the stack: digestline creates its own; options it cannot honour are errors. */
function checkNetwork(model: ComposeModel, network: string, problems: Problems): NetworkSpec {
  const spec: NetworkSpec = { name: network };
  const definition = model.networks?.[network];
  if (!isRecord(definition)) return spec;
  const at: Path = ['networks', network];
  for (const [key, value] of Object.entries(definition)) {
    if (key.startsWith('x-') || (key === 'attachable' && value !== true)) continue;
    if (
      key === 'name' ||
      key === 'driver' ||
      key === 'driver_opts' ||
      key === 'ipam' ||
      key === 'attachable'
    ) {
      networkNote(model, network, key, value, problems);
    } else if (key === 'labels') {
      problems.warning([...at, key], 'not applied: digestline labels the network itself');
    } else if (key === 'external' && value === true) {
      problems.error(
        [...at, key],
        'external networks are not supported: every network of a stack is its own, created and removed with it, so that runs never share one; remove external',
      );
    } else if (key === 'internal' && value === true) {
      spec.internal = true;
    } else if (value !== false) {
      problems.error(
        [...at, key],
        `network option ${key} is not supported: each network of the stack is a plain bridge network of its own, the same on podman and docker`,
      );
    }
  }
  return spec;
}
