// Which jobs run and when: the `--job` selection with what it needs, then every job as soon as all
// its `needs` have a result, independent ones concurrently up to the run's limit.
import os from 'node:os';
import { runJob } from './job.js';
import type { RunState } from './run-state.js';
import type { JobModel, WorkflowModel } from './workflow.js';

/** The jobs `roots` name and every job they (transitively) need. */
export function needsClosure(workflow: WorkflowModel, roots: string[]): Set<string> {
  const byId = new Map(workflow.jobs.map((j) => [j.id, j]));
  const out = new Set<string>();
  const visit = (id: string): void => {
    const job = byId.get(id);
    if (!job) {
      throw new Error(`--job ${id}: no such job in ${workflow.path} (jobs: ${[...byId.keys()].join(', ')})`);
    }
    if (out.has(id)) return;
    out.add(id);
    job.needs.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

/** Runs `jobs` in `needs` order, recording each result in `state.results` as it ends. */
export async function runJobs(state: RunState, jobs: JobModel[]): Promise<void> {
  const limit = Math.max(1, state.options.concurrency ?? os.availableParallelism());
  const pending = new Map(jobs.map((j) => [j.id, j]));
  const running = new Map<string, Promise<void>>();
  while (pending.size > 0 || running.size > 0) {
    for (const job of [...pending.values()]) {
      if (running.size >= limit) break;
      if (!job.needs.every((n) => state.results.has(n))) continue;
      pending.delete(job.id);
      running.set(
        job.id,
        runJob(state, job).then((result) => {
          state.results.set(job.id, result);
          running.delete(job.id);
        }),
      );
    }
    if (running.size === 0) {
      // Only reachable with a needs cycle, which the parser rejects; guard against a hang anyway.
      throw new Error(`jobs ${[...pending.keys()].join(', ')} wait on each other`);
    }
    await Promise.race(running.values());
  }
}
