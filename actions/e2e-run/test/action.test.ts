import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { Inputs, Outputs } from '../src/constants.js';

const ACTION_YML = fileURLToPath(new URL('../action.yml', import.meta.url));

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
  runs: { main: string; post: string; 'post-if': string };
}

test('e2e-run: constants.ts names exactly the inputs and outputs of action.yml', async () => {
  const action = parse(await readFile(ACTION_YML, 'utf8')) as ActionYml;
  expect(Object.values(Inputs).sort()).toEqual(Object.keys(action.inputs).sort());
  expect(Object.values(Outputs).sort()).toEqual(Object.keys(action.outputs).sort());
  // Post tears down what main started, also after a failed or cancelled main.
  expect(action.runs).toMatchObject({ main: 'dist/index.js', post: 'dist/index.js', 'post-if': 'always()' });
  // Defaults the code relies on when an input is empty (context.ts).
  expect(action.inputs[Inputs.BaseUrlService]?.default).toBe('frontend');
  expect(action.inputs[Inputs.UploadArtifacts]?.default).toBe('true');
  expect(action.inputs[Inputs.ArtifactName]?.default).toBe('e2e-report');
  expect(action.inputs[Inputs.Retries]?.default).toBe('0');
});
