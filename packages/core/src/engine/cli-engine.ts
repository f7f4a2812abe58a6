/**
 * What Docker and Podman share: their CLIs agree on most verbs and flags, so the argv builders and
 * the commands live here (the JSON readers in inspect-json.ts) and the subclasses override only
 * where the engines differ.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exec, ExecResult } from '../exec.js';
import { buildArgv, buildError } from './build-args.js';
import { labelFilterArgs, lines, tmpfsSpec } from './cli-args.js';
import type {
  BuildOptions,
  ContainerEngine,
  ContainerInfo,
  ContainerSummary,
  EngineKind,
  FilesMode,
  Healthcheck,
  ImageInfo,
  LabelFilter,
  NetworkCreateOptions,
  RegistryOptions,
  RunOptions,
  ServerInfo,
  StreamingRunOptions,
  TmpfsMount,
} from './engine.js';
import {
  containerHealth,
  firstOf,
  number,
  parseImageInspect,
  parseNetworks,
  parsePorts,
  record,
  string,
  stringArray,
  stringRecord,
  withSha256Prefix,
} from './inspect-json.js';
import { digestOf, pickRepoDigest } from './repo-digests.js';
import { confinementArgs, healthcheckArgs, runArgs } from './run-args.js';

/** Common argv builders and parsers for the Docker and Podman CLIs. */
export abstract class CliEngine implements ContainerEngine {
  abstract readonly kind: EngineKind;
  files: FilesMode = 'bind';

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
    return buildArgv(this.buildEngineArgs(opts), opts, iidfile);
  }

  /** Engine-specific `build` flags (pull policy, format, TLS, registry cache). */
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
  networkCreateArgs(name: string, opts: NetworkCreateOptions = {}): string[] {
    const args = ['network', 'create'];
    for (const [k, v] of Object.entries(opts.labels ?? {})) args.push('--label', `${k}=${v}`);
    if (opts.internal) args.push('--internal');
    args.push(...this.isolateArgs(opts));
    args.push(name);
    return args;
  }

  /** Docker keeps bridge networks apart by default: nothing to add. */
  protected isolateArgs(_opts: NetworkCreateOptions): string[] {
    return [];
  }

  /** `run` argv: detached for `run`, foreground for `runToCompletion`. */
  runArgs(opts: RunOptions, detach: boolean): string[] {
    return runArgs(opts, detach, {
      confinementArgs: (o) => this.confinementArgs(o),
      healthcheckArgs: (hc) => this.healthcheckArgs(hc),
      tmpfsSpec: (t, o) => this.tmpfsSpec(t, o),
    });
  }

  /** The value of one `--tmpfs` flag for a container run with `opts`. */
  protected tmpfsSpec(t: TmpfsMount, _opts: RunOptions): string {
    return tmpfsSpec(t);
  }

  /** `--init`, `--read-only`, `--cap-drop`, `--security-opt`: what limits the container. */
  protected confinementArgs(opts: RunOptions): string[] {
    return confinementArgs(opts);
  }

  /** `create` argv: the flags of {@link runArgs}, for a container started later. */
  createArgs(opts: RunOptions): string[] {
    return ['create', ...this.runArgs(opts, false).slice(1)];
  }

  /** `network connect` argv: one more network (and DNS names there) for a container. */
  networkConnectArgs(network: string, container: string, aliases: string[] = []): string[] {
    return ['network', 'connect', ...aliases.flatMap((a) => ['--alias', a]), network, container];
  }

  /** `start --attach` argv: the container's output and exit code become the command's. */
  startAttachedArgs(nameOrId: string): string[] {
    return ['start', '--attach', nameOrId];
  }

  /** `cp` argv: copies a host file or directory into a container. */
  copyIntoArgs(source: string, container: string, path: string): string[] {
    return ['cp', source, `${container}:${path}`];
  }

  /** `cp` argv: copies a file or directory out of a container. */
  copyFromArgs(container: string, path: string, dest: string): string[] {
    return ['cp', `${container}:${path}`, dest];
  }

  /** `volume inspect` argv printing the volume's Mountpoint. */
  volumeMountpointArgs(name: string): string[] {
    return ['volume', 'inspect', '--format', '{{.Mountpoint}}', name];
  }

  /** argv asking the engine for `<version>\t<root dir>` (the root dir may be empty). */
  abstract serverInfoArgs(): string[];

  /** `--health-*` flags for a Docker-form health check. */
  healthcheckArgs(hc: Healthcheck): string[] {
    return healthcheckArgs(hc, (argv) => this.execFormHealthCmd(argv));
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

  /** @throws BuildError when the build exits non-zero, with the failing step's output */
  async build(opts: BuildOptions): Promise<string> {
    return this.withTempDir(async (dir) => {
      const iidfile = join(dir, 'iid');
      const args = this.buildArgs(opts, iidfile);
      const result = await this.exec.exec(this.bin, args, { ignoreReturnCode: true });
      if (result.exitCode !== 0) throw buildError([this.bin, ...args], result);
      const id = (await readFile(iidfile, 'utf8')).trim();
      if (!/^sha256:[0-9a-f]{64}$/.test(id)) {
        throw new Error(
          `${this.bin} build succeeded but wrote no image id to --iidfile (got ${JSON.stringify(id)})`,
        );
      }
      return id;
    });
  }

  abstract push(ref: string, opts?: RegistryOptions): Promise<string | undefined>;

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

  async pull(ref: string, opts: RegistryOptions = {}): Promise<void> {
    await this.exec.exec(this.bin, this.pullArgs(ref, opts));
  }

  async tag(source: string, target: string): Promise<void> {
    await this.exec.exec(this.bin, ['tag', source, target], { silent: true });
  }

  async removeImage(ref: string, opts: { force?: boolean } = {}): Promise<void> {
    await this.exec.exec(this.bin, ['rmi', ...(opts.force ? ['--force'] : []), ref], { silent: true });
  }

  async networkCreate(name: string, opts: NetworkCreateOptions = {}): Promise<void> {
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
    if (opts.networks?.length) {
      const id = await this.create(opts);
      await this.exec.exec(this.bin, ['start', id], { silent: true });
      return id;
    }
    const r = await this.exec.exec(this.bin, this.runArgs(opts, true));
    // Pull progress may precede the id; the id is the last line.
    const id = lines(r.stdout).pop() ?? '';
    if (!/^[0-9a-f]{64}$/.test(id)) {
      throw new Error(`${this.bin} run printed no container id (stdout ended with ${JSON.stringify(id)})`);
    }
    return id;
  }

  async runToCompletion(opts: RunOptions, exec: { timeoutMs?: number } = {}): Promise<ExecResult> {
    if (opts.networks?.length) return this.startAttached(await this.create(opts), exec);
    return this.exec.exec(this.bin, this.runArgs(opts, false), {
      ignoreReturnCode: true,
      timeoutMs: exec.timeoutMs,
    });
  }

  async runStreaming(opts: RunOptions, io: StreamingRunOptions): Promise<{ exitCode: number }> {
    const argv = opts.networks?.length
      ? this.startAttachedArgs(await this.create(opts))
      : this.runArgs(opts, false);
    const r = await this.exec.exec(this.bin, argv, {
      silent: true,
      ignoreReturnCode: true,
      ...(io.timeoutMs !== undefined ? { timeoutMs: io.timeoutMs } : {}),
    });
    io.onOutput(Buffer.from(r.stdout));
    if (r.stderr.trim() !== '') io.onOutput(Buffer.from(r.stderr));
    return { exitCode: r.exitCode };
  }

  async create(opts: RunOptions): Promise<string> {
    const r = await this.exec.exec(this.bin, this.createArgs(opts), { silent: true });
    const id = lines(r.stdout).pop() ?? '';
    if (!/^[0-9a-f]{64}$/.test(id)) {
      throw new Error(`${this.bin} create printed no container id (stdout ended with ${JSON.stringify(id)})`);
    }
    try {
      for (const n of opts.networks ?? []) {
        await this.exec.exec(this.bin, this.networkConnectArgs(n.name, id, n.aliases), { silent: true });
      }
    } catch (err) {
      await this.remove(id, { force: true }).catch(() => undefined);
      throw err;
    }
    return id;
  }

  async startAttached(nameOrId: string, exec: { timeoutMs?: number } = {}): Promise<ExecResult> {
    return this.exec.exec(this.bin, this.startAttachedArgs(nameOrId), {
      ignoreReturnCode: true,
      timeoutMs: exec.timeoutMs,
    });
  }

  async inspectContainerRaw(nameOrId: string): Promise<string> {
    const r = await this.exec.exec(this.bin, ['container', 'inspect', nameOrId], { silent: true });
    return r.stdout;
  }

  async inspectContainer(nameOrId: string): Promise<ContainerInfo> {
    const info = this.parseContainerInspect(await this.inspectContainerRaw(nameOrId));
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

  async copyInto(source: string, container: string, path: string): Promise<void> {
    await this.exec.exec(this.bin, this.copyIntoArgs(source, container, path), { silent: true });
  }

  async copyFrom(container: string, path: string, dest: string): Promise<void> {
    await this.exec.exec(this.bin, this.copyFromArgs(container, path, dest), { silent: true });
  }

  async volumeMountpoint(name: string): Promise<string> {
    const r = await this.exec.exec(this.bin, this.volumeMountpointArgs(name), { silent: true });
    const mountpoint = r.stdout.trim();
    if (!mountpoint.startsWith('/')) {
      throw new Error(
        `${this.bin} volume inspect ${name} gave no Mountpoint (got ${JSON.stringify(mountpoint)})`,
      );
    }
    return mountpoint;
  }

  async serverInfo(opts: { timeoutMs?: number } = {}): Promise<ServerInfo> {
    const r = await this.exec.exec(this.bin, this.serverInfoArgs(), {
      silent: true,
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    });
    const [version = '', rootDir = ''] = r.stdout.trim().split('\t');
    return { version: version.trim(), rootDir: rootDir.trim() };
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
    const health = containerHealth(state);
    if (health !== undefined) info.state.health = health;
    const digest = digestOf(imageRef);
    if (digest !== undefined) info.imageDigest = digest;
    return info;
  }

  /** The reference the container was created from. */
  protected abstract containerImageRef(raw: Record<string, unknown>): string;

  /** Parses `image inspect` output (a one-element JSON array). */
  parseImageInspect(json: string): ImageInfo {
    return parseImageInspect(json);
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
