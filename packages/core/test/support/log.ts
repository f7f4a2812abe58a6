import type { Log } from '../../src/log.js';

/** A log that keeps every line, tagged by level: for tests that pin what a module says. */
export function recordingLog(): Log & { lines: Array<{ level: keyof Log; line: string }> } {
  const lines: Array<{ level: keyof Log; line: string }> = [];
  return {
    lines,
    info: (line) => void lines.push({ level: 'info', line }),
    warning: (line) => void lines.push({ level: 'warning', line }),
    debug: (line) => void lines.push({ level: 'debug', line }),
  };
}
