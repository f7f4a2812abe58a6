/** Readiness by TCP: whether something answers on a port, from this process. */
import { connect } from 'node:net';

/**
 * Answers whether something listens on a loopback port, from this process. A connection is
 * "answered" when the peer sends bytes or keeps it open for `holdMs`: docker's userland proxy
 * accepts on the published port even when nothing listens in the container, then closes at once.
 * An HTTP request is sent so that HTTP servers answer right away.
 */
export function probePort(
  host: string,
  port: number,
  opts: { timeoutMs?: number; holdMs?: number } = {},
): Promise<boolean> {
  const timeoutMs = opts.timeoutMs ?? 1000;
  const holdMs = opts.holdMs ?? 200;
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let settled = false;
    const finish = (ok: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(hold);
      socket.destroy();
      resolve(ok);
    };
    const deadline = setTimeout(() => finish(false), timeoutMs);
    let hold: NodeJS.Timeout | undefined;
    socket.once('connect', () => {
      socket.write(`GET / HTTP/1.0\r\nHost: ${host.includes(':') ? `[${host}]` : host}:${port}\r\n\r\n`);
      hold = setTimeout(() => finish(true), holdMs);
    });
    socket.once('data', () => finish(true));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
  });
}
