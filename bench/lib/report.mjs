// Renders bench/RESULTS.md from the results object run.mjs writes to results.json.

const fmt = (v, unit = '') => (v === null || v === undefined ? '—' : `${v}${unit}`);

function verdict(value, max) {
  if (value === null || value === undefined) return 'not measured';
  return value <= max ? '**met**' : '**missed**';
}

function get(obj, dotted) {
  return dotted.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
}

export function renderResults(r, analysis) {
  const m = r.machine;
  const out = [];
  const p = r.promotion;
  const c = r.coldStart;
  const rd = r.readiness;
  const pl = r.pipeline;
  out.push('# bench results', '');
  out.push(
    `Written by \`npm run bench\` (bench/run.mjs) on ${r.date}; the bench took ${r.benchSeconds} s. ` +
      'Raw figures: [results.json](results.json). Nothing here is asserted; targets are reported.',
    '',
  );
  out.push('## Machine', '');
  out.push('| | |', '|---|---|');
  out.push(
    `| CPUs (nproc) | ${m.nproc} |`,
    `| memory | ${m.memoryGiB} GiB |`,
    `| CPU model | ${m.cpuModel} |`,
  );
  out.push(
    `| OS / kernel | ${m.os} / ${m.kernel} |`,
    `| node | ${m.node} |`,
    `| tools | ${m.hyperfine}; ${m.skopeo}; ${m.podman}; ${m.registry} |`,
  );
  out.push(`| load average (1 min) at start / end | ${fmt(r.load?.start)} / ${fmt(r.load?.end)} |`, '');
  out.push(
    'The machine is shared (2 cores; other work ran during the bench, see the load average), so each ' +
      'figure is a median over interleaved runs and the spread is in results.json.',
    '',
  );

  out.push('## Targets', '');
  out.push('| figure | measured | target | |', '|---|---|---|---|');
  const rows = [
    ['promotion.ratioVsSkopeo', '×', 'promote-digest ÷ two skopeo copies (worse of the two sizes)'],
    ['promotion.sizeFlatness', '×', '500 MB time ÷ 2 MB time'],
    ['coldStart.maxRatioVsNode', '×', `worst action start ÷ \`node -e 0\` (${c?.worstAction ?? '—'})`],
    ['readiness.medianMs', ' ms', 'service ready → first line of the tests'],
    [
      'pipeline.overheadShare',
      '',
      "share of the pipeline's wall time in our actions' own code (critical path)",
    ],
    [
      'build.freshStoreCachedRatio',
      '×',
      `build on an empty store with the registry cache ÷ cold build (worst image: ${r.build?.worstImage ?? '—'})`,
    ],
  ];
  for (const [key, unit, what] of rows) {
    if (r.targets[key] === undefined) continue; // results written before the figure existed
    const v = get(r, key);
    out.push(
      `| \`${key}\` — ${what} | ${fmt(v, unit)} | ≤ ${r.targets[key].max}${unit} | ${verdict(v, r.targets[key].max)} |`,
    );
  }
  out.push(
    `| \`promotion.ratioVsCrane\` — promote-digest ÷ two \`crane copy\` (worse of the two sizes) | ${fmt(p?.ratioVsCrane, '×')} | — | |`,
  );
  out.push(
    `| \`promotion.runnerBytes\` — body bytes through the runner (proxy) | ${fmt(p?.runnerBytes)} | — | |`,
  );
  out.push(
    `| \`pipeline.wallSeconds\` — \`npm run pipeline\`, warm | ${fmt(pl?.wallSeconds, ' s')} | — | ${pl && !pl.measured ? `not measured (${pl.reason})` : ''} |`,
  );
  out.push('');
  if (Object.keys(r.errors).length > 0) {
    out.push('Sections that failed:', '');
    for (const [k, v] of Object.entries(r.errors)) out.push(`- ${k}: ${v.split('\n')[0]}`);
    out.push('');
  }

  if (p) {
    out.push('## Promotion: promote-digest vs skopeo and crane', '');
    if (r.promotionRun) {
      // Measured alone (`--only promotion`) later than the other sections.
      out.push(
        `Measured on ${r.promotionRun.date} (${r.promotionRun.machine?.cpuModel ?? 'unknown CPU'}), load average ` +
          `${fmt(r.promotionRun.load?.start)} / ${fmt(r.promotionRun.load?.end)} at start / end: \`${r.promotionRun.command}\`.`,
        '',
      );
    }
    out.push(
      'Method: two images per set (random-data layers, uncompressed, built once by the registry API and ' +
        'cached in `digestline-bench-cache/promote` by recipe), mounted into fresh source repositories with ' +
        'signed source, integration and E2E evidence attached by `@digestline/core/evidence/store` as the lanes do. ' +
        'Each run: the bundled action (`node actions/promote-digest/dist/index.js`, INPUT_* env, `lane-public-keys` ' +
        'and `signing-key` set, so evidence is verified and the record signed and stored) into fresh target repositories, ' +
        'two `skopeo copy --preserve-digests --src-tls-verify=false --dest-tls-verify=false` runs and two ' +
        '`crane copy --insecure` runs (crane 0.20.7, extracted by setup-host) into ' +
        'other fresh repositories of the same registry; which of the three goes first rotates per run; wall time by ' +
        '`performance.now()` around the process(es). Bytes: one more run of each through the counting ' +
        '`FaultProxy` (test/support/proxy.ts).',
      '',
    );
    out.push(
      '| set | runs | promote-digest median | skopeo ×2 median | ratio | crane ×2 median | ratio | bytes through runner: promote-digest | skopeo |',
    );
    out.push('|---|---|---|---|---|---|---|---|---|');
    for (const s of Object.values(p.sizes)) {
      out.push(
        `| ${s.label} | ${s.runs} | ${s.promoteDigestMedianMs} ms | ${s.skopeoMedianMs} ms | ${s.ratio}× | ` +
          `${fmt(s.craneMedianMs, ' ms')} | ${fmt(s.ratioVsCrane, '×')} | ` +
          `${s.runnerBytes.promoteDigest.bytes} B (${s.runnerBytes.promoteDigest.requests} requests) | ` +
          `${s.runnerBytes.skopeo.bytes} B (${s.runnerBytes.skopeo.requests} requests) |`,
      );
    }
    out.push('');
    out.push(
      'skopeo through the proxy sees a registry host it has never seen, so its blob-info cache is cold and it ' +
        'copies every layer through the runner (as on a fresh CI runner); the timed skopeo runs went direct, ' +
        'after a warm-up, with its cache warm, and mounted. promote-digest mounts without a cache.',
      '',
    );
    const prof = p.sizes.small?.profile;
    if (prof) {
      out.push(
        `Profile of one 2 × 2 MB run (\`node --cpu-prof\`, ${prof.wallMs} ms wall, phases: ${prof.timings}):`,
        '',
      );
      out.push('| owner | sampled ms |', '|---|---|');
      for (const o of prof.byOwner.slice(0, 10)) out.push(`| ${o.owner} | ${o.ms} |`);
      out.push('');
    }
    for (const s of Object.values(p.sizes)) {
      if (s.baseline === undefined) continue;
      out.push(
        `Baseline timed in the same loop (${s.label}): ${s.baseline.bundle}, ` +
          `median ${s.baseline.medianMs} ms (${s.baseline.ratioVsSkopeo}× skopeo, ${fmt(s.baseline.ratioVsCrane, '×')} crane) ` +
          `against this build's ${s.promoteDigestMedianMs} ms.`,
        '',
      );
    }
    const phases = phaseMedians(Object.values(p.sizes).flatMap((s) => s.promoteTimings ?? []));
    if (phases.length > 0) {
      out.push(
        'Where promote-digest spends its time: median per phase over every timed run of both sets (the ' +
          "action's own `timings:` line; the rest of the wall time is node's start, loading the bundle, " +
          'reading the inputs and keys, and writing outputs and the summary):',
        '',
      );
      out.push('| phase | median ms | range ms |', '|---|---|---|');
      for (const ph of phases) out.push(`| ${ph.name} | ${ph.median} | ${ph.min}–${ph.max} |`);
      out.push('');
    }
    const kinds = p.sizes.small?.runnerBytes?.promoteDigest?.byKind;
    if (kinds) {
      out.push('Requests of one 2 × 2 MB promotion (through the proxy), by kind and status:', '');
      out.push('| request | count |', '|---|---|');
      for (const [k, n] of Object.entries(kinds)) out.push(`| ${k} | ${n} |`);
      out.push('');
    }
  }

  if (c) {
    out.push('## Cold start of every bundled action', '');
    out.push(
      `Method: ${c.method}. Each action, started with no inputs, exits 1 with an error naming its first required input.`,
      '',
    );
    out.push(
      `| command | median | min | ratio vs node (median) | ratio (min) | peak RSS | dist/index.js | exit / error |`,
    );
    out.push('|---|---|---|---|---|---|---|---|');
    out.push(
      `| \`node -e 0\` | ${c.nodeMedianMs} ms | ${c.nodeMinMs} ms | 1 | 1 | ${c.nodePeakRssMiB} MiB | | |`,
    );
    for (const [a, v] of Object.entries(c.perAction)) {
      out.push(
        `| ${a} | ${v.medianMs} ms | ${v.minMs} ms | ${v.ratioVsNode}× | ${v.ratioVsNodeOfMin}× | ${v.peakRssMiB} MiB | ${v.indexJsKiB} KiB | ${v.exitCode}: ${v.error.replaceAll('|', '\\|')} |`,
      );
    }
    out.push('');
    for (const [a, prof] of Object.entries(c.profiles ?? {})) {
      out.push(
        `Profile of one \`${a}\` start (\`node --cpu-prof\`, ${prof.sampledMs} ms sampled): top functions by self time:`,
        '',
      );
      out.push('| function [owner] | ms |', '|---|---|');
      for (const f of prof.topFunctions.slice(0, 8)) out.push(`| ${f.fn} | ${f.ms} |`);
      out.push('');
    }
  }

  if (rd) {
    out.push('## Readiness: service ready → integration tests started', '');
    out.push(
      'Method: the bundled integration-test action (main, then post, as a runner runs them) on a one-service ' +
        'stack (bench/fixtures/readiness: perl on the slim base, readiness by its published loopback port, ' +
        '0.5 s start-up delay). The service takes its ready time (bash `EPOCHREALTIME`, µs) right after ' +
        '`listen()` and serves it; the test command prints `EPOCHREALTIME` as its first act, then fetches the ' +
        "service's ready time. The figure is the difference (same host clock). `report.readiness.latencyMs` " +
        '(observed ready → test command spawned) leaves out the detection delay and the test process start-up, ' +
        'so it is shown beside it, not used.',
      '',
    );
    out.push(
      '| tests run | runs | ready → tests (median) | of which: detection (ready → observed) | report.readiness.latencyMs | spawn → first line | whole main step |',
    );
    out.push('|---|---|---|---|---|---|---|');
    for (const [mode, v] of Object.entries(rd.modes)) {
      out.push(
        `| ${mode === 'container' ? 'in a test container (`test-image`, the default)' : 'on the runner'} | ${v.runs.length} | ${v.medianMs} ms | ${v.medianDetectMs} ms | ${v.medianReportLatencyMs} ms | ${v.medianSpawnToFirstLineMs} ms | ${v.medianMainMs} ms |`,
      );
    }
    out.push('');
    out.push(
      `\`readiness.medianMs\` is the test-container figure. The integration-test main step spent ${fmt(rd.actionOwnShare)} of its wall time outside child processes (median ${fmt(rd.actionOwnMsMedian)} ms per run; children: ${(rd.actionChildren ?? []).join(', ')}).`,
      '',
    );
  }

  out.push('## Pipeline', '');
  if (!pl || !pl.measured) out.push(`pipeline: not measured (${pl?.reason ?? 'section not run'}).`, '');
  if (pl?.criticalPathAsRun) {
    const fig = pl.measured ? pl : { ...pl, ...pl.incompleteRun };
    if (!pl.measured) out.push('What the incomplete run showed (not the headline figures):', '');
    out.push(
      'Method: `npm run pipeline` timed as a whole (bootstrap, setup-host, the local runner on ' +
        "workflows/pipeline.yml) after an earlier run warmed podman's layer cache; jobs and steps from " +
        "`.digestline/last-run/result.json`'s timeline. Own time of our actions: every bundled action process " +
        '(`actions/*/dist/index.js`, main and post) is preloaded with bench/lib/child-timing.cjs, which records ' +
        'when each child process (podman, test commands, git) ran; own = process wall − union of child ' +
        'intervals. That includes node start-up, registry HTTP and in-process waits (readiness probes from ' +
        "the runner, deploy-staging's soak). `overheadShare` = own time of action processes in the jobs of the " +
        "critical path (as run), less deploy-staging's soak window (health checks against staging: " +
        "verification, like the test lanes), ÷ the runner's wall time.",
      '',
    );
    out.push(`| | |`, '|---|---|');
    out.push(
      `| wall, \`npm run pipeline\` | ${fig.wallSeconds} s (runner: ${pl.runnerWallSeconds} s; pipeline ${pl.ok ? 'passed' : `failed, exit ${pl.exitCode}`}) |`,
    );
    out.push(`| critical path as run | ${pl.criticalPathAsRun.join(' → ')} |`);
    out.push(
      `| longest path by job durations | ${pl.criticalPath.perJob.map((j) => `${j.job} ${j.seconds} s`).join(' → ')} = ${pl.criticalPath.seconds} s |`,
    );
    out.push(
      `| own time on the critical path | ${pl.ownMsOnCriticalPath} ms; less the 10 s soak: ${fig.overheadShare} of wall (${pl.overheadShareIncludingSoak} with it) |`,
    );
    out.push(`| own time ÷ all step time (every job) | ${pl.ownShareOfAllStepTime} |`);
    if (pl.fastCheck) {
      const f = pl.fastCheck;
      out.push(
        `| fast-check beside the builds vs first | ${round1(f.criticalPathConcurrentMs)} s vs ${round1(f.serialisedFirstMs)} s (${f.chain.join(' → ')} first): saves ${round1(f.savedMs)} s |`,
      );
    }
    out.push('');
    out.push(
      '| action (process kind) | processes | wall ms | in children ms | own ms | jobs |',
      '|---|---|---|---|---|---|',
    );
    for (const [a, v] of Object.entries(pl.perAction))
      out.push(`| ${a} | ${v.processes} | ${v.wallMs} | ${v.childMs} | ${v.ownMs} | ${v.jobs.join(', ')} |`);
    out.push('');
    out.push('| job | result | start s | end s |', '|---|---|---|---|');
    for (const j of pl.jobs) out.push(`| ${j.job} | ${j.result} | ${j.startS} | ${j.endS} |`);
    out.push('');
  }
  out.push(...renderBuild(r.build));
  if (analysis) out.push(analysis.trim(), '');
  return `${out.join('\n')}\n`;
}

function round1(ms) {
  return Math.round(ms / 100) / 10;
}

/** Median, min and max per phase of promote-digest's `timings:` lines (`Phase 12 ms, Other 3 ms`). */
function phaseMedians(lines) {
  const byPhase = new Map();
  for (const line of lines) {
    for (const part of String(line).split(', ')) {
      const m = /^(.*) (\d+) ms$/.exec(part.trim());
      if (m === null) continue;
      if (!byPhase.has(m[1])) byPhase.set(m[1], []);
      byPhase.get(m[1]).push(Number(m[2]));
    }
  }
  return [...byPhase].map(([name, v]) => {
    const sorted = [...v].sort((a, b) => a - b);
    return { name, median: sorted[sorted.length >> 1], min: sorted[0], max: sorted.at(-1) };
  });
}

function renderBuild(b) {
  const out = ['## Builds on an empty engine store', ''];
  if (!b) return [...out, 'build: not measured (section not run).', ''];
  out.push(`Method: ${b.method}.`, '');
  out.push(
    '| image | cold s | cached s | cached ÷ cold | steps to the cache | steps from the cache |',
    '|---|---|---|---|---|---|',
  );
  for (const [name, i] of Object.entries(b.images))
    out.push(
      `| ${name} | ${i.coldS} | ${i.cachedS} | ${i.ratio} | ${i.stepsToCache} | ${i.stepsFromCache} |`,
    );
  out.push('');
  return out;
}
