import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// setSecret writes a workflow command to stdout; replace it so calls can be asserted and the
// captured log holds only what Exec itself echoes.
vi.mock('../src/commands.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/commands.js')>()),
  setSecret: vi.fn(),
}));
import { setSecret } from '../src/commands.js';
import { ExecError } from '../src/errors.js';
import { Exec, redact, tailLines } from '../src/exec.js';

const node = process.execPath;
const exec = new Exec();

let logged: string[];
beforeEach(() => {
  logged = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.mocked(setSecret).mockClear();
});

async function execError(p: Promise<unknown>): Promise<ExecError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExecError);
  return err as ExecError;
}

describe('Exec.exec', () => {
  it('returns exit code, stdout and stderr of a successful command even when stderr is not empty', async () => {
    const r = await exec.exec(node, ['-e', 'process.stdout.write("out"); process.stderr.write("warning")'], {
      silent: true,
    });
    expect(r).toEqual({ exitCode: 0, stdout: 'out', stderr: 'warning' });
  });

  it('fails on a non-zero exit with the command and the last 20 stderr lines in the message', async () => {
    const script = 'for (let i = 1; i <= 30; i++) console.error("line " + i); process.exit(3)';
    const err = await execError(exec.exec(node, ['-e', script], { silent: true }));
    expect(err.exitCode).toBe(3);
    expect(err.argv).toEqual([node, '-e', script]);
    expect(err.message).toContain(`${node} -e ${script} exited with code 3:\n`);
    expect(err.message).toContain('line 11\n');
    expect(err.message.endsWith('line 30')).toBe(true);
    expect(err.message).not.toContain('line 10\n');
    expect(err.stderrTail.split('\n')).toHaveLength(20);
  });

  it('falls back to the stdout tail when a failing command wrote nothing to stderr', async () => {
    const err = await execError(
      exec.exec(node, ['-e', 'console.log("denied: no such repo"); process.exit(1)'], { silent: true }),
    );
    expect(err.message).toMatch(/exited with code 1 \(stderr empty; stdout ends\):\ndenied: no such repo$/);
  });

  it('returns non-zero exit codes with ignoreReturnCode', async () => {
    const r = await exec.exec(node, ['-e', 'console.error("nope"); process.exit(4)'], {
      silent: true,
      ignoreReturnCode: true,
    });
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toBe('nope\n');
  });

  it('reports a program that does not exist', async () => {
    const err = await execError(exec.exec('digestline-no-such-program', ['x'], { silent: true }));
    expect(err.exitCode).toBeNull();
    expect(err.message).toMatch(/^digestline-no-such-program x could not be started: /);
  });

  it('writes input to stdin and closes it', async () => {
    const r = await exec.exec(
      node,
      [
        '-e',
        'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(s.toUpperCase()))',
      ],
      { input: 'hello\nworld', silent: true },
    );
    expect(r.stdout).toBe('HELLO\nWORLD\n');
  });

  it('adds env to the current environment and honours cwd', async () => {
    const r = await exec.exec(
      node,
      ['-e', 'console.log(process.env.DL_X, !!process.env.PATH, process.cwd())'],
      {
        env: { DL_X: 'set' },
        cwd: '/tmp',
        silent: true,
      },
    );
    expect(r.stdout).toBe('set true /tmp\n');
  });

  it('masks secrets with ::add-mask:: and redacts them from the message, argv and echoed log', async () => {
    const secret = 's3cr3t-Pa55';
    const script = `console.log("token=${secret}"); console.error("bad password ${secret}"); process.exit(2)`;
    const err = await execError(exec.exec(node, ['-e', script], { secrets: [secret] }));
    expect(setSecret).toHaveBeenCalledWith(secret);
    expect(err.message).not.toContain(secret);
    expect(err.message).toContain('bad password ***');
    expect(err.argv.join(' ')).not.toContain(secret);
    const log = logged.join('');
    expect(log).toContain('[command]');
    expect(log).toContain('token=***');
    expect(log).not.toContain(secret);
  });

  it('echoes the command and its output unless silent', async () => {
    await exec.exec(node, ['-e', 'console.log("visible")']);
    expect(logged.join('')).toBe(`[command]${node} -e console.log("visible")\nvisible\n`);
    logged = [];
    await exec.exec(node, ['-e', 'console.log("hidden")'], { silent: true });
    expect(logged).toEqual([]);
  });

  it('kills a command that exceeds timeoutMs and says so', async () => {
    const started = Date.now();
    const err = await execError(
      exec.exec(node, ['-e', 'console.error("starting"); setTimeout(() => {}, 60000)'], {
        timeoutMs: 500,
        silent: true,
      }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err.exitCode).toBeNull();
    expect(err.message).toMatch(/did not finish within 500ms and was killed:\nstarting$/);
    expect(err.argv[0]).toBe(node);
  });

  it('keeps stdin, exit codes and output intact through the timeout supervisor', async () => {
    const r = await exec.exec(
      node,
      [
        '-e',
        'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => { console.log(s); process.exit(5); })',
      ],
      { input: 'piped', timeoutMs: 10_000, silent: true, ignoreReturnCode: true },
    );
    expect(r).toEqual({ exitCode: 5, stdout: 'piped\n', stderr: '' });
  });

  it('refuses a non-positive timeout', async () => {
    await expect(exec.exec(node, ['-e', '0'], { timeoutMs: 0 })).rejects.toThrow(
      /timeoutMs must be a positive/,
    );
  });
});

describe('redact', () => {
  it.each([
    ['pw=abc', ['abc'], 'pw=***'],
    ['abcd abc', ['abc', 'abcd'], '*** ***'],
    ['nothing', [''], 'nothing'],
    ['a.b a.b', ['a.b'], '*** ***'],
  ])('redact(%j, %j) = %j', (text, secrets, expected) => {
    expect(redact(text, secrets)).toBe(expected);
  });
});

describe('tailLines', () => {
  it('keeps the last n lines and drops trailing blank ones', () => {
    expect(tailLines('a\nb\nc\n\n', 2)).toBe('b\nc');
    expect(tailLines('', 2)).toBe('');
  });
});
