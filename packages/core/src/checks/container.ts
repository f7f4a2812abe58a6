/**
 * Runs checks inside a CI tooling image: each check is its own `run --rm` container with a unique
 * name and a lane label, the workspace mounted at the same path. A check past its time limit is
 * stopped by name; at the end of the lane every container (and, in copy mode, the workspace volume)
 * carrying the lane's label is removed, so nothing is left behind whatever happened.
 */
import { randomBytes } from 'node:crypto';
import { errorMessage, InputError } from '../errors.js';
import type { ContainerEngine, RunOptions } from '../engine/engine.js';
import { stagedHostPath, stageVolume } from '../engine/staging.js';
import type { CheckExit, CheckLauncher, CheckProcess, PlannedCheck } from './run.js';

/** Label on every check container; its value is the lane's id. */
export const LANE_LABEL = 'org.digestline.fast-check.lane';

/** Image label saying what an image is for (set by build-image's `role`). */
export const IMAGE_ROLE_LABEL = 'org.digestline.role';

/** Options of {@link ContainerLauncher}. */
export interface ContainerLauncherOptions {
  /** The CI tooling image, by digest. */
  image: string;
  /** Absolute workspace path; mounted at the same path so that paths in output match the runner's. */
  workspace: string;
  /** Names of runner variables passed into the container (`--env NAME`: values never enter argv). */
  envNames: string[];
  /** `--user` for the checks; the image's own user when absent. */
  user?: string;
  /** Extra `NAME=value` variables (e.g. a HOME the user can write). */
  env?: Record<string, string>;
  /** Lane id for names and the lane label; random when absent. */
  laneId?: string;
  /**
   * Copy mode: where the engine's host has the lane's copy of the workspace (see
   * {@link stageWorkspace}), mounted at the workspace path instead of the workspace itself; the
   * checks share it read-write.
   */
  workspaceSource?: string;
}

/** The volume that holds a lane's copy of the workspace in copy mode. */
export function workspaceVolumeName(laneId: string): string {
  return `dl-check-${laneId}-workspace`;
}

/**
 * Copy mode: copies the workspace into a fresh volume through the engine (the engine cannot see
 * our paths) and returns the copy's path on the engine's host. It is a directory inside the volume,
 * not the volume's root, so that it keeps the workspace's owner and mode (a volume's root is
 * root's: a non-root check could not write there). The volume carries the lane label, so the lane's
 * sweep removes it; on failure nothing is left.
 */
export async function stageWorkspace(
  engine: ContainerEngine,
  opts: { laneId: string; image: string; workspace: string },
): Promise<string> {
  const volume = workspaceVolumeName(opts.laneId);
  await stageVolume(engine, {
    volume,
    labels: { [LANE_LABEL]: opts.laneId },
    image: opts.image,
    entries: [{ source: opts.workspace, path: 'workspace' }],
  });
  try {
    return await stagedHostPath(engine, volume, 'workspace');
  } catch (err) {
    await engine.volumeRemove(volume, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * The user checks run as, so that files they write in the mounted workspace (node_modules, coverage)
 * belong to whoever runs the job:
 * - podman: `0:0`. Rootless podman maps container root to the invoking user; rootful podman means
 *   the invoking user is root.
 * - docker: the invoking `uid:gid` (the daemon is rootful; root would leave root-owned files in a
 *   non-root runner's workspace). A uid that is not root has no writable HOME in most images, so
 *   HOME is set to /tmp.
 * @returns `undefined` when the engine's or platform's user is unknown (Windows)
 */
export function checkUser(
  kind: ContainerEngine['kind'],
  uid = process.getuid?.(),
  gid = process.getgid?.(),
): { user: string; env: Record<string, string> } | undefined {
  if (kind === 'podman') return { user: '0:0', env: {} };
  if (uid === undefined || gid === undefined) return undefined;
  return { user: `${uid}:${gid}`, env: uid === 0 ? {} : { HOME: '/tmp' } };
}

function containerName(laneId: string, index: number, check: PlannedCheck): string {
  const slug = check.name.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 40);
  return `dl-check-${laneId}-${index}-${slug}`;
}

/** How long {@link ContainerLauncher.sweep} keeps removing a lane's containers before it fails. */
export const SWEEP_SETTLE_MS = 20_000;
const SWEEP_RETRY_MS = 500;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs each check as `run --rm --name dl-check-<lane>-<n>-<check> ... IMAGE -c <run>` (entrypoint `/bin/sh`). */
export class ContainerLauncher implements CheckLauncher {
  /** The lane id in container names and the {@link LANE_LABEL}. */
  readonly laneId: string;
  private started = 0;

  constructor(
    private readonly engine: ContainerEngine,
    private readonly options: ContainerLauncherOptions,
  ) {
    this.laneId = options.laneId ?? randomBytes(4).toString('hex');
  }

  /** The foreground run of `check` as container `name` (pure; its argv is pinned by tests). */
  runOptions(check: PlannedCheck, name: string): RunOptions {
    const opts: RunOptions = {
      image: this.options.image,
      name,
      rm: true,
      // Name-only: the values come from the engine CLI's environment, so secrets stay out of argv.
      passEnv: this.options.envNames,
      labels: { [LANE_LABEL]: this.laneId },
      volumes: [
        { source: this.options.workspaceSource ?? this.options.workspace, target: this.options.workspace },
      ],
      workdir: check.cwd,
      entrypoint: '/bin/sh',
      // stderr joins stdout inside the container, so the two stay in the order the check wrote them.
      command: ['-c', `exec 2>&1\n${check.run}`],
    };
    if (this.options.user !== undefined) opts.user = this.options.user;
    if (this.options.env !== undefined && Object.keys(this.options.env).length > 0)
      opts.env = this.options.env;
    return opts;
  }

  start(check: PlannedCheck, output: (chunk: Buffer) => void): CheckProcess {
    const name = containerName(this.laneId, ++this.started, check);
    let settled = false;
    // The check's stderr joins its stdout in the container, so what the engine reports on stderr
    // after it is the engine's own complaint (image, mount, name clash).
    const exited: Promise<CheckExit> = this.engine
      .runStreaming(this.runOptions(check, name), { onOutput: output })
      .then(
        (result): CheckExit => ({ exitCode: result.exitCode }),
        (err: unknown): CheckExit => {
          output(Buffer.from(`fast-check: could not run ${this.engine.kind}: ${errorMessage(err)}\n`));
          return { exitCode: null };
        },
      )
      .finally(() => {
        settled = true;
      });

    const kill = async (): Promise<void> => {
      // The container may not exist yet (still being created): keep trying until the run ends.
      while (!settled) {
        try {
          // PID 1 is `sh`, which ignores SIGTERM: a grace period would only be waited out.
          await this.engine.stop(name, 0);
        } catch {
          // Not created yet, or already gone.
        }
        await Promise.race([exited, sleep(500)]);
      }
    };
    return { exited, kill };
  }

  /**
   * Removes every container of this lane that still exists (a run cut short, an engine that ignored
   * `--rm`), listing again until none is left: an engine may still be removing a `--rm` container
   * when it is listed, and refuse or ignore a second removal. Returns the names removed.
   * @throws Error when a container is still there after {@link SWEEP_SETTLE_MS}, naming it and the
   *   engine's last complaint: a check left running must not pass unnoticed
   */
  async sweep(settleMs = SWEEP_SETTLE_MS): Promise<string[]> {
    const label = `${LANE_LABEL}=${this.laneId}`;
    const removed = new Set<string>();
    const deadline = Date.now() + settleMs;
    let complaint: unknown;
    for (let round = 0; ; round++) {
      const left = await this.engine.containerList({ label, all: true });
      if (left.length === 0) break;
      if (round > 0 && Date.now() >= deadline) {
        throw new Error(
          `check containers still there after ${settleMs / 1000} s: ${left.map((c) => c.name).join(', ')}` +
            (complaint !== undefined ? ` (${this.engine.kind}: ${errorMessage(complaint)})` : ''),
        );
      }
      complaint = undefined;
      for (const container of left) {
        await this.engine.remove(container.id, { force: true }).catch((err: unknown) => (complaint = err));
        removed.add(container.name);
      }
      await sleep(SWEEP_RETRY_MS);
    }
    // Copy mode's workspace volume goes too, once no container holds it.
    for (const volume of await this.engine.volumeList({ label })) {
      await this.engine.volumeRemove(volume, { force: true });
    }
    return [...removed];
  }
}

/** How {@link prepareImage} got the image. */
export interface PreparedImage {
  /** Whether it had to be pulled. */
  pulled: boolean;
  labels: Record<string, string>;
}

/**
 * Makes sure the CI tooling image is present (pulling it when absent) and is not a deployable
 * runtime image: checks run a shell and write to the workspace, which a runtime image must never be
 * used for, and a runtime image passing the source lane would say nothing about the source.
 *
 * @param input the input named in errors
 * @throws InputError (input `image`) for an image whose {@link IMAGE_ROLE_LABEL} is `runtime`
 */
export async function prepareImage(
  engine: ContainerEngine,
  image: string,
  options: { insecure?: boolean; input?: string } = {},
): Promise<PreparedImage> {
  const input = options.input ?? 'image';
  let pulled = false;
  let info;
  try {
    info = await engine.inspectImage(image);
  } catch {
    try {
      await engine.pull(image, { insecure: options.insecure ?? false });
    } catch (err) {
      throw new InputError(input, `input "${input}": cannot pull ${image}: ${errorMessage(err)}`, {
        cause: err,
      });
    }
    pulled = true;
    info = await engine.inspectImage(image);
  }
  const role = info.labels[IMAGE_ROLE_LABEL];
  if (role === 'runtime') {
    throw new InputError(
      input,
      `input "${input}": ${image} is labelled ${IMAGE_ROLE_LABEL}=runtime; checks run only in a CI tooling image ` +
        '(e.g. images/ci-tools), never in a deployable runtime image',
    );
  }
  return { pulled, labels: info.labels };
}
