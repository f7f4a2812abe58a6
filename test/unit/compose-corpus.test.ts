/**
 * Others' compose files (test/fixtures/compose-corpus/, see its README) through `stack check`, with
 * the services each entry's check.json names injected as the images under test. Prints the table of
 * entries (accepted or the first problems) and how many files use each service key, and holds the
 * acceptance rate at a floor. The corpus itself is checked against the reference implementation in
 * test/compose-corpus-reference.itg.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseImageSet } from '@digestline/core/inputs';
import { checkStack, formatProblem } from '@digestline/core/stack/check';
import type { StackProblem } from '@digestline/core/stack/compose/model';
import { downgradeMissingPaths } from '../../packages/runner/src/stack-check.js';

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/compose-corpus');

/**
 * The share of entries `stack check` must accept. The issue's target is 90 % (0.9): raise this floor
 * as the next slices land, never lower it. 23 of 25 today: tags are warnings (resolved to a digest
 * at start), bind mounts inside the entry's directory (its workspace here), secrets and configs, and the
 * service keys of the corpus are supported; the two others are refused on purpose (fastapi mounts the
 * engine socket) or not supported yet (miniflux: network_mode service: and a mount outside its directory).
 */
const MIN_ACCEPTED = 0.92;

/**
 * What stops corpus files today: what is refused on purpose (the engine socket, a bind mount outside
 * the workspace without allow-host-paths) or not supported yet (network_mode service:).
 */
const KNOWN_BLOCKERS = [
  /^network_mode .* is not supported/,
  /mounts the container engine's socket/,
  /^bind mount of .* is outside the workspace .*allow-host-paths/,
];

/** Licences whose terms allow keeping the files as test fixtures (SPDX ids). */
const LICENCES = [
  'MIT',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'MPL-2.0',
  'GPL-3.0-only',
  'AGPL-3.0-only',
  'CC0-1.0',
];

/** An entry's check.json: what a user's job would give the actions. */
interface CheckFile {
  images: Record<string, string>;
  profiles: string[];
  env: Record<string, string>;
}

interface Entry {
  name: string;
  dir: string;
  file: string;
  check: CheckFile;
}

const entries: Entry[] = readdirSync(CORPUS)
  .filter((name) => statSync(path.join(CORPUS, name)).isDirectory())
  .sort()
  .map((name) => {
    const dir = path.join(CORPUS, name);
    const check = JSON.parse(readFileSync(path.join(dir, 'check.json'), 'utf8')) as CheckFile;
    return { name, dir, file: path.join(dir, 'compose.yaml'), check };
  });

/** The problems `digestline-run stack check` would print for an entry. */
function checkEntry(entry: Entry): StackProblem[] {
  const images = parseImageSet(
    Object.entries(entry.check.images)
      .map(([service, ref]) => `${service}=${ref}`)
      .join('\n'),
    `${entry.name}/check.json images`,
  );
  const result = checkStack(entry.file, {
    images,
    profiles: entry.check.profiles,
    env: entry.check.env,
    mode: 'validation',
    // As `stack check --workspace <entry>`: the entry's directory stands for the user's checkout.
    workspace: entry.dir,
  });
  return downgradeMissingPaths(result.problems);
}

type Service = Record<string, unknown>;

/** The services of an entry's compose file as written (anchors and `<<` merges resolved, no interpolation). */
function servicesOf(entry: Entry): Record<string, Service> {
  const doc = parseDocument(readFileSync(entry.file, 'utf8'), { merge: true });
  const root = doc.toJS({ maxAliasCount: -1 }) as { services?: Record<string, Service | null> };
  return Object.fromEntries(Object.entries(root.services ?? {}).map(([k, v]) => [k, v ?? {}]));
}

function isBindMount(volume: unknown): boolean {
  if (typeof volume === 'string') return /^(\.|\/|~|\$)/.test(volume) && volume.includes(':');
  return typeof volume === 'object' && volume !== null && (volume as { type?: unknown }).type === 'bind';
}

/** What a feature test sees of one entry. */
interface Source {
  text: string;
  services: Service[];
  dir: string;
}

/**
 * Features a file uses that are not a plain service key. Each is counted once per file: how many
 * files a blocker would stop.
 */
const FEATURES: Record<string, (src: Source) => boolean> = {
  'volumes (bind mount)': ({ services }) =>
    services.some((s) => Array.isArray(s.volumes) && s.volumes.some(isBindMount)),
  '${VAR} interpolation': ({ text }) => /(^|[^$])\$\{?[A-Za-z_]/m.test(text),
  '<<: *anchor merge': ({ text }) => /<<:\s*\*/.test(text),
  'several networks': ({ text }) => {
    const nets = (parseDocument(text).toJS() as { networks?: Record<string, unknown> | null }).networks;
    return nets !== undefined && nets !== null && Object.keys(nets).length > 1;
  },
  'top-level secrets': ({ text }) => /^secrets:/m.test(text),
  'top-level configs': ({ text }) => /^configs:/m.test(text),
  'top-level include': ({ text }) => /^include:/m.test(text),
  'top-level name': ({ text }) => /^name:/m.test(text),
  '.env beside the file': ({ dir }) => existsSync(path.join(dir, '.env')),
};

/** For each service key (and feature), how many corpus files use it, most used first. */
function keyUsage(): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const src: Source = {
      text: readFileSync(entry.file, 'utf8'),
      services: Object.values(servicesOf(entry)),
      dir: entry.dir,
    };
    const used = new Set(src.services.flatMap((s) => Object.keys(s)));
    for (const [feature, test] of Object.entries(FEATURES)) if (test(src)) used.add(feature);
    for (const key of used) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

describe('compose corpus', () => {
  it('holds at least 24 entries from public projects, each with its origin, a small file and its check.json', () => {
    expect(entries.length).toBeGreaterThanOrEqual(24);
    for (const entry of entries) {
      const origin = readFileSync(path.join(entry.dir, 'ORIGIN'), 'utf8');
      expect(origin, entry.name).toMatch(/^repository: https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/m);
      expect(origin, entry.name).toMatch(/^path: \S+$/m);
      expect(origin, entry.name).toMatch(/^commit: [0-9a-f]{40}$/m);
      expect(origin, entry.name).toMatch(/^fetched: \d{4}-\d{2}-\d{2}$/m);
      const licence = /^licence: (\S+)$/m.exec(origin)?.[1];
      expect(LICENCES, `${entry.name} licence`).toContain(licence);
      const owner = /github\.com\/([\w.-]+)\/([\w.-]+)$/m.exec(origin);
      expect(
        entry.name.startsWith(`${owner?.[1]}--${owner?.[2]}--`),
        `${entry.name} is named owner--repo--short`,
      ).toBe(true);
      expect(statSync(entry.file).size, `${entry.name} compose.yaml size`).toBeLessThanOrEqual(30 * 1024);
      // The images under test name services of the file: a typo would test nothing.
      const services = Object.keys(servicesOf(entry));
      expect(
        Object.keys(entry.check.images).length,
        `${entry.name} injects at least one image`,
      ).toBeGreaterThan(0);
      for (const service of Object.keys(entry.check.images)) expect(services, entry.name).toContain(service);
      expect(Array.isArray(entry.check.profiles) && typeof entry.check.env === 'object', entry.name).toBe(
        true,
      );
    }
  });

  it(`stack check accepts at least MIN_ACCEPTED (${MIN_ACCEPTED * 100} %) of the corpus`, () => {
    const rows = entries.map((entry) => {
      const problems = checkEntry(entry);
      const errors = problems.filter((p) => p.severity === 'error');
      return {
        entry: entry.name,
        accepted: errors.length === 0,
        problems: problems.length,
        first: errors
          .slice(0, 2)
          .map((p) => formatProblem(p, entry.dir))
          .join(' | ')
          .slice(0, 160),
      };
    });
    const accepted = rows.filter((r) => r.accepted).length;
    console.log(
      [
        `stack check on the compose corpus: ${accepted}/${rows.length} accepted (${Math.round((100 * accepted) / rows.length)} %)`,
        ...rows.map(
          (r) => `${r.accepted ? 'ok  ' : 'FAIL'} ${r.entry.padEnd(48)} ${r.problems} problem(s) ${r.first}`,
        ),
      ].join('\n'),
    );
    expect(accepted / rows.length).toBeGreaterThanOrEqual(MIN_ACCEPTED);
  });

  it('refuses corpus files only for what is not supported yet or refused on purpose (nothing else)', () => {
    const unexpected = entries.flatMap((entry) =>
      checkEntry(entry)
        .filter((p) => p.severity === 'error' && !KNOWN_BLOCKERS.some((k) => k.test(p.message)))
        .map((p) => `${entry.name}: ${formatProblem(p, entry.dir)}`),
    );
    // The normaliser reads every file (the reference agrees: test/compose-corpus-reference.itg.test.ts);
    // an error outside this list is a bug on a real user's file.
    expect(unexpected).toEqual([]);
  });

  it('counts the files that use each service key (the basis of the supported-keys table)', () => {
    const usage = keyUsage();
    console.log(
      [
        `files using each key (of ${entries.length}):`,
        ...usage.map(([k, n]) => `${String(n).padStart(4)}  ${k}`),
      ].join('\n'),
    );
    const count = Object.fromEntries(usage);
    // Every entry has services with an image or a build; the keys users write most are all there.
    expect((count.image ?? 0) + (count.build ?? 0)).toBeGreaterThanOrEqual(entries.length);
    for (const key of ['restart', 'build', 'volumes (bind mount)', 'env_file', 'depends_on', 'healthcheck']) {
      expect(count[key] ?? 0, key).toBeGreaterThan(0);
    }
  });
});
