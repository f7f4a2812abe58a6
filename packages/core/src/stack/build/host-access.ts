/**
 * What opens the host to a service: `privileged`, `cap_add`, `devices`, `pid: host`, `ipc: host`.
 * Refused unless the input allow-privileged allows them; then each use is a warning, and the
 * service carries them to the engine (ServiceSpec.hostAccess).
 */
import type { ComposeService } from '../compose/model.js';
import { describe, isRecord, type Path } from '../compose/document.js';
import type { ServiceHostAccess } from '../compose/types.js';
import { stringList, type Problems } from './problems.js';

/** Why each key is refused by default (the first half of its error). */
const WHY = {
  privileged: 'a privileged container can take over the host: it has every capability and every device',
  cap_add: 'added capabilities let a stack reach into the host; stacks may only drop capabilities (cap_drop)',
  devices: 'host devices give a stack direct access to the host’s hardware',
  pid: 'the service would see and signal the host’s processes',
  ipc: 'the service would share the host’s shared memory and semaphores',
} as const;

const CAPABILITY = /^(CAP_)?[A-Z][A-Z_]*$|^ALL$/i;
const DEVICE_PERMISSIONS = /^[rwm]{1,3}$/;

/** `source[:target[:permissions]]` from the short or long (`{source, target, permissions}`) form. */
function deviceSpec(item: unknown): string | undefined {
  if (typeof item === 'string') {
    const [source = '', target, permissions, extra] = item.split(':');
    const ok =
      source.startsWith('/') &&
      (target === undefined ||
        target.startsWith('/') ||
        (permissions === undefined && DEVICE_PERMISSIONS.test(target))) &&
      (permissions === undefined || DEVICE_PERMISSIONS.test(permissions)) &&
      extra === undefined;
    return ok ? item : undefined;
  }
  if (!isRecord(item) || typeof item.source !== 'string' || !item.source.startsWith('/')) return undefined;
  const target = typeof item.target === 'string' && item.target !== '' ? item.target : item.source;
  const permissions =
    typeof item.permissions === 'string' && item.permissions !== '' ? item.permissions : 'rwm';
  if (!target.startsWith('/') || !DEVICE_PERMISSIONS.test(permissions)) return undefined;
  return `${item.source}:${target}:${permissions}`;
}

/** What each requested key asks for, or an error for a value the engines would not take. */
function requested(name: string, service: ComposeService, problems: Problems): ServiceHostAccess {
  const at: Path = ['services', name];
  const access: ServiceHostAccess = {};
  if (service.privileged === true) access.privileged = true;
  if (service.cap_add !== undefined) {
    const caps = stringList(service.cap_add);
    if (caps === undefined || caps.some((c) => !CAPABILITY.test(c))) {
      problems.error(
        [...at, 'cap_add'],
        `must be a list of capabilities such as NET_ADMIN, got ${describe(service.cap_add)}`,
      );
    } else if (caps.length > 0) access.capAdd = caps;
  }
  if (service.devices !== undefined) {
    const list: unknown[] = Array.isArray(service.devices) ? service.devices : [service.devices];
    const devices: string[] = [];
    list.forEach((item, i) => {
      const spec = deviceSpec(item);
      if (spec === undefined) {
        problems.error(
          [...at, 'devices', i],
          `must be a device like /dev/fuse or /dev/fuse:/dev/fuse:rwm, got ${describe(item)}`,
        );
      } else devices.push(spec);
    });
    if (devices.length > 0) access.devices = devices;
  }
  for (const key of ['pid', 'ipc'] as const) {
    const value = service[key];
    if (
      value === undefined ||
      value === '' ||
      (key === 'ipc' && (value === 'private' || value === 'shareable'))
    )
      continue;
    if (value === 'host') access[key] = 'host';
    else {
      problems.error(
        [...at, key],
        `${key} ${JSON.stringify(value)} is not supported yet: each service has namespaces of its own; remove it`,
      );
    }
  }
  return access;
}

const KEY_OF: Record<keyof ServiceHostAccess, keyof typeof WHY> = {
  privileged: 'privileged',
  capAdd: 'cap_add',
  devices: 'devices',
  pid: 'pid',
  ipc: 'ipc',
};

/** What each granted access is, in the words of the file (`cap_add NET_ADMIN`, `pid: host`). */
function describeAccess(field: keyof ServiceHostAccess, access: ServiceHostAccess): string {
  switch (field) {
    case 'privileged':
      return 'privileged: true';
    case 'capAdd':
      return `cap_add ${(access.capAdd ?? []).join(', ')}`;
    case 'devices':
      return `devices ${(access.devices ?? []).join(', ')}`;
    default:
      return `${field}: host`;
  }
}

/**
 * Reads `privileged`, `cap_add`, `devices`, `pid` and `ipc` of service `name`.
 * @param allowed the input allow-privileged: without it each use is an error naming that input;
 *   with it each use is a warning
 * @returns what the service is granted; undefined when it asks for none of it (or is refused)
 */
export function buildHostAccess(
  name: string,
  service: ComposeService,
  allowed: boolean,
  problems: Problems,
): ServiceHostAccess | undefined {
  const access = requested(name, service, problems);
  const fields = Object.keys(access) as Array<keyof ServiceHostAccess>;
  for (const field of fields) {
    const key = KEY_OF[field];
    const at: Path = ['services', name, key];
    if (allowed) {
      problems.warning(
        at,
        `allowed by allow-privileged: ${describeAccess(field, access)} (${WHY[key]}); the stack logs it when it starts and the lane records it`,
      );
    } else {
      problems.error(
        at,
        `refused: ${WHY[key]}. Remove ${describeAccess(field, access)}, or set the input allow-privileged: true if the stack truly needs it`,
      );
    }
  }
  return allowed && fields.length > 0 ? access : undefined;
}
