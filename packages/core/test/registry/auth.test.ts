import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authFilePaths,
  decodeAuthEntry,
  findStoredCredentials,
  normalizeAuthKey,
  parseTokenResponse,
  parseWwwAuthenticate,
  tokenUrl,
} from '../../src/registry/auth.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('parseWwwAuthenticate', () => {
  it('parses a distribution bearer challenge with a comma inside the quoted scope', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:team/app:pull,push"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.example.com/token',
          service: 'registry.example.com',
          scope: 'repository:team/app:pull,push',
        },
      },
    ]);
  });

  it('parses basic challenges, spaces, case and escapes', () => {
    expect(parseWwwAuthenticate('Basic realm="Registry Realm"')).toEqual([
      { scheme: 'basic', params: { realm: 'Registry Realm' } },
    ]);
    expect(parseWwwAuthenticate('BEARER  Realm = "a\\"b" , Service=svc')).toEqual([
      { scheme: 'bearer', params: { realm: 'a"b', service: 'svc' } },
    ]);
  });

  it('splits several challenges in one header', () => {
    const parsed = parseWwwAuthenticate('Basic realm="r1", Bearer realm="https://t/x",service="s"');
    expect(parsed.map((c) => c.scheme)).toEqual(['basic', 'bearer']);
    expect(parsed[1]!.params).toEqual({ realm: 'https://t/x', service: 's' });
  });

  it('accepts an unquoted URL realm and ignores junk without looping', () => {
    expect(parseWwwAuthenticate('Bearer realm=https://t.example/token,service=reg')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://t.example/token', service: 'reg' } },
    ]);
    expect(parseWwwAuthenticate('"=,,')).toEqual([]);
    expect(parseWwwAuthenticate('')).toEqual([]);
  });
});

describe('tokenUrl', () => {
  it('adds service and one scope parameter per scope', () => {
    const url = tokenUrl(
      { scheme: 'bearer', params: { realm: 'https://auth.example/token?x=1', service: 'reg' } },
      ['repository:a:pull,push', 'repository:b:pull'],
    );
    expect(url.searchParams.get('x')).toBe('1');
    expect(url.searchParams.get('service')).toBe('reg');
    expect(url.searchParams.getAll('scope')).toEqual(['repository:a:pull,push', 'repository:b:pull']);
  });

  it('refuses a challenge without an http(s) realm', () => {
    expect(() => tokenUrl({ scheme: 'bearer', params: {} }, [])).toThrow(/without a realm/);
    expect(() => tokenUrl({ scheme: 'bearer', params: { realm: 'file:///etc/passwd' } }, [])).toThrow(
      /must be http\(s\)/,
    );
  });
});

describe('parseTokenResponse', () => {
  it('takes token or access_token and keeps a safety margin on expiry', () => {
    expect(parseTokenResponse({ token: 't', expires_in: 300 }, 1000)).toEqual({
      token: 't',
      expiresAt: 291_000,
    });
    expect(parseTokenResponse({ access_token: 'a' }, 0)).toEqual({ token: 'a', expiresAt: 50_000 });
    expect(() => parseTokenResponse({}, 0)).toThrow(/without "token"/);
  });
});

describe('normalizeAuthKey / decodeAuthEntry', () => {
  it('reduces keys written by docker and podman to host[:port]', () => {
    expect(normalizeAuthKey('https://index.docker.io/v1/')).toBe('index.docker.io');
    expect(normalizeAuthKey('http://Reg.Example:5000')).toBe('reg.example:5000');
    expect(normalizeAuthKey('127.0.0.1:5000')).toBe('127.0.0.1:5000');
  });

  it('decodes base64 user:password keeping colons in the password', () => {
    expect(decodeAuthEntry({ auth: b64('bot:pa:ss') }, 'x')).toEqual({ username: 'bot', password: 'pa:ss' });
    expect(decodeAuthEntry({ username: 'u', password: 'p' }, 'x')).toEqual({ username: 'u', password: 'p' });
    expect(decodeAuthEntry({ identitytoken: 'abc' }, 'x')).toBeUndefined();
    expect(() => decodeAuthEntry({ auth: b64('nocolon') }, 'FILE auths["h"]')).toThrow(
      'FILE auths["h"]: "auth" is not base64 of "username:password"',
    );
  });
});

describe('findStoredCredentials', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'dl-auth-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  const write = (path: string, json: unknown): void => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  };

  it('reads ~/.docker/config.json auths[host].auth', () => {
    write(join(home, '.docker', 'config.json'), {
      auths: { 'reg.example:5000': { auth: b64('alice:s3cret') } },
    });
    expect(findStoredCredentials('reg.example:5000', { env: {}, home })).toEqual({
      credentials: { username: 'alice', password: 's3cret' },
      source: join(home, '.docker', 'config.json'),
    });
    expect(findStoredCredentials('other.example', { env: {}, home })).toBeUndefined();
  });

  it('prefers $DOCKER_CONFIG over ~/.docker and matches scheme-prefixed keys', () => {
    write(join(home, '.docker', 'config.json'), { auths: { 'reg.example': { auth: b64('home:x') } } });
    const dockerConfig = join(home, 'dc');
    write(join(dockerConfig, 'config.json'), {
      auths: { 'https://reg.example/v1/': { auth: b64('env:y') } },
    });
    expect(
      findStoredCredentials('reg.example', { env: { DOCKER_CONFIG: dockerConfig }, home })?.credentials,
    ).toEqual({
      username: 'env',
      password: 'y',
    });
  });

  it("falls back to podman's ${XDG_RUNTIME_DIR}/containers/auth.json, then ~/.config/containers/auth.json", () => {
    const runtime = join(home, 'run');
    write(join(home, '.config', 'containers', 'auth.json'), {
      auths: { 'reg.example': { auth: b64('cfg:1') } },
    });
    expect(
      findStoredCredentials('reg.example', { env: { XDG_RUNTIME_DIR: runtime }, home })?.credentials,
    ).toEqual({
      username: 'cfg',
      password: '1',
    });
    write(join(runtime, 'containers', 'auth.json'), { auths: { 'reg.example': { auth: b64('run:2') } } });
    expect(
      findStoredCredentials('reg.example', { env: { XDG_RUNTIME_DIR: runtime }, home })?.credentials,
    ).toEqual({
      username: 'run',
      password: '2',
    });
    expect(authFilePaths({ env: { XDG_RUNTIME_DIR: runtime }, home })).toEqual([
      join(home, '.docker', 'config.json'),
      join(runtime, 'containers', 'auth.json'),
      join(home, '.config', 'containers', 'auth.json'),
    ]);
  });

  it('treats Docker Hub aliases as one registry and skips repository-scoped podman keys', () => {
    write(join(home, '.docker', 'config.json'), {
      auths: {
        'docker.io/team': { auth: b64('scoped:no') },
        'https://index.docker.io/v1/': { auth: b64('hub:yes') },
      },
    });
    expect(findStoredCredentials('docker.io', { env: {}, home })?.credentials.username).toBe('hub');
  });

  it('names the file when it is not JSON', () => {
    const path = join(home, '.docker', 'config.json');
    write(path, '{ not json');
    expect(() => findStoredCredentials('reg.example', { env: {}, home })).toThrow(
      `registry auth file ${path} is not valid JSON`,
    );
  });
});
