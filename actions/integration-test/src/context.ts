import { stepLog } from '@digestline/core/step';
import { tmpdir } from 'node:os';
import { ENGINE_CHOICES, type EngineChoice } from '@digestline/core/engine/choices';
import {
  getBoolean,
  getDuration,
  getEnum,
  getImageSet,
  getString,
  type ImageSet,
} from '@digestline/core/inputs';
import type { HostAccess } from '@digestline/core/stack/build/build';
import type { StackSpec } from '@digestline/core/stack/compose/types';
import { Inputs as Name } from './constants.js';
import { getPemKey } from '@digestline/core/keys';

export interface Inputs {
  spec: StackSpec;
  images: ImageSet;
  testCommand: string;
  testImage?: string;
  readinessTimeoutMs: number;
  keepOnFailure: boolean;
  engine: EngineChoice;
  signingKey?: string;
  /** Run the test command on the runner as this step's uid although a key is given (it can read it). */
  unsafeHostCommandsWithKey: boolean;
  workspace: string;
  tempDir: string;
}

/**
 * Reads and validates every input, the stack file included, before anything runs: a stack with a key
 * outside the subset, a tag that does not resolve (or any tag with require-digests) or an image for
 * no service fails here, with nothing started.
 */
export async function getInputs(env: NodeJS.ProcessEnv = process.env): Promise<Inputs> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const images = getImageSet(Name.Images);
  const stack = getString(Name.Stack, { required: true });
  const requireDigests = getBoolean(Name.RequireDigests, false);
  const allow: HostAccess = {
    hostPaths: getBoolean(Name.AllowHostPaths, false),
    privileged: getBoolean(Name.AllowPrivileged, false),
    writableBinds: getBoolean(Name.WritableBindMounts, false),
  };
  // Loaded here, not at start-up: the stack parser (and its YAML library) is only needed once the
  // inputs before it are good, and it still runs before anything starts.
  const { loadStackFile } = await import('@digestline/core/lanes/integration');
  // The plain inputs first: a typo in one of them is reported before any registry is asked for a tag.
  const testCommand = getString(Name.TestCommand, { required: true });
  const readinessTimeoutMs = getDuration(Name.Timeout, 120_000);
  const keepOnFailure = getBoolean(Name.KeepOnFailure, false);
  const engine = getEnum(Name.Engine, ENGINE_CHOICES, 'auto');
  const unsafeHostCommandsWithKey = getBoolean(Name.UnsafeHostCommandsWithKey, false);
  const inputs: Inputs = {
    spec: await loadStackFile(stack, images, Name.Stack, workspace, stepLog, { requireDigests, allow }),
    images,
    testCommand,
    readinessTimeoutMs,
    keepOnFailure,
    engine,
    unsafeHostCommandsWithKey,
    workspace,
    tempDir: env.RUNNER_TEMP || tmpdir(),
  };
  const testImage = getString(Name.TestImage);
  if (testImage !== '') inputs.testImage = testImage;
  const key = await getPemKey(Name.SigningKey, 'private');
  if (key !== undefined) inputs.signingKey = key;
  return inputs;
}
