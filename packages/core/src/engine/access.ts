/**
 * Reaching the engine and sharing files with it, decided once per action run. Inside a Forgejo job
 * container the engine (the host's, through a mounted socket or DOCKER_HOST) neither is reachable by
 * default nor sees the job's paths; both questions are answered here before any side effect.
 */
import { existsSync } from 'node:fs';
import { errorMessage, InputError } from '../errors.js';
import { defaultExec, type Exec } from '../exec.js';
import { silentLog, type Log } from '../log.js';
import type { ContainerEngine, EngineKind, FilesMode, ServerInfo } from './engine.js';
import { ENGINE_ACCESS_ADVICE, selectEngine } from './select.js';

export { ENGINE_ACCESS_ADVICE };

/** The variable that overrides the bind/copy decision. */
export const FILES_ENV = 'DIGESTLINE_FILES';

/** How long the engine gets to answer the access check. */
export const ENGINE_CHECK_TIMEOUT_MS = 15_000;

/** The engine-related variables as this process sees them, for messages. */
export function engineEnvText(env: NodeJS.ProcessEnv): string {
  return `DOCKER_HOST=${env.DOCKER_HOST ?? '(unset)'}, CONTAINER_HOST=${env.CONTAINER_HOST ?? '(unset)'}`;
}

/**
 * Asks the engine for its version, so that a job without access fails at once, before any side
 * effect, saying how to give it one.
 * @throws Error naming the CLI, DOCKER_HOST/CONTAINER_HOST and {@link ENGINE_ACCESS_ADVICE}
 */
export async function checkEngineAccess(
  engine: ContainerEngine,
  env: NodeJS.ProcessEnv,
  timeoutMs = ENGINE_CHECK_TIMEOUT_MS,
): Promise<ServerInfo> {
  try {
    return await engine.serverInfo({ timeoutMs });
  } catch (err) {
    throw new Error(
      `cannot reach the ${engine.kind} engine through \`${engine.bin}\` (${engineEnvText(env)}): ` +
        `${errorMessage(err)}\n${ENGINE_ACCESS_ADVICE}`,
      { cause: err },
    );
  }
}

/** The bind/copy decision and why it was made. */
export interface FilesDecision {
  mode: FilesMode;
  reason: string;
}

/**
 * The mode `DIGESTLINE_FILES` forces, if any.
 * @throws InputError (variable DIGESTLINE_FILES) for a value other than bind or copy
 */
export function filesOverride(env: NodeJS.ProcessEnv): FilesMode | undefined {
  const forced = env[FILES_ENV];
  if (forced === undefined || forced === '') return undefined;
  const mode = forced.trim().toLowerCase();
  if (mode !== 'bind' && mode !== 'copy') {
    throw new InputError(
      FILES_ENV,
      `${FILES_ENV} must be bind or copy (or unset to decide from the engine); got ${JSON.stringify(forced)}`,
    );
  }
  return mode;
}

/**
 * Whether containers the engine starts can bind-mount this process's paths.
 *
 * `DIGESTLINE_FILES=bind|copy` decides outright. Otherwise: podman with a local CLI (no
 * CONTAINER_HOST) shares our file system → bind. Docker (or podman's Docker API behind the docker
 * CLI) → bind only when DOCKER_HOST is unset or `unix://` AND the daemon's root dir exists here;
 * else copy. Being in a container is not the question: whether the engine sees our paths is.
 *
 * @param exists tests whether a path exists here (tests pass their own)
 * @throws InputError (variable DIGESTLINE_FILES) for a value other than bind or copy
 */
export function decideFiles(
  kind: EngineKind,
  env: NodeJS.ProcessEnv,
  server: ServerInfo,
  exists: (path: string) => boolean = existsSync,
): FilesDecision {
  const forced = filesOverride(env);
  if (forced !== undefined) return { mode: forced, reason: `${FILES_ENV}=${forced}` };
  if (kind === 'podman') {
    if (env.CONTAINER_HOST)
      return { mode: 'copy', reason: `podman is remote (CONTAINER_HOST=${env.CONTAINER_HOST})` };
    return { mode: 'bind', reason: 'podman runs on this machine (no CONTAINER_HOST)' };
  }
  const host = env.DOCKER_HOST;
  if (host !== undefined && host !== '' && !host.startsWith('unix://')) {
    return { mode: 'copy', reason: `DOCKER_HOST=${host} is not a local socket` };
  }
  const where = host ? `DOCKER_HOST=${host}` : 'the default socket';
  if (server.rootDir === '') {
    return { mode: 'copy', reason: `the daemon at ${where} reported no root dir` };
  }
  if (!exists(server.rootDir)) {
    return {
      mode: 'copy',
      reason: `the daemon at ${where} keeps its data in ${server.rootDir}, which this file system lacks (another host or container)`,
    };
  }
  return {
    mode: 'bind',
    reason: `the daemon at ${where} keeps its data in ${server.rootDir}, which exists here`,
  };
}

/**
 * Picks the engine (`selectEngine`), checks that it answers, and decides once how its containers get
 * our files (set on `engine.files`, logged with why). `env` is read for the decision; the engine's CLI
 * runs with the process's own environment, so pass `process.env` (the default) outside tests.
 * @throws InputError for a bad `engine` input or DIGESTLINE_FILES; Error when the engine cannot be reached
 */
export async function connectEngine(
  kind: string,
  opts: { env?: NodeJS.ProcessEnv; exec?: Exec; log?: Log; timeoutMs?: number } = {},
): Promise<ContainerEngine> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? silentLog;
  // A bad override is refused before the engine is even asked.
  filesOverride(env);
  const engine = selectEngine(kind, env, opts.exec ?? defaultExec);
  const server = await checkEngineAccess(engine, env, opts.timeoutMs);
  const decision = decideFiles(engine.kind, env, server);
  engine.files = decision.mode;
  log.info(
    `${engine.kind} ${server.version}: files ${decision.mode === 'bind' ? 'bind-mounted' : 'copied through the engine'} (${decision.reason})`,
  );
  return engine;
}
