/**
 * Whether the docker half of an integration test can run here. Podman is never skipped; docker is
 * skipped (the caller prints this reason) when setup-host reported it unavailable or `docker info` fails.
 */
import { errorMessage } from '@digestline/core/errors';
import { Exec } from '@digestline/core/exec';

/** Why docker cannot be tested here, or undefined when it can. */
export async function dockerProblem(): Promise<string | undefined> {
  if (process.env.DIGESTLINE_DOCKER_UNAVAILABLE) {
    return `setup-host reported: ${process.env.DIGESTLINE_DOCKER_UNAVAILABLE}`;
  }
  try {
    await new Exec().exec('docker', ['info', '--format', '{{.ServerVersion}}'], {
      silent: true,
      timeoutMs: 20_000,
    });
    return undefined;
  } catch (err) {
    return `docker info failed: ${errorMessage(err)}`;
  }
}
