// readiness: how long after a service is really ready do the integration tests start? The bundled
// integration-test action runs a one-service stack (bench/fixtures/readiness) whose server answers
// with the time it started listening; the test command's first act prints the time, then asks the
// service for its ready time. Both clocks are the host's CLOCK_REALTIME (containers share the kernel).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanupRepos } from './promotion.mjs';
import { ROOT, log, median, mustRun, parseFileCommands, round, runProcess } from './lib/common.mjs';
import { readTimings } from './lib/overhead.mjs';

const BUNDLE = path.join(ROOT, 'actions/integration-test/dist/index.js');
const FIXTURE = 'bench/fixtures/readiness';
// First act: print the time (bash's EPOCHREALTIME, µs). Then fetch the service's ready time over
// the URL the action injected (container: http://web:8080, runner: http://127.0.0.1:<port>).
const TEST_COMMAND =
  `exec bash -c 'echo "tests-started $EPOCHREALTIME"; u=\${WEB_URL#http://}; exec 3<>/dev/tcp/\${u%:*}/\${u##*:}; ` +
  `printf "GET / HTTP/1.0\\r\\n\\r\\n" >&3; grep "^ready " <&3'`;

async function buildImage(registry, repo) {
  const files = ['Containerfile', 'server.pl'];
  const hash = createHash('sha256').update(process.env.DIGESTLINE_BASE_IMAGE);
  for (const f of files) hash.update(await readFile(path.join(ROOT, FIXTURE, f)));
  const local = `localhost/digestline-bench/readiness:${hash.digest('hex').slice(0, 16)}`;
  const exists = (await runProcess('podman', ['image', 'exists', local])).code === 0;
  if (!exists) {
    log(`building ${local}`);
    await mustRun('podman', [
      'build',
      '--quiet',
      '--format',
      'docker',
      '--build-arg',
      `BASE_IMAGE=${process.env.DIGESTLINE_BASE_IMAGE}`,
      '--tag',
      local,
      path.join(ROOT, FIXTURE),
    ]);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'dl-bench-push-'));
  try {
    const digestFile = path.join(dir, 'digest');
    await mustRun('podman', [
      'push',
      '--quiet',
      '--tls-verify=false',
      '--digestfile',
      digestFile,
      local,
      `${registry}/${repo}:bench`,
    ]);
    return { local, digest: (await readFile(digestFile, 'utf8')).trim() };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runAction(inputs, timingDir) {
  const dir = await mkdtemp(path.join(tmpdir(), 'dl-bench-it-'));
  try {
    const files = { GITHUB_STATE: 'state', GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary.md' };
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      RUNNER_TEMP: path.join(dir, 'tmp'),
      GITHUB_WORKSPACE: ROOT,
      GITHUB_SHA: randomBytes(20).toString('hex'),
      GITHUB_RUN_ID: String(randomInt(100_000_000, 999_999_999)),
      GITHUB_SERVER_URL: 'http://127.0.0.1:3000',
      GITHUB_REPOSITORY: 'bench/readiness',
      DIGESTLINE_BENCH_TIMING_DIR: timingDir,
      NODE_OPTIONS: `--require ${path.join(ROOT, 'bench/lib/child-timing.cjs')}`,
    };
    for (const [name, file] of Object.entries(files)) {
      env[name] = path.join(dir, file);
      await writeFile(env[name], '');
    }
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const main = await runProcess(process.execPath, [BUNDLE], { env });
    const state = parseFileCommands(await readFile(env.GITHUB_STATE, 'utf8'));
    const postEnv = { ...env };
    for (const [name, value] of Object.entries(state)) postEnv[`STATE_${name}`] = value;
    const post = await runProcess(process.execPath, [BUNDLE], { env: postEnv });
    const outputs = parseFileCommands(await readFile(env.GITHUB_OUTPUT, 'utf8'));
    const report = outputs.report ? JSON.parse(await readFile(outputs.report, 'utf8')) : undefined;
    return { main, post, outputs, report };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchReadiness({ registry, runs }) {
  const { RegistryClient } = await import('@digestline/core/registry/client');
  const client = new RegistryClient({ registry });
  const repo = `dl-bench-${randomBytes(4).toString('hex')}/readiness/web`;
  const timingDir = await mkdtemp(path.join(tmpdir(), 'dl-bench-timing-'));
  const image = await buildImage(registry, repo);
  const ref = `${registry}/${repo}@${image.digest}`;
  const modes = {
    container: { 'test-image': ref },
    runner: {},
  };
  const result = { method: {}, modes: {} };
  try {
    for (const [mode, extra] of Object.entries(modes)) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const r = await runAction(
          {
            stack: `${FIXTURE}/stack.yaml`,
            images: `web=${ref}`,
            'test-command': TEST_COMMAND,
            timeout: '60s',
            ...extra,
          },
          timingDir,
        );
        if (r.main.code !== 0 || r.outputs.result !== 'passed') {
          throw new Error(
            `integration-test (${mode}) failed (exit ${r.main.code}):\n${`${r.main.stdout}${r.main.stderr}`.split('\n').slice(-30).join('\n')}`,
          );
        }
        const out = r.main.stdout;
        const testsStarted = Number(/tests-started (\d+\.\d+)/.exec(out)?.[1]) * 1000;
        const ready = Number(/^ready (\d+\.\d+)/m.exec(out)?.[1]) * 1000;
        if (!Number.isFinite(testsStarted) || !Number.isFinite(ready))
          throw new Error(`no timestamps in the action's log:\n${out.slice(-3000)}`);
        const rd = r.report.readiness;
        samples.push({
          readyToTestsMs: round(testsStarted - ready, 1),
          detectMs: round(rd.lastReadyAt - ready, 1),
          reportLatencyMs: rd.latencyMs,
          spawnToFirstLineMs: round(testsStarted - rd.testStartedAt, 1),
          upMs: rd.upMs,
          mainMs: round(r.main.ms, 0),
          laneMs: r.report.durationMs,
        });
        log(
          `readiness (${mode}) run ${i + 1}: ready → tests ${samples.at(-1).readyToTestsMs} ms (detect ${samples.at(-1).detectMs}, report ${rd.latencyMs}, spawn→first line ${samples.at(-1).spawnToFirstLineMs})`,
        );
      }
      const med = (k) => round(median(samples.map((s) => s[k])), 1);
      result.modes[mode] = {
        runs: samples,
        medianMs: med('readyToTestsMs'),
        medianDetectMs: med('detectMs'),
        medianReportLatencyMs: med('reportLatencyMs'),
        medianSpawnToFirstLineMs: med('spawnToFirstLineMs'),
        medianMainMs: med('mainMs'),
      };
    }
    // The action's own time vs its child processes (engine, tests), main steps only.
    const timings = (await readTimings(timingDir)).filter((t) => !t.post);
    const own = timings.reduce((a, t) => a + t.ownMs, 0);
    const wall = timings.reduce((a, t) => a + t.wallMs, 0);
    result.actionOwnShare = round(own / wall, 3);
    result.actionOwnMsMedian = round(median(timings.map((t) => t.ownMs)), 0);
    result.actionChildren = [...new Set(timings.flatMap((t) => t.childBins))];
  } finally {
    await rm(timingDir, { recursive: true, force: true });
    const problems = await cleanupRepos(client, [repo], new Map([[repo, new Set([image.digest])]]));
    if (problems.length > 0) log(`readiness cleanup problems: ${problems.join('; ')}`);
  }
  result.medianMs = result.modes.container.medianMs;
  result.method =
    'service: ready time = bash EPOCHREALTIME just after listen(); tests: EPOCHREALTIME as the first command of the test process; ' +
    'readyToTests = tests − ready, per run; detect = report.readiness.lastReadyAt − ready; report = report.readiness.latencyMs (observed ready → test command spawned)';
  return result;
}
