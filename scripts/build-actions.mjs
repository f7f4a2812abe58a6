#!/usr/bin/env node
// Bundles every action with ncc into its committed dist/. With --check, fails when the committed
// bundles differ from a fresh build (git status --porcelain also catches new untracked files).
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');
const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

const actions = (await readdir(path.join(root, 'actions'), { withFileTypes: true }))
  .filter((d) => d.isDirectory() && (only.length === 0 || only.includes(d.name)))
  .map((d) => d.name)
  .sort();

for (const name of actions) {
  const dir = path.join(root, 'actions', name);
  const started = performance.now();
  const { code, assets } = await ncc(path.join(dir, 'src', 'main.ts'), {
    quiet: true,
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    // Keeps absolute paths of this checkout out of the bundle, so CI's clone builds the same bytes.
    cache: false,
  });
  const dist = path.join(dir, 'dist');
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await writeFile(path.join(dist, 'index.js'), code);
  for (const [file, asset] of Object.entries(assets)) {
    await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
    await writeFile(path.join(dist, file), asset.source);
  }
  const kb = Math.round(Buffer.byteLength(code) / 1024);
  console.error(
    `built actions/${name}/dist (${kb} KiB entry, ${Math.round(performance.now() - started)} ms)`,
  );
}

if (check) {
  const status = execFileSync('git', ['status', '--porcelain', '--', 'actions/*/dist'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (status.trim() !== '') {
    console.error(`check-dist: the committed bundles differ from a fresh build:\n${status}`);
    console.error('Run `pnpm run build` and commit actions/*/dist.');
    process.exit(1);
  }
  console.error('check-dist: bundles match the sources');
}
