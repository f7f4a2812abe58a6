/**
 * The `metadata` output: one JSON object describing what was built, for later steps and evidence.
 */
import type { PolicyResult } from '../policy/types.js';
import type { Platform, PushedImage } from './pushed-image.js';
import type { CommitInfo } from './commit.js';

/** The policy part of {@link ImageMetadata}. */
export interface PolicySummary {
  /** The policy file. */
  source: string;
  passed: boolean;
  /** Every violation message, e.g. `non-root: user is root (User is empty)`. */
  violations: string[];
}

/**
 * What build-image reports about an image. Registry fields are null when the image was not pushed
 * (`push: false`): without a push there is no registry digest.
 */
export interface ImageMetadata {
  /** `repository@digest`. */
  image: string | null;
  /** Top-level manifest digest (the index's, for an index). */
  digest: string | null;
  mediaType: string | null;
  /** Config blob digest (equals the local image id for single-platform builds). */
  configDigest: string;
  platform: Platform | null;
  /** Compressed size in bytes as pushed (config + layers). */
  size: number | null;
  /** Every tag pushed, the commit sha first. */
  tags: string[];
  /** The image config's labels (what is really in the image, not what was asked for). */
  labels: Record<string, string>;
  revision: string;
  created: string;
  role: string;
  /** Null when no policy was given. */
  policy: PolicySummary | null;
}

function stringLabels(labels: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof labels !== 'object' || labels === null) return out;
  for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Reduces a policy result to its summary. */
export function policySummary(result: PolicyResult | undefined): PolicySummary | null {
  if (result === undefined) return null;
  return {
    source: result.source,
    passed: result.passed,
    violations: result.violations.map((v) => v.message),
  };
}

/** Metadata of a pushed image. */
export function pushedMetadata(options: {
  repository: string;
  image: PushedImage;
  tags: string[];
  commit: CommitInfo;
  role: string;
  policy?: PolicyResult;
}): ImageMetadata {
  const { image } = options;
  return {
    image: `${options.repository}@${image.digest}`,
    digest: image.digest,
    mediaType: image.mediaType,
    configDigest: image.configDigest,
    platform: image.platform,
    size: image.size,
    tags: options.tags,
    labels: stringLabels(image.config.config?.Labels),
    revision: options.commit.revision,
    created: options.commit.created,
    role: options.role,
    policy: policySummary(options.policy),
  };
}

/** Metadata of an image that was built but not pushed (from the engine's inspect). */
export function localMetadata(options: {
  imageId: string;
  labels: Record<string, string>;
  commit: CommitInfo;
  role: string;
}): ImageMetadata {
  return {
    image: null,
    digest: null,
    mediaType: null,
    configDigest: options.imageId,
    platform: null,
    size: null,
    tags: [],
    labels: options.labels,
    revision: options.commit.revision,
    created: options.commit.created,
    role: options.role,
    policy: null,
  };
}
