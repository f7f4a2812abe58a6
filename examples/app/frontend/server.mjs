// @ts-check
// Runtime server for the built SPA: static files from dist/ with an SPA
// fallback, /api/* proxied to the backend, its own /healthz, and the
// deployment's settings file (CONFIG_FILE, mounted by the compose file) at
// /config.json. Only node: built-ins, so the runtime image needs no node_modules.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** @type {Record<string, string>} */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

// Headers that describe one hop and must not be forwarded by a proxy (RFC 9110 7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * @typedef {object} FrontendOptions
 * @property {string} distDir directory with the built SPA (index.html, assets/)
 * @property {string} backendUrl origin of the API, e.g. http://backend:8080
 * @property {string} version reported by /healthz
 * @property {(line: string) => void} [log]
 * @property {number} [healthTimeoutMs] how long /healthz waits for the backend (default 1000)
 * @property {number} [proxyTimeoutMs] idle timeout of a proxied request (default 30000)
 * @property {Record<string, unknown>} [config] served at /config.json (absent: 404)
 */

/**
 * Content type for a file name; unknown extensions are served as bytes.
 * @param {string} file
 */
export function contentTypeFor(file) {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or undefined when it would escape
 * it (`..`, encoded slashes, NUL bytes) or is not decodable.
 * @param {string} root absolute directory
 * @param {string} pathname URL path, still percent-encoded
 * @returns {string | undefined}
 */
export function resolveStaticPath(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  return file;
}

/**
 * Reads the settings file (a JSON object); a missing file is no settings.
 * @param {string} file
 * @returns {Promise<Record<string, unknown> | undefined>}
 * @throws Error naming the file when it is unreadable, not JSON or not an object
 */
export async function loadConfigFile(file) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === 'ENOENT') return undefined;
    throw new Error(
      `CONFIG_FILE ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`,
      {
        cause: err,
      },
    );
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`CONFIG_FILE ${file} is not JSON: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`CONFIG_FILE ${file} must hold a JSON object, e.g. {"title": "Playlists"}`);
  }
  return parsed;
}

/**
 * Builds the frontend HTTP server (not yet listening).
 * @param {FrontendOptions} options
 * @returns {import('node:http').Server}
 */
export function createFrontendServer(options) {
  const root = resolve(options.distDir);
  const backend = new URL(options.backendUrl);
  if (backend.protocol !== 'http:') {
    throw new Error(`BACKEND_URL must be an http:// URL, got "${options.backendUrl}"`);
  }
  const log = options.log ?? (() => undefined);
  const healthTimeoutMs = options.healthTimeoutMs ?? 1000;
  const proxyTimeoutMs = options.proxyTimeoutMs ?? 30_000;

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function proxy(req, res) {
    const target = new URL(req.url ?? '/', backend);
    /** @type {import('node:http').OutgoingHttpHeaders} */
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && name !== 'host' && value !== undefined) headers[name] = value;
    }
    headers['x-forwarded-host'] = req.headers.host ?? '';
    headers['x-forwarded-proto'] = 'http';
    const forwardedFor = req.headers['x-forwarded-for'];
    const peer = req.socket.remoteAddress ?? '';
    headers['x-forwarded-for'] = forwardedFor ? `${forwardedFor}, ${peer}` : peer;

    const upstream = httpRequest(
      target,
      { method: req.method, headers, timeout: proxyTimeoutMs },
      (upstreamRes) => {
        /** @type {import('node:http').OutgoingHttpHeaders} */
        const outHeaders = {};
        for (const [name, value] of Object.entries(upstreamRes.headers)) {
          if (!HOP_BY_HOP.has(name) && value !== undefined) outHeaders[name] = value;
        }
        res.writeHead(upstreamRes.statusCode ?? 502, outHeaders);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error(`no answer within ${proxyTimeoutMs} ms`)));
    upstream.on('error', (err) => {
      log(`proxy ${req.method} ${target.href} failed: ${err.message}`);
      if (res.headersSent) {
        res.destroy(err);
        return;
      }
      const timedOut = err.message.startsWith('no answer within');
      sendJson(res, timedOut ? 504 : 502, {
        error: `backend ${backend.origin} ${timedOut ? 'timed out' : 'is unreachable'}: ${err.message}`,
      });
    });
    // A client that goes away must not leave the upstream request running.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }

  /** @returns {Promise<{reachable: boolean, status?: number, error?: string}>} */
  function probeBackend() {
    return new Promise((done) => {
      const probe = httpRequest(new URL('/healthz', backend), { timeout: healthTimeoutMs }, (probeRes) => {
        probeRes.resume();
        const ok = probeRes.statusCode === 200;
        done({ reachable: ok, status: probeRes.statusCode });
      });
      probe.on('timeout', () => probe.destroy(new Error(`no answer within ${healthTimeoutMs} ms`)));
      probe.on('error', (err) => done({ reachable: false, error: err.message }));
      probe.end();
    });
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} pathname
   */
  async function serveStatic(req, res, pathname) {
    const file = resolveStaticPath(root, pathname);
    if (file === undefined) return sendJson(res, 400, { error: `bad path ${pathname}` });
    let info = await stat(file).catch(() => undefined);
    let served = file;
    if (info?.isDirectory()) {
      served = join(file, 'index.html');
      info = await stat(served).catch(() => undefined);
    }
    if (!info?.isFile()) {
      // Client-side routes (/playlists/123) have no extension and get the app shell;
      // a missing asset (/assets/x.js) is a real 404, not HTML that breaks as a script.
      if (extname(pathname) !== '') return sendJson(res, 404, { error: `not found: ${pathname}` });
      served = join(root, 'index.html');
      info = await stat(served).catch(() => undefined);
      if (!info?.isFile()) return sendJson(res, 500, { error: `index.html missing in ${root}` });
    }
    const immutable = served.startsWith(join(root, 'assets') + sep);
    res.writeHead(200, {
      'Content-Type': contentTypeFor(served),
      'Content-Length': info.size,
      // Vite puts a content hash in every asset name, so those never change; the shell must be revalidated.
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(served)
      .on('error', (err) => res.destroy(err))
      .pipe(res);
  }

  return createServer((req, res) => {
    const started = Date.now();
    res.on('finish', () => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;

    if (pathname === '/api' || pathname.startsWith('/api/')) return proxy(req, res);

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendJson(res, 405, { error: `method ${req.method} not allowed` });
    }
    if (pathname === '/config.json') {
      if (options.config === undefined) return sendJson(res, 404, { error: 'no config file' });
      return sendJson(res, 200, options.config);
    }
    if (pathname === '/healthz') {
      // Always 200: the frontend itself is healthy even while the backend is down;
      // reporting the backend lets an operator see why the app does not work.
      probeBackend().then((result) =>
        sendJson(res, 200, {
          status: 'ok',
          version: options.version,
          backend: { url: backend.origin, ...result },
        }),
      );
      return;
    }
    serveStatic(req, res, pathname).catch((err) => {
      log(`serving ${pathname} failed: ${err instanceof Error ? err.stack : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/**
 * Parses PORT (default 8080).
 * @param {string | undefined} value
 */
export function parsePort(value) {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a port number 1-65535, got "${value}"`);
  }
  return port;
}

async function main() {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(join(here, 'package.json'), 'utf8'));
  const port = parsePort(process.env.PORT);
  const host = process.env.HOST || '0.0.0.0';
  const version = process.env.APP_VERSION || String(pkg.version);
  const configFile = process.env.CONFIG_FILE || join(here, 'config.json');
  const config = await loadConfigFile(configFile);
  const server = createFrontendServer({
    ...(config !== undefined ? { config } : {}),
    distDir: process.env.DIST_DIR || join(here, 'dist'),
    backendUrl: process.env.BACKEND_URL || 'http://backend:8080',
    version,
    log: (line) => console.log(line),
  });

  let stopping = false;
  /** @param {string} signal */
  const shutdown = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing server`);
    setTimeout(() => {
      console.error('shutdown took longer than 10000 ms; exiting');
      process.exit(1);
    }, 10_000).unref();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  // node runs as PID 1 in the image and gets no default signal handling.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  server.on('error', (err) => {
    console.error(`playlist-frontend: cannot listen on ${host}:${port}: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    console.log(
      `playlist-frontend ${version} listening on ${host}:${port}, API at ${process.env.BACKEND_URL || 'http://backend:8080'}, ` +
        (config !== undefined ? `settings from ${configFile}` : `no settings file at ${configFile}`),
    );
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`playlist-frontend failed to start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
