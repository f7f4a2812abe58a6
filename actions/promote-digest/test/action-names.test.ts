import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REQUIRABLE_LANES } from '@digestline/core/promote/lanes';
import { Inputs, Outputs } from '../src/constants.js';

const meta = parse(readFileSync(join(import.meta.dirname, '../action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};

describe('promote-digest action.yml and constants.ts', () => {
  it('name the same inputs and outputs', () => {
    expect(Object.values(Inputs).sort()).toEqual(Object.keys(meta.inputs).sort());
    expect(Object.values(Outputs).sort()).toEqual(Object.keys(meta.outputs).sort());
  });

  it('default require lists exactly the lanes the code accepts', () => {
    expect(meta.inputs['require']?.default?.split(',')).toEqual([...REQUIRABLE_LANES]);
  });
});
