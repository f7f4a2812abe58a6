/**
 * How a stack marks and names what it creates: labels let a later process (a post step,
 * deploy-staging) find a stack again, and fixed names keep parallel runs apart.
 */
import type { RunOptions } from '../engine/engine.js';

/** Label every container, network and volume of a stack carries: the project name. */
export const STACK_LABEL = 'dev.digestline.stack';
/** Label on service containers: the service name. */
export const SERVICE_LABEL = 'dev.digestline.service';
/** Label on service containers: the digest reference the service must run. */
export const IMAGE_LABEL = 'dev.digestline.image';
/** Label on service containers: the container port its internal URL uses (absent when none). */
export const PORT_LABEL = 'dev.digestline.port';
/** Label on service containers: position in the start order (down stops in reverse). */
export const ORDER_LABEL = 'dev.digestline.order';
/** Label on containers: `service` or `probe` (a readiness helper), or a caller's own role (`tests`). */
export const CONTAINER_ROLE_LABEL = 'dev.digestline.role';

/** The network a stack runs on (its only one, or the first of several by default). */
export function stackNetworkName(project: string): string {
  return `dl-${project}-net`;
}

/**
 * The engine network of each network a stack file names: a stack with one network keeps
 * `dl-<project>-net` whatever the file calls it; several become `dl-<project>-<network>` each.
 */
export function stackNetworkNames(project: string, networks: readonly string[]): Map<string, string> {
  if (networks.length <= 1) return new Map(networks.map((n) => [n, stackNetworkName(project)]));
  return new Map(networks.map((n) => [n, `dl-${project}-${n}`]));
}

/** The container a service runs in. */
export function containerName(project: string, service: string): string {
  return `${project}-${service}`;
}

/** The engine name of a declared volume (`prefix` defaults to the project). */
export function volumeName(prefix: string, volume: string): string {
  return `${prefix}_${volume}`;
}

/** `run` options that put a container on `networks` (one, or the first and then each other). */
export function joinNetworks(networks: string | readonly string[]): Pick<RunOptions, 'network' | 'networks'> {
  const [network, ...more] = typeof networks === 'string' ? [networks] : networks;
  return { network, ...(more.length > 0 ? { networks: more.map((name) => ({ name })) } : {}) };
}
