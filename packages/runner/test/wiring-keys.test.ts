/** The key-exposure wiring check: no signing key may reach a job that a pull request runs. */
import { describe, expect, it } from 'vitest';
import { checkWiring, formatFinding } from '../src/wiring.js';

function workflow(on: string, job: string): string {
  return `name: t\non: ${on}\njobs:\n${job}`;
}

const laneJob = (signingKey: string, extra = ''): string => `  lane:
    runs-on: docker${extra}
    steps:
      - uses: digestline/digestline/actions/fast-check@v1
        with:
          checks: echo ok
          signing-key: ${signingKey}
`;

async function exposures(text: string): Promise<string[]> {
  return (await checkWiring('t.yml', { text }))
    .filter((f) => f.check === 'key-exposure')
    .map((f) => `${f.job} ${f.input ?? '-'}: ${f.message.split(':')[0]}`);
}

describe('checkWiring key-exposure', () => {
  it('finds a signing key handed to a job that runs for pull_request', async () => {
    const findings = await checkWiring('t.yml', {
      text: workflow('[push, pull_request]', laneJob('${{ secrets.LANE_SIGNING_KEY }}')),
    });
    expect(findings.map(formatFinding)).toEqual([
      expect.stringContaining(
        "t.yml [key-exposure] job=lane step=#1 Run digestline/digestline/actions/fast-check@v1 input=signing-key: job 'lane' can run for pull_request and hands secret LANE_SIGNING_KEY to input signing-key",
      ),
    ]);
  });

  it('accepts the key gated off for pull requests, and a job that never runs for one', async () => {
    const gated = "${{ github.event_name != 'pull_request' && secrets.LANE_SIGNING_KEY || '' }}";
    expect(await exposures(workflow('[push, pull_request]', laneJob(gated)))).toEqual([]);
    const mainOnly = laneJob(
      '${{ secrets.PROMOTION_SIGNING_KEY }}',
      "\n    if: github.ref == 'refs/heads/main'",
    );
    expect(await exposures(workflow('[push, pull_request]', mainOnly))).toEqual([]);
    expect(await exposures(workflow('[push]', laneJob('${{ secrets.LANE_SIGNING_KEY }}')))).toEqual([]);
  });

  it('does not take a gate on pull_request for one on pull_request_target', async () => {
    const gated = "${{ github.event_name != 'pull_request' && secrets.LANE_SIGNING_KEY || '' }}";
    expect(await exposures(workflow('[push, pull_request_target]', laneJob(gated)))).toEqual([
      "lane signing-key: job 'lane' can run for pull_request_target and hands secret LANE_SIGNING_KEY to input signing-key",
    ]);
  });

  it('follows a key through env: (workflow and step) and into run:', async () => {
    const text = `name: t
on: pull_request
env:
  KEY: \${{ secrets.PROMOTION_SIGNING_KEY }}
jobs:
  sign:
    runs-on: docker
    steps:
      - run: echo "$KEY" > key.pem
      - run: cosign sign --key env://COSIGN_KEY x
        env:
          COSIGN_KEY: \${{ secrets.COSIGN_PRIVATE_KEY }}
      - run: echo '\${{ secrets.RELEASE_SIGNING_KEY }}' | sign
      - run: echo ok
        env:
          TOKEN: \${{ secrets.REGISTRY_TOKEN }}
`;
    expect(await exposures(text)).toEqual([
      "sign -: job 'sign' can run for pull_request and hands secret PROMOTION_SIGNING_KEY to its environment",
      "sign -: job 'sign' can run for pull_request and hands secret PROMOTION_SIGNING_KEY, COSIGN_PRIVATE_KEY to its environment",
      "sign -: job 'sign' can run for pull_request and hands secret PROMOTION_SIGNING_KEY to its environment",
      "sign -: job 'sign' can run for pull_request and hands secret RELEASE_SIGNING_KEY to its run",
      "sign -: job 'sign' can run for pull_request and hands secret PROMOTION_SIGNING_KEY to its environment",
    ]);
  });

  it('finds a literal key in signing-key even without a secret', async () => {
    expect(await exposures(workflow('pull_request', laneJob('"${{ vars.SOME_KEY }}x"')))).toEqual([
      "lane signing-key: job 'lane' can run for pull_request and hands a key to input signing-key",
    ]);
  });
});
