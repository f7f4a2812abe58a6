/**
 * Rollbacks: by hand (`mode: rollback`) to an earlier verified deployment, and automatic after a
 * failed deployment, to the one that was live before it. Both redeploy the target's recorded digests
 * with its stored stack file.
 */
import { errorMessage } from '../errors.js';
import { parseImageRef, type ImageSet } from '../inputs.js';
import { pinImage } from '../reference.js';
import type { ComposeModel } from '../stack/compose/model.js';
import type { StackSpec } from '../stack/compose/types.js';
import { Deployer, type Plan } from './deployment.js';
import { currentDeployment, rollbackTarget, type DeploymentEntry } from './deployments.js';
import { parseHealthChecks, type HealthCheck } from './health.js';
import { resolve, type DeployerOptions } from './options.js';
import { finish, type DeployOutcome, type DeploymentReport } from './outcome.js';
import { prepare, withLock } from './recovery.js';
import { verifySnapshots } from './snapshots.js';
import { loadStoredStack, storedStackSpec } from './stack-file.js';

/** A manual `rollback` request. */
export interface RollbackRequest {
  /** Deployment id to go back to; default the last verified one before the current. */
  to?: string;
  /** Checks to verify with; default the checks the target was verified with. */
  healthChecks?: HealthCheck[];
  soakMs: number;
  autoRollback: boolean;
}

/**
 * The image set a deployment was recorded with. The ledger holds references as text; this is the one
 * place they become a typed set again, with the image set's rules (pinned by digest, no tag).
 *
 * @throws InputError or Error naming the deployment when a recorded reference breaks those rules
 */
function recordedImages(entry: DeploymentEntry): ImageSet {
  const what = `deployment ${entry.id}`;
  return Object.entries(entry.latest.digests).map(([name, text]) => {
    const ref = parseImageRef(text, what, { requireDigest: true });
    if (ref.tag !== undefined) throw new Error(`${what}: ${name}=${text} has a tag next to its digest`);
    return pinImage(name, ref);
  });
}

/** The plan that redeploys a verified deployment. */
async function rollbackPlan(
  stateDir: string,
  target: DeploymentEntry,
  rollbackOf: string,
  previous: string | undefined,
  checks: HealthCheck[] | undefined,
  soakMs: number,
): Promise<Plan> {
  const { text, source } = await loadStoredStack(stateDir, target);
  const spec = storedStackSpec(text, source, recordedImages(target));
  // The copies of workspace files it mounts must still be the bytes deployed (their names are their hashes).
  if (text.trimStart().startsWith('{')) {
    await verifySnapshots(JSON.parse(text) as ComposeModel, stateDir, `deployment ${target.id}`);
  }
  const plan: Plan = {
    kind: 'rollback',
    spec,
    digests: target.latest.digests,
    stack: (target.started ?? target.latest).stack as { path: string; sha256: string },
    checks:
      checks ?? parseHealthChecks((target.latest.healthChecks ?? []).join('\n'), `deployment ${target.id}`),
    soakMs,
    commit: target.latest.commit,
    rollbackOf,
    restores: target.id,
  };
  // The restored digests were admitted together by this record when they were deployed; the
  // rollback is not re-checked (the registry may be down) but keeps saying which record it was.
  if (target.latest.promotion !== undefined) plan.promotion = target.latest.promotion;
  if (previous !== undefined) plan.previous = previous;
  return plan;
}

/**
 * After a failed deployment: redeploy the last verified one with a shorter soak, using the checks
 * it was verified with (the failed deployment's checks may expect the new version).
 */
export async function autoRollback(
  d: Deployer,
  failed: DeploymentReport,
  current: DeploymentEntry | undefined,
  soakMs: number,
): Promise<{ report: DeploymentReport; spec: StackSpec } | undefined> {
  if (current === undefined) {
    d.r.log.warning(`${failed.id} failed and no deployment has verified before it: nothing to roll back to`);
    return undefined;
  }
  const rollbackSoak = Math.min(soakMs, Math.max(5000, Math.round(soakMs / 3)));
  d.r.log.info(`rolling back to ${current.id} (soak ${rollbackSoak / 1000}s)`);
  let plan: Plan;
  try {
    plan = await rollbackPlan(d.o.stateDir, current, failed.id, current.id, undefined, rollbackSoak);
  } catch (err) {
    d.r.log.warning(`cannot roll back to ${current.id}: ${errorMessage(err)}`);
    return undefined;
  }
  return { report: await d.run(plan), spec: plan.spec };
}

/**
 * Redeploys an earlier verified deployment (`to`, or the last verified one before the current
 * whose digests differ) with its stored stack file, and verifies it like a deployment. Promotion
 * is not re-checked: the target passed that gate when it was deployed, and a rollback must work
 * while the registry is down (the images are on the host already).
 */
export async function rollback(o: DeployerOptions, req: RollbackRequest): Promise<DeployOutcome> {
  const r = resolve(o);
  const d = new Deployer(o, r);
  return withLock(o, r, `rollback of ${o.environment}`, async () => {
    const { records, recovered, torn } = await prepare(o, r);
    const current = currentDeployment(records);
    const target = rollbackTarget(records, req.to);
    const plan = await rollbackPlan(
      o.stateDir,
      target,
      current?.id ?? target.id,
      current?.id,
      req.healthChecks,
      req.soakMs,
    );
    const primary = await d.run(plan);
    let back: { report: DeploymentReport; spec: StackSpec } | undefined;
    if (!primary.ok && req.autoRollback && current !== undefined && current.id !== target.id) {
      back = await autoRollback(d, primary, current, req.soakMs);
    }
    const outcome = finish(primary, back?.report, current, recovered, torn);
    // A failed manual rollback that was itself undone leaves the environment where it was.
    if (!primary.ok && back?.report.ok) outcome.status = 'failed';
    await d.writeMetrics(outcome.status, back?.report ?? primary, back?.spec ?? plan.spec);
    return outcome;
  });
}
