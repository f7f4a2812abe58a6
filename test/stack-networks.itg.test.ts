/**
 * Several networks with real separation, on real podman: frontend and backend share `front`,
 * backend and db share `back` (docker/awesome-compose react-express-mongodb in small). The backend
 * reaches db and the frontend by name; the frontend can neither resolve db nor reach it by address;
 * a container that joins every network of the stack (as the test and browser containers do)
 * reaches all three. Afterwards nothing of the run is left.
 *
 * Needs `eval "$(scripts/setup-host)"` (DIGESTLINE_BASE_IMAGE, a digest reference); fails without.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Podman } from '@digestline/core/engine/podman';
import { Exec } from '@digestline/core/exec';
import { STACK_LABEL } from '@digestline/core/stack/labels';
import { Stack } from '@digestline/core/stack/stack';
import { parseStack } from '../packages/core/test/support/stack.js';
import { downLeavesNothing } from './support/stack-down.js';

const BASE_IMAGE = process.env.DIGESTLINE_BASE_IMAGE ?? '';
const RUN = `dl-itg-nets-${randomBytes(4).toString('hex')}`;
const exec = new Exec();
const engine = new Podman(exec);

/** A listener that answers every connection with its service name (the base image has perl, no nc). */
const SERVER =
  'my $s = IO::Socket::INET->new(LocalAddr => "0.0.0.0", LocalPort => 8080, Listen => 8, ReuseAddr => 1) ' +
  'or die "listen: $!"; print "ready\\n"; while (my $c = $s->accept) { print $c "$ENV{NAME}\\n"; close $c }';

function service(name: string, networks: string, dependsOn?: string): string {
  // `$$` is Compose's escape of `$`.
  const command = JSON.stringify(['perl', '-MIO::Socket::INET', '-e', SERVER.split('$').join('$$')]);
  return [
    `  ${name}:`,
    `    image: ${BASE_IMAGE}`,
    `    entrypoint: []`,
    `    command: ${command}`,
    `    environment: { NAME: ${name} }`,
    `    expose: [8080]`,
    `    networks: ${networks}`,
    ...(dependsOn !== undefined ? [`    depends_on: [${dependsOn}]`] : []),
  ].join('\n');
}

const COMPOSE = [
  'services:',
  service('frontend', '{ front: { aliases: [www] } }', 'backend'),
  service('backend', '{ front: , back: { aliases: [app] } }', 'db'),
  service('db', '{ back: }'),
  'networks: { front: , back: }',
  '',
].join('\n');

/** Runs bash in a running container; returns its exit code and output. */
async function inContainer(container: string, script: string, ...args: string[]) {
  const r = await exec.exec('podman', ['exec', container, 'bash', '-c', script, 'sh', ...args], {
    silent: true,
    ignoreReturnCode: true,
  });
  return { code: r.exitCode, out: r.stdout.trim() };
}

/**
 * What `<host>:8080` answers from inside `container` (exit code 0 with the service name when
 * reached); a dropped connection gives up after `seconds`.
 */
const reach = (container: string, host: string, seconds = 3) =>
  inContainer(
    container,
    `timeout ${seconds} bash -c 'exec 3<>"/dev/tcp/$1/8080" && head -n1 <&3' _ "$1"`,
    host,
  );

describe('a stack on several networks (podman)', () => {
  it('keeps the networks apart: backend reaches both sides, frontend cannot resolve or reach db', async () => {
    if (BASE_IMAGE === '')
      throw new Error('DIGESTLINE_BASE_IMAGE not set: run `eval "$(scripts/setup-host)"` first');
    const project = RUN;
    const t0 = Date.now();
    const spec = parseStack(COMPOSE, 'nets.yaml', []);
    let stack: Stack | undefined;
    try {
      stack = await Stack.up({
        project,
        engine,
        spec,
        probeImage: BASE_IMAGE,
        readiness: { timeoutMs: 30_000 },
        labels: { 'digestline.itg.run': RUN },
      });
      expect(stack.networks).toEqual([`dl-${project}-front`, `dl-${project}-back`]);
      const upMs = Date.now() - t0;
      const c = (name: string) => `${project}-${name}`;

      expect(await reach(c('backend'), 'db')).toEqual({ code: 0, out: 'db' });
      expect(await reach(c('backend'), 'frontend')).toEqual({ code: 0, out: 'frontend' });
      expect(await reach(c('backend'), 'www')).toEqual({ code: 0, out: 'frontend' });
      expect(await reach(c('frontend'), 'backend')).toEqual({ code: 0, out: 'backend' });
      // app is backend's name on back only.
      expect((await reach(c('frontend'), 'app', 1)).code).not.toBe(0);

      // Not by name (neither DNS nor the pinned /etc/hosts) ...
      expect((await inContainer(c('frontend'), 'getent hosts db')).code).not.toBe(0);
      expect((await inContainer(c('frontend'), 'cat /etc/hosts')).out).not.toMatch(/\sdb(\s|$)/m);
      // ... and not by address either.
      const dbInfo = await engine.inspectContainer(c('db'));
      const dbIp = dbInfo.networks.find((n) => n.name === `dl-${project}-back`)?.ipAddress ?? '';
      expect(dbIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(await reach(c('backend'), dbIp)).toEqual({ code: 0, out: 'db' });
      expect((await reach(c('frontend'), dbIp, 1)).code).not.toBe(0);

      // A container on every network of the stack (the test container's rule) reaches all three.
      const helper = await engine.runToCompletion({
        image: BASE_IMAGE,
        name: `${project}-tests`,
        ...stack.joinAll,
        rm: true,
        entrypoint: '',
        labels: { [STACK_LABEL]: project },
        command: [
          'bash',
          '-c',
          'for h in frontend backend db; do timeout 3 bash -c \'exec 3<>"/dev/tcp/$1/8080" && head -n1 <&3\' _ $h; done',
        ],
      });
      expect(helper.exitCode).toBe(0);
      expect(helper.stdout.trim().split('\n')).toEqual(['frontend', 'backend', 'db']);
      console.log(`stack on two networks: up ${upMs} ms, checks done after ${Date.now() - t0} ms`);
    } finally {
      await downLeavesNothing(engine, project, stack);
    }
  }, 60_000);
});
