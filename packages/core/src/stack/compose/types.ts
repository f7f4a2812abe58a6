/** The parsed form of a stack file, and the error for one that cannot be parsed. */
import type { PinnedImage } from '../../reference.js';
import type { HostAccess } from '../build/build.js';

/** A stack file does not parse or uses something outside the supported subset. */
export class StackFileError extends Error {
  override readonly name = 'StackFileError';

  /**
   * @param source the file (or other origin) the text came from
   * @param path dotted path of the offending key, e.g. `services.backend.build` (`''` for the file)
   * @param reason what is wrong and, where possible, what to write instead
   * @param line 1-based line in the file, when known
   */
  constructor(
    readonly source: string,
    readonly path: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${source}${line !== undefined ? `:${line}` : ''}: ${path === '' ? '' : `${path}: `}${reason}`);
  }
}

/** When a service may start relative to one it depends on (Compose's `depends_on.<name>.condition`). */
export type DependencyCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

/** One `depends_on` entry. */
export interface DependencySpec {
  service: string;
  condition: DependencyCondition;
  /** `false` (Compose's `required: false`): the dependency may be absent from the stack; absent means required. */
  required?: boolean;
}

/** A published port; the host side is always a loopback address. */
export interface PortSpec {
  /** `127.0.0.1` unless the file names another loopback address (`127.0.0.2`, `::1`). */
  host: string;
  /** Omitted: the engine picks a free port. */
  hostPort?: number;
  containerPort: number;
  /** `udp`: published like tcp but never probed for readiness nor given a URL. Absent: tcp. */
  protocol?: 'udp';
}

/**
 * A mount of a service: a named volume (`volume`), a host path (`bind`), a file the stack writes
 * before the service starts (`content`: a secret's or config's `content:` or `environment:` value),
 * or, with none of the three, an anonymous volume.
 */
export interface VolumeMountSpec {
  /**
   * The volume's name as declared under top-level `volumes` (not yet prefixed with the project);
   * absent for an anonymous volume (Compose's `- /path`), which is removed with its container.
   */
  volume?: string;
  /** A bind mount: the absolute host path (file or directory) mounted at `target`. */
  bind?: string;
  /** The text of a file mounted read-only at `target`; the stack writes it and removes it with the stack. */
  content?: string;
  /** A secret's text: kept out of logs and bundles (redacted). */
  secret?: boolean;
  /** Octal file mode of a `content` file (default 0o444). */
  mode?: number;
  /** A `bind` path missing at check time that Compose would create as a directory: made (mkdir -p) before the service starts. */
  createHostPath?: boolean;
  target: string;
  readonly: boolean;
}

/** A health check with Compose's defaults filled in (interval 30 s, timeout 30 s, retries 3, start period 0). */
export interface HealthcheckSpec {
  /** `['CMD', prog, ...args]` or `['CMD-SHELL', script]`. */
  test: string[];
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
  /**
   * Compose's `start_interval`. Recorded only: neither Docker 20.10 nor podman 4.3 has a flag for it,
   * and digestline runs the check itself while waiting for readiness on podman.
   */
  startIntervalMs?: number;
}

/** A tmpfs mount (`tmpfs:` or a volume of type tmpfs). */
export interface TmpfsSpec {
  target: string;
  /** Size limit in bytes. */
  sizeBytes?: number;
  /** File mode of the mount's root (octal in the file, a number here). */
  mode?: number;
  /** Further mount options, as the engines take them: `exec`, `noexec`, `nosuid`, `uid=1000`, ... */
  options?: string[];
}

/** Restart policies a deployed service may have (Compose's `restart`). */
export type RestartPolicy = 'no' | 'always' | 'on-failure' | 'unless-stopped' | `on-failure:${number}`;

/** One service of a stack, validated and with its image resolved to a digest reference. */
export interface ServiceSpec {
  name: string;
  /** The image, pinned by digest: an image set entry, or the file's own reference named after the service. */
  image: PinnedImage;
  environment: Record<string, string>;
  /** Replaces the image's CMD. */
  command?: string[];
  ports: PortSpec[];
  /** Container ports from `expose` (not published). */
  expose: number[];
  /** From the file; `undefined` means the image's own HEALTHCHECK (if any) applies. */
  healthcheck?: HealthcheckSpec;
  /** `healthcheck: {test: [NONE]}` or `disable: true`: the image's HEALTHCHECK is switched off. */
  healthcheckDisabled: boolean;
  dependsOn: DependencySpec[];
  volumes: VolumeMountSpec[];
  /** Extra network aliases (on its first network); the service name is always one too. */
  aliases: string[];
  /**
   * The networks the service joins (names as declared in the file), each with the aliases it has
   * there; set only when the stack has several networks. Absent: the stack's one network, `aliases`.
   */
  networks?: ServiceNetworkSpec[];
  /** Replaces the image's ENTRYPOINT (and, as in Compose, its CMD unless `command` is given); `[]` clears it. */
  entrypoint?: string[];
  /** `user[:group]` the process runs as. */
  user?: string;
  workingDir?: string;
  /** Run an init process (PID 1) that forwards signals and reaps zombies. */
  init?: boolean;
  /** Read-only root file system (with no implicit tmpfs mounts, on either engine). */
  readOnly?: boolean;
  /** Capabilities dropped (`ALL` or names such as `NET_RAW`). */
  capDrop?: string[];
  /** Only `no-new-privileges` is allowed. */
  securityOpt?: string[];
  tmpfs?: TmpfsSpec[];
  /** Deploy mode only: what the engine does when the container exits. Validation never restarts. */
  restart?: RestartPolicy;
  /** The container's host name (Compose's `hostname`); other services still reach it by service name. */
  hostname?: string;
  /** Memory limit in bytes (`mem_limit` or `deploy.resources.limits.memory`). */
  memoryBytes?: number;
  /** CPU limit, e.g. `0.5` (`cpus` or `deploy.resources.limits.cpus`). */
  cpus?: number;
  /** Most processes the container may run at once (Compose's `pids_limit`; -1: unlimited). */
  pidsLimit?: number;
  /** Signal sent first when the service is stopped (Compose's `stop_signal`). */
  stopSignal?: string;
  /** Seconds between the stop signal and the kill (Compose's `stop_grace_period`, rounded up). */
  stopGracePeriodS?: number;
  /** What the input allow-privileged let the service have; absent when it asks for none of it. */
  hostAccess?: ServiceHostAccess;
}

/** Access to the host a service has because allow-privileged allowed it (each one a warning). */
export interface ServiceHostAccess {
  privileged?: true;
  /** Capabilities added (`cap_add`). */
  capAdd?: string[];
  /** Host devices, `host[:container[:permissions]]`. */
  devices?: string[];
  /** `pid: host`. */
  pid?: 'host';
  /** `ipc: host`. */
  ipc?: 'host';
}

/** A network a service joins and the extra names it has there (the service name is always one). */
export interface ServiceNetworkSpec {
  network: string;
  aliases: string[];
}

/** A network of the stack, as the file declares it; each becomes a network of the stack's own. */
export interface NetworkSpec {
  name: string;
  /** `internal: true`: no route out of the network. */
  internal?: boolean;
}

/** A parsed stack file. */
export interface StackSpec {
  /** Where the text came from (for messages). */
  source: string;
  /** Top-level `name`, when given. */
  name?: string;
  /** In file order. */
  services: ServiceSpec[];
  /** Declared named volumes, in file order. */
  volumes: string[];
  /**
   * The networks services join, in file order; set when there are several, or when the one is
   * `internal`. Absent: every service on the stack's one plain network.
   */
  networks?: NetworkSpec[];
  /** The allow-* inputs the stack was checked with (set only when one is true): logged at start, recorded in evidence. */
  allow?: HostAccess;
}
