import { tmpdir } from 'node:os';
import { ENGINE_CHOICES, type EngineChoice } from '@digestline/core/engine/choices';
import { InputError } from '@digestline/core/errors';
import { stepLog } from '@digestline/core/step';
import { getBoolean, getEnum, getImageRef, getImageSet, getInt, getString } from '@digestline/core/inputs';
import type { E2eTarget } from '@digestline/core/lanes/e2e';
import type { HostAccess } from '@digestline/core/stack/build/build';
import { formatReference } from '@digestline/core/reference';
import { Inputs as Name } from './constants.js';
import { getPemKey } from '@digestline/core/keys';

export interface Inputs {
  target: E2eTarget;
  runnerImage: string;
  testsDir: string;
  testsShownAs: string;
  baseUrlService: string;
  retries: number;
  artifactName: string;
  uploadArtifacts: boolean;
  engine: EngineChoice;
  signingKey?: string;
  tempDir: string;
}

const SERVICE_NAME = /^[a-z0-9][a-z0-9_-]*$/;

async function target(workspace: string): Promise<E2eTarget> {
  const network = getString(Name.Network);
  const stack = getString(Name.Stack);
  if (network !== '') {
    if (stack !== '') {
      throw new InputError(
        Name.Network,
        `inputs "${Name.Network}" and "${Name.Stack}" exclude each other: give ${Name.Stack} with ${Name.Images} to start a stack, or ${Name.Network} to attach to a running one`,
      );
    }
    const images = getImageSet(Name.Images, { required: false });
    return images.length > 0 ? { kind: 'network', network, images } : { kind: 'network', network };
  }
  if (stack === '') {
    throw new InputError(
      Name.Stack,
      `input "${Name.Stack}" (with "${Name.Images}") or input "${Name.Network}" is required`,
    );
  }
  const images = getImageSet(Name.Images);
  const requireDigests = getBoolean(Name.RequireDigests, false);
  const allow: HostAccess = {
    hostPaths: getBoolean(Name.AllowHostPaths, false),
    privileged: getBoolean(Name.AllowPrivileged, false),
    writableBinds: getBoolean(Name.WritableBindMounts, false),
  };
  // Loaded here, not at start-up: the stack parser (and its YAML library) is only needed once the
  // inputs before it are good, and it still runs before anything starts.
  const { loadStackFile } = await import('@digestline/core/lanes/integration');
  return {
    kind: 'stack',
    spec: await loadStackFile(stack, images, Name.Stack, workspace, stepLog, { requireDigests, allow }),
    images,
  };
}

/** Reads and validates every input, the stack file included, before anything runs. */
export async function getInputs(env: NodeJS.ProcessEnv = process.env): Promise<Inputs> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const testsShownAs = getString(Name.Tests, { required: true });
  const baseUrlService = getString(Name.BaseUrlService, { default: 'frontend' });
  if (!SERVICE_NAME.test(baseUrlService)) {
    throw new InputError(
      Name.BaseUrlService,
      `input "${Name.BaseUrlService}" must be a service name ([a-z0-9][a-z0-9_-]*); got ${JSON.stringify(baseUrlService)}`,
    );
  }
  const targetInput = await target(workspace);
  const runnerImage = formatReference(getImageRef(Name.RunnerImage, { requireDigest: true }));
  // The lane module is the bulk of the action: loaded only once the inputs before it are good.
  const { resolveTestsDir } = await import('@digestline/core/lanes/e2e');
  const inputs: Inputs = {
    target: targetInput,
    runnerImage,
    testsDir: await resolveTestsDir(testsShownAs, workspace, Name.Tests),
    testsShownAs,
    baseUrlService,
    retries: getInt(Name.Retries, { min: 0, max: 10, default: 0 }),
    artifactName: getString(Name.ArtifactName, { default: 'e2e-report' }),
    uploadArtifacts: getBoolean(Name.UploadArtifacts, true),
    engine: getEnum(Name.Engine, ENGINE_CHOICES, 'auto'),
    tempDir: env.RUNNER_TEMP || tmpdir(),
  };
  const key = await getPemKey(Name.SigningKey, 'private');
  if (key !== undefined) inputs.signingKey = key;
  return inputs;
}
