/**
 * Job summary and log grouping.
 *
 * Forgejo writes the step summary file but does not show it, so `writeSummary` always prints a
 * plain-text copy to the log as well; the summary file gets GitHub-flavoured Markdown, which also
 * reads well raw. The file is appended to directly rather than through `core.summary`, whose
 * singleton caches the file path and buffer across calls.
 */
import { appendFile } from 'node:fs/promises';
import * as commands from './commands.js';
import { errorMessage } from './errors.js';

type Block =
  | { kind: 'heading'; text: string; level: number }
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'code'; code: string; lang: string };

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function escapeCell(text: string): string {
  return escapeMarkdown(text) || ' ';
}

function padRow(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => cell.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
}

/**
 * Collects a summary once and renders it twice: Markdown for the summary file, plain text for the
 * log. All text is treated as text (escaped), never as Markdown or HTML.
 */
export class SummaryBuilder {
  private readonly blocks: Block[] = [];

  /** A heading, level 1–6 (default 2; the job summary already has a level-1 title per step). */
  heading(text: string, level = 2): this {
    this.blocks.push({ kind: 'heading', text, level: Math.min(6, Math.max(1, Math.trunc(level))) });
    return this;
  }

  /** A paragraph. */
  text(text: string): this {
    this.blocks.push({ kind: 'text', text });
    return this;
  }

  /** A bulleted list. */
  list(items: readonly string[]): this {
    this.blocks.push({ kind: 'list', items: [...items] });
    return this;
  }

  /** A table; rows shorter than the header are padded with empty cells. */
  table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): this {
    this.blocks.push({ kind: 'table', header: [...header], rows: rows.map((row) => [...row]) });
    return this;
  }

  /** Two-column name/value table, e.g. image name → digest. */
  keyValues(
    pairs: Record<string, string> | ReadonlyArray<readonly [string, string]>,
    header = ['Name', 'Value'],
  ): this {
    const rows = Array.isArray(pairs) ? pairs : Object.entries(pairs);
    return this.table(header, rows as ReadonlyArray<readonly string[]>);
  }

  /** A fenced code block (e.g. a command's output), shown verbatim. */
  code(code: string, lang = ''): this {
    this.blocks.push({ kind: 'code', code, lang });
    return this;
  }

  /** True when nothing was added. */
  isEmpty(): boolean {
    return this.blocks.length === 0;
  }

  /** GitHub-flavoured Markdown, ending in a blank line so that summaries appended later stay separate. */
  toMarkdown(): string {
    const parts = this.blocks.map((block) => {
      switch (block.kind) {
        case 'heading':
          return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
        case 'text':
          return block.text
            .split(/\r?\n/)
            .map((line) => escapeMarkdown(line))
            .join('  \n');
        case 'list':
          return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
        case 'table': {
          const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
          const line = (cells: string[]): string =>
            `| ${Array.from({ length: columns }, (_, i) => escapeCell(cells[i] ?? '')).join(' | ')} |`;
          return [
            line(block.header),
            `|${' --- |'.repeat(columns)}`,
            ...block.rows.map((row) => line(row)),
          ].join('\n');
        }
        case 'code': {
          // A fence longer than any backtick run inside keeps the block closed where we mean it.
          const longest = Math.max(2, ...[...block.code.matchAll(/`+/g)].map((m) => m[0].length));
          const fence = '`'.repeat(longest + 1);
          return `${fence}${block.lang}\n${block.code.replace(/\n$/, '')}\n${fence}`;
        }
      }
    });
    return parts.length === 0 ? '' : `${parts.join('\n\n')}\n\n`;
  }

  /** Plain text for the log: headings underlined, tables aligned in columns. */
  toText(): string {
    const parts = this.blocks.map((block) => {
      switch (block.kind) {
        case 'heading':
          return `${block.text}\n${(block.level <= 2 ? '=' : '-').repeat(Math.max(3, block.text.length))}`;
        case 'text':
          return block.text;
        case 'list':
          return block.items.map((item) => `  - ${item}`).join('\n');
        case 'table': {
          const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
          const all = [block.header, ...block.rows].map((row) =>
            Array.from({ length: columns }, (_, i) => (row[i] ?? '').replace(/\r?\n/g, ' ')),
          );
          const widths = Array.from({ length: columns }, (_, i) =>
            Math.max(...all.map((row) => row[i]!.length)),
          );
          const [head, ...rest] = all;
          return [
            padRow(head!, widths),
            padRow(
              widths.map((w) => '-'.repeat(w)),
              widths,
            ),
            ...rest.map((row) => padRow(row, widths)),
          ].join('\n');
        }
        case 'code':
          return block.code.replace(/\n$/, '');
      }
    });
    return parts.join('\n\n');
  }
}

/** Options for `writeSummary`. */
export interface WriteSummaryOptions {
  /** Also print the plain-text rendering to the log (default true: Forgejo does not show summaries). */
  log?: boolean;
}

/**
 * Builds a summary with `build`, prints it to the log and appends it to the job summary file
 * (`GITHUB_STEP_SUMMARY`, or `FORGEJO_STEP_SUMMARY` when only that is set).
 *
 * Never throws: a summary is a report, not a result, so a missing variable is silently skipped and
 * any failure (in `build` or writing the file) becomes a warning.
 */
export async function writeSummary(
  build: (summary: SummaryBuilder) => unknown,
  options: WriteSummaryOptions = {},
): Promise<void> {
  const builder = new SummaryBuilder();
  try {
    build(builder);
  } catch (err) {
    commands.warning(`could not build the job summary: ${errorMessage(err)}`);
    return;
  }
  if (builder.isEmpty()) return;
  if (options.log !== false) {
    for (const line of builder.toText().split('\n')) commands.info(line);
  }
  const file = process.env.GITHUB_STEP_SUMMARY || process.env.FORGEJO_STEP_SUMMARY;
  if (!file) {
    commands.debug('no GITHUB_STEP_SUMMARY: the summary went to the log only');
    return;
  }
  try {
    await appendFile(file, builder.toMarkdown(), 'utf8');
  } catch (err) {
    commands.warning(`could not write the job summary to ${file}: ${errorMessage(err)}`);
  }
}

let groupDepth = 0;

/**
 * Runs `fn` inside a collapsible log group (`::group::`) and returns its result; the group is
 * closed even when `fn` throws. Runners do not nest groups (an inner `::group::` would end the outer
 * one early), so a group inside a group is only a `-- title --` line.
 */
export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  if (groupDepth > 0) {
    commands.info(`-- ${title} --`);
    return fn();
  }
  groupDepth++;
  try {
    commands.startGroup(title);
    return await fn();
  } finally {
    commands.endGroup();
    groupDepth--;
  }
}
