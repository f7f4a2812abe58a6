/**
 * The differential tests' shared half: the fixture cases under test/fixtures/compose-normalise/, how
 * the reference (`docker compose config --format json`) is run on them, and what its output means once
 * stored in expected.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normaliseComposeFiles } from '../../../src/stack/normalise/index.js';
import type { ComposeModel, NormalisedCompose } from '../../../src/stack/compose/model.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../../../../test/fixtures/compose-normalise');
/** The `include` cases: each a directory of several compose files. */
export const INCLUDE_FIXTURES = path.resolve(FIXTURES, '../compose-include');
/** Stand for the fixture directories in expected.json, so that it holds on any checkout. */
const PLACEHOLDERS: Array<[string, string]> = [
  [FIXTURES, '<fixtures>'],
  [INCLUDE_FIXTURES, '<include-fixtures>'],
];
const toPlaceholders = (s: string) => PLACEHOLDERS.reduce((t, [dir, p]) => t.split(dir).join(p), s);
/** A text of expected.json with the fixture directories put back. */
export const fromPlaceholders = (s: string) => PLACEHOLDERS.reduce((t, [dir, p]) => t.split(p).join(dir), s);
/** HOME for both sides (`~` in volumes). */
const HOME = '/home/user';

/** One case: a directory (under FIXTURES or INCLUDE_FIXTURES) with compose.yaml and, optionally, case.json ({env, profiles}). */
export interface Case {
  name: string;
  dir: string;
  env: Record<string, string>;
  profiles: string[];
  /** The files given with `-f`, in order (case.json `files`; default compose.yaml). */
  files: string[];
}

/** What the reference did with a case, as stored in expected.json. */
export interface ReferenceResult {
  status: number;
  /** The printed model (strings as printed: `$` doubled), FIXTURES replaced by a placeholder. */
  model?: ComposeModel;
  /** stderr lines without the time and level prefix. */
  messages: string[];
}

export function listCases(): Case[] {
  return [FIXTURES, INCLUDE_FIXTURES]
    .flatMap((root) =>
      readdirSync(root, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => ({ name: d.name, dir: path.join(root, d.name) })),
    )
    .map((d) => {
      const dir = d.dir;
      const configFile = path.join(dir, 'case.json');
      const config = existsSync(configFile)
        ? (JSON.parse(readFileSync(configFile, 'utf8')) as {
            env?: Record<string, string>;
            profiles?: string[];
            files?: string[];
          })
        : {};
      const files = config.files ?? ['compose.yaml'];
      return { name: d.name, dir, env: config.env ?? {}, profiles: config.profiles ?? [], files };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The environment both sides see: fixed, nothing from the machine's own. */
export function caseEnv(c: Case): Record<string, string> {
  return { HOME, COMPOSE_PROJECT_NAME: c.name, ...c.env };
}

/** Runs the reference binary on a case. */
export function runReference(bin: string, c: Case): ReferenceResult {
  const args = [
    ...c.files.flatMap((f) => ['-f', f]),
    ...c.profiles.flatMap((p) => ['--profile', p]),
    'config',
    '--format',
    'json',
  ];
  const run = spawnSync(bin, args, {
    cwd: c.dir,
    env: { PATH: '/usr/bin:/bin', ...caseEnv(c) },
    encoding: 'utf8',
  });
  const messages = run.stderr
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^time="[^"]*" level=\w+ msg="(.*)"$/.exec(l);
      return toPlaceholders(m ? (JSON.parse(`"${m[1]}"`) as string) : l);
    });
  const result: ReferenceResult = { status: run.status ?? -1, messages };
  if (run.status === 0) result.model = JSON.parse(toPlaceholders(run.stdout)) as ComposeModel;
  return result;
}

/** Times `bin … config` on a case (ms), for the report. */
export function timeReference(bin: string, c: Case): number {
  const start = performance.now();
  try {
    execFileSync(
      bin,
      [
        ...c.files.flatMap((f) => ['-f', f]),
        ...c.profiles.flatMap((p) => ['--profile', p]),
        'config',
        '--format',
        'json',
      ],
      {
        cwd: c.dir,
        env: { PATH: '/usr/bin:/bin', ...caseEnv(c) },
        stdio: 'ignore',
      },
    );
  } catch {
    // Error cases time their failure just the same.
  }
  return performance.now() - start;
}

/** The reference's model as values: FIXTURES put back, `$$` (its escape in printed output) undone. */
export function referenceValues(model: ComposeModel): unknown {
  const fix = (s: string) => fromPlaceholders(s).replace(/\$\$/g, '$');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return fix(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [fix(k), walk(x)]));
    return v;
  };
  return walk(model);
}

/** Our normaliser on a case. */
export function runOurs(c: Case): NormalisedCompose {
  const files = c.files.map((f) => {
    const file = path.join(c.dir, f);
    return { file, text: readFileSync(file, 'utf8') };
  });
  return normaliseComposeFiles({ files, env: caseEnv(c), profiles: c.profiles });
}

export function expectedFile(c: Case): string {
  return path.join(c.dir, 'expected.json');
}
