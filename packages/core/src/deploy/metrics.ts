/**
 * Prometheus text-format metrics of the last deployment, written as a file for node_exporter's
 * textfile collector (or any scraper that reads files). The file is replaced atomically (write a
 * temporary file in the same directory, fsync, rename), so a scrape never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/** Results a deployment run ends with. */
export const DEPLOY_RESULTS = ['deployed', 'rolled-back', 'failed'] as const;
/** A value of {@link DEPLOY_RESULTS}. */
export type DeployResult = (typeof DEPLOY_RESULTS)[number];

/** What the metrics file reports. */
export interface MetricsInput {
  environment: string;
  result: DeployResult;
  /** Deploy phase (stop, start, digest check) and soak of the run's deployment. */
  deployMs: number;
  soakMs: number;
  /** Stack service → digest now running. */
  services: Record<string, string>;
  /** Last time a deployment or rollback of this environment verified. */
  lastSuccess?: Date;
  /** Counts of final ledger statuses of this environment (from the ledger, so they only grow). */
  totals?: Record<string, number>;
}

/** Escapes a label value (backslash, double quote, newline), as the text format requires. */
export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(pairs: Record<string, string>): string {
  return `{${Object.entries(pairs)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',')}}`;
}

function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

/** Renders the metrics (pure). */
export function renderMetrics(input: MetricsInput): string {
  const env = { environment: input.environment };
  const out: string[] = [];
  const family = (name: string, type: 'gauge' | 'counter', help: string, samples: string[]): void => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples);
  };
  family('digestline_deploy_duration_seconds', 'gauge', 'Duration of the last deployment run by phase.', [
    `digestline_deploy_duration_seconds${labels({ ...env, phase: 'deploy' })} ${seconds(input.deployMs)}`,
    `digestline_deploy_duration_seconds${labels({ ...env, phase: 'soak' })} ${seconds(input.soakMs)}`,
    `digestline_deploy_duration_seconds${labels({ ...env, phase: 'total' })} ${seconds(input.deployMs + input.soakMs)}`,
  ]);
  family(
    'digestline_deploy_result',
    'gauge',
    'Result of the last deployment run: 1 for the result it had, 0 for the others.',
    DEPLOY_RESULTS.map(
      (r) => `digestline_deploy_result${labels({ ...env, result: r })} ${r === input.result ? 1 : 0}`,
    ),
  );
  family(
    'digestline_deploy_info',
    'gauge',
    'Digest each service of the environment runs after the last deployment run.',
    Object.entries(input.services)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([service, digest]) => `digestline_deploy_info${labels({ ...env, service, digest })} 1`),
  );
  if (input.lastSuccess !== undefined) {
    family(
      'digestline_deploy_last_success_timestamp_seconds',
      'gauge',
      'Unix time the last deployment or rollback of the environment verified.',
      [
        `digestline_deploy_last_success_timestamp_seconds${labels(env)} ${Math.floor(input.lastSuccess.getTime() / 1000)}`,
      ],
    );
  }
  if (input.totals !== undefined) {
    family(
      'digestline_deployments_total',
      'counter',
      'Deployments recorded in the ledger, by final status.',
      Object.entries(input.totals)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, n]) => `digestline_deployments_total${labels({ ...env, status })} ${n}`),
    );
  }
  return `${out.join('\n')}\n`;
}

/** Replaces `path` with `text` atomically (temporary file in the same directory, fsync, rename). */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'w', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
