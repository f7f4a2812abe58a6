/**
 * What the registry client throws when a registry answers something other than an operation
 * needs, or sends bytes that do not hash to the digest they were asked for by.
 */

/** A registry answered something other than what the operation needs. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';

  /**
   * @param method HTTP method of the failed request
   * @param url the request URL
   * @param status HTTP status, or undefined when no response arrived
   * @param code `errors[0].code` of the registry's error JSON, if any
   * @param detail `errors[0].message` (or the start of a non-JSON body)
   * @param message the full message
   */
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
    readonly detail: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Bytes received from a registry do not hash to the digest they were supposed to have. */
export class DigestMismatchError extends Error {
  override readonly name = 'DigestMismatchError';

  constructor(
    readonly registry: string,
    readonly repository: string,
    readonly reference: string,
    readonly expected: string,
    readonly actual: string,
    what: string,
  ) {
    super(
      `${what} ${registry}/${repository}${reference.includes(':') ? '@' : ':'}${reference} failed verification: ` +
        `expected digest ${expected}, but the received bytes hash to ${actual}`,
    );
  }
}

/**
 * A RegistryError for an answer that came with a usable status but lacks what the operation
 * needs (a header, a body, a size within limits).
 *
 * @param url the full request URL
 */
export function malformedAnswer(method: string, url: string, status: number, what: string): RegistryError {
  return new RegistryError(method, url, status, undefined, undefined, `${method} ${url}: ${what}`);
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
  response: Response,
  method: string,
  url: string,
  ok: readonly number[],
  credentialsSource: string,
): Promise<void> {
  if (ok.includes(response.status)) return;
  let code: string | undefined;
  let detail: string | undefined;
  if (method !== 'HEAD') {
    const text = await response.text().catch(() => '');
    try {
      const json = JSON.parse(text) as { errors?: Array<{ code?: unknown; message?: unknown }> };
      const first = json.errors?.[0];
      if (typeof first?.code === 'string') code = first.code;
      if (typeof first?.message === 'string') detail = first.message;
    } catch {
      detail = text.trim().slice(0, 300) || undefined;
    }
  } else {
    await response.body?.cancel();
  }
  let message = `${method} ${url} failed: ${response.status} ${response.statusText}`.trimEnd();
  if (code !== undefined || detail !== undefined) message += `: ${[code, detail].filter(Boolean).join(': ')}`;
  if (response.status === 401 || response.status === 403) {
    message += ` (credentials: ${credentialsSource})`;
  }
  throw new RegistryError(method, url, response.status, code, detail, message);
}
