/** Registry-derived text is made one inert log line before it is logged. */
import { describe, expect, it } from 'vitest';
import { neutral, neutralStrings } from '../src/untrusted.js';
import { failUnlessStatus } from '../src/registry/responses.js';
import { envelopeOf, statementOf } from '../src/evidence/dsse.js';
import { laneStatement } from '../src/evidence/statement.js';

describe('neutral', () => {
  it.each([
    ['https://ci.example/run/1\n::add-mask::x', 'https://ci.example/run/1\\u{a}::add-mask::x'],
    ['a\r\n::error::forged', 'a\\u{d}\\u{a}::error::forged'],
    ['\u001b[2Jcleared', '\\u{1b}[2Jcleared'],
    ['x\u2028::warning::y\u0085z', 'x\\u{2028}::warning::y\\u{85}z'],
    ['::stop-commands::tok', ' ::stop-commands::tok'],
    ['  ##[group]x', '   ##[group]x'],
    ['plain text: a::b', 'plain text: a::b'],
  ])('%j → %j', (input, expected) => {
    expect(neutral(input)).toBe(expected);
    expect(neutral(input)).not.toMatch(/[\n\r]/);
  });

  it('neutralStrings reaches every string of parsed JSON, keys too, and keeps the rest', () => {
    expect(
      neutralStrings({ runUrl: 'u\n::x', n: 3, ok: true, none: null, list: ['a\nb', 1], ['k\n']: 'v' }),
    ).toEqual({ runUrl: 'u\\u{a}::x', n: 3, ok: true, none: null, list: ['a\\u{a}b', 1], 'k\\u{a}': 'v' });
  });
});

describe('registry error bodies', () => {
  it('cannot put a workflow command on a line of its own in the error message', async () => {
    const body = JSON.stringify({
      errors: [{ code: 'DENIED', message: 'no\n::add-mask::secret\n::error::x' }],
    });
    const response = new Response(body, { status: 403, statusText: 'Forbidden' });
    const err = await failUnlessStatus(response, 'GET', 'https://r.example/v2/', [200], 'none').catch(
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).not.toContain('\n');
    expect((err as Error).message).toContain('no\\u{a}::add-mask::secret');
  });
});

describe('evidence read from a registry', () => {
  it('reaches deciders and logs with every string made one inert line', () => {
    const statement = laneStatement({
      lane: 'integration',
      images: [{ name: 'backend', digest: `sha256:${'b'.repeat(64)}`, repository: 'r.example/team/backend' }],
      commit: 'c'.repeat(40),
      runUrl: 'https://ci.example/run/1',
      result: 'PASSED',
      checks: [{ name: 'suite', result: 'PASSED', durationMs: 1 }],
    });
    statement.predicate.runUrl = 'https://ci.example/run/1\n::add-mask::x\n::error::forged';
    statement.predicate.checks[0]!.detail = '\u001b[2Jok';
    const read = statementOf(envelopeOf(statement));
    expect(read.predicate.runUrl).toBe('https://ci.example/run/1\\u{a}::add-mask::x\\u{a}::error::forged');
    expect(read.predicate.checks[0]!.detail).toBe('\\u{1b}[2Jok');
    expect(read.subject).toEqual(statement.subject);
  });
});
