/** A service's mounts: named and anonymous volumes, tmpfs; bind mounts and the engine socket are refused. */
import type { ComposeVolumeMount } from '../compose/model.js';
import { describe, isRecord, type Path } from '../compose/document.js';
import type { TmpfsSpec, VolumeMountSpec } from '../compose/types.js';
import type { Problems } from './problems.js';

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
export function buildMounts(at: Path, value: unknown, declared: string[], problems: Problems): Mounts {
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
    if (mount.type === 'bind') bindMount(where, mount, problems);
    else if (mount.type === 'volume') {
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

function bindMount(where: Path, mount: ComposeVolumeMount, problems: Problems): void {
  const source = mount.source ?? '';
  if (isEngineSocket(source)) {
    problems.error(
      where,
      `mounts the container engine's socket (${source}): that hands the stack control of the host's engine and every container on it; refused, always`,
    );
    return;
  }
  problems.error(
    where,
    `bind mount of ${source} at ${mount.target} is not supported yet (bind mounts of paths inside the workspace come next); use a named volume, or bake the file into the image`,
  );
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
  return tmpfs;
}

/** Reads the service key `tmpfs`: a path or list of `path[:size=…,mode=…]`. */
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
    for (const option of options === undefined || options === '' ? [] : options.split(',')) {
      const [key, v = ''] = option.split('=');
      if (key === 'size' && parseSize(v) !== undefined) tmpfs.sizeBytes = parseSize(v) as number;
      else if (key === 'mode' && /^[0-7]{3,4}$/.test(v)) tmpfs.mode = parseInt(v, 8);
      else if (key !== 'rw') {
        problems.error(
          where,
          `tmpfs option ${JSON.stringify(option)} is not supported; use size=<bytes|64m> and mode=<octal>`,
        );
        return;
      }
    }
    mounts.push(tmpfs);
  });
  return mounts;
}
