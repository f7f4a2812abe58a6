/**
 * The HTTP the registry client speaks by default: `node:http`/`node:https` with one keep-alive agent
 * per origin for the whole process, behind the small fetch-like surface the client needs.
 *
 * Why not the global `fetch`: in Node 20 its first use loads undici and compiles its WebAssembly
 * HTTP parser (30–200 ms on a busy 2-core runner, longer than a whole promotion's round trips), and
 * every request costs several times the CPU of `node:http`. A promotion is some 60 small requests
 * to one origin, so both costs dominate it. Tests still pass a scripted `fetch` (any function of
 * this shape; the global `fetch` is one).
 */
import type { Agent, IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The part of a fetch `Response` the registry client reads; a real `Response` is one. */
export interface RegistryResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  /** `null` for HEAD, 204 and 304 answers. */
  readonly body: ReadableStream<Uint8Array> | null;
}

/** The request options the registry client sends; the global `fetch` accepts them as they are. */
export interface RegistryRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: Uint8Array | ReadableStream<Uint8Array>;
  /** Always `manual`: the transport follows redirects itself, so credentials stay on their origin. */
  redirect?: 'manual';
  duplex?: 'half';
}

/** A fetch-like function: the global `fetch`, a test's scripted one, or {@link keepAliveFetch}. */
export type RegistryFetch = (url: string | URL, init: RegistryRequestInit) => Promise<RegistryResponse>;

/** Sockets one origin may have open at once (a promotion has at most ~16 requests in flight). */
export const MAX_SOCKETS_PER_ORIGIN = 16;
/** An idle request or response (no bytes either way) fails after this long, as undici's fetch does. */
const IDLE_TIMEOUT_MS = 300_000;
/** Bodies up to this size are read to the end on cancel, so their connection can be reused. */
const DRAIN_ON_CANCEL_BYTES = 64 * 1024;

const agents = new Map<string, Agent>();

/** The keep-alive agent of an origin (`http://host:port`), made on first use and kept for the run. */
async function agentFor(url: URL): Promise<{ agent: Agent; request: typeof import('node:http').request }> {
  // node:https (and TLS with it) is loaded only when a registry speaks https.
  const mod = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  let agent = agents.get(url.origin);
  if (agent === undefined) {
    agent = new mod.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN, scheduling: 'lifo' });
    agents.set(url.origin, agent);
  }
  return { agent, request: mod.request as typeof import('node:http').request };
}

/**
 * Sends one request over the origin's keep-alive agent and resolves with the response head; the body
 * streams (with backpressure) as a web `ReadableStream`. Never follows redirects. A body that ends
 * before its connection delivered all of it errors the stream rather than closing it.
 *
 * @throws Error (with the socket error as `cause`) when the request fails before a response head
 */
export const keepAliveFetch: RegistryFetch = async (input, init) => {
  const url = typeof input === 'string' ? new URL(input) : input;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${url.href}: only http and https URLs are supported`);
  }
  const { agent, request } = await agentFor(url);
  const method = (init.method ?? 'GET').toUpperCase();
  const body = init.body;
  return new Promise<RegistryResponse>((resolve, reject) => {
    const req = request(url, { method, headers: init.headers ?? {}, agent });
    req.setTimeout(IDLE_TIMEOUT_MS, () => req.destroy(new Error(`no activity for ${IDLE_TIMEOUT_MS} ms`)));
    req.once('error', (err) => reject(new Error(`${method} ${url.href} failed`, { cause: err })));
    req.once('response', (res) => resolve(responseOf(method, res)));
    if (body === undefined) req.end();
    else if (body instanceof Uint8Array) req.end(body);
    else {
      // A failing source stream (a blob whose digest did not verify) destroys the request, so the
      // registry never sees a complete body.
      pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>), req).catch(
        (err: unknown) => req.destroy(err instanceof Error ? err : new Error(String(err))),
      );
    }
  });
};

function responseOf(method: string, res: IncomingMessage): RegistryResponse {
  const status = res.statusCode ?? 0;
  const headers = {
    get(name: string): string | null {
      const v = res.headers[name.toLowerCase()];
      if (v === undefined) return null;
      return Array.isArray(v) ? v.join(', ') : v;
    },
  };
  const noBody = method === 'HEAD' || status === 204 || status === 304;
  if (noBody) res.resume();
  return {
    status,
    statusText: res.statusMessage ?? '',
    headers,
    body: noBody ? null : bodyStream(res),
  };
}

/** The response body as a web stream: pauses the socket while the reader is behind. */
function bodyStream(res: IncomingMessage): ReadableStream<Uint8Array> {
  let finished = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        res.on('data', (chunk: Buffer) => {
          if (finished) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) res.pause();
        });
        res.once('end', () => {
          if (finished) return;
          finished = true;
          controller.close();
        });
        res.once('error', (err) => {
          if (!finished) controller.error(err);
          finished = true;
        });
        res.once('close', () => {
          if (finished) return;
          finished = true;
          controller.error(new Error('the connection closed before the response body ended'));
        });
        res.pause();
      },
      pull() {
        res.resume();
      },
      cancel() {
        finished = true;
        const length = Number(res.headers['content-length']);
        // A small rest is cheaper to read than a new connection; a large or unknown one is not.
        if (Number.isFinite(length) && length <= DRAIN_ON_CANCEL_BYTES && !res.destroyed) res.resume();
        else res.destroy();
      },
    },
    { highWaterMark: 4 },
  );
}
