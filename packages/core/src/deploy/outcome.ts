/**
 * What a deploy or rollback run reports: how each deployment went, and the run's result as the
 * step outputs and summary present it.
 */
import type { DeploymentEntry } from './deployments.js';
import type { DeploymentKind } from './ledger-record.js';
import type { DeployResult } from './metrics.js';

/** How one deployment (of either kind) went. */
export interface DeploymentReport {
  id: string;
  kind: DeploymentKind;
  ok: boolean;
  digests: Record<string, string>;
  deployMs: number;
  soakMs: number;
  soakRounds: number;
  failure?: string;
  /** Diagnostics written on failure (logs, inspect output). */
  bundleDir?: string;
}

/** What a `deploy` or `rollback` run did. */
export interface DeployOutcome {
  status: DeployResult;
  /** The deployment this run was asked for (on rollback after failure, the failed one). */
  deploymentId: string;
  /** Digests live after the run (per the ledger): the rollback target's when rolled back. */
  deployed: Record<string, string>;
  /** Digests of the deployment that was live before the run (empty on a first deployment). */
  previous: Record<string, string>;
  previousId?: string;
  /** The requested deployment. */
  primary: DeploymentReport;
  /** The automatic rollback, when one ran. */
  rollback?: DeploymentReport;
  /** Orphaned deployments (killed runs) this run found and recorded as `interrupted`. */
  recovered: string[];
  /** Torn ledger fragment set aside at the start of this run. */
  tornFragment?: string;
}

/**
 * The outcome of a run from its requested deployment and the automatic rollback, if one ran (pure):
 * `current` is the deployment that was live before the run.
 */
export function finish(
  primary: DeploymentReport,
  rollback: DeploymentReport | undefined,
  current: DeploymentEntry | undefined,
  recovered: string[],
  torn: string | undefined,
): DeployOutcome {
  const previous = current?.latest.digests ?? {};
  let status: DeployResult;
  let deployed: Record<string, string>;
  if (primary.ok) {
    status = primary.kind === 'rollback' ? 'rolled-back' : 'deployed';
    deployed = primary.digests;
  } else if (rollback?.ok) {
    status = 'rolled-back';
    deployed = rollback.digests;
  } else {
    status = 'failed';
    deployed = {};
  }
  const outcome: DeployOutcome = { status, deploymentId: primary.id, deployed, previous, primary, recovered };
  if (current !== undefined) outcome.previousId = current.id;
  if (rollback !== undefined) outcome.rollback = rollback;
  if (torn !== undefined) outcome.tornFragment = torn;
  return outcome;
}
