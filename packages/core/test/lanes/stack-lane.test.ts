import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Podman } from '../../src/engine/podman.js';
import { statementOf } from '../../src/evidence/dsse.js';
import type { EvidenceRegistry } from '../../src/evidence/registry.js';
import { Exec } from '../../src/exec.js';
import { recordingLog } from '../support/log.js';
import { runStackLane, type StackLaneOptions } from '../../src/lanes/stack-lane.js';
import { laneProjectName, serviceUrls, urlEnvName } from '../../src/lanes/names.js';
import { teardownLaneStack } from '../../src/lanes/teardown.js';
import { testContainerOptions } from '../../src/lanes/command-tester.js';
import { parseReference, pinImage } from '../../src/reference.js';
import { FakeEngine as SharedFakeEngine } from '../support/fake-engine.js';
import { parseStack } from '../support/stack.js';
import { STACK_NAME_PATTERN } from '../../src/stack/names.js';
import { CONTAINER_ROLE_LABEL, STACK_LABEL } from '../../src/stack/labels.js';
import type { ServiceStatus } from '../../src/stack/status.js';

const SHA = 'a'.repeat(40);
const API = `127.0.0.1:5000/app/api@sha256:${'1'.repeat(64)}`;
const WEB = `127.0.0.1:5000/app/web@sha256:${'2'.repeat(64)}`;
const IMAGES = [pinImage('api', parseReference(API)), pinImage('web', parseReference(WEB))];
const STACK = `
services:
  api:
    image: \${API_IMAGE}
    volumes: [data:/data]
  web:
    image: \${WEB_IMAGE}
    ports: ['8080']
    depends_on: {api: {condition: service_healthy}}
volumes:
  data:
`;

const TESTS_IMAGE = 'ci@sha256:' + '3'.repeat(64);

/**
 * The shared fake with this file's stack: every service is healthy at once (until a test scripts
 * another behaviour), the test image must be pulled, and each test run exits with `testExitCode`.
 */
class FakeEngine extends SharedFakeEngine {
  testExitCode = 0;

  constructor() {
    super({
      behaviours: { api: { healthyAfterChecks: 0 }, web: { healthyAfterChecks: 0 } },
      imageHealthcheck: { [API]: true, [WEB]: true },
      absentImages: [TESTS_IMAGE],
    });
    const image = this.image;
    this.image = (ref) => ({
      ...image(ref),
      healthcheck: { test: ['CMD', '/usr/bin/node', '/app/healthcheck.js'] },
    });
    this.foreground = () => ({
      exitCode: this.testExitCode,
      stdout: 'not ok 1 - creates a playlist\n',
      stderr: '',
    });
  }
  get pulls(): string[] {
    return this.calls.filter((c) => c.startsWith('pull ')).map((c) => c.slice('pull '.length));
  }
  /** The service `service` exits with code 3 as soon as it is looked at. */
  exitAtStart(service: string): void {
    this.behaviours[service] = { exit: { code: 3, onPoll: 1 } };
  }
}

/** A registry that refuses everything: evidence storing must be reported, not swallowed. */
function refusingRegistry(hosts: string[]): (registry: string) => EvidenceRegistry {
  return (registry) => {
    hosts.push(registry);
    const refuse = async (): Promise<never> => {
      throw new Error('registry says no (503)');
    };
    return {
      getManifest: refuse,
      putManifest: refuse,
      headBlob: refuse,
      getBlob: refuse,
      uploadBlob: refuse,
      referrers: refuse,
    } as unknown as EvidenceRegistry;
  };
}

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-lane-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function options(engine: FakeEngine, overrides: Partial<StackLaneOptions> = {}): StackLaneOptions {
  return {
    lane: 'integration',
    engine,
    spec: parseStack(STACK, 'stack.yaml', IMAGES),
    images: IMAGES,
    project: 'it-42-abcdef',
    tests: { command: 'node --test tests/', image: TESTS_IMAGE, workspace: '/ws' },
    readinessTimeoutMs: 5_000,
    keepOnFailure: false,
    outDir: dir,
    env: { GITHUB_SHA: SHA },
    registryFor: refusingRegistry([]),
    pollMs: 5,
    ...overrides,
  };
}

describe('names and URLs', () => {
  test.each([
    ['42', /^it-42-[0-9a-f]{6}$/],
    [undefined, /^it-local-[0-9a-f]{6}$/],
    ['Run #7/a', /^it-run7a-[0-9a-f]{6}$/],
  ])('project name for run id %s', (runId, expected) => {
    const name = laneProjectName('it', runId);
    expect(name).toMatch(expected);
    expect(name).toMatch(STACK_NAME_PATTERN);
  });

  test('two runs with the same run id get different projects', () => {
    expect(laneProjectName('it', '1')).not.toBe(laneProjectName('it', '1'));
  });

  test.each([
    ['backend', 'BACKEND_URL'],
    ['web-ui', 'WEB_UI_URL'],
    ['db_1', 'DB_1_URL'],
  ])('%s → %s', (service, name) => {
    expect(urlEnvName(service)).toBe(name);
  });

  const statuses = [
    { service: 'api', urls: { internal: 'http://api:8080' } },
    { service: 'web', urls: { internal: 'http://web:80', published: 'http://127.0.0.1:40123' } },
    { service: 'worker', urls: {} },
  ] as ServiceStatus[];

  test('in a container the tests get internal URLs', () => {
    expect(serviceUrls(statuses, 'container')).toEqual({
      env: { API_URL: 'http://api:8080', WEB_URL: 'http://web:80' },
      missing: ['worker'],
    });
  });

  test('on the runner the tests get published loopback URLs only', () => {
    expect(serviceUrls(statuses, 'runner')).toEqual({
      env: { WEB_URL: 'http://127.0.0.1:40123' },
      missing: ['api', 'worker'],
    });
  });

  test('the test container: stack network, read-only workspace as working dir, sh -c, labelled', () => {
    const opts = testContainerOptions(
      'it-1-abc',
      'dl-it-1-abc-net',
      { command: 'npm test && echo ok', image: 'ci:1', workspace: '/home/runner/work/app' },
      { API_URL: 'http://api:8080' },
    );
    expect(new Podman(new Exec()).runArgs(opts, false)).toEqual([
      'run',
      '--rm',
      '--name',
      'it-1-abc-tests',
      '--network',
      'dl-it-1-abc-net',
      '--label',
      `${STACK_LABEL}=it-1-abc`,
      '--label',
      `${CONTAINER_ROLE_LABEL}=tests`,
      '--env',
      'API_URL=http://api:8080',
      '--volume',
      '/home/runner/work/app:/home/runner/work/app:ro',
      '--workdir',
      '/home/runner/work/app',
      '--entrypoint',
      '',
      'ci:1',
      'sh',
      '-c',
      'npm test && echo ok',
    ]);
  });
});

describe('runStackLane', () => {
  test('passes: tests in a container with internal URLs, digests verified, evidence written, stack removed', async () => {
    const engine = new FakeEngine();
    const hosts: string[] = [];
    const out = await runStackLane(options(engine, { registryFor: refusingRegistry(hosts) }));

    expect(out.report.result).toBe('passed');
    expect(out.report.digestsVerified).toBe(true);
    expect(out.bundlePath).toBeUndefined();
    expect(engine.pulls).toEqual([TESTS_IMAGE]);
    expect(engine.foregroundRuns).toHaveLength(1);
    expect(engine.foregroundRuns[0]!.env).toEqual({ API_URL: 'http://api:8080', WEB_URL: 'http://web:8080' });
    expect(out.report.services.map((s) => [s.name, s.readiness, s.url])).toEqual([
      ['api', 'health', 'http://api:8080'],
      ['web', 'health', 'http://web:8080'],
    ]);
    const r = out.report.readiness!;
    expect(r.latencyMs).toBe(r.testStartedAt - r.lastReadyAt);
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    expect(out.report.tests).toMatchObject({ exitCode: 0, where: 'container' });

    // Nothing of the project is left: containers, network, the named volume.
    expect(engine.containers.size).toBe(0);
    expect(engine.networks.size).toBe(0);
    expect(engine.volumes.size).toBe(0);

    const statement = statementOf(JSON.parse(await readFile(out.evidencePath!, 'utf8')));
    expect(statement.predicate.lane).toBe('integration');
    expect(statement.predicate.verificationResult).toBe('PASSED');
    expect(statement.subject.map((s) => s.name)).toEqual([
      '127.0.0.1:5000/app/api',
      '127.0.0.1:5000/app/web',
    ]);
    expect(statement.predicate.tested.map((t) => t.name)).toEqual(['api', 'web']);
    expect(statement.predicate.checks.map((c) => [c.name, c.result])).toEqual([
      ['stack ready: 2 services', 'PASSED'],
      ['digests verified', 'PASSED'],
      ['tests: node --test tests/', 'PASSED'],
      ['host access', 'PASSED'],
    ]);
    expect(statement.predicate.checks[0]?.detail).toBeUndefined();
    expect(statement.predicate.checks[3]?.detail).toBe('none');
    // One client per registry host, and a store failure is reported, not swallowed.
    expect(hosts).toEqual(['127.0.0.1:5000']);
    expect(out.evidenceError).toMatch(/could not store the evidence for api .*registry says no/);

    const saved = JSON.parse(await readFile(out.reportPath, 'utf8'));
    expect(saved).toEqual(JSON.parse(JSON.stringify(out.report)));
  });

  test('allow-* inputs: a warning for each when the stack starts, and the host access check names them', async () => {
    const log = recordingLog();
    const spec = {
      ...parseStack(STACK, 'stack.yaml', IMAGES),
      allow: { hostPaths: true, writableBinds: true },
    };
    const out = await runStackLane(options(new FakeEngine(), { spec, log }));
    expect(out.report.result).toBe('passed');
    const checks = statementOf(JSON.parse(await readFile(out.evidencePath!, 'utf8'))).predicate.checks;
    expect(checks.find((c) => c.name === 'host access')).toEqual({
      name: 'host access',
      result: 'SKIPPED',
      durationMs: 0,
      detail:
        'HOST ACCESS ALLOWED: allow-host-paths: true (bind mounts and secret files outside the workspace); writable-bind-mounts: true (bind mounts writable during validation where the file says so)',
    });
    expect(log.lines.filter((l) => l.level === 'warning' && /allow-|writable-bind/.test(l.line))).toEqual([
      {
        level: 'warning',
        line: expect.stringMatching(
          /^stack it-42-abcdef: allow-host-paths: true: the stack may use bind mounts/,
        ),
      },
      { level: 'warning', line: expect.stringMatching(/^stack it-42-abcdef: writable-bind-mounts: true:/) },
    ]);
  });

  test('the evidence names the images the stack ran beside the images under test (a resolved tag’s digest)', async () => {
    const engine = new FakeEngine();
    // web runs from the file (as a tag resolved at start would), only api is under test.
    const out = await runStackLane(options(engine, { images: [IMAGES[0]!] }));
    expect(out.report.result).toBe('passed');
    const statement = statementOf(JSON.parse(await readFile(out.evidencePath!, 'utf8')));
    expect(statement.predicate.tested.map((t) => t.name)).toEqual(['api']);
    expect(statement.predicate.checks[0]).toMatchObject({
      name: 'stack ready: 2 services',
      result: 'PASSED',
      detail: `also ran web=${WEB}`,
    });
    expect(out.report.services.map((s) => [s.name, s.image])).toEqual([
      ['api', API],
      ['web', WEB],
    ]);
  });

  test('the evidence records the host access allow-privileged let a service have', async () => {
    const engine = new FakeEngine();
    const spec = parseStack(STACK, 'stack.yaml', IMAGES);
    spec.allow = { privileged: true };
    spec.services[1]!.hostAccess = { capAdd: ['NET_ADMIN'], pid: 'host' };
    const out = await runStackLane(options(engine, { spec }));
    expect(out.report.result).toBe('passed');
    const statement = statementOf(JSON.parse(await readFile(out.evidencePath!, 'utf8')));
    expect(statement.predicate.checks.find((c) => c.name === 'host access')).toMatchObject({
      result: 'SKIPPED',
      detail:
        'HOST ACCESS ALLOWED: allow-privileged: true (privileged, cap_add, devices, pid: host and ipc: host); given: web cap_add NET_ADMIN, pid: host',
    });
  });

  test('failing tests: bundle collected with the test output, uploaded, evidence FAILED, stack removed', async () => {
    const engine = new FakeEngine();
    engine.testExitCode = 1;
    const upload = vi.fn(async () => ({ uploaded: false, reason: 'no artifact service' }));
    const out = await runStackLane(options(engine, { upload }));

    expect(out.report.result).toBe('failed');
    expect(out.report.failure).toMatch(/the tests exited with code 1; last output lines:\nnot ok 1/);
    expect(await readFile(join(out.bundlePath!, 'tests.log'), 'utf8')).toContain('not ok 1');
    expect(upload).toHaveBeenCalledWith('integration-bundle-it-42-abcdef', out.bundlePath);
    const files = await readdir(out.bundlePath!);
    expect(files).toEqual(expect.arrayContaining(['network.json', 'services.json', 'tests.log']));
    expect(
      statementOf(JSON.parse(await readFile(out.evidencePath!, 'utf8'))).predicate.verificationResult,
    ).toBe('FAILED');
    expect(engine.containers.size).toBe(0);
  });

  test('keep-on-failure leaves the failed stack running', async () => {
    const engine = new FakeEngine();
    engine.testExitCode = 2;
    const log = recordingLog();
    const out = await runStackLane(options(engine, { keepOnFailure: true, log }));
    expect(out.kept).toBe(true);
    // The hint names the engine's CLI by its kind.
    expect(log.lines.map((l) => l.line)).toContainEqual(
      expect.stringMatching(
        /^keep-on-failure: stack it-42-abcdef keeps running .*: podman rm -f \$\(podman ps -aq/,
      ),
    );
    expect([...engine.containers.keys()]).toEqual(['it-42-abcdef-api', 'it-42-abcdef-web']);
    expect(await teardownLaneStack(engine, 'it-42-abcdef')).toBe(true);
    expect(engine.containers.size + engine.networks.size + engine.volumes.size).toBe(0);
    expect(await teardownLaneStack(engine, 'it-42-abcdef')).toBe(false);
  });

  test('a service that exits at start: tests skipped, the message names it and its exit code', async () => {
    const engine = new FakeEngine();
    engine.exitAtStart('api');
    const out = await runStackLane(options(engine));
    expect(out.report.failure).toMatch(/service "api" exited with code 3 during start/);
    expect(out.report.tests).toBeNull();
    expect(out.report.readiness).toBeNull();
    expect(engine.foregroundRuns).toEqual([]);
    const checks = statementOf(JSON.parse(await readFile(out.evidencePath!, 'utf8'))).predicate.checks;
    expect(checks.map((c) => c.result)).toEqual(['FAILED', 'SKIPPED', 'SKIPPED', 'PASSED']);
    expect(engine.containers.size).toBe(0);
  });

  test('on the runner: sh -c in the workspace with published URLs, without the inputs or runner tokens', async () => {
    const engine = new FakeEngine();
    const ws = await mkdtemp(join(tmpdir(), 'dl-stack-lane-ws-'));
    try {
      const out = await runStackLane(
        options(engine, {
          tests: {
            command: 'pwd; echo "url=$WEB_URL"; env | grep -c -E "^(INPUT|ACTIONS)_" || true',
            workspace: ws,
            host: {
              env: { PATH: process.env.PATH ?? '/usr/bin:/bin', KEEP: 'yes' },
              isolation: { mode: 'no-key' },
              inputs: { key: 'signing-key', container: 'test-image', unsafe: 'unsafe' },
            },
          },
        }),
      );
      expect(out.report.result).toBe('passed');
      expect(out.report.tests).toMatchObject({ where: 'runner', exitCode: 0 });
      expect(engine.foregroundRuns).toEqual([]);
    } finally {
      await rm(ws, { recursive: true, force: true });
    }
  });

  test('without a commit it fails before anything starts', async () => {
    const engine = new FakeEngine();
    await expect(runStackLane(options(engine, { env: {} }))).rejects.toThrow(/GITHUB_SHA/);
    expect(engine.networks.size + engine.containers.size).toBe(0);
  });
});

/** The order in which the test container is created and started and the services are run. */
function startOrder(engine: FakeEngine): string[] {
  return engine.calls.filter((c) => /^(create|run|start) /.test(c));
}

describe('runStackLane with create + start', () => {
  test('the test container is created before the services start and started once they are ready', async () => {
    const engine = new FakeEngine();
    const oneStep = vi.spyOn(engine, 'runToCompletion');
    const out = await runStackLane(options(engine));
    expect(out.report.result).toBe('passed');
    expect(startOrder(engine)).toEqual([
      'create it-42-abcdef-tests',
      'run it-42-abcdef-api',
      'run it-42-abcdef-web',
      'start it-42-abcdef-tests',
    ]);
    expect(oneStep).not.toHaveBeenCalled();
    // What was started is what was created: the fake starts a created container with its options.
    expect(engine.foregroundRuns).toEqual([
      testContainerOptions(
        'it-42-abcdef',
        'dl-it-42-abcdef-net',
        { command: 'node --test tests/', image: TESTS_IMAGE, workspace: '/ws' },
        { API_URL: 'http://api:8080', WEB_URL: 'http://web:8080' },
      ),
    ]);
    expect(out.report.digestsVerified).toBe(true);
    expect(out.report.tests).toMatchObject({ exitCode: 0, where: 'container' });
    expect(engine.containers.size).toBe(0);
  });

  test('copy mode: the test container gets the workspace staged through the engine, no path of ours; nothing left', async () => {
    const engine = new FakeEngine();
    engine.files = 'copy';
    const out = await runStackLane(options(engine));
    expect(out.report.result).toBe('passed');
    expect(engine.calls).toContain('cp /ws it-42-abcdef-tests-files-stager:/dl-stage/0/ws');
    expect(engine.foregroundRuns[0]?.volumes).toEqual([
      { source: '/engine/volumes/it-42-abcdef-tests-files/_data/0/ws', target: '/ws', readonly: true },
    ]);
    // Read-only: nothing is copied back.
    expect(engine.copiesOut).toEqual([]);
    expect(engine.containers.size).toBe(0);
    expect(engine.volumes.size).toBe(0);
  });

  test('copy mode: a stack that does not start leaves no staged volume', async () => {
    const engine = new FakeEngine();
    engine.files = 'copy';
    engine.exitAtStart('api');
    const out = await runStackLane(options(engine));
    expect(out.report.result).toBe('failed');
    expect(engine.calls).toContain('volume create it-42-abcdef-tests-files');
    expect(engine.containers.size).toBe(0);
    expect(engine.volumes.size).toBe(0);
  });

  test('the digest check still decides: a container running another image fails the lane', async () => {
    const engine = new FakeEngine();
    const image = engine.image;
    engine.image = (ref) => (ref === API ? { ...image(ref), id: 'id-of-something-else' } : image(ref));
    const out = await runStackLane(options(engine));
    expect(out.report.result).toBe('failed');
    expect(out.report.digestsVerified).toBe(false);
    expect(out.report.failure).toMatch(/do not run the given digests/);
    expect(engine.calls).toContain('start it-42-abcdef-tests');
    const checks = statementOf(JSON.parse(await readFile(out.evidencePath!, 'utf8'))).predicate.checks;
    expect(checks.map((c) => [c.name, c.result])).toContainEqual(['digests verified', 'FAILED']);
  });

  test('a stack that does not start: the created test container is removed, never started', async () => {
    const engine = new FakeEngine();
    engine.exitAtStart('api');
    const out = await runStackLane(options(engine));
    expect(out.report.result).toBe('failed');
    expect(engine.calls).toContain('create it-42-abcdef-tests');
    expect(engine.calls.some((e) => e.startsWith('start'))).toBe(false);
    const bundle = await readdir(out.bundlePath!);
    expect(bundle.some((f) => f.includes('tests'))).toBe(false);
    expect(engine.containers.size).toBe(0);
  });

  test('when create fails the tests still run, in one step', async () => {
    const engine = new FakeEngine();
    vi.spyOn(engine, 'create').mockRejectedValue(new Error('create: image not known'));
    const oneStep = vi.spyOn(engine, 'runToCompletion');
    const out = await runStackLane(options(engine));
    expect(out.report.result).toBe('passed');
    expect(oneStep).toHaveBeenCalledTimes(1);
    expect(engine.foregroundRuns).toHaveLength(1);
  });
});
