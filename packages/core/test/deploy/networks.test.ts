/**
 * deploy-staging on a stack with several networks (fake engine): a redeploy removes the running
 * stack's networks with it and creates them again, and the services join them as before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { Deployer, type Plan } from '../../src/deploy/deployment.js';
import { Ledger } from '../../src/deploy/ledger.js';
import { silentLog } from '../../src/log.js';
import { parseReference, pinImage } from '../../src/reference.js';
import { FakeEngine } from '../support/fake-engine.js';
import { parseStack } from '../support/stack.js';

const pinned = (name: string, c: string) =>
  pinImage(name, parseReference(`127.0.0.1:5000/app/${name}@sha256:${c.repeat(64)}`));

const STACK = `
services:
  web:
    image: \${WEB_IMAGE}
    networks: { front: }
  api:
    image: \${API_IMAGE}
    networks: { front: { aliases: [backend] }, back: }
  db:
    image: \${DB_IMAGE}
    networks: { back: }
networks: { front: , back: }
`;

test('a redeploy removes every network of the running stack and creates them again', async () => {
  const stateDir = await mkdtemp(join(tmpdir(), 'deploy-nets-'));
  try {
    const engine = new FakeEngine();
    // Images without EXPOSE: readiness is "started" (deploy-staging runs no probe containers).
    const image = engine.image;
    engine.image = (ref) => ({ ...image(ref), exposedPorts: [] });
    const spec = parseStack(
      STACK,
      'staging.yaml',
      [pinned('web', 'a'), pinned('api', 'b'), pinned('db', 'c')],
      'deploy',
    );
    const deployer = new Deployer(
      {
        environment: 'stg',
        stateDir,
        engine,
        events: { emit: async () => undefined } as never,
        log: silentLog,
      },
      { log: silentLog, ledger: new Ledger(stateDir), runUrl: 'r', soakIntervalMs: 1 },
    );
    const plan: Plan = {
      kind: 'deploy',
      spec,
      digests: {},
      stack: { path: join(stateDir, 'stack.json'), sha256: 'x' },
      checks: [],
      soakMs: 0,
      commit: 'c'.repeat(40),
    };
    const first = await deployer.run(plan);
    expect(first.failure).toBeUndefined();
    engine.calls.length = 0;
    const again = await deployer.run(plan);
    expect(again.failure).toBeUndefined();
    const networkCalls = engine.calls.filter((c) => c.startsWith('network'));
    expect(networkCalls).toEqual([
      'network rm dl-stg-front',
      'network rm dl-stg-back',
      'network create dl-stg-front --isolate',
      'network create dl-stg-back --isolate',
    ]);
    expect(engine.calls.indexOf('network rm dl-stg-front')).toBeGreaterThan(
      engine.calls.indexOf('rm stg-web'),
    );
    expect(engine.get('stg-api').run).toMatchObject({
      network: 'dl-stg-front',
      aliases: ['api', 'backend'],
      networks: [{ name: 'dl-stg-back', aliases: ['api'] }],
    });
    expect([...engine.networks.keys()]).toEqual(['dl-stg-front', 'dl-stg-back']);
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
});
