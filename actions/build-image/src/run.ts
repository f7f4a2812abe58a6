import { tmpdir } from 'node:os';
import { buildImage } from '@digestline/core/image/build-image';
import { readCommit } from '@digestline/core/image/commit';
import { policyFailureMessage, summarizeBuild } from '@digestline/core/image/report';
import { getState, saveState, setOutputs, stepLog, warn } from '@digestline/core/step';
import type { EngineKind } from '@digestline/core/engine/engine';
import { selectEngine } from '@digestline/core/engine/select';
import { errorMessage } from '@digestline/core/errors';
import { defaultExec, type Exec } from '@digestline/core/exec';
import { RegistryClient } from '@digestline/core/registry/client';
import { writeSummary } from '@digestline/core/summary';
import { Outputs, State } from './constants.js';
import { getBuildRequest, getInputs, type Inputs } from './context.js';

interface LoginState {
  engine: EngineKind;
  registry: string;
}

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
  const engine = selectEngine(inputs.engine, env, exec);
  const commit = await readCommit({ cwd: inputs.context, env, exec });
  const request = getBuildRequest(inputs, commit, env.RUNNER_TEMP || tmpdir());
  const registryHost = inputs.image.registry;

  let loggedIn: LoginState | undefined;
  if (inputs.login !== undefined && inputs.push) {
    const { username, password } = inputs.login;
    await engine.login(registryHost, username, password, { insecure: request.insecure });
    loggedIn = { engine: engine.kind, registry: registryHost };
    // Read by the post step only if this one never reaches its own logout (cancelled, killed).
    saveState(State.Logout, JSON.stringify(loggedIn));
  }
  try {
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
    if (loggedIn !== undefined) await logout(loggedIn, exec, env);
  }
}

/** Logs out of a registry main logged in to but did not log out of (e.g. it was cancelled). */
export async function post(exec: Exec = defaultExec, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const saved = getState(State.Logout);
  if (saved !== '') await logout(JSON.parse(saved) as LoginState, exec, env);
}

async function logout({ engine, registry }: LoginState, exec: Exec, env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await selectEngine(engine, env, exec).logout(registry);
    saveState(State.Logout, '');
  } catch (err) {
    warn(`could not log out of ${registry}: ${errorMessage(err)}`);
  }
}
