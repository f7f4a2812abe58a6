#!/usr/bin/env node
// Writes each action's inputs/outputs tables into its README.md from action.yml, between the
// <!-- action-docs:start --> and <!-- action-docs:end --> markers. With --check, fails when a README
// is out of date instead of writing it.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const START = '<!-- action-docs:start -->';
const END = '<!-- action-docs:end -->';

const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|');

/** Renders the tables for one parsed action.yml. */
export function renderTables(meta) {
  const lines = [
    '### Inputs',
    '',
    '| Name | Required | Default | Description |',
    '| --- | --- | --- | --- |',
  ];
  for (const [name, input] of Object.entries(meta.inputs ?? {})) {
    const def = input.default === undefined || input.default === '' ? '' : `\`${cell(input.default)}\``;
    lines.push(`| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${def} | ${cell(input.description)} |`);
  }
  lines.push('', '### Outputs', '', '| Name | Description |', '| --- | --- |');
  for (const [name, output] of Object.entries(meta.outputs ?? {})) {
    lines.push(`| \`${name}\` | ${cell(output.description)} |`);
  }
  return lines.join('\n');
}

let stale = [];
for (const entry of await readdir(path.join(root, 'actions'), { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const dir = path.join(root, 'actions', entry.name);
  const meta = parse(await readFile(path.join(dir, 'action.yml'), 'utf8'));
  const readmePath = path.join(dir, 'README.md');
  const readme = await readFile(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    console.error(`actions/${entry.name}/README.md: missing the ${START} … ${END} markers`);
    process.exit(1);
  }
  // Formatted as prettier would, so `prettier --check` and this check agree.
  const next = await format(
    `${readme.slice(0, start + START.length)}\n\n${renderTables(meta)}\n\n${readme.slice(end)}`,
    {
      ...(await resolveConfig(readmePath)),
      parser: 'markdown',
    },
  );
  if (next === readme) continue;
  stale.push(`actions/${entry.name}/README.md`);
  if (!check) await writeFile(readmePath, next);
}
if (check && stale.length > 0) {
  console.error(`check-docs: out of date (run \`pnpm run docs\`): ${stale.join(', ')}`);
  process.exit(1);
}
console.error(
  check ? 'check-docs: action READMEs match action.yml' : `docs: updated ${stale.length} README(s)`,
);
