import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { Inputs, Outputs, State } from '../src/constants.js';

const ACTION_YML = fileURLToPath(new URL('../action.yml', import.meta.url));

describe('action.yml and constants.ts', () => {
  const yml = parse(readFileSync(ACTION_YML, 'utf8')) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
    runs: Record<string, string>;
  };

  test('name the same inputs and outputs', () => {
    expect(Object.values(Inputs).sort()).toEqual(Object.keys(yml.inputs).sort());
    expect(Object.values(Outputs).sort()).toEqual(Object.keys(yml.outputs).sort());
  });

  test('the post step always runs, from the same bundle', () => {
    expect(yml.runs).toMatchObject({ main: 'dist/index.js', post: 'dist/index.js', 'post-if': 'always()' });
    expect(new Set(Object.values(State)).size).toBe(Object.values(State).length);
  });
});
