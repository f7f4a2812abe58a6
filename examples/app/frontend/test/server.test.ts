import { createServer, request } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  contentTypeFor,
  createFrontendServer,
  loadConfigFile,
  parsePort,
  resolveStaticPath,
} from '../server.mjs';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('frontend server', () => {
  let dist: string;
  let backend: Server;
  let backendUrl: string;
  let frontend: Server;
  let base: string;
  let seen: Seen[] = [];
  let backendHealthy = true;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'playlist-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(join(dist, 'assets', 'index-abc123.css'), 'body{}');
    await writeFile(join(dist, 'favicon.svg'), '<svg/>');

    backend = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (req.url === '/healthz') {
          res.writeHead(backendHealthy ? 200 : 503).end();
          return;
        }
        res.writeHead(req.method === 'POST' ? 201 : 200, {
          'content-type': 'application/json',
          'x-backend': 'fake',
        });
        res.end(JSON.stringify({ echoed: body, url: req.url }));
      });
    });
    backendUrl = await listen(backend);
    frontend = createFrontendServer({
      distDir: dist,
      backendUrl,
      version: '7.7.7',
      config: { title: 'From the file' },
    });
    base = await listen(frontend);
  });
  afterAll(async () => {
    await close(frontend);
    await close(backend);
    await rm(dist, { recursive: true, force: true });
  });
  beforeEach(() => {
    seen = [];
    backendHealthy = true;
  });

  it('serves index.html at / with an HTML content type and no-cache', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>app</title>');
  });

  it('serves hashed assets with their content type, cached forever', async () => {
    const js = await fetch(`${base}/assets/index-abc123.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log(1)');
    const css = await fetch(`${base}/assets/index-abc123.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${base}/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('falls back to index.html for client-side routes but 404s missing assets', async () => {
    const route = await fetch(`${base}/playlists/123`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>app</title>');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('never serves files outside dist', async () => {
    // Raw request paths: fetch() would normalize dot segments before they reach the server.
    // Dot segments are resolved by the URL parser (so /etc/passwd gets the app shell, an SPA route);
    // encoded separators survive it and must be refused by the path check.
    const cases: Array<[string, number]> = [
      ['/../../../../etc/passwd', 200],
      ['/%2e%2e/%2e%2e/%2e%2e/etc/passwd', 200],
      ['/..%2f..%2f..%2fetc%2fpasswd', 400],
      ['/assets/..%2f..%2f..%2fpackage.json', 400],
      ['/assets/..%5c..%5cindex.html', 400],
      ['/a%00b.js', 400],
    ];
    for (const [path, status] of cases) {
      const res = await rawGet(base, path);
      expect({ path, status: res.status }).toEqual({ path, status });
      if (status === 200) expect(res.body).toBe('<!doctype html><title>app</title>');
      expect(res.body).not.toContain('root:');
    }
  });

  it('proxies GET /api/* with the query string and forwarding headers', async () => {
    const res = await fetch(`${base}/api/playlists?x=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-backend')).toBe('fake');
    expect(await res.json()).toEqual({ echoed: '', url: '/api/playlists?x=1' });
    expect(seen[0]?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen[0]?.headers.host).toBe(new URL(backendUrl).host);
  });

  it('proxies POST bodies and status codes', async () => {
    const res = await fetch(`${base}/api/playlists`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"a"}',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ echoed: '{"name":"a"}', url: '/api/playlists' });
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"name":"a"}' });
    expect(seen[0]?.headers['content-type']).toBe('application/json');
  });

  it('answers /healthz itself and reports the backend state, always 200', async () => {
    const up = await fetch(`${base}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({
      status: 'ok',
      version: '7.7.7',
      backend: { url: backendUrl, reachable: true, status: 200 },
    });
    expect(seen.map((s) => s.url)).toEqual(['/healthz']);

    backendHealthy = false;
    const degraded = await fetch(`${base}/healthz`);
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toMatchObject({ backend: { reachable: false, status: 503 } });
  });

  it('serves the settings file at /config.json', async () => {
    const res = await fetch(`${base}/config.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ title: 'From the file' });
  });

  it('rejects non-GET methods outside /api', async () => {
    const res = await fetch(`${base}/`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('frontend server without a backend', () => {
  let frontend: Server;
  let base: string;
  let dist: string;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'playlist-dist-'));
    await writeFile(join(dist, 'index.html'), 'x');
    // Grab a free port and close it again, so nothing listens there.
    const probe = createServer();
    const deadUrl = await listen(probe);
    await close(probe);
    frontend = createFrontendServer({ distDir: dist, backendUrl: deadUrl, version: '1' });
    base = await listen(frontend);
  });
  afterAll(async () => {
    await close(frontend);
    await rm(dist, { recursive: true, force: true });
  });

  it('answers 502 with a JSON error for /api', async () => {
    const res = await fetch(`${base}/api/playlists`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: string }).error).toMatch(/is unreachable: .*ECONNREFUSED/);
  });

  it('answers 404 at /config.json when there is no settings file', async () => {
    const res = await fetch(`${base}/config.json`);
    expect(res.status).toBe(404);
  });

  it('still answers /healthz 200 and says the backend is unreachable', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', backend: { reachable: false } });
  });
});

describe('server helpers', () => {
  it('maps content types', () => {
    expect(contentTypeFor('a.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.bin')).toBe('application/octet-stream');
  });
  it('resolves only paths inside the root', () => {
    expect(resolveStaticPath('/srv/dist', '/assets/a.js')).toBe('/srv/dist/assets/a.js');
    // A sibling whose name starts with the root's name is still outside it.
    expect(resolveStaticPath('/srv/dist', '/../dist-other/x')).toBeUndefined();
    expect(resolveStaticPath('/srv/dist', '/%2e%2e/secret')).toBeUndefined();
    expect(resolveStaticPath('/srv/dist', '/%E0%A4%A')).toBeUndefined();
    expect(resolveStaticPath('/srv/dist', '/a%5c..%5cb')).toBeUndefined();
  });
  it('parses PORT', () => {
    expect(parsePort(undefined)).toBe(8080);
    expect(parsePort('9000')).toBe(9000);
    expect(() => parsePort('http')).toThrow(/PORT must be a port number/);
  });
  it('refuses a non-http BACKEND_URL', () => {
    expect(() => createFrontendServer({ distDir: '.', backendUrl: 'https://x', version: '1' })).toThrow(
      /BACKEND_URL must be an http:\/\/ URL/,
    );
  });
  it('reads the settings file: absent is none, anything but a JSON object names the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'playlist-config-'));
    try {
      expect(await loadConfigFile(join(dir, 'absent.json'))).toBeUndefined();
      await writeFile(join(dir, 'ok.json'), '{"title": "Staging"}');
      expect(await loadConfigFile(join(dir, 'ok.json'))).toEqual({ title: 'Staging' });
      await writeFile(join(dir, 'bad.json'), '{"title": ');
      await expect(loadConfigFile(join(dir, 'bad.json'))).rejects.toThrow(
        /CONFIG_FILE .*bad\.json is not JSON/,
      );
      await writeFile(join(dir, 'list.json'), '["title"]');
      await expect(loadConfigFile(join(dir, 'list.json'))).rejects.toThrow(/must hold a JSON object/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
