import { describe, expect, it } from 'vitest';
import { parseReference, pinImage } from '../../src/reference.js';
import { fakeClient, type Call } from '../registry/fake-fetch.js';
import { recordingLog } from '../support/log.js';
import {
  checkStackTextResolved,
  pinnedModel,
  resolveTags,
  TagResolutionError,
} from '../../src/stack/resolve.js';

const D16 = `sha256:${'1'.repeat(64)}`;
const D7 = `sha256:${'7'.repeat(64)}`;
const FILE = '/work/app/compose.yaml';

/** A registry answering HEAD manifests from `tags` (`repository:tag` → digest), 404 otherwise. */
function registry(tags: Record<string, string>, onCall?: (call: Call) => Promise<void>) {
  return fakeClient(async (call) => {
    await onCall?.(call);
    const m = /\/v2\/(.+)\/manifests\/([^/]+)$/.exec(new URL(call.url).pathname);
    const digest = m ? tags[`${m[1]}:${m[2]}`] : undefined;
    if (call.method !== 'HEAD' || digest === undefined) {
      return new Response(
        call.method === 'HEAD'
          ? null
          : JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }),
        { status: 404 },
      );
    }
    return new Response(null, {
      status: 200,
      headers: {
        'docker-content-digest': digest,
        'content-type': 'application/vnd.oci.image.index.v1+json',
        'content-length': '300',
      },
    });
  });
}

describe('resolveTags', () => {
  it('asks the registry once per distinct tag, accepting indexes, and logs tag → digest', async () => {
    const { client, calls } = registry({ 'library/postgres:16': D16, 'library/redis:7': D7 });
    const log = recordingLog();
    const resolved = await resolveTags(
      [
        { reference: 'docker.io/library/postgres:16', services: ['db', 'replica'] },
        { reference: 'docker.io/library/redis:7', services: ['cache'] },
      ],
      { clientFor: () => client, log },
    );
    expect(resolved).toEqual(
      new Map([
        ['docker.io/library/postgres:16', D16],
        ['docker.io/library/redis:7', D7],
      ]),
    );
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`).sort()).toEqual([
      'HEAD /v2/library/postgres/manifests/16',
      'HEAD /v2/library/redis/manifests/7',
    ]);
    for (const c of calls) expect(c.headers.accept).toContain('application/vnd.oci.image.index.v1+json');
    expect(
      log.lines
        .filter((l) => l.level === 'info')
        .map((l) => l.line)
        .sort(),
    ).toEqual([`postgres:16 → ${D16}`, `redis:7 → ${D7}`]);
  });

  it('names every service, reference and registry answer of the tags that do not resolve', async () => {
    const { client } = fakeClient((call) =>
      new URL(call.url).pathname.includes('/redis/')
        ? new Response('denied', { status: 403 })
        : new Response(null, { status: 404 }),
    );
    const err = await resolveTags(
      [
        { reference: 'docker.io/library/postgres:16', services: ['db', 'replica'] },
        { reference: 'docker.io/library/redis:7', services: ['cache'] },
      ],
      { clientFor: () => client },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TagResolutionError);
    const message = (err as Error).message;
    expect(message).toMatch(
      /^2 image tags of the stack did not resolve to a digest \(nothing was started\):\n/,
    );
    expect(message).toContain(
      'services db, replica: postgres:16 does not resolve: registry docker.io has no manifest library/postgres:16 (404)',
    );
    expect(message).toMatch(/service cache: redis:7 does not resolve: .*403/);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const tags = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`app/s${i}:1`, D16]));
    const { client } = registry(tags, async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
    });
    const resolved = await resolveTags(
      Object.keys(tags).map((t, i) => ({ reference: `127.0.0.1:5000/${t}`, services: [`s${i}`] })),
      { clientFor: () => client, concurrency: 2 },
    );
    expect(resolved.size).toBe(6);
    expect(most).toBe(2);
  });
});

describe('checkStackTextResolved', () => {
  const TEXT = [
    'services:',
    '  backend:',
    '    image: app/backend:dev',
    '  db:',
    '    image: postgres:16',
    '  cache:',
    `    image: redis:7@${D7}`,
    '',
  ].join('\n');
  const BACKEND = pinImage('backend', parseReference(`127.0.0.1:5000/app/backend@${D7}`));

  it('resolves the tag of a service not under test and runs its digest; the model records it', async () => {
    const { client, calls } = registry({ 'library/postgres:16': D16 });
    const check = await checkStackTextResolved(
      FILE,
      TEXT,
      { images: [BACKEND], mode: 'deploy', env: {} },
      { clientFor: () => client },
    );
    expect(calls).toHaveLength(1);
    expect(check.tags).toEqual([]);
    const db = check.spec?.services.find((s) => s.name === 'db');
    expect(db?.image).toMatchObject({
      registry: 'docker.io',
      repository: 'library/postgres',
      digest: { value: D16 },
    });
    expect(check.model?.services.db?.image).toBe(`docker.io/library/postgres:16@${D16}`);
    // The image under test and a pinned image are left as written.
    expect(check.model?.services.backend?.image).toBe('app/backend:dev');
    expect(check.model?.services.cache?.image).toBe(`redis:7@${D7}`);
  });

  it('asks nothing of a registry for a file with errors, or with require-digests', async () => {
    const { client, calls } = registry({ 'library/postgres:16': D16 });
    const broken = await checkStackTextResolved(
      FILE,
      `${TEXT}  bad:\n    privileged: true\n    image: postgres:16\n`,
      { images: [BACKEND], mode: 'validation', env: {} },
      { clientFor: () => client },
    );
    expect(broken.spec).toBeUndefined();
    expect(broken.problems.some((p) => p.severity === 'error')).toBe(true);
    const strict = await checkStackTextResolved(
      FILE,
      TEXT,
      { images: [BACKEND], mode: 'validation', env: {}, requireDigests: true },
      { clientFor: () => client },
    );
    expect(strict.spec).toBeUndefined();
    expect(strict.problems).toEqual([
      expect.objectContaining({ severity: 'error', path: 'services.db.image', line: 5 }),
    ]);
    expect(calls).toEqual([]);
  });
});

describe('pinnedModel', () => {
  it('writes resolved tags as tag@digest, leaving others and images under test alone', () => {
    const model = {
      services: {
        db: { image: 'postgres:16' },
        web: { image: 'nginx' },
        backend: { image: 'postgres:16' },
        built: { build: { context: '.' } },
      },
    };
    const backend = pinImage('backend', parseReference(`127.0.0.1:5000/app/backend@${D7}`));
    const pinned = pinnedModel(model, new Map([['docker.io/library/postgres:16', D16]]), [backend]);
    expect(pinned.services).toEqual({
      db: { image: `docker.io/library/postgres:16@${D16}` },
      web: { image: 'nginx' },
      backend: { image: 'postgres:16' },
      built: { build: { context: '.' } },
    });
    expect(model.services.db.image).toBe('postgres:16');
  });
});
