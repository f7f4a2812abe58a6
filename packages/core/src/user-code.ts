/**
 * Keeping the signing key out of reach of the user's code (fast-check's checks, integration-test's
 * test command) when that code runs on the runner itself.
 *
 * The key arrives in the action's environment (`INPUT_SIGNING-KEY`). Scrubbing the child's env is
 * not enough: a process of the same uid reads the action's initial environment from
 * `/proc/<pid>/environ`, which node cannot clear. So, with a key, user code on the runner runs as
 * an unprivileged uid (when we are root), or not at all (when we are not), unless the workflow says
 * in so many words that it accepts the risk. In a container the code has its own PID namespace and
 * only the env and mounts we give it; {@link userEnvironment} is applied there too.
 */
import { chown, lstat, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Check } from './evidence/statement.js';
import { InputError } from './errors.js';

/** The uid:gid user code runs as on the runner when we are root and a key is given (nobody:nogroup). */
export const UNPRIVILEGED_USER: HostUser = { uid: 65534, gid: 65534 };

/** Name of the evidence check that records how user code was kept from the key. */
export const KEY_ISOLATION_CHECK = 'signing key isolation';

/** A numeric user on the runner. */
export interface HostUser {
  uid: number;
  gid: number;
}

/**
 * Variables no user code gets, in any mode: the action's inputs (`INPUT_*`, the signing key among
 * them) and the runner's own plumbing (`ACTIONS_*`: runtime and cache tokens).
 */
export function isActionVariable(name: string): boolean {
  const upper = name.toUpperCase();
  return upper.startsWith('INPUT_') || upper.startsWith('ACTIONS_');
}

/**
 * The distinctive parts of a PEM key: the whole PEM and each base64 line of its body (the
 * `-----BEGIN…` lines are the same in every key). A value holding any of them holds key material.
 */
export function keyMaterial(pem: string): string[] {
  const body = pem
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length >= 16 && !l.startsWith('-----'));
  return [pem.trim(), ...body].filter((s) => s !== '');
}

/**
 * The environment user code gets on the runner: `env` minus {@link isActionVariable} names and
 * minus any variable whose value holds key material (a workflow that also put the key in `env:`).
 * @param secrets PEM keys whose material must not pass (see {@link keyMaterial})
 */
export function userEnvironment(
  env: NodeJS.ProcessEnv,
  secrets: readonly string[] = [],
): Record<string, string> {
  const material = secrets.flatMap(keyMaterial);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || isActionVariable(name)) continue;
    if (material.some((m) => value.includes(m))) continue;
    out[name] = value;
  }
  return out;
}

/** How user code on the runner is kept from the key. */
export type HostIsolation =
  /** No key given: nothing to protect; the code runs as this process's user. */
  | { mode: 'no-key' }
  /** A key, and we are root: the code runs as `user`, which cannot read our /proc entries. */
  | { mode: 'dropped'; user: HostUser }
  /** A key, and the workflow accepted that the code runs as our uid (and can read the key). */
  | { mode: 'unsafe'; uid: number | undefined };

/** Input names for {@link decideHostIsolation}'s messages. */
export interface IsolationInputs {
  /** `signing-key`. */
  key: string;
  /** The input that moves user code into a container (`image`, `test-image`). */
  container: string;
  /** The input that accepts the risk (`unsafe-host-commands-with-key`). */
  unsafe: string;
}

/**
 * Decides how user code that runs on the runner is kept from the signing key. Pure; call it before
 * anything runs.
 * @param uid this process's uid (`process.getuid()`); undefined where there are no uids (Windows)
 * @throws InputError naming the key input, the container input and the unsafe input when a key is
 *   given, we are not root, and the risk was not accepted
 */
export function decideHostIsolation(o: {
  signed: boolean;
  unsafe: boolean;
  uid: number | undefined;
  inputs: IsolationInputs;
}): HostIsolation {
  if (!o.signed) return { mode: 'no-key' };
  if (o.unsafe) return { mode: 'unsafe', uid: o.uid };
  if (o.uid === 0) return { mode: 'dropped', user: UNPRIVILEGED_USER };
  const who = o.uid === undefined ? 'this platform has no uids' : `this step runs as uid ${o.uid}, not root`;
  throw new InputError(
    o.inputs.key,
    `input "${o.inputs.key}" is set and the user's commands would run on the runner, where they could read the key ` +
      `(from /proc/<pid>/environ of this step, same uid); ${who}, so they cannot be run as another user. ` +
      `Set input "${o.inputs.container}" to run them in a container, or run the job as root (they then run as ` +
      `uid ${UNPRIVILEGED_USER.uid}), or set input "${o.inputs.unsafe}: true" to run them anyway ` +
      '(the evidence then records that the key was within their reach)',
  );
}

/** Whether `user` may search (x) or write (w) `st` by its mode bits (ACLs are not read). */
function allowed(st: { uid: number; gid: number; mode: number }, user: HostUser, bit: 1 | 2): boolean {
  const shift = st.uid === user.uid ? 6 : st.gid === user.gid ? 3 : 0;
  return ((st.mode >> shift) & bit) !== 0;
}

/**
 * The first directory on the way to `dir` (itself included) that `user` cannot enter, or undefined.
 * Only mode bits are read: an ACL granting access is not seen.
 */
export async function unreachableBy(dir: string, user: HostUser): Promise<string | undefined> {
  const chain: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    chain.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of chain) {
    const st = await lstat(d);
    if (!allowed(st, user, 1)) return d;
  }
  return undefined;
}

/** Whether `user` may create files in `dir` (mode bits only). */
export async function writableBy(dir: string, user: HostUser): Promise<boolean> {
  const st = await lstat(dir);
  return allowed(st, user, 2) && allowed(st, user, 1);
}

/** A prepared unprivileged user: its fresh HOME, and what the log should say. */
export interface PreparedHostUser {
  user: HostUser;
  home: string;
  /** Warnings for the log (a workspace it cannot write). */
  warnings: string[];
  /** Removes the HOME. */
  cleanup(): Promise<void>;
}

/**
 * Readies {@link UNPRIVILEGED_USER}-like `user` to run commands in `dirs`: every dir must be
 * reachable (else an InputError naming the key input says which directory and the ways out), a
 * fresh HOME owned by it is made under the system temp dir, and a workspace it cannot write gives
 * a warning (`npm ci` and the like will fail there with EACCES).
 */
export async function prepareHostUser(
  user: HostUser,
  dirs: { workspace: string; cwds: readonly string[] },
  inputs: IsolationInputs,
): Promise<PreparedHostUser> {
  const ways =
    `Run them in a container (input "${inputs.container}"), make the path searchable for that uid ` +
    `(e.g. chmod o+x on it), or set "${inputs.unsafe}: true" to run them as this step's user`;
  for (const dir of new Set(dirs.cwds)) {
    const blocked = await unreachableBy(dir, user);
    if (blocked !== undefined) {
      throw new InputError(
        inputs.key,
        `input "${inputs.key}" is set, so the user's commands run as uid ${user.uid}:${user.gid} (they must not read ` +
          `the key from this step's /proc entries), but that uid cannot enter ${blocked} on the way to ${dir}. ${ways}.`,
      );
    }
  }
  const warnings: string[] = [];
  if (!(await writableBy(dirs.workspace, user))) {
    warnings.push(
      `the workspace ${dirs.workspace} is not writable by uid ${user.uid}:${user.gid}, which the commands run as ` +
        `because "${inputs.key}" is set: commands that write there (npm ci, coverage, build output) fail with ` +
        `EACCES. Run them in a container (input "${inputs.container}") or make the workspace writable for that uid.`,
    );
  }
  const home = await mkdtemp(join(tmpdir(), 'digestline-home-'));
  await chown(home, user.uid, user.gid);
  return { user, home, warnings, cleanup: () => rm(home, { recursive: true, force: true }) };
}

/** One log line saying who the user's commands run as, and why. */
export function describeHostIsolation(isolation: HostIsolation, what: string): string {
  switch (isolation.mode) {
    case 'no-key':
      return `${what} run on the runner as this step's user (no signing key given)`;
    case 'dropped':
      return (
        `${what} run on the runner as uid ${isolation.user.uid}:${isolation.user.gid} with a fresh HOME, ` +
        'so that they cannot read the signing key from this step (its env or /proc/<pid>/environ)'
      );
    case 'unsafe':
      return (
        `UNSAFE: ${what} run on the runner as this step's uid${isolation.uid !== undefined ? ` (${isolation.uid})` : ''}: ` +
        'they can read the signing key from /proc/<pid>/environ of this step and sign anything with it. ' +
        'The evidence records this.'
      );
  }
}

/**
 * The evidence check that records how user code on the runner was kept from the key: PASSED when it
 * ran as another uid, SKIPPED (with the reason) when the workflow accepted the risk; none without a key.
 */
export function keyIsolationCheck(isolation: HostIsolation, unsafeInput: string): Check | undefined {
  if (isolation.mode === 'dropped') {
    return {
      name: KEY_ISOLATION_CHECK,
      result: 'PASSED',
      durationMs: 0,
      detail: `user commands ran on the runner as uid ${isolation.user.uid}:${isolation.user.gid}, apart from the signer`,
    };
  }
  if (isolation.mode === 'unsafe') {
    return {
      name: KEY_ISOLATION_CHECK,
      result: 'SKIPPED',
      durationMs: 0,
      detail: `NOT ISOLATED (${unsafeInput}: true): user commands ran on the runner as the signer's uid and could read the signing key`,
    };
  }
  return undefined;
}
