import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  copyVolumeOut,
  finishStagedRun,
  STAGED_LABEL,
  stagedHostPath,
  stageRunMounts,
  stageVolume,
} from '../../src/engine/staging.js';
import { FakeEngine } from '../support/fake-engine.js';

const REPORT = join(tmpdir(), `dl-staging-report-${process.pid}`);
afterAll(() => rmSync(REPORT, { recursive: true, force: true }));
const IMAGE = 'reg/app@sha256:' + 'a'.repeat(64);

describe('stageVolume', () => {
  it('fills a labelled volume through a never-started helper, then removes the helper', async () => {
    const engine = new FakeEngine();
    await stageVolume(engine, {
      volume: 'dl-p-files',
      labels: { 'dev.digestline.stack': 'p' },
      image: IMAGE,
      entries: [
        { source: '/ws/config/frontend.json', path: '0/frontend.json' },
        { source: '/ws/static', path: '1/static' },
      ],
    });
    expect(engine.calls.filter((c) => !c.startsWith('cp /tmp/'))).toEqual([
      'volume create dl-p-files',
      'create dl-p-files-stager',
      'cp /ws/config/frontend.json dl-p-files-stager:/dl-stage/0/frontend.json',
      'cp /ws/static dl-p-files-stager:/dl-stage/1/static',
      'rm dl-p-files-stager',
    ]);
    // The parent directories (0/, 1/) go in first, from an empty local skeleton.
    expect(engine.calls[2]).toMatch(/^cp \/tmp\/digestline-stage-[^ ]+\/\. dl-p-files-stager:\/dl-stage$/);
    expect(engine.volumes.get('dl-p-files')).toEqual({
      'dev.digestline.stack': 'p',
      [STAGED_LABEL]: 'dl-p-files',
    });
    expect(engine.foregroundRuns).toEqual([]);
    expect(engine.containers.size).toBe(0);
  });

  it('puts a directory’s contents at the root for path ""', async () => {
    const engine = new FakeEngine();
    await stageVolume(engine, {
      volume: 'v',
      labels: {},
      image: IMAGE,
      entries: [{ source: '/ws', path: '' }],
    });
    expect(engine.calls).toEqual([
      'volume create v',
      'create v-stager',
      'cp /ws/. v-stager:/dl-stage',
      'rm v-stager',
    ]);
  });

  it('leaves neither volume nor helper when a copy fails, and names the file', async () => {
    const engine = new FakeEngine();
    engine.failing.add('cp /ws/b v-stager:/dl-stage/b');
    await expect(
      stageVolume(engine, {
        volume: 'v',
        labels: {},
        image: IMAGE,
        entries: [
          { source: '/ws/a', path: 'a' },
          { source: '/ws/b', path: 'b' },
        ],
      }),
    ).rejects.toThrow(/^copying \/ws\/b into volume v: cp \/ws\/b v-stager:\/dl-stage\/b failed/);
    expect(engine.containers.size).toBe(0);
    expect(engine.volumes.size).toBe(0);
    expect(engine.calls.slice(-2)).toEqual(['rm v-stager', 'volume rm v']);
  });
});

describe('copyVolumeOut and stagedHostPath', () => {
  it('copies the volume’s content out through a helper that is removed afterwards', async () => {
    const engine = new FakeEngine();
    await engine.volumeCreate('r');
    const dest = join(tmpdir(), `dl-staging-out-${process.pid}`);
    onTestFinished(() => rmSync(dest, { recursive: true, force: true }));
    await copyVolumeOut(engine, { volume: 'r', image: IMAGE, labels: { l: '1' }, dest });
    expect(engine.calls.slice(1)).toEqual([
      'create r-stager',
      `cp r-stager:/dl-stage/. ${dest}`,
      'rm r-stager',
    ]);
  });

  it('a staged file’s path on the engine host is below the volume’s Mountpoint', async () => {
    const engine = new FakeEngine();
    await engine.volumeCreate('dl-p-files');
    await expect(stagedHostPath(engine, 'dl-p-files', '0/frontend.json')).resolves.toBe(
      '/engine/volumes/dl-p-files/_data/0/frontend.json',
    );
  });
});

describe('stageRunMounts and finishStagedRun', () => {
  const options = {
    image: IMAGE,
    name: 'p-e2e',
    labels: { 'dev.digestline.stack': 'p' },
    volumes: [
      { source: '/tmp/tests-copy', target: '/e2e/tests', readonly: true },
      { source: REPORT, target: '/e2e/report' },
      { source: 'p_cache', target: '/cache' },
      { source: '', target: '/anon' },
    ],
  };

  it('bind mode: the options as given, nothing staged', async () => {
    const engine = new FakeEngine();
    const staged = await stageRunMounts(engine, options, 'p-e2e-files');
    expect(staged).toEqual({ options, writable: [] });
    await finishStagedRun(engine, staged);
    expect(engine.calls).toEqual([]);
  });

  it('copy mode: our paths become paths of the staged copy, named volumes stay; the writable one comes back', async () => {
    const engine = new FakeEngine();
    engine.files = 'copy';
    const staged = await stageRunMounts(engine, options, 'p-e2e-files');
    const root = '/engine/volumes/p-e2e-files/_data';
    expect(staged.options.volumes).toEqual([
      { source: `${root}/0/tests-copy`, target: '/e2e/tests', readonly: true },
      { source: `${root}/1/${basename(REPORT)}`, target: '/e2e/report' },
      { source: 'p_cache', target: '/cache' },
      { source: '', target: '/anon' },
    ]);
    expect(staged.writable).toEqual([{ local: REPORT, path: `1/${basename(REPORT)}` }]);
    expect(engine.volumes.get('p-e2e-files')).toMatchObject({ 'dev.digestline.stack': 'p' });
    engine.calls.length = 0;
    await finishStagedRun(engine, staged);
    expect(engine.calls).toEqual([
      'create p-e2e-files-stager',
      `cp p-e2e-files-stager:/dl-stage/1/${basename(REPORT)}/. ${REPORT}`,
      'rm p-e2e-files-stager',
      'volume rm p-e2e-files',
    ]);
    expect(engine.volumes.size).toBe(0);
  });

  it('a failed copy back still removes the volume, then fails', async () => {
    const engine = new FakeEngine();
    engine.files = 'copy';
    const staged = await stageRunMounts(engine, options, 'p-e2e-files');
    engine.failing.add(`cp p-e2e-files-stager:/dl-stage/1/${basename(REPORT)}/. ${REPORT}`);
    await expect(finishStagedRun(engine, staged)).rejects.toThrow(/device busy/);
    expect(engine.volumes.size).toBe(0);
    expect(engine.containers.size).toBe(0);
  });
});
