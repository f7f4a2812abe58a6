/**
 * The compose corpus (test/fixtures/compose-corpus/) is sound: every entry is valid for the reference
 * implementation (`docker compose config`, docker-compose 2.x from Debian, `DIGESTLINE_COMPOSE`) with
 * the profiles and variables its check.json gives, and the services it injects are services the
 * reference keeps with those profiles. A corpus entry the reference refuses would measure nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeModel } from '@digestline/core/stack/compose/model';
import { normaliseCompose } from '@digestline/core/stack/normalise/index';

const run = promisify(execFile);

/** The service keys the stack builder reads (packages/core/src/stack/build/). */
const BUILDER_KEYS = [
  'image',
  'command',
  'entrypoint',
  'environment',
  'ports',
  'expose',
  'volumes',
  'tmpfs',
  'networks',
  'depends_on',
  'healthcheck',
  'restart',
  'user',
  'working_dir',
  'init',
  'read_only',
  'cap_add',
  'cap_drop',
  'security_opt',
  'privileged',
  'network_mode',
  'secrets',
  'configs',
  'devices',
  'pid',
  'ipc',
  'hostname',
  'domainname',
  'pids_limit',
  'stop_signal',
  'stop_grace_period',
];

/** The reference prints a `$` of a value as `$$`; the model carries the value itself. */
function unescape(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$\$/g, '$');
  if (Array.isArray(value)) return value.map(unescape);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescape(v)]));
  }
  return value;
}
const CORPUS = path.resolve(import.meta.dirname, 'fixtures/compose-corpus');

interface CheckFile {
  images: Record<string, string>;
  profiles: string[];
  env: Record<string, string>;
}

const entries = (await readdir(CORPUS, { withFileTypes: true }))
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('compose corpus against the reference implementation', () => {
  let compose: string;
  let home: string;
  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'dl-corpus-ref-'));
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('has the reference: DIGESTLINE_COMPOSE names a docker-compose binary', async () => {
    const bin = process.env.DIGESTLINE_COMPOSE;
    // Not a skip: without the reference the corpus is unchecked, and CI must say so.
    expect(bin, 'DIGESTLINE_COMPOSE is unset: run scripts/setup-host and export it').toBeTruthy();
    compose = bin as string;
    const { stdout } = await run(compose, ['version']);
    expect(stdout).toMatch(/Docker Compose version v?2\./);
  });

  it.each(entries)('%s is valid for `docker compose config` with its check.json', async (entry) => {
    expect(compose, 'DIGESTLINE_COMPOSE is unset').toBeTruthy();
    const dir = path.join(CORPUS, entry);
    const check = JSON.parse(await readFile(path.join(dir, 'check.json'), 'utf8')) as CheckFile;
    const args = ['-f', 'compose.yaml', ...check.profiles.flatMap((p) => ['--profile', p])];
    // Only what a job would give: no variable of this machine's shell leaks into the check.
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, ...check.env };
    const quiet = await run(compose, [...args, 'config', '--quiet'], { cwd: dir, env }).catch(
      (err: { code?: number; stderr?: string }) => {
        throw new Error(
          `${entry}: docker compose config exited ${err.code}: ${err.stderr?.trim().slice(-600)}`,
        );
      },
    );
    expect(quiet.stdout).toBe('');
    const { stdout } = await run(compose, [...args, 'config', '--format', 'json'], {
      cwd: dir,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    const model = JSON.parse(stdout) as ComposeModel;
    for (const service of Object.keys(check.images)) {
      expect(Object.keys(model.services), `${entry}: injected service ${service}`).toContain(service);
    }
    // Our normaliser reads the same file the same way: every key the stack builder reads, per service.
    const file = path.join(dir, 'compose.yaml');
    const ours = normaliseCompose({
      file,
      text: await readFile(file, 'utf8'),
      env,
      profiles: check.profiles,
    });
    expect(
      ours.problems.filter((p) => p.severity === 'error'),
      entry,
    ).toEqual([]);
    expect(Object.keys(ours.model?.services ?? {}).sort(), `${entry}: services`).toEqual(
      Object.keys(model.services).sort(),
    );
    for (const [name, service] of Object.entries(model.services)) {
      for (const key of BUILDER_KEYS) {
        const expected = unescape(service[key]);
        expect(ours.model?.services[name]?.[key], `${entry}: services.${name}.${key}`).toEqual(expected);
      }
    }
  });
});
