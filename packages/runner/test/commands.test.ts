import { describe, expect, it } from 'vitest';
import { Masker, parseEnvFile, parsePathFile, parseWorkflowCommand } from '../src/commands.js';
import { shellArgv } from '../src/shell.js';
import { inputEnvName, resolveActionDir } from '../src/action.js';

describe('parseEnvFile', () => {
  it('reads name=value and heredoc values, later keys winning', () => {
    const text = 'a=1\nb=x=y\nmulti<<EOF\nline 1\n\nline 3\nEOF\na=2\r\nempty=\n';
    expect(Object.fromEntries(parseEnvFile(text, 'GITHUB_OUTPUT'))).toEqual({
      a: '2',
      b: 'x=y',
      multi: 'line 1\n\nline 3',
      empty: '',
    });
  });

  it.each([
    ['unterminated\n'.replace('unterminated', 'v<<END\nno end'), /'v' is not terminated by a line 'END'/],
    ['just text\n', /line 1 is neither 'name=value' nor 'name<<DELIMITER'/],
    ['=value\n', /line 1 is neither/],
  ])('refuses %j', (text, message) => {
    expect(() => parseEnvFile(text, 'GITHUB_ENV')).toThrow(message);
  });
});

describe('parseWorkflowCommand', () => {
  it.each([
    ['::add-mask::s3cr3t', { command: 'add-mask', properties: {}, message: 's3cr3t' }],
    ['::group::Build %25 things', { command: 'group', properties: {}, message: 'Build % things' }],
    [
      '::error file=a%3Ab.ts,line=3::bad%0Anews',
      { command: 'error', properties: { file: 'a:b.ts', line: '3' }, message: 'bad\nnews' },
    ],
    ['::set-output name=x::1', { command: 'set-output', properties: { name: 'x' }, message: '1' }],
    ['  ::endgroup::', { command: 'endgroup', properties: {}, message: '' }],
  ])('%s', (line, parsed) => {
    expect(parseWorkflowCommand(line)).toEqual(parsed);
  });

  it('leaves plain lines alone', () => {
    expect(parseWorkflowCommand('echo ::not a command')).toBeUndefined();
    expect(parseWorkflowCommand('::')).toBeUndefined();
  });
});

describe('Masker', () => {
  it('masks longest values first and each line of multi-line values', () => {
    const m = new Masker();
    m.add('abc');
    m.add('abcdef');
    m.add('first\nsecond');
    expect(m.mask('abcdef abc second')).toBe('*** *** ***');
    expect(m.touches('xx abc')).toBe(true);
    expect(m.touches('nothing')).toBe(false);
  });
});

describe('shellArgv', () => {
  it.each([
    ['bash', ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '/t/s.sh']],
    ['sh', ['sh', '-e', '/t/s.sh']],
    ['python', ['python3', '/t/s.sh']],
    ['perl {0}', ['perl', '/t/s.sh']],
    ['bash -x', ['bash', '-x', '/t/s.sh']],
  ])('%s', (shell, argv) => {
    expect(shellArgv(shell, '/t/s.sh')).toEqual(argv);
  });

  it('refuses pwsh', () => {
    expect(() => shellArgv('pwsh', '/t/s.ps1')).toThrow(/shell 'pwsh' is not supported/);
  });
});

describe('actions', () => {
  it('names inputs as @actions/core reads them', () => {
    expect(inputEnvName('registry-password')).toBe('INPUT_REGISTRY-PASSWORD');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
  });

  it('resolves local and mapped uses:', () => {
    const map = { '*/digestline/actions/': '/repo/actions/' };
    expect(resolveActionDir('./actions/x', '/ws', map)).toBe('/ws/actions/x');
    expect(resolveActionDir('acme/digestline/actions/build-image@v1', '/ws', map)).toBe(
      '/repo/actions/build-image',
    );
    expect(() => resolveActionDir('acme/other/actions/x@v1', '/ws', map)).toThrow(/--action-map/);
    expect(() => resolveActionDir('docker://alpine', '/ws')).toThrow(/docker actions are not supported/);
  });
});

describe('parsePathFile', () => {
  it('keeps non-blank lines in order', () => {
    expect(parsePathFile('/a\n\n /b \n')).toEqual(['/a', '/b']);
  });
});
