import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExecError } from '../../src/errors.js';
import { Exec, type ExecOptions, type ExecResult } from '../../src/exec.js';
import { Docker } from '../../src/engine/docker.js';
import { Podman } from '../../src/engine/podman.js';

const DIGEST = `sha256:${'d'.repeat(64)}`;
const ID = 'e'.repeat(64);
const ok = (stdout = '', stderr = ''): ExecResult => ({ exitCode: 0, stdout, stderr });
const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** An Exec whose `exec` is a spy answering with `respond`; no process is started. */
function spiedExec(respond: (bin: string, args: readonly string[], opts?: ExecOptions) => ExecResult) {
  const exec = new Exec();
  const spy = vi.spyOn(exec, 'exec').mockImplementation(async (bin, args, opts) => respond(bin, args, opts));
  return { exec, spy };
}

/** Writes `content` to the file following `flag` in argv, as the engine would. */
function writeFlagFile(args: readonly string[], flag: string, content: string): void {
  const file = args[args.indexOf(flag) + 1];
  if (file === undefined) throw new Error(`no ${flag} in ${args.join(' ')}`);
  writeFileSync(file, content);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('push', () => {
  it('podman: returns the digest podman wrote to --digestfile and removes the temp file', async () => {
    let digestfile = '';
    const { exec, spy } = spiedExec((_bin, args) => {
      digestfile = args[args.indexOf('--digestfile') + 1] ?? '';
      writeFlagFile(args, '--digestfile', `${DIGEST}\n`);
      return ok();
    });
    await expect(new Podman(exec).push('127.0.0.1:5000/a:1')).resolves.toBe(DIGEST);
    expect(spy).toHaveBeenCalledWith('podman', ['push', '--digestfile', digestfile, '127.0.0.1:5000/a:1']);
    expect(existsSync(digestfile)).toBe(false);
  });

  it('podman: an empty digest file is no digest (the caller reads it back), never an empty one', async () => {
    const { exec } = spiedExec((_bin, args) => {
      writeFlagFile(args, '--digestfile', '');
      return ok();
    });
    await expect(new Podman(exec).push('r/a:1')).resolves.toBeUndefined();
  });

  it('podman: a digest file holding something else is an error', async () => {
    const { exec } = spiedExec((_bin, args) => {
      writeFlagFile(args, '--digestfile', 'latest');
      return ok();
    });
    await expect(new Podman(exec).push('r/a:1')).rejects.toThrow(/--digestfile holds "latest", not a digest/);
  });

  it('docker: parses the digest from push output', async () => {
    const { exec, spy } = spiedExec(() =>
      ok(`The push refers to repository [r/a]\n1: digest: ${DIGEST} size: 736\n`),
    );
    await expect(new Docker(exec).push('r/a:1')).resolves.toBe(DIGEST);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('docker: falls back to RepoDigests of the pushed repository', async () => {
    const other = `sha256:${'f'.repeat(64)}`;
    const { exec, spy } = spiedExec((_bin, args) =>
      args[0] === 'push' ? ok('pushed, quietly\n') : ok(JSON.stringify([`r/b@${other}`, `r/a@${DIGEST}`])),
    );
    await expect(new Docker(exec).push('r/a:1')).resolves.toBe(DIGEST);
    expect(spy).toHaveBeenLastCalledWith(
      'docker',
      ['image', 'inspect', '--format', '{{json .RepoDigests}}', 'r/a:1'],
      {
        silent: true,
      },
    );
  });

  it('docker: no digest anywhere is an error naming the ref', async () => {
    const { exec } = spiedExec((_bin, args) => (args[0] === 'push' ? ok('') : ok('[]\n')));
    await expect(new Docker(exec).push('r/a:1')).rejects.toThrow(
      /docker push r\/a:1 succeeded but its digest is unknown/,
    );
  });
});

describe('login', () => {
  it.each([
    ['podman', (e: Exec) => new Podman(e)],
    ['docker', (e: Exec) => new Docker(e)],
  ] as const)('%s: password on stdin and as a secret, never in argv', async (bin, make) => {
    const { exec, spy } = spiedExec(() => ok('Login Succeeded!'));
    await make(exec).login('127.0.0.1:5000', 'ci', 'hunter2');
    expect(spy).toHaveBeenCalledWith(
      bin,
      ['login', '--username', 'ci', '--password-stdin', '127.0.0.1:5000'],
      {
        input: 'hunter2',
        secrets: ['hunter2'],
      },
    );
  });
});

describe('build', () => {
  it('returns the image id from --iidfile', async () => {
    const { exec, spy } = spiedExec((_bin, args) => {
      writeFlagFile(args, '--iidfile', `sha256:${ID}`);
      return ok();
    });
    await expect(new Podman(exec).build({ context: '.', tags: ['a:1'] })).resolves.toBe(`sha256:${ID}`);
    expect(spy.mock.calls[0]?.[1]).toContain('--iidfile');
  });

  it('docker: uses a lone Containerfile (the legacy builder only looks for Dockerfile)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-engine-test-'));
    try {
      writeFileSync(join(dir, 'Containerfile'), 'FROM scratch\n');
      const { exec, spy } = spiedExec((_bin, args) => {
        writeFlagFile(args, '--iidfile', `sha256:${ID}`);
        return ok();
      });
      await new Docker(exec).build({ context: dir, tags: [] });
      expect(spy.mock.calls[0]?.[1].slice(0, 3)).toEqual(['build', '--file', join(dir, 'Containerfile')]);
      writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
      await new Docker(exec).build({ context: dir, tags: [] });
      expect(spy.mock.calls[1]?.[1]).not.toContain('--file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('run and inspect', () => {
  it('run returns the id on the last line of stdout', async () => {
    const { exec } = spiedExec(() => ok(`Trying to pull r/a...\nWriting manifest\n${ID}\n`));
    await expect(new Podman(exec).run({ image: 'r/a', detach: true })).resolves.toBe(ID);
  });

  it('run without an id in stdout is an error', async () => {
    const { exec } = spiedExec(() => ok('something else\n'));
    await expect(new Docker(exec).run({ image: 'r/a' })).rejects.toThrow(
      /docker run printed no container id/,
    );
  });

  it('runToCompletion returns a failing exit code instead of throwing', async () => {
    const { exec, spy } = spiedExec(() => ({ exitCode: 3, stdout: 'out', stderr: 'err' }));
    await expect(
      new Docker(exec).runToCompletion({ image: 'i', rm: true }, { timeoutMs: 5000 }),
    ).resolves.toEqual({
      exitCode: 3,
      stdout: 'out',
      stderr: 'err',
    });
    expect(spy).toHaveBeenCalledWith('docker', ['run', '--rm', 'i'], {
      ignoreReturnCode: true,
      timeoutMs: 5000,
    });
  });

  it('create returns the id; startAttached returns a failing exit code instead of throwing', async () => {
    const { exec, spy } = spiedExec((_bin, args) =>
      args[0] === 'create' ? ok(`${ID}\n`) : { exitCode: 4, stdout: 'not ok', stderr: '' },
    );
    const podman = new Podman(exec);
    await expect(podman.create({ image: 'i', name: 'c', rm: true })).resolves.toBe(ID);
    expect(spy).toHaveBeenLastCalledWith('podman', ['create', '--rm', '--name', 'c', 'i'], { silent: true });
    await expect(podman.startAttached('c', { timeoutMs: 9000 })).resolves.toEqual({
      exitCode: 4,
      stdout: 'not ok',
      stderr: '',
    });
    expect(spy).toHaveBeenLastCalledWith('podman', ['start', '--attach', 'c'], {
      ignoreReturnCode: true,
      timeoutMs: 9000,
    });
  });

  it.each([
    ['podman', (e: Exec) => new Podman(e)],
    ['docker', (e: Exec) => new Docker(e)],
  ])(
    '%s: run on several networks creates, connects each further network with its aliases, then starts',
    async (bin, make) => {
      const { exec, spy } = spiedExec((_bin, args) => (args[0] === 'create' ? ok(`${ID}\n`) : ok()));
      const engine = make(exec);
      await expect(
        engine.run({
          image: 'i',
          name: 'p-api',
          network: 'dl-p-front',
          aliases: ['api'],
          networks: [{ name: 'dl-p-back', aliases: ['api', 'app'] }, { name: 'dl-p-admin' }],
        }),
      ).resolves.toBe(ID);
      expect(spy.mock.calls.map((c) => [c[0], ...c[1]].join(' '))).toEqual([
        `${bin} create --name p-api --network dl-p-front --network-alias api i`,
        `${bin} network connect --alias api --alias app dl-p-back ${ID}`,
        `${bin} network connect dl-p-admin ${ID}`,
        `${bin} start ${ID}`,
      ]);
    },
  );

  it('a network that cannot be joined removes the created container and fails', async () => {
    const { exec, spy } = spiedExec((_bin, args) => {
      if (args[0] === 'create') return ok(`${ID}\n`);
      if (args[0] === 'network') throw new ExecError(['podman', ...args], 125, 'no such network');
      return ok();
    });
    await expect(
      new Podman(exec).runToCompletion({ image: 'i', network: 'a', networks: [{ name: 'b' }] }),
    ).rejects.toThrow(/no such network/);
    expect(spy.mock.calls.map((c) => c[1][0])).toEqual(['create', 'network', 'rm']);
  });

  it('create refuses output without a container id', async () => {
    const { exec } = spiedExec(() => ok('Error: something\n'));
    await expect(new Docker(exec).create({ image: 'i' })).rejects.toThrow(
      /docker create printed no container id/,
    );
  });

  it('docker inspectContainer looks up the repo digest of a container run by tag', async () => {
    const { exec, spy } = spiedExec((_bin, args) =>
      args[0] === 'container'
        ? ok(fixture('docker-container-inspect.json'))
        : ok(
            '["127.0.0.1:5000/dl-engine-probe/tiny@sha256:bfd13c55f955d341f1ceb1099c46336309e108a18321813e61e65f925e50f4eb"]\n',
          ),
    );
    const info = await new Docker(exec).inspectContainer('dlprobe-web');
    expect(info.imageDigest).toBe('sha256:bfd13c55f955d341f1ceb1099c46336309e108a18321813e61e65f925e50f4eb');
    expect(spy.mock.calls.map((c) => c[1])).toEqual([
      ['container', 'inspect', 'dlprobe-web'],
      ['image', 'inspect', '--format', '{{json .RepoDigests}}', info.image],
    ]);
  });

  it('podman inspectContainer leaves the digest unknown when local and pushed digests both match', async () => {
    const { exec } = spiedExec((_bin, args) =>
      args[0] === 'container'
        ? ok(fixture('podman-container-inspect-exited.json'))
        : ok(
            JSON.stringify(
              (JSON.parse(fixture('podman-image-inspect.json')) as [{ RepoDigests: string[] }])[0]
                .RepoDigests,
            ),
          ),
    );
    expect((await new Podman(exec).inspectContainer('x')).imageDigest).toBeUndefined();
  });

  it('inspectContainer of a container run by digest needs no image lookup', async () => {
    const { exec, spy } = spiedExec(() => ok(fixture('podman-container-inspect.json')));
    await new Podman(exec).inspectContainer('dlprobe-web');
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('health checks', () => {
  it.each([0, 1])('podman runHealthcheck accepts exit %i (healthy / unhealthy are results)', async (code) => {
    const { exec, spy } = spiedExec(() => ({ exitCode: code, stdout: code ? 'unhealthy' : '', stderr: '' }));
    await new Podman(exec).runHealthcheck('web');
    expect(spy).toHaveBeenCalledWith('podman', ['healthcheck', 'run', 'web'], {
      silent: true,
      ignoreReturnCode: true,
    });
  });

  it('podman runHealthcheck fails for other exit codes with the stderr', async () => {
    const { exec } = spiedExec(() => ({
      exitCode: 125,
      stdout: '',
      stderr: 'container web has no defined healthcheck',
    }));
    const err = await new Podman(exec).runHealthcheck('web').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExecError);
    expect((err as ExecError).message).toBe(
      'podman healthcheck run web exited with code 125:\ncontainer web has no defined healthcheck',
    );
  });

  it('docker runHealthcheck runs nothing (dockerd schedules checks itself)', async () => {
    const { exec, spy } = spiedExec(() => ok());
    await new Docker(exec).runHealthcheck('web');
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('lists', () => {
  it('containerList parses id and name, filtering by label', async () => {
    const { exec, spy } = spiedExec(() => ok(`${ID}\tdl-web\n${'f'.repeat(64)}\tdl-db\n`));
    await expect(new Podman(exec).containerList({ label: 'digestline.run=r1', all: true })).resolves.toEqual([
      { id: ID, name: 'dl-web' },
      { id: 'f'.repeat(64), name: 'dl-db' },
    ]);
    expect(spy.mock.calls[0]?.[1]).toEqual([
      'ps',
      '--no-trunc',
      '--all',
      '--filter',
      'label=digestline.run=r1',
      '--format',
      '{{.ID}}\t{{.Names}}',
    ]);
  });

  it.each([
    ['networkList', ['network', 'ls', '--filter', 'label=k', '--format', '{{.Name}}']],
    ['volumeList', ['volume', 'ls', '--quiet', '--filter', 'label=k']],
  ] as const)('%s returns names', async (method, argv) => {
    const { exec, spy } = spiedExec(() => ok('a\n\nb\n'));
    await expect(new Docker(exec)[method]({ label: 'k' })).resolves.toEqual(['a', 'b']);
    expect(spy.mock.calls[0]?.[1]).toEqual(argv);
  });
});

describe('raw inspect, streaming run and copy', () => {
  it.each([
    ['podman', (exec: Exec) => new Podman(exec)],
    ['docker', (exec: Exec) => new Docker(exec)],
  ] as const)('%s: inspectContainerRaw returns the JSON as printed', async (bin, make) => {
    const { exec, spy } = spiedExec(() => ok('[{"Id":"x"}]\n'));
    await expect(make(exec).inspectContainerRaw('c1')).resolves.toBe('[{"Id":"x"}]\n');
    expect(spy).toHaveBeenCalledWith(bin, ['container', 'inspect', 'c1'], { silent: true });
  });

  it('runStreaming runs silently in the foreground, hands over stdout then stderr, returns the exit code', async () => {
    const { exec, spy } = spiedExec(() => ({ exitCode: 3, stdout: 'out\n', stderr: 'engine complaint\n' }));
    const chunks: string[] = [];
    const r = await new Podman(exec).runStreaming(
      { image: 'img', rm: true, passEnv: ['TOKEN'], command: ['true'] },
      { onOutput: (c) => chunks.push(c.toString()), timeoutMs: 5000 },
    );
    expect(r).toEqual({ exitCode: 3 });
    expect(chunks).toEqual(['out\n', 'engine complaint\n']);
    expect(spy).toHaveBeenCalledWith('podman', ['run', '--env', 'TOKEN', '--rm', 'img', 'true'], {
      silent: true,
      ignoreReturnCode: true,
      timeoutMs: 5000,
    });
  });

  it('runStreaming leaves out an empty stderr', async () => {
    const { exec } = spiedExec(() => ok('only out\n', '  \n'));
    const chunks: string[] = [];
    await new Docker(exec).runStreaming({ image: 'img' }, { onOutput: (c) => chunks.push(c.toString()) });
    expect(chunks).toEqual(['only out\n']);
  });

  it.each([
    ['podman', (exec: Exec) => new Podman(exec)],
    ['docker', (exec: Exec) => new Docker(exec)],
  ] as const)('%s: copyInto runs cp SRC CONTAINER:PATH', async (bin, make) => {
    const { exec, spy } = spiedExec(() => ok());
    await make(exec).copyInto('/ws/app', 'p-tests', '/ws');
    const keepOwners = bin === 'podman' ? ['--archive=false'] : [];
    expect(spy).toHaveBeenCalledWith(bin, ['cp', ...keepOwners, '/ws/app', 'p-tests:/ws'], { silent: true });
  });
});
