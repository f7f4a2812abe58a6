// Where a job's steps run and what they see there: on this host (the workspace itself, the host's
// environment) or in a job container (the workspace copy, the image's environment, the job
// directory at its mount point). Step code asks this module for paths and the base environment.
import { copyFile, cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  JOB_DIR_IN_CONTAINER,
  type JobEngine,
  copyWorkspace,
  socketEnv,
  startJobContainer,
} from './job-container.js';
import type { JobPlace, JobRun, RunState } from './run-state.js';

/** The place of a host job: the workspace and environment of this machine. */
export function hostPlace(state: RunState): JobPlace {
  return {
    mode: 'host',
    workspace: state.workspace,
    baseEnv: state.baseEnv,
    node: process.version,
    actionDirs: new Map(),
  };
}

/**
 * The environment a container job's steps start from: the image's (PATH included), the engine
 * socket, and the run's extra `env`; nothing of the host's.
 */
export function containerBaseEnv(
  imageEnv: Record<string, string>,
  runEnv: Record<string, string> | undefined,
  engine: JobEngine['cli'],
): Record<string, string> {
  return { ...imageEnv, ...socketEnv(engine), ...(runEnv ?? {}) };
}

/** A host path as the job's steps see it: paths in the job directory map to its mount point. */
export function stepPath(jr: JobRun, hostPath: string): string {
  if (jr.place.mode === 'host') return hostPath;
  const rel = path.relative(jr.dir, hostPath);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    return path.posix.join(JOB_DIR_IN_CONTAINER, ...rel.split(path.sep));
  }
  throw new Error(`${hostPath} is not visible in job container ${jr.place.container?.name ?? ''}`);
}

/** Where the job's steps find an action's directory; in a container, a copy in the job directory. */
export async function actionPath(jr: JobRun, hostDir: string): Promise<string> {
  const known = jr.place.actionDirs.get(hostDir);
  if (known) return known;
  if (jr.place.mode === 'host') return hostDir;
  const copy = path.join(jr.dir, 'actions', String(jr.place.actionDirs.size));
  await cp(hostDir, copy, { recursive: true });
  const inContainer = stepPath(jr, copy);
  jr.place.actionDirs.set(hostDir, inContainer);
  return inContainer;
}

/** The action path already copied by actionPath (for env variables built synchronously). */
export function knownActionPath(jr: JobRun, hostDir: string): string {
  return jr.place.actionDirs.get(hostDir) ?? hostDir;
}

/**
 * Starts the job's container from `image`, copies the workspace in and points the job's
 * contexts at the container's paths.
 */
export async function enterContainer(jr: JobRun, image: string): Promise<void> {
  const { state } = jr;
  const engine = state.options.jobEngine ?? { cli: 'podman' };
  const socket = await state.engineSocket();
  const eventCopy = path.join(jr.dir, 'event.json');
  await copyFile(String(state.github['event_path']), eventCopy);
  await mkdir(path.join(jr.dir, 'tool-cache'), { recursive: true });
  const container = await startJobContainer({
    engine,
    socket,
    runId: String(jr.github['run_id']),
    jobId: jr.job.id,
    image,
    repository: String(jr.github['repository']),
    hostDir: jr.dir,
  });
  jr.place = {
    mode: 'container',
    workspace: container.workspace,
    baseEnv: containerBaseEnv(container.imageEnv, state.options.env, engine.cli),
    node: container.node,
    container,
    actionDirs: new Map(),
  };
  await copyWorkspace(container, state.workspace, String(jr.github['sha']));
  jr.github = { ...jr.github, workspace: container.workspace, event_path: stepPath(jr, eventCopy) };
  jr.runner = {
    ...jr.runner,
    temp: stepPath(jr, jr.temp),
    tool_cache: stepPath(jr, path.join(jr.dir, 'tool-cache')),
  };
}
