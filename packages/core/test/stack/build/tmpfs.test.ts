/** tmpfs mount options: the flags and owner options both engines' --tmpfs take, as Compose files write them. */
import { describe, expect, test } from 'vitest';
import { buildStack, type BuildStackOptions } from '../../../src/stack/build/build.js';
import type { ComposeService } from '../../../src/stack/compose/model.js';
import { DIGEST, FILE, normalised } from './support.js';

const PINNED = `registry.example/app/web@${DIGEST}`;
const OPTS: BuildStackOptions = { images: [], mode: 'validation', workspace: '/work/app' };

function one(service: Record<string, unknown>) {
  return buildStack(
    normalised({ services: { web: { image: PINNED, ...(service as ComposeService) } } }),
    OPTS,
  );
}

describe('tmpfs options', () => {
  test('jitsi’s tmpfs lines: size, mode and exec / noexec', () => {
    const r = one({ tmpfs: ['/run:size=16M,mode=1750,exec', '/tmp:size=16M,mode=1777,noexec'] });
    expect(r.problems).toEqual([]);
    expect(r.spec?.services[0]?.tmpfs).toEqual([
      { target: '/run', sizeBytes: 16 * 1024 ** 2, mode: 0o1750, options: ['exec'] },
      { target: '/tmp', sizeBytes: 16 * 1024 ** 2, mode: 0o1777, options: ['noexec'] },
    ]);
  });

  test('every flag both engines take, and uid= / gid=, are kept in order', () => {
    const flags = ['rw', 'ro', 'exec', 'noexec', 'suid', 'nosuid', 'dev', 'nodev', 'uid=1000', 'gid=0'];
    const r = one({ tmpfs: [`/x:${flags.join(',')}`] });
    expect(r.problems).toEqual([]);
    expect(r.spec?.services[0]?.tmpfs).toEqual([{ target: '/x', options: flags }]);
  });

  test('a volume of type tmpfs with read_only is mounted ro', () => {
    const r = one({
      volumes: [{ type: 'tmpfs', target: '/cache', read_only: true, tmpfs: { size: '1000' } }],
    });
    expect(r.problems).toEqual([]);
    expect(r.spec?.services[0]?.tmpfs).toEqual([{ target: '/cache', sizeBytes: 1000, options: ['ro'] }]);
  });

  test.each([['noatime'], ['uid=app'], ['nr_inodes=100'], ['tmpcopyup']])(
    '%s is an error naming the option and listing what is accepted',
    (option) => {
      const r = one({ tmpfs: [`/x:${option}`] });
      expect(r.spec).toBeUndefined();
      expect(r.problems).toEqual([
        {
          severity: 'error',
          file: FILE,
          path: 'services.web.tmpfs[0]',
          message: `tmpfs option ${JSON.stringify(option)} is not supported; use size=<bytes|64m>, mode=<octal>, uid=<n>, gid=<n> or rw, ro, exec, noexec, suid, nosuid, dev, nodev`,
        },
      ]);
    },
  );
});
