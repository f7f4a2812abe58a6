/**
 * An in-memory `ContainerEngine` for unit tests: containers, networks and volumes live in maps,
 * every mutating call is recorded in `calls`, and what a container does (its health, when it exits,
 * its logs) is scripted per service. Tests change the hooks (`foreground`, `rawInspect`, `image`) to
 * play what they need, and subclass it where a method must do more; nothing here runs a process.
 */
import { vi } from 'vitest';
import type {
  ContainerEngine,
  ContainerInfo,
  ContainerSummary,
  EngineKind,
  FilesMode,
  ImageInfo,
  LabelFilter,
  RunOptions,
  ServerInfo,
  StreamingRunOptions,
} from '../../src/engine/engine.js';
import type { ExecResult } from '../../src/exec.js';

/** The label the fake reads a container's service from (the stack's `SERVICE_LABEL`). */
const SERVICE_LABEL = 'dev.digestline.service';

/** How a fake container behaves, keyed by service name (its `dev.digestline.service` label). */
export interface FakeBehaviour {
  /** `runHealthcheck` calls until the check passes (undefined: never). */
  healthyAfterChecks?: number;
  /** Exits with `code` on inspect poll number `onPoll`. */
  exit?: { code: number; onPoll: number };
  /** What `logs` returns as stdout. */
  logs?: string;
}

/** A container the fake engine holds. */
export interface FakeContainer {
  id: string;
  run: RunOptions;
  /** `runHealthcheck` calls so far. */
  checks: number;
  /** `inspectContainer` calls so far. */
  polls: number;
  running: boolean;
  exitCode: number;
  behaviour: FakeBehaviour;
  imageId: string;
}

/** Options of {@link FakeEngine}. */
export interface FakeEngineOptions {
  kind?: EngineKind;
  /** Per service name. */
  behaviours?: Record<string, FakeBehaviour>;
  /** Image refs whose image has a HEALTHCHECK. */
  imageHealthcheck?: Record<string, boolean>;
  /** Image ref → local image id (`sha256:unknown` for others). */
  imageIds?: Record<string, string>;
  /** Image refs not present locally: `inspectImage` fails for them until they are pulled. */
  absentImages?: readonly string[];
}

/** Label filter as the engines apply it: `key` (any value) or `key=value`. */
export function matchesLabel(labels: Record<string, string>, opts: LabelFilter): boolean {
  if (opts.label === undefined) return true;
  const [key = '', value] = opts.label.split('=');
  return value === undefined ? key in labels : labels[key] === value;
}

/** An in-memory engine: records calls, plays scripted container behaviours. */
export class FakeEngine implements ContainerEngine {
  readonly kind: EngineKind;
  readonly bin: string;
  /** Mutating calls in order: `run p1-api`, `network create dl-p1-net`, `rm p1-api`, ... */
  readonly calls: string[] = [];
  files: FilesMode = 'bind';
  /** What `serverInfo` answers; set to an Error to play an unreachable engine. */
  server: ServerInfo | Error = { version: '0.0.0-fake', rootDir: '' };
  /** Every `copyFrom`. */
  readonly copiesOut: Array<{ container: string; path: string; dest: string }> = [];
  readonly containers = new Map<string, FakeContainer>();
  readonly networks = new Map<string, Record<string, string>>();
  readonly volumes = new Map<string, Record<string, string>>();
  /** Calls (as in {@link calls}) that throw a "device busy" error. */
  readonly failing = new Set<string>();
  /** Every foreground run (`runToCompletion`, `runStreaming`, `startAttached`), in order. */
  readonly foregroundRuns: RunOptions[] = [];
  /** Every `copyInto`. */
  readonly copies: Array<{ source: string; container: string; path: string }> = [];
  readonly behaviours: Record<string, FakeBehaviour>;
  readonly imageHealthcheck: Record<string, boolean>;
  imageIds: Record<string, string>;
  /** Image refs `inspectImage` does not know (as an engine without them); `pull` fetches one. */
  readonly absentImages: Set<string>;

  /** What a foreground run returns; default: exit 0 with `reachable` (a readiness probe). */
  foreground: (opts: RunOptions) => ExecResult | Promise<ExecResult> = () => ({
    exitCode: 0,
    stdout: 'reachable',
    stderr: '',
  });

  /** What `inspectContainerRaw` prints for a container; default: its name, env and labels. */
  rawInspect: (nameOrId: string) => string = (nameOrId) => {
    const c = this.get(nameOrId);
    return JSON.stringify([
      {
        Id: c.id,
        Name: c.run.name ?? '',
        Config: {
          Env: Object.entries(c.run.env ?? {}).map(([k, v]) => `${k}=${v}`),
          Labels: c.run.labels ?? {},
        },
      },
    ]);
  };

  /** The image `inspectImage` reports for `ref`; tests may replace it. */
  image: (ref: string) => ImageInfo = (ref) => {
    const info: ImageInfo = {
      id: this.imageIds[ref] ?? 'sha256:unknown',
      size: 1,
      user: '',
      labels: {},
      env: {},
      entrypoint: [],
      cmd: [],
      digests: [ref],
      created: '',
      exposedPorts: ['8080/tcp'],
    };
    if (this.imageHealthcheck[ref]) info.healthcheck = { test: ['CMD', 'true'] };
    return info;
  };

  build = vi.fn();
  push = vi.fn();
  login = vi.fn();
  tag = vi.fn();
  removeImage = vi.fn();

  constructor(opts: FakeEngineOptions = {}) {
    this.kind = opts.kind ?? 'podman';
    this.bin = this.kind;
    this.behaviours = opts.behaviours ?? {};
    this.imageHealthcheck = opts.imageHealthcheck ?? {};
    this.imageIds = opts.imageIds ?? {};
    this.absentImages = new Set(opts.absentImages);
  }

  private maybeFail(what: string): void {
    if (this.failing.has(what)) throw new Error(`${what} failed: device busy`);
  }

  /** The container by name or id; throws the engines' "no such container" otherwise. */
  get(nameOrId: string): FakeContainer {
    const c = this.containers.get(nameOrId) ?? [...this.containers.values()].find((x) => x.id === nameOrId);
    if (!c) throw new Error(`no container with name or ID "${nameOrId}" found: no such container`);
    return c;
  }

  async pull(ref: string): Promise<void> {
    this.calls.push(`pull ${ref}`);
    this.absentImages.delete(ref);
  }

  async networkCreate(
    name: string,
    opts: { labels?: Record<string, string>; internal?: boolean; isolate?: boolean } = {},
  ): Promise<void> {
    const flags = `${opts.internal ? ' --internal' : ''}${opts.isolate ? ' --isolate' : ''}`;
    this.calls.push(`network create ${name}${flags}`);
    this.maybeFail(`network create ${name}`);
    this.networks.set(name, opts.labels ?? {});
  }

  async networkRemove(name: string): Promise<void> {
    this.calls.push(`network rm ${name}`);
    this.maybeFail(`network rm ${name}`);
    if (!this.networks.delete(name)) throw new Error(`unable to find network with name or ID ${name}`);
  }

  async networkList(opts: LabelFilter = {}): Promise<string[]> {
    return [...this.networks].filter(([, labels]) => matchesLabel(labels, opts)).map(([n]) => n);
  }

  async run(opts: RunOptions): Promise<string> {
    this.calls.push(`run ${opts.name ?? ''}`);
    return this.add(opts, true).id;
  }

  async create(opts: RunOptions): Promise<string> {
    this.calls.push(`create ${opts.name ?? ''}`);
    return this.add(opts, false).id;
  }

  private add(opts: RunOptions, running: boolean): FakeContainer {
    const name = opts.name ?? '';
    const service = opts.labels?.[SERVICE_LABEL] ?? '';
    const container: FakeContainer = {
      id: `${name}-id`.padEnd(64, '0'),
      run: opts,
      checks: 0,
      polls: 0,
      running,
      exitCode: 0,
      behaviour: this.behaviours[service] ?? {},
      imageId: this.imageIds[opts.image] ?? 'sha256:unknown',
    };
    this.containers.set(name, container);
    return container;
  }

  /**
   * Every foreground run goes through here rather than through `runToCompletion`, so a test that
   * spies on `runToCompletion` sees only the one-step runs.
   */
  private async runForeground(opts: RunOptions): Promise<ExecResult> {
    this.foregroundRuns.push(opts);
    return this.foreground(opts);
  }

  async runToCompletion(opts: RunOptions): Promise<ExecResult> {
    return this.runForeground(opts);
  }

  async runStreaming(opts: RunOptions, io: StreamingRunOptions): Promise<{ exitCode: number }> {
    const r = await this.runForeground(opts);
    io.onOutput(Buffer.from(r.stdout));
    if (r.stderr.trim() !== '') io.onOutput(Buffer.from(r.stderr));
    return { exitCode: r.exitCode };
  }

  async startAttached(nameOrId: string): Promise<ExecResult> {
    const c = this.get(nameOrId);
    this.calls.push(`start ${c.run.name ?? ''}`);
    const r = await this.runForeground(c.run);
    c.exitCode = r.exitCode;
    if (c.run.rm) this.containers.delete(c.run.name ?? '');
    return r;
  }

  async copyInto(source: string, container: string, path: string): Promise<void> {
    const c = this.get(container);
    this.maybeFail(`cp ${source} ${c.run.name ?? ''}:${path}`);
    this.calls.push(`cp ${source} ${c.run.name ?? ''}:${path}`);
    this.copies.push({ source, container, path });
  }

  async copyFrom(container: string, path: string, dest: string): Promise<void> {
    const c = this.get(container);
    this.maybeFail(`cp ${c.run.name ?? ''}:${path} ${dest}`);
    this.calls.push(`cp ${c.run.name ?? ''}:${path} ${dest}`);
    this.copiesOut.push({ container, path, dest });
  }

  async serverInfo(): Promise<ServerInfo> {
    if (this.server instanceof Error) throw this.server;
    return this.server;
  }

  async volumeMountpoint(name: string): Promise<string> {
    if (!this.volumes.has(name)) throw new Error(`no such volume: ${name}`);
    return `/engine/volumes/${name}/_data`;
  }

  async inspectContainer(nameOrId: string): Promise<ContainerInfo> {
    const c = this.get(nameOrId);
    c.polls++;
    if (c.behaviour.exit && c.polls >= c.behaviour.exit.onPoll && c.running) {
      c.running = false;
      c.exitCode = c.behaviour.exit.code;
    }
    const hasCheck =
      c.run.healthcheck !== undefined
        ? c.run.healthcheck.test[0] !== 'NONE'
        : this.imageHealthcheck[c.run.image];
    const healthy =
      c.behaviour.healthyAfterChecks !== undefined && c.checks >= c.behaviour.healthyAfterChecks;
    const info: ContainerInfo = {
      id: c.id,
      name: c.run.name ?? '',
      state: { status: c.running ? 'running' : 'exited', running: c.running, exitCode: c.exitCode },
      image: c.imageId,
      imageRef: c.run.image,
      networks: [
        { name: c.run.network ?? '', aliases: c.run.aliases ?? [], ipAddress: '10.0.0.2' },
        ...(c.run.networks ?? []).map((n, i) => ({
          name: n.name,
          aliases: n.aliases ?? [],
          ipAddress: `10.0.${i + 1}.2`,
        })),
      ],
      ports: (c.run.ports ?? []).map((p) => ({
        containerPort: p.containerPort,
        protocol: p.protocol ?? 'tcp',
        hostIp: p.host,
        hostPort: p.hostPort ?? 40000,
      })),
      labels: c.run.labels ?? {},
    };
    if (hasCheck) info.state.health = healthy ? 'healthy' : 'starting';
    return info;
  }

  async inspectContainerRaw(nameOrId: string): Promise<string> {
    return this.rawInspect(nameOrId);
  }

  async runHealthcheck(nameOrId: string): Promise<void> {
    this.get(nameOrId).checks++;
  }

  async logs(nameOrId: string): Promise<{ stdout: string; stderr: string }> {
    return { stdout: this.get(nameOrId).behaviour.logs ?? '', stderr: '' };
  }

  async stop(nameOrId: string): Promise<void> {
    this.calls.push(`stop ${this.get(nameOrId).run.name}`);
  }

  async remove(nameOrId: string): Promise<void> {
    const c = this.get(nameOrId);
    this.calls.push(`rm ${c.run.name}`);
    this.maybeFail(`rm ${c.run.name}`);
    this.containers.delete(c.run.name ?? '');
  }

  async containerList(opts: LabelFilter & { all?: boolean } = {}): Promise<ContainerSummary[]> {
    return [...this.containers.values()]
      .filter((c) => (opts.all || c.running) && matchesLabel(c.run.labels ?? {}, opts))
      .map((c) => ({ id: c.id, name: c.run.name ?? '' }));
  }

  async volumeCreate(name: string, opts: { labels?: Record<string, string> } = {}): Promise<void> {
    this.calls.push(`volume create ${name}`);
    this.volumes.set(name, opts.labels ?? {});
  }

  async volumeRemove(name: string): Promise<void> {
    this.calls.push(`volume rm ${name}`);
    if (!this.volumes.delete(name)) throw new Error(`no volume with name "${name}" found: no such volume`);
  }

  async volumeList(opts: LabelFilter = {}): Promise<string[]> {
    return [...this.volumes].filter(([, labels]) => matchesLabel(labels, opts)).map(([n]) => n);
  }

  async inspectImage(ref: string): Promise<ImageInfo> {
    if (this.absentImages.has(ref)) throw new Error(`${ref}: image not known`);
    return this.image(ref);
  }
}
