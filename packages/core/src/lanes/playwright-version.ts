/**
 * The Playwright version check, before anything starts: the tests pin an exact `@playwright/test`,
 * the runner image states its own in a label, and the two must agree.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerEngine } from '../engine/engine.js';
import { errorMessage, InputError } from '../errors.js';
import type { Log } from '../log.js';
import { parseReference } from '../reference.js';
import { isLoopbackRegistry } from '../registry/loopback.js';

/** Image label carrying the runner image's @playwright/test version. */
export const PLAYWRIGHT_VERSION_LABEL = 'org.digestline.playwright.version';

/** The npm package whose version the tests and the runner image must agree on. */
export const PLAYWRIGHT_PACKAGE = '@playwright/test';

/** Exact versions only: `1.65.1`, `1.66.0-beta-1`. */
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * The `@playwright/test` version a tests directory pins in its package.json (`dependencies` or
 * `devDependencies`). A range would let the tests run against whatever the runner image has, so
 * only an exact version is accepted.
 * @param text package.json content
 * @param file shown in messages
 * @param input the input naming the tests directory
 * @throws InputError when the package is missing, pinned by a range, or the file is not JSON
 */
export function testsPlaywrightVersion(text: string, file: string, input: string): string {
  let pkg: { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
  try {
    pkg = JSON.parse(text) as typeof pkg;
  } catch (err) {
    throw new InputError(input, `input "${input}": ${file} is not valid JSON: ${errorMessage(err)}`);
  }
  const declared = pkg.devDependencies?.[PLAYWRIGHT_PACKAGE] ?? pkg.dependencies?.[PLAYWRIGHT_PACKAGE];
  if (declared === undefined) {
    throw new InputError(
      input,
      `input "${input}": ${file} does not list ${PLAYWRIGHT_PACKAGE} in dependencies or devDependencies; pin the version the runner image has, e.g. "${PLAYWRIGHT_PACKAGE}": "1.65.1"`,
    );
  }
  const version = typeof declared === 'string' ? declared.trim() : '';
  if (!EXACT_VERSION.test(version)) {
    throw new InputError(
      input,
      `input "${input}": ${file} must pin ${PLAYWRIGHT_PACKAGE} to an exact version (like "1.65.1"), got ${JSON.stringify(declared)}: the tests run with the runner image's Playwright, so a range would hide a mismatch`,
    );
  }
  return version;
}

/** Reads `<tests>/package.json` (see {@link testsPlaywrightVersion}). */
export async function readTestsPlaywrightVersion(
  testsDir: string,
  shownAs: string,
  input: string,
): Promise<string> {
  const file = join(shownAs, 'package.json');
  let text: string;
  try {
    text = await readFile(join(testsDir, 'package.json'), 'utf8');
  } catch (err) {
    throw new InputError(input, `input "${input}": cannot read ${file}: ${errorMessage(err)}`);
  }
  return testsPlaywrightVersion(text, file, input);
}

/** Whether an image reference names a loopback registry (pulled over plain http). */
function onLoopbackRegistry(ref: string): boolean {
  try {
    return isLoopbackRegistry(parseReference(ref).registry);
  } catch {
    return false;
  }
}

/** What the runner image says about itself (image inspect; pulled first when not local). */
export interface RunnerImageFacts {
  playwrightVersion: string;
  /** `Config.User` (`''` = root). */
  user: string;
}

/**
 * Inspects the runner image, pulling it first when it is not local.
 * @throws Error naming the image when it has no {@link PLAYWRIGHT_VERSION_LABEL}
 */
export async function inspectRunnerImage(
  engine: ContainerEngine,
  image: string,
  log: Log,
): Promise<RunnerImageFacts> {
  let info;
  try {
    info = await engine.inspectImage(image);
  } catch {
    log.info(`pulling runner image ${image}`);
    await engine.pull(image, { insecure: onLoopbackRegistry(image) });
    info = await engine.inspectImage(image);
  }
  const version = info.labels[PLAYWRIGHT_VERSION_LABEL];
  if (version === undefined || version.trim() === '') {
    throw new Error(
      `runner image ${image} has no ${PLAYWRIGHT_VERSION_LABEL} label: build it from images/e2e-runner/Containerfile (or label it with its ${PLAYWRIGHT_PACKAGE} version)`,
    );
  }
  return { playwrightVersion: version.trim(), user: info.user };
}

/**
 * Fails when the runner image's Playwright and the tests' pin differ: Playwright refuses (or
 * misbehaves with) tests written against another version, and finding that out after a stack
 * start wastes minutes.
 */
export function checkPlaywrightVersions(v: {
  runnerImage: string;
  runnerVersion: string;
  tests: string;
  testsVersion: string;
}): void {
  if (v.runnerVersion === v.testsVersion) return;
  throw new Error(
    `Playwright version mismatch: runner image ${v.runnerImage} has ${PLAYWRIGHT_PACKAGE} ${v.runnerVersion} (label ${PLAYWRIGHT_VERSION_LABEL}), but ${join(v.tests, 'package.json')} pins ${v.testsVersion}; pin "${PLAYWRIGHT_PACKAGE}": "${v.runnerVersion}" in the tests or use a runner image built with ${v.testsVersion}`,
  );
}
