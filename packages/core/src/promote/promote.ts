/**
 * promote-digest's core: verify the evidence of exactly these digests, then copy them server-side
 * (never rebuild) so the target serves the same digests, carry the evidence along, and record the
 * promotion as evidence of its own.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { errorMessage } from '../errors.js';
import type { ImageSet } from '../inputs.js';
import type { Credentials } from '../registry/auth.js';
import { RegistryClient, type FetchedManifest } from '../registry/client.js';
import {
  envelopeOf,
  signEnvelope,
  statementOf,
  verifyEnvelope,
  type DsseEnvelope,
} from '../evidence/dsse.js';
import { promotionStatement, type Check, type Lane } from '../evidence/statement.js';
import {
  buildEvidenceManifest,
  EMPTY_BLOB,
  EMPTY_DESCRIPTOR,
  EVIDENCE_ARTIFACT_TYPE,
  evidenceRepository,
  fallbackTag,
  findEvidence,
  findSourceEvidence,
  isNotFound,
  referrersOf,
  sourceEvidenceTag,
  type FoundEvidence,
} from '../evidence/store.js';
import { OCI_MANIFEST, type Descriptor } from '../registry/media-types.js';
import { group, type SummaryBuilder } from '../summary.js';
import {
  executeCopy,
  mergeReferrersIndex,
  TagMoveError,
  type CopyOptions,
  type CopyPlan,
  type CopyReport,
  type PromoteRegistry,
} from './copy.js';
import { decideSet, PromotionRefusedError, type ImageEvidence, type RequirableLane } from './decide.js';
import { buildPlan, type PlannedImage } from './plan.js';
import { formatTarget } from './target.js';
import { settleAll } from './limit.js';

/** Where promote() logs; defaults to the runner log. */
export interface PromoteLog {
  info(message: string): void;
  debug(message: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** Options of {@link promote}. */
export interface PromoteOptions {
  images: ImageSet;
  /** Target template, e.g. `127.0.0.1:5000/staging/{name}:staging`. */
  target: string;
  requiredLanes: readonly RequirableLane[];
  /** The commit all evidence must be for (40 or 64 hex). */
  commit: string;
  /** PEM public key: only evidence signed by it counts. */
  publicKey?: string;
  /** PEM private key signing the promotion record (unsigned without it). */
  signingKey?: string;
  /** Credentials for the source registries (default: the docker/podman auth files). */
  sourceCredentials?: Credentials;
  /** Credentials for the target registry (default: the docker/podman auth files). */
  targetCredentials?: Credentials;
  /** Directory the promotion record file goes to (the action uses RUNNER_TEMP). */
  recordDir: string;
  /** Makes the registry clients (tests); default a {@link RegistryClient} per registry and role. */
  clientFor?: (registry: string, role: 'source' | 'target') => PromoteRegistry;
  copy?: CopyOptions;
  /** Wait before re-reading the referrers index after storing the record (default 20-50 ms). */
  recordSettleMs?: () => number;
  /** Environment for the record's run URL (`GITHUB_*`); default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  log?: PromoteLog;
  now?: () => Date;
}

/** One promoted image. */
export interface PromotedImage {
  name: string;
  digest: string;
  /** `registry/repository@digest` of the source. */
  source: string;
  /** `registry/repository[:tag]` of the target. */
  target: string;
  /**
   * `registry/repository@digest`: what the `promoted` output lists. No tag: the next job (deploy-staging)
   * takes image sets, which pin by digest only.
   */
  reference: string;
  lanes: Lane[];
}

/** What {@link promote} did. */
export interface PromoteResult {
  /** True when the target already had every image with its evidence and promotion record: nothing was written. */
  alreadyPromoted: boolean;
  images: PromotedImage[];
  record: DsseEnvelope;
  recordPath: string;
  /** Absent when already promoted. */
  copy?: CopyReport;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
}

const defaultLog: PromoteLog = {
  info: (m) => core.info(m),
  debug: (m) => core.debug(m),
  group: (title, fn) => group(title, fn),
};

function short(digest: string): string {
  return digest.slice(0, digest.indexOf(':') + 13);
}

/**
 * Verifies and promotes an image set. Steps: resolve every source digest; verify its evidence (every
 * required lane passed, same commit, whole set); stop with "already promoted" when the target holds
 * all of it with a promotion record; copy content by digest, then evidence tags, then image tags;
 * check the target resolves to the same digests; store and write the promotion record.
 *
 * @throws PromotionRefusedError when a source cannot be resolved or its evidence does not pass
 *   (nothing is copied then)
 * @throws Error when copying or the final check fails; image tags are left where they were
 */
export async function promote(options: PromoteOptions): Promise<PromoteResult> {
  const log = options.log ?? defaultLog;
  const now = options.now ?? (() => new Date());
  const timings: Record<string, number> = {};
  const timed = async <T>(phase: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await log.group(phase, fn);
    } finally {
      timings[phase] = Math.round(performance.now() - started);
    }
  };
  const plan = buildPlan(options.images, options.target);
  const lanes: Lane[] = [...options.requiredLanes];
  const clients = new Map<string, PromoteRegistry>();
  const clientFor = (registry: string, role: 'source' | 'target'): PromoteRegistry => {
    const key = `${role} ${registry}`;
    let client = clients.get(key);
    if (client === undefined) {
      client =
        options.clientFor?.(registry, role) ??
        new RegistryClient({
          registry,
          log: (m) => log.debug(m),
          ...(role === 'source' && options.sourceCredentials !== undefined
            ? { credentials: options.sourceCredentials }
            : {}),
          ...(role === 'target' && options.targetCredentials !== undefined
            ? { credentials: options.targetCredentials }
            : {}),
        });
      clients.set(key, client);
    }
    return client;
  };
  const sourceOf = (i: PlannedImage) => clientFor(i.source.registry, 'source');
  const targetOf = (i: PlannedImage) => clientFor(i.target.registry, 'target');
  const sourceRef = (i: PlannedImage) => `${i.source.registry}/${i.source.repository}@${i.source.digest}`;

  const sourceEvidenceCache = new Map<string, Promise<FoundEvidence[]>>();
  const sourceEvidenceOf = (client: PromoteRegistry, repo: string): Promise<FoundEvidence[]> => {
    if (!lanes.includes('source')) return Promise.resolve([]);
    const key = `${client.baseUrl}/${repo}`;
    let found = sourceEvidenceCache.get(key);
    if (found === undefined) {
      found = findSourceEvidence(client, repo, options.commit);
      sourceEvidenceCache.set(key, found);
    }
    return found;
  };
  const set = plan.map((i) => ({ name: i.name, digest: i.source.digest }));
  const recordKey = options.signingKey !== undefined ? createPublicKey(options.signingKey) : undefined;

  // Every read starts at once (they are independent, and a promotion is mostly waiting on round
  // trips); the decisions below still happen in order, and nothing is written before all pass.
  const resolving = plan.map((i) => settled(sourceOf(i).getManifest(i.source.repository, i.source.digest)));
  const reading = plan.map((i) =>
    settled(
      (async (): Promise<ImageEvidence> => {
        const [imageEvidence, sourceEvidence] = await Promise.all([
          findEvidence(sourceOf(i), i.source.repository, i.source.digest),
          sourceEvidenceOf(sourceOf(i), evidenceRepository(i.source.repository)),
        ]);
        return {
          name: i.name,
          reference: sourceRef(i),
          digest: i.source.digest,
          imageEvidence,
          sourceEvidence,
        };
      })(),
    ),
  );
  // The manifests of the evidence to copy: those findEvidence read (digest-verified), fetched again
  // only if a reader did not keep one.
  const evidenceManifestsOf = reading.map((r, n) => {
    const i = plan[n]!;
    const manifestOf = (f: FoundEvidence, repo: string): Promise<FetchedManifest> =>
      f.manifest !== undefined
        ? Promise.resolve(f.manifest)
        : sourceOf(i).getManifest(repo, f.descriptor.digest);
    return settled(
      r.then(async (e) => {
        const source = e.sourceEvidence.find((f) => f.envelope !== undefined);
        const [image, sourceManifest] = await Promise.all([
          settleAll(
            e.imageEvidence
              .filter((f) => f.envelope !== undefined)
              .map((f) => manifestOf(f, i.source.repository)),
            `reading the evidence manifests of ${i.name}`,
          ),
          source === undefined ? undefined : manifestOf(source, evidenceRepository(i.source.repository)),
        ]);
        return { image, source: sourceManifest };
      }),
    );
  });
  const targetState = plan.map((i) => settled(targetRecord(i)));

  // 1. Resolve: the manifest exists and its bytes hash to the digest (the client verifies).
  const manifests = await timed('Resolve source digests', async () => {
    const results = await Promise.allSettled(resolving);
    const problems = results.flatMap((r, n) =>
      r.status === 'rejected'
        ? [
            `${plan[n]!.name} (${sourceRef(plan[n]!)}): cannot be resolved: ` +
              (isNotFound(r.reason) ? 'the source registry does not have it' : errorMessage(r.reason)),
          ]
        : [],
    );
    if (problems.length > 0) throw new PromotionRefusedError(problems, 'source digests');
    return results.map((r, n) => {
      const m = (r as PromiseFulfilledResult<FetchedManifest>).value;
      log.info(`${plan[n]!.name}: ${sourceRef(plan[n]!)} (${m.mediaType}, ${m.bytes.length} bytes)`);
      return m;
    });
  });

  // 2. Verify the evidence of exactly these digests, for this commit and this set.
  const evidence = await timed('Verify evidence', async () => {
    const found = await settleAll(reading, 'reading evidence');
    const decision = decideSet({
      images: found,
      commit: options.commit,
      requiredLanes: lanes,
      ...(options.publicKey !== undefined ? { publicKey: options.publicKey } : {}),
    });
    for (const v of decision.verdicts) {
      for (const lane of lanes) {
        const l = v.verdict.lanes[lane];
        log.info(
          `${v.name} ${short(v.digest)} ${lane}: ${l?.passed ? 'passed' : 'NOT passed'}: ${l?.reason ?? ''}`,
        );
      }
    }
    if (!decision.ok) throw new PromotionRefusedError(decision.problems);
    return found;
  });

  const promoted: PromotedImage[] = plan.map((i) => ({
    name: i.name,
    digest: i.source.digest,
    source: sourceRef(i),
    target: formatTarget(i.target),
    reference: `${i.target.registry}/${i.target.repository}@${i.source.digest}`,
    lanes,
  }));

  // Idempotence: the same set promoted again finds everything in place and writes nothing.
  const existing = await timed('Check the target', async () => settleAll(targetState, 'checking the target'));
  if (existing.every((r) => r !== undefined)) {
    const record = existing[0]!;
    const recordPath = await writeRecord(options.recordDir, options.commit, record);
    log.info(`already promoted: every image is at its target with its evidence; nothing was copied`);
    return { alreadyPromoted: true, images: promoted, record, recordPath, timings };
  }

  // 3. Copy: content by digest, evidence tags, then image tags.
  const evidenceManifests = await settleAll(evidenceManifestsOf, 'reading evidence manifests');
  const copyPlan: CopyPlan = { content: [], referrers: [], evidenceTags: [], imageTags: [] };
  const copied: Descriptor[][] = [];
  const sourceTags = new Set<string>();
  for (const [n, i] of plan.entries()) {
    const base = {
      source: sourceOf(i),
      sourceRepo: i.source.repository,
      target: targetOf(i),
      targetRepo: i.target.repository,
    };
    copyPlan.content.push({
      ...base,
      manifest: manifests[n]!,
      then: evidenceManifests[n]!.image.map((m) => ({ ...base, manifest: m })),
    });
    copied.push(evidence[n]!.imageEvidence.filter((e) => e.envelope !== undefined).map((e) => e.descriptor));
    copyPlan.referrers.push({
      target: targetOf(i),
      repo: i.target.repository,
      subject: i.source.digest,
      descriptors: copied[n]!,
    });
    if (i.target.tag !== undefined) {
      copyPlan.imageTags.push({
        target: targetOf(i),
        repo: i.target.repository,
        tag: i.target.tag,
        manifest: manifests[n]!,
      });
    }
    // Source evidence goes to the target's evidence repository, so the target verifies on its own.
    const src = evidenceManifests[n]!.source;
    const toRepo = evidenceRepository(i.target.repository);
    if (src !== undefined && !sourceTags.has(`${i.target.registry}/${toRepo}`)) {
      sourceTags.add(`${i.target.registry}/${toRepo}`);
      const fromRepo = evidenceRepository(i.source.repository);
      copyPlan.content.push({ ...base, sourceRepo: fromRepo, targetRepo: toRepo, manifest: src });
      copyPlan.evidenceTags.push({
        target: targetOf(i),
        repo: toRepo,
        tag: sourceEvidenceTag(options.commit),
        manifest: src,
      });
    }
  }
  const report = await timed('Copy server-side', async () => {
    let r: CopyReport;
    try {
      r = await executeCopy(copyPlan, { log: (m) => log.debug(m), recheckReferrers: false, ...options.copy });
    } catch (err) {
      if (err instanceof TagMoveError) throw err;
      throw new Error(
        `copy failed before any image tag was moved (every target tag is where it was): ${errorMessage(err)}`,
        { cause: err },
      );
    }
    log.info(
      `blobs: ${r.blobs.mounted} mounted, ${r.blobs.streamed} streamed, ${r.blobs.present} already there; ` +
        `manifests: ${r.manifests.put} put, ${r.manifests.present} already there; ` +
        `tags: ${r.tags.moved} moved, ${r.tags.unchanged} unchanged`,
    );
    return r;
  });

  // 4. The target must now serve exactly the source digests.
  await timed('Check the target digests', async () => {
    const problems = (
      await settleAll(
        plan.map(async (i) => {
          const ref = i.target.tag ?? i.source.digest;
          const at = await targetOf(i).headManifest(i.target.repository, ref);
          if (at?.digest === i.source.digest) {
            log.info(`${i.name}: ${formatTarget(i.target)} → ${i.source.digest}`);
            return undefined;
          }
          return `${i.name}: ${formatTarget(i.target)} resolves to ${at?.digest ?? 'nothing'}, not ${i.source.digest}`;
        }),
        'checking the target digests',
      )
    ).filter((p): p is string => p !== undefined);
    if (problems.length > 0) {
      throw new Error(`the target does not serve the promoted digests: ${problems.join('; ')}`);
    }
  });

  // 5. The promotion record: evidence of lane `promotion`, attached to every target digest.
  const record = await timed('Promotion record', async () => {
    const checks: Check[] = [
      ...lanes.map((lane) => ({
        name: `${lane} evidence`,
        result: 'PASSED' as const,
        durationMs: timings['Verify evidence'] ?? 0,
        detail: `verified for ${plan.map((i) => `${i.name}@${short(i.source.digest)}`).join(', ')}`,
      })),
      {
        name: 'server-side copy',
        result: 'PASSED',
        durationMs: timings['Copy server-side'] ?? 0,
        detail: `${report.blobs.mounted} blobs mounted, ${report.blobs.streamed} streamed, ${report.blobs.present} present`,
      },
      { name: 'target digests', result: 'PASSED', durationMs: timings['Check the target digests'] ?? 0 },
    ];
    const statement = promotionStatement({
      images: plan.map((i) => ({
        name: i.name,
        digest: i.source.digest,
        repository: `${i.target.registry}/${i.target.repository}`,
      })),
      target: options.target.trim(),
      commit: options.commit,
      checks,
      timeVerified: now(),
      env: options.env ?? process.env,
    });
    let envelope = envelopeOf(statement);
    if (options.signingKey !== undefined) envelope = signEnvelope(envelope, options.signingKey);
    await settleAll(
      plan.map(async (i, n) => {
        const digest = await storeRecord(
          targetOf(i),
          i.target.repository,
          manifests[n]!,
          envelope,
          copied[n]!,
          {
            settleMs: options.recordSettleMs ?? (() => 20 + Math.floor(Math.random() * 30)),
          },
        );
        log.info(
          `${i.name}: record ${digest} attached to ${formatTarget(i.target)}@${short(i.source.digest)}`,
        );
      }),
      'storing the promotion record',
    );
    return envelope;
  });
  const recordPath = await writeRecord(options.recordDir, options.commit, record);
  log.info(
    `timings: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ')}`,
  );
  log.info(
    `promotion record: ${recordPath}${options.signingKey !== undefined ? ' (signed)' : ' (unsigned)'}`,
  );
  return { alreadyPromoted: false, images: promoted, record, recordPath, copy: report, timings };

  /** The target's promotion record when the image is already promoted there, else undefined. */
  async function targetRecord(i: PlannedImage): Promise<DsseEnvelope | undefined> {
    const target = targetOf(i);
    const at = await target.headManifest(i.target.repository, i.target.tag ?? i.source.digest);
    if (at?.digest !== i.source.digest) {
      log.info(
        `${i.name}: ${formatTarget(i.target)} ${at === null ? 'does not exist yet' : `is at ${at.digest}`}`,
      );
      return undefined;
    }
    const [imageEvidence, sourceEvidence] = await Promise.all([
      findEvidence(target, i.target.repository, i.source.digest),
      sourceEvidenceOf(target, evidenceRepository(i.target.repository)),
    ]);
    const decision = decideSet({
      images: [
        {
          name: i.name,
          reference: formatTarget(i.target),
          digest: i.source.digest,
          imageEvidence,
          sourceEvidence,
        },
      ],
      commit: options.commit,
      requiredLanes: lanes,
      ...(options.publicKey !== undefined ? { publicKey: options.publicKey } : {}),
    });
    // decideSet judged this image alone; the promotion record must cover the whole set, and is
    // signed by our signing key (not the lanes' key), so it is checked against that.
    const record = latestPromotion(imageEvidence, options.commit, set, recordKey);
    if (!decision.ok || record === undefined) {
      log.info(`${i.name}: ${formatTarget(i.target)} is at the digest, but its evidence is incomplete`);
      return undefined;
    }
    log.info(`${i.name}: ${formatTarget(i.target)} is already at ${i.source.digest} with its evidence`);
    return record;
  }
}

/**
 * A promise whose rejection is also observed right away: reads start early and may be abandoned
 * when an earlier check refuses, and an unobserved rejection would crash the process.
 */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Stores the promotion record next to the image at the target (an evidence manifest by digest, as
 * `storeEvidence` does) and lists it in the referrers fallback index together with the evidence
 * copied in this promotion. Merging those again here repairs an index entry lost to a concurrent
 * writer during the copy; the one re-read after a short wait covers both.
 */
async function storeRecord(
  target: PromoteRegistry,
  repo: string,
  image: FetchedManifest,
  envelope: DsseEnvelope,
  copied: readonly Descriptor[],
  options: { settleMs: () => number },
): Promise<string> {
  const built = buildEvidenceManifest(envelope, {
    subject: { mediaType: image.mediaType, digest: image.digest, size: image.bytes.length },
  });
  const layer = built.manifest.layers![0]!;
  await Promise.all([
    (async () => {
      if (!(await target.headBlob(repo, EMPTY_DESCRIPTOR.digest))) {
        await target.uploadBlob(repo, EMPTY_DESCRIPTOR.digest, EMPTY_BLOB, EMPTY_BLOB.length);
      }
    })(),
    target.uploadBlob(repo, layer.digest, built.layer, built.layer.length),
  ]);
  await target.putManifest(repo, built.digest, built.bytes, OCI_MANIFEST);
  if ((await referrersOf(target, repo, image.digest, EVIDENCE_ARTIFACT_TYPE)) === null) {
    await mergeReferrersIndex(
      target,
      repo,
      fallbackTag(image.digest),
      [...copied, built.descriptor],
      options,
    );
  }
  return built.digest;
}

/**
 * The most recent passing promotion record at the target for this commit covering the whole set,
 * signed by `recordKey` when one is given.
 */
function latestPromotion(
  found: readonly FoundEvidence[],
  commit: string,
  set: ReadonlyArray<{ digest: string }>,
  recordKey: KeyObject | undefined,
): DsseEnvelope | undefined {
  const records = found.flatMap((e) => {
    if (e.envelope === undefined) return [];
    try {
      const s = statementOf(e.envelope);
      const tested = new Set(s.predicate.tested.map((t) => t.digest));
      if (s.predicate.lane !== 'promotion' || s.predicate.commit.sha !== commit) return [];
      if (!set.every((i) => tested.has(i.digest)) || s.predicate.verificationResult !== 'PASSED') return [];
      if (recordKey !== undefined && verifyEnvelope(e.envelope, recordKey).length === 0) return [];
      return [{ envelope: e.envelope, time: s.predicate.timeVerified }];
    } catch {
      return [];
    }
  });
  records.sort((a, b) => b.time.localeCompare(a.time));
  return records[0]?.envelope;
}

async function writeRecord(dir: string, commit: string, envelope: DsseEnvelope): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stamp = statementOf(envelope).predicate.timeVerified.replace(/[:.]/g, '-');
  const path = join(dir, `digestline-promotion-${commit.slice(0, 12)}-${stamp}.dsse.json`);
  await writeFile(path, `${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
  return path;
}

/** The `promoted` output: one `name=registry/repository[:tag]@digest` line per image. */
export function promotedOutput(result: Pick<PromoteResult, 'images'>): string {
  return result.images.map((i) => `${i.name}=${i.reference}`).join('\n');
}

/** Adds the job summary of a promotion: a table of name, digest, lanes verified and target. */
export function summarizePromotion(summary: SummaryBuilder, result: PromoteResult): void {
  summary.heading(result.alreadyPromoted ? 'promote-digest: already promoted' : 'promote-digest: promoted');
  summary.table(
    ['Name', 'Digest', 'Lanes verified', 'Target'],
    result.images.map((i) => [i.name, i.digest, i.lanes.join(', '), i.target]),
  );
  const signed = result.record.signatures.length > 0 ? 'signed' : 'unsigned';
  summary.text(`Promotion record (${signed}): ${result.recordPath}`);
}
