// Job containers, the way forgejo-runner runs a `docker://IMAGE` label with
// `container.docker_host: automount`: a fresh container per job from the label's image, kept
// alive by a command that does nothing, with the host engine's socket at /var/run/docker.sock,
// the workspace copied in (never bind-mounted) at /workspace/<owner>/<repo>, and each step an
// `exec` into it. The runner's own per-job directory (file commands, temp, event, action copies)
// is bind-mounted at JOB_DIR_IN_CONTAINER, as act does with its own volumes.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { errorText } from './errors.js';

const execFileAsync = promisify(execFile);

/** Where the runner's per-job directory appears inside a job container. */
export const JOB_DIR_IN_CONTAINER = '/var/run/digestline';
/** Where the engine socket appears inside a job container (docker's default). */
export const SOCKET_IN_CONTAINER = '/var/run/docker.sock';

/** The host engine that creates job containers. */
export interface JobEngine {
  cli: 'docker' | 'podman';
  /** The engine's API socket on the host; default: docker's, or a podman service the run starts. */
  socket?: string;
  /** The network job containers join. Default `host` (forgejo-runner's `container.network: host`). */
  network?: string;
}

/** One running job container. */
export interface JobContainer {
  name: string;
  engine: JobEngine['cli'];
  image: string;
  /** The engine CLI as argv (absolute binary and global flags), e.g. `[/usr/bin/docker, -H, unix://…]`. */
  cli: string[];
  /** The workspace inside the container. */
  workspace: string;
  /** The job directory on the host, mounted at JOB_DIR_IN_CONTAINER. */
  hostDir: string;
  /** The image's environment (`Config.Env`), PATH included. */
  imageEnv: Record<string, string>;
  /** `process.version` of the image's `node`. */
  node: string;
}

/** The engine CLI binary on the host's PATH, as an absolute path (steps' PATH is the container's). */
export function findOnPath(bin: string, searchPath = process.env['PATH'] ?? ''): string {
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, bin);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`job engine '${bin}' is not on PATH (${searchPath})`);
}

/** The host socket job containers get for `engine`; podman's is the service the run starts. */
export function engineSocket(engine: JobEngine, runDir: string): string {
  if (engine.socket) return path.resolve(engine.socket);
  return engine.cli === 'docker' ? '/var/run/docker.sock' : path.join(runDir, 'podman.sock');
}

/**
 * The engine CLI argv prefix, pointed at the engine's socket explicitly: the exec client runs in
 * the step's environment, so a step's DOCKER_HOST or CONTAINER_HOST must not move it (a local
 * podman with CONTAINER_HOST set turns remote and fails).
 */
export function engineCli(engine: JobEngine, binary: string, socket: string): string[] {
  return engine.cli === 'docker'
    ? [binary, '-H', `unix://${socket}`]
    : [binary, '--remote', '--url', `unix://${socket}`];
}

/** A job container's name: `digestline-job-<run id>-<job id>`, reduced to what engines accept. */
export function jobContainerName(runId: string, jobId: string): string {
  return `digestline-job-${runId}-${jobId}`.replace(/[^a-zA-Z0-9_.-]/g, '_');
}

/** `<owner>/<repo>` under /workspace, as forgejo-runner lays it out. */
export function containerWorkspace(repository: string): string {
  const safe = repository.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  return path.posix.join('/workspace', ...safe);
}

/**
 * The variables that point a job's engine CLIs at the mounted socket: DOCKER_HOST for the docker
 * CLI; behind podman's socket also CONTAINER_HOST, which makes a podman CLI in the job go remote
 * (podman's own API has what its Docker-compatible one lacks: image health checks, `healthcheck
 * run`). An administrator sets the same with `container.options: -e CONTAINER_HOST=…`.
 */
export function socketEnv(engine: JobEngine['cli']): Record<string, string> {
  const url = `unix://${SOCKET_IN_CONTAINER}`;
  return engine === 'podman' ? { DOCKER_HOST: url, CONTAINER_HOST: url } : { DOCKER_HOST: url };
}

/** The argv that creates and starts a job container (detached, entrypoint cleared, kept alive). */
export function createArgv(
  cli: string[],
  name: string,
  image: string,
  hostDir: string,
  socket: string,
  network: string,
  engine: JobEngine['cli'],
): string[] {
  return [
    ...cli,
    'run',
    '--detach',
    '--name',
    name,
    '--network',
    network,
    '--entrypoint',
    '',
    '--volume',
    `${hostDir}:${JOB_DIR_IN_CONTAINER}`,
    '--volume',
    `${socket}:${SOCKET_IN_CONTAINER}`,
    ...Object.entries(socketEnv(engine)).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
    image,
    'tail',
    '-f',
    '/dev/null',
  ];
}

/**
 * The argv that runs `argv` in the container in `cwd`. Variables are named with `-e NAME` only:
 * the exec CLI takes their values from its own environment, so no value (secret) is in argv.
 */
export function execArgv(
  cli: string[],
  name: string,
  cwd: string,
  envNames: string[],
  argv: string[],
): string[] {
  return [...cli, 'exec', '-i', '-w', cwd, ...envNames.flatMap((n) => ['-e', n]), name, ...argv];
}

async function run(argv: string[], what: string): Promise<string> {
  const [bin = '', ...args] = argv;
  try {
    const { stdout } = await execFileAsync(bin, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    return stdout.trim();
  } catch (err) {
    const stderr = String((err as { stderr?: string }).stderr ?? '').trim();
    throw new Error(`${what} failed: ${stderr.split('\n').slice(-5).join('\n') || errorText(err)}`, {
      cause: err,
    });
  }
}

/** Parses `Config.Env` (`["K=V", …]`) into a record. */
export function envListRecord(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    const s = String(item);
    const eq = s.indexOf('=');
    if (eq > 0) out[s.slice(0, eq)] = s.slice(eq + 1);
  }
  return out;
}

/** What startJobContainer needs. */
export interface StartOptions {
  engine: JobEngine;
  socket: string;
  runId: string;
  jobId: string;
  image: string;
  repository: string;
  hostDir: string;
}

/**
 * Creates and starts the job container and reads the image's environment and node version. On
 * failure after creation the container is removed before the error propagates.
 */
export async function startJobContainer(o: StartOptions): Promise<JobContainer> {
  const cli = engineCli(o.engine, findOnPath(o.engine.cli), o.socket);
  const name = jobContainerName(o.runId, o.jobId);
  const env = await run(
    [...cli, 'image', 'inspect', '--format', '{{json .Config.Env}}', o.image],
    `${o.engine.cli} image inspect ${o.image}`,
  );
  const imageEnv = envListRecord(JSON.parse(env || '[]'));
  try {
    await run(
      createArgv(cli, name, o.image, o.hostDir, o.socket, o.engine.network ?? 'host', o.engine.cli),
      `starting job container ${name} from ${o.image}`,
    );
    const node = await run(
      [...cli, 'exec', name, 'node', '-p', 'process.version'],
      `node -p process.version in ${name}`,
    );
    return {
      name,
      engine: o.engine.cli,
      image: o.image,
      cli,
      workspace: containerWorkspace(o.repository),
      hostDir: o.hostDir,
      imageEnv,
      node,
    };
  } catch (err) {
    await removeJobContainer(cli, o.engine.cli, name);
    throw err;
  }
}

/**
 * The argv that removes a job container at once. Podman's `rm -f` first waits 10 s for the
 * keep-alive to heed SIGTERM (as PID 1 it ignores it), hence `--time 0`; docker's kills at once.
 */
export function removeArgv(cli: string[], engine: JobEngine['cli'], name: string): string[] {
  return [...cli, 'rm', '-f', ...(engine === 'podman' ? ['--time', '0'] : []), name];
}

/** Removes a job container, running or not; a container that is gone already is fine. */
export async function removeJobContainer(
  cli: string[],
  engine: JobEngine['cli'],
  name: string,
): Promise<void> {
  const [bin = '', ...args] = removeArgv(cli, engine, name);
  await new Promise<void>((resolve) => {
    execFile(bin, args, () => resolve());
  });
}

/**
 * The script that stops a step's processes in its container: SIGTERM to all but the keep-alive
 * (PID 1) and the script itself, up to `graceMs` for them to end, then SIGKILL to what is left.
 */
export function stopScript(graceMs: number): string {
  const rounds = Math.max(1, Math.ceil(graceMs / 100));
  return (
    'kill -TERM -1 2>/dev/null; i=0; ' +
    `while kill -0 -1 2>/dev/null && [ "$i" -lt ${rounds} ]; do sleep 0.1; i=$((i+1)); done; ` +
    'kill -KILL -1 2>/dev/null; true'
  );
}

/**
 * Stops what a cancelled or timed-out step left running in the container (killing the exec
 * client does not reach it); resolves when it is gone, so the next step starts clean.
 */
export async function stopContainerProcesses(c: JobContainer, graceMs: number): Promise<void> {
  const [bin = '', ...args] = c.cli;
  await new Promise<void>((resolve) => {
    execFile(bin, [...args, 'exec', c.name, 'sh', '-c', stopScript(graceMs)], () => resolve());
  });
}

/** What a checkout holds: the git work tree's files (tracked and untracked, not ignored), or undefined if not a work tree. */
async function checkoutFiles(workspace: string): Promise<string[] | undefined> {
  try {
    const { stdout } = await execFileAsync(
      'git',
      ['-C', workspace, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    // Tracked files deleted in the work tree are not in a checkout either.
    return stdout.split('\0').filter((f) => f !== '' && existsSync(path.join(workspace, f)));
  } catch {
    return undefined;
  }
}

function waitFor(child: ChildProcess, what: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', (e) => reject(new Error(`${what}: ${e.message}`)));
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${what} exited with ${code}: ${stderr.trim().split('\n').slice(-5).join('\n')}`)),
    );
  });
}

/**
 * Gives the container's workspace the `.git` of a depth-1 fetch of the run's commit (`sha`, detached
 * HEAD), as actions/checkout leaves it (build-image reads the commit's time from it): never the
 * host's own git directory (a worktree's `.git` is only a pointer, and history is not needed), and
 * never whatever HEAD has moved to since the run started.
 */
async function copyGitDir(c: JobContainer, workspace: string, sha: string): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'digestline-checkout-'));
  try {
    const git = (...args: string[]) => execFileAsync('git', ['-C', tmp, ...args]);
    await git('init', '-q');
    await git('fetch', '-q', '--depth', '1', `file://${workspace}`, sha);
    await git('update-ref', '--no-deref', 'HEAD', 'FETCH_HEAD');
    const [bin = '', ...args] = c.cli;
    const untar = spawn(bin, [...args, 'exec', '-i', c.name, 'tar', '-x', '-C', c.workspace, '-f', '-'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const tar = spawn('tar', ['-C', tmp, '-c', '-f', '-', '.git'], { stdio: ['ignore', 'pipe', 'pipe'] });
    tar.stdout?.pipe(untar.stdin!);
    await Promise.all([
      waitFor(tar, `tar of the checkout's .git`),
      waitFor(untar, `unpacking .git in ${c.name}`),
    ]);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Copies the workspace into the container's workspace as a tar stream through the engine:
 * a git work tree's checkout files, or the whole directory when it is not one. Returns the
 * number of files sent (undefined for a whole directory).
 */
export async function copyWorkspace(
  c: JobContainer,
  workspace: string,
  sha: string,
): Promise<number | undefined> {
  const files = await checkoutFiles(workspace);
  const [bin = '', ...args] = c.cli;
  const untar = spawn(
    bin,
    [...args, 'exec', '-i', c.name, 'sh', '-c', 'mkdir -p "$1" && tar -x -C "$1" -f -', 'sh', c.workspace],
    {
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  const tarArgs = files
    ? ['-C', workspace, '--null', '--no-recursion', '-T', '-', '-c', '-f', '-']
    : ['-C', workspace, '-c', '-f', '-', '.'];
  const tar = spawn('tar', tarArgs, { stdio: [files ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  tar.stdout?.pipe(untar.stdin!);
  if (files) tar.stdin?.end(files.map((f) => `${f}\0`).join(''));
  await Promise.all([
    waitFor(tar, `tar of ${workspace}`),
    waitFor(untar, `unpacking the workspace in ${c.name}`),
  ]);
  if (files) await copyGitDir(c, workspace, sha);
  return files?.length;
}

/** The podman API service a run starts for its job containers (podman's Docker-compatible socket). */
export class PodmanService {
  private child: ChildProcess | undefined;

  constructor(readonly socket: string) {}

  /** Starts `podman system service --time=0 unix://<socket>` and waits until the socket exists. */
  async start(): Promise<void> {
    const child = spawn(findOnPath('podman'), ['system', 'service', '--time=0', `unix://${this.socket}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const deadline = Date.now() + 15_000;
    while (!existsSync(this.socket)) {
      if (child.exitCode !== null || Date.now() > deadline) {
        this.stop();
        throw new Error(
          `podman system service on ${this.socket} did not start: ${stderr.trim() || 'no socket after 15 s'}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Stops the service (SIGTERM; podman removes its socket). */
  stop(): void {
    if (this.child && this.child.exitCode === null) this.child.kill('SIGTERM');
    this.child = undefined;
  }
}
