import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { envelopeOf, signEnvelope, type DsseEnvelope } from '../../src/evidence/dsse.js';
import { laneStatement, sourceStatement, type VerificationStatement } from '../../src/evidence/statement.js';
import type { EvidenceTrust } from '../../src/evidence/verify.js';
import type { FoundEvidence } from '../../src/evidence/find.js';
import { decideSet, PromotionRefusedError, type ImageEvidence } from '../../src/promote/decide.js';

const SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const OTHER = 'ffffffffffffffffffffffffffffffffffffffff';
const WEB = `sha256:${'a'.repeat(64)}`;
const API = `sha256:${'b'.repeat(64)}`;
const ELSE = `sha256:${'c'.repeat(64)}`;
const key = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const otherKey = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

let n = 0;
function found(envelope: DsseEnvelope): FoundEvidence {
  n++;
  return {
    descriptor: {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: `sha256:${n.toString(16).padStart(64, '0')}`,
      size: 1,
    },
    via: 'tag:test',
    envelope,
  };
}

type Opts = { commit?: string; sign?: string | false; result?: 'PASSED' | 'FAILED'; time?: string };
/** Evidence of CI run 42, the run being promoted. */
function ofRun42(s: VerificationStatement): VerificationStatement {
  s.predicate.run = { id: '42', attempt: '1' };
  return s;
}
function lane(l: 'integration' | 'e2e', digests: Array<[string, string]>, o: Opts = {}): FoundEvidence {
  const e = envelopeOf(
    ofRun42(
      laneStatement({
        lane: l,
        images: digests.map(([name, digest]) => ({ name, digest, repository: `127.0.0.1:5000/${name}` })),
        commit: o.commit ?? SHA,
        runUrl: 'https://ci/run/1',
        env: {},
        timeVerified: new Date(o.time ?? '2026-01-01T00:00:00Z'),
        ...(o.result !== undefined ? { result: o.result } : {}),
      }),
    ),
  );
  return found(o.sign === false ? e : signEnvelope(e, o.sign ?? key.privateKey));
}
function source(o: Opts = {}): FoundEvidence {
  const e = envelopeOf(
    ofRun42(sourceStatement({ commit: o.commit ?? SHA, runUrl: 'https://ci/run/1', env: {} })),
  );
  return found(o.sign === false ? e : signEnvelope(e, o.sign ?? key.privateKey));
}

const BOTH: Array<[string, string]> = [
  ['web', WEB],
  ['api', API],
];
const full = (_digest: string, set = BOTH, o: Opts = {}): FoundEvidence[] => [
  lane('integration', set, o),
  lane('e2e', set, o),
];
const image = (
  name: string,
  digest: string,
  imageEvidence: FoundEvidence[],
  sourceEvidence = [source()],
): ImageEvidence => ({
  name,
  reference: `127.0.0.1:5000/${name}@${digest}`,
  digest,
  imageEvidence,
  sourceEvidence,
});

const LANES = ['source', 'integration', 'e2e'] as const;

describe('decideSet', () => {
  const cases: Array<{
    title: string;
    images: () => ImageEvidence[];
    trust?: EvidenceTrust;
    commit?: string;
    ok: boolean;
    problems?: RegExp[];
  }> = [
    {
      title: 'every lane passed for both images, tested together',
      images: () => [image('web', WEB, full(WEB)), image('api', API, full(API))],
      ok: true,
    },
    {
      title: 'signed evidence with one of several lane keys',
      images: () => [image('web', WEB, full(WEB)), image('api', API, full(API))],
      trust: { keys: [otherKey.publicKey, key.publicKey] },
      ok: true,
    },
    {
      title: 'a missing lane',
      images: () => [image('web', WEB, [lane('integration', BOTH)]), image('api', API, full(API))],
      ok: false,
      problems: [
        /^web \(127\.0\.0\.1:5000\/web@sha256:a{64}\): sha256:aaaaaaaaaaaa… lacks passing e2e evidence for commit 1a2b3c4d5e6f…: none found$/,
      ],
    },
    {
      title: 'evidence for another digest',
      images: () => [image('web', ELSE, full(WEB, [['web', WEB]]))],
      ok: false,
      problems: [
        /web .*sha256:cccccccccccc… lacks passing integration evidence.*its subject does not include this digest/,
      ],
    },
    {
      title: 'evidence from another commit',
      images: () => [
        image('web', WEB, full(WEB, [['web', WEB]], { commit: OTHER }), [source({ commit: OTHER })]),
      ],
      ok: false,
      problems: [
        /lacks passing source evidence .*it is for commit ffffffffffff…/,
        /lacks passing integration evidence .*it is for commit ffffffffffff…/,
      ],
    },
    {
      title: 'one image of the set lacks evidence, and the other was tested without it',
      images: () => [image('web', WEB, full(WEB, [['web', WEB]])), image('api', API, [])],
      ok: false,
      problems: [
        /^web .*lacks passing integration evidence.*it was tested without api@sha256:bbbbbbbbbbbb…/,
        /^api .*lacks passing integration evidence.*none found/,
      ],
    },
    {
      title: 'unsigned evidence when a public key is set',
      images: () => [image('web', WEB, full(WEB, [['web', WEB]], { sign: false }))],
      ok: false,
      problems: [/lacks passing integration evidence .*is unsigned/, /integration evidence is unsigned/],
    },
    {
      title: 'evidence signed by another key',
      images: () => [image('web', WEB, full(WEB, [['web', WEB]], { sign: otherKey.privateKey }))],
      ok: false,
      problems: [/e2e evidence is not signed by lane key [0-9a-f]{12}…/],
    },
    {
      title: 'unsigned evidence counts only when unsigned evidence is allowed',
      images: () => [
        image('web', WEB, full(WEB, [['web', WEB]], { sign: false }), [source({ sign: false })]),
      ],
      trust: { unsignedAllowed: true },
      ok: true,
    },
    {
      title: 'passed, then failed on a re-run: the latest run decides',
      images: () => [
        image('web', WEB, [
          ...full(WEB, [['web', WEB]]),
          lane('e2e', [['web', WEB]], { result: 'FAILED', time: '2026-01-02T00:00:00Z' }),
        ]),
      ],
      ok: false,
      problems: [/lacks passing e2e evidence .*the latest run .* FAILED/],
    },
  ];

  it.each(cases)('$title', (c) => {
    const decision = decideSet({
      images: c.images(),
      commit: c.commit ?? SHA,
      run: '42',
      requiredLanes: LANES,
      trust: c.trust ?? { keys: [key.publicKey] },
    });
    expect(decision.ok).toBe(c.ok);
    if (c.ok) expect(decision.problems).toEqual([]);
    for (const re of c.problems ?? [])
      expect(
        decision.problems.some((p) => re.test(p)),
        decision.problems.join('\n'),
      ).toBe(true);
  });

  it('requires only the lanes asked for', () => {
    const d = decideSet({
      images: [image('web', WEB, [lane('integration', [['web', WEB]])], [])],
      commit: SHA,
      run: '42',
      requiredLanes: ['integration'],
      trust: { keys: [key.publicKey] },
    });
    expect(d.ok).toBe(true);
  });

  it('a refusal lists every problem and says nothing was copied', () => {
    const e = new PromotionRefusedError(['web: a', 'api: b']);
    expect(e.message).toBe('promotion refused (evidence check), nothing was copied:\n  - web: a\n  - api: b');
  });
});
