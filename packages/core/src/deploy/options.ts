/**
 * The settings every deploy-staging mode (deploy, rollback, status) shares, and what a run derives
 * from them once.
 */
import type { ContainerEngine } from '../engine/engine.js';
import type { EvidenceRegistry } from '../evidence/registry.js';
import type { Log } from '../log.js';
import { STACK_NAME_PATTERN } from '../stack/names.js';
import type { EventSink } from './events.js';
import { Ledger } from './ledger.js';

/** Label put on everything of an environment's stack, next to the stack's own labels. */
export const ENVIRONMENT_LABEL = 'dev.digestline.environment';

/** Shared settings of every mode. */
export interface DeployerOptions {
  /** The environment: stack project name and volume prefix (`[a-z0-9][a-z0-9_-]*`). */
  environment: string;
  /** Holds ledger.jsonl, stored stack files and failure bundles. */
  stateDir: string;
  engine: ContainerEngine;
  events: EventSink;
  /** Where progress lines and warnings go (the action passes the step log). */
  log: Log;
  /** Prometheus text file to (re)write after a deploy or rollback. */
  metricsFile?: string;
  /** The run's commit (GITHUB_SHA), used when the images' promotion records disagree or are absent. */
  commit?: string;
  /** Web URL of the CI run, `unknown` when not derivable. */
  runUrl?: string;
  /** How long `Stack.up` may take (default 120 s). */
  readinessTimeoutMs?: number;
  /** How long to wait for another run's ledger lock (default 10 minutes). */
  lockTimeoutMs?: number;
  /** Start-to-start time of soak rounds (default 1 s). */
  soakIntervalMs?: number;
  /** Registry client per host, for promotion records (default: RegistryClient with auth files). */
  clientFor?: (registry: string) => EvidenceRegistry;
  /**
   * PEM ECDSA P-256 public key of promote-digest (the promotion key, not a lane key): `deploy` admits
   * only promotion records signed by it. A deploy without it refuses to start unless
   * `allowUnsigned` is set. Rollbacks and status do not read promotion records.
   */
  promotionKey?: string;
  /** Accept promotion records without checking their signature (loud warning); excludes `promotionKey`. */
  allowUnsigned?: boolean;
}

/** {@link DeployerOptions} with defaults applied and the environment's ledger opened. */
export interface Resolved {
  log: Log;
  ledger: Ledger;
  runUrl: string;
  soakIntervalMs: number;
}

/**
 * Checks the environment name and applies the defaults.
 *
 * @throws Error when the environment cannot name containers and volumes
 */
export function resolve(o: DeployerOptions): Resolved {
  if (!STACK_NAME_PATTERN.test(o.environment)) {
    throw new Error(
      `environment ${JSON.stringify(o.environment)} must match ${STACK_NAME_PATTERN.source} (it names containers and volumes)`,
    );
  }
  return {
    log: o.log,
    ledger: new Ledger(o.stateDir),
    runUrl: o.runUrl ?? 'unknown',
    soakIntervalMs: o.soakIntervalMs ?? 1000,
  };
}
