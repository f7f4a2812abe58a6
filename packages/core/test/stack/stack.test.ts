import { createServer, type Server } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CleanupError, errorMessage } from '../../src/errors.js';
import { parseReference, pinImage } from '../../src/reference.js';
import { parseStack } from '../support/stack.js';
import type { ServiceSpec, StackSpec } from '../../src/stack/compose/types.js';
import { FakeEngine as SharedFakeEngine, type FakeBehaviour } from '../support/fake-engine.js';
import { silentLog } from '../../src/log.js';
import { Stack, StackStartError } from '../../src/stack/stack.js';
import { RunningDigestMismatchError } from '../../src/stack/errors.js';
import { IMAGE_LABEL, SERVICE_LABEL, STACK_LABEL } from '../../src/stack/labels.js';
import { probePort } from '../../src/stack/port-probe.js';
import { secretEnvEntries } from '../../src/stack/redaction.js';
import type { ServiceStatus } from '../../src/stack/status.js';

const API = `127.0.0.1:5000/app/api@sha256:${'a'.repeat(64)}`;
const WEB = `127.0.0.1:5000/app/web@sha256:${'b'.repeat(64)}`;
const IMAGES = [pinImage('api', parseReference(API)), pinImage('web', parseReference(WEB))];

/** The shared fake with this file's images: api's image has a health check unless told otherwise. */
class FakeEngine extends SharedFakeEngine {
  constructor(
    behaviours: Record<string, FakeBehaviour> = {},
    imageHealthcheck: Record<string, boolean> = { [API]: true },
  ) {
    super({ behaviours, imageHealthcheck, imageIds: { [API]: 'sha256:api', [WEB]: 'sha256:web' } });
  }
}

function stackSpec(text: string, images = IMAGES): StackSpec {
  return parseStack(text, 'stack.yaml', images);
}

const TWO = `
services:
  api:
    image: \${API_IMAGE}
    volumes: [data:/data]
    networks: { default: { aliases: [backend] } }
  web:
    image: \${WEB_IMAGE}
    depends_on: { api: { condition: service_healthy } }
volumes: { data: }
`;

async function upError(promise: Promise<unknown>): Promise<StackStartError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof StackStartError))
    throw new Error(`expected a StackStartError, got ${errorMessage(err)}`);
  return err;
}

const quiet = { log: silentLog, readiness: { pollMs: 1, timeoutMs: 2000 } };

describe('Stack.up', () => {
  test.each([
    ['podman', { test: ['CMD', 'true'] }],
    ['docker', undefined],
  ] as const)(
    "%s: an image's own health check is %s on run (podman's remote client against an older service drops it)",
    async (kind, expected) => {
      const engine = new SharedFakeEngine({
        kind,
        behaviours: { api: { healthyAfterChecks: 0 } },
        imageHealthcheck: { [API]: true },
        imageIds: { [API]: 'sha256:api', [WEB]: 'sha256:web' },
      });
      await Stack.up({ ...quiet, project: 'hc', engine, spec: stackSpec(TWO), probeImage: 'base' });
      expect(engine.containers.get('hc-api')?.run.healthcheck).toEqual(expected);
      // web's image has none: nothing is stated for it on either engine.
      expect(engine.containers.get('hc-web')?.run.healthcheck).toBeUndefined();
    },
  );

  test('starts dependencies first, waits for health, labels and names everything', async () => {
    const engine = new FakeEngine({ api: { healthyAfterChecks: 3 } });
    const stack = await Stack.up({
      ...quiet,
      project: 'p1',
      engine,
      spec: stackSpec(TWO),
      probeImage: 'base',
      labels: { 'ci.run': '7' },
    });
    expect(engine.calls).toEqual([
      'network create dl-p1-net',
      'volume create p1_data',
      'run p1-api',
      'run p1-web',
    ]);
    const api = engine.containers.get('p1-api');
    // web only started once api's third check passed.
    expect(api?.checks).toBe(3);
    expect(api?.run).toMatchObject({
      image: API,
      network: 'dl-p1-net',
      aliases: ['api', 'backend'],
      volumes: [{ source: 'p1_data', target: '/data', readonly: false }],
      labels: {
        'ci.run': '7',
        [STACK_LABEL]: 'p1',
        [SERVICE_LABEL]: 'api',
        [IMAGE_LABEL]: API,
        'dev.digestline.order': '0',
        'dev.digestline.port': '8080',
      },
    });
    expect(engine.networks.get('dl-p1-net')).toEqual({ 'ci.run': '7', [STACK_LABEL]: 'p1' });
    expect(stack.timings.api?.mode).toBe('health');
    expect(stack.timings.api!.readyAt).toBeLessThanOrEqual(stack.timings.web!.startedAt);
    expect(stack.serviceNames).toEqual(['api', 'web']);
    const status = await stack.inspect();
    expect(status.map((s) => s.urls.internal)).toEqual(['http://api:8080', 'http://web:8080']);
    expect(status[0]?.aliases).toEqual(['api', 'backend']);
    // web depends on api: api's names are pinned into web's /etc/hosts; api, started first, gets none.
    expect(api?.run.hosts).toEqual({});
    expect(engine.containers.get('p1-web')?.run.hosts).toEqual({ api: '10.0.0.2', backend: '10.0.0.2' });
    expect(await stack.hosts()).toEqual({ api: '10.0.0.2', backend: '10.0.0.2', web: '10.0.0.2' });
  });

  test('progress lines go to the log option', async () => {
    const lines: string[] = [];
    await Stack.up({
      ...quiet,
      log: { ...silentLog, info: (line: string) => void lines.push(line) },
      project: 'p0',
      engine: new FakeEngine({ api: { healthyAfterChecks: 0 } }),
      spec: stackSpec(TWO),
      probeImage: 'base',
    });
    expect(lines[0]).toBe('stack p0: network dl-p0-net, services api → web');
    expect(lines).toContain(`stack p0: started api (${API}); readiness: health`);
    expect(lines.at(-1)).toMatch(/^stack p0: all 2 services ready after \d+(\.\d)?m?s$/);
  });

  test('passes user, entrypoint, init, read-only, capabilities, tmpfs, restart and anonymous volumes to the engine; skips an absent optional dependency', async () => {
    const engine = new FakeEngine({ api: { healthyAfterChecks: 0 } });
    const spec = stackSpec(TWO);
    const [api, web] = spec.services as [ServiceSpec, ServiceSpec];
    Object.assign(api, {
      user: '1000:1000',
      workingDir: '/srv',
      entrypoint: ['/bin/sh', '-c'],
      command: ['exec server'],
      init: true,
      readOnly: true,
      capDrop: ['ALL'],
      securityOpt: ['no-new-privileges'],
      tmpfs: [{ target: '/tmp', sizeBytes: 1024 }],
      restart: 'unless-stopped',
    });
    api.volumes.push({ target: '/anon', readonly: false });
    web.dependsOn.push({ service: 'cache', condition: 'service_started', required: false });
    await Stack.up({ ...quiet, project: 'p9', engine, spec, probeImage: 'base' });
    expect(engine.containers.get('p9-api')?.run).toMatchObject({
      user: '1000:1000',
      workdir: '/srv',
      entrypoint: ['/bin/sh', '-c'],
      command: ['exec server'],
      init: true,
      readOnly: true,
      capDrop: ['ALL'],
      securityOpt: ['no-new-privileges'],
      tmpfs: [{ target: '/tmp', sizeBytes: 1024 }],
      restart: 'unless-stopped',
      volumes: [
        { source: 'p9_data', target: '/data', readonly: false },
        { source: '', target: '/anon', readonly: false },
      ],
    });
    expect(engine.containers.get('p9-web')?.run.restart).toBeUndefined();
  });

  test('passes hostname, memory, cpus, pids limit, stop signal and grace period, and allowed host access (with a loud warning) to the engine', async () => {
    const engine = new FakeEngine({ api: { healthyAfterChecks: 0 } });
    const spec = stackSpec(TWO);
    const [api, web] = spec.services as [ServiceSpec, ServiceSpec];
    Object.assign(api, {
      hostname: 'db.example',
      memoryBytes: 536870912,
      cpus: 0.5,
      pidsLimit: 100,
      stopSignal: 'SIGINT',
      stopGracePeriodS: 90,
      hostAccess: {
        privileged: true,
        capAdd: ['NET_ADMIN'],
        devices: ['/dev/fuse:/dev/fuse:rwm'],
        pid: 'host',
        ipc: 'host',
      },
    });
    const warnings: string[] = [];
    await Stack.up({
      ...quiet,
      log: { ...silentLog, warning: (line: string) => void warnings.push(line) },
      project: 'p8',
      engine,
      spec,
      probeImage: 'base',
    });
    expect(engine.containers.get('p8-api')?.run).toMatchObject({
      hostname: 'db.example',
      memoryBytes: 536870912,
      cpus: 0.5,
      pidsLimit: 100,
      stopSignal: 'SIGINT',
      stopTimeoutS: 90,
      privileged: true,
      capAdd: ['NET_ADMIN'],
      devices: ['/dev/fuse:/dev/fuse:rwm'],
      pid: 'host',
      ipc: 'host',
    });
    expect(warnings).toEqual([
      'stack p8: api runs with access to the host (allowed by allow-privileged): privileged, cap_add NET_ADMIN, devices /dev/fuse:/dev/fuse:rwm, pid: host, ipc: host',
    ]);
    const plain = engine.containers.get('p8-web')?.run;
    for (const key of ['hostname', 'privileged', 'capAdd', 'devices', 'pid', 'ipc', 'stopTimeoutS'] as const)
      expect(plain?.[key], key).toBeUndefined();
    expect(web.hostAccess).toBeUndefined();
  });

  test('a udp port is published but never probed nor given a URL: the tcp port is', async () => {
    const engine = new FakeEngine({}, {});
    const spec = stackSpec(
      `
services:
  web:
    image: \${WEB_IMAGE}
    ports: ['127.0.0.1:5353:53/udp']
`,
      [IMAGES[1]!],
    );
    const stack = await Stack.up({ ...quiet, project: 'p13', engine, spec, probeImage: 'base' });
    expect(engine.containers.get('p13-web')?.run.ports).toEqual([
      { host: '127.0.0.1', hostPort: 5353, containerPort: 53, protocol: 'udp' },
    ]);
    // Readiness and the URL come from the image's EXPOSEd tcp port 8080, not from udp 53.
    expect(stack.timings.web?.mode).toBe('network-probe');
    expect(stack.internalUrls()).toEqual([{ service: 'web', url: 'http://web:8080' }]);
    expect(stack.readyStatuses?.[0]?.urls).toEqual({ internal: 'http://web:8080' });
  });

  test('a stable volumePrefix reuses an existing volume', async () => {
    const engine = new FakeEngine({ api: { healthyAfterChecks: 0 } });
    engine.volumes.set('staging_data', {});
    await Stack.up({
      ...quiet,
      project: 'p2',
      engine,
      spec: stackSpec(TWO),
      probeImage: 'b',
      volumePrefix: 'staging',
    });
    expect(engine.calls).not.toContain('volume create staging_data');
    expect(engine.containers.get('p2-api')?.run.volumes?.[0]?.source).toBe('staging_data');
  });

  test('a service that exits during start fails naming it, its exit code and its last log lines', async () => {
    const engine = new FakeEngine({
      api: { healthyAfterChecks: 0 },
      web: { exit: { code: 3, onPoll: 1 }, logs: 'line 1\nconfig missing\n' },
    });
    const err = await upError(
      Stack.up({ ...quiet, project: 'p3', engine, spec: stackSpec(TWO), probeImage: 'b' }),
    );
    expect(err.message).toMatch(
      /service "web" exited with code 3 during start \(container p3-web, status exited\)/,
    );
    expect(err.message).toMatch(/last log lines:\nline 1\nconfig missing$/);
    expect(err.services).toEqual(['web']);
    // Nothing was removed: the caller collects the bundle first.
    expect(err.partialStack.serviceNames).toEqual(['api', 'web']);
    expect(engine.containers.has('p3-web')).toBe(true);
  });

  test('times out naming every service that is not ready and what it waits for', async () => {
    const engine = new FakeEngine({ api: { logs: 'still booting' } });
    const t0 = Date.now();
    const err = await upError(
      Stack.up({
        ...quiet,
        readiness: { timeoutMs: 150, pollMs: 5 },
        project: 'p4',
        engine,
        spec: stackSpec(TWO),
        probeImage: 'b',
      }),
    );
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(err.message).toBe(
      'stack p4: not ready within 150ms: api (health: starting; last log line: "still booting"); web (waiting for api to be healthy)',
    );
    expect(err.services).toEqual(['api', 'web']);
    expect(engine.containers.has('p4-web')).toBe(false);
  });

  test('service_completed_successfully waits for exit 0; a non-zero exit fails', async () => {
    const text = `
services:
  migrate: { image: "${WEB}", command: [migrate] }
  api:
    image: \${API_IMAGE}
    depends_on: { migrate: { condition: service_completed_successfully } }
`;
    const ok = new FakeEngine({ migrate: { exit: { code: 0, onPoll: 3 } }, api: { healthyAfterChecks: 0 } });
    const stack = await Stack.up({
      ...quiet,
      project: 'p5',
      engine: ok,
      spec: stackSpec(text, [IMAGES[0]!]),
      probeImage: 'b',
    });
    expect(stack.timings.migrate?.mode).toBe('completed');
    expect(ok.calls.filter((c) => c.startsWith('run'))).toEqual(['run p5-migrate', 'run p5-api']);

    const bad = new FakeEngine({ migrate: { exit: { code: 2, onPoll: 2 } } });
    const err = await upError(
      Stack.up({
        ...quiet,
        project: 'p6',
        engine: bad,
        spec: stackSpec(text, [IMAGES[0]!]),
        probeImage: 'b',
      }),
    );
    expect(err.message).toMatch(/one-shot service "migrate" exited with code 2 during start/);
    expect(bad.containers.has('p6-api')).toBe(false);
  });

  test('refuses service_healthy on a service without any health check, before creating anything', async () => {
    const engine = new FakeEngine({}, {});
    await expect(
      Stack.up({ ...quiet, project: 'p7', engine, spec: stackSpec(TWO), probeImage: 'b' }),
    ).rejects.toThrow(
      'stack.yaml: service "web" waits for "api" to be healthy, but "api" has no health check (none in the stack file or its image); add one or use condition: service_started',
    );
    expect(engine.calls).toEqual([]);
  });

  test('needs probeImage for a port that is neither published nor health-checked', async () => {
    const engine = new FakeEngine({}, {});
    const spec = stackSpec(`services: { web: { image: "\${WEB_IMAGE}" } }`, [IMAGES[1]!]);
    await expect(Stack.up({ ...quiet, project: 'p8', engine, spec })).rejects.toThrow(
      /service "web" listens on port 8080 but has no health check and no published port, so its readiness needs a probe container: pass probeImage/,
    );
  });

  test('refuses a project name that cannot name containers', async () => {
    await expect(
      Stack.up({ ...quiet, project: 'Bad Name', engine: new FakeEngine(), spec: stackSpec(TWO) }),
    ).rejects.toThrow(/stack project name "Bad Name" must match/);
  });
});

describe('Stack.down', () => {
  test('removes containers in reverse start order, then the network; keeps named volumes unless all', async () => {
    const engine = new FakeEngine({ api: { healthyAfterChecks: 0 } });
    const stack = await Stack.up({ ...quiet, project: 'd1', engine, spec: stackSpec(TWO), probeImage: 'b' });
    engine.calls.length = 0;
    await stack.down({ stopTimeoutS: 1 });
    expect(engine.calls).toEqual([
      'stop d1-web',
      'rm d1-web',
      'stop d1-api',
      'rm d1-api',
      'network rm dl-d1-net',
    ]);
    expect(engine.volumes.has('d1_data')).toBe(true);
    engine.calls.length = 0;
    await stack.down({ volumes: 'all' }); // idempotent: what is gone is fine
    expect(engine.calls).toEqual(['network rm dl-d1-net', 'volume rm d1_data']);
    expect(engine.volumes.size).toBe(0);
  });

  test('tries everything, then throws one CleanupError listing what failed', async () => {
    const engine = new FakeEngine({ api: { healthyAfterChecks: 0 } });
    const stack = await Stack.up({ ...quiet, project: 'd2', engine, spec: stackSpec(TWO), probeImage: 'b' });
    engine.failing.add('rm d2-web');
    engine.failing.add('network rm dl-d2-net');
    const err = await stack.down({ volumes: 'all', stopTimeoutS: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CleanupError);
    expect(errorMessage(err)).toBe(
      'stack d2: cleanup left resources behind:\nremoving d2-web: rm d2-web failed: device busy\nremoving network dl-d2-net: network rm dl-d2-net failed: device busy',
    );
    expect(engine.containers.has('d2-api')).toBe(false);
    expect(engine.volumes.size).toBe(0);
  });
});

describe('Stack.attach, verifyDigests, collectBundle', () => {
  test('attach re-finds services, order and ports from labels', async () => {
    const engine = new FakeEngine({ api: { healthyAfterChecks: 0 } });
    await Stack.up({ ...quiet, project: 'a1', engine, spec: stackSpec(TWO), probeImage: 'b' });
    const attached = await Stack.attach('a1', engine);
    expect(attached.serviceNames).toEqual(['api', 'web']);
    expect((await attached.inspect()).map((s) => [s.container, s.image, s.urls.internal])).toEqual([
      ['a1-api', API, 'http://api:8080'],
      ['a1-web', WEB, 'http://web:8080'],
    ]);
    await expect(Stack.attach('nothing', engine)).rejects.toThrow(
      'no stack "nothing": no container, network or volume has the label dev.digestline.stack=nothing',
    );
  });

  test('verifyDigests fails for a container that runs another image', async () => {
    const engine = new FakeEngine({ api: { healthyAfterChecks: 0 } });
    const stack = await Stack.up({ ...quiet, project: 'v1', engine, spec: stackSpec(TWO), probeImage: 'b' });
    await stack.verifyDigests();
    engine.imageIds[WEB] = 'sha256:retagged';
    const err = await stack.verifyDigests().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RunningDigestMismatchError);
    expect(errorMessage(err)).toBe(
      `stack v1: containers do not run the given digests:\nweb: container v1-web runs image sha256:web, but ${WEB} is sha256:retagged`,
    );
  });

  test('collectBundle writes logs, redacted inspect JSON and the network map', async () => {
    const engine = new FakeEngine({
      api: { healthyAfterChecks: 0, logs: 'connecting with s3cr3t-pw and tok-123\n' },
    });
    const stack = await Stack.up({ ...quiet, project: 'b1', engine, spec: stackSpec(TWO), probeImage: 'b' });
    engine.rawInspect = (nameOrId) =>
      JSON.stringify([
        {
          Name: nameOrId,
          Config: { Env: ['DB_PASSWORD=s3cr3t-pw', 'API_KEY=k', 'PATH=/usr/bin', 'CUSTOM=tok-123'] },
          Args: ['--env', 'DB_PASSWORD=s3cr3t-pw', '--env', 'API_KEY=k'],
        },
      ]);
    const attached = await Stack.attach('b1', engine);
    const dir = await mkdtemp(join(tmpdir(), 'stack-bundle-'));
    try {
      const files = await attached.collectBundle(dir, { redact: ['tok-123'] });
      expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual([
        'b1-api.inspect.json',
        'b1-api.stderr.log',
        'b1-api.stdout.log',
        'b1-web.inspect.json',
        'b1-web.stderr.log',
        'b1-web.stdout.log',
        'network.json',
        'services.json',
      ]);
      const inspect = await readFile(join(dir, 'b1-api.inspect.json'), 'utf8');
      expect(inspect).not.toContain('s3cr3t-pw');
      expect(inspect).toContain('DB_PASSWORD=***');
      expect(inspect).toContain('API_KEY=***');
      expect(inspect).not.toContain('API_KEY=k');
      expect(inspect).toContain('PATH=/usr/bin');
      expect(inspect).toContain('CUSTOM=***');
      expect(await readFile(join(dir, 'b1-api.stdout.log'), 'utf8')).toBe('connecting with *** and ***\n');
      expect(JSON.parse(await readFile(join(dir, 'network.json'), 'utf8'))).toEqual({
        network: 'dl-b1-net',
        networks: ['dl-b1-net'],
        containers: [
          {
            container: 'b1-api',
            service: 'api',
            aliases: ['api', 'backend'],
            ipAddress: '10.0.0.2',
            networks: [{ network: 'dl-b1-net', aliases: ['api', 'backend'], ipAddress: '10.0.0.2' }],
          },
          {
            container: 'b1-web',
            service: 'web',
            aliases: ['web'],
            ipAddress: '10.0.0.2',
            networks: [{ network: 'dl-b1-net', aliases: ['web'], ipAddress: '10.0.0.2' }],
          },
        ],
      });
      void stack;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('secretEnvEntries picks entries with secret-looking names and a value', () => {
    const json = JSON.stringify([
      { Config: { Env: ['GITHUB_TOKEN=t', 'my_secret=s=1', 'SSH_PRIVATE=p', 'HOME=/root', 'EMPTY_KEY='] } },
    ]);
    expect(secretEnvEntries(json)).toEqual([
      { name: 'GITHUB_TOKEN', value: 't' },
      { name: 'my_secret', value: 's=1' },
      { name: 'SSH_PRIVATE', value: 'p' },
    ]);
    expect(secretEnvEntries('not json')).toEqual([]);
  });
});

describe('probePort', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  async function listen(onConnection: Parameters<typeof createServer>[1]): Promise<number> {
    const server = createServer(onConnection);
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return address.port;
  }

  test('an HTTP answer counts at once', async () => {
    const port = await listen((socket) => socket.once('data', () => socket.end('HTTP/1.0 200 OK\r\n\r\n')));
    const t0 = Date.now();
    expect(await probePort('127.0.0.1', port, { holdMs: 5000 })).toBe(true);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test('a silent server that keeps the connection open counts after holdMs', async () => {
    // resume(): a socket whose data is never read never sees the client's FIN, and close() would hang.
    const port = await listen((socket) => socket.resume());
    expect(await probePort('127.0.0.1', port, { holdMs: 50 })).toBe(true);
  });

  test('accept-then-close (a proxy with nothing behind it) and a closed port do not count', async () => {
    const port = await listen((socket) => socket.destroy());
    expect(await probePort('127.0.0.1', port, { holdMs: 200 })).toBe(false);
    const closed = await listen(() => {});
    await new Promise((r) => servers.pop()?.close(r));
    expect(await probePort('127.0.0.1', closed)).toBe(false);
  });
});

describe('Stack.up: what the caller gets before and after readiness', () => {
  test('onStarting sees the network and internal URLs before any service runs; readyStatuses match inspect()', async () => {
    const engine = new FakeEngine({ api: { healthyAfterChecks: 2 } });
    let seen:
      { calls: string[]; urls: Array<{ service: string; url?: string }>; network: string } | undefined;
    const stack = await Stack.up({
      ...quiet,
      project: 'p9',
      engine,
      spec: stackSpec(TWO),
      probeImage: 'base',
      onStarting: (s) => {
        seen = { calls: [...engine.calls], urls: s.internalUrls(), network: s.network };
      },
    });
    expect(seen).toEqual({
      calls: ['network create dl-p9-net', 'volume create p9_data'],
      urls: [
        { service: 'api', url: 'http://api:8080' },
        { service: 'web', url: 'http://web:8080' },
      ],
      network: 'dl-p9-net',
    });
    const inspected = await stack.inspect();
    expect(stack.readyStatuses).toBeDefined();
    const fields = (s: ServiceStatus) => ({
      service: s.service,
      container: s.container,
      containerId: s.containerId,
      image: s.image,
      imageId: s.imageId,
      aliases: s.aliases,
      urls: s.urls,
      running: s.running,
    });
    expect(stack.readyStatuses!.map(fields)).toEqual(inspected.map(fields));
    expect(stack.readyStatuses![0]?.health).toBe('healthy');
  });

  test('a failed up leaves readyStatuses undefined', async () => {
    const engine = new FakeEngine({ api: { healthyAfterChecks: 0 }, web: { exit: { code: 1, onPoll: 1 } } });
    const err = await upError(
      Stack.up({ ...quiet, project: 'p10', engine, spec: stackSpec(TWO), probeImage: 'b' }),
    );
    expect(err.partialStack.readyStatuses).toBeUndefined();
  });

  describe('published-port readiness', () => {
    const servers: Server[] = [];
    afterEach(async () => {
      await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
    });

    /** A free loopback port, and a function that starts answering HTTP on it. */
    async function laterServer(): Promise<{ port: number; listen: () => Promise<void> }> {
      const probe = createServer();
      await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
      const address = probe.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      await new Promise((r) => probe.close(r));
      return {
        port: address.port,
        listen: async () => {
          const server = createServer((socket) =>
            socket.once('data', () => socket.end('HTTP/1.0 200 OK\r\n\r\n')),
          );
          servers.push(server);
          await new Promise<void>((r) => server.listen(address.port, '127.0.0.1', r));
        },
      };
    }

    const published = (port: number) => `
services:
  web:
    image: \${WEB_IMAGE}
    ports: ['127.0.0.1:${port}:8080']
`;
    const webOnly = [IMAGES[1]!];

    test('probes at probeMs, independently of the (slow) liveness inspects at pollMs', async () => {
      const engine = new FakeEngine({}, {});
      const server = await laterServer();
      const listening = new Promise<number>((resolve) =>
        setTimeout(() => void server.listen().then(() => resolve(Date.now())), 150),
      );
      const stack = await Stack.up({
        log: silentLog,
        readiness: { pollMs: 2000, probeMs: 5, timeoutMs: 5000 },
        project: 'p11',
        engine,
        spec: stackSpec(published(server.port), webOnly),
      });
      const listenedAt = await listening;
      expect(stack.timings.web?.mode).toBe('published-port');
      // Seen within a few probe intervals of listening, long before the next liveness inspect.
      expect(stack.timings.web!.readyAt - listenedAt).toBeLessThan(150);
      expect(stack.readyStatuses?.[0]?.urls.published).toBe(`http://127.0.0.1:${server.port}`);
    });

    test('copy mode: the published port is probed over the stack network through the engine, not on our loopback', async () => {
      const engine = new FakeEngine({}, {});
      engine.files = 'copy';
      // Nothing listens on this loopback port: a loopback probe would wait out the timeout.
      const server = await laterServer();
      const stack = await Stack.up({
        log: silentLog,
        readiness: { pollMs: 10, probeMs: 5, timeoutMs: 2000 },
        project: 'p14',
        engine,
        spec: stackSpec(published(server.port), webOnly),
        probeImage: 'probe-image',
      });
      expect(stack.timings.web?.mode).toBe('published-port');
      expect(engine.foregroundRuns.map((r) => [r.name, r.image, r.network, r.command?.slice(-2)])).toEqual([
        ['p14-web-probe', 'probe-image', 'dl-p14-net', ['web', '8080']],
      ]);
    });

    test('a service that exits while its port never answers fails through the liveness check', async () => {
      const engine = new FakeEngine({ web: { exit: { code: 7, onPoll: 3 }, logs: 'bind failed' } }, {});
      const server = await laterServer();
      const t0 = Date.now();
      const err = await upError(
        Stack.up({
          log: silentLog,
          readiness: { pollMs: 10, probeMs: 5, timeoutMs: 5000 },
          project: 'p12',
          engine,
          spec: stackSpec(published(server.port), webOnly),
        }),
      );
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(err.message).toMatch(/service "web" exited with code 7 during start/);
      expect(err.message).toMatch(/bind failed/);
    });
  });
});
