/**
 * The ledger arithmetic of `npm run pipeline` (scripts/lib/pipeline-ledger.mjs): builds after
 * validation are counted from step records, never assumed; the critical path follows the need that
 * ended last; image lines are read from job outputs.
 */
import { describe, expect, it } from 'vitest';
import {
  buildsAfterValidation,
  criticalPath,
  imageLines,
  splitImage,
  type ResultShape,
  type WorkflowShape,
} from '../../scripts/lib/pipeline-ledger.mjs';

const actionName = (uses: string | undefined): string | undefined =>
  /(?:^|\/)actions\/([\w.-]+)(?:@.*)?$/.exec(uses ?? '')?.[1];
const runner = {
  actionName,
  imageConsumers: ['integration-test', 'e2e-run', 'promote-digest', 'deploy-staging'],
};
const uses = (name: string): string => `acme/digestline/actions/${name}@v1`;

const workflow: WorkflowShape = {
  jobs: [
    { id: 'build', steps: [{ id: 'build', uses: uses('build-image') }] },
    { id: 'integration', steps: [{ id: 'it', uses: uses('integration-test') }] },
    {
      id: 'promote',
      steps: [
        { id: 'again', uses: uses('build-image') },
        { id: 'shell', run: { value: 'set -e\npodman build -t x .' } },
        { id: 'promote', uses: uses('promote-digest') },
      ],
    },
  ],
};

function result(starts: Record<string, number | undefined>): ResultShape {
  const jobs: ResultShape['jobs'] = {};
  for (const job of workflow.jobs) {
    jobs[job.id] = { steps: job.steps.map((s) => ({ id: s.id, post: false, startedAt: starts[s.id] })) };
  }
  // build-image's post step (auth file clean-up) runs late; it is not a build.
  jobs['build']?.steps.push({ id: 'build', post: true, startedAt: 99_999 });
  return { jobs };
}

describe('buildsAfterValidation', () => {
  it('counts every build step that started once the first image lane had started', () => {
    const counted = buildsAfterValidation(
      runner,
      workflow,
      result({ build: 0, it: 100, again: 200, shell: 300, promote: 400 }),
    );
    expect(counted.count).toBe(2);
    expect(counted.after?.map((a) => `${a.job}/${a.step}`)).toEqual(['promote/again', 'promote/shell']);
    expect(counted.validationStartedAt).toBe(100);
    expect(counted.builds).toBe(3);
  });

  it('is 0 when builds only ran before validation (post steps and skipped steps do not count)', () => {
    const counted = buildsAfterValidation(runner, workflow, result({ build: 0, it: 100, promote: 400 }));
    expect(counted).toMatchObject({ count: 0, builds: 1, validationStartedAt: 100 });
  });

  it('is 0 when no lane started', () => {
    expect(buildsAfterValidation(runner, workflow, result({ build: 0 })).count).toBe(0);
  });
});

describe('criticalPath', () => {
  it('walks back from the last job through the need that ended last', () => {
    const path = criticalPath({
      jobs: [
        { id: 'a', needs: [], start: 0, end: 10 },
        { id: 'b', needs: [], start: 0, end: 30 },
        { id: 'c', needs: ['a', 'b'], start: 30, end: 50 },
        { id: 'd', needs: ['a'], start: 10, end: 20 },
        { id: 'skipped', needs: ['c'] },
      ],
    });
    expect(path.map((p) => p.job)).toEqual(['b', 'c']);
    expect(path.map((p) => p.durationMs)).toEqual([30, 20]);
  });
});

describe('image lines', () => {
  const digest = `sha256:${'ab'.repeat(32)}`;
  it('reads name=ref lines, with or without a tag, and skips others', () => {
    expect(
      imageLines(
        `backend=127.0.0.1:5000/ns/backend@${digest}\nfrontend=r.example/a/b:staging@${digest}\njunk\nx=tag:only`,
      ),
    ).toEqual({
      backend: { registry: '127.0.0.1:5000', repository: 'ns/backend', digest },
      frontend: { registry: 'r.example', repository: 'a/b', digest },
    });
    expect(splitImage('r.example/a/b:latest')).toBeUndefined();
  });
});
