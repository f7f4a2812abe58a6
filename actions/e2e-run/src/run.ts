import { connectEngine } from '@digestline/core/engine/access';
import { selectEngine } from '@digestline/core/engine/select';
import { e2eFailureMessage, runE2e, teardownE2e } from '@digestline/core/lanes/e2e';
import { summarizeLane } from '@digestline/core/lanes/lane-summary';
import { getState, info, saveState, setOutputs, stepLog } from '@digestline/core/step';
import { writeSummary } from '@digestline/core/summary';
import { Inputs as Name, Outputs, State } from './constants.js';
import type { Inputs } from './context.js';

/** Runs the lane with inputs already read and validated by `getInputs`. */
export async function run(inputs: Inputs): Promise<void> {
  const engine = await connectEngine(inputs.engine, { log: stepLog });
  const request = {
    ...inputs,
    inputs: {
      tests: Name.Tests,
      network: Name.Network,
      images: Name.Images,
      baseUrlService: Name.BaseUrlService,
    },
  };
  const outcome = await runE2e(request, {
    engine,
    // Saved before anything is created: a cancelled or crashed main still gets its teardown.
    onProject: (project) => {
      saveState(State.Project, project);
      saveState(State.Engine, engine.kind);
    },
    // A dynamic import: @actions/artifact roughly doubles the bundle's start-up time.
    ...(inputs.uploadArtifacts
      ? {
          upload: async (name: string, dir: string) =>
            (await import('@digestline/core/artifacts')).uploadDirectory(name, dir, { log: stepLog }),
        }
      : {}),
    log: stepLog,
  });
  setOutputs({
    [Outputs.Result]: outcome.report.result,
    [Outputs.Report]: outcome.reportDir,
    [Outputs.Evidence]: outcome.evidencePath ?? '',
  });
  await writeSummary((summary) => {
    summarizeLane(summary, outcome.report);
    const pw = outcome.report.playwright;
    const counts = pw.counts;
    summary.list([
      `Playwright ${pw.version} in ${pw.runnerImage} against ${pw.baseUrl ?? '(no base URL)'}`,
      counts !== undefined
        ? `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.flaky} flaky, ${counts.skipped} skipped`
        : 'tests: no Playwright JSON report',
      `report: ${outcome.reportDir}${outcome.report.artifact ? ` (artifact ${outcome.report.artifact.name}: ${outcome.report.artifact.uploaded ? 'uploaded' : `not uploaded, ${outcome.report.artifact.reason ?? ''}`})` : ''}`,
    ]);
  });
  const failure = e2eFailureMessage(outcome);
  if (failure !== undefined) throw new Error(failure);
}

/** The post step: tears down the stack main started, if any. */
export async function post(): Promise<void> {
  const project = getState(State.Project);
  if (project === '')
    return info('e2e-run post: main started no stack (or attached to one), nothing to tear down');
  const engine = selectEngine(getState(State.Engine) || 'auto');
  info(await teardownE2e(engine, project, stepLog));
}
