// pipeline: wall time of `npm run pipeline` (warm caches), its critical path from the runner's
// timeline (.digestline/last-run/result.json), the share of wall time spent in our actions' own code
// (bench/lib/child-timing.cjs: an action process's wall time minus the time it had a child process
// running), and what running fast-check beside the builds saves over running it first.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, log, round, runProcess } from './lib/common.mjs';
import { readTimings } from './lib/overhead.mjs';

const RESULT = path.join(ROOT, '.digestline/last-run/result.json');
/** `npm run pipeline`'s default --soak: deploy-staging's in-process health-check window. */
const SOAK_MS = 10_000;

/** Longest chain through `needs` by job duration (what the DAG alone imposes, no queueing). */
export function longestPath(jobs, duration = (j) => j.end - j.start) {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const memo = new Map();
  const visit = (id) => {
    if (memo.has(id)) return memo.get(id);
    const job = byId.get(id);
    if (job === undefined) return { ms: 0, chain: [] };
    const best = job.needs.map(visit).sort((a, b) => b.ms - a.ms)[0] ?? { ms: 0, chain: [] };
    const out = { ms: best.ms + duration(job), chain: [...best.chain, id] };
    memo.set(id, out);
    return out;
  };
  return jobs.map((j) => visit(j.id)).sort((a, b) => b.ms - a.ms)[0] ?? { ms: 0, chain: [] };
}

async function runPipeline(timingDir) {
  const env = {
    ...process.env,
    DIGESTLINE_BENCH_TIMING_DIR: timingDir,
    NODE_OPTIONS: `--require ${path.join(ROOT, 'bench/lib/child-timing.cjs')}`,
  };
  return runProcess('npm', ['run', '--silent', 'pipeline'], { env, timeoutMs: 15 * 60_000 });
}

export async function benchPipeline() {
  if (!existsSync(path.join(ROOT, 'scripts/pipeline.mjs'))) {
    const reason = 'scripts/pipeline.mjs does not exist yet';
    log(`pipeline: not measured (${reason})`);
    return { measured: false, reason, wallSeconds: null, overheadShare: null };
  }
  const timingDir = await mkdtemp(path.join(tmpdir(), 'dl-bench-pipeline-'));
  try {
    let warmup = null;
    if (!existsSync(RESULT)) {
      log('pipeline: no earlier run on this machine, one warm-up run first');
      const w = await runPipeline(timingDir);
      warmup = { seconds: round(w.ms / 1000, 1), exitCode: w.code };
      await rm(timingDir, { recursive: true, force: true });
      await import('node:fs/promises').then((fs) => fs.mkdir(timingDir));
    }
    log('pipeline: npm run pipeline (timed)');
    const run = await runPipeline(timingDir);
    if (!existsSync(RESULT)) {
      const reason = `npm run pipeline exited ${run.code} without writing .digestline/last-run/result.json: ${`${run.stdout}${run.stderr}`.trim().split('\n').slice(-5).join(' | ')}`;
      log(`pipeline: not measured (${reason})`);
      return { measured: false, reason, wallSeconds: null, overheadShare: null };
    }
    const result = JSON.parse(await readFile(RESULT, 'utf8'));
    if (result.startedAt < Date.now() - run.ms - 60_000) {
      const reason = `.digestline/last-run/result.json is older than this run (npm run pipeline exited ${run.code})`;
      return { measured: false, reason, wallSeconds: null, overheadShare: null };
    }
    const jobs = result.timeline.jobs.filter((j) => j.start !== undefined && j.end !== undefined);
    const runnerWallMs = result.endedAt - result.startedAt;
    const path_ = longestPath(jobs);
    // The chain as it ran (queueing included): from the job that ended last, back through the need
    // that ended last.
    const ranChain = [];
    for (let j = [...jobs].sort((a, b) => b.end - a.end)[0]; j !== undefined;) {
      ranChain.unshift(j.id);
      j = jobs.filter((x) => j.needs.includes(x.id)).sort((a, b) => b.end - a.end)[0];
    }

    // Action processes, each matched to the job whose step it ran in (by start time).
    const timings = await readTimings(timingDir);
    const abs = (t) => result.timeline.startedAt + t;
    // A process belongs to the step of its action (the step name holds `/actions/<name>@`) and kind
    // (main/post) whose start is closest to its own; each step runs one process, so steps are taken
    // once (processes in start order), which keeps concurrent jobs of one action apart.
    const taken = new Set();
    const stepOf = (t) => {
      let best = { job: null, step: null, gap: Infinity };
      for (const j of jobs) {
        for (const s of j.steps) {
          const key = `${j.id}/${s.id}`;
          if (
            s.start === undefined ||
            taken.has(key) ||
            s.post !== t.post ||
            !s.name.includes(`/actions/${t.action}@`)
          )
            continue;
          const gap = Math.abs(t.startEpochMs - abs(s.start));
          if (gap < best.gap) best = { job: j.id, step: s.id, gap, key };
        }
      }
      if (best.key !== undefined) taken.add(best.key);
      return { job: best.job, step: best.step };
    };
    const processes = timings.map((t) => ({ ...t, ...stepOf(t) }));
    const perAction = {};
    for (const p of processes) {
      const a = (perAction[`${p.action}${p.post ? ' (post)' : ''}`] ??= {
        processes: 0,
        wallMs: 0,
        childMs: 0,
        ownMs: 0,
        jobs: [],
      });
      a.processes++;
      a.wallMs += p.wallMs;
      a.childMs += p.childMs;
      a.ownMs += p.ownMs;
      if (p.job !== null && !a.jobs.includes(p.job)) a.jobs.push(p.job);
    }
    for (const a of Object.values(perAction))
      for (const k of ['wallMs', 'childMs', 'ownMs']) a[k] = round(a[k], 0);
    const onPath = processes.filter((p) => ranChain.includes(p.job));
    const ownOnPath = onPath.reduce((s, p) => s + p.ownMs, 0);
    // The soak is a deliberate in-process wait; it happens only when the deployment got that far.
    const deployJob = jobs.find((j) => j.id === 'deploy-staging');
    const soakOnPath =
      deployJob?.result === 'success' && onPath.some((p) => p.action === 'deploy-staging' && !p.post)
        ? SOAK_MS
        : 0;
    const ownAll = processes.reduce((s, p) => s + p.ownMs, 0);
    const stepMsAll = jobs
      .flatMap((j) => j.steps)
      .reduce((s, st) => s + ((st.end ?? 0) - (st.start ?? 0)), 0);

    // fast-check beside the builds (as run) vs first: its chain (its needs, then itself) serialised
    // before the rest of the DAG, whose own longest path then follows.
    const fc = jobs.find((j) => j.id === 'fast-check');
    let fastCheck = null;
    if (fc !== undefined) {
      const chain = longestPath(jobs.filter((j) => j.id === 'fast-check' || fc.needs.includes(j.id)));
      const rest = longestPath(
        jobs.filter((j) => j.id !== 'fast-check'),
        (j) => (chain.chain.includes(j.id) ? 0 : j.end - j.start),
      );
      fastCheck = {
        fastCheckMs: fc.end - fc.start,
        chain: chain.chain,
        criticalPathConcurrentMs: path_.ms,
        serialisedFirstMs: chain.ms + rest.ms,
        savedMs: chain.ms + rest.ms - path_.ms,
      };
    }

    const wallSeconds = round(run.ms / 1000, 1);
    const failedJobs = jobs.filter((j) => j.result === 'failure').map((j) => j.id);
    // deploy-staging's soak is health checking against staging, verification like the test lanes,
    // not overhead of our code: the headline leaves it out and overheadShareIncludingSoak keeps it.
    const figures = {
      wallSeconds,
      overheadShare: round((ownOnPath - soakOnPath) / runnerWallMs, 3),
    };
    // A pipeline that failed did not reach promotion and deployment: its wall time is not the
    // pipeline's, so the headline figures are null and the measured ones are kept as detail.
    const headline = result.ok ? figures : { wallSeconds: null, overheadShare: null, incompleteRun: figures };
    if (!result.ok)
      log(`pipeline: failed (jobs ${failedJobs.join(', ')}): headline figures null, detail kept`);
    return {
      measured: result.ok,
      ...(result.ok
        ? {}
        : {
            reason: `the pipeline failed in job ${failedJobs.join(', ') || '?'} (exit ${run.code}), so promote and deploy-staging did not run; figures of the incomplete run are under incompleteRun`,
          }),
      ok: result.ok,
      exitCode: run.code,
      warmup,
      ...headline,
      runnerWallSeconds: round(runnerWallMs / 1000, 1),
      criticalPathAsRun: ranChain,
      criticalPath: {
        jobs: path_.chain,
        seconds: round(path_.ms / 1000, 1),
        perJob: path_.chain.map((id) => {
          const j = jobs.find((x) => x.id === id);
          return { job: id, seconds: round((j.end - j.start) / 1000, 1) };
        }),
      },
      jobs: jobs.map((j) => ({
        job: j.id,
        result: j.result,
        startS: round(j.start / 1000, 1),
        endS: round(j.end / 1000, 1),
      })),
      overheadShareIncludingSoak: round(ownOnPath / runnerWallMs, 3),
      ownMsOnCriticalPath: round(ownOnPath, 0),
      ownShareOfAllStepTime: round(ownAll / stepMsAll, 3),
      actionProcesses: processes.length,
      perAction,
      fastCheck,
    };
  } finally {
    await rm(timingDir, { recursive: true, force: true });
  }
}
