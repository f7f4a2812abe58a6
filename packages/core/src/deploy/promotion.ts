/**
 * The deploy gate: the images deployed together must have been promoted together. One promotion
 * record (evidence of lane `promotion`, written by promote-digest, the same statement attached to
 * every image it promoted) must be attached to each image's digest in its own repository, list
 * exactly the deployed set (names and digests), and be signed by the promotion key.
 */
import type { KeyObject } from 'node:crypto';
import { errorMessage } from '../errors.js';
import type { ImageSet } from '../inputs.js';
import type { Log } from '../log.js';
import { pinnedReference, type ParsedDigest } from '../reference.js';
import { digestOf } from '../registry/digest.js';
import { RegistryClient } from '../registry/client.js';
import { keyId, payloadBytes, statementOf, verifyEnvelope } from '../evidence/dsse.js';
import { findEvidence, type FoundEvidence } from '../evidence/find.js';
import type { EvidenceRegistry } from '../evidence/registry.js';
import type { TestedImage } from '../evidence/statement.js';
import { setDifference, short } from '../evidence/verify.js';

/** The promotion record that admits an image. */
export interface PromotionInfo {
  name: string;
  reference: string;
  digest: string;
  /** Commit the record is for (the commit the image was built from). */
  commit: string;
  /**
   * The record: sha256 of its signed statement, the same for every image promoted together (the
   * evidence manifests holding it differ per image, since each names its image as subject).
   */
  record: string;
  /** Evidence manifest digest of the record next to this image. */
  evidence: string;
  timeVerified: string;
  runUrl: string;
  /** The record says promote-digest did not check the lanes' signatures (`allow-unsigned`). */
  unsignedAllowed: boolean;
}

/** A passing promotion record found next to one image. */
export type PromotionRecord = Omit<PromotionInfo, 'name' | 'reference'> & { tested: TestedImage[] };

/** Whose signature makes a promotion record count: the promotion key, or explicitly nobody's. */
export type PromotionTrust = { key: string | KeyObject } | { unsignedAllowed: true };

/** Some images lack a promotion record of the deployed set; nothing was changed. */
export class NotPromotedError extends Error {
  override readonly name = 'NotPromotedError';
  constructor(
    readonly problems: string[],
    headline?: string,
  ) {
    super(
      `refusing to deploy: ${headline ?? (problems.length === 1 ? 'an image is not promoted' : `${problems.length} images are not promoted`)} (nothing was changed):\n${problems.join('\n')}`,
    );
  }
}

/**
 * The passing promotion records for `digest` among found evidence (pure), newest first, with notes
 * on the records that do not count.
 *
 * @param trust with a key, only records whose DSSE envelope verifies with it count (unsigned or
 *   otherwise signed records get a note)
 */
export function promotionRecords(
  found: readonly FoundEvidence[],
  digest: ParsedDigest,
  trust: PromotionTrust,
): { records: PromotionRecord[]; notes: string[] } {
  const { algorithm, hex } = digest;
  const key = 'key' in trust ? trust.key : undefined;
  const expected = key !== undefined ? short(keyId(key)) : '';
  const notes: string[] = [];
  const records: PromotionRecord[] = [];
  for (const e of found) {
    if (e.envelope === undefined) {
      notes.push(e.error ?? `evidence ${short(e.descriptor.digest)} is unreadable`);
      continue;
    }
    try {
      const s = statementOf(e.envelope);
      const p = s.predicate;
      if (p.lane !== 'promotion') continue;
      const record = digestOf(payloadBytes(e.envelope));
      const what = `record ${short(record)}`;
      // Checked before anything the record says is believed: an unsigned record is anyone's word,
      // and a lane key's signature on a promotion-lane statement is not promote-digest's.
      if (key !== undefined) {
        if (e.envelope.signatures.length === 0) {
          notes.push(`${what} is unsigned`);
          continue;
        }
        if (verifyEnvelope(e.envelope, key).length === 0) {
          notes.push(`${what} is not signed by the promotion key ${expected}`);
          continue;
        }
      }
      if (!s.subject.some((sub) => sub.digest[algorithm] === hex)) {
        notes.push(`${what} does not name this digest`);
        continue;
      }
      if (p.verificationResult !== 'PASSED') {
        notes.push(`${what} is ${p.verificationResult}`);
        continue;
      }
      records.push({
        digest: digest.value,
        commit: p.commit.sha,
        record,
        evidence: e.descriptor.digest,
        timeVerified: p.timeVerified,
        runUrl: p.runUrl,
        unsignedAllowed: p.unsignedAllowed === true,
        tested: p.tested,
      });
    } catch (err) {
      notes.push(`record ${short(e.descriptor.digest)}: ${errorMessage(err)}`);
    }
  }
  records.sort((a, b) => b.timeVerified.localeCompare(a.timeVerified));
  return { records, notes };
}

/** One image of the deployed set with the promotion records found next to it. */
export interface ImageRecords {
  name: string;
  reference: string;
  /** `registry/repository`, for messages. */
  repository: string;
  digest: string;
  records: readonly PromotionRecord[];
  notes: readonly string[];
}

const describeRecord = (r: PromotionRecord): string =>
  `record ${short(r.record)} (commit ${short(r.commit)}, ${r.timeVerified}, ${r.runUrl})`;

/**
 * Chooses the one promotion record that admits the whole deployed set (pure): attached to every
 * image, listing exactly the deployed set (names and digests). The newest such record wins.
 *
 * @throws NotPromotedError naming each image without a record, each image whose records are of
 *   another set, or every record involved when the images come from different promotions
 */
export function chooseRecord(images: readonly ImageRecords[], keyNote: string): PromotionInfo[] {
  if (images.length === 0) throw new Error('no images to deploy');
  const set: TestedImage[] = images.map((i) => ({ name: i.name, digest: i.digest }));
  const problems: string[] = [];
  const exact = images.map((i) => {
    const line = `${i.name}=${i.reference}`;
    if (i.records.length === 0) {
      const none = `no passing promotion record${keyNote}`;
      problems.push(
        i.notes.length > 0
          ? `${line}: ${none} (${i.notes.join('; ')}) in ${i.repository}`
          : `${line}: ${keyNote === '' ? 'no promotion record' : none} in ${i.repository}`,
      );
      return [];
    }
    const ofSet = i.records.filter((r) => setDifference(r.tested, set, 'promoted') === undefined);
    if (ofSet.length === 0) {
      const newest = i.records[0]!;
      problems.push(
        `${line}: not promoted together with the deployed set: its newest ${describeRecord(newest)}: ${setDifference(newest.tested, set, 'promoted')!}`,
      );
    }
    return ofSet;
  });
  if (problems.length > 0) {
    const involved = new Set(images.flatMap((i) => (i.records[0] ? [i.records[0].record] : [])));
    const headline =
      involved.size > 1
        ? `the images come from ${involved.size} different promotions (records ${[...involved].map((r) => short(r)).join(', ')}); deploy a set promote-digest promoted together`
        : undefined;
    throw new NotPromotedError(problems, headline);
  }
  const common = exact[0]!.filter((r) => exact.every((list) => list.some((o) => o.record === r.record)));
  const chosen = common[0];
  if (chosen === undefined) {
    throw new NotPromotedError(
      images.map((i, n) => `${i.name}=${i.reference}: promoted by ${describeRecord(exact[n]![0]!)}`),
      'the images were promoted by different promotion records, none of which is attached to all of them',
    );
  }
  return images.map((i, n) => {
    const own = exact[n]!.find((r) => r.record === chosen.record)!;
    return {
      name: i.name,
      reference: i.reference,
      digest: own.digest,
      commit: own.commit,
      record: own.record,
      evidence: own.evidence,
      timeVerified: own.timeVerified,
      runUrl: own.runUrl,
      unsignedAllowed: own.unsignedAllowed,
    };
  });
}

/** Options of {@link requirePromotions}. */
export interface RequirePromotionsOptions {
  /** Registry client per registry host (default: a {@link RegistryClient} with the docker/podman auth files). */
  clientFor?: (registry: string) => EvidenceRegistry;
  /**
   * The promotion key (PEM SPKI or key object, ECDSA P-256) records must be signed with, or
   * explicitly no signature check (with a warning).
   */
  trust: PromotionTrust;
  /** Receives the warnings. */
  log: Log;
}

/**
 * Looks up the promotion records of every image (concurrently) and requires one record that
 * promoted exactly this set (with a key: signed by it).
 *
 * @throws NotPromotedError listing every image that is not covered, with its digest and why (registry
 *   errors included); Error for a key that is not ECDSA P-256, before any request
 */
export async function requirePromotions(
  images: ImageSet,
  options: RequirePromotionsOptions,
): Promise<PromotionInfo[]> {
  const { trust } = options;
  const keyNote = 'key' in trust ? ` signed by the promotion key ${short(keyId(trust.key))}` : '';
  if (!('key' in trust)) {
    options.log.warning(
      "UNSIGNED PROMOTION RECORDS ALLOWED (allow-unsigned): promotion records are not verified by signature, so anyone who can push to the images' repositories could forge one",
    );
  }
  const clientFor = options.clientFor ?? defaultClientFor();
  const found = await Promise.all(
    images.map(async (image): Promise<ImageRecords> => {
      const { name, registry, repository, digest } = image;
      const base = { name, reference: pinnedReference(image), repository: `${registry}/${repository}` };
      try {
        const evidence = await findEvidence(clientFor(registry), repository, digest, { lane: 'promotion' });
        return { ...base, digest: digest.value, ...promotionRecords(evidence, digest, trust) };
      } catch (err) {
        const note = `cannot read its promotion records: ${errorMessage(err)}`;
        return { ...base, digest: digest.value, records: [], notes: [note] };
      }
    }),
  );
  const chosen = chooseRecord(found, keyNote);
  if (chosen[0]?.unsignedAllowed === true) {
    options.log.warning(
      `promotion record ${short(chosen[0].record)} says promote-digest did not check the lanes' evidence signatures (allow-unsigned)`,
    );
  }
  return chosen;
}

function defaultClientFor(): (registry: string) => EvidenceRegistry {
  const clients = new Map<string, RegistryClient>();
  return (registry) => {
    let client = clients.get(registry);
    if (client === undefined) {
      client = new RegistryClient({ registry });
      clients.set(registry, client);
    }
    return client;
  };
}
