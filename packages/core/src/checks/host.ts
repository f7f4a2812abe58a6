/**
 * Runs checks on the runner itself: each one `sh -c` in its own process group, so that a timeout
 * kills the check and everything it started (npm → node → workers), not just the shell.
 */
import { spawn } from 'node:child_process';
import { userEnvironment, type HostUser } from '../user-code.js';
import type { CheckExit, CheckLauncher, CheckProcess, PlannedCheck } from './run.js';

/** How long a killed check gets between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 5_000;

/**
 * After a check's shell exits, how long its output pipes may stay open (held by a background process
 * it left behind) before they are closed and the leftovers killed.
 */
const PIPE_DRAIN_MS = 2_000;

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    // Negative pid: the whole process group the check's shell leads (spawned with `detached`).
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Runs each check as `/bin/sh -c <run>` on the runner, in its own process group. */
export class HostLauncher implements CheckLauncher {
  /**
   * @param env the checks' environment (see `userEnvironment` in ../user-code.ts)
   * @param killGraceMs time between SIGTERM and SIGKILL when a check is killed
   * @param user uid:gid the checks run as (we must be root); this process's own when absent
   */
  constructor(
    private readonly env: Record<string, string> = userEnvironment(process.env),
    private readonly killGraceMs: number = KILL_GRACE_MS,
    private readonly user?: HostUser,
  ) {}

  start(check: PlannedCheck, output: (chunk: Buffer) => void): CheckProcess {
    const child = spawn('/bin/sh', ['-c', check.run], {
      cwd: check.cwd,
      env: this.env,
      detached: true,
      ...(this.user !== undefined ? { uid: this.user.uid, gid: this.user.gid } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', output);
    child.stderr.on('data', output);

    const exited = new Promise<CheckExit>((resolve) => {
      let done = false;
      const finish = (exit: CheckExit): void => {
        if (done) return;
        done = true;
        resolve(exit);
      };
      child.on('error', (err) => {
        const as = this.user !== undefined ? ` as uid ${this.user.uid}:${this.user.gid}` : '';
        output(Buffer.from(`could not start /bin/sh in ${check.cwd}${as}: ${err.message}\n`));
        finish({ exitCode: null });
      });
      child.on('exit', (code, signal) => {
        // Nothing a check started may outlive it: a background process would keep running between
        // checks (and hold the output pipes open, so 'close' would never come).
        killGroup(child.pid, 'SIGKILL');
        const drain = setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish({ exitCode: code, signal });
        }, PIPE_DRAIN_MS);
        child.once('close', () => {
          clearTimeout(drain);
          finish({ exitCode: code, signal });
        });
      });
    });

    const kill = async (): Promise<void> => {
      killGroup(child.pid, 'SIGTERM');
      const hard = setTimeout(() => killGroup(child.pid, 'SIGKILL'), this.killGraceMs);
      await exited;
      clearTimeout(hard);
    };
    return { exited, kill };
  }
}
