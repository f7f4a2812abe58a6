/**
 * The actions inside a Forgejo job container: the engine is the host's and does not see the job's
 * paths. With DIGESTLINE_FILES=copy on this host the same code path runs (files reach containers
 * only through the engine), on real podman and docker:
 * - an engine that cannot be reached fails the step at once, saying how to give the job one;
 * - fast-check: checks see a copy of the workspace, share what they write, and the workspace on the
 *   host is not written; nothing of the lane is left (success or failure);
 * - a lane's test container (integration-test, e2e-run) reads its read-only files and its report is
 *   copied back out;
 * - a stack whose compose file bind-mounts a workspace file read-only (and a content config) serves
 *   the copies; nothing of the stack is left after down (success or failure).
 * Timings of copy against bind are printed, not asserted.
 *
 * Needs `eval "$(scripts/setup-host)"` (DIGESTLINE_BASE_IMAGE); docker with DIGESTLINE_DOCKER=1.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LANE_LABEL } from '@digestline/core/checks/container';
import { planChecks, runSourceLane, type SourceLaneResult } from '@digestline/core/checks/lane';
import { connectEngine } from '@digestline/core/engine/access';
import { finishStagedRun, stageRunMounts } from '@digestline/core/engine/staging';
import type { ContainerEngine, EngineKind, FilesMode } from '@digestline/core/engine/engine';
import { Exec } from '@digestline/core/exec';
import type { Log } from '@digestline/core/log';
import { checkStackText, stackErrors } from '@digestline/core/stack/check';
import { STACK_LABEL } from '@digestline/core/stack/labels';
import { Stack, StackStartError } from '@digestline/core/stack/stack';
import { dockerProblem } from './support/docker.js';

const BASE_IMAGE = process.env.DIGESTLINE_BASE_IMAGE ?? '';
const RUN = `dl-itg-files-${randomBytes(3).toString('hex')}`;
const exec = new Exec();
const dockerSkipReason = await dockerProblem();

const root = realpathSync(mkdtempSync(join(tmpdir(), 'dl-itg-files-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A git workspace (the lane binds its evidence to a commit) with one input file. */
function makeWorkspace(name: string): string {
  const ws = join(root, name);
  mkdirSync(join(ws, 'conf'), { recursive: true });
  writeFileSync(join(ws, 'in.txt'), 'from-the-workspace\n');
  writeFileSync(join(ws, 'conf', 'frontend.json'), '{"api":"http://api:8080"}\n');
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: ws, stdio: 'ignore' });
  };
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'x');
  return ws;
}

function linesLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (l) => void lines.push(l), warning: (l) => void lines.push(l), debug: () => {} };
}

async function engineFor(kind: EngineKind, files: FilesMode, log?: Log): Promise<ContainerEngine> {
  return connectEngine(kind, { env: { ...process.env, DIGESTLINE_FILES: files }, ...(log ? { log } : {}) });
}

/** What is left with `label` (containers of any state, volumes). */
async function leftWith(engine: ContainerEngine, label: string): Promise<string[]> {
  return [
    ...(await engine.containerList({ label, all: true })).map((c) => `container ${c.name}`),
    ...(await engine.volumeList({ label })).map((v) => `volume ${v}`),
  ];
}

async function lane(
  engine: ContainerEngine,
  ws: string,
  checks: Array<{ name: string; run: string }>,
  log: Log,
): Promise<SourceLaneResult> {
  const plan = planChecks(checks, {
    workspace: ws,
    workingDirectory: '.',
    timeoutMs: 60_000,
    inContainer: true,
    checksInput: 'checks',
  });
  const tempDir = mkdtempSync(join(root, 'temp-'));
  return runSourceLane(
    { plan, image: BASE_IMAGE, concurrency: 1, failFast: false, envNames: [], tempDir, insecure: true },
    { engine: () => engine, env: { ...process.env, GITHUB_SHA: '' }, log },
  );
}

/** The lane id from the lane's log line naming its workspace volume. */
function laneIdOf(log: { lines: string[] }): string {
  const line = log.lines.find((l) => l.startsWith('workspace copied to '));
  const id = /dl-check-([0-9a-f]+)-workspace/.exec(line ?? '')?.[1];
  if (id === undefined) throw new Error(`no workspace volume in the log:\n${log.lines.join('\n')}`);
  return id;
}

const COMPOSE = `
services:
  web:
    image: \${BASE}
    command: [sh, -c, "cat /app/config.json /etc/site.conf; echo; exec sleep 300"]
    volumes:
      - ./conf/frontend.json:/app/config.json:ro
    configs:
      - source: site
        target: /etc/site.conf
    healthcheck:
      test: [CMD-SHELL, "test -r /app/config.json"]
      interval: 1s
configs:
  site:
    content: "listen 8080"
`;

it('has the host set up (base image)', () => {
  expect(BASE_IMAGE, 'run `eval "$(scripts/setup-host)"` first').toMatch(/@sha256:[0-9a-f]{64}$/);
});

describe('engine access preflight', () => {
  it('fast-check with docker at a socket that does not exist fails before any side effect, saying how to give the job an engine', async () => {
    const ws = makeWorkspace('preflight');
    const tempDir = mkdtempSync(join(root, 'preflight-temp-'));
    const plan = planChecks([{ name: 'x', run: 'touch /ws-was-used' }], {
      workspace: ws,
      workingDirectory: '.',
      timeoutMs: 60_000,
      inContainer: true,
      checksInput: 'checks',
    });
    // As in a job: the CLI the engine runs sees the process's environment.
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = `unix://${join(root, 'no-such.sock')}`;
    const t0 = performance.now();
    const err = await runSourceLane(
      { plan, image: BASE_IMAGE, concurrency: 1, failFast: false, envNames: [], tempDir, insecure: true },
      { engine: () => connectEngine('docker'), env: { ...process.env, GITHUB_SHA: '' } },
    )
      .then(
        () => undefined,
        (e: unknown) => e,
      )
      .finally(() => {
        if (saved === undefined) delete process.env.DOCKER_HOST;
        else process.env.DOCKER_HOST = saved;
      });
    const ms = performance.now() - t0;
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(
      new RegExp(
        `^cannot reach the docker engine through \`docker\` \\(DOCKER_HOST=unix://${root}/no-such.sock, CONTAINER_HOST=\\(unset\\)\\): ` +
          '[^]*\\ngive the job an engine: in the forgejo-runner config set `container.docker_host: automount`',
      ),
    );
    // Nothing was written: no report, no evidence.
    expect(readdirSync(tempDir)).toEqual([]);
    console.log(`preflight: unreachable docker refused in ${ms.toFixed(0)} ms`);
  });
});

describe.each<EngineKind>(['podman', 'docker'])('%s', (kind) => {
  const skipReason = kind === 'docker' ? dockerSkipReason : undefined;
  if (skipReason !== undefined) console.warn(`skipping the docker copy-mode tests: ${skipReason}`);

  it.skipIf(skipReason !== undefined)(
    'fast-check in copy mode: checks see the workspace copy and share it; the host workspace is untouched; nothing left',
    async () => {
      const ws = makeWorkspace(`fc-${kind}`);
      const checks = [
        { name: 'reads', run: 'cat in.txt && echo written-by-first > shared.txt' },
        { name: 'shares', run: 'cat shared.txt' },
      ];
      const log = linesLog();
      const engine = await engineFor(kind, 'copy', log);
      expect(engine.files).toBe('copy');
      expect(log.lines[0]).toMatch(
        new RegExp(`^${kind} \\S+: files copied through the engine \\(DIGESTLINE_FILES=copy\\)$`),
      );
      const t0 = performance.now();
      const copied = await lane(engine, ws, checks, log);
      const copyMs = performance.now() - t0;
      expect(copied.outcomes.map((o) => [o.check.name, o.status, o.output.trim()])).toEqual([
        ['reads', 'passed', 'from-the-workspace'],
        ['shares', 'passed', 'written-by-first'],
      ]);
      expect(existsSync(join(ws, 'shared.txt'))).toBe(false);
      expect(await leftWith(engine, `${LANE_LABEL}=${laneIdOf(log)}`)).toEqual([]);

      // A failing lane leaves nothing either.
      const failLog = linesLog();
      const failed = await lane(engine, ws, [{ name: 'fails', run: 'cat in.txt; exit 3' }], failLog);
      expect(failed.result).toBe('failed');
      expect(await leftWith(engine, `${LANE_LABEL}=${laneIdOf(failLog)}`)).toEqual([]);

      const bindEngine = await engineFor(kind, 'bind');
      const t1 = performance.now();
      const bound = await lane(bindEngine, ws, checks, linesLog());
      const bindMs = performance.now() - t1;
      expect(bound.result).toBe('passed');
      rmSync(join(ws, 'shared.txt'));
      console.log(
        `${kind}: fast-check, 2 checks: copy ${copyMs.toFixed(0)} ms, bind ${bindMs.toFixed(0)} ms`,
      );
    },
    120_000,
  );

  it.skipIf(skipReason !== undefined)(
    'a lane container in copy mode (integration-test, e2e-run): reads its read-only files, its report comes back out; nothing left',
    async () => {
      const ws = makeWorkspace(`run-${kind}`);
      const report = join(root, `report-${kind}`);
      mkdirSync(report);
      const engine = await engineFor(kind, 'copy');
      const name = `${RUN}-${kind}-tests`;
      const label = `${STACK_LABEL}=${RUN}-${kind}-run`;
      const options = {
        image: BASE_IMAGE,
        name,
        rm: true,
        labels: { [STACK_LABEL]: `${RUN}-${kind}-run` },
        volumes: [
          { source: ws, target: '/e2e/tests', readonly: true },
          { source: report, target: '/e2e/report' },
        ],
        workdir: '/e2e/tests',
        entrypoint: '',
        command: [
          'sh',
          '-c',
          'cat in.txt > /e2e/report/results.txt && mkdir /e2e/report/html && echo ok > /e2e/report/html/index.html; touch in.txt',
        ],
      };
      const t0 = performance.now();
      const staged = await stageRunMounts(engine, options, `${name}-files`);
      const sources = (staged.options.volumes ?? []).map((v) => v.source);
      expect(sources.filter((s) => s.startsWith(root))).toEqual([]);
      const r = await engine.runToCompletion(staged.options);
      await finishStagedRun(engine, staged);
      const ms = performance.now() - t0;
      // The read-only copy refused the write; the report came back where the lane reads it.
      expect(r.exitCode).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).toMatch(/Read-only file system/);
      expect(readFileSync(join(report, 'results.txt'), 'utf8')).toBe('from-the-workspace\n');
      expect(readFileSync(join(report, 'html', 'index.html'), 'utf8')).toBe('ok\n');
      expect(await leftWith(engine, label)).toEqual([]);
      console.log(
        `${kind}: a lane container with a read-only workspace and a report copied back: ${ms.toFixed(0)} ms`,
      );
    },
    60_000,
  );

  it.skipIf(skipReason !== undefined)(
    'a stack in copy mode serves its read-only bind-mounted workspace file and content config; nothing left after down or a failed start',
    async () => {
      const ws = makeWorkspace(`stack-${kind}`);
      const engine = await engineFor(kind, 'copy');
      const check = checkStackText(join(ws, 'compose.yaml'), COMPOSE, {
        images: [],
        mode: 'validation',
        env: { BASE: BASE_IMAGE },
      });
      expect(stackErrors(check)).toEqual([]);
      const project = `${RUN}-${kind}`;
      const t0 = performance.now();
      const stack = await Stack.up({ project, engine, spec: check.spec!, readiness: { timeoutMs: 30_000 } });
      const upMs = performance.now() - t0;
      try {
        const logs = await engine.logs(`${project}-web`);
        expect(logs.stdout).toBe('{"api":"http://api:8080"}\nlisten 8080\n');
        const info = JSON.parse(await engine.inspectContainerRaw(`${project}-web`)) as Array<{
          Mounts: Array<{ Source: string; Destination: string }>;
        }>;
        const sources = info[0]?.Mounts.map((m) => m.Source) ?? [];
        // No path of ours is mounted: only the engine's own copy.
        expect(sources.filter((s) => s.startsWith(ws) || s.startsWith(tmpdir()))).toEqual([]);
        const write = await exec.exec(
          kind,
          ['exec', `${project}-web`, 'sh', '-c', 'echo x > /app/config.json'],
          {
            silent: true,
            ignoreReturnCode: true,
          },
        );
        expect(write.exitCode).not.toBe(0);
      } finally {
        await stack.down({ stopTimeoutS: 0 });
      }
      expect(await leftWith(engine, `${STACK_LABEL}=${project}`)).toEqual([]);

      const bindEngine = await engineFor(kind, 'bind');
      const t1 = performance.now();
      const bound = await Stack.up({
        project: `${project}-b`,
        engine: bindEngine,
        spec: check.spec!,
        readiness: { timeoutMs: 30_000 },
      });
      const bindMs = performance.now() - t1;
      await bound.down({ stopTimeoutS: 0 });
      console.log(
        `${kind}: stack up with a bind-mounted file and a config: copy ${upMs.toFixed(0)} ms, bind ${bindMs.toFixed(0)} ms`,
      );

      // A service that exits: the start fails after the copy was made; down leaves nothing.
      const failing = checkStackText(join(ws, 'compose.yaml'), COMPOSE.replace('exec sleep 300', 'exit 4'), {
        images: [],
        mode: 'validation',
        env: { BASE: BASE_IMAGE },
      });
      const err = await Stack.up({
        project: `${project}-f`,
        engine,
        spec: failing.spec!,
        readiness: { timeoutMs: 30_000 },
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StackStartError);
      await (err as StackStartError).partialStack.down({ stopTimeoutS: 0 });
      expect(await leftWith(engine, `${STACK_LABEL}=${project}-f`)).toEqual([]);
    },
    120_000,
  );
});
