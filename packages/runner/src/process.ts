// Runs one step's process in its own process group, so a timeout or a cancel reaches every child
// (a `run:` script's background jobs, an action's engine calls), not only the shell.
import { spawn } from 'node:child_process';

/** How a step process ended. */
export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  cancelled: boolean;
}

/** Options for runProcess. */
export interface ProcessOptions {
  cwd: string;
  env: Record<string, string>;
  /** Called with each complete line of stdout or stderr (without the newline). */
  onLine: (line: string, stream: 'stdout' | 'stderr') => void;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Time between SIGTERM and SIGKILL to the process group. */
  killGraceMs?: number;
  /** Called with the pid (= process group id) once the process runs. */
  onSpawn?: (pid: number) => void;
  /**
   * Called once when the process is stopped (timeout or cancel), for what its group does not
   * reach (the processes an engine's exec started in a container).
   */
  onStop?: () => void;
}

/** Sends a signal to a whole process group; a group that is gone already is fine. */
export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Spawns argv[0] with argv[1..] (no shell) and resolves when it exits. Never rejects on exit codes. */
export function runProcess(argv: string[], options: ProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const [bin, ...args] = argv;
    if (!bin) {
      reject(new Error('empty command'));
      return;
    }
    const child = spawn(bin, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    let timedOut = false;
    let cancelled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (): void => {
      if (child.pid === undefined || killTimer) return;
      options.onStop?.();
      killGroup(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => {
        if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
      }, options.killGraceMs ?? 5000);
    };
    const timer =
      options.timeoutMs !== undefined && Number.isFinite(options.timeoutMs)
        ? setTimeout(() => {
            timedOut = true;
            stop();
          }, options.timeoutMs)
        : undefined;
    const onAbort = (): void => {
      cancelled = true;
      stop();
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });

    const lineReader = (stream: 'stdout' | 'stderr') => {
      let pending = '';
      return {
        data: (chunk: Buffer) => {
          pending += chunk.toString('utf8');
          let nl = pending.indexOf('\n');
          while (nl >= 0) {
            options.onLine(pending.slice(0, nl).replace(/\r$/, ''), stream);
            pending = pending.slice(nl + 1);
            nl = pending.indexOf('\n');
          }
        },
        flush: () => {
          if (pending !== '') options.onLine(pending, stream);
          pending = '';
        },
      };
    };
    const out = lineReader('stdout');
    const err = lineReader('stderr');
    child.stdout.on('data', out.data);
    child.stderr.on('data', err.data);
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(new Error(`cannot start ${bin}: ${e.message}`));
    });
    let exited = false;
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null): void => {
      if (exited) return;
      exited = true;
      out.flush();
      err.flush();
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      // The shell may be gone while children it left in the group still run: end them too.
      if (child.pid !== undefined && (timedOut || cancelled)) killGroup(child.pid, 'SIGKILL');
      resolve({ exitCode, signal, timedOut, cancelled });
    };
    child.on('close', finish);
    // A background child (`server &`) keeps the pipes open after the step's process exits; the
    // runners end the step at exit, so only wait briefly for buffered output.
    child.on('exit', (exitCode, signal) => {
      const drain = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(exitCode, signal);
      }, 300);
      child.once('close', () => clearTimeout(drain));
    });
  });
}
