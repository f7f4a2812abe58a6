import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { checkChecksSource, parseEnvNames } from '../../src/checks/inputs.js';
import { checkSigningKey } from '../../src/checks/signing-key.js';
import { checksFromDocument, loadChecksFile, parseChecks } from '../../src/checks/spec.js';
import { InputError } from '../../src/errors.js';

function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseChecks', () => {
  it.each([
    ['one check', 'lint: npm run lint', [{ name: 'lint', run: 'npm run lint' }]],
    [
      'colons in the command stay',
      'test: node -e "console.log(1)" && echo a:b',
      [{ name: 'test', run: 'node -e "console.log(1)" && echo a:b' }],
    ],
    [
      'blank and comment lines are skipped, CRLF accepted',
      '# the lane\r\n\r\nlint: eslint .\r\n  typecheck :  tsc --noEmit  \r\n',
      [
        { name: 'lint', run: 'eslint .' },
        { name: 'typecheck', run: 'tsc --noEmit' },
      ],
    ],
    [
      'names may hold . _ - /',
      'backend/unit_tests-1.x: npm test',
      [{ name: 'backend/unit_tests-1.x', run: 'npm test' }],
    ],
    ['empty text is no checks', '', []],
  ])('%s', (_what, text, expected) => {
    expect(parseChecks(text)).toEqual(expected);
  });

  it.each([
    ['no colon', 'lint npm run lint', /line 1 "lint npm run lint" must look like "name: command"/],
    ['empty name', ': npm test', /line 1 .*check name "" must be/],
    ['space in name', 'unit tests: npm test', /check name "unit tests" must be/],
    ['comma in name', 'a,b: true', /check name "a,b" must be/],
    ['empty command', 'lint:', /check "lint" has no command/],
    ['line number is the real line', 'a: true\n\n# x\nbroken', /line 4 "broken"/],
    ['duplicate names', 'a: true\na: false', /check name "a" appears twice/],
  ])('refuses %s, naming the input', (_what, text, message) => {
    const err = inputErrorOf(() => parseChecks(text, 'checks'));
    expect(err.input).toBe('checks');
    expect(err.message).toMatch(/^input "checks"/);
    expect(err.message).toMatch(message);
  });
});

describe('checksFromDocument', () => {
  it('reads name, run, timeout and working-directory', () => {
    expect(
      checksFromDocument(
        [
          { name: 'backend', run: 'npm ci && npm test', timeout: '5m', 'working-directory': 'backend' },
          { name: 'lint', run: ' eslint . ' },
          { name: 'x', run: 'true', timeout: null },
        ],
        'checks.yaml',
      ),
    ).toEqual([
      { name: 'backend', run: 'npm ci && npm test', timeoutMs: 300_000, workingDirectory: 'backend' },
      { name: 'lint', run: 'eslint .' },
      { name: 'x', run: 'true' },
    ]);
  });

  it.each([
    ['a mapping instead of a list', { lint: 'eslint .' }, /must hold a list .* got a mapping/],
    ['an empty list', [], /lists no checks/],
    ['a string entry', ['lint: eslint .'], /entry 1 must be a mapping/],
    ['a missing run', [{ name: 'a' }], /entry 1 \(a\): run must be a non-empty command/],
    ['a bad name', [{ name: 'a b', run: 'true' }], /entry 1: name string "a b" must be/],
    ['a numeric name', [{ name: 7, run: 'true' }], /entry 1: name number "7"/],
    ['an unknown key', [{ name: 'a', run: 'true', timout: '1m' }], /unknown key "timout"/],
    ['a bad timeout', [{ name: 'a', run: 'true', timeout: '10' }], /entry 1 \(a\): .*add a unit, e.g. 10s/],
    ['a numeric timeout', [{ name: 'a', run: 'true', timeout: 10 }], /timeout must be a duration/],
    ['a zero timeout', [{ name: 'a', run: 'true', timeout: '0' }], /timeout must be more than 0/],
    [
      'an empty working-directory',
      [{ name: 'a', run: 'true', 'working-directory': ' ' }],
      /working-directory must be/,
    ],
    [
      'duplicate names',
      [
        { name: 'a', run: 'true' },
        { name: 'a', run: 'false' },
      ],
      /"a" appears twice/,
    ],
  ])('refuses %s, naming the input and the file', (_what, document, message) => {
    const err = inputErrorOf(() => checksFromDocument(document, 'ci/checks.yaml'));
    expect(err.input).toBe('checks-file');
    expect(err.message).toContain('ci/checks.yaml');
    expect(err.message).toMatch(message);
  });
});

describe('loadChecksFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-checks-spec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses a YAML list', async () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, '- name: lint\n  run: npm run lint\n  timeout: 90s\n');
    await expect(loadChecksFile(file, 'ok.yaml')).resolves.toEqual([
      { name: 'lint', run: 'npm run lint', timeoutMs: 90_000 },
    ]);
  });

  it('names the input when the file is missing', async () => {
    const err = await loadChecksFile(join(dir, 'nope.yaml'), 'nope.yaml').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe('checks-file');
    expect((err as Error).message).toMatch(/^input "checks-file": nope.yaml does not exist/);
  });

  it('names the input when the file is not YAML', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, '- name: [unclosed\n');
    await expect(loadChecksFile(file, 'bad.yaml')).rejects.toThrow(
      /^input "checks-file": bad.yaml is not valid YAML/,
    );
  });
});

describe('fast-check input validators', () => {
  it('accepts variable names and drops repeats', () => {
    expect(parseEnvNames(['NPM_TOKEN', '_X', 'NPM_TOKEN'])).toEqual(['NPM_TOKEN', '_X']);
  });

  it.each([
    ['A=b', /names only/],
    ['1A', /not a variable name/],
    ['A-B', /not a variable name/],
    ['INPUT_SIGNING_KEY', /INPUT_\* .*never reach user code/],
    ['input_checks', /never reach user code/],
    ['ACTIONS_RUNTIME_TOKEN', /ACTIONS_\* .*never reach user code/],
  ])('refuses env name %s', (name, message) => {
    const err = inputErrorOf(() => parseEnvNames([name]));
    expect(err.input).toBe('env');
    expect(err.message).toMatch(message);
  });

  it.each([
    ['both', 'a: true', 'f.yaml', /both set/],
    ['neither', '', '  ', /"checks" .* or "checks-file" .* is required/],
  ])('refuses %s of checks and checks-file', (_what, checks, file, message) => {
    const err = inputErrorOf(() => checkChecksSource(checks, file));
    expect(err.input).toBe('checks');
    expect(err.message).toMatch(message);
  });

  it('says which of checks and checks-file is used', () => {
    expect(checkChecksSource('a: true', '')).toBe('checks');
    expect(checkChecksSource('', 'f.yaml')).toBe('file');
  });

  it('accepts a P-256 key and refuses others', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(checkSigningKey(String(p256))).toMatch(/^[0-9a-f]{64}$/);
    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(inputErrorOf(() => checkSigningKey(String(ed))).message).toMatch(
      /^input "signing-key" must be a PEM ECDSA P-256/,
    );
    expect(inputErrorOf(() => checkSigningKey('not a key')).input).toBe('signing-key');
  });
});
