import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { onPath, selectEngine } from '../../src/engine/select.js';

// Fake PATH directories holding executable stubs, so the host's real engines do not matter.
const root = mkdtempSync(join(tmpdir(), 'dl-select-'));
const dirWith = (name: string, ...bins: string[]): string => {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const bin of bins) {
    writeFileSync(join(dir, bin), '#!/bin/sh\n');
    chmodSync(join(dir, bin), 0o755);
  }
  return dir;
};
const both = dirWith('both', 'podman', 'docker');
const dockerOnly = dirWith('docker-only', 'docker');
const podmanOnly = dirWith('podman-only', 'podman');
const none = dirWith('none');
const notExecutable = dirWith('not-executable');
writeFileSync(join(notExecutable, 'podman'), '');
mkdirSync(join(none, 'docker')); // a directory named like the program is not the program

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('selectEngine', () => {
  it.each([
    ['auto', { PATH: both }, 'podman'],
    ['auto', { PATH: dockerOnly }, 'docker'],
    ['auto', { PATH: `${none}:${podmanOnly}` }, 'podman'],
    ['auto', { PATH: both, DOCKER_HOST: 'unix:///run/docker.sock' }, 'docker'],
    ['auto', { PATH: both, CONTAINER_HOST: 'unix:///run/podman.sock' }, 'podman'],
    ['auto', { PATH: both, DOCKER_HOST: 'tcp://x', CONTAINER_HOST: 'unix:///y' }, 'docker'],
    ['docker', { PATH: both }, 'docker'],
    [' Podman ', { PATH: both }, 'podman'],
  ])('%j with %j → %s', (kind, env, expected) => {
    const engine = selectEngine(kind, env);
    expect(engine.kind).toBe(expected);
    expect(engine.bin).toBe(expected);
  });

  it.each([
    ['rkt', { PATH: both }, /^engine must be one of auto, docker, podman; got "rkt"$/],
    [
      'auto',
      { PATH: `${none}:${notExecutable}` },
      /^engine is auto but neither podman nor docker is on PATH/,
    ],
    [
      'docker',
      { PATH: podmanOnly },
      /^engine is docker but docker is not on PATH .*valid values: auto, docker, podman/,
    ],
    [
      'auto',
      { PATH: podmanOnly, DOCKER_HOST: 'tcp://x' },
      /^engine is auto \(chose docker\) but docker is not on PATH/,
    ],
  ])('%j with %j fails naming the engine input', (kind, env, message) => {
    let err: unknown;
    try {
      selectEngine(kind, env);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe('engine');
    expect((err as InputError).message).toMatch(message);
  });

  it('a missing CLI says how a job container gets an engine', () => {
    expect(() => selectEngine('docker', { PATH: podmanOnly })).toThrow(
      /container\.docker_host: automount.*DOCKER_HOST.*:host` runner label.*has the docker CLI/,
    );
    expect(() => selectEngine('auto', { PATH: none })).toThrow(/container\.docker_host: automount/);
  });

  it('onPath ignores empty PATH entries and non-executables', () => {
    expect(onPath('podman', { PATH: `::${notExecutable}` })).toBe(false);
    expect(onPath('podman', {})).toBe(false);
  });
});
