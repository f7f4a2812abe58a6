#!/usr/bin/env node
// `npm run bench`: side-by-side measurements of what matters (promotion vs skopeo, cold start of
// every bundled action, readiness latency of integration-test, the pipeline), written to
// bench/results.json and bench/RESULTS.md (method notes there).
//
// Options: --only promotion,coldStart,readiness,pipeline,build   run some sections (the others keep
//                                                       their figures from bench/results.json)
//          --runs N                                        runs per promotion size (default 7)
//          --readiness-runs N                              integration-test runs per mode (default 6)
//          --render                                        only re-render RESULTS.md from results.json
import { register } from 'node:module';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ROOT, applySetupHost, ensureTools, log, machine } from './lib/common.mjs';
import { renderResults } from './lib/report.mjs';

register(pathToFileURL(path.join(ROOT, 'bench/lib/ts-hooks.mjs')).href, import.meta.url);

const SECTIONS = ['promotion', 'coldStart', 'readiness', 'pipeline', 'build'];
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string' },
    'readiness-runs': { type: 'string' },
    render: { type: 'boolean' },
  },
});
const analysisFile = path.join(ROOT, 'bench/ANALYSIS.md');
if (values.render) {
  // Re-render RESULTS.md from results.json (and bench/ANALYSIS.md) without measuring anything.
  const saved = JSON.parse(await readFile(path.join(ROOT, 'bench/results.json'), 'utf8'));
  const text = existsSync(analysisFile) ? await readFile(analysisFile, 'utf8') : undefined;
  await writeFormatted(path.join(ROOT, 'bench/RESULTS.md'), renderResults(saved, text));
  process.exit(0);
}
const only = values.only === undefined ? SECTIONS : values.only.split(',');
for (const s of only)
  if (!SECTIONS.includes(s)) throw new Error(`--only ${s}: sections are ${SECTIONS.join(', ')}`);

/** Writes a file formatted as `prettier --check .` (npm run lint) expects it. */
async function writeFormatted(file, text) {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  await writeFile(file, await prettier.format(text, { ...options, filepath: file }));
}

const importTs = (spec) => import(spec.startsWith('/') ? pathToFileURL(spec).href : spec);

const started = new Date();
const t0 = performance.now();
ensureTools();
applySetupHost();
const registry = process.env.DIGESTLINE_REGISTRY;
log(`registry ${registry}, base ${process.env.DIGESTLINE_BASE_IMAGE}`);

const results = {
  date: started.toISOString(),
  machine: machine(),
  targets: {
    'promotion.ratioVsSkopeo': { max: 1.0 },
    'promotion.sizeFlatness': { max: 1.1 },
    'coldStart.maxRatioVsNode': { max: 2.0 },
    'readiness.medianMs': { max: 250 },
    'pipeline.overheadShare': { max: 0.1 },
    'build.freshStoreCachedRatio': { max: 0.15 },
  },
  promotion: null,
  coldStart: null,
  readiness: null,
  pipeline: null,
  build: null,
  errors: {},
  load: { start: Math.round(os.loadavg()[0] * 100) / 100 },
};

// A partial run keeps the other sections' last figures rather than blanking them.
const resultsFile = path.join(ROOT, 'bench/results.json');
if (values.only !== undefined && existsSync(resultsFile)) {
  const saved = JSON.parse(await readFile(resultsFile, 'utf8'));
  for (const s of SECTIONS) if (!only.includes(s) && saved[s] !== undefined) results[s] = saved[s];
}

async function section(name, fn) {
  if (!only.includes(name)) return;
  const s0 = performance.now();
  log(`--- ${name}`);
  try {
    results[name] = await fn();
  } catch (err) {
    results.errors[name] = err instanceof Error ? err.message : String(err);
    log(`${name} failed: ${results.errors[name]}`);
  }
  log(`--- ${name} took ${((performance.now() - s0) / 1000).toFixed(1)} s`);
}

await section('coldStart', async () => (await import('./cold-start.mjs')).benchColdStart());
await section('promotion', async () =>
  (await import('./promotion.mjs')).benchPromotion({
    registry,
    runs: Number(values.runs ?? 7),
    importTs,
    profile: true,
  }),
);
await section('readiness', async () =>
  (await import('./readiness.mjs')).benchReadiness({
    registry,
    runs: Number(values['readiness-runs'] ?? 6),
    importTs,
  }),
);
await section('pipeline', async () => (await import('./pipeline.mjs')).benchPipeline());
await section('build', async () => (await import('./build.mjs')).benchBuild({ registry }));

results.load.end = Math.round(os.loadavg()[0] * 100) / 100;
// A hand-written analysis of the missed targets, appended to the generated tables.
const analysis = existsSync(analysisFile) ? await readFile(analysisFile, 'utf8') : undefined;
results.benchSeconds = Math.round((performance.now() - t0) / 100) / 10;
await writeFormatted(path.join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2));
await writeFormatted(path.join(ROOT, 'bench/RESULTS.md'), renderResults(results, analysis));
log(`wrote bench/results.json and bench/RESULTS.md in ${results.benchSeconds} s`);
if (Object.keys(results.errors).length > 0) {
  log(`sections that failed: ${Object.keys(results.errors).join(', ')}`);
  process.exitCode = 1;
}
