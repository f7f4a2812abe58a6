import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envelopeOf, statementOf } from '../../src/evidence/dsse.js';
import { laneStatement } from '../../src/evidence/statement.js';
import { storeEvidence } from '../../src/evidence/store.js';
import { findEvidence } from '../../src/evidence/find.js';
import { cosignAttestationTag } from '../../src/evidence/cosign-layout.js';
import { PromotionRefusedError } from '../../src/promote/decide.js';
import { buildPlan } from '../../src/promote/plan.js';
import { parseDigest } from '../../src/reference.js';
import { promote, promotedOutput, type PromoteOptions } from '../../src/promote/promote.js';
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

/** A source registry with `web` and `api`, each with passing integration evidence for the pair. */
async function setup(withEvidence = true) {
  const source = new FakeRegistry('src:5000');
  const target = new FakeRegistry('dst:5000');
  const web = source.addImage('app/web', 'web');
  const api = source.addImage('app/api', 'api');
  if (withEvidence) {
    const envelope = envelopeOf(
      laneStatement({
        lane: 'integration',
        images: [
          { name: 'web', digest: web.digest, repository: 'src:5000/app/web' },
          { name: 'api', digest: api.digest, repository: 'src:5000/app/api' },
        ],
        commit: SHA,
        runUrl: 'https://git.example/org/app/actions/runs/1',
        env: {},
        timeVerified: new Date('2026-01-02T00:00:00Z'),
      }),
    );
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
    expect(log.lines.map((l) => l.line)).toContain(`promotion record: ${result.recordPath} (unsigned)`);

    const writes = target.calls.length;
    const again = await promote({ ...options, now: () => new Date('2026-01-04T00:00:00Z') });
    expect(again.alreadyPromoted).toBe(true);
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
