import { describe, expect, test } from 'vitest';
import { Exec } from '../../src/exec.js';
import { Docker } from '../../src/engine/docker.js';
import type { BuildOptions, Healthcheck, RunOptions } from '../../src/engine/engine.js';
import { Podman } from '../../src/engine/podman.js';

const podman = new Podman(new Exec());
const docker = new Docker(new Exec());

describe('build argv', () => {
  const base: BuildOptions = { context: 'ctx', tags: ['r/app:1'] };
  test.each<[string, BuildOptions, string[], string[]]>([
    [
      'minimal',
      base,
      ['build', '--format', 'docker', '--pull=missing', '--tag', 'r/app:1', '--iidfile', 'IID', 'ctx'],
      ['build', '--tag', 'r/app:1', '--iidfile', 'IID', 'ctx'],
    ],
    [
      'everything',
      {
        context: '.',
        file: 'images/Containerfile',
        tags: ['a:1', 'b:2'],
        buildArgs: { BASE_IMAGE: '127.0.0.1:5000/base@sha256:00', VERSION: '1 2' },
        labels: { 'org.opencontainers.image.revision': 'abc', empty: '' },
        target: 'runtime',
      },
      [
        'build',
        '--format',
        'docker',
        '--pull=missing',
        '--file',
        'images/Containerfile',
        '--target',
        'runtime',
        '--build-arg',
        'BASE_IMAGE=127.0.0.1:5000/base@sha256:00',
        '--build-arg',
        'VERSION=1 2',
        '--label',
        'org.opencontainers.image.revision=abc',
        '--label',
        'empty=',
        '--tag',
        'a:1',
        '--tag',
        'b:2',
        '--iidfile',
        'IID',
        '.',
      ],
      [
        'build',
        '--file',
        'images/Containerfile',
        '--target',
        'runtime',
        '--build-arg',
        'BASE_IMAGE=127.0.0.1:5000/base@sha256:00',
        '--build-arg',
        'VERSION=1 2',
        '--label',
        'org.opencontainers.image.revision=abc',
        '--label',
        'empty=',
        '--tag',
        'a:1',
        '--tag',
        'b:2',
        '--iidfile',
        'IID',
        '.',
      ],
    ],
    [
      'pull always, oci format, insecure',
      { ...base, tags: [], pull: 'always', format: 'oci', insecure: true },
      ['build', '--format', 'oci', '--pull=always', '--tls-verify=false', '--iidfile', 'IID', 'ctx'],
      ['build', '--pull', '--iidfile', 'IID', 'ctx'],
    ],
  ])('%s', (_name, opts, podmanArgv, dockerArgv) => {
    expect(podman.buildArgs(opts, 'IID')).toEqual(podmanArgv);
    expect(docker.buildArgs(opts, 'IID')).toEqual(dockerArgv);
  });
});

describe('run argv', () => {
  test.each<[string, RunOptions, boolean, string[], string[] | 'same']>([
    [
      'detached minimal',
      { image: 'r/app@sha256:aa', detach: true },
      true,
      ['run', '--detach', 'r/app@sha256:aa'],
      ['run', '--detach', 'r/app@sha256:aa'],
    ],
    [
      'detached with everything',
      {
        image: 'r/app@sha256:aa',
        name: 'dl-web',
        network: 'dl-net',
        aliases: ['web', 'api'],
        hosts: { backend: '10.89.0.2', db: '10.89.0.3' },
        labels: { 'digestline.run': 'r1' },
        env: { GREETING: 'hi there', EMPTY: '' },
        ports: [
          { host: '127.0.0.1', hostPort: 18080, containerPort: 8080 },
          { host: '127.0.0.1', containerPort: 53, protocol: 'udp' },
          { host: '::1', hostPort: 9000, containerPort: 9000, protocol: 'tcp' },
        ],
        volumes: [
          { source: '/src', target: '/dst', readonly: true },
          { source: 'data', target: '/var/lib/data' },
        ],
        user: '1000:1000',
        workdir: '/app',
        entrypoint: '',
        rm: true,
        command: ['serve', '--port', '8080'],
      },
      true,
      [
        'run',
        '--detach',
        '--rm',
        '--name',
        'dl-web',
        '--network',
        'dl-net',
        '--network-alias',
        'web',
        '--network-alias',
        'api',
        '--add-host',
        'backend:10.89.0.2',
        '--add-host',
        'db:10.89.0.3',
        '--label',
        'digestline.run=r1',
        '--env',
        'GREETING=hi there',
        '--env',
        'EMPTY=',
        '--publish',
        '127.0.0.1:18080:8080',
        '--publish',
        '127.0.0.1::53/udp',
        '--publish',
        '[::1]:9000:9000',
        '--volume',
        '/src:/dst:ro',
        '--volume',
        'data:/var/lib/data',
        '--user',
        '1000:1000',
        '--workdir',
        '/app',
        '--entrypoint',
        '',
        'r/app@sha256:aa',
        'serve',
        '--port',
        '8080',
      ],
      'same',
    ],
    [
      'foreground with pass-through env (names only, right after the verb)',
      { image: 'img', rm: true, passEnv: ['NPM_TOKEN', 'CI'], command: ['true'] },
      false,
      ['run', '--env', 'NPM_TOKEN', '--env', 'CI', '--rm', 'img', 'true'],
      ['run', '--env', 'NPM_TOKEN', '--env', 'CI', '--rm', 'img', 'true'],
    ],
    [
      'compose confinement: init, read-only (podman adds no tmpfs of its own), cap-drop, security-opt, tmpfs, restart',
      {
        image: 'img',
        init: true,
        readOnly: true,
        capDrop: ['ALL'],
        securityOpt: ['no-new-privileges'],
        tmpfs: [{ target: '/run' }, { target: '/cache', sizeBytes: 1000, mode: 0o1777 }],
        restart: 'unless-stopped',
      },
      true,
      [
        'run',
        '--detach',
        '--tmpfs',
        '/run:noexec',
        '--tmpfs',
        '/cache:size=1000,mode=1777,noexec',
        '--init',
        '--read-only',
        '--read-only-tmpfs=false',
        '--cap-drop',
        'ALL',
        '--security-opt',
        'no-new-privileges',
        '--restart',
        'unless-stopped',
        'img',
      ],
      [
        'run',
        '--detach',
        '--tmpfs',
        '/run',
        '--tmpfs',
        '/cache:size=1000,mode=1777',
        '--init',
        '--read-only',
        '--cap-drop',
        'ALL',
        '--security-opt',
        'no-new-privileges',
        '--restart',
        'unless-stopped',
        'img',
      ],
    ],
    [
      'exec-form entrypoint: first word replaces ENTRYPOINT, the rest go before the command',
      { image: 'img', entrypoint: ['/bin/sh', '-c'], command: ['echo hi'] },
      true,
      ['run', '--detach', '--entrypoint', '/bin/sh', 'img', '-c', 'echo hi'],
      'same',
    ],
    [
      'empty exec-form entrypoint clears it',
      { image: 'img', entrypoint: [], command: ['serve'] },
      true,
      ['run', '--detach', '--entrypoint', '', 'img', 'serve'],
      'same',
    ],
    [
      'process keys: hostname, memory, cpus, pids limit, stop signal and timeout',
      {
        image: 'img',
        name: 'dl-db',
        hostname: 'db.local',
        memoryBytes: 536870912,
        cpus: 1.5,
        pidsLimit: 100,
        stopSignal: 'SIGINT',
        stopTimeoutS: 90,
      },
      true,
      [
        'run',
        '--detach',
        '--name',
        'dl-db',
        '--hostname',
        'db.local',
        '--memory',
        '536870912',
        '--cpus',
        '1.5',
        '--pids-limit',
        '100',
        '--stop-signal',
        'SIGINT',
        '--stop-timeout',
        '90',
        'img',
      ],
      'same',
    ],
    [
      'host access (only with allow-privileged): privileged, cap-add, devices, pid and ipc host',
      {
        image: 'img',
        privileged: true,
        capAdd: ['NET_ADMIN', 'SYS_PTRACE'],
        devices: ['/dev/fuse:/dev/fuse:rwm', '/dev/null'],
        pid: 'host',
        ipc: 'host',
      },
      true,
      [
        'run',
        '--detach',
        '--privileged',
        '--cap-add',
        'NET_ADMIN',
        '--cap-add',
        'SYS_PTRACE',
        '--device',
        '/dev/fuse:/dev/fuse:rwm',
        '--device',
        '/dev/null',
        '--pid',
        'host',
        '--ipc',
        'host',
        'img',
      ],
      'same',
    ],
    [
      'tmpfs options after size and mode; podman: noexec unless exec (as Docker), and U for the user’s own uid/gid',
      {
        image: 'img',
        user: '1000:1001',
        tmpfs: [
          { target: '/run', sizeBytes: 16777216, mode: 0o1750, options: ['exec'] },
          { target: '/tmp', options: ['nosuid', 'uid=1000', 'gid=1001'] },
        ],
      },
      true,
      [
        'run',
        '--detach',
        '--tmpfs',
        '/run:size=16777216,mode=1750,exec',
        '--tmpfs',
        '/tmp:nosuid,U,noexec',
        '--user',
        '1000:1001',
        'img',
      ],
      [
        'run',
        '--detach',
        '--tmpfs',
        '/run:size=16777216,mode=1750,exec',
        '--tmpfs',
        '/tmp:nosuid,uid=1000,gid=1001',
        '--user',
        '1000:1001',
        'img',
      ],
    ],
    [
      'anonymous volume: target only',
      { image: 'img', volumes: [{ source: '', target: '/anon' }] },
      true,
      ['run', '--detach', '--volume', '/anon', 'img'],
      'same',
    ],
    [
      'foreground',
      { image: 'img', rm: true, command: ['sh', '-c', 'exit 3'] },
      false,
      ['run', '--rm', 'img', 'sh', '-c', 'exit 3'],
      ['run', '--rm', 'img', 'sh', '-c', 'exit 3'],
    ],
  ])('%s', (_name, opts, detach, podmanArgv, dockerArgv) => {
    expect(podman.runArgs(opts, detach)).toEqual(podmanArgv);
    expect(docker.runArgs(opts, detach)).toEqual(dockerArgv === 'same' ? podmanArgv : dockerArgv);
  });
});

test('podman refuses a tmpfs owner other than the service user (podman 4.3 has no uid=/gid=), docker takes it', () => {
  const opts: RunOptions = { image: 'img', user: 'app', tmpfs: [{ target: '/t', options: ['uid=1000'] }] };
  expect(() => podman.runArgs(opts, true)).toThrow(
    /^tmpfs \/t: podman cannot mount a tmpfs owned by uid=1000 unless the service runs as that user \(user: "app"\)/,
  );
  expect(docker.runArgs(opts, true)).toContain('/t:uid=1000');
});

describe('create and start argv', () => {
  const opts = {
    image: 'ci@sha256:cc',
    name: 'p-tests',
    network: 'dl-p-net',
    rm: true,
    env: { API_URL: 'http://api:8080' },
    workdir: '/ws',
    entrypoint: '',
    command: ['sh', '-c', 'npm test'],
  };
  test.each([
    ['podman', podman],
    ['docker', docker],
  ] as const)('%s: create takes the flags of a foreground run; start attaches', (_name, engine) => {
    expect(engine.createArgs(opts)).toEqual(['create', ...engine.runArgs(opts, false).slice(1)]);
    expect(engine.createArgs(opts)).toEqual([
      'create',
      '--rm',
      '--name',
      'p-tests',
      '--network',
      'dl-p-net',
      '--env',
      'API_URL=http://api:8080',
      '--workdir',
      '/ws',
      '--entrypoint',
      '',
      'ci@sha256:cc',
      'sh',
      '-c',
      'npm test',
    ]);
    expect(engine.startAttachedArgs('p-tests')).toEqual(['start', '--attach', 'p-tests']);
  });
});

describe('health check argv', () => {
  test.each<[string, Healthcheck, string[], string[]]>([
    [
      'exec form with all timings',
      {
        test: ['CMD', 'perl', '-e', "exit 0 if 'a b'"],
        intervalMs: 2000,
        timeoutMs: 1500,
        retries: 3,
        startPeriodMs: 0,
      },
      [
        '--health-cmd',
        '["perl","-e","exit 0 if \'a b\'"]',
        '--health-interval',
        '2s',
        '--health-timeout',
        '1500ms',
        '--health-retries',
        '3',
        '--health-start-period',
        '0s',
      ],
      [
        '--health-cmd',
        `perl -e 'exit 0 if '\\''a b'\\'''`,
        '--health-interval',
        '2s',
        '--health-timeout',
        '1500ms',
        '--health-retries',
        '3',
        '--health-start-period',
        '0s',
      ],
    ],
    [
      'bare argv means exec form',
      { test: ['/bin/check', '--quick'] },
      ['--health-cmd', '["/bin/check","--quick"]'],
      ['--health-cmd', '/bin/check --quick'],
    ],
    [
      'shell form',
      { test: ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1'], retries: 1 },
      ['--health-cmd', 'curl -f http://localhost:8080/ || exit 1', '--health-retries', '1'],
      ['--health-cmd', 'curl -f http://localhost:8080/ || exit 1', '--health-retries', '1'],
    ],
    ['disabled', { test: ['NONE'], intervalMs: 1000 }, ['--no-healthcheck'], ['--no-healthcheck']],
  ])('%s', (_name, hc, podmanArgv, dockerArgv) => {
    expect(podman.healthcheckArgs(hc)).toEqual(podmanArgv);
    expect(docker.healthcheckArgs(hc)).toEqual(dockerArgv);
  });

  test.each<[Healthcheck, RegExp]>([
    [{ test: [] }, /healthcheck test is empty/],
    [{ test: ['CMD'] }, /healthcheck test is empty/],
    [{ test: ['CMD-SHELL', 'a', 'b'] }, /CMD-SHELL takes exactly one script, got 2/],
    [{ test: ['CMD', 'x'], intervalMs: 1.5 }, /whole milliseconds/],
  ])('refuses %j', (hc, message) => {
    expect(() => podman.healthcheckArgs(hc)).toThrow(message);
    expect(() => docker.healthcheckArgs(hc)).toThrow(message);
  });

  test('run puts health flags before the image', () => {
    expect(
      podman.runArgs({ image: 'img', healthcheck: { test: ['CMD', 'true'], retries: 2 } }, true),
    ).toEqual(['run', '--detach', '--health-cmd', '["true"]', '--health-retries', '2', 'img']);
  });
});

describe('registry, network and removal argv', () => {
  test.each<[string, () => string[], string[]]>([
    ['podman push', () => podman.pushArgs('r/a:1', 'DF'), ['push', '--digestfile', 'DF', 'r/a:1']],
    [
      'podman push insecure',
      () => podman.pushArgs('r/a:1', 'DF', { insecure: true }),
      ['push', '--tls-verify=false', '--digestfile', 'DF', 'r/a:1'],
    ],
    ['docker push', () => docker.pushArgs('r/a:1'), ['push', 'r/a:1']],
    [
      'podman login',
      () => podman.loginArgs('127.0.0.1:5000', 'ci'),
      ['login', '--username', 'ci', '--password-stdin', '127.0.0.1:5000'],
    ],
    [
      'podman login insecure',
      () => podman.loginArgs('reg', 'ci', { insecure: true }),
      ['login', '--tls-verify=false', '--username', 'ci', '--password-stdin', 'reg'],
    ],
    [
      'docker login ignores insecure (daemon setting)',
      () => docker.loginArgs('reg', 'ci', { insecure: true }),
      ['login', '--username', 'ci', '--password-stdin', 'reg'],
    ],
    [
      'podman pull insecure',
      () => podman.pullArgs('r/a', { insecure: true }),
      ['pull', '--tls-verify=false', 'r/a'],
    ],
    ['docker pull', () => docker.pullArgs('r/a'), ['pull', 'r/a']],
    [
      'network create',
      () => podman.networkCreateArgs('dl-net', { labels: { 'digestline.run': 'x' }, internal: true }),
      ['network', 'create', '--label', 'digestline.run=x', '--internal', 'dl-net'],
    ],
    ['docker network create', () => docker.networkCreateArgs('n'), ['network', 'create', 'n']],
    [
      'podman network create, isolated from other bridge networks',
      () => podman.networkCreateArgs('n', { isolate: true }),
      ['network', 'create', '--opt', 'isolate=true', 'n'],
    ],
    [
      'docker network create, isolated (docker isolates bridges itself)',
      () => docker.networkCreateArgs('n', { isolate: true }),
      ['network', 'create', 'n'],
    ],
    [
      'network connect with aliases',
      () => docker.networkConnectArgs('dl-p-back', 'c1', ['api', 'app']),
      ['network', 'connect', '--alias', 'api', '--alias', 'app', 'dl-p-back', 'c1'],
    ],
    [
      'podman rm force (no 10 s grace)',
      () => podman.removeArgs('c', { force: true, volumes: true }),
      ['rm', '--time', '0', '--force', '--volumes', 'c'],
    ],
    ['podman rm', () => podman.removeArgs('c'), ['rm', 'c']],
    [
      'podman cp into a container',
      () => podman.copyIntoArgs('/ws/app', 'p-tests', '/ws'),
      ['cp', '--archive=false', '/ws/app', 'p-tests:/ws'],
    ],
    [
      'docker cp into a container',
      () => docker.copyIntoArgs('/ws/app/.', 'p-tests', '/ws/app'),
      ['cp', '/ws/app/.', 'p-tests:/ws/app'],
    ],
    [
      'podman cp out of a container',
      () => podman.copyFromArgs('stager', '/dl-stage/.', '/tmp/report'),
      ['cp', 'stager:/dl-stage/.', '/tmp/report'],
    ],
    [
      'docker cp out of a container',
      () => docker.copyFromArgs('stager', '/dl-stage/.', '/tmp/report'),
      ['cp', 'stager:/dl-stage/.', '/tmp/report'],
    ],
    [
      'docker volume mountpoint',
      () => docker.volumeMountpointArgs('dl-p-files'),
      ['volume', 'inspect', '--format', '{{.Mountpoint}}', 'dl-p-files'],
    ],
    [
      'podman volume mountpoint',
      () => podman.volumeMountpointArgs('dl-p-files'),
      ['volume', 'inspect', '--format', '{{.Mountpoint}}', 'dl-p-files'],
    ],
    [
      'docker server info (daemon version and root dir)',
      () => docker.serverInfoArgs(),
      ['info', '--format', '{{.ServerVersion}}\t{{.DockerRootDir}}'],
    ],
    [
      'podman server info (version only)',
      () => podman.serverInfoArgs(),
      ['version', '--format', '{{.Server.Version}}'],
    ],
    [
      'docker rm force',
      () => docker.removeArgs('c', { force: true, volumes: true }),
      ['rm', '--force', '--volumes', 'c'],
    ],
  ])('%s', (_name, build, argv) => {
    expect(build()).toEqual(argv);
  });
});
