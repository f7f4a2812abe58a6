/** The files a stack writes for secrets and configs, and bind sources it creates: modes, paths, cleanup, redaction. */
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { errorMessage } from '../../src/errors.js';
import { silentLog } from '../../src/log.js';
import { parseReference, pinImage } from '../../src/reference.js';
import { checkStackText, stackErrors } from '../../src/stack/check.js';
import type { StackSpec } from '../../src/stack/compose/types.js';
import { contentFilePath, secretTexts, stackFilesDir } from '../../src/stack/files.js';
import { Stack, StackStartError } from '../../src/stack/stack.js';
import { FakeEngine } from '../support/fake-engine.js';
import { recordingLog } from '../support/log.js';

const API = `127.0.0.1:5000/app/api@sha256:${'a'.repeat(64)}`;
const IMAGES = [pinImage('api', parseReference(API))];
const ws = realpathSync(mkdtempSync(join(tmpdir(), 'dl-files-')));
writeFileSync(join(ws, 'app.ini'), 'x=1\n');
afterAll(() => rmSync(ws, { recursive: true, force: true }));

const TEXT = `
services:
  api:
    image: \${API_IMAGE}
    healthcheck: { test: [CMD, "true"] }
    volumes: [./app.ini:/etc/app.ini:ro, ./data:/data]
    secrets: [token, { source: pw, target: db/pw, mode: 0400 }]
    configs: [{ source: site, target: /etc/site.conf }]
secrets:
  token: { environment: API_TOKEN }
  pw: { file: ./app.ini }
configs:
  site: { content: "listen 80" }
`;

function spec(): StackSpec {
  const check = checkStackText(join(ws, 'compose.yaml'), TEXT, {
    images: IMAGES,
    mode: 'validation',
    env: { API_TOKEN: 'tok-s3cr3t-value' },
  });
  expect(stackErrors(check)).toEqual([]);
  return check.spec as StackSpec;
}

const quiet = { log: silentLog, readiness: { pollMs: 1, timeoutMs: 2000 } };

describe('stack files', () => {
  test('content files in a 0700 directory of the stack, with their modes; bind sources made; all gone after down', async () => {
    const engine = new FakeEngine({
      behaviours: { api: { healthyAfterChecks: 0, logs: 'token tok-s3cr3t-value\n' } },
    });
    const log = recordingLog();
    const stack = await Stack.up({ ...quiet, log, project: 'sf1', engine, spec: spec() });
    expect(log.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(log.lines)).not.toContain('tok-s3cr3t-value');
    const dir = stackFilesDir('sf1');
    const run = engine.containers.get('sf1-api')?.run;
    expect(run?.volumes).toEqual([
      { source: join(ws, 'app.ini'), target: '/etc/app.ini', readonly: true },
      { source: join(ws, 'data'), target: '/data', readonly: true },
      { source: contentFilePath('sf1', 'api', 2), target: '/run/secrets/token', readonly: true },
      { source: join(ws, 'app.ini'), target: '/run/secrets/db/pw', readonly: true },
      { source: contentFilePath('sf1', 'api', 4), target: '/etc/site.conf', readonly: true },
    ]);
    // The secret reaches the service as a file only: not in its run options (argv, env).
    expect(JSON.stringify(run)).not.toContain('tok-s3cr3t-value');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(ws, 'data')).isDirectory()).toBe(true);
    expect(readFileSync(contentFilePath('sf1', 'api', 2), 'utf8')).toBe('tok-s3cr3t-value');
    expect(statSync(contentFilePath('sf1', 'api', 2)).mode & 0o777).toBe(0o444);
    expect(readFileSync(contentFilePath('sf1', 'api', 4), 'utf8')).toBe('listen 80');

    const bundle = mkdtempSync(join(tmpdir(), 'dl-files-bundle-'));
    try {
      await stack.collectBundle(bundle);
      expect(readFileSync(join(bundle, 'sf1-api.stdout.log'), 'utf8')).toBe('token ***\n');
    } finally {
      rmSync(bundle, { recursive: true, force: true });
    }
    await stack.down({ stopTimeoutS: 0 });
    expect(existsSync(dir)).toBe(false);
  });

  test('a failed start leaves the directory to the half-started stack, whose down removes it; so does an attached one', async () => {
    const engine = new FakeEngine({ behaviours: { api: { exit: { code: 3, onPoll: 1 } } } });
    const err = await Stack.up({ ...quiet, project: 'sf2', engine, spec: spec() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(err instanceof StackStartError))
      throw new Error(`expected a StackStartError, got ${errorMessage(err)}`);
    expect(existsSync(stackFilesDir('sf2'))).toBe(true);
    await (await Stack.attach('sf2', engine)).down({ stopTimeoutS: 0 });
    expect(existsSync(stackFilesDir('sf2'))).toBe(false);
  });
});

test('a bind source that cannot be created fails the start as a StackStartError, nothing of it left after down', async () => {
  const check = checkStackText(
    join(ws, 'compose.yaml'),
    'services:\n  api:\n    image: ${API_IMAGE}\n    healthcheck: { test: [CMD, "true"] }\n    volumes: [./app.ini/sub:/sub]\n    configs: [c]\nconfigs:\n  c: { content: x }\n',
    { images: IMAGES, mode: 'deploy', env: {} },
  );
  expect(stackErrors(check)).toEqual([]);
  const engine = new FakeEngine();
  const err = await Stack.up({ ...quiet, project: 'sf3', engine, spec: check.spec! }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof StackStartError))
    throw new Error(`expected a StackStartError, got ${errorMessage(err)}`);
  expect(err.message).toMatch(/^stack sf3: writing secret and config files failed: .*ENOTDIR/);
  expect(engine.calls.filter((c) => c.startsWith('run'))).toEqual([]);
  await err.partialStack.down({ stopTimeoutS: 0 });
  expect(existsSync(stackFilesDir('sf3'))).toBe(false);
});

describe('secretTexts', () => {
  test('each secret trimmed and each of its lines, longest first; short ones and configs left alone', () => {
    const spec = {
      source: 's',
      volumes: [],
      services: [
        {
          name: 'a',
          volumes: [
            { content: 'line-one-of-key\nline-two-of-key\n', secret: true, target: '/k', readonly: true },
            { content: 'abc', secret: true, target: '/short', readonly: true },
            { content: 'listen 80', target: '/conf', readonly: true },
          ],
        },
      ],
    } as unknown as StackSpec;
    expect(secretTexts(spec)).toEqual([
      'line-one-of-key\nline-two-of-key',
      'line-one-of-key',
      'line-two-of-key',
    ]);
  });
});
