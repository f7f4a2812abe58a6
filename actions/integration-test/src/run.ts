import { connectEngine } from '@digestline/core/engine/access';
import { selectEngine } from '@digestline/core/engine/select';
import { runIntegrationTest, teardownIntegrationTest } from '@digestline/core/lanes/integration';
import { laneFailureMessage, summarizeLane } from '@digestline/core/lanes/lane-summary';
import { getState, info, saveState, setOutputs, stepLog } from '@digestline/core/step';
import { writeSummary } from '@digestline/core/summary';
import { Outputs, State } from './constants.js';
import type { Inputs } from './context.js';

/** Runs the lane with inputs already read and validated by `getInputs`. */
export async function run(inputs: Inputs): Promise<void> {
  const engine = await connectEngine(inputs.engine, { log: stepLog });
  const outcome = await runIntegrationTest(inputs, {
    engine,
    // Saved before anything is created: a cancelled or crashed main still gets its teardown.
    onProject: (project) => {
      saveState(State.Project, project);
      saveState(State.Engine, engine.kind);
    },
    // Loaded only on the failure path: @actions/artifact doubles the bundle's start-up time.
    upload: async (name, dir) =>
      (await import('@digestline/core/artifacts')).uploadDirectory(name, dir, { log: stepLog }),
    log: stepLog,
  });
  if (outcome.kept) saveState(State.Kept, 'true');
  setOutputs({
    [Outputs.Result]: outcome.report.result,
    [Outputs.Report]: outcome.reportPath,
    [Outputs.Bundle]: outcome.bundlePath ?? '',
    [Outputs.Evidence]: outcome.evidencePath ?? '',
  });
  await writeSummary((summary) => summarizeLane(summary, outcome.report));
  const failure = laneFailureMessage(outcome);
  if (failure !== undefined) throw new Error(failure);
}

/** The post step: tears down the stack main started, if any. */
export async function post(): Promise<void> {
  const project = getState(State.Project);
  if (project === '') return info('integration-test post: main started no stack, nothing to tear down');
  const engine = selectEngine(getState(State.Engine) || 'auto');
  info(await teardownIntegrationTest(engine, project, getState(State.Kept) === 'true', stepLog));
}
