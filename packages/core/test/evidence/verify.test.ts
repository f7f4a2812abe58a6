import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { envelopeOf, signEnvelope, type DsseEnvelope } from '../../src/evidence/dsse.js';
import { laneStatement, sourceStatement, type VerificationStatement } from '../../src/evidence/statement.js';
import type { FoundEvidence } from '../../src/evidence/find.js';
import { decideEvidence, short, type EvidenceDecisionInput } from '../../src/evidence/verify.js';

const SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const OTHER_SHA = '9'.repeat(40);
const WEB = `sha256:${'a'.repeat(64)}`;
const API = `sha256:${'b'.repeat(64)}`;
const API2 = `sha256:${'c'.repeat(64)}`;
const SET = [
  { name: 'web', digest: WEB },
  { name: 'api', digest: API },
];

function pair() {
  return generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}
const key = pair();
const stranger = pair();
const rotated = pair();

interface LaneOpts {
  lane?: 'integration' | 'e2e';
  commit?: string;
  result?: 'PASSED' | 'FAILED';
  api?: string | null;
  at?: string;
  run?: string;
  /** CI run id (`predicate.run.id`); null for evidence naming no run. */
  runId?: string | null;
  names?: [string, string];
  extra?: boolean;
}

/** Sets `predicate.run` as the lanes do (the run id of the evidence). */
function fromRun(s: VerificationStatement, id: string | null = '42'): VerificationStatement {
  if (id !== null) s.predicate.run = { id, attempt: '1' };
  return s;
}

function lane(o: LaneOpts = {}): VerificationStatement {
  const [webName, apiName] = o.names ?? ['web', 'api'];
  const images = [{ name: webName, digest: WEB, repository: 'r/web' }];
  if (o.api !== null) images.push({ name: apiName, digest: o.api ?? API, repository: 'r/api' });
  if (o.extra === true) images.push({ name: 'worker', digest: API2, repository: 'r/worker' });
  const s = laneStatement({
    lane: o.lane ?? 'e2e',
    images,
    commit: o.commit ?? SHA,
    result: o.result ?? 'PASSED',
    checks: o.result === 'FAILED' ? [{ name: 'checkout.spec', result: 'FAILED', durationMs: 10 }] : [],
    runUrl: o.run ?? 'https://ci/runs/1',
    env: {},
    timeVerified: new Date(o.at ?? '2026-01-01T00:00:00Z'),
  });
  return fromRun(s, o.runId);
}

const source = (commit = SHA, runId: string | null = '42') =>
  fromRun(sourceStatement({ commit, env: {}, result: 'PASSED' }), runId);

let n = 0;
function found(
  s: VerificationStatement | DsseEnvelope,
  sign: 'none' | 'key' | 'stranger' | 'rotated' = 'key',
): FoundEvidence {
  let env = 'payload' in s ? s : envelopeOf(s);
  if (sign === 'key') env = signEnvelope(env, key.privateKey);
  if (sign === 'rotated') env = signEnvelope(env, rotated.privateKey);
  if (sign === 'stranger') env = signEnvelope(env, stranger.privateKey);
  n++;
  return {
    descriptor: { mediaType: 'm', digest: `sha256:${n.toString(16).padStart(64, '0')}`, size: 1 },
    via: 'tag:x',
    envelope: env,
  };
}

function decide(over: Partial<EvidenceDecisionInput>) {
  return decideEvidence({
    digest: WEB,
    commit: SHA,
    run: '42',
    requiredLanes: ['source', 'integration', 'e2e'],
    set: SET,
    imageEvidence: [],
    sourceEvidence: [],
    trust: { keys: [key.publicKey] },
    ...over,
  });
}

const allGood = {
  imageEvidence: [found(lane({ lane: 'integration' })), found(lane())],
  sourceEvidence: [found(source())],
};

describe('decideEvidence', () => {
  it('passes when every required lane has signed passing evidence for this digest, commit and set', () => {
    const v = decide(allGood);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.lanes.e2e).toEqual({
      passed: true,
      reason: expect.stringMatching(/^e2e PASSED for sha256:aaaaaaaaaaaa… at 2026/),
      // The evidence that decided it: what a promotion record names as relied on.
      evidence: allGood.imageEvidence[1],
    });
  });

  const cases: Array<[string, Partial<EvidenceDecisionInput>, RegExp]> = [
    [
      'no e2e evidence',
      { imageEvidence: [found(lane({ lane: 'integration' }))] },
      /lacks passing e2e evidence for commit 1a2b3c4d5e6f…: none found/,
    ],
    [
      'e2e at another commit',
      { imageEvidence: [allGood.imageEvidence[0]!, found(lane({ commit: OTHER_SHA }))] },
      /lacks passing e2e evidence.*it is for commit 999999999999…/,
    ],
    [
      'e2e tested with another api',
      { imageEvidence: [allGood.imageEvidence[0]!, found(lane({ api: API2 }))] },
      /e2e evidence.*tested without api@sha256:bbbbbbbbbbbb…/,
    ],
    [
      'e2e tested web alone',
      { imageEvidence: [allGood.imageEvidence[0]!, found(lane({ api: null }))] },
      /tested without api@/,
    ],
    [
      'e2e failed',
      { imageEvidence: [allGood.imageEvidence[0]!, found(lane({ result: 'FAILED' }))] },
      /latest run \(https:\/\/ci\/runs\/1, .*\) FAILED \(checkout.spec\)/,
    ],
    [
      'unsigned e2e',
      { imageEvidence: [allGood.imageEvidence[0]!, found(lane(), 'none')] },
      /lacks passing e2e evidence.*is unsigned/,
    ],
    [
      'e2e signed by another key',
      { imageEvidence: [allGood.imageEvidence[0]!, found(lane(), 'stranger')] },
      /is not signed by lane key [0-9a-f]{12}…/,
    ],
    [
      'e2e signed by a key that is not among several lane keys',
      {
        trust: { keys: [key.publicKey, rotated.publicKey] },
        imageEvidence: [allGood.imageEvidence[0]!, found(lane(), 'stranger')],
      },
      /is not signed by any lane key \([0-9a-f]{12}…, [0-9a-f]{12}…\)/,
    ],
    [
      'e2e tested with an extra image',
      { imageEvidence: [allGood.imageEvidence[0]!, found(lane({ extra: true }))] },
      /tested with worker@sha256:cccccccccccc…, which is not in the set/,
    ],
    [
      'e2e tested the same digests under other names',
      { imageEvidence: [allGood.imageEvidence[0]!, found(lane({ names: ['front', 'back'] }))] },
      /tested without web@sha256:aaaaaaaaaaaa…, api@sha256:bbbbbbbbbbbb… and with front@/,
    ],
    [
      'e2e from another run',
      { imageEvidence: [allGood.imageEvidence[0]!, found(lane({ runId: '41' }))] },
      /lacks passing e2e evidence.*it is from run 41, not run 42/,
    ],
    [
      'e2e naming no run',
      { imageEvidence: [allGood.imageEvidence[0]!, found(lane({ runId: null }))] },
      /lacks passing e2e evidence.*it names no CI run \(predicate.run\), so it cannot count for run 42/,
    ],
    [
      'source from another run',
      { ...allGood, sourceEvidence: [found(source(SHA, '41'))] },
      /lacks passing source evidence.*it is from run 41, not run 42/,
    ],
    [
      'source for another commit',
      { ...allGood, sourceEvidence: [found(source(OTHER_SHA))] },
      /lacks passing source evidence for commit 1a2b3c4d5e6f…: .*it is for commit 999999999999…/,
    ],
    ['no source evidence', { ...allGood, sourceEvidence: [] }, /lacks passing source evidence.*none found/],
  ];
  it.each(cases)('refuses: %s', (_name, over, reason) => {
    const v = decide({ ...allGood, ...over });
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(reason);
    expect(v.problems[0]).toMatch(/^sha256:aaaaaaaaaaaa… lacks passing (source|e2e) evidence/);
  });

  it('refuses a tampered payload under a valid signature', () => {
    const signed = signEnvelope(envelopeOf(lane({ result: 'FAILED' })), key.privateKey);
    const forged = { ...signed, payload: envelopeOf(lane()).payload };
    const v = decide({ ...allGood, imageEvidence: [allGood.imageEvidence[0]!, found(forged, 'none')] });
    expect(v.ok).toBe(false);
    expect(v.lanes.e2e?.reason).toMatch(/not signed by lane key/);
  });

  it('counts evidence signed by any of several lane keys (rotation)', () => {
    const v = decide({
      trust: { keys: [key.publicKey, rotated.publicKey] },
      imageEvidence: [found(lane({ lane: 'integration' })), found(lane(), 'rotated')],
      sourceEvidence: [found(source(), 'rotated')],
    });
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('refuses to decide with an empty key list: no keys is not "unsigned allowed"', () => {
    expect(() => decide({ ...allGood, trust: { keys: [] } })).toThrow(
      /no lane public key to verify evidence with/,
    );
  });

  it('a pass of an earlier run does not count, before or after the newer failure is deleted (replay)', () => {
    const run41Pass = found(lane({ runId: '41', at: '2026-01-01T00:00:00Z', run: 'https://ci/runs/41' }));
    const run42Fail = found(
      lane({ runId: '42', result: 'FAILED', at: '2026-01-02T00:00:00Z', run: 'https://ci/runs/42' }),
    );
    const withFail = decide({ ...allGood, imageEvidence: [run41Pass, run42Fail], requiredLanes: ['e2e'] });
    expect(withFail.ok).toBe(false);
    expect(withFail.lanes.e2e?.reason).toMatch(/latest run \(https:\/\/ci\/runs\/42, .*\) FAILED/);
    const failDeleted = decide({ ...allGood, imageEvidence: [run41Pass], requiredLanes: ['e2e'] });
    expect(failDeleted.ok).toBe(false);
    expect(failDeleted.lanes.e2e?.reason).toMatch(/none counts|it is from run 41, not run 42/);
    // The same pass counts for its own run.
    expect(decide({ imageEvidence: [run41Pass], requiredLanes: ['e2e'], run: '41' }).ok).toBe(true);
  });

  it('accepts unsigned evidence only when unsigned evidence is explicitly allowed', () => {
    const v = decide({
      trust: { unsignedAllowed: true },
      imageEvidence: [found(lane({ lane: 'integration' }), 'none'), found(lane(), 'none')],
      sourceEvidence: [found(source(), 'none')],
    });
    expect(v.ok).toBe(true);
  });

  it('lets the latest applicable verdict decide', () => {
    const passThenFail = [
      found(lane({ at: '2026-01-01T00:00:00Z' })),
      found(lane({ result: 'FAILED', at: '2026-01-02T00:00:00Z' })),
    ];
    const failThenPass = [
      found(lane({ result: 'FAILED', at: '2026-01-01T00:00:00Z' })),
      found(lane({ at: '2026-01-02T00:00:00Z', run: 'https://ci/runs/2' })),
    ];
    expect(decide({ ...allGood, imageEvidence: passThenFail, requiredLanes: ['e2e'] }).ok).toBe(false);
    const v = decide({ ...allGood, imageEvidence: failThenPass, requiredLanes: ['e2e'] });
    expect(v.ok).toBe(true);
    expect(v.lanes.e2e?.reason).toMatch(/runs\/2/);
  });

  it('ignores a newer failure for a different set', () => {
    const evidence = [
      found(lane()),
      found(lane({ api: API2, result: 'FAILED', at: '2026-02-01T00:00:00Z' })),
    ];
    expect(decide({ imageEvidence: evidence, requiredLanes: ['e2e'] }).ok).toBe(true);
  });

  it('reports unreadable evidence and evidence in the wrong place without failing a passing lane', () => {
    const broken: FoundEvidence = {
      descriptor: { mediaType: 'm', digest: API, size: 1 },
      via: 'tag:x',
      error: 'evidence sha256:bb in r: blob hashes to sha256:cc',
    };
    const v = decide({ ...allGood, imageEvidence: [...allGood.imageEvidence, broken, found(source())] });
    expect(v.ok).toBe(true);
    expect(v.problems).toEqual([
      broken.error,
      expect.stringMatching(/source evidence found where image evidence belongs/),
    ]);
  });

  it('only judges the required lanes', () => {
    const v = decide({ requiredLanes: ['integration'], imageEvidence: [allGood.imageEvidence[0]!] });
    expect(v).toMatchObject({ ok: true, lanes: { integration: { passed: true } } });
    expect(Object.keys(v.lanes)).toEqual(['integration']);
  });
});

describe('short', () => {
  it.each([
    [WEB, 'sha256:aaaaaaaaaaaa…'],
    [SHA, '1a2b3c4d5e6f…'],
    ['abc', 'abc'],
  ])('%s → %s', (input, out) => expect(short(input)).toBe(out));
});
