/**
 * Keeping the signing key from user code on the runner: the env it gets, who it runs as, and the
 * refusal when neither a container nor another uid can keep the key from it. Real processes and
 * directories; these run as root, as CI does.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, stat, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HostLauncher } from '../src/checks/host.js';
import { planChecks, runSourceLane } from '../src/checks/lane.js';
import { runChecks } from '../src/checks/run.js';
import { InputError } from '../src/errors.js';
import { Exec } from '../src/exec.js';
import { runOnRunner } from '../src/lanes/command-tester.js';
import { runIntegrationTest } from '../src/lanes/integration.js';
import { parseReference, pinImage } from '../src/reference.js';
import { parseStack } from './support/stack.js';
import {
  decideHostIsolation,
  keyIsolationCheck,
  keyMaterial,
  prepareHostUser,
  unreachableBy,
  UNPRIVILEGED_USER,
  userEnvironment,
  writableBy,
} from '../src/user-code.js';
import { FakeEngine } from './support/fake-engine.js';

const INPUTS = { key: 'signing-key', container: 'image', unsafe: 'unsafe-host-commands-with-key' };
const PEM = String(
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
);
const BODY = PEM.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));

let root = '';
beforeAll(async () => {
  if (process.getuid?.() !== 0) throw new Error('user-code tests run as root, as CI does (they switch uids)');
  root = await mkdtemp(join(tmpdir(), 'dl-user-code-'));
  await chmod(root, 0o755);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('userEnvironment', () => {
  it('drops INPUT_*, ACTIONS_* (any case) and any variable holding key material; keeps the rest', () => {
    const env = userEnvironment(
      {
        PATH: '/usr/bin',
        KEEP: 'yes',
        'INPUT_SIGNING-KEY': PEM,
        input_checks: 'x',
        ACTIONS_RUNTIME_TOKEN: 't',
        Actions_Cache_Url: 'u',
        COPY_OF_KEY: `prefix ${PEM}`,
        ONE_LINE: BODY[1]!,
        UNSET: undefined,
      },
      [PEM],
    );
    expect(env).toEqual({ PATH: '/usr/bin', KEEP: 'yes' });
  });

  it('key material is the PEM and every base64 line of its body, not the BEGIN/END lines', () => {
    const material = keyMaterial(PEM);
    expect(material).toContain(PEM.trim());
    for (const line of BODY) expect(material).toContain(line);
    expect(material.some((m) => m.startsWith('-----BEGIN'))).toBe(material[0] === PEM.trim());
    expect(material.filter((m) => m.includes('PRIVATE KEY-----') && m !== PEM.trim())).toEqual([]);
  });
});

describe('decideHostIsolation', () => {
  it.each([
    [false, false, 1000, { mode: 'no-key' }],
    [false, false, 0, { mode: 'no-key' }],
    [true, false, 0, { mode: 'dropped', user: { uid: 65534, gid: 65534 } }],
    [true, true, 0, { mode: 'unsafe', uid: 0 }],
    [true, true, 1000, { mode: 'unsafe', uid: 1000 }],
  ])('signed %s, unsafe %s, uid %s', (signed, unsafe, uid, expected) => {
    expect(decideHostIsolation({ signed, unsafe, uid, inputs: INPUTS })).toEqual(expected);
  });

  it.each([[1000], [undefined]])(
    'with a key and uid %s it refuses, naming the key, the container input and the unsafe input',
    (uid) => {
      let err: unknown;
      try {
        decideHostIsolation({ signed: true, unsafe: false, uid, inputs: INPUTS });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).input).toBe('signing-key');
      expect((err as Error).message).toMatch(/input "signing-key" is set/);
      expect((err as Error).message).toMatch(/input "image"/);
      expect((err as Error).message).toMatch(/"unsafe-host-commands-with-key: true"/);
      expect((err as Error).message).toMatch(/\/proc\/<pid>\/environ/);
    },
  );
});

describe('keyIsolationCheck', () => {
  it('records the dropped uid as PASSED, the accepted risk as SKIPPED NOT ISOLATED, nothing without a key', () => {
    expect(keyIsolationCheck({ mode: 'dropped', user: UNPRIVILEGED_USER }, 'u')).toMatchObject({
      name: 'signing key isolation',
      result: 'PASSED',
      detail: expect.stringContaining('65534:65534'),
    });
    expect(keyIsolationCheck({ mode: 'unsafe', uid: 0 }, 'u')).toMatchObject({
      result: 'SKIPPED',
      detail: expect.stringMatching(/^NOT ISOLATED \(u: true\)/),
    });
    expect(keyIsolationCheck({ mode: 'no-key' }, 'u')).toBeUndefined();
  });
});

describe('prepareHostUser', () => {
  it('refuses a working directory the uid cannot enter, naming the blocking directory and the ways out', async () => {
    const closed = join(root, 'closed');
    await mkdir(join(closed, 'ws'), { recursive: true, mode: 0o700 });
    await chmod(closed, 0o700);
    expect(await unreachableBy(join(closed, 'ws'), UNPRIVILEGED_USER)).toBe(closed);
    await expect(
      prepareHostUser(
        UNPRIVILEGED_USER,
        { workspace: join(closed, 'ws'), cwds: [join(closed, 'ws')] },
        INPUTS,
      ),
    ).rejects.toThrow(new RegExp(`cannot enter ${closed} on the way to .*input "image".*chmod o\\+x`));
  });

  it('warns about a workspace it cannot write, and makes a fresh HOME owned by the uid', async () => {
    const ws = join(root, 'ro-ws');
    await mkdir(ws, { mode: 0o755 });
    expect(await writableBy(ws, UNPRIVILEGED_USER)).toBe(false);
    const prepared = await prepareHostUser(UNPRIVILEGED_USER, { workspace: ws, cwds: [ws] }, INPUTS);
    try {
      expect(prepared.warnings).toHaveLength(1);
      expect(prepared.warnings[0]).toMatch(/not writable by uid 65534:65534\b.*EACCES.*input "image"/);
      const home = await stat(prepared.home);
      expect([home.uid, home.gid]).toEqual([65534, 65534]);
    } finally {
      await prepared.cleanup();
    }
    await expect(stat(prepared.home)).rejects.toThrow(/ENOENT/);
  });
});

describe('user code on the runner as another uid', () => {
  it('HostLauncher runs a check as the given uid:gid, without supplementary groups, unable to read our environ', async () => {
    const [outcome] = await runChecks(
      [
        {
          name: 'who',
          run: `id -u; id -g; id -G; cat /proc/${process.pid}/environ >/dev/null 2>&1 && echo READ || echo DENIED`,
          cwd: root,
          timeoutMs: 10_000,
        },
      ],
      {
        launcher: new HostLauncher({ PATH: process.env.PATH ?? '' }, 500, UNPRIVILEGED_USER),
        concurrency: 1,
        failFast: false,
      },
    );
    expect(outcome!.output.trim().split('\n')).toEqual(['65534', '65534', '65534', 'DENIED']);
  });

  it('runOnRunner gives the test command only the env it is handed, HOME set, as the dropped uid', async () => {
    const prepared = await prepareHostUser(UNPRIVILEGED_USER, { workspace: root, cwds: [root] }, INPUTS);
    try {
      const r = await runOnRunner(
        {
          command: 'id -u; echo "home=$HOME"; env | grep -c -E "^(INPUT|ACTIONS)_" || true',
          workspace: root,
        },
        userEnvironment({ PATH: process.env.PATH, 'INPUT_SIGNING-KEY': PEM, ACTIONS_X: 'y', WEB_URL: 'u' }, [
          PEM,
        ]),
        prepared,
      );
      expect(r.exitCode).toBe(0);
      expect(r.output.trim().split('\n')).toEqual(['65534', `home=${prepared.home}`, '0']);
    } finally {
      await prepared.cleanup();
    }
  });

  it('runOnRunner kills a command past its time limit and says so', async () => {
    const r = await runOnRunner(
      { command: 'sleep 30', workspace: root, timeoutMs: 300 },
      { PATH: process.env.PATH ?? '' },
      undefined,
    );
    expect(r.exitCode).toBeNull();
    expect(r.error).toMatch(/did not finish within 300ms and was killed/);
  });
});

describe('the lanes refuse a key within reach before anything runs', () => {
  it('fast-check on the runner, not root, with a key: InputError before git or any check runs', async () => {
    const exec = new Exec();
    const spy = vi.spyOn(exec, 'exec');
    const plan = planChecks([{ name: 'touch', run: `touch ${join(root, 'ran')}` }], {
      workspace: root,
      workingDirectory: '.',
      timeoutMs: 10_000,
      inContainer: false,
      checksInput: 'checks',
    });
    await expect(
      runSourceLane(
        { plan, concurrency: 1, failFast: false, envNames: [], tempDir: root, signingKey: PEM },
        { exec, env: { GITHUB_SHA: 'a'.repeat(40) }, uid: 1000 },
      ),
    ).rejects.toThrow(/input "signing-key" is set.*input "image".*unsafe-host-commands-with-key/s);
    expect(spy).not.toHaveBeenCalled();
    await expect(readFile(join(root, 'ran'))).rejects.toThrow(/ENOENT/);
  });

  it('integration-test on the runner, not root, with a key: InputError before the project or any container', async () => {
    const engine = new FakeEngine();
    const image = `127.0.0.1:5000/app/api@sha256:${'1'.repeat(64)}`;
    const images = [pinImage('api', parseReference(image))];
    const onProject = vi.fn();
    await expect(
      runIntegrationTest(
        {
          spec: parseStack('services:\n  api:\n    image: ${API_IMAGE}\n', 'stack.yaml', images),
          images,
          testCommand: 'true',
          workspace: root,
          readinessTimeoutMs: 1_000,
          keepOnFailure: false,
          signingKey: PEM,
          tempDir: root,
        },
        { engine, onProject, env: { GITHUB_SHA: 'a'.repeat(40) }, uid: 1000 },
      ),
    ).rejects.toThrow(/input "signing-key" is set.*input "test-image"/s);
    expect(onProject).not.toHaveBeenCalled();
    expect(engine.calls).toEqual([]);
  });
});
