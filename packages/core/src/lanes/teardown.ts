/**
 * Removing a lane's stack: in main once the lane is done (unless a failed stack is kept on purpose,
 * or the stack was only attached to), and in the post step, a new process that finds the stack by
 * its project label when main was cancelled or crashed.
 */
import type { ContainerEngine } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import { silentLog, type Log } from '../log.js';
import { Stack } from '../stack/stack.js';
import { STACK_LABEL } from '../stack/labels.js';
import { group } from '../summary.js';

/**
 * Main's teardown: removes the stack with its volumes, or, with `keep`, leaves it running and logs
 * how to remove it by hand. A teardown that fails is logged, not thrown: the post step retries.
 * @returns whether the stack was kept
 */
export async function tearDownOrKeep(stack: Stack, keep: boolean, log: Log): Promise<boolean> {
  if (keep) {
    // The engine's CLI is named like its kind (docker, podman).
    const cli = stack.engine.kind;
    log.info(
      `keep-on-failure: stack ${stack.project} keeps running (network${stack.networks.length > 1 ? 's' : ''} ${stack.networks.join(', ')}); remove it with: ${cli} rm -f $(${cli} ps -aq --filter label=${STACK_LABEL}=${stack.project}) && ${cli} network rm ${stack.networks.join(' ')}`,
    );
    return true;
  }
  await group(`Tear down stack ${stack.project}`, async () => {
    try {
      await stack.down({ volumes: 'all', stopTimeoutS: 5 });
    } catch (err) {
      // The post step tries again and fails the job if it cannot either.
      log.info(`teardown left something behind (the post step retries): ${errorMessage(err)}`);
    }
  });
  return false;
}

/**
 * Removes a lane's stack found by its project label (the post step: a new process). Nothing to do
 * when main already removed it.
 * @returns whether anything was found
 * @throws CleanupError when something could not be removed
 */
export async function teardownLaneStack(
  engine: ContainerEngine,
  project: string,
  log: Log = silentLog,
): Promise<boolean> {
  let stack: Stack;
  try {
    stack = await Stack.attach(project, engine);
  } catch (err) {
    if (/^no stack /.test(errorMessage(err))) return false;
    throw err;
  }
  log.info(
    `removing stack ${project} (containers, network${stack.networks.length > 1 ? 's' : ''} ${stack.networks.join(', ')}, volumes)`,
  );
  await stack.down({ volumes: 'all', stopTimeoutS: 5 });
  return true;
}
