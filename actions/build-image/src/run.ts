import { tmpdir } from 'node:os';
import { buildImage } from '@digestline/core/image/build-image';
import { readCommit } from '@digestline/core/image/commit';
import { policyFailureMessage, summarizeBuild } from '@digestline/core/image/report';
import { getState, saveState, setOutputs, stepLog, warn } from '@digestline/core/step';
import { connectEngine } from '@digestline/core/engine/access';
import { selectEngine } from '@digestline/core/engine/select';
import { errorMessage } from '@digestline/core/errors';
import { defaultExec, type Exec } from '@digestline/core/exec';
import { createStepAuth, removeStepAuth } from '@digestline/core/image/step-auth';
import { RegistryClient } from '@digestline/core/registry/client';
import { writeSummary } from '@digestline/core/summary';
import { Outputs, State } from './constants.js';
import { getBuildRequest, getInputs, needsLogin, type Inputs } from './context.js';

/** Reads and validates the inputs, then builds: the whole main step in one call. */
export async function main(exec: Exec = defaultExec, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await run(await getInputs(), exec, env);
}

/** Builds, pushes and checks the image with inputs already read and validated by `getInputs`. */
export async function run(
  inputs: Inputs,
  exec: Exec = defaultExec,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  let engine = await connectEngine(inputs.engine, { env, exec, log: stepLog });
  const commit = await readCommit({ cwd: inputs.context, env, exec });
  const tempRoot = env.RUNNER_TEMP || tmpdir();
  const request = getBuildRequest(inputs, commit, tempRoot);
  const registryHost = inputs.image.registry;

  // The login goes to an auth file of this step only, never to the runner's shared one. It is for
  // the image's registry only: a cache elsewhere gets the runner's standing logins, never this one.
  const auth =
    inputs.login !== undefined && needsLogin(inputs)
      ? await createStepAuth(engine.kind, registryHost, tempRoot, exec, env)
      : undefined;
  try {
    if (auth !== undefined && inputs.login !== undefined) {
      // Read by the post step only if this one never reaches its own clean-up (cancelled, killed).
      saveState(State.AuthDir, auth.dir);
      engine = selectEngine(engine.kind, env, auth.exec);
      const { username, password } = inputs.login;
      await engine.login(registryHost, username, password, { insecure: request.insecure });
    }
    const registry = new RegistryClient({
      registry: registryHost,
      ...(inputs.login !== undefined ? { credentials: inputs.login } : {}),
    });
    const result = await buildImage(request, { engine, registry, log: stepLog });
    setOutputs({
      [Outputs.Digest]: result.metadata.digest ?? '',
      [Outputs.Image]: result.metadata.image ?? '',
      [Outputs.Size]: result.metadata.size === null ? '' : String(result.metadata.size),
      [Outputs.Metadata]: JSON.stringify(result.metadata),
      [Outputs.PolicyReport]: result.policyReportPath ?? '',
    });
    await writeSummary((summary) => summarizeBuild(summary, result));
    const failure = policyFailureMessage(result);
    if (failure !== undefined) throw new Error(failure);
  } finally {
    if (auth !== undefined) await removeAuth(auth.dir);
  }
}

/** Deletes the step's auth file if main did not get to (e.g. it was cancelled). */
export async function post(): Promise<void> {
  const saved = getState(State.AuthDir);
  if (saved !== '') await removeAuth(saved);
}

async function removeAuth(dir: string): Promise<void> {
  try {
    await removeStepAuth(dir);
    saveState(State.AuthDir, '');
  } catch (err) {
    warn(`could not delete the step's registry auth file ${dir}: ${errorMessage(err)}`);
  }
}
