/**
 * What Docker and Podman share: their CLIs agree on most verbs and flags, so the argv builders and
 * the inspect parsers live here and the subclasses override only where the engines differ.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exec, ExecResult } from '../exec.js';
import type {
  BuildOptions,
  ContainerEngine,
  ContainerInfo,
  ContainerNetwork,
  ContainerSummary,
  EngineKind,
  Healthcheck,
  HealthStatus,
  ImageInfo,
  LabelFilter,
  PortBinding,
  PortMapping,
  RegistryOptions,
  RunOptions,
  VolumeMount,
} from './engine.js';

/** Common argv builders and parsers for the Docker and Podman CLIs. */
export abstract class CliEngine implements ContainerEngine {
  abstract readonly kind: EngineKind;

  /**
   * @param exec runs every command; inject a spied instance in tests
   * @param bin the CLI program (name on PATH or absolute path)
   */
  constructor(
    readonly exec: Exec,
    readonly bin: string,
  ) {}

  // ---- argv builders (pure; pinned by test tables) ----

  /** `build` argv, writing the image id to `iidfile`. */
  buildArgs(opts: BuildOptions, iidfile: string): string[] {
    const args = ['build', ...this.buildEngineArgs(opts)];
    if (opts.file !== undefined) args.push('--file', opts.file);
    if (opts.target !== undefined) args.push('--target', opts.target);
    for (const [k, v] of Object.entries(opts.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
    for (const [k, v] of Object.entries(opts.labels ?? {})) args.push('--label', `${k}=${v}`);
    for (const tag of opts.tags) args.push('--tag', tag);
    args.push('--iidfile', iidfile, opts.context);
    return args;
  }

  /** Engine-specific `build` flags (pull policy, format, TLS). */
  protected abstract buildEngineArgs(opts: BuildOptions): string[];

  /** `login` argv; the password goes to stdin. */
  loginArgs(registry: string, username: string, opts: RegistryOptions = {}): string[] {
    return ['login', ...this.tlsArgs(opts), '--username', username, '--password-stdin', registry];
  }

  /** `pull` argv. */
  pullArgs(ref: string, opts: RegistryOptions = {}): string[] {
    return ['pull', ...this.tlsArgs(opts), ref];
  }

  /** Podman's `--tls-verify=false`; docker has no per-command switch. */
  protected tlsArgs(_opts: RegistryOptions): string[] {
    return [];
  }

  /** `network create` argv. */
  networkCreateArgs(
    name: string,
    opts: { labels?: Record<string, string>; internal?: boolean } = {},
  ): string[] {
    const args = ['network', 'create'];
    for (const [k, v] of Object.entries(opts.labels ?? {})) args.push('--label', `${k}=${v}`);
    if (opts.internal) args.push('--internal');
    args.push(name);
    return args;
  }

  /** `run` argv: detached for `run`, foreground for `runToCompletion`. */
  runArgs(opts: RunOptions, detach: boolean): string[] {
    const args = ['run'];
    if (detach) args.push('--detach');
    if (opts.rm) args.push('--rm');
    if (opts.name !== undefined) args.push('--name', opts.name);
    if (opts.network !== undefined) args.push('--network', opts.network);
    for (const alias of opts.aliases ?? []) args.push('--network-alias', alias);
    for (const [name, ip] of Object.entries(opts.hosts ?? {})) args.push('--add-host', `${name}:${ip}`);
    for (const [k, v] of Object.entries(opts.labels ?? {})) args.push('--label', `${k}=${v}`);
    for (const [k, v] of Object.entries(opts.env ?? {})) args.push('--env', `${k}=${v}`);
    for (const port of opts.ports ?? []) args.push('--publish', publishSpec(port));
    for (const volume of opts.volumes ?? []) args.push('--volume', volumeSpec(volume));
    if (opts.user !== undefined) args.push('--user', opts.user);
    if (opts.workdir !== undefined) args.push('--workdir', opts.workdir);
    if (opts.entrypoint !== undefined) args.push('--entrypoint', opts.entrypoint);
    if (opts.healthcheck) args.push(...this.healthcheckArgs(opts.healthcheck));
    args.push(opts.image, ...(opts.command ?? []));
    return args;
  }

  /** `create` argv: the flags of {@link runArgs}, for a container started later. */
  createArgs(opts: RunOptions): string[] {
    return ['create', ...this.runArgs(opts, false).slice(1)];
  }

  /** `start --attach` argv: the container's output and exit code become the command's. */
  startAttachedArgs(nameOrId: string): string[] {
    return ['start', '--attach', nameOrId];
  }

  /** `--health-*` flags for a Docker-form health check. */
  healthcheckArgs(hc: Healthcheck): string[] {
    const [kind, ...rest] = hc.test;
    if (kind === 'NONE') return ['--no-healthcheck'];
    let cmd: string;
    if (kind === 'CMD-SHELL') {
      if (rest.length !== 1)
        throw new Error(`healthcheck CMD-SHELL takes exactly one script, got ${rest.length}`);
      cmd = rest[0] as string;
    } else {
      const argv = kind === 'CMD' ? rest : hc.test;
      if (argv.length === 0)
        throw new Error('healthcheck test is empty: give a command, CMD-SHELL script or NONE');
      cmd = this.execFormHealthCmd(argv);
    }
    const args = ['--health-cmd', cmd];
    if (hc.intervalMs !== undefined) args.push('--health-interval', goDuration(hc.intervalMs));
    if (hc.timeoutMs !== undefined) args.push('--health-timeout', goDuration(hc.timeoutMs));
    if (hc.retries !== undefined) args.push('--health-retries', String(hc.retries));
    if (hc.startPeriodMs !== undefined) args.push('--health-start-period', goDuration(hc.startPeriodMs));
    return args;
  }

  /** How `--health-cmd` expresses an exec-form check (it differs between the engines). */
  protected abstract execFormHealthCmd(argv: string[]): string;

  /** `rm` argv. */
  removeArgs(nameOrId: string, opts: { force?: boolean; volumes?: boolean } = {}): string[] {
    const args = ['rm'];
    if (opts.force) args.push('--force');
    if (opts.volumes) args.push('--volumes');
    args.push(nameOrId);
    return args;
  }

  // ---- commands ----

  async build(opts: BuildOptions): Promise<string> {
    return this.withTempDir(async (dir) => {
      const iidfile = join(dir, 'iid');
      await this.exec.exec(this.bin, this.buildArgs(opts, iidfile));
      const id = (await readFile(iidfile, 'utf8')).trim();
      if (!/^sha256:[0-9a-f]{64}$/.test(id)) {
        throw new Error(
          `${this.bin} build succeeded but wrote no image id to --iidfile (got ${JSON.stringify(id)})`,
        );
      }
      return id;
    });
  }

  abstract push(ref: string, opts?: RegistryOptions): Promise<string>;

  async login(
    registry: string,
    username: string,
    password: string,
    opts: RegistryOptions = {},
  ): Promise<void> {
    await this.exec.exec(this.bin, this.loginArgs(registry, username, opts), {
      input: password,
      secrets: [password],
    });
  }

  async logout(registry: string): Promise<void> {
    await this.exec.exec(this.bin, ['logout', registry]);
  }

  async pull(ref: string, opts: RegistryOptions = {}): Promise<void> {
    await this.exec.exec(this.bin, this.pullArgs(ref, opts));
  }

  async tag(source: string, target: string): Promise<void> {
    await this.exec.exec(this.bin, ['tag', source, target], { silent: true });
  }

  async removeImage(ref: string, opts: { force?: boolean } = {}): Promise<void> {
    await this.exec.exec(this.bin, ['rmi', ...(opts.force ? ['--force'] : []), ref], { silent: true });
  }

  async networkCreate(
    name: string,
    opts: { labels?: Record<string, string>; internal?: boolean } = {},
  ): Promise<void> {
    await this.exec.exec(this.bin, this.networkCreateArgs(name, opts), { silent: true });
  }

  async networkRemove(name: string): Promise<void> {
    await this.exec.exec(this.bin, ['network', 'rm', name], { silent: true });
  }

  async networkList(opts: LabelFilter = {}): Promise<string[]> {
    const r = await this.exec.exec(
      this.bin,
      ['network', 'ls', ...labelFilterArgs(opts), '--format', '{{.Name}}'],
      { silent: true },
    );
    return lines(r.stdout);
  }

  async run(opts: RunOptions): Promise<string> {
    const r = await this.exec.exec(this.bin, this.runArgs(opts, true));
    // Pull progress may precede the id; the id is the last line.
    const id = lines(r.stdout).pop() ?? '';
    if (!/^[0-9a-f]{64}$/.test(id)) {
      throw new Error(`${this.bin} run printed no container id (stdout ended with ${JSON.stringify(id)})`);
    }
    return id;
  }

  async runToCompletion(opts: RunOptions, exec: { timeoutMs?: number } = {}): Promise<ExecResult> {
    return this.exec.exec(this.bin, this.runArgs(opts, false), {
      ignoreReturnCode: true,
      timeoutMs: exec.timeoutMs,
    });
  }

  async create(opts: RunOptions): Promise<string> {
    const r = await this.exec.exec(this.bin, this.createArgs(opts), { silent: true });
    const id = lines(r.stdout).pop() ?? '';
    if (!/^[0-9a-f]{64}$/.test(id)) {
      throw new Error(`${this.bin} create printed no container id (stdout ended with ${JSON.stringify(id)})`);
    }
    return id;
  }

  async startAttached(nameOrId: string, exec: { timeoutMs?: number } = {}): Promise<ExecResult> {
    return this.exec.exec(this.bin, this.startAttachedArgs(nameOrId), {
      ignoreReturnCode: true,
      timeoutMs: exec.timeoutMs,
    });
  }

  async inspectContainer(nameOrId: string): Promise<ContainerInfo> {
    const r = await this.exec.exec(this.bin, ['container', 'inspect', nameOrId], { silent: true });
    const info = this.parseContainerInspect(r.stdout);
    if (info.imageDigest === undefined) {
      const digests = await this.repoDigestsOf(info.image);
      const digest = pickRepoDigest(digests, info.imageRef);
      if (digest !== undefined) info.imageDigest = digest;
    }
    return info;
  }

  private async repoDigestsOf(imageId: string): Promise<string[]> {
    const r = await this.exec.exec(
      this.bin,
      ['image', 'inspect', '--format', '{{json .RepoDigests}}', imageId],
      {
        silent: true,
        ignoreReturnCode: true,
      },
    );
    // The image may be gone (removed while its container lives on): then the digest is unknown.
    if (r.exitCode !== 0) return [];
    const parsed: unknown = JSON.parse(r.stdout.trim() || 'null');
    return stringArray(parsed);
  }

  async runHealthcheck(_nameOrId: string): Promise<void> {}

  async logs(nameOrId: string): Promise<{ stdout: string; stderr: string }> {
    const r = await this.exec.exec(this.bin, ['logs', nameOrId], { silent: true });
    return { stdout: r.stdout, stderr: r.stderr };
  }

  async stop(nameOrId: string, timeoutS = 10): Promise<void> {
    await this.exec.exec(this.bin, ['stop', '--time', String(timeoutS), nameOrId], { silent: true });
  }

  async remove(nameOrId: string, opts: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    await this.exec.exec(this.bin, this.removeArgs(nameOrId, opts), { silent: true });
  }

  async containerList(opts: LabelFilter & { all?: boolean } = {}): Promise<ContainerSummary[]> {
    const args = ['ps', '--no-trunc', ...(opts.all ? ['--all'] : []), ...labelFilterArgs(opts)];
    args.push('--format', '{{.ID}}\t{{.Names}}');
    const r = await this.exec.exec(this.bin, args, { silent: true });
    return lines(r.stdout).map((line) => {
      const [id = '', name = ''] = line.split('\t');
      return { id, name };
    });
  }

  async volumeCreate(name: string, opts: { labels?: Record<string, string> } = {}): Promise<void> {
    const args = ['volume', 'create'];
    for (const [k, v] of Object.entries(opts.labels ?? {})) args.push('--label', `${k}=${v}`);
    await this.exec.exec(this.bin, [...args, name], { silent: true });
  }

  async volumeRemove(name: string, opts: { force?: boolean } = {}): Promise<void> {
    await this.exec.exec(this.bin, ['volume', 'rm', ...(opts.force ? ['--force'] : []), name], {
      silent: true,
    });
  }

  async volumeList(opts: LabelFilter = {}): Promise<string[]> {
    const r = await this.exec.exec(this.bin, ['volume', 'ls', '--quiet', ...labelFilterArgs(opts)], {
      silent: true,
    });
    return lines(r.stdout);
  }

  async inspectImage(ref: string): Promise<ImageInfo> {
    const r = await this.exec.exec(this.bin, ['image', 'inspect', ref], { silent: true });
    return this.parseImageInspect(r.stdout);
  }

  // ---- parsers (pure; tested against JSON captured from real engines) ----

  /** Parses `container inspect` output (a one-element JSON array). */
  parseContainerInspect(json: string): ContainerInfo {
    const raw = firstOf(json, 'container inspect');
    const state = record(raw.State);
    const config = record(raw.Config);
    const net = record(raw.NetworkSettings);
    const imageRef = this.containerImageRef(raw);
    const info: ContainerInfo = {
      id: string(raw.Id),
      name: string(raw.Name).replace(/^\//, ''),
      state: {
        status: string(state.Status),
        running: state.Running === true,
        exitCode: number(state.ExitCode),
      },
      image: withSha256Prefix(string(raw.Image)),
      imageRef,
      networks: parseNetworks(net.Networks),
      ports: parsePorts(net.Ports),
      labels: stringRecord(config.Labels),
    };
    const health = this.containerHealth(state);
    if (health !== undefined) info.state.health = health;
    const digest = digestOf(imageRef);
    if (digest !== undefined) info.imageDigest = digest;
    return info;
  }

  /** The reference the container was created from. */
  protected abstract containerImageRef(raw: Record<string, unknown>): string;

  /** Reads `State.Health` (docker, podman 4) and `State.Healthcheck` (older podman). */
  protected containerHealth(state: Record<string, unknown>): HealthStatus | undefined {
    const health = record(state.Health ?? state.Healthcheck);
    const status = string(health.Status).toLowerCase();
    return status === 'starting' || status === 'healthy' || status === 'unhealthy' ? status : undefined;
  }

  /** Parses `image inspect` output (a one-element JSON array). */
  parseImageInspect(json: string): ImageInfo {
    const raw = firstOf(json, 'image inspect');
    const config = record(raw.Config);
    const info: ImageInfo = {
      id: withSha256Prefix(string(raw.Id)),
      size: number(raw.Size),
      // Podman repeats some Config fields at the top level, and writes only there for some images.
      user: string(config.User ?? raw.User),
      labels: stringRecord(config.Labels ?? raw.Labels),
      env: parseEnv(stringArray(config.Env)),
      entrypoint: stringArray(config.Entrypoint),
      cmd: stringArray(config.Cmd),
      digests: stringArray(raw.RepoDigests),
      created: string(raw.Created),
      exposedPorts: Object.keys(record(config.ExposedPorts)),
    };
    const healthcheck = parseImageHealthcheck(config.Healthcheck ?? raw.Healthcheck);
    if (healthcheck) info.healthcheck = healthcheck;
    return info;
  }

  /** Runs `fn` with a private temporary directory, removed afterwards whatever happens. */
  protected async withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), `digestline-${this.kind}-`));
    try {
      return await fn(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

// ---- helpers ----

/** `127.0.0.1:8080:80`, `127.0.0.1::80/udp`, `[::1]:8080:80`. */
function publishSpec(port: PortMapping): string {
  const host = port.host.includes(':') ? `[${port.host}]` : port.host;
  const proto = port.protocol && port.protocol !== 'tcp' ? `/${port.protocol}` : '';
  return `${host}:${port.hostPort ?? ''}:${port.containerPort}${proto}`;
}

function volumeSpec(v: VolumeMount): string {
  return `${v.source}:${v.target}${v.readonly ? ':ro' : ''}`;
}

function labelFilterArgs(opts: LabelFilter): string[] {
  return opts.label !== undefined ? ['--filter', `label=${opts.label}`] : [];
}

/** A duration both engines parse (Go's time.ParseDuration). */
export function goDuration(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`durations must be whole milliseconds >= 0, got ${ms}`);
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Non-empty, trimmed lines. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The digest part of `repo@sha256:...`, if any. */
export function digestOf(ref: string): string | undefined {
  return /@(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/.exec(ref)?.[1];
}

/**
 * Repository of a reference without tag or digest, in the form engines print in RepoDigests
 * (`docker.io/library/x` and `x` compare equal).
 */
export function repositoryOf(ref: string): string {
  let repo = ref.replace(/@.*$/, '');
  const slash = repo.lastIndexOf('/');
  const colon = repo.lastIndexOf(':');
  if (colon > slash) repo = repo.slice(0, colon);
  return repo.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
}

/**
 * The one digest among `repoDigests` for `ref`'s repository; `undefined` when none or several
 * distinct ones match (then guessing could name the wrong image).
 */
export function pickRepoDigest(repoDigests: readonly string[], ref: string): string | undefined {
  const repo = repositoryOf(ref);
  const found = new Set<string>();
  for (const entry of repoDigests) {
    const digest = digestOf(entry);
    if (digest !== undefined && repositoryOf(entry) === repo) found.add(digest);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

function firstOf(json: string, what: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    throw new Error(`${what} printed something that is not JSON: ${json.slice(0, 200)}`, { cause: err });
  }
  const first: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
  if (typeof first !== 'object' || first === null)
    throw new Error(`${what} printed no object: ${json.slice(0, 200)}`);
  return first as Record<string, unknown>;
}

function record(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

function string(x: unknown): string {
  return typeof x === 'string' ? x : '';
}

function number(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}

function stringArray(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((e): e is string => typeof e === 'string') : [];
}

function stringRecord(x: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record(x))) if (typeof v === 'string') out[k] = v;
  return out;
}

function withSha256Prefix(id: string): string {
  return /^[0-9a-f]{64}$/.test(id) ? `sha256:${id}` : id;
}

function parseEnv(entries: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
    else env[entry] = '';
  }
  return env;
}

function parseNetworks(x: unknown): ContainerNetwork[] {
  return Object.entries(record(x)).map(([name, value]) => {
    const n = record(value);
    const network: ContainerNetwork = { name, aliases: stringArray(n.Aliases) };
    const ip = string(n.IPAddress);
    if (ip !== '') network.ipAddress = ip;
    return network;
  });
}

function parsePorts(x: unknown): PortBinding[] {
  const out: PortBinding[] = [];
  for (const [key, bindings] of Object.entries(record(x))) {
    const [port = '', protocol = 'tcp'] = key.split('/');
    if (!Array.isArray(bindings)) continue; // exposed, not published
    for (const b of bindings) {
      const binding = record(b);
      out.push({
        containerPort: Number(port),
        protocol,
        hostIp: string(binding.HostIp),
        hostPort: Number(string(binding.HostPort)),
      });
    }
  }
  return out;
}

/** Image health checks carry durations in nanoseconds. */
function parseImageHealthcheck(x: unknown): Healthcheck | undefined {
  const hc = record(x);
  const test = stringArray(hc.Test);
  if (test.length === 0 || test[0] === 'NONE') return undefined;
  const out: Healthcheck = { test };
  const ms = (ns: unknown): number | undefined =>
    typeof ns === 'number' && ns > 0 ? Math.round(ns / 1_000_000) : undefined;
  const interval = ms(hc.Interval);
  const timeout = ms(hc.Timeout);
  const startPeriod = ms(hc.StartPeriod);
  if (interval !== undefined) out.intervalMs = interval;
  if (timeout !== undefined) out.timeoutMs = timeout;
  if (typeof hc.Retries === 'number' && hc.Retries > 0) out.retries = hc.Retries;
  if (startPeriod !== undefined) out.startPeriodMs = startPeriod;
  return out;
}
