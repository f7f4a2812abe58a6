/**
 * Where evidence lives in a registry: image evidence is listed under the referrers fallback tag of
 * its image when the registry has no referrers API; source-lane evidence, which has no image to point
 * at, is tagged `commit-<sha>.source` in an evidence repository so it can be found from the commit
 * alone.
 */
import { parseDigest, type ParsedDigest } from '../reference.js';
import { assertGitObjectId } from './run-context.js';

/**
 * The referrers fallback tag of a digest: `sha256-<hex>` (OCI distribution spec 1.1).
 *
 * @param digest the parsed digest, or its text (validated here)
 */
export function fallbackTag(digest: string | ParsedDigest): string {
  const parsed = typeof digest === 'string' ? parseDigest(digest) : digest;
  return `${parsed.algorithm}-${parsed.hex}`;
}

/** The tag under which source-lane evidence of `commit` is stored: `commit-<sha>.source`. */
export function sourceEvidenceTag(commit: string): string {
  return `commit-${assertGitObjectId(commit, 'commit')}.source`;
}

/**
 * The evidence repository of an image repository: `evidence` next to it in the same namespace
 * (`org/app/web` → `org/app/evidence`, `web` → `evidence`). Source-lane evidence lives there because it
 * exists before (and independently of) any image; on Forgejo it is one more package of the owner.
 */
export function evidenceRepository(imageRepository: string): string {
  const slash = imageRepository.lastIndexOf('/');
  return slash < 0 ? 'evidence' : `${imageRepository.slice(0, slash)}/evidence`;
}
