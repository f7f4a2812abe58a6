import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as core from '@actions/core';
import { isPost, runAction } from '../src/action.js';
import { CleanupError, InputError } from '../src/errors.js';

let dir: string;
let stdout: string;

/** Parses a GITHUB_STATE / GITHUB_OUTPUT file (`name<<delim\nvalue\ndelim` entries). */
function readFileCommands(path: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i++; lines[i] !== delimiter; i++) value.push(lines[i]!);
    entries[name!] = value.join('\n');
  }
  return entries;
}

const state = (): Record<string, string> => readFileCommands(join(dir, 'state'));
const outputs = (): Record<string, string> => readFileCommands(join(dir, 'output'));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dl-action-test-'));
  for (const file of ['state', 'output']) writeFileSync(join(dir, file), '');
  vi.stubEnv('GITHUB_STATE', join(dir, 'state'));
  vi.stubEnv('GITHUB_OUTPUT', join(dir, 'output'));
  vi.stubEnv('STATE_isPost', undefined);
  vi.stubEnv('RUNNER_DEBUG', undefined);
  stdout = '';
  // Workflow commands (::error::, ::warning::) go to stdout; record them instead of printing.
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('main step', () => {
  test('saves isPost=true before main runs, and succeeds quietly', async () => {
    let stateDuringMain: Record<string, string> = {};
    await runAction('build-image', async () => {
      stateDuringMain = state();
      core.setOutput('digest', 'sha256:abc');
    });
    expect(stateDuringMain).toStrictEqual({ isPost: 'true' });
    expect(outputs()).toStrictEqual({ digest: 'sha256:abc' });
    expect(process.exitCode).toBeUndefined();
    expect(stdout).not.toContain('::error::');
  });

  test.each<[string, unknown, string]>([
    ['an Error', new Error('registry said 401'), 'registry said 401'],
    [
      'an InputError',
      new InputError('push', 'input "push" must be true or false, got "yes"'),
      'input "push" must be true or false, got "yes"',
    ],
    ['a string', 'plain text', 'plain text'],
    ['an object with a message', { message: 'from an object' }, 'from an object'],
    ['an object without a message', { code: 42 }, '{"code":42}'],
    ['undefined', undefined, 'unknown error (undefined was thrown)'],
    ['null', null, 'unknown error (null was thrown)'],
    ['an Error without a message', new Error(''), 'unknown error (an Error with an empty message)'],
  ])('%s thrown from main fails the step with exit code 1', async (_what, thrown, message) => {
    await expect(
      runAction('build-image', async () => {
        throw thrown;
      }),
    ).resolves.toBeUndefined();
    expect(stdout).toContain(`::error::build-image failed: ${message}\n`);
    expect(process.exitCode).toBe(1);
    // Even a failed main must leave the marker, so that its post step can clean up.
    expect(state()).toStrictEqual({ isPost: 'true' });
  });

  test('outputs set before the failure are kept', async () => {
    await runAction('promote-digest', async () => {
      core.setOutput('copied', '3');
      throw new Error('manifest unknown');
    });
    expect(outputs()).toStrictEqual({ copied: '3' });
    expect(stdout).toContain('::error::promote-digest failed: manifest unknown\n');
  });

  test('does not run post in the main step', async () => {
    const post = vi.fn(async () => {});
    await runAction('x', async () => {}, post);
    expect(post).not.toHaveBeenCalled();
  });

  test('logs the stack only as debug', async () => {
    await runAction('x', async () => {
      throw new Error('boom');
    });
    expect(stdout).toMatch(/^::debug::Error: boom%0A\s+at /m);
  });
});

describe('post step', () => {
  beforeEach(() => {
    // What the runner sets for the post step after main saved isPost=true.
    vi.stubEnv('STATE_isPost', 'true');
  });

  test('runs post, not main, and saves no state', async () => {
    const main = vi.fn(async () => {});
    const post = vi.fn(async () => {});
    expect(isPost()).toBe(true);
    await runAction('deploy-staging', main, post);
    expect(main).not.toHaveBeenCalled();
    expect(post).toHaveBeenCalledOnce();
    expect(state()).toStrictEqual({});
    expect(process.exitCode).toBeUndefined();
  });

  test('an ordinary error is a warning and the step stays green', async () => {
    await runAction(
      'deploy-staging',
      async () => {},
      async () => {
        throw new Error('network dl-123 still in use');
      },
    );
    expect(stdout).toContain('::warning::deploy-staging post step: network dl-123 still in use\n');
    expect(stdout).not.toContain('::error::');
    expect(process.exitCode).toBeUndefined();
  });

  test('a non-Error thrown value is a warning too', async () => {
    await runAction(
      'deploy-staging',
      async () => {},
      async () => {
        throw 'gone';
      },
    );
    expect(stdout).toContain('::warning::deploy-staging post step: gone\n');
    expect(process.exitCode).toBeUndefined();
  });

  test('a CleanupError fails the step', async () => {
    await runAction(
      'deploy-staging',
      async () => {},
      async () => {
        throw new CleanupError('volume dl-db could not be saved before removal');
      },
    );
    expect(stdout).toContain(
      '::error::deploy-staging post step failed: volume dl-db could not be saved before removal\n',
    );
    expect(process.exitCode).toBe(1);
  });

  test('an action without post does nothing in the post step', async () => {
    const main = vi.fn(async () => {});
    await runAction('build-image', main);
    expect(main).not.toHaveBeenCalled();
    expect(stdout).toBe('');
    expect(process.exitCode).toBeUndefined();
  });
});
