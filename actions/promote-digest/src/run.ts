import { promote, promotedOutput, summarizePromotion } from '@digestline/core/promote/promote';
import { setOutputs, stepLog } from '@digestline/core/step';
import { group, writeSummary } from '@digestline/core/summary';
import { Outputs } from './constants.js';
import type { Inputs } from './context.js';

/** Promotes the image set with inputs already read and validated by `getInputs`. */
export async function run(inputs: Inputs): Promise<void> {
  const result = await promote({
    plan: inputs.plan,
    target: inputs.target,
    requiredLanes: inputs.require,
    commit: inputs.commit,
    recordDir: inputs.recordDir,
    log: stepLog,
    group,
    evidenceRun: inputs.evidenceRun,
    laneKeys: inputs.laneKeys,
    allowUnsigned: inputs.allowUnsigned,
    ...(inputs.signingKey !== undefined ? { signingKey: inputs.signingKey } : {}),
    ...(inputs.sourceCredentials !== undefined ? { sourceCredentials: inputs.sourceCredentials } : {}),
    ...(inputs.targetCredentials !== undefined ? { targetCredentials: inputs.targetCredentials } : {}),
  });
  setOutputs({ [Outputs.Promoted]: promotedOutput(result), [Outputs.Record]: result.recordPath });
  await writeSummary((s) => summarizePromotion(s, result));
}
