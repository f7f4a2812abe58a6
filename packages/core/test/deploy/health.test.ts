import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseHealthCheck,
  parseHealthChecks,
  parseJsonPath,
  runHealthCheck,
  soak,
  valueAt,
} from '../../src/deploy/health.js';

describe('parseHealthCheck', () => {
  it.each([
    ['http://127.0.0.1:18080/healthz', { url: 'http://127.0.0.1:18080/healthz', status: 200 }],
    ['http://127.0.0.1:18080/healthz 204', { status: 204 }],
    [
      'http://127.0.0.1:18080/healthz 200 $.status=ok',
      { status: 200, json: { path: '$.status', segments: ['status'], expected: 'ok' } },
    ],
    [
      'http://h/x $.a[0]["b c"]=two words',
      { status: 200, json: { segments: ['a', 0, 'b c'], expected: 'two words' } },
    ],
  ])('%s', (line, expected) => {
    expect(parseHealthCheck(line, 'health-checks')).toMatchObject(expected);
  });

  it.each([
    ['not a url', /is not a URL/],
    ['ftp://h/x', /only http and https/],
    ['http://h/x 999', /not an HTTP status/],
    ['http://h/x 200 status=ok', /is not json-path=value/],
    ['http://h/x $.a..b=1', /not understood from "..b"/],
  ])('refuses %s', (line, error) => {
    expect(() => parseHealthCheck(line, 'health-checks')).toThrow(error);
    expect(() => parseHealthCheck(line, 'health-checks')).toThrow(/input "health-checks"/);
  });

  it('reads one check per line, skipping blanks and comments', () => {
    expect(parseHealthChecks('\n# c\nhttp://a/x\n  http://b/y 201\n', 'hc').map((c) => c.url)).toEqual([
      'http://a/x',
      'http://b/y',
    ]);
  });
});

describe('JSON paths', () => {
  it('parses and resolves the supported subset', () => {
    expect(parseJsonPath('$')).toEqual([]);
    expect(parseJsonPath(`$.a['b'][2].c`)).toEqual(['a', 'b', 2, 'c']);
    const doc = { a: { b: [1, 2, { c: true }] } };
    expect(valueAt(doc, ['a', 'b', 2, 'c'])).toBe(true);
    expect(valueAt(doc, ['a', 'x'])).toBeUndefined();
    expect(valueAt(doc, ['a', 'b', 9])).toBeUndefined();
  });
});

describe('runHealthCheck and soak against a local server', () => {
  let server: Server;
  let base = '';
  let healthy = true;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow') return void setTimeout(() => res.end('{}'), 500);
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: healthy ? 'ok' : 'down', n: 3, up: true }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const a = server.address();
    base = `http://127.0.0.1:${typeof a === 'object' && a !== null ? a.port : 0}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each([
    ['/healthz 200 $.status=ok', true, 'status 200, $.status=ok'],
    ['/healthz 200 $.n=3', true, '$.n=3'],
    ['/healthz 200 $.up=true', true, '$.up=true'],
    ['/healthz 200 $.status=down', false, '$.status is ok, expected down'],
    ['/healthz 200 $.missing=x', false, '$.missing is absent'],
    ['/healthz 204', false, 'status 200, expected 204'],
  ])('%s → %s', async (suffix, ok, detail) => {
    const outcome = await runHealthCheck(parseHealthCheck(`${base}${suffix}`, 'hc'));
    expect(outcome.ok).toBe(ok);
    expect(outcome.detail).toContain(detail);
  });

  it('fails on a refused connection and on a timeout', async () => {
    const refused = await runHealthCheck(parseHealthCheck('http://127.0.0.1:9/x', 'hc'), { timeoutMs: 500 });
    expect(refused.ok).toBe(false);
    expect(refused.detail).toMatch(/ECONNREFUSED|fetch failed/);
    const slow = await runHealthCheck(parseHealthCheck(`${base}/slow`, 'hc'), { timeoutMs: 100 });
    expect(slow.ok).toBe(false);
    expect(slow.detail).toMatch(/timeout|aborted/i);
  });

  it('soak keeps checking for the whole window', async () => {
    healthy = true;
    const result = await soak({
      checks: [parseHealthCheck(`${base}/healthz 200 $.status=ok`, 'hc')],
      durationMs: 450,
      intervalMs: 100,
    });
    expect(result.ok).toBe(true);
    expect(result.rounds).toBeGreaterThanOrEqual(5);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(450);
  });

  it('soak ends at the first failing round', async () => {
    healthy = true;
    let rounds = 0;
    const result = await soak({
      checks: [parseHealthCheck(`${base}/healthz 200 $.status=ok`, 'hc')],
      durationMs: 5000,
      intervalMs: 50,
      onRound: (n) => {
        rounds = n;
        if (n === 3) healthy = false;
      },
    });
    healthy = true;
    expect(result).toMatchObject({ ok: false, rounds: 4 });
    expect(rounds).toBe(4);
    expect(result.failure).toContain('status 503, expected 200');
    expect(result.elapsedMs).toBeLessThan(2000);
  });

  it('soak fails when the extra condition does', async () => {
    const result = await soak({
      checks: [],
      durationMs: 1000,
      intervalMs: 50,
      alsoCheck: async () => 'backend exited',
    });
    expect(result).toEqual(expect.objectContaining({ ok: false, rounds: 1, failure: 'backend exited' }));
  });
});
