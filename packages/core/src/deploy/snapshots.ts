/**
 * The files a deployment mounts from the job's workspace (bind mounts, secret and config files), kept
 * with the deployment: each source is copied into the state directory, content-addressed like the
 * stored model, and the stored model points at the copies, mounted read-only. The workspace is gone
 * (or changed) when a rollback or a restart of the host needs them; the copies are the bytes the
 * deployment was verified with.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  chmod,
  copyFile,
  lstat,
  mkdir,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isInside } from '../paths.js';
import { errorMessage } from '../errors.js';
import type { ComposeModel } from '../stack/compose/model.js';

/** Where the copies live, relative to the state directory (beside the stored models). */
export const SNAPSHOT_DIR = 'stacks/files';
/** Default bound on the bytes one deployment copies. */
export const SNAPSHOT_LIMIT_BYTES = 16 * 1024 * 1024;

/** A host path the model mounts, and where in the model it is named. */
export interface HostSource {
  /** Key path, e.g. `services.frontend.volumes[0]` or `configs.app.file`. */
  path: string;
  /** Absolute host path as the model says. */
  source: string;
  /** Where it is mounted (`/app/config.json`), or the secret's or config's name. */
  target: string;
  /** A bind mount the file does not mark read-only. Secret and config files are always read-only. */
  writable: boolean;
  /** Points the model at another path (and marks a bind mount read-only). */
  rewrite(model: ComposeModel, to: string): void;
}

/** What may be mounted as written rather than copied. */
export interface SnapshotOptions {
  /** The job's workspace: sources inside it are copied. */
  workspace: string;
  /** `allow-host-paths`: a writable bind mount is mounted as written (the user's own host path). */
  hostPaths: boolean;
  /** Bound on the bytes copied for one deployment (default {@link SNAPSHOT_LIMIT_BYTES}). */
  limitBytes?: number;
  /** The job's environment: the values of secrets and configs given as `environment:`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** One copy made (or found already there). */
export interface Snapshot {
  path: string;
  source: string;
  /** Relative to the state directory: `stacks/files/<sha256>` (file) or `stacks/files/<sha256>.d` (directory). */
  stored: string;
  bytes: number;
}

/** Every host path the model mounts (pure). */
export function hostSources(model: ComposeModel): HostSource[] {
  const found: HostSource[] = [];
  for (const [name, service] of Object.entries(model.services)) {
    (service.volumes ?? []).forEach((mount, index) => {
      if (mount.type !== 'bind' || mount.source === undefined) return;
      found.push({
        path: `services.${name}.volumes[${index}]`,
        source: mount.source,
        target: mount.target,
        writable: mount.read_only !== true,
        rewrite: (m, to) => {
          const volume = m.services[name]!.volumes![index]!;
          volume.source = to;
          volume.read_only = true;
        },
      });
    });
  }
  for (const kind of ['secrets', 'configs'] as const) {
    for (const [name, definition] of Object.entries(model[kind] ?? {})) {
      if (definition.file === undefined) continue;
      found.push({
        path: `${kind}.${name}.file`,
        source: definition.file,
        target: name,
        writable: false,
        rewrite: (m, to) => {
          m[kind]![name]!.file = to;
        },
      });
    }
  }
  return found;
}

/** A file or directory to copy: its entries (files with their hashes) in a fixed order. */
interface Tree {
  kind: 'file' | 'dir';
  /** sha256 of the file, or of the directory's manifest. */
  hash: string;
  bytes: number;
  /** Directory entries: relative path → file hash and executable bit; `''`-suffixed `/` for directories. */
  entries: Array<{ rel: string; dir: boolean; hash?: string; executable?: boolean; bytes: number }>;
}

async function hashFile(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

/** A source is bigger than what is left of the bound (`bytes` counted so far). */
class OverBudget extends Error {
  constructor(readonly bytes: number) {
    super(`over the bound after ${bytes} bytes`);
  }
}

/**
 * Reads a source into a {@link Tree}: a regular file, or a directory of regular files and
 * directories (a symbolic link or device inside is refused: the copy must be what the
 * deployment mounts, with nothing pointing back into the host).
 */
async function readTree(source: string, what: string, budget = Infinity): Promise<Tree> {
  const top = await stat(source);
  if (top.isFile()) {
    if (top.size > budget) throw new OverBudget(top.size);
    return { kind: 'file', hash: await hashFile(source), bytes: top.size, entries: [] };
  }
  if (!top.isDirectory()) throw new Error(`${what}: ${source} is neither a file nor a directory`);
  const entries: Tree['entries'] = [];
  let bytes = 0;
  const walk = async (dir: string): Promise<void> => {
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      const full = join(dir, name);
      const rel = relative(source, full);
      const info = await lstat(full);
      if (info.isDirectory()) {
        entries.push({ rel, dir: true, bytes: 0 });
        await walk(full);
      } else if (info.isFile()) {
        const executable = (info.mode & 0o111) !== 0;
        // Sizes before hashes: a directory far over the bound is not read through.
        bytes += info.size;
        if (bytes > budget) throw new OverBudget(bytes);
        entries.push({ rel, dir: false, hash: await hashFile(full), executable, bytes: info.size });
      } else {
        throw new Error(
          `${what}: ${full} is a symbolic link or special file; a deployment keeps a copy of the directory and copies only files and directories`,
        );
      }
    }
  };
  await walk(source);
  const manifest = entries
    .map((e) => (e.dir ? `d ${e.rel}` : `f ${e.executable ? 'x' : '-'} ${e.hash} ${e.rel}`))
    .join('\n');
  const hash = createHash('sha256').update(manifest, 'utf8').digest('hex');
  return { kind: 'dir', hash, bytes, entries };
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Where a tree is stored, relative to the state directory. */
function storedPath(tree: Tree): string {
  return `${SNAPSHOT_DIR}/${tree.hash}${tree.kind === 'dir' ? '.d' : ''}`;
}

/**
 * Writes a tree under the state directory unless it is there already: into a temporary name first,
 * then renamed, so a copy is whole or absent. Files 0644 (0755 when executable), directories 0755:
 * the service's user, whoever it is, can read them, and nothing of the stack can change them.
 */
async function writeTree(stateDir: string, source: string, tree: Tree): Promise<void> {
  const final = join(stateDir, storedPath(tree));
  if (await exists(final)) return;
  await mkdir(join(stateDir, SNAPSHOT_DIR), { recursive: true, mode: 0o700 });
  const tmp = join(stateDir, SNAPSHOT_DIR, `.tmp-${randomBytes(6).toString('hex')}`);
  try {
    if (tree.kind === 'file') {
      await copyFile(source, tmp);
      await chmod(tmp, 0o644);
    } else {
      await mkdir(tmp, { mode: 0o755 });
      for (const e of tree.entries) {
        const to = join(tmp, e.rel);
        if (e.dir) await mkdir(to, { mode: 0o755 });
        else {
          await copyFile(join(source, e.rel), to);
          await chmod(to, e.executable === true ? 0o755 : 0o644);
        }
      }
      await chmod(tmp, 0o755);
    }
    await rename(tmp, final).catch(async (err: unknown) => {
      // Another deployment stored the same bytes in the meantime: theirs is as good as ours.
      if (await exists(final)) return;
      throw err;
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * The model a deployment stores and starts: every host path inside the workspace copied into
 * `<stateDir>/stacks/files/` and the model pointing at the copies, mounted read-only. A host path
 * outside the workspace (allowed by `allow-host-paths`) and, with `allow-host-paths`, a writable bind
 * mount stay as written. Everything is checked before anything is copied.
 *
 * @throws Error listing every writable bind mount (without `allow-host-paths`) and every source that
 *   cannot be copied, or naming the mount that takes the copies over the bound
 */
export async function snapshotSources(
  model: ComposeModel,
  stateDir: string,
  file: string,
  opts: SnapshotOptions,
): Promise<{ model: ComposeModel; snapshots: Snapshot[] }> {
  const limit = opts.limitBytes ?? SNAPSHOT_LIMIT_BYTES;
  const workspace = await realpath(opts.workspace).catch(() => opts.workspace);
  const problems: string[] = [];
  const toCopy: Array<{ s: HostSource; real: string; tree: Tree }> = [];
  let total = 0;
  let over = false;
  for (const s of hostSources(model)) {
    if (s.writable) {
      if (!opts.hostPaths) {
        problems.push(
          `${file}: ${s.path}: bind mount of ${s.source} at ${s.target} is writable, but a deployment mounts a copy of it kept with the deployment (the workspace is gone when the job ends); ` +
            `mark it read-only (":ro"), keep the service's data in a named volume, or set allow-host-paths to mount this host path as written`,
        );
      }
      continue;
    }
    const real = await realpath(s.source).catch(() => undefined);
    if (real === undefined) {
      problems.push(
        `${file}: ${s.path}: ${s.source} does not exist, so the deployment cannot keep a copy of it`,
      );
      continue;
    }
    if (!isInside(real, workspace) || over) continue;
    try {
      const tree = await readTree(real, `${file}: ${s.path}`, limit - total);
      total += tree.bytes;
      toCopy.push({ s, real, tree });
    } catch (err) {
      if (!(err instanceof OverBudget)) {
        problems.push(errorMessage(err));
        continue;
      }
      over = true;
      problems.push(
        `${file}: ${s.path}: ${s.source} takes the files this deployment keeps a copy of over the ${mib(limit)} limit (${mib(total + err.bytes)} or more); ` +
          `mount only the files the service needs, bake large ones into the image, or keep data in a named volume`,
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `the stack file ${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'} (nothing was changed):\n${problems.join('\n')}`,
    );
  }
  const rewritten = structuredClone(model);
  const snapshots = await storeInlineFiles(rewritten, stateDir, opts.env ?? {});
  for (const { s, real, tree } of toCopy) {
    await writeTree(stateDir, real, tree);
    const stored = storedPath(tree);
    s.rewrite(rewritten, join(stateDir, stored));
    snapshots.push({ path: s.path, source: s.source, stored, bytes: tree.bytes });
  }
  return { model: rewritten, snapshots };
}

/**
 * Secrets and configs given as `content:` or `environment:` become files kept like the copies (their
 * text, content-addressed) and the model names them as `file:`: a deployed service that restarts
 * (after the job, after a reboot) finds them, and a rollback mounts the same text without the job's
 * environment. The directory of the copies is 0700 (the engine reads it as its owner or root).
 * @returns the configs' copies (secrets' are kept out of what is logged)
 */
async function storeInlineFiles(
  model: ComposeModel,
  stateDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Snapshot[]> {
  const stored: Snapshot[] = [];
  for (const kind of ['secrets', 'configs'] as const) {
    for (const [name, definition] of Object.entries(model[kind] ?? {})) {
      const text =
        definition.content ??
        (definition.environment !== undefined ? env[definition.environment] : undefined);
      if (text === undefined) continue;
      const hash = createHash('sha256').update(text, 'utf8').digest('hex');
      const path = join(stateDir, SNAPSHOT_DIR, hash);
      await mkdir(join(stateDir, SNAPSHOT_DIR), { recursive: true, mode: 0o700 });
      if (!(await exists(path))) {
        // Whole or absent, as writeTree: into a temporary name first, then renamed.
        const tmp = join(stateDir, SNAPSHOT_DIR, `.tmp-${randomBytes(6).toString('hex')}`);
        await writeFile(tmp, text, { mode: 0o644 });
        await rename(tmp, path);
      }
      const kept = { ...definition, file: path };
      delete kept.content;
      delete kept.environment;
      model[kind]![name] = kept;
      // A secret's copy is not listed: its name is the hash of its text, which the log must not show.
      if (kind === 'configs') {
        const bytes = Buffer.byteLength(text, 'utf8');
        stored.push({
          path: `configs.${name}`,
          source: '(inline text)',
          stored: `${SNAPSHOT_DIR}/${hash}`,
          bytes,
        });
      }
    }
  }
  return stored;
}

/**
 * Checks that every copy a stored model mounts still holds the bytes it was stored with (its name is
 * their hash), so a rollback starts exactly what was deployed.
 *
 * @throws Error naming the copy that is missing or changed
 */
export async function verifySnapshots(model: ComposeModel, stateDir: string, what: string): Promise<void> {
  const dir = join(stateDir, SNAPSHOT_DIR);
  for (const s of hostSources(model)) {
    if (!isInside(s.source, dir)) continue;
    const name = relative(dir, s.source);
    const tree = await readTree(s.source, `${what}: ${s.path}`).catch((err: unknown) => {
      throw new Error(`${what}: the copy of ${s.path} (${s.source}) cannot be read: ${errorMessage(err)}`);
    });
    if (storedPath(tree) !== `${SNAPSHOT_DIR}/${name}`) {
      throw new Error(
        `${what}: the copy of ${s.path} (${s.source}) was changed since it was stored (sha256 differs)`,
      );
    }
  }
}
