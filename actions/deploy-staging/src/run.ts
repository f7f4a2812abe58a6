import { deploy } from '@digestline/core/deploy/deployer';
import { rollback } from '@digestline/core/deploy/rollback';
import { status } from '@digestline/core/deploy/status';
import type { DeployerOptions } from '@digestline/core/deploy/options';
import { EventSink } from '@digestline/core/deploy/events';
import { summarizeDeploy, summarizeStatus } from '@digestline/core/deploy/report';
import { imageLines } from '@digestline/core/deploy/images';
import { setOutputs, stepLog } from '@digestline/core/step';
import { connectEngine } from '@digestline/core/engine/access';
import { writeSummary } from '@digestline/core/summary';
import { Outputs } from './constants.js';
import type { Inputs } from './context.js';

/** Deploys, rolls back or reports, with inputs already read and validated by `getInputs`. */
export async function run(inputs: Inputs): Promise<void> {
  const options: DeployerOptions = {
    environment: inputs.environment,
    stateDir: inputs.stateDir,
    engine: await connectEngine(inputs.engine, { log: stepLog }),
    events: new EventSink({
      log: stepLog,
      ...(inputs.eventsWebhook !== undefined ? { webhook: inputs.eventsWebhook } : {}),
    }),
    log: stepLog,
    runUrl: inputs.runUrl,
    ...(inputs.commit !== undefined ? { commit: inputs.commit } : {}),
    ...(inputs.metricsFile !== undefined ? { metricsFile: inputs.metricsFile } : {}),
    ...(inputs.promotionKey !== undefined ? { promotionKey: inputs.promotionKey } : {}),
    ...(inputs.allowUnsigned ? { allowUnsigned: true } : {}),
  };

  if (inputs.mode === 'status') {
    const report = await status(options);
    setOutputs({
      [Outputs.Status]:
        report.current === undefined || !report.consistent
          ? 'failed'
          : report.current.kind === 'rollback'
            ? 'rolled-back'
            : 'deployed',
      [Outputs.DeploymentId]: report.current?.id ?? '',
      [Outputs.Deployed]: imageLines(report.current?.digests ?? {}),
      [Outputs.Previous]: imageLines(report.previous?.digests ?? {}),
    });
    await writeSummary((s) => summarizeStatus(s, report));
    return;
  }

  const outcome =
    inputs.mode === 'deploy'
      ? await deploy(options, {
          stackFile: inputs.stack as string,
          images: inputs.images,
          healthChecks: inputs.healthChecks,
          soakMs: inputs.soakMs,
          autoRollback: inputs.autoRollback,
          requireDigests: inputs.requireDigests,
          allow: inputs.allow,
        })
      : await rollback(options, {
          ...(inputs.to !== undefined ? { to: inputs.to } : {}),
          ...(inputs.healthChecks.length > 0 ? { healthChecks: inputs.healthChecks } : {}),
          soakMs: inputs.soakMs,
          autoRollback: inputs.autoRollback,
        });
  setOutputs({
    [Outputs.Status]: outcome.status,
    [Outputs.DeploymentId]: outcome.deploymentId,
    [Outputs.Deployed]: imageLines(outcome.deployed),
    [Outputs.Previous]: imageLines(outcome.previous),
  });
  await writeSummary((s) => summarizeDeploy(s, inputs.environment, outcome));
  const asked = inputs.mode === 'deploy' ? 'deployed' : 'rolled-back';
  if (outcome.status !== asked) {
    const rolled = outcome.rollback?.ok
      ? `; rolled back to ${outcome.previousId ?? '?'} (${outcome.rollback.id})`
      : '';
    throw new Error(
      `${inputs.mode} ${outcome.deploymentId} failed: ${outcome.primary.failure ?? 'unknown'}${rolled}`,
    );
  }
}
