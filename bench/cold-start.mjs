// coldStart: every bundled action started with no inputs (each exits non-zero with a clear error
// naming a missing input) against a bare `node -e 0`, by hyperfine; peak RSS by /usr/bin/time.
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { summariseProfile } from './lib/cpuprofile.mjs';
import { ROOT, log, median, mustRun, round, runProcess } from './lib/common.mjs';

/** Rounds × runs per round: rounds interleave the commands, so load that changes while the bench
 * runs (a shared 2-core machine) hits the baseline and the actions alike. */
const ROUNDS = 4;
const RUNS = 10;

export async function benchColdStart() {
  const actions = (await readdir(path.join(ROOT, 'actions')))
    .filter((name) => existsSync(path.join(ROOT, 'actions', name, 'dist/index.js')))
    .sort();
  if (actions.length === 0) throw new Error('no actions/*/dist/index.js: run `pnpm run build` first');
  // A bare environment: no INPUT_*, STATE_* or GITHUB_* leaks in, so every action takes its main path
  // and stops at its first required input.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME };
  const dir = await mkdtemp(path.join(tmpdir(), 'dl-bench-cold-'));
  try {
    const commands = ['node -e 0', ...actions.map((a) => `node actions/${a}/dist/index.js`)];
    log(`hyperfine -N -i: ${commands.length} commands × ${ROUNDS} rounds × ${RUNS} runs`);
    const samples = new Map(commands.map((c) => [c, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const json = path.join(dir, `hyperfine-${round}.json`);
      await mustRun(
        'hyperfine',
        [
          '-N',
          '-i',
          '--warmup',
          '3',
          '--runs',
          String(RUNS),
          '--style',
          'none',
          '--export-json',
          json,
          ...commands,
        ],
        { env },
      );
      for (const r of JSON.parse(await readFile(json, 'utf8')).results)
        samples.get(r.command).push(...r.times);
    }
    const stats = (command) => {
      const times = samples.get(command);
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      const sd = Math.sqrt(times.reduce((a, b) => a + (b - mean) ** 2, 0) / times.length);
      return { median: median(times), mean, stddev: sd, min: Math.min(...times), n: times.length };
    };
    const byCommand = new Map(commands.map((c) => [c, stats(c)]));
    const node = byCommand.get('node -e 0');
    const perAction = {};
    for (const a of actions) {
      const r = byCommand.get(`node actions/${a}/dist/index.js`);
      // One more run outside hyperfine: its exit code, first error line, and peak RSS.
      const timed = await runProcess(
        '/usr/bin/time',
        ['-f', 'rss_kib=%M', process.execPath, `actions/${a}/dist/index.js`],
        { env },
      );
      const error =
        `${timed.stdout}\n${timed.stderr}`.split('\n').find((l) => l.startsWith('::error::')) ?? '';
      perAction[a] = {
        medianMs: round(r.median * 1000, 1),
        meanMs: round(r.mean * 1000, 1),
        stddevMs: round(r.stddev * 1000, 1),
        minMs: round(r.min * 1000, 1),
        ratioVsNode: round(r.median / node.median, 2),
        ratioVsNodeOfMin: round(r.min / node.min, 2),
        exitCode: timed.code,
        error: error.replace(/^::error::/, '').slice(0, 200),
        peakRssMiB: round(Number(/rss_kib=(\d+)/.exec(timed.stderr)?.[1] ?? NaN) / 1024, 1),
        indexJsKiB: round((await stat(path.join(ROOT, 'actions', a, 'dist/index.js'))).size / 1024, 0),
      };
    }
    const nodeRss = await runProcess('/usr/bin/time', ['-f', 'rss_kib=%M', process.execPath, '-e', '0'], {
      env,
    });
    const worst = Object.entries(perAction).sort((a, b) => b[1].ratioVsNode - a[1].ratioVsNode)[0];
    // Where the worst one's start-up goes (target missed: profile it).
    const profiles = {};
    for (const a of [worst[0]]) profiles[a] = await profileStart(a, env, dir);
    return {
      method: `hyperfine -N (no shell) -i (non-zero exit expected), ${ROUNDS} rounds × (3 warm-ups + ${RUNS} runs) interleaving all commands, median of the ${node.n} samples; bare env (PATH, HOME)`,
      nodeMedianMs: round(node.median * 1000, 1),
      nodeMinMs: round(node.min * 1000, 1),
      nodePeakRssMiB: round(Number(/rss_kib=(\d+)/.exec(nodeRss.stderr)?.[1] ?? NaN) / 1024, 1),
      perAction,
      maxRatioVsNode: worst[1].ratioVsNode,
      worstAction: worst[0],
      profiles,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `node --cpu-prof` of one cold start, summarised by owner (node internals, bundle modules...). */
async function profileStart(action, env, dir) {
  const out = path.join(dir, `prof-${action}`);
  await runProcess(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', out, `actions/${action}/dist/index.js`],
    { env },
  );
  const file = (await readdir(out)).find((f) => f.endsWith('.cpuprofile'));
  return summariseProfile(JSON.parse(await readFile(path.join(out, file), 'utf8')));
}
