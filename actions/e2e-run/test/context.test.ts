import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getInputs } from '../src/context.js';

const FRONTEND = `127.0.0.1:5000/app/frontend@sha256:${'1'.repeat(64)}`;
const RUNNER = `127.0.0.1:5000/digestline/e2e-runner@sha256:${'2'.repeat(64)}`;

describe('e2e-run getInputs: the allow-* inputs reach the stack check', () => {
  const saved = { ...process.env };
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dl-e2e-allow-'));
    await mkdir(join(dir, 'e2e'));
    await mkdir(join(dir, 'static'));
    await writeFile(
      join(dir, 'stack.yaml'),
      'services:\n  frontend:\n    image: ${FRONTEND_IMAGE}\n    volumes: [./static:/srv]\n',
    );
    for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
    process.env.INPUT_STACK = 'stack.yaml';
    process.env.INPUT_IMAGES = `frontend=${FRONTEND}`;
    process.env.INPUT_TESTS = 'e2e';
    process.env['INPUT_RUNNER-IMAGE'] = RUNNER;
    process.env.GITHUB_WORKSPACE = dir;
  });
  afterEach(async () => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    await rm(dir, { recursive: true, force: true });
  });

  it('a workspace bind mount is read-only by default and writable with writable-bind-mounts: true', async () => {
    const plain = await getInputs();
    if (plain.target.kind !== 'stack') throw new Error('expected a stack target');
    expect(plain.target.spec.services[0]?.volumes).toEqual([
      { bind: join(dir, 'static'), target: '/srv', readonly: true },
    ]);
    expect(plain.target.spec.allow).toBeUndefined();
    process.env['INPUT_WRITABLE-BIND-MOUNTS'] = 'true';
    const writable = await getInputs();
    if (writable.target.kind !== 'stack') throw new Error('expected a stack target');
    expect(writable.target.spec.services[0]?.volumes[0]?.readonly).toBe(false);
    expect(writable.target.spec.allow).toEqual({ hostPaths: false, privileged: false, writableBinds: true });
  });

  it('a bad value names the input', async () => {
    process.env['INPUT_ALLOW-HOST-PATHS'] = 'sure';
    await expect(getInputs()).rejects.toThrow(/input "allow-host-paths"/);
  });
});
