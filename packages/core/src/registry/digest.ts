/**
 * Hashing and verification of bytes received from or sent to a registry. What a digest is (its
 * grammar and algorithms) is defined once, in reference.ts.
 */
import { createHash, type Hash } from 'node:crypto';
import { parseDigest, type DigestAlgorithm } from '../reference.js';

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
  const { algorithm } = parseDigest(expected);
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
