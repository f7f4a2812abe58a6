/**
 * The signing key is out of reach of the user's code, host mode and container mode: the BUNDLED
 * fast-check and integration-test actions (`node actions/<name>/dist/index.js`, the key in
 * `INPUT_SIGNING-KEY` of their environment as a runner gives it) run a probe as the user's check or
 * test command, and the E2E runner container is started the way e2e-run starts it. The probe looks
 * at its own env, every /proc/<pid>/environ it can read (its parent and every ancestor included) and
 * the files it can reach (workspace, RUNNER_TEMP, /tmp, HOME), for the base64 lines of a freshly
 * generated private key. It must also find a planted marker and read at least one environ, so a
 * probe that silently did nothing fails the test; and the control tests show it finds the key when
 * it is within reach (same uid as a process holding it).
 *
 * Build the bundles first: `node scripts/build-actions.mjs fast-check integration-test`.
 * Needs `eval "$(scripts/setup-host)"` (DIGESTLINE_REGISTRY, DIGESTLINE_BASE_IMAGE) and root (CI).
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementOf } from '@digestline/core/evidence/dsse';
import { Podman } from '@digestline/core/engine/podman';
import { e2eContainerOptions } from '@digestline/core/lanes/e2e-runner';
import { parseFileCommands } from './support/file-commands.js';
import { podman, requireRegistry, uniquePrefix } from './support/registry.js';

const ROOT = resolve(import.meta.dirname, '..');
const bundle = (name: string): string => join(ROOT, 'actions', name, 'dist/index.js');
const SHA = randomBytes(20).toString('hex');
const PLANTED = `planted-${randomBytes(8).toString('hex')}`;

/** The probe (POSIX sh, coreutils, grep, find, xargs: any Debian-based image has them). */
const PROBE = String.raw`#!/bin/sh
# $1: the patterns, rot13-encoded and space separated (neither this file nor the command line holds
# them); $2: a marker planted in a file of the workspace.
pats=$(printf '%s' "$1" | tr 'A-Za-z' 'N-ZA-Mn-za-m')
planted=$2
set --
for p in $pats; do set -- "$@" -e "$p"; done
found=''
n_env=$(env | wc -l)
env | grep -qF "$@" && found="$found env"
planted_env=0
[ -n "${'${DL_PROBE_PLANTED:-}'}" ] && planted_env=1
seen=0; read_ok=0
for f in /proc/[0-9]*/environ; do
  seen=$((seen + 1))
  if cat "$f" >/dev/null 2>&1; then
    read_ok=$((read_ok + 1))
    if cat "$f" 2>/dev/null | tr '\0' '\n' | grep -qF "$@"; then found="$found $f"; fi
  fi
done
anc=''
pid=$PPID
while [ -n "$pid" ] && [ "$pid" != 0 ]; do
  if cat "/proc/$pid/environ" >/dev/null 2>&1; then anc="$anc$pid:1,"; else anc="$anc$pid:0,"; fi
  pid=$(sed -n 's/^PPid:[[:space:]]*//p' "/proc/$pid/status" 2>/dev/null)
done
files=0; planted_file=0
for d in "$PWD" "${'${RUNNER_TEMP:-}'}" /tmp "${'${HOME:-}'}"; do
  [ -n "$d" ] && [ -d "$d" ] || continue
  list=$(find "$d" -xdev -maxdepth 5 -type f -size -1024k 2>/dev/null | head -n 4000)
  [ -n "$list" ] || continue
  files=$((files + $(printf '%s\n' "$list" | wc -l)))
  hits=$(printf '%s\n' "$list" | tr '\n' '\0' | xargs -0 -r grep -lsF "$@" -- 2>/dev/null)
  [ -n "$hits" ] && found="$found $(echo $hits)"
  printf '%s\n' "$list" | tr '\n' '\0' | xargs -0 -r grep -lsF -e "$planted" -- >/dev/null 2>&1 && planted_file=1
done
key=0; [ -n "$found" ] && key=1
echo "PROBE uid=$(id -u) env=$n_env planted_env=$planted_env environ_seen=$seen environ_read=$read_ok ancestors=$anc files=$files planted_file=$planted_file key=$key found=${'${found# }'}"
`;

interface Probe {
  uid: number;
  env: number;
  plantedEnv: boolean;
  environRead: number;
  /** Ancestors from the parent up: pid and whether its environ was readable. */
  ancestors: Array<{ pid: number; readable: boolean }>;
  files: number;
  plantedFile: boolean;
  key: boolean;
  found: string;
}

function parseProbe(output: string): Probe {
  const line = output.split('\n').find((l) => l.startsWith('PROBE '));
  if (line === undefined) throw new Error(`no PROBE line in the output:\n${output.slice(-3000)}`);
  const f: Record<string, string> = {};
  for (const m of line.matchAll(/(\w+)=(\S*)/g)) f[m[1]!] = m[2]!;
  return {
    uid: Number(f.uid),
    env: Number(f.env),
    plantedEnv: f.planted_env === '1',
    environRead: Number(f.environ_read),
    ancestors: (f.ancestors ?? '')
      .split(',')
      .filter(Boolean)
      .map((a) => ({ pid: Number(a.split(':')[0]), readable: a.endsWith(':1') })),
    files: Number(f.files),
    plantedFile: f.planted_file === '1',
    key: f.key === '1',
    found: line.slice(line.indexOf('found=') + 'found='.length),
  };
}

/** A fresh P-256 key: its PEM and the probe's argument (its body lines and whole body, rot13). */
function freshKey(): { pem: string; probeArg: string } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = String(privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const body = pem.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));
  const rot13 = (s: string): string =>
    s.replace(/[A-Za-z]/g, (c) => {
      const base = c <= 'Z' ? 65 : 97;
      return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
    });
  return { pem, probeArg: [...body, body.join('')].map(rot13).join(' ') };
}

/** The probe must have looked: its planted file, at least one environ and some files. */
function expectProbeLooked(p: Probe): void {
  expect(p.plantedFile, 'the probe found the planted file').toBe(true);
  expect(p.environRead, 'environ files read').toBeGreaterThanOrEqual(1);
  expect(p.files, 'files looked at').toBeGreaterThan(1);
  expect(p.env, 'own env variables').toBeGreaterThan(0);
}

let work = '';
let workspace = '';
let image = '';
let imageRepo = '';
let registry = '';
const prefix = uniquePrefix();

async function runBundle(
  name: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; stdout: string; outputs: Record<string, string> }> {
  const dir = await mkdtemp(join(work, 'step-'));
  await chmod(dir, 0o755);
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  };
  for (const f of Object.values(files)) await writeFile(f, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...files,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: workspace,
    GITHUB_SHA: SHA,
    GITHUB_RUN_ID: '1',
    GITHUB_SERVER_URL: 'http://127.0.0.1:3000',
    GITHUB_REPOSITORY: 'org/app',
    DL_PROBE_PLANTED: PLANTED,
    ...extraEnv,
  };
  for (const [n, v] of Object.entries(inputs)) env[`INPUT_${n.toUpperCase()}`] = v;
  const run = async (e: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> => {
    const child = spawn(process.execPath, [bundle(name)], {
      env: e,
      cwd: workspace,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    const code = await new Promise<number>((res) => child.on('close', (c) => res(c ?? -1)));
    return { code, stdout };
  };
  const main = await run(env);
  const outputs = parseFileCommands(await readFile(files.GITHUB_OUTPUT, 'utf8'));
  const state = parseFileCommands(await readFile(files.GITHUB_STATE, 'utf8'));
  if (Object.keys(state).length > 0) {
    // integration-test's post step tears the stack down.
    const postEnv: NodeJS.ProcessEnv = { ...env };
    for (const [n, v] of Object.entries(state)) postEnv[`STATE_${n}`] = v;
    await run(postEnv);
  }
  return { ...main, outputs };
}

const probeCommand = (arg: string): string => `sh ./probe.sh '${arg}' ${PLANTED}`;

beforeAll(async () => {
  if (process.getuid?.() !== 0) throw new Error('key-isolation tests run as root (as CI does)');
  for (const name of ['fast-check', 'integration-test']) {
    if (!existsSync(bundle(name)))
      throw new Error(`${bundle(name)} is missing: run node scripts/build-actions.mjs ${name}`);
  }
  registry = requireRegistry();
  const base = process.env.DIGESTLINE_BASE_IMAGE;
  if (base === undefined || base === '')
    throw new Error('DIGESTLINE_BASE_IMAGE is not set: run scripts/setup-host');
  // The base image under this file's own repository: the evidence the lanes store next to it stays ours.
  imageRepo = `${prefix}/probe`;
  const tagged = `${registry}/${imageRepo}:t`;
  await podman(['tag', base, tagged]);
  const digestFile = join(tmpdir(), `${prefix}-digest`);
  await podman(['push', '--quiet', '--tls-verify=false', '--digestfile', digestFile, tagged]);
  image = `${registry}/${imageRepo}@${(await readFile(digestFile, 'utf8')).trim()}`;
  await rm(digestFile, { force: true });

  work = await mkdtemp(join(tmpdir(), 'dl-key-isolation-'));
  await chmod(work, 0o755);
  workspace = join(work, 'ws');
  await mkdir(workspace, { mode: 0o755 });
  await writeFile(join(workspace, 'probe.sh'), PROBE, { mode: 0o755 });
  await writeFile(join(workspace, 'planted.txt'), `${PLANTED}\n`, { mode: 0o644 });
  await writeFile(
    join(workspace, 'stack.yaml'),
    'services:\n  app:\n    image: ${APP_IMAGE}\n    command: ["sleep", "300"]\n',
    { mode: 0o644 },
  );
}, 120_000);

afterAll(async () => {
  if (work !== '') await rm(work, { recursive: true, force: true });
  if (registry !== '') await podman(['rmi', '--force', `${registry}/${imageRepo}:t`]).catch(() => undefined);
});

describe('the probe catches a key within reach (controls)', () => {
  it('finds the key in the environ of a parent of the same uid, whatever the env it was given', async () => {
    const key = freshKey();
    // As fast-check did: the key in the parent's environment, the child's env scrubbed of INPUT_*.
    const holder = `const { spawn } = require('node:child_process');
      const c = spawn('sh', ['./probe.sh', process.argv[1], process.argv[2]], { env: { PATH: process.env.PATH }, stdio: 'inherit' });
      c.on('exit', (code) => process.exit(code ?? 1));`;
    const child = spawn(process.execPath, ['-e', holder, key.probeArg, PLANTED], {
      cwd: workspace,
      env: { PATH: process.env.PATH, 'INPUT_SIGNING-KEY': key.pem },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise((res) => child.on('close', res));
    const probe = parseProbe(out);
    expectProbeLooked(probe);
    expect(probe.key).toBe(true);
    expect(probe.found).toContain(`/proc/${child.pid}/environ`);
  });

  it('fast-check with unsafe-host-commands-with-key: the checks can read it, and the evidence says so', async () => {
    const key = freshKey();
    const r = await runBundle('fast-check', {
      checks: `probe: ${probeCommand(key.probeArg)}`,
      'signing-key': key.pem,
      'unsafe-host-commands-with-key': 'true',
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/::warning::UNSAFE: checks run on the runner as this step's uid/);
    const probe = parseProbe(r.stdout);
    expectProbeLooked(probe);
    expect(probe.uid).toBe(0);
    expect(probe.key).toBe(true);
    const statement = statementOf(JSON.parse(await readFile(r.outputs.evidence!, 'utf8')));
    expect(statement.predicate.checks).toContainEqual(
      expect.objectContaining({
        name: 'signing key isolation',
        result: 'SKIPPED',
        detail: expect.stringMatching(/^NOT ISOLATED/),
      }),
    );
  });
});

describe('fast-check', () => {
  it('on the runner: the checks run as nobody and cannot read the key', async () => {
    const key = freshKey();
    const r = await runBundle('fast-check', {
      checks: `probe: ${probeCommand(key.probeArg)}`,
      'signing-key': key.pem,
    });
    expect(r.code, r.stdout).toBe(0);
    const probe = parseProbe(r.stdout);
    expectProbeLooked(probe);
    expect(probe.plantedEnv).toBe(true);
    expect(probe.uid).toBe(65534);
    // Its own shell's environ is readable; the action's (root) is not.
    expect(probe.ancestors[0]?.readable).toBe(true);
    expect(probe.ancestors.slice(1).some((a) => a.readable)).toBe(false);
    expect(probe.key, probe.found).toBe(false);
    expect(r.stdout).toContain('checks run on the runner as uid 65534:65534');
    const statement = statementOf(JSON.parse(await readFile(r.outputs.evidence!, 'utf8')));
    expect(statement.predicate.checks).toContainEqual(
      expect.objectContaining({ name: 'signing key isolation', result: 'PASSED' }),
    );
  });

  it('in the image: each check container cannot read the key', async () => {
    const key = freshKey();
    const r = await runBundle('fast-check', {
      checks: `probe: ${probeCommand(key.probeArg)}`,
      'signing-key': key.pem,
      image,
      env: 'DL_PROBE_PLANTED',
    });
    expect(r.code, r.stdout).toBe(0);
    const probe = parseProbe(r.stdout);
    expectProbeLooked(probe);
    expect(probe.plantedEnv).toBe(true);
    expect(probe.key, probe.found).toBe(false);
  });
});

describe('integration-test', () => {
  const inputs = (key: { pem: string; probeArg: string }): Record<string, string> => ({
    stack: 'stack.yaml',
    images: `app=${image}`,
    'test-command': probeCommand(key.probeArg),
    'signing-key': key.pem,
  });

  it('on the runner: the test command runs as nobody and cannot read the key', async () => {
    const key = freshKey();
    const r = await runBundle('integration-test', inputs(key));
    expect(r.code, r.stdout).toBe(0);
    const probe = parseProbe(r.stdout);
    expectProbeLooked(probe);
    expect(probe.plantedEnv).toBe(true);
    expect(probe.uid).toBe(65534);
    expect(probe.ancestors.slice(1).some((a) => a.readable)).toBe(false);
    expect(probe.key, probe.found).toBe(false);
  });

  it('in test-image on the stack network: the test container cannot read the key', async () => {
    const key = freshKey();
    const r = await runBundle('integration-test', { ...inputs(key), 'test-image': image });
    expect(r.code, r.stdout).toBe(0);
    const probe = parseProbe(r.stdout);
    expectProbeLooked(probe);
    expect(probe.key, probe.found).toBe(false);
  });
});

describe('e2e-run', () => {
  it('the runner-image container, started as e2e-run starts it, cannot read the key', async () => {
    const key = freshKey();
    const network = `${prefix}-e2e-net`;
    await podman(['network', 'create', network]);
    const reportDir = await mkdtemp(join(work, 'report-'));
    // A process of this machine holding the key, as the e2e-run action does.
    const holder = spawn('sleep', ['120'], { env: { 'INPUT_SIGNING-KEY': key.pem }, stdio: 'ignore' });
    try {
      const options = e2eContainerOptions({
        project: `${prefix}-e2e`,
        network,
        image,
        testsCopy: workspace,
        reportDir,
        baseUrl: 'http://app:8080',
        serviceEnv: { APP_URL: 'http://app:8080', DL_PROBE_PLANTED: PLANTED },
        retries: 0,
        user: { uid: 0, gid: 0 },
      });
      // The engine CLI runs with the key in its environment, as the action's does.
      const engine = new Podman();
      const saved = process.env['INPUT_SIGNING-KEY'];
      process.env['INPUT_SIGNING-KEY'] = key.pem;
      let out;
      try {
        out = await engine.runToCompletion({
          ...options,
          command: ['sh', './probe.sh', key.probeArg, PLANTED],
        });
      } finally {
        if (saved === undefined) delete process.env['INPUT_SIGNING-KEY'];
        else process.env['INPUT_SIGNING-KEY'] = saved;
      }
      const probe = parseProbe(`${out.stdout}${out.stderr}`);
      expectProbeLooked(probe);
      expect(probe.plantedEnv).toBe(true);
      expect(probe.key, probe.found).toBe(false);
    } finally {
      holder.kill('SIGKILL');
      await podman(['network', 'rm', '--force', network]).catch(() => undefined);
    }
  });
});
