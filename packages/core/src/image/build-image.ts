/**
 * build-image's work: build once (again only after a transient failure, see transient.ts), push once (by the commit-sha tag), read the pushed image back from
 * the registry by digest, add the extra tags through the registry API (same manifest bytes, so the
 * same digest), and check the image policy against what the registry holds.
 */
import type { BuildOptions, ContainerEngine } from '../engine/engine.js';
import type { Log } from '../log.js';
import type { ImagePolicy, PolicyResult } from '../policy/types.js';
import { repositoryName, type ImageReference } from '../reference.js';
import type { RegistryClient } from '../registry/client.js';
import { group } from '../summary.js';
import type { CommitInfo } from './commit.js';
import { localMetadata, pushedMetadata, type ImageMetadata } from './metadata.js';
import { checkPushedImage, writePolicyReport } from './policy-check.js';
import { readPushedImage, tagPushedImage, type PushedImage } from './pushed-image.js';
import { buildWithRetry, type RetryOptions } from './transient.js';

/** Everything one build needs, validated (see the action's `getInputs`). */
export interface BuildImageRequest {
  /** Repository to push to (no tag, no digest). */
  repository: ImageReference;
  /** Build options without tags: build-image tags the image with the commit sha itself. */
  build: Omit<BuildOptions, 'tags'>;
  commit: CommitInfo;
  role: string;
  /** Tags besides the commit sha. */
  extraTags: string[];
  push: boolean;
  /** Plain http / unverified TLS for the engine's push (loopback registries). */
  insecure: boolean;
  /** Checked against the pushed image; needs `push`. */
  policy?: ImagePolicy;
  /** Where the policy report JSON goes; needed with `policy`. */
  policyReportPath?: string;
}

/** What a build produced. */
export interface BuildImageResult {
  /** Local image id (`sha256:…`). */
  imageId: string;
  /** Set when pushed. */
  pushed?: PushedImage;
  /** Every tag the registry now has for the digest, the commit sha first (empty without push). */
  tags: string[];
  metadata: ImageMetadata;
  /** Set when a policy was given. */
  policy?: PolicyResult;
  /** Set when a policy was given: the report file written. */
  policyReportPath?: string;
  /** Milliseconds spent per phase. */
  timings: { buildMs: number; pushMs?: number; policyMs?: number };
}

/** Who does the work: the engine builds and pushes, the registry client reads back and tags. */
export interface BuildImageDeps {
  engine: ContainerEngine;
  registry: RegistryClient;
  /** Where progress lines (image id, digest, tags, the policy report, build retries) go. */
  log: Log;
  /** How transient build failures are retried (tests shorten the waits). */
  retry?: RetryOptions;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - started)];
}

/**
 * Builds, pushes, tags and checks one image. A policy violation does not throw: the result carries
 * it (and the report is written), so the caller can set outputs before failing the step.
 *
 * @throws Error when the build, push, read-back or tagging fails, or a tag resolves to another digest
 */
export async function buildImage(
  request: BuildImageRequest,
  deps: BuildImageDeps,
): Promise<BuildImageResult> {
  const { engine, log } = deps;
  if (request.policy !== undefined && (!request.push || request.policyReportPath === undefined)) {
    throw new Error(
      'buildImage: a policy is checked against the pushed image, so it needs push and a report path',
    );
  }
  const repo = repositoryName(request.repository);
  const commitTag = request.commit.revision;
  const localRef = `${repo}:${commitTag}`;

  const { cacheFrom, cacheTo } = request.build;
  if (cacheFrom !== undefined || cacheTo !== undefined)
    log.info(`registry cache: from ${cacheFrom ?? 'none'}, to ${cacheTo ?? 'none'}`);
  const [imageId, buildMs] = await group(`Build ${localRef}`, () =>
    timed(() => buildWithRetry(engine, { ...request.build, tags: [localRef] }, log, deps.retry)),
  );
  log.info(`built ${imageId} in ${(buildMs / 1000).toFixed(1)} s`);

  if (!request.push) {
    const info = await engine.inspectImage(imageId);
    return {
      imageId,
      tags: [],
      metadata: localMetadata({ imageId, labels: info.labels, commit: request.commit, role: request.role }),
      timings: { buildMs },
    };
  }

  const tags = [commitTag, ...request.extraTags.filter((t) => t !== commitTag)];
  const [pushed, pushMs] = await group(`Push ${localRef}`, () =>
    timed(() => pushAndTag(request, deps, localRef, tags, imageId)),
  );

  let policy: PolicyResult | undefined;
  let policyMs: number | undefined;
  if (request.policy !== undefined && request.policyReportPath !== undefined) {
    const checkedPolicy = request.policy;
    const reportPath = request.policyReportPath;
    [policy, policyMs] = await group(`Policy ${checkedPolicy.source}`, () =>
      timed(() => checkPolicy(request, deps, pushed, checkedPolicy, reportPath)),
    );
  }

  const result: BuildImageResult = {
    imageId,
    pushed,
    tags,
    metadata: pushedMetadata({
      repository: repo,
      image: pushed,
      tags,
      commit: request.commit,
      role: request.role,
      ...(policy ? { policy } : {}),
    }),
    timings: { buildMs, pushMs, ...(policyMs !== undefined ? { policyMs } : {}) },
  };
  if (policy !== undefined) {
    result.policy = policy;
    if (request.policyReportPath !== undefined) result.policyReportPath = request.policyReportPath;
  }
  return result;
}

/**
 * Pushes the commit-sha tag, reads the image back by digest and adds the extra tags to it. When the
 * engine does not report the digest, it is read from the tag just pushed and accepted only if that
 * manifest's config is the image just built (its id): the config names every layer by content, so
 * no one else's push to the tag can pass for ours.
 */
async function pushAndTag(
  request: BuildImageRequest,
  { engine, registry, log }: BuildImageDeps,
  localRef: string,
  tags: string[],
  imageId: string,
): Promise<PushedImage> {
  const repository = request.repository.repository;
  const reported = await engine.push(localRef, { insecure: request.insecure });
  let digest = reported;
  if (digest === undefined) {
    const head = await registry.headManifest(repository, request.commit.revision);
    if (head === null)
      throw new Error(`pushed ${localRef}, but the registry has no tag ${request.commit.revision}`);
    digest = head.digest;
    log.info(
      `the engine did not report the digest; the tag holds ${digest}, checked against the built image's config`,
    );
  }
  log.info(`registry digest: ${digest}`);
  const image = await readPushedImage(registry, repository, digest);
  if (reported === undefined && image.configDigest !== imageId) {
    throw new Error(
      `pushed ${localRef}, but its tag now holds ${digest} with config ${image.configDigest}, not the image just built (${imageId}): another push to the same tag?`,
    );
  }
  await tagPushedImage(
    registry,
    request.repository.repository,
    image,
    request.commit.revision,
    request.extraTags,
  );
  log.info(
    `tags ${tags.join(', ')} → ${image.digest} (${image.size} bytes compressed, ${image.manifest.mediaType})`,
  );
  return image;
}

/** Checks the policy against what the registry holds, writes the report file and logs the report. */
async function checkPolicy(
  request: BuildImageRequest,
  { registry, log }: BuildImageDeps,
  pushed: PushedImage,
  policy: ImagePolicy,
  reportPath: string,
): Promise<PolicyResult> {
  const image = `${repositoryName(request.repository)}@${pushed.digest}`;
  const result = await checkPushedImage(registry, request.repository.repository, pushed, policy);
  await writePolicyReport(reportPath, image, pushed.digest, result);
  const { formatPolicyReport } = await import('../policy/report.js');
  for (const line of formatPolicyReport(result, { image }).text.split('\n')) log.info(line);
  return result;
}
