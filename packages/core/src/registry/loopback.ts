/**
 * Loopback detection, apart from the registry client: actions use it while reading their inputs,
 * before the client is loaded.
 */
import { isIPv4 } from '../ip.js';

/** True for hosts that never leave the machine: 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1') return true;
  return isIPv4(h) && h.startsWith('127.');
}

/**
 * True when an image registry (`host[:port]`, as in a reference: `127.0.0.1:5000`, `[::1]:5000`,
 * `localhost`) is on loopback. The one place that decides whether a registry may be spoken to over
 * plain http without an explicit insecure input.
 */
export function isLoopbackRegistry(registry: string): boolean {
  try {
    return isLoopbackHost(new URL(`http://${registry}`).hostname);
  } catch {
    return false;
  }
}
