/**
 * Copy mode for a stack (engine/access.ts): every host path its services mount (bind mounts, the
 * files written for `content:`/`environment:` secrets and configs, deploy-staging's snapshot copies)
 * is copied into one volume through the engine, and each mount binds that copy's path on the
 * engine's host (`<Mountpoint>/<n>/<name>`) instead: Docker 20.10 has no volume subpath, and a
 * single file must still appear at its target path.
 */
import { basename } from 'node:path';
import type { ContainerEngine } from '../engine/engine.js';
import { STAGED_LABEL, stagedHostPath, stageVolume } from '../engine/staging.js';
import { errorMessage } from '../errors.js';
import { pinnedReference } from '../reference.js';
import type { StackSpec } from './compose/types.js';
import { ServiceStartFailure } from './errors.js';
import { contentFilePath } from './files.js';

/** The volume holding a stack's staged host files (removed by `down` whatever it keeps). */
export function stagedFilesVolume(project: string): string {
  return `dl-${project}-files`;
}

/** The host path a mount of `service` reads (its bind source or written content file), if any. */
export function hostSourceOf(
  project: string,
  service: string,
  mount: { bind?: string; content?: string },
  index: number,
): string | undefined {
  if (mount.bind !== undefined) return mount.bind;
  return mount.content !== undefined ? contentFilePath(project, service, index) : undefined;
}

/**
 * Copies every host path the stack mounts into {@link stagedFilesVolume} and returns, for each, the
 * path on the engine's host to bind instead. Nothing is made when the stack mounts no host path.
 * @throws ServiceStartFailure when a copy fails (the volume is removed first)
 */
export async function stageHostMounts(
  engine: ContainerEngine,
  project: string,
  spec: StackSpec,
  labels: Record<string, string>,
): Promise<Map<string, string>> {
  const sources = new Set<string>();
  for (const service of spec.services) {
    for (const [i, mount] of service.volumes.entries()) {
      const source = hostSourceOf(project, service.name, mount, i);
      if (source !== undefined) sources.add(source);
    }
  }
  const staged = new Map<string, string>();
  const first = spec.services[0];
  if (sources.size === 0 || first === undefined) return staged;
  const volume = stagedFilesVolume(project);
  const entries = [...sources].map((source, n) => ({ source, path: `${n}/${basename(source)}` }));
  try {
    // The helper is created from a service's image: resolved (present) by now, whatever engine.
    await stageVolume(engine, { volume, labels, image: pinnedReference(first.image), entries });
    for (const entry of entries) staged.set(entry.source, await stagedHostPath(engine, volume, entry.path));
  } catch (err) {
    throw new ServiceStartFailure(
      [],
      `stack ${project}: copying mounted files through the engine failed: ${errorMessage(err)}`,
      { cause: err },
    );
  }
  return staged;
}

/** Which of `volumes` hold staged copies (the stack's, a test container's): `down` removes them always. */
export async function stagedAmong(engine: ContainerEngine, volumes: readonly string[]): Promise<string[]> {
  if (volumes.length === 0) return [];
  const staged = new Set(await engine.volumeList({ label: STAGED_LABEL }));
  return volumes.filter((v) => staged.has(v));
}
