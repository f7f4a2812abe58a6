/**
 * deploy-staging's entry points: {@link deploy} promoted digests to one host as the stack project
 * `<environment>`, `rollback` to an earlier verified deployment (rollback.ts), and report the
 * `status` (status.ts). A deployment is verified (digests, then health checks through a soak
 * window) and recorded in the ledger step by step (deployment.ts); a failed one is rolled back to
 * the last verified deployment.
 */
import { join } from 'node:path';
import type { ImageSet } from '../inputs.js';
import type { HostAccess } from '../stack/build/build.js';
import type { StackSpec } from '../stack/compose/types.js';
import { Deployer, type Plan } from './deployment.js';
import { currentDeployment } from './deployments.js';
import type { HealthCheck } from './health.js';
import { resolve, type DeployerOptions } from './options.js';
import { finish, type DeployOutcome, type DeploymentReport } from './outcome.js';
import { digestMap } from './images.js';
import { requirePromotions, type PromotionTrust } from './promotion.js';
import { prepare, withLock } from './recovery.js';
import { autoRollback } from './rollback.js';
import { snapshotSources } from './snapshots.js';
import { loadDeployStack, requireStablePorts, storedStackSpec, storeStack } from './stack-file.js';

/** A `deploy` request. */
export interface DeployRequest {
  /** Path of the stack file (read, parsed and stored before anything changes). */
  stackFile: string;
  images: ImageSet;
  healthChecks: HealthCheck[];
  soakMs: number;
  autoRollback: boolean;
  /** The `require-digests` input: a service's own tag is refused instead of resolved. */
  requireDigests?: boolean;
  /** The job's workspace (default the working directory): its files that the stack mounts are copied. */
  workspace?: string;
  /** The `allow-*` inputs (`allow-host-paths`: host paths and writable bind mounts as written). */
  allow?: HostAccess;
}

/**
 * Whose signature admits a promotion record.
 *
 * @throws Error when there is neither a promotion key nor `allowUnsigned`, or both
 */
function promotionTrust(o: DeployerOptions): PromotionTrust {
  if (o.promotionKey !== undefined && o.allowUnsigned === true) {
    throw new Error('promotionKey and allowUnsigned exclude each other: give one or the other');
  }
  if (o.promotionKey !== undefined) return { key: o.promotionKey };
  if (o.allowUnsigned === true) return { unsignedAllowed: true };
  throw new Error(
    'no promotion public key: promotion records cannot be verified; give promotionKey, or allowUnsigned to deploy on unsigned records',
  );
}

/**
 * Deploys `images` with the stack file: parses the stack (placeholders, fixed host ports), keeps a
 * copy of every workspace file it mounts in the state directory (snapshots.ts; the deployment and
 * its rollbacks mount the copies) and requires one promotion record of exactly this set (signed by
 * `promotionKey`) before anything runs; then, under the ledger lock, records interrupted runs, records `started`, recreates the
 * stack, verifies digests and soaks the health checks, records the outcome, and rolls back
 * automatically on failure.
 *
 * @throws Error (and starts nothing) for a bad stack file, a writable bind mount without
 *   `allow.hostPaths`, files over the copy limit or unpromoted images; deployment
 *   failures are not thrown but returned as `status: 'failed'` or `'rolled-back'`
 */
export async function deploy(o: DeployerOptions, req: DeployRequest): Promise<DeployOutcome> {
  const trust = promotionTrust(o);
  const r = resolve(o);
  const workspace = req.workspace ?? process.cwd();
  const loaded = await loadDeployStack(req.stackFile, req.images, r.log, {
    requireDigests: req.requireDigests ?? false,
    workspace,
    ...(req.allow !== undefined ? { allow: req.allow } : {}),
  });
  requireStablePorts(loaded.spec);
  // The deployment runs from copies of the workspace files it mounts, as a rollback will.
  const { model, snapshots } = await snapshotSources(loaded.model, o.stateDir, req.stackFile, {
    workspace,
    hostPaths: req.allow?.hostPaths === true,
    env: process.env,
  });
  for (const s of snapshots) {
    r.log.info(`${s.path}: ${s.source} (${s.bytes} B) is mounted read-only from its copy ${s.stored}`);
  }
  const modelText = JSON.stringify(model, null, 2);
  const spec: StackSpec = {
    ...storedStackSpec(modelText, join(o.stateDir, 'stacks', 'model.json'), req.images),
    source: req.stackFile,
  };
  const promotions = await requirePromotions(req.images, {
    log: r.log,
    trust,
    ...(o.clientFor !== undefined ? { clientFor: o.clientFor } : {}),
  });
  // One record admits the whole set (requirePromotions checked), so one commit.
  const record = promotions[0]!;
  r.log.info(
    `promoted together by record ${record.record.slice(0, 19)}… (commit ${record.commit.slice(0, 12)}, ${record.timeVerified}, ${record.runUrl}): ${promotions.map((p) => `${p.name} (evidence ${p.evidence.slice(0, 19)}…)`).join(', ')}`,
  );
  const d = new Deployer(o, r);
  return withLock(o, r, `deploy to ${o.environment}`, async () => {
    const { records, recovered, torn } = await prepare(o, r);
    const current = currentDeployment(records);
    const plan: Plan = {
      kind: 'deploy',
      spec,
      digests: digestMap(req.images),
      // The normalised model, not the file: a rollback starts the same stack without the .env,
      // env files and variables this job had.
      stack: await storeStack(o.stateDir, modelText),
      checks: req.healthChecks,
      soakMs: req.soakMs,
      commit: record.commit,
      promotion: record.record,
    };
    if (current !== undefined) plan.previous = current.id;
    const primary = await d.run(plan);
    let rollback: { report: DeploymentReport; spec: StackSpec } | undefined;
    if (!primary.ok && req.autoRollback) rollback = await autoRollback(d, primary, current, req.soakMs);
    const outcome = finish(primary, rollback?.report, current, recovered, torn);
    await d.writeMetrics(outcome.status, rollback?.report ?? primary, rollback?.spec ?? spec);
    return outcome;
  });
}
