/**
 * What a stack was allowed to do to the host (the allow-* inputs), said loudly when it starts and
 * recorded in the lane evidence as the `host access` check, so that a verifier sees it.
 */
import type { Check } from '../evidence/statement.js';
import type { HostAccess } from './build/build.js';

/** The evidence check's name. */
export const HOST_ACCESS_CHECK = 'host access';

/** Each allow-* input, its HostAccess field and what it lets a stack do. */
export const HOST_ACCESS_INPUTS: ReadonlyArray<{ input: string; field: keyof HostAccess; what: string }> = [
  {
    input: 'allow-host-paths',
    field: 'hostPaths',
    what: 'bind mounts and secret files outside the workspace',
  },
  {
    input: 'allow-privileged',
    field: 'privileged',
    what: 'privileged, cap_add, devices, pid: host and ipc: host',
  },
  {
    input: 'writable-bind-mounts',
    field: 'writableBinds',
    what: 'bind mounts writable during validation where the file says so',
  },
];

/** The allow-* inputs set to true, in the order of {@link HOST_ACCESS_INPUTS}. */
export function allowedInputs(allow: HostAccess | undefined): Array<{ input: string; what: string }> {
  return HOST_ACCESS_INPUTS.filter((i) => allow?.[i.field] === true);
}

/** One warning line per allowed mode, for the log when the stack starts. */
export function hostAccessWarnings(project: string, allow: HostAccess | undefined): string[] {
  return allowedInputs(allow).map(
    (i) => `stack ${project}: ${i.input}: true: the stack may use ${i.what}; the evidence records it`,
  );
}

/**
 * The evidence check: PASSED with `none` when no allow-* input is true, SKIPPED naming each one that
 * is otherwise (the stack ran with less confinement than the default; a policy can refuse that).
 */
export function hostAccessCheck(allow: HostAccess | undefined): Check {
  const allowed = allowedInputs(allow);
  if (allowed.length === 0)
    return { name: HOST_ACCESS_CHECK, result: 'PASSED', durationMs: 0, detail: 'none' };
  return {
    name: HOST_ACCESS_CHECK,
    result: 'SKIPPED',
    durationMs: 0,
    detail: `HOST ACCESS ALLOWED: ${allowed.map((i) => `${i.input}: true (${i.what})`).join('; ')}`,
  };
}
