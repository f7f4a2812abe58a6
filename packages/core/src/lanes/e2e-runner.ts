/**
 * The E2E runner container: the runner image's user, the tests copy linked to the image's own
 * Playwright, the report directory it writes, and the `run` options that put them together on the
 * stack network.
 */
import { chmod, chown, cp, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerEngine, RunOptions } from '../engine/engine.js';
import { tailLines } from '../exec.js';
import { CONTAINER_ROLE_LABEL, joinNetworks, STACK_LABEL } from '../stack/labels.js';
import { TESTS_ROLE } from './command-tester.js';

/** Where the runner image keeps its pinned Playwright. */
export const RUNNER_NODE_MODULES = '/opt/playwright/node_modules';

/** Debian's chromium in the runner image; Playwright must never download a browser of its own. */
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

/**
 * Flags for chromium in a container: no user namespaces for its sandbox, no GPU, no traffic of its
 * own (the network rule: only the stack), and /tmp instead of the 64 MB /dev/shm containers get.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Mount points inside the runner container. */
export const CONTAINER_TESTS_DIR = '/e2e/tests';
export const CONTAINER_REPORT_DIR = '/e2e/report';

/** Layout of the report directory (output `report`, uploaded as the artifact). */
export const REPORT_FILES = {
  html: 'html',
  testResults: 'test-results',
  json: 'results.json',
  lane: 'digestline-e2e.json',
  stackBundle: 'stack-bundle',
} as const;

/** A numeric `uid[:gid]` from an image's `User` (`''` is root); `undefined` for a user name. */
export function parseNumericUser(user: string): { uid: number; gid: number } | undefined {
  if (user === '') return { uid: 0, gid: 0 };
  const m = /^(\d+)(?::(\d+))?$/.exec(user);
  if (m === null) return undefined;
  const uid = Number(m[1]);
  return { uid, gid: m[2] !== undefined ? Number(m[2]) : uid };
}

/** The numeric uid/gid the runner image runs as, asking the image itself when `User` is a name. */
export async function runnerUser(
  engine: ContainerEngine,
  image: string,
  user: string,
): Promise<{ uid: number; gid: number }> {
  const numeric = parseNumericUser(user);
  if (numeric !== undefined) return numeric;
  const r = await engine.runToCompletion({
    image,
    rm: true,
    entrypoint: '',
    network: 'none',
    command: ['sh', '-c', 'echo "$(id -u):$(id -g)"'],
  });
  const ids = parseNumericUser(r.stdout.trim());
  if (r.exitCode !== 0 || ids === undefined) {
    throw new Error(
      `cannot tell the uid of user ${JSON.stringify(user)} of runner image ${image} (id exited ${r.exitCode}: ${tailLines(`${r.stdout}${r.stderr}`, 3)})`,
    );
  }
  return ids;
}

/**
 * Copies the tests directory (without `node_modules` and earlier Playwright output) and links
 * `node_modules` to the runner image's Playwright.
 *
 * Why a copy with a link rather than NODE_PATH: NODE_PATH reaches `require()` only, while ESM test
 * files and configs (`.mjs`, `"type": "module"`) resolve bare imports by walking up `node_modules`
 * directories; the link serves both. The copy keeps a developer's own `node_modules` (another
 * Playwright version: Playwright refuses to load a second copy of itself) out of the container, and
 * leaves the workspace untouched. The link dangles on the runner and resolves inside the container.
 */
export async function prepareTestsCopy(testsDir: string, dest: string): Promise<void> {
  const skip = new Set(['node_modules', 'test-results', 'playwright-report', 'blob-report']);
  await cp(testsDir, dest, {
    recursive: true,
    filter: (source) => {
      const rel = source.slice(testsDir.length).split('/').filter(Boolean);
      return !(rel.length === 1 && skip.has(rel[0] as string)) && !rel.includes('node_modules');
    },
  });
  await symlink(RUNNER_NODE_MODULES, join(dest, 'node_modules'));
}

/**
 * Makes the report directory writable for the runner image's user: owned by its uid when this
 * process may chown (root, or the same uid), else world-writable (a non-root runner with a rootful
 * or rootless engine, where the container's uid is not ours to give files to).
 */
export async function prepareReportDir(dir: string, owner: { uid: number; gid: number }): Promise<string> {
  await mkdir(dir, { recursive: true });
  const me = process.getuid?.();
  if (me === owner.uid) return 'owned by this process already';
  if (me === 0) {
    await chown(dir, owner.uid, owner.gid);
    return `owned by ${owner.uid}:${owner.gid}`;
  }
  await chmod(dir, 0o777);
  return 'world-writable (this process cannot chown it)';
}

/**
 * The Playwright command: the runner image's own CLI by path (not whatever `playwright` PATH
 * finds), output locations forced into the mounted report directory, reporters fixed so that the
 * HTML report and the JSON the lane reads always exist.
 */
export function playwrightCommand(retries: number): string[] {
  return [
    'node',
    `${RUNNER_NODE_MODULES}/@playwright/test/cli.js`,
    'test',
    '--reporter=list,html,json',
    `--output=${CONTAINER_REPORT_DIR}/${REPORT_FILES.testResults}`,
    `--retries=${retries}`,
  ];
}

/** Env of the runner container (service URLs come on top). */
export function playwrightEnv(baseUrl: string): Record<string, string> {
  return {
    BASE_URL: baseUrl,
    PLAYWRIGHT_BASE_URL: baseUrl,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    PLAYWRIGHT_CHROMIUM_EXECUTABLE: CHROMIUM_EXECUTABLE,
    PLAYWRIGHT_HTML_OUTPUT_DIR: `${CONTAINER_REPORT_DIR}/${REPORT_FILES.html}`,
    PLAYWRIGHT_HTML_OPEN: 'never',
    PLAYWRIGHT_JSON_OUTPUT_FILE: `${CONTAINER_REPORT_DIR}/${REPORT_FILES.json}`,
    CI: 'true',
  };
}

/** `run` options of the runner container. */
export function e2eContainerOptions(o: {
  project: string;
  /** The stack's networks (the browser joins every one). */
  network: string | readonly string[];
  image: string;
  testsCopy: string;
  reportDir: string;
  baseUrl: string;
  serviceEnv: Record<string, string>;
  retries: number;
  user: { uid: number; gid: number };
  /** Service names pinned to their IPs (see Stack.hosts). */
  hosts?: Record<string, string>;
}): RunOptions {
  return {
    image: o.image,
    name: `${o.project}-e2e`,
    ...joinNetworks(o.network),
    ...(o.hosts !== undefined ? { hosts: o.hosts } : {}),
    rm: true,
    // Explicit, so that the uid the report directory was prepared for is the one that writes it.
    user: `${o.user.uid}:${o.user.gid}`,
    env: { ...o.serviceEnv, ...playwrightEnv(o.baseUrl) },
    volumes: [
      { source: o.testsCopy, target: CONTAINER_TESTS_DIR, readonly: true },
      { source: o.reportDir, target: CONTAINER_REPORT_DIR },
    ],
    workdir: CONTAINER_TESTS_DIR,
    entrypoint: '',
    labels: { [STACK_LABEL]: o.project, [CONTAINER_ROLE_LABEL]: TESTS_ROLE },
    command: playwrightCommand(o.retries),
  };
}
