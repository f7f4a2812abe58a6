/**
 * The default transport (node:http keep-alive, registry/http.ts) against a real loopback HTTP server:
 * connections per origin, truncated bodies, failing upload streams.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import { MAX_SOCKETS_PER_ORIGIN } from '../../src/registry/http.js';

const MANIFEST = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: `sha256:${'0'.repeat(64)}`,
      size: 2,
    },
    layers: [],
  }),
);
const MANIFEST_DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;

interface TestServer {
  registry: string;
  connections: () => number;
  /** Bodies of requests that reached the end, by method and path. */
  completed: string[];
  close: () => Promise<void>;
}

const servers: TestServer[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A loopback server answering with `handler`, counting the TCP connections it accepted. */
async function serve(
  handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void,
): Promise<TestServer> {
  let connections = 0;
  const completed: string[] = [];
  const server: Server = createServer({ keepAliveTimeout: 10_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      completed.push(`${req.method} ${req.url}`);
      handler(req, res, Buffer.concat(chunks));
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const s: TestServer = {
    registry: `127.0.0.1:${port}`,
    connections: () => connections,
    completed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(s);
  return s;
}

/** Serves the manifest at any `/manifests/` path, 404 for everything else (with a JSON error body). */
function manifestServer(delayMs = 0): Promise<TestServer> {
  return serve((req, res) => {
    const answer = (): void => {
      if (req.url?.includes('/manifests/')) {
        res.writeHead(200, {
          'content-type': 'application/vnd.oci.image.manifest.v1+json',
          'docker-content-digest': MANIFEST_DIGEST,
          'content-length': String(MANIFEST.length),
        });
        res.end(req.method === 'HEAD' ? undefined : MANIFEST);
        return;
      }
      const body = JSON.stringify({ errors: [{ code: 'BLOB_UNKNOWN', message: 'blob unknown' }] });
      res.writeHead(404, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.end(body);
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
}

function client(registry: string): RegistryClient {
  return new RegistryClient({ registry, credentials: null, retry: { attempts: 1 } });
}

describe('the default transport', () => {
  it('does not use the global fetch (loading it costs a promotion more than its round trips)', async () => {
    const server = await manifestServer();
    const globalFetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('global fetch used'));
    const m = await client(server.registry).getManifest('app', 'v1');
    expect(m.digest).toBe(MANIFEST_DIGEST);
    expect(globalFetch).not.toHaveBeenCalled();
  });

  it('sends one after the other over one connection, refusals and HEADs included', async () => {
    const server = await manifestServer();
    const c = client(server.registry);
    for (let i = 0; i < 5; i++) {
      await c.getManifest('app', 'v1');
      expect(await c.headManifest('app', MANIFEST_DIGEST)).not.toBeNull();
      expect(await c.headBlob('app', `sha256:${'1'.repeat(64)}`)).toBe(false);
      await expect(
        c.getManifest('app', 'missing').then(() => c.getBlob('app', `sha256:${'2'.repeat(64)}`)),
      ).rejects.toThrow(/404/);
    }
    expect(server.completed.length).toBe(25);
    expect(server.connections()).toBe(1);
  });

  it('shares the connections of an origin between clients, and opens at most the limit at once', async () => {
    const server = await manifestServer(20);
    const clients = [client(server.registry), client(server.registry)];
    await Promise.all(
      Array.from({ length: 3 * MAX_SOCKETS_PER_ORIGIN }, (_, i) =>
        clients[i % 2]!.getManifest('app', `t${i}`),
      ),
    );
    expect(server.connections()).toBeLessThanOrEqual(MAX_SOCKETS_PER_ORIGIN);
    const before = server.connections();
    await Promise.all(Array.from({ length: 4 }, (_, i) => clients[i % 2]!.getManifest('app', `again${i}`)));
    expect(server.connections()).toBe(before);
  });

  it('fails a blob whose connection closes before its Content-Length', async () => {
    const digest = `sha256:${'3'.repeat(64)}`;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '1000', 'docker-content-digest': digest });
      res.write(Buffer.alloc(100));
      setTimeout(() => res.destroy(), 10);
    });
    const download = await client(server.registry).getBlob('app', digest);
    await expect(new Response(download.stream).arrayBuffer()).rejects.toThrow();
  });

  it('never completes an upload whose source stream fails midway', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'POST') {
        res.writeHead(202, { location: '/v2/app/blobs/uploads/u1', 'content-length': '0' });
        res.end();
        return;
      }
      res.writeHead(201, { 'content-length': '0', 'docker-content-digest': `sha256:${'4'.repeat(64)}` });
      res.end();
    });
    let sent = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 3) return controller.error(new Error('source digest mismatch'));
        sent++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    await expect(
      client(server.registry).uploadBlob('app', `sha256:${'4'.repeat(64)}`, failing, 10 * 1024),
    ).rejects.toThrow();
    expect(server.completed.filter((r) => r.startsWith('PUT'))).toEqual([]);
  });
});
