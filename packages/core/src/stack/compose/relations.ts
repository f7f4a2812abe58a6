/**
 * What ties services to each other and to the stack: `depends_on`, named volume mounts, network
 * aliases, and the top-level `volumes`/`networks` they must be declared in.
 */
import { STACK_NAME_PATTERN } from '../names.js';
import { describe, isRecord, type Parser, type Path } from './document.js';
import type { DependencyCondition, DependencySpec, VolumeMountSpec } from './types.js';

const CONDITIONS: readonly DependencyCondition[] = [
  'service_started',
  'service_healthy',
  'service_completed_successfully',
];

/** Top-level `volumes` / `networks`: names with no options. */
export function parseDeclarations(
  p: Parser,
  root: Record<string, unknown>,
  key: 'volumes' | 'networks',
): string[] {
  const value = root[key];
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) p.fail([key], `must be a map of names, got ${describe(value)}`);
  const why =
    key === 'networks'
      ? 'the stack always runs on one fresh network of its own (dl-<project>-net); declare networks without options'
      : 'volumes are created by the stack as <prefix>_<name>; declare them without options';
  for (const [name, options] of Object.entries(value)) {
    if (!STACK_NAME_PATTERN.test(name))
      p.fail([key, name], `name must match ${STACK_NAME_PATTERN.source}`, true);
    if (options === null || (isRecord(options) && Object.keys(options).length === 0)) continue;
    const first = isRecord(options) ? Object.keys(options)[0] : undefined;
    if (first !== undefined) p.fail([key, name, first], `unsupported option: ${why}`, true);
    p.fail([key, name], `must be empty or {}, got ${describe(options)}: ${why}`);
  }
  return Object.keys(value);
}

/** Reads `depends_on`: a list of names, or a map of name → `{condition}`. */
export function parseDependsOn(p: Parser, at: Path, value: unknown): DependencySpec[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      if (typeof item !== 'string') p.fail([...at, i], `must be a service name, got ${describe(item)}`);
      return { service: item, condition: 'service_started' };
    });
  }
  if (!isRecord(value))
    p.fail(at, `must be a list of services or a map of service: {condition}, got ${describe(value)}`);
  return Object.entries(value).map(([service, options]) => {
    if (options === null) return { service, condition: 'service_started' };
    if (!isRecord(options))
      p.fail([...at, service], `must be a map with condition, got ${describe(options)}`);
    for (const key of Object.keys(options)) {
      if (key !== 'condition')
        p.fail([...at, service, key], 'unsupported key; only condition is supported', true);
    }
    const condition = options.condition ?? 'service_started';
    if (typeof condition !== 'string' || !(CONDITIONS as readonly string[]).includes(condition)) {
      p.fail(
        [...at, service, 'condition'],
        `must be one of ${CONDITIONS.join(', ')}, got ${describe(condition)}`,
      );
    }
    return { service, condition: condition as DependencyCondition };
  });
}

/** Reads `volumes` of a service: `volume:/path[:ro|rw]` of declared named volumes only. */
export function parseVolumeMounts(
  p: Parser,
  at: Path,
  value: unknown,
  declared: string[],
): VolumeMountSpec[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) p.fail(at, `must be a list of "volume:/path[:ro]", got ${describe(value)}`);
  return value.map((item, i): VolumeMountSpec => {
    const where = [...at, i];
    if (typeof item !== 'string') {
      p.fail(where, `use the short form "volume:/path[:ro]", got ${describe(item)}`);
    }
    const parts = item.split(':');
    const [source = '', target = '', mode] = parts;
    if (parts.length === 1) {
      p.fail(
        where,
        `anonymous volumes (${JSON.stringify(item)}) are not supported: declare a named volume and write "name:${item}"`,
      );
    }
    if (/^[./~]/.test(source) || source.includes('/')) {
      p.fail(
        where,
        `bind mounts (${JSON.stringify(source)}) are refused: a validated stack must run the same on any runner, with nothing but its images; use a named volume`,
      );
    }
    if (parts.length > 3 || (mode !== undefined && mode !== 'ro' && mode !== 'rw')) {
      p.fail(
        where,
        `cannot read ${JSON.stringify(item)}; write "volume:/path", "volume:/path:ro" or "volume:/path:rw"`,
      );
    }
    if (!declared.includes(source)) {
      p.fail(where, `volume ${JSON.stringify(source)} is not declared under the top-level volumes key`);
    }
    if (!target.startsWith('/'))
      p.fail(where, `the mount path must be absolute, got ${JSON.stringify(target)}`);
    return { volume: source, target, readonly: mode === 'ro' };
  });
}

/** Service `networks`: names must be declared (or `default`); their aliases all apply on the stack's one network. */
export function parseServiceNetworks(p: Parser, at: Path, value: unknown, declared: string[]): string[] {
  if (value === undefined || value === null) return [];
  const check = (name: string, where: Path, onKey: boolean): void => {
    if (name !== 'default' && !declared.includes(name)) {
      p.fail(
        where,
        `network ${JSON.stringify(name)} is not declared under the top-level networks key`,
        onKey,
      );
    }
  };
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item !== 'string') p.fail([...at, i], `must be a network name, got ${describe(item)}`);
      check(item, [...at, i], false);
    });
    return [];
  }
  if (!isRecord(value))
    p.fail(at, `must be a list of networks or a map of network: {aliases}, got ${describe(value)}`);
  const aliases: string[] = [];
  for (const [name, options] of Object.entries(value)) {
    check(name, [...at, name], true);
    if (options === null) continue;
    if (!isRecord(options)) p.fail([...at, name], `must be a map with aliases, got ${describe(options)}`);
    for (const key of Object.keys(options)) {
      if (key !== 'aliases') p.fail([...at, name, key], 'unsupported key; only aliases is supported', true);
    }
    const list = options.aliases;
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) p.fail([...at, name, 'aliases'], `must be a list, got ${describe(list)}`);
    list.forEach((alias, i) => {
      if (typeof alias !== 'string' || !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(alias)) {
        p.fail([...at, name, 'aliases', i], `must be a DNS name, got ${describe(alias)}`);
      }
      if (!aliases.includes(alias)) aliases.push(alias);
    });
  }
  return aliases;
}
