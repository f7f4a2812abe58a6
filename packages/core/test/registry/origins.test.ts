import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import { digestOf } from '../../src/registry/digest.js';
import { RegistryError } from '../../src/registry/errors.js';
import { OCI_MANIFEST } from '../../src/registry/media-types.js';
import { fakeClient, type Call } from './fake-fetch.js';

const basic = { username: 'bot', password: 'pw' };
const basicHeader = `Basic ${Buffer.from('bot:pw').toString('base64')}`;
const manifestBytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, layers: [] }));
const manifestDigest = digestOf(manifestBytes);
const blob = Buffer.from('layer bytes');
const blobDigest = digestOf(blob);

function manifestResponse(): Response {
  return new Response(manifestBytes, {
    headers: { 'content-type': OCI_MANIFEST, 'docker-content-digest': manifestDigest },
  });
}

/** The registry at 127.0.0.1:5000 wants basic auth; `rest` answers authenticated calls. */
function basicRegistry(rest: (call: Call) => Response): (call: Call) => Response {
  return (call) => {
    if (call.url.startsWith('http://127.0.0.1:5000/') && call.headers['authorization'] !== basicHeader) {
      return new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="reg"' } });
    }
    return rest(call);
  };
}

describe('credentials stay on the registry origin', () => {
  it('follows an upload Location on another origin without Authorization', async () => {
    const { client, calls } = fakeClient(
      basicRegistry((call) => {
        if (call.method === 'POST') {
          return new Response(null, {
            status: 202,
            headers: { location: 'http://127.0.0.2:9000/upload/s1?sig=x' },
          });
        }
        return new Response(null, { status: 201, headers: { 'docker-content-digest': blobDigest } });
      }),
      { credentials: basic },
    );
    expect(await client.uploadBlob('app', blobDigest, blob, blob.length)).toBe(blobDigest);
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toMatch(/^http:\/\/127\.0\.0\.2:9000\/upload\/s1\?sig=x&digest=/);
    expect(put.headers['authorization']).toBeUndefined();
    expect(calls.filter((c) => c.method === 'POST').at(-1)!.headers['authorization']).toBe(basicHeader);
  });

  it('follows redirects by hand: Authorization on the same origin, none on another', async () => {
    const { client, calls } = fakeClient(
      basicRegistry((call) => {
        if (call.url.endsWith('/manifests/v1')) {
          return new Response(null, { status: 307, headers: { location: '/v2/app/manifests/v1-moved' } });
        }
        if (call.url.endsWith('/manifests/v1-moved')) {
          return new Response(null, {
            status: 302,
            headers: { location: 'http://127.0.0.2:9000/storage/m?sig=1' },
          });
        }
        return manifestResponse();
      }),
      { credentials: basic },
    );
    expect((await client.getManifest('app', 'v1')).digest).toBe(manifestDigest);
    expect(calls.every((c) => c.redirect === 'manual')).toBe(true);
    expect(calls.slice(-3).map((c) => [c.url, c.headers['authorization']])).toEqual([
      ['http://127.0.0.1:5000/v2/app/manifests/v1', basicHeader],
      ['http://127.0.0.1:5000/v2/app/manifests/v1-moved', basicHeader],
      ['http://127.0.0.2:9000/storage/m?sig=1', undefined],
    ]);
  });

  it('does not answer an auth challenge from another origin', async () => {
    const { client, calls } = fakeClient(
      basicRegistry((call) => {
        if (call.url.startsWith('http://127.0.0.1:5000/')) {
          return new Response(null, { status: 307, headers: { location: 'http://127.0.0.2:9000/m' } });
        }
        if (call.url.startsWith('http://127.0.0.2:9000/token')) return Response.json({ token: 'stolen' });
        return new Response(null, {
          status: 401,
          headers: { 'www-authenticate': 'Bearer realm="http://127.0.0.2:9000/token"' },
        });
      }),
      { credentials: basic },
    );
    const err = await client.getManifest('app', 'v1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).status).toBe(401);
    expect(calls.some((c) => c.url.includes('/token'))).toBe(false);
    expect(
      calls.filter((c) => c.url.startsWith('http://127.0.0.2')).every((c) => !c.headers['authorization']),
    ).toBe(true);
  });

  it('turns a 303 or a redirected POST into a GET without body, and refuses to resend a one-shot stream', async () => {
    const { client, calls } = fakeClient((call) => {
      if (call.method === 'POST') {
        return new Response(null, { status: 303, headers: { location: 'http://127.0.0.2:9000/elsewhere' } });
      }
      if (call.method === 'PUT' && call.url.startsWith('http://127.0.0.1:5000')) {
        return new Response(null, { status: 307, headers: { location: 'http://127.0.0.2:9000/put' } });
      }
      return new Response(null, { status: 202, headers: { location: '/v2/app/blobs/uploads/s1' } });
    });
    const stream = new Blob([blob]).stream();
    const err = await client.uploadBlob('app', blobDigest, stream, blob.length).catch((e: unknown) => e);
    expect(calls[1]).toMatchObject({ method: 'GET', url: 'http://127.0.0.2:9000/elsewhere' });
    expect(calls[1]!.body).toBeUndefined();
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toMatch(
      /redirected \(307\) to http:\/\/127\.0\.0\.2:9000\/put.*one-shot stream/,
    );
  });

  it('gives up on a redirect loop', async () => {
    const { client, calls } = fakeClient(
      () => new Response(null, { status: 302, headers: { location: '/v2/app/manifests/v1' } }),
    );
    await expect(client.getManifest('app', 'v1')).rejects.toThrow(/more than 5 redirects/);
    expect(calls).toHaveLength(6);
  });

  it('refuses a tag list page on another origin, naming both origins', async () => {
    const { client, calls } = fakeClient(
      basicRegistry(() =>
        Response.json(
          { tags: ['a'] },
          { headers: { link: '<http://127.0.0.2:5000/v2/app/tags/list?last=a>; rel="next"' } },
        ),
      ),
      { credentials: basic },
    );
    const err = await client.listTags('app').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toMatch(
      /another origin: http:\/\/127\.0\.0\.2:5000, not the registry's http:\/\/127\.0\.0\.1:5000/,
    );
    expect(calls.some((c) => c.url.startsWith('http://127.0.0.2'))).toBe(false);
  });

  it('refuses a referrers page on another origin', async () => {
    const { client } = fakeClient(() =>
      Response.json(
        { schemaVersion: 2, manifests: [] },
        { headers: { link: '<https://127.0.0.1:5000/v2/app/referrers/x?page=2>; rel="next"' } },
      ),
    );
    await expect(client.referrers('app', manifestDigest)).rejects.toThrow(
      /another origin: https:\/\/127\.0\.0\.1:5000, not the registry's http:\/\/127\.0\.0\.1:5000/,
    );
  });
});

describe('token realms', () => {
  const challenge = (realm: string): Response =>
    new Response(null, { status: 401, headers: { 'www-authenticate': `Bearer realm="${realm}"` } });

  it('allows plain http to an insecure registry’s own host, never to a third host', async () => {
    const own = fakeClient(
      (call) =>
        call.url.startsWith('http://reg.example/token')
          ? Response.json({ token: 't' })
          : call.headers['authorization'] === 'Bearer t'
            ? manifestResponse()
            : challenge('http://reg.example/token'),
      { registry: 'reg.example', insecure: true, credentials: basic },
    );
    expect((await own.client.getManifest('app', 'v1')).digest).toBe(manifestDigest);
    expect(own.calls[1]!.headers['authorization']).toBe(basicHeader);

    const third = fakeClient(() => challenge('http://auth.example/token'), {
      registry: 'reg.example',
      insecure: true,
      credentials: basic,
    });
    const err = await third.client.getManifest('app', 'v1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toMatch(
      /refusing to send credentials to token realm http:\/\/auth\.example/,
    );
    expect(third.calls).toHaveLength(1);
  });

  it('does not follow a redirect from the token realm', async () => {
    const { client, calls } = fakeClient(
      (call) =>
        call.url.startsWith('http://127.0.0.1:5001/token')
          ? new Response(null, { status: 302, headers: { location: 'http://127.0.0.2:9000/steal' } })
          : challenge('http://127.0.0.1:5001/token'),
      { credentials: basic },
    );
    await expect(client.getManifest('app', 'v1')).rejects.toThrow(
      /token realm redirected \(302\) to http:\/\/127\.0\.0\.2:9000\/steal/,
    );
    expect(calls[1]!.redirect).toBe('manual');
    expect(calls.some((c) => c.url.startsWith('http://127.0.0.2'))).toBe(false);
  });
});

describe('over real HTTP (undici)', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  async function listen(host: string, handler: Parameters<typeof createServer>[1]): Promise<number> {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    return (server.address() as AddressInfo).port;
  }

  it('a blob redirected to 127.0.0.2 arrives there without the registry credentials', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const storage = await listen('127.0.0.2', (req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-length': String(blob.length) }).end(blob);
    });
    const registry = await listen('127.0.0.1', (req, res) => {
      if (req.headers.authorization !== basicHeader) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="reg"' }).end();
        return;
      }
      res.writeHead(307, { location: `http://127.0.0.2:${storage}/blob?sig=1` }).end();
    });
    const client = new RegistryClient({ registry: `127.0.0.1:${registry}`, credentials: basic });
    const download = await client.getBlob('app', blobDigest);
    expect(Buffer.from(await new Response(download.stream).arrayBuffer())).toEqual(blob);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.authorization).toBeUndefined();
  });
});
