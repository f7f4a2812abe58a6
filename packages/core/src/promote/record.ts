/**
 * The promotion record: evidence of lane `promotion`, signed with the signing key when there is one,
 * attached to every target digest (as a referrer, and in cosign's `.att` layout together with the lane
 * evidence copied there) and written to a file for the job; and finding it again at the target when
 * the same set is promoted twice.
 */
import type { KeyObject } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FetchedManifest } from '../registry/manifests.js';
import { OCI_MANIFEST, type Descriptor } from '../registry/media-types.js';
import {
  envelopeOf,
  signEnvelope,
  statementOf,
  verifyEnvelope,
  type DsseEnvelope,
} from '../evidence/dsse.js';
import { promotionStatement, type Check } from '../evidence/statement.js';
import { type InputAttestation } from '../evidence/vsa.js';
import { attachCosignAttestations } from '../evidence/cosign-layout.js';
import { digestOf } from '../registry/digest.js';
import {
  buildEvidenceManifest,
  DSSE_MEDIA_TYPE,
  EMPTY_BLOB,
  EMPTY_DESCRIPTOR,
  EVIDENCE_ARTIFACT_TYPE,
} from '../evidence/artifact.js';
import type { FoundEvidence } from '../evidence/find.js';
import { evidenceRepository, fallbackTag } from '../evidence/location.js';
import { referrersOf } from '../evidence/registry.js';
import { mergeReferrersIndex, type CopyReport, type PromoteRegistry } from './copy.js';
import { settleAll } from './limit.js';
import { formatTarget } from './target.js';
import { recordTrustFields, settled, shortDigest, type Promotion } from './context.js';
import type { VerifiedEvidence } from './decide.js';

/** What the record of one promotion says and where it goes, besides the promotion itself. */
export interface RecordInput {
  /** The source manifests, in plan order: the record's subject at each target. */
  manifests: readonly FetchedManifest[];
  /** The evidence copied along with each image, in plan order (listed again with the record). */
  copied: ReadonlyArray<readonly Descriptor[]>;
  /** The evidence read for each image, in plan order: what the record relied on, and the `.att` layers. */
  evidence: readonly VerifiedEvidence[];
  report: CopyReport;
  /** Milliseconds per phase so far, for the checks' durations. */
  timings: Readonly<Record<string, number>>;
  /** The target template as given. */
  target: string;
  timeVerified: Date;
  env: Readonly<Record<string, string | undefined>>;
  /** Wait before re-reading the referrers index after storing the record. */
  settleMs: () => number;
}

/**
 * Builds the promotion record (signed when the promotion has a signing key) and stores it next to
 * every target digest.
 *
 * @returns the record's envelope
 */
export async function recordPromotion(p: Promotion, input: RecordInput): Promise<DsseEnvelope> {
  const { report, timings } = input;
  const checks: Check[] = [
    ...p.lanes.map((lane) => ({
      name: `${lane} evidence`,
      result: 'PASSED' as const,
      durationMs: timings['Verify evidence'] ?? 0,
      detail: `verified for ${p.plan.map((i) => `${i.name}@${shortDigest(i.source.digest.value)}`).join(', ')}`,
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
    images: p.plan.map((i) => ({
      name: i.name,
      digest: i.source.digest.value,
      repository: `${i.target.registry}/${i.target.repository}`,
    })),
    target: input.target.trim(),
    verifiedLanes: p.lanes,
    inputAttestations: reliedOn(p, input.evidence),
    commit: p.commit,
    checks,
    timeVerified: input.timeVerified,
    env: input.env,
  });
  Object.assign(statement.predicate, recordTrustFields(p));
  let envelope = envelopeOf(statement);
  if (p.signingKey !== undefined) envelope = signEnvelope(envelope, p.signingKey);
  await settleAll(
    p.plan.map(async (i, n) => {
      const digest = await storeRecord(
        p.targetOf(i),
        i.target.repository,
        input.manifests[n]!,
        envelope,
        input.copied[n]!,
        laneEnvelopes(input.evidence[n]!),
        copiedEnvelopeLayers(input.evidence[n]!),
        { settleMs: input.settleMs },
      );
      p.log.info(
        `${i.name}: record ${digest} attached to ${formatTarget(i.target)}@${shortDigest(i.source.digest.value)}`,
      );
    }),
    'storing the promotion record',
  );
  return envelope;
}

/** The readable image evidence of one image: the lane envelopes copied with it. */
function laneEnvelopes(evidence: VerifiedEvidence): DsseEnvelope[] {
  return evidence.imageEvidence.flatMap((f) => (f.envelope !== undefined ? [f.envelope] : []));
}

/** Digests of the DSSE layers of the image evidence copied with one image (present at its target). */
function copiedEnvelopeLayers(evidence: VerifiedEvidence): string[] {
  return evidence.imageEvidence.flatMap((f) =>
    f.envelope === undefined
      ? []
      : (f.manifest?.json.layers ?? []).filter((l) => l.mediaType === DSSE_MEDIA_TYPE).map((l) => l.digest),
  );
}

/**
 * The lane attestations the promotion relied on (VSA `inputAttestations`): for every image and every
 * required lane, the evidence promote's evidence check decided that lane with. Each is named where the
 * promotion copied it (`oci://<target registry>/<repository>@<evidence manifest>`) with the digest of
 * its DSSE envelope; an envelope relied on for several images is listed once.
 */
export function reliedOn(p: Promotion, evidence: readonly VerifiedEvidence[]): InputAttestation[] {
  const out = new Map<string, InputAttestation>();
  for (const [n, i] of p.plan.entries()) {
    for (const lane of p.lanes) {
      const chosen = evidence[n]?.chosen[lane];
      if (chosen?.envelope === undefined) continue;
      const repo = lane === 'source' ? evidenceRepository(i.target.repository) : i.target.repository;
      const layer = chosen.manifest?.json.layers?.find((l) => l.mediaType === DSSE_MEDIA_TYPE)?.digest;
      const digest = layer ?? digestOf(Buffer.from(JSON.stringify(chosen.envelope), 'utf8'));
      const [algorithm, hex] = digest.split(':') as [string, string];
      if (!out.has(digest)) {
        out.set(digest, {
          uri: `oci://${i.target.registry}/${repo}@${chosen.descriptor.digest}`,
          digest: { [algorithm]: hex },
        });
      }
    }
  }
  return [...out.values()];
}

/**
 * Stores the promotion record next to the image at the target (an evidence manifest by digest, as
 * `storeEvidence` does) and lists it in the referrers fallback index together with the evidence
 * copied in this promotion. Merging those again here repairs an index entry lost to a concurrent
 * writer during the copy; the one re-read after a short wait covers both. The lane envelopes and the
 * record also go into the target's cosign attestation tag, so `cosign verify-attestation` checks the
 * promoted image where it now lives.
 */
async function storeRecord(
  target: PromoteRegistry,
  repo: string,
  image: FetchedManifest,
  envelope: DsseEnvelope,
  copied: readonly Descriptor[],
  lanes: readonly DsseEnvelope[],
  copiedLayers: readonly string[],
  options: { settleMs: () => number },
): Promise<string> {
  const built = buildEvidenceManifest(envelope, {
    subject: { mediaType: image.mediaType, digest: image.digest, size: image.bytes.length },
  });
  const layer = built.manifest.layers![0]!;
  const layerUploaded = settled(target.uploadBlob(repo, layer.digest, built.layer, built.layer.length));
  // The record's referrer manifest and the cosign tag need only the blobs, not each other: both
  // chains run at once, and each settles before this returns.
  const referrer = (async () => {
    await Promise.all([
      (async () => {
        if (!(await target.headBlob(repo, EMPTY_DESCRIPTOR.digest))) {
          await target.uploadBlob(repo, EMPTY_DESCRIPTOR.digest, EMPTY_BLOB, EMPTY_BLOB.length);
        }
      })(),
      layerUploaded,
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
  })();
  // The record's envelope is the layer just uploaded; the lanes' envelopes were copied here with
  // their evidence manifests (same bytes, so the same digests): nothing to ask the registry.
  const uploads = new Map<string, Promise<unknown>>([[layer.digest, layerUploaded]]);
  for (const d of copiedLayers) uploads.set(d, Promise.resolve());
  const cosign = attachCosignAttestations(target, repo, image.digest, [...lanes, envelope], {
    ...options,
    uploads,
  });
  await settleAll<unknown>([referrer, cosign], `storing the promotion record in ${target.registry}/${repo}`);
  return built.digest;
}

/**
 * The most recent passing promotion record at the target for this commit covering the whole set,
 * signed by `recordKey` when one is given.
 */
export function latestPromotion(
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

/**
 * Writes the record to `digestline-promotion-<commit>-<time>.dsse.json` in `dir`.
 *
 * @returns the file's path
 */
export async function writeRecord(dir: string, commit: string, envelope: DsseEnvelope): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stamp = statementOf(envelope).predicate.timeVerified.replace(/[:.]/g, '-');
  const path = join(dir, `digestline-promotion-${commit.slice(0, 12)}-${stamp}.dsse.json`);
  await writeFile(path, `${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
  return path;
}
