/**
 * uploadDirectory through the real @actions/artifact 6.1.0 and @azure/storage-blob against a
 * loopback server that decodes and verifies like Forgejo's artifact v4 service. Loopback only;
 * GITHUB_SERVER_URL names a host that is never contacted (it only trips the GHES check).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { uploadDirectory } from '@digestline/core/artifacts';
import {
  ARTIFACT_SERVICE_PREFIX,
  readZip,
  startArtifactServer,
  type ArtifactServer,
} from './support/artifact-server.js';

const FORGEJO_URL = 'http://forgejo.example.invalid';

let server: ArtifactServer;
let dir: string;
/** Relative path → bytes of every file the test directory holds. */
const files = new Map<string, Buffer>();

beforeAll(async () => {
  server = await startArtifactServer();
  dir = await mkdtemp(join(tmpdir(), 'dl-itg-artifacts-'));
  files.set('index.html', Buffer.from('<!doctype html><title>report</title><p>2 failed</p>\n'));
  // Incompressible, bigger than one TCP write, with every byte value: catches text-mode mangling.
  files.set('data/trace.zip', Buffer.concat([randomBytes(300 * 1024), Buffer.from([...Array(256).keys()])]));
  files.set(
    'test-results/login-chromium/screenshot.png',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0x0a, 0x0d]),
  );
  files.set('empty.log', Buffer.alloc(0));
  files.set('résumé.txt', Buffer.from('non-ASCII name\n'));
  for (const [path, data] of files) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), data);
  }
  await mkdir(join(dir, 'empty-dir'), { recursive: true });
});

afterAll(async () => {
  await server?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function stubRunnerEnv(env: Record<string, string>): void {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

/** CreateArtifact exactly as @actions/artifact 6.1.0 sends it, plus `extra` fields. */
async function createArtifactByHand(name: string, extra: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`${server.origin}${ARTIFACT_SERVICE_PREFIX}/CreateArtifact`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.runtimeToken}` },
    body: JSON.stringify({
      workflow_run_backend_id: '21',
      workflow_job_run_backend_id: '49',
      name,
      version: 4,
      ...extra,
    }),
  });
}

describe('uploadDirectory against a strict Forgejo-like artifact server', () => {
  it('uploads the directory as a zip with exactly its files, past the GHES check', async () => {
    stubRunnerEnv(server.runnerEnv());
    expect(process.env['GITHUB_SERVER_URL']).toBe(FORGEJO_URL);
    const before = server.requests.length;

    const result = await uploadDirectory('failure-bundle', dir, { retentionDays: 3 });

    const seen = server.requests.slice(before);
    const unpadded = seen.find((r) => /not padded/.test(r.error ?? ''));
    expect(
      unpadded,
      'the blob client stripped the = padding from the signed upload URL, which Forgejo refuses with 401: ' +
        '@azure/core-client parses query pairs with split("=", 2) (simpleParseQueryParams); apply the ' +
        'core-client patch described in docs/artifacts.md',
    ).toBeUndefined();
    const refused = seen.filter((r) => r.status >= 300);
    expect(refused, JSON.stringify(refused, null, 2)).toEqual([]);
    expect(result.reason).toBeUndefined();
    expect(result.uploaded).toBe(true);
    // The substitute server URL lived only for the synchronous start of the call.
    expect(process.env['GITHUB_SERVER_URL']).toBe(FORGEJO_URL);

    expect(server.artifacts).toHaveLength(1);
    const artifact = server.artifacts[0]!;
    expect(artifact.name).toBe('failure-bundle');
    expect(result.id).toBe(artifact.id);
    expect(result.files).toBe(files.size);
    expect(result.size).toBe(artifact.zip.length);
    expect(artifact.declaredSize).toBe(BigInt(artifact.zip.length));
    const sha = createHash('sha256').update(artifact.zip).digest('hex');
    expect(result.digest).toBe(`sha256:${sha}`);
    expect(artifact.hash).toBe(`sha256:${sha}`);
    expect(artifact.version).toBe(4n);
    const expiresInDays = (Date.parse(artifact.expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(2.9);
    expect(expiresInDays).toBeLessThan(3.1);

    const entries = readZip(artifact.zip);
    expect(entries.map((e) => e.name).sort()).toEqual([...files.keys()].sort());
    for (const entry of entries) expect(entry.data.equals(files.get(entry.name)!), entry.name).toBe(true);

    // The protocol as it happened: create, blocks, block list, finalize; nothing else (no listing).
    const kinds = seen.map((r) => {
      const method = r.path.slice(ARTIFACT_SERVICE_PREFIX.length + 1);
      const comp = new URLSearchParams(r.rawQuery).get('comp');
      return comp === null ? method : `${method}?comp=${comp}`;
    });
    expect(kinds[0]).toBe('CreateArtifact');
    expect(kinds.at(-2)).toBe('UploadArtifact?comp=blocklist');
    expect(kinds.at(-1)).toBe('FinalizeArtifact');
    expect(new Set(kinds.slice(1, -2))).toEqual(new Set(['UploadArtifact?comp=block']));
    // The padding of the signed value reached the server (raw `=` or `%3D`): the stripping bug
    // reported in nektos/act#6021 would have been refused with 401 above, and shows here.
    for (const r of seen.filter((s) => s.path.endsWith('/UploadArtifact'))) {
      expect(r.rawQuery).toMatch(/(?:^|&)sig=[A-Za-z0-9_-]+(?:=|%3D)(?:&|$)/);
    }
    // What 6.1.0 sends: only fields Forgejo's artifact.proto knows.
    expect(Object.keys(JSON.parse(seen[0]!.body ?? '{}') as object).sort()).toEqual(
      ['expires_at', 'name', 'version', 'workflow_job_run_backend_id', 'workflow_run_backend_id'].sort(),
    );
  });

  it('returns uploaded:false with the reason and a warning when the server refuses the upload', async () => {
    const env = server.runnerEnv();
    // A token the server did not sign for this task: Forgejo answers 401, which is not retried.
    env['ACTIONS_RUNTIME_TOKEN'] = server.signToken({
      exp: Math.floor(Date.now() / 1000) + 600,
      scp: 'Actions.Results:21:49',
      TaskID: 9999,
    });
    stubRunnerEnv(env);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);

    const result = await uploadDirectory('refused', dir);

    const log = stdout.mock.calls.map((c) => String(c[0])).join('');
    stdout.mockRestore();
    expect(result.uploaded).toBe(false);
    expect(result.reason).toMatch(/401/);
    expect(result.reason).toMatch(/task by ID 9999/);
    expect(log).toContain('::warning::Artifact "refused" was not uploaded: ');
    expect(server.artifacts.map((a) => a.name)).not.toContain('refused');
  });
});

describe('the strict server itself (so that a client change breaks these tests)', () => {
  it('refuses an unknown field, naming it, exactly as 6.2.x would send it (mime_type)', async () => {
    const refused = await createArtifactByHand('with-mime-type', {
      mime_type: 'application/zip',
      version: 7,
    });
    expect(refused.status).toBe(400);
    const error = (await refused.json()) as { msg: string };
    expect(error.msg).toMatch(/unknown field "mime_type"/);

    const control = await createArtifactByHand('without-mime-type');
    expect(control.status).toBe(200);
  });

  it('refuses the same field in its JSON spelling, duplicates and wrongly typed values', async () => {
    expect((await createArtifactByHand('x', { mimeType: 'application/zip' })).status).toBe(400);
    expect((await createArtifactByHand('x', { version: '4.5' })).status).toBe(400);
    expect((await createArtifactByHand('x', { expires_at: 'tomorrow' })).status).toBe(400);
    const duplicate = await fetch(`${server.origin}${ARTIFACT_SERVICE_PREFIX}/CreateArtifact`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.runtimeToken}` },
      body: '{"workflow_run_backend_id":"21","name":"a","workflowRunBackendId":"21"}',
    });
    expect(duplicate.status).toBe(400);
    expect(((await duplicate.json()) as { msg: string }).msg).toMatch(
      /duplicate field "workflowRunBackendId"/,
    );
  });

  it('refuses a signed upload URL whose = padding was stripped (nektos/act#6021)', async () => {
    const created = await createArtifactByHand('padding');
    expect(created.status).toBe(200);
    const { signedUploadUrl } = (await created.json()) as { signedUploadUrl: string };
    const sig = /[?&]sig=([^&]*)/.exec(signedUploadUrl)?.[1] ?? '';
    expect(sig).toMatch(/=$/);
    const unpadded = signedUploadUrl.replace(`sig=${sig}`, `sig=${sig.replace(/=+$/, '')}`);

    const stripped = await fetch(`${unpadded}&comp=block&blockid=AAAA`, { method: 'PUT', body: 'zip bytes' });
    expect(stripped.status).toBe(401);
    expect(await stripped.text()).toMatch(/not padded/);
    const intact = await fetch(`${signedUploadUrl}&comp=block&blockid=AAAA`, {
      method: 'PUT',
      body: 'zip bytes',
    });
    expect(intact.status).toBe(201);
  });
});
