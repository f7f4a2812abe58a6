/**
 * build-image's per-step registry auth: the seed keeps standing logins but never a shared credential
 * store, the engine CLI is pointed at the private file, and removal deletes it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Exec } from '../../src/exec.js';
import { createStepAuth, dockerSeed, podmanSeed, removeStepAuth } from '../../src/image/step-auth.js';

const root = mkdtempSync(join(tmpdir(), 'dl-step-auth-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const auth = (user: string): { auth: string } => ({ auth: Buffer.from(`${user}:pw`).toString('base64') });

describe('dockerSeed', () => {
  it('keeps standing logins and settings, drops the shared credential store and our helper', () => {
    const seed = dockerSeed(
      {
        auths: { 'other.example': auth('a') },
        credsStore: 'pass',
        credHelpers: { 'reg.example': 'ecr-login', 'gcr.io': 'gcloud' },
        proxies: { default: { httpProxy: 'http://proxy:3128' } },
      },
      'reg.example',
    );
    expect(seed).toEqual({
      auths: { 'other.example': auth('a') },
      credHelpers: { 'gcr.io': 'gcloud' },
      proxies: { default: { httpProxy: 'http://proxy:3128' } },
    });
    expect(dockerSeed(undefined, 'reg.example')).toEqual({});
  });
});

describe('podmanSeed', () => {
  it('merges auths in podman order: an earlier file wins a registry', () => {
    const seed = podmanSeed(
      [
        { auths: { 'reg.example': auth('first') } },
        undefined,
        {
          auths: { 'reg.example': auth('last'), 'other.example': auth('o') },
          credHelpers: { 'reg.example': 'x' },
        },
      ],
      'reg.example',
    );
    expect(seed).toEqual({ auths: { 'reg.example': auth('first'), 'other.example': auth('o') } });
  });
});

describe('createStepAuth', () => {
  const home = join(root, 'home');
  mkdirSync(join(home, '.docker', 'cli-plugins'), { recursive: true });
  const standing = JSON.stringify({ auths: { 'other.example': auth('standing') }, credsStore: 'pass' });
  writeFileSync(join(home, '.docker', 'config.json'), standing);
  const env = { HOME: home, PATH: process.env.PATH };

  it('docker: a private DOCKER_CONFIG seeded from the standing config, handed to every command', async () => {
    const base = new Exec();
    const spy = vi.spyOn(base, 'exec').mockResolvedValue({ exitCode: 0, stdout: '', stderr: '' });
    const step = await createStepAuth('docker', 'reg.example', root, base, env);
    expect(step.env).toEqual({ DOCKER_CONFIG: step.dir });
    expect(statSync(step.dir).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(join(step.dir, 'config.json'), 'utf8'))).toEqual({
      auths: { 'other.example': auth('standing') },
    });
    expect(existsSync(join(step.dir, 'cli-plugins'))).toBe(true);
    await step.exec.exec('docker', ['login', 'reg.example'], { input: 'pw', env: { EXTRA: '1' } });
    expect(spy).toHaveBeenCalledWith('docker', ['login', 'reg.example'], {
      input: 'pw',
      env: { DOCKER_CONFIG: step.dir, EXTRA: '1' },
    });
    await removeStepAuth(step.dir);
    expect(existsSync(step.dir)).toBe(false);
    expect(readFileSync(join(home, '.docker', 'config.json'), 'utf8')).toBe(standing);
  });

  it('podman: a private REGISTRY_AUTH_FILE seeded from the files podman reads', async () => {
    const xdg = join(root, 'xdg');
    mkdirSync(join(xdg, 'containers'), { recursive: true });
    writeFileSync(
      join(xdg, 'containers', 'auth.json'),
      JSON.stringify({ auths: { 'p.example': auth('p') } }),
    );
    const step = await createStepAuth('podman', 'reg.example', root, new Exec(), {
      ...env,
      XDG_RUNTIME_DIR: xdg,
    });
    const file = join(step.dir, 'auth.json');
    expect(step.env).toEqual({ REGISTRY_AUTH_FILE: file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      auths: { 'p.example': auth('p'), 'other.example': auth('standing') },
    });
    await removeStepAuth(step.dir);
    expect(existsSync(step.dir)).toBe(false);
  });
});
