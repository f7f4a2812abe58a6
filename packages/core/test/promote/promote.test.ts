import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { envelopeOf, signEnvelope, statementOf } from '../../src/evidence/dsse.js';
import { laneStatement } from '../../src/evidence/statement.js';
import { SummaryBuilder } from '../../src/summary.js';
import { storeEvidence } from '../../src/evidence/store.js';
import { findEvidence } from '../../src/evidence/find.js';
import { cosignAttestationTag } from '../../src/evidence/cosign-layout.js';
import { PromotionRefusedError } from '../../src/promote/decide.js';
import { buildPlan } from '../../src/promote/plan.js';
import { parseDigest } from '../../src/reference.js';
import {
  promote,
  promotedOutput,
  summarizePromotion,
  type PromoteOptions,
} from '../../src/promote/promote.js';
import { recordingLog } from '../support/log.js';
import { FakeRegistry } from './fake-registry.js';

const SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const TARGET = 'dst:5000/staging/{name}:staging';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-promote-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const keyPair = () =>
  generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
/** The lanes sign their evidence with this key; promote-digest signs its record with the other. */
const laneKey = keyPair();
const promotionKey = keyPair();

interface Evidence {
  /** CI run id of the evidence (`predicate.run.id`). */
  runId?: string;
  result?: 'PASSED' | 'FAILED';
  at?: string;
  /** Private key signing it; false leaves it unsigned. */
  sign?: string | false;
  /** Test an extra image along with web and api. */
  extra?: boolean;
}

/**
 * A source registry with `web` and `api`, each with integration evidence for the pair (passing, run
 * 42, signed by the lane key unless `evidence` says otherwise).
 */
async function setup(evidence: Evidence[] | false = [{}]) {
  const source = new FakeRegistry('src:5000');
  const target = new FakeRegistry('dst:5000');
  const web = source.addImage('app/web', 'web');
  const api = source.addImage('app/api', 'api');
  for (const e of evidence === false ? [] : evidence) {
    const statement = laneStatement({
      lane: 'integration',
      images: [
        { name: 'web', digest: web.digest, repository: 'src:5000/app/web' },
        { name: 'api', digest: api.digest, repository: 'src:5000/app/api' },
        ...(e.extra === true
          ? [{ name: 'worker', digest: `sha256:${'9'.repeat(64)}`, repository: 'src:5000/app/worker' }]
          : []),
      ],
      commit: SHA,
      runUrl: `https://git.example/org/app/actions/runs/${e.runId ?? '42'}`,
      env: {},
      result: e.result ?? 'PASSED',
      ...(e.result === 'FAILED'
        ? { checks: [{ name: 'api.spec', result: 'FAILED' as const, durationMs: 1 }] }
        : {}),
      timeVerified: new Date(e.at ?? '2026-01-02T00:00:00Z'),
    });
    statement.predicate.run = { id: e.runId ?? '42', attempt: '1' };
    const unsigned = envelopeOf(statement);
    const envelope = e.sign === false ? unsigned : signEnvelope(unsigned, e.sign ?? laneKey.privateKey);
    await storeEvidence(source, 'app/web', web.digest, envelope, { settleMs: () => 0 });
    await storeEvidence(source, 'app/api', api.digest, envelope, { settleMs: () => 0 });
  }
  const plan = buildPlan(
    [
      { name: 'web', registry: 'src:5000', repository: 'app/web', digest: parseDigest(web.digest) },
      { name: 'api', registry: 'src:5000', repository: 'app/api', digest: parseDigest(api.digest) },
    ],
    TARGET,
  );
  const log = recordingLog();
  const groups: string[] = [];
  const options: PromoteOptions = {
    plan,
    target: TARGET,
    requiredLanes: ['integration'],
    commit: SHA,
    evidenceRun: '42',
    laneKeys: [laneKey.publicKey],
    signingKey: promotionKey.privateKey,
    recordDir: dir,
    clientFor: (registry) => (registry === 'src:5000' ? source : target),
    copy: { settleMs: () => 0 },
    recordSettleMs: () => 0,
    env: {},
    log,
    group: async (title, fn) => {
      groups.push(title);
      return fn();
    },
    now: () => new Date('2026-01-03T00:00:00Z'),
  };
  return { source, target, web, api, options, log, groups };
}

describe('promote', () => {
  it('copies the set with its evidence, records the promotion, and writes nothing the second time', async () => {
    const { target, web, api, options, log, groups } = await setup();
    const result = await promote(options);

    expect(result.alreadyPromoted).toBe(false);
    expect(promotedOutput(result)).toBe(
      `web=dst:5000/staging/web@${web.digest}\napi=dst:5000/staging/api@${api.digest}`,
    );
    expect(target.tags.get('staging/web:staging')).toBe(web.digest);
    expect(target.tags.get('staging/api:staging')).toBe(api.digest);
    expect(groups).toEqual([
      'Resolve source digests',
      'Verify evidence',
      'Check the target',
      'Copy server-side',
      'Check the target digests',
      'Promotion record',
    ]);
    const lanes = (await findEvidence(target, 'staging/web', web.digest)).map(
      (e) => e.envelope && statementOf(e.envelope).predicate.lane,
    );
    expect(lanes.sort()).toEqual(['integration', 'promotion']);
    const file = JSON.parse(await readFile(result.recordPath, 'utf8')) as unknown;
    expect(file).toEqual(result.record);
    expect(statementOf(result.record).predicate.tested.map((t) => t.name)).toEqual(['web', 'api']);
    expect(log.lines.map((l) => l.line)).toContain(`promotion record: ${result.recordPath} (signed)`);
    expect(statementOf(result.record).predicate).toMatchObject({ evidenceRun: '42' });
    expect(statementOf(result.record).predicate).not.toHaveProperty('unsignedAllowed');

    const writes = target.calls.length;
    const again = await promote({ ...options, now: () => new Date('2026-01-04T00:00:00Z') });
    expect(again.alreadyPromoted, log.lines.map((l) => l.line).join('\n')).toBe(true);
    expect(again.record).toEqual(result.record);
    expect(target.calls.length).toBe(writes);
  });

  it("lists the lane attestations it relied on and fills the target's cosign .att tag", async () => {
    const { source, target, web, api, options } = await setup();
    const result = await promote(options);
    const record = statementOf(result.record).predicate;
    // One integration envelope covers the pair: relied on once, named where it was copied to.
    const [sourceEvidence] = await findEvidence(source, 'app/web', web.digest);
    const layer = sourceEvidence!.manifest!.json.layers![0]!.digest;
    expect(record.inputAttestations).toEqual([
      {
        uri: `oci://dst:5000/staging/web@${sourceEvidence!.descriptor.digest}`,
        digest: { sha256: layer.slice('sha256:'.length) },
      },
    ]);
    expect(record.verifiedLevels).toEqual(['DIGESTLINE_PROMOTION_LEVEL_1', 'DIGESTLINE_INTEGRATION_LEVEL_1']);
    for (const [repo, image] of [
      ['staging/web', web],
      ['staging/api', api],
    ] as const) {
      const att = await target.getManifest(repo, cosignAttestationTag(image.digest));
      const lanes = await Promise.all(
        att.json.layers!.map(async (l) => {
          const blob = await target.getBlob(repo, l.digest);
          const envelope = JSON.parse(Buffer.from(await new Response(blob.stream).arrayBuffer()).toString());
          return statementOf(envelope).predicate.lane;
        }),
      );
      expect(lanes).toEqual(['integration', 'promotion']);
    }
  });

  it('stores the record without asking the target for blobs it copied or uploaded itself', async () => {
    const { source, target, web, options } = await setup();
    // Blobs asked for while the record is stored (the copy asks before it streams, rightly).
    const asked: string[] = [];
    let recording = false;
    const head = target.headBlob.bind(target);
    target.headBlob = async (repo, digest) => {
      if (recording) asked.push(`${repo}@${digest}`);
      return head(repo, digest);
    };
    const group = options.group!;
    const result = await promote({
      ...options,
      group: (title, fn) => {
        recording = title === 'Promotion record';
        return group(title, fn);
      },
    });
    const [laneEvidence] = await findEvidence(source, 'app/web', web.digest);
    const laneLayer = laneEvidence!.manifest!.json.layers![0]!.digest;
    const [recordEvidence] = (await findEvidence(target, 'staging/web', web.digest)).filter(
      (e) => e.envelope !== undefined && statementOf(e.envelope).predicate.lane === 'promotion',
    );
    const recordLayer = recordEvidence!.manifest!.json.layers![0]!.digest;
    expect(result.alreadyPromoted).toBe(false);
    expect(asked).not.toContain(`staging/web@${laneLayer}`);
    expect(asked).not.toContain(`staging/web@${recordLayer}`);
  });

  it('fails when storing the cosign tag of the record fails, after the rest of the record settled', async () => {
    const { target, options } = await setup();
    target.failOn = (c) => c.startsWith('PUT manifest staging/api:sha256-') && c.endsWith('.att');
    await expect(promote(options)).rejects.toThrow(/\.att: 503 injected/);
    // The other parts of the record were written (each settled), and the images stay promoted.
    expect(
      target.calls.some((c) => c.startsWith('PUT manifest staging/web:sha256-') && c.endsWith('.att')),
    ).toBe(true);
  });

  it('refuses to start without lane keys unless unsigned evidence is allowed, before any request', async () => {
    const { source, target, options } = await setup();
    const noKeys: PromoteOptions = { ...options };
    delete noKeys.laneKeys;
    const before = source.calls.length + target.calls.length;
    const journal: string[] = [];
    const clientFor = (registry: string) => {
      journal.push(registry);
      return options.clientFor!(registry, 'source');
    };
    await expect(promote({ ...noKeys, clientFor })).rejects.toThrow(/no lane public key.*allowUnsigned/);
    await expect(promote({ ...options, laneKeys: [], clientFor })).rejects.toThrow(/no lane public key/);
    await expect(promote({ ...options, evidenceRun: '', clientFor })).rejects.toThrow(/no evidence run/);
    expect(journal).toEqual([]);
    expect(source.calls.length + target.calls.length).toBe(before);
  });

  it('with allowUnsigned: promotes on unsigned evidence, warns, and the record and summary say so', async () => {
    const { options, log } = await setup([{ sign: false }]);
    const noKeys: PromoteOptions = { ...options };
    delete noKeys.laneKeys;
    const result = await promote({ ...noKeys, allowUnsigned: true });
    expect(result.unsignedAllowed).toBe(true);
    expect(statementOf(result.record).predicate).toMatchObject({ unsignedAllowed: true, evidenceRun: '42' });
    expect(log.lines.filter((l) => l.level === 'warning').map((l) => l.line)).toEqual([
      expect.stringMatching(/^UNSIGNED EVIDENCE ALLOWED: the lanes' evidence signatures are not checked/),
    ]);
    const summary = new SummaryBuilder();
    summarizePromotion(summary, result);
    expect(summary.toText()).toMatch(/evidence signatures were NOT checked \(allow-unsigned\)/);
    expect(summary.toText()).toContain('Evidence of CI run 42.');
  });

  it.each([
    ['unsigned evidence', [{ sign: false as const }], /integration evidence is unsigned/],
    [
      'evidence signed by the promotion key, which is not a lane key',
      [{ sign: promotionKey.privateKey }],
      /integration evidence is not signed by lane key [0-9a-f]{12}…/,
    ],
    [
      'evidence of another run (41), while this run (42) has none',
      [{ runId: '41' }],
      /lacks passing integration evidence .*it is from run 41, not run 42/,
    ],
    [
      'a newer FAIL of this run over a PASS of run 41',
      [{ runId: '41' }, { runId: '42', result: 'FAILED' as const, at: '2026-01-03T00:00:00Z' }],
      /the latest run \(https:\/\/git\.example\/org\/app\/actions\/runs\/42, .*\) FAILED \(api\.spec\)/,
    ],
    [
      'evidence of a larger set than the one promoted',
      [{ extra: true }],
      /it was tested with worker@sha256:999999999999…, which is not in the set/,
    ],
  ])('refuses %s and writes nothing', async (_what, evidence, problem) => {
    const { target, options } = await setup(evidence);
    const error = await promote(options).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(PromotionRefusedError);
    expect((error as PromotionRefusedError).problems.join('\n')).toMatch(problem);
    expect(target.calls).toEqual([]);
  });

  it('refuses a set without passing evidence and writes nothing', async () => {
    const { target, options } = await setup(false);
    const error = await promote(options).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(PromotionRefusedError);
    expect((error as PromotionRefusedError).problems.join('\n')).toMatch(
      /lacks passing integration evidence/,
    );
    expect(target.calls).toEqual([]);
  });
});
