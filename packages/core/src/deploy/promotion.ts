/**
 * The deploy gate: every image must carry a promotion record (evidence of lane `promotion`, written
 * by promote-digest) attached to exactly its digest in its own repository, and, with a public key,
 * signed by that key.
 */
import type { KeyObject } from 'node:crypto';
import { errorMessage } from '../errors.js';
import type { ImageSet } from '../inputs.js';
import type { Log } from '../log.js';
import { pinnedReference, type ParsedDigest } from '../reference.js';
import { RegistryClient } from '../registry/client.js';
import { keyId, statementOf, verifyEnvelope } from '../evidence/dsse.js';
import { findEvidence, type FoundEvidence } from '../evidence/find.js';
import type { EvidenceRegistry } from '../evidence/registry.js';
import { short } from '../evidence/verify.js';

/** The promotion record that admits an image. */
export interface PromotionInfo {
  name: string;
  reference: string;
  digest: string;
  /** Commit the record is for (the commit the image was built from). */
  commit: string;
  /** Evidence manifest digest of the record. */
  record: string;
  timeVerified: string;
  runUrl: string;
}

/** Some images lack a promotion record; nothing was changed. */
export class NotPromotedError extends Error {
  override readonly name = 'NotPromotedError';
  constructor(readonly problems: string[]) {
    super(
      `refusing to deploy: ${problems.length === 1 ? 'an image is' : `${problems.length} images are`} not promoted (nothing was changed):\n${problems.join('\n')}`,
    );
  }
}

/**
 * Picks the newest passing promotion record for `digest` among found evidence (pure).
 *
 * @param publicKey when given, only records whose DSSE envelope verifies with this key count
 *   (unsigned or otherwise signed records are named in the reason)
 * @returns the record, or the reason none counts
 */
export function pickPromotion(
  found: readonly FoundEvidence[],
  digest: ParsedDigest,
  publicKey?: string | KeyObject,
): { info: Omit<PromotionInfo, 'name' | 'reference'> } | { reason: string } {
  const { algorithm, hex } = digest;
  const expected = publicKey !== undefined ? short(keyId(publicKey)) : undefined;
  const notes: string[] = [];
  const passing: Array<Omit<PromotionInfo, 'name' | 'reference'>> = [];
  for (const e of found) {
    if (e.envelope === undefined) {
      notes.push(e.error ?? `evidence ${short(e.descriptor.digest)} is unreadable`);
      continue;
    }
    try {
      const s = statementOf(e.envelope);
      const p = s.predicate;
      if (p.lane !== 'promotion') continue;
      // Checked before anything the record says is believed: an unsigned record is anyone's word.
      if (publicKey !== undefined) {
        if (e.envelope.signatures.length === 0) {
          notes.push(`record ${short(e.descriptor.digest)} is unsigned`);
          continue;
        }
        if (verifyEnvelope(e.envelope, publicKey).length === 0) {
          notes.push(`record ${short(e.descriptor.digest)} is not signed by key ${expected ?? ''}`);
          continue;
        }
      }
      if (!s.subject.some((sub) => sub.digest[algorithm] === hex)) {
        notes.push(`record ${short(e.descriptor.digest)} does not name this digest`);
        continue;
      }
      if (p.verificationResult !== 'PASSED') {
        notes.push(`record ${short(e.descriptor.digest)} is ${p.verificationResult}`);
        continue;
      }
      passing.push({
        digest: digest.value,
        commit: p.commit.sha,
        record: e.descriptor.digest,
        timeVerified: p.timeVerified,
        runUrl: p.runUrl,
      });
    } catch (err) {
      notes.push(`record ${short(e.descriptor.digest)}: ${errorMessage(err)}`);
    }
  }
  passing.sort((a, b) => b.timeVerified.localeCompare(a.timeVerified));
  const best = passing[0];
  if (best !== undefined) return { info: best };
  const none = expected !== undefined ? `no passing promotion record signed by key ${expected}` : undefined;
  if (notes.length > 0) return { reason: `${none ?? 'no passing promotion record'} (${notes.join('; ')})` };
  return { reason: 'no promotion record' };
}

/** Options of {@link requirePromotions}. */
export interface RequirePromotionsOptions {
  /** Registry client per registry host (default: a {@link RegistryClient} with the docker/podman auth files). */
  clientFor?: (registry: string) => EvidenceRegistry;
  /**
   * PEM (SPKI) or key object of the ECDSA P-256 key promotion records must be signed with. Without
   * it any record counts, signed or not, and a warning says so.
   */
  publicKey?: string | KeyObject;
  /** Receives the unverified-records warning. */
  log: Log;
}

/**
 * Looks up the promotion record of every image (concurrently) and refuses the whole set when any
 * lacks one (with `publicKey`: one signed by that key).
 *
 * @throws NotPromotedError listing every image without a record, with its digest and why (registry
 *   errors included); Error for a public key that is not ECDSA P-256, before any request
 */
export async function requirePromotions(
  images: ImageSet,
  options: RequirePromotionsOptions,
): Promise<PromotionInfo[]> {
  const { publicKey } = options;
  if (publicKey !== undefined) keyId(publicKey);
  else {
    options.log.warning(
      "public-key is not set: promotion records are not verified by signature, so anyone who can push to the images' repositories could forge one",
    );
  }
  const clientFor = options.clientFor ?? defaultClientFor();
  const results = await Promise.all(
    images.map(async (image): Promise<PromotionInfo | string> => {
      const { name, registry, repository, digest } = image;
      const reference = pinnedReference(image);
      try {
        const found = await findEvidence(clientFor(registry), repository, digest, { lane: 'promotion' });
        const picked = pickPromotion(found, digest, publicKey);
        if ('reason' in picked) return `${name}=${reference}: ${picked.reason} in ${registry}/${repository}`;
        return { name, reference, ...picked.info };
      } catch (err) {
        return `${name}=${reference}: cannot read its promotion records: ${errorMessage(err)}`;
      }
    }),
  );
  const problems = results.filter((r): r is string => typeof r === 'string');
  if (problems.length > 0) throw new NotPromotedError(problems);
  return results as PromotionInfo[];
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
