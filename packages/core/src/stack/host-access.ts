/**
 * What a stack was allowed to do to the host (the allow-* inputs), said loudly when it starts and
 * recorded in the lane evidence as the `host access` check, so that a verifier sees it.
 */
import type { Check } from '../evidence/statement.js';
import type { HostAccess } from './build/build.js';
import type { ServiceSpec, StackSpec } from './compose/types.js';

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
 * is otherwise and what each service was given under it (the stack ran with less confinement than the
 * default; a policy can refuse that).
 */
export function hostAccessCheck(spec: Pick<StackSpec, 'allow' | 'services'>): Check {
  const allowed = allowedInputs(spec.allow);
  if (allowed.length === 0)
    return { name: HOST_ACCESS_CHECK, result: 'PASSED', durationMs: 0, detail: 'none' };
  const used = spec.services.flatMap((s) =>
    s.hostAccess !== undefined ? [`${s.name} ${hostAccessText(s.hostAccess)}`] : [],
  );
  return {
    name: HOST_ACCESS_CHECK,
    result: 'SKIPPED',
    durationMs: 0,
    detail:
      `HOST ACCESS ALLOWED: ${allowed.map((i) => `${i.input}: true (${i.what})`).join('; ')}` +
      (used.length > 0 ? `; given: ${used.join('; ')}` : ''),
  };
}

/** `privileged, cap_add NET_ADMIN, pid: host`: the host access of a service, for the log and evidence. */
export function hostAccessText(access: NonNullable<ServiceSpec['hostAccess']>): string {
  const parts: string[] = [];
  if (access.privileged) parts.push('privileged');
  if (access.capAdd !== undefined) parts.push(`cap_add ${access.capAdd.join(' ')}`);
  if (access.devices !== undefined) parts.push(`devices ${access.devices.join(' ')}`);
  if (access.pid !== undefined) parts.push('pid: host');
  if (access.ipc !== undefined) parts.push('ipc: host');
  return parts.join(', ');
}
