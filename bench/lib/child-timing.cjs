// Preloaded with NODE_OPTIONS="--require <this file>" while the bench runs actions: in a bundled
// action process (argv[1] = .../actions/<name>/dist/index.js) and only when
// DIGESTLINE_BENCH_TIMING_DIR is set, it records when each child process (engine, test command,
// git...) ran, and at exit writes {action, wall, children} to that directory. The action's own time
// is then its wall time minus the union of its children's intervals. Any other node process
// (vitest, the runner, test commands written in node) is left untouched.
'use strict';
/* global require, process */
/* eslint-disable @typescript-eslint/no-require-imports -- a --require preload is CommonJS */
const dir = process.env.DIGESTLINE_BENCH_TIMING_DIR;
const match = /[\\/]actions[\\/]([^\\/]+)[\\/]dist[\\/]index\.js$/.exec(process.argv[1] || '');
if (dir && match) {
  const cp = require('node:child_process');
  const fs = require('node:fs');
  const path = require('node:path');
  const { performance } = require('node:perf_hooks');
  const children = [];
  const record = (bin, args) => {
    const entry = {
      bin: path.basename(String(bin)),
      arg: Array.isArray(args) ? String(args[0] ?? '') : '',
      start: performance.now(),
      end: undefined,
    };
    children.push(entry);
    return entry;
  };
  const wrapAsync = (name) => {
    const original = cp[name];
    cp[name] = function (...args) {
      const child = original.apply(this, args);
      const entry = record(name === 'exec' ? 'sh' : args[0], name === 'exec' ? [args[0]] : args[1]);
      child.once('exit', () => (entry.end = performance.now()));
      child.once('error', () => (entry.end ??= performance.now()));
      return child;
    };
  };
  const wrapSync = (name) => {
    const original = cp[name];
    cp[name] = function (...args) {
      const entry = record(name === 'execSync' ? 'sh' : args[0], name === 'execSync' ? [args[0]] : args[1]);
      try {
        return original.apply(this, args);
      } finally {
        entry.end = performance.now();
      }
    };
  };
  ['spawn', 'execFile', 'exec'].forEach(wrapAsync);
  ['spawnSync', 'execFileSync', 'execSync'].forEach(wrapSync);
  require('node:module').syncBuiltinESMExports();
  process.once('exit', () => {
    const end = performance.now();
    const file = path.join(dir, `${match[1]}-${process.pid}-${Date.now()}.json`);
    const post = Object.keys(process.env).some((k) => k.toUpperCase() === 'STATE_ISPOST');
    try {
      fs.writeFileSync(
        file,
        JSON.stringify({
          action: match[1],
          post,
          pid: process.pid,
          timeOrigin: performance.timeOrigin,
          wallMs: end,
          children: children.map((c) => ({ ...c, end: c.end ?? end })),
        }),
      );
    } catch {
      // The bench reports a missing file; the action's own exit must not change.
    }
  });
}
