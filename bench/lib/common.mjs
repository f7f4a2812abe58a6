// Shared helpers of the bench: host set-up, tools, processes, statistics.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Prints a progress line on stderr (stdout stays for the summary). */
export function log(line) {
  process.stderr.write(`[bench] ${line}\n`);
}

/**
 * Runs `scripts/setup-host` and applies its `export NAME='value'` lines to process.env, as
 * `eval "$(scripts/setup-host)"` would in a shell.
 */
export function applySetupHost() {
  const res = spawnSync(path.join(ROOT, 'scripts/setup-host'), [], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (res.status !== 0) throw new Error(`scripts/setup-host failed (exit ${res.status ?? res.signal})`);
  const applied = {};
  for (const line of res.stdout.split('\n')) {
    const m = /^export ([A-Za-z_][A-Za-z0-9_]*)='((?:[^']|'\\'')*)'$/.exec(line.trim());
    if (m === null) continue;
    const value = m[2].replaceAll(`'\\''`, `'`);
    process.env[m[1]] = value;
    applied[m[1]] = value;
  }
  for (const name of ['DIGESTLINE_REGISTRY', 'DIGESTLINE_BASE_IMAGE']) {
    if (!process.env[name]) throw new Error(`scripts/setup-host did not export ${name}`);
  }
  const host = process.env.DIGESTLINE_REGISTRY.split(':')[0];
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host)) {
    throw new Error(
      `DIGESTLINE_REGISTRY=${process.env.DIGESTLINE_REGISTRY} is not loopback; the bench talks only to loopback`,
    );
  }
  return applied;
}

function hasCommand(bin) {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

/** Installs Debian packages for the tools the bench calls, only when one is missing (idempotent). */
export function ensureTools() {
  const wanted = { hyperfine: 'hyperfine', skopeo: 'skopeo', '/usr/bin/time': 'time' };
  const missing = Object.entries(wanted)
    .filter(([bin]) => (bin.startsWith('/') ? spawnSync('test', ['-x', bin]).status !== 0 : !hasCommand(bin)))
    .map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  log(`installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  };
  run(['update']);
  run(['install', '-y', '--no-install-recommends', ...missing]);
}

/** nproc, memory, CPU model, OS, versions. */
export function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpu)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const version = (bin, args) => {
    try {
      return execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .trim()
        .split('\n')[0];
    } catch {
      return 'unavailable';
    }
  };
  let osName = 'unknown';
  try {
    osName = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? osName;
  } catch {
    // Not fatal: the OS name is informational.
  }
  return {
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel: model,
    os: osName,
    kernel: os.release(),
    node: process.version,
    hyperfine: version('hyperfine', ['--version']),
    skopeo: version('skopeo', ['--version']),
    podman: version('podman', ['--version']),
    registry: version('docker-registry', ['--version']),
  };
}

/**
 * Spawns a process and collects its output. `ms` is wall time from spawn to exit, by
 * `performance.now()`.
 */
export function runProcess(bin, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(bin, args, {
      cwd: opts.cwd ?? ROOT,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    if (opts.tee) {
      child.stdout.on('data', (c) => process.stderr.write(c));
      child.stderr.on('data', (c) => process.stderr.write(c));
    }
    let timer;
    if (opts.timeoutMs !== undefined) {
      timer = setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs);
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Like runProcess, but a non-zero exit is an error carrying the output's tail. */
export async function mustRun(bin, args, opts = {}) {
  const r = await runProcess(bin, args, opts);
  if (r.code !== 0) {
    const tail = `${r.stdout}${r.stderr}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`${bin} ${args.join(' ')} exited ${r.code}:\n${tail}`);
  }
  return r;
}

export function median(values) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function round(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `name<<delimiter` blocks and `name=value` lines of a GITHUB_OUTPUT / GITHUB_STATE file. */
export function parseFileCommands(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (heredoc !== null) {
      const value = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      out[heredoc[1]] = value.join('\n');
      continue;
    }
    const eq = /^([^=]+)=(.*)$/.exec(lines[i]);
    if (eq !== null) out[eq[1]] = eq[2];
  }
  return out;
}
