/**
 * What every phase of one promotion shares: the plan, the lanes and keys it checks against, the log,
 * and one registry client per registry and role (so every phase reuses the same connections, tokens
 * and the remembered "no referrers API" answer).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Credentials } from '../registry/auth.js';
import { RegistryClient } from '../registry/client.js';
import type { Lane } from '../evidence/vsa.js';
import { findSourceEvidence, type FoundEvidence } from '../evidence/find.js';
import type { EvidenceTrust } from '../evidence/verify.js';
import type { Log } from '../log.js';
import { pinnedReference } from '../reference.js';
import type { PromoteRegistry } from './copy.js';
import type { RequirableLane } from './lanes.js';
import type { PlannedImage } from './plan.js';

/** Runs one phase of a promotion inside a collapsible log group (the action passes `summary.group`). */
export type LogGroup = <T>(title: string, fn: () => Promise<T>) => Promise<T>;

/** The options of `promote()` that every phase reads. */
export interface PromotionSettings {
  /** The images and where each goes, built (and so validated) from the inputs by `buildPlan`. */
  plan: readonly PlannedImage[];
  requiredLanes: readonly RequirableLane[];
  /** The commit all evidence must be for (40 or 64 hex). */
  commit: string;
  /** PEM public keys of the lanes: only evidence signed by one of them counts. */
  laneKeys?: readonly string[];
  /**
   * Skip the signature check of the lanes' evidence (no `laneKeys`). Must be asked for: without keys
   * and without it, `promote` refuses to start. The promotion record says so.
   */
  allowUnsigned?: boolean;
  /** The CI run id (GITHUB_RUN_ID) whose evidence counts; the record names it. */
  evidenceRun: string;
  /** PEM private key signing the promotion record (unsigned without it). */
  signingKey?: string;
  /** Credentials for the source registries (default: the docker/podman auth files). */
  sourceCredentials?: Credentials;
  /** Credentials for the target registry (default: the docker/podman auth files). */
  targetCredentials?: Credentials;
  /** Makes the registry clients (tests); default a {@link RegistryClient} per registry and role. */
  clientFor?: (registry: string, role: 'source' | 'target') => PromoteRegistry;
  /** Where progress lines go (the action passes the step log). */
  log: Log;
}

/** One promotion in progress, handed to each phase. */
export interface Promotion {
  readonly plan: readonly PlannedImage[];
  readonly lanes: readonly Lane[];
  readonly commit: string;
  /** Whose signatures make the lanes' evidence count. */
  readonly trust: EvidenceTrust;
  /** The CI run id whose evidence counts. */
  readonly evidenceRun: string;
  readonly signingKey: string | undefined;
  /** The public half of the signing key: what a promotion record found at the target must verify with. */
  readonly recordKey: KeyObject | undefined;
  readonly log: Log;
  /** The client reading an image's source registry. */
  sourceOf(image: PlannedImage): PromoteRegistry;
  /** The client writing an image's target registry. */
  targetOf(image: PlannedImage): PromoteRegistry;
  /**
   * The source-lane evidence of the commit in an evidence repository, read once per registry and
   * repository (images of a set usually share one); empty when the source lane is not required.
   */
  sourceEvidenceOf(client: PromoteRegistry, repo: string): Promise<FoundEvidence[]>;
}

/**
 * What the promotion record adds to its predicate about the evidence it relied on: the run whose
 * evidence counted, and `unsignedAllowed: true` when the lanes' signatures were not checked.
 */
export function recordTrustFields(p: Pick<Promotion, 'trust' | 'evidenceRun'>): {
  evidenceRun: string;
  unsignedAllowed?: true;
} {
  return 'keys' in p.trust
    ? { evidenceRun: p.evidenceRun }
    : { evidenceRun: p.evidenceRun, unsignedAllowed: true };
}

/** Whose signatures count, from the settings; refuses "no keys" unless unsigned is asked for. */
function trustOf(settings: PromotionSettings): EvidenceTrust {
  const keys = settings.laneKeys ?? [];
  if (keys.length > 0 && settings.allowUnsigned === true) {
    throw new Error('lane public keys and allowUnsigned exclude each other: give one or the other');
  }
  if (keys.length > 0) return { keys };
  if (settings.allowUnsigned === true) return { unsignedAllowed: true };
  throw new Error(
    "no lane public key: the lanes' evidence cannot be verified; give laneKeys, or allowUnsigned to promote on unsigned evidence",
  );
}

/**
 * Sets up a promotion: no request is made until a phase asks for one.
 *
 * @throws Error when the signing key is not a valid PEM private key, there is neither a lane key nor
 *   `allowUnsigned`, or `evidenceRun` is empty
 */
export function startPromotion(settings: PromotionSettings): Promotion {
  const { log } = settings;
  const trust = trustOf(settings);
  if (settings.evidenceRun.trim() === '') {
    throw new Error('no evidence run: give the CI run id whose evidence counts (GITHUB_RUN_ID)');
  }
  if ('unsignedAllowed' in trust) {
    log.warning(
      "UNSIGNED EVIDENCE ALLOWED: the lanes' evidence signatures are not checked, so anyone who can push to the source repositories can forge a passing verdict; the promotion record says so",
    );
  }
  const recordKey = settings.signingKey !== undefined ? createPublicKey(settings.signingKey) : undefined;
  const lanes: Lane[] = [...settings.requiredLanes];
  const clients = new Map<string, PromoteRegistry>();
  const clientFor = (registry: string, role: 'source' | 'target'): PromoteRegistry => {
    const key = `${role} ${registry}`;
    let client = clients.get(key);
    if (client === undefined) {
      client =
        settings.clientFor?.(registry, role) ??
        new RegistryClient({
          registry,
          log,
          ...(role === 'source' && settings.sourceCredentials !== undefined
            ? { credentials: settings.sourceCredentials }
            : {}),
          ...(role === 'target' && settings.targetCredentials !== undefined
            ? { credentials: settings.targetCredentials }
            : {}),
        });
      clients.set(key, client);
    }
    return client;
  };
  const sourceEvidence = new Map<string, Promise<FoundEvidence[]>>();
  return {
    plan: settings.plan,
    lanes,
    commit: settings.commit,
    trust,
    evidenceRun: settings.evidenceRun,
    signingKey: settings.signingKey,
    recordKey,
    log,
    sourceOf: (i) => clientFor(i.source.registry, 'source'),
    targetOf: (i) => clientFor(i.target.registry, 'target'),
    sourceEvidenceOf: (client, repo) => {
      if (!lanes.includes('source')) return Promise.resolve([]);
      const key = `${client.baseUrl}/${repo}`;
      let found = sourceEvidence.get(key);
      if (found === undefined) {
        found = findSourceEvidence(client, repo, settings.commit);
        sourceEvidence.set(key, found);
      }
      return found;
    },
  };
}

/** `registry/repository@digest` of an image's source. */
export function sourceReference(i: PlannedImage): string {
  return pinnedReference(i.source);
}

/** Shortens a digest for log lines: `sha256:` and the first 12 hex digits. */
export function shortDigest(digest: string): string {
  return digest.slice(0, digest.indexOf(':') + 13);
}

/**
 * A promise whose rejection is also observed right away: reads start early and may be abandoned
 * when an earlier check refuses, and an unobserved rejection would crash the process.
 */
export function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
