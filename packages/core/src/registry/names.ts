/**
 * Checks of the names an operation puts into a registry URL (repository, tag or digest), made
 * before any request so that a bad name fails with the rule it breaks, not with a registry 404.
 * Digests follow the one digest grammar of reference.ts.
 */
import { isDigest } from '../reference.js';

const REPOSITORY_RE = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
const TAG_RE = /^\w[\w.-]{0,127}$/;

/** @throws Error when `repository` is not a valid repository name */
export function checkRepository(repository: string): void {
  if (!REPOSITORY_RE.test(repository) || repository.length > 255) {
    throw new Error(
      `repository ${JSON.stringify(repository)} is not a valid repository name (lowercase path components ` +
        'of [a-z0-9] separated by ".", "_", "__" or "-", joined by "/")',
    );
  }
}

/** @throws Error when `reference` is neither a tag nor a digest */
export function checkReference(reference: string): void {
  if (!TAG_RE.test(reference) && !isDigest(reference)) {
    throw new Error(
      `reference ${JSON.stringify(reference)} is neither a tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}) nor a ` +
        'sha256/sha512 digest',
    );
  }
}

/**
 * @param what names the value in the message, e.g. `blob digest`
 * @throws Error when `digest` is not a sha256/sha512 digest
 */
export function checkDigest(digest: string, what: string): void {
  if (!isDigest(digest)) {
    throw new Error(`${what} ${JSON.stringify(digest)} is not a sha256:<64 hex> or sha512:<128 hex> digest`);
  }
}
