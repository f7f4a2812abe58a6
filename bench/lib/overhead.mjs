// Reads the files bench/lib/child-timing.cjs wrote: per action process, wall time, time with at least
// one child process running (union of intervals), and the rest ("own": our code, node start-up,
// bundle load, registry HTTP, waits).
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

export function unionMs(intervals) {
  const sorted = intervals.map((i) => [i.start, i.end]).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cur;
  for (const [s, e] of sorted) {
    if (cur === undefined || s > cur[1]) {
      if (cur !== undefined) total += cur[1] - cur[0];
      cur = [s, e];
    } else cur[1] = Math.max(cur[1], e);
  }
  if (cur !== undefined) total += cur[1] - cur[0];
  return total;
}

/** @returns Array<{action, post, pid, startEpochMs, wallMs, childMs, ownMs, children: number}> */
export async function readTimings(dir) {
  const out = [];
  for (const f of (await readdir(dir)).filter((n) => n.endsWith('.json'))) {
    const t = JSON.parse(await readFile(path.join(dir, f), 'utf8'));
    const childMs = unionMs(t.children);
    out.push({
      action: t.action,
      post: t.post,
      pid: t.pid,
      startEpochMs: t.timeOrigin,
      wallMs: t.wallMs,
      childMs,
      ownMs: t.wallMs - childMs,
      children: t.children.length,
      childBins: [...new Set(t.children.map((c) => c.bin))],
    });
  }
  return out.sort((a, b) => a.startEpochMs - b.startEpochMs);
}
