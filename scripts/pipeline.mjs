#!/usr/bin/env node
// `npm run pipeline` (after scripts/bootstrap.mjs): the example pipeline end to end on this machine.
// Prepares the host (scripts/setup-host: podman, the loopback registry, the base image), then runs
// workflows/pipeline.yml on examples/app with the local runner (packages/runner), exactly as a
// Forgejo runner would run it, except that `<owner>/digestline/actions/<name>@<ref>` resolves to this
// checkout's actions/. It ends with the digest ledger: for each image, the digest that was built,
// tested by each lane, promoted and deployed, and how many builds started after validation began.
//
//   node scripts/pipeline.mjs [--e2e-tests DIR] [--environment NAME] [--staging-stack FILE]
//                             [--staging-url URL] [--namespace NS] [--soak DURATION] [--out DIR]
//                             [--concurrency N] [--engine podman|docker] [--job-container] [--verbose]
//
// Exit status: 0 when every job passed, 1 when the pipeline failed (the failing job is named),
// 2 for a usage or setup error, 130 when cancelled.
/* global fetch, AbortSignal, AbortController -- Node 20 globals the shared .mjs config does not list */
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { buildsAfterValidation, criticalPath, imageLines, splitImage } from './lib/pipeline-ledger.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNNER_BUNDLE = path.join(ROOT, 'packages/runner/dist/index.js');
const WORKFLOW = path.join(ROOT, 'workflows/pipeline.yml');
/** The deployable images of workflows/pipeline.yml; each is built by job `build-<name>`. */
const APP_IMAGES = ['backend', 'frontend'];
const DEFAULT_STAGING_URL = 'http://127.0.0.1:18080';

const USAGE = `Usage: node scripts/pipeline.mjs [options]
  --e2e-tests DIR       E2E test directory (default examples/app/e2e)
  --environment NAME    staging environment name (default staging)
  --staging-stack FILE  stack file deployed to staging (default examples/app/compose.staging.yaml)
  --staging-url URL     staging frontend URL, as published by that stack (default ${DEFAULT_STAGING_URL})
  --namespace NS        registry namespace: images are <registry>/<NS>/backend, ... (default playlist)
  --soak DURATION       staging soak (default 10s)
  --out DIR             where ledger.json, result.json and pipeline.log go (default .digestline/last-run)
  --concurrency N       jobs at once (default 3)
  --engine NAME         podman (default) or docker: the engine every job uses
  --job-container       run every \`docker\`-labelled job in a Node 24 job container (images/job) that
                        reaches the engine only through its socket, as forgejo-runner does with
                        \`container.docker_host: automount\`; deploy-staging keeps its \`staging\` label on
                        this host
  --verbose             print every line of every step`;

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'e2e-tests': { type: 'string' },
      environment: { type: 'string', default: 'staging' },
      'staging-stack': { type: 'string' },
      'staging-url': { type: 'string', default: DEFAULT_STAGING_URL },
      namespace: { type: 'string', default: 'playlist' },
      soak: { type: 'string', default: '10s' },
      out: { type: 'string', default: path.join(ROOT, '.digestline', 'last-run') },
      concurrency: { type: 'string', default: '3' },
      engine: { type: 'string', default: 'podman' },
      'job-container': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new UsageError(`--concurrency ${values.concurrency}: expected a positive integer`);
  }
  if (values.engine !== 'podman' && values.engine !== 'docker') {
    throw new UsageError(`--engine ${values.engine}: expected podman or docker`);
  }
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(values.environment)) {
    throw new UsageError(`--environment ${values.environment}: expected [a-z0-9][a-z0-9_-]*`);
  }
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/.test(values.namespace)) {
    throw new UsageError(`--namespace ${values.namespace}: expected a lowercase repository path`);
  }
  for (const key of ['e2e-tests', 'staging-stack']) {
    if (values[key] !== undefined && !existsSync(path.resolve(ROOT, values[key]))) {
      throw new UsageError(`--${key} ${values[key]}: no such file or directory`);
    }
  }
  return { ...values, concurrency, stagingUrl: values['staging-url'].replace(/\/$/, '') };
}

class UsageError extends Error {}

/**
 * One pipeline per checkout at a time: runs share the workspace (examples/app's node_modules, which
 * fast-check's `npm ci` rewrites) and the local staging host. A second run waits for the first; a lock
 * whose process is gone is taken over.
 */
async function lockCheckout(log) {
  const file = path.join(ROOT, '.digestline', 'pipeline.lock');
  await mkdir(path.dirname(file), { recursive: true });
  const deadline = Date.now() + 60 * 60_000;
  let told = false;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (err) {
      if (err?.code !== 'EEXIST') throw err;
    }
    let owner;
    try {
      owner = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      owner = undefined; // being written right now, or torn: look again
    }
    const alive = (() => {
      try {
        return owner?.pid !== undefined && process.kill(owner.pid, 0);
      } catch (err) {
        return err?.code === 'EPERM';
      }
    })();
    if (owner && !alive) {
      log(`== taking over the lock of pipeline pid ${owner.pid}, which is gone`);
      await rm(file, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`another pipeline (pid ${owner?.pid}) holds ${file} for over an hour`);
    if (!told && owner) {
      log(`== waiting for the pipeline run by pid ${owner.pid} (since ${owner.since}) in this checkout`);
      told = true;
    }
    await sleep(1000);
  }
}

/** Runs scripts/setup-host and applies its `export NAME='value'` lines to process.env. */
async function setupHost(log, opts) {
  const extras = [opts.engine === 'docker' && 'docker', opts['job-container'] && 'job images'].filter(
    Boolean,
  );
  log(
    `== host: podman, loopback registry, base image${extras.map((e) => `, ${e}`).join('')} (scripts/setup-host)`,
  );
  const stdout = await new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'scripts/setup-host'), [], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...(opts.engine === 'docker' ? { DIGESTLINE_DOCKER: '1' } : {}),
        ...(opts['job-container'] ? { DIGESTLINE_JOB_IMAGES: '1' } : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve(out) : reject(new Error(`scripts/setup-host failed (exit ${code ?? signal})`)),
    );
  });
  const applied = {};
  for (const line of stdout.split('\n')) {
    const m = /^export ([A-Z_][A-Z0-9_]*)='(.*)'$/.exec(line.trim());
    if (!m) continue;
    // setup-host quotes ' as '\'' inside single quotes.
    applied[m[1]] = m[2].replaceAll(`'\\''`, `'`);
  }
  Object.assign(process.env, applied);
  const required = ['DIGESTLINE_REGISTRY', 'DIGESTLINE_BASE_IMAGE'];
  if (opts['job-container']) required.push('DIGESTLINE_JOB_IMAGE_NODE24');
  for (const name of required) {
    if (!process.env[name]) throw new Error(`scripts/setup-host did not export ${name}`);
  }
  if (opts.engine === 'docker' && process.env.DIGESTLINE_DOCKER_UNAVAILABLE) {
    throw new Error(`--engine docker: ${process.env.DIGESTLINE_DOCKER_UNAVAILABLE}`);
  }
  log(`   registry ${process.env.DIGESTLINE_REGISTRY}, base ${process.env.DIGESTLINE_BASE_IMAGE}`);
}

/**
 * The two key pairs of local runs, made once and kept under .digestline/keys: the lane key signs the
 * lanes' evidence (secrets.LANE_SIGNING_KEY; promote trusts vars.LANE_PUBLIC_KEYS), the promotion key
 * signs promotion records (secrets.PROMOTION_SIGNING_KEY; deploy-staging trusts vars.PROMOTION_PUBLIC_KEY).
 * The public halves, `lanes-public.pem` and `promotion-public.pem`, are what `cosign verify-attestation
 * --key` takes (docs/evidence.md).
 */
async function keyPair(name) {
  const dir = path.join(ROOT, '.digestline', 'keys');
  const privateFile = path.join(dir, `${name}-signing.pem`);
  const publicFile = path.join(dir, `${name}-public.pem`);
  if (!existsSync(privateFile) || !existsSync(publicFile)) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await writeFile(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    await writeFile(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return { signing: await readFile(privateFile, 'utf8'), public: await readFile(publicFile, 'utf8') };
}

async function loadRunner() {
  if (!existsSync(RUNNER_BUNDLE)) {
    // The bundle is committed; a checkout without it (e.g. mid-rebuild) gets a fresh one.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-actions.mjs'), 'runner'], {
      stdio: 'inherit',
    });
  }
  return import(RUNNER_BUNDLE);
}

/** Keeps the console to the pipeline's shape: job and step starts/ends, groups, annotations, failures. */
function progressFilter(verbose) {
  let tail = false;
  return (line) => {
    if (verbose || line.startsWith('[job]') || line.startsWith('[run]')) return true;
    const m = /^\[[^\]]+\] (.*)$/.exec(line);
    if (!m) return true;
    const rest = m[1];
    if (/^… last \d+ of/.test(rest)) tail = true;
    else if (!rest.startsWith('  ')) tail = false;
    return tail || /^(▶|✓|✗|⊘|–|▸|error:|warning:)/.test(rest);
  };
}

function registryBase(registry) {
  const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127\./.test(host);
  return `${loopback ? 'http' : 'https'}://${registry}`;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

async function registryJson(base, repository, kind, reference) {
  const res = await fetch(`${base}/v2/${repository}/${kind}/${reference}`, {
    headers: { accept: MANIFEST_TYPES },
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET ${repository}/${kind}/${reference}: HTTP ${res.status}`);
  return { json: await res.json(), digest: res.headers.get('docker-content-digest') ?? undefined };
}

/**
 * Whether the registry holds PASSED evidence of `lane` for this digest and commit (read through the
 * referrers fallback tag, as docs/evidence.md describes). This is what promotion relies on, so the
 * ledger reports it rather than what a job said about itself.
 */
async function laneEvidence({ registry, repository, digest }, lane, commit) {
  const base = registryBase(registry);
  const index = await registryJson(base, repository, 'manifests', digest.replace(':', '-'));
  const entries = (index?.json.manifests ?? []).filter(
    (m) =>
      m.annotations?.['dev.digestline.lane'] === lane && m.annotations?.['dev.digestline.commit'] === commit,
  );
  let verdict = 'none';
  for (const entry of entries) {
    const manifest = await registryJson(base, repository, 'manifests', entry.digest);
    const layer = manifest?.json.layers?.[0];
    if (!layer || manifest.json.subject?.digest !== digest) continue;
    const blob = await registryJson(base, repository, 'blobs', layer.digest);
    const statement = JSON.parse(Buffer.from(blob?.json.payload ?? '', 'base64').toString('utf8') || '{}');
    const subject = (statement.subject ?? []).some((s) => `sha256:${s.digest?.sha256}` === digest);
    if (!subject || statement.predicate?.lane !== lane) continue;
    const result = statement.predicate?.verificationResult;
    const time = Date.parse(statement.predicate?.timeVerified ?? '') || 0;
    // The latest verdict for a commit counts, as in promotion.
    if (verdict === 'none' || time >= verdict.time) verdict = { result, time };
  }
  return verdict === 'none' ? undefined : verdict.result;
}

/** The tag promote-digest moves (`target: …/{name}:staging` → `staging`), undefined for a digest-only target. */
async function promotionTag() {
  const jobs = parseYaml(await readFile(WORKFLOW, 'utf8')).jobs ?? {};
  const step = Object.values(jobs)
    .flatMap((job) => job.steps ?? [])
    .find((s) => /(?:^|\/)actions\/promote-digest(?:@|$)/.test(s.uses ?? ''));
  return /:([\w.-]+)$/.exec(String(step?.with?.target ?? ''))?.[1];
}

async function tagDigest({ registry, repository }, tag) {
  const found = await registryJson(registryBase(registry), repository, 'manifests', tag);
  return found?.digest;
}

const short = (digest) => (digest ? digest.slice(0, 19) : '—');
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

function printLedger(ledger, log) {
  const cols = ['built', 'integration', 'e2e', 'promoted', 'deployed'];
  const header = ['image', ...cols];
  const rows = ledger.images.map((img) => [
    img.name,
    ...cols.map((c) =>
      c === 'built' || !img[c] ? short(img[c]) : `${short(img[c])} ${img[c] === img.built ? '=' : '≠'}`,
    ),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  log('');
  log('== digest ledger (= same digest as built; — not reached)');
  log(fmt(header));
  rows.forEach((r) => log(fmt(r)));
  for (const img of ledger.images) log(`   ${img.name}: ${img.repository ?? '?'}@${img.built ?? '—'}`);
  log(`builds after validation: ${ledger.buildsAfterValidation}`);
  const where = (j) =>
    `${j.id} ${j.mode === 'container' ? 'in a job container' : 'on this host'} (node ${j.node ?? '?'})`;
  log(`jobs: ${ledger.jobs.map(where).join(', ')}`);
}

async function main(argv) {
  const opts = parseOptions(argv);
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  await mkdir(opts.out, { recursive: true });
  const logFile = createWriteStream(path.join(opts.out, 'pipeline.log'));
  const show = progressFilter(opts.verbose);
  const log = (line) => {
    logFile.write(`${line}\n`);
    if (show(line)) process.stderr.write(`${line}\n`);
  };
  const total = Date.now();
  let unlock;
  try {
    unlock = await lockCheckout(log);
    await setupHost(log, opts);
    const runner = await loadRunner();
    const keys = { lanes: await keyPair('lanes'), promotion: await keyPair('promotion') };
    const sha = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const registry = process.env.DIGESTLINE_REGISTRY;
    const stateDir = path.join(ROOT, '.digestline', 'state');
    const runDir = path.join(ROOT, '.digestline', 'runs', new Date().toISOString().replace(/[:.]/g, '-'));
    const vars = {
      REGISTRY: registry,
      IMAGE_NAMESPACE: opts.namespace,
      BASE_IMAGE: process.env.DIGESTLINE_BASE_IMAGE,
      // One engine for every job. In a job container behind podman's socket, the runner sets
      // CONTAINER_HOST, so the job's podman CLI talks to the host's podman service.
      CONTAINER_ENGINE: opts.engine,
      STAGING_ENVIRONMENT: opts.environment,
      STAGING_URL: opts.stagingUrl,
      STAGING_SOAK: opts.soak,
      // promote-digest's `lane-public-keys` and deploy-staging's `promotion-public-key`.
      LANE_PUBLIC_KEYS: keys.lanes.public,
      PROMOTION_PUBLIC_KEY: keys.promotion.public,
      ...(opts['e2e-tests'] ? { E2E_TESTS: opts['e2e-tests'] } : {}),
      ...(opts['staging-stack'] ? { STAGING_STACK: opts['staging-stack'] } : {}),
    };
    const workflow = await runner.loadWorkflow(WORKFLOW);
    log(
      `== pipeline: ${path.relative(ROOT, WORKFLOW)} on examples/app at ${sha.slice(0, 12)} (logs: ${runDir})`,
    );

    const cancel = new AbortController();
    const force = new AbortController();
    const onSignal = (signal) => {
      log(`[run] ${signal}: ${cancel.signal.aborted ? 'stopping now' : 'cancelling (post steps still run)'}`);
      (cancel.signal.aborted ? force : cancel).abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let result;
    try {
      result = await runner.runWorkflow({
        workflow,
        workspace: ROOT,
        event: 'push',
        vars,
        secrets: { LANE_SIGNING_KEY: keys.lanes.signing, PROMOTION_SIGNING_KEY: keys.promotion.signing },
        env: { DIGESTLINE_STATE_DIR: stateDir },
        actionMap: {
          '*/digestline/actions/': path.join(ROOT, 'actions') + path.sep,
          'actions/checkout': path.join(ROOT, 'scripts/local-actions/checkout'),
        },
        github: { sha, ref: 'refs/heads/main' },
        concurrency: opts.concurrency,
        ...(opts['job-container']
          ? {
              // forgejo-runner labels `docker:docker://<job image>` and `staging:host`, its
              // `container.docker_host: automount` and `container.network: host`.
              labels: {
                docker: { kind: 'container', image: process.env.DIGESTLINE_JOB_IMAGE_NODE24 },
                staging: { kind: 'host' },
              },
              jobEngine: { cli: opts.engine, network: 'host' },
            }
          : {}),
        runDir,
        log,
        verbose: opts.verbose,
        signal: cancel.signal,
        forceSignal: force.signal,
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    await writeFile(path.join(opts.out, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);

    const jobs = result.jobs;
    const promoted = imageLines(jobs.promote?.outputs.promoted);
    const deployedOk = jobs['deploy-staging']?.outputs.status === 'deployed';
    const deployed = deployedOk ? imageLines(jobs['deploy-staging']?.outputs.deployed) : {};
    const tag = await promotionTag();
    const images = [];
    for (const name of APP_IMAGES) {
      const built = splitImage(jobs[`build-${name}`]?.outputs.image ?? '');
      const entry = { name, repository: built ? `${built.registry}/${built.repository}` : undefined };
      entry.built = built?.digest ?? null;
      for (const lane of ['integration', 'e2e']) {
        const verdict = built ? await laneEvidence(built, lane, sha) : undefined;
        entry[lane] = verdict === 'PASSED' ? built.digest : null;
        if (verdict === 'FAILED') entry[`${lane}Result`] = 'FAILED';
      }
      const p = promoted[name];
      // Promoted means: the output names the digest AND the target tag serves it now.
      entry.promoted = p && (!tag || (await tagDigest(p, tag)) === p.digest) ? p.digest : null;
      entry.deployed = deployed[name]?.digest ?? null;
      images.push(entry);
    }
    const builds = buildsAfterValidation(
      { actionName: runner.actionName, imageConsumers: runner.IMAGE_CONSUMERS },
      workflow,
      result,
    );
    const path_ = criticalPath(result.timeline);
    const wallMs = result.endedAt - result.startedAt;
    let staging;
    if (deployedOk) {
      try {
        const res = await fetch(`${opts.stagingUrl}/healthz`, { signal: AbortSignal.timeout(5000) });
        staging = { status: res.status, body: await res.json() };
      } catch (err) {
        staging = { error: err instanceof Error ? err.message : String(err) };
      }
    }
    const failed = Object.values(jobs).filter((j) => j.result === 'failure' || j.result === 'cancelled');
    const ledger = {
      images,
      buildsAfterValidation: builds.count,
      stagingUrl: opts.stagingUrl,
      ok: result.ok,
      commit: sha,
      environment: opts.environment,
      failedJobs: failed.map((j) => j.id),
      skippedJobs: Object.values(jobs)
        .filter((j) => j.result === 'skipped')
        .map((j) => j.id),
      deploymentStatus: jobs['deploy-staging']?.outputs.status ?? null,
      deploymentId: jobs['deploy-staging']?.outputs['deployment-id'] ?? null,
      stagingHealth: staging ?? null,
      wallTimeMs: wallMs,
      criticalPath: path_,
      buildSteps: builds.builds,
      rebuilds: builds.after ?? [],
      engine: opts.engine,
      // Where each job ran and the Node its actions ran on.
      jobs: Object.values(jobs).map((j) => ({ id: j.id, mode: j.mode ?? 'host', node: j.node ?? null })),
      runDir,
    };
    const ledgerFile = path.join(opts.out, 'ledger.json');
    await writeFile(ledgerFile, `${JSON.stringify(ledger, null, 2)}\n`);

    printLedger(ledger, log);
    log(`wall time: ${secs(wallMs)} (pipeline), ${secs(Date.now() - total)} with host setup`);
    log(
      `critical path: ${path_.map((p) => `${p.job} ${secs(p.durationMs)}`).join(' → ')} ` +
        `(jobs ${secs(path_.reduce((s, p) => s + p.durationMs, 0))} of ${secs(wallMs)})`,
    );
    log(`ledger: ${ledgerFile}`);
    if (!result.ok) {
      for (const job of failed) {
        const step = job.steps.find((s) => s.conclusion === 'failure' || s.conclusion === 'cancelled');
        log(
          `pipeline FAILED: job '${job.id}' ${job.result}` +
            (step
              ? ` at step '${step.name}': ${step.error ?? step.conclusion}`
              : job.error
                ? `: ${job.error}`
                : ''),
        );
        if (step?.logFile) log(`   step log: ${step.logFile}`);
      }
      if (ledger.skippedJobs.length > 0) log(`   not run: ${ledger.skippedJobs.join(', ')}`);
      return result.cancelled ? 130 : 1;
    }
    const healthy = staging?.status === 200;
    log(
      `staging (${opts.environment}): ${opts.stagingUrl}/ ${healthy ? 'answers' : `does not answer (${JSON.stringify(staging)})`}` +
        ` — stop it with: ${opts.engine} rm -f ${APP_IMAGES.map((n) => `${opts.environment}-${n}`).join(' ')}`,
    );
    return healthy ? 0 : 1;
  } finally {
    await unlock?.();
    await new Promise((resolve) => logFile.end(resolve));
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`pipeline: ${err instanceof Error ? err.message : String(err)}\n`);
  if (err instanceof UsageError || err?.code?.startsWith?.('ERR_PARSE_ARGS'))
    process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}
