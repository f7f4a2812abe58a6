import { tmpdir } from 'node:os';
import { InputError, errorMessage } from '@digestline/core/errors';
import { getBoolean, getImageSet, getList, getString } from '@digestline/core/inputs';
import type { Credentials } from '@digestline/core/registry/auth';
import { assertGitObjectId } from '@digestline/core/evidence/run-context';
import { REQUIRABLE_LANES, type RequirableLane } from '@digestline/core/promote/lanes';
import { buildPlan, type PlannedImage } from '@digestline/core/promote/plan';
import { maskSecret } from '@digestline/core/step';
import { Inputs } from './constants.js';
import { getPemKey, getPemKeys, keysOrUnsigned } from '@digestline/core/keys';

export interface Inputs {
  /** The images and their targets, from inputs `images` and `target`. */
  plan: PlannedImage[];
  target: string;
  require: RequirableLane[];
  commit: string;
  /** The CI run id whose evidence counts (input `evidence-run`, default GITHUB_RUN_ID). */
  evidenceRun: string;
  /** PEM public keys of the lanes; empty only with `allowUnsigned`. */
  laneKeys: string[];
  allowUnsigned: boolean;
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

function evidenceRun(env: NodeJS.ProcessEnv): string {
  const value = getString(Inputs.EvidenceRun) || (env.GITHUB_RUN_ID ?? '').trim();
  if (value === '') {
    throw new InputError(
      Inputs.EvidenceRun,
      `input "${Inputs.EvidenceRun}" is required outside a CI run: give the run id (GITHUB_RUN_ID) whose lanes' evidence counts`,
    );
  }
  if (!/^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(value)) {
    throw new InputError(
      Inputs.EvidenceRun,
      `input "${Inputs.EvidenceRun}" must be a CI run id (GITHUB_RUN_ID, e.g. 1234); got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Reads and validates every input before any work is done. */
export async function getInputs(env: NodeJS.ProcessEnv = process.env): Promise<Inputs> {
  const images = getImageSet(Inputs.Images);
  const target = getString(Inputs.Target, { required: true });
  const plan = buildPlan(images, target, { images: Inputs.Images, target: Inputs.Target });
  const require = lanes();
  const run = evidenceRun(env);
  const laneKeys = await getPemKeys(Inputs.LanePublicKeys);
  const allowUnsigned = getBoolean(Inputs.AllowUnsigned, false);
  keysOrUnsigned(Inputs.LanePublicKeys, laneKeys, Inputs.AllowUnsigned, allowUnsigned);
  const inputs: Inputs = {
    plan,
    target,
    require,
    commit: await commit(),
    evidenceRun: run,
    laneKeys,
    allowUnsigned,
    recordDir: env.RUNNER_TEMP || tmpdir(),
  };
  const signingKey = await getPemKey(Inputs.SigningKey, 'private');
  if (signingKey !== undefined) inputs.signingKey = signingKey;
  const source = credentials(Inputs.SourceUsername, Inputs.SourcePassword);
  if (source !== undefined) inputs.sourceCredentials = source;
  const target_ = credentials(Inputs.TargetUsername, Inputs.TargetPassword);
  if (target_ !== undefined) inputs.targetCredentials = target_;
  return inputs;
}
