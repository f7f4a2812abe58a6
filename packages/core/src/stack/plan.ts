/**
 * What `up` decides before it starts anything: the image of every service (pulled when absent),
 * its container name and port, and how its readiness is judged.
 */
import type { ContainerEngine, ContainerInfo, Healthcheck, ImageInfo } from '../engine/engine.js';
import type { Log } from '../log.js';
import { pinnedReference } from '../reference.js';
import { isLoopbackRegistry } from '../registry/loopback.js';
import { containerName } from './labels.js';
import type { ServiceRecord } from './records.js';
import type { ServiceSpec, StackSpec } from './compose/types.js';
import { deferred, type Deferred } from './waiting.js';

/** How `Stack.up` decides a service is ready. */
export type ReadinessMode =
  /** Its health check (from the stack file or the image) reports `healthy`. */
  | 'health'
  /** A TCP connection from this process to its published loopback port gets an answer. */
  | 'published-port'
  /** A probe container on the stack network (image `probeImage`, needs bash) connects to `<service>:<port>`. */
  | 'network-probe'
  /** It has no health check and no port: running is all that can be known. */
  | 'running'
  /** A one-shot service (another depends on it with `service_completed_successfully`): it exited 0. */
  | 'completed';

/** Per-service timestamps of one `up` (epoch ms). */
export interface ServiceTiming {
  /** `run` returned. */
  startedAt: number;
  /** Readiness was observed. */
  readyAt: number;
  mode: ReadinessMode;
}

/** Per-service plan and live state during `up`. */
export interface ServicePlan {
  spec: ServiceSpec;
  record: ServiceRecord;
  mode: ReadinessMode;
  hasHealthcheck: boolean;
  /** The image's own health check, when it is the one that applies (no `healthcheck` in the file). */
  imageHealthcheck?: Healthcheck;
  /** What the service is doing now, for the timeout message. */
  status: string;
  started: Deferred;
  ready: Deferred;
  timing: Partial<ServiceTiming>;
  /** The container as the last readiness check saw it. */
  lastInfo?: ContainerInfo;
}

/** Inspects every service image once, pulling the ones not present locally. */
export async function resolveImages(
  engine: ContainerEngine,
  spec: StackSpec,
  log: Log,
): Promise<Map<string, ImageInfo>> {
  const images = new Map(spec.services.map((s) => [pinnedReference(s.image), s.image]));
  const infos = await Promise.all(
    [...images].map(async ([ref, image]): Promise<[string, ImageInfo]> => {
      try {
        return [ref, await engine.inspectImage(ref)];
      } catch {
        log.info(`pulling ${ref}`);
        await engine.pull(ref, { insecure: isLoopbackRegistry(image.registry) });
        return [ref, await engine.inspectImage(ref)];
      }
    }),
  );
  return new Map(infos);
}

/**
 * Plans every service of `order` (the start order): its record, readiness mode and the signals its
 * dependants wait for.
 * @throws Error for a service that needs a network probe when there is no `probeImage`, or a
 *   `service_healthy` dependency on a service without a health check
 */
export function planServices(
  spec: StackSpec,
  order: ServiceSpec[],
  images: Map<string, ImageInfo>,
  opts: { project: string; probeImage: string | undefined },
): Map<string, ServicePlan> {
  const oneShot = new Set(
    spec.services.flatMap((s) =>
      s.dependsOn.filter((d) => d.condition === 'service_completed_successfully').map((d) => d.service),
    ),
  );
  const plans = new Map<string, ServicePlan>();
  order.forEach((service, index) => {
    const image = images.get(pinnedReference(service.image)) as ImageInfo;
    const hasHealthcheck =
      service.healthcheck !== undefined || (!service.healthcheckDisabled && image.healthcheck !== undefined);
    const port = tcpPorts(service)[0]?.containerPort ?? service.expose[0] ?? firstTcpPort(image.exposedPorts);
    const mode = readinessMode(service, { oneShot: oneShot.has(service.name), hasHealthcheck, port });
    if (mode === 'network-probe' && opts.probeImage === undefined) {
      throw new Error(
        `${spec.source}: service "${service.name}" listens on port ${port} but has no health check and no published port, so its readiness needs a probe container: pass probeImage (an image with bash), or give it a healthcheck`,
      );
    }
    const record: ServiceRecord = {
      name: service.name,
      container: containerName(opts.project, service.name),
      image: pinnedReference(service.image),
      order: index,
    };
    if (port !== undefined) record.port = port;
    plans.set(service.name, {
      spec: service,
      record,
      mode,
      hasHealthcheck,
      ...(service.healthcheck === undefined && !service.healthcheckDisabled && image.healthcheck !== undefined
        ? { imageHealthcheck: image.healthcheck }
        : {}),
      status: 'not started',
      started: deferred(),
      ready: deferred(),
      timing: { mode },
    });
  });
  checkHealthyDependencies(spec, plans);
  return plans;
}

function readinessMode(
  service: ServiceSpec,
  facts: { oneShot: boolean; hasHealthcheck: boolean; port: number | undefined },
): ReadinessMode {
  if (facts.oneShot) return 'completed';
  if (facts.hasHealthcheck) return 'health';
  if (tcpPorts(service).length > 0) return 'published-port';
  if (facts.port !== undefined) return 'network-probe';
  return 'running';
}

/** `condition: service_healthy` needs a health check on the dependency, or it could never be met. */
function checkHealthyDependencies(spec: StackSpec, plans: Map<string, ServicePlan>): void {
  for (const service of spec.services) {
    for (const dep of service.dependsOn) {
      const target = plans.get(dep.service);
      if (target === undefined && dep.required === false) continue;
      if (dep.condition === 'service_healthy' && !target?.hasHealthcheck) {
        throw new Error(
          `${spec.source}: service "${service.name}" waits for "${dep.service}" to be healthy, but "${dep.service}" has no health check (none in the stack file or its image); add one or use condition: service_started`,
        );
      }
    }
  }
}

/** The published tcp ports: a udp port is never probed nor given an http URL. */
function tcpPorts(service: ServiceSpec): ServiceSpec['ports'] {
  return service.ports.filter((p) => p.protocol === undefined);
}

/** The first tcp port among EXPOSEd ones (`8080/tcp`). */
function firstTcpPort(exposed: string[]): number | undefined {
  for (const entry of exposed) {
    const [port, proto = 'tcp'] = entry.split('/');
    const n = Number(port);
    if (proto === 'tcp' && Number.isInteger(n) && n > 0) return n;
  }
  return undefined;
}
