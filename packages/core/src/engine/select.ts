import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { InputError } from '../errors.js';
import { defaultExec, type Exec } from '../exec.js';
import { ENGINE_CHOICES, type EngineChoice } from './choices.js';
import { Docker } from './docker.js';
import type { ContainerEngine, EngineKind } from './engine.js';
import { Podman } from './podman.js';

/** What a job needs so that an action can reach a container engine. */
export const ENGINE_ACCESS_ADVICE =
  'give the job an engine: in the forgejo-runner config set `container.docker_host: automount` ' +
  "(the host engine's socket is mounted into the job container), or set DOCKER_HOST to an engine " +
  '(e.g. a docker:dind service), or run the job on the host with a `:host` runner label';

/**
 * Picks the container engine named by the `engine` input.
 *
 * `auto`: `DOCKER_HOST` set → docker (the job points at a daemon); `CONTAINER_HOST` set → podman
 * (remote podman); otherwise podman if it is on PATH (daemonless, nothing to be running), else
 * docker if it is on PATH.
 *
 * @param kind the input's value: `auto`, `docker` or `podman`
 * @param env the environment to read PATH, DOCKER_HOST and CONTAINER_HOST from
 * @param exec the Exec the engine runs commands through
 * @throws InputError (input `engine`) for an unknown value or when the engine's CLI is not on PATH
 */
export function selectEngine(
  kind: string,
  env: NodeJS.ProcessEnv = process.env,
  exec: Exec = defaultExec,
): ContainerEngine {
  const choice = kind.trim().toLowerCase();
  if (!isChoice(choice)) {
    throw new InputError(
      'engine',
      `engine must be one of ${ENGINE_CHOICES.join(', ')}; got ${JSON.stringify(kind)}`,
    );
  }
  const resolved = choice === 'auto' ? autoKind(env) : choice;
  if (resolved === undefined) {
    throw new InputError(
      'engine',
      `engine is auto but neither podman nor docker is on PATH (${env.PATH ?? ''}); install one, ` +
        `or set the engine input to docker or podman (valid values: ${ENGINE_CHOICES.join(', ')}); ` +
        `in a job container, ${ENGINE_ACCESS_ADVICE}, with a job image that has the docker (or podman) CLI`,
    );
  }
  if (!onPath(resolved, env)) {
    throw new InputError(
      'engine',
      `engine is ${choice === 'auto' ? `auto (chose ${resolved})` : resolved} but ${resolved} is not on PATH ` +
        `(${env.PATH ?? ''}); install it or pick another engine (valid values: ${ENGINE_CHOICES.join(', ')}); ` +
        `in a job container, ${ENGINE_ACCESS_ADVICE}, with a job image that has the ${resolved} CLI`,
    );
  }
  return resolved === 'docker' ? new Docker(exec) : new Podman(exec);
}

function isChoice(s: string): s is EngineChoice {
  return (ENGINE_CHOICES as readonly string[]).includes(s);
}

function autoKind(env: NodeJS.ProcessEnv): EngineKind | undefined {
  if (env.DOCKER_HOST) return 'docker';
  if (env.CONTAINER_HOST) return 'podman';
  if (onPath('podman', env)) return 'podman';
  if (onPath('docker', env)) return 'docker';
  return undefined;
}

/** Whether `bin` is an executable file in one of env.PATH's directories. */
export function onPath(bin: string, env: NodeJS.ProcessEnv): boolean {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const file = join(dir, bin);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return true;
    } catch {
      // Not here; keep looking.
    }
  }
  return false;
}
