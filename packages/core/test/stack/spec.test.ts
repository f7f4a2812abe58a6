import { describe, expect, test } from 'vitest';
import type { ImageSet } from '../../src/inputs.js';
import { parseReference, pinImage } from '../../src/reference.js';
import { parseStack } from '../../src/stack/spec.js';
import { parseComposeDuration } from '../../src/stack/compose/healthcheck.js';
import { placeholderFor } from '../../src/stack/compose/image.js';
import { splitCommand } from '../../src/stack/compose/service.js';
import { startOrder } from '../../src/stack/compose/order.js';
import { StackFileError, type StackSpec } from '../../src/stack/compose/types.js';

const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;
const BACKEND = `127.0.0.1:5000/app/backend@${D1}`;
const WEB = `127.0.0.1:5000/app/web-ui@${D2}`;
const IMAGES: ImageSet = [
  pinImage('backend', parseReference(BACKEND)),
  pinImage('web-ui', parseReference(WEB)),
];

function parse(text: string, images: ImageSet = IMAGES): StackSpec {
  return parseStack(text, 'stack.yaml', images);
}

function fileError(fn: () => unknown): StackFileError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StackFileError) return err;
    throw err;
  }
  throw new Error('expected a StackFileError');
}

const FULL = `
name: shop
x-common: &common
  environment: { LOG: debug }
services:
  db:
    image: 127.0.0.1:5000/library/pg@${D1}
    environment:
      - POSTGRES_PASSWORD=pw
      - 'EMPTY='
    volumes: ['pgdata:/var/lib/postgresql/data']
    healthcheck:
      test: [CMD, pg_isready]
      interval: 2s
      timeout: 1500ms
      retries: 5
      start_period: 1m30s
  backend:
    <<: *common
    image: \${BACKEND_IMAGE}
    command: node dist/server.js --port "8080 x" 'a b'
    ports: ["8080", "9090:9091", "127.0.0.2:7000:7001", "[::1]:6000:6001", 5000, "localhost::4000/tcp"]
    expose: [8081, "8082/tcp"]
    depends_on:
      db: { condition: service_healthy }
    networks:
      default:
        aliases: [api, api.internal]
      front:
  web-ui:
    image: \${WEB_UI_IMAGE}
    healthcheck: { test: [NONE] }
    depends_on: [backend]
    networks: [front]
volumes:
  pgdata:
networks:
  front: {}
`;

describe('parseStack', () => {
  test('reads the whole supported subset', () => {
    const spec = parse(FULL);
    expect(spec.name).toBe('shop');
    expect(spec.volumes).toEqual(['pgdata']);
    expect(spec.services.map((s) => s.name)).toEqual(['db', 'backend', 'web-ui']);
    const [db, backend, web] = spec.services;
    expect(db).toEqual({
      name: 'db',
      image: pinImage('db', parseReference(`127.0.0.1:5000/library/pg@${D1}`)),
      environment: { POSTGRES_PASSWORD: 'pw', EMPTY: '' },
      ports: [],
      expose: [],
      healthcheck: {
        test: ['CMD', 'pg_isready'],
        intervalMs: 2000,
        timeoutMs: 1500,
        retries: 5,
        startPeriodMs: 90_000,
      },
      healthcheckDisabled: false,
      dependsOn: [],
      volumes: [{ volume: 'pgdata', target: '/var/lib/postgresql/data', readonly: false }],
      aliases: [],
    });
    expect(backend).toMatchObject({
      image: IMAGES[0],
      imagePlaceholder: 'BACKEND_IMAGE',
      environment: { LOG: 'debug' },
      command: ['node', 'dist/server.js', '--port', '8080 x', 'a b'],
      ports: [
        { host: '127.0.0.1', containerPort: 8080 },
        { host: '127.0.0.1', hostPort: 9090, containerPort: 9091 },
        { host: '127.0.0.2', hostPort: 7000, containerPort: 7001 },
        { host: '::1', hostPort: 6000, containerPort: 6001 },
        { host: '127.0.0.1', containerPort: 5000 },
        { host: '127.0.0.1', containerPort: 4000 },
      ],
      expose: [8081, 8082],
      dependsOn: [{ service: 'db', condition: 'service_healthy' }],
      aliases: ['api', 'api.internal'],
    });
    expect(backend?.healthcheck).toBeUndefined();
    expect(web).toMatchObject({
      image: IMAGES[1],
      healthcheckDisabled: true,
      dependsOn: [{ service: 'backend', condition: 'service_started' }],
    });
  });

  test('fills Compose defaults for an incomplete healthcheck; a string test is CMD-SHELL', () => {
    const spec = parse(
      `services: { backend: { image: "\${BACKEND_IMAGE}", healthcheck: { test: "curl -f localhost || exit 1" } } }`,
      [IMAGES[0]!],
    );
    expect(spec.services[0]?.healthcheck).toEqual({
      test: ['CMD-SHELL', 'curl -f localhost || exit 1'],
      intervalMs: 30_000,
      timeoutMs: 30_000,
      retries: 3,
      startPeriodMs: 0,
    });
  });

  test('$$ is a literal $; healthcheck disable: true switches the image check off', () => {
    const spec = parse(
      `services:
  backend:
    image: \${BACKEND_IMAGE}
    environment: { PRICE: "$$5", RAW: "a$$b$$" }
    command: [sh, -c, "echo $$HOME"]
    healthcheck: { disable: true }
`,
      [IMAGES[0]!],
    );
    expect(spec.services[0]).toMatchObject({
      environment: { PRICE: '$5', RAW: 'a$b$' },
      command: ['sh', '-c', 'echo $HOME'],
      healthcheckDisabled: true,
    });
  });

  test('an image set entry fills only its own placeholder; literal digest images need no entry', () => {
    const spec = parse(`services: { db: { image: "127.0.0.1:5000/pg@${D2}" } }`, []);
    expect(spec.services[0]?.image).toEqual(pinImage('db', parseReference(`127.0.0.1:5000/pg@${D2}`)));
    expect(spec.services[0]?.imagePlaceholder).toBeUndefined();
  });

  const S = (body: string): string => `services:\n  backend:\n    image: \${BACKEND_IMAGE}\n${body}`;
  const ONLY_BACKEND: ImageSet = [IMAGES[0]!];

  test.each<[string, string, RegExp, ImageSet?]>([
    [
      'unknown service key',
      S('    build: .\n'),
      /^stack\.yaml:4: services\.backend\.build: unsupported key: stacks run images that were built/,
    ],
    [
      'unknown top-level key',
      `configs: {}\n${S('')}`,
      /^stack\.yaml:1: configs: unsupported key; a stack file may have name, version/,
    ],
    [
      'restart',
      S('    restart: always\n'),
      /services\.backend\.restart: unsupported key: a validation stack must not restart/,
    ],
    [
      'bind mount',
      `${S('    volumes: ["./data:/data"]\n')}volumes: { data: }\n`,
      /services\.backend\.volumes\[0\]: bind mounts \("\.\/data"\) are refused/,
    ],
    ['absolute bind mount', S('    volumes: ["/srv:/data:ro"]\n'), /bind mounts \("\/srv"\) are refused/],
    ['anonymous volume', S('    volumes: ["/data"]\n'), /anonymous volumes \("\/data"\) are not supported/],
    [
      'undeclared volume',
      S('    volumes: ["data:/data"]\n'),
      /volume "data" is not declared under the top-level volumes key/,
    ],
    [
      'volume mode',
      `${S('    volumes: ["data:/data:z"]\n')}volumes: { data: }\n`,
      /write "volume:\/path", "volume:\/path:ro"/,
    ],
    [
      'volume options',
      `${S('')}volumes: { data: { driver: local } }\n`,
      /volumes\.data\.driver: unsupported option: volumes are created by the stack/,
    ],
    [
      'network options',
      `${S('')}networks: { front: { external: true } }\n`,
      /networks\.front\.external: unsupported option: the stack always runs on one fresh network/,
    ],
    [
      'undeclared network',
      S('    networks: [back]\n'),
      /services\.backend\.networks\[0\]: network "back" is not declared/,
    ],
    [
      '0.0.0.0 port',
      S('    ports: ["0.0.0.0:8080:8080"]\n'),
      /services\.backend\.ports\[0\]: publishes on "0\.0\.0\.0": validation stacks publish to loopback only/,
    ],
    ['LAN port', S('    ports: ["192.168.1.5:8080:8080"]\n'), /publishes on "192\.168\.1\.5"/],
    ['IPv6 any', S('    ports: ["[::]:8080:8080"]\n'), /publishes on "::"/],
    ['udp port', S('    ports: ["53:53/udp"]\n'), /only tcp ports are supported, got "53\/udp"/],
    ['port range', S('    ports: ["8080-8081"]\n'), /port ranges are not supported/],
    ['port number', S('    ports: ["70000"]\n'), /container port "70000" is not a port number/],
    ['long port syntax', S('    ports: [{ target: 80 }]\n'), /use the short form/],
    [
      'tag image',
      'services: { db: { image: "postgres:16" } }',
      /services\.db\.image: "postgres:16" must be pinned by digest/,
      [],
    ],
    [
      'tag and digest',
      `services: { db: { image: "pg:16@${D1}" } }`,
      /must be pinned by digest and carry no tag/,
      [],
    ],
    [
      'missing placeholder',
      'services: { worker: { image: "${WORKER_IMAGE}" } }',
      /^stack\.yaml:1: services\.worker\.image: placeholder \$\{WORKER_IMAGE\} has no image: the image set needs an entry whose name gives WORKER_IMAGE \(e\.g\. worker=/,
      [],
    ],
    [
      'partial placeholder',
      'services: { db: { image: "reg/${NAME}@sha256:x" } }',
      /only a whole-value placeholder/,
      [],
    ],
    [
      'entry without service',
      S(''),
      /services: the image set has an entry "web-ui" but there is no service of that name \(services: backend\)/,
      IMAGES,
    ],
    ['missing image', 'services: { db: { environment: { A: b } } }', /services\.db\.image: required/, []],
    [
      'env pass-through map',
      S('    environment: { HOME: }\n'),
      /services\.backend\.environment\.HOME: HOME has no value; Compose would copy it/,
    ],
    [
      'env pass-through list',
      S('    environment: [HOME]\n'),
      /services\.backend\.environment\[0\]: HOME has no value/,
    ],
    [
      'env interpolation',
      S('    environment: { URL: "http://${HOST}/" }\n'),
      /"\$\{HOST\}" would be substituted from the environment by Compose/,
    ],
    [
      'command interpolation',
      S('    command: [echo, $HOME]\n'),
      /services\.backend\.command\[1\]: "\$HOME" would be substituted/,
    ],
    ['unbalanced quote', S('    command: echo "a\n'), /cannot split into words: unterminated double quote/],
    [
      'healthcheck kind',
      S('    healthcheck: { test: [RUN, x] }\n'),
      /healthcheck\.test: must start with CMD, CMD-SHELL or NONE, got "RUN"/,
    ],
    [
      'healthcheck shell args',
      S('    healthcheck: { test: [CMD-SHELL, a, b] }\n'),
      /takes exactly one script, got 2 elements/,
    ],
    [
      'healthcheck duration',
      S('    healthcheck: { test: [CMD, x], interval: 10 }\n'),
      /healthcheck\.interval: must be a duration like 500ms, 10s or 1m30s, got number 10/,
    ],
    [
      'healthcheck retries',
      S('    healthcheck: { test: [CMD, x], retries: 0 }\n'),
      /healthcheck\.retries: must be a whole number >= 1/,
    ],
    [
      'healthcheck key',
      S('    healthcheck: { test: [CMD, x], start_interval: 1s }\n'),
      /healthcheck\.start_interval: unsupported key/,
    ],
    [
      'unknown dependency',
      S('    depends_on: [db]\n'),
      /services\.backend\.depends_on: depends on "db", which is not a service \(services: backend\)/,
    ],
    [
      'self dependency',
      S('    depends_on: [backend]\n'),
      /depends_on\[0\]: a service cannot depend on itself/,
    ],
    [
      'bad condition',
      `${S('    depends_on: { db: { condition: service_ready } }\n')}  db: { image: "r/db@${D1}" }\n`,
      /depends_on\.db\.condition: must be one of service_started, service_healthy, service_completed_successfully/,
    ],
    [
      'dependency option',
      `${S('    depends_on: { db: { required: false } }\n')}  db: { image: "r/db@${D1}" }\n`,
      /depends_on\.db\.required: unsupported key; only condition/,
    ],
    [
      'cycle',
      `services:\n  a: { image: "r/a@${D1}", depends_on: [b] }\n  b: { image: "r/b@${D1}", depends_on: [c] }\n  c: { image: "r/c@${D1}", depends_on: [a] }\n  d: { image: "r/d@${D1}" }\n`,
      /services: depends_on has a cycle: a -> b -> c -> a/,
      [],
    ],
    [
      'service name',
      'services: { Backend: { image: "r/a@sha256:x" } }',
      /services\.Backend: service names must match/,
      [],
    ],
    ['no services', 'name: x\n', /services: must be a map with at least one service, got nothing/, []],
    ['not a map', '- a\n- b\n', /a stack file must be a map with a services key, not a list/, []],
    ['bad YAML', 'services: { a: [ }\n', /^stack\.yaml:1: not valid YAML: /, []],
    [
      'duplicate key',
      `services:\n  a: { image: "r/a@${D1}" }\n  a: { image: "r/a@${D1}" }\n`,
      /^stack\.yaml:3: not valid YAML: Map keys must be unique/,
      [],
    ],
    [
      'project name',
      `name: My_App\nservices: { a: { image: "r/a@${D1}" } }`,
      /^stack\.yaml:1: name: must match/,
      [],
    ],
  ])('refuses %s', (_what, text, message, images = ONLY_BACKEND) => {
    const err = fileError(() => parse(text, images));
    expect(err.message).toMatch(message);
    expect(err.source).toBe('stack.yaml');
  });

  test('an error names the path and the line of the offending key', () => {
    const err = fileError(() => parse(S('    environment: { A: b }\n    build: .\n'), ONLY_BACKEND));
    expect(err).toMatchObject({ path: 'services.backend.build', line: 5 });
  });

  test('version and x- extensions are accepted and ignored', () => {
    const spec = parse(`version: "3.9"\nx-a: 1\nservices: { db: { image: "r/db@${D1}", x-note: hi } }`, []);
    expect(spec.services).toHaveLength(1);
  });
});

describe('startOrder', () => {
  test('starts dependencies first and keeps file order otherwise', () => {
    const spec = parse(
      `services:
  web: { image: "r/w@${D1}", depends_on: [api, cache] }
  api: { image: "r/a@${D1}", depends_on: { db: { condition: service_healthy } } }
  cache: { image: "r/c@${D1}" }
  db: { image: "r/d@${D1}" }
  lone: { image: "r/l@${D1}" }
`,
      [],
    );
    expect(startOrder(spec).map((s) => s.name)).toEqual(['cache', 'db', 'api', 'web', 'lone']);
  });
});

describe('helpers', () => {
  test.each([
    ['backend', 'BACKEND_IMAGE'],
    ['web-ui', 'WEB_UI_IMAGE'],
    ['db_2', 'DB_2_IMAGE'],
  ])('placeholderFor(%s) = %s', (name, placeholder) => {
    expect(placeholderFor(name)).toBe(placeholder);
  });

  test.each<[string, string[] | { error: string }]>([
    ['node server.js', ['node', 'server.js']],
    ['  a   b  ', ['a', 'b']],
    [`sh -c 'echo "hi there"'`, ['sh', '-c', 'echo "hi there"']],
    ['echo "a \\"b\\" \\\\ c"', ['echo', 'a "b" \\ c']],
    ['a\\ b c', ['a b', 'c']],
    ['x""y \'\'', ['xy', '']],
    ['', []],
    ["echo 'open", { error: 'unterminated single quote at character 6' }],
    ['echo \\', { error: 'trailing backslash' }],
  ])('splitCommand(%j)', (text, expected) => {
    expect(splitCommand(text)).toEqual(expected);
  });

  test.each<[string, number | undefined]>([
    ['30s', 30_000],
    ['500ms', 500],
    ['1m30s', 90_000],
    ['1.5s', 1500],
    ['1h', 3_600_000],
    ['250us', 0],
    ['10', undefined],
    ['1 m', undefined],
    ['-1s', undefined],
    ['', undefined],
  ])('parseComposeDuration(%j) = %s', (text, ms) => {
    expect(parseComposeDuration(text)).toBe(ms);
  });
});
