// Summarises a V8 .cpuprofile (from `node --cpu-prof`): where the sampled time went, by owner.
// Owners: V8's pseudo-frames ((program) = parsing/compiling and native work, (garbage collector),
// (idle) = waiting on I/O), node's own JS (`node:internal/...`, with its bundled undici that `fetch`
// uses split out), and the action bundle, split per source module using the `// CONCATENATED MODULE:`
// comments ncc leaves in dist/index.js.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const lineMaps = new Map();

/** For a bundle file: sorted [startLine, module] pairs (0-based lines, as V8 reports them). */
function lineMap(url) {
  let map = lineMaps.get(url);
  if (map !== undefined) return map;
  map = [];
  try {
    const lines = readFileSync(fileURLToPath(url), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const concatenated = /^;\/\/ CONCATENATED MODULE: (.+)$/.exec(lines[i]);
      if (concatenated !== null) map.push([i, shortModule(concatenated[1])]);
      else if (/^\/\*{20,}\/$/.test(lines[i])) map.push([i, 'bundle runtime (webpack require)']);
      else if (/^\/\*\*\*\/ \d+:$/.test(lines[i]))
        map.push([i, `${url.split('/').pop()} module ${lines[i].slice(6, -1)}`]);
    }
  } catch {
    // Not readable: attribute to the file as a whole.
  }
  lineMaps.set(url, map);
  return map;
}

function shortModule(p) {
  return p
    .replace(/^\.\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
    .replace(/^\.\//, '')
    .replace(/ \+ \d+ modules$/, '');
}

function owner(frame) {
  const { url, functionName, lineNumber } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : 'native';
  if (url.startsWith('node:internal/deps/undici')) return 'node:undici (fetch)';
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/dist/')) {
    const map = lineMap(url);
    let found = url.split('/').pop();
    for (const [start, name] of map) {
      if (start > lineNumber) break;
      found = name;
    }
    return found;
  }
  return url;
}

/**
 * @param {{nodes: Array<{id:number, callFrame:{functionName:string,url:string,lineNumber:number}}>, samples:number[], timeDeltas:number[], startTime:number, endTime:number}} profile
 * @returns {{ sampledMs: number, byOwner: Array<{owner:string, ms:number}>, topFunctions: Array<{fn:string, owner:string, ms:number}> }}
 */
export function summariseProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the gap before sample i; the time until the next sample belongs to sample i.
    const dt = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
  }
  const owners = new Map();
  const fns = new Map();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id).callFrame;
    const o = owner(frame);
    owners.set(o, (owners.get(o) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} [${o}]`;
    fns.set(fn, { owner: o, us: (fns.get(fn)?.us ?? 0) + us });
  }
  const ms = (us) => Math.round(us / 100) / 10;
  return {
    sampledMs: ms(profile.endTime - profile.startTime),
    byOwner: [...owners]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([o, us]) => ({ owner: o, ms: ms(us) })),
    topFunctions: [...fns]
      .filter(([, v]) => !v.owner.startsWith('('))
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, 12)
      .map(([fn, v]) => ({ fn, ms: ms(v.us) })),
  };
}
