import { describe, expect, it } from 'vitest';
import { digestOf } from '../../src/registry/digest.js';
import { RegistryError } from '../../src/registry/errors.js';
import { MAX_MANIFEST_BYTES, OCI_MANIFEST } from '../../src/registry/media-types.js';
import { MAX_PAGES } from '../../src/registry/pagination.js';
import { MAX_LIST_PAGE_BYTES, MAX_SMALL_BODY_BYTES, readBodyCapped } from '../../src/registry/responses.js';
import { endlessBody, fakeClient } from './fake-fetch.js';

const manifestDigest = digestOf(Buffer.from('{}'));

async function registryError(promise: Promise<unknown>): Promise<RegistryError> {
  const err = await promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(RegistryError);
  return err as RegistryError;
}

describe('body caps enforced while streaming', () => {
  it('readBodyCapped reads up to the cap and fails past it, naming URL and cap', async () => {
    const ok = await readBodyCapped(new Response(endlessBody(1000, 100)), 'GET', 'http://h/x', 1000, 'thing');
    expect(ok.length).toBe(1000);
    const err = await registryError(
      readBodyCapped(new Response(endlessBody(1001, 100)), 'GET', 'http://h/x', 1000, 'thing'),
    );
    expect(err.message).toBe('GET http://h/x: thing of more than 1000 bytes exceeds the 1000-byte limit');
    const declared = new Response('x', { headers: { 'content-length': '5000' } });
    await expect(readBodyCapped(declared, 'GET', 'http://h/x', 1000, 'thing')).rejects.toThrow(
      /thing of 5000 bytes exceeds the 1000-byte limit/,
    );
  });

  it('refuses a chunked 6 MiB manifest without Content-Length, without reading it all', async () => {
    let pulled = 0;
    const body = endlessBody(6 * 1024 * 1024);
    const counting = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    const { client } = fakeClient(
      () => new Response(counting, { headers: { 'content-type': OCI_MANIFEST } }),
    );
    const err = await registryError(client.getManifest('app', 'v1'));
    expect(err.message).toMatch(
      new RegExp(
        `^GET http://127\\.0\\.0\\.1:5000/v2/app/manifests/v1: manifest of more than ${MAX_MANIFEST_BYTES} bytes exceeds the ${MAX_MANIFEST_BYTES}-byte limit`,
      ),
    );
    expect(pulled).toBeLessThan(MAX_MANIFEST_BYTES + 256 * 1024);
  });

  it('caps token responses', async () => {
    const { client } = fakeClient(
      (call) =>
        call.url.startsWith('http://127.0.0.1:5001/token')
          ? new Response(endlessBody(MAX_SMALL_BODY_BYTES + 1))
          : new Response(null, {
              status: 401,
              headers: { 'www-authenticate': 'Bearer realm="http://127.0.0.1:5001/token"' },
            }),
      { credentials: { username: 'u', password: 'p' } },
    );
    const err = await registryError(client.getManifest('app', 'v1'));
    expect(err.message).toMatch(/token response of more than 65536 bytes exceeds the 65536-byte limit/);
  });

  it('an endless error body still gives the status error, without its detail', async () => {
    const { client } = fakeClient(() => new Response(endlessBody(64 * 1024 * 1024), { status: 500 }), {
      retry: { attempts: 1 },
    });
    const err = await registryError(client.getManifest('app', 'v1'));
    expect(err.status).toBe(500);
    expect(err.detail).toBeUndefined();
  });

  it('caps tag list and referrers pages', async () => {
    const big = (): Response =>
      new Response(endlessBody(MAX_LIST_PAGE_BYTES + 1), { headers: { 'content-type': 'application/json' } });
    await expect(fakeClient(big).client.listTags('app')).rejects.toThrow(/tag list page of more than/);
    await expect(fakeClient(big).client.referrers('app', manifestDigest)).rejects.toThrow(
      /referrers index page of more than/,
    );
  });
});

describe('pagination guards', () => {
  it('a tag list page linking to itself fails with a RegistryError after one fetch', async () => {
    const { client, calls } = fakeClient(() =>
      Response.json({ tags: ['a'] }, { headers: { link: '</v2/app/tags/list?n=1000>; rel="next"' } }),
    );
    const err = await registryError(client.listTags('app'));
    expect(err.message).toMatch(/tag list of app: pagination loops/);
    expect(calls).toHaveLength(1);
  });

  it('a two-page referrers cycle fails', async () => {
    const { client, calls } = fakeClient((call) =>
      Response.json(
        { schemaVersion: 2, manifests: [] },
        {
          headers: {
            link: call.url.includes('page=2')
              ? `</v2/app/referrers/${manifestDigest}>; rel="next"`
              : `</v2/app/referrers/${manifestDigest}?page=2>; rel="next"`,
          },
        },
      ),
    );
    await expect(client.referrers('app', manifestDigest)).rejects.toThrow(
      /referrers of app@.*pagination loops/,
    );
    expect(calls).toHaveLength(2);
  });

  it(`an endless chain of new pages stops at ${MAX_PAGES} pages`, async () => {
    const { client, calls } = fakeClient((call) => {
      const n = Number(new URL(call.url).searchParams.get('last') ?? '0');
      return Response.json(
        { tags: [`t${n}`] },
        { headers: { link: `</v2/app/tags/list?last=${n + 1}>; rel="next"` } },
      );
    });
    await expect(client.listTags('app')).rejects.toThrow(/pagination exceeds 1000 pages/);
    expect(calls).toHaveLength(MAX_PAGES);
  });
});
