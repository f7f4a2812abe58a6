import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDeployStack, storedStackSpec } from '../../src/deploy/stack-file.js';
import { parseImageSet } from '../../src/inputs.js';
import { pinnedReference } from '../../src/reference.js';
import { fakeClient } from '../registry/fake-fetch.js';
import { recordingLog } from '../support/log.js';

const BACKEND = `127.0.0.1:5000/app/backend@sha256:${'1'.repeat(64)}`;
const FIRST = `sha256:${'d'.repeat(64)}`;
const MOVED = `sha256:${'e'.repeat(64)}`;

/** A registry whose tag points at `digest()` at the time it is asked. */
function registry(digest: () => string) {
  return fakeClient(
    () =>
      new Response(null, {
        status: 200,
        headers: {
          'docker-content-digest': digest(),
          'content-type': 'application/vnd.oci.image.index.v1+json',
          'content-length': '2',
        },
      }),
  );
}

describe('loadDeployStack with a tag', () => {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dl-deploystack-'));
    file = join(dir, 'staging.yaml');
    await writeFile(
      file,
      'services:\n  backend:\n    image: ${BACKEND_IMAGE}\n    ports: ["127.0.0.1:18080:8080"]\n  db:\n    image: 127.0.0.1:5000/lib/db:16\n',
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('deploys the resolved digest and stores it in the model, so a rollback never resolves again', async () => {
    let current = FIRST;
    const { client, calls } = registry(() => current);
    const images = parseImageSet(`backend=${BACKEND}`, 'images');
    const log = recordingLog();
    const { spec, model } = await loadDeployStack(file, images, log, {
      resolve: { clientFor: () => client },
    });
    expect(pinnedReference(spec.services.find((s) => s.name === 'db')!.image)).toBe(
      `127.0.0.1:5000/lib/db@${FIRST}`,
    );
    expect(model.services.db?.image).toBe(`127.0.0.1:5000/lib/db:16@${FIRST}`);
    expect(log.lines).toContainEqual({ level: 'info', line: `127.0.0.1:5000/lib/db:16 → ${FIRST}` });

    // The tag moves; the stored model still starts what ran, without asking the registry.
    current = MOVED;
    const asked = calls.length;
    const again = storedStackSpec(JSON.stringify(model), join(dir, 'stacks/x.json'), images);
    expect(pinnedReference(again.services.find((s) => s.name === 'db')!.image)).toBe(
      `127.0.0.1:5000/lib/db@${FIRST}`,
    );
    expect(calls.length).toBe(asked);
  });

  test('require-digests refuses the tag, changing nothing', async () => {
    const { client, calls } = registry(() => FIRST);
    await expect(
      loadDeployStack(file, parseImageSet(`backend=${BACKEND}`, 'images'), recordingLog(), {
        requireDigests: true,
        resolve: { clientFor: () => client },
      }),
    ).rejects.toThrow(
      /has 1 problem \(nothing was changed\):\n.*services\.db\.image: .* is a tag and the input require-digests is true/,
    );
    expect(calls).toEqual([]);
  });
});

describe('storedStackSpec with host paths and secrets', () => {
  test('a stored model with a bind mount and an environment secret builds again (rollback), not judged against the state dir', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dl-stored-'));
    try {
      await writeFile(join(dir, 'app.ini'), 'x\n');
      const model = {
        name: 'staging',
        services: {
          backend: {
            image: BACKEND,
            volumes: [
              {
                type: 'bind' as const,
                source: join(dir, 'app.ini'),
                target: '/etc/app.ini',
                read_only: true,
              },
            ],
            secrets: [{ source: 'token', target: '/run/secrets/token' }],
          },
        },
        secrets: { token: { name: 'staging_token', environment: 'DL_TEST_STORED_TOKEN' } },
      };
      process.env.DL_TEST_STORED_TOKEN = 'tok-rollback';
      const spec = storedStackSpec(JSON.stringify(model), '/var/lib/dl/staging/stacks/x.json', []);
      expect(spec.services[0]?.volumes).toEqual([
        { bind: join(dir, 'app.ini'), target: '/etc/app.ini', readonly: true },
        { content: 'tok-rollback', target: '/run/secrets/token', readonly: true, secret: true },
      ]);
    } finally {
      delete process.env.DL_TEST_STORED_TOKEN;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
