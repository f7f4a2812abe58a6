/** mem_limit, cpus and deploy: resource limits applied on one host, swarm's scheduling noted. */
import { describe, expect, test } from 'vitest';
import { buildStack, type BuildStackOptions } from '../../../src/stack/build/build.js';
import type { ComposeService } from '../../../src/stack/compose/model.js';
import { DIGEST, FILE, normalised } from './support.js';

const PINNED = `registry.example/app/web@${DIGEST}`;
const OPTS: BuildStackOptions = { images: [], mode: 'validation', workspace: '/work/app' };

function one(service: Record<string, unknown>) {
  return buildStack(
    normalised({ services: { web: { image: PINNED, ...(service as ComposeService) } } }),
    OPTS,
  );
}

const summary = (r: ReturnType<typeof one>) => r.problems.map((p) => `${p.severity} ${p.path}`);

describe('resource limits', () => {
  test('mem_limit and cpus, as written (512m) and as the reference normaliser prints them (bytes)', () => {
    for (const mem of ['512m', '536870912']) {
      const r = one({ mem_limit: mem, cpus: 1.5 });
      expect(r.problems).toEqual([]);
      expect(r.spec?.services[0]).toMatchObject({ memoryBytes: 536870912, cpus: 1.5 });
    }
  });

  test('deploy.resources.limits apply (memory, cpus, pids); reservations and swarm keys are noted', () => {
    const r = one({
      deploy: {
        replicas: 1,
        mode: 'replicated',
        resources: {
          limits: { cpus: '0.5', memory: '52428800', pids: 10 },
          reservations: { cpus: '0.25', memory: '20M' },
        },
        restart_policy: { condition: 'on-failure' },
        placement: {},
      },
    });
    expect(r.spec?.services[0]).toMatchObject({ memoryBytes: 52428800, cpus: 0.5, pidsLimit: 10 });
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'services.web.deploy.resources.reservations',
        message: expect.stringMatching(/^ignored: reservations are a scheduling hint for swarm/),
      }),
      expect.objectContaining({
        severity: 'warning',
        path: 'services.web.deploy.restart_policy',
        message: expect.stringMatching(/^ignored: deploy\.restart_policy is for swarm.*\(use restart\)$/),
      }),
    ]);
  });

  test('the service keys win over deploy limits', () => {
    const r = one({
      mem_limit: '1g',
      cpus: 2,
      pids_limit: 50,
      deploy: { resources: { limits: { memory: '50M', cpus: '0.5', pids: 10 } } },
    });
    expect(r.problems).toEqual([]);
    expect(r.spec?.services[0]).toMatchObject({ memoryBytes: 1024 ** 3, cpus: 2, pidsLimit: 50 });
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['a memory that is not a size', { mem_limit: 'lots' }, 'error services.web.mem_limit'],
    ['no CPUs', { cpus: -1 }, 'error services.web.cpus'],
    ['several replicas', { deploy: { replicas: 3 } }, 'error services.web.deploy.replicas'],
    [
      'a device reservation limit',
      { deploy: { resources: { limits: { devices: [] } } } },
      'error services.web.deploy.resources.limits.devices',
    ],
  ])('%s is an error', (_name, service, problem) => {
    const r = one(service);
    expect(r.spec).toBeUndefined();
    expect(summary(r)).toEqual([problem]);
    expect(r.problems[0]?.file).toBe(FILE);
  });
});
