import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, packageVersion, parsePort } from '../src/config.js';

describe('parsePort', () => {
  it('defaults to 8080', () => {
    expect(parsePort(undefined, 'PORT')).toBe(8080);
    expect(parsePort('', 'PORT')).toBe(8080);
  });
  it('parses valid ports', () => {
    expect(parsePort('3000', 'PORT')).toBe(3000);
  });
  it.each(['0', '65536', 'abc', '80x', '-1'])('rejects %s naming the variable', (value) => {
    expect(() => parsePort(value, 'PORT')).toThrow(/PORT must be a port number/);
  });
});

describe('version lookup', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'playlist-config-'));
    await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'x', version: '3.2.1' }));
    await mkdir(join(root, 'dist'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('finds the nearest package.json from a nested directory', () => {
    expect(packageVersion(join(root, 'dist'))).toBe('3.2.1');
  });

  it('prefers APP_VERSION over package.json', () => {
    const config = loadConfig({ APP_VERSION: '9.9.9-rc1' }, join(root, 'dist'));
    expect(config.version).toBe('9.9.9-rc1');
  });

  it('uses defaults for PORT and DATA_DIR', () => {
    const config = loadConfig({}, join(root, 'dist'));
    expect(config).toEqual({ port: 8080, host: '0.0.0.0', dataDir: '/data', version: '3.2.1' });
  });
});
