import { describe, expect, test } from 'vitest';
import { buildStack, type BuildStackOptions } from '../../../src/stack/build/build.js';
import type { ComposeModel, ComposeService } from '../../../src/stack/compose/model.js';
import { DIGEST, FILE, normalised } from './support.js';

const PINNED = `registry.example/app/web@${DIGEST}`;
const OPTS: BuildStackOptions = { images: [], mode: 'validation', workspace: '/work/app' };

function one(service: Record<string, unknown>, opts: Partial<BuildStackOptions> = {}) {
  return buildStack(normalised({ services: { web: { image: PINNED, ...(service as ComposeService) } } }), {
    ...OPTS,
    ...opts,
  });
}

function summary(problems: Array<{ severity: string; path: string }>): string[] {
  return problems.map((p) => `${p.severity} ${p.path}`);
}

describe('refused: what would let a stack own the host', () => {
  test.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      'privileged',
      { privileged: true },
      'services.web.privileged',
      /refused: a privileged container can take over the host/,
    ],
    ['cap_add', { cap_add: ['NET_ADMIN'] }, 'services.web.cap_add', /refused: added capabilities/],
    [
      'network_mode host',
      { network_mode: 'host' },
      'services.web.network_mode',
      /network_mode host is refused/,
    ],
    [
      'network_mode service:',
      { network_mode: 'service:db' },
      'services.web.network_mode',
      /not supported yet: every service joins/,
    ],
    [
      'network_mode container:',
      { network_mode: 'container:x' },
      'services.web.network_mode',
      /not supported/,
    ],
    [
      'pid host',
      { pid: 'host' },
      'services.web.pid',
      /^refused: the service would see and signal the host’s processes\. Remove pid: host, or set the input allow-privileged: true/,
    ],
    [
      'ipc host',
      { ipc: 'host' },
      'services.web.ipc',
      /^refused: the service would share the host’s shared memory .*allow-privileged: true/,
    ],
    [
      'devices',
      { devices: [{ source: '/dev/fuse', target: '/dev/fuse', permissions: 'rwm' }] },
      'services.web.devices',
      /refused: host devices/,
    ],
    [
      'security_opt other than no-new-privileges',
      { security_opt: ['seccomp:unconfined'] },
      'services.web.security_opt[0]',
      /"seccomp:unconfined" is refused/,
    ],
    [
      'an unknown key',
      { cgroup_parent: 'web1' },
      'services.web.cgroup_parent',
      /cgroup_parent is not supported.*does not drop keys silently/,
    ],
  ])('%s', (_name, service, path, message) => {
    const r = one(service);
    expect(r.spec).toBeUndefined();
    expect(r.problems).toEqual([
      { severity: 'error', file: FILE, path, message: expect.stringMatching(message) },
    ]);
  });

  test('values that say nothing are accepted: privileged false, empty cap_add and devices, ipc private, x- keys', () => {
    const r = one({ privileged: false, cap_add: [], devices: [], ipc: 'private', 'x-note': 1 });
    expect(r.problems).toEqual([]);
    expect(r.spec).toBeDefined();
  });
});

describe('ignored with a note, and restart by mode', () => {
  test.each<[string, Record<string, unknown>, RegExp]>([
    ['container_name', { container_name: 'be' }, /ignored: digestline names every container/],
    ['logging', { logging: { driver: 'json-file' } }, /ignored: logs stay/],
    ['stdin_open', { stdin_open: true }, /ignored: services run detached/],
    ['tty', { tty: true }, /ignored: services run detached/],
    ['labels', { labels: { a: 'b' } }, /labels are not applied/],
    [
      'restart during validation',
      { restart: 'unless-stopped' },
      /ignored during validation: a crash must fail the lane/,
    ],
  ])('%s', (_key, service, message) => {
    const r = one(service);
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(message) }),
    ]);
    expect(r.spec?.services[0]?.restart).toBeUndefined();
  });

  test('deploy mode records restart for the deployer', () => {
    const r = one({ restart: 'on-failure:3' }, { mode: 'deploy' });
    expect(r.problems).toEqual([]);
    expect(r.spec?.services[0]?.restart).toBe('on-failure:3');
  });

  test('a restart policy the engines do not know is an error in either mode', () => {
    for (const mode of ['validation', 'deploy'] as const) {
      expect(summary(one({ restart: 'sometimes' }, { mode }).problems)).toEqual([
        'error services.web.restart',
      ]);
    }
  });
});

describe('how the process runs', () => {
  test('user, working_dir, init, read_only, cap_drop, security_opt map onto the service', () => {
    const r = one({
      user: '1000:1000',
      working_dir: '/app',
      init: true,
      read_only: true,
      cap_drop: ['ALL'],
      security_opt: ['no-new-privileges:true'],
    });
    expect(r.problems).toEqual([]);
    expect(r.spec?.services[0]).toMatchObject({
      user: '1000:1000',
      workingDir: '/app',
      init: true,
      readOnly: true,
      capDrop: ['ALL'],
      securityOpt: ['no-new-privileges'],
    });
  });

  test('no-new-privileges:false says nothing', () => {
    expect(one({ security_opt: ['no-new-privileges:false'] }).spec?.services[0]?.securityOpt).toBeUndefined();
  });
});

describe('every problem at once, with lines', () => {
  test('a file with many problems reports all of them; the normaliser’s come first', () => {
    const model: ComposeModel = {
      name: 'demo',
      services: {
        backend: {
          build: { context: '/work/app/backend' },
          restart: 'always',
          privileged: true,
          ports: [{ target: 80, published: '8080', protocol: 'tcp', mode: 'ingress' }],
          volumes: [{ type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock' }],
          networks: { front: { ipv4_address: '10.0.0.5' }, back: {} },
        },
        db: { image: 'postgres:16', cap_add: ['SYS_ADMIN'], networks: { back: null } },
      },
      networks: { front: { name: 'demo_front' }, back: { name: 'demo_back' } },
    };
    const lines = {
      'services.backend': 3,
      'services.backend.build': 4,
      'services.backend.restart': 5,
      'services.backend.privileged': 6,
      'services.backend.ports[0]': 8,
      'services.backend.volumes[0]': 10,
      'services.backend.networks': 11,
      'services.db.image': 14,
      'services.db.cap_add': 15,
      networks: 17,
    };
    const earlier = { severity: 'warning' as const, file: FILE, path: 'version', message: 'obsolete' };
    const r = buildStack(normalised(model, lines, [earlier]), OPTS);
    expect(r.spec).toBeUndefined();
    expect(r.problems.map((p) => `${p.line ?? '-'} ${p.severity} ${p.path}`)).toEqual([
      '- warning version',
      '11 error services.backend.networks.front.ipv4_address',
      '6 error services.backend.privileged',
      '4 error services.backend.build',
      '10 error services.backend.volumes[0]',
      '8 warning services.backend.ports[0]',
      '5 warning services.backend.restart',
      '15 error services.db.cap_add',
      '14 warning services.db.image',
    ]);
  });

  test('a model the normaliser could not produce: its problems only', () => {
    const failed = { severity: 'error' as const, file: FILE, line: 2, path: '', message: 'not valid YAML' };
    const r = buildStack({ problems: [failed], lineOf: () => ({ file: FILE }) }, OPTS);
    expect(r).toEqual({ tags: [], problems: [failed] });
  });

  test('warnings only: the spec is built, named after the model unless a project is given', () => {
    const r = one({ container_name: 'x' });
    expect(r.spec?.name).toBeUndefined();
    const named = buildStack(normalised({ name: 'demo', services: { web: { image: PINNED } } }), OPTS);
    expect(named.spec).toMatchObject({ name: 'demo', source: FILE, volumes: [] });
    const project = buildStack(normalised({ name: 'demo', services: { web: { image: PINNED } } }), {
      ...OPTS,
      project: 'run-7',
    });
    expect(project.spec?.name).toBe('run-7');
  });

  test('unknown top-level keys are errors; x- extensions are not', () => {
    const r = buildStack(
      normalised({ services: { web: { image: PINNED } }, include: [], 'x-common': {} }),
      OPTS,
    );
    expect(summary(r.problems)).toEqual(['error include']);
  });
});
