/**
 * Server-side copy of image content between repositories, through the registry API only.
 *
 * Order is what keeps a failed promotion from being half-done: every blob and manifest is first put
 * **by digest** (invisible to anyone using a tag), then the evidence tags (referrers fallback
 * indexes, source evidence) are updated, and only when all of that is in place are the image tags
 * moved. If moving one image tag fails, the tags already moved are put back where they were.
 */
import { silentLog, type Log } from '../log.js';
import type { RegistryClient } from '../registry/client.js';
import type { FetchedManifest } from '../registry/manifests.js';
import { isIndexMediaType, type Descriptor } from '../registry/media-types.js';
import { EVIDENCE_ARTIFACT_TYPE } from '../evidence/artifact.js';
import { fallbackTag } from '../evidence/location.js';
import { mergeReferrer } from '../evidence/referrers-index.js';
import { getManifestOrUndefined, referrersOf } from '../evidence/registry.js';
import { OCI_INDEX } from '../registry/media-types.js';
import { Limiter, settleAll } from './limit.js';
import { moveImageTags, moveTag, readImageTags, type TagCounts, type TagMove } from './tags.js';

/** The part of {@link RegistryClient} promotion uses; unit tests pass an in-memory registry. */
export type PromoteRegistry = Pick<
  RegistryClient,
  | 'registry'
  | 'baseUrl'
  | 'getManifest'
  | 'headManifest'
  | 'putManifest'
  | 'headBlob'
  | 'getBlob'
  | 'uploadBlob'
  | 'mountBlob'
  | 'referrers'
>;

/** A manifest (image, index, or evidence artifact) to make present by digest in a target repository. */
export interface ManifestCopy {
  source: PromoteRegistry;
  sourceRepo: string;
  target: PromoteRegistry;
  targetRepo: string;
  manifest: FetchedManifest;
  /** Manifests copied only after this one is in place (evidence whose `subject` is this manifest). */
  then?: ManifestCopy[];
}

/** Evidence descriptors to list in the referrers fallback index of `subject` in `repo`. */
export interface ReferrersMerge {
  target: PromoteRegistry;
  repo: string;
  subject: string;
  descriptors: Descriptor[];
}

/** Everything one promotion writes to the target, grouped by phase. */
export interface CopyPlan {
  /** Phase 1: content by digest (images with their children and blobs, then their evidence). */
  content: ManifestCopy[];
  /** Phase 2: referrers fallback indexes of the copied evidence. */
  referrers: ReferrersMerge[];
  /** Phase 2: evidence tags (source evidence `commit-<sha>.source`). */
  evidenceTags: TagMove[];
  /** Phase 3: the image tags users pull. */
  imageTags: TagMove[];
}

/** What a copy did. */
export interface CopyReport {
  blobs: { mounted: number; streamed: number; present: number; skipped: number };
  manifests: { put: number; present: number };
  referrerIndexes: { updated: number; unchanged: number; viaApi: number };
  tags: TagCounts;
}

/** Options of {@link executeCopy}. */
export interface CopyOptions {
  /** Blob operations in flight at once (default 8). */
  concurrency?: number;
  /** Gets one debug line per operation. */
  log?: Log;
  /** Wait before re-reading a referrers index to check that our put stuck (default 30-80 ms). */
  settleMs?: () => number;
  /** Rounds of read-merge-put-check on a referrers index (default 6). */
  mergeAttempts?: number;
  /**
   * Re-read each referrers index after putting it, to repair a concurrent writer's overwrite
   * (default true). promote() turns it off because its record step merges the same entries again
   * and checks then, which saves a wait per promotion.
   */
  recheckReferrers?: boolean;
}

function where(client: PromoteRegistry, repo: string, ref: string): string {
  return `${client.registry}/${repo}${ref.includes(':') ? '@' : ':'}${ref}`;
}

function emptyReport(): CopyReport {
  return {
    blobs: { mounted: 0, streamed: 0, present: 0, skipped: 0 },
    manifests: { put: 0, present: 0 },
    referrerIndexes: { updated: 0, unchanged: 0, viaApi: 0 },
    tags: { moved: 0, unchanged: 0 },
  };
}

/**
 * Makes one blob present in the target repository by the cheapest means: a cross-repository mount
 * when both repositories are on one registry (no bytes move), else nothing when it is already
 * there, else a verified stream from the source registry into the target (never buffered).
 */
export async function copyBlob(
  job: Pick<ManifestCopy, 'source' | 'sourceRepo' | 'target' | 'targetRepo'>,
  descriptor: Pick<Descriptor, 'digest' | 'size' | 'urls'>,
): Promise<'mounted' | 'present' | 'streamed' | 'skipped'> {
  const { source, sourceRepo, target, targetRepo } = job;
  const { digest, size } = descriptor;
  // A mount of a blob the target already has also succeeds, so on one registry it is the only request.
  if (source.baseUrl === target.baseUrl && (await target.mountBlob(targetRepo, sourceRepo, digest))) {
    return 'mounted';
  }
  if (await target.headBlob(targetRepo, digest)) return 'present';
  // Foreign (non-distributable) layers live at their `urls`, not in the source registry.
  if ((descriptor.urls?.length ?? 0) > 0 && !(await source.headBlob(sourceRepo, digest))) return 'skipped';
  await target.uploadBlob(
    targetRepo,
    digest,
    async () => (await source.getBlob(sourceRepo, digest)).stream,
    size,
  );
  return 'streamed';
}

/**
 * Read-merge-put-check of a referrers fallback index: adds every descriptor not yet listed, keeps all
 * other entries, and re-reads after a short wait to catch a concurrent writer that replaced it
 * (the registry has no compare-and-set on tags; see docs/evidence.md).
 *
 * @returns whether the index had to be changed
 */
export async function mergeReferrersIndex(
  client: PromoteRegistry,
  repo: string,
  tag: string,
  descriptors: readonly Descriptor[],
  options: Pick<CopyOptions, 'settleMs' | 'mergeAttempts' | 'recheckReferrers'> = {},
): Promise<boolean> {
  const attempts = options.mergeAttempts ?? 6;
  const recheck = options.recheckReferrers ?? true;
  const settle = options.settleMs ?? (() => 30 + Math.floor(Math.random() * 50));
  const read = async () => (await getManifestOrUndefined(client, repo, tag))?.json;
  const missing = (index: Awaited<ReturnType<typeof read>>) =>
    descriptors.filter((d) => !(index?.manifests ?? []).some((m) => m.digest === d.digest));
  let changed = false;
  for (let round = 1; round <= attempts; round++) {
    let index = await read();
    if (missing(index).length === 0) return changed;
    for (const d of descriptors) index = mergeReferrer(index, d) ?? index;
    await client.putManifest(repo, tag, Buffer.from(JSON.stringify(index), 'utf8'), OCI_INDEX);
    changed = true;
    if (!recheck) return changed;
    await new Promise((resolve) => setTimeout(resolve, settle()));
  }
  throw new Error(
    `could not keep ${descriptors.length} evidence entries in the referrers index ${where(client, repo, tag)} ` +
      `after ${attempts} rounds: other writers kept replacing it`,
  );
}

/**
 * Runs a {@link CopyPlan}: content by digest, then evidence tags, then image tags (see the module
 * comment). Each phase waits for all of its operations, so a failure never leaves work running into
 * the next phase.
 *
 * @throws the first failure (or a list of them); a failure before phase 3 leaves every image tag
 *   untouched, a failure in phase 3 is a `TagMoveError` (tags.ts) after putting moved tags back
 */
export async function executeCopy(plan: CopyPlan, options: CopyOptions = {}): Promise<CopyReport> {
  const report = emptyReport();
  const log = options.log ?? silentLog;
  // Whether the target has the referrers API is a read: asked while the content copies, not after.
  const viaApi = plan.referrers.map((r) => {
    if (r.descriptors.length === 0) return Promise.resolve(false);
    const asked = referrersOf(r.target, r.repo, r.subject, EVIDENCE_ARTIFACT_TYPE).then((l) => l !== null);
    asked.catch(() => undefined);
    return asked;
  });
  await copyContent(plan.content, report, log, new Limiter(options.concurrency ?? 8));
  // Where the image tags point is read while the evidence is made discoverable (a read moves nothing).
  const current = readImageTags(plan.imageTags);
  // Evidence is discoverable before any image tag points users at the content.
  await makeEvidenceDiscoverable(plan, viaApi, options, report, log);
  await moveImageTags(plan.imageTags, report.tags, log, current);
  return report;
}

/**
 * Phase 1: makes every manifest of `jobs` present by digest, each with its blobs or children first
 * and what refers to it alongside. A blob or manifest shared by several jobs is copied once.
 */
async function copyContent(
  jobs: readonly ManifestCopy[],
  report: CopyReport,
  log: Log,
  limiter: Limiter,
): Promise<void> {
  const blobsDone = new Map<string, Promise<void>>();
  const manifestsDone = new Map<string, Promise<void>>();

  const blob = (job: ManifestCopy, d: Descriptor): Promise<void> => {
    const key = `${job.target.baseUrl}/${job.targetRepo}@${d.digest}`;
    let done = blobsDone.get(key);
    if (done === undefined) {
      done = limiter.run(async () => {
        const how = await copyBlob(job, d);
        report.blobs[how]++;
        log.debug(
          `blob ${d.digest} (${d.size} bytes) → ${where(job.target, job.targetRepo, d.digest)}: ${how}`,
        );
      });
      blobsDone.set(key, done);
    }
    return done;
  };

  const manifest = (job: ManifestCopy): Promise<void> => {
    const key = `${job.target.baseUrl}/${job.targetRepo}@${job.manifest.digest}`;
    let done = manifestsDone.get(key);
    if (done === undefined) {
      done = copyManifest(job);
      manifestsDone.set(key, done);
    }
    return done;
  };
  const copyManifest = async (job: ManifestCopy): Promise<void> => {
    const m = job.manifest;
    // What refers to this manifest by `subject` (its evidence) is copied alongside: registries accept
    // a subject that is not there yet, and everything here is by digest, invisible until tags move.
    const then = settleAll(
      (job.then ?? []).map((next) => manifest(next)),
      `copying what refers to ${m.digest}`,
    );
    const own = (async () => {
      const index = isIndexMediaType(m.mediaType) || m.json.manifests !== undefined;
      // A registry accepts a manifest only once everything it refers to is there, so a present index
      // means its whole tree is present. (Image manifests skip the look: mounting their few blobs
      // costs the same on a repeat and saves a round trip on a first promotion.)
      if (index && (await job.target.headManifest(job.targetRepo, m.digest)) !== null) {
        report.manifests.present++;
      } else {
        if (index) {
          // Children go under the same repository as the index (Forgejo requires it), and first.
          await settleAll(
            (m.json.manifests ?? []).map(async (child) =>
              manifest({
                ...job,
                manifest: await job.source.getManifest(job.sourceRepo, child.digest),
                then: [],
              }),
            ),
            `copying the children of ${where(job.source, job.sourceRepo, m.digest)}`,
          );
        } else {
          const blobs = [...(m.json.config !== undefined ? [m.json.config] : []), ...(m.json.layers ?? [])];
          await settleAll(
            blobs.map((d) => blob(job, d)),
            `copying the blobs of ${where(job.source, job.sourceRepo, m.digest)}`,
          );
        }
        await job.target.putManifest(job.targetRepo, m.digest, m.bytes, m.mediaType);
        report.manifests.put++;
        log.debug(`manifest ${where(job.target, job.targetRepo, m.digest)} (${m.mediaType}) put by digest`);
      }
    })();
    // Both settle before this returns, so a failure of one never leaves the other unobserved.
    await settleAll<unknown>([own, then], `copying ${where(job.target, job.targetRepo, m.digest)}`);
  };

  await settleAll(
    jobs.map((job) => manifest(job)),
    'copying content by digest',
  );
}

/**
 * Phase 2: lists the copied evidence in the referrers fallback indexes (unless the target has the
 * referrers API) and moves the evidence tags.
 */
async function makeEvidenceDiscoverable(
  plan: CopyPlan,
  viaApi: ReadonlyArray<Promise<boolean>>,
  options: CopyOptions,
  report: CopyReport,
  log: Log,
): Promise<void> {
  await settleAll(
    [
      ...plan.referrers.map(async (r, n) => {
        if (r.descriptors.length === 0) return;
        if (await viaApi[n]!) {
          report.referrerIndexes.viaApi++;
          return;
        }
        const tag = fallbackTag(r.subject);
        const changed = await mergeReferrersIndex(r.target, r.repo, tag, r.descriptors, options);
        report.referrerIndexes[changed ? 'updated' : 'unchanged']++;
        log.debug(
          `referrers index ${where(r.target, r.repo, tag)} ${changed ? 'updated' : 'already lists the evidence'}`,
        );
      }),
      ...plan.evidenceTags.map(async (t) => {
        report.tags[(await moveTag(t)) ? 'moved' : 'unchanged']++;
      }),
    ],
    'updating evidence tags',
  );
}
