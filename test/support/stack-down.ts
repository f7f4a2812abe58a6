/** Taking a test's stack down at the end, and holding that it left no container or network behind. */
import { expect } from 'vitest';
import type { ContainerEngine } from '@digestline/core/engine/engine';
import { STACK_LABEL } from '@digestline/core/stack/labels';
import { Stack } from '@digestline/core/stack/stack';

/**
 * Takes down `stack` (or the stack `project` names, found by its labels when `up` failed half-way),
 * volumes too, and expects no container or network of the project to be left.
 */
export async function downLeavesNothing(
  engine: ContainerEngine,
  project: string,
  stack: Stack | undefined,
): Promise<void> {
  const found = stack ?? (await Stack.attach(project, engine).catch(() => undefined));
  await found?.down({ volumes: 'all', stopTimeoutS: 0 });
  const label = `${STACK_LABEL}=${project}`;
  expect([
    ...(await engine.containerList({ label, all: true })).map((x) => x.name),
    ...(await engine.networkList({ label })),
  ]).toEqual([]);
}
