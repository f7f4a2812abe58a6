/**
 * HTTP health checks of a deployment and the soak that repeats them.
 *
 * A check line is `URL [status] [json-path=value]`, e.g. `http://127.0.0.1:18080/healthz 200
 * $.status=ok`: the URL must answer with the status (default 200) and, when a JSON path is given,
 * a JSON body whose value at the path equals the value (compared as text; numbers, booleans and
 * null by their JSON spelling).
 */
import { InputError, errorMessage } from '../errors.js';

/** One parsed health check. */
export interface HealthCheck {
  /** The line as written (recorded in the ledger, so a rollback reuses the exact checks). */
  text: string;
  url: string;
  status: number;
  json?: { path: string; segments: Array<string | number>; expected: string };
}

const FORM = 'URL [status] [json-path=value], e.g. http://127.0.0.1:18080/healthz 200 $.status=ok';

/**
 * Parses a JSON path of the supported subset: `$`, then any of `.name`, `["name"]`, `['name']`,
 * `[0]` (pure).
 *
 * @throws Error saying where the path stops making sense
 */
export function parseJsonPath(path: string): Array<string | number> {
  if (!path.startsWith('$')) throw new Error(`a JSON path starts with $, got ${JSON.stringify(path)}`);
  const segments: Array<string | number> = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\]/y;
  let i = 1;
  while (i < path.length) {
    re.lastIndex = i;
    const m = re.exec(path);
    if (m === null) {
      throw new Error(
        `JSON path ${JSON.stringify(path)} is not understood from ${JSON.stringify(path.slice(i))} (supported: .name, [0], ["name"])`,
      );
    }
    segments.push(m[2] !== undefined ? Number(m[2]) : ((m[1] ?? m[3] ?? m[4]) as string));
    i = re.lastIndex;
  }
  return segments;
}

/**
 * Parses one check line (pure).
 *
 * @param input the input name for error messages
 * @throws InputError naming the input, the line and the expected form
 */
export function parseHealthCheck(line: string, input: string): HealthCheck {
  const text = line.trim();
  const where = `input "${input}" line ${JSON.stringify(text)}`;
  const match = /^(\S+)(?:\s+(\d{3}))?(?:\s+(\S.*))?$/.exec(text);
  if (match === null) throw new InputError(input, `${where} must look like ${FORM}`);
  const [, urlText, statusText, rest] = match as unknown as [
    string,
    string,
    string | undefined,
    string | undefined,
  ];
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    throw new InputError(input, `${where}: ${JSON.stringify(urlText)} is not a URL; expected ${FORM}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(input, `${where}: only http and https URLs can be checked`);
  }
  const check: HealthCheck = { text, url: url.href, status: 200 };
  if (statusText !== undefined) {
    const status = Number(statusText);
    if (status < 100 || status > 599)
      throw new InputError(input, `${where}: status ${status} is not an HTTP status`);
    check.status = status;
  }
  if (rest !== undefined) {
    const eq = rest.indexOf('=');
    if (!rest.startsWith('$') || eq < 0) {
      throw new InputError(
        input,
        `${where}: ${JSON.stringify(rest)} is not json-path=value; expected ${FORM}`,
      );
    }
    const path = rest.slice(0, eq).trim();
    try {
      check.json = { path, segments: parseJsonPath(path), expected: rest.slice(eq + 1).trim() };
    } catch (err) {
      throw new InputError(input, `${where}: ${errorMessage(err)}`);
    }
  }
  return check;
}

/** Parses the check lines of an input (blank lines and `#` comments ignored). */
export function parseHealthChecks(text: string, input: string): HealthCheck[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => parseHealthCheck(l, input));
}

/** The value at `segments` in parsed JSON, or `undefined` when the path does not exist (pure). */
export function valueAt(json: unknown, segments: ReadonlyArray<string | number>): unknown {
  let value = json;
  for (const s of segments) {
    if (typeof s === 'number') {
      if (!Array.isArray(value) || s >= value.length) return undefined;
      value = value[s];
    } else {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !(s in value))
        return undefined;
      value = (value as Record<string, unknown>)[s];
    }
  }
  return value;
}

function spell(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Outcome of one check run. */
export interface CheckOutcome {
  check: HealthCheck;
  ok: boolean;
  /** What was seen, e.g. `200, $.status=ok` or `connection refused`. */
  detail: string;
  ms: number;
}

/** Runs one check once (never throws). */
export async function runHealthCheck(
  check: HealthCheck,
  opts: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<CheckOutcome> {
  const started = performance.now();
  const done = (ok: boolean, detail: string): CheckOutcome => ({
    check,
    ok,
    detail,
    ms: Math.round(performance.now() - started),
  });
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  try {
    const response = await fetchImpl(check.url, {
      signal: AbortSignal.timeout(opts.timeoutMs ?? 2000),
      redirect: 'manual',
      headers: { accept: 'application/json, */*' },
    });
    const body = await response.text();
    if (response.status !== check.status) {
      return done(
        false,
        `status ${response.status}, expected ${check.status}; body ${JSON.stringify(body.slice(0, 200))}`,
      );
    }
    if (check.json === undefined) return done(true, `status ${response.status}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return done(
        false,
        `status ${response.status} but the body is not JSON: ${JSON.stringify(body.slice(0, 200))}`,
      );
    }
    const actual = valueAt(parsed, check.json.segments);
    if (actual === undefined)
      return done(false, `${check.json.path} is absent in ${JSON.stringify(body.slice(0, 200))}`);
    if (spell(actual) !== check.json.expected) {
      return done(false, `${check.json.path} is ${spell(actual)}, expected ${check.json.expected}`);
    }
    return done(true, `status ${response.status}, ${check.json.path}=${check.json.expected}`);
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    return done(
      false,
      cause !== undefined ? `${errorMessage(err)}: ${errorMessage(cause)}` : errorMessage(err),
    );
  }
}

/** Options of {@link soak}. */
export interface SoakOptions {
  checks: readonly HealthCheck[];
  /** How long every round must pass. 0 runs one round. */
  durationMs: number;
  /** Start-to-start time of rounds (default 1 s). */
  intervalMs?: number;
  /** Per-request timeout (default 2 s). */
  timeoutMs?: number;
  /** Extra per-round condition (e.g. every container still runs): a string is the failure. */
  alsoCheck?: () => Promise<string | undefined>;
  fetch?: typeof fetch;
  /** Called after each round. */
  onRound?: (round: number, outcomes: CheckOutcome[]) => void;
}

/** Outcome of a soak. */
export interface SoakResult {
  ok: boolean;
  rounds: number;
  elapsedMs: number;
  /** The first failure, naming the check and what was seen. */
  failure?: string;
}

/**
 * Runs every check once a round (concurrently), rounds `intervalMs` apart, until `durationMs` has
 * passed. Every check must pass in every round; the first failing round ends the soak.
 */
export async function soak(opts: SoakOptions): Promise<SoakResult> {
  const interval = opts.intervalMs ?? 1000;
  const started = performance.now();
  let rounds = 0;
  for (;;) {
    const roundStart = performance.now();
    rounds++;
    const outcomes = await Promise.all(
      opts.checks.map((c) =>
        runHealthCheck(c, {
          ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
          ...(opts.fetch !== undefined ? { fetch: opts.fetch } : {}),
        }),
      ),
    );
    opts.onRound?.(rounds, outcomes);
    const elapsed = (): number => Math.round(performance.now() - started);
    const failed = outcomes.find((o) => !o.ok);
    if (failed !== undefined) {
      return { ok: false, rounds, elapsedMs: elapsed(), failure: `${failed.check.url}: ${failed.detail}` };
    }
    const extra = await opts.alsoCheck?.();
    if (extra !== undefined) return { ok: false, rounds, elapsedMs: elapsed(), failure: extra };
    if (performance.now() - started >= opts.durationMs) return { ok: true, rounds, elapsedMs: elapsed() };
    const next = roundStart + interval;
    // The last round lands on the end of the window rather than a whole interval past it.
    const wait = Math.min(next, started + opts.durationMs) - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}
