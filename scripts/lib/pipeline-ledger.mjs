// The pure parts of scripts/pipeline.mjs's digest ledger, kept apart so unit tests can hold them:
// reading image lines from job outputs, counting builds after validation from the runner's step
// records, and the critical path from its job timeline. Types: pipeline-ledger.d.mts.

/** `registry/repo[:tag]@sha256:…` → its parts. */
export function splitImage(ref) {
  const m = /^([^/]+)\/(.+?)(?::[\w.-]+)?@(sha256:[0-9a-f]{64})$/.exec(ref.trim());
  return m ? { registry: m[1], repository: m[2], digest: m[3] } : undefined;
}

/** `name=ref` lines (promote-digest's `promoted`, deploy-staging's `deployed`) → name → parts. */
export function imageLines(text) {
  const out = {};
  for (const line of (text ?? '').split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const parts = splitImage(line.slice(eq + 1));
    if (parts) out[line.slice(0, eq).trim()] = parts;
  }
  return out;
}

/**
 * Build steps (build-image, or a `run:` with an engine build) that started after the first step of
 * an image-consuming lane (integration-test, e2e-run, promote-digest, deploy-staging) started.
 * Taken from the runner's step records, so any rebuild a workflow does is counted.
 */
export function buildsAfterValidation({ actionName, imageConsumers }, workflow, result) {
  const build = /\b(?:(?:docker|podman)\s+(?:image\s+|buildx\s+)?build|buildah\s+(?:bud|build))\b/;
  const runText = (step) => step.run?.value ?? step.run?.source ?? '';
  const starts = (kind) =>
    workflow.jobs.flatMap((job) =>
      job.steps
        .filter((step) => kind(step))
        .map((step) => ({
          job: job.id,
          step: step.id,
          startedAt: result.jobs[job.id]?.steps.find((s) => s.id === step.id && !s.post)?.startedAt,
        }))
        .filter((s) => s.startedAt !== undefined),
    );
  const validation = starts((s) => imageConsumers.includes(actionName(s.uses) ?? ''));
  const builds = starts((s) => actionName(s.uses) === 'build-image' || build.test(runText(s)));
  if (validation.length === 0) return { count: 0, validationStartedAt: undefined, builds: builds.length };
  const first = Math.min(...validation.map((v) => v.startedAt));
  const after = builds.filter((b) => b.startedAt >= first);
  return { count: after.length, after, validationStartedAt: first, builds: builds.length };
}

/** The chain of jobs that decided the wall time: from the last job to end, back through the need that ended last. */
export function criticalPath(timeline) {
  const byId = new Map(timeline.jobs.filter((j) => j.end !== undefined).map((j) => [j.id, j]));
  let current = [...byId.values()].sort((a, b) => b.end - a.end)[0];
  const chain = [];
  while (current) {
    chain.unshift(current);
    current = current.needs
      .map((n) => byId.get(n))
      .filter(Boolean)
      .sort((a, b) => b.end - a.end)[0];
  }
  return chain.map((j) => ({ job: j.id, startMs: j.start, endMs: j.end, durationMs: j.end - j.start }));
}
