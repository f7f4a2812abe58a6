import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventSink, type DeployEvent } from '../../src/deploy/events.js';
import { escapeLabel, renderMetrics, writeFileAtomic } from '../../src/deploy/metrics.js';
import { recordingLog } from '../support/log.js';

const base = {
  event: 'started' as const,
  environment: 'staging',
  deploymentId: '20260301T120000Z-ab12',
  kind: 'deploy' as const,
  digests: { backend: 'r/app@sha256:' + 'a'.repeat(64) },
  commit: 'c'.repeat(40),
  runUrl: 'unknown',
};

describe('EventSink', () => {
  let server: Server;
  let url = '';
  const received: DeployEvent[] = [];
  let mode: 'ok' | 'error' | 'hang' = 'ok';
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (mode === 'hang') return;
        received.push(JSON.parse(body) as DeployEvent);
        res.writeHead(mode === 'ok' ? 204 : 500).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const a = server.address();
    url = `http://127.0.0.1:${typeof a === 'object' && a !== null ? a.port : 0}/hook`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });

  it('logs one JSON line and POSTs the same event', async () => {
    mode = 'ok';
    const log = recordingLog();
    const sink = new EventSink({ webhook: url, log });
    await sink.emit({ ...base, detail: 'x' });
    const lines = log.lines.filter((l) => l.level === 'info').map((l) => l.line);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const logged = JSON.parse(lines[0]!) as DeployEvent;
    expect(logged).toMatchObject({ schema: 'digestline.deploy.event/v1', event: 'started', detail: 'x' });
    expect(received.at(-1)).toEqual(logged);
    expect(sink.failedDeliveries).toBe(0);
  });

  it.each([
    ['an error status', 'error' as const, /HTTP 500/],
    ['no answer within the timeout', 'hang' as const, /timeout|aborted/i],
  ])('turns %s into a warning without the URL', async (_what, m, error) => {
    mode = m;
    const log = recordingLog();
    const sink = new EventSink({ webhook: url, timeoutMs: 200, log });
    const started = Date.now();
    await sink.emit(base);
    const warnings = log.lines.filter((l) => l.level === 'warning').map((l) => l.line);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(sink.failedDeliveries).toBe(1);
    expect(warnings[0]).toMatch(error);
    expect(warnings[0]).toContain('events-webhook: could not deliver the started event');
    expect(warnings[0]).not.toContain(url);
  });
});

describe('metrics', () => {
  it('renders Prometheus text with every family typed before its samples', () => {
    const text = renderMetrics({
      environment: 'staging',
      result: 'rolled-back',
      deployMs: 1234,
      soakMs: 30_000,
      services: { web: 'sha256:' + 'b'.repeat(64), api: 'sha256:' + 'a'.repeat(64) },
      lastSuccess: new Date('2026-03-01T12:00:00.900Z'),
      totals: { verified: 3, failed: 1 },
    });
    expect(text).toContain(
      'digestline_deploy_duration_seconds{environment="staging",phase="deploy"} 1.234\n',
    );
    expect(text).toContain(
      'digestline_deploy_duration_seconds{environment="staging",phase="total"} 31.234\n',
    );
    expect(text).toContain('digestline_deploy_result{environment="staging",result="rolled-back"} 1\n');
    expect(text).toContain('digestline_deploy_result{environment="staging",result="deployed"} 0\n');
    expect(text).toMatch(
      /digestline_deploy_info\{environment="staging",service="api",digest="sha256:a{64}"\} 1\n/,
    );
    expect(text).toContain(
      'digestline_deploy_last_success_timestamp_seconds{environment="staging"} 1772366400\n',
    );
    expect(text).toContain('# TYPE digestline_deployments_total counter\n');
    const lines = text.trimEnd().split('\n');
    const typed = new Set<string>();
    for (const line of lines) {
      const t = /^# TYPE (\S+) (gauge|counter)$/.exec(line);
      if (t) typed.add(t[1]!);
      else if (!line.startsWith('# HELP ')) expect(typed.has(line.split(/[{ ]/)[0]!)).toBe(true);
    }
  });

  it('escapes label values', () => {
    expect(escapeLabel('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
  });

  it('replaces the file atomically, leaving no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dl-metrics-'));
    try {
      const path = join(dir, 'm', 'deploy.prom');
      await writeFileAtomic(path, 'one\n');
      await writeFileAtomic(path, 'two\n');
      expect(await readFile(path, 'utf8')).toBe('two\n');
      expect(await readdir(join(dir, 'm'))).toEqual(['deploy.prom']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
