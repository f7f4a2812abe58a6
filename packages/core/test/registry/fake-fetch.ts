/** A scripted `fetch` for registry client tests: records each call and answers with a handler. */
import { RegistryClient } from '../../src/registry/client.js';

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  redirect?: RequestInit['redirect'];
}

export type Handler = (call: Call, index: number) => Response | Promise<Response>;

/** Records each call (reading request bodies) and answers with `handler`; never follows redirects. */
export function fakeFetch(handler: Handler): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const call: Call = { method: init?.method ?? 'GET', url: String(input), headers };
    if (init?.redirect !== undefined) call.redirect = init.redirect;
    if (init?.body !== undefined && init.body !== null) {
      call.body = await new Response(init.body as ConstructorParameters<typeof Response>[0]).text();
    }
    calls.push(call);
    return handler(call, calls.length - 1);
  };
  return { fetch: impl as typeof fetch, calls };
}

export const noSleep = { baseDelayMs: 1, sleep: async (): Promise<void> => undefined };

/** A client of `127.0.0.1:5000` over a fake fetch, anonymous unless `extra` says otherwise. */
export function fakeClient(
  handler: Handler,
  extra: Partial<ConstructorParameters<typeof RegistryClient>[0]> = {},
): { client: RegistryClient; calls: Call[] } {
  const fake = fakeFetch(handler);
  const client = new RegistryClient({
    registry: '127.0.0.1:5000',
    credentials: null,
    fetch: fake.fetch,
    retry: noSleep,
    ...extra,
  });
  return { client, calls: fake.calls };
}

/** A body of `total` bytes in `chunk`-byte pieces, with no Content-Length (as chunked encoding). */
export function endlessBody(total: number, chunk = 64 * 1024, byte = 0x20): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) {
        controller.close();
        return;
      }
      const n = Math.min(chunk, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(byte));
    },
  });
}
