/**
 * Content digests (`<algorithm>:<hex>`) as the OCI image spec defines them, for verifying bytes
 * received from or sent to a registry.
 */
import { createHash, type Hash } from 'node:crypto';

/** Digest algorithms the registry client can verify. */
export type DigestAlgorithm = 'sha256' | 'sha512';

const HEX_LENGTH: Record<DigestAlgorithm, number> = { sha256: 64, sha512: 128 };
const DIGEST_RE = /^(sha256|sha512):([0-9a-f]+)$/;

/** True if `text` is a `sha256:`/`sha512:` digest with the right number of lowercase hex digits. */
export function isContentDigest(text: string): boolean {
  const m = DIGEST_RE.exec(text);
  return m !== null && m[2]!.length === HEX_LENGTH[m[1] as DigestAlgorithm];
}

/**
 * Splits a digest into algorithm and hex.
 *
 * @throws Error naming the text and the expected form when it is not a sha256/sha512 digest
 */
export function splitDigest(text: string): { algorithm: DigestAlgorithm; hex: string } {
  const m = DIGEST_RE.exec(text);
  const algorithm = m?.[1] as DigestAlgorithm | undefined;
  if (m === null || algorithm === undefined || m[2]!.length !== HEX_LENGTH[algorithm]) {
    throw new Error(
      `${JSON.stringify(text)} is not a content digest: expected sha256:<64 lowercase hex> or sha512:<128 lowercase hex>`,
    );
  }
  return { algorithm, hex: m[2]! };
}

/** Digest of `bytes` with `algorithm` (default sha256), as `<algorithm>:<hex>`. */
export function digestOf(bytes: Uint8Array, algorithm: DigestAlgorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/**
 * Wraps a byte stream so that it errors at its end unless the bytes it carried hash to `expected`
 * and (when given) number `expectedSize`.
 *
 * The check happens while the bytes flow, so a caller streaming a blob elsewhere never holds it in
 * memory; a consumer sees the error before it sees end-of-stream, so a corrupt blob is never
 * taken as complete.
 */
export function verifyingStream(
  source: ReadableStream<Uint8Array>,
  expected: string,
  describe: string,
  expectedSize?: number,
): ReadableStream<Uint8Array> {
  const { algorithm } = splitDigest(expected);
  const hash: Hash = createHash(algorithm);
  let size = 0;
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hash.update(chunk);
        size += chunk.byteLength;
        controller.enqueue(chunk);
      },
      flush(controller) {
        const actual = `${algorithm}:${hash.digest('hex')}`;
        if (actual !== expected) {
          controller.error(
            new Error(
              `${describe}: content digest mismatch: expected ${expected}, got ${actual} (${size} bytes)`,
            ),
          );
        } else if (expectedSize !== undefined && size !== expectedSize) {
          controller.error(new Error(`${describe}: expected ${expectedSize} bytes, got ${size}`));
        }
      },
    }),
  );
}
