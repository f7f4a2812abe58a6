/**
 * Starting a planned stack (plan.ts): its network and volumes, then every service as its own task
 * that waits for its dependencies, starts its container and waits until it is ready (readiness.ts).
 * The first failure, or the deadline, aborts every task.
 */
import type { ContainerEngine, RunOptions } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import { tailLines } from '../exec.js';
import { pinnedReference } from '../reference.js';
import { ServiceStartFailure } from './errors.js';
import { hostAccessText } from './host-access.js';
import {
  CONTAINER_ROLE_LABEL,
  IMAGE_LABEL,
  ORDER_LABEL,
  PORT_LABEL,
  SERVICE_LABEL,
  volumeName,
} from './labels.js';
import type { ServicePlan } from './plan.js';
import { serviceNetworks, waitReady, type UpContext } from './readiness.js';
import { hostSourceOf } from './staged-mounts.js';
import type { DependencySpec, HealthcheckSpec, ServiceSpec } from './compose/types.js';
import { Aborted, formatMs, untilAborted } from './waiting.js';

/**
 * Creates the stack's networks and those of its volumes that do not exist yet (a stable volume
 * prefix reuses them; a network left by an earlier run of the same project is reused).
 * @throws ServiceStartFailure when the engine refuses
 */
export async function createResources(
  stack: { engine: ContainerEngine; project: string },
  networks: ReadonlyArray<{ name: string; internal?: boolean }>,
  volumes: readonly string[],
  labels: Record<string, string>,
): Promise<void> {
  const { engine, project } = stack;
  try {
    const present = new Set(await engine.networkList());
    for (const n of networks) {
      if (present.has(n.name)) continue;
      await engine.networkCreate(n.name, {
        labels,
        ...(n.internal ? { internal: true } : {}),
        // Several networks must be kept apart by address too, not only by name.
        ...(networks.length > 1 ? { isolate: true } : {}),
      });
    }
    const existing = new Set(await engine.volumeList());
    for (const volume of volumes) {
      if (!existing.has(volume)) await engine.volumeCreate(volume, { labels });
    }
  } catch (err) {
    throw new ServiceStartFailure(
      [],
      `stack ${project}: creating network/volumes failed: ${errorMessage(err)}`,
      {
        cause: err,
      },
    );
  }
}

/**
 * Runs every planned service to readiness, concurrently as far as their dependencies allow.
 * @throws ServiceStartFailure for the first service that failed, or naming every service not ready
 *   within `timeoutMs` and what each was doing
 */
export async function startServices(ctx: Omit<UpContext, 'signal'>, timeoutMs: number): Promise<void> {
  const { project, plans } = ctx;
  const controller = new AbortController();
  let failure: ServiceStartFailure | undefined;
  const fail = (err: ServiceStartFailure): void => {
    failure ??= err;
    controller.abort();
  };
  const deadline = setTimeout(() => controller.abort(), timeoutMs);
  const run: UpContext = { ...ctx, signal: controller.signal };
  try {
    await Promise.all(
      [...plans.values()].map(async (plan) => {
        try {
          await runService(run, plan);
        } catch (err) {
          if (err instanceof Aborted) return;
          fail(
            err instanceof ServiceStartFailure
              ? err
              : new ServiceStartFailure(
                  [plan.spec.name],
                  `stack ${project}: service "${plan.spec.name}": ${errorMessage(err)}`,
                  { cause: err },
                ),
          );
        }
      }),
    );
  } finally {
    clearTimeout(deadline);
  }
  if (failure) throw failure;
  const waiting = [...plans.values()].filter((p) => !p.ready.done);
  if (waiting.length > 0) throw await notReadyError(ctx.engine, project, waiting, timeoutMs);
}

async function notReadyError(
  engine: ContainerEngine,
  project: string,
  waiting: ServicePlan[],
  timeoutMs: number,
): Promise<ServiceStartFailure> {
  const details = await Promise.all(
    waiting.map(async (p) => {
      const last = p.started.done ? await lastLogLine(engine, p.record.container) : '';
      return `${p.spec.name} (${p.status}${last === '' ? '' : `; last log line: ${JSON.stringify(last)}`})`;
    }),
  );
  return new ServiceStartFailure(
    waiting.map((p) => p.spec.name),
    `stack ${project}: not ready within ${formatMs(timeoutMs)}: ${details.join('; ')}`,
  );
}

async function lastLogLine(engine: ContainerEngine, container: string): Promise<string> {
  try {
    const logs = await engine.logs(container);
    return tailLines(`${logs.stdout}\n${logs.stderr}`.trim(), 1);
  } catch {
    return '';
  }
}

function conditionText(dep: DependencySpec): string {
  return dep.condition === 'service_healthy'
    ? `${dep.service} to be healthy`
    : dep.condition === 'service_completed_successfully'
      ? `${dep.service} to complete`
      : `${dep.service} to start`;
}

async function runService(ctx: UpContext, plan: ServicePlan): Promise<void> {
  const { engine, signal, project } = ctx;
  const service = plan.spec;
  for (const dep of service.dependsOn) {
    const target = ctx.plans.get(dep.service);
    // `required: false`: a dependency the stack does not have is not waited for.
    if (target === undefined && dep.required === false) continue;
    if (target === undefined) throw new Error(`depends on "${dep.service}", which is not in the stack`);
    plan.status = `waiting for ${conditionText(dep)}`;
    await untilAborted(
      dep.condition === 'service_started' ? target.started.promise : target.ready.promise,
      signal,
    );
  }
  plan.status = 'starting';
  const [first, ...more] = serviceNetworks(ctx, service);
  const hosts: Record<string, string> = {};
  for (const n of [first, ...more]) {
    for (const [name, ip] of Object.entries(ctx.hosts[n?.name ?? ''] ?? {})) hosts[name] ??= ip;
  }
  const run: RunOptions = {
    image: pinnedReference(service.image),
    name: plan.record.container,
    network: first?.name ?? ctx.network,
    aliases: first?.aliases ?? [service.name],
    ...(more.length > 0 ? { networks: more } : {}),
    // Its dependencies have started: their names resolve without the engine's DNS server (only
    // those on a network it joins).
    hosts,
    env: service.environment,
    labels: {
      ...ctx.labels,
      [SERVICE_LABEL]: service.name,
      [IMAGE_LABEL]: pinnedReference(service.image),
      [ORDER_LABEL]: String(plan.record.order),
      [CONTAINER_ROLE_LABEL]: 'service',
      ...(plan.record.port !== undefined ? { [PORT_LABEL]: String(plan.record.port) } : {}),
    },
    ports: service.ports.map((p) => ({
      host: p.host,
      containerPort: p.containerPort,
      ...(p.hostPort !== undefined ? { hostPort: p.hostPort } : {}),
      ...(p.protocol !== undefined ? { protocol: p.protocol } : {}),
    })),
    volumes: service.volumes.map((v, i) => {
      const host = hostSourceOf(project, service.name, v, i);
      // Copy mode: the engine cannot see our paths; its own copy of them is bound instead.
      const source = host !== undefined ? (ctx.staged?.get(host) ?? host) : v.volume;
      return {
        source: source === undefined ? '' : host !== undefined ? source : volumeName(ctx.prefix, source),
        target: v.target,
        readonly: v.readonly,
      };
    }),
    ...confinementOf(service),
    ...hostAccessOf(service),
  };
  if (service.command !== undefined) run.command = service.command;
  if (service.healthcheck !== undefined) run.healthcheck = toEngineHealthcheck(service.healthcheck);
  else if (service.healthcheckDisabled) run.healthcheck = { test: ['NONE'] };
  // Podman gives a container its image's health check only when it creates the container itself: a
  // podman 5 remote client against a podman 4.3 service (a job container behind the host's socket)
  // creates it without one, and `healthcheck run` then says there is none. Stated, it is the same
  // check either way. (Docker applies the image's check in the daemon, and its CLI would run an
  // exec-form check through /bin/sh.)
  else if (plan.imageHealthcheck !== undefined && engine.kind === 'podman')
    run.healthcheck = plan.imageHealthcheck;
  if (signal.aborted) throw new Aborted();
  if (service.hostAccess !== undefined) {
    ctx.log.warning(
      `stack ${ctx.project}: ${service.name} runs with access to the host (allowed by allow-privileged): ${hostAccessText(service.hostAccess)}`,
    );
  }
  await engine.run(run);
  plan.timing.startedAt = Date.now();
  const attached = (await engine.inspectContainer(plan.record.container)).networks;
  for (const n of [first, ...more]) {
    const ip = attached.find((a) => a.name === n?.name)?.ipAddress;
    if (n === undefined || ip === undefined) continue;
    const pinned = (ctx.hosts[n.name] ??= {});
    for (const name of n.aliases) pinned[name] = ip;
  }
  plan.started.resolve();
  ctx.log.info(
    `stack ${ctx.project}: started ${service.name} (${pinnedReference(service.image)}); readiness: ${plan.mode}`,
  );

  await waitReady(ctx, plan);
  plan.timing.readyAt = Date.now();
  plan.status = 'ready';
  plan.ready.resolve();
}

/** What the stack file says about how the process runs: user, entrypoint, init, read-only, capabilities, tmpfs, restart. */
function confinementOf(service: ServiceSpec): Partial<RunOptions> {
  const run: Partial<RunOptions> = {};
  if (service.entrypoint !== undefined) run.entrypoint = service.entrypoint;
  if (service.user !== undefined) run.user = service.user;
  if (service.workingDir !== undefined) run.workdir = service.workingDir;
  if (service.init) run.init = true;
  if (service.readOnly) run.readOnly = true;
  if (service.capDrop !== undefined && service.capDrop.length > 0) run.capDrop = service.capDrop;
  if (service.securityOpt !== undefined && service.securityOpt.length > 0)
    run.securityOpt = service.securityOpt;
  if (service.tmpfs !== undefined && service.tmpfs.length > 0) run.tmpfs = service.tmpfs;
  if (service.restart !== undefined) run.restart = service.restart;
  if (service.hostname !== undefined) run.hostname = service.hostname;
  if (service.memoryBytes !== undefined) run.memoryBytes = service.memoryBytes;
  if (service.cpus !== undefined) run.cpus = service.cpus;
  if (service.pidsLimit !== undefined) run.pidsLimit = service.pidsLimit;
  if (service.stopSignal !== undefined) run.stopSignal = service.stopSignal;
  if (service.stopGracePeriodS !== undefined) run.stopTimeoutS = service.stopGracePeriodS;
  return run;
}

/** What allow-privileged let the service have (the builder set `hostAccess` only when it was allowed). */
function hostAccessOf(service: ServiceSpec): Partial<RunOptions> {
  const access = service.hostAccess;
  if (access === undefined) return {};
  const run: Partial<RunOptions> = {};
  if (access.privileged) run.privileged = true;
  if (access.capAdd !== undefined) run.capAdd = access.capAdd;
  if (access.devices !== undefined) run.devices = access.devices;
  if (access.pid !== undefined) run.pid = access.pid;
  if (access.ipc !== undefined) run.ipc = access.ipc;
  return run;
}

function toEngineHealthcheck(hc: HealthcheckSpec): RunOptions['healthcheck'] {
  return {
    test: hc.test,
    intervalMs: hc.intervalMs,
    timeoutMs: hc.timeoutMs,
    retries: hc.retries,
    startPeriodMs: hc.startPeriodMs,
  };
}
