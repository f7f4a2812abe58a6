/**
 * The labels and build arguments build-image adds to every image, so that an image can be traced
 * back to its commit from its config alone, and so that two builds of one commit say the same.
 */
import type { CommitInfo } from './commit.js';

/** OCI annotation: the commit the image was built from. */
export const LABEL_REVISION = 'org.opencontainers.image.revision';
/** OCI annotation: where the source lives (`GITHUB_SERVER_URL/GITHUB_REPOSITORY`). */
export const LABEL_SOURCE = 'org.opencontainers.image.source';
/** OCI annotation: creation time, RFC 3339; build-image uses the commit time, not the clock. */
export const LABEL_CREATED = 'org.opencontainers.image.created';
/** digestline: what the image is for (`runtime`, `ci-tools`, `e2e-runner`). */
export const LABEL_ROLE = 'org.digestline.role';
/** Build argument carrying the commit time (seconds since the epoch), the reproducible-builds convention. */
export const SOURCE_DATE_EPOCH = 'SOURCE_DATE_EPOCH';

/** Labels the `labels` input may not set, with the reason shown in the error. */
export const RESERVED_LABELS: ReadonlyMap<string, string> = new Map([
  [LABEL_REVISION, 'the commit sha'],
  [LABEL_CREATED, 'the commit time'],
  [LABEL_ROLE, 'use the "role" input'],
]);

/** Build arguments the `build-args` input may not set. */
export const RESERVED_BUILD_ARGS: ReadonlyMap<string, string> = new Map([
  [SOURCE_DATE_EPOCH, 'the commit time'],
]);

/**
 * The full label set: the user's labels, then the ones build-image owns. `source` is only added when
 * known, and a user's `org.opencontainers.image.source` wins (e.g. to point at a public mirror).
 */
export function assembleLabels(
  extra: Readonly<Record<string, string>>,
  commit: CommitInfo,
  role: string,
): Record<string, string> {
  const labels: Record<string, string> = {};
  if (commit.source !== undefined) labels[LABEL_SOURCE] = commit.source;
  Object.assign(labels, extra);
  labels[LABEL_REVISION] = commit.revision;
  labels[LABEL_CREATED] = commit.created;
  labels[LABEL_ROLE] = role;
  return labels;
}

/** The user's build arguments plus `SOURCE_DATE_EPOCH` (the commit time). */
export function assembleBuildArgs(
  extra: Readonly<Record<string, string>>,
  commit: CommitInfo,
): Record<string, string> {
  return { ...extra, [SOURCE_DATE_EPOCH]: String(commit.epoch) };
}
