import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { expect, test, vi } from 'vitest';
import * as commands from '../src/commands.js';
import { stepIo } from './support/step-io.js';

// commands.ts writes the workflow commands without loading @actions/core (cold start); these tests
// hold it to @actions/core's exact bytes, so an upgrade that changes a format breaks here.

const io = stepIo('commands');

/** What one call writes to stdout and to the GITHUB_OUTPUT / GITHUB_STATE files, heredoc delimiters normalised. */
function written(call: () => void, tag: string): { stdout: string; output: string; state: string } {
  for (const f of ['output', 'state']) writeFileSync(join(io.dir, `${tag}-${f}`), '');
  vi.stubEnv('GITHUB_OUTPUT', join(io.dir, `${tag}-output`));
  vi.stubEnv('GITHUB_STATE', join(io.dir, `${tag}-state`));
  io.stdout = '';
  call();
  const norm = (s: string): string => s.replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIM');
  return {
    stdout: norm(io.stdout),
    output: norm(readFileSync(join(io.dir, `${tag}-output`), 'utf8')),
    state: norm(readFileSync(join(io.dir, `${tag}-state`), 'utf8')),
  };
}

const awkward = 'a%b\r\nc:d,e\n-- multi\nline';

test.each<[string, (c: typeof core | typeof commands) => void]>([
  ['setOutput', (c) => c.setOutput('digest', awkward)],
  ['saveState', (c) => c.saveState('project', awkward)],
  ['setSecret', (c) => c.setSecret(awkward)],
  ['info', (c) => c.info(awkward)],
  ['debug', (c) => c.debug(awkward)],
  ['warning', (c) => c.warning(awkward)],
  ['error', (c) => c.error(awkward)],
  ['startGroup', (c) => c.startGroup(awkward)],
  ['endGroup', (c) => c.endGroup()],
])('%s writes what @actions/core writes', (_name, call) => {
  expect(written(() => call(commands), 'ours')).toEqual(written(() => call(core), 'core'));
});

test('setFailed writes the error and sets exit code 1, as @actions/core does', () => {
  const ours = written(() => commands.setFailed('build-image failed: x'), 'ours');
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  const theirs = written(() => core.setFailed('build-image failed: x'), 'core');
  expect(ours).toEqual(theirs);
  expect(exitCode).toBe(1);
  expect(process.exitCode).toBe(1);
  process.exitCode = undefined;
});

test.each([
  ['INPUT_IMAGES', '  a=r/a@sha256:1\n ', 'images'],
  ['INPUT_BUILD_ARGS', 'X=1', 'build args'],
  ['INPUT_REGISTRY-PASSWORD', ' p ', 'registry-password'],
])('getInput(%j) reads and trims like @actions/core', (env, value, name) => {
  vi.stubEnv(env, value);
  expect(commands.getInput(name)).toBe(core.getInput(name));
  expect(commands.getInput('absent')).toBe(core.getInput('absent'));
});

test('getState reads STATE_* like @actions/core', () => {
  vi.stubEnv('STATE_project', 'it-1');
  expect(commands.getState('project')).toBe(core.getState('project'));
  expect(commands.getState('none')).toBe(core.getState('none'));
});
