import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

/** What a test of step I/O reads back: the temp dir of this test and everything written to stdout. */
export interface StepIo {
  dir: string;
  stdout: string;
}

/**
 * Registers hooks that give every test of the file a fresh temp dir, capture stdout (workflow commands
 * go there) and stub `env`; with `files`, empty GITHUB_STATE / GITHUB_OUTPUT files in that dir. All is
 * undone after each test.
 */
export function stepIo(
  name: string,
  env: Record<string, string | undefined> = {},
  files: ReadonlyArray<'state' | 'output'> = [],
): StepIo {
  const io: StepIo = { dir: '', stdout: '' };
  beforeEach(() => {
    io.dir = mkdtempSync(join(tmpdir(), `dl-${name}-test-`));
    for (const file of files) {
      writeFileSync(join(io.dir, file), '');
      vi.stubEnv(`GITHUB_${file.toUpperCase()}`, join(io.dir, file));
    }
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    io.stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      io.stdout += chunk.toString();
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    rmSync(io.dir, { recursive: true, force: true });
  });
  return io;
}
