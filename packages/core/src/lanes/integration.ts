/**
 * The integration lane: the images under test started as a stack on a fresh network, black-box
 * tests run against them over that network, evidence stored next to every digest. The work is the
 * shared stack lane (stack-lane.ts); this module adds what is specific to integration-test: reading
 * the stack file, the per-run project name, the summary and the post step's teardown.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ContainerEngine } from '../engine/engine.js';
import { errorMessage, InputError } from '../errors.js';
import type { EvidenceRegistry } from '../evidence/store.js';
import type { Exec } from '../exec.js';
import type { ImageSet } from '../inputs.js';
import { parseStack, type StackSpec } from '../stack/spec.js';
import type { SummaryBuilder } from '../summary.js';
import {
  laneProjectName,
  runStackLane,
  teardownLaneStack,
  type LaneOutcome,
  type LaneReport,
  type UploadDirectory,
} from './stack-lane.js';

/** Prefix of integration-test project names (`it-<run id>-<random>`). */
export const INTEGRATION_PROJECT_PREFIX = 'it';

/**
 * Reads and parses a stack file with the image set, before anything starts: a key outside the
 * subset, a tag, an image set entry with no service of that name all fail here.
 * @param path as the user wrote it (messages name it); read relative to `cwd`
 * @throws InputError naming `input` (the stack input) with the parser's file:line message
 */
export async function loadStackFile(
  path: string,
  images: ImageSet,
  input: string,
  cwd: string = process.cwd(),
): Promise<StackSpec> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (err) {
    throw new InputError(input, `input "${input}": cannot read the stack file ${path}: ${errorMessage(err)}`);
  }
  try {
    return parseStack(text, path, images);
  } catch (err) {
    throw new InputError(input, `input "${input}": ${errorMessage(err)}`, { cause: err });
  }
}

/** Options of {@link runIntegrationTest}. */
export interface IntegrationTestOptions {
  engine: ContainerEngine;
  spec: StackSpec;
  images: ImageSet;
  testCommand: string;
  /** Empty/undefined: on the runner against published loopback ports. */
  testImage?: string;
  workspace: string;
  readinessTimeoutMs: number;
  keepOnFailure: boolean;
  signingKey?: string;
  /** Where `<project>/` with the report, bundle and evidence goes (the runner's RUNNER_TEMP). */
  tempDir: string;
  /** Called with the project before anything is created, so the post step can find it. */
  onProject?: (project: string) => void;
  env?: NodeJS.ProcessEnv;
  upload?: UploadDirectory;
  registryFor?: (registry: string) => EvidenceRegistry;
  exec?: Exec;
  pollMs?: number;
  log?: (line: string) => void;
}

/** Runs the integration lane (see `runStackLane`) under a fresh `it-<run id>-<random>` project. */
export async function runIntegrationTest(opts: IntegrationTestOptions): Promise<LaneOutcome> {
  const env = opts.env ?? process.env;
  const project = laneProjectName(INTEGRATION_PROJECT_PREFIX, env.GITHUB_RUN_ID);
  opts.onProject?.(project);
  return runStackLane({
    lane: 'integration',
    engine: opts.engine,
    spec: opts.spec,
    images: opts.images,
    project,
    tests: {
      command: opts.testCommand,
      workspace: opts.workspace,
      ...(opts.testImage ? { image: opts.testImage } : {}),
    },
    readinessTimeoutMs: opts.readinessTimeoutMs,
    keepOnFailure: opts.keepOnFailure,
    outDir: join(opts.tempDir, 'digestline-integration-test', project),
    env,
    ...(opts.signingKey !== undefined ? { signingKey: opts.signingKey } : {}),
    ...(opts.upload !== undefined ? { upload: opts.upload } : {}),
    ...(opts.registryFor !== undefined ? { registryFor: opts.registryFor } : {}),
    ...(opts.exec !== undefined ? { exec: opts.exec } : {}),
    ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
    ...(opts.log !== undefined ? { log: opts.log } : {}),
  });
}

/**
 * The post step: removes what main left (it was cancelled, or crashed), unless main kept a failed
 * stack on purpose.
 * @returns what was done, for the log
 * @throws CleanupError when something could not be removed
 */
export async function teardownIntegrationTest(
  engine: ContainerEngine,
  project: string,
  kept: boolean,
  log: (line: string) => void = () => undefined,
): Promise<string> {
  if (project === '') return 'nothing to tear down: main started no stack';
  if (kept) return `stack ${project} kept running (keep-on-failure)`;
  return (await teardownLaneStack(engine, project, log))
    ? `stack ${project} removed`
    : `stack ${project}: nothing left to remove`;
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value} ms`;
}

/** The job summary of a lane run (also printed to the log). */
export function summarizeLane(summary: SummaryBuilder, report: LaneReport): void {
  summary.heading(`${report.lane === 'integration' ? 'integration-test' : 'e2e-run'}: ${report.result}`);
  summary.table(
    ['Service', 'Image', 'Readiness', 'Ready after', 'URL'],
    report.services.map((s) => [
      s.name,
      s.image,
      s.readiness ?? '',
      s.readyAfterMs !== undefined ? ms(s.readyAfterMs) : '',
      s.url ?? '',
    ]),
  );
  const lines = [
    `project ${report.project} on ${report.engine}, stack ${report.stack}`,
    `digests verified: ${report.digestsVerified === null ? 'not checked' : report.digestsVerified ? 'yes' : 'NO'}`,
  ];
  if (report.readiness !== null) {
    lines.push(
      `ready ${ms(report.readiness.upMs)} after the first start; tests started ${ms(report.readiness.latencyMs)} after the last service was ready`,
    );
  }
  if (report.tests !== null) {
    lines.push(
      `tests (${report.tests.where === 'container' ? `in ${report.tests.image}` : 'on the runner'}): exit code ${report.tests.exitCode ?? 'none'} after ${ms(report.tests.durationMs)}`,
    );
  }
  lines.push(`lane took ${ms(report.durationMs)}`);
  if (report.bundle !== undefined) lines.push(`failure bundle: ${report.bundle}`);
  if (report.evidence !== undefined) {
    lines.push(
      `evidence (${report.evidence.signed ? 'signed' : 'unsigned'}): ${report.evidence.path}, stored for ${report.evidence.stored.length}/${report.images.length} digests`,
    );
  }
  summary.list(lines);
  if (report.failure !== undefined) summary.code(report.failure);
}

/** Why the step fails, or undefined when it passed. */
export function laneFailureMessage(outcome: LaneOutcome): string | undefined {
  const parts: string[] = [];
  if (outcome.report.failure !== undefined) parts.push(outcome.report.failure);
  if (outcome.evidenceError !== undefined) parts.push(outcome.evidenceError);
  if (parts.length === 0) return undefined;
  return parts.join('\n');
}
