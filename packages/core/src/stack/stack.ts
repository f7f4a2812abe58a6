/**
 * Runs a parsed stack (spec.ts) on a container engine directly: fresh networks, named volumes,
 * containers started in dependency order and watched until ready. No docker-compose/podman-compose:
 * they differ between engines and versions, cannot tell us *why* a service is not ready, and
 * podman-compose is not installed on most runners.
 *
 * Everything the stack creates carries the label `dev.digestline.stack=<project>`, so a later
 * process (an action's post step, deploy-staging) finds it again with {@link Stack.attach}.
 * The phases live next door: plan.ts (what to start and how to judge readiness), up.ts (starting),
 * readiness.ts (waiting), bundle.ts (diagnostics), labels.ts (names and labels).
 */
import type { ContainerEngine, ContainerInfo, RunOptions } from '../engine/engine.js';
import { CleanupError, errorMessage } from '../errors.js';
import type { Exec } from '../exec.js';
import { silentLog, type Log } from '../log.js';
import { parseReference } from '../reference.js';
import { collectBundle } from './bundle.js';
import { prepareHostFiles, removeHostFiles, secretTexts } from './files.js';
import { hostAccessWarnings } from './host-access.js';
import { RunningDigestMismatchError, ServiceStartFailure } from './errors.js';
import { stagedAmong, stageHostMounts } from './staged-mounts.js';
import { joinNetworks, STACK_LABEL, stackNetworkName, stackNetworkNames, volumeName } from './labels.js';
import { planServices, resolveImages, type ServiceTiming } from './plan.js';
import { findServiceRecords, isGone, type ServiceRecord } from './records.js';
import { serviceStatus, type ServiceStatus } from './status.js';
import { STACK_NAME_PATTERN } from './names.js';
import { startOrder } from './compose/order.js';
import type { StackSpec } from './compose/types.js';
import { createResources, startServices } from './up.js';
import { formatMs } from './waiting.js';

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
  /** Where progress lines go; default nowhere. */
  log?: Log;
  /**
   * Called once the network and volumes exist, before the first service starts: the stack's
   * network, container names and {@link Stack.internalUrls} are known then, so a caller can prepare
   * (e.g. create) its test container while the services become ready. It must not throw; `up` does
   * not wait for what it starts.
   */
  onStarting?: (stack: Stack) => void;
  /**
   * Ignored: bundles read the engine's raw inspect through the engine.
   * @deprecated kept so that callers need no change; remove with them
   */
  exec?: Exec;
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

  /** The text of the secrets the stack mounts (from the `up` that made it): redacted from its bundles. */
  private secrets: string[] = [];

  private constructor(
    readonly project: string,
    readonly engine: ContainerEngine,
    private services: ServiceRecord[],
    private readonly volumes: string[],
    networks: string[] = [],
  ) {
    this.networks = networks.length > 0 ? networks : [stackNetworkName(project)];
  }

  /**
   * The stack's engine networks, its first network first: `dl-<project>-net` for a stack with one
   * network, `dl-<project>-<network>` for each of several.
   */
  readonly networks: string[];

  /** The stack's first network (its only one, unless the file names several). */
  get network(): string {
    return this.networks[0] as string;
  }

  /**
   * `run` options that put a container on every network of the stack (test and browser containers
   * address any service by name).
   */
  get joinAll(): Pick<RunOptions, 'network' | 'networks'> {
    return joinNetworks(this.networks);
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
    const log = opts.log ?? silentLog;
    const prefix = opts.volumePrefix ?? project;
    const order = startOrder(spec);
    const labels = { ...opts.labels, [STACK_LABEL]: project };

    const images = await resolveImages(engine, spec, log);
    const plans = planServices(spec, order, images, { project, probeImage: opts.probeImage });
    const volumes = spec.volumes.map((v) => volumeName(prefix, v));
    const declared = spec.networks ?? [];
    const networkNames = stackNetworkNames(
      project,
      declared.map((n) => n.name),
    );
    const stack = new Stack(
      project,
      engine,
      [...plans.values()].map((p) => p.record),
      volumes,
      [...new Set(networkNames.values())],
    );

    log.info(
      `stack ${project}: network${stack.networks.length > 1 ? 's' : ''} ${stack.networks.join(', ')}, services ${order.map((s) => s.name).join(' → ')}`,
    );
    for (const warning of hostAccessWarnings(project, spec.allow)) log.warning(warning);
    let startedAt = 0;
    await carryingStack(stack, async () => {
      const networks =
        declared.length === 0
          ? [{ name: stack.network }]
          : declared.map((n) => ({ ...n, name: networkNames.get(n.name) as string }));
      await prepareHostFiles(project, spec);
      stack.secrets = secretTexts(spec);
      await createResources(stack, networks, volumes, labels);
      const staged =
        engine.files === 'copy' ? await stageHostMounts(engine, project, spec, labels) : undefined;
      opts.onStarting?.(stack);
      startedAt = Date.now();
      await startServices(
        {
          project,
          engine,
          plans,
          labels,
          network: stack.network,
          networks: networkNames,
          prefix,
          pollMs: opts.readiness?.pollMs ?? 100,
          probeMs: opts.readiness?.probeMs ?? 25,
          probeImage: opts.probeImage,
          log,
          hosts: {},
          ...(staged !== undefined ? { staged } : {}),
        },
        opts.readiness?.timeoutMs ?? 120_000,
      );
    });
    for (const plan of plans.values()) stack.timings[plan.spec.name] = plan.timing as ServiceTiming;
    const seen = [...plans.values()];
    if (seen.every((p) => p.lastInfo !== undefined)) {
      stack.readyStatuses = seen.map((p) => stack.statusOf(p.record, p.lastInfo as ContainerInfo));
    }
    log.info(`stack ${project}: all ${plans.size} services ready after ${formatMs(Date.now() - startedAt)}`);
    return stack;
  }

  /**
   * Finds a stack started earlier (possibly by another process) by its labels.
   * @param _opts.exec ignored (see {@link StackUpOptions.exec})
   * @throws Error when no container, network or volume carries the project's label
   */
  static async attach(project: string, engine: ContainerEngine, _opts: { exec?: Exec } = {}): Promise<Stack> {
    const label = `${STACK_LABEL}=${project}`;
    const services = await findServiceRecords(project, engine);
    const volumes = await engine.volumeList({ label });
    const networks = await engine.networkList({ label });
    // A stack that failed before its first container still has a network (and volumes) to clean up.
    if (services.length === 0 && volumes.length === 0 && networks.length === 0) {
      throw new Error(`no stack "${project}": no container, network or volume has the label ${label}`);
    }
    const single = stackNetworkName(project);
    const ordered = networks.includes(single) ? [single] : networks.sort();
    return new Stack(project, engine, services, volumes, ordered);
  }

  /** Current state of every service (start order). */
  async inspect(): Promise<ServiceStatus[]> {
    return Promise.all(
      this.ordered().map(async (s) => this.statusOf(s, await this.engine.inspectContainer(s.container))),
    );
  }

  /**
   * Name → IP of every running service (service names and aliases, on the first of the stack's
   * networks it is on), for the `hosts` of containers that join every network of the stack later
   * (test and browser containers, {@link joinAll}): /etc/hosts
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
    return serviceStatus(this.networks, s, info);
  }

  /**
   * Checks that every service container runs exactly the image its digest names: the container's
   * image id must be the local image that the digest reference resolves to, that image must list
   * the digest among its repo digests, and the engine's digest for the container (when it knows
   * one) must be that digest.
   * @throws RunningDigestMismatchError listing every service that runs something else
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
      throw new RunningDigestMismatchError(
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
    return collectBundle(
      {
        project: this.project,
        networks: this.networks,
        engine: this.engine,
        services: this.services,
        timings: this.timings,
      },
      dir,
      { ...opts, redact: [...(opts.redact ?? []), ...this.secrets] },
    );
  }

  /**
   * Removes the stack: every container with its label (stopped in reverse start order, then
   * removed), its networks, anonymous volumes (`volumes: 'anonymous'`, the default) and also the
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
    for (const network of new Set([...networks, ...this.networks])) {
      await attempt(`removing network ${network}`, () => this.engine.networkRemove(network));
    }

    let volumes: string[] = [];
    await attempt('listing volumes', async () => {
      volumes = await this.engine.volumeList({ label });
    });
    // Copies of our files (copy mode) are no data of the stack's: they go whatever is kept.
    let staged: string[] = [];
    if (mode !== 'all') {
      await attempt('listing staged volumes', async () => {
        staged = await stagedAmong(this.engine, volumes);
      });
    }
    for (const volume of staged) {
      await attempt(`removing volume ${volume}`, () => this.engine.volumeRemove(volume, { force: true }));
    }
    if (mode === 'all') {
      for (const volume of new Set([...volumes, ...this.volumes])) {
        await attempt(`removing volume ${volume}`, () => this.engine.volumeRemove(volume, { force: true }));
      }
    }
    await attempt('removing the stack files', () => removeHostFiles(this.project));
    if (errors.length > 0) {
      throw new CleanupError(`stack ${this.project}: cleanup left resources behind:\n${errors.join('\n')}`);
    }
  }
}

/**
 * Runs the start of `stack`'s resources and services; a {@link ServiceStartFailure} leaves as a
 * {@link StackStartError} that carries the half-started stack, for the caller to bundle and remove.
 */
async function carryingStack(stack: Stack, start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (err) {
    if (!(err instanceof ServiceStartFailure)) throw err;
    const options = err.cause !== undefined ? { cause: err.cause } : undefined;
    throw new StackStartError(stack, err.services, err.message, options);
  }
}
