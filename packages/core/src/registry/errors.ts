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
