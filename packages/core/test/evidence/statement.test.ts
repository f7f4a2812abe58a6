import { describe, expect, it } from 'vitest';
import {
  laneStatement,
  parseStatement,
  promotionStatement,
  sourceStatement,
  STATEMENT_TYPE,
} from '../../src/evidence/statement.js';
import { runContext } from '../../src/evidence/run-context.js';
import { VERIFICATION_PREDICATE_TYPE } from '../../src/evidence/vsa.js';

const SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const TREE = 'aaaabbbbccccddddeeeeffff0000111122223333';
const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;
const GH = {
  GITHUB_SHA: SHA,
  GITHUB_SERVER_URL: 'https://git.example/',
  GITHUB_REPOSITORY: 'org/app',
  GITHUB_RUN_ID: '9001',
  GITHUB_RUN_NUMBER: '42',
};
const when = new Date('2026-01-02T03:04:05.000Z');

describe('runContext', () => {
  it.each([
    ['GitHub uses the run id', GH, 'https://git.example/org/app/actions/runs/9001'],
    [
      'Forgejo uses the run number',
      { ...GH, FORGEJO_ACTIONS: 'true' },
      'https://git.example/org/app/actions/runs/42',
    ],
    [
      'Gitea uses the run number',
      { ...GH, GITEA_ACTIONS: 'true' },
      'https://git.example/org/app/actions/runs/42',
    ],
  ])('%s', (_name, env, runUrl) => {
    expect(runContext({}, env)).toEqual({
      commit: SHA,
      repositoryUrl: 'https://git.example/org/app',
      runUrl,
      run: { id: '9001', attempt: '1' },
    });
  });

  it('prefers explicit overrides', () => {
    const c = runContext(
      { commit: 'f'.repeat(40), runUrl: 'https://ci/run/1', repositoryUrl: 'https://r' },
      GH,
    );
    expect(c).toEqual({
      commit: 'f'.repeat(40),
      runUrl: 'https://ci/run/1',
      repositoryUrl: 'https://r',
      run: { id: '9001', attempt: '1' },
    });
  });

  it('binds the run id and attempt, the attempt defaulting to 1', () => {
    expect(runContext({}, { ...GH, GITHUB_RUN_ATTEMPT: '3' }).run).toEqual({ id: '9001', attempt: '3' });
    expect(runContext({}, { ...GH, GITHUB_RUN_ATTEMPT: '' }).run).toEqual({ id: '9001', attempt: '1' });
    expect(runContext({}, { GITHUB_SHA: SHA, GITHUB_RUN_ATTEMPT: '2' })).not.toHaveProperty('run');
    expect(runContext({}, { GITHUB_SHA: SHA, GITHUB_RUN_ID: '' })).not.toHaveProperty('run');
  });

  it.each([
    [{ GITHUB_RUN_ID: 'abc' }, /GITHUB_RUN_ID "abc" is not a run number: expected decimal digits/],
    [{ GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1x' }, /GITHUB_RUN_ATTEMPT "1x" is not a run number/],
  ])('refuses a malformed run id or attempt %#', (env, message) => {
    expect(() => runContext({}, { GITHUB_SHA: SHA, ...env })).toThrow(message);
  });

  it('leaves URLs out when the environment lacks them', () => {
    expect(runContext({}, { GITHUB_SHA: SHA })).toEqual({ commit: SHA });
  });

  it.each([
    [{}, /no commit/],
    [{ GITHUB_SHA: 'main' }, /GITHUB_SHA "main" is not a git object id/],
    [{ GITHUB_SHA: SHA.toUpperCase() }, /not a git object id/],
  ])('refuses a missing or malformed commit %#', (env, message) => {
    expect(() => runContext({}, env)).toThrow(message);
  });
});

describe('sourceStatement', () => {
  it('has the commit and tree as subjects', () => {
    const s = sourceStatement({
      tree: TREE,
      checks: [{ name: 'eslint', result: 'PASSED', durationMs: 1200.4 }],
      env: GH,
      timeVerified: when,
      verifier: { version: { digestline: '0.1.0' } },
    });
    expect(s).toEqual({
      _type: STATEMENT_TYPE,
      predicateType: VERIFICATION_PREDICATE_TYPE,
      subject: [
        { name: 'git+https://git.example/org/app', digest: { gitCommit: SHA } },
        { name: 'git+https://git.example/org/app#tree', digest: { gitTree: TREE } },
      ],
      predicate: {
        verifier: { id: 'https://digestline.dev/verifier/source', version: { digestline: '0.1.0' } },
        timeVerified: '2026-01-02T03:04:05.000Z',
        resourceUri: `git+https://git.example/org/app@${SHA}`,
        policy: { uri: 'https://digestline.dev/policy/source/v1' },
        verificationResult: 'PASSED',
        verifiedLevels: ['DIGESTLINE_SOURCE_LEVEL_1'],
        lane: 'source',
        commit: { sha: SHA, tree: TREE },
        runUrl: 'https://git.example/org/app/actions/runs/9001',
        tested: [],
        checks: [{ name: 'eslint', result: 'PASSED', durationMs: 1200 }],
        run: { id: '9001', attempt: '1' },
      },
    });
    expect(parseStatement(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('names the subject "commit" without a repository URL', () => {
    const s = sourceStatement({ commit: SHA, env: {} });
    expect(s.subject).toEqual([{ name: 'commit', digest: { gitCommit: SHA } }]);
    expect(s.predicate.runUrl).toBe('unknown');
    expect(s.predicate.resourceUri).toBe(`git+commit@${SHA}`);
  });

  it('fails when a check failed and refuses a contradicting PASSED', () => {
    const checks = [{ name: 'unit', result: 'FAILED' as const, durationMs: 5 }];
    expect(sourceStatement({ commit: SHA, env: {}, checks }).predicate.verificationResult).toBe('FAILED');
    expect(() => sourceStatement({ commit: SHA, env: {}, checks, result: 'PASSED' })).toThrow(
      /PASSED contradicts failed checks: unit/,
    );
  });

  it('refuses a malformed tree and negative durations', () => {
    expect(() => sourceStatement({ commit: SHA, env: {}, tree: 'HEAD' })).toThrow(/tree "HEAD"/);
    expect(() =>
      sourceStatement({ commit: SHA, env: {}, checks: [{ name: 'x', result: 'PASSED', durationMs: -1 }] }),
    ).toThrow(/durationMs -1/);
  });
});

describe('laneStatement', () => {
  const images = [
    { name: 'web', digest: D1, repository: '127.0.0.1:5000/app/web' },
    { name: 'api', digest: D2, repository: '127.0.0.1:5000/app/api' },
  ];

  it('makes every image a subject and records the whole set as tested', () => {
    const s = laneStatement({ lane: 'e2e', images, env: GH, timeVerified: when, result: 'PASSED' });
    expect(s.subject).toEqual([
      { name: '127.0.0.1:5000/app/web', digest: { sha256: 'a'.repeat(64) } },
      { name: '127.0.0.1:5000/app/api', digest: { sha256: 'b'.repeat(64) } },
    ]);
    expect(s.predicate.tested).toEqual([
      { name: 'web', digest: D1 },
      { name: 'api', digest: D2 },
    ]);
    expect(s.predicate.lane).toBe('e2e');
    expect(s.predicate.commit).toEqual({ sha: SHA });
  });

  it('is a SLSA VSA v1 with every required field, per lane', () => {
    const s = laneStatement({
      lane: 'integration',
      images,
      env: { ...GH, GITHUB_RUN_ATTEMPT: '2' },
      timeVerified: when,
      policy: { uri: 'file:.digestline/image-policy.yml', digest: { sha256: 'c'.repeat(64) } },
    });
    expect(s.predicateType).toBe('https://slsa.dev/verification_summary/v1');
    expect(s.predicate).toMatchObject({
      verifier: { id: 'https://digestline.dev/verifier/integration' },
      timeVerified: '2026-01-02T03:04:05.000Z',
      resourceUri: `git+https://git.example/org/app@${SHA}`,
      policy: { uri: 'file:.digestline/image-policy.yml', digest: { sha256: 'c'.repeat(64) } },
      verificationResult: 'PASSED',
      verifiedLevels: ['DIGESTLINE_INTEGRATION_LEVEL_1'],
      run: { id: '9001', attempt: '2' },
    });
    // The run binding is the predicate's last member (the field order other tools print).
    expect(Object.keys(s.predicate).at(-1)).toBe('run');
    expect(s.predicate).not.toHaveProperty('inputAttestations');
  });

  it('says FAILED in verifiedLevels when the lane failed, as VSA mandates', () => {
    const s = laneStatement({
      lane: 'e2e',
      images,
      env: GH,
      checks: [{ name: 'login flow', result: 'FAILED', durationMs: 3 }],
    });
    expect(s.predicate.verificationResult).toBe('FAILED');
    expect(s.predicate.verifiedLevels).toEqual(['FAILED']);
    expect(s.predicate.policy).toEqual({ uri: 'https://digestline.dev/policy/e2e/v1' });
  });

  it('leaves the run binding out without GITHUB_RUN_ID', () => {
    const s = laneStatement({ lane: 'e2e', images, env: { GITHUB_SHA: SHA } });
    expect(s.predicate).not.toHaveProperty('run');
  });

  it.each([
    [{ lane: 'e2e' as const, images: [] }, /needs at least one image/],
    [{ lane: 'e2e' as const, images: [images[0]!, images[0]!] }, /"web" appears twice/],
    [{ lane: 'e2e' as const, images: [{ ...images[0]!, digest: 'sha256:abc' }] }, /sha256 needs 64 hex/],
    [
      { lane: 'e2e' as const, images: [{ ...images[0]!, repository: 'r/web@sha256:x' }] },
      /without tag or digest/,
    ],
    [{ lane: 'source' as 'e2e', images }, /not "source"/],
  ])('refuses bad input %#', (opts, message) => {
    expect(() => laneStatement({ ...opts, env: GH })).toThrow(message);
  });

  it('promotionStatement records the target, the lanes it verified and the attestations it relied on', () => {
    const input = { uri: `oci://127.0.0.1:5000/app/web@${D2}`, digest: { sha256: 'd'.repeat(64) } };
    const s = promotionStatement({
      images,
      env: GH,
      target: 'registry/app:prod',
      verifiedLanes: ['integration', 'e2e'],
      inputAttestations: [input],
    });
    expect(s.predicate.lane).toBe('promotion');
    expect(s.predicate.target).toBe('registry/app:prod');
    expect(s.predicate.verifier.id).toBe('https://digestline.dev/verifier/promotion');
    expect(s.predicate.policy).toEqual({ uri: 'https://digestline.dev/policy/promotion/v1' });
    expect(s.predicate.verifiedLevels).toEqual([
      'DIGESTLINE_PROMOTION_LEVEL_1',
      'DIGESTLINE_INTEGRATION_LEVEL_1',
      'DIGESTLINE_E2E_LEVEL_1',
    ]);
    expect(s.predicate.inputAttestations).toEqual([input]);
    expect(s.predicate.run).toEqual({ id: '9001', attempt: '1' });
    // VSA's own fields come first, in the spec's order; digestline's extensions after them.
    expect(Object.keys(s.predicate)).toEqual([
      'verifier',
      'timeVerified',
      'resourceUri',
      'policy',
      'inputAttestations',
      'verificationResult',
      'verifiedLevels',
      'lane',
      'commit',
      'runUrl',
      'tested',
      'target',
      'checks',
      'run',
    ]);
    expect(parseStatement(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
});

describe('parseStatement', () => {
  const good = JSON.parse(JSON.stringify(sourceStatement({ commit: SHA, env: {} }))) as Record<
    string,
    unknown
  >;
  it.each([
    [null, /not a JSON object/],
    [{ ...good, _type: 'x' }, /_type/],
    [{ ...good, predicateType: 'https://slsa.dev/provenance/v1' }, /predicateType/],
    [{ ...good, subject: [] }, /no subject/],
    [{ ...good, predicate: { ...(good.predicate as object), lane: 'deploy' } }, /lane "deploy"/],
    [
      { ...good, predicate: { ...(good.predicate as object), verificationResult: 'OK' } },
      /verificationResult "OK"/,
    ],
    [{ ...good, predicate: { ...(good.predicate as object), tested: [{ name: 'x' }] } }, /tested entries/],
  ])('refuses malformed statements %#', (value, message) => {
    expect(() => parseStatement(value)).toThrow(message);
  });

  it('refuses the predicate type digestline wrote before VSA', () => {
    const old = { ...good, predicateType: 'https://digestline.dev/verification/v1' };
    expect(() => parseStatement(old)).toThrow('expected https://slsa.dev/verification_summary/v1');
  });
});
