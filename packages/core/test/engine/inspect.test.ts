import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { digestOf, pickRepoDigest, repositoryOf } from '../../src/engine/repo-digests.js';
import { Docker, parsePushDigest } from '../../src/engine/docker.js';
import { Exec } from '../../src/exec.js';
import { Podman } from '../../src/engine/podman.js';

// Captured from podman 4.3.1 and Docker Engine 20.10 on the CI host image (Debian 12) running
// test/fixtures/tiny: `container inspect` of a running web container on a user network with a
// published port and a health check, of an exited container (`exit 7`), and `image inspect`.
const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const podman = new Podman(new Exec());
const docker = new Docker(new Exec());
const D = (hex: string): string => `sha256:${hex}`;
const PUSHED_BY_PODMAN = D('95ee6e493e2b9a2345b222e32c78c85dccf3fec323e9dfbe4b30732dc4bd3005');
const LOCAL_PODMAN = D('c74a4ff56cad6870d2c5b1fb07dbed31d7ef9198caaa46dac8dfea39251d7c3e');

describe('parseContainerInspect', () => {
  it('reads a running podman container (run by digest, healthy after `podman healthcheck run`)', () => {
    expect(podman.parseContainerInspect(fixture('podman-container-inspect.json'))).toEqual({
      id: 'b3d7344f41f153555e52f1e25828b275bfe3a10a9a89fc46a0ea03b9efd3857c',
      name: 'dlprobe-web',
      state: { status: 'running', running: true, exitCode: 0, health: 'healthy' },
      image: D('00e676944b5d43750a969edb69223971260f23865d60698ced7d03e64aa773be'),
      imageRef: `127.0.0.1:5000/dl-engine-probe/tiny@${PUSHED_BY_PODMAN}`,
      // Not podman's ImageDigest (the local manifest's digest): the digest it was run by.
      imageDigest: PUSHED_BY_PODMAN,
      networks: [{ name: 'dlprobe-net', ipAddress: '10.89.0.2', aliases: ['webalias', 'b3d7344f41f1'] }],
      ports: [{ containerPort: 8080, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 38329 }],
      labels: { a: 'b', 'dl.probe': '1', 'io.buildah.version': '1.28.2' },
    });
  });

  it('reads an exited podman container run by tag: no digest without looking at the image', () => {
    const info = podman.parseContainerInspect(fixture('podman-container-inspect-exited.json'));
    expect(info.state).toEqual({ status: 'exited', running: false, exitCode: 7, health: 'starting' });
    expect(info.imageRef).toBe('127.0.0.1:5000/dl-engine-probe/tiny:t1');
    expect(info.imageDigest).toBeUndefined();
    expect(info.ports).toEqual([]);
  });

  it('reads health from State.Healthcheck (older podman) as well as State.Health', () => {
    const [raw] = JSON.parse(fixture('podman-container-inspect.json')) as Array<{
      State: Record<string, unknown>;
    }>;
    const state = raw!.State;
    state.Healthcheck = { Status: 'healthy', FailingStreak: 0, Log: null };
    delete state.Health;
    expect(podman.parseContainerInspect(JSON.stringify([raw])).state.health).toBe('healthy');
    delete state.Healthcheck;
    expect(podman.parseContainerInspect(JSON.stringify([raw])).state).not.toHaveProperty('health');
    state.Health = { Status: '' };
    expect(podman.parseContainerInspect(JSON.stringify([raw])).state).not.toHaveProperty('health');
  });

  it('reads a running docker container (leading slash dropped from the name, id with sha256:)', () => {
    expect(docker.parseContainerInspect(fixture('docker-container-inspect.json'))).toEqual({
      id: '845ebb5202a3bcd711f6e745d8a29e0bb6a92786f4b9f3acf315d063d327b4be',
      name: 'dlprobe-web',
      state: { status: 'running', running: true, exitCode: 0, health: 'healthy' },
      image: D('e7faae46f443a0c1483197090fc9b25939b2bed7c4dfcc825396c859032429d9'),
      imageRef: '127.0.0.1:5000/dl-engine-probe/tiny:d1',
      networks: [{ name: 'dlprobe-net', ipAddress: '172.19.0.2', aliases: ['webalias', '845ebb5202a3'] }],
      ports: [{ containerPort: 8080, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 32768 }],
      labels: { a: 'b', 'dl.probe': '1' },
    });
  });

  it('reads an exited, unhealthy docker container', () => {
    const info = docker.parseContainerInspect(fixture('docker-container-inspect-exited.json'));
    expect(info.name).toBe('dlprobe-exit');
    expect(info.state).toEqual({ status: 'exited', running: false, exitCode: 7, health: 'unhealthy' });
    expect(info.networks.map((n) => n.name)).toEqual(['bridge']);
  });

  it.each(['', 'not json', '[]', 'null'])('refuses output %j with a message', (out) => {
    expect(() => docker.parseContainerInspect(out)).toThrow(/container inspect printed/);
  });
});

describe('parseImageInspect', () => {
  const healthcheck = {
    test: [
      'CMD',
      'perl',
      '-MIO::Socket::INET',
      '-e',
      "IO::Socket::INET->new(PeerAddr => '127.0.0.1:8080') or exit 1",
    ],
    intervalMs: 2000,
    timeoutMs: 2000,
    retries: 3,
  };
  const common = {
    user: '',
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    entrypoint: [],
    cmd: ['perl', '/srv/server.pl'],
    exposedPorts: ['8080/tcp'],
    healthcheck,
  };

  it('reads a podman image (health check at the top level, two repo digests: local and pushed)', () => {
    expect(podman.parseImageInspect(fixture('podman-image-inspect.json'))).toEqual({
      ...common,
      id: D('00e676944b5d43750a969edb69223971260f23865d60698ced7d03e64aa773be'),
      size: 80432725,
      labels: { a: 'b', 'io.buildah.version': '1.28.2' },
      digests: [
        `127.0.0.1:5000/dl-engine-probe/tiny@${PUSHED_BY_PODMAN}`,
        `127.0.0.1:5000/dl-engine-probe/tiny@${LOCAL_PODMAN}`,
      ],
      created: '2026-11-27T05:37:20.443952933Z',
    });
  });

  it('reads a docker image (health check under Config)', () => {
    expect(docker.parseImageInspect(fixture('docker-image-inspect.json'))).toEqual({
      ...common,
      id: D('e7faae46f443a0c1483197090fc9b25939b2bed7c4dfcc825396c859032429d9'),
      size: 77997696,
      labels: { a: 'b' },
      digests: [
        '127.0.0.1:5000/dl-engine-probe/tiny@sha256:bfd13c55f955d341f1ceb1099c46336309e108a18321813e61e65f925e50f4eb',
      ],
      created: '2026-11-27T05:41:00.683024501Z',
    });
  });

  it('treats a NONE health check as none and keeps env values containing =', () => {
    const info = docker.parseImageInspect(
      JSON.stringify([
        { Id: 'sha256:1', Config: { Healthcheck: { Test: ['NONE'] }, Env: ['A=b=c', 'B'], User: 'app' } },
      ]),
    );
    expect(info.healthcheck).toBeUndefined();
    expect(info.env).toEqual({ A: 'b=c', B: '' });
    expect(info.user).toBe('app');
  });
});

describe('reference helpers', () => {
  const hex = 'a'.repeat(64);
  it.each([
    [`r:5000/a/b@sha256:${hex}`, `sha256:${hex}`],
    ['r:5000/a/b:tag', undefined],
    [`r/a@sha256:${hex.slice(1)}`, undefined],
  ])('digestOf(%s)', (ref, digest) => expect(digestOf(ref)).toBe(digest));

  it.each([
    ['127.0.0.1:5000/a/b:t', '127.0.0.1:5000/a/b'],
    [`127.0.0.1:5000/a/b@sha256:${hex}`, '127.0.0.1:5000/a/b'],
    ['127.0.0.1:5000/a', '127.0.0.1:5000/a'],
    ['docker.io/library/alpine:3', 'alpine'],
    ['alpine', 'alpine'],
  ])('repositoryOf(%s) = %s', (ref, repo) => expect(repositoryOf(ref)).toBe(repo));

  it('pickRepoDigest takes the one digest of the repository and refuses to guess between two', () => {
    const a = `sha256:${'a'.repeat(64)}`;
    const b = `sha256:${'b'.repeat(64)}`;
    expect(pickRepoDigest([`r/x@${a}`, `r/y@${b}`], 'r/y:1')).toBe(b);
    expect(pickRepoDigest([`r/x@${a}`, `r/x@${a}`], 'r/x')).toBe(a);
    expect(pickRepoDigest([`r/x@${a}`, `r/x@${b}`], 'r/x:1')).toBeUndefined();
    expect(pickRepoDigest([], 'r/x:1')).toBeUndefined();
  });

  it('parsePushDigest reads docker push output', () => {
    const d = `sha256:${'c'.repeat(64)}`;
    expect(parsePushDigest(`9427ee710fd6: Layer already exists\nd1: digest: ${d} size: 736\n`)).toBe(d);
    expect(parsePushDigest('d1: digest: sha256:short size: 1')).toBeUndefined();
  });
});
