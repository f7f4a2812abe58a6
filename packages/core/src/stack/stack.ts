/**
 * Runs a parsed stack (spec.ts) on a container engine directly: one fresh network, named volumes,
 * containers started in dependency order and watched until ready. No docker-compose/podman-compose:
 * they differ between engines and versions, cannot tell us *why* a service is not ready, and
 * podman-compose is not installed on most runners.
 *
 * Everything the stack creates carries the label `dev.digestline.stack=<project>`, so a later
 * process (an action's post step, deploy-staging) finds it again with {@link Stack.attach}.
 */
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { CliEngine } from '../engine/cli-engine.js';
import type {
  ContainerEngine,
  ContainerInfo,
  HealthStatus,
  ImageInfo,
  RunOptions,
} from '../engine/engine.js';
import { CleanupError, errorMessage } from '../errors.js';
import { defaultExec, redact, tailLines, type Exec } from '../exec.js';
import { parseReference } from '../reference.js';
import {
  STACK_NAME_PATTERN,
  startOrder,
  type DependencySpec,
  type HealthcheckSpec,
  type ServiceSpec,
  type StackSpec,
} from './spec.js';

/** Label every container, network and volume of a stack carries: the project name. */
export const STACK_LABEL = 'dev.digestline.stack';
/** Label on service containers: the service name. */
export const SERVICE_LABEL = 'dev.digestline.service';
/** Label on service containers: the digest reference the service must run. */
export const IMAGE_LABEL = 'dev.digestline.image';
/** Label on service containers: the container port its internal URL uses (absent when none). */
export const PORT_LABEL = 'dev.digestline.port';
/** Label on service containers: position in the start order (down stops in reverse). */
export const ORDER_LABEL = 'dev.digestline.order';
/** Label on containers: `service` or `probe` (a readiness helper). */
export const ROLE_LABEL = 'dev.digestline.role';

/** Env names whose values are replaced by `***` in bundles. */
export const SECRET_ENV_NAME = /PASSWORD|PASSWD|TOKEN|SECRET|KEY|CREDENTIAL|PRIVATE/i;

/** Secret env values shorter than this are redacted only as `NAME=value`, not wherever they occur. */
const MIN_REDACTED_LENGTH = 4;

/** How many log lines a start failure quotes. */
const LOG_TAIL_LINES = 15;

/** The network a stack runs on. */
export function stackNetworkName(project: string): string {
  return `dl-${project}-net`;
}

/** The container a service runs in. */
export function containerName(project: string, service: string): string {
  return `${project}-${service}`;
}

/** The engine name of a declared volume (`prefix` defaults to the project). */
export function volumeName(prefix: string, volume: string): string {
  return `${prefix}_${volume}`;
}

/** How {@link Stack.up} decides a service is ready. */
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

/** Options for {@link Stack.up}. */
export interface StackUpOptions {
  /** Unique per run (`[a-z0-9][a-z0-9_-]*`): names the network, containers and (by default) volumes. */
  project: string;
  engine: ContainerEngine;
  spec: StackSpec;
  readiness?: {
    /** Whole `up`, from first container to last service ready. Default 120 s. */
    timeoutMs?: number;
    /** Pause between readiness polls of one service (health checks, liveness inspects). Default 100 ms. */
    pollMs?: number;
    /**
     * Pause between loopback connects to a published port. Default 25 ms: a connect costs
     * microseconds, while the pause is what a service's readiness waits for on average. The
     * container's liveness is still inspected every `pollMs`, alongside.
     */
    probeMs?: number;
  };
  /** Extra labels for every container, network and volume. */
  labels?: Record<string, string>;
  /**
   * Prefix of volume names (`<prefix>_<volume>`), default the project. deploy-staging gives a stable
   * prefix so data survives a redeploy under a new project name; existing volumes are reused.
   */
  volumePrefix?: string;
  /**
   * Image for readiness probes of services that have a port but neither a health check nor a
   * published port: it must have bash (the probe uses /dev/tcp), e.g. `DIGESTLINE_BASE_IMAGE`.
   */
  probeImage?: string;
  /** Progress lines; default `core.info`. */
  log?: (line: string) => void;
  /**
   * Called once the network and volumes exist, before the first service starts: the stack's
   * network, container names and {@link Stack.internalUrls} are known then, so a caller can prepare
   * (e.g. create) its test container while the services become ready. It must not throw; `up` does
   * not wait for what it starts.
   */
  onStarting?: (stack: Stack) => void;
  /** Runs `container inspect` for bundles when the engine is not a CLI engine; default `defaultExec`. */
  exec?: Exec;
}

/** Per-service timestamps of one `up` (epoch ms). */
export interface ServiceTiming {
  /** `run` returned. */
  startedAt: number;
  /** Readiness was observed. */
  readyAt: number;
  mode: ReadinessMode;
}

/** What {@link Stack.inspect} reports per service. */
export interface ServiceStatus {
  service: string;
  container: string;
  containerId: string;
  /** The digest reference the service must run (from the stack). */
  image: string;
  /** Local image id the container runs. */
  imageId: string;
  /** The engine's view of the manifest digest, when known. */
  imageDigest?: string;
  status: string;
  running: boolean;
  exitCode: number;
  health?: HealthStatus;
  /** DNS names on the stack network (service name first). */
  aliases: string[];
  ipAddress?: string;
  urls: { internal?: string; published?: string };
}

/** `up` failed: a service exited, could not be started, or was not ready in time. */
export class StackStartError extends Error {
  override readonly name = 'StackStartError';
  // Private, so that loggers which print an error's own fields do not dump the whole stack object.
  readonly #partialStack: Stack;

  /**
   * @param partialStack the half-started stack: collect its bundle, then `down()` it
   * @param services the services the failure is about
   */
  constructor(
    partialStack: Stack,
    readonly services: string[],
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.#partialStack = partialStack;
  }

  /** The half-started stack: collect its bundle, then `down()` it. */
  get partialStack(): Stack {
    return this.#partialStack;
  }
}

/** A container runs something other than the digest the stack was given. */
export class DigestMismatchError extends Error {
  override readonly name = 'DigestMismatchError';
}

/** A service as a running stack knows it (from `up`, or from labels after `attach`). */
interface ServiceRecord {
  name: string;
  container: string;
  image: string;
  port?: number;
  order: number;
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  done: boolean;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const d: Deferred = { promise: new Promise<void>((r) => (resolve = r)), resolve: () => {}, done: false };
  d.resolve = () => {
    d.done = true;
    resolve();
  };
  return d;
}

/** Thrown inside `up` tasks when another task failed or the deadline passed. */
class Aborted extends Error {}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Aborted());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Aborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Aborted());
    const onAbort = (): void => reject(new Aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(errorMessage(e)));
      },
    );
  });
}

function isLoopbackRegistry(ref: string): boolean {
  try {
    const host = parseReference(ref).registry.replace(/:\d+$/, '');
    return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
  } catch {
    return false;
  }
}

function isGone(err: unknown): boolean {
  return /no such|not found|does not exist|no container with|no volume with|unable to find network/i.test(
    errorMessage(err),
  );
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)}s` : `${ms}ms`;
}

/**
 * Answers whether something listens on a loopback port, from this process. A connection is
 * "answered" when the peer sends bytes or keeps it open for `holdMs`: docker's userland proxy
 * accepts on the published port even when nothing listens in the container, then closes at once.
 * An HTTP request is sent so that HTTP servers answer right away.
 */
export function probePort(
  host: string,
  port: number,
  opts: { timeoutMs?: number; holdMs?: number } = {},
): Promise<boolean> {
  const timeoutMs = opts.timeoutMs ?? 1000;
  const holdMs = opts.holdMs ?? 200;
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let settled = false;
    const finish = (ok: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(hold);
      socket.destroy();
      resolve(ok);
    };
    const deadline = setTimeout(() => finish(false), timeoutMs);
    let hold: NodeJS.Timeout | undefined;
    socket.once('connect', () => {
      socket.write(`GET / HTTP/1.0\r\nHost: ${host.includes(':') ? `[${host}]` : host}:${port}\r\n\r\n`);
      hold = setTimeout(() => finish(true), holdMs);
    });
    socket.once('data', () => finish(true));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
  });
}

/** bash script for the network probe: retries a TCP connect until it works. */
const NETWORK_PROBE_SCRIPT =
  'until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do sleep 0.1; done; echo "reachable $1:$2"';

/** Per-service plan and live state during `up`. */
interface ServicePlan {
  spec: ServiceSpec;
  record: ServiceRecord;
  mode: ReadinessMode;
  hasHealthcheck: boolean;
  /** What the service is doing now, for the timeout message. */
  status: string;
  started: Deferred;
  ready: Deferred;
  timing: Partial<ServiceTiming>;
  /** The container as the last readiness check saw it. */
  lastInfo?: ContainerInfo;
}

/**
 * A running stack. Make one with {@link Stack.up}, or find one again with {@link Stack.attach}.
 */
export class Stack {
  /** Per-service timestamps of the `up` that made this instance (empty after `attach`). */
  readonly timings: Record<string, ServiceTiming> = {};

  /**
   * Every service as the last readiness check of the `up` that made this instance saw it (start
   * order), so that a caller can start its tests without another {@link inspect} of every
   * container; undefined after `attach` or a failed `up`. Names, URLs, published ports and aliases
   * do not change while a container lives; `status`/`health` are those of that check.
   */
  readyStatuses: ServiceStatus[] | undefined;

  private constructor(
    readonly project: string,
    readonly engine: ContainerEngine,
    private services: ServiceRecord[],
    private readonly volumes: string[],
    private readonly exec: Exec,
  ) {}

  /** The stack's network. */
  get network(): string {
    return stackNetworkName(this.project);
  }

  /** Service names in start order. */
  get serviceNames(): string[] {
    return [...this.services].sort((a, b) => a.order - b.order).map((s) => s.name);
  }

  /**
   * Creates the network and volumes, starts the services in dependency order and waits until each
   * is ready (see {@link ReadinessMode}; `condition: service_healthy` waits for the dependency's
   * health check). Services without dependencies between them start concurrently. Before each
   * poll (every `pollMs`) the health check is run via `engine.runHealthcheck`: with podman that runs
   * it now, not on the check's `interval` (without systemd podman would never run it); docker runs
   * checks itself on their `interval`, so keep it short there.
   *
   * `up` never removes what it created: on failure the thrown {@link StackStartError} carries the
   * stack as `partialStack`, so the caller can `collectBundle` (logs of the failing service) and
   * then `down` (or a later process can `Stack.attach` it by project).
   *
   * @throws StackStartError when a service cannot be started, exits (naming it, its exit code and
   *   its last log lines), or not every service is ready within `timeoutMs` (naming those that are
   *   not and what each was doing)
   * @throws Error for a bad project name, a dependency cycle, a `service_healthy` dependency without
   *   a health check, or a service that needs a network probe when no `probeImage` was given
   */
  static async up(opts: StackUpOptions): Promise<Stack> {
    const { project, engine, spec } = opts;
    if (!STACK_NAME_PATTERN.test(project)) {
      throw new Error(
        `stack project name ${JSON.stringify(project)} must match ${STACK_NAME_PATTERN.source}`,
      );
    }
    const log = opts.log ?? ((line: string) => core.info(line));
    const timeoutMs = opts.readiness?.timeoutMs ?? 120_000;
    const pollMs = opts.readiness?.pollMs ?? 100;
    const probeMs = opts.readiness?.probeMs ?? 25;
    const prefix = opts.volumePrefix ?? project;
    const order = startOrder(spec);
    const labels = { ...opts.labels, [STACK_LABEL]: project };

    const images = await Stack.resolveImages(engine, spec, log);
    const oneShot = new Set(
      spec.services.flatMap((s) =>
        s.dependsOn.filter((d) => d.condition === 'service_completed_successfully').map((d) => d.service),
      ),
    );
    const plans = new Map<string, ServicePlan>();
    order.forEach((service, index) => {
      const image = images.get(service.image) as ImageInfo;
      const hasHealthcheck =
        service.healthcheck !== undefined ||
        (!service.healthcheckDisabled && image.healthcheck !== undefined);
      const port = service.ports[0]?.containerPort ?? service.expose[0] ?? firstTcpPort(image.exposedPorts);
      let mode: ReadinessMode;
      if (oneShot.has(service.name)) mode = 'completed';
      else if (hasHealthcheck) mode = 'health';
      else if (service.ports.length > 0) mode = 'published-port';
      else if (port !== undefined) mode = 'network-probe';
      else mode = 'running';
      if (mode === 'network-probe' && opts.probeImage === undefined) {
        throw new Error(
          `${spec.source}: service "${service.name}" listens on port ${port} but has no health check and no published port, so its readiness needs a probe container: pass probeImage (an image with bash), or give it a healthcheck`,
        );
      }
      const record: ServiceRecord = {
        name: service.name,
        container: containerName(project, service.name),
        image: service.image,
        order: index,
      };
      if (port !== undefined) record.port = port;
      plans.set(service.name, {
        spec: service,
        record,
        mode,
        hasHealthcheck,
        status: 'not started',
        started: deferred(),
        ready: deferred(),
        timing: { mode },
      });
    });
    for (const service of spec.services) {
      for (const dep of service.dependsOn) {
        if (dep.condition === 'service_healthy' && !plans.get(dep.service)?.hasHealthcheck) {
          throw new Error(
            `${spec.source}: service "${service.name}" waits for "${dep.service}" to be healthy, but "${dep.service}" has no health check (none in the stack file or its image); add one or use condition: service_started`,
          );
        }
      }
    }

    const volumes = spec.volumes.map((v) => volumeName(prefix, v));
    const stack = new Stack(
      project,
      engine,
      [...plans.values()].map((p) => p.record),
      volumes,
      opts.exec ?? (engine instanceof CliEngine ? engine.exec : defaultExec),
    );

    const network = stackNetworkName(project);
    log(`stack ${project}: network ${network}, services ${order.map((s) => s.name).join(' → ')}`);
    try {
      await engine.networkCreate(network, { labels });
      const existing = new Set(await engine.volumeList());
      for (const volume of volumes) {
        if (!existing.has(volume)) await engine.volumeCreate(volume, { labels });
      }
    } catch (err) {
      throw new StackStartError(
        stack,
        [],
        `stack ${project}: creating network/volumes failed: ${errorMessage(err)}`,
        {
          cause: err,
        },
      );
    }

    opts.onStarting?.(stack);
    const controller = new AbortController();
    let failure: StackStartError | undefined;
    const fail = (err: StackStartError): void => {
      failure ??= err;
      controller.abort();
    };
    const deadline = setTimeout(() => controller.abort(), timeoutMs);
    const startedAt = Date.now();
    const ctx: UpContext = {
      stack,
      engine,
      plans,
      labels,
      network,
      prefix,
      pollMs,
      probeMs,
      probeImage: opts.probeImage,
      signal: controller.signal,
      log,
      hosts: {},
    };
    try {
      await Promise.all(
        [...plans.values()].map(async (plan) => {
          try {
            await runService(ctx, plan);
          } catch (err) {
            if (err instanceof Aborted) return;
            fail(
              err instanceof StackStartError
                ? err
                : new StackStartError(
                    stack,
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
    if (waiting.length > 0) {
      const details = await Promise.all(
        waiting.map(async (p) => {
          const last = p.started.done ? await lastLogLine(engine, p.record.container) : '';
          return `${p.spec.name} (${p.status}${last === '' ? '' : `; last log line: ${JSON.stringify(last)}`})`;
        }),
      );
      throw new StackStartError(
        stack,
        waiting.map((p) => p.spec.name),
        `stack ${project}: not ready within ${formatMs(timeoutMs)}: ${details.join('; ')}`,
      );
    }
    for (const plan of plans.values()) stack.timings[plan.spec.name] = plan.timing as ServiceTiming;
    const seen = [...plans.values()];
    if (seen.every((p) => p.lastInfo !== undefined)) {
      stack.readyStatuses = seen.map((p) => stack.statusOf(p.record, p.lastInfo as ContainerInfo));
    }
    log(`stack ${project}: all ${plans.size} services ready after ${formatMs(Date.now() - startedAt)}`);
    return stack;
  }

  /** Inspects every service image once, pulling the ones not present locally. */
  private static async resolveImages(
    engine: ContainerEngine,
    spec: StackSpec,
    log: (line: string) => void,
  ): Promise<Map<string, ImageInfo>> {
    const refs = [...new Set(spec.services.map((s) => s.image))];
    const infos = await Promise.all(
      refs.map(async (ref): Promise<[string, ImageInfo]> => {
        try {
          return [ref, await engine.inspectImage(ref)];
        } catch {
          log(`pulling ${ref}`);
          await engine.pull(ref, { insecure: isLoopbackRegistry(ref) });
          return [ref, await engine.inspectImage(ref)];
        }
      }),
    );
    return new Map(infos);
  }

  /**
   * Finds a stack started earlier (possibly by another process) by its labels.
   * @throws Error when no container, network or volume carries the project's label
   */
  static async attach(project: string, engine: ContainerEngine, opts: { exec?: Exec } = {}): Promise<Stack> {
    const label = `${STACK_LABEL}=${project}`;
    const services = await Stack.findServices(project, engine);
    const volumes = await engine.volumeList({ label });
    // A stack that failed before its first container still has a network (and volumes) to clean up.
    if (services.length === 0 && volumes.length === 0 && (await engine.networkList({ label })).length === 0) {
      throw new Error(`no stack "${project}": no container, network or volume has the label ${label}`);
    }
    return new Stack(
      project,
      engine,
      services,
      volumes,
      opts.exec ?? (engine instanceof CliEngine ? engine.exec : defaultExec),
    );
  }

  private static async findServices(project: string, engine: ContainerEngine): Promise<ServiceRecord[]> {
    const containers = await engine.containerList({ label: `${STACK_LABEL}=${project}`, all: true });
    const records: ServiceRecord[] = [];
    for (const c of containers) {
      let info: ContainerInfo;
      try {
        info = await engine.inspectContainer(c.id);
      } catch (err) {
        if (isGone(err)) continue;
        throw err;
      }
      const service = info.labels[SERVICE_LABEL];
      if (service === undefined || info.labels[ROLE_LABEL] === 'probe') continue;
      const record: ServiceRecord = {
        name: service,
        container: info.name,
        image: info.labels[IMAGE_LABEL] ?? info.imageRef,
        order: Number(info.labels[ORDER_LABEL] ?? records.length),
      };
      const port = Number(info.labels[PORT_LABEL]);
      if (Number.isInteger(port) && port > 0) record.port = port;
      records.push(record);
    }
    return records.sort((a, b) => a.order - b.order);
  }

  /** Current state of every service (start order). */
  async inspect(): Promise<ServiceStatus[]> {
    return Promise.all(
      this.ordered().map(async (s) => this.statusOf(s, await this.engine.inspectContainer(s.container))),
    );
  }

  /**
   * Name → IP on the stack network of every running service (service names and aliases), for the
   * `hosts` of containers that join the stack later (test and browser containers): /etc/hosts
   * entries do not depend on the engine's DNS server, which podman 4.3's aardvark-dns answers late
   * while other networks are created or removed.
   */
  async hosts(): Promise<Record<string, string>> {
    const hosts: Record<string, string> = {};
    for (const status of await this.inspect()) {
      if (status.ipAddress === undefined || !status.running) continue;
      for (const name of status.aliases) hosts[name] = status.ipAddress;
    }
    return hosts;
  }

  /**
   * The internal URL (`http://<service>:<port>`, as {@link inspect} reports it in `urls.internal`) of
   * every service (start order), from the stack alone: known before any container runs.
   */
  internalUrls(): Array<{ service: string; url?: string }> {
    return this.ordered().map((s) =>
      s.port !== undefined ? { service: s.name, url: `http://${s.name}:${s.port}` } : { service: s.name },
    );
  }

  private ordered(): ServiceRecord[] {
    return [...this.services].sort((a, b) => a.order - b.order);
  }

  private statusOf(s: ServiceRecord, info: ContainerInfo): ServiceStatus {
    const net = info.networks.find((n) => n.name === this.network);
    const aliases = [s.name, ...(net?.aliases ?? []).filter((a) => a !== s.name && !info.id.startsWith(a))];
    const status: ServiceStatus = {
      service: s.name,
      container: s.container,
      containerId: info.id,
      image: s.image,
      imageId: info.image,
      status: info.state.status,
      running: info.state.running,
      exitCode: info.state.exitCode,
      aliases,
      urls: {},
    };
    if (info.imageDigest !== undefined) status.imageDigest = info.imageDigest;
    if (info.state.health !== undefined) status.health = info.state.health;
    if (net?.ipAddress !== undefined) status.ipAddress = net.ipAddress;
    if (s.port !== undefined) {
      // Same form as internalUrls(), which callers may use before the stack is up.
      status.urls.internal = `http://${s.name}:${s.port}`;
      const published =
        info.ports.find((p) => p.containerPort === s.port && p.protocol === 'tcp') ?? info.ports[0];
      if (published !== undefined) status.urls.published = publishedUrl(published.hostIp, published.hostPort);
    }
    return status;
  }

  /**
   * Checks that every service container runs exactly the image its digest names: the container's
   * image id must be the local image that the digest reference resolves to, that image must list
   * the digest among its repo digests, and the engine's digest for the container (when it knows
   * one) must be that digest.
   * @throws DigestMismatchError listing every service that runs something else
   */
  async verifyDigests(): Promise<void> {
    const problems: string[] = [];
    for (const s of this.ordered()) {
      const expected = parseReference(s.image).digest;
      try {
        const info = await this.engine.inspectContainer(s.container);
        const image = await this.engine.inspectImage(s.image);
        if (expected === undefined) problems.push(`${s.name}: its stack image ${s.image} has no digest`);
        else if (info.image !== image.id) {
          problems.push(
            `${s.name}: container ${s.container} runs image ${info.image}, but ${s.image} is ${image.id}`,
          );
        } else if (!image.digests.some((d) => d.endsWith(`@${expected}`))) {
          problems.push(
            `${s.name}: image ${image.id} does not carry digest ${expected} (it has ${image.digests.join(', ') || 'none'})`,
          );
        } else if (info.imageDigest !== undefined && info.imageDigest !== expected) {
          problems.push(`${s.name}: the engine reports digest ${info.imageDigest}, expected ${expected}`);
        }
      } catch (err) {
        problems.push(`${s.name}: cannot check (${errorMessage(err)})`);
      }
    }
    if (problems.length > 0) {
      throw new DigestMismatchError(
        `stack ${this.project}: containers do not run the given digests:\n${problems.join('\n')}`,
      );
    }
  }

  /**
   * Writes a diagnostics bundle into `dir`: per container `<name>.stdout.log`, `<name>.stderr.log`
   * and `<name>.inspect.json` (the engine's raw inspect), plus `network.json` (aliases and IPs of
   * every container on the stack network) and `services.json` (`inspect()` and timings).
   * Values of env variables named like *PASSWORD*, *TOKEN*, *SECRET*, *KEY* and every string in
   * `redact` are replaced by `***` in every file (logs included).
   * Never throws for one container: a failure is written into the bundle as `errors.txt`.
   * @returns the files written
   */
  async collectBundle(dir: string, opts: { redact?: string[] } = {}): Promise<string[]> {
    await mkdir(dir, { recursive: true });
    const written: string[] = [];
    const errors: string[] = [];
    const secretEnv: Array<{ name: string; value: string }> = [];
    const write = async (file: string, text: string, secrets: string[]): Promise<void> => {
      const path = join(dir, file);
      // `NAME=value` everywhere (Env, podman's CreateCommand), then the bare values, unless so short
      // that replacing them would garble every file (a 1-character "secret" protects nothing anyway).
      let out = text;
      for (const { name, value } of secretEnv) out = out.split(`${name}=${value}`).join(`${name}=***`);
      out = redact(out, [
        ...secrets,
        ...secretEnv.map((e) => e.value).filter((v) => v.length >= MIN_REDACTED_LENGTH),
      ]);
      await writeFile(path, out);
      written.push(path);
    };
    const containers = await this.engine.containerList({
      label: `${STACK_LABEL}=${this.project}`,
      all: true,
    });
    const raws: Array<{ name: string; raw: string }> = [];
    const secrets = [...(opts.redact ?? [])];
    for (const c of containers) {
      try {
        const r = await this.exec.exec(this.engine.bin, ['container', 'inspect', c.id], { silent: true });
        raws.push({ name: c.name, raw: r.stdout });
        secretEnv.push(...secretEnvEntries(r.stdout));
      } catch (err) {
        errors.push(`inspect ${c.name}: ${errorMessage(err)}`);
      }
    }
    for (const { name, raw } of raws) {
      await write(`${name}.inspect.json`, raw, secrets);
      try {
        const logs = await this.engine.logs(name);
        await write(`${name}.stdout.log`, logs.stdout, secrets);
        await write(`${name}.stderr.log`, logs.stderr, secrets);
      } catch (err) {
        errors.push(`logs ${name}: ${errorMessage(err)}`);
      }
    }
    const networkMap: Array<{ container: string; service?: string; aliases: string[]; ipAddress?: string }> =
      [];
    const statuses: ServiceStatus[] = [];
    for (const c of containers) {
      try {
        const info = await this.engine.inspectContainer(c.id);
        const net = info.networks.find((n) => n.name === this.network);
        const entry: (typeof networkMap)[number] = { container: info.name, aliases: net?.aliases ?? [] };
        if (info.labels[SERVICE_LABEL] !== undefined) entry.service = info.labels[SERVICE_LABEL];
        if (net?.ipAddress !== undefined) entry.ipAddress = net.ipAddress;
        networkMap.push(entry);
        const record = this.services.find((s) => s.container === info.name);
        if (record) statuses.push(this.statusOf(record, info));
      } catch (err) {
        errors.push(`network map ${c.name}: ${errorMessage(err)}`);
      }
    }
    await write(
      'network.json',
      JSON.stringify({ network: this.network, containers: networkMap }, null, 2),
      secrets,
    );
    await write(
      'services.json',
      JSON.stringify({ project: this.project, services: statuses, timings: this.timings }, null, 2),
      secrets,
    );
    if (errors.length > 0) await write('errors.txt', errors.join('\n') + '\n', secrets);
    return written;
  }

  /**
   * Removes the stack: every container with its label (stopped in reverse start order, then
   * removed), the network, anonymous volumes (`volumes: 'anonymous'`, the default) and also the
   * named volumes (`'all'`); `'none'` keeps every volume. Idempotent: what is already gone is fine.
   * Tries everything before failing.
   * @param opts.stopTimeoutS grace period per container before it is killed (default 10; 0 kills at once)
   * @throws CleanupError listing everything that could not be removed
   */
  async down(opts: { volumes?: 'anonymous' | 'all' | 'none'; stopTimeoutS?: number } = {}): Promise<void> {
    const mode = opts.volumes ?? 'anonymous';
    const stopTimeoutS = opts.stopTimeoutS ?? 10;
    const label = `${STACK_LABEL}=${this.project}`;
    const errors: string[] = [];
    const attempt = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
      try {
        await fn();
      } catch (err) {
        if (!isGone(err)) errors.push(`${what}: ${errorMessage(err)}`);
      }
    };

    let containers: Array<{ id: string; name: string }> = [];
    await attempt('listing containers', async () => {
      containers = await this.engine.containerList({ label, all: true });
    });
    const orderOf = (name: string): number => this.services.find((s) => s.container === name)?.order ?? -1;
    containers.sort((a, b) => orderOf(b.name) - orderOf(a.name));
    for (const c of containers) {
      if (stopTimeoutS > 0) await attempt(`stopping ${c.name}`, () => this.engine.stop(c.id, stopTimeoutS));
      await attempt(`removing ${c.name}`, () =>
        this.engine.remove(c.id, { force: true, volumes: mode !== 'none' }),
      );
    }

    let networks: string[] = [];
    await attempt('listing networks', async () => {
      networks = await this.engine.networkList({ label });
    });
    for (const network of new Set([...networks, this.network])) {
      await attempt(`removing network ${network}`, () => this.engine.networkRemove(network));
    }

    if (mode === 'all') {
      let volumes: string[] = [];
      await attempt('listing volumes', async () => {
        volumes = await this.engine.volumeList({ label });
      });
      for (const volume of new Set([...volumes, ...this.volumes])) {
        await attempt(`removing volume ${volume}`, () => this.engine.volumeRemove(volume, { force: true }));
      }
    }
    if (errors.length > 0) {
      throw new CleanupError(`stack ${this.project}: cleanup left resources behind:\n${errors.join('\n')}`);
    }
  }
}

async function lastLogLine(engine: ContainerEngine, container: string): Promise<string> {
  try {
    const logs = await engine.logs(container);
    return tailLines(`${logs.stdout}\n${logs.stderr}`.trim(), 1);
  } catch {
    return '';
  }
}

function firstTcpPort(exposed: string[]): number | undefined {
  for (const entry of exposed) {
    const [port, proto = 'tcp'] = entry.split('/');
    const n = Number(port);
    if (proto === 'tcp' && Number.isInteger(n) && n > 0) return n;
  }
  return undefined;
}

function publishedUrl(hostIp: string, hostPort: number): string {
  const host = hostIp === '' || hostIp === '0.0.0.0' ? '127.0.0.1' : hostIp === '::' ? '::1' : hostIp;
  return `http://${host.includes(':') ? `[${host}]` : host}:${hostPort}`;
}

/** Env entries with secret-looking names (and a value) in raw inspect JSON (`Config.Env`). */
export function secretEnvEntries(inspectJson: string): Array<{ name: string; value: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(inspectJson);
  } catch {
    return [];
  }
  const entries: Array<{ name: string; value: string }> = [];
  for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
    const env = (item as { Config?: { Env?: unknown } } | null)?.Config?.Env;
    if (!Array.isArray(env)) continue;
    for (const entry of env) {
      if (typeof entry !== 'string') continue;
      const eq = entry.indexOf('=');
      const name = entry.slice(0, eq);
      if (eq > 0 && SECRET_ENV_NAME.test(name) && entry.length > eq + 1)
        entries.push({ name, value: entry.slice(eq + 1) });
    }
  }
  return entries;
}

interface UpContext {
  stack: Stack;
  engine: ContainerEngine;
  plans: Map<string, ServicePlan>;
  labels: Record<string, string>;
  network: string;
  prefix: string;
  pollMs: number;
  probeMs: number;
  probeImage: string | undefined;
  signal: AbortSignal;
  log: (line: string) => void;
  /** Name → IP of the services started so far, pinned into later containers' /etc/hosts. */
  hosts: Record<string, string>;
}

function conditionText(dep: DependencySpec): string {
  return dep.condition === 'service_healthy'
    ? `${dep.service} to be healthy`
    : dep.condition === 'service_completed_successfully'
      ? `${dep.service} to complete`
      : `${dep.service} to start`;
}

async function runService(ctx: UpContext, plan: ServicePlan): Promise<void> {
  const { engine, signal } = ctx;
  const service = plan.spec;
  for (const dep of service.dependsOn) {
    const target = ctx.plans.get(dep.service) as ServicePlan;
    plan.status = `waiting for ${conditionText(dep)}`;
    await untilAborted(
      dep.condition === 'service_started' ? target.started.promise : target.ready.promise,
      signal,
    );
  }
  plan.status = 'starting';
  const run: RunOptions = {
    image: service.image,
    name: plan.record.container,
    network: ctx.network,
    aliases: [service.name, ...service.aliases],
    // Its dependencies have started: their names resolve without the engine's DNS server.
    hosts: { ...ctx.hosts },
    env: service.environment,
    labels: {
      ...ctx.labels,
      [SERVICE_LABEL]: service.name,
      [IMAGE_LABEL]: service.image,
      [ORDER_LABEL]: String(plan.record.order),
      [ROLE_LABEL]: 'service',
      ...(plan.record.port !== undefined ? { [PORT_LABEL]: String(plan.record.port) } : {}),
    },
    ports: service.ports.map((p) => ({
      host: p.host,
      containerPort: p.containerPort,
      ...(p.hostPort !== undefined ? { hostPort: p.hostPort } : {}),
    })),
    volumes: service.volumes.map((v) => ({
      source: volumeName(ctx.prefix, v.volume),
      target: v.target,
      readonly: v.readonly,
    })),
  };
  if (service.command !== undefined) run.command = service.command;
  if (service.healthcheck !== undefined) run.healthcheck = toEngineHealthcheck(service.healthcheck);
  else if (service.healthcheckDisabled) run.healthcheck = { test: ['NONE'] };
  if (signal.aborted) throw new Aborted();
  await engine.run(run);
  plan.timing.startedAt = Date.now();
  const ip = (await engine.inspectContainer(plan.record.container)).networks.find(
    (n) => n.name === ctx.network,
  )?.ipAddress;
  if (ip !== undefined) for (const name of run.aliases ?? []) ctx.hosts[name] = ip;
  plan.started.resolve();
  ctx.log(`stack ${ctx.stack.project}: started ${service.name} (${service.image}); readiness: ${plan.mode}`);

  await waitReady(ctx, plan);
  plan.timing.readyAt = Date.now();
  plan.status = 'ready';
  plan.ready.resolve();
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

/** States of a container that has not run yet (podman's `configured`/`initialized` come before `running`). */
const NOT_YET_RUN = new Set(['created', 'configured', 'initialized']);

/** Whether the container ran and has stopped (podman says `stopped` until its cleanup ran, then `exited`). */
function hasExited(info: ContainerInfo): boolean {
  return !info.state.running && !NOT_YET_RUN.has(info.state.status);
}

/** Fails when the container is no longer running (unless it is a one-shot that exited 0). */
async function checkAlive(ctx: UpContext, plan: ServicePlan): Promise<ContainerInfo> {
  const info = await ctx.engine.inspectContainer(plan.record.container);
  plan.lastInfo = info;
  if (!hasExited(info)) return info;
  if (plan.mode === 'completed' && info.state.exitCode === 0) return info;
  let tail: string;
  try {
    const logs = await ctx.engine.logs(plan.record.container);
    tail = tailLines(`${logs.stdout}\n${logs.stderr}`.trim(), LOG_TAIL_LINES);
  } catch (err) {
    tail = `(logs unavailable: ${errorMessage(err)})`;
  }
  const what = plan.mode === 'completed' ? 'one-shot service' : 'service';
  throw new StackStartError(
    ctx.stack,
    [plan.spec.name],
    `stack ${ctx.stack.project}: ${what} "${plan.spec.name}" exited with code ${info.state.exitCode} during start (container ${plan.record.container}, status ${info.state.status})${tail === '' ? ' and logged nothing' : `; last log lines:\n${tail}`}`,
  );
}

async function waitReady(ctx: UpContext, plan: ServicePlan): Promise<void> {
  const { engine, signal, pollMs } = ctx;
  const container = plan.record.container;
  switch (plan.mode) {
    case 'running':
      plan.status = 'checking it runs';
      await checkAlive(ctx, plan);
      return;
    case 'completed':
      for (;;) {
        plan.status = 'running (one-shot, waiting for exit 0)';
        const info = await checkAlive(ctx, plan);
        if (hasExited(info)) return;
        await sleep(pollMs, signal);
      }
    case 'health':
      for (;;) {
        // The check itself takes ~100 ms (an exec into the container): count it against the poll interval.
        const pollStart = Date.now();
        try {
          await engine.runHealthcheck(container);
        } catch {
          // The container may have stopped between polls: the inspect below says how.
        }
        const info = await checkAlive(ctx, plan);
        if (info.state.health === 'healthy') return;
        plan.status = `health: ${info.state.health ?? 'unknown'}`;
        await sleep(Math.max(0, pollMs - (Date.now() - pollStart)), signal);
      }
    case 'published-port': {
      const first = await checkAlive(ctx, plan);
      const binding =
        first.ports.find((p) => p.containerPort === plan.spec.ports[0]?.containerPort) ?? first.ports[0];
      if (binding === undefined) throw new Error(`the engine reports no published port for ${container}`);
      const host = binding.hostIp === '' || binding.hostIp === '0.0.0.0' ? '127.0.0.1' : binding.hostIp;
      plan.status = `no answer on ${host}:${binding.hostPort}`;
      // Probing is cheap and inspecting is not (an engine process or two), so they run side by side at
      // their own pace: a service is seen ready within probeMs, and an exit within pollMs.
      await whileAlive(ctx, plan, async (until) => {
        for (;;) {
          if (await probePort(host, binding.hostPort)) return;
          await sleep(ctx.probeMs, until);
        }
      });
      return;
    }
    case 'network-probe':
      return networkProbe(ctx, plan);
  }
}

/**
 * Runs `work` while checking every `pollMs` that the container still runs (see {@link checkAlive}):
 * resolves when `work` does, rejects when either fails. `work` gets a signal that aborts when the
 * liveness check failed or `up` is aborted, so that it stops polling.
 */
async function whileAlive(
  ctx: UpContext,
  plan: ServicePlan,
  work: (until: AbortSignal) => Promise<void>,
): Promise<void> {
  const stop = new AbortController();
  const abort = (): void => stop.abort();
  ctx.signal.addEventListener('abort', abort, { once: true });
  if (ctx.signal.aborted) stop.abort();
  const liveness = (async () => {
    for (;;) {
      await sleep(ctx.pollMs, stop.signal);
      await checkAlive(ctx, plan);
    }
  })();
  const working = work(stop.signal);
  // The loser settles later (Aborted, or an inspect still in flight): observed, never awaited, so
  // that readiness is reported without waiting for an engine process.
  liveness.catch(() => undefined);
  working.catch(() => undefined);
  try {
    await Promise.race([working, liveness]);
  } finally {
    stop.abort();
    ctx.signal.removeEventListener('abort', abort);
  }
}

/** Runs a probe container on the stack network that exits 0 once `<service>:<port>` accepts connections. */
async function networkProbe(ctx: UpContext, plan: ServicePlan): Promise<void> {
  const { engine, signal, pollMs } = ctx;
  const port = plan.record.port as number;
  const probe = `${plan.record.container}-probe`;
  plan.status = `port ${port} not reachable on the stack network`;
  const run = engine.runToCompletion({
    image: ctx.probeImage as string,
    name: probe,
    network: ctx.network,
    rm: true,
    entrypoint: '',
    labels: { ...ctx.labels, [ROLE_LABEL]: 'probe', [SERVICE_LABEL]: plan.spec.name },
    command: ['bash', '-c', NETWORK_PROBE_SCRIPT, 'probe', plan.spec.name, String(port)],
  });
  let finished = false;
  const result = run.finally(() => {
    finished = true;
  });
  try {
    while (!finished) {
      await checkAlive(ctx, plan);
      await Promise.race([sleep(pollMs, signal), result]);
    }
    const r = await result;
    if (r.exitCode !== 0) {
      throw new Error(
        `the probe container (${ctx.probeImage}) exited with ${r.exitCode}: ${tailLines(r.stderr, 5)}`,
      );
    }
  } finally {
    if (!finished) {
      await engine.remove(probe, { force: true }).catch(() => undefined);
      await result.catch(() => undefined);
    }
  }
}
