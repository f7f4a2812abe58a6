/**
 * A registry login that belongs to one build-image step: the engine CLI is pointed at a private auth
 * file under RUNNER_TEMP (`DOCKER_CONFIG=<dir>` for docker, `REGISTRY_AUTH_FILE=<dir>/auth.json` for
 * podman), seeded with the runner's standing logins so base-image pulls still authenticate. The
 * step's `login` writes only there and the directory is deleted afterwards: the runner's shared
 * `~/.docker/config.json` (or podman's auth.json) is never written, so a standing login other jobs
 * rely on survives and concurrent jobs cannot race on one file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EngineKind } from '../engine/engine.js';
import { Exec, type ExecOptions, type ExecResult } from '../exec.js';

/** The step's private auth location and the Exec that points the engine CLI at it. */
export interface StepAuth {
  /** Directory holding the auth file; removed by {@link removeStepAuth}. */
  dir: string;
  /** What the engine CLI gets in its environment. */
  env: Record<string, string>;
  /** Runs every command with {@link StepAuth.env} added. */
  exec: Exec;
}

/** An Exec that adds fixed variables to every command's environment (the command's own win). */
class EnvExec extends Exec {
  constructor(
    private readonly base: Exec,
    private readonly extra: Record<string, string>,
  ) {
    super();
  }

  override exec(bin: string, args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return this.base.exec(bin, args, { ...opts, env: { ...this.extra, ...opts.env } });
  }
}

function readJson(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return json !== null && typeof json === 'object' && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  } catch {
    // An unreadable standing file only costs its logins, as the engine itself would treat it.
    return undefined;
  }
}

function objectAt(json: Record<string, unknown> | undefined, key: string): Record<string, unknown> {
  const v = json?.[key];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * The docker CLI's config as this step starts from: the standing `config.json` without `credsStore`
 * (a credential store is shared by every job; a login there would outlive the step) and without a
 * credential helper for `registry` (so the step's login lands in the private file).
 */
export function dockerSeed(
  standing: Record<string, unknown> | undefined,
  registry: string,
): Record<string, unknown> {
  const seed: Record<string, unknown> = { ...standing };
  delete seed['credsStore'];
  const helpers = { ...objectAt(standing, 'credHelpers') };
  delete helpers[registry];
  if (Object.keys(helpers).length > 0) seed['credHelpers'] = helpers;
  else delete seed['credHelpers'];
  return seed;
}

/**
 * podman's auth file as this step starts from: the `auths` and `credHelpers` of the files podman reads
 * when no auth file is given, merged in its order (an earlier file wins a registry), minus a helper for
 * `registry`.
 */
export function podmanSeed(
  standing: ReadonlyArray<Record<string, unknown> | undefined>,
  registry: string,
): Record<string, unknown> {
  const auths: Record<string, unknown> = {};
  const helpers: Record<string, unknown> = {};
  for (const file of [...standing].reverse()) {
    Object.assign(auths, objectAt(file, 'auths'));
    Object.assign(helpers, objectAt(file, 'credHelpers'));
  }
  delete helpers[registry];
  return Object.keys(helpers).length > 0 ? { auths, credHelpers: helpers } : { auths };
}

/** The files podman reads credentials from when no auth file is given, in its order. */
function podmanStandingFiles(env: NodeJS.ProcessEnv, home: string): string[] {
  const files: string[] = [];
  if (env['REGISTRY_AUTH_FILE']) files.push(env['REGISTRY_AUTH_FILE']);
  if (env['XDG_RUNTIME_DIR']) files.push(join(env['XDG_RUNTIME_DIR'], 'containers', 'auth.json'));
  files.push(join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'containers', 'auth.json'));
  files.push(join(env['DOCKER_CONFIG'] || join(home, '.docker'), 'config.json'));
  return files;
}

/**
 * Creates the step's private auth directory (mode 0700) under `tempRoot`, seeded from the standing
 * logins, and an Exec that points `kind`'s CLI at it.
 */
export async function createStepAuth(
  kind: EngineKind,
  registry: string,
  tempRoot: string,
  base: Exec,
  env: NodeJS.ProcessEnv = process.env,
): Promise<StepAuth> {
  const home = env['HOME'] || homedir();
  const dir = await mkdtemp(join(tempRoot, 'digestline-auth-'));
  await chmod(dir, 0o700);
  let extra: Record<string, string>;
  if (kind === 'docker') {
    const standingDir = env['DOCKER_CONFIG'] || join(home, '.docker');
    const seed = dockerSeed(readJson(join(standingDir, 'config.json')), registry);
    await writeFile(join(dir, 'config.json'), JSON.stringify(seed, null, 2), { mode: 0o600 });
    // buildx and compose installed per user live next to the standing config.
    const plugins = join(standingDir, 'cli-plugins');
    if (existsSync(plugins)) await symlink(plugins, join(dir, 'cli-plugins'));
    extra = { DOCKER_CONFIG: dir };
  } else {
    const seed = podmanSeed(podmanStandingFiles(env, home).map(readJson), registry);
    const file = join(dir, 'auth.json');
    await writeFile(file, JSON.stringify(seed, null, 2), { mode: 0o600 });
    extra = { REGISTRY_AUTH_FILE: file };
  }
  return { dir, env: extra, exec: new EnvExec(base, extra) };
}

/** Deletes a step's auth directory (and the credentials in it); a missing one is fine. */
export async function removeStepAuth(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
