/** Copy mode: a stack's host-path mounts reach its containers as copies staged through the engine. */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { errorMessage } from '../../src/errors.js';
import { silentLog } from '../../src/log.js';
import { parseReference, pinImage } from '../../src/reference.js';
import { checkStackText, stackErrors } from '../../src/stack/check.js';
import type { StackSpec } from '../../src/stack/compose/types.js';
import { contentFilePath } from '../../src/stack/files.js';
import { STACK_LABEL } from '../../src/stack/labels.js';
import { stagedFilesVolume } from '../../src/stack/staged-mounts.js';
import { Stack, StackStartError } from '../../src/stack/stack.js';
import { FakeEngine } from '../support/fake-engine.js';

const API = `127.0.0.1:5000/app/api@sha256:${'a'.repeat(64)}`;
const IMAGES = [pinImage('api', parseReference(API))];
const ws = realpathSync(mkdtempSync(join(tmpdir(), 'dl-staged-')));
writeFileSync(join(ws, 'app.ini'), 'x=1\n');
afterAll(() => rmSync(ws, { recursive: true, force: true }));

const TEXT = `
services:
  api:
    image: \${API_IMAGE}
    healthcheck: { test: [CMD, "true"] }
    volumes: [./app.ini:/etc/app.ini:ro, cache:/cache]
    configs: [{ source: site, target: /etc/site.conf }]
volumes:
  cache: {}
configs:
  site: { content: "listen 80" }
`;

function spec(): StackSpec {
  const check = checkStackText(join(ws, 'compose.yaml'), TEXT, { images: IMAGES, mode: 'deploy', env: {} });
  expect(stackErrors(check)).toEqual([]);
  return check.spec as StackSpec;
}

const quiet = { log: silentLog, readiness: { pollMs: 1, timeoutMs: 2000 } };
const mountpoint = (project: string): string => `/engine/volumes/${stagedFilesVolume(project)}/_data`;

describe('a stack in copy mode', () => {
  test('binds the staged copies (paths on the engine host), never our own paths; down removes the copy', async () => {
    const engine = new FakeEngine({ behaviours: { api: { healthyAfterChecks: 0 } } });
    engine.files = 'copy';
    const stack = await Stack.up({ ...quiet, project: 'sc1', engine, spec: spec() });
    const volume = stagedFilesVolume('sc1');
    expect(engine.calls).toContain(`cp ${join(ws, 'app.ini')} ${volume}-stager:/dl-stage/0/app.ini`);
    expect(engine.calls).toContain(
      `cp ${contentFilePath('sc1', 'api', 2)} ${volume}-stager:/dl-stage/1/api-2`,
    );
    expect(engine.containers.get('sc1-api')?.run.volumes).toEqual([
      { source: `${mountpoint('sc1')}/0/app.ini`, target: '/etc/app.ini', readonly: true },
      { source: 'sc1_cache', target: '/cache', readonly: false },
      { source: `${mountpoint('sc1')}/1/api-2`, target: '/etc/site.conf', readonly: true },
    ]);
    expect(engine.volumes.get(volume)).toMatchObject({ [STACK_LABEL]: 'sc1' });
    expect([...engine.containers.keys()]).toEqual(['sc1-api']);
    // Named volumes are kept by default; the staged copy is not.
    await stack.down({ stopTimeoutS: 0 });
    expect([...engine.volumes.keys()]).toEqual(['sc1_cache']);
  });

  test('bind mode stages nothing', async () => {
    const engine = new FakeEngine({ behaviours: { api: { healthyAfterChecks: 0 } } });
    const stack = await Stack.up({ ...quiet, project: 'sc2', engine, spec: spec() });
    expect(engine.containers.get('sc2-api')?.run.volumes?.[0]?.source).toBe(join(ws, 'app.ini'));
    expect(engine.volumes.has(stagedFilesVolume('sc2'))).toBe(false);
    await stack.down({ stopTimeoutS: 0 });
  });

  test('a copy that fails is a StackStartError before any service starts, and leaves nothing staged', async () => {
    const engine = new FakeEngine();
    engine.files = 'copy';
    engine.failing.add(`cp ${join(ws, 'app.ini')} ${stagedFilesVolume('sc3')}-stager:/dl-stage/0/app.ini`);
    const err = await Stack.up({ ...quiet, project: 'sc3', engine, spec: spec() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(err instanceof StackStartError))
      throw new Error(`expected a StackStartError, got ${errorMessage(err)}`);
    expect(err.message).toMatch(
      /^stack sc3: copying mounted files through the engine failed: copying .*app\.ini/,
    );
    expect(engine.calls.some((c) => c.startsWith('run '))).toBe(false);
    expect(engine.containers.size).toBe(0);
    expect(engine.volumes.has(stagedFilesVolume('sc3'))).toBe(false);
    await err.partialStack.down({ stopTimeoutS: 0, volumes: 'all' });
    expect(engine.volumes.size).toBe(0);
  });
});
