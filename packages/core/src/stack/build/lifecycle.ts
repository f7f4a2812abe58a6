/** How a service's container is named inside and stopped: `hostname`, `pids_limit`, `stop_signal`, `stop_grace_period`. */
import type { ComposeService } from '../compose/model.js';
import { describe, type Path } from '../compose/document.js';
import { parseComposeDuration } from '../compose/duration.js';
import type { ServiceSpec } from '../compose/types.js';
import type { Problems } from './problems.js';

/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
/** `SIGINT`, `INT`, `SIGRTMIN+3` or a number, as both engines' --stop-signal take it. */
const SIGNAL = /^(SIG)?[A-Z][A-Z0-9]*([+-]\d+)?$|^\d+$/;

function integer(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

/** Fills `hostname`, `pidsLimit`, `stopSignal` and `stopGracePeriodS` of `spec`. */
export function lifecycleKeys(spec: ServiceSpec, service: ComposeService, problems: Problems): void {
  const at: Path = ['services', spec.name];
  const { hostname, pids_limit: pids, stop_signal: signal, stop_grace_period: grace } = service;
  if (hostname !== undefined && hostname !== '') {
    if (typeof hostname === 'string' && HOSTNAME.test(hostname)) spec.hostname = hostname;
    else
      problems.error(
        [...at, 'hostname'],
        `must be a host name like db or db.example, got ${describe(hostname)}`,
      );
  }
  if (pids !== undefined && pids !== null) {
    const n = integer(pids);
    // 0 is Docker's "unset": the engine's default applies.
    if (n === undefined || n < -1) {
      problems.error(
        [...at, 'pids_limit'],
        `must be a whole number of processes (-1: unlimited), got ${describe(pids)}`,
      );
    } else if (n !== 0) spec.pidsLimit = n;
  }
  if (signal !== undefined && signal !== '') {
    if (typeof signal === 'string' && SIGNAL.test(signal)) spec.stopSignal = signal;
    else
      problems.error(
        [...at, 'stop_signal'],
        `must be a signal like SIGINT or SIGQUIT, got ${describe(signal)}`,
      );
  }
  if (grace !== undefined && grace !== '') {
    const ms = typeof grace === 'string' ? parseComposeDuration(grace) : undefined;
    if (ms === undefined) {
      problems.error(
        [...at, 'stop_grace_period'],
        `must be a duration like 10s or 1m30s, got ${describe(grace)}`,
      );
    } else spec.stopGracePeriodS = Math.ceil(ms / 1000);
  }
}
