/**
 * The integration lane: the images under test started as a stack on a fresh network, black-box
 * tests run against them over that network, evidence stored next to every digest. The work is the
 * shared lane pipeline with command tests (stack-lane.ts); this module adds what is specific to integration-test: reading
 * the stack file, the per-run project name and the post step's teardown.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ContainerEngine } from '../engine/engine.js';
import { InputError } from '../errors.js';
import type { EvidenceRegistry } from '../evidence/registry.js';
import type { Exec } from '../exec.js';
import type { ImageSet } from '../inputs.js';
import { formatProblem, stackErrors } from '../stack/check.js';
import { checkStackResolved, TagResolutionError, type ResolveOptions } from '../stack/resolve.js';
import type { HostAccess } from '../stack/build/build.js';
import type { StackSpec } from '../stack/compose/types.js';
import { silentLog, type Log } from '../log.js';
import { decideHostIsolation, userEnvironment, type IsolationInputs } from '../user-code.js';
import { laneProjectName } from './names.js';
import type { LaneOutcome, UploadDirectory } from './report.js';
import { runStackLane } from './stack-lane.js';
import { teardownLaneStack } from './teardown.js';

/** Prefix of integration-test project names (`it-<run id>-<random>`). */
export const INTEGRATION_PROJECT_PREFIX = 'it';

/** integration-test's inputs named when a test command on the runner would be within reach of the key. */
export const INTEGRATION_ISOLATION_INPUTS: IsolationInputs = {
  key: 'signing-key',
  container: 'test-image',
  unsafe: 'unsafe-host-commands-with-key',
};

/** How {@link loadStackFile} treats the tags a stack names. */
export interface StackTagOptions {
  /** The `require-digests` input: a tag is an error. */
  requireDigests?: boolean;
  /** How tags are resolved (tests give a registry client). */
  resolve?: ResolveOptions;
  /** The allow-* inputs (what the stack may do to the host). */
  allow?: HostAccess;
}

/**
 * Checks a compose file with the image set, before anything starts (stack/check.ts): every problem of
 * the file at once, then each tag of a service not under test resolved to a digest once
 * (stack/resolve.ts; `postgres:16 → sha256:…` in the log). Warnings (a port moved to loopback, a key
 * ignored during validation, a tag) go to `log`.
 * @param path as the user wrote it; read relative to `cwd`, which is also the workspace
 * @throws InputError naming `input` (the stack input) with one `file:line: path: message` line per
 *   error, or one line per tag that did not resolve
 */
export async function loadStackFile(
  path: string,
  images: ImageSet,
  input: string,
  cwd: string = process.cwd(),
  log: Log = silentLog,
  tags: StackTagOptions = {},
): Promise<StackSpec> {
  const file = resolve(cwd, path);
  if (!existsSync(file))
    throw new InputError(input, `input "${input}": the stack file ${path} does not exist`);
  const check = await checkStackResolved(
    file,
    {
      images,
      mode: 'validation',
      env: process.env,
      workspace: cwd,
      requireDigests: tags.requireDigests ?? false,
      ...(tags.allow !== undefined ? { allow: tags.allow } : {}),
    },
    { log, ...tags.resolve },
  ).catch((err: unknown) => {
    if (err instanceof TagResolutionError)
      throw new InputError(input, `input "${input}": ${path}: ${err.message}`);
    throw err;
  });
  for (const p of check.problems) if (p.severity === 'warning') log.warning(formatProblem(p, cwd));
  const errors = stackErrors(check, cwd);
  if (check.spec === undefined || errors.length > 0) {
    throw new InputError(
      input,
      `input "${input}": ${path} has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n${errors.join('\n')}`,
    );
  }
  // Messages name the file as the user wrote it.
  return { ...check.spec, source: path };
}

/** A request to run the integration lane: the inputs, read and validated. */
export interface IntegrationTestRequest {
  spec: StackSpec;
  images: ImageSet;
  testCommand: string;
  /** Empty/undefined: on the runner against published loopback ports. */
  testImage?: string;
  workspace: string;
  readinessTimeoutMs: number;
  keepOnFailure: boolean;
  signingKey?: string;
  /**
   * With a key and no test image: run the test command on the runner as this process's uid although
   * it can read the key (the evidence records it). Without it, root runs it as an unprivileged uid
   * and anyone else is refused.
   */
  unsafeHostCommandsWithKey?: boolean;
  /** Where `<project>/` with the report, bundle and evidence goes (the runner's RUNNER_TEMP). */
  tempDir: string;
}

/** Collaborators of {@link runIntegrationTest}; tests swap them. */
export interface IntegrationTestDeps {
  engine: ContainerEngine;
  /** Called with the project before anything is created, so the post step can find it. */
  onProject?: (project: string) => void;
  env?: NodeJS.ProcessEnv;
  upload?: UploadDirectory;
  registryFor?: (registry: string) => EvidenceRegistry;
  exec?: Exec;
  pollMs?: number;
  log?: Log;
  /** This process's uid (tests); `process.getuid()` when absent. */
  uid?: number;
}

/** Runs the integration lane (see `runStackLane`) under a fresh `it-<run id>-<random>` project. */
export async function runIntegrationTest(
  request: IntegrationTestRequest,
  deps: IntegrationTestDeps,
): Promise<LaneOutcome> {
  const env = deps.env ?? process.env;
  // Decided before anything is created: a refusal must come before any side effect.
  const host = request.testImage
    ? undefined
    : {
        isolation: decideHostIsolation({
          signed: request.signingKey !== undefined,
          unsafe: request.unsafeHostCommandsWithKey ?? false,
          uid: deps.uid ?? process.getuid?.(),
          inputs: INTEGRATION_ISOLATION_INPUTS,
        }),
        env: userEnvironment(env, request.signingKey !== undefined ? [request.signingKey] : []),
        inputs: INTEGRATION_ISOLATION_INPUTS,
      };
  const project = laneProjectName(INTEGRATION_PROJECT_PREFIX, env.GITHUB_RUN_ID);
  deps.onProject?.(project);
  return runStackLane({
    lane: 'integration',
    engine: deps.engine,
    spec: request.spec,
    images: request.images,
    project,
    tests: {
      command: request.testCommand,
      workspace: request.workspace,
      ...(request.testImage ? { image: request.testImage } : {}),
      ...(host !== undefined ? { host } : {}),
    },
    readinessTimeoutMs: request.readinessTimeoutMs,
    keepOnFailure: request.keepOnFailure,
    outDir: join(request.tempDir, 'digestline-integration-test', project),
    env,
    ...(request.signingKey !== undefined ? { signingKey: request.signingKey } : {}),
    ...(deps.upload !== undefined ? { upload: deps.upload } : {}),
    ...(deps.registryFor !== undefined ? { registryFor: deps.registryFor } : {}),
    ...(deps.exec !== undefined ? { exec: deps.exec } : {}),
    ...(deps.pollMs !== undefined ? { pollMs: deps.pollMs } : {}),
    ...(deps.log !== undefined ? { log: deps.log } : {}),
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
  log: Log = silentLog,
): Promise<string> {
  if (project === '') return 'nothing to tear down: main started no stack';
  if (kept) return `stack ${project} kept running (keep-on-failure)`;
  return (await teardownLaneStack(engine, project, log))
    ? `stack ${project} removed`
    : `stack ${project}: nothing left to remove`;
}
