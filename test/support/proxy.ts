/**
 * A loopback HTTP proxy for integration tests: it sits in front of a real registry, forwards
 * everything, and on request injects failures, tampers with response bodies and counts the bytes
 * that pass through it.
 *
 * Point a client at {@link FaultProxy.host} instead of the registry: a `RegistryClient` sees it as
 * just another loopback registry. The `Host` header is forwarded unchanged, so the registry builds
 * upload `Location` URLs that lead back through the proxy and whole operations stay observable.
 *
 * @example
 * const proxy = await FaultProxy.start({ target: `http://${process.env.DIGESTLINE_REGISTRY}` });
 * try {
 *   proxy.failNext(2, { status: 503, match: { method: 'GET', path: /\/manifests\// } });
 *   await new RegistryClient({ registry: proxy.host }).getManifest('app', 'v1');
 *   expect(proxy.exchanges.filter((e) => e.injected === 'fault')).toHaveLength(2);
 * } finally {
 *   await proxy.close();
 * }
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** Selects requests. Every given field must match; an empty matcher matches everything. */
export interface RequestMatcher {
  /** HTTP method, e.g. `GET` (case-insensitive). */
  method?: string;
  /** A substring of, or a RegExp tested against, the request path including the query. */
  path?: string | RegExp;
}

/** A response the proxy answers itself, without asking the registry. */
export interface FaultOptions {
  /** Status to answer (default 503). */
  status?: number;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }`. */
  headers?: Record<string, string>;
  /** Response body (default a registry-style error JSON). */
  body?: string;
  /** Which requests to fail (default all). */
  match?: RequestMatcher;
}

/** Rewrites a response body on its way to the client. */
export interface TamperOptions {
  /** Which responses to tamper with (default all with a body). */
  match?: RequestMatcher;
  /** How many responses to tamper with (default 1). */
  count?: number;
  /** New body from the original (default: flip the lowest bit of the middle byte). */
  mutate?: (body: Buffer) => Buffer;
}

/** One request as the proxy saw it. */
export interface ProxyExchange {
  method: string;
  /** Path and query as the client sent them. */
  path: string;
  /** Status sent to the client (0 if the upstream connection failed before a response). */
  status: number;
  /** Request body bytes received from the client (and forwarded, unless a fault was injected). */
  requestBytes: number;
  /** Response body bytes sent to the client. */
  responseBytes: number;
  /** Set when the proxy, not the registry, shaped the response. */
  injected?: 'fault' | 'tamper';
}

/** Totals over {@link FaultProxy.exchanges}. */
export interface ByteCounts {
  requests: number;
  requestBytes: number;
  responseBytes: number;
  /** `requestBytes + responseBytes`: body bytes that crossed the proxy in either direction. */
  total: number;
}

interface PendingFault {
  remaining: number;
  options: FaultOptions;
}

interface PendingTamper {
  remaining: number;
  options: TamperOptions;
}

function matches(matcher: RequestMatcher | undefined, method: string, path: string): boolean {
  if (matcher === undefined) return true;
  if (matcher.method !== undefined && matcher.method.toUpperCase() !== method.toUpperCase()) return false;
  if (matcher.path !== undefined) {
    if (typeof matcher.path === 'string' ? !path.includes(matcher.path) : !matcher.path.test(path))
      return false;
  }
  return true;
}

function flipMiddleByte(body: Buffer): Buffer {
  const copy = Buffer.from(body);
  if (copy.length > 0) copy[copy.length >> 1] ^= 0x01;
  return copy;
}

/** A fault-injecting, byte-counting loopback HTTP proxy in front of one upstream server. */
export class FaultProxy {
  /** Every request handled, in completion order. */
  readonly exchanges: ProxyExchange[] = [];

  private readonly faults: PendingFault[] = [];
  private readonly tampers: PendingTamper[] = [];

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
    /** `127.0.0.1:<port>`: use it as the registry host. */
    readonly host: string,
  ) {}

  /**
   * Starts a proxy on 127.0.0.1 (a free port) forwarding to `target`.
   *
   * @param options.target upstream origin, e.g. `http://127.0.0.1:5000`; must be loopback http
   */
  static async start(options: { target: string }): Promise<FaultProxy> {
    const target = new URL(options.target);
    if (target.protocol !== 'http:')
      throw new Error(`FaultProxy target must be http://, got ${options.target}`);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const proxy = new FaultProxy(server, target, `127.0.0.1:${port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => proxy.handle(req, res));
    return proxy;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://${this.host}`;
  }

  /**
   * Answers the next `count` matching requests itself with `options.status` (default 503),
   * without forwarding them. Faults queue up; each request consumes from the first matching one.
   */
  failNext(count: number, options: FaultOptions = {}): void {
    this.faults.push({ remaining: count, options });
  }

  /**
   * Forwards the next `options.count` (default 1) matching requests, but rewrites the response
   * body with `options.mutate` (default: one bit flipped) and fixes `Content-Length`. All other
   * headers, including `Docker-Content-Digest`, are passed on unchanged: the client must notice.
   */
  tamperNext(options: TamperOptions = {}): void {
    this.tampers.push({ remaining: options.count ?? 1, options });
  }

  /** Exchanges matching `matcher`. */
  requests(matcher?: RequestMatcher): ProxyExchange[] {
    return this.exchanges.filter((e) => matches(matcher, e.method, e.path));
  }

  /** Body bytes and requests counted since start or the last {@link FaultProxy.reset}. */
  bytes(matcher?: RequestMatcher): ByteCounts {
    const list = this.requests(matcher);
    const requestBytes = list.reduce((sum, e) => sum + e.requestBytes, 0);
    const responseBytes = list.reduce((sum, e) => sum + e.responseBytes, 0);
    return { requests: list.length, requestBytes, responseBytes, total: requestBytes + responseBytes };
  }

  /** Forgets recorded exchanges and pending faults and tampers. */
  reset(): void {
    this.exchanges.length = 0;
    this.faults.length = 0;
    this.tampers.length = 0;
  }

  /** Stops listening and drops open connections. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private take<T extends { remaining: number; options: { match?: RequestMatcher } }>(
    queue: T[],
    method: string,
    path: string,
  ): T | undefined {
    const index = queue.findIndex((p) => p.remaining > 0 && matches(p.options.match, method, path));
    if (index < 0) return undefined;
    const pending = queue[index]!;
    pending.remaining--;
    if (pending.remaining === 0) queue.splice(index, 1);
    return pending;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const exchange: ProxyExchange = { method, path, status: 0, requestBytes: 0, responseBytes: 0 };
    req.on('data', (chunk: Buffer) => {
      exchange.requestBytes += chunk.length;
    });
    res.on('close', () => this.exchanges.push(exchange));

    const fault = this.take(this.faults, method, path);
    if (fault !== undefined) {
      exchange.injected = 'fault';
      const status = fault.options.status ?? 503;
      const body =
        fault.options.body ??
        JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: `injected by FaultProxy (${status})` }] });
      req.resume();
      req.on('end', () => {
        exchange.status = status;
        exchange.responseBytes = method === 'HEAD' ? 0 : Buffer.byteLength(body);
        res.writeHead(status, {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          ...fault.options.headers,
        });
        res.end(method === 'HEAD' ? undefined : body);
      });
      return;
    }

    const tamper = this.take(this.tampers, method, path);
    const upstream = httpRequest(
      {
        protocol: this.target.protocol,
        hostname: this.target.hostname,
        port: this.target.port,
        method,
        path,
        headers: req.headers,
      },
      (up) => {
        const headers = { ...up.headers };
        const location = headers['location'];
        if (typeof location === 'string' && location.startsWith(this.target.origin)) {
          headers['location'] = this.url + location.slice(this.target.origin.length);
        }
        exchange.status = up.statusCode ?? 0;
        if (tamper !== undefined && method !== 'HEAD') {
          const chunks: Buffer[] = [];
          up.on('data', (chunk: Buffer) => chunks.push(chunk));
          up.on('end', () => {
            const body = (tamper.options.mutate ?? flipMiddleByte)(Buffer.concat(chunks));
            exchange.injected = 'tamper';
            exchange.responseBytes = body.length;
            delete headers['transfer-encoding'];
            headers['content-length'] = String(body.length);
            res.writeHead(up.statusCode ?? 502, headers);
            res.end(body);
          });
          return;
        }
        res.writeHead(up.statusCode ?? 502, headers);
        up.on('data', (chunk: Buffer) => {
          exchange.responseBytes += chunk.length;
        });
        up.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      if (!res.headersSent) {
        exchange.status = 502;
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`FaultProxy: upstream ${this.target.origin} failed: ${err.message}`);
      } else {
        res.destroy(err);
      }
    });
    req.on('aborted', () => upstream.destroy());
    req.pipe(upstream);
  }
}
