/**
 * Bind mounts, secrets and configs on real engines: a compose file as a user writes it, checked as
 * integration-test checks it (workspace = the file's directory), started with Stack.up. Inside the
 * service: a workspace directory bind-mounted read-only (readable, not writable), a `content:`
 * config and a `file:` and an `environment:` secret at Compose's paths with their modes. After
 * `down` the stack's files directory is gone and the workspace file is unchanged.
 *
 * Needs `eval "$(DIGESTLINE_DOCKER=1 scripts/setup-host)"`. Podman is never skipped; docker is
 * skipped (with the reason printed) when setup-host reported it unavailable or `docker info` fails.
 */
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Docker } from '@digestline/core/engine/docker';
import type { ContainerEngine, EngineKind } from '@digestline/core/engine/engine';
import { Podman } from '@digestline/core/engine/podman';
import { Exec } from '@digestline/core/exec';
import { checkStackText, stackErrors } from '@digestline/core/stack/check';
import { stackFilesDir } from '@digestline/core/stack/files';
import { Stack } from '@digestline/core/stack/stack';
import { dockerProblem } from './support/docker.js';

const BASE_IMAGE = process.env.DIGESTLINE_BASE_IMAGE ?? '';
const RUN = `dl-itg-${randomBytes(4).toString('hex')}`;
const exec = new Exec();

const dockerSkipReason = await dockerProblem();

const workspace = realpathSync(mkdtempSync(join(tmpdir(), 'dl-itg-mounts-')));
mkdirSync(join(workspace, 'conf'));
writeFileSync(join(workspace, 'conf', 'app.ini'), 'greeting=hello\n');
writeFileSync(join(workspace, 'db-password.txt'), 'pw-from-file\n');
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const COMPOSE = `
services:
  app:
    image: \${BASE}
    command: [sleep, "300"]
    volumes:
      - ./conf:/conf
    secrets:
      - db_password
      - source: api_token
        target: token
        mode: 0400
    configs:
      - source: site
        target: /etc/site.conf
    healthcheck:
      test: [CMD-SHELL, "test -r /run/secrets/db_password"]
      interval: 1s
secrets:
  db_password:
    file: ./db-password.txt
  api_token:
    environment: API_TOKEN
configs:
  site:
    content: "listen 8080"
`;

it('has the host set up (base image)', () => {
  expect(BASE_IMAGE, 'run `eval "$(scripts/setup-host)"` first').toMatch(/@sha256:[0-9a-f]{64}$/);
});

describe.each<EngineKind>(['podman', 'docker'])('%s', (kind) => {
  const skipReason = kind === 'docker' ? dockerSkipReason : undefined;
  if (skipReason !== undefined) console.warn(`skipping the docker bind mount tests: ${skipReason}`);

  it.skipIf(skipReason !== undefined)(
    'bind mount read-only, config and secrets at their paths, the stack files gone after down',
    async () => {
      const engine: ContainerEngine = kind === 'docker' ? new Docker(exec) : new Podman(exec);
      const project = `${RUN}-${kind}`;
      const check = checkStackText(join(workspace, 'compose.yaml'), COMPOSE, {
        images: [],
        mode: 'validation',
        env: { BASE: BASE_IMAGE, API_TOKEN: 'tok-itg-secret' },
      });
      expect(stackErrors(check)).toEqual([]);
      expect(check.problems.map((p) => p.message)).toEqual([
        'mounted read-only during validation; set writable-bind-mounts: true if the service writes there',
      ]);
      const t0 = Date.now();
      const stack = await Stack.up({ project, engine, spec: check.spec!, readiness: { timeoutMs: 30_000 } });
      try {
        const sh = async (script: string): Promise<{ code: number; out: string }> => {
          const r = await exec.exec(kind, ['exec', `${project}-app`, 'sh', '-c', script], {
            silent: true,
            ignoreReturnCode: true,
          });
          return { code: r.exitCode, out: `${r.stdout}${r.stderr}`.trim() };
        };
        expect((await sh('cat /conf/app.ini')).out).toBe('greeting=hello');
        expect((await sh('echo changed > /conf/app.ini')).code).not.toBe(0);
        expect((await sh('touch /conf/new')).code).not.toBe(0);
        expect((await sh('cat /run/secrets/db_password')).out).toBe('pw-from-file');
        expect((await sh('cat /run/secrets/token; echo; stat -c %a /run/secrets/token')).out).toBe(
          'tok-itg-secret\n400',
        );
        expect((await sh('cat /etc/site.conf; echo; stat -c %a /etc/site.conf')).out).toBe(
          'listen 8080\n444',
        );
        expect((await sh('echo x > /etc/site.conf')).code).not.toBe(0);
        console.log(
          `${kind}: stack with bind mount, secrets and config up and checked in ${Date.now() - t0} ms`,
        );
      } finally {
        await stack.down({ stopTimeoutS: 0 });
      }
      expect(existsSync(stackFilesDir(project))).toBe(false);
      expect(readFileSync(join(workspace, 'conf', 'app.ini'), 'utf8')).toBe('greeting=hello\n');
      expect(existsSync(join(workspace, 'conf', 'new'))).toBe(false);
    },
    60_000,
  );
});
