/**
 * The `run`/`create` flags both CLIs share, built from {@link RunOptions}. Where the engines differ
 * (the confinement flags podman needs beside `--read-only`, the exec form of `--health-cmd`), the
 * caller passes its own builders in a {@link RunArgsDialect}.
 */
import { goDuration, publishSpec, tmpfsSpec, volumeSpec } from './cli-args.js';
import type { Healthcheck, RunOptions, TmpfsMount } from './engine.js';

/** The parts of `run` argv that an engine renders its own way. */
export interface RunArgsDialect {
  /** Flags that limit the container (see {@link confinementArgs}). */
  confinementArgs(opts: RunOptions): string[];
  /** `--health-*` flags (see {@link healthcheckArgs}). */
  healthcheckArgs(hc: Healthcheck): string[];
  /** The value of one `--tmpfs` flag (default {@link tmpfsSpec}). */
  tmpfsSpec?(t: TmpfsMount, opts: RunOptions): string;
}

/** `run` argv: detached for `run`, foreground for `runToCompletion`. */
export function runArgs(opts: RunOptions, detach: boolean, dialect: RunArgsDialect): string[] {
  const args = ['run'];
  // Name-only --env takes the value from the engine CLI's environment: values stay out of argv.
  for (const name of opts.passEnv ?? []) args.push('--env', name);
  if (detach) args.push('--detach');
  if (opts.rm) args.push('--rm');
  if (opts.name !== undefined) args.push('--name', opts.name);
  if (opts.hostname !== undefined) args.push('--hostname', opts.hostname);
  if (opts.network !== undefined) args.push('--network', opts.network);
  for (const alias of opts.aliases ?? []) args.push('--network-alias', alias);
  for (const [name, ip] of Object.entries(opts.hosts ?? {})) args.push('--add-host', `${name}:${ip}`);
  for (const [k, v] of Object.entries(opts.labels ?? {})) args.push('--label', `${k}=${v}`);
  for (const [k, v] of Object.entries(opts.env ?? {})) args.push('--env', `${k}=${v}`);
  for (const port of opts.ports ?? []) args.push('--publish', publishSpec(port));
  for (const volume of opts.volumes ?? []) args.push('--volume', volumeSpec(volume));
  for (const t of opts.tmpfs ?? []) args.push('--tmpfs', dialect.tmpfsSpec?.(t, opts) ?? tmpfsSpec(t));
  if (opts.user !== undefined) args.push('--user', opts.user);
  if (opts.workdir !== undefined) args.push('--workdir', opts.workdir);
  args.push(...dialect.confinementArgs(opts));
  args.push(...hostAccessArgs(opts));
  if (opts.memoryBytes !== undefined) args.push('--memory', String(opts.memoryBytes));
  if (opts.cpus !== undefined) args.push('--cpus', String(opts.cpus));
  if (opts.pidsLimit !== undefined) args.push('--pids-limit', String(opts.pidsLimit));
  if (opts.stopSignal !== undefined) args.push('--stop-signal', opts.stopSignal);
  if (opts.stopTimeoutS !== undefined) args.push('--stop-timeout', String(opts.stopTimeoutS));
  if (opts.restart !== undefined) args.push('--restart', opts.restart);
  const [entrypoint, ...beforeCommand] =
    typeof opts.entrypoint === 'string' ? [opts.entrypoint] : (opts.entrypoint ?? []);
  if (opts.entrypoint !== undefined) args.push('--entrypoint', entrypoint ?? '');
  if (opts.healthcheck) args.push(...dialect.healthcheckArgs(opts.healthcheck));
  args.push(opts.image, ...beforeCommand, ...(opts.command ?? []));
  return args;
}

/** `--init`, `--read-only`, `--cap-drop`, `--security-opt`: what limits the container. */
export function confinementArgs(opts: RunOptions): string[] {
  const args: string[] = [];
  if (opts.init) args.push('--init');
  if (opts.readOnly) args.push('--read-only');
  for (const cap of opts.capDrop ?? []) args.push('--cap-drop', cap);
  for (const opt of opts.securityOpt ?? []) args.push('--security-opt', opt);
  return args;
}

/**
 * `--privileged`, `--cap-add`, `--device`, `--pid host`, `--ipc host`: what opens the host to the
 * container. The stack builder sets these only when the user allowed them (allow-privileged).
 */
export function hostAccessArgs(opts: RunOptions): string[] {
  const args: string[] = [];
  if (opts.privileged) args.push('--privileged');
  for (const cap of opts.capAdd ?? []) args.push('--cap-add', cap);
  for (const device of opts.devices ?? []) args.push('--device', device);
  if (opts.pid !== undefined) args.push('--pid', opts.pid);
  if (opts.ipc !== undefined) args.push('--ipc', opts.ipc);
  return args;
}

/**
 * `--health-*` flags for a Docker-form health check; `execFormHealthCmd` writes an exec-form
 * check the way the engine's `--health-cmd` expects it.
 */
export function healthcheckArgs(hc: Healthcheck, execFormHealthCmd: (argv: string[]) => string): string[] {
  const [kind, ...rest] = hc.test;
  if (kind === 'NONE') return ['--no-healthcheck'];
  let cmd: string;
  if (kind === 'CMD-SHELL') {
    if (rest.length !== 1)
      throw new Error(`healthcheck CMD-SHELL takes exactly one script, got ${rest.length}`);
    cmd = rest[0] as string;
  } else {
    const argv = kind === 'CMD' ? rest : hc.test;
    if (argv.length === 0)
      throw new Error('healthcheck test is empty: give a command, CMD-SHELL script or NONE');
    cmd = execFormHealthCmd(argv);
  }
  const args = ['--health-cmd', cmd];
  if (hc.intervalMs !== undefined) args.push('--health-interval', goDuration(hc.intervalMs));
  if (hc.timeoutMs !== undefined) args.push('--health-timeout', goDuration(hc.timeoutMs));
  if (hc.retries !== undefined) args.push('--health-retries', String(hc.retries));
  if (hc.startPeriodMs !== undefined) args.push('--health-start-period', goDuration(hc.startPeriodMs));
  return args;
}
