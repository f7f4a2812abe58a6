/**
 * The container engine seen by digestline: one interface, implemented by `Docker` and `Podman`
 * (docker.ts, podman.ts) on top of their CLIs. Every method runs argv through one injected `Exec`.
 */
import type { ExecResult } from '../exec.js';

/** Which CLI an engine drives. */
export type EngineKind = 'docker' | 'podman';

/**
 * How the containers an engine starts get files of this process: `bind` mounts our paths (the engine
 * runs on this file system), `copy` stages them into engine volumes (the engine runs elsewhere, e.g.
 * this process is in a Forgejo job container talking to the host's engine). See engine/access.ts.
 */
export type FilesMode = 'bind' | 'copy';

/** What {@link ContainerEngine.serverInfo} reports. */
export interface ServerInfo {
  /** The engine's (server's) version. */
  version: string;
  /** Docker: the daemon's `DockerRootDir` (a path on the engine's host); podman: `''`. */
  rootDir: string;
}

/** Health as the engine reports it; `undefined` in {@link ContainerState} when no health check is configured. */
export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

/** When `build` pulls the images named in FROM. */
export type PullPolicy = 'missing' | 'always';

/** Options for {@link ContainerEngine.build}. */
export interface BuildOptions {
  /** Build context directory. */
  context: string;
  /** Containerfile/Dockerfile; defaults to the engine's lookup in `context`. */
  file?: string;
  /** Every tag to give the image (at least one is usual, none is allowed). */
  tags: string[];
  buildArgs?: Record<string, string>;
  labels?: Record<string, string>;
  /** Stop at this stage of a multi-stage file. */
  target?: string;
  /**
   * `missing` (default): use a local FROM image when present, so a base that exists only locally or
   * in a loopback registry just works; `always`: check the registry for a newer one.
   */
  pull?: PullPolicy;
  /**
   * Podman only: image format. Defaults to `docker` because the OCI format drops HEALTHCHECK (and
   * SHELL), which digestline's validation reads; Docker's builder always writes the Docker format.
   */
  format?: 'docker' | 'oci';
  /** Podman only: plain http / unverified TLS for registries touched by the build. Docker: daemon config. */
  insecure?: boolean;
  /**
   * Registry repository (no tag) holding layers of earlier builds to reuse. Podman looks each step
   * up there by its cache key (`--cache-from`); Docker's legacy builder can only match against an
   * image it has, so `<repo>:latest` is pulled first (a missing one is not an error) and named in
   * `--cache-from`: that reuses the layers of the last stage only.
   */
  cacheFrom?: string;
  /**
   * Registry repository (no tag) the build's layers go to for later builds. Podman pushes every
   * step's layer tagged by its cache key (`--cache-to`); Docker pushes the built image as
   * `<repo>:latest` after the build (its legacy builder has no `--cache-to`).
   */
  cacheTo?: string;
}

/** Options for registry operations (`push`, `pull`, `login`). */
export interface RegistryOptions {
  /** Podman only: `--tls-verify=false`. Docker decides per daemon (`insecure-registries`; loopback is insecure by default). */
  insecure?: boolean;
}

/** A published port. digestline publishes to loopback only. */
export interface PortMapping {
  /** Host address to bind, e.g. `127.0.0.1`. */
  host: string;
  /** Host port; omitted = the engine picks a free one (read it back with `inspectContainer`). */
  hostPort?: number;
  containerPort: number;
  protocol?: 'tcp' | 'udp';
}

/** A bind mount (`source` is an absolute path) or a named volume (`source` is its name). */
export interface VolumeMount {
  source: string;
  target: string;
  readonly?: boolean;
}

/**
 * A health check in Docker's form. `test` is `['CMD', prog, ...args]` (exec form),
 * `['CMD-SHELL', script]` (run by /bin/sh in the container) or `['NONE']` (disable the image's check);
 * a bare argv without a `CMD` marker is treated as `CMD`.
 */
export interface Healthcheck {
  test: string[];
  intervalMs?: number;
  timeoutMs?: number;
  retries?: number;
  startPeriodMs?: number;
}

/** Options shared by {@link ContainerEngine.run} and {@link ContainerEngine.runToCompletion}. */
export interface RunOptions {
  /** Image reference; digestline runs by digest (`repo@sha256:...`). */
  image: string;
  /** Container name; also its DNS name on user-defined networks. */
  name?: string;
  network?: string;
  /** Extra DNS names on `network`. */
  aliases?: string[];
  /**
   * Further networks joined (`network connect`, with their extra DNS names) after the container is
   * created and before its process starts: docker 20.10 takes one `--network` only.
   */
  networks?: Array<{ name: string; aliases?: string[] }>;
  /**
   * Fixed name → IP entries for the container's /etc/hosts (`--add-host`). Stacks pin the names of
   * services already running, so lookups do not depend on the engine's DNS server, which podman 4.3's
   * aardvark-dns answers late (5 s glibc retries) while other networks are created or removed.
   */
  hosts?: Record<string, string>;
  env?: Record<string, string>;
  /**
   * Names of variables the container takes from the engine CLI's own environment (`--env NAME`),
   * so that their values (tokens) never appear in argv.
   */
  passEnv?: string[];
  ports?: PortMapping[];
  /** Arguments after the image (replace the image's CMD). */
  command?: string[];
  /**
   * Replaces the image's ENTRYPOINT; `''` or `[]` clears it. A list is the exec form: its first word
   * becomes `--entrypoint`, the others go before `command` (both engines then drop the image's CMD).
   */
  entrypoint?: string | string[];
  labels?: Record<string, string>;
  volumes?: VolumeMount[];
  healthcheck?: Healthcheck;
  user?: string;
  /** `run` always detaches; accepted so call sites may say so. */
  detach?: true;
  /** Remove the container when it exits. */
  rm?: boolean;
  workdir?: string;
  /** Run an init process as PID 1 (`--init`). */
  init?: boolean;
  /** Read-only root file system; podman is told not to add its tmpfs mounts, so both engines agree. */
  readOnly?: boolean;
  /** Capabilities to drop (`--cap-drop`). */
  capDrop?: string[];
  /** `--security-opt` values, e.g. `no-new-privileges`. */
  securityOpt?: string[];
  /** tmpfs mounts (`--tmpfs target[:size=<bytes>,mode=<octal>]`). */
  tmpfs?: TmpfsMount[];
  /** Restart policy (`--restart`): `no`, `always`, `on-failure[:N]`, `unless-stopped`. */
  restart?: string;
  /** The container's host name (`--hostname`); the engine's default is the container id. */
  hostname?: string;
  /** Most processes the container may run at once (`--pids-limit`; -1: unlimited). */
  pidsLimit?: number;
  /** Memory limit in bytes (`--memory`). */
  memoryBytes?: number;
  /** CPU limit in CPUs, e.g. `0.5` (`--cpus`). */
  cpus?: number;
  /** Signal `stop` sends first (`--stop-signal`), e.g. `SIGINT`. */
  stopSignal?: string;
  /** Seconds `stop` waits after the stop signal before killing (`--stop-timeout`). */
  stopTimeoutS?: number;
  /** Every capability and every device (`--privileged`). Only with the stack's allow-privileged. */
  privileged?: boolean;
  /** Capabilities added (`--cap-add`). Only with the stack's allow-privileged. */
  capAdd?: string[];
  /** Host devices (`--device host[:container[:permissions]]`). Only with the stack's allow-privileged. */
  devices?: string[];
  /** `host`: the host's PID namespace (`--pid host`). Only with the stack's allow-privileged. */
  pid?: 'host';
  /** `host`: the host's IPC namespace (`--ipc host`). Only with the stack's allow-privileged. */
  ipc?: 'host';
}

/** A tmpfs mount for {@link RunOptions.tmpfs}. */
export interface TmpfsMount {
  target: string;
  sizeBytes?: number;
  /** File mode of the mount's root, e.g. `0o1777`. */
  mode?: number;
  /** Further mount options both engines pass on: `exec`, `noexec`, `nosuid`, `uid=1000`, ... */
  options?: string[];
}

/** How {@link ContainerEngine.runStreaming} hands over output and when it gives up. */
export interface StreamingRunOptions {
  /**
   * Receives the output: the container's stdout, then the engine's stderr (the container's stderr
   * and the engine's own complaints). The CLI engines deliver it when the run ends: `Exec` collects
   * a command's output and has no per-chunk listener.
   */
  onOutput: (chunk: Buffer) => void;
  /** Kill the engine command after this many ms (an `ExecError` then says so). */
  timeoutMs?: number;
}

/** Options of {@link ContainerEngine.networkCreate}. */
export interface NetworkCreateOptions {
  labels?: Record<string, string>;
  /** No route out of the network (`--internal`). */
  internal?: boolean;
  /** No traffic between this network and other bridge networks. */
  isolate?: boolean;
}

/** A network a container is attached to. */
export interface ContainerNetwork {
  name: string;
  ipAddress?: string;
  aliases: string[];
}

/** A published port as the engine bound it. */
export interface PortBinding {
  containerPort: number;
  protocol: string;
  hostIp: string;
  hostPort: number;
}

/** Run state of a container. */
export interface ContainerState {
  /** Engine status word: `created`, `running`, `exited`, ... */
  status: string;
  running: boolean;
  exitCode: number;
  /** `undefined` when the container has no health check. */
  health?: HealthStatus;
}

/** What {@link ContainerEngine.inspectContainer} reports. */
export interface ContainerInfo {
  id: string;
  name: string;
  state: ContainerState;
  /** Local image id (`sha256:<hex>`). */
  image: string;
  /** The reference the container was created from, as given to `run`. */
  imageRef: string;
  /**
   * Manifest digest of the image the container runs: the digest in `imageRef` when it was run by
   * digest, else the image's one repo digest for that repository; `undefined` when that is unknown
   * or ambiguous (e.g. a local build, or podman holding both a local and a pushed digest).
   */
  imageDigest?: string;
  networks: ContainerNetwork[];
  /** Published ports only. */
  ports: PortBinding[];
  labels: Record<string, string>;
}

/** What {@link ContainerEngine.inspectImage} reports. */
export interface ImageInfo {
  /** Local image id (`sha256:<hex>`). */
  id: string;
  size: number;
  /** `Config.User`; `''` means root. */
  user: string;
  labels: Record<string, string>;
  /** The image's HEALTHCHECK; `undefined` when absent or `NONE`. */
  healthcheck?: Healthcheck;
  env: Record<string, string>;
  entrypoint: string[];
  cmd: string[];
  /** `RepoDigests`: `repo@sha256:...` entries. */
  digests: string[];
  /** Creation time as the engine reports it (RFC 3339). */
  created: string;
  /** `EXPOSE`d ports such as `8080/tcp`. */
  exposedPorts: string[];
}

/** One row of {@link ContainerEngine.containerList}. */
export interface ContainerSummary {
  id: string;
  name: string;
}

/** Label filter: `key` (any value) or `key=value`. */
export interface LabelFilter {
  label?: string;
}

/**
 * A container engine CLI. Implementations: `Docker`, `Podman`; choose one with `selectEngine`.
 * Every failure is an `ExecError` naming the command and ending with the engine's stderr.
 */
export interface ContainerEngine {
  readonly kind: EngineKind;
  /** The CLI program run (name on PATH or path). */
  readonly bin: string;
  /**
   * Whether containers may bind-mount this process's paths (`bind`, the default) or must get copies
   * staged through the engine (`copy`); decided once per run by `connectEngine` (engine/access.ts).
   */
  files: FilesMode;

  /**
   * Asks the engine (not only the CLI) for its version, within `timeoutMs`.
   * @throws ExecError when the engine cannot be reached (or the CLI not run) in time
   */
  serverInfo(opts?: { timeoutMs?: number }): Promise<ServerInfo>;

  /** Builds an image; returns its local image id (`sha256:<hex>`). */
  build(opts: BuildOptions): Promise<string>;
  /**
   * Pushes `ref` (a tagged local image); returns the manifest digest the registry now serves for it,
   * or undefined when the engine does not say (podman's remote client against an older podman
   * service leaves `--digestfile` empty): the caller then reads it back and checks it.
   */
  push(ref: string, opts?: RegistryOptions): Promise<string | undefined>;
  /** Logs in with the password on stdin (never in argv); the password is masked in logs. */
  login(registry: string, username: string, password: string, opts?: RegistryOptions): Promise<void>;
  pull(ref: string, opts?: RegistryOptions): Promise<void>;
  tag(source: string, target: string): Promise<void>;
  removeImage(ref: string, opts?: { force?: boolean }): Promise<void>;

  /**
   * Creates a bridge network. `isolate`: no traffic to or from other bridge networks, by address
   * either (docker keeps bridges apart anyway; podman's netavark routes between them unless told).
   */
  networkCreate(name: string, opts?: NetworkCreateOptions): Promise<void>;
  networkRemove(name: string): Promise<void>;
  /** Network names, optionally only those with a label. */
  networkList(opts?: LabelFilter): Promise<string[]>;

  /** Starts a detached container; returns its full id. */
  run(opts: RunOptions): Promise<string>;
  /** Runs a container in the foreground; a non-zero exit code is returned, not thrown. */
  runToCompletion(opts: RunOptions, exec?: { timeoutMs?: number }): Promise<ExecResult>;
  /**
   * Runs a container in the foreground without echoing it to the log, handing its output to
   * `io.onOutput`; a non-zero exit code is returned, not thrown.
   * @throws ExecError when the engine cannot be started or `io.timeoutMs` passed
   */
  runStreaming(opts: RunOptions, io: StreamingRunOptions): Promise<{ exitCode: number }>;
  /**
   * Creates a container without starting it (`create`, the options of `run`); returns its full id.
   * With {@link startAttached} this splits `runToCompletion`, so the creation can happen while the
   * caller still waits for something.
   */
  create(opts: RunOptions): Promise<string>;
  /**
   * Starts a created container in the foreground (`start --attach`) and returns its output and
   * exit code; a non-zero exit code is returned, not thrown.
   */
  startAttached(nameOrId: string, exec?: { timeoutMs?: number }): Promise<ExecResult>;
  inspectContainer(nameOrId: string): Promise<ContainerInfo>;
  /**
   * The engine's own `container inspect` JSON, unparsed (for diagnostics bundles).
   */
  inspectContainerRaw(nameOrId: string): Promise<string>;
  /**
   * Copies a host file or directory into a container (`cp SRC CONTAINER:PATH`); the container may
   * be created but not started. Works when the engine runs on another host than this process.
   */
  copyInto(source: string, container: string, path: string): Promise<void>;
  /**
   * Copies a file or directory out of a container (`cp CONTAINER:PATH DEST`); the container may be
   * created but not started. Works when the engine runs on another host than this process.
   */
  copyFrom(container: string, path: string, dest: string): Promise<void>;
  /**
   * Runs the container's health check once now. Podman schedules checks with systemd timers, so
   * on hosts without systemd (CI containers) its status stays `starting` unless checks are run by
   * hand; docker runs them itself and this is a no-op. Call it before each `inspectContainer` poll.
   */
  runHealthcheck(nameOrId: string): Promise<void>;
  logs(nameOrId: string): Promise<{ stdout: string; stderr: string }>;
  stop(nameOrId: string, timeoutS?: number): Promise<void>;
  remove(nameOrId: string, opts?: { force?: boolean; volumes?: boolean }): Promise<void>;
  containerList(opts?: LabelFilter & { all?: boolean }): Promise<ContainerSummary[]>;

  volumeCreate(name: string, opts?: { labels?: Record<string, string> }): Promise<void>;
  volumeRemove(name: string, opts?: { force?: boolean }): Promise<void>;
  volumeList(opts?: LabelFilter): Promise<string[]>;
  /** Where a volume's data lives: a path on the engine's host (`volume inspect` → Mountpoint). */
  volumeMountpoint(name: string): Promise<string>;

  inspectImage(ref: string): Promise<ImageInfo>;
}
