import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { getState, maskSecret, saveState, setOutputs } from '../src/step.js';
import { stepIo } from './support/step-io.js';

const io = stepIo('step', {}, ['state', 'output']);

test('setOutputs writes every output to the GITHUB_OUTPUT file, multi-line values included', () => {
  setOutputs({ digest: 'sha256:abc', promoted: 'a=r/a@sha256:1\nb=r/b@sha256:2' });
  const text = readFileSync(join(io.dir, 'output'), 'utf8');
  expect(text).toMatch(/^digest<<(.+)\nsha256:abc\n\1\n/);
  expect(text).toContain('\na=r/a@sha256:1\nb=r/b@sha256:2\n');
});

test('saveState writes to GITHUB_STATE; getState reads what the runner hands back as STATE_*', () => {
  saveState('project', 'it-1-abc');
  expect(readFileSync(join(io.dir, 'state'), 'utf8')).toContain('\nit-1-abc\n');
  vi.stubEnv('STATE_project', 'it-1-abc');
  expect(getState('project')).toBe('it-1-abc');
  expect(getState('absent')).toBe('');
});

test('maskSecret masks a PEM key whole and line by line, and ignores empty values', () => {
  const pem = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEG\nshort\n-----END PRIVATE KEY-----';
  maskSecret(pem);
  maskSecret('');
  const masks = io.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
  expect(masks).toContain('::add-mask::MIGHAgEAMBMGByqGSM49AgEG');
  expect(masks).toContain('::add-mask::-----BEGIN PRIVATE KEY-----');
  // Lines shorter than 8 characters would mask common words everywhere in the log.
  expect(masks).not.toContain('::add-mask::short');
  expect(masks.length).toBe(4);
});
