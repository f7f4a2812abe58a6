import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ArtifactModule from '@actions/artifact';
import { stepLog } from '../src/step.js';
import {
  artifactAvailability,
  callPastGhesCheck,
  GHES_CHECK_SERVER_URL,
  looksLikeGhes,
  uploadDirectory,
} from '../src/artifacts.js';

/** What the mocked DefaultArtifactClient saw, per call. */
interface SeenCall {
  name: string;
  files: string[];
  root: string;
  options: unknown;
  serverUrlDuringCall: string | undefined;
}
const fake = vi.hoisted(() => ({
  calls: [] as Array<{
    name: string;
    files: string[];
    root: string;
    options: unknown;
    serverUrlDuringCall: string | undefined;
  }>,
  result: { id: 7, size: 1234, digest: 'ab'.repeat(32) } as { id?: number; size?: number; digest?: string },
  error: undefined as Error | undefined,
}));

// Only uploadDirectory's tests use the fake; the GHES tests take the real client via importActual.
vi.mock('@actions/artifact', async (importOriginal) => {
  const actual = await importOriginal<typeof ArtifactModule>();
  class FakeClient {
    uploadArtifact(
      name: string,
      files: string[],
      root: string,
      options: unknown,
    ): Promise<typeof fake.result> {
      fake.calls.push({ name, files, root, options, serverUrlDuringCall: process.env['GITHUB_SERVER_URL'] });
      return fake.error ? Promise.reject(fake.error) : Promise.resolve(fake.result);
    }
  }
  return { ...actual, DefaultArtifactClient: FakeClient };
});

function jwt(payload: Record<string, unknown>): string {
  const part = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.c2lnbmF0dXJl`;
}

const TOKEN = jwt({ scp: 'Actions.GenericRead:1 Actions.Results:21:49', TaskID: 75 });
const FORGEJO = 'http://forgejo.example.invalid';

/** Captures what @actions/core writes (workflow commands go to stdout). */
function captureStdout(): { text: () => string } {
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  return { text: () => spy.mock.calls.map((c) => String(c[0])).join('') };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('artifactAvailability', () => {
  const results = 'http://forgejo.example.invalid/';
  it.each([
    [{}, /ACTIONS_RUNTIME_TOKEN is not set/],
    [{ ACTIONS_RUNTIME_TOKEN: '  ', ACTIONS_RESULTS_URL: results }, /ACTIONS_RUNTIME_TOKEN is not set/],
    [{ ACTIONS_RUNTIME_TOKEN: TOKEN }, /ACTIONS_RESULTS_URL is not set/],
    [
      { ACTIONS_RUNTIME_TOKEN: TOKEN, ACTIONS_RESULTS_URL: 'not a url' },
      /ACTIONS_RESULTS_URL is not a URL: "not a url"/,
    ],
    [{ ACTIONS_RUNTIME_TOKEN: TOKEN, ACTIONS_RESULTS_URL: 'ftp://x/' }, /not an http\(s\) URL/],
    [
      { ACTIONS_RUNTIME_TOKEN: 'opaque-v3-token', ACTIONS_RESULTS_URL: results },
      /no "Actions.Results:<run>:<job>" scope/,
    ],
    [
      { ACTIONS_RUNTIME_TOKEN: jwt({ scp: 'Actions.GenericRead:1' }), ACTIONS_RESULTS_URL: results },
      /no "Actions.Results/,
    ],
    [
      { ACTIONS_RUNTIME_TOKEN: jwt({ scp: 'Actions.Results:21' }), ACTIONS_RESULTS_URL: results },
      /no "Actions.Results/,
    ],
  ])('%j → unavailable (%s)', (env, reason) => {
    const result = artifactAvailability(env);
    expect(result.available).toBe(false);
    expect(result.available ? '' : result.reason).toMatch(reason);
  });

  it('is available with the token and results URL a Forgejo runner sets', () => {
    expect(artifactAvailability({ ACTIONS_RUNTIME_TOKEN: TOKEN, ACTIONS_RESULTS_URL: results })).toEqual({
      available: true,
    });
  });
});

describe('the GHES check of @actions/artifact', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['https://github.com', false],
    ['https://GITHUB.COM/', false],
    ['https://octo.ghe.com', false],
    ['http://forgejo.localhost:3000', false],
    [FORGEJO, true],
    ['https://codeberg.org', true],
    ['https://github.example.com', true],
  ])('looksLikeGhes(%j) = %s', (url, ghes) => {
    expect(looksLikeGhes(url)).toBe(ghes);
  });

  describe('with the real @actions/artifact 6.1.0 client', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'dl-artifacts-ghes-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });
    beforeEach(() => {
      // No runtime token: the real client must fail before any network access either way.
      vi.stubEnv('ACTIONS_RUNTIME_TOKEN', '');
      vi.stubEnv('GITHUB_SERVER_URL', FORGEJO);
    });

    async function realClient(): Promise<ArtifactModule.DefaultArtifactClient> {
      const actual = await vi.importActual<typeof ArtifactModule>('@actions/artifact');
      return new actual.DefaultArtifactClient();
    }

    it('refuses a Forgejo GITHUB_SERVER_URL as GHES when called directly', async () => {
      const out = captureStdout();
      const client = await realClient();
      await expect(client.uploadArtifact('x', [], dir)).rejects.toMatchObject({
        name: 'GHESNotSupportedError',
      });
      expect(out.text()).toContain('::warning::Artifact upload failed with error: GHESNotSupportedError');
    });

    it('gets past the check through callPastGhesCheck, and only the synchronous start sees github.com', async () => {
      captureStdout();
      const client = await realClient();
      const upload = callPastGhesCheck(() => client.uploadArtifact('x', [], dir));
      expect(process.env['GITHUB_SERVER_URL']).toBe(FORGEJO);
      // The next check in line (no files) is what fails now, not the GHES one.
      await expect(upload).rejects.toMatchObject({ name: 'FilesNotFoundError' });
    });
  });
});

describe('callPastGhesCheck', () => {
  it('shows github.com inside the call and restores the value after it', () => {
    const env: NodeJS.ProcessEnv = { GITHUB_SERVER_URL: FORGEJO };
    const seen = callPastGhesCheck(() => env['GITHUB_SERVER_URL'], env);
    expect(seen).toBe(GHES_CHECK_SERVER_URL);
    expect(env['GITHUB_SERVER_URL']).toBe(FORGEJO);
  });

  it('removes the variable again when it was not set', () => {
    const env: NodeJS.ProcessEnv = {};
    callPastGhesCheck(() => undefined, env);
    expect('GITHUB_SERVER_URL' in env).toBe(false);
  });

  it('restores the value when the call throws', () => {
    const env: NodeJS.ProcessEnv = { GITHUB_SERVER_URL: FORGEJO };
    expect(() =>
      callPastGhesCheck(() => {
        throw new Error('boom');
      }, env),
    ).toThrow('boom');
    expect(env['GITHUB_SERVER_URL']).toBe(FORGEJO);
  });
});

describe('uploadDirectory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dl-artifacts-unit-'));
    await mkdir(join(dir, 'report', 'data'), { recursive: true });
    await mkdir(join(dir, 'report', 'empty'), { recursive: true });
    await writeFile(join(dir, 'report', 'index.html'), '<html>');
    await writeFile(join(dir, 'report', 'data', 'b.bin'), Buffer.from([0, 1, 2]));
    await writeFile(join(dir, 'outside.txt'), 'linked');
    await symlink(join(dir, 'outside.txt'), join(dir, 'report', 'link-to-file.txt'));
    await symlink(join(dir, 'report', 'data'), join(dir, 'report', 'link-to-dir'));
    await symlink(join(dir, 'nowhere'), join(dir, 'report', 'dangling'));
    await mkdir(join(dir, 'nothing', 'sub'), { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    fake.calls.length = 0;
    fake.error = undefined;
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', TOKEN);
    vi.stubEnv('ACTIONS_RESULTS_URL', 'http://127.0.0.1:9/');
    vi.stubEnv('GITHUB_SERVER_URL', FORGEJO);
  });

  it('without an artifact service returns uploaded:false with the reason, logs it, never calls the client', async () => {
    vi.stubEnv('ACTIONS_RESULTS_URL', '');
    const out = captureStdout();
    const result = await uploadDirectory('report', join(dir, 'report'), { log: stepLog });
    expect(result).toEqual({
      uploaded: false,
      reason: expect.stringMatching(/ACTIONS_RESULTS_URL is not set/),
    });
    expect(out.text()).toMatch(/^Artifact "report" was not uploaded: ACTIONS_RESULTS_URL is not set/m);
    expect(out.text()).not.toContain('::warning::');
    expect(fake.calls).toEqual([]);
  });

  it('uploads regular files and symlinks to files, recursively, past the GHES check', async () => {
    const out = captureStdout();
    const root = join(dir, 'report');
    const result = await uploadDirectory('report', root, {
      retentionDays: 5,
      compressionLevel: 0,
      log: stepLog,
    });
    expect(result).toEqual({
      uploaded: true,
      id: 7,
      size: 1234,
      digest: `sha256:${'ab'.repeat(32)}`,
      files: 3,
    });
    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0] as SeenCall;
    expect(call.name).toBe('report');
    expect(call.root).toBe(root);
    expect(call.files).toEqual([
      join(root, 'data', 'b.bin'),
      join(root, 'index.html'),
      join(root, 'link-to-file.txt'),
    ]);
    expect(call.options).toEqual({ retentionDays: 5, compressionLevel: 0 });
    expect(call.serverUrlDuringCall).toBe(GHES_CHECK_SERVER_URL);
    expect(process.env['GITHUB_SERVER_URL']).toBe(FORGEJO);
    expect(out.text()).toContain('Uploaded artifact "report": 3 file(s)');
  });

  it('turns an upload error into a warning and uploaded:false', async () => {
    fake.error = new Error(
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (400) Bad Request',
    );
    const out = captureStdout();
    const result = await uploadDirectory('report', join(dir, 'report'), { log: stepLog });
    expect(result).toEqual({ uploaded: false, reason: fake.error.message });
    expect(out.text()).toContain(`::warning::Artifact "report" was not uploaded: ${fake.error.message}`);
  });

  it('explains a GHESNotSupportedError as a changed library, not as a GHES server', async () => {
    fake.error = Object.assign(new Error('not supported on GHES'), { name: 'GHESNotSupportedError' });
    captureStdout();
    const result = await uploadDirectory('report', join(dir, 'report'), { log: stepLog });
    expect(result.reason).toMatch(/no longer checks synchronously \(digestline pins 6\.1\.0\)/);
  });

  it.each([
    ['a missing directory', 'missing', {}, /directory .*missing does not exist/],
    ['a file instead of a directory', 'outside.txt', {}, /outside\.txt is not a directory/],
    [
      'a fractional retention',
      'report',
      { retentionDays: 1.5 },
      /retentionDays must be a positive whole number/,
    ],
    ['a zero retention', 'report', { retentionDays: 0 }, /retentionDays must be a positive whole number/],
    [
      'a compression level of 10',
      'report',
      { compressionLevel: 10 },
      /compressionLevel must be a whole number from 0 to 9/,
    ],
  ])('warns and does not upload for %s', async (_what, sub, options, reason) => {
    const out = captureStdout();
    const result = await uploadDirectory('report', join(dir, sub), { ...options, log: stepLog });
    expect(result.uploaded).toBe(false);
    expect(result.reason).toMatch(reason);
    expect(out.text()).toContain('::warning::Artifact "report" was not uploaded: ');
    expect(fake.calls).toEqual([]);
  });

  it('does not upload an empty directory, and says so without a warning', async () => {
    const out = captureStdout();
    const result = await uploadDirectory('nothing', join(dir, 'nothing'), { log: stepLog });
    expect(result).toEqual({ uploaded: false, reason: expect.stringMatching(/holds no files$/) });
    expect(out.text()).not.toContain('::warning::');
    expect(fake.calls).toEqual([]);
  });
});
