import { normalizeLayerPath } from '../tar.js';
import type { TarEntryType } from '../tar-header.js';

/** A node of a {@link FileTree}. Directories have `children`; other kinds never do. */
export interface FileNode {
  type: TarEntryType;
  mode: number;
  size: number;
  linkname?: string;
  children?: Map<string, FileNode>;
}

/** What {@link FileTree.applyLayer} needs of a layer entry (a `TarEntry` fits). */
export interface LayerEntryLike {
  path: string;
  type: TarEntryType;
  size?: number;
  mode?: number;
  linkname?: string;
}

/** Result of {@link FileTree.lookup}: the node and its real path (directory symlinks resolved). */
export interface Lookup {
  node: FileNode;
  path: string;
}

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
/** Linux's limit on symlinks followed while resolving one path. */
const MAX_SYMLINK_HOPS = 40;

/**
 * The merged filesystem of an image, built by applying its layers in order with OCI whiteout
 * semantics: `.wh.<name>` deletes `<name>` from lower layers, `.wh..wh..opq` hides everything lower
 * layers put in its directory. Only metadata is kept (no contents). Symlinks are resolved inside the
 * tree, never on the host.
 */
export class FileTree {
  /** The root directory `/`. */
  readonly root: FileNode = { type: 'dir', mode: 0o755, size: 0, children: new Map() };

  /**
   * A tree from plain absolute paths (no types known: paths with children become directories,
   * the rest are files).
   */
  static fromPaths(paths: Iterable<string>): FileTree {
    const tree = new FileTree();
    for (const p of [...paths].sort()) {
      if (!tree.lookup(p)) tree.add({ path: p, type: 'file' });
    }
    return tree;
  }

  /**
   * Applies one layer on top of the tree. Whiteouts in a layer only hide what lower layers put there
   * (OCI image spec), so deletions run before this layer's own entries are added, whatever their order
   * in the tarball.
   */
  applyLayer(entries: Iterable<LayerEntryLike>): void {
    const additions: LayerEntryLike[] = [];
    for (const entry of entries) {
      const path = normalizeLayerPath(entry.path);
      if (path === '/') continue;
      const slash = path.lastIndexOf('/');
      const dir = path.slice(0, slash) || '/';
      const base = path.slice(slash + 1);
      if (base === OPAQUE_MARKER) {
        const target = this.lookup(dir, { followFinal: true });
        target?.node.children?.clear();
      } else if (path.includes(`/${WHITEOUT_PREFIX}${WHITEOUT_PREFIX}`)) {
        // Other `.wh..wh.*` names (and what is inside them) are aufs bookkeeping, not image content.
        continue;
      } else if (base.startsWith(WHITEOUT_PREFIX)) {
        this.remove(`${dir === '/' ? '' : dir}/${base.slice(WHITEOUT_PREFIX.length)}`);
      } else {
        additions.push({ ...entry, path });
      }
    }
    for (const entry of additions) this.add(entry);
  }

  /** {@link applyLayer} for a streamed listing, e.g. `listLayerEntries(blob, mediaType)`. */
  async applyLayerStream(entries: AsyncIterable<LayerEntryLike>): Promise<void> {
    const collected: LayerEntryLike[] = [];
    for await (const entry of entries) collected.push(entry);
    this.applyLayer(collected);
  }

  /**
   * Adds or replaces one entry. Missing parent directories are created; a parent that is a symlink to
   * a directory is followed (as extracting the layer would do), any other non-directory parent is
   * replaced by a directory. A directory over a directory keeps its children.
   */
  add(entry: LayerEntryLike): void {
    const parts = splitPath(entry.path);
    const name = parts.pop();
    if (name === undefined) return;
    const parent = this.ensureDir(parts);
    const existing = parent.children?.get(name);
    const mode = entry.mode ?? (entry.type === 'dir' ? 0o755 : 0o644);
    if (entry.type === 'dir') {
      if (existing?.type === 'dir') existing.mode = mode;
      else parent.children?.set(name, { type: 'dir', mode, size: 0, children: new Map() });
      return;
    }
    const node: FileNode = { type: entry.type, mode, size: entry.size ?? 0 };
    if (entry.linkname !== undefined) node.linkname = entry.linkname;
    parent.children?.set(name, node);
  }

  /** Deletes a path (and everything below it); intermediate directory symlinks are followed. */
  remove(path: string): boolean {
    const parts = splitPath(path);
    const name = parts.pop();
    if (name === undefined) return false;
    const parent = this.lookup('/' + parts.join('/'), { followFinal: true });
    return parent?.node.children?.delete(name) ?? false;
  }

  /**
   * Finds a path. Symlinks in intermediate components are resolved inside the tree (absolute targets
   * from the image root, `..` stops at the root); the last component is followed only with
   * `followFinal` (stat vs lstat). Undefined if missing, dangling, or looping.
   */
  lookup(path: string, opts: { followFinal?: boolean } = {}): Lookup | undefined {
    const pending = splitPath(path, true).reverse();
    let chain: Array<{ name: string; node: FileNode }> = [];
    let current = this.root;
    let hops = 0;
    while (pending.length > 0) {
      const name = pending.pop() as string;
      if (name === '..') {
        chain.pop();
        current = chain.at(-1)?.node ?? this.root;
        continue;
      }
      const child = current.children?.get(name);
      if (!child) return undefined;
      if (child.type === 'symlink' && (pending.length > 0 || opts.followFinal)) {
        if (++hops > MAX_SYMLINK_HOPS) return undefined;
        const target = child.linkname ?? '';
        if (target.startsWith('/')) {
          chain = [];
          current = this.root;
        }
        pending.push(...splitPath(target, true).reverse());
        continue;
      }
      chain.push({ name, node: child });
      current = child;
    }
    return { node: current, path: '/' + chain.map((c) => c.name).join('/') };
  }

  /** True if the path exists (a symlink counts, even dangling); intermediate symlinks are followed. */
  has(path: string): boolean {
    return this.lookup(path) !== undefined;
  }

  /** Every path in the tree, depth first, children in name order. */
  *paths(): Generator<string> {
    function* walk(node: FileNode, prefix: string): Generator<string> {
      const names = [...(node.children?.keys() ?? [])].sort();
      for (const name of names) {
        const child = node.children?.get(name) as FileNode;
        yield `${prefix}/${name}`;
        if (child.type === 'dir') yield* walk(child, `${prefix}/${name}`);
      }
    }
    yield* walk(this.root, '');
  }

  /** Number of entries (the root excluded). */
  get entryCount(): number {
    let n = 0;
    const walk = (node: FileNode): void => {
      for (const child of node.children?.values() ?? []) {
        n++;
        if (child.type === 'dir') walk(child);
      }
    };
    walk(this.root);
    return n;
  }

  private ensureDir(parts: string[]): FileNode {
    let current = this.root;
    let realPath = '';
    for (const name of parts) {
      const children = current.children as Map<string, FileNode>;
      let child = children.get(name);
      if (child?.type === 'symlink') {
        const target = this.lookup(`${realPath}/${name}`, { followFinal: true });
        if (target?.node.type === 'dir') {
          current = target.node;
          realPath = target.path === '/' ? '' : target.path;
          continue;
        }
      }
      if (child?.type !== 'dir') {
        child = { type: 'dir', mode: 0o755, size: 0, children: new Map() };
        children.set(name, child);
      }
      current = child;
      realPath += `/${name}`;
    }
    return current;
  }
}

function splitPath(path: string, keepDotDot = false): string[] {
  if (!keepDotDot)
    return normalizeLayerPath(path)
      .split('/')
      .filter((p) => p !== '');
  return path.split('/').filter((p) => p !== '' && p !== '.');
}
