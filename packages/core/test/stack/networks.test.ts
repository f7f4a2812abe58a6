/**
 * A stack on several networks, with the fake engine: each network is the stack's own, created
 * before any container and removed by `down` (also after a failed `up`); a service joins each of
 * its networks with its names there, and only names it shares a network with are pinned into its
 * /etc/hosts.
 */
import { describe, expect, test } from 'vitest';
import { parseReference, pinImage } from '../../src/reference.js';
import { silentLog } from '../../src/log.js';
import { Stack, StackStartError } from '../../src/stack/stack.js';
import { testContainerOptions } from '../../src/lanes/command-tester.js';
import { e2eContainerOptions } from '../../src/lanes/e2e-runner.js';
import { attachToNetwork, projectsOfNetwork } from '../../src/lanes/attach.js';
import { FakeEngine } from '../support/fake-engine.js';
import { parseStack } from '../support/stack.js';

const pinned = (name: string, c: string) =>
  pinImage(name, parseReference(`127.0.0.1:5000/app/${name}@sha256:${c.repeat(64)}`));
const IMAGES = [pinned('frontend', 'a'), pinned('backend', 'b'), pinned('db', 'c')];

/** docker/awesome-compose react-express-mongodb in small: frontend and db share no network. */
const THREE = `
services:
  frontend:
    image: \${FRONTEND_IMAGE}
    expose: [80]
    depends_on: [backend]
    networks: { front: { aliases: [www] } }
  backend:
    image: \${BACKEND_IMAGE}
    expose: [8080]
    depends_on: [db]
    networks: { front: { aliases: [api] }, back: { aliases: [app] } }
  db:
    image: \${DB_IMAGE}
    expose: [5432]
    networks: { back: }
networks:
  front:
  back: { internal: true }
`;

const quiet = { log: silentLog, readiness: { pollMs: 1, timeoutMs: 2000 }, probeImage: 'probe' };
const spec = () => parseStack(THREE, 'stack.yaml', IMAGES);

async function failure(promise: Promise<unknown>): Promise<StackStartError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof StackStartError)) throw new Error(`expected a StackStartError, got ${String(err)}`);
  return err;
}

describe('a stack on several networks', () => {
  test('creates every network (internal honoured) before any container; each service joins its own networks with its names there', async () => {
    const engine = new FakeEngine();
    const stack = await Stack.up({ ...quiet, project: 'n1', engine, spec: spec() });
    expect(stack.networks).toEqual(['dl-n1-front', 'dl-n1-back']);
    expect(engine.calls.filter((c) => c.startsWith('network') || c.startsWith('run'))).toEqual([
      'network create dl-n1-front --isolate',
      'network create dl-n1-back --internal --isolate',
      'run n1-db',
      'run n1-backend',
      'run n1-frontend',
    ]);
    const run = (name: string) => engine.get(`n1-${name}`).run;
    expect(run('db')).toMatchObject({ network: 'dl-n1-back', aliases: ['db'] });
    expect(run('db').networks).toBeUndefined();
    expect(run('backend')).toMatchObject({
      network: 'dl-n1-front',
      aliases: ['backend', 'api'],
      networks: [{ name: 'dl-n1-back', aliases: ['backend', 'app'] }],
    });
    expect(run('frontend')).toMatchObject({ network: 'dl-n1-front', aliases: ['frontend', 'www'] });
    expect(run('frontend').networks).toBeUndefined();
  });

  test('pins only names on a shared network into /etc/hosts: the frontend never gets db', async () => {
    const engine = new FakeEngine();
    await Stack.up({ ...quiet, project: 'n2', engine, spec: spec() });
    // The fake gives a container 10.0.0.2 on its first network, 10.0.1.2 on its second.
    expect(engine.get('n2-backend').run.hosts).toEqual({ db: '10.0.0.2' });
    expect(engine.get('n2-frontend').run.hosts).toEqual({ backend: '10.0.0.2', api: '10.0.0.2' });
  });

  test('probes each service on a network it is on', async () => {
    const engine = new FakeEngine();
    await Stack.up({ ...quiet, project: 'n3', engine, spec: spec() });
    const probes = Object.fromEntries(engine.foregroundRuns.map((r) => [r.command?.[4] ?? '', r.network]));
    expect(probes).toEqual({ db: 'dl-n3-back', backend: 'dl-n3-front', frontend: 'dl-n3-front' });
  });

  test('down (also of a stack found again by attach) removes every network after the containers', async () => {
    const engine = new FakeEngine();
    await Stack.up({ ...quiet, project: 'n4', engine, spec: spec() });
    const attached = await Stack.attach('n4', engine);
    expect(attached.networks).toEqual(['dl-n4-back', 'dl-n4-front']);
    engine.calls.length = 0;
    await attached.down({ stopTimeoutS: 0 });
    expect(engine.calls).toEqual([
      'rm n4-frontend',
      'rm n4-backend',
      'rm n4-db',
      'network rm dl-n4-front',
      'network rm dl-n4-back',
    ]);
    expect(engine.networks.size).toBe(0);
  });

  test('a network that cannot be created fails up before any container; down then removes the one that was', async () => {
    const engine = new FakeEngine();
    engine.failing.add('network create dl-n5-back');
    const err = await failure(Stack.up({ ...quiet, project: 'n5', engine, spec: spec() }));
    expect(err.message).toMatch(/creating network\/volumes failed: network create dl-n5-back failed/);
    expect(engine.calls.some((c) => c.startsWith('run'))).toBe(false);
    await err.partialStack.down({ stopTimeoutS: 0 });
    expect(engine.networks.size).toBe(0);
  });

  test('a service that fails to start still leaves every network to down', async () => {
    const engine = new FakeEngine({ behaviours: { backend: { exit: { code: 2, onPoll: 1 } } } });
    const err = await failure(Stack.up({ ...quiet, project: 'n6', engine, spec: spec() }));
    expect(err.message).toMatch(/backend/);
    await err.partialStack.down({ stopTimeoutS: 0 });
    expect(engine.networks.size).toBe(0);
    expect(engine.containers.size).toBe(0);
  });

  test('a network left by an earlier run of the project is reused, not created again', async () => {
    const engine = new FakeEngine();
    await engine.networkCreate('dl-n7-front', { labels: { 'dev.digestline.stack': 'n7' } });
    engine.calls.length = 0;
    await Stack.up({ ...quiet, project: 'n7', engine, spec: spec() });
    expect(engine.calls.filter((c) => c.startsWith('network'))).toEqual([
      'network create dl-n7-back --internal --isolate',
    ]);
  });

  test('test and browser containers join every network of the stack', async () => {
    const engine = new FakeEngine();
    const stack = await Stack.up({ ...quiet, project: 'n8', engine, spec: spec() });
    const tests = testContainerOptions(
      stack.project,
      stack.networks,
      { command: 'true', workspace: '/w', image: 'ci' },
      {},
    );
    expect(tests).toMatchObject({ network: 'dl-n8-front', networks: [{ name: 'dl-n8-back' }] });
    const browser = e2eContainerOptions({
      project: stack.project,
      network: stack.networks,
      image: 'runner',
      testsCopy: '/t',
      reportDir: '/r',
      baseUrl: 'http://frontend:80',
      serviceEnv: {},
      retries: 0,
      user: { uid: 1, gid: 1 },
    });
    expect(browser).toMatchObject({ network: 'dl-n8-front', networks: [{ name: 'dl-n8-back' }] });
    expect(stack.joinAll).toEqual({ network: 'dl-n8-front', networks: [{ name: 'dl-n8-back' }] });
  });

  test('a stack with one network keeps dl-<project>-net and joins nothing more', async () => {
    const engine = new FakeEngine();
    const one = parseStack(
      'services:\n  db:\n    image: ${DB_IMAGE}\n    networks: { back: }\nnetworks: { back: }\n',
      'stack.yaml',
      [pinned('db', 'c')],
    );
    const stack = await Stack.up({ ...quiet, project: 'n9', engine, spec: one });
    expect(stack.networks).toEqual(['dl-n9-net']);
    expect(engine.get('n9-db').run).toMatchObject({ network: 'dl-n9-net', aliases: ['db'] });
    expect(engine.get('n9-db').run.networks).toBeUndefined();
  });

  test('e2e-run attaches by any network of the stack: the label decides which project it is', async () => {
    const engine = new FakeEngine();
    await Stack.up({ ...quiet, project: 'stg-1', engine, spec: spec() });
    await engine.networkCreate('dl-stg-other', { labels: { 'dev.digestline.stack': 'stg' } });
    const found = await attachToNetwork(engine, { network: 'dl-stg-1-back' }, 'network', 'images');
    expect(found.stack.project).toBe('stg-1');
    expect(found.stack.networks).toEqual(['dl-stg-1-back', 'dl-stg-1-front']);
    expect(found.images.map((i) => i.name).sort()).toEqual(['backend', 'db', 'frontend']);
    await expect(attachToNetwork(engine, { network: 'dl-stg-1-nope' }, 'network', 'images')).rejects.toThrow(
      /^input "network": dl-stg-1-nope is not the network of a running digestline stack/,
    );
  });
});

test.each([
  ['dl-p-net', ['p']],
  ['dl-stg-1-back', ['stg', 'stg-1']],
  ['dl-a-b-net', ['a', 'a-b']],
  ['dl-x', []],
  ['dl-p-', []],
  ['podman', []],
])('projectsOfNetwork(%j)', (network, projects) => {
  expect(projectsOfNetwork(network)).toEqual(projects);
});
