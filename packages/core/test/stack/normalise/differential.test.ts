/**
 * Our normaliser against the reference's committed output (expected.json, written by
 * test/compose-reference.itg.test.ts with DIGESTLINE_COMPOSE_REGENERATE=1): field by field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedFile, listCases, referenceValues, runOurs, type ReferenceResult } from './reference.js';
import { compareWithReference } from './compare.js';

describe('normaliseCompose matches docker compose config (committed expected.json)', () => {
  const cases = listCases();
  it('has the fixture cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });
  for (const c of cases) {
    it(c.name, () => {
      const expected = JSON.parse(readFileSync(expectedFile(c), 'utf8')) as ReferenceResult;
      compareWithReference(c, runOurs(c), expected, referenceValues);
    });
  }
});
