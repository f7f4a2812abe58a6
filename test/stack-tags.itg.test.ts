/**
 * A tag in a user's compose file, against the real loopback registry and podman: a service not under
 * test names `<registry>/<repo>:stable`; `loadStackFile` (what integration-test and e2e-run call)
 * resolves it once to the digest it points at; the tag is then moved to another image; the stack
 * started afterwards runs the digest resolved at start, not what the tag names now.
 *
 * Needs `eval "$(scripts/setup-host)"` (DIGESTLINE_REGISTRY, DIGESTLINE_BASE_IMAGE); fails without.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerEngine } from '@digestline/core/engine/engine';
import { Podman } from '@digestline/core/engine/podman';
import { errorMessage } from '@digestline/core/errors';
import { Exec } from '@digestline/core/exec';
import { loadStackFile } from '@digestline/core/lanes/integration';
import { pinnedReference } from '@digestline/core/reference';
import { Stack } from '@digestline/core/stack/stack';
import { recordingLog } from '../packages/core/test/support/log.js';

const REGISTRY = process.env.DIGESTLINE_REGISTRY ?? '';
const BASE_IMAGE = process.env.DIGESTLINE_BASE_IMAGE ?? '';
const RUN = `dl-itg-${randomBytes(4).toString('hex')}`;
const REPO = `digestline-itg/tags-${RUN}`;
const TAGGED = `${REGISTRY}/${REPO}:stable`;

const exec = new Exec();
const engine: ContainerEngine = new Podman(exec);
const built: Array<{ id: string; digest: string }> = [];
let dir = '';

/** Builds a sleeping image marked `WHICH=<which>` from the base, pushes it as `tag`; its digest. */
async function pushVariant(which: string, tag: string): Promise<string> {
  const file = join(dir, `Containerfile.${which}`);
  await writeFile(
    file,
    `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nENV WHICH=${which}\nCMD ["sleep", "infinity"]\n`,
  );
  const id = await engine.build({
    context: dir,
    file,
    tags: [tag],
    buildArgs: { BASE_IMAGE },
    labels: { 'digestline.itg.run': RUN },
  });
  const digest = await engine.push(tag, { insecure: true });
  if (digest === undefined) throw new Error(`push of ${tag} reported no digest`);
  built.push({ id, digest });
  return digest;
}

/** The digest the registry's tag names now (a HEAD, as a person checking would do). */
async function tagDigest(): Promise<string> {
  const res = await fetch(`http://${REGISTRY}/v2/${REPO}/manifests/stable`, {
    method: 'HEAD',
    headers: {
      accept:
        'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
    },
  });
  return res.headers.get('docker-content-digest') ?? `HEAD answered ${res.status}`;
}

beforeAll(async () => {
  const missing = ['DIGESTLINE_REGISTRY', 'DIGESTLINE_BASE_IMAGE'].filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(' and ')} not set: run \`eval "$(scripts/setup-host)"\` in this shell first`,
    );
  }
  dir = await mkdtemp(join(tmpdir(), 'dl-itg-tags-'));
});

afterAll(async () => {
  const problems: string[] = [];
  for (const b of built) {
    try {
      await engine.removeImage(b.id, { force: true });
      const res = await fetch(`http://${REGISTRY}/v2/${REPO}/manifests/${b.digest}`, { method: 'DELETE' });
      if (res.status !== 202 && res.status !== 404)
        problems.push(`DELETE ${REPO}@${b.digest}: ${res.status}`);
    } catch (err) {
      problems.push(`${b.digest}: ${errorMessage(err)}`);
    }
  }
  if (dir !== '') await rm(dir, { recursive: true, force: true });
  expect(problems).toEqual([]);
});

describe('a service naming a tag', () => {
  it('runs the digest the tag pointed at when the stack was loaded, even after the tag moves', async () => {
    const first = await pushVariant('first', TAGGED);
    await writeFile(join(dir, 'compose.yaml'), `services:\n  db:\n    image: ${TAGGED}\n`);

    const log = recordingLog();
    const spec = await loadStackFile('compose.yaml', [], 'stack', dir, log);
    const db = spec.services.find((s) => s.name === 'db')!;
    expect(pinnedReference(db.image)).toBe(`${REGISTRY}/${REPO}@${first}`);
    expect(log.lines.filter((l) => l.level === 'info').map((l) => l.line)).toEqual([`${TAGGED} → ${first}`]);

    // The tag moves to another image after resolution.
    const second = await pushVariant('second', TAGGED);
    expect(second).not.toBe(first);
    expect(await tagDigest()).toBe(second);
    // The local copy of the first image goes too: what runs must come from the registry by digest.
    await engine.removeImage(built[0]!.id, { force: true });

    const project = `${RUN}-tags`;
    const stack = await Stack.up({ project, engine, spec, readiness: { timeoutMs: 30_000 } });
    try {
      const container = `${project}-db`;
      const inspect = await exec.exec(
        'podman',
        ['container', 'inspect', '--format', '{{.ImageDigest}}', container],
        { silent: true },
      );
      expect(inspect.stdout.trim()).toBe(first);
      const env = await exec.exec('podman', ['exec', container, 'printenv', 'WHICH'], { silent: true });
      expect(env.stdout.trim()).toBe('first');
    } finally {
      await stack.down({ volumes: 'all', stopTimeoutS: 0 });
    }
  });
});
