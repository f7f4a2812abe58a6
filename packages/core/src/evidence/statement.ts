/**
 * in-toto Statement v1 carrying a SLSA Verification Summary Attestation (VSA) v1: what one lane checked,
 * for which digests, at which commit, and with what result.
 *
 * The predicate is a VSA (https://slsa.dev/spec/v1.0/verification_summary) so that tools outside
 * digestline (cosign, Kyverno, sigstore policy-controller) can check it: every required VSA field is
 * filled. digestline's own fields (`lane`, `commit`, `runUrl`, `tested`, `target`, `checks`, `run`)
 * travel in the same predicate as extension fields: the VSA parsing rules say "Consumers MUST ignore
 * unrecognized fields" (they also say producers MAY name extensions with URIs; plain names keep our
 * evidence readable).
 */
import { parseDigest, type ParsedDigest } from '../reference.js';
import { assertGitObjectId, runContext, type RunContext } from './run-context.js';
import {
  defaultPolicyUri,
  LANES,
  laneLevel,
  VERIFICATION_PREDICATE_TYPE,
  verifierId,
  type InputAttestation,
  type Lane,
} from './vsa.js';

/** `_type` of an in-toto Statement v1. */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

/** Overall result of a lane, as SLSA VSA spells it. */
export type VerificationResult = 'PASSED' | 'FAILED';

/** Result of one check inside a lane; `SKIPPED` checks neither pass nor fail the lane. */
export type CheckResult = 'PASSED' | 'FAILED' | 'SKIPPED';

/** in-toto ResourceDescriptor as used in `subject`: a name and a digest set (algorithm → hex). */
export interface Subject {
  name: string;
  digest: Record<string, string>;
}

/** An in-toto Statement v1. */
export interface Statement<P = unknown> {
  _type: typeof STATEMENT_TYPE;
  subject: Subject[];
  predicateType: string;
  predicate: P;
}

/** One check a lane ran (a test suite, a linter, a policy), with its result and duration. */
export interface Check {
  name: string;
  result: CheckResult;
  durationMs: number;
  /** Optional one-line detail (failure summary, counts). */
  detail?: string;
}

/** One image of a set that was tested together: its set name and its manifest digest. */
export interface TestedImage {
  name: string;
  digest: string;
}

/**
 * The evidence predicate: a SLSA VSA v1 (`https://slsa.dev/verification_summary/v1`) with digestline's
 * extension fields after the VSA ones.
 */
export interface VerificationPredicate {
  /** Who verified: `https://digestline.dev/verifier/<lane>`, `version` maps component → version. */
  verifier: { id: string; version?: Record<string, string> };
  /** RFC 3339 time the verification finished. */
  timeVerified: string;
  /** The source the subjects come from: `git+<repo url>@<sha>` (or `git+commit@<sha>` when unknown). */
  resourceUri: string;
  /**
   * The policy the lane applied: its file's URI and digest when it had one (the image policy file),
   * else digestline's rules for the lane ({@link defaultPolicyUri}). VSA: "The entry MUST contain a uri".
   */
  policy: { uri: string; digest?: Record<string, string> };
  /** Promotion record only: the lane attestations the promotion relied on. */
  inputAttestations?: InputAttestation[];
  verificationResult: VerificationResult;
  /**
   * VSA: "the highest level of each track verified for the artifact, or FAILED if policy verification
   * failed". PASSED: `[laneLevel(lane)]` (the promotion record adds the level of every lane it
   * verified); FAILED: `["FAILED"]`.
   */
  verifiedLevels: string[];
  lane: Lane;
  /** The commit the subjects were built from; `tree` is the commit's tree hash when known. */
  commit: { sha: string; tree?: string };
  /** The CI run that produced this evidence. */
  runUrl: string;
  /** Every image tested together in this run (the whole set, not only this statement's subjects). */
  tested: TestedImage[];
  /** Promotion record only: where the images were promoted to, e.g. `registry/app:prod`. */
  target?: string;
  checks: Check[];
  /** Promotion records: the CI run whose lane evidence the promotion relied on. */
  evidenceRun?: string;
  /** Promotion records: promote-digest did not check the lanes' signatures (`allow-unsigned`). */
  unsignedAllowed?: boolean;
  /** The CI run that produced this evidence: GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT. */
  run?: { id: string; attempt: string };
}

/** A Statement carrying the verification predicate. */
export type VerificationStatement = Statement<VerificationPredicate>;

/** An image as lanes know it: set name, manifest digest and repository (`registry/path`, no tag). */
export interface EvidenceImage {
  name: string;
  digest: string;
  repository: string;
}

/**
 * Digest `algorithm:hex` → in-toto digest set `{algorithm: hex}`.
 *
 * @param digest the parsed digest, or its text (validated here)
 */
export function digestSet(digest: string | ParsedDigest): Record<string, string> {
  const parsed = typeof digest === 'string' ? parseDigest(digest) : digest;
  return { [parsed.algorithm]: parsed.hex };
}

/** in-toto digest set → `algorithm:hex` texts (sha256/sha512 entries only, sorted). */
export function digestsOfSubject(subject: Subject): string[] {
  return Object.entries(subject.digest)
    .filter(([algorithm]) => algorithm === 'sha256' || algorithm === 'sha512')
    .map(([algorithm, hex]) => `${algorithm}:${hex}`)
    .sort();
}

/** The subject name of a commit: `git+<repository url>` or `commit` when the URL is unknown. */
export function commitSubjectName(repositoryUrl?: string): string {
  return repositoryUrl ? `git+${repositoryUrl}` : 'commit';
}

function resourceUri(commit: string, repositoryUrl?: string): string {
  return `${repositoryUrl ? `git+${repositoryUrl}` : 'git+commit'}@${commit}`;
}

function laneResult(result: VerificationResult | undefined, checks: readonly Check[]): VerificationResult {
  if (result !== undefined) return result;
  return checks.some((c) => c.result === 'FAILED') ? 'FAILED' : 'PASSED';
}

function validateChecks(checks: readonly Check[]): Check[] {
  return checks.map((c, i) => {
    if (c.name.trim() === '') throw new Error(`check #${i + 1} has an empty name`);
    if (!['PASSED', 'FAILED', 'SKIPPED'].includes(c.result)) {
      throw new Error(`check ${JSON.stringify(c.name)} has result ${JSON.stringify(c.result)}`);
    }
    if (!Number.isFinite(c.durationMs) || c.durationMs < 0) {
      throw new Error(
        `check ${JSON.stringify(c.name)} has durationMs ${c.durationMs}: expected a number >= 0`,
      );
    }
    return { ...c, durationMs: Math.round(c.durationMs) };
  });
}

/** Fields every builder accepts. */
export interface CommonStatementOptions {
  /** The commit; defaults to `GITHUB_SHA`. */
  commit?: string;
  repositoryUrl?: string;
  /** The CI run; defaults to the URL derived from `GITHUB_*`, else `unknown`. */
  runUrl?: string;
  checks?: Check[];
  /**
   * Overall result; defaults to FAILED when any check FAILED, else PASSED. Passing PASSED with a
   * FAILED check is refused (evidence must not contradict itself).
   */
  result?: VerificationResult;
  verifier?: { id?: string; version?: Record<string, string> };
  /** The policy applied; `uri` defaults to {@link defaultPolicyUri} of the lane. */
  policy?: { uri?: string; digest?: Record<string, string> };
  /** Defaults to now. */
  timeVerified?: Date;
  /** Environment to read `GITHUB_*` from (tests). */
  env?: Readonly<Record<string, string | undefined>>;
}

function predicate(
  lane: Lane,
  opts: CommonStatementOptions,
  extra: {
    tree?: string;
    tested: TestedImage[];
    verifiedLanes?: readonly Lane[];
    inputAttestations?: readonly InputAttestation[];
    target?: string;
  },
): { predicate: VerificationPredicate; context: RunContext } {
  const overrides: Partial<RunContext> = {};
  if (opts.commit !== undefined) overrides.commit = opts.commit;
  if (opts.repositoryUrl !== undefined) overrides.repositoryUrl = opts.repositoryUrl;
  if (opts.runUrl !== undefined) overrides.runUrl = opts.runUrl;
  const context = runContext(overrides, opts.env);
  const checks = validateChecks(opts.checks ?? []);
  const result = laneResult(opts.result, checks);
  if (result === 'PASSED' && checks.some((c) => c.result === 'FAILED')) {
    const failed = checks.filter((c) => c.result === 'FAILED').map((c) => c.name);
    throw new Error(`${lane} lane result PASSED contradicts failed checks: ${failed.join(', ')}`);
  }
  const commit: VerificationPredicate['commit'] = { sha: context.commit };
  if (extra.tree !== undefined) commit.tree = assertGitObjectId(extra.tree, 'tree');
  const verifier: VerificationPredicate['verifier'] = { id: opts.verifier?.id ?? verifierId(lane) };
  if (opts.verifier?.version !== undefined) verifier.version = opts.verifier.version;
  const policy: VerificationPredicate['policy'] = { uri: opts.policy?.uri ?? defaultPolicyUri(lane) };
  if (opts.policy?.digest !== undefined) policy.digest = opts.policy.digest;
  const levels = [lane, ...(extra.verifiedLanes ?? []).filter((l) => l !== lane)].map(laneLevel);
  const p: VerificationPredicate = {
    verifier,
    timeVerified: (opts.timeVerified ?? new Date()).toISOString(),
    resourceUri: resourceUri(context.commit, context.repositoryUrl),
    policy,
    ...(extra.inputAttestations !== undefined
      ? { inputAttestations: extra.inputAttestations.map((a) => ({ uri: a.uri, digest: { ...a.digest } })) }
      : {}),
    verificationResult: result,
    verifiedLevels: result === 'PASSED' ? levels : ['FAILED'],
    lane,
    commit,
    runUrl: context.runUrl ?? 'unknown',
    tested: extra.tested,
    ...(extra.target !== undefined ? { target: extra.target } : {}),
    checks,
  };
  if (context.run !== undefined) p.run = context.run;
  return { context, predicate: p };
}

/** Options of {@link sourceStatement}. */
export interface SourceStatementOptions extends CommonStatementOptions {
  /** The commit's tree hash (`git rev-parse HEAD^{tree}`); becomes a second subject. */
  tree?: string;
}

/**
 * Builds the source lane's statement. Its subject is the commit itself (`digest: {gitCommit}`, as
 * in-toto's digest set allows), plus the tree (`digest: {gitTree}`) when given: the tree identifies the
 * checked content even when the commit is rebased.
 */
export function sourceStatement(opts: SourceStatementOptions): VerificationStatement {
  const extra: { tree?: string; tested: TestedImage[] } = { tested: [] };
  if (opts.tree !== undefined) extra.tree = opts.tree;
  const { predicate: p, context } = predicate('source', opts, extra);
  const subject: Subject[] = [
    { name: commitSubjectName(context.repositoryUrl), digest: { gitCommit: context.commit } },
  ];
  if (p.commit.tree !== undefined) {
    subject.push({
      name: `${commitSubjectName(context.repositoryUrl)}#tree`,
      digest: { gitTree: p.commit.tree },
    });
  }
  return { _type: STATEMENT_TYPE, subject, predicateType: VERIFICATION_PREDICATE_TYPE, predicate: p };
}

function imageSubjects(
  images: readonly EvidenceImage[],
  what: string,
): { subject: Subject[]; tested: TestedImage[] } {
  if (images.length === 0) throw new Error(`${what} needs at least one image`);
  const names = new Set<string>();
  for (const image of images) {
    if (names.has(image.name))
      throw new Error(`${what}: image name ${JSON.stringify(image.name)} appears twice`);
    names.add(image.name);
    if (image.repository.includes('@') || image.repository === '') {
      throw new Error(
        `${what}: repository ${JSON.stringify(image.repository)} of ${image.name} must be registry/path without tag or digest`,
      );
    }
  }
  const digests = images.map((i) => parseDigest(i.digest));
  return {
    subject: images.map((i, n) => ({ name: i.repository, digest: digestSet(digests[n]!) })),
    tested: images.map((i, n) => ({ name: i.name, digest: digests[n]!.value })),
  };
}

/** Options of {@link laneStatement}. */
export interface LaneStatementOptions extends CommonStatementOptions {
  lane: 'integration' | 'e2e';
  /** Every image tested together; each becomes a subject, and the whole list is `tested`. */
  images: EvidenceImage[];
}

/** Builds an integration or E2E lane's statement about a set of images tested together. */
export function laneStatement(opts: LaneStatementOptions): VerificationStatement {
  if (opts.lane !== 'integration' && opts.lane !== 'e2e') {
    throw new Error(`laneStatement builds integration or e2e evidence, not ${JSON.stringify(opts.lane)}`);
  }
  const { subject, tested } = imageSubjects(opts.images, `${opts.lane} evidence`);
  const { predicate: p } = predicate(opts.lane, opts, { tested });
  return { _type: STATEMENT_TYPE, subject, predicateType: VERIFICATION_PREDICATE_TYPE, predicate: p };
}

/** Options of {@link promotionStatement}. */
export interface PromotionStatementOptions extends CommonStatementOptions {
  /** The images promoted together (digests unchanged by promotion). */
  images: EvidenceImage[];
  /** Where the images were promoted to, e.g. `registry/app:prod` (the predicate's `target`). */
  target?: string;
  /** The lanes whose evidence the promotion verified: their levels join `verifiedLevels` when PASSED. */
  verifiedLanes?: readonly Lane[];
  /** The lane attestations the promotion relied on (VSA `inputAttestations`). */
  inputAttestations?: readonly InputAttestation[];
}

/**
 * Builds the promotion statement: promote-digest verified the lanes' evidence for these digests and
 * copied them. `checks` usually holds one entry per verified lane.
 */
export function promotionStatement(opts: PromotionStatementOptions): VerificationStatement {
  const { subject, tested } = imageSubjects(opts.images, 'promotion evidence');
  const { predicate: p } = predicate('promotion', opts, {
    tested,
    ...(opts.verifiedLanes !== undefined ? { verifiedLanes: opts.verifiedLanes } : {}),
    ...(opts.inputAttestations !== undefined ? { inputAttestations: opts.inputAttestations } : {}),
    ...(opts.target !== undefined ? { target: opts.target } : {}),
  });
  return { _type: STATEMENT_TYPE, subject, predicateType: VERIFICATION_PREDICATE_TYPE, predicate: p };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that parsed JSON is a digestline verification statement and returns it typed.
 *
 * @throws Error saying which field is missing or malformed
 */
export function parseStatement(value: unknown): VerificationStatement {
  if (!isRecord(value)) throw new Error('statement is not a JSON object');
  if (value._type !== STATEMENT_TYPE)
    throw new Error(`statement _type is ${JSON.stringify(value._type)}, expected ${STATEMENT_TYPE}`);
  if (value.predicateType !== VERIFICATION_PREDICATE_TYPE) {
    throw new Error(
      `predicateType is ${JSON.stringify(value.predicateType)}, expected ${VERIFICATION_PREDICATE_TYPE}`,
    );
  }
  if (!Array.isArray(value.subject) || value.subject.length === 0)
    throw new Error('statement has no subject');
  for (const s of value.subject as unknown[]) {
    if (!isRecord(s) || typeof s.name !== 'string' || !isRecord(s.digest)) {
      throw new Error('statement subject entries need name and digest');
    }
    if (!Object.values(s.digest).every((v) => typeof v === 'string'))
      throw new Error(`subject ${s.name} has a non-string digest`);
  }
  const p = value.predicate;
  if (!isRecord(p)) throw new Error('statement has no predicate object');
  if (!LANES.includes(p.lane as Lane))
    throw new Error(`predicate lane ${JSON.stringify(p.lane)} is not one of ${LANES.join(', ')}`);
  if (p.verificationResult !== 'PASSED' && p.verificationResult !== 'FAILED') {
    throw new Error(
      `predicate verificationResult ${JSON.stringify(p.verificationResult)} is not PASSED or FAILED`,
    );
  }
  if (!isRecord(p.commit) || typeof p.commit.sha !== 'string')
    throw new Error('predicate commit.sha is missing');
  if (!Array.isArray(p.tested)) throw new Error('predicate tested is not a list');
  for (const t of p.tested as unknown[]) {
    if (!isRecord(t) || typeof t.name !== 'string' || typeof t.digest !== 'string') {
      throw new Error('predicate tested entries need name and digest');
    }
  }
  if (!Array.isArray(p.checks)) throw new Error('predicate checks is not a list');
  if (typeof p.timeVerified !== 'string' || typeof p.runUrl !== 'string') {
    throw new Error('predicate needs timeVerified and runUrl strings');
  }
  return value as unknown as VerificationStatement;
}
