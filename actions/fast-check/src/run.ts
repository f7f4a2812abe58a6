import { tmpdir } from 'node:os';
import { runSourceLane } from '@digestline/core/checks/lane';
import { failureMessage } from '@digestline/core/checks/report';
import { connectEngine } from '@digestline/core/engine/access';
import { setOutputs, stepLog } from '@digestline/core/step';
import { Outputs } from './constants.js';
import type { Inputs } from './context.js';

/** Runs the source lane with inputs already read and validated by `getInputs`. */
export async function run(inputs: Inputs): Promise<void> {
  const lane = await runSourceLane(
    {
      plan: inputs.plan,
      ...(inputs.image !== undefined ? { image: inputs.image } : {}),
      insecure: inputs.insecure,
      concurrency: inputs.concurrency,
      failFast: inputs.failFast,
      envNames: inputs.envNames,
      ...(inputs.signingKey !== undefined ? { signingKey: inputs.signingKey } : {}),
      unsafeHostCommandsWithKey: inputs.unsafeHostCommandsWithKey,
      tempDir: process.env.RUNNER_TEMP || tmpdir(),
    },
    { engine: () => connectEngine(inputs.engine, { log: stepLog }), log: stepLog },
  );
  setOutputs({
    [Outputs.Result]: lane.result,
    [Outputs.Failed]: lane.failed.join(','),
    [Outputs.Report]: lane.reportPath,
    [Outputs.Evidence]: lane.evidencePath,
  });
  // Failed runs are stored too: for a commit, the latest verdict is the one promotion reads.
  if (inputs.evidenceRepository !== undefined) {
    // Loaded only when used: the registry client would otherwise slow every run of the action.
    const { storeSourceLaneEvidence } = await import('@digestline/core/checks/store');
    await storeSourceLaneEvidence(lane.evidencePath, inputs.evidenceRepository, { log: stepLog });
  }
  if (lane.result === 'failed') throw new Error(failureMessage(lane.outcomes));
}
