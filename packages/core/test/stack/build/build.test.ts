import { describe, expect, test } from 'vitest';
import { parseReference, pinImage } from '../../../src/reference.js';
import { buildStack, type BuildStackOptions } from '../../../src/stack/build/build.js';
import type { ComposeModel, ComposeService } from '../../../src/stack/compose/model.js';
import type { ServiceSpec } from '../../../src/stack/compose/types.js';
import { DIGEST, FILE, OTHER, normalised } from './support.js';

const PINNED = `registry.example/app/web@${DIGEST}`;
const BACKEND = pinImage('backend', parseReference(`127.0.0.1:5000/app/backend@${OTHER}`));
const OPTS: BuildStackOptions = { images: [], mode: 'validation', workspace: '/work/app' };

/** Builds a one-service stack `web` (pinned image unless the service says otherwise). */
function one(
  service: Partial<ComposeService>,
  opts: Partial<BuildStackOptions> = {},
  model: Partial<ComposeModel> = {},
) {
  return buildStack(normalised({ name: 'app', services: { web: { image: PINNED, ...service } }, ...model }), {
    ...OPTS,
    ...opts,
  });
}

/** The problems as `severity path: message-fragment` checks. */
function summary(problems: Array<{ severity: string; path: string }>): string[] {
  return problems.map((p) => `${p.severity} ${p.path}`);
}

function web(result: ReturnType<typeof one>): ServiceSpec {
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const service = result.spec?.services.find((s) => s.name === 'web');
  if (service === undefined) throw new Error('no spec');
  return service;
}

describe('images: injected by service name, or pinned by the file', () => {
  test('an image set entry replaces image and makes build irrelevant (no problem)', () => {
    const r = buildStack(normalised({ services: { backend: { build: { context: '/work/app/backend' } } } }), {
      ...OPTS,
      images: [BACKEND],
    });
    expect(r.problems).toEqual([]);
    expect(r.spec?.services[0]?.image).toBe(BACKEND);
  });

  test('name:tag@sha256 is accepted: the digest wins', () => {
    const s = web(one({ image: `postgres:16@${DIGEST}` }));
    expect(s.image).toEqual({
      name: 'web',
      registry: 'docker.io',
      repository: 'library/postgres',
      digest: expect.objectContaining({ value: DIGEST }),
    });
  });

  test.each<[string, Partial<ComposeService>, string, RegExp]>([
    [
      'a build-only service',
      { image: undefined, build: { context: '.' } },
      'services.web.build',
      /build-only service: pass its image in the images input \(web=/,
    ],
    ['neither image nor build', { image: undefined }, 'services.web', /neither image nor build/],
    ['a malformed reference', { image: 'UPPER/case@sha256:1' }, 'services.web.image', /./],
  ])('%s is an error', (_name, service, path, message) => {
    const r = one(service);
    expect(r.spec).toBeUndefined();
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'error', path, message: expect.stringMatching(message) }),
    ]);
  });

  test('an image set entry naming no service is an error', () => {
    const r = one({}, { images: [BACKEND] });
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'services',
        message: expect.stringMatching(
          /entry "backend" but the file has no service of that name \(services: web\)/,
        ),
      }),
    ]);
  });
});

describe('tags: resolved at start, or refused by require-digests', () => {
  const TAG = 'docker.io/library/postgres:16';

  test('an unresolved tag is a warning and a tag to resolve, with no spec yet', () => {
    const r = buildStack(
      normalised(
        {
          services: {
            db: { image: 'postgres:16' },
            cache: { image: 'postgres:16' },
            web: { image: 'nginx' },
          },
        },
        {
          'services.db.image': 4,
        },
      ),
      OPTS,
    );
    expect(r.spec).toBeUndefined();
    expect(r.tags).toEqual([
      { reference: TAG, services: ['db', 'cache'] },
      { reference: 'docker.io/library/nginx:latest', services: ['web'] },
    ]);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        file: FILE,
        line: 4,
        path: 'services.db.image',
        message:
          'postgres:16 is resolved to a digest at start; pin it (postgres:16@sha256:…) to make the file say what runs',
      },
      expect.objectContaining({ severity: 'warning', path: 'services.cache.image' }),
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/^nginx:latest is resolved/),
      }),
    ]);
  });

  test('with its digest resolved the service runs it, pinned (no tag in the spec)', () => {
    const r = one({ image: 'postgres:16' }, { resolved: new Map([[TAG, OTHER]]) });
    expect(r.tags).toEqual([]);
    expect(web(r).image).toEqual({
      name: 'web',
      registry: 'docker.io',
      repository: 'library/postgres',
      digest: expect.objectContaining({ value: OTHER }),
    });
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: `postgres:16 was resolved to ${OTHER} at start; pin it (postgres:16@${OTHER}) to make the file say what runs`,
      }),
    ]);
  });

  test('a resolution of another tag of the same repository does not apply', () => {
    const r = one({ image: 'postgres:17' }, { resolved: new Map([[TAG, OTHER]]) });
    expect(r.spec).toBeUndefined();
    expect(r.tags).toEqual([{ reference: 'docker.io/library/postgres:17', services: ['web'] }]);
  });

  test('require-digests makes a tag an error naming the input, even when resolved', () => {
    for (const resolved of [undefined, new Map([[TAG, OTHER]])]) {
      const r = one({ image: 'postgres:16' }, { requireDigests: true, ...(resolved ? { resolved } : {}) });
      expect(r.spec).toBeUndefined();
      expect(r.tags).toEqual([]);
      expect(r.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          path: 'services.web.image',
          message: expect.stringMatching(
            /^"postgres:16" is a tag and the input require-digests is true: pin it by digest \(postgres:16@sha256:<hex>/,
          ),
        }),
      ]);
    }
  });

  test('require-digests accepts digests and images under test', () => {
    expect(web(one({}, { requireDigests: true })).image.digest.value).toBe(DIGEST);
    const r = buildStack(normalised({ services: { backend: { image: 'app/backend:dev' } } }), {
      ...OPTS,
      images: [BACKEND],
      requireDigests: true,
    });
    expect(r.problems).toEqual([]);
    expect(r.spec?.services[0]?.image).toBe(BACKEND);
  });
});

describe('ports and expose', () => {
  test.each<[string, object, object | undefined, string[]]>([
    [
      'host_ip missing: moved to loopback with a note',
      { target: 80, published: '8080' },
      { host: '127.0.0.1', hostPort: 8080, containerPort: 80 },
      ['warning services.web.ports[0]'],
    ],
    [
      '0.0.0.0: moved with a note',
      { target: 80, host_ip: '0.0.0.0' },
      { host: '127.0.0.1', containerPort: 80 },
      ['warning services.web.ports[0]'],
    ],
    [
      'another loopback address is kept',
      { target: 80, host_ip: '127.0.0.2', published: '80' },
      { host: '127.0.0.2', hostPort: 80, containerPort: 80 },
      [],
    ],
    ['::1 is kept', { target: 80, host_ip: '::1' }, { host: '::1', containerPort: 80 }, []],
    [
      'a specific non-loopback address is refused',
      { target: 80, host_ip: '192.168.1.5' },
      undefined,
      ['error services.web.ports[0]'],
    ],
    [
      'udp is published on loopback like tcp, marked udp',
      { target: 53, protocol: 'udp', host_ip: '127.0.0.1', published: '5353' },
      { host: '127.0.0.1', hostPort: 5353, containerPort: 53, protocol: 'udp' },
      [],
    ],
    [
      'udp without host_ip: moved to loopback with a note, like tcp',
      { target: 10000, protocol: 'udp', published: '10000', mode: 'ingress' },
      { host: '127.0.0.1', hostPort: 10000, containerPort: 10000, protocol: 'udp' },
      ['warning services.web.ports[0]'],
    ],
    [
      'sctp is refused, naming the protocol key',
      { target: 9, protocol: 'sctp', host_ip: '127.0.0.1' },
      undefined,
      ['error services.web.ports[0].protocol'],
    ],
    [
      'long-syntax name, app_protocol and mode are accepted',
      { target: 80, host_ip: '127.0.0.1', name: 'web', app_protocol: 'http', mode: 'host' },
      { host: '127.0.0.1', containerPort: 80 },
      [],
    ],
    [
      'a host range for one container port',
      { target: 80, published: '8000-8010', host_ip: '127.0.0.1' },
      undefined,
      ['error services.web.ports[0]'],
    ],
    [
      'a one-port range is that port',
      { target: 80, published: '8000-8000', host_ip: '127.0.0.1' },
      { host: '127.0.0.1', hostPort: 8000, containerPort: 80 },
      [],
    ],
  ])('%s', (_name, port, expected, problems) => {
    const r = one({ ports: [port as never] });
    expect(summary(r.problems)).toEqual(problems);
    if (expected !== undefined) expect(r.spec?.services[0]?.ports).toEqual([expected]);
    else expect(r.spec).toBeUndefined();
  });

  test('the oracle expands matching ranges; each entry becomes a port', () => {
    const s = web(
      one({
        ports: [9000, 9001].map((p) => ({
          target: p,
          published: String(p),
          host_ip: '127.0.0.1',
          protocol: 'tcp',
          mode: 'ingress',
        })),
      }),
    );
    expect(s.ports.map((p) => `${p.hostPort}:${p.containerPort}`)).toEqual(['9000:9000', '9001:9001']);
  });

  test('expose ranges are expanded; udp is noted and left out', () => {
    const r = one({ expose: ['3000', '4000-4002/tcp', '53/udp'] });
    expect(r.spec?.services[0]?.expose).toEqual([3000, 4000, 4001, 4002]);
    expect(summary(r.problems)).toEqual(['warning services.web.expose[2]']);
  });
});

describe('environment, command, entrypoint, healthcheck', () => {
  test('null environment values (bare keys unset in the job) are left out', () => {
    expect(web(one({ environment: { A: '1', BARE: null, EMPTY: '' } })).environment).toEqual({
      A: '1',
      EMPTY: '',
    });
  });

  test('command and entrypoint are lists; null means the image decides', () => {
    const s = web(one({ command: ['echo', 'hi'], entrypoint: ['/bin/sh', '-c'] }));
    expect([s.command, s.entrypoint]).toEqual([
      ['echo', 'hi'],
      ['/bin/sh', '-c'],
    ]);
    const t = web(one({ command: null, entrypoint: null }));
    expect([t.command, t.entrypoint]).toEqual([undefined, undefined]);
  });

  test.each<[string, object, Partial<ServiceSpec>, string[]]>([
    ['disable: true', { disable: true }, { healthcheckDisabled: true }, []],
    [
      'disable: false alone changes nothing',
      { disable: false },
      { healthcheckDisabled: false, healthcheck: undefined },
      [],
    ],
    ['test [NONE]', { test: ['NONE'] }, { healthcheckDisabled: true }, []],
    [
      'a full check with start_interval',
      {
        test: ['CMD-SHELL', 'curl -f http://localhost'],
        interval: '10s',
        timeout: '1m30s',
        retries: 5,
        start_period: '500ms',
        start_interval: '1s',
      },
      {
        healthcheck: {
          test: ['CMD-SHELL', 'curl -f http://localhost'],
          intervalMs: 10_000,
          timeoutMs: 90_000,
          retries: 5,
          startPeriodMs: 500,
          startIntervalMs: 1000,
        },
      },
      [],
    ],
    [
      'defaults',
      { test: ['CMD', 'true'] },
      {
        healthcheck: {
          test: ['CMD', 'true'],
          intervalMs: 30_000,
          timeoutMs: 30_000,
          retries: 3,
          startPeriodMs: 0,
        },
      },
      [],
    ],
    [
      'timing without a test: the image check applies, with a note',
      { interval: '5s' },
      { healthcheck: undefined },
      ['warning services.web.healthcheck'],
    ],
  ])('healthcheck %s', (_name, healthcheck, expected, problems) => {
    const r = one({ healthcheck });
    expect(summary(r.problems)).toEqual(problems);
    const { healthcheck: check, ...rest } = expected;
    expect(r.spec?.services[0]).toMatchObject(rest);
    expect(r.spec?.services[0]?.healthcheck).toEqual(check);
  });

  test.each<[string, object, string]>([
    ['a bad duration', { test: ['CMD', 'true'], interval: 'soon' }, 'services.web.healthcheck.interval'],
    ['an unknown key', { test: ['CMD', 'true'], every: '1s' }, 'services.web.healthcheck.every'],
    ['a bad test', { test: ['CMD-SHELL', 'a', 'b'] }, 'services.web.healthcheck.test'],
    ['zero retries', { test: ['CMD', 'true'], retries: 0 }, 'services.web.healthcheck.retries'],
  ])('healthcheck with %s is an error', (_name, healthcheck, path) => {
    expect(summary(one({ healthcheck }).problems)).toEqual([`error ${path}`]);
  });
});

describe('depends_on', () => {
  const two = (
    deps: ComposeService['depends_on'],
    services: Record<string, ComposeService> = { db: { image: PINNED } },
  ) => buildStack(normalised({ services: { web: { image: PINNED, depends_on: deps }, ...services } }), OPTS);

  test('conditions are kept, required: false may name an absent service, restart is noted', () => {
    const r = two({
      db: { condition: 'service_healthy', required: true, restart: true },
      cache: { condition: 'service_started', required: false },
    });
    expect(summary(r.problems)).toEqual(['warning services.web.depends_on.db.restart']);
    expect(r.spec?.services[0]?.dependsOn).toEqual([
      { service: 'db', condition: 'service_healthy' },
      { service: 'cache', condition: 'service_started', required: false },
    ]);
  });

  test.each<[string, ComposeService['depends_on'], Record<string, ComposeService> | undefined, string]>([
    [
      'an absent required service',
      { cache: { condition: 'service_started' } },
      undefined,
      'error services.web.depends_on.cache',
    ],
    [
      'an unknown condition',
      { db: { condition: 'service_ready' } },
      undefined,
      'error services.web.depends_on.db.condition',
    ],
    ['itself', { web: { condition: 'service_started' } }, undefined, 'error services.web.depends_on.web'],
    [
      'a cycle',
      { db: { condition: 'service_started' } },
      { db: { image: PINNED, depends_on: { web: { condition: 'service_started' } } } },
      'error services',
    ],
  ])('%s is an error', (_name, deps, services, problem) => {
    expect(summary(two(deps, services).problems)).toEqual([problem]);
  });
});

describe('mounts', () => {
  const volumes = { data: { name: 'app_data' } };
  test('named, anonymous and tmpfs mounts; the tmpfs key as a string or list with options', () => {
    const r = one(
      {
        volumes: [
          { type: 'volume', source: 'data', target: '/data', read_only: true, volume: {} },
          { type: 'volume', target: '/anon', volume: {} },
          { type: 'tmpfs', target: '/cache', tmpfs: { size: '1000', mode: 0o1777 } },
        ],
        tmpfs: ['/run', '/tmp:size=64m,mode=1770'],
      },
      {},
      { volumes },
    );
    const s = web(r);
    expect(r.problems).toEqual([]);
    expect(s.volumes).toEqual([
      { volume: 'data', target: '/data', readonly: true },
      { target: '/anon', readonly: false },
    ]);
    expect(s.tmpfs).toEqual([
      { target: '/run' },
      { target: '/tmp', sizeBytes: 64 * 1024 ** 2, mode: 0o1770 },
      { target: '/cache', sizeBytes: 1000, mode: 0o1777 },
    ]);
    expect(r.spec?.volumes).toEqual(['data']);
    expect(web(one({ tmpfs: '/run' })).tmpfs).toEqual([{ target: '/run' }]);
  });

  test.each<[string, string, RegExp]>([
    ['/var/run/docker.sock', 'docker socket', /engine's socket \(\/var\/run\/docker.sock\).*refused, always/],
    ['/run/podman/podman.sock', 'podman socket', /engine's socket/],
    ['/run/user/1000/podman', 'a rootless podman socket directory', /engine's socket/],
    ['/var/run', 'the directory holding the sockets', /engine's socket/],
    ['/etc', 'a host path', /bind mount of \/etc is outside the workspace.*allow-host-paths: true/],
  ])('bind mount of %s (%s) is refused', (source, _what, message) => {
    const r = one({ volumes: [{ type: 'bind', source, target: '/x', bind: { create_host_path: true } }] });
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'services.web.volumes[0]',
        message: expect.stringMatching(message),
      }),
    ]);
  });

  test.each<[string, object, string]>([
    [
      'an undeclared volume',
      { type: 'volume', source: 'nope', target: '/x' },
      'error services.web.volumes[0].source',
    ],
    [
      'a subpath',
      { type: 'volume', source: 'data', target: '/x', volume: { subpath: 'a' } },
      'error services.web.volumes[0].volume.subpath',
    ],
    ['an npipe', { type: 'npipe', source: 'x', target: '/x' }, 'error services.web.volumes[0]'],
    [
      'a bad tmpfs size',
      { type: 'tmpfs', target: '/x', tmpfs: { size: 'big' } },
      'error services.web.volumes[0].tmpfs.size',
    ],
  ])('%s is an error', (_name, mount, problem) => {
    expect(summary(one({ volumes: [mount as never] }, {}, { volumes }).problems)).toEqual([problem]);
  });

  test('top-level volume options a stack cannot honour', () => {
    const r = one(
      {},
      {},
      {
        volumes: {
          a: { name: 'app_a', driver: 'local', labels: { x: 'y' } },
          b: { external: true },
          c: { driver_opts: { type: 'nfs' } },
        },
      },
    );
    expect(summary(r.problems)).toEqual([
      'warning volumes.a.labels',
      'error volumes.b.external',
      'error volumes.c.driver_opts',
    ]);
  });
});

describe('networks', () => {
  const model = (
    services: Record<string, ComposeService>,
    networks: ComposeModel['networks'] = { default: { name: 'app_default', ipam: {} } },
  ) => buildStack(normalised({ services, networks }), OPTS);

  test('one network, any name: aliases apply on the stack network', () => {
    const r = model(
      {
        web: { image: PINNED, networks: { front: { aliases: ['api', 'www'] } } },
        db: { image: PINNED, networks: { front: null } },
      },
      { front: { name: 'app_front', ipam: {}, driver: 'bridge' } },
    );
    expect(r.problems).toEqual([]);
    expect(r.spec?.services.map((s) => s.aliases)).toEqual([['api', 'www'], []]);
  });

  test('one network, not internal: the spec names no networks (the stack network as before)', () => {
    const r = model({ web: { image: PINNED, networks: { default: null } } });
    expect(r.problems).toEqual([]);
    expect(r.spec?.networks).toBeUndefined();
    expect(r.spec?.services[0]?.networks).toBeUndefined();
  });

  test('several networks: each service joins its own, with the aliases it has on each', () => {
    const r = model(
      {
        frontend: { image: PINNED, networks: { 'react-express': { aliases: ['www'] } } },
        backend: {
          image: PINNED,
          networks: { 'react-express': { aliases: ['api'] }, 'express-mongo': { aliases: ['app'] } },
        },
        mongo: { image: PINNED, networks: { 'express-mongo': { aliases: ['db', 'db'] } } },
      },
      { 'react-express': {}, 'express-mongo': { driver: 'bridge' } },
    );
    expect(r.problems).toEqual([]);
    expect(r.spec?.networks).toEqual([{ name: 'react-express' }, { name: 'express-mongo' }]);
    expect(r.spec?.services.map((s) => [s.name, s.networks, s.aliases])).toEqual([
      ['frontend', [{ network: 'react-express', aliases: ['www'] }], ['www']],
      [
        'backend',
        [
          { network: 'react-express', aliases: ['api'] },
          { network: 'express-mongo', aliases: ['app'] },
        ],
        ['api'],
      ],
      ['mongo', [{ network: 'express-mongo', aliases: ['db'] }], ['db']],
    ]);
  });

  test.each<[string, ComposeModel['networks'], Array<{ name: string; internal?: boolean }>]>([
    ['the only network', { back: { internal: true } }, [{ name: 'back', internal: true }]],
    [
      'one of two networks',
      { back: { internal: true }, front: { internal: false } },
      [{ name: 'back', internal: true }, { name: 'front' }],
    ],
  ])('internal: true on %s is kept in the spec', (_name, networks, expected) => {
    const services: Record<string, ComposeService> = {
      db: { image: PINNED, networks: { back: null } },
    };
    if (Object.keys(networks ?? {}).includes('front')) {
      services.web = { image: PINNED, networks: { front: null, back: null } };
    }
    const r = model(services, networks);
    expect(r.problems).toEqual([]);
    expect(r.spec?.networks).toEqual(expected);
  });

  test.each<[string, Record<string, ComposeService>, ComposeModel['networks'], string[]]>([
    [
      'a network driver other than bridge or overlay',
      { web: { image: PINNED, networks: { front: {}, back: {} } } },
      { front: {}, back: { driver: 'macvlan' } },
      ['error networks.back.driver'],
    ],
    [
      'an external network',
      { web: { image: PINNED, networks: { ext: {} } } },
      { ext: { external: true } },
      ['error networks.ext.external'],
    ],
    [
      'a fixed address',
      { web: { image: PINNED, networks: { default: { ipv4_address: '10.0.0.5' } } } },
      undefined,
      ['error services.web.networks.default.ipv4_address'],
    ],
  ])('%s is an error', (_name, services, networks, problems) => {
    expect(summary(model(services, networks).problems)).toEqual(problems);
  });
});
