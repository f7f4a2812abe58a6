/**
 * allow-privileged (BuildStackOptions.allow.privileged): privileged, cap_add, devices, pid: host and
 * ipc: host are errors naming the input without it, warnings with it, and reach the service spec
 * only then. network_mode host stays refused whatever is allowed.
 */
import { describe, expect, test } from 'vitest';
import { buildStack, type BuildStackOptions } from '../../../src/stack/build/build.js';
import type { ComposeService } from '../../../src/stack/compose/model.js';
import { DIGEST, FILE, normalised } from './support.js';

const PINNED = `registry.example/app/web@${DIGEST}`;
const OPTS: BuildStackOptions = { images: [], mode: 'validation', workspace: '/work/app' };
const ALLOWED: Partial<BuildStackOptions> = { allow: { privileged: true } };

function one(service: Record<string, unknown>, opts: Partial<BuildStackOptions> = {}) {
  return buildStack(normalised({ services: { web: { image: PINNED, ...(service as ComposeService) } } }), {
    ...OPTS,
    ...opts,
  });
}

describe('host access behind allow-privileged', () => {
  test.each<[string, Record<string, unknown>, string, object]>([
    ['privileged', { privileged: true }, 'privileged', { privileged: true }],
    ['cap_add', { cap_add: ['NET_ADMIN', 'SYS_PTRACE'] }, 'cap_add', { capAdd: ['NET_ADMIN', 'SYS_PTRACE'] }],
    [
      'devices, long form (the reference normaliser) and short form',
      {
        devices: [
          { source: '/dev/fuse', target: '/dev/fuse', permissions: 'rwm' },
          { source: '/dev/kvm' },
          '/dev/net/tun:/dev/net/tun:rw',
          '/dev/null',
        ],
      },
      'devices',
      {
        devices: [
          '/dev/fuse:/dev/fuse:rwm',
          '/dev/kvm:/dev/kvm:rwm',
          '/dev/net/tun:/dev/net/tun:rw',
          '/dev/null',
        ],
      },
    ],
    ['pid: host', { pid: 'host' }, 'pid', { pid: 'host' }],
    ['ipc: host', { ipc: 'host' }, 'ipc', { ipc: 'host' }],
  ])(
    '%s: an error naming allow-privileged without it; a warning and the spec with it',
    (_n, service, key, access) => {
      const refused = one(service);
      expect(refused.spec).toBeUndefined();
      expect(refused.problems).toEqual([
        {
          severity: 'error',
          file: FILE,
          path: `services.web.${key}`,
          message: expect.stringMatching(/^refused: .*set the input allow-privileged: true/),
        },
      ]);
      const allowed = one(service, ALLOWED);
      expect(allowed.problems).toEqual([
        {
          severity: 'warning',
          file: FILE,
          path: `services.web.${key}`,
          message: expect.stringMatching(/^allowed by allow-privileged: /),
        },
      ]);
      expect(allowed.spec?.services[0]?.hostAccess).toEqual(access);
    },
  );

  test('every use is its own warning, all at once', () => {
    const r = one({ privileged: true, cap_add: ['NET_ADMIN'], pid: 'host', ipc: 'host' }, ALLOWED);
    expect(r.problems.map((p) => `${p.severity} ${p.path}`)).toEqual([
      'warning services.web.privileged',
      'warning services.web.cap_add',
      'warning services.web.pid',
      'warning services.web.ipc',
    ]);
    expect(r.problems[1]?.message).toMatch(/^allowed by allow-privileged: cap_add NET_ADMIN /);
  });

  test('values that ask for nothing leave hostAccess unset, allowed or not', () => {
    for (const opts of [{}, ALLOWED]) {
      const r = one({ privileged: false, cap_add: [], devices: [], ipc: 'private' }, opts);
      expect(r.problems).toEqual([]);
      expect(r.spec?.services[0]?.hostAccess).toBeUndefined();
    }
  });

  test.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      'a capability that is not a name',
      { cap_add: ['NET ADMIN'] },
      'services.web.cap_add',
      /must be a list of capabilities/,
    ],
    [
      'a relative device',
      { devices: ['dev/fuse'] },
      'services.web.devices[0]',
      /must be a device like \/dev\/fuse/,
    ],
    [
      'bad device permissions',
      { devices: ['/dev/fuse:/dev/fuse:x'] },
      'services.web.devices[0]',
      /must be a device/,
    ],
    [
      'pid of another service',
      { pid: 'service:db' },
      'services.web.pid',
      /pid "service:db" is not supported yet/,
    ],
    [
      'ipc of a container',
      { ipc: 'container:x' },
      'services.web.ipc',
      /ipc "container:x" is not supported yet/,
    ],
  ])('%s is an error even with allow-privileged', (_n, service, path, message) => {
    const r = one(service, ALLOWED);
    expect(r.spec).toBeUndefined();
    expect(r.problems).toEqual([
      { severity: 'error', file: FILE, path, message: expect.stringMatching(message) },
    ]);
  });

  test('network_mode host stays refused with allow-privileged, saying why', () => {
    const r = one({ network_mode: 'host' }, ALLOWED);
    expect(r.spec).toBeUndefined();
    expect(r.problems).toEqual([
      {
        severity: 'error',
        file: FILE,
        path: 'services.web.network_mode',
        message: expect.stringMatching(
          /^network_mode host is refused, whatever is allowed: the stack would share the runner’s network, publish on every interface/,
        ),
      },
    ]);
  });
});

describe('hostname, pids_limit, stop_signal, stop_grace_period', () => {
  test('map onto the service', () => {
    const r = one({
      hostname: 'db.example',
      pids_limit: 100,
      stop_signal: 'SIGINT',
      stop_grace_period: '1m30s',
    });
    expect(r.problems).toEqual([]);
    expect(r.spec?.services[0]).toMatchObject({
      hostname: 'db.example',
      pidsLimit: 100,
      stopSignal: 'SIGINT',
      stopGracePeriodS: 90,
    });
  });

  test('a grace period below a second is rounded up; pids_limit -1 is unlimited, 0 is the engine default', () => {
    expect(one({ stop_grace_period: '500ms', pids_limit: -1 }).spec?.services[0]).toMatchObject({
      stopGracePeriodS: 1,
      pidsLimit: -1,
    });
    expect(one({ pids_limit: 0 }).spec?.services[0]?.pidsLimit).toBeUndefined();
  });

  test('domainname is ignored with a note', () => {
    const r = one({ domainname: 'example.org' });
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'services.web.domainname',
        message: expect.stringMatching(/^ignored: /),
      }),
    ]);
  });

  test('bad values are errors naming the key and the expected form, all at once', () => {
    const r = one({
      hostname: 'not a host',
      pids_limit: 'many',
      stop_signal: 'sig int',
      stop_grace_period: 'soon',
    });
    expect(r.spec).toBeUndefined();
    expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      expect.stringMatching(/^services\.web\.hostname: must be a host name like db/),
      expect.stringMatching(/^services\.web\.pids_limit: must be a whole number of processes/),
      expect.stringMatching(/^services\.web\.stop_signal: must be a signal like SIGINT/),
      expect.stringMatching(/^services\.web\.stop_grace_period: must be a duration like 10s/),
    ]);
  });
});
