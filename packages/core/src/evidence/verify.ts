/**
 * Decides whether an image digest may be promoted: every required lane must have passing evidence for
 * this exact digest, at this commit, from this CI run, signed by a lane key, covering exactly the set
 * promoted together.
 *
 * The decision ({@link decideEvidence}) is pure so every rule is table-tested; {@link verifyEvidenceFor}
 * only fetches and delegates.
 */
import type { KeyObject } from 'node:crypto';
import { errorMessage } from '../errors.js';
import { parseDigest, type ParsedDigest } from '../reference.js';
import { statementOf, verifyEnvelope, keyId, type DsseEnvelope } from './dsse.js';
import { findEvidence, findSourceEvidence, type FoundEvidence } from './find.js';
import { evidenceRepository } from './location.js';
import type { EvidenceRegistry } from './registry.js';
import type { TestedImage, VerificationStatement } from './statement.js';
import type { Lane } from './vsa.js';

/** Verdict of one lane. */
export interface LaneVerdict {
  passed: boolean;
  reason: string;
  /** The evidence that decided a passing lane (what a promotion record says it relied on). */
  evidence?: FoundEvidence;
}

/** Result of verifying one digest's evidence. */
export interface EvidenceVerdict {
  ok: boolean;
  lanes: Partial<Record<Lane, LaneVerdict>>;
  /** Everything wrong, one line each: failing lanes first, then unreadable or refused evidence. */
  problems: string[];
}

/**
 * Whose signatures make evidence count: a signature by any of `keys` (several, so keys can be
 * rotated), or, only when asked for explicitly, no signature check at all.
 */
export type EvidenceTrust = { keys: ReadonlyArray<string | KeyObject> } | { unsignedAllowed: true };

/** Input of {@link decideEvidence}. */
export interface EvidenceDecisionInput {
  digest: string;
  commit: string;
  /**
   * The CI run id (GITHUB_RUN_ID) whose evidence counts: evidence of another run, or naming no run,
   * does not count, so an older verdict of another run cannot stand in for this run's.
   */
  run: string;
  requiredLanes: readonly Lane[];
  /** The whole set promoted together (including `digest`): lanes must have tested exactly this set. */
  set: readonly TestedImage[];
  /** Evidence attached to the image digest. */
  imageEvidence: readonly FoundEvidence[];
  /** Evidence found from the commit (source lane). */
  sourceEvidence: readonly FoundEvidence[];
  trust: EvidenceTrust;
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
  found: FoundEvidence;
}

/**
 * How a lane's `tested` list differs from the set (same names with the same digests, nothing more,
 * nothing less), or undefined when it is exactly the set (pure).
 */
export function setDifference(
  tested: readonly TestedImage[],
  set: readonly TestedImage[],
  verb = 'tested',
): string | undefined {
  const show = (i: TestedImage): string => `${i.name}@${short(i.digest)}`;
  const key = (i: TestedImage): string => `${i.name}\n${i.digest}`;
  const testedKeys = new Set(tested.map(key));
  const setKeys = new Set(set.map(key));
  const missing = set.filter((i) => !testedKeys.has(key(i)));
  const extra = tested.filter((i) => !setKeys.has(key(i)));
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`without ${missing.map(show).join(', ')}`);
  if (extra.length > 0) parts.push(`with ${extra.map(show).join(', ')}, which is not in the set`);
  if (parts.length === 0 && tested.length !== testedKeys.size) parts.push('with an image listed twice');
  return parts.length > 0 ? `it was ${verb} ${parts.join(' and ')}` : undefined;
}

/** Why a statement does not apply to this digest/commit/run/set, or undefined when it does. */
function inapplicable(
  s: VerificationStatement,
  lane: Lane,
  input: EvidenceDecisionInput,
  digest: ParsedDigest,
): string | undefined {
  const p = s.predicate;
  if (p.commit.sha !== input.commit) return `it is for commit ${short(p.commit.sha)}`;
  if (p.run === undefined)
    return `it names no CI run (predicate.run), so it cannot count for run ${input.run}`;
  if (p.run.id !== input.run) return `it is from run ${p.run.id}, not run ${input.run}`;
  if (lane === 'source') {
    return s.subject.some((sub) => sub.digest.gitCommit === input.commit)
      ? undefined
      : 'its subject is not the commit';
  }
  if (!s.subject.some((sub) => sub.digest[digest.algorithm] === digest.hex)) {
    return 'its subject does not include this digest';
  }
  if (lane === 'integration' || lane === 'e2e' || lane === 'promotion') {
    return setDifference(p.tested, input.set);
  }
  return undefined;
}

/** Why an envelope's signatures do not make it count, or undefined when they do. */
function unsignedBy(
  e: DsseEnvelope,
  keys: ReadonlyArray<string | KeyObject>,
  ids: string,
): string | undefined {
  if (e.signatures.length === 0) return 'is unsigned';
  if (!keys.some((k) => verifyEnvelope(e, k).length > 0)) return `is not signed by ${ids}`;
  return undefined;
}

/** `lane key a1b2…` or `any lane key (a1b2…, c3d4…)`, for messages. */
function keyNames(keys: ReadonlyArray<string | KeyObject>): string {
  const ids = keys.map((k) => `${short(keyId(k))}`);
  return ids.length === 1 ? `lane key ${ids[0]!}` : `any lane key (${ids.join(', ')})`;
}

/**
 * Decides, for each required lane, whether passing evidence exists (pure).
 *
 * Rules: evidence counts for a lane when its envelope is signed by one of the lane keys (unless
 * unsigned evidence is explicitly allowed), its statement is for that lane, the same commit and the
 * same CI run (`predicate.run.id`), names this digest among its subjects (source lane: the commit),
 * and, for integration/e2e/promotion, its `tested` list is exactly the set being promoted (same names,
 * same digests, nothing more). Among the evidence that counts, the most recent verdict
 * (`timeVerified`) decides: a lane that passed and then failed on a re-run is not passing. Since only
 * this run's evidence counts, hiding its newer failure cannot bring back another run's pass.
 *
 * @throws Error when `trust` has no key (an empty key list is not "unsigned allowed")
 */
export function decideEvidence(input: EvidenceDecisionInput): EvidenceVerdict {
  return decide(input, parseDigest(input.digest));
}

/** {@link decideEvidence} for `input.digest` already parsed (and so validated) as `subject`. */
function decide(input: EvidenceDecisionInput, subject: ParsedDigest): EvidenceVerdict {
  const digest = subject.value;
  const problems: string[] = [];
  const refused: string[] = [];
  const keys = 'keys' in input.trust ? input.trust.keys : undefined;
  if (keys !== undefined && keys.length === 0) {
    throw new Error('no lane public key to verify evidence with (and unsigned evidence is not allowed)');
  }
  const expected = keys !== undefined ? keyNames(keys) : '';
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
    // Evidence of a lane not required (a promotion record, in a promotion chain) is not judged.
    if (!input.requiredLanes.includes(lane)) continue;
    const unsigned = keys !== undefined ? unsignedBy(e.envelope, keys, expected) : undefined;
    if (unsigned !== undefined) {
      note(lane, `${where} ${unsigned}`);
      refused.push(`${where}: ${lane} evidence ${unsigned}`);
      continue;
    }
    const why = inapplicable(statement, lane, input, subject);
    if (why !== undefined) {
      note(lane, `${where}: ${why}`);
      continue;
    }
    byLane.set(lane, [...(byLane.get(lane) ?? []), { statement, where, found: e }]);
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
        evidence: latest.found,
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
  /** The CI run id whose evidence counts. */
  run: string;
  set: readonly TestedImage[];
  trust: EvidenceTrust;
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
  return decide(
    {
      digest: digest.value,
      commit: opts.commit,
      run: opts.run,
      requiredLanes: opts.requiredLanes,
      set: opts.set,
      imageEvidence,
      sourceEvidence,
      trust: opts.trust,
    },
    digest,
  );
}
