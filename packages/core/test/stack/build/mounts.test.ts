/** Bind mounts, secrets and configs against real directories: the workspace rules after symlinks, modes, sources. */
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildStack, type BuildStackOptions } from '../../../src/stack/build/build.js';
import type { ComposeModel, ComposeService, ComposeVolumeMount } from '../../../src/stack/compose/model.js';
import { rmSync } from 'node:fs';
import { DIGEST, normalised } from './support.js';

const root = realpathSync(mkdtempSync(join(tmpdir(), 'dl-mounts-')));
const ws = join(root, 'ws');
mkdirSync(join(ws, 'conf'), { recursive: true });
writeFileSync(join(ws, 'conf', 'app.ini'), 'x=1\n');
mkdirSync(join(ws, 'repo', '.git'), { recursive: true });
mkdirSync(join(root, 'ws2'));
writeFileSync(join(root, 'ws2', 'other.ini'), 'y\n');
writeFileSync(join(root, 'outside.txt'), 'secret file\n');
symlinkSync(join(root, 'outside.txt'), join(ws, 'link.txt'));
symlinkSync('/var/run/docker.sock', join(ws, 'engine'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const OPTS: BuildStackOptions = { images: [], mode: 'validation', workspace: ws };

function one(
  service: Partial<ComposeService>,
  opts: Partial<BuildStackOptions> = {},
  model: Partial<ComposeModel> = {},
) {
  return buildStack(
    normalised({
      name: 'app',
      services: { web: { image: `registry.example/web@${DIGEST}`, ...service } },
      ...model,
    }),
    { ...OPTS, ...opts },
  );
}

function bind(source: string, extra: Partial<ComposeVolumeMount> = {}): Partial<ComposeService> {
  return { volumes: [{ type: 'bind', source, target: '/x', bind: { create_host_path: true }, ...extra }] };
}

const messages = (r: ReturnType<typeof one>) => r.problems.map((p) => `${p.severity}: ${p.message}`);

describe('bind mounts', () => {
  test('inside the workspace: mounted, read-only during validation with a warning saying how to make it writable', () => {
    const r = one(bind(join(ws, 'conf')));
    expect(r.spec?.services[0]?.volumes).toEqual([{ bind: join(ws, 'conf'), target: '/x', readonly: true }]);
    expect(messages(r)).toEqual([
      'warning: mounted read-only during validation; set writable-bind-mounts: true if the service writes there',
    ]);
  });

  test('writable-bind-mounts keeps it writable; read_only: true stays read-only without a warning', () => {
    const writable = one(bind(join(ws, 'conf')), { allow: { writableBinds: true } });
    expect(writable.spec?.services[0]?.volumes[0]?.readonly).toBe(false);
    // The spec carries what was allowed (logged at start, recorded in evidence), and only then.
    expect(writable.spec?.allow).toEqual({ writableBinds: true });
    expect(one(bind(join(ws, 'conf')), { allow: { hostPaths: false } }).spec?.allow).toBeUndefined();
    expect(writable.problems).toEqual([]);
    const ro = one(bind(join(ws, 'conf'), { read_only: true }));
    expect(ro.spec?.services[0]?.volumes[0]?.readonly).toBe(true);
    expect(ro.problems).toEqual([]);
  });

  test('deploy mode mounts as written', () => {
    const r = one(bind(join(ws, 'conf', 'app.ini')), { mode: 'deploy' });
    expect(r.spec?.services[0]?.volumes).toEqual([
      { bind: join(ws, 'conf', 'app.ini'), target: '/x', readonly: false },
    ]);
    expect(r.problems).toEqual([]);
  });

  test.each([
    ['a host path', '/etc'],
    ['a sibling directory whose name starts with the workspace', join(root, 'ws2', 'other.ini')],
    ['a symlink in the workspace to a file outside it', join(ws, 'link.txt')],
    ['the parent of the workspace', root],
  ])('outside the workspace (%s): an error naming the path and allow-host-paths', (_what, source) => {
    const r = one(bind(source));
    expect(r.spec).toBeUndefined();
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'services.web.volumes[0]',
        message: expect.stringMatching(
          new RegExp(
            `^bind mount of ${source} is outside the workspace \\(${ws}\\): set the input allow-host-paths: true`,
          ),
        ),
      }),
    ]);
  });

  test('outside the workspace with allow-host-paths: a warning, mounted at its real path', () => {
    const r = one(bind(join(ws, 'link.txt'), { read_only: true }), { allow: { hostPaths: true } });
    expect(r.spec?.services[0]?.volumes).toEqual([
      { bind: join(root, 'outside.txt'), target: '/x', readonly: true },
    ]);
    expect(messages(r)).toEqual([
      `warning: bind mount of ${join(ws, 'link.txt')} is outside the workspace; allowed by allow-host-paths: true`,
    ]);
  });

  test('the engine socket through a symlink in the workspace is refused, also with allow-host-paths', () => {
    const r = one(bind(join(ws, 'engine')), { allow: { hostPaths: true } });
    expect(r.spec).toBeUndefined();
    expect(messages(r).join('\n')).toMatch(
      /engine's socket \(.*\/engine → .*docker\.sock\).*refused, always/,
    );
  });

  test('a missing source inside the workspace is created when Compose would (short syntax), an error otherwise', () => {
    const created = one(bind(join(ws, 'data', 'new')), { mode: 'deploy' });
    expect(created.spec?.services[0]?.volumes).toEqual([
      { bind: join(ws, 'data', 'new'), target: '/x', readonly: false, createHostPath: true },
    ]);
    const long = one(bind(join(ws, 'data', 'new'), { bind: {} }));
    expect(messages(long)).toEqual([
      `error: bind mount source ${join(ws, 'data', 'new')} does not exist; create it in an earlier step or fix the path`,
    ]);
    const outside = one(bind(join(root, 'nothere')), { allow: { hostPaths: true } });
    expect(messages(outside)).toContainEqual(
      expect.stringMatching(/nothere does not exist \(only a path inside the workspace is created\)/),
    );
  });

  test('a directory with .git: a warning about the token in .git/config', () => {
    const r = one(bind(join(ws, 'repo'), { read_only: true }));
    expect(messages(r)).toEqual([
      expect.stringMatching(/contains \.git: a checkout may keep its token in \.git\/config/),
    ]);
    writeFileSync(join(ws, 'repo', '.git', 'config'), '[http]\n');
    const config = one(bind(join(ws, 'repo', '.git', 'config'), { read_only: true }));
    expect(messages(config)).toEqual([
      expect.stringMatching(/is inside \.git: a checkout may keep its token/),
    ]);
  });

  test('selinux and propagation are ignored with a warning each', () => {
    const r = one(
      bind(join(ws, 'conf'), { read_only: true, bind: { selinux: 'z', propagation: 'rshared' } }),
    );
    expect(r.problems.map((p) => `${p.severity} ${p.path}`)).toEqual([
      'warning services.web.volumes[0].bind.propagation',
      'warning services.web.volumes[0].bind.selinux',
    ]);
    expect(r.spec).toBeDefined();
  });
});

describe('secrets and configs', () => {
  const model = (defs: Partial<ComposeModel>) => defs;

  test('file, content and environment sources at the Compose targets, read-only; modes for content files', () => {
    const r = one(
      {
        secrets: [
          { source: 'db', target: '/run/secrets/db' },
          { source: 'token', target: 'api/token', mode: 0o400 },
          { source: 'key', target: '/etc/key' },
        ],
        configs: [{ source: 'site' }, { source: 'ini', target: '/etc/app.ini' }],
      },
      { env: { API_TOKEN: 'tok-123' } },
      model({
        secrets: {
          db: { name: 'app_db', file: join(ws, 'conf', 'app.ini') },
          token: { name: 'app_token', environment: 'API_TOKEN' },
          key: { name: 'app_key', content: 'k3y' },
        },
        configs: {
          site: { name: 'app_site', content: 'server {}' },
          ini: { file: join(ws, 'conf', 'app.ini') },
        },
      }),
    );
    expect(r.problems).toEqual([]);
    expect(r.spec?.services[0]?.volumes).toEqual([
      { bind: join(ws, 'conf', 'app.ini'), target: '/run/secrets/db', readonly: true },
      { content: 'tok-123', target: '/run/secrets/api/token', readonly: true, mode: 0o400, secret: true },
      { content: 'k3y', target: '/etc/key', readonly: true, secret: true },
      { content: 'server {}', target: '/site', readonly: true },
      { bind: join(ws, 'conf', 'app.ini'), target: '/etc/app.ini', readonly: true },
    ]);
  });

  test('uid, gid and mode on a file secret are ignored with a warning, as Compose does', () => {
    const r = one(
      { secrets: [{ source: 'db', target: '/run/secrets/db', uid: '1', gid: '2', mode: 0o400 }] },
      {},
      model({ secrets: { db: { file: join(ws, 'conf', 'app.ini') } } }),
    );
    expect(r.problems.map((p) => `${p.severity} ${p.path}: ${p.message}`)).toEqual(
      ['uid', 'gid', 'mode'].map(
        (k) =>
          `warning services.web.secrets[0].${k}: ignored for file secrets, as Compose does: the file is mounted as it is`,
      ),
    );
  });

  test('every bad definition at once: external, unset variable, missing file, outside the workspace, undeclared', () => {
    const r = one(
      {
        secrets: ['ext', 'env', 'gone', 'host', 'nope'].map((s) => ({
          source: s,
          target: `/run/secrets/${s}`,
        })),
      },
      { env: {} },
      model({
        secrets: {
          ext: { external: true },
          env: { environment: 'NOT_SET' },
          gone: { file: join(ws, 'missing.txt') },
          host: { file: join(root, 'outside.txt') },
        },
      }),
    );
    expect(r.spec).toBeUndefined();
    expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'secrets.ext.external: external secrets need a swarm, which digestline does not run; use file:, content: or environment:',
      "secrets.env.environment: environment variable NOT_SET is not set in the job's environment; set it (env: of the step) or use file:",
      `secrets.gone.file: secret file ${join(ws, 'missing.txt')} does not exist; create it in an earlier step or fix the path`,
      expect.stringMatching(
        /^secrets\.host\.file: secret file .*outside\.txt is outside the workspace .*allow-host-paths: true/,
      ),
      'services.web.secrets[4]: secret "nope" is not declared under the top-level secrets key',
    ]);
  });
});
