import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { makeWorkspace, repoRoot, workflowsDir } from './helpers.js';

const run = promisify(execFile);
const bundle = path.join(repoRoot, 'packages/runner/dist/index.js');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('digestline-run', () => {
  it('check: exit 0 on the good fixture, 1 with findings on stdout', async () => {
    expect(await main(['check', path.join(workflowsDir, 'wiring-good.yml')])).toBe(0);
    expect(await main(['check', path.join(workflowsDir, 'wiring-tag.yml')])).toBe(1);
  });

  it('exits 2 on usage errors and invalid workflows', async () => {
    expect(await main(['--workflow'])).toBe(2);
    expect(await main(['run', '--nope'])).toBe(2);
    expect(await main(['--workflow', path.join(workflowsDir, 'no-such.yml')])).toBe(2);
  });

  // The bundle is what `npm run pipeline` runs on plain Node 20 (the source cannot load there).
  it.skipIf(!existsSync(bundle))('bundle runs a workflow with --job, --action-map and --json', async () => {
    const ws = await makeWorkspace();
    cleanups.push(ws.cleanup);
    const json = path.join(os.tmpdir(), `dl-runner-cli-${process.pid}.json`);
    cleanups.push(() => rm(json, { force: true }));
    const runDir = path.join(ws.dir, '.run');
    const { stderr } = await run(
      process.execPath,
      [
        bundle,
        '--workflow',
        path.join(workflowsDir, 'runner-actions.yml'),
        '--workspace',
        ws.dir,
        '--job',
        'act',
        '--action-map',
        `*/digestline/actions/=${path.join(ws.dir, 'actions')}`,
        '--run-dir',
        runDir,
        '--json',
        json,
      ],
      { encoding: 'utf8' },
    );
    expect(stderr).toMatch(/^\[job\] act ✓ \d+\.\ds$/m);
    expect(stderr).toMatch(/\[run\] ok in .*: 1 success/);
    const result = JSON.parse(await readFile(json, 'utf8')) as {
      ok: boolean;
      jobs: Record<string, { outputs: Record<string, string> }>;
      timeline: { jobs: Array<{ id: string; start: number; end: number }> };
    };
    expect(result.ok).toBe(true);
    expect(Object.keys(result.jobs)).toEqual(['act']);
    expect(result.jobs['act']?.outputs).toEqual({ echoed: 'hello push' });
    expect(result.timeline.jobs[0]?.end).toBeGreaterThan(result.timeline.jobs[0]?.start ?? Infinity);
  });

  it.skipIf(!existsSync(bundle))('bundle exits 1 when a job fails', async () => {
    const ws = await makeWorkspace();
    cleanups.push(ws.cleanup);
    const err = await run(process.execPath, [
      bundle,
      '--workflow',
      path.join(workflowsDir, 'runner-failure.yml'),
      '--workspace',
      ws.dir,
      '--run-dir',
      path.join(ws.dir, '.run'),
    ]).catch((e: unknown) => e as { code: number; stderr: string });
    expect(err).toMatchObject({ code: 1 });
  });
});
