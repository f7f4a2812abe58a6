/**
 * `include` in the normaliser: where problems inside included files point (file and line), and the
 * errors the reference gives (cycle, conflict, missing file, bad entry). The model itself is held
 * against the reference by the compose-include cases of differential.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStack } from '../../../src/stack/check.js';
import { normaliseCompose, normaliseComposeFiles } from '../../../src/stack/normalise/index.js';

/** Normalises /p/compose.yaml with the other files of `files` readable. */
function run(files: Record<string, string>, env: Record<string, string> = {}) {
  const main = files['/p/compose.yaml']!;
  return normaliseCompose({ file: '/p/compose.yaml', text: main, env, readFile: (f) => files[f] });
}

const errors = (r: ReturnType<typeof run>) => r.problems.filter((p) => p.severity === 'error');

describe('normaliseCompose: include', () => {
  it('locates the keys of an included service in the included file, at their own lines', () => {
    const r = run({
      '/p/compose.yaml': 'include:\n  - sub/db.yaml\nservices:\n  app:\n    image: app\n',
      '/p/sub/db.yaml':
        '# the database\nservices:\n  db:\n    image: db\n    restart: always\n    ports:\n      - "5432:5432"\n',
    });
    expect(errors(r)).toEqual([]);
    expect(r.lineOf(['services', 'db'])).toEqual({ file: '/p/sub/db.yaml', line: 3 });
    expect(r.lineOf(['services', 'db', 'restart'])).toEqual({ file: '/p/sub/db.yaml', line: 5 });
    expect(r.lineOf(['services', 'db', 'ports', 0])).toEqual({ file: '/p/sub/db.yaml', line: 7 });
    expect(r.lineOf(['services', 'app', 'image'])).toEqual({ file: '/p/compose.yaml', line: 5 });
  });

  it('locates services of a file that only includes, through nested includes', () => {
    const r = run({
      '/p/compose.yaml': 'include:\n  - a/compose.yaml\n',
      '/p/a/compose.yaml': 'include:\n  - b/compose.yaml\n',
      '/p/a/b/compose.yaml': 'services:\n\n  deep:\n    image: deep\n    user: "1000"\n',
    });
    expect(errors(r)).toEqual([]);
    expect(Object.keys(r.model?.services ?? {})).toEqual(['deep']);
    expect(r.lineOf(['services', 'deep', 'user'])).toEqual({ file: '/p/a/b/compose.yaml', line: 5 });
  });

  it('names the included file and its line for problems inside it, all at once', () => {
    const r = run({
      '/p/compose.yaml':
        'include:\n  - sub/db.yaml\nservices:\n  app:\n    image: app\n    ports: ["nope:80"]\n',
      '/p/sub/db.yaml': 'services:\n  db:\n    image: ${TAG:?set TAG}\n    ports:\n      - "x:y"\n',
    });
    expect(r.model).toBeUndefined();
    expect(errors(r)).toEqual([
      expect.objectContaining({ file: '/p/sub/db.yaml', line: 3, path: 'services.db.image' }),
      expect.objectContaining({ file: '/p/compose.yaml', line: 6, path: 'services.app.ports[0]' }),
      expect.objectContaining({ file: '/p/sub/db.yaml', line: 5, path: 'services.db.ports[0]' }),
    ]);
    expect(errors(r)[0]!.message).toMatch(/set TAG/);
  });

  it('gives a YAML error in an included file with that file and line', () => {
    const r = run({
      '/p/compose.yaml': 'include:\n  - sub/db.yaml\nservices:\n  app:\n    image: app\n',
      '/p/sub/db.yaml': 'services:\n  db:\n    image: [\n',
    });
    expect(r.model).toBeUndefined();
    expect(errors(r)).toEqual([
      expect.objectContaining({ file: '/p/sub/db.yaml', line: 4, path: 'include[0]' }),
    ]);
    expect(errors(r)[0]!.message).toMatch(/^sub\/db\.yaml: not valid YAML/);
  });

  it('refuses a cycle, naming every file along it', () => {
    const r = run({
      '/p/compose.yaml': 'include:\n  - a.yaml\nservices:\n  app:\n    image: app\n',
      '/p/a.yaml': 'include:\n  - b.yaml\nservices: {}\n',
      '/p/b.yaml': 'include:\n  - ./compose.yaml\n',
    });
    expect(r.model).toBeUndefined();
    expect(errors(r)).toEqual([
      {
        severity: 'error',
        file: '/p/b.yaml',
        line: 2,
        path: 'include[0]',
        message:
          'include cycle detected: /p/compose.yaml includes /p/a.yaml includes /p/b.yaml includes /p/compose.yaml',
      },
    ]);
  });

  it('refuses a resource defined differently on both sides, at the including line, naming the other', () => {
    const r = run({
      '/p/compose.yaml': 'include:\n  - db.yaml\nservices:\n  db:\n    image: mine\nvolumes:\n  data: {}\n',
      '/p/db.yaml': 'services:\n  db:\n    image: theirs\nvolumes:\n  data:\n    driver: local\n',
    });
    expect(r.model).toBeUndefined();
    expect(errors(r).map(({ file, line, path }) => ({ file, line, path }))).toEqual([
      { file: '/p/compose.yaml', line: 4, path: 'services.db' },
      { file: '/p/compose.yaml', line: 7, path: 'volumes.data' },
    ]);
    expect(errors(r)[0]!.message).toMatch(
      /^services\.db conflicts with imported resource: \/p\/db\.yaml:2 \(included\) defines it too/,
    );
  });

  it('refuses two included files that define one service differently', () => {
    const r = run({
      '/p/compose.yaml': 'include:\n  - a.yaml\n  - b.yaml\n',
      '/p/a.yaml': 'services:\n  db:\n    image: a\n',
      '/p/b.yaml': 'services:\n  db:\n    image: b\n',
    });
    expect(errors(r)).toEqual([expect.objectContaining({ file: '/p/a.yaml', line: 2, path: 'services.db' })]);
  });

  it('refuses a missing included file or env_file, naming the path written and the path looked for', () => {
    const r = run({
      '/p/compose.yaml':
        'include:\n  - gone.yaml\n  - path: a.yaml\n    env_file: [a.env, gone.env]\nservices:\n  app:\n    image: app\n',
      '/p/a.yaml': 'services:\n  a:\n    image: a\n',
      '/p/a.env': 'A=1\n',
    });
    expect(errors(r)).toEqual([
      expect.objectContaining({
        line: 2,
        path: 'include[0]',
        message: 'included file gone.yaml does not exist (looked for /p/gone.yaml)',
      }),
      expect.objectContaining({
        line: 4,
        path: 'include[1].env_file',
        message: 'include env_file gone.env does not exist (looked for /p/gone.env)',
      }),
    ]);
  });

  it.each([
    ['include: a.yaml', 'include', /`include` must be a list/],
    ['include:\n  - 3', 'include[0]', /an include entry is a path, or a map with `path`/],
    [
      'include:\n  - project_directory: x',
      'include[0].path',
      /include path must be a path or a list of paths/,
    ],
    ['include:\n  - path: a.yaml\n    env_file: {a: 1}', 'include[0].env_file', /env_file must be a path/],
  ])('refuses a malformed include (%s) naming the key and the expected form', (head, path, message) => {
    const r = run({
      '/p/compose.yaml': `${head}\nservices:\n  app:\n    image: app\n`,
      '/p/a.yaml': 'services: {}\n',
    });
    expect(r.model).toBeUndefined();
    expect(errors(r)).toEqual([expect.objectContaining({ path, message: expect.stringMatching(message) })]);
  });

  it('warns about a key an include entry does not have, and goes on', () => {
    const r = run({
      '/p/compose.yaml': 'include:\n  - path: a.yaml\n    bogus: 1\nservices:\n  app:\n    image: app\n',
      '/p/a.yaml': 'services:\n  a:\n    image: a\n',
    });
    expect(Object.keys(r.model?.services ?? {}).sort()).toEqual(['a', 'app']);
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'warning', line: 3, path: 'include[0].bogus' }),
    ]);
  });

  it("interpolates an included file with the including project's variables first, then its own .env", () => {
    const r = run(
      {
        '/p/compose.yaml': 'include:\n  - sub/compose.yaml\n',
        '/p/.env': 'TAG=parent\n',
        '/p/sub/compose.yaml':
          'services:\n  s:\n    image: s:${TAG}-${OWN}-${JOB}\n    volumes: [./data:/data]\n',
        '/p/sub/.env': 'TAG=sub\nOWN=own\nJOB=sub\n',
      },
      { JOB: 'job' },
    );
    expect(errors(r)).toEqual([]);
    expect(r.model?.services.s?.image).toBe('s:parent-own-job');
    expect(r.model?.services.s?.volumes?.[0]?.source).toBe('/p/sub/data');
  });

  it("reads an included service's env_file with the including project's variables, warning at the line of an unset one", () => {
    const r = run({
      '/p/compose.yaml': 'include:\n  - path: sub/compose.yaml\n    env_file: sub/vars.env\n',
      '/p/sub/compose.yaml': 'services:\n  s:\n    image: s:${TAG}\n    env_file: ./s.env\n',
      '/p/sub/vars.env': 'TAG=1\n',
      '/p/sub/s.env': 'A=a\nB="${TAG}"\n',
    });
    expect(errors(r)).toEqual([]);
    expect(r.model?.services.s).toMatchObject({ image: 's:1', environment: { A: 'a', B: '' } });
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        file: '/p/sub/s.env',
        line: 2,
        path: 'services.s.env_file',
        message: 'variable TAG is not set: it is replaced by an empty string',
      },
    ]);
  });
});

describe('normaliseComposeFiles: several files as -f a -f b', () => {
  const files = [
    {
      file: '/p/compose.yaml',
      text: 'services:\n  web:\n    image: web\n    user: "1"\n    ports: ["80:80"]\n',
    },
    { file: '/p/prod.yaml', text: 'services:\n  web:\n    image: web:1.0\n    restart: always\n' },
  ];

  it('merges the later file over the earlier, each key located in the file it came from', () => {
    const r = normaliseComposeFiles({ files, env: {}, readFile: () => undefined });
    expect(r.problems).toEqual([]);
    expect(r.model?.services.web).toMatchObject({ image: 'web:1.0', user: '1', restart: 'always' });
    expect(r.lineOf(['services', 'web', 'restart'])).toEqual({ file: '/p/prod.yaml', line: 4 });
    expect(r.lineOf(['services', 'web', 'user'])).toEqual({ file: '/p/compose.yaml', line: 4 });
  });

  it('reports a YAML error in any of the files with that file and line', () => {
    const broken = [files[0]!, { file: '/p/prod.yaml', text: 'services:\n  web: [\n' }];
    const r = normaliseComposeFiles({ files: broken, env: {}, readFile: () => undefined });
    expect(r.model).toBeUndefined();
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'error', file: '/p/prod.yaml', line: 3 }),
    ]);
  });
});

describe('checkStack on a file with include', () => {
  it("puts the builder's problem with a service of an included file at that file's line", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'digestline-include-'));
    try {
      const digest = `sha256:${'0'.repeat(64)}`;
      mkdirSync(path.join(dir, 'sub'));
      writeFileSync(
        path.join(dir, 'compose.yaml'),
        `include:\n  - sub/db.yaml\nservices:\n  app:\n    image: app@${digest}\n`,
      );
      writeFileSync(
        path.join(dir, 'sub', 'db.yaml'),
        `services:\n  db:\n    image: db@${digest}\n\n    privileged: true\n`,
      );
      const check = checkStack(path.join(dir, 'compose.yaml'), { images: [], mode: 'validation' });
      expect(check.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          file: path.join(dir, 'sub', 'db.yaml'),
          line: 5,
          path: 'services.db.privileged',
        }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
