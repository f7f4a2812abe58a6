/**
 * Copy mode (engine/access.ts): files of this process reach containers through the engine, never as
 * host-path bind mounts. A named volume is filled through a never-started helper container (`cp`
 * works on created containers and on engines on other hosts), then mounted; a single file that must
 * appear at a target path is bound from the volume's Mountpoint, a path on the engine's host.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, posix } from 'node:path';
import { errorMessage } from '../errors.js';
import type { ContainerEngine, RunOptions } from './engine.js';

/** Label on every staged volume and its helper container: what the copy was made for. */
export const STAGED_LABEL = 'dev.digestline.staged';

/** Where the helper container mounts the volume. */
const STAGE_DIR = '/dl-stage';

/** One file or directory to put into a staged volume. */
export interface StageEntry {
  /** Absolute local path (file or directory). */
  source: string;
  /**
   * Where it goes, relative to the volume's root (`a/b/config.json`); `''` puts a directory's
   * contents at the root.
   */
  path: string;
}

/** Options of {@link stageVolume}. */
export interface StageOptions {
  /** Volume name (unique per run). */
  volume: string;
  /** Labels of the volume and the helper (the lane's or stack's, so its teardown removes them). */
  labels: Record<string, string>;
  /** An image already present on the engine (the run's own); the helper is never started. */
  image: string;
  entries: StageEntry[];
}

/**
 * The helper container: created, never started, so its image needs no shell and no command of ours
 * runs; the entrypoint is only there because docker refuses to create a container without one.
 */
function helperOptions(volume: string, image: string, labels: Record<string, string>) {
  return {
    image,
    name: `${volume}-stager`,
    labels: { ...labels, [STAGED_LABEL]: volume },
    volumes: [{ source: volume, target: STAGE_DIR }],
    entrypoint: '/digestline-stager-never-started',
  };
}

/** Runs `fn` with a helper container that mounts `volume`; the helper is removed whatever happens. */
async function withHelper<T>(
  engine: ContainerEngine,
  volume: string,
  image: string,
  labels: Record<string, string>,
  fn: (helper: string) => Promise<T>,
): Promise<T> {
  const helper = await engine.create(helperOptions(volume, image, labels));
  try {
    return await fn(helper);
  } finally {
    await engine.remove(helper, { force: true }).catch(() => undefined);
  }
}

/**
 * Creates `opts.volume` and copies every entry into it through the engine. On failure the volume
 * (and the helper) are removed before the error is thrown.
 * @throws Error naming the volume and the entry that could not be copied
 */
export async function stageVolume(engine: ContainerEngine, opts: StageOptions): Promise<void> {
  await engine.volumeCreate(opts.volume, { labels: { ...opts.labels, [STAGED_LABEL]: opts.volume } });
  try {
    await withHelper(engine, opts.volume, opts.image, opts.labels, async (helper) => {
      await makeParents(engine, helper, opts.entries);
      for (const entry of opts.entries) {
        const [from, to] =
          entry.path === ''
            ? [`${entry.source}/.`, STAGE_DIR]
            : [entry.source, posix.join(STAGE_DIR, entry.path)];
        try {
          await engine.copyInto(from, helper, to);
        } catch (err) {
          throw new Error(`copying ${entry.source} into volume ${opts.volume}: ${errorMessage(err)}`, {
            cause: err,
          });
        }
      }
    });
  } catch (err) {
    await engine.volumeRemove(opts.volume, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * `cp FILE CTR:DIR/NAME` needs DIR to exist: the parent directories of all entries are made locally
 * (empty) and copied in once.
 */
async function makeParents(engine: ContainerEngine, helper: string, entries: StageEntry[]): Promise<void> {
  const parents = [...new Set(entries.map((e) => posix.dirname(e.path)).filter((d) => d !== '.'))];
  if (parents.length === 0) return;
  const skeleton = await mkdtemp(join(tmpdir(), 'digestline-stage-'));
  try {
    for (const dir of parents) await mkdir(join(skeleton, dir), { recursive: true });
    await engine.copyInto(`${skeleton}/.`, helper, STAGE_DIR);
  } finally {
    await rm(skeleton, { recursive: true, force: true });
  }
}

/**
 * Copies `path` of `volume` (its whole content by default) into the local directory `dest` (made if
 * missing), through a never-started helper of `image`.
 */
export async function copyVolumeOut(
  engine: ContainerEngine,
  opts: { volume: string; image: string; labels: Record<string, string>; dest: string; path?: string },
): Promise<void> {
  await mkdir(opts.dest, { recursive: true });
  const from = posix.join(STAGE_DIR, opts.path ?? '');
  await withHelper(engine, opts.volume, opts.image, opts.labels, (helper) =>
    engine.copyFrom(helper, `${from}/.`, opts.dest),
  );
}

/** Run options whose host-path mounts were staged by {@link stageRunMounts}. */
export interface StagedRun {
  options: RunOptions;
  /** The staging volume; `undefined` when nothing was staged (bind mode, or no host path). */
  volume?: string;
  /** Writable directory mounts: their local directory and where their copy is in the volume. */
  writable: Array<{ local: string; path: string }>;
}

/**
 * Copy mode for one container: every mount whose source is a path of ours (absolute) is copied into
 * `volume` as `<n>/<name>` and bound from there (the volume's Mountpoint, on the engine's host), so
 * files and directories keep their target paths, owners and modes. Bind mode: the options as given.
 * The volume carries the container's labels (a stack's `down` finds it).
 */
export async function stageRunMounts(
  engine: ContainerEngine,
  options: RunOptions,
  volume: string,
): Promise<StagedRun> {
  const mounts = options.volumes ?? [];
  const ours = mounts.flatMap((m, n) =>
    m.source.startsWith('/') ? [{ m, path: `${n}/${basename(m.source)}` }] : [],
  );
  if (engine.files !== 'copy' || ours.length === 0) return { options, writable: [] };
  await stageVolume(engine, {
    volume,
    labels: options.labels ?? {},
    image: options.image,
    entries: ours.map(({ m, path }) => ({ source: m.source, path })),
  });
  const staged = new Map<string, string>();
  try {
    for (const { m, path } of ours) staged.set(m.source, await stagedHostPath(engine, volume, path));
  } catch (err) {
    await engine.volumeRemove(volume, { force: true }).catch(() => undefined);
    throw err;
  }
  return {
    options: {
      ...options,
      volumes: mounts.map((m) => ({ ...m, source: staged.get(m.source) ?? m.source })),
    },
    volume,
    writable: ours.filter(({ m }) => m.readonly !== true).map(({ m, path }) => ({ local: m.source, path })),
  };
}

/**
 * After the run: copies each writable mount's copy back to its local directory (a report the
 * container wrote), then removes the staging volume. Both are tried; the first failure is thrown.
 */
export async function finishStagedRun(engine: ContainerEngine, run: StagedRun): Promise<void> {
  if (run.volume === undefined) return;
  const volume = run.volume;
  let failure: unknown;
  for (const w of run.writable) {
    await copyVolumeOut(engine, {
      volume,
      image: run.options.image,
      labels: run.options.labels ?? {},
      dest: w.local,
      path: w.path,
    }).catch((err: unknown) => (failure ??= err));
  }
  await engine.volumeRemove(volume, { force: true }).catch((err: unknown) => (failure ??= err));
  if (failure !== undefined) throw failure;
}

/** The path on the engine's host of `path` inside `volume`, for a bind mount of one staged file. */
export async function stagedHostPath(engine: ContainerEngine, volume: string, path: string): Promise<string> {
  return posix.join(await engine.volumeMountpoint(volume), path);
}
