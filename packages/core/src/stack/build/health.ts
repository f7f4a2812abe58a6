/** A service's `healthcheck` as compose config prints it: test list, Go durations, `disable`. */
import type { ComposeService } from '../compose/model.js';
import { describe, isRecord, type Path } from '../compose/document.js';
import { parseComposeDuration } from '../compose/duration.js';
import type { HealthcheckSpec } from '../compose/types.js';
import type { Problems } from './problems.js';

const KEYS = ['test', 'interval', 'timeout', 'retries', 'start_period', 'start_interval', 'disable'];

/** What a service's `healthcheck` says: a check, switched off, or nothing (the image's own applies). */
export type HealthcheckResult = HealthcheckSpec | 'disabled' | undefined;

/** Reads `healthcheck`; `disable: true` and `test: [NONE]` switch the image's check off. */
export function buildHealthcheck(at: Path, value: unknown, problems: Problems): HealthcheckResult {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    problems.error(at, `must be a map, got ${describe(value)}`);
    return undefined;
  }
  const hc = value as NonNullable<ComposeService['healthcheck']>;
  let ok = true;
  for (const key of Object.keys(value)) {
    if (!KEYS.includes(key)) {
      problems.error([...at, key], `unknown healthcheck key; a healthcheck may have ${KEYS.join(', ')}`);
      ok = false;
    }
  }
  if (hc.disable === true) return 'disabled';
  const test = hc.test;
  if (test === undefined) {
    const timing = Object.keys(value).filter((k) => k !== 'disable');
    if (timing.length > 0) {
      problems.warning(
        at,
        `has ${timing.join(', ')} but no test: the image's own HEALTHCHECK applies with its own timing; add a test to use these`,
      );
    }
    return undefined;
  }
  if (!Array.isArray(test) || test.length === 0 || !test.every((t) => typeof t === 'string')) {
    problems.error([...at, 'test'], `must be [CMD, …], [CMD-SHELL, script] or [NONE], got ${describe(test)}`);
    return undefined;
  }
  const [kind] = test;
  if (kind === 'NONE') return 'disabled';
  if (!(kind === 'CMD' && test.length >= 2) && !(kind === 'CMD-SHELL' && test.length === 2)) {
    problems.error(
      [...at, 'test'],
      `must be [CMD, program, args…], [CMD-SHELL, script] or [NONE], got ${JSON.stringify(test)}`,
    );
    return undefined;
  }
  const duration = (key: 'interval' | 'timeout' | 'start_period' | 'start_interval'): number | undefined => {
    const text = hc[key];
    if (text === undefined) return undefined;
    const ms = typeof text === 'string' ? parseComposeDuration(text) : undefined;
    if (ms === undefined) {
      problems.error([...at, key], `must be a duration like 500ms, 10s or 1m30s, got ${describe(text)}`);
      ok = false;
    }
    return ms;
  };
  const spec: HealthcheckSpec = {
    test,
    intervalMs: duration('interval') ?? 30_000,
    timeoutMs: duration('timeout') ?? 30_000,
    retries: 3,
    startPeriodMs: duration('start_period') ?? 0,
  };
  const startInterval = duration('start_interval');
  if (startInterval !== undefined) spec.startIntervalMs = startInterval;
  if (hc.retries !== undefined) {
    if (typeof hc.retries !== 'number' || !Number.isInteger(hc.retries) || hc.retries < 1) {
      problems.error([...at, 'retries'], `must be a whole number >= 1, got ${describe(hc.retries)}`);
      ok = false;
    } else spec.retries = hc.retries;
  }
  return ok ? spec : undefined;
}
