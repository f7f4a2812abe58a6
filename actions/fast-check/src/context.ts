import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import type { LanePlan } from '@digestline/core/checks/lane';
import { checkChecksSource, parseEnvNames } from '@digestline/core/checks/inputs';
import { loadChecksFile, parseChecks } from '@digestline/core/checks/spec';
import { ENGINE_CHOICES, type EngineChoice } from '@digestline/core/engine/choices';
import { InputError } from '@digestline/core/errors';
import {
  getBoolean,
  getDuration,
  getEnum,
  getImageRef,
  getInt,
  getList,
  getString,
} from '@digestline/core/inputs';
import { formatReference, parseReference } from '@digestline/core/reference';
import { isLoopbackRegistry } from '@digestline/core/registry/loopback';
import { maskSecret } from '@digestline/core/step';
import { DEFAULT_TIMEOUT_MS, Inputs as Name } from './constants.js';

export interface Inputs {
  plan: LanePlan;
  image?: string;
  /** The image's registry is loopback: pull over plain http. */
  insecure: boolean;
  concurrency: number;
  failFast: boolean;
  envNames: string[];
  engine: EngineChoice;
  signingKey?: string;
  /** Run checks on the runner as this step's uid although a key is given (they can read it). */
  unsafeHostCommandsWithKey: boolean;
  /** Where the evidence is stored for promote-digest (`commit-<sha>.source` tag); absent: not stored. */
  evidenceRepository?: { registry: string; repository: string };
}

/**
 * Reads and validates every input before anything runs: a malformed check, a missing checks file,
 * a bad timeout or a tag instead of a digest fails the step naming the input, with nothing started.
 */
export async function getInputs(env: NodeJS.ProcessEnv = process.env): Promise<Inputs> {
  const signingKey = getString(Name.SigningKey);
  for (const line of signingKey.split('\n')) maskSecret(line.trim());
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());

  const timeoutMs = getDuration(Name.Timeout, DEFAULT_TIMEOUT_MS);
  if (timeoutMs <= 0) throw new InputError(Name.Timeout, `input "${Name.Timeout}" must be more than 0`);
  const imageRef = getImageRef(Name.Image, { requireDigest: true, required: false });
  const checksText = getString(Name.Checks);
  const checksFile = getString(Name.ChecksFile);
  const source = checkChecksSource(checksText, checksFile, { checks: Name.Checks, file: Name.ChecksFile });
  const specs =
    source === 'checks'
      ? parseChecks(checksText, Name.Checks)
      : await loadChecksFile(
          isAbsolute(checksFile) ? checksFile : resolve(workspace, checksFile),
          checksFile,
          Name.ChecksFile,
        );

  // The lane module (runner, container launcher, report) is the bulk of the action: loaded only once
  // the checks are known to be well-formed, and still before anything runs.
  const { planChecks } = await import('@digestline/core/checks/lane');
  const inputs: Inputs = {
    plan: planChecks(specs, {
      workspace,
      workingDirectory: getString(Name.WorkingDirectory, { default: '.' }),
      timeoutMs,
      inContainer: imageRef !== undefined,
      checksInput: source === 'checks' ? Name.Checks : Name.ChecksFile,
      workingDirectoryInput: Name.WorkingDirectory,
    }),
    insecure: imageRef !== undefined && isLoopbackRegistry(imageRef.registry),
    concurrency: getInt(Name.Concurrency, { min: 1, default: availableParallelism() }),
    failFast: getBoolean(Name.FailFast, false),
    envNames: parseEnvNames(getList(Name.Env), Name.Env),
    engine: getEnum(Name.Engine, ENGINE_CHOICES, 'auto'),
    unsafeHostCommandsWithKey: getBoolean(Name.UnsafeHostCommandsWithKey, false),
  };
  if (imageRef !== undefined) inputs.image = formatReference(imageRef);
  if (signingKey !== '') {
    // node:crypto is loaded only when a key is given: start-up stays light.
    const { checkSigningKey } = await import('@digestline/core/checks/signing-key');
    checkSigningKey(signingKey, Name.SigningKey);
    inputs.signingKey = signingKey;
  }
  const evidenceRepository = getString(Name.EvidenceRepository);
  if (evidenceRepository !== '') inputs.evidenceRepository = parseEvidenceRepository(evidenceRepository);
  return inputs;
}

/** `registry/namespace/evidence` → its registry and repository; a tag or digest is refused. */
function parseEvidenceRepository(text: string): { registry: string; repository: string } {
  const expected = `expected registry/repository without tag or digest, e.g. 127.0.0.1:5000/org/evidence`;
  let ref;
  try {
    ref = parseReference(text);
  } catch (err) {
    throw new InputError(
      Name.EvidenceRepository,
      `input "${Name.EvidenceRepository}": ${text}: ${expected}`,
      {
        cause: err,
      },
    );
  }
  if (ref.tag !== undefined || ref.digest !== undefined || !text.includes('/')) {
    throw new InputError(Name.EvidenceRepository, `input "${Name.EvidenceRepository}": ${text}: ${expected}`);
  }
  return { registry: ref.registry, repository: ref.repository };
}
