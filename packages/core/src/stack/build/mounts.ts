/**
 * A service's mounts: named and anonymous volumes, tmpfs, and bind mounts of host paths (inside the
 * workspace, or anywhere with `allow-host-paths`); the engine socket is refused always.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { isInside } from '../../paths.js';
import type { ComposeVolumeMount } from '../compose/model.js';
import { describe, isRecord, type Path } from '../compose/document.js';
import type { TmpfsSpec, VolumeMountSpec } from '../compose/types.js';
import type { HostAccess } from './build.js';
import type { Problems } from './problems.js';

/** What host paths are checked against: the workspace, the allow-* inputs, the mode. */
export interface HostContext {
  /** The job's workspace (absolute); host paths inside it are allowed. */
  workspace: string;
  allow: HostAccess;
  mode: 'validation' | 'deploy';
}

/** Engine sockets, and the directories that hold them: mounting one hands the stack the host's engine. */
const ENGINE_SOCKET = /(^|\/)(docker|podman|containerd|crio|buildkitd)\.sock$/;
const SOCKET_DIRS = new Set([
  '/',
  '/run',
  '/var/run',
  '/run/podman',
  '/var/run/podman',
  '/run/docker',
  '/var/run/docker',
  '/run/containerd',
  '/var/run/containerd',
]);

/** True when mounting `source` would expose a container engine's API socket. */
export function isEngineSocket(source: string): boolean {
  const path = source.replace(/\/+$/, '') || '/';
  return ENGINE_SOCKET.test(path) || SOCKET_DIRS.has(path) || /^\/run\/user\/\d+(\/podman)?$/.test(path);
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `1000`, `"1000"`, `64m`, `1g` → bytes; undefined when not a size. */
export function parseSize(value: unknown): number | undefined {
  const match = /^(\d+)\s*([bkmg]?)b?$/i.exec(String(value).trim());
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  if (!match) return undefined;
  return Number(match[1]) * (SIZE_UNITS[(match[2] ?? '').toLowerCase()] as number);
}

/** What the builder reads from a service's `volumes` and `tmpfs`. */
export interface Mounts {
  volumes: VolumeMountSpec[];
  tmpfs: TmpfsSpec[];
}

/** Reads `volumes` (long syntax) of a service; `declared` are the top-level volume names. */
export function buildMounts(
  at: Path,
  value: unknown,
  declared: string[],
  problems: Problems,
  host: HostContext,
): Mounts {
  const mounts: Mounts = { volumes: [], tmpfs: [] };
  if (value === undefined || value === null) return mounts;
  if (!Array.isArray(value)) {
    problems.error(at, `must be a list of mounts, got ${describe(value)}`);
    return mounts;
  }
  value.forEach((item: unknown, i) => {
    const where = [...at, i];
    if (!isRecord(item) || typeof item.target !== 'string') {
      problems.error(where, `must be a mount with a target, got ${describe(item)}`);
      return;
    }
    const mount = item as unknown as ComposeVolumeMount;
    if (mount.type === 'bind') {
      const bind = bindMount(where, mount, host, problems);
      if (bind !== undefined) mounts.volumes.push(bind);
    } else if (mount.type === 'volume') {
      const volume = volumeMount(where, mount, declared, problems);
      if (volume !== undefined) mounts.volumes.push(volume);
    } else if (mount.type === 'tmpfs') {
      const tmpfs = tmpfsMount(where, mount, problems);
      if (tmpfs !== undefined) mounts.tmpfs.push(tmpfs);
    } else {
      problems.error(
        where,
        `mounts of type ${JSON.stringify(mount.type)} are not supported; use a named volume or tmpfs`,
      );
    }
  });
  return mounts;
}

/**
 * `path` with every symlink resolved; for a path that does not exist (yet), its nearest existing
 * ancestor resolved and the rest appended, so that a symlinked parent cannot lead outside either.
 */
export function realPath(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : join(realPath(parent), basename(path));
}

/** A host path that passed the rules: its real path, whether it exists, whether it is in the workspace. */
export interface CheckedHostPath {
  real: string;
  exists: boolean;
  inside: boolean;
}

/**
 * The rules every host path of a stack follows (bind mounts, secret and config files): never the
 * engine socket (also not through a symlink), inside the workspace after resolving symlinks, or
 * outside with `allow-host-paths` (a warning). A missing path is not checked here.
 * @param what how the path is used in messages (`bind mount`, `secret file`)
 */
export function checkHostPath(
  at: Path,
  source: string,
  what: string,
  host: HostContext,
  problems: Problems,
): CheckedHostPath | undefined {
  if (!isAbsolute(source)) {
    problems.error(at, `${what} ${JSON.stringify(source)} must be a host path`);
    return undefined;
  }
  const real = realPath(resolve(source));
  if (/[:,]/.test(real)) {
    problems.error(
      at,
      `${what} ${real}: a host path with ':' or ',' cannot be mounted (the engines split on them); rename it`,
    );
    return undefined;
  }
  if (isEngineSocket(source) || isEngineSocket(real)) {
    problems.error(
      at,
      `mounts the container engine's socket (${isEngineSocket(source) ? source : `${source} → ${real}`}): that hands the stack control of the host's engine and every container on it; refused, always`,
    );
    return undefined;
  }
  const workspace = realPath(resolve(host.workspace));
  const inside = isInside(real, workspace);
  if (!inside && host.allow.hostPaths !== true) {
    problems.error(
      at,
      `${what} ${source} is outside the workspace (${workspace}): set the input allow-host-paths: true to allow host paths, or keep the file in the repository`,
    );
    return undefined;
  }
  if (!inside) {
    problems.warning(at, `${what} ${source} is outside the workspace; allowed by allow-host-paths: true`);
  }
  return { real, exists: existsSync(real), inside };
}

function bindMount(
  where: Path,
  mount: ComposeVolumeMount,
  host: HostContext,
  problems: Problems,
): VolumeMountSpec | undefined {
  const source = mount.source ?? '';
  const checked = checkHostPath(where, source, 'bind mount of', host, problems);
  if (checked === undefined) return undefined;
  const create = mount.bind?.create_host_path === true && checked.inside;
  if (!checked.exists && !create) {
    problems.error(
      where,
      `bind mount source ${source} does not exist${mount.bind?.create_host_path === true ? ' (only a path inside the workspace is created)' : ''}; create it in an earlier step or fix the path`,
    );
    return undefined;
  }
  if (checked.exists && statSync(checked.real).isDirectory() && existsSync(join(checked.real, '.git'))) {
    problems.warning(
      where,
      `${source} contains .git: a checkout may keep its token in .git/config, and the service can read it; mount a subdirectory instead`,
    );
  } else if (checked.real.split(sep).includes('.git')) {
    problems.warning(
      where,
      `${source} is inside .git: a checkout may keep its token in .git/config, and the service can read it`,
    );
  }
  for (const key of ['propagation', 'selinux'] as const) {
    if (mount.bind?.[key] !== undefined) {
      problems.warning(
        [...where, 'bind', key],
        `ignored: digestline mounts host paths without ${key === 'selinux' ? 'SELinux relabelling' : 'mount propagation'}`,
      );
    }
  }
  let readonly = mount.read_only === true;
  if (!readonly && host.mode === 'validation' && host.allow.writableBinds !== true) {
    readonly = true;
    problems.warning(
      where,
      'mounted read-only during validation; set writable-bind-mounts: true if the service writes there',
    );
  }
  const spec: VolumeMountSpec = { bind: checked.real, target: mount.target, readonly };
  if (!checked.exists) spec.createHostPath = true;
  return spec;
}

function volumeMount(
  where: Path,
  mount: ComposeVolumeMount,
  declared: string[],
  problems: Problems,
): VolumeMountSpec | undefined {
  if (mount.volume?.subpath !== undefined) {
    problems.error(
      [...where, 'volume', 'subpath'],
      'volume subpaths are not supported yet; mount the whole volume',
    );
    return undefined;
  }
  if (mount.volume?.nocopy === true) {
    problems.warning(
      [...where, 'volume', 'nocopy'],
      'ignored: a new volume is filled from the image as usual',
    );
  }
  const spec: VolumeMountSpec = { target: mount.target, readonly: mount.read_only === true };
  if (mount.source === undefined || mount.source === '') return spec;
  if (!declared.includes(mount.source)) {
    problems.error(
      [...where, 'source'],
      `volume ${JSON.stringify(mount.source)} is not declared under the top-level volumes key`,
    );
    return undefined;
  }
  return { volume: mount.source, ...spec };
}

function tmpfsMount(where: Path, mount: ComposeVolumeMount, problems: Problems): TmpfsSpec | undefined {
  const tmpfs: TmpfsSpec = { target: mount.target };
  const size = mount.tmpfs?.size;
  if (size !== undefined) {
    const bytes = parseSize(size);
    if (bytes === undefined) {
      problems.error(
        [...where, 'tmpfs', 'size'],
        `must be a size like 1000, 64m or 1g, got ${describe(size)}`,
      );
      return undefined;
    }
    tmpfs.sizeBytes = bytes;
  }
  if (mount.tmpfs?.mode !== undefined) tmpfs.mode = mount.tmpfs.mode;
  if (mount.read_only === true) tmpfs.options = ['ro'];
  return tmpfs;
}

/** Mount flags of `tmpfs:` entries that both engines' `--tmpfs` take (podman 4.3, Docker 20.10). */
const TMPFS_FLAGS = ['rw', 'ro', 'exec', 'noexec', 'suid', 'nosuid', 'dev', 'nodev'];

/** Reads the service key `tmpfs`: a path or list of `path[:size=…,mode=…,uid=…,gid=…,<flag>…]`. */
export function buildTmpfs(at: Path, value: unknown, problems: Problems): TmpfsSpec[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) {
    problems.error(at, `must be a path or a list of paths, got ${describe(value)}`);
    return [];
  }
  const mounts: TmpfsSpec[] = [];
  list.forEach((item: unknown, i) => {
    const where = typeof value === 'string' ? at : [...at, i];
    const [target = '', options] = typeof item === 'string' ? item.split(/:(.*)/s) : [];
    if (!target.startsWith('/')) {
      problems.error(where, `must be an absolute path, got ${describe(item)}`);
      return;
    }
    const tmpfs: TmpfsSpec = { target };
    const flags: string[] = [];
    for (const option of options === undefined || options === '' ? [] : options.split(',')) {
      const [key = '', v = ''] = option.split('=');
      if (key === 'size' && parseSize(v) !== undefined) tmpfs.sizeBytes = parseSize(v) as number;
      else if (key === 'mode' && /^[0-7]{3,4}$/.test(v)) tmpfs.mode = parseInt(v, 8);
      else if ((key === 'uid' || key === 'gid') && /^\d+$/.test(v)) flags.push(`${key}=${v}`);
      else if (TMPFS_FLAGS.includes(option)) flags.push(option);
      else {
        problems.error(
          where,
          `tmpfs option ${JSON.stringify(option)} is not supported; use size=<bytes|64m>, mode=<octal>, uid=<n>, gid=<n> or ${TMPFS_FLAGS.join(', ')}`,
        );
        return;
      }
    }
    if (flags.length > 0) tmpfs.options = flags;
    mounts.push(tmpfs);
  });
  return mounts;
}
