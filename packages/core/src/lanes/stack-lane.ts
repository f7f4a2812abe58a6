/**
 * A stack lane with command tests (integration-test): the shared pipeline (pipeline.ts) with the
 * command tester (command-tester.ts), its report, bundle and evidence under one output directory.
 */
import { join } from 'node:path';
import type { ContainerEngine } from '../engine/engine.js';
import type { EvidenceRegistry } from '../evidence/registry.js';
import type { Exec } from '../exec.js';
import type { ImageSet } from '../inputs.js';
import { pinnedReference } from '../reference.js';
import { silentLog, type Log } from '../log.js';
import type { StackSpec } from '../stack/compose/types.js';
import { commandTester, type LaneTests } from './command-tester.js';
import { runLane } from './pipeline.js';
import { newLaneReport, type LaneOutcome, type StackLane, type UploadDirectory } from './report.js';

/** Options of {@link runStackLane}. */
export interface StackLaneOptions {
  lane: StackLane;
  engine: ContainerEngine;
  spec: StackSpec;
  images: ImageSet;
  project: string;
  tests: LaneTests;
  readinessTimeoutMs: number;
  keepOnFailure: boolean;
  /** Report, bundle and evidence go here. */
  outDir: string;
  signingKey?: string;
  /** Env the commit, repository and run URL are read from (`GITHUB_*`). */
  env?: NodeJS.ProcessEnv;
  /** Registry client for a registry host; default: a `RegistryClient` with docker/podman credentials. */
  registryFor?: (registry: string) => EvidenceRegistry;
  /** Uploads the failure bundle; without it the bundle stays on disk only. */
  upload?: UploadDirectory;
  /** Runs the test command on the runner (tests without an image). */
  exec?: Exec;
  /** Readiness poll interval (default Stack's 100 ms). */
  pollMs?: number;
  log?: Log;
}

/**
 * Runs a stack lane with command tests from start to teardown (see `runLane`): `report.json`,
 * `bundle/` (when failed) and `evidence.dsse.json` under `outDir`, the bundle uploaded as
 * `<lane>-bundle-<project>`. Never throws for a failing stack or failing tests.
 */
export async function runStackLane(opts: StackLaneOptions): Promise<LaneOutcome> {
  const log = opts.log ?? silentLog;
  const started = Date.now();
  const tester = commandTester(opts.tests, {
    engine: opts.engine,
    log,
    ...(opts.exec !== undefined ? { exec: opts.exec } : {}),
  });
  return runLane(
    {
      engine: opts.engine,
      stack: {
        start: opts.spec,
        readinessTimeoutMs: opts.readinessTimeoutMs,
        ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
      },
      images: opts.images,
      project: opts.project,
      report: newLaneReport({
        lane: opts.lane,
        project: opts.project,
        engine: opts.engine.kind,
        stack: opts.spec.source,
        images: opts.images,
        services: opts.spec.services.map((s) => ({ name: s.name, image: pinnedReference(s.image) })),
        started,
      }),
      started,
      keepOnFailure: opts.keepOnFailure,
      outDir: opts.outDir,
      reportPath: join(opts.outDir, 'report.json'),
      bundle: {
        dir: join(opts.outDir, 'bundle'),
        title: 'Collect the failure bundle',
        noun: 'failure bundle',
        testLog: 'tests.log',
        artifact: `${opts.lane}-bundle-${opts.project}`,
      },
      env: opts.env ?? process.env,
      log,
      ...(opts.signingKey !== undefined ? { signingKey: opts.signingKey } : {}),
      ...(opts.registryFor !== undefined ? { registryFor: opts.registryFor } : {}),
      ...(opts.upload !== undefined ? { upload: opts.upload } : {}),
    },
    tester,
  );
}
