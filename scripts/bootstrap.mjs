#!/usr/bin/env node
// First step of `npm test` and `npm run pipeline` on a fresh clone: make sure pnpm 10 is there and the
// workspace's dependencies are installed exactly as locked. Fast when nothing is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (bin, args) => {
  const res = spawnSync(bin, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) {
    console.error(`bootstrap: \`${bin} ${args.join(' ')}\` failed (exit ${res.status ?? res.signal})`);
    process.exit(1);
  }
};

const pnpmVersion = () => {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

if (!pnpmVersion().startsWith('10.')) {
  // corepack's signing keys are out of date on these machines; a global npm install works.
  console.error('bootstrap: installing pnpm 10 with npm');
  run('npm', ['install', '--global', '--no-fund', '--no-audit', 'pnpm@10']);
}

// pnpm writes node_modules/.modules.yaml last; when it is newer than the lockfile the install is current.
const marker = path.join(root, 'node_modules', '.modules.yaml');
const lock = path.join(root, 'pnpm-lock.yaml');
const current = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
if (!current || readFileSync(marker, 'utf8').length === 0) {
  run('pnpm', ['install', '--frozen-lockfile', '--reporter=append-only']);
}
