import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { ContainerEngine } from '../../src/engine/engine.js';
import { InputError } from '../../src/errors.js';
import { parseImageSet } from '../../src/inputs.js';
import { pinnedReference } from '../../src/reference.js';
import { checkStack, stackErrors } from '../../src/stack/check.js';
import type { ServiceSpec } from '../../src/stack/compose/types.js';
import { loadStackFile, teardownIntegrationTest } from '../../src/lanes/integration.js';
import { laneFailureMessage, summarizeLane } from '../../src/lanes/lane-summary.js';
import type { LaneOutcome, LaneReport } from '../../src/lanes/report.js';
import { SummaryBuilder } from '../../src/summary.js';
import { fakeClient } from '../registry/fake-fetch.js';
import { recordingLog } from '../support/log.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BACKEND = `127.0.0.1:5000/app/backend@sha256:${'1'.repeat(64)}`;
const FRONTEND = `127.0.0.1:5000/app/frontend@sha256:${'2'.repeat(64)}`;

describe('loadStackFile', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dl-stackfile-'));
    await writeFile(
      join(dir, 'bad.yaml'),
      'services:\n  backend:\n    image: ${BACKEND_IMAGE}\n    build: .\n    privileged: true\n    cap_add: [SYS_ADMIN]\n',
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('the example app stack parses with its two images', async () => {
    const images = parseImageSet(`backend=${BACKEND}\nfrontend=${FRONTEND}`, 'images');
    const spec = await loadStackFile('examples/app/compose.yaml', images, 'stack', ROOT);
    expect(spec.services.map((s) => [s.name, pinnedReference(s.image)])).toEqual([
      ['backend', BACKEND],
      ['frontend', FRONTEND],
    ]);
    const [backend, frontend] = spec.services as [ServiceSpec, ServiceSpec];
    // From env_file (frontend.env): the backend by its alias on the back network.
    expect(frontend.environment).toEqual({ BACKEND_URL: 'http://playlist-api:8080' });
    expect(frontend.dependsOn).toEqual([{ service: 'backend', condition: 'service_healthy' }]);
    expect(frontend.ports).toEqual([{ host: '127.0.0.1', containerPort: 8080 }]);
    // The images' own HEALTHCHECK applies (exec form; docker could not run one given here).
    expect([backend.healthcheck, frontend.healthcheck]).toEqual([undefined, undefined]);
    expect(spec.volumes).toEqual(['data']);
    // Two networks: the backend only on back (with its alias), the frontend on both.
    expect(backend.networks).toEqual([{ network: 'back', aliases: ['playlist-api'] }]);
    expect(frontend.networks?.map((n) => n.network).sort()).toEqual(['back', 'front']);
    // `restart: unless-stopped` is for deploy-staging; validation never restarts.
    expect([backend.restart, frontend.restart]).toEqual([undefined, undefined]);
    // The config file, bind-mounted read-only from the workspace.
    expect(frontend.volumes).toEqual([
      { bind: join(ROOT, 'examples/app/config/frontend.json'), target: '/app/config.json', readonly: true },
    ]);
  });

  test('the example app staging stack restarts its services and publishes a fixed port', () => {
    const check = checkStack(join(ROOT, 'examples/app/compose.staging.yaml'), {
      images: parseImageSet(`backend=${BACKEND}\nfrontend=${FRONTEND}`, 'images'),
      mode: 'deploy',
      env: {},
    });
    expect(stackErrors(check)).toEqual([]);
    const [backend, frontend] = check.spec!.services as [ServiceSpec, ServiceSpec];
    expect([backend.restart, frontend.restart]).toEqual(['unless-stopped', 'unless-stopped']);
    expect(backend.ports).toEqual([]);
    expect(frontend.ports).toEqual([{ host: '127.0.0.1', hostPort: 18080, containerPort: 8080 }]);
    expect(frontend.environment).toEqual({ BACKEND_URL: 'http://playlist-api:8080' });
    expect(frontend.volumes).toEqual([
      { bind: join(ROOT, 'examples/app/config/frontend.json'), target: '/app/config.json', readonly: true },
    ]);
  });

  test.each([
    // Every problem at once, each with its line; `build` is irrelevant once the image is injected.
    [
      'bad.yaml',
      `backend=${BACKEND}`,
      /^input "stack": bad\.yaml has 2 problems:\nbad\.yaml:5: services\.backend\.privileged: .*\nbad\.yaml:6: services\.backend\.cap_add: /,
    ],
    ['missing.yaml', `backend=${BACKEND}`, /^input "stack": the stack file missing\.yaml does not exist/],
    ['bad.yaml', `backend=${BACKEND}\nworker=${FRONTEND}`, /entry "worker" but the file has no service/],
  ])('%s with %j is an input error naming "stack"', async (file, set, message) => {
    const err = await loadStackFile(file, parseImageSet(set, 'images'), 'stack', dir).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe('stack');
    expect((err as Error).message).toMatch(message);
  });

  describe('a service not under test naming a tag', () => {
    const DB = `sha256:${'d'.repeat(64)}`;
    const text = `services:\n  backend:\n    image: \${BACKEND_IMAGE}\n  db:\n    image: 127.0.0.1:5000/lib/db:16\n`;
    const answering = (digest: string | null) =>
      fakeClient(() =>
        digest === null
          ? new Response(null, { status: 404 })
          : new Response(null, {
              status: 200,
              headers: {
                'docker-content-digest': digest,
                'content-type': 'application/vnd.oci.image.manifest.v1+json',
                'content-length': '2',
              },
            }),
      );
    beforeAll(() => writeFile(join(dir, 'tagged.yaml'), text));

    test('runs the digest the tag resolved to, logged once', async () => {
      const { client, calls } = answering(DB);
      const log = recordingLog();
      const images = parseImageSet(`backend=${BACKEND}`, 'images');
      const spec = await loadStackFile('tagged.yaml', images, 'stack', dir, log, {
        resolve: { clientFor: () => client },
      });
      expect(spec.services.map((s) => [s.name, pinnedReference(s.image)])).toEqual([
        ['backend', BACKEND],
        ['db', `127.0.0.1:5000/lib/db@${DB}`],
      ]);
      expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([
        'HEAD /v2/lib/db/manifests/16',
      ]);
      expect(log.lines.filter((l) => l.level === 'info').map((l) => l.line)).toEqual([
        `127.0.0.1:5000/lib/db:16 → ${DB}`,
      ]);
      expect(log.lines.filter((l) => l.level === 'warning').map((l) => l.line)).toEqual([
        expect.stringMatching(
          /^tagged\.yaml:5: warning: services\.db\.image: 127\.0\.0\.1:5000\/lib\/db:16 was resolved to/,
        ),
      ]);
    });

    test('a tag that does not resolve is an input error naming the service and the reference', async () => {
      const { client } = answering(null);
      const err = await loadStackFile(
        'tagged.yaml',
        parseImageSet(`backend=${BACKEND}`, 'images'),
        'stack',
        dir,
        undefined,
        {
          resolve: { clientFor: () => client },
        },
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(
        /^input "stack": tagged\.yaml: 1 image tag of the stack did not resolve .*\nservice db: 127\.0\.0\.1:5000\/lib\/db:16 does not resolve: registry 127\.0\.0\.1:5000 has no manifest lib\/db:16 \(404\)$/,
      );
    });

    test('require-digests refuses the tag before asking any registry', async () => {
      const { client, calls } = answering(DB);
      const err = await loadStackFile(
        'tagged.yaml',
        parseImageSet(`backend=${BACKEND}`, 'images'),
        'stack',
        dir,
        undefined,
        {
          requireDigests: true,
          resolve: { clientFor: () => client },
        },
      ).catch((e: unknown) => e);
      expect((err as Error).message).toMatch(
        /^input "stack": tagged\.yaml has 1 problem:\ntagged\.yaml:5: services\.db\.image: "127\.0\.0\.1:5000\/lib\/db:16" is a tag and the input require-digests is true/,
      );
      expect(calls).toEqual([]);
    });
  });
});

const REPORT: LaneReport = {
  lane: 'integration',
  project: 'it-7-abcdef',
  engine: 'podman',
  stack: 'examples/app/compose.yaml',
  result: 'failed',
  images: [],
  services: [
    { name: 'backend', image: BACKEND, readiness: 'health', readyAfterMs: 420, url: 'http://backend:8080' },
  ],
  digestsVerified: true,
  readiness: { upMs: 900, lastReadyAt: 1000, testStartedAt: 1080, latencyMs: 80 },
  tests: { command: 'npm test', where: 'container', image: 'ci', exitCode: 1, durationMs: 2500 },
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 6100,
  failure: 'the tests exited with code 1',
  bundle: '/tmp/b',
};

describe('summary and failure', () => {
  test('the summary names services, readiness, digests and the result', () => {
    const s = new SummaryBuilder();
    summarizeLane(s, REPORT);
    const text = s.toText();
    expect(text).toContain('integration-test: failed');
    expect(text).toMatch(/backend\s+127\.0\.0\.1:5000\/app\/backend@sha256:1{64}\s+health\s+420 ms/);
    expect(text).toContain('digests verified: yes');
    expect(text).toContain('tests started 80 ms after the last service was ready');
    expect(text).toContain('exit code 1 after 2.5 s');
    expect(text).toContain('failure bundle: /tmp/b');
  });

  test('the step fails for failed tests and for evidence that could not be stored', () => {
    const passed = {
      report: { ...REPORT, failure: undefined },
      reportPath: '',
      kept: false,
    } as unknown as LaneOutcome;
    expect(laneFailureMessage(passed)).toBeUndefined();
    expect(laneFailureMessage({ ...passed, evidenceError: 'registry down' })).toBe('registry down');
    expect(laneFailureMessage({ report: REPORT, reportPath: '', kept: false })).toBe(
      'the tests exited with code 1',
    );
  });
});

describe('teardownIntegrationTest (post)', () => {
  const engine = {
    kind: 'podman',
    bin: 'podman',
    containerList: vi.fn(async () => []),
    networkList: vi.fn(async () => []),
    volumeList: vi.fn(async () => []),
  } as unknown as ContainerEngine;

  test('nothing started, kept on purpose, already removed', async () => {
    expect(await teardownIntegrationTest(engine, '', false)).toMatch(/main started no stack/);
    expect(await teardownIntegrationTest(engine, 'it-1-a', true)).toMatch(/kept running/);
    expect(await teardownIntegrationTest(engine, 'it-1-a', false)).toBe(
      'stack it-1-a: nothing left to remove',
    );
    expect(engine.containerList).toHaveBeenCalledWith({ label: 'dev.digestline.stack=it-1-a', all: true });
  });
});
