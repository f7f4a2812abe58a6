import { describe, expect, it } from 'vitest';
import { checkImage, isRootUser, policyNeedsFiles } from '../../src/policy/check.js';
import { FileTree } from '../../src/policy/file-tree.js';
import { parsePolicy } from '../../src/policy/load.js';
import { formatPolicyReport } from '../../src/policy/report.js';
import type { ImageConfigFile, ImageFacts, PolicyResult } from '../../src/policy/types.js';

const REVISION = 'org.opencontainers.image.revision';

function config(c: NonNullable<ImageConfigFile['config']>): ImageConfigFile {
  return { architecture: 'amd64', os: 'linux', config: c };
}

/** An image that passes the example policy. */
function goodFacts(): ImageFacts {
  const files = new FileTree();
  files.applyLayer([
    { path: '/usr/bin/node', type: 'file', size: 100 },
    { path: '/app/node_modules/express/index.js', type: 'file' },
    { path: '/etc/passwd', type: 'file' },
  ]);
  return {
    sizeCompressed: 48_300_000,
    config: config({
      User: '1000:1000',
      Labels: { [REVISION]: 'abc123' },
      Healthcheck: { Test: ['CMD', '/usr/bin/node', '/app/health.js'] },
    }),
    files,
  };
}

async function check(policyYaml: string, facts: ImageFacts): Promise<PolicyResult> {
  return checkImage(await parsePolicy(policyYaml, 'image-policy.yaml'), facts);
}

const EXAMPLE = `
max-size: 60MB
non-root: true
forbid:
  - /bin/sh
  - /usr/bin/apt*
  - "**/node_modules/typescript"
require-labels:
  - ${REVISION}
require-healthcheck: true
`;

describe('checkImage', () => {
  it('passes a compliant image and reports every rule checked', async () => {
    const result = await check(EXAMPLE, goodFacts());
    expect(result.violations).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.checked).toEqual({
      'max-size': { passed: true, detail: '48.3 MB ≤ 60 MB' },
      'non-root': { passed: true, detail: 'user is 1000:1000' },
      forbid: { passed: true, detail: 'none of 3 pattern(s) match (9 paths)' },
      'require-labels': { passed: true, detail: 'all 1 label(s) set' },
      'require-healthcheck': { passed: true, detail: 'CMD /usr/bin/node /app/health.js' },
    });
  });

  it('checks nothing for an empty policy', async () => {
    const result = await check('', { sizeCompressed: 9e9, config: {} });
    expect(result).toEqual({ source: 'image-policy.yaml', passed: true, violations: [], checked: {} });
  });

  it.each<[string, string, (f: ImageFacts) => void, string[]]>([
    [
      'max-size over',
      'max-size: 60MB',
      (f) => (f.sizeCompressed = 212_400_000),
      ['max-size: 212.4 MB > 60 MB'],
    ],
    ['max-size exactly at the limit passes', 'max-size: 60MB', (f) => (f.sizeCompressed = 60_000_000), []],
    [
      'max-size one byte over',
      'max-size: 60MB',
      (f) => (f.sizeCompressed = 60_000_001),
      ['max-size: 60000001 B > 60 MB'],
    ],
    [
      'max-size in MiB',
      'max-size: 50MiB',
      (f) => (f.sizeCompressed = 60_000_000),
      ['max-size: 57.2 MiB > 50 MiB'],
    ],
    [
      'non-root: empty User',
      'non-root: true',
      (f) => delete f.config.config?.User,
      ['non-root: user is root (User is empty)'],
    ],
    [
      'non-root: 0:0',
      'non-root: true',
      (f) => f.config.config && (f.config.config.User = '0:0'),
      ['non-root: user is root (User is "0:0")'],
    ],
    [
      'non-root: root',
      'non-root: true',
      (f) => f.config.config && (f.config.config.User = 'root'),
      ['non-root: user is root (User is "root")'],
    ],
    [
      'non-root: no config object at all',
      'non-root: true',
      (f) => (f.config = {}),
      ['non-root: user is root (User is empty)'],
    ],
    ['non-root: false checks nothing', 'non-root: false', (f) => delete f.config.config?.User, []],
    [
      'non-root: a named user passes',
      'non-root: true',
      (f) => f.config.config && (f.config.config.User = 'node'),
      [],
    ],
    [
      'non-root: uid with root group passes',
      'non-root: true',
      (f) => f.config.config && (f.config.config.User = '1000:0'),
      [],
    ],
    [
      'forbid: a file and a glob',
      'forbid: [/usr/bin/node, /usr/bin/apt*]',
      (f) =>
        (f.files as FileTree).applyLayer([
          { path: '/usr/bin/apt', type: 'file' },
          { path: '/usr/bin/apt-get', type: 'file' },
        ]),
      [
        'forbid: /usr/bin/node matches /usr/bin/node',
        'forbid: /usr/bin/apt* matches /usr/bin/apt, /usr/bin/apt-get',
      ],
    ],
    [
      'forbid: /bin/sh caught through merged /usr',
      'forbid: [/bin/sh]',
      (f) =>
        (f.files as FileTree).applyLayer([
          { path: '/usr/bin/sh', type: 'symlink', linkname: 'dash' },
          { path: '/bin', type: 'symlink', linkname: 'usr/bin' },
        ]),
      ['forbid: /bin/sh matches /bin/sh (/usr/bin/sh)'],
    ],
    [
      'forbid: a whiteout in a later layer clears it',
      'forbid: [/usr/bin/apt*]',
      (f) => {
        const t = f.files as FileTree;
        t.applyLayer([{ path: '/usr/bin/apt', type: 'file' }]);
        t.applyLayer([{ path: '/usr/bin/.wh.apt', type: 'file' }]);
      },
      [],
    ],
    [
      'forbid: ** anywhere',
      'forbid: ["**/node_modules/typescript"]',
      (f) =>
        (f.files as FileTree).applyLayer([{ path: '/app/node_modules/typescript/bin/tsc', type: 'file' }]),
      ['forbid: **/node_modules/typescript matches /app/node_modules/typescript'],
    ],
    [
      'forbid: a plain path set works too',
      'forbid: [/etc/shadow]',
      (f) => (f.files = new Set(['/etc', '/etc/shadow'])),
      ['forbid: /etc/shadow matches /etc/shadow'],
    ],
    [
      'forbid: long match lists are summarised',
      'forbid: [/usr/share/doc/*]',
      (f) =>
        (f.files as FileTree).applyLayer(
          Array.from({ length: 13 }, (_, i) => ({
            path: `/usr/share/doc/p${String(i).padStart(2, '0')}`,
            type: 'dir' as const,
          })),
        ),
      [
        'forbid: /usr/share/doc/* matches /usr/share/doc/p00, /usr/share/doc/p01, /usr/share/doc/p02, /usr/share/doc/p03, ' +
          '/usr/share/doc/p04, /usr/share/doc/p05, /usr/share/doc/p06, /usr/share/doc/p07, /usr/share/doc/p08, ' +
          '/usr/share/doc/p09 and 3 more',
      ],
    ],
    [
      'require-labels: missing',
      `require-labels: [${REVISION}, org.opencontainers.image.source]`,
      () => undefined,
      ['require-labels: label org.opencontainers.image.source is missing'],
    ],
    [
      'require-labels: empty',
      `require-labels: [${REVISION}]`,
      (f) => f.config.config && (f.config.config.Labels = { [REVISION]: ' ' }),
      [`require-labels: label ${REVISION} is empty`],
    ],
    [
      'require-labels: Labels null',
      `require-labels: [${REVISION}]`,
      (f) => f.config.config && (f.config.config.Labels = null),
      [`require-labels: label ${REVISION} is missing`],
    ],
    [
      'require-healthcheck: absent',
      'require-healthcheck: true',
      (f) => delete f.config.config?.Healthcheck,
      [
        'require-healthcheck: the image config has no Healthcheck (podman drops HEALTHCHECK unless built with --format docker)',
      ],
    ],
    [
      'require-healthcheck: NONE',
      'require-healthcheck: true',
      (f) => f.config.config && (f.config.config.Healthcheck = { Test: ['NONE'] }),
      ['require-healthcheck: the healthcheck is disabled (Test is ["NONE"])'],
    ],
    [
      'require-healthcheck: empty Test',
      'require-healthcheck: true',
      (f) => f.config.config && (f.config.config.Healthcheck = { Test: [] }),
      [
        'require-healthcheck: the image config has no Healthcheck (podman drops HEALTHCHECK unless built with --format docker)',
      ],
    ],
    [
      'require-healthcheck: false checks nothing',
      'require-healthcheck: false',
      (f) => delete f.config.config?.Healthcheck,
      [],
    ],
  ])('%s', async (_name, policy, mutate, messages) => {
    const facts = goodFacts();
    mutate(facts);
    const result = await check(policy, facts);
    expect(result.violations.map((v) => v.message)).toEqual(messages);
    expect(result.passed).toBe(messages.length === 0);
  });

  it('lists every violation of every rule at once', async () => {
    const facts: ImageFacts = {
      sizeCompressed: 212_400_000,
      config: config({ User: '' }),
      files: FileTree.fromPaths(['/usr/bin/apt', '/usr/bin/apt-get', '/bin/sh']),
    };
    const result = await check(EXAMPLE, facts);
    expect(result.passed).toBe(false);
    expect(result.violations.map((v) => v.rule)).toEqual([
      'max-size',
      'non-root',
      'forbid',
      'forbid',
      'require-labels',
      'require-healthcheck',
    ]);
    expect(result.violations.find((v) => v.message.startsWith('forbid: /usr'))?.paths).toEqual([
      '/usr/bin/apt',
      '/usr/bin/apt-get',
    ]);
    expect(Object.values(result.checked).every((o) => !o.passed)).toBe(true);
  });

  it('refuses to check forbid rules without a file listing', async () => {
    const policy = await parsePolicy('forbid: [/bin/sh]', 'p');
    expect(policyNeedsFiles(policy)).toBe(true);
    expect(() => checkImage(policy, { sizeCompressed: 1, config: {} })).toThrow(/facts\.files is missing/);
    expect(policyNeedsFiles(await parsePolicy('non-root: true', 'p'))).toBe(false);
  });
});

describe('isRootUser', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['0', true],
    ['00', true],
    ['0:0', true],
    ['0:1000', true],
    ['root', true],
    ['root:root', true],
    [':1000', true],
    ['1000', false],
    ['1000:0', false],
    ['65534:65534', false],
    ['node', false],
    ['nobody:nogroup', false],
    ['rooty', false],
    ['10', false],
  ])('%j -> %s', (user, root) => {
    expect(isRootUser(user)).toBe(root);
  });
});

describe('formatPolicyReport', () => {
  it('renders a failing result as a markdown table and a text log', async () => {
    const facts: ImageFacts = {
      sizeCompressed: 212_400_000,
      config: config({ User: '1000', Labels: { [REVISION]: 'abc' } }),
      files: FileTree.fromPaths(['/usr/bin/apt', '/usr/bin/apt-get', '/app/a|b']),
    };
    const result = await check('max-size: 60MB\nnon-root: true\nforbid: [/usr/bin/apt*, "/app/*|*"]', facts);
    const report = formatPolicyReport(result, { image: '127.0.0.1:5000/app@sha256:abc' });
    expect(report.markdown).toBe(
      [
        '### Image policy ❌ failed',
        '',
        'Policy `image-policy.yaml` · image `127.0.0.1:5000/app@sha256:abc` · 3 violations',
        '',
        '| Rule | Result | Details |',
        '| --- | --- | --- |',
        '| `max-size` | ❌ fail | 212.4 MB &gt; 60 MB |',
        '| `non-root` | ✅ pass | user is 1000 |',
        '| `forbid` | ❌ fail | /usr/bin/apt\\* matches /usr/bin/apt, /usr/bin/apt-get<br>/app/\\*\\|\\* matches /app/a\\|b |',
        '',
      ].join('\n'),
    );
    expect(report.text).toBe(
      [
        'Image policy image-policy.yaml for 127.0.0.1:5000/app@sha256:abc: FAILED (3 violations)',
        '  FAIL  max-size: 212.4 MB > 60 MB',
        '  pass  non-root: user is 1000',
        '  FAIL  forbid: /usr/bin/apt* matches /usr/bin/apt, /usr/bin/apt-get',
        '  FAIL  forbid: /app/*|* matches /app/a|b',
      ].join('\n'),
    );
  });

  it('renders a passing result and an empty policy', async () => {
    const passed = formatPolicyReport(await check(EXAMPLE, goodFacts()));
    expect(passed.markdown).toMatch(/^### Image policy ✅ passed\n\nPolicy `image-policy.yaml`\n\n\| Rule/);
    expect(passed.markdown.match(/\| ✅ pass \|/g)).toHaveLength(5);
    expect(passed.text.split('\n')[0]).toBe('Image policy image-policy.yaml: passed');

    const empty = formatPolicyReport(await check('# nothing', goodFacts()));
    expect(empty.markdown).toContain('_No rules are enabled in this policy._');
    expect(empty.text).toBe('Image policy image-policy.yaml: passed\n  no rules are enabled');
  });
});
