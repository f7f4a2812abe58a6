import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { group, SummaryBuilder, writeSummary } from '../src/summary.js';
import { stepIo } from './support/step-io.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const io = stepIo('summary', {
  GITHUB_STEP_SUMMARY: undefined,
  FORGEJO_STEP_SUMMARY: undefined,
  RUNNER_DEBUG: undefined,
});

const images = (s: SummaryBuilder): SummaryBuilder =>
  s
    .heading('Promoted images')
    .text('3 images, copied by digest.')
    .table(
      ['Name', 'Digest'],
      [
        ['web', DIGEST],
        ['db_1', DIGEST],
      ],
    );

describe('SummaryBuilder', () => {
  test('renders Markdown for the summary file', () => {
    expect(images(new SummaryBuilder()).toMarkdown()).toBe(
      [
        '## Promoted images',
        '',
        '3 images, copied by digest.',
        '',
        '| Name | Digest |',
        '| --- | --- |',
        `| web | ${DIGEST} |`,
        `| db\\_1 | ${DIGEST} |`,
        '',
        '',
      ].join('\n'),
    );
  });

  test('renders aligned plain text for the log', () => {
    expect(images(new SummaryBuilder()).toText()).toBe(
      [
        'Promoted images',
        '===============',
        '',
        '3 images, copied by digest.',
        '',
        `Name  Digest`,
        `----  ${'-'.repeat(DIGEST.length)}`,
        `web   ${DIGEST}`,
        `db_1  ${DIGEST}`,
      ].join('\n'),
    );
  });

  test('treats content as text, never as Markdown or HTML', () => {
    const md = new SummaryBuilder()
      .list(['<script>x</script>', 'a|b'])
      .table(['h'], [['x\ny | z'], []])
      .toMarkdown();
    expect(md).toContain('- \\<script\\>x\\</script\\>');
    expect(md).toContain('- a\\|b');
    expect(md).toContain('| x y \\| z |');
    expect(md).toContain('|   |');
  });

  test('code blocks use a fence longer than any backtick run inside', () => {
    const md = new SummaryBuilder().code('echo ```hi```\n', 'sh').toMarkdown();
    expect(md).toBe('````sh\necho ```hi```\n````\n\n');
    expect(new SummaryBuilder().code('plain').toText()).toBe('plain');
  });

  test('keyValues accepts a record or pairs; heading levels are clamped', () => {
    const s = new SummaryBuilder().heading('x', 9).keyValues({ web: DIGEST }, ['Image', 'Digest']);
    expect(s.toMarkdown()).toBe(`###### x\n\n| Image | Digest |\n| --- | --- |\n| web | ${DIGEST} |\n\n`);
    expect(new SummaryBuilder().keyValues([['a', '1']]).toText()).toBe('Name  Value\n----  -----\na     1');
  });
});

describe('writeSummary', () => {
  test('appends Markdown to GITHUB_STEP_SUMMARY and prints the text to the log', async () => {
    const file = join(io.dir, 'summary.md');
    writeFileSync(file, 'before\n');
    vi.stubEnv('GITHUB_STEP_SUMMARY', file);
    await writeSummary(images);
    await writeSummary((s) => s.text('second'));
    expect(readFileSync(file, 'utf8')).toBe(`before\n${images(new SummaryBuilder()).toMarkdown()}second\n\n`);
    expect(io.stdout).toContain(`Promoted images\n===============\n\n3 images, copied by digest.\n`);
    expect(io.stdout).toContain(`db_1  ${DIGEST}\n`);
  });

  test('uses FORGEJO_STEP_SUMMARY when only that is set', async () => {
    const file = join(io.dir, 'forgejo.md');
    writeFileSync(file, '');
    vi.stubEnv('FORGEJO_STEP_SUMMARY', file);
    await writeSummary((s) => s.text('hi'), { log: false });
    expect(readFileSync(file, 'utf8')).toBe('hi\n\n');
    expect(io.stdout).toBe('');
  });

  test('without GITHUB_STEP_SUMMARY it only logs, and does not throw', async () => {
    await expect(writeSummary(images)).resolves.toBeUndefined();
    expect(io.stdout).toContain('Promoted images\n');
    expect(io.stdout).not.toContain('::warning::');
  });

  test('an unwritable summary file is a warning', async () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', join(io.dir, 'missing-dir', 'summary.md'));
    await expect(writeSummary((s) => s.text('x'))).resolves.toBeUndefined();
    expect(io.stdout).toMatch(/::warning::could not write the job summary to .*missing-dir.*ENOENT/);
  });

  test('a throwing builder is a warning and writes nothing', async () => {
    const file = join(io.dir, 'summary.md');
    writeFileSync(file, '');
    vi.stubEnv('GITHUB_STEP_SUMMARY', file);
    await expect(
      writeSummary(() => {
        throw new Error('no digest yet');
      }),
    ).resolves.toBeUndefined();
    expect(io.stdout).toContain('::warning::could not build the job summary: no digest yet');
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  test('an empty summary writes nothing', async () => {
    const file = join(io.dir, 'summary.md');
    writeFileSync(file, '');
    vi.stubEnv('GITHUB_STEP_SUMMARY', file);
    await writeSummary(() => {});
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(io.stdout).toBe('');
  });
});

describe('group', () => {
  test('wraps fn in ::group:: / ::endgroup:: and returns its result', async () => {
    const result = await group('Push', async () => {
      process.stdout.write('pushing\n');
      return 42;
    });
    expect(result).toBe(42);
    expect(io.stdout).toBe('::group::Push\npushing\n::endgroup::\n');
  });

  test('closes the group when fn throws, and rethrows', async () => {
    await expect(
      group('Push', async () => {
        throw new Error('denied');
      }),
    ).rejects.toThrow('denied');
    expect(io.stdout).toBe('::group::Push\n::endgroup::\n');
    // The depth counter was reset: the next group is a real group again.
    await group('Again', async () => {});
    expect(io.stdout).toContain('::group::Again\n');
  });

  test('does not nest groups', async () => {
    await group('Outer', async () => {
      await group('Inner', async () => {
        process.stdout.write('inner work\n');
      });
    });
    expect(io.stdout).toBe('::group::Outer\n-- Inner --\ninner work\n::endgroup::\n');
  });
});
