/**
 * The service keys of issue 15's second half, run for real on podman and docker: hostname seen
 * inside; mem_limit, cpus, pids_limit, stop_signal and stop_grace_period in inspect; a udp port
 * published on loopback and never probed (the stack is ready at once, with no URL); tmpfs options
 * in effect (noexec by default on both engines, exec when asked, uid=/gid= owning the mount); and
 * cap_add reaching the process once allow-privileged allows it. Afterwards nothing of the run is left.
 *
 * Needs `eval "$(DIGESTLINE_DOCKER=1 scripts/setup-host)"`. Podman is never skipped; docker is
 * skipped (with the reason printed) when setup-host reported it unavailable or `docker info` fails.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Docker } from '@digestline/core/engine/docker';
import type { ContainerEngine, EngineKind } from '@digestline/core/engine/engine';
import { Podman } from '@digestline/core/engine/podman';
import { Exec } from '@digestline/core/exec';
import { checkStackText, stackErrors } from '@digestline/core/stack/check';
import { Stack } from '@digestline/core/stack/stack';
import { dockerProblem } from './support/docker.js';
import { downLeavesNothing } from './support/stack-down.js';

const BASE_IMAGE = process.env.DIGESTLINE_BASE_IMAGE ?? '';
const exec = new Exec();

const dockerSkipReason = await dockerProblem();

const COMPOSE = (image: string) => `
services:
  app:
    image: ${image}
    entrypoint: []
    command: [sleep, '600']
    user: '1000:1000'
    hostname: keys-app.example
    pids_limit: 64
    mem_limit: 64m
    cpus: 0.5
    stop_signal: SIGINT
    stop_grace_period: 1m30s
    ports: ['127.0.0.1::5353/udp']
    tmpfs:
      - /t-default
      - /t-exec:exec,size=1m
      - /t-owned:noexec,uid=1000,gid=1000,mode=0700
  netadmin:
    image: ${image}
    entrypoint: []
    command: [sleep, '600']
    cap_add: [NET_ADMIN]
`;

/** Runs a shell script in a running container and returns its trimmed stdout. */
async function sh(bin: string, container: string, script: string): Promise<string> {
  const r = await exec.exec(bin, ['exec', container, 'sh', '-c', script], { silent: true });
  return r.stdout.trim();
}

async function inspect(bin: string, container: string, format: string): Promise<string> {
  return (
    await exec.exec(bin, ['container', 'inspect', '--format', format, container], { silent: true })
  ).stdout.trim();
}

describe.each<EngineKind>(['podman', 'docker'])('service keys on %s', (kind) => {
  const skipReason = kind === 'docker' ? dockerSkipReason : undefined;
  if (skipReason !== undefined) console.warn(`skipping the docker stack-keys test: ${skipReason}`);
  it.skipIf(skipReason !== undefined)(
    'hostname, mem_limit, cpus, pids_limit, stop_signal, grace period, a udp port, tmpfs options and an allowed cap_add',
    async () => {
      if (BASE_IMAGE === '')
        throw new Error('DIGESTLINE_BASE_IMAGE not set: run `eval "$(scripts/setup-host)"` first');
      const engine: ContainerEngine = kind === 'podman' ? new Podman(exec) : new Docker(exec);
      const project = `dl-itg-keys-${kind}-${randomBytes(3).toString('hex')}`;
      const check = checkStackText(resolve('keys.yaml'), COMPOSE(BASE_IMAGE), {
        images: [],
        mode: 'validation',
        env: {},
        allow: { privileged: true },
      });
      expect(stackErrors(check)).toEqual([]);
      expect(check.problems.map((p) => `${p.severity} ${p.path}`)).toContain(
        'warning services.netadmin.cap_add',
      );
      const t0 = Date.now();
      const warnings: string[] = [];
      let stack: Stack | undefined;
      try {
        stack = await Stack.up({
          project,
          engine,
          spec: { ...check.spec!, source: 'keys.yaml' },
          readiness: { timeoutMs: 20_000 },
          log: { info: () => undefined, debug: () => undefined, warning: (l) => void warnings.push(l) },
        });
        const upMs = Date.now() - t0;
        const app = `${project}-app`;
        // What the input allows, then what each service was given under it.
        expect(warnings).toEqual([
          expect.stringMatching(/: allow-privileged: true: the stack may use privileged, cap_add, /),
          expect.stringMatching(
            /netadmin runs with access to the host \(allowed by allow-privileged\): cap_add NET_ADMIN$/,
          ),
        ]);

        expect(await sh(kind, app, 'cat /proc/sys/kernel/hostname')).toBe('keys-app.example');
        expect(await inspect(kind, app, '{{.HostConfig.PidsLimit}}')).toBe('64');
        expect(await inspect(kind, app, '{{.HostConfig.Memory}}')).toBe(String(64 * 1024 ** 2));
        expect(await inspect(kind, app, '{{.HostConfig.NanoCpus}}')).toBe('500000000');
        expect(['SIGINT', '2']).toContain(await inspect(kind, app, '{{.Config.StopSignal}}'));
        expect(await inspect(kind, app, '{{.Config.StopTimeout}}')).toBe('90');

        // udp: published on loopback, not probed (ready at once, mode running) and no URL.
        const ports = (await engine.inspectContainer(app)).ports;
        expect(ports).toEqual([
          expect.objectContaining({ containerPort: 5353, protocol: 'udp', hostIp: '127.0.0.1' }),
        ]);
        expect(stack.timings.app?.mode).toBe('running');
        expect(stack.internalUrls().find((u) => u.service === 'app')).toEqual({ service: 'app' });

        const mounts = await sh(kind, app, 'grep " /t-" /proc/mounts');
        const opts = (target: string) =>
          (mounts.split('\n').find((l) => l.split(' ')[1] === target) ?? '').split(' ')[3];
        expect(opts('/t-default')).toMatch(/(^|,)noexec(,|$)/);
        expect(opts('/t-exec')).not.toMatch(/noexec/);
        expect(opts('/t-exec')).toMatch(/size=1024k/);
        expect(opts('/t-owned')).toMatch(/(^|,)noexec(,|$)/);
        expect(await sh(kind, app, 'stat -c "%u:%g %a" /t-owned')).toBe('1000:1000 700');
        // noexec in effect: a script written there cannot run.
        expect(
          await sh(
            kind,
            app,
            'printf "#!/bin/sh\\necho ran\\n" >/t-owned/x && chmod +x /t-owned/x && (/t-owned/x 2>&1 || echo refused)',
          ),
        ).toMatch(/refused$/);

        // CAP_NET_ADMIN is bit 12 of the effective set.
        const capEff = await sh(kind, `${project}-netadmin`, 'grep CapEff /proc/self/status | cut -f2');
        expect((BigInt(`0x${capEff}`) >> 12n) & 1n).toBe(1n);
        console.log(`${kind}: stack with the new keys up in ${upMs} ms, checked after ${Date.now() - t0} ms`);
      } finally {
        await downLeavesNothing(engine, project, stack);
      }
    },
    60_000,
  );
});
