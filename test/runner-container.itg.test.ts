// The local runner's job containers on a real engine, the way forgejo-runner runs a
// `docker://IMAGE` label with `container.docker_host: automount`: a container job (workspace
// copied in, file commands, a JS action under the image's node with a post step, the engine
// through the mounted socket) feeding a host job through `needs`; nothing left after a run, a
// failing step or a cancel. On docker (dockerd) and on podman (through the podman service the run
// starts).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunResult, parseWorkflowText, runWorkflow } from '../packages/runner/src/index.js';
import type { RunOptions } from '../packages/runner/src/run-state.js';
import { dockerProblem } from './support/docker.js';
import { jobImage } from './support/job-image.js';

const IMAGE = jobImage();
/** The check image of the fast-check case (pinned by digest, as fast-check requires). */
const CHECK_IMAGE = process.env['DIGESTLINE_BASE_IMAGE'] ?? '';
const TOKEN = `tok-${process.pid}-${Date.now()}`;
const dockerSkipReason = await dockerProblem();
if (dockerSkipReason) console.log(`runner-container on docker skipped: ${dockerSkipReason}`);

const PROBE_ACTION = {
  'action.yml': `name: probe
inputs:
  greeting: { required: true }
outputs:
  node: { description: node version }
runs:
  using: node24
  main: main.js
  post: post.js
`,
  'main.js': `const fs = require('node:fs');
fs.appendFileSync(process.env.GITHUB_OUTPUT, 'node=' + process.version + '\\n');
fs.appendFileSync(process.env.GITHUB_STATE, 'greeted=' + process.env.INPUT_GREETING + '\\n');
console.log('probe main ' + process.version + ' in ' + process.cwd() + ' from ' + __dirname);
`,
  'post.js': `console.log('probe post state=' + process.env.STATE_greeted + ' ' + process.version);
`,
};

const WORKFLOW = `on: push
jobs:
  inside:
    runs-on: [docker]
    outputs:
      node: \${{ steps.probe.outputs.node }}
      ws: \${{ steps.look.outputs.ws }}
    steps:
      - id: look
        run: |
          ls -A "$GITHUB_WORKSPACE"
          test -f "$GITHUB_WORKSPACE/hello.txt"
          test ! -e "$GITHUB_WORKSPACE/node_modules"
          test ! -e "$HOST_WORKSPACE"
          test "$PWD" = "$GITHUB_WORKSPACE"
          test -z "\${HOST_ONLY:-}"
          echo "ws=$GITHUB_WORKSPACE" >> "$GITHUB_OUTPUT"
          echo "FROM_ENV=env-value" >> "$GITHUB_ENV"
          mkdir -p "$RUNNER_TEMP/bin"
          printf '#!/bin/sh\\necho tool-ran\\n' > "$RUNNER_TEMP/bin/mytool"
          chmod +x "$RUNNER_TEMP/bin/mytool"
          echo "$RUNNER_TEMP/bin" >> "$GITHUB_PATH"
      - run: |
          test "$FROM_ENV" = env-value
          test "$(mytool)" = tool-ran
          test "\${{ steps.look.outputs.ws }}" = "\${{ github.workspace }}"
          test "\${{ runner.temp }}" = "$RUNNER_TEMP"
      - id: probe
        uses: ./actions/probe
        with: { greeting: hi }
      - run: docker version --format 'engine {{.Server.Version}}'
      - name: the checkout's .git is the run's commit, as actions/checkout leaves it
        run: test "$(git rev-parse HEAD)" = "$GITHUB_SHA"
      - working-directory: sub
        run: test -f here.txt
        # Variables the engine CLI itself reads must not move the exec client that carries them.
        env:
          CONTAINER_HOST: unix:///nonexistent.sock
          DOCKER_HOST: unix:///nonexistent.sock
  outside:
    runs-on: lab
    needs: inside
    steps:
      - run: |
          test -f "$GITHUB_WORKSPACE/hello.txt"
          test "\${{ needs.inside.outputs.ws }}" != "$GITHUB_WORKSPACE"
          echo "outside saw \${{ needs.inside.outputs.node }}"
  times-out:
    runs-on: docker
    steps:
      - run: test "$TOKEN" = "$EXPECTED_TOKEN" && sleep 301
        env:
          TOKEN: \${{ secrets.TOKEN }}
        timeout-minutes: 0.05
        continue-on-error: true
      - name: nothing of the stopped step runs on in the container
        run: |
          left=$(for f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < "$f"; echo; done | grep -c '^sleep 301' || true)
          echo "left: $left"
          test "$left" = 0
  peek:
    runs-on: lab
    steps:
      - name: the exec client of a container step names its variables, never their values
        run: |
          # Match on a file, not an argument: a grep naming the token would find itself.
          printf '%s' "$EXPECTED_TOKEN" > "$RUNNER_TEMP/token"
          pattern='^[^ ]*/(docker|podman) .*exec .*-e TOKEN .*digestline-job-[^ ]*-times-out '
          for i in $(seq 200); do
            ps -eo args | grep -qE "$pattern" && break
            sleep 0.1
          done
          ps -eo args | grep -E "$pattern"
          if ps -eo args | grep -qF -f "$RUNNER_TEMP/token"; then echo "the token is in a command line"; exit 1; fi
`;

const FAIL_OR_HANG = `on: push
jobs:
  fails:
    runs-on: docker
    steps:
      - run: exit 3
  hangs:
    runs-on: docker
    needs: fails
    if: always()
    steps:
      - run: echo hanging; sleep 300
`;

let ws: string;
beforeAll(async () => {
  ws = await mkdtemp(path.join(os.tmpdir(), 'dl-runner-ctr-ws-'));
  await mkdir(path.join(ws, 'actions/probe'), { recursive: true });
  await mkdir(path.join(ws, 'node_modules/dep'), { recursive: true });
  await mkdir(path.join(ws, 'sub'), { recursive: true });
  for (const [f, text] of Object.entries(PROBE_ACTION))
    await writeFile(path.join(ws, 'actions/probe', f), text);
  await writeFile(path.join(ws, 'hello.txt'), 'hello\n');
  await writeFile(path.join(ws, 'sub/here.txt'), 'here\n');
  await writeFile(path.join(ws, 'node_modules/dep/index.js'), '');
  await writeFile(path.join(ws, '.gitignore'), 'node_modules/\n');
  const git = (...args: string[]): void => {
    execFileSync('git', ['-C', ws, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args]);
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
});
afterAll(async () => {
  if (ws) await rm(ws, { recursive: true, force: true });
});

function leftovers(cli: 'docker' | 'podman', runId: string): string[] {
  const out = execFileSync(
    cli,
    ['ps', '-a', '--filter', `name=digestline-job-${runId}`, '--format', '{{.Names}}'],
    {
      encoding: 'utf8',
    },
  );
  return out.split('\n').filter((l) => l.trim() !== '');
}

async function runIn(
  cli: 'docker' | 'podman',
  text: string,
  extra: Partial<RunOptions> = {},
): Promise<{ result: RunResult; lines: string[]; runId: string; ms: number }> {
  // Decimal, as a run id is (the actions check it); the engine digit keeps two engines apart.
  const runId = `${Date.now()}${cli === 'docker' ? 1 : 2}`;
  const lines: string[] = [];
  const started = Date.now();
  const result = await runWorkflow({
    workflow: await parseWorkflowText(`${cli}.yml`, text),
    workspace: ws,
    github: { runId, repository: 'acme/app' },
    labels: { docker: { kind: 'container', image: IMAGE }, lab: { kind: 'host' } },
    jobEngine: { cli },
    env: { HOST_WORKSPACE: ws, EXPECTED_TOKEN: TOKEN },
    secrets: { TOKEN },
    concurrency: 4,
    log: (l) => lines.push(l),
    killGraceMs: 1000,
    ...extra,
  });
  return { result, lines, runId, ms: Date.now() - started };
}

/** fast-check in a container job: its check container must see the job's (copied) workspace. */
function sourceLane(cli: 'docker' | 'podman'): string {
  return `
on: push
jobs:
  source:
    runs-on: docker
    steps:
      - uses: acme/digestline/actions/fast-check@v1
        with:
          image: ${CHECK_IMAGE}
          engine: ${cli}
          checks: |
            sees-workspace: test "$(cat hello.txt)" = hello && test "$(cat sub/here.txt)" = here
`;
}

describe.each([
  ['podman' as const, undefined],
  ['docker' as const, dockerSkipReason],
])('job containers on %s', (cli, skipReason) => {
  it.skipIf(skipReason !== undefined)(
    "fast-check's check container sees the workspace when its job runs in a container (and not by a bind mount of the job's path)",
    async () => {
      if (CHECK_IMAGE === '')
        throw new Error('DIGESTLINE_BASE_IMAGE is not set: run `eval "$(scripts/setup-host)"` first');
      const actionMap = {
        '*/digestline/actions/': path.resolve(import.meta.dirname, '../actions') + path.sep,
      };
      const copied = await runIn(cli, sourceLane(cli), { actionMap });
      const log = copied.lines.join('\n');
      expect(copied.result.jobs['source']?.result, log).toBe('success');
      expect(copied.result.jobs['source']?.mode).toBe('container');
      expect(log).toMatch(/files copied through the engine/);
      expect(log).toMatch(/sees-workspace/);
      // The same job with bind mounts forced: the engine's host has no such path, so the check fails.
      const bound = await runIn(cli, sourceLane(cli), { actionMap, env: { DIGESTLINE_FILES: 'bind' } });
      expect(bound.result.jobs['source']?.result, bound.lines.join('\n')).toBe('failure');
      console.log(`[${cli}] fast-check in a job container: ${copied.ms} ms (bind-forced run ${bound.ms} ms)`);
      expect(leftovers(cli, copied.runId)).toEqual([]);
      await rm(copied.result.runDir, { recursive: true, force: true });
      await rm(bound.result.runDir, { recursive: true, force: true });
    },
  );

  it.skipIf(skipReason !== undefined)(
    'runs a container job and a host job that needs it, and stops a timed-out step inside its container',
    async () => {
      process.env['HOST_ONLY'] = 'must-not-reach-the-container';
      const { result, lines, runId, ms } = await runIn(cli, WORKFLOW);
      delete process.env['HOST_ONLY'];
      const log = lines.join('\n');
      console.log(`[${cli}] container + host job: ${ms} ms`);
      expect(result.ok, log).toBe(true);
      const inside = result.jobs['inside']!;
      expect(inside).toMatchObject({ mode: 'container', image: IMAGE });
      expect(inside.node).toMatch(/^v\d+\./);
      expect(inside.node).not.toBe(process.version);
      expect(inside.outputs).toEqual({ node: inside.node, ws: '/workspace/acme/app' });
      expect(result.jobs['outside']).toMatchObject({ mode: 'host', node: process.version });
      expect(lines).toContain(
        `[job] inside ▶ started in container digestline-job-${runId}-inside from ${IMAGE} (node ${inside.node})`,
      );
      expect(lines).toContain(`[job] outside ▶ started on this host (node ${process.version})`);
      // /var/run is a link to /run in Debian images: node reports the resolved path.
      expect(log).toMatch(
        new RegExp(
          `probe main ${inside.node} in /workspace/acme/app from (/var)?/run/digestline/actions/0$`,
          'm',
        ),
      );
      expect(log).toContain(`probe post state=hi ${inside.node}`);
      expect(log).toMatch(/engine \d+\.\d+/);
      expect(log).toContain(`outside saw ${inside.node}`);
      // The timed-out step's process is stopped inside the container, not only its exec client.
      expect(result.jobs['times-out']?.steps[0]?.error, log).toBe('exceeded timeout-minutes (0.05)');
      expect(result.jobs['times-out']?.steps[1]?.outcome, log).toBe('success');
      expect(result.jobs['peek']?.result, log).toBe('success');
      expect(leftovers(cli, runId)).toEqual([]);
      if (cli === 'podman') expect(existsSync(path.join(result.runDir, 'podman.sock'))).toBe(false);
      await rm(result.runDir, { recursive: true, force: true });
    },
  );

  it.skipIf(skipReason !== undefined)(
    'removes the container after a failing step and after a cancel',
    async () => {
      const cancel = new AbortController();
      const lines: string[] = [];
      const { result, runId } = await runIn(cli, FAIL_OR_HANG, {
        signal: cancel.signal,
        log: (l) => {
          lines.push(l);
          if (l.includes('hanging')) setTimeout(() => cancel.abort(), 500);
        },
      });
      const log = lines.join('\n');
      expect(result.jobs['fails']?.result, log).toBe('failure');
      expect(result.jobs['fails']?.steps[0]?.error).toBe('process completed with exit code 3');
      expect(result.jobs['hangs']?.steps[0]?.outcome, log).toBe('cancelled');
      expect(result.cancelled).toBe(true);
      expect(result.jobs['hangs']!.durationMs).toBeLessThan(60_000);
      expect(leftovers(cli, runId)).toEqual([]);
      await rm(result.runDir, { recursive: true, force: true });
    },
  );
});
