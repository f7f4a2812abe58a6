/**
 * What one line of the deployment ledger (`ledger.jsonl`) holds, and how ledger text is read back
 * into records (pure). Writing, locking and the queries over deployments live beside it
 * (ledger.ts, ledger-lock.ts, deployments.ts).
 */
import { errorMessage } from '../errors.js';

/** Ledger file name inside the state directory. */
export const LEDGER_FILE = 'ledger.jsonl';
/** Where torn fragments are copied to (one JSON line per fragment). */
export const TORN_FILE = 'ledger.torn.jsonl';

/**
 * Status a record gives its deployment. `started` comes first; exactly one final status follows:
 * `verified` (deployed, digests checked, soak passed), `failed`, `rolled-back` (a rollback that
 * verified its target), or `interrupted` (a later run found the `started` record orphaned).
 */
export const DEPLOYMENT_STATUSES = ['started', 'verified', 'failed', 'rolled-back', 'interrupted'] as const;
/** A value of {@link DEPLOYMENT_STATUSES}. */
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** A deployment of new digests, or a rollback redeploying an earlier deployment's digests. */
export type DeploymentKind = 'deploy' | 'rollback';

/** One ledger line. A deployment has a `started` record and (normally) one final record, same `id`. */
export interface LedgerRecord {
  id: string;
  /** RFC 3339 time the record was written. */
  time: string;
  environment: string;
  kind: DeploymentKind;
  status: DeploymentStatus;
  /** The commit the images were built from (from their promotion records), `unknown` when not known. */
  commit: string;
  /** Web URL of the CI run that deployed, `unknown` when not derivable. */
  runUrl: string;
  /** Image set entry name → digest reference (`registry/repo@sha256:…`). */
  digests: Record<string, string>;
  /**
   * The promotion record that admitted the set (sha256 of its statement, one for the whole set);
   * rollbacks carry the restored deployment's.
   */
  promotion?: string;
  durations: { deployMs?: number; soakMs?: number };
  /** The deployment that was live (last verified) when this one started. */
  previous?: string;
  /** Rollbacks: the deployment rolled back from (the failed one, or the one replaced by hand). */
  rollbackOf?: string;
  /** Rollbacks: the deployment whose digests (and stack file) are redeployed. */
  restores?: string;
  /** Stack file copy in the state directory (relative path), and its sha256, so rollbacks are exact. */
  stack?: { path: string; sha256: string };
  /** The health-check lines the deployment was (to be) verified with. */
  healthChecks?: string[];
  /** `started` records: the process that deploys, for orphan detection. */
  pid?: number;
  hostname?: string;
  /** Why the deployment failed or was interrupted. */
  reason?: string;
}

/** A line of the ledger that is not a record (a torn write, or a hand edit). */
export interface UnreadableLine {
  /** 1-based line number. */
  line: number;
  text: string;
  reason: string;
}

/** The whole ledger as read. */
export interface LedgerContents {
  records: LedgerRecord[];
  unreadable: UnreadableLine[];
  /** Text after the last newline: a write cut short by a crash (not yet set aside). */
  tornTail?: string;
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks one parsed ledger line.
 *
 * @throws Error naming the first field that is missing or malformed
 */
export function parseLedgerRecord(value: unknown): LedgerRecord {
  if (!isRecord(value)) throw new Error('not a JSON object');
  for (const field of ['id', 'time', 'environment', 'commit', 'runUrl'] as const) {
    if (typeof value[field] !== 'string' || value[field] === '') throw new Error(`${field} is missing`);
  }
  if (value.kind !== 'deploy' && value.kind !== 'rollback') throw new Error('kind is not deploy/rollback');
  if (!(DEPLOYMENT_STATUSES as readonly unknown[]).includes(value.status)) {
    throw new Error(`status ${JSON.stringify(value.status)} is not one of ${DEPLOYMENT_STATUSES.join(', ')}`);
  }
  if (!isRecord(value.digests) || !Object.values(value.digests).every((d) => typeof d === 'string')) {
    throw new Error('digests is not a map of name to reference');
  }
  if (!isRecord(value.durations)) throw new Error('durations is missing');
  return value as unknown as LedgerRecord;
}

/**
 * Splits ledger text into records and unreadable lines (pure). Text after the last newline is the
 * torn tail; it is not parsed even when it happens to be valid JSON, since its write never finished.
 */
export function parseLedger(text: string): LedgerContents {
  const contents: LedgerContents = { records: [], unreadable: [] };
  const end = text.lastIndexOf('\n');
  const complete = end < 0 ? '' : text.slice(0, end);
  const tail = text.slice(end + 1);
  if (tail !== '') contents.tornTail = tail;
  if (end < 0) return contents;
  complete.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      contents.records.push(parseLedgerRecord(JSON.parse(line)));
    } catch (err) {
      contents.unreadable.push({ line: index + 1, text: line, reason: errorMessage(err) });
    }
  });
  return contents;
}
