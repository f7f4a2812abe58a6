/**
 * Every committed bundle starts under each Node a job image may bring: forgejo-runner and act_runner
 * run an action with the job image's own `node`, whatever `runs.using` says (ours says node24). The
 * job images (images/job, built by `DIGESTLINE_JOB_IMAGES=1 scripts/setup-host`) have Debian's Node 20
 * and Node 24. Each bundle is run with no inputs: it must load, reach its input validation and fail
 * there with an error that names a required input (a bundle that cannot load on that Node fails before
 * that line). The pipeline runs the bundles for real under the host's Node 20 (pipeline.itg.test.ts).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Exec } from '@digestline/core/exec';
import { jobImage } from './support/job-image.js';

const ACTIONS = fileURLToPath(new URL('../actions/', import.meta.url));
const NAMES = readdirSync(ACTIONS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe.each([
  ['DIGESTLINE_JOB_IMAGE_NODE20', 'v20.'],
  ['DIGESTLINE_JOB_IMAGE_NODE24', 'v24.'],
])('bundles under %s', (variable, major) => {
  it(`every action's bundle loads and validates its inputs under Node ${major}x`, async () => {
    expect(NAMES).toHaveLength(6);
    // One container for all six: `node` prints its version, then each bundle runs with no inputs.
    const script = [
      'node --version',
      ...NAMES.map((n) => `node /actions/${n}/dist/index.js; echo "exit ${n} $?"`),
    ].join('\n');
    const started = Date.now();
    const result = await new Exec().exec(
      'podman',
      [
        'run',
        '--rm',
        '--network',
        'none',
        '-v',
        `${ACTIONS}:/actions:ro`,
        jobImage(variable),
        'sh',
        '-c',
        script,
      ],
      { silent: true, ignoreReturnCode: true },
    );
    const out = result.stdout;
    console.log(`${variable}: ${out.split('\n')[0]}, six bundles in ${Date.now() - started} ms`);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(out.split('\n')[0]).toMatch(new RegExp(`^${major.replace('.', '\\.')}\\d+\\.\\d+$`));
    for (const name of NAMES) {
      expect(out, name).toMatch(new RegExp(`::error::${name} failed: input "[a-z-]+" .*is required`));
      expect(out, name).toContain(`exit ${name} 1`);
    }
    expect(out).not.toMatch(/SyntaxError|ERR_|is not a function|Cannot find/);
  });
});
