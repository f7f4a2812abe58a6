/**
 * e2e-run's tester: Playwright from the runner image, in a container on the stack network against
 * the base service's internal URL, its verdict read from Playwright's JSON report (one check per
 * spec file).
 */
import { finishStagedRun, stageRunMounts, type StagedRun } from '../engine/staging.js';
import { join } from 'node:path';
import type { ContainerEngine } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import type { Check } from '../evidence/statement.js';
import { tailLines } from '../exec.js';
import type { Log } from '../log.js';
import type { Stack } from '../stack/stack.js';
import { group } from '../summary.js';
import { laneCheck } from './check.js';
import { e2eContainerOptions, REPORT_FILES } from './e2e-runner.js';
import type { LaneTester, TesterRun } from './pipeline.js';
import { playwrightChecks, readPlaywrightJson, type PlaywrightCounts } from './playwright-report.js';

/** What the Playwright tester needs to know. */
export interface PlaywrightTesterOptions {
  engine: ContainerEngine;
  runnerImage: string;
  /** Service whose internal URL becomes BASE_URL / PLAYWRIGHT_BASE_URL. */
  baseUrlService: string;
  /** The input naming it, for messages. */
  baseUrlInput: string;
  retries: number;
  testsCopy: string;
  reportDir: string;
  user: { uid: number; gid: number };
  /** Checks found before the lane started (the version check). */
  initialChecks: Check[];
  /** Where the base URL and the counts are reported (the E2E report's `playwright`). */
  playwright: { baseUrl?: string; counts?: PlaywrightCounts };
  log: Log;
}

/** How the runner container ended. */
interface PlaywrightRun {
  exitCode: number | null;
  output: string;
  error: string | undefined;
}

/** Turns the run and Playwright's JSON report into the lane's checks and failures. */
async function verdict(
  o: PlaywrightTesterOptions,
  run: PlaywrightRun,
  durationMs: number,
): Promise<TesterRun> {
  const result: Omit<TesterRun, 'tests'> = { output: run.output, checks: [], failures: [] };
  const json = await readPlaywrightJson(join(o.reportDir, REPORT_FILES.json));
  const parsed = json !== undefined ? playwrightChecks(json) : undefined;
  if (parsed !== undefined) {
    result.checks.push(...parsed.checks);
    o.playwright.counts = parsed.counts;
  }
  if (run.exitCode !== 0) {
    const counts = parsed?.counts;
    const why =
      run.error ??
      (counts !== undefined && counts.failed > 0
        ? `${counts.failed} of ${counts.passed + counts.failed + counts.flaky} tests failed`
        : `playwright exited with code ${run.exitCode}`);
    result.failures.push(
      `E2E tests: ${why}${run.output === '' ? '' : `; last output lines:\n${tailLines(run.output, 20)}`}`,
    );
    if (parsed === undefined || !parsed.checks.some((c) => c.result === 'FAILED')) {
      result.checks.push(laneCheck('playwright', 'FAILED', durationMs, why));
    }
  } else if (parsed === undefined) {
    result.checks.push(laneCheck('playwright', 'PASSED', durationMs, 'no JSON report'));
  }
  return result as TesterRun;
}

/** The Playwright tester: e2e-run's tests, as a {@link LaneTester}. */
export function playwrightTester(o: PlaywrightTesterOptions): LaneTester {
  const run = async (stack: Stack, env: Record<string, string>, baseUrl: string, testStartedAt: number) => {
    const options = e2eContainerOptions({
      project: stack.project,
      network: stack.networks,
      image: o.runnerImage,
      testsCopy: o.testsCopy,
      reportDir: o.reportDir,
      baseUrl,
      serviceEnv: env,
      retries: o.retries,
      user: o.user,
      hosts: await stack.hosts(),
    });
    o.log.info(`BASE_URL=${baseUrl}`);
    const ran = await group(`Playwright in ${o.runnerImage} against ${baseUrl}`, async () => {
      let staged: StagedRun | undefined;
      try {
        // Copy mode: the tests and the report directory reach the container through the engine; the
        // report comes back out afterwards, so the lane reads it where it always does.
        staged = await stageRunMounts(o.engine, options, `${options.name ?? 'e2e'}-files`);
        // The engine's exec streams Playwright's list reporter to the log as it runs.
        const r = await o.engine.runToCompletion(staged.options);
        return { exitCode: r.exitCode as number | null, output: `${r.stdout}${r.stderr}`, error: undefined };
      } catch (err) {
        return { exitCode: null, output: '', error: errorMessage(err) };
      } finally {
        if (staged !== undefined) {
          await finishStagedRun(o.engine, staged).catch((err: unknown) =>
            o.log.warning(`copying the report back from the engine failed: ${errorMessage(err)}`),
          );
        }
      }
    });
    const durationMs = Date.now() - testStartedAt;
    const result = await verdict(o, ran, durationMs);
    result.tests = {
      command: options.command?.join(' ') ?? '',
      where: 'container',
      image: o.runnerImage,
      exitCode: ran.exitCode,
      durationMs,
    };
    return result;
  };

  return {
    where: 'container',
    // The runner image is Debian with bash: it can probe ports on the network too.
    probeImage: o.runnerImage,
    initialChecks: o.initialChecks,
    skippedWhenNotStarted: [],
    plan: async (stack, statuses, urls) => {
      const base = statuses.find((s) => s.service === o.baseUrlService);
      const baseUrl = base?.urls.internal;
      if (baseUrl === undefined) {
        const why =
          base === undefined
            ? `there is no service ${JSON.stringify(o.baseUrlService)} (services: ${statuses.map((s) => s.service).join(', ')})`
            : `service ${o.baseUrlService} has no port (give it ports or expose)`;
        return {
          skip: {
            failure: `input "${o.baseUrlInput}": ${why}`,
            check: laneCheck('playwright', 'SKIPPED', 0, why),
          },
        };
      }
      o.playwright.baseUrl = baseUrl;
      return { run: (testStartedAt) => run(stack, urls.env, baseUrl, testStartedAt) };
    },
  };
}
