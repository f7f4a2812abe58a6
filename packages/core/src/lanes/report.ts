/**
 * The JSON report every stack lane writes (output `report`) and what a lane run hands back to its
 * action: one shape for integration-test and e2e-run, which adds its Playwright part on top.
 */
import type { StoredEvidence } from '../evidence/store.js';
import type { ImageSet } from '../inputs.js';
import { pinnedReference } from '../reference.js';
import type { Stack } from '../stack/stack.js';
import type { ReadinessMode } from '../stack/plan.js';
import type { ServiceStatus } from '../stack/status.js';
import { urlEnvName, type TestsWhere } from './names.js';

/** The lanes that run a stack. */
export type StackLane = 'integration' | 'e2e';

/** Per-service line of the report. */
export interface ReportService {
  name: string;
  /** The digest reference the service must run. */
  image: string;
  container?: string;
  /** The URL the tests were given. */
  url?: string;
  readiness?: ReadinessMode;
  startedAt?: number;
  readyAt?: number;
  /** From `run` returning to readiness observed. */
  readyAfterMs?: number;
}

/** The JSON report (output `report`). */
export interface LaneReport {
  lane: StackLane;
  project: string;
  engine: string;
  stack: string;
  result: 'passed' | 'failed';
  /** The image set under test: the evidence subjects. */
  images: Array<{ name: string; reference: string; digest: string }>;
  services: ReportService[];
  /** Whether inspect showed every container running its digest; null when not checked. */
  digestsVerified: boolean | null;
  /** Null when the stack never became ready. */
  readiness: {
    /** `up` from first container to all ready. */
    upMs: number;
    /** The last service was observed ready (epoch ms). */
    lastReadyAt: number;
    /** The test command was started (epoch ms). */
    testStartedAt: number;
    /** testStartedAt − lastReadyAt. */
    latencyMs: number;
  } | null;
  tests: {
    command: string;
    where: TestsWhere;
    image?: string;
    exitCode: number | null;
    durationMs: number;
  } | null;
  startedAt: string;
  durationMs: number;
  failure?: string;
  bundle?: string;
  bundleArtifact?: { uploaded: boolean; reason?: string };
  evidence?: { path: string; signed: boolean; stored: Array<StoredEvidence & { repository: string }> };
}

/** What a stack lane run hands back. */
export interface LaneOutcome<R extends LaneReport = LaneReport> {
  report: R;
  reportPath: string;
  /** Failure bundle directory (only when failed). */
  bundlePath?: string;
  evidencePath?: string;
  /** The stack was left running (keep-on-failure). */
  kept: boolean;
  /** Storing evidence failed: the step must fail even when the tests passed. */
  evidenceError?: string;
}

/** Uploads a directory as a workflow artifact (core's artifacts.ts). */
export type UploadDirectory = (name: string, dir: string) => Promise<{ uploaded: boolean; reason?: string }>;

/** A report in its starting state: failed, nothing checked yet. */
export function newLaneReport(o: {
  lane: StackLane;
  project: string;
  engine: string;
  stack: string;
  images: ImageSet;
  services: ReportService[];
  started: number;
}): LaneReport {
  return {
    lane: o.lane,
    project: o.project,
    engine: o.engine,
    stack: o.stack,
    result: 'failed',
    images: o.images.map((e) => ({
      name: e.name,
      reference: pinnedReference(e),
      digest: e.digest.value,
    })),
    services: o.services,
    digestsVerified: null,
    readiness: null,
    tests: null,
    startedAt: new Date(o.started).toISOString(),
    durationMs: 0,
  };
}

/** The report's service lines of a ready stack: container, the URL the tests got, readiness timing. */
export function reportServices(
  stack: Stack,
  statuses: readonly ServiceStatus[],
  urls: Record<string, string>,
): ReportService[] {
  return statuses.map((s) => {
    const timing = stack.timings[s.service];
    const line: ReportService = { name: s.service, image: s.image, container: s.container };
    const url = urls[urlEnvName(s.service)];
    if (url !== undefined) line.url = url;
    if (timing !== undefined) {
      line.readiness = timing.mode;
      line.startedAt = timing.startedAt;
      line.readyAt = timing.readyAt;
      line.readyAfterMs = timing.readyAt - timing.startedAt;
    }
    return line;
  });
}

/**
 * Readiness as the report states it, for tests started at `testStartedAt`; null for a stack this run
 * did not start (an attached one has no timings).
 */
export function readinessOf(stack: Stack, testStartedAt: number): LaneReport['readiness'] {
  const timings = Object.values(stack.timings);
  if (timings.length === 0) return null;
  const lastReadyAt = Math.max(...timings.map((t) => t.readyAt));
  return {
    upMs: lastReadyAt - Math.min(...timings.map((t) => t.startedAt)),
    lastReadyAt,
    testStartedAt,
    latencyMs: testStartedAt - lastReadyAt,
  };
}
