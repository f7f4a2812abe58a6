import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRunArgs } from '../src/cli.js';
import { main } from '../src/cli.js';
import { UnsupportedError, parseWorkflowText, runWorkflow } from '../src/index.js';
import { LabelSyntaxError, parseLabel, parseLabels, placeJob, runsOnLabels } from '../src/placement.js';
import { collectLog, makeWorkspace } from './helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('runner labels', () => {
  it.each([
    [
      'docker:docker://data.forgejo.org/oci/node:20-bullseye',
      'docker',
      { kind: 'container', image: 'data.forgejo.org/oci/node:20-bullseye' },
    ],
    [
      'ubuntu-latest:docker://localhost/dl-job:node24',
      'ubuntu-latest',
      { kind: 'container', image: 'localhost/dl-job:node24' },
    ],
    ['self-hosted:host', 'self-hosted', { kind: 'host' }],
  ])('parses %s', (value, name, placement) => {
    expect(parseLabel(value)).toEqual([name, placement]);
  });

  it.each([
    ['docker', /--label docker: no NAME: before the placement; expected NAME:docker:\/\/IMAGE or NAME:host/],
    [':host', /no NAME:/],
    ['x:docker://', /--label x:docker:\/\/: no image after docker:\/\//],
    ['x:lxc://debian:bookworm', /'lxc:\/\/debian:bookworm' is neither host nor docker:\/\/IMAGE/],
    ['x:', /'' is neither host/],
  ])('refuses %s naming the flag and the expected form', (value, message) => {
    expect(() => parseLabel(value)).toThrow(LabelSyntaxError);
    expect(() => parseLabel(value)).toThrow(message);
  });

  it('refuses a label given twice', () => {
    expect(() => parseLabels(['a:host', 'a:docker://i'])).toThrow(/label 'a' is given twice/);
  });

  it('reads runs-on as a string, a list or a group mapping', () => {
    expect(runsOnLabels('docker')).toEqual(['docker']);
    expect(runsOnLabels(['self-hosted', 'docker'])).toEqual(['self-hosted', 'docker']);
    expect(runsOnLabels({ group: 'g', labels: ['x'] })).toEqual(['x']);
    expect(runsOnLabels({ group: 'g', labels: 'y' })).toEqual(['y']);
  });

  it('places by the first known label; no map means the host; no match means nowhere', () => {
    const labels = { docker: { kind: 'container', image: 'img' }, lab: { kind: 'host' } } as const;
    expect(placeJob(['nope', 'lab', 'docker'], labels)).toEqual({ kind: 'host' });
    expect(placeJob(['docker', 'lab'], labels)).toEqual({ kind: 'container', image: 'img' });
    expect(placeJob(['anything'], undefined)).toEqual({ kind: 'host' });
    expect(placeJob(['ubuntu-latest'], labels)).toBeUndefined();
    expect(placeJob(['toString'], labels)).toBeUndefined();
  });
});

describe('digestline-run --label and job engine flags', () => {
  it('maps --label, --job-engine, --engine-socket and --job-network into RunOptions', () => {
    const { options } = parseRunArgs([
      '--workflow',
      'w.yml',
      '--label',
      'docker:docker://localhost/dl-job:node24',
      '--label',
      'lab:host',
      '--job-engine',
      'docker',
      '--engine-socket',
      '/run/docker.sock',
      '--job-network',
      'dl-net',
    ]);
    expect(options.labels).toEqual({
      docker: { kind: 'container', image: 'localhost/dl-job:node24' },
      lab: { kind: 'host' },
    });
    expect(options.jobEngine).toEqual({ cli: 'docker', socket: '/run/docker.sock', network: 'dl-net' });
  });

  it('defaults: no labels (every job on the host), podman on the host network', () => {
    const { options } = parseRunArgs(['--workflow', 'w.yml']);
    expect(options.labels).toBeUndefined();
    expect(options.jobEngine).toEqual({ cli: 'podman', socket: undefined, network: 'host' });
  });

  it.each([
    [['--label', 'docker'], /--label docker: no NAME:/],
    [['--job-engine', 'containerd'], /--job-engine containerd: expected docker or podman/],
  ])('exits 2 on %j', async (args, message) => {
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => errors.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(await main(['run', '--workflow', 'w.yml', ...args])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(errors.join('')).toMatch(message);
  });
});

describe('runWorkflow with labels', () => {
  const text = `on: push
jobs:
  a:
    runs-on: [self-hosted, lab]
    steps: [{ run: 'echo a > "$RUNNER_TEMP/../../a-ran"' }]
  b:
    runs-on: \${{ vars.RUNS_ON }}
    needs: a
    steps: [{ run: 'true' }]
`;

  it('refuses a job whose labels match none, naming the job, its labels and the known labels, before any job runs', async () => {
    const ws = await makeWorkspace();
    cleanups.push(ws.cleanup);
    const { lines, log } = collectLog();
    const err = await runWorkflow({
      workflow: await parseWorkflowText('labels.yml', text),
      workspace: ws.dir,
      vars: { RUNS_ON: 'ubuntu-latest' },
      labels: { lab: { kind: 'host' }, docker: { kind: 'container', image: 'img' } },
      log,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsupportedError);
    expect((err as Error).message).toMatch(
      /no runner label matches: job 'b' runs on \[ubuntu-latest\]; known labels: lab, docker/,
    );
    expect(lines.filter((l) => l.startsWith('[job]'))).toEqual([]);
  });

  it('runs host-labelled jobs on this host and says so, with the node the actions run with', async () => {
    const ws = await makeWorkspace();
    cleanups.push(ws.cleanup);
    const { lines, log } = collectLog();
    const result = await runWorkflow({
      workflow: await parseWorkflowText('labels.yml', text),
      workspace: ws.dir,
      vars: { RUNS_ON: 'lab' },
      labels: { lab: { kind: 'host' } },
      log,
    });
    cleanups.push(() => rm(result.runDir, { recursive: true, force: true }));
    expect(result.ok, lines.join('\n')).toBe(true);
    expect(result.jobs['a']).toMatchObject({ mode: 'host', node: process.version });
    expect(result.jobs['a']?.image).toBeUndefined();
    expect(lines).toContain(`[job] a ▶ started on this host (node ${process.version})`);
  });
});
