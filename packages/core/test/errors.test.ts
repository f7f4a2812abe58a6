import { describe, expect, test } from 'vitest';
import { CleanupError, errorMessage, ExecError, ImageReferenceError, InputError } from '../src/errors.js';

describe('errorMessage', () => {
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  class Custom extends Error {
    override name = 'TimeoutError';
  }

  test.each<[string, unknown, string]>([
    ['an Error', new Error('boom'), 'boom'],
    ['an Error with padding', new Error('  boom \n'), 'boom'],
    ['an empty Error', new Error(''), 'unknown error (an Error with an empty message)'],
    ['an empty Error subclass with a name', new Custom(''), 'TimeoutError'],
    ['a string', 'text', 'text'],
    ['an empty string', '', 'unknown error (an empty string was thrown)'],
    ['undefined', undefined, 'unknown error (undefined was thrown)'],
    ['null', null, 'unknown error (null was thrown)'],
    ['an object with message', { message: 'from object' }, 'from object'],
    ['an object with a non-string message', { message: 42 }, '{"message":42}'],
    ['a plain object', { status: 500 }, '{"status":500}'],
    ['an empty object', {}, 'unknown error (an object without a message was thrown)'],
    ['a circular object', circular, 'unknown error (an object without a message was thrown)'],
    ['an object with toString', { toString: () => 'custom' }, 'custom'],
    ['a number', 7, '7'],
    ['a bigint', 7n, '7'],
    ['a symbol', Symbol('s'), 'Symbol(s)'],
  ])('%s', (_what, value, expected) => {
    expect(errorMessage(value)).toBe(expected);
  });
});

describe('error classes', () => {
  test('InputError names its input', () => {
    const err = new InputError('push', 'input "push" must be true or false, got "yes"');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('InputError');
    expect(err.input).toBe('push');
    expect(err.message).toBe('input "push" must be true or false, got "yes"');
  });

  test('ExecError describes the command, exit code and stderr tail', () => {
    const err = new ExecError(['podman', 'push', 'x'], 125, 'Error: unauthorized\n');
    expect(err.name).toBe('ExecError');
    expect(err.argv).toStrictEqual(['podman', 'push', 'x']);
    expect(err.exitCode).toBe(125);
    expect(err.message).toBe('podman push x exited with code 125:\nError: unauthorized');
    expect(new ExecError(['docker', 'ps'], null, '').message).toBe('docker ps did not exit normally');
    expect(new ExecError(['docker'], 1, 'x', 'custom').message).toBe('custom');
  });

  test('ImageReferenceError keeps the text and reason', () => {
    const err = new ImageReferenceError('Foo/bar', 'repository must be lowercase');
    expect(err.message).toBe('"Foo/bar" is not a valid image reference: repository must be lowercase');
    expect(err.text).toBe('Foo/bar');
    expect(err.reason).toBe('repository must be lowercase');
    expect(new ImageReferenceError('x', 'bad', 'digest').message).toBe('"x" is not a valid digest: bad');
  });

  test('CleanupError is an Error with its own name and cause', () => {
    const cause = new Error('EBUSY');
    const err = new CleanupError('could not remove volume', { cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('CleanupError');
    expect(err.cause).toBe(cause);
  });
});
