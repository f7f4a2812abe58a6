/**
 * Which build failures are retried (engine and apt output as seen on this host), and that a retried
 * build says so in the log while a broken one fails at once.
 */
import { describe, expect, test, vi } from 'vitest';
import { BuildError } from '../../src/engine/build-args.js';
import type { BuildOptions, ContainerEngine } from '../../src/engine/engine.js';
import { buildWithRetry, transientBuildFailure } from '../../src/image/transient.js';
import { recordingLog } from '../support/log.js';

const ID = `sha256:${'b'.repeat(64)}`;

function failed(stepOutput: string): BuildError {
  return new BuildError(['podman', 'build', '.'], 100, 'Error: building at STEP', stepOutput);
}

describe('transientBuildFailure', () => {
  test.each<[string, string, string]>([
    [
      'apt: name resolution',
      "W: Failed to fetch http://deb.debian.org/debian/dists/trixie/InRelease  Temporary failure resolving 'deb.debian.org'\nE: Unable to locate package nodejs",
      'a name did not resolve',
    ],
    [
      'image pull: name resolution',
      'Error: creating build container: dial tcp: lookup registry.example on 10.0.0.1:53: Temporary failure in name resolution',
      'a name did not resolve',
    ],
    [
      'npm: EAI_AGAIN',
      'npm error request to https://registry.npmjs.org/vite failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org',
      'a name did not resolve',
    ],
    ['curl: resolve', 'curl: (6) Could not resolve host: example.org', 'a name did not resolve'],
    [
      'reset',
      'E: Failed to fetch http://deb.debian.org/debian/pool/main/n/nodejs/x.deb  Connection reset by peer [IP: 1.2.3.4 80]',
      'a connection was reset',
    ],
    ['npm: reset', 'npm error code ECONNRESET', 'a connection was reset'],
    [
      'apt: timeout',
      'E: Failed to fetch http://deb.debian.org/x  Connection timed out [IP: 1.2.3.4 80]',
      'a connection timed out',
    ],
    [
      'go: i/o timeout',
      'Error: copying layer: read tcp 127.0.0.1:1->127.0.0.1:5000: i/o timeout',
      'a connection timed out',
    ],
    [
      'apt: 503',
      'E: Failed to fetch http://deb.debian.org/debian/pool/main/c/x.deb  503  Service Unavailable [IP: 1.2.3.4 80]',
      'a server answered 5xx',
    ],
    [
      'apt: 502',
      'Err:3 http://deb.debian.org/debian trixie/main amd64 Packages\n  502  Bad Gateway [IP: 1.2.3.4 80]',
      'a server answered 5xx',
    ],
    [
      'apt: 404 on a package index',
      'E: Failed to fetch http://deb.debian.org/debian/dists/trixie/main/binary-amd64/Packages.xz  404  Not Found [IP: 1.2.3.4 80]',
      'the mirror answered 404 for a package index',
    ],
  ])('%s is transient', (_name, output, reason) => {
    expect(transientBuildFailure(failed(output))?.reason).toBe(reason);
  });

  test.each<[string, string]>([
    [
      'a failing RUN',
      'STEP 4/9: RUN npm test\nFAIL src/app.test.ts\nError: building at STEP "RUN npm test": exit status 1',
    ],
    ['a syntax error', 'Error: parsing containerfile: unknown instruction: RUNN'],
    [
      'a missing file',
      'Error: building at STEP "COPY app.js /app/": checking on sources: no such file or directory',
    ],
    ['an unknown package', 'E: Unable to locate package nodejss'],
    [
      'a 404 on a .deb',
      'E: Failed to fetch http://deb.debian.org/debian/pool/main/n/nodejs/nodejs_1.deb  404  Not Found',
    ],
    [
      'a 404 on a URL the file names',
      'curl: (22) The requested URL returned error: 404 https://example.org/dists/x',
    ],
  ])('%s is not', (_name, output) => {
    expect(transientBuildFailure(failed(output))).toBeUndefined();
  });

  test('only the failing step of a BuildError is read, not its message', () => {
    const err = new BuildError(['podman', 'build'], 1, 'Temporary failure resolving', 'STEP 3/3: RUN false');
    expect(transientBuildFailure(err)).toBeUndefined();
  });

  test('another error is judged by its message', () => {
    expect(transientBuildFailure(new Error('docker push r/c:latest: connection reset by peer'))?.line).toBe(
      'docker push r/c:latest: connection reset by peer',
    );
  });
});

describe('buildWithRetry', () => {
  const opts: BuildOptions = { context: 'ctx', tags: ['r/a:1'] };
  const dns = failed(
    "W: Failed to fetch http://deb.debian.org/x  Temporary failure resolving 'deb.debian.org'",
  );

  function engineFailing(...errors: Error[]) {
    const build = vi.fn(async () => {
      const err = errors.shift();
      if (err !== undefined) throw err;
      return ID;
    });
    return { engine: { build } as unknown as ContainerEngine, build };
  }

  test('a transient failure is built again, and the log says which failure and which attempt', async () => {
    const { engine, build } = engineFailing(dns);
    const log = recordingLog();
    const sleep = vi.fn(async () => undefined);
    await expect(buildWithRetry(engine, opts, log, { sleep })).resolves.toBe(ID);
    expect(build).toHaveBeenCalledTimes(2);
    expect(sleep).toHaveBeenCalledWith(10_000);
    expect(log.lines).toEqual([
      {
        level: 'warning',
        line: `build attempt 1 of 3 failed because a name did not resolve ("W: Failed to fetch http://deb.debian.org/x  Temporary failure resolving 'deb.debian.org'"); building again in 10 s`,
      },
      { level: 'info', line: 'the build passed on attempt 2 of 3' },
    ]);
  });

  test('a failing RUN is never built again', async () => {
    const run = failed('STEP 4/9: RUN npm test\nFAIL src/app.test.ts');
    const { engine, build } = engineFailing(run);
    const log = recordingLog();
    await expect(buildWithRetry(engine, opts, log, { sleep: async () => undefined })).rejects.toBe(run);
    expect(build).toHaveBeenCalledTimes(1);
    expect(log.lines).toEqual([]);
  });

  test('gives up after the last attempt, counting them', async () => {
    const { engine, build } = engineFailing(dns, dns, dns, dns);
    const log = recordingLog();
    await expect(buildWithRetry(engine, opts, log, { sleep: async () => undefined })).rejects.toThrow(
      /^the build failed 3 times, the last time because a name did not resolve/,
    );
    expect(build).toHaveBeenCalledTimes(3);
    expect(log.lines.map((l) => l.line.slice(0, 19))).toEqual(['build attempt 1 of ', 'build attempt 2 of ']);
  });
});
