/**
 * The Compose normaliser against the reference itself: `docker compose config --format json` from
 * Debian's docker-compose (scripts/setup-host exports DIGESTLINE_COMPOSE). With
 * DIGESTLINE_COMPOSE_REGENERATE=1 it also rewrites each case's expected.json, which the unit test
 * compares against without the binary.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareWithReference } from '../packages/core/test/stack/normalise/compare.js';
import {
  expectedFile,
  listCases,
  referenceValues,
  runOurs,
  runReference,
  timeReference,
} from '../packages/core/test/stack/normalise/reference.js';

const bin = process.env.DIGESTLINE_COMPOSE;

describe('normaliseCompose against docker compose config', () => {
  it('has the reference binary (scripts/setup-host exports DIGESTLINE_COMPOSE)', () => {
    expect(bin, 'DIGESTLINE_COMPOSE is unset: run eval "$(scripts/setup-host)"').toBeTruthy();
  });
  for (const c of listCases()) {
    it(c.name, () => {
      expect(bin, 'DIGESTLINE_COMPOSE is unset').toBeTruthy();
      const reference = runReference(bin!, c);
      if (process.env.DIGESTLINE_COMPOSE_REGENERATE === '1') {
        writeFileSync(expectedFile(c), `${JSON.stringify(reference, null, 2)}\n`);
      }
      compareWithReference(c, runOurs(c), reference, referenceValues);
    });
  }
  it('measures ours against the reference (figures printed)', () => {
    expect(bin, 'DIGESTLINE_COMPOSE is unset').toBeTruthy();
    const rows: string[] = [];
    for (const c of listCases()) {
      runOurs(c);
      const n = 20;
      const started = performance.now();
      for (let i = 0; i < n; i++) runOurs(c);
      const ours = (performance.now() - started) / n;
      let theirs = 0;
      for (let i = 0; i < 5; i++) theirs += timeReference(bin!, c);
      theirs /= 5;
      rows.push(`${c.name.padEnd(20)} ours ${ours.toFixed(2)} ms  reference ${theirs.toFixed(1)} ms`);
    }
    console.log(rows.join('\n'));
    expect(rows.length).toBe(listCases().length);
  });
});
