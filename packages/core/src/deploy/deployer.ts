/**
 * deploy-staging's engine room: deploy promoted digests to one host as the stack project
 * `<environment>`, verify them (digests, then health checks through a soak window), record every
 * step in the ledger, and roll back to the last verified deployment when verification fails.
 *
 * Strategy: **recreate**. The old stack is stopped and removed, then the new one is started. A
 * single staging host has no load balancer to shift traffic between two copies (blue/green needs a
 * proxy we do not have), and a named volume has one writer at a time: two versions writing the same
 * data directory at once is how staging data gets corrupted. Named volumes are prefixed with the
 * environment (`<environment>_<volume>`), not the deployment, so data survives every redeploy and
 * rollback. Published host ports must be fixed in the stack file so health-check URLs stay valid.
 */
import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerEngine } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import { parseImageSet, type ImageSet } from '../inputs.js';
import { parseReference } from '../reference.js';
import type { EvidenceRegistry } from '../evidence/store.js';
import { STACK_NAME_PATTERN, parseStack, type StackSpec } from '../stack/spec.js';
import { Stack, StackStartError } from '../stack/stack.js';
import type { EventSink, DeployEventName } from './events.js';
import { parseHealthChecks, soak, type HealthCheck } from './health.js';
import {
  Ledger,
  currentDeployment,
  deploymentsOf,
  newDeploymentId,
  pendingDeployments,
  processAlive,
  rollbackTarget,
  verifiedDeployments,
  type DeploymentEntry,
  type DeploymentKind,
  type LedgerRecord,
  type UnreadableLine,
} from './ledger.js';
import { renderMetrics, writeFileAtomic, type DeployResult } from './metrics.js';
import { digestMap, requirePromotions, type PromotionInfo } from './promotion.js';

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
   * PEM ECDSA P-256 public key promotion records must be signed with. Without it unsigned records
   * are accepted (with a warning).
   */
  publicKey?: string;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

/** A `deploy` request. */
export interface DeployRequest {
  /** Path of the stack file (read, parsed and stored before anything changes). */
  stackFile: string;
  images: ImageSet;
  healthChecks: HealthCheck[];
  soakMs: number;
  autoRollback: boolean;
}

/** A manual `rollback` request. */
export interface RollbackRequest {
  /** Deployment id to go back to; default the last verified one before the current. */
  to?: string;
  /** Checks to verify with; default the checks the target was verified with. */
  healthChecks?: HealthCheck[];
  soakMs: number;
  autoRollback: boolean;
}

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

/** A service as it runs now. */
export interface LiveService {
  service: string;
  container: string;
  status: string;
  running: boolean;
  /** The digest reference the container was started for. */
  image: string;
}

/** What `status` reports. */
export interface StatusReport {
  environment: string;
  ledgerPath: string;
  current?: {
    id: string;
    kind: DeploymentKind;
    status: string;
    /** When it became live (its final record). */
    since: string;
    startedAt?: string;
    commit: string;
    runUrl: string;
    digests: Record<string, string>;
    rollbackOf?: string;
    restores?: string;
  };
  /** The verified deployment before the current one. */
  previous?: { id: string; since: string; digests: Record<string, string> };
  live: LiveService[];
  /** True when every live service runs and runs exactly the current deployment's digests. */
  consistent: boolean;
  problems: string[];
  /** Deployments with a `started` record and no final one. */
  pending: Array<{ id: string; pid?: number; hostname?: string; running: boolean }>;
  unreadable: UnreadableLine[];
  tornTail: boolean;
  /** Most recent deployments first (up to 10). */
  history: Array<{ id: string; kind: DeploymentKind; status: string; time: string; commit: string }>;
}

interface Resolved {
  log: (line: string) => void;
  warn: (line: string) => void;
  ledger: Ledger;
  runUrl: string;
  soakIntervalMs: number;
}

function resolve(o: DeployerOptions): Resolved {
  if (!STACK_NAME_PATTERN.test(o.environment)) {
    throw new Error(
      `environment ${JSON.stringify(o.environment)} must match ${STACK_NAME_PATTERN.source} (it names containers and volumes)`,
    );
  }
  return {
    log: o.log ?? ((l) => core.info(l)),
    warn: o.warn ?? ((l) => core.warning(l)),
    ledger: new Ledger(o.stateDir),
    runUrl: o.runUrl ?? 'unknown',
    soakIntervalMs: o.soakIntervalMs ?? 1000,
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Refuses stacks whose health-check URLs could move between deployments: every published port
 * needs a fixed host port (pure).
 *
 * @throws Error naming the services and ports without one
 */
export function requireStablePorts(spec: StackSpec): void {
  const loose = spec.services.flatMap((s) =>
    s.ports
      .filter((p) => p.hostPort === undefined)
      .map((p) => `${s.name} (container port ${p.containerPort})`),
  );
  if (loose.length > 0) {
    throw new Error(
      `${spec.source}: deploy-staging needs fixed host ports so health-check URLs stay valid across deployments; ` +
        `give these a host port ("127.0.0.1:18080:8080"): ${loose.join(', ')}`,
    );
  }
}

/** Stack service → digest it runs, for metrics. */
function serviceDigests(spec: StackSpec): Record<string, string> {
  return Object.fromEntries(spec.services.map((s) => [s.name, parseReference(s.image).digest ?? s.image]));
}

/** The stack file copy a deployment is recorded with: `stacks/<sha256>.yaml`, content-addressed. */
async function storeStack(stateDir: string, text: string): Promise<{ path: string; sha256: string }> {
  const hash = sha256(text);
  const path = `stacks/${hash}.yaml`;
  await mkdir(join(stateDir, 'stacks'), { recursive: true });
  await writeFileAtomic(join(stateDir, path), text);
  return { path, sha256: hash };
}

async function loadStoredStack(
  stateDir: string,
  entry: DeploymentEntry,
): Promise<{ text: string; source: string }> {
  const stored = (entry.started ?? entry.latest).stack ?? entry.latest.stack;
  if (stored === undefined) throw new Error(`deployment ${entry.id} has no stored stack file in the ledger`);
  const source = join(stateDir, stored.path);
  const text = await readFile(source, 'utf8').catch((err: unknown) => {
    throw new Error(
      `the stack file of deployment ${entry.id} (${source}) cannot be read: ${errorMessage(err)}`,
    );
  });
  if (sha256(text) !== stored.sha256) {
    throw new Error(
      `the stored stack file ${source} was changed since deployment ${entry.id} (sha256 differs)`,
    );
  }
  return { text, source };
}

function imageSetOf(digests: Record<string, string>, what: string): ImageSet {
  return parseImageSet(
    Object.entries(digests)
      .map(([n, r]) => `${n}=${r}`)
      .join('\n'),
    what,
  );
}

/** The single commit the promotion records agree on, else the run's commit. */
function commitOf(promotions: readonly PromotionInfo[], fallback: string | undefined): string {
  const commits = new Set(promotions.map((p) => p.commit));
  if (commits.size === 1) return [...commits][0] as string;
  return fallback ?? 'unknown';
}

/** One deployment to run: what to start and how to verify it. */
interface Plan {
  kind: DeploymentKind;
  spec: StackSpec;
  digests: Record<string, string>;
  stack: { path: string; sha256: string };
  checks: HealthCheck[];
  soakMs: number;
  commit: string;
  previous?: string;
  rollbackOf?: string;
  restores?: string;
}

class Deployer {
  constructor(
    private readonly o: DeployerOptions,
    private readonly r: Resolved,
  ) {}

  private record(
    plan: Plan,
    id: string,
    fields: Partial<LedgerRecord> & Pick<LedgerRecord, 'status'>,
  ): LedgerRecord {
    const rec: LedgerRecord = {
      id,
      time: new Date().toISOString(),
      environment: this.o.environment,
      kind: plan.kind,
      commit: plan.commit,
      runUrl: this.r.runUrl,
      digests: plan.digests,
      durations: {},
      stack: plan.stack,
      healthChecks: plan.checks.map((c) => c.text),
      ...fields,
    };
    if (plan.previous !== undefined) rec.previous = plan.previous;
    if (plan.rollbackOf !== undefined) rec.rollbackOf = plan.rollbackOf;
    if (plan.restores !== undefined) rec.restores = plan.restores;
    return rec;
  }

  private async event(
    name: DeployEventName,
    plan: Plan,
    id: string,
    extra: { detail?: string; durations?: { deployMs?: number; soakMs?: number } } = {},
  ): Promise<void> {
    await this.o.events.emit({
      event: name,
      environment: this.o.environment,
      deploymentId: id,
      kind: plan.kind,
      digests: plan.digests,
      commit: plan.commit,
      runUrl: this.r.runUrl,
      ...(plan.previous !== undefined ? { previous: plan.previous } : {}),
      ...(plan.rollbackOf !== undefined ? { rollbackOf: plan.rollbackOf } : {}),
      ...extra,
    });
  }

  /** Records `started`, replaces the stack, verifies it, records the outcome. Never throws. */
  async run(plan: Plan): Promise<DeploymentReport> {
    const id = newDeploymentId();
    const report: DeploymentReport = {
      id,
      kind: plan.kind,
      ok: false,
      digests: plan.digests,
      deployMs: 0,
      soakMs: 0,
      soakRounds: 0,
    };
    await this.r.ledger.append(
      this.record(plan, id, { status: 'started', pid: process.pid, hostname: hostname() }),
    );
    await this.event('started', plan, id);
    this.r.log(
      `${plan.kind === 'rollback' ? 'rollback' : 'deployment'} ${id}: ${Object.entries(plan.digests)
        .map(([n, d]) => `${n}=${d}`)
        .join(', ')}`,
    );
    const started = performance.now();
    let stack: Stack | undefined;
    try {
      await this.removeCurrentStack();
      stack = await Stack.up({
        project: this.o.environment,
        volumePrefix: this.o.environment,
        engine: this.o.engine,
        spec: plan.spec,
        labels: { [ENVIRONMENT_LABEL]: this.o.environment },
        readiness: { timeoutMs: this.o.readinessTimeoutMs ?? 120_000 },
        log: this.r.log,
      });
      await stack.verifyDigests();
      report.deployMs = Math.round(performance.now() - started);
      this.r.log(
        `${id}: started and digests verified in ${(report.deployMs / 1000).toFixed(1)}s; soaking ${plan.soakMs / 1000}s with ${plan.checks.length} health check(s)`,
      );
      const running = stack;
      const result = await soak({
        checks: plan.checks,
        durationMs: plan.soakMs,
        intervalMs: this.r.soakIntervalMs,
        alsoCheck: async () => {
          const down = (await running.inspect()).filter((s) => !s.running);
          return down.length === 0
            ? undefined
            : `stopped during the soak: ${down.map((s) => `${s.service} (${s.status}, exit ${s.exitCode})`).join(', ')}`;
        },
      });
      report.soakMs = result.elapsedMs;
      report.soakRounds = result.rounds;
      if (!result.ok)
        throw new Error(`health check failed in soak round ${result.rounds}: ${result.failure}`);
      report.ok = true;
    } catch (err) {
      if (report.deployMs === 0) report.deployMs = Math.round(performance.now() - started);
      report.failure = errorMessage(err);
      const partial = err instanceof StackStartError ? err.partialStack : stack;
      if (partial !== undefined) {
        report.bundleDir = join(this.o.stateDir, 'bundles', id);
        await partial.collectBundle(report.bundleDir).catch((e: unknown) => {
          this.r.warn(`${id}: could not write the diagnostics bundle: ${errorMessage(e)}`);
        });
      }
    }
    const durations = { deployMs: report.deployMs, soakMs: report.soakMs };
    if (report.ok) {
      await this.r.ledger.append(
        this.record(plan, id, { status: plan.kind === 'rollback' ? 'rolled-back' : 'verified', durations }),
      );
      await this.event('healthy', plan, id, { durations });
      await this.event(plan.kind === 'rollback' ? 'rolled-back' : 'deployed', plan, id, { durations });
    } else {
      const reason = report.failure ?? 'unknown failure';
      this.r.warn(
        `${id}: ${reason}${report.bundleDir !== undefined ? ` (diagnostics: ${report.bundleDir})` : ''}`,
      );
      await this.r.ledger.append(this.record(plan, id, { status: 'failed', durations, reason }));
      await this.event('unhealthy', plan, id, { detail: reason, durations });
      await this.event('failed', plan, id, { detail: reason, durations });
    }
    return report;
  }

  private async removeCurrentStack(): Promise<void> {
    let current: Stack;
    try {
      current = await Stack.attach(this.o.environment, this.o.engine);
    } catch {
      return; // Nothing deployed yet.
    }
    this.r.log(`stopping the running ${this.o.environment} stack (recreate)`);
    const started = performance.now();
    // Anonymous volumes go with their containers; named volumes (the environment's data) stay.
    await current.down({ volumes: 'anonymous' });
    this.r.log(`stopped and removed the old containers in ${Math.round(performance.now() - started)} ms`);
  }

  /**
   * Finds deployments whose run died (a `started` record without a final one) and records them as
   * `interrupted`. The live state is made consistent by what this run does next: it replaces the
   * stack with its own verified deployment, or rolls back to the last verified one.
   */
  async recoverInterrupted(records: readonly LedgerRecord[]): Promise<string[]> {
    const recovered: string[] = [];
    for (const entry of pendingDeployments(records)) {
      const s = entry.started as LedgerRecord;
      if (s.hostname === hostname() && s.pid !== undefined && s.pid !== process.pid && processAlive(s.pid)) {
        throw new Error(
          `deployment ${entry.id} (pid ${s.pid}) is still running but does not hold the ledger lock; stop it or remove it before deploying again`,
        );
      }
      const reason = `its run (pid ${s.pid ?? '?'} on ${s.hostname ?? '?'}) ended without recording an outcome; found by a later run`;
      this.r.warn(`deployment ${entry.id} was interrupted: ${reason}`);
      const rec: LedgerRecord = {
        ...s,
        time: new Date().toISOString(),
        status: 'interrupted',
        reason,
        durations: {},
      };
      delete rec.pid;
      delete rec.hostname;
      await this.r.ledger.append(rec);
      await this.o.events.emit({
        event: 'failed',
        environment: this.o.environment,
        deploymentId: entry.id,
        kind: s.kind,
        digests: s.digests,
        commit: s.commit,
        runUrl: s.runUrl,
        detail: `interrupted: ${reason}`,
      });
      recovered.push(entry.id);
    }
    return recovered;
  }

  /** The plan that redeploys a verified deployment. */
  async rollbackPlan(
    target: DeploymentEntry,
    rollbackOf: string,
    previous: string | undefined,
    checks: HealthCheck[] | undefined,
    soakMs: number,
  ): Promise<Plan> {
    const { text, source } = await loadStoredStack(this.o.stateDir, target);
    const spec = parseStack(text, source, imageSetOf(target.latest.digests, `deployment ${target.id}`));
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
    if (previous !== undefined) plan.previous = previous;
    return plan;
  }

  async writeMetrics(result: DeployResult, report: DeploymentReport, spec: StackSpec): Promise<void> {
    if (this.o.metricsFile === undefined || this.o.metricsFile === '') return;
    try {
      const { records } = await this.r.ledger.read();
      const totals: Record<string, number> = {};
      for (const d of deploymentsOf(records))
        if (d.final) totals[d.final.status] = (totals[d.final.status] ?? 0) + 1;
      const current = currentDeployment(records);
      await writeFileAtomic(
        this.o.metricsFile,
        renderMetrics({
          environment: this.o.environment,
          result,
          deployMs: report.deployMs,
          soakMs: report.soakMs,
          services: serviceDigests(spec),
          totals,
          ...(current?.final !== undefined ? { lastSuccess: new Date(current.final.time) } : {}),
        }),
      );
    } catch (err) {
      this.r.warn(`metrics-file: could not write ${this.o.metricsFile}: ${errorMessage(err)}`);
    }
  }

  /**
   * After a failed deployment: redeploy the last verified one with a shorter soak, using the checks
   * it was verified with (the failed deployment's checks may expect the new version).
   */
  async autoRollback(
    failed: DeploymentReport,
    current: DeploymentEntry | undefined,
    soakMs: number,
  ): Promise<{ report: DeploymentReport; spec: StackSpec } | undefined> {
    if (current === undefined) {
      this.r.warn(`${failed.id} failed and no deployment has verified before it: nothing to roll back to`);
      return undefined;
    }
    const rollbackSoak = Math.min(soakMs, Math.max(5000, Math.round(soakMs / 3)));
    this.r.log(`rolling back to ${current.id} (soak ${rollbackSoak / 1000}s)`);
    let plan: Plan;
    try {
      plan = await this.rollbackPlan(current, failed.id, current.id, undefined, rollbackSoak);
    } catch (err) {
      this.r.warn(`cannot roll back to ${current.id}: ${errorMessage(err)}`);
      return undefined;
    }
    return { report: await this.run(plan), spec: plan.spec };
  }
}

async function withLock<T>(
  o: DeployerOptions,
  r: Resolved,
  purpose: string,
  fn: () => Promise<T>,
): Promise<T> {
  const lock = await r.ledger.lock({
    purpose,
    log: r.log,
    ...(o.lockTimeoutMs !== undefined ? { timeoutMs: o.lockTimeoutMs } : {}),
  });
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

/** Reads the ledger under the lock, setting a torn tail aside and recording interrupted runs. */
async function prepare(
  d: Deployer,
  r: Resolved,
): Promise<{ records: LedgerRecord[]; recovered: string[]; torn?: string }> {
  const torn = await r.ledger.setAsideTornTail();
  if (torn !== undefined) {
    r.warn(
      `the ledger ended in a torn line (a crash during a write): copied to ledger.torn.jsonl and ended with a newline: ${JSON.stringify(torn.slice(0, 120))}`,
    );
  }
  const first = await r.ledger.read();
  for (const u of first.unreadable)
    r.warn(`ledger line ${u.line} is unreadable (${u.reason}); it is kept as is`);
  const recovered = await d.recoverInterrupted(first.records);
  const records = recovered.length > 0 ? (await r.ledger.read()).records : first.records;
  return torn !== undefined ? { records, recovered, torn } : { records, recovered };
}

function finish(
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

/**
 * Deploys `images` with the stack file: parses the stack (placeholders, fixed host ports) and
 * requires a promotion record for every digest (signed by `publicKey` when given) before anything
 * changes; then, under the ledger lock, records interrupted runs, records `started`, recreates the
 * stack, verifies digests and soaks the health checks, records the outcome, and rolls back
 * automatically on failure.
 *
 * @throws Error (and changes nothing) for a bad stack file or unpromoted images; deployment
 *   failures are not thrown but returned as `status: 'failed'` or `'rolled-back'`
 */
export async function deploy(o: DeployerOptions, req: DeployRequest): Promise<DeployOutcome> {
  const r = resolve(o);
  const text = await readFile(req.stackFile, 'utf8').catch((err: unknown) => {
    throw new Error(`cannot read the stack file ${req.stackFile}: ${errorMessage(err)}`);
  });
  const spec = parseStack(text, req.stackFile, req.images);
  requireStablePorts(spec);
  const promotions = await requirePromotions(req.images, {
    warn: r.warn,
    ...(o.clientFor !== undefined ? { clientFor: o.clientFor } : {}),
    ...(o.publicKey !== undefined ? { publicKey: o.publicKey } : {}),
  });
  for (const p of promotions) {
    r.log(
      `${p.name}: promotion record ${p.record.slice(0, 19)}… (commit ${p.commit.slice(0, 12)}, ${p.timeVerified})`,
    );
  }
  const d = new Deployer(o, r);
  return withLock(o, r, `deploy to ${o.environment}`, async () => {
    const { records, recovered, torn } = await prepare(d, r);
    const current = currentDeployment(records);
    const plan: Plan = {
      kind: 'deploy',
      spec,
      digests: digestMap(req.images),
      stack: await storeStack(o.stateDir, text),
      checks: req.healthChecks,
      soakMs: req.soakMs,
      commit: commitOf(promotions, o.commit),
    };
    if (current !== undefined) plan.previous = current.id;
    const primary = await d.run(plan);
    let rollback: { report: DeploymentReport; spec: StackSpec } | undefined;
    if (!primary.ok && req.autoRollback) rollback = await d.autoRollback(primary, current, req.soakMs);
    const outcome = finish(primary, rollback?.report, current, recovered, torn);
    await d.writeMetrics(outcome.status, rollback?.report ?? primary, rollback?.spec ?? spec);
    return outcome;
  });
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
    const { records, recovered, torn } = await prepare(d, r);
    const current = currentDeployment(records);
    const target = rollbackTarget(records, req.to);
    const plan = await d.rollbackPlan(
      target,
      current?.id ?? target.id,
      current?.id,
      req.healthChecks,
      req.soakMs,
    );
    const primary = await d.run(plan);
    let back: { report: DeploymentReport; spec: StackSpec } | undefined;
    if (!primary.ok && req.autoRollback && current !== undefined && current.id !== target.id) {
      back = await d.autoRollback(primary, current, req.soakMs);
    }
    const outcome = finish(primary, back?.report, current, recovered, torn);
    // A failed manual rollback that was itself undone leaves the environment where it was.
    if (!primary.ok && back?.report.ok) outcome.status = 'failed';
    await d.writeMetrics(outcome.status, back?.report ?? primary, back?.spec ?? plan.spec);
    return outcome;
  });
}

/**
 * What is deployed: the ledger's current deployment (since when, from which commit) against the
 * running containers. Reads only; needs no lock (ledger lines are written whole).
 */
export async function status(o: DeployerOptions): Promise<StatusReport> {
  const r = resolve(o);
  const contents = await r.ledger.read();
  const { records } = contents;
  const verified = verifiedDeployments(records);
  const current = verified.at(-1);
  const report: StatusReport = {
    environment: o.environment,
    ledgerPath: r.ledger.path,
    live: [],
    consistent: false,
    problems: [],
    pending: pendingDeployments(records).map((p) => {
      const s = p.started as LedgerRecord;
      const running = s.hostname === hostname() && s.pid !== undefined && processAlive(s.pid);
      return {
        id: p.id,
        ...(s.pid !== undefined ? { pid: s.pid } : {}),
        ...(s.hostname ? { hostname: s.hostname } : {}),
        running,
      };
    }),
    unreadable: contents.unreadable,
    tornTail: contents.tornTail !== undefined,
    history: deploymentsOf(records)
      .slice(-10)
      .reverse()
      .map((e) => ({
        id: e.id,
        kind: e.latest.kind,
        status: e.latest.status,
        time: e.latest.time,
        commit: e.latest.commit,
      })),
  };
  if (current?.final !== undefined) {
    const f = current.final;
    report.current = {
      id: current.id,
      kind: f.kind,
      status: f.status,
      since: f.time,
      commit: f.commit,
      runUrl: f.runUrl,
      digests: f.digests,
      ...(current.started !== undefined ? { startedAt: current.started.time } : {}),
      ...(f.rollbackOf !== undefined ? { rollbackOf: f.rollbackOf } : {}),
      ...(f.restores !== undefined ? { restores: f.restores } : {}),
    };
  } else {
    report.problems.push('the ledger records no verified deployment');
  }
  const before = verified.slice(0, -1).at(-1);
  if (before?.final !== undefined) {
    report.previous = { id: before.id, since: before.final.time, digests: before.final.digests };
  }
  let stack: Stack | undefined;
  try {
    stack = await Stack.attach(o.environment, o.engine);
  } catch {
    report.problems.push(`no ${o.environment} stack runs on this host`);
  }
  if (stack !== undefined) {
    for (const s of await stack.inspect()) {
      report.live.push({
        service: s.service,
        container: s.container,
        status: s.status,
        running: s.running,
        image: s.image,
      });
      if (!s.running) report.problems.push(`${s.service} is ${s.status} (exit ${s.exitCode})`);
    }
    const expected = new Set(Object.values(report.current?.digests ?? {}));
    for (const s of report.live) {
      if (report.current !== undefined && !expected.has(s.image)) {
        report.problems.push(
          `${s.service} runs ${s.image}, which is not part of deployment ${report.current.id}`,
        );
      }
    }
    try {
      await stack.verifyDigests();
    } catch (err) {
      report.problems.push(errorMessage(err));
    }
  }
  for (const p of report.pending) {
    report.problems.push(
      `deployment ${p.id} has no outcome recorded${p.running ? ' (still running)' : ' (its run is gone)'}`,
    );
  }
  report.consistent = report.problems.length === 0;
  return report;
}
