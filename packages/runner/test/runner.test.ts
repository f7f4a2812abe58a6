import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UnsupportedError, parseWorkflowText, runWorkflow } from '../src/index.js';
import { collectLog, makeWorkspace, workflowsDir } from './helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function workspace(): Promise<{ dir: string; sha: string }> {
  const ws = await makeWorkspace();
  cleanups.push(ws.cleanup);
  return ws;
}

async function run(file: string, extra: Partial<Parameters<typeof runWorkflow>[0]> = {}) {
  const ws = await workspace();
  const { lines, log } = collectLog();
  const result = await runWorkflow({
    workflow: path.join(workflowsDir, file),
    workspace: ws.dir,
    log,
    concurrency: 4,
    ...extra,
  });
  cleanups.push(() => rm(result.runDir, { recursive: true, force: true }));
  return { result, lines, ws };
}

describe('runWorkflow', () => {
  it('runs jobs in needs order, overlaps independent jobs and passes outputs through needs', async () => {
    const { result, lines, ws } = await run('runner-basic.yml');
    const failed = Object.values(result.jobs).flatMap((j) =>
      j.steps.filter((s) => s.conclusion === 'failure'),
    );
    expect(
      failed.map((s) => `${s.id}: ${s.error}`),
      lines.join('\n'),
    ).toEqual([]);
    expect(result.ok).toBe(true);
    const { left, right, join } = result.jobs;
    expect(left?.outputs).toEqual({ single: 'one', multi: 'line 1\nline 2', fromenv: 'set-by-step' });
    // Both take ≥1 s; run one after the other they could not overlap.
    expect(left!.startedAt!).toBeLessThan(right!.endedAt!);
    expect(right!.startedAt!).toBeLessThan(left!.endedAt!);
    expect(join!.startedAt!).toBeGreaterThanOrEqual(Math.max(left!.endedAt!, right!.endedAt!));
    expect(join?.steps[0]?.name).toBe('check outputs one');
    expect(join?.summary).toContain('## joined');
    expect(join?.steps[1]?.conclusion).toBe('skipped');
    const timelineJoin = result.timeline.jobs.find((j) => j.id === 'join');
    expect(timelineJoin?.needs).toEqual(['left', 'right']);
    expect(timelineJoin?.start).toBeGreaterThanOrEqual(0);
    expect(timelineJoin?.steps[0]?.end).toBeGreaterThan(timelineJoin?.steps[0]?.start ?? Infinity);
    expect(lines).toContainEqual(expect.stringMatching(/^\[job\] left ✓ \d+\.\ds$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\[job\] join ✓ \d+\.\ds$/));
    expect(ws.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('runs one job at a time with concurrency 1', async () => {
    const { result } = await run('runner-basic.yml', { concurrency: 1, jobs: ['left', 'right'] });
    const { left, right } = result.jobs;
    expect(result.ok).toBe(true);
    expect(Object.keys(result.jobs)).toEqual(['left', 'right']);
    expect(right!.startedAt!).toBeGreaterThanOrEqual(left!.endedAt!);
  });

  it('fails the job on a failing step, skips dependants and honours failure()/always()/if: false', async () => {
    const { result, lines } = await run('runner-failure.yml');
    expect(result.ok).toBe(false);
    const broken = result.jobs['broken']!;
    expect(broken.result).toBe('failure');
    const byId = Object.fromEntries(broken.steps.map((s) => [s.id, s]));
    expect(byId['first']?.outputs).toEqual({ first: 'ok' });
    expect([byId['tolerated']?.outcome, byId['tolerated']?.conclusion]).toEqual(['failure', 'success']);
    expect(byId['boom']?.conclusion).toBe('failure');
    expect(byId['boom']?.error).toBe('process completed with exit code 3');
    expect(byId['never']?.conclusion).toBe('skipped');
    expect(byId['onfail']?.conclusion).toBe('success');
    expect(byId['alwaysrun']?.conclusion).toBe('success');
    expect(broken.outputs['after']).toBe('failure-failure-success');
    expect(result.jobs['dependant']?.result).toBe('skipped');
    expect(result.jobs['grandchild']?.result).toBe('skipped');
    expect(result.jobs['cleanup']?.result).toBe('success');
    expect(result.jobs['report']?.result).toBe('success');
    expect(result.jobs['disabled']?.result).toBe('skipped');
    expect(lines).toContain('[broken/boom] about to fail');
    expect(lines).toContainEqual(expect.stringMatching(/^\[job\] broken ✗ failure \d+\.\ds$/));
    expect(lines).toContain('[job] dependant – skipped');
  });

  it('runs node actions with inputs, outputs, state and post steps in reverse order', async () => {
    const ws = await workspace();
    const { lines, log } = collectLog();
    const result = await runWorkflow({
      workflow: path.join(workflowsDir, 'runner-actions.yml'),
      workspace: ws.dir,
      log,
      actionMap: { '*/digestline/actions/': path.join(ws.dir, 'actions') },
    });
    cleanups.push(() => rm(result.runDir, { recursive: true, force: true }));
    const act = result.jobs['act']!;
    expect(act.result, lines.join('\n')).toBe('success');
    expect(act.outputs).toEqual({ echoed: 'hello push' });
    expect(await readFile(path.join(ws.dir, 'order.txt'), 'utf8')).toBe(
      [
        'main first',
        'main second',
        'main steps done',
        'post second second-state',
        'post first first-state',
        '',
      ].join('\n'),
    );
    const posts = act.steps.filter((s) => s.post);
    expect(posts.map((s) => s.id)).toEqual(['post:defaulted', 'post:second', 'post:first']);
    // Input default `${{ github.job }}-default` is expanded; state from GITHUB_STATE and ::save-state.
    expect(lines).toContain(
      '[act/post defaulted] post act-default: token=act-default-state via-command=saved-by-command',
    );
    expect(lines).toContain('[act/post first] post first: FORGEJO_STATE same file: true');
    expect(lines).toContainEqual(expect.stringContaining("unexpected input(s) 'unknown-input'"));
    // The group is collapsed: title shown, content only in the step log.
    expect(lines).toContain('[act/first] ▸ echo details');
    expect(lines.some((l) => l.includes('message=hello push'))).toBe(false);
    const firstLog = await readFile(act.steps[0]!.logFile!, 'utf8');
    expect(firstLog).toContain('message=hello push');
    expect(act.summary).toBe('### echo first\n### echo second\n### echo act-default\n');

    const failing = result.jobs['act-fails']!;
    expect(failing.result).toBe('failure');
    expect(failing.steps.map((s) => [s.id, s.conclusion])).toEqual([
      ['__self', 'failure'],
      ['post:__self', 'success'],
    ]);
    expect(failing.steps[0]?.annotations).toEqual([{ level: 'error', message: 'asked to fail' }]);
    expect(await readFile(path.join(ws.dir, 'order-fail.txt'), 'utf8')).toBe(
      'main failing\npost failing failing-state\n',
    );
  });

  it('refuses an unmapped remote action with a message naming --action-map', async () => {
    const { result } = await run('runner-actions.yml', { jobs: ['act'] });
    const second = result.jobs['act']?.steps.find((s) => s.id === 'second');
    expect(second?.conclusion).toBe('failure');
    expect(second?.error).toMatch(
      /acme\/digestline\/actions\/echo@v9: remote actions are not fetched.*--action-map/,
    );
  });

  it('cancels a running step, kills its process group, then runs cancelled() and post steps', async () => {
    const ws = await workspace();
    const { lines, log } = collectLog();
    const controller = new AbortController();
    const started = runWorkflow({
      workflow: path.join(workflowsDir, 'runner-cancel.yml'),
      workspace: ws.dir,
      log,
      jobs: ['long'],
      signal: controller.signal,
      killGraceMs: 500,
    });
    const startedFile = path.join(ws.dir, 'started.txt');
    for (let i = 0; i < 100 && !existsSync(startedFile); i++) await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    const result = await started;
    cleanups.push(() => rm(result.runDir, { recursive: true, force: true }));
    expect(result.ok).toBe(false);
    expect(result.cancelled).toBe(true);
    const long = result.jobs['long']!;
    expect(long.result, lines.join('\n')).toBe('cancelled');
    expect(long.steps.map((s) => s.conclusion)).toEqual([
      'success',
      'cancelled',
      'success',
      'skipped',
      'success',
    ]);
    expect(await readFile(path.join(ws.dir, 'cancel.txt'), 'utf8')).toBe(
      'main cancel\ncancelled step ran\npost cancel cancel-state\n',
    );
    const childPid = Number(await readFile(path.join(ws.dir, 'child.pid'), 'utf8'));
    // Gone, or a zombie nobody reaps yet (PID 1 in some sandboxes does not): either way not running.
    const stat = await readFile(`/proc/${childPid}/stat`, 'utf8').catch(() => 'gone');
    expect(stat === 'gone' || stat.split(' ')[2] === 'Z', stat).toBe(true);
    expect(long.durationMs).toBeLessThan(20_000);
  });

  it('stops a step at timeout-minutes and applies continue-on-error', async () => {
    const { result, lines } = await run('runner-cancel.yml', { jobs: ['timeouts'], killGraceMs: 200 });
    const job = result.jobs['timeouts']!;
    expect(job.result, lines.join('\n')).toBe('success');
    expect(job.steps[0]?.error).toBe('exceeded timeout-minutes (0.02)');
    expect(job.steps[0]?.durationMs).toBeLessThan(10_000);
  });

  it('masks secrets and ::add-mask:: values, and drops job outputs that contain them', async () => {
    const text = `on: push
jobs:
  m:
    runs-on: docker
    outputs:
      leaked: \${{ steps.s.outputs.value }}
      fine: \${{ steps.s.outputs.other }}
    steps:
      - id: s
        run: |
          echo "secret is \${{ secrets.TOKEN }}"
          echo "::add-mask::dynamic-value"
          echo "then dynamic-value"
          echo "value=x-s3cr3t-x" >> "$GITHUB_OUTPUT"
          echo "other=plain" >> "$GITHUB_OUTPUT"
`;
    const { lines } = collectLog();
    const ws = await workspace();
    const result = await runWorkflow({
      workflow: await parseWorkflowText('inline.yml', text),
      workspace: ws.dir,
      log: (l) => lines.push(l),
      secrets: { TOKEN: 's3cr3t' },
    });
    cleanups.push(() => rm(result.runDir, { recursive: true, force: true }));
    expect(lines).toContain('[m/s] secret is ***');
    expect(lines).toContain('[m/s] then ***');
    expect(lines.join('\n')).not.toContain('s3cr3t');
    expect(result.jobs['m']?.outputs).toEqual({ fine: 'plain' });
  });

  it('types workflow_dispatch inputs and rejects undeclared ones', async () => {
    const text = `on:
  workflow_dispatch:
    inputs:
      flag: { type: boolean, default: false }
      name: { type: string, required: true }
jobs:
  d:
    runs-on: docker
    steps:
      - run: test "\${{ inputs.flag && 'on' || 'off' }}-\${{ inputs.name }}-\${{ github.event.inputs.name }}" = on-n-n
`;
    const ws = await workspace();
    const workflow = await parseWorkflowText('dispatch.yml', text);
    const { lines, log } = collectLog();
    const result = await runWorkflow({
      workflow,
      workspace: ws.dir,
      event: 'workflow_dispatch',
      inputs: { flag: 'true', name: 'n' },
      log,
    });
    cleanups.push(() => rm(result.runDir, { recursive: true, force: true }));
    expect(result.ok, lines.join('\n')).toBe(true);
    await expect(
      runWorkflow({
        workflow,
        workspace: ws.dir,
        event: 'workflow_dispatch',
        inputs: { nope: 'x', name: 'n' },
      }),
    ).rejects.toThrow(/--input nope: not declared/);
    await expect(runWorkflow({ workflow, workspace: ws.dir, event: 'workflow_dispatch' })).rejects.toThrow(
      /--input name: required/,
    );
  });

  it('refuses container jobs and matrix before starting anything', async () => {
    const text = `on: push
jobs:
  c:
    runs-on: docker
    container: debian:12
    steps: [{ run: 'true' }]
  m:
    runs-on: docker
    strategy: { matrix: { x: [1, 2] } }
    steps: [{ run: 'true' }]
`;
    const ws = await workspace();
    const workflow = await parseWorkflowText('unsupported.yml', text);
    const err = await runWorkflow({ workflow, workspace: ws.dir, log: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsupportedError);
    expect((err as Error).message).toMatch(/job 'c': job containers \(container:\) are not supported/);
    expect((err as Error).message).toMatch(/job 'm': strategy.matrix is not supported/);
  });

  it('reports hashFiles() as unsupported, naming the key', async () => {
    const text = `on: push
jobs:
  h:
    runs-on: docker
    steps:
      - id: x
        run: echo \${{ hashFiles('**/package.json') }}
`;
    const ws = await workspace();
    const result = await runWorkflow({
      workflow: await parseWorkflowText('h.yml', text),
      workspace: ws.dir,
      log: () => {},
    });
    cleanups.push(() => rm(result.runDir, { recursive: true, force: true }));
    expect(result.jobs['h']?.steps[0]?.error).toMatch(
      /jobs\.h\.steps\[0\]\.run: hashFiles\(\) is not supported/,
    );
  });
});
