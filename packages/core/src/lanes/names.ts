/**
 * The names a stack lane gives things: its per-run project, and the `<SERVICE>_URL` variables the
 * tests reach the services by.
 */
import { randomBytes } from 'node:crypto';
import type { ServiceStatus } from '../stack/status.js';

/**
 * A project name unique per run and attempt: `<prefix>-<run id>-<random>`, lower case, so that two
 * jobs on one runner host (or a re-run) never share a network, container or volume name.
 */
export function laneProjectName(prefix: string, runId: string | undefined, random = randomBytes(3)): string {
  const run = (runId ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');
  return `${prefix}-${run === '' ? 'local' : run.slice(0, 20)}-${random.toString('hex')}`;
}

/** The env variable a service's URL is injected as: `web-ui` → `WEB_UI_URL`. */
export function urlEnvName(service: string): string {
  return `${service.toUpperCase().replace(/-/g, '_')}_URL`;
}

/** Where the tests run: in a container on the stack network, or on the runner. */
export type TestsWhere = 'container' | 'runner';

/** The `<SERVICE>_URL` variables, and the services that get none. */
export interface ServiceUrls {
  env: Record<string, string>;
  missing: string[];
}

/**
 * The `<SERVICE>_URL` variables for the tests: internal URLs (`http://backend:8080`) for tests in a
 * container on the stack network, published loopback URLs for tests on the runner. Services
 * without such a URL (no port; on the runner: no published port) get none, and are listed in `missing`.
 */
export function serviceUrls(statuses: readonly ServiceStatus[], where: TestsWhere): ServiceUrls {
  const env: Record<string, string> = {};
  const missing: string[] = [];
  for (const s of statuses) {
    const url = where === 'container' ? s.urls.internal : s.urls.published;
    if (url === undefined) missing.push(s.service);
    else env[urlEnvName(s.service)] = url;
  }
  return { env, missing };
}
