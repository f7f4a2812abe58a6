import { describe, expect, it, vi } from 'vitest';
import {
  createdFromEpoch,
  parseEpoch,
  readCommit,
  sourceUrl,
  type CommitInfo,
} from '../../src/image/commit.js';
import { assembleBuildArgs, assembleLabels } from '../../src/image/labels.js';
import { ExecError } from '../../src/errors.js';
import { Exec } from '../../src/exec.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const commit: CommitInfo = {
  revision: SHA,
  epoch: 1_700_000_000,
  created: '2023-11-14T22:13:20Z',
  source: 'https://forgejo.example/team/app',
};

describe('created from SOURCE_DATE_EPOCH', () => {
  it.each<[number, string]>([
    [0, '1970-01-01T00:00:00Z'],
    [1_700_000_000, '2023-11-14T22:13:20Z'],
    [1_795_758_554, '2026-11-27T05:49:14Z'],
  ])('%i → %s (RFC 3339, no fractions)', (epoch, created) => {
    expect(createdFromEpoch(epoch)).toBe(created);
  });

  it.each(['', '-1', '1.5', '17e8', 'now'])('refuses %j', (text) => {
    expect(() => parseEpoch(text, 'SOURCE_DATE_EPOCH')).toThrow(/SOURCE_DATE_EPOCH must be whole seconds/);
  });
});

describe('label assembly', () => {
  it('adds source, revision, created and role; user labels keep their place and may replace source', () => {
    expect(assembleLabels({ 'org.opencontainers.image.title': 'backend' }, commit, 'runtime')).toEqual({
      'org.opencontainers.image.source': 'https://forgejo.example/team/app',
      'org.opencontainers.image.title': 'backend',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.created': '2023-11-14T22:13:20Z',
      'org.digestline.role': 'runtime',
    });
    expect(
      assembleLabels({ 'org.opencontainers.image.source': 'https://mirror.example/app' }, commit, 'ci-tools')[
        'org.opencontainers.image.source'
      ],
    ).toBe('https://mirror.example/app');
  });

  it('leaves source out when the runner does not say', () => {
    const withoutSource: CommitInfo = { ...commit };
    delete withoutSource.source;
    expect(Object.keys(assembleLabels({}, withoutSource, 'e2e-runner'))).toEqual([
      'org.opencontainers.image.revision',
      'org.opencontainers.image.created',
      'org.digestline.role',
    ]);
  });

  it('passes the commit time as SOURCE_DATE_EPOCH', () => {
    expect(assembleBuildArgs({ BASE_IMAGE: 'b' }, commit)).toEqual({
      BASE_IMAGE: 'b',
      SOURCE_DATE_EPOCH: '1700000000',
    });
  });

  it.each<[Record<string, string>, string | undefined]>([
    [
      { GITHUB_SERVER_URL: 'https://forgejo.example/', GITHUB_REPOSITORY: 'team/app' },
      'https://forgejo.example/team/app',
    ],
    [{ GITHUB_SERVER_URL: 'https://github.com' }, undefined],
    [{}, undefined],
  ])('source from %j', (env, expected) => {
    expect(sourceUrl(env)).toBe(expected);
  });
});

describe('readCommit', () => {
  function gitExec(answers: Record<string, string | Error>) {
    const exec = new Exec();
    const spy = vi.spyOn(exec, 'exec').mockImplementation(async (bin, args) => {
      expect(bin).toBe('git');
      const answer = answers[args.join(' ')];
      if (answer === undefined) throw new Error(`unexpected git ${args.join(' ')}`);
      if (answer instanceof Error) throw answer;
      return { exitCode: 0, stdout: `${answer}\n`, stderr: '' };
    });
    return { exec, spy };
  }

  it('takes the sha from GITHUB_SHA and the time from git log of that sha', async () => {
    const { exec, spy } = gitExec({ [`log -1 --format=%ct ${SHA}`]: '1700000000' });
    const env = {
      GITHUB_SHA: SHA,
      GITHUB_SERVER_URL: 'https://forgejo.example',
      GITHUB_REPOSITORY: 'team/app',
    };
    await expect(readCommit({ cwd: '/ctx', env, exec })).resolves.toEqual(commit);
    expect(spy).toHaveBeenCalledWith('git', ['log', '-1', '--format=%ct', SHA], {
      cwd: '/ctx',
      silent: true,
    });
  });

  it('falls back to git rev-parse HEAD, and SOURCE_DATE_EPOCH wins over git log', async () => {
    const { exec, spy } = gitExec({ 'rev-parse HEAD': SHA });
    await expect(readCommit({ cwd: '/ctx', env: { SOURCE_DATE_EPOCH: '86400' }, exec })).resolves.toEqual({
      revision: SHA,
      epoch: 86400,
      created: '1970-01-02T00:00:00Z',
    });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('says what it could not read and how to fix it', async () => {
    const { exec } = gitExec({
      'rev-parse HEAD': new ExecError(['git', 'rev-parse', 'HEAD'], 128, 'fatal: not a git repository'),
    });
    await expect(readCommit({ cwd: '/ctx', env: {}, exec })).rejects.toThrow(
      /cannot read the commit sha with git in \/ctx: [\s\S]*not a git repository[\s\S]*GITHUB_SHA and SOURCE_DATE_EPOCH/,
    );
  });

  it('refuses a short sha', async () => {
    const { exec } = gitExec({});
    await expect(readCommit({ cwd: '/ctx', env: { GITHUB_SHA: 'abc123' }, exec })).rejects.toThrow(
      /not a full hex sha/,
    );
  });
});
