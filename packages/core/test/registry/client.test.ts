import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import { DigestMismatchError, RegistryError } from '../../src/registry/errors.js';
import { digestOf } from '../../src/registry/digest.js';
import { MANIFEST_ACCEPT, OCI_MANIFEST } from '../../src/registry/media-types.js';

interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

type Handler = (call: Call, index: number) => Response | Promise<Response>;

/** A scripted fetch: records each call (reading request bodies) and answers with `handler`. */
function fakeFetch(handler: Handler): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const call: Call = { method: init?.method ?? 'GET', url: String(input), headers };
    if (init?.body !== undefined && init.body !== null) {
      call.body = await new Response(init.body as ConstructorParameters<typeof Response>[0]).text();
    }
    calls.push(call);
    return handler(call, calls.length - 1);
  };
  return { fetch: impl as typeof fetch, calls };
}

const noSleep = { baseDelayMs: 1, sleep: async () => undefined };
const manifestBytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, layers: [] }));
const manifestDigest = digestOf(manifestBytes);

function manifestResponse(bytes: Buffer = manifestBytes, digest: string | null = manifestDigest): Response {
  const headers: Record<string, string> = { 'content-type': OCI_MANIFEST };
  if (digest !== null) headers['docker-content-digest'] = digest;
  return new Response(bytes, { status: 200, headers });
}

function client(handler: Handler, extra: Partial<ConstructorParameters<typeof RegistryClient>[0]> = {}) {
  const fake = fakeFetch(handler);
  const c = new RegistryClient({
    registry: '127.0.0.1:5000',
    credentials: null,
    fetch: fake.fetch,
    retry: noSleep,
    ...extra,
  });
  return { client: c, calls: fake.calls };
}

describe('authentication', () => {
  const challenge = 'Bearer realm="http://127.0.0.1:5001/token",service="reg",scope="repository:app:pull"';

  it('answers a bearer challenge with a token fetched using basic credentials, then caches it per scope', async () => {
    const { client: c, calls } = client(
      (call) => {
        if (call.url.startsWith('http://127.0.0.1:5001/token')) {
          return Response.json({ token: `tok-${new URL(call.url).searchParams.getAll('scope').join('+')}` });
        }
        if (call.headers['authorization']?.startsWith('Bearer tok-')) return manifestResponse();
        return new Response('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}', {
          status: 401,
          headers: { 'www-authenticate': challenge },
        });
      },
      { credentials: { username: 'bot', password: 'pw' } },
    );
    await c.getManifest('app', 'v1');
    await c.getManifest('app', 'v2');
    expect(calls.map((x) => `${x.method} ${x.url.replace(/\?.*/, '')}`)).toEqual([
      'GET http://127.0.0.1:5000/v2/app/manifests/v1',
      'GET http://127.0.0.1:5001/token',
      'GET http://127.0.0.1:5000/v2/app/manifests/v1',
      'GET http://127.0.0.1:5000/v2/app/manifests/v2',
    ]);
    const token = new URL(calls[1]!.url);
    expect(token.searchParams.get('service')).toBe('reg');
    expect(token.searchParams.getAll('scope')).toEqual(['repository:app:pull']);
    expect(calls[1]!.headers['authorization']).toBe(`Basic ${Buffer.from('bot:pw').toString('base64')}`);
    expect(calls[2]!.headers['authorization']).toBe('Bearer tok-repository:app:pull');
    expect(calls[2]!.headers['accept']).toBe(MANIFEST_ACCEPT);
  });

  it('fetches a token up front for a new scope once the registry is known to use bearer auth', async () => {
    const { client: c, calls } = client((call) => {
      if (call.url.includes(':5001/token')) {
        return Response.json({ token: new URL(call.url).searchParams.getAll('scope').join('+') });
      }
      if (call.headers['authorization'] !== undefined) return new Response(null, { status: 201 });
      // Without a scope in the challenge, the client asks for exactly the scopes the operation needs.
      const bare = 'Bearer realm="http://127.0.0.1:5001/token",service="reg"';
      return new Response(null, { status: 401, headers: { 'www-authenticate': bare } });
    });
    expect(await c.mountBlob('to', 'from', manifestDigest)).toBe(true);
    expect(await c.mountBlob('other', 'from', manifestDigest)).toBe(true);
    expect(calls.map((x) => x.url.replace(/\?.*/, '').replace('http://127.0.0.1:', ''))).toEqual([
      '5000/v2/to/blobs/uploads/',
      '5001/token',
      '5000/v2/to/blobs/uploads/',
      '5001/token',
      '5000/v2/other/blobs/uploads/',
    ]);
    expect(calls[2]!.headers['authorization']).toBe('Bearer repository:to:pull,push+repository:from:pull');
    expect(calls[4]!.headers['authorization']).toBe('Bearer repository:other:pull,push+repository:from:pull');
  });

  it('uses basic auth when challenged for it, and says where credentials were looked for when there are none', async () => {
    const { client: withCreds, calls } = client(
      (call) =>
        call.headers['authorization'] === `Basic ${Buffer.from('u:p').toString('base64')}`
          ? new Response('{"tags":["a"]}', { status: 200 })
          : new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="r"' } }),
      { credentials: { username: 'u', password: 'p' } },
    );
    expect(await withCreds.listTags('app')).toEqual(['a']);
    expect(calls).toHaveLength(2);

    const { client: anonymous } = client(
      () => new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="r"' } }),
      { credentials: null },
    );
    await expect(anonymous.listTags('app')).rejects.toThrow(
      /requires basic authentication, but there are no username\/password credentials \(anonymous by request\)/,
    );
  });

  it('sends a given token as-is without a token exchange', async () => {
    const { client: c, calls } = client(
      (call) =>
        call.headers['authorization'] === 'Bearer ci-token'
          ? manifestResponse()
          : new Response(null, { status: 401, headers: { 'www-authenticate': challenge } }),
      { credentials: { token: 'ci-token' } },
    );
    await c.getManifest('app', 'v1');
    expect(calls.map((x) => x.url)).toEqual([
      'http://127.0.0.1:5000/v2/app/manifests/v1',
      'http://127.0.0.1:5000/v2/app/manifests/v1',
    ]);
  });

  it('refuses to send credentials to a plain-http token realm off loopback', async () => {
    const { client: c } = client(
      () =>
        new Response(null, {
          status: 401,
          headers: { 'www-authenticate': 'Bearer realm="http://auth.example/token"' },
        }),
      { credentials: { username: 'u', password: 'p' } },
    );
    await expect(c.getManifest('app', 'v1')).rejects.toThrow(/refusing to send credentials.*plain http/);
  });
});

describe('manifests', () => {
  it('verifies the bytes against the requested digest and names repo, ref and both digests', async () => {
    const tampered = Buffer.from(manifestBytes);
    tampered[10] ^= 1;
    const { client: c } = client(() => manifestResponse(tampered));
    const err = await c.getManifest('team/app', manifestDigest).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DigestMismatchError);
    expect((err as Error).message).toBe(
      `GET manifest 127.0.0.1:5000/team/app@${manifestDigest} failed verification: ` +
        `expected digest ${manifestDigest}, but the received bytes hash to ${digestOf(tampered)}`,
    );
  });

  it('verifies a tag fetch against Docker-Content-Digest, or computes the digest when it is absent', async () => {
    const other = digestOf(Buffer.from('x'));
    await expect(
      client(() => manifestResponse(manifestBytes, other)).client.getManifest('app', 'v1'),
    ).rejects.toThrow(`expected digest ${other}`);
    const m = await client(() => manifestResponse(manifestBytes, null)).client.getManifest('app', 'v1');
    expect(m).toMatchObject({ digest: manifestDigest, mediaType: OCI_MANIFEST, size: manifestBytes.length });
    expect(m.json.schemaVersion).toBe(2);
  });

  it('builds errors from method, URL, status and the registry error JSON', async () => {
    const { client: c } = client(
      () =>
        new Response('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{}}]}', {
          status: 404,
          statusText: 'Not Found',
        }),
    );
    const err = (await c.getManifest('app', 'v9').catch((e: unknown) => e)) as RegistryError;
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.message).toBe(
      'GET http://127.0.0.1:5000/v2/app/manifests/v9 failed: 404 Not Found: MANIFEST_UNKNOWN: manifest unknown',
    );
    expect([err.status, err.code]).toEqual([404, 'MANIFEST_UNKNOWN']);
  });

  it('rejects invalid repository names and references before any request', async () => {
    const { client: c, calls } = client(() => manifestResponse());
    await expect(c.getManifest('Team/App', 'v1')).rejects.toThrow(/repository "Team\/App" is not a valid/);
    await expect(c.getManifest('app', '../x')).rejects.toThrow(/reference "..\/x" is neither a tag/);
    await expect(c.deleteManifest('app', 'v1')).rejects.toThrow(/is not a sha256/);
    expect(calls).toHaveLength(0);
  });

  it('putManifest checks the digest the registry reports', async () => {
    const { client: ok, calls } = client(
      () => new Response(null, { status: 201, headers: { 'docker-content-digest': manifestDigest } }),
    );
    expect(await ok.putManifest('app', 'v1', manifestBytes, OCI_MANIFEST)).toBe(manifestDigest);
    expect(calls[0]).toMatchObject({ method: 'PUT', headers: { 'content-type': OCI_MANIFEST } });
    expect(calls[0]!.body).toBe(manifestBytes.toString());

    const liar = digestOf(Buffer.from('y'));
    const { client: bad } = client(
      () => new Response(null, { status: 201, headers: { 'docker-content-digest': liar } }),
    );
    await expect(bad.putManifest('app', 'v1', manifestBytes, OCI_MANIFEST)).rejects.toThrow(
      `the registry stored the manifest as ${liar}, but the bytes sent hash to ${manifestDigest}`,
    );
  });

  it('retries 503 then succeeds; gives up with the status after the bounded attempts', async () => {
    const { client: c, calls } = client((_call, i) =>
      i < 2 ? new Response('busy', { status: 503 }) : manifestResponse(),
    );
    await c.getManifest('app', manifestDigest);
    expect(calls).toHaveLength(3);

    const { client: down, calls: downCalls } = client(() => new Response('busy', { status: 503 }), {
      retry: { ...noSleep, attempts: 3 },
    });
    await expect(down.headManifest('app', 'v1')).rejects.toThrow(/HEAD .*manifests\/v1 failed: 503/);
    expect(downCalls).toHaveLength(3);
  });
});

describe('blobs', () => {
  const blob = Buffer.from('layer bytes');
  const blobDigest = digestOf(blob);

  it('mountBlob: 201 → true; 202 → cancels the upload session and returns false', async () => {
    const { client: c, calls } = client((call) => {
      if (call.method === 'POST' && call.url.includes('/v2/a/')) return new Response(null, { status: 201 });
      if (call.method === 'POST') {
        return new Response(null, {
          status: 202,
          headers: { location: '/v2/b/blobs/uploads/uuid-1?_state=s' },
        });
      }
      return new Response(null, { status: 204 });
    });
    expect(await c.mountBlob('a', 'src', blobDigest)).toBe(true);
    expect(calls[0]!.url).toBe(
      `http://127.0.0.1:5000/v2/a/blobs/uploads/?mount=${encodeURIComponent(blobDigest)}&from=src`,
    );
    expect(await c.mountBlob('b', 'src', blobDigest)).toBe(false);
    expect(calls.slice(1).map((x) => `${x.method} ${x.url}`)).toEqual([
      expect.stringMatching(/^POST .*\/v2\/b\/blobs\/uploads\/\?mount=/),
      'DELETE http://127.0.0.1:5000/v2/b/blobs/uploads/uuid-1?_state=s',
    ]);
  });

  function uploadServer(putStatuses: number[]) {
    let session = 0;
    let put = 0;
    return (call: Call): Response => {
      if (call.method === 'POST') {
        session++;
        return new Response(null, {
          status: 202,
          headers: { location: `/v2/app/blobs/uploads/s${session}?_state=x` },
        });
      }
      if (call.method === 'PUT') {
        const status = putStatuses[put++] ?? 201;
        return new Response(null, {
          status,
          headers: status === 201 ? { 'docker-content-digest': blobDigest } : {},
        });
      }
      return new Response(null, { status: 204 });
    };
  }

  it('uploadBlob: POST then monolithic PUT with digest and length; bytes are retried in a new session', async () => {
    const { client: c, calls } = client(uploadServer([500]));
    expect(await c.uploadBlob('app', blobDigest, blob, blob.length)).toBe(blobDigest);
    expect(calls.map((x) => `${x.method} ${x.url.replace('http://127.0.0.1:5000', '')}`)).toEqual([
      'POST /v2/app/blobs/uploads/',
      `PUT /v2/app/blobs/uploads/s1?_state=x&digest=${encodeURIComponent(blobDigest)}`,
      'DELETE /v2/app/blobs/uploads/s1?_state=x',
      'POST /v2/app/blobs/uploads/',
      `PUT /v2/app/blobs/uploads/s2?_state=x&digest=${encodeURIComponent(blobDigest)}`,
    ]);
    expect(calls[4]).toMatchObject({
      body: 'layer bytes',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.length) },
    });
  });

  it('uploadBlob: a one-shot stream is not retried once sent', async () => {
    const { client: c, calls } = client(uploadServer([503]));
    await expect(c.uploadBlob('app', blobDigest, Readable.from([blob]), blob.length)).rejects.toThrow(
      /PUT .*uploads\/s1.* failed: 503/,
    );
    expect(calls.filter((x) => x.method === 'PUT')).toHaveLength(1);
  });

  it('uploadBlob: a stream factory is restarted for each attempt', async () => {
    const { client: c, calls } = client(uploadServer([502, 503]));
    let opened = 0;
    const factory = (): Readable => {
      opened++;
      return Readable.from([blob]);
    };
    expect(await c.uploadBlob('app', blobDigest, factory, blob.length)).toBe(blobDigest);
    expect(opened).toBe(3);
    expect(calls.filter((x) => x.method === 'PUT').map((x) => x.body)).toEqual(Array(3).fill('layer bytes'));
  });

  it('uploadBlob: refuses bytes that do not match the digest or size', async () => {
    const { client: c, calls } = client(uploadServer([]));
    await expect(c.uploadBlob('app', blobDigest, Buffer.from('other'), 5)).rejects.toThrow(/hash to sha256:/);
    await expect(c.uploadBlob('app', blobDigest, blob, 3)).rejects.toThrow(/size 3 but 11 bytes given/);
    expect(calls).toHaveLength(0);
  });

  it('getBlob streams and errors at the end when the bytes do not match the digest', async () => {
    const good = await client(() => new Response(blob, { status: 200 })).client.getBlob('app', blobDigest);
    expect(await new Response(good.stream).text()).toBe('layer bytes');

    const bad = await client(() => new Response('evil bytes!', { status: 200 })).client.getBlob(
      'app',
      blobDigest,
    );
    await expect(new Response(bad.stream).text()).rejects.toThrow(
      `GET blob 127.0.0.1:5000/app@${blobDigest}: content digest mismatch`,
    );
  });

  it('headBlob / statBlob map 404 to absent', async () => {
    const { client: c } = client((call) =>
      call.url.endsWith(blobDigest)
        ? new Response(null, { status: 200, headers: { 'content-length': '11' } })
        : new Response(null, { status: 404 }),
    );
    expect(await c.statBlob('app', blobDigest)).toEqual({ size: 11 });
    expect(await c.headBlob('app', manifestDigest)).toBe(false);
  });
});

describe('listing', () => {
  it('listTags follows Link pagination and maps an unknown repository to []', async () => {
    const { client: c, calls } = client((call) =>
      call.url.includes('last=b')
        ? Response.json({ name: 'app', tags: ['c'] })
        : Response.json(
            { name: 'app', tags: ['a', 'b'] },
            { headers: { link: '</v2/app/tags/list?n=2&last=b>; rel="next"' } },
          ),
    );
    expect(await c.listTags('app')).toEqual(['a', 'b', 'c']);
    expect(calls[1]!.url).toBe('http://127.0.0.1:5000/v2/app/tags/list?n=2&last=b');

    const { client: none } = client(
      () => new Response('{"errors":[{"code":"NAME_UNKNOWN"}]}', { status: 404 }),
    );
    expect(await none.listTags('app')).toEqual([]);
  });

  it('referrers: null without the API, descriptors (filtered client-side if needed) with it', async () => {
    expect(
      await client(() => new Response(null, { status: 404 })).client.referrers('app', manifestDigest),
    ).toBeNull();
    const index = {
      schemaVersion: 2,
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: manifestDigest,
          size: 1,
          artifactType: 'application/vnd.dev.sbom',
        },
        { mediaType: OCI_MANIFEST, digest: manifestDigest, size: 2, artifactType: 'application/vnd.dev.sig' },
      ],
    };
    const { client: c, calls } = client(() => Response.json(index));
    expect((await c.referrers('app', manifestDigest, 'application/vnd.dev.sig'))?.map((d) => d.size)).toEqual(
      [2],
    );
    expect(calls[0]!.url).toContain('?artifactType=application%2Fvnd.dev.sig');
  });
});
