import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getInputs } from '../src/context.js';

const BACKEND = `127.0.0.1:5000/app/backend@sha256:${'1'.repeat(64)}`;

/**
 * The step's environment for one describe block: a workspace holding `stack.yaml` with `stackText`,
 * the required inputs set, everything restored afterwards.
 */
function stepWithStack(stackText: string): void {
  const saved = { ...process.env };
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dl-it-inputs-'));
    await writeFile(join(dir, 'stack.yaml'), stackText);
    for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
    process.env.INPUT_STACK = 'stack.yaml';
    process.env.INPUT_IMAGES = `backend=${BACKEND}`;
    process.env['INPUT_TEST-COMMAND'] = 'npm test';
    process.env.GITHUB_WORKSPACE = dir;
  });
  afterEach(async () => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    await rm(dir, { recursive: true, force: true });
  });
}

describe('integration-test getInputs with a tag in the stack', () => {
  // Nothing listens on port 9: asking it for the tag would fail (after retries).
  stepWithStack(
    'services:\n  backend:\n    image: ${BACKEND_IMAGE}\n  db:\n    image: 127.0.0.1:9/lib/db:16\n',
  );

  it('reports a bad plain input before asking any registry for the tag', async () => {
    process.env.INPUT_TIMEOUT = '30';
    await expect(getInputs()).rejects.toThrow(/input "timeout"/);
  });

  it('require-digests refuses the tag without asking the registry; a bad value names the input', async () => {
    process.env['INPUT_REQUIRE-DIGESTS'] = 'true';
    await expect(getInputs()).rejects.toThrow(
      /input "stack": stack\.yaml has 1 problem:\nstack\.yaml:5: services\.db\.image: "127\.0\.0\.1:9\/lib\/db:16" is a tag and the input require-digests is true/,
    );
    process.env['INPUT_REQUIRE-DIGESTS'] = 'maybe';
    await expect(getInputs()).rejects.toThrow(/input "require-digests"/);
  });
});

describe('integration-test getInputs: the allow-* inputs reach the stack check', () => {
  stepWithStack('services:\n  backend:\n    image: ${BACKEND_IMAGE}\n    volumes: [/etc/hostname:/h:ro]\n');

  it('a host path outside the workspace is refused naming allow-host-paths, and accepted with it', async () => {
    await expect(getInputs()).rejects.toThrow(
      /stack\.yaml:4: services\.backend\.volumes\[0\]: bind mount of \/etc\/hostname is outside the workspace .*set the input allow-host-paths: true/,
    );
    process.env['INPUT_ALLOW-HOST-PATHS'] = 'true';
    const inputs = await getInputs();
    expect(inputs.spec.services[0]?.volumes).toEqual([
      { bind: '/etc/hostname', target: '/h', readonly: true },
    ]);
    expect(inputs.spec.allow).toEqual({ hostPaths: true, privileged: false, writableBinds: false });
  });

  it('a bad value names the input', async () => {
    process.env['INPUT_WRITABLE-BIND-MOUNTS'] = 'on';
    await expect(getInputs()).rejects.toThrow(/input "writable-bind-mounts"/);
  });
});
