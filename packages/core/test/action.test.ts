import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as core from '@actions/core';
import { isPost, runAction } from '../src/action.js';
import { CleanupError, InputError } from '../src/errors.js';
import { parseFileCommands } from '../../../test/support/file-commands.js';
import { stepIo } from './support/step-io.js';

const io = stepIo('action', { STATE_isPost: undefined, RUNNER_DEBUG: undefined }, ['state', 'output']);
const fileCommands = (file: string): Record<string, string> =>
  parseFileCommands(readFileSync(join(io.dir, file), 'utf8'));
const state = (): Record<string, string> => fileCommands('state');
const outputs = (): Record<string, string> => fileCommands('output');

afterEach(() => {
  process.exitCode = undefined;
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
    expect(io.stdout).not.toContain('::error::');
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
    expect(io.stdout).toContain(`::error::build-image failed: ${message}\n`);
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
    expect(io.stdout).toContain('::error::promote-digest failed: manifest unknown\n');
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
    expect(io.stdout).toMatch(/^::debug::Error: boom%0A\s+at /m);
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
    expect(io.stdout).toContain('::warning::deploy-staging post step: network dl-123 still in use\n');
    expect(io.stdout).not.toContain('::error::');
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
    expect(io.stdout).toContain('::warning::deploy-staging post step: gone\n');
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
    expect(io.stdout).toContain(
      '::error::deploy-staging post step failed: volume dl-db could not be saved before removal\n',
    );
    expect(process.exitCode).toBe(1);
  });

  test('an action without post does nothing in the post step', async () => {
    const main = vi.fn(async () => {});
    await runAction('build-image', main);
    expect(main).not.toHaveBeenCalled();
    expect(io.stdout).toBe('');
    expect(process.exitCode).toBeUndefined();
  });
});
