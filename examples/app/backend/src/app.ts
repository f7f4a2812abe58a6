import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { PlaylistStore } from './store.js';
import { validatePlaylistInput } from './validate.js';

export const MAX_BODY_BYTES = 64 * 1024;

export interface AppOptions {
  store: PlaylistStore;
  version: string;
  /** Called once per request with a finished-request summary; defaults to no logging. */
  log?: (line: string) => void;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const PLAYLIST_PATH = /^\/api\/playlists\/([^/]+)$/;

/** Builds the HTTP server (not yet listening) for the playlist API. */
export function createApp(options: AppOptions): Server {
  const { store, version } = options;
  const log = options.log ?? (() => undefined);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;

    if (path === '/healthz') {
      allow(method, ['GET', 'HEAD']);
      return sendJson(res, 200, { status: 'ok', version });
    }
    if (path === '/api/playlists' || path === '/api/playlists/') {
      if (method === 'GET' || method === 'HEAD') return sendJson(res, 200, { playlists: store.list() });
      allow(method, ['GET', 'HEAD', 'POST']);
      const body = await readJsonBody(req);
      const result = validatePlaylistInput(body);
      if (!result.ok) throw new HttpError(400, result.error);
      const created = await store.create(result.value);
      res.setHeader('Location', `/api/playlists/${created.id}`);
      return sendJson(res, 201, created);
    }
    const match = PLAYLIST_PATH.exec(path);
    if (match) {
      allow(method, ['GET', 'HEAD']);
      const id = decodeURIComponent(match[1] ?? '');
      const playlist = store.get(id);
      if (!playlist) throw new HttpError(404, `playlist ${id} not found`);
      return sendJson(res, 200, playlist);
    }
    throw new HttpError(404, `no route for ${method} ${path}`);
  }

  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${req.method} ${req.url} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    route(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
        sendJson(res, err.status, { error: err.message });
        return;
      }
      log(`error handling ${req.method} ${req.url}: ${err instanceof Error ? err.stack : String(err)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, 500, { error: 'internal error' });
    });
  });
}

function allow(method: string, allowed: string[]): void {
  if (!allowed.includes(method)) {
    throw new HttpError(405, `method ${method} not allowed (allowed: ${allowed.join(', ')})`, {
      Allow: allowed.join(', '),
    });
  }
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'content-type must be application/json');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    throw new HttpError(413, `body larger than ${MAX_BODY_BYTES} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    // Chunked bodies carry no content-length, so the limit is enforced while reading too.
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'body is empty; expected JSON like {"name": "..."}');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new HttpError(400, `body is not valid JSON: ${(err as Error).message}`);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}
