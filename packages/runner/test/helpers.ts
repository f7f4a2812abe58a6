import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const workflowsDir = path.join(repoRoot, 'test/fixtures/workflows');
export const fixtureActions = path.join(import.meta.dirname, 'fixtures/actions');

/** A throwaway git checkout with ./actions/echo and ./sub, like a clone the runner would get. */
export async function makeWorkspace(): Promise<{ dir: string; sha: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dl-runner-ws-'));
  await cp(fixtureActions, path.join(dir, 'actions'), { recursive: true });
  await mkdir(path.join(dir, 'sub'));
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
      encoding: 'utf8',
    }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
  return { dir, sha: git('rev-parse', 'HEAD'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Collects log lines instead of printing them. */
export function collectLog(): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}
