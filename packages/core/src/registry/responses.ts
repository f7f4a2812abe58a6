/**
 * Reading registry responses: bodies go into memory only up to a byte cap enforced while they
 * stream (a registry, or whoever it redirects to, can send a chunked body of any size, so
 * Content-Length alone proves nothing), and refusals become RegistryErrors.
 */
import type { RegistryResponse } from './http.js';
import { malformedAnswer, RegistryError } from './errors.js';
import { neutral } from '../untrusted.js';

/** Token responses and error bodies: a token is a few KiB, an error message less. */
export const MAX_SMALL_BODY_BYTES = 64 * 1024;

/** One page of a tag list or referrers index. */
export const MAX_LIST_PAGE_BYTES = 4 * 1024 * 1024;

/**
 * Reads a response body up to `maxBytes`.
 *
 * @param what what the body is, for the message (`manifest`, `tag list page`…)
 * @throws RegistryError naming the URL and the cap when the body (declared or received) is larger
 */
export async function readBodyCapped(
  response: RegistryResponse,
  method: string,
  url: string,
  maxBytes: number,
  what: string,
): Promise<Buffer> {
  const tooLarge = (size: string): RegistryError =>
    malformedAnswer(
      method,
      url,
      response.status,
      `${what} of ${size} bytes exceeds the ${maxBytes}-byte limit`,
    );
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(String(declared));
  }
  if (response.body === null) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${maxBytes}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads a JSON body up to `maxBytes`.
 *
 * @throws RegistryError when it is larger or not JSON
 */
export async function readJsonCapped(
  response: RegistryResponse,
  method: string,
  url: string,
  maxBytes: number,
  what: string,
): Promise<unknown> {
  const bytes = await readBodyCapped(response, method, url, maxBytes, what);
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (err) {
    throw new RegistryError(
      method,
      url,
      response.status,
      undefined,
      undefined,
      `${method} ${url}: ${what} is not valid JSON: ${(err as Error).message}`,
      { cause: err },
    );
  }
}

/**
 * Throws a RegistryError built from `response` unless its status is one of `ok`. The registry's
 * error JSON (`errors[0]`) gives code and detail; a 401/403 names where the credentials came from,
 * since that is what a reader has to fix.
 *
 * @param url the full request URL
 * @param credentialsSource where the credentials came from (or why there are none)
 */
export async function failUnlessStatus(
  response: RegistryResponse,
  method: string,
  url: string,
  ok: readonly number[],
  credentialsSource: string,
): Promise<void> {
  if (ok.includes(response.status)) return;
  let code: string | undefined;
  let detail: string | undefined;
  if (method !== 'HEAD') {
    // An oversized or broken error body only costs the detail, not the error itself.
    const text = await readBodyCapped(response, method, url, MAX_SMALL_BODY_BYTES, 'error body')
      .then((bytes) => bytes.toString('utf8'))
      .catch(() => '');
    try {
      const json = JSON.parse(text) as { errors?: Array<{ code?: unknown; message?: unknown }> };
      const first = json.errors?.[0];
      if (typeof first?.code === 'string') code = neutral(first.code.slice(0, 100));
      if (typeof first?.message === 'string') detail = neutral(first.message.slice(0, 300));
    } catch {
      detail = neutral(text.trim().slice(0, 300)) || undefined;
    }
  } else {
    await response.body?.cancel();
  }
  let message = `${method} ${url} failed: ${response.status} ${neutral(response.statusText)}`.trimEnd();
  if (code !== undefined || detail !== undefined) message += `: ${[code, detail].filter(Boolean).join(': ')}`;
  if (response.status === 401 || response.status === 403) {
    message += ` (credentials: ${credentialsSource})`;
  }
  throw new RegistryError(method, url, response.status, code, detail, message);
}
