import { tmpdir } from 'node:os';
import { runAction } from '@digestline/core/action';
import { setOutputs } from '@digestline/core/step';
import { runSourceLane } from '@digestline/core/checks/lane';
import { failureMessage } from '@digestline/core/checks/report';
import { selectEngine } from '@digestline/core/engine/select';
import { Outputs } from './constants.js';
import { getInputs } from './context.js';

await runAction('fast-check', async () => {
  const inputs = await getInputs();
  const lane = await runSourceLane(
    {
      plan: inputs.plan,
      ...(inputs.image !== undefined ? { image: inputs.image } : {}),
      insecure: inputs.insecure,
      concurrency: inputs.concurrency,
      failFast: inputs.failFast,
      envNames: inputs.envNames,
      ...(inputs.signingKey !== undefined ? { signingKey: inputs.signingKey } : {}),
      tempDir: process.env.RUNNER_TEMP || tmpdir(),
    },
    { engine: () => selectEngine(inputs.engine) },
  );
  setOutputs({
    [Outputs.Result]: lane.result,
    [Outputs.Failed]: lane.failed.join(','),
    [Outputs.Report]: lane.reportPath,
    [Outputs.Evidence]: lane.evidencePath,
  });
  // Failed runs are stored too: for a commit, the latest verdict is the one promotion reads.
  if (inputs.evidenceRepository !== undefined) {
    // Loaded only when used: the registry client would otherwise slow every start of the action.
    const { storeSourceLaneEvidence } = await import('@digestline/core/checks/store');
    await storeSourceLaneEvidence(lane.evidencePath, inputs.evidenceRepository);
  }
  if (lane.result === 'failed') throw new Error(failureMessage(lane.outcomes));
});
