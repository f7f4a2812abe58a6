/**
 * An in-memory container engine for the lane tests: services are healthy at once, containers,
 * networks and volumes live in maps, and every call that changes something is recorded in `calls`.
 * Each test file extends it with how its tests "run" (command tests, Playwright).
 */
import { vi } from 'vitest';
import type {
  ContainerEngine,
  ContainerInfo,
  ContainerSummary,
  ImageInfo,
  LabelFilter,
  RunOptions,
  StreamingRunOptions,
} from '../../src/engine/engine.js';

/** A container the fake engine holds. */
export interface FakeContainer {
  run: RunOptions;
  running: boolean;
  exitCode: number;
}

/** Whether labels pass a `label=key[=value]` filter. */
export function matches(labels: Record<string, string>, filter: LabelFilter): boolean {
  if (filter.label === undefined) return true;
  const [key, value] = filter.label.split('=');
  return value === undefined ? key! in labels : labels[key!] === value;
}

/** The in-memory engine; subclasses say what `runToCompletion` (the tests) does. */
export abstract class FakeLaneEngine implements ContainerEngine {
  readonly kind = 'podman' as const;
  readonly bin = 'podman';
  readonly calls: string[] = [];
  readonly containers = new Map<string, FakeContainer>();
  readonly networks = new Map<string, Record<string, string>>();
  readonly volumes = new Map<string, Record<string, string>>();
  /** Images present locally; others must be pulled. */
  readonly local: Set<string>;

  build = vi.fn();
  push = vi.fn();
  login = vi.fn();
  logout = vi.fn();
  tag = vi.fn();
  removeImage = vi.fn();

  constructor(localImages: readonly string[]) {
    this.local = new Set(localImages);
  }

  abstract runToCompletion(opts: RunOptions): Promise<{ exitCode: number; stdout: string; stderr: string }>;

  /** Options of containers made by `create`, run by `startAttached` through `runToCompletion`. */
  private readonly createdOptions = new Map<string, RunOptions>();

  async create(opts: RunOptions): Promise<string> {
    this.createdOptions.set(opts.name ?? '', opts);
    return `id-${opts.name ?? ''}`;
  }

  async startAttached(nameOrId: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
    const opts = this.createdOptions.get(nameOrId);
    if (opts === undefined) throw new Error(`no created container ${nameOrId}`);
    this.createdOptions.delete(nameOrId);
    return this.runToCompletion(opts);
  }

  async runStreaming(opts: RunOptions, io: StreamingRunOptions): Promise<{ exitCode: number }> {
    const r = await this.runToCompletion(opts);
    io.onOutput(Buffer.from(`${r.stdout}${r.stderr}`));
    return { exitCode: r.exitCode };
  }

  async inspectContainerRaw(nameOrId: string): Promise<string> {
    return JSON.stringify(this.containers.get(nameOrId) ?? null);
  }

  async copyInto(source: string, container: string, path: string): Promise<void> {
    this.calls.push(`cp ${source} ${container}:${path}`);
  }

  /** What `inspectImage` says about a local image. */
  protected imageInfo(ref: string): ImageInfo {
    return {
      id: `id-of-${ref}`,
      size: 1,
      user: '',
      labels: {},
      env: {},
      entrypoint: [],
      cmd: [],
      digests: [ref],
      created: '',
      exposedPorts: ['8080/tcp'],
      healthcheck: { test: ['CMD', 'true'] },
    };
  }

  /** Whether a service container dies at once (exit code 3) instead of running. */
  protected diesAtStart(_opts: RunOptions): boolean {
    return false;
  }

  async pull(ref: string): Promise<void> {
    this.calls.push(`pull ${ref}`);
    this.local.add(ref);
  }
  async inspectImage(ref: string): Promise<ImageInfo> {
    this.calls.push(`inspect-image ${ref}`);
    if (!this.local.has(ref)) throw new Error(`${ref}: image not known`);
    return this.imageInfo(ref);
  }
  async networkCreate(name: string, opts: { labels?: Record<string, string> } = {}): Promise<void> {
    this.calls.push(`network-create ${name}`);
    this.networks.set(name, opts.labels ?? {});
  }
  async networkRemove(name: string): Promise<void> {
    this.calls.push(`network-rm ${name}`);
    if (!this.networks.delete(name)) throw new Error(`unable to find network with name or ID ${name}`);
  }
  async networkList(opts: LabelFilter = {}): Promise<string[]> {
    return [...this.networks].filter(([, l]) => matches(l, opts)).map(([n]) => n);
  }
  async run(opts: RunOptions): Promise<string> {
    this.calls.push(`run ${opts.name}`);
    const dies = this.diesAtStart(opts);
    this.containers.set(opts.name ?? '', { run: opts, running: !dies, exitCode: dies ? 3 : 0 });
    return `${opts.name}-id`;
  }
  protected get(nameOrId: string): FakeContainer {
    const c = this.containers.get(nameOrId) ?? this.containers.get(nameOrId.replace(/-id$/, ''));
    if (!c) throw new Error(`no container with name or ID "${nameOrId}" found: no such container`);
    return c;
  }
  async inspectContainer(nameOrId: string): Promise<ContainerInfo> {
    const c = this.get(nameOrId);
    return {
      id: `${c.run.name}-id`,
      name: c.run.name ?? '',
      state: {
        status: c.running ? 'running' : 'exited',
        running: c.running,
        exitCode: c.exitCode,
        health: 'healthy',
      },
      image: `id-of-${c.run.image}`,
      imageRef: c.run.image,
      imageDigest: c.run.image.slice(c.run.image.indexOf('@') + 1),
      networks: [{ name: c.run.network ?? '', aliases: c.run.aliases ?? [] }],
      ports: (c.run.ports ?? []).map((p) => ({
        containerPort: p.containerPort,
        protocol: 'tcp',
        hostIp: p.host,
        hostPort: 40123,
      })),
      labels: c.run.labels ?? {},
    };
  }
  async runHealthcheck(): Promise<void> {}
  async logs(nameOrId: string): Promise<{ stdout: string; stderr: string }> {
    return { stdout: `${this.get(nameOrId).run.name} says hello\n`, stderr: '' };
  }
  async stop(): Promise<void> {}
  async remove(nameOrId: string): Promise<void> {
    this.calls.push(`rm ${nameOrId}`);
    this.containers.delete(this.get(nameOrId).run.name ?? '');
  }
  async containerList(opts: LabelFilter = {}): Promise<ContainerSummary[]> {
    return [...this.containers.values()]
      .filter((c) => matches(c.run.labels ?? {}, opts))
      .map((c) => ({ id: `${c.run.name}-id`, name: c.run.name ?? '' }));
  }
  async volumeCreate(name: string, opts: { labels?: Record<string, string> } = {}): Promise<void> {
    this.volumes.set(name, opts.labels ?? {});
  }
  async volumeRemove(name: string): Promise<void> {
    this.volumes.delete(name);
  }
  async volumeList(opts: LabelFilter = {}): Promise<string[]> {
    return [...this.volumes].filter(([, l]) => matches(l, opts)).map(([n]) => n);
  }
}
