import type { FileNode, FileTree } from './file-tree.js';

/** One `/`-separated part of a glob. */
export type GlobSegment =
  { kind: 'literal'; name: string } | { kind: 'globstar' } | { kind: 'pattern'; source: string; re: RegExp };

/** A validated glob, ready to match. */
export interface CompiledGlob {
  pattern: string;
  segments: GlobSegment[];
}

/** A glob that cannot be compiled; the message says why. */
export class GlobError extends Error {
  override name = 'GlobError';
}

/** A path a glob found in a {@link FileTree}. */
export interface GlobMatch {
  /** The path as spelled through the glob (`/bin/sh`). */
  path: string;
  /** Where it really is once directory symlinks are resolved (`/usr/bin/sh`); equals `path` if none. */
  realPath: string;
}

/**
 * Compiles a forbid glob. `*` matches within one path segment, `**` (a whole segment) any number of
 * segments including none, `?` one character, `[abc]` / `[a-z]` / `[!abc]` one of a set, `\x` a literal
 * x. A pattern must be absolute (`/usr/bin/apt*`) or start with `**` (`**\/node_modules/typescript`,
 * meaning anywhere). A trailing `/` is ignored: a directory pattern matches the directory itself.
 * @throws GlobError for relative patterns, `.`/`..` segments, an unclosed `[`
 */
export function compileGlob(pattern: string): CompiledGlob {
  const trimmed = pattern.trim();
  if (trimmed === '') throw new GlobError('empty pattern');
  if (!trimmed.startsWith('/') && !trimmed.startsWith('**')) {
    throw new GlobError(`"${pattern}" is relative: start it with / (absolute path) or **/ (anywhere)`);
  }
  const segments: GlobSegment[] = [];
  for (const part of trimmed.split('/')) {
    if (part === '') continue;
    if (part === '.' || part === '..') throw new GlobError(`"${pattern}" contains a "${part}" segment`);
    if (part === '**') {
      // Consecutive ** mean the same as one, and collapsing them keeps matching linear.
      if (segments.at(-1)?.kind !== 'globstar') segments.push({ kind: 'globstar' });
      continue;
    }
    segments.push(compileSegment(part, pattern));
  }
  if (segments.length === 0) throw new GlobError(`"${pattern}" would match the root directory itself`);
  return { pattern: trimmed, segments };
}

function compileSegment(part: string, pattern: string): GlobSegment {
  let re = '';
  let literal = '';
  let special = false;
  for (let i = 0; i < part.length; i++) {
    const c = part[i] as string;
    if (c === '\\') {
      const next = part[i + 1];
      if (next === undefined) throw new GlobError(`"${pattern}" ends with a lone backslash`);
      re += escapeRe(next);
      literal += next;
      i++;
    } else if (c === '*') {
      special = true;
      // `**` inside a segment (`a**b`) is just a `*`.
      while (part[i + 1] === '*') i++;
      re += '[^/]*';
    } else if (c === '?') {
      special = true;
      re += '[^/]';
    } else if (c === '[') {
      special = true;
      const end = classEnd(part, i);
      if (end === -1) throw new GlobError(`"${pattern}" has an unclosed [`);
      re += classToRe(part.slice(i + 1, end));
      i = end;
    } else {
      re += escapeRe(c);
      literal += c;
    }
  }
  if (!special) return { kind: 'literal', name: literal };
  return { kind: 'pattern', source: part, re: new RegExp(`^${re}$`, 'su') };
}

function classEnd(part: string, open: number): number {
  let i = open + 1;
  if (part[i] === '!' || part[i] === '^') i++;
  if (part[i] === ']') i++; // a leading ] is a member, not the end
  for (; i < part.length; i++) {
    if (part[i] === '\\') i++;
    else if (part[i] === ']') return i;
  }
  return -1;
}

function classToRe(body: string): string {
  let negate = false;
  let i = 0;
  if (body[0] === '!' || body[0] === '^') {
    negate = true;
    i = 1;
  }
  let out = '';
  for (; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '\\' && i + 1 < body.length) {
      out += escapeClass(body[++i] as string);
    } else if (c === '-' && out !== '' && i + 1 < body.length) {
      out += '-';
    } else {
      out += escapeClass(c);
    }
  }
  return negate ? `[^/${out}]` : `[${out}]`;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function escapeClass(c: string): string {
  return c.replace(/[\\\]^[-]/g, '\\$&');
}

/**
 * Tests a glob against one absolute path string, without any filesystem knowledge (no symlinks).
 * Useful for plain path lists; {@link findGlobMatches} is what the policy uses.
 */
export function matchesPath(glob: CompiledGlob, path: string): boolean {
  const parts = path.split('/').filter((p) => p !== '');
  const memo = new Map<string, boolean>();
  const go = (si: number, pi: number): boolean => {
    const key = `${si},${pi}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let r: boolean;
    const seg = glob.segments[si];
    if (seg === undefined) r = pi === parts.length;
    else if (seg.kind === 'globstar') r = go(si + 1, pi) || (pi < parts.length && go(si, pi + 1));
    else r = pi < parts.length && segmentMatches(seg, parts[pi] as string) && go(si + 1, pi + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

function segmentMatches(seg: Exclude<GlobSegment, { kind: 'globstar' }>, name: string): boolean {
  return seg.kind === 'literal' ? seg.name === name : seg.re.test(name);
}

/**
 * Finds every entry of the tree a glob matches, the way a shell would see the image's filesystem:
 * directory symlinks are followed (resolved inside the image, so `/bin/sh` is found as
 * `/usr/bin/sh` when `/bin -> usr/bin`), a symlink as the last segment counts as existing even when
 * dangling, and `**` walks real directories only (no loops; every real path is still reached).
 * Results are sorted by path.
 */
export function findGlobMatches(tree: FileTree, glob: CompiledGlob): GlobMatch[] {
  const found = new Map<string, GlobMatch>();
  const segs = glob.segments;
  const record = (path: string, realPath: string): void => {
    if (path !== '' && !found.has(path)) found.set(path, { path, realPath });
  };
  const everythingBelow = (dir: FileNode, path: string, realPath: string): void => {
    for (const [name, child] of dir.children ?? []) {
      record(`${path}/${name}`, `${realPath}/${name}`);
      if (child.type === 'dir') everythingBelow(child, `${path}/${name}`, `${realPath}/${name}`);
    }
  };
  const visit = (dir: FileNode, path: string, realPath: string, i: number): void => {
    const seg = segs[i];
    if (seg === undefined) return;
    const last = i === segs.length - 1;
    if (seg.kind === 'globstar') {
      if (last) {
        record(path, realPath); // zero segments: the directory itself
        everythingBelow(dir, path, realPath);
        return;
      }
      visit(dir, path, realPath, i + 1);
      for (const [name, child] of dir.children ?? []) {
        if (child.type === 'dir') visit(child, `${path}/${name}`, `${realPath}/${name}`, i);
      }
      return;
    }
    const candidates: Array<[string, FileNode]> = [];
    if (seg.kind === 'literal') {
      const child = dir.children?.get(seg.name);
      if (child) candidates.push([seg.name, child]);
    } else {
      for (const entry of dir.children ?? []) if (seg.re.test(entry[0])) candidates.push(entry);
    }
    for (const [name, child] of candidates) {
      const childPath = `${path}/${name}`;
      const childReal = `${realPath}/${name}`;
      if (last) record(childPath, childReal);
      else if (child.type === 'dir') visit(child, childPath, childReal, i + 1);
      else if (child.type === 'symlink') {
        const target = tree.lookup(childReal, { followFinal: true });
        if (target?.node.type === 'dir') visit(target.node, childPath, target.path, i + 1);
      }
    }
  };
  visit(tree.root, '', '', 0);
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
