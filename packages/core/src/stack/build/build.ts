/**
 * The stack builder: a user's compose file, normalised (see compose/model.ts), plus the images
 * under test → the StackSpec the runtime starts, and every problem of the file at once. It never
 * throws on the user's file: each problem names the file, line and key path and what to do.
 */
import type { ImageSet } from '../../inputs.js';
import type { ComposeModel, NormalisedCompose, StackProblem } from '../compose/model.js';
import { isRecord, type Path } from '../compose/document.js';
import { startOrder } from '../compose/order.js';
import { StackFileError, type ServiceSpec, type StackSpec } from '../compose/types.js';
import { STACK_NAME_PATTERN } from '../names.js';
import { checkImageSet } from './image.js';
import { TOP_LEVEL_KEYS } from './keys.js';
import { Problems } from './problems.js';
import { buildNetworks } from './relations.js';
import { declaredFiles } from './secrets.js';
import { buildService } from './service.js';

/**
 * What a stack may do to the host, each an explicit input of the actions that start stacks; all off by
 * default. The engine socket and `network_mode: host` are refused whatever is allowed.
 */
export interface HostAccess {
  /** `allow-host-paths`: bind mounts (and secret or config files) outside the workspace. */
  hostPaths?: boolean;
  /** `allow-privileged`: `privileged`, `cap_add`, `devices`, `pid: host`, `ipc: host`. */
  privileged?: boolean;
  /** `writable-bind-mounts`: during validation, bind mounts are writable where the file says so (default read-only). */
  writableBinds?: boolean;
}

/** What a stack is built with. */
export interface BuildStackOptions {
  /** The images under test, injected by service name (`backend=repo@sha256:…`). */
  images: ImageSet;
  /** `validation` (integration-test, e2e-run) or `deploy` (deploy-staging): `restart` is honoured only in deploy. */
  mode: 'validation' | 'deploy';
  /** The job's workspace: bind mounts inside it are allowed, others only with `allow.hostPaths`. */
  workspace: string;
  /** What the stack may do to the host beyond the defaults. */
  allow?: HostAccess;
  /** The stack's name; default the model's `name`. */
  project?: string;
  /**
   * Tags resolved at start (stack/resolve.ts): `registry/repository:tag` → `sha256:…`. A service whose
   * tag is here runs that digest; one whose tag is not makes the stack wait for resolution (`tags`).
   */
  resolved?: ReadonlyMap<string, string>;
  /** The `require-digests` input: a service's own tag is an error. */
  requireDigests?: boolean;
  /** The job's environment: the values of `environment:` secrets and configs. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A tag the stack names and that must be resolved before it starts, and the services naming it. */
export interface TagToResolve {
  /** Fully qualified, `registry/repository:tag` (`docker.io/library/postgres:16`). */
  reference: string;
  services: string[];
}

/**
 * The built stack (only when there is no error and no tag left to resolve), the tags to resolve, and
 * every problem found.
 */
export interface BuiltStack {
  spec?: StackSpec;
  /** Tags not in `resolved` yet (empty when every image is pinned). */
  tags: TagToResolve[];
  problems: StackProblem[];
}

/** Top-level `volumes`: their names; options a stack cannot honour are errors. */
function declaredVolumes(model: ComposeModel, problems: Problems): string[] {
  const names: string[] = [];
  for (const [name, definition] of Object.entries(model.volumes ?? {})) {
    const at: Path = ['volumes', name];
    if (!STACK_NAME_PATTERN.test(name)) {
      problems.error(at, `volume names must match ${STACK_NAME_PATTERN.source}`);
      continue;
    }
    names.push(name);
    if (!isRecord(definition)) continue;
    for (const [key, value] of Object.entries(definition)) {
      if (key === 'name' || key.startsWith('x-') || (key === 'driver' && value === 'local')) continue;
      if (key === 'labels') problems.warning([...at, key], 'not applied: digestline labels volumes itself');
      else if (key === 'external' && value === true) {
        problems.error(
          [...at, key],
          'external volumes are not supported yet: the stack creates its volumes itself',
        );
      } else if (value !== false) {
        problems.error(
          [...at, key],
          `volume option ${key} is not supported yet: stack volumes are plain local volumes`,
        );
      }
    }
  }
  return names;
}

/** Cycles in depends_on, as a problem (startOrder throws on them). */
function checkCycles(spec: StackSpec, problems: Problems): void {
  try {
    startOrder(spec);
  } catch (err) {
    if (!(err instanceof StackFileError)) throw err;
    problems.error(['services'], err.reason);
  }
}

/**
 * Builds the stack of a normalised compose file.
 * @returns `spec` when there is no error; `problems` always (the normaliser's first, then the builder's)
 */
export function buildStack(n: NormalisedCompose, opts: BuildStackOptions): BuiltStack {
  const problems = new Problems((path) => n.lineOf(path));
  const model = n.model;
  if (model === undefined) return { tags: [], problems: [...n.problems] };
  for (const key of Object.keys(model)) {
    if (!key.startsWith('x-') && !TOP_LEVEL_KEYS.includes(key)) {
      problems.error(
        [key],
        `unknown top-level key ${key}; a compose file may have ${TOP_LEVEL_KEYS.join(', ')}`,
      );
    }
  }
  const serviceNames = Object.keys(isRecord(model.services) ? model.services : {});
  if (serviceNames.length === 0) problems.error(['services'], 'the file has no services');
  checkImageSet(opts.images, serviceNames, problems);
  const volumes = declaredVolumes(model, problems);
  const networks = buildNetworks(model, problems);
  const tagMap = new Map<string, string[]>();
  const host = { workspace: opts.workspace, allow: opts.allow ?? {}, mode: opts.mode };
  const files = declaredFiles(model, { ...host, env: opts.env ?? {} }, problems);
  const ctx = {
    host,
    files,
    images: opts.images,
    resolved: opts.resolved,
    requireDigests: opts.requireDigests,
    tags: tagMap,
    mode: opts.mode,
    services: serviceNames,
    volumes,
    aliases: networks.aliases,
    networks: networks.services,
    problems,
  };
  const services: ServiceSpec[] = [];
  for (const name of serviceNames) {
    const service = buildService(name, model.services[name] ?? {}, ctx);
    if (service !== undefined) services.push(service);
  }
  const spec: StackSpec = { source: n.lineOf([]).file, services, volumes };
  if (networks.networks !== undefined) spec.networks = networks.networks;
  if (Object.values(opts.allow ?? {}).some((v) => v === true)) spec.allow = { ...opts.allow };
  const name = opts.project ?? model.name;
  if (name !== undefined && STACK_NAME_PATTERN.test(name)) spec.name = name;
  if (!problems.hasErrors && tagMap.size === 0) checkCycles(spec, problems);
  const all = [...n.problems, ...problems.list];
  const tags = [...tagMap].map(([reference, names]) => ({ reference, services: names }));
  return all.some((p) => p.severity === 'error') || tags.length > 0
    ? { tags, problems: all }
    : { spec, tags, problems: all };
}
