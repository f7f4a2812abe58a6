/**
 * in-toto Statement v1 carrying digestline's verification predicate: what one lane checked, for which
 * digests, at which commit, and with what result.
 *
 * The predicate borrows SLSA Verification Summary Attestation (VSA) v1 field names where their meaning
 * fits (`verifier`, `timeVerified`, `resourceUri`, `policy`, `verificationResult`) so that generic
 * tooling reading VSAs finds familiar fields; the lane-specific fields are digestline's own.
 */
import { parseDigest, type ParsedDigest } from '../reference.js';

/** `_type` of an in-toto Statement v1. */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

/** `predicateType` of digestline's verification predicate. */
export const VERIFICATION_PREDICATE_TYPE = 'https://digestline.dev/verification/v1';

/** Default `verifier.id`: the project that produced the evidence. */
export const DEFAULT_VERIFIER_ID = 'https://digestline.dev/verifier';

/** The lanes that produce evidence. */
export const LANES = ['source', 'integration', 'e2e', 'promotion'] as const;

/** A lane that produces evidence. */
export type Lane = (typeof LANES)[number];

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

/** digestline's verification predicate (`https://digestline.dev/verification/v1`). */
export interface VerificationPredicate {
  /** Who verified: `id` is a URI naming the verifier, `version` maps component → version. */
  verifier: { id: string; version?: Record<string, string> };
  /** RFC 3339 time the verification finished. */
  timeVerified: string;
  /** The source the subjects come from: `git+<repo url>@<sha>` (or `git+commit@<sha>` when unknown). */
  resourceUri: string;
  /** The policy the lane applied, when it had one (e.g. the image policy file's digest). */
  policy: { uri?: string; digest?: Record<string, string> };
  verificationResult: VerificationResult;
  lane: Lane;
  /** The commit the subjects were built from; `tree` is the commit's tree hash when known. */
  commit: { sha: string; tree?: string };
  /** The CI run that produced this evidence. */
  runUrl: string;
  /** Every image tested together in this run (the whole set, not only this statement's subjects). */
  tested: TestedImage[];
  checks: Check[];
}

/** A Statement carrying the verification predicate. */
export type VerificationStatement = Statement<VerificationPredicate>;

/** An image as lanes know it: set name, manifest digest and repository (`registry/path`, no tag). */
export interface EvidenceImage {
  name: string;
  digest: string;
  repository: string;
}

/** Where and when a lane ran; read from the runner's environment by {@link runContext}. */
export interface RunContext {
  /** Full 40 (or 64) hex commit id. */
  commit: string;
  /** Web URL of the source repository, e.g. `https://forgejo.example/org/app`, when known. */
  repositoryUrl?: string;
  /** Web URL of the CI run, when known. */
  runUrl?: string;
}

const COMMIT_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Checks a git commit or tree id (SHA-1 or SHA-256 object format, lowercase hex).
 *
 * @throws Error naming `what` and the expected form
 */
export function assertGitObjectId(value: string, what: string): string {
  if (!COMMIT_RE.test(value)) {
    throw new Error(
      `${what} ${JSON.stringify(value)} is not a git object id: expected 40 or 64 lowercase hex`,
    );
  }
  return value;
}

/**
 * Reads the commit, repository URL and run URL from the runner's environment, with explicit overrides
 * taking precedence.
 *
 * Forgejo and Gitea set the same `GITHUB_*` variables as GitHub, but serve a run's page at its
 * per-repository run number rather than at the global run id: with `GITEA_ACTIONS`/`FORGEJO_ACTIONS`
 * set, the run URL uses `GITHUB_RUN_NUMBER`.
 *
 * @throws Error when no commit is given and `GITHUB_SHA` is unset or not a commit id
 */
export function runContext(
  overrides: Partial<RunContext> = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): RunContext {
  const commit = overrides.commit ?? env.GITHUB_SHA;
  if (commit === undefined || commit === '') {
    throw new Error('no commit: pass one explicitly or run where GITHUB_SHA is set');
  }
  assertGitObjectId(commit, overrides.commit !== undefined ? 'commit' : 'GITHUB_SHA');
  const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY;
  const repositoryUrl =
    overrides.repositoryUrl ?? (server && repository ? `${server}/${repository}` : undefined);
  const forgejo = env.GITEA_ACTIONS === 'true' || env.FORGEJO_ACTIONS === 'true';
  const runKey = forgejo ? (env.GITHUB_RUN_NUMBER ?? env.GITHUB_RUN_ID) : env.GITHUB_RUN_ID;
  const runUrl =
    overrides.runUrl ??
    (server && repository && runKey ? `${server}/${repository}/actions/runs/${runKey}` : undefined);
  const context: RunContext = { commit };
  if (repositoryUrl !== undefined) context.repositoryUrl = repositoryUrl;
  if (runUrl !== undefined) context.runUrl = runUrl;
  return context;
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
  policy?: { uri?: string; digest?: Record<string, string> };
  /** Defaults to now. */
  timeVerified?: Date;
  /** Environment to read `GITHUB_*` from (tests). */
  env?: Readonly<Record<string, string | undefined>>;
}

function predicate(
  lane: Lane,
  opts: CommonStatementOptions,
  extra: { tree?: string; tested: TestedImage[] },
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
  const verifier: VerificationPredicate['verifier'] = { id: opts.verifier?.id ?? DEFAULT_VERIFIER_ID };
  if (opts.verifier?.version !== undefined) verifier.version = opts.verifier.version;
  return {
    context,
    predicate: {
      verifier,
      timeVerified: (opts.timeVerified ?? new Date()).toISOString(),
      resourceUri: resourceUri(context.commit, context.repositoryUrl),
      policy: opts.policy ?? {},
      verificationResult: result,
      lane,
      commit,
      runUrl: context.runUrl ?? 'unknown',
      tested: extra.tested,
      checks,
    },
  };
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
  /** Where the images were promoted to, e.g. `registry/app:prod` (recorded as a check detail). */
  target?: string;
}

/**
 * Builds the promotion statement: promote-digest verified the lanes' evidence for these digests and
 * copied them. `checks` usually holds one entry per verified lane.
 */
export function promotionStatement(opts: PromotionStatementOptions): VerificationStatement {
  const { subject, tested } = imageSubjects(opts.images, 'promotion evidence');
  const { predicate: p } = predicate('promotion', opts, { tested });
  if (opts.target !== undefined) p.policy = { ...p.policy, uri: p.policy.uri ?? opts.target };
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
