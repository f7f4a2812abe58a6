/** A service's `healthcheck`, with Compose's defaults and duration syntax. */
import { describe, isRecord, scalarText, literal, type Parser, type Path } from './document.js';
import type { HealthcheckSpec } from './types.js';

const HEALTHCHECK_KEYS = ['test', 'interval', 'timeout', 'retries', 'start_period', 'disable'];

/**
 * Parses a Compose duration (`30s`, `1m30s`, `500ms`, `1.5s`, `1h`) into milliseconds.
 * @returns `undefined` when `text` is not one
 */
export function parseComposeDuration(text: string): number | undefined {
  const unit = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 } as const;
  if (!/^(\d+(\.\d+)?(h|ms|m|s|us))+$/.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us)/g)) {
    total += Number(match[1]) * unit[match[2] as keyof typeof unit];
  }
  return Math.round(total);
}

function parseDuration(p: Parser, at: Path, value: unknown): number {
  const ms = typeof value === 'string' ? parseComposeDuration(value) : undefined;
  if (ms === undefined) p.fail(at, `must be a duration like 500ms, 10s or 1m30s, got ${describe(value)}`);
  return ms;
}

/** Reads `healthcheck`; `disabled` for `disable: true` or `test: [NONE]`. */
export function parseHealthcheck(p: Parser, at: Path, value: unknown): HealthcheckSpec | 'disabled' {
  if (!isRecord(value)) p.fail(at, `must be a map, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (!HEALTHCHECK_KEYS.includes(key))
      p.fail([...at, key], `unsupported key; a healthcheck may have ${HEALTHCHECK_KEYS.join(', ')}`, true);
  }
  if (value.disable !== undefined) {
    if (typeof value.disable !== 'boolean')
      p.fail([...at, 'disable'], `must be true or false, got ${describe(value.disable)}`);
    if (value.disable) return 'disabled';
  }
  const testAt = [...at, 'test'];
  let test: string[];
  if (typeof value.test === 'string') {
    test = ['CMD-SHELL', literal(p, testAt, value.test)];
  } else if (Array.isArray(value.test) && value.test.length > 0) {
    test = value.test.map((item, i) => scalarText(p, [...testAt, i], item, 'every element'));
    const [kind] = test;
    if (kind === 'NONE') {
      if (test.length !== 1) p.fail(testAt, '[NONE] takes no arguments');
      return 'disabled';
    }
    if (kind === 'CMD-SHELL' && test.length !== 2)
      p.fail(testAt, `[CMD-SHELL, script] takes exactly one script, got ${test.length - 1} elements`);
    if (kind === 'CMD' && test.length < 2) p.fail(testAt, '[CMD, program, args...] needs a program');
    if (kind !== 'CMD' && kind !== 'CMD-SHELL') {
      p.fail(testAt, `must start with CMD, CMD-SHELL or NONE, got ${JSON.stringify(kind)}`);
    }
  } else {
    return p.fail(
      testAt,
      `required: [CMD, program, args...], [CMD-SHELL, script], a script string or [NONE]; got ${describe(value.test)}`,
    );
  }
  let retries = 3;
  if (value.retries !== undefined) {
    if (typeof value.retries !== 'number' || !Number.isInteger(value.retries) || value.retries < 1) {
      p.fail([...at, 'retries'], `must be a whole number >= 1, got ${describe(value.retries)}`);
    }
    retries = value.retries;
  }
  const duration = (key: string, fallback: number): number =>
    value[key] === undefined ? fallback : parseDuration(p, [...at, key], value[key]);
  return {
    test,
    intervalMs: duration('interval', 30_000),
    timeoutMs: duration('timeout', 30_000),
    retries,
    startPeriodMs: duration('start_period', 0),
  };
}
