/** A service's `ports` (published to loopback only) and `expose`. */
import { isLoopbackHost } from '../../registry/loopback.js';
import { describe, type Parser, type Path } from './document.js';
import type { PortSpec } from './types.js';

function parsePortNumber(p: Parser, at: Path, text: string, what: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 65535)) p.fail(at, `${what} ${JSON.stringify(text)} is not a port number (1-65535)`);
  return n;
}

/** `8080`, `8080/tcp`; udp is refused (probes and URLs are tcp). */
function containerPortOf(p: Parser, at: Path, text: string): number {
  const [port = '', proto] = text.split('/');
  if (proto !== undefined && proto !== 'tcp')
    p.fail(at, `only tcp ports are supported, got ${JSON.stringify(text)}`);
  if (port.includes('-')) p.fail(at, `port ranges are not supported, got ${JSON.stringify(text)}`);
  return parsePortNumber(p, at, port, 'container port');
}

/** Reads `ports` (short form); every host address must be loopback, `localhost` becomes 127.0.0.1. */
export function parsePorts(p: Parser, at: Path, value: unknown): PortSpec[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) p.fail(at, `must be a list, got ${describe(value)}`);
  return value.map((item, i): PortSpec => {
    const where = [...at, i];
    if (typeof item === 'number') item = String(item);
    if (typeof item !== 'string') {
      p.fail(
        where,
        `use the short form "[127.0.0.1:]hostPort:containerPort" or "containerPort", got ${describe(item)}`,
      );
    }
    // An IPv6 host is bracketed: [::1]:8080:80.
    const v6 = /^\[([^\]]+)\]:(.*)$/.exec(item);
    const parts = v6 ? [v6[1] as string, ...(v6[2] as string).split(':')] : item.split(':');
    let host = '127.0.0.1';
    let hostPort: string | undefined;
    let containerPort: string;
    if (parts.length === 1) [containerPort] = parts as [string];
    else if (parts.length === 2) [hostPort, containerPort] = parts as [string, string];
    else if (parts.length === 3) [host, hostPort, containerPort] = parts as [string, string, string];
    else
      return p.fail(
        where,
        `cannot read ${JSON.stringify(item)}; write "127.0.0.1:8080:8080", "8080:8080" or "8080"`,
      );
    if (!isLoopbackHost(host)) {
      p.fail(
        where,
        `publishes on ${JSON.stringify(host)}: validation stacks publish to loopback only (omit the address for 127.0.0.1, or give 127.x.x.x / [::1])`,
      );
    }
    const port: PortSpec = {
      host: host.toLowerCase() === 'localhost' ? '127.0.0.1' : host,
      containerPort: containerPortOf(p, where, containerPort),
    };
    if (hostPort !== undefined && hostPort !== '')
      port.hostPort = parsePortNumber(p, where, hostPort, 'host port');
    return port;
  });
}

/** Reads `expose`: container ports, not published. */
export function parseExpose(p: Parser, at: Path, value: unknown): number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) p.fail(at, `must be a list of ports, got ${describe(value)}`);
  return value.map((item, i) => {
    if (typeof item !== 'string' && typeof item !== 'number')
      p.fail([...at, i], `must be a port, got ${describe(item)}`);
    return containerPortOf(p, [...at, i], String(item));
  });
}
