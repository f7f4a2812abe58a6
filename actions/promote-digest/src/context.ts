import { tmpdir } from 'node:os';
import { InputError, errorMessage } from '@digestline/core/errors';
import { getImageSet, getList, getString } from '@digestline/core/inputs';
import type { Credentials } from '@digestline/core/registry/auth';
import { assertGitObjectId } from '@digestline/core/evidence/statement';
import { REQUIRABLE_LANES, type RequirableLane } from '@digestline/core/promote/lanes';
import { buildPlan, type PlannedImage } from '@digestline/core/promote/plan';
import { maskSecret } from '@digestline/core/step';
import { Inputs } from './constants.js';
import { getPemKey } from '@digestline/core/keys';

export interface Inputs {
  /** The images and their targets, from inputs `images` and `target`. */
  plan: PlannedImage[];
  target: string;
  require: RequirableLane[];
  commit: string;
  publicKey?: string;
  signingKey?: string;
  sourceCredentials?: Credentials;
  targetCredentials?: Credentials;
  recordDir: string;
}

function credentials(usernameInput: string, passwordInput: string): Credentials | undefined {
  const username = getString(usernameInput);
  const password = getString(passwordInput);
  if (password !== '') maskSecret(password);
  if (username === '' && password === '') return undefined;
  if (username === '' || password === '') {
    throw new InputError(
      username === '' ? usernameInput : passwordInput,
      `inputs "${usernameInput}" and "${passwordInput}" go together: set both or neither`,
    );
  }
  return { username, password };
}

function lanes(): RequirableLane[] {
  const items = getList(Inputs.Require);
  if (items.length === 0) return [...REQUIRABLE_LANES];
  for (const lane of items) {
    if (!(REQUIRABLE_LANES as readonly string[]).includes(lane)) {
      throw new InputError(
        Inputs.Require,
        `input "${Inputs.Require}" has ${JSON.stringify(lane)}; valid lanes are ${REQUIRABLE_LANES.join(', ')}`,
      );
    }
  }
  return [...new Set(items)] as RequirableLane[];
}

async function commit(): Promise<string> {
  let value = getString(Inputs.Commit);
  let from = `input "${Inputs.Commit}"`;
  if (value === '' && process.env.GITHUB_SHA) {
    value = process.env.GITHUB_SHA;
    from = 'GITHUB_SHA';
  }
  if (value === '') {
    // Loaded only here: most runs have GITHUB_SHA, and start-up stays light without @actions/exec.
    const { defaultExec } = await import('@digestline/core/exec');
    value = (await defaultExec.exec('git', ['rev-parse', 'HEAD'], { silent: true })).stdout.trim();
    from = 'git rev-parse HEAD';
  }
  try {
    return assertGitObjectId(value, from);
  } catch (err) {
    throw new InputError(
      Inputs.Commit,
      `${errorMessage(err)} (set input "${Inputs.Commit}" to the full commit id)`,
    );
  }
}

/** Reads and validates every input before any work is done. */
export async function getInputs(): Promise<Inputs> {
  const images = getImageSet(Inputs.Images);
  const target = getString(Inputs.Target, { required: true });
  const inputs: Inputs = {
    plan: buildPlan(images, target, { images: Inputs.Images, target: Inputs.Target }),
    target,
    require: lanes(),
    commit: await commit(),
    recordDir: process.env.RUNNER_TEMP || tmpdir(),
  };
  const publicKey = await getPemKey(Inputs.PublicKey, 'public');
  if (publicKey !== undefined) inputs.publicKey = publicKey;
  const signingKey = await getPemKey(Inputs.SigningKey, 'private');
  if (signingKey !== undefined) inputs.signingKey = signingKey;
  const source = credentials(Inputs.SourceUsername, Inputs.SourcePassword);
  if (source !== undefined) inputs.sourceCredentials = source;
  const target_ = credentials(Inputs.TargetUsername, Inputs.TargetPassword);
  if (target_ !== undefined) inputs.targetCredentials = target_;
  return inputs;
}
