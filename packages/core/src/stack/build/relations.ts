/**
 * What ties a stack together: `depends_on`, and the networks, which must amount to the one network
 * a stack runs on (several networks would need real separation, which comes later).
 */
import type { ComposeModel } from '../compose/model.js';
import { describe, isRecord, type Path } from '../compose/document.js';
import type { DependencyCondition, DependencySpec } from '../compose/types.js';
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

/**
 * Checks the networks of every service: each service on at most one, all on the same one, and
 * that one a plain network the stack can stand in for. Returns each service's aliases.
 */
export function buildNetworks(model: ComposeModel, problems: Problems): Map<string, string[]> {
  const aliases = new Map<string, string[]>();
  const users = new Map<string, string[]>();
  for (const [name, service] of Object.entries(model.services)) {
    const at: Path = ['services', name, 'networks'];
    const networks = isRecord(service.networks) ? service.networks : {};
    const names = Object.keys(networks);
    aliases.set(name, []);
    if (names.length > 1) {
      problems.error(
        at,
        `several networks are not supported yet: the stack would not keep them apart (${names.join(', ')}); put the service on one network`,
      );
      continue;
    }
    const [network] = names;
    if (network === undefined) continue;
    users.set(network, [...(users.get(network) ?? []), name]);
    aliases.set(name, serviceAliases([...at, network], networks[network], problems));
  }
  if (users.size > 1) {
    const groups = [...users].map(([net, names]) => `${net}: ${names.join(', ')}`).join('; ');
    problems.error(
      ['networks'],
      `services are on different networks (${groups}): several networks are not supported yet, and the stack would not keep them apart; put every service on one network`,
    );
  }
  for (const network of users.keys()) checkNetwork(model, network, problems);
  return aliases;
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
        `${key} is not supported yet: the stack's network assigns addresses itself`,
      );
    }
  }
  return aliases;
}

/** The one network of the stack: digestline creates its own; options it cannot honour are errors. */
function checkNetwork(model: ComposeModel, network: string, problems: Problems): void {
  const definition = model.networks?.[network];
  if (!isRecord(definition)) return;
  const at: Path = ['networks', network];
  for (const [key, value] of Object.entries(definition)) {
    if (key === 'name' || key.startsWith('x-')) continue;
    if (key === 'ipam' && (!isRecord(value) || Object.keys(value).length === 0)) continue;
    if (key === 'driver' && value === 'bridge') continue;
    if (key === 'labels') {
      problems.warning([...at, key], 'not applied: digestline labels the network itself');
    } else if (key === 'external' && value === true) {
      problems.error(
        [...at, key],
        'external networks are not supported: a stack runs on a network of its own',
      );
    } else if (key === 'internal' && value === true) {
      problems.error(
        [...at, key],
        'internal networks are not supported yet: the stack network would reach outside',
      );
    } else if (value !== false) {
      problems.error(
        [...at, key],
        `network option ${key} is not supported: the stack runs on one plain bridge network of its own`,
      );
    }
  }
}
