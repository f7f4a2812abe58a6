/** A service's state as a stack reports it: the engine's view of its container, plus its URLs. */
import type { ContainerInfo, HealthStatus } from '../engine/engine.js';
import type { ServiceRecord } from './records.js';

/** What `Stack.inspect` reports per service. */
export interface ServiceStatus {
  service: string;
  container: string;
  containerId: string;
  /** The digest reference the service must run (from the stack). */
  image: string;
  /** Local image id the container runs. */
  imageId: string;
  /** The engine's view of the manifest digest, when known. */
  imageDigest?: string;
  status: string;
  running: boolean;
  exitCode: number;
  health?: HealthStatus;
  /** DNS names on the network `ipAddress` is on (service name first). */
  aliases: string[];
  ipAddress?: string;
  urls: { internal?: string; published?: string };
}

/**
 * The status of service `s` from its container's inspect `info`, on the first of the stack's
 * `networks` the container is on.
 */
export function serviceStatus(
  networks: string | readonly string[],
  s: ServiceRecord,
  info: ContainerInfo,
): ServiceStatus {
  const order = typeof networks === 'string' ? [networks] : networks;
  const net = order.map((name) => info.networks.find((n) => n.name === name)).find((n) => n !== undefined);
  const aliases = [s.name, ...(net?.aliases ?? []).filter((a) => a !== s.name && !info.id.startsWith(a))];
  const status: ServiceStatus = {
    service: s.name,
    container: s.container,
    containerId: info.id,
    image: s.image,
    imageId: info.image,
    status: info.state.status,
    running: info.state.running,
    exitCode: info.state.exitCode,
    aliases,
    urls: {},
  };
  if (info.imageDigest !== undefined) status.imageDigest = info.imageDigest;
  if (info.state.health !== undefined) status.health = info.state.health;
  if (net?.ipAddress !== undefined) status.ipAddress = net.ipAddress;
  if (s.port !== undefined) {
    // Same form as Stack.internalUrls(), which callers may use before the stack is up.
    status.urls.internal = `http://${s.name}:${s.port}`;
    const published =
      info.ports.find((p) => p.containerPort === s.port && p.protocol === 'tcp') ??
      info.ports.find((p) => p.protocol === 'tcp');
    if (published !== undefined) status.urls.published = publishedUrl(published.hostIp, published.hostPort);
  }
  return status;
}

/** The URL of a published port; wildcard host addresses are reached on loopback. */
function publishedUrl(hostIp: string, hostPort: number): string {
  const host = hostIp === '' || hostIp === '0.0.0.0' ? '127.0.0.1' : hostIp === '::' ? '::1' : hostIp;
  return `http://${host.includes(':') ? `[${host}]` : host}:${hostPort}`;
}
