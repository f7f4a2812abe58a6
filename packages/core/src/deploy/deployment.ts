/**
 * One deployment, of either kind, from `started` to its outcome: record `started`, recreate the
 * stack, verify digests and soak the health checks, record the outcome, emit the events, and
 * rewrite the metrics file.
 *
 * Strategy: **recreate**. The old stack is stopped and removed, then the new one is started. A
 * single staging host has no load balancer to shift traffic between two copies (blue/green needs a
 * proxy we do not have), and a named volume has one writer at a time: two versions writing the same
 * data directory at once is how staging data gets corrupted. Named volumes are prefixed with the
 * environment (`<environment>_<volume>`), not the deployment, so data survives every redeploy and
 * rollback. Published host ports must be fixed in the stack file so health-check URLs stay valid.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import type { StackSpec } from '../stack/compose/types.js';
import { Stack, StackStartError } from '../stack/stack.js';
import { currentDeployment, deploymentsOf, newDeploymentId } from './deployments.js';
import type { DeployEventName } from './events.js';
import { soak, type HealthCheck } from './health.js';
import type { DeploymentKind, LedgerRecord } from './ledger-record.js';
import { renderMetrics, writeFileAtomic, type DeployResult } from './metrics.js';
import { ENVIRONMENT_LABEL, type DeployerOptions, type Resolved } from './options.js';
import type { DeploymentReport } from './outcome.js';
import { serviceDigests } from './stack-file.js';

/** One deployment to run: what to start and how to verify it. */
export interface Plan {
  kind: DeploymentKind;
  spec: StackSpec;
  digests: Record<string, string>;
  stack: { path: string; sha256: string };
  checks: HealthCheck[];
  soakMs: number;
  commit: string;
  /** The promotion record that admitted `digests` (see LedgerRecord.promotion). */
  promotion?: string;
  previous?: string;
  rollbackOf?: string;
  restores?: string;
}

/** Runs deployments of one environment and records them in its ledger (the lock must be held). */
export class Deployer {
  constructor(
    readonly o: DeployerOptions,
    readonly r: Resolved,
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
    if (plan.promotion !== undefined) rec.promotion = plan.promotion;
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
    this.r.log.info(
      `${plan.kind === 'rollback' ? 'rollback' : 'deployment'} ${id}: ${Object.entries(plan.digests)
        .map(([n, d]) => `${n}=${d}`)
        .join(', ')}`,
    );
    await this.replaceAndVerify(plan, report);
    await this.recordOutcome(plan, report);
    return report;
  }

  /** Recreates the stack and soaks it, filling in `report`; a failure is kept in it, not thrown. */
  private async replaceAndVerify(plan: Plan, report: DeploymentReport): Promise<void> {
    const { id } = report;
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
      this.r.log.info(
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
          this.r.log.warning(`${id}: could not write the diagnostics bundle: ${errorMessage(e)}`);
        });
      }
    }
  }

  /** Appends the final ledger record and emits the outcome's events. */
  private async recordOutcome(plan: Plan, report: DeploymentReport): Promise<void> {
    const { id } = report;
    const durations = { deployMs: report.deployMs, soakMs: report.soakMs };
    if (report.ok) {
      await this.r.ledger.append(
        this.record(plan, id, { status: plan.kind === 'rollback' ? 'rolled-back' : 'verified', durations }),
      );
      await this.event('healthy', plan, id, { durations });
      await this.event(plan.kind === 'rollback' ? 'rolled-back' : 'deployed', plan, id, { durations });
    } else {
      const reason = report.failure ?? 'unknown failure';
      this.r.log.warning(
        `${id}: ${reason}${report.bundleDir !== undefined ? ` (diagnostics: ${report.bundleDir})` : ''}`,
      );
      await this.r.ledger.append(this.record(plan, id, { status: 'failed', durations, reason }));
      await this.event('unhealthy', plan, id, { detail: reason, durations });
      await this.event('failed', plan, id, { detail: reason, durations });
    }
  }

  private async removeCurrentStack(): Promise<void> {
    let current: Stack;
    try {
      current = await Stack.attach(this.o.environment, this.o.engine);
    } catch {
      return; // Nothing deployed yet.
    }
    this.r.log.info(`stopping the running ${this.o.environment} stack (recreate)`);
    const started = performance.now();
    // Anonymous volumes go with their containers; named volumes (the environment's data) stay.
    await current.down({ volumes: 'anonymous' });
    this.r.log.info(
      `stopped and removed the old containers in ${Math.round(performance.now() - started)} ms`,
    );
  }

  /** Rewrites the metrics file, when one is configured; a failure to write is only a warning. */
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
      this.r.log.warning(`metrics-file: could not write ${this.o.metricsFile}: ${errorMessage(err)}`);
    }
  }
}
