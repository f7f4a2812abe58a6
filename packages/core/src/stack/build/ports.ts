/** A service's `ports` (long syntax, published to loopback only) and `expose`. */
import { isLoopbackHost } from '../../registry/loopback.js';
import type { ComposePort } from '../compose/model.js';
import { describe, isRecord, type Path } from '../compose/document.js';
import type { PortSpec } from '../compose/types.js';
import type { Problems } from './problems.js';

/** Addresses that mean "every interface": moved to loopback with a note rather than refused. */
const ANY_ADDRESS = ['', '0.0.0.0', '::', '[::]'];

function portNumber(text: string): number | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return n >= 1 && n <= 65535 ? n : undefined;
}

/** `8080` → [8080]; `8000-8002` → [8000, 8001, 8002]; undefined when neither. */
export function portRange(text: string): number[] | undefined {
  const [from = '', to, extra] = text.split('-');
  const first = portNumber(from.trim());
  const last = to === undefined ? first : portNumber(to.trim());
  if (first === undefined || last === undefined || extra !== undefined || last < first) return undefined;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Reads `ports`: every host address becomes or must be loopback; tcp and udp. */
export function buildPorts(at: Path, value: unknown, problems: Problems): PortSpec[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.error(at, `must be a list of ports, got ${describe(value)}`);
    return [];
  }
  const ports: PortSpec[] = [];
  value.forEach((item: unknown, i) => {
    const where = [...at, i];
    if (!isRecord(item) || typeof item.target !== 'number') {
      problems.error(where, `must be a port with a target, got ${describe(item)}`);
      return;
    }
    const port = item as unknown as ComposePort;
    if (port.protocol !== undefined && port.protocol !== 'tcp' && port.protocol !== 'udp') {
      problems.error(
        [...where, 'protocol'],
        `${port.protocol} ports are not supported: publish tcp or udp ports`,
      );
      return;
    }
    const hostIp = port.host_ip ?? '';
    let host = hostIp.toLowerCase() === 'localhost' ? '127.0.0.1' : hostIp.replace(/^\[(.*)\]$/, '$1');
    if (ANY_ADDRESS.includes(hostIp)) {
      problems.warning(
        where,
        `published on ${hostIp === '' ? 'every interface (no host_ip)' : hostIp}: moved to 127.0.0.1, because stacks publish to loopback only; write host_ip 127.0.0.1 (or "127.0.0.1:…" in short syntax) to silence this`,
      );
      host = '127.0.0.1';
    } else if (!isLoopbackHost(hostIp)) {
      problems.error(
        where,
        `publishes on ${JSON.stringify(hostIp)}: stacks publish to loopback only (127.x.x.x or ::1); remove the address or use 127.0.0.1`,
      );
      return;
    }
    const spec: PortSpec = { host, containerPort: port.target };
    // udp is published the same way; readiness and the <SERVICE>_URL variables look at tcp only.
    if (port.protocol === 'udp') spec.protocol = 'udp';
    if (port.published !== undefined && port.published !== '') {
      const range = portRange(String(port.published));
      if (range === undefined || range.length !== 1) {
        problems.error(
          where,
          range === undefined
            ? `published port ${JSON.stringify(port.published)} is not a port number (1-65535)`
            : `publishes container port ${port.target} on a host port range (${port.published}): give one host port, or leave it out and let the engine pick`,
        );
        return;
      }
      spec.hostPort = range[0] as number;
    }
    ports.push(spec);
  });
  return ports;
}

/** Reads `expose`: container ports (ranges expanded), not published; udp ones are noted and left out. */
export function buildExpose(at: Path, value: unknown, problems: Problems): number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.error(at, `must be a list of ports, got ${describe(value)}`);
    return [];
  }
  const ports: number[] = [];
  value.forEach((item: unknown, i) => {
    const [text = '', proto = 'tcp'] = String(item).split('/');
    const range = portRange(text);
    if ((typeof item !== 'string' && typeof item !== 'number') || range === undefined) {
      problems.error([...at, i], `must be a port or range like 8080 or 8000-8010/tcp, got ${describe(item)}`);
    } else if (proto !== 'tcp') {
      problems.warning([...at, i], `${proto} port ${text} is not used: readiness looks at tcp ports only`);
    } else {
      ports.push(...range);
    }
  });
  return ports;
}
