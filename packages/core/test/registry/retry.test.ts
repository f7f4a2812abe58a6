import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  fetchWithRetry,
  isRetryableStatus,
  parseRetryAfter,
  resolveRetryOptions,
  type RetryEvent,
} from '../../src/registry/retry.js';

function policy(attempts = 4) {
  const sleeps: number[] = [];
  const options = resolveRetryOptions({
    attempts,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { options, sleeps };
}

const respond = (status: number, headers: Record<string, string> = {}): Response =>
  new Response(status === 204 ? null : `{"status":${status}}`, { status, headers });

describe('isRetryableStatus', () => {
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [505, false],
    [400, false],
    [401, false],
    [404, false],
    [200, false],
  ])('%i → %s', (status, expected) => expect(isRetryableStatus(status)).toBe(expected));
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles per retry with equal jitter, capped', () => {
    const o = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, { ...o, random: () => 0 })).toBe(50);
    expect(backoffDelay(1, { ...o, random: () => 0.999999 })).toBe(100);
    expect(backoffDelay(3, { ...o, random: () => 0 })).toBe(200);
    expect(backoffDelay(10, { ...o, random: () => 0.999999 })).toBe(1000);
  });
});

describe('resolveRetryOptions', () => {
  it('refuses nonsense', () => {
    expect(() => resolveRetryOptions({ attempts: 0 })).toThrow(
      'retry.attempts must be an integer >= 1, got 0',
    );
    expect(() => resolveRetryOptions({ baseDelayMs: -1 })).toThrow(/must be >= 0/);
    expect(resolveRetryOptions(undefined).attempts).toBe(4);
  });
});

describe('fetchWithRetry', () => {
  it('retries 5xx until success, backing off exponentially', async () => {
    const { options, sleeps } = policy();
    const statuses = [503, 500, 200];
    const events: RetryEvent[] = [];
    let calls = 0;
    const res = await fetchWithRetry(
      async () => respond(statuses[calls++]!),
      options,
      (e) => events.push(e),
    );
    expect(res.status).toBe(200);
    expect(calls).toBe(3);
    expect(sleeps).toEqual([75, 150]);
    expect(events.map((e) => [e.attempt, e.status])).toEqual([
      [1, 503],
      [2, 500],
    ]);
  });

  it('honours Retry-After on 429 (clamped by maxRetryAfterMs)', async () => {
    const { options, sleeps } = policy();
    let calls = 0;
    const answers = [
      respond(429, { 'retry-after': '2' }),
      respond(429, { 'retry-after': '3600' }),
      respond(200),
    ];
    const res = await fetchWithRetry(async () => answers[calls++]!, options);
    expect(res.status).toBe(200);
    expect(sleeps).toEqual([2000, 60_000]);
  });

  it('gives up after the bounded number of attempts and returns the last response', async () => {
    const { options, sleeps } = policy(3);
    let calls = 0;
    const res = await fetchWithRetry(async () => {
      calls++;
      return respond(502);
    }, options);
    expect(res.status).toBe(502);
    expect(calls).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it('retries network errors and rethrows the last one', async () => {
    const { options } = policy(2);
    let calls = 0;
    await expect(
      fetchWithRetry(async () => {
        calls++;
        throw new TypeError(`fetch failed ${calls}`);
      }, options),
    ).rejects.toThrow('fetch failed 2');
    expect(calls).toBe(2);

    calls = 0;
    const ok = await fetchWithRetry(async () => {
      if (calls++ === 0) throw new TypeError('ECONNRESET');
      return respond(200);
    }, options);
    expect(ok.status).toBe(200);
  });

  it('does not retry client errors', async () => {
    const { options, sleeps } = policy();
    let calls = 0;
    for (const status of [400, 401, 404, 501]) {
      const res = await fetchWithRetry(async () => {
        calls++;
        return respond(status);
      }, options);
      expect(res.status).toBe(status);
    }
    expect(calls).toBe(4);
    expect(sleeps).toEqual([]);
  });
});
