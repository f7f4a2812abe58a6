/**
 * Decides whether an image digest may be promoted: every required lane must have passing evidence for
 * this exact digest, at this commit, covering the whole set promoted together.
 *
 * The decision ({@link decideEvidence}) is pure so every rule is table-tested; {@link verifyEvidenceFor}
 * only fetches and delegates.
 */
import type { KeyObject } from 'node:crypto';
import { errorMessage } from '../errors.js';
import { parseDigest, type ParsedDigest } from '../reference.js';
import { statementOf, verifyEnvelope, keyId } from './dsse.js';
import { findEvidence, findSourceEvidence, type FoundEvidence } from './find.js';
import { evidenceRepository } from './location.js';
import type { EvidenceRegistry } from './registry.js';
import type { Lane, TestedImage, VerificationStatement } from './statement.js';

/** Verdict of one lane. */
export interface LaneVerdict {
  passed: boolean;
  reason: string;
}

/** Result of verifying one digest's evidence. */
export interface EvidenceVerdict {
  ok: boolean;
  lanes: Partial<Record<Lane, LaneVerdict>>;
  /** Everything wrong, one line each: failing lanes first, then unreadable or refused evidence. */
  problems: string[];
}

/** Input of {@link decideEvidence}. */
export interface EvidenceDecisionInput {
  digest: string;
  commit: string;
  requiredLanes: readonly Lane[];
  /** The whole set promoted together (including `digest`). */
  set: readonly TestedImage[];
  /** Evidence attached to the image digest. */
  imageEvidence: readonly FoundEvidence[];
  /** Evidence found from the commit (source lane). */
  sourceEvidence: readonly FoundEvidence[];
  /** When given, only evidence signed by this key counts. */
  publicKey?: string | KeyObject;
}

/** Shortens digests and commits in messages: `sha256:ab12cd34ef56…`, `1a2b3c4d5e6f…`. */
export function short(value: string): string {
  const colon = value.indexOf(':');
  const prefix = colon >= 0 ? value.slice(0, colon + 1) : '';
  const hex = value.slice(prefix.length);
  return hex.length > 12 ? `${prefix}${hex.slice(0, 12)}…` : value;
}

interface Candidate {
  statement: VerificationStatement;
  where: string;
}

/** Why a statement does not apply to this digest/commit/set, or undefined when it does. */
function inapplicable(
  s: VerificationStatement,
  lane: Lane,
  input: EvidenceDecisionInput,
  digest: ParsedDigest,
): string | undefined {
  const p = s.predicate;
  if (p.commit.sha !== input.commit) return `it is for commit ${short(p.commit.sha)}`;
  if (lane === 'source') {
    return s.subject.some((sub) => sub.digest.gitCommit === input.commit)
      ? undefined
      : 'its subject is not the commit';
  }
  if (!s.subject.some((sub) => sub.digest[digest.algorithm] === digest.hex)) {
    return 'its subject does not include this digest';
  }
  if (lane === 'integration' || lane === 'e2e' || lane === 'promotion') {
    const tested = new Set(p.tested.map((t) => t.digest));
    const missing = input.set.filter((i) => !tested.has(i.digest));
    if (missing.length > 0) {
      return `it was tested without ${missing.map((m) => `${m.name}@${short(m.digest)}`).join(', ')}`;
    }
  }
  return undefined;
}

/**
 * Decides, for each required lane, whether passing evidence exists (pure).
 *
 * Rules: evidence counts for a lane when its statement is for that lane, the same commit, names this
 * digest among its subjects (source lane: the commit), and, for integration/e2e/promotion, its
 * `tested` set contains every digest of the set being promoted. With a public key, unsigned or wrongly
 * signed envelopes do not count. Among the evidence that counts, the most recent verdict
 * (`timeVerified`) decides: a lane that passed and then failed on a re-run at the same commit and set is
 * not passing.
 */
export function decideEvidence(input: EvidenceDecisionInput): EvidenceVerdict {
  return decide(input, parseDigest(input.digest));
}

/** {@link decideEvidence} for `input.digest` already parsed (and so validated) as `subject`. */
function decide(input: EvidenceDecisionInput, subject: ParsedDigest): EvidenceVerdict {
  const digest = subject.value;
  const problems: string[] = [];
  const refused: string[] = [];
  const expectedKey = input.publicKey !== undefined ? keyId(input.publicKey) : undefined;
  const byLane = new Map<Lane, Candidate[]>();
  const notes = new Map<Lane, string[]>();
  const note = (lane: Lane, text: string): void => {
    notes.set(lane, [...(notes.get(lane) ?? []), text]);
  };

  const found = [
    ...input.imageEvidence.map((e) => ({ e, source: false })),
    ...input.sourceEvidence.map((e) => ({ e, source: true })),
  ];
  for (const { e, source } of found) {
    const where = `evidence ${short(e.descriptor.digest)} (${e.via})`;
    if (e.envelope === undefined) {
      refused.push(e.error ?? `${where}: no envelope`);
      continue;
    }
    let statement: VerificationStatement;
    try {
      statement = statementOf(e.envelope);
    } catch (err) {
      refused.push(`${where}: ${errorMessage(err)}`);
      continue;
    }
    const lane = statement.predicate.lane;
    if (source !== (lane === 'source')) {
      refused.push(`${where}: ${lane} evidence found where ${source ? 'source' : 'image'} evidence belongs`);
      continue;
    }
    if (input.publicKey !== undefined) {
      if (e.envelope.signatures.length === 0) {
        note(lane, `${where} is unsigned`);
        refused.push(`${where}: ${lane} evidence is unsigned`);
        continue;
      }
      if (verifyEnvelope(e.envelope, input.publicKey).length === 0) {
        note(lane, `${where} is not signed by key ${short(expectedKey ?? '')}`);
        refused.push(
          `${where}: ${lane} evidence signature does not verify with key ${short(expectedKey ?? '')}`,
        );
        continue;
      }
    }
    const why = inapplicable(statement, lane, input, subject);
    if (why !== undefined) {
      note(lane, `${where}: ${why}`);
      continue;
    }
    byLane.set(lane, [...(byLane.get(lane) ?? []), { statement, where }]);
  }

  const lanes: Partial<Record<Lane, LaneVerdict>> = {};
  for (const lane of input.requiredLanes) {
    const candidates = [...(byLane.get(lane) ?? [])].sort((a, b) =>
      b.statement.predicate.timeVerified.localeCompare(a.statement.predicate.timeVerified),
    );
    const lacks = `${short(digest)} lacks passing ${lane} evidence for commit ${short(input.commit)}`;
    const latest = candidates[0];
    if (latest === undefined) {
      const seen = notes.get(lane);
      lanes[lane] = {
        passed: false,
        reason: seen ? `${lacks}: ${seen.join('; ')}` : `${lacks}: none found`,
      };
    } else if (latest.statement.predicate.verificationResult !== 'PASSED') {
      const failed = latest.statement.predicate.checks
        .filter((c) => c.result === 'FAILED')
        .map((c) => c.name);
      lanes[lane] = {
        passed: false,
        reason:
          `${lacks}: the latest run (${latest.statement.predicate.runUrl}, ${latest.statement.predicate.timeVerified}) ` +
          `FAILED${failed.length > 0 ? ` (${failed.join(', ')})` : ''}`,
      };
    } else {
      lanes[lane] = {
        passed: true,
        reason: `${lane} PASSED for ${short(digest)} at ${latest.statement.predicate.timeVerified} by ${latest.statement.predicate.runUrl} (${latest.where})`,
      };
    }
  }
  for (const lane of input.requiredLanes) {
    const v = lanes[lane];
    if (v !== undefined && !v.passed) problems.push(v.reason);
  }
  problems.push(...refused);
  return { ok: input.requiredLanes.every((l) => lanes[l]?.passed === true), lanes, problems };
}

/** Input of {@link verifyEvidenceFor}. */
export interface VerifyEvidenceOptions {
  client: EvidenceRegistry;
  /** Repository of the image, e.g. `digestline/web` (no registry host). */
  repo: string;
  digest: string;
  requiredLanes: readonly Lane[];
  commit: string;
  set: readonly TestedImage[];
  publicKey?: string | KeyObject;
  /** Evidence repository holding source-lane evidence; defaults to `evidenceRepository(repo)`. */
  sourceRepo?: string;
}

/**
 * Fetches the evidence of `digest` (and, when the source lane is required, of `commit`) and decides
 * with {@link decideEvidence}.
 */
export async function verifyEvidenceFor(opts: VerifyEvidenceOptions): Promise<EvidenceVerdict> {
  const digest = parseDigest(opts.digest);
  if (!opts.set.some((i) => i.digest === digest.value)) {
    throw new Error(`the set being promoted does not contain ${digest.value} itself`);
  }
  // Independent reads: both at once.
  const [imageEvidence, sourceEvidence] = await Promise.all([
    findEvidence(opts.client, opts.repo, digest),
    opts.requiredLanes.includes('source')
      ? findSourceEvidence(opts.client, opts.sourceRepo ?? evidenceRepository(opts.repo), opts.commit)
      : Promise.resolve([]),
  ]);
  const input: EvidenceDecisionInput = {
    digest: digest.value,
    commit: opts.commit,
    requiredLanes: opts.requiredLanes,
    set: opts.set,
    imageEvidence,
    sourceEvidence,
  };
  if (opts.publicKey !== undefined) input.publicKey = opts.publicKey;
  return decide(input, digest);
}
