/**
 * Playwright's JSON report as the lane reads it: one evidence check per spec file, and the counts
 * the summary shows.
 */
import { readFile } from 'node:fs/promises';
import type { Check } from '../evidence/statement.js';
import { checkDetail } from './check.js';

interface JsonResult {
  duration?: number;
  status?: string;
  error?: { message?: string };
}
interface JsonTest {
  status?: string;
  results?: JsonResult[];
}
interface JsonSpec {
  title?: string;
  tests?: JsonTest[];
}
interface JsonSuite {
  title?: string;
  file?: string;
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}
/** The parts of Playwright's JSON reporter output the lane reads. */
export interface PlaywrightJson {
  suites?: JsonSuite[];
  errors?: Array<{ message?: string }>;
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number; duration?: number };
}

/** Test counts of a run. */
export interface PlaywrightCounts {
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
}

function specsOf(suite: JsonSuite, path: string[] = []): Array<{ title: string; tests: JsonTest[] }> {
  const here = (suite.specs ?? []).map((s) => ({
    title: [...path, s.title ?? ''].filter(Boolean).join(' › '),
    tests: s.tests ?? [],
  }));
  return [...here, ...(suite.suites ?? []).flatMap((child) => specsOf(child, [...path, child.title ?? '']))];
}

/**
 * One evidence check per spec file (`playwright: playlists.spec.ts`): FAILED when a test in it
 * failed (detail: the failing titles), SKIPPED when all were skipped, else PASSED (flaky tests
 * passed on a retry and count as passed, as in Playwright's exit code). Errors outside tests (a
 * config that does not load) become a `playwright: load` check.
 */
export function playwrightChecks(report: PlaywrightJson): { checks: Check[]; counts: PlaywrightCounts } {
  const counts: PlaywrightCounts = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
  const checks: Check[] = [];
  for (const file of report.suites ?? []) {
    const specs = specsOf(file);
    const tests = specs.flatMap((s) => s.tests.map((t) => ({ spec: s.title, test: t })));
    const failed = tests.filter((t) => t.test.status === 'unexpected');
    const skipped = tests.filter((t) => t.test.status === 'skipped');
    counts.failed += failed.length;
    counts.skipped += skipped.length;
    counts.flaky += tests.filter((t) => t.test.status === 'flaky').length;
    counts.passed += tests.filter((t) => t.test.status === 'expected').length;
    const durationMs = tests.reduce(
      (sum, t) => sum + (t.test.results ?? []).reduce((s, r) => s + (r.duration ?? 0), 0),
      0,
    );
    const name = `playwright: ${file.file ?? file.title ?? 'unknown file'}`;
    if (failed.length > 0) {
      const detail = failed.map((t) => t.spec).join('; ');
      checks.push({
        name,
        result: 'FAILED',
        durationMs,
        detail: checkDetail(detail),
      });
    } else if (tests.length > 0 && skipped.length === tests.length) {
      checks.push({ name, result: 'SKIPPED', durationMs });
    } else {
      checks.push({ name, result: 'PASSED', durationMs });
    }
  }
  const errors = (report.errors ?? []).map((e) => (e.message ?? '').split('\n')[0] ?? '').filter(Boolean);
  if (errors.length > 0) {
    const detail = errors.join('; ');
    checks.push({
      name: 'playwright: load',
      result: 'FAILED',
      durationMs: 0,
      detail: checkDetail(detail),
    });
  }
  return { checks, counts };
}

/** The JSON report at `path`; undefined when Playwright wrote none (or not a readable one). */
export async function readPlaywrightJson(path: string): Promise<PlaywrightJson | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as PlaywrightJson;
  } catch {
    return undefined;
  }
}
