import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlaylistInput } from './validate.js';

/** A stored playlist as the API returns it. */
export interface Playlist {
  id: string;
  name: string;
  tracks: string[];
  createdAt: string;
}

interface StoreFile {
  version: 1;
  playlists: Playlist[];
}

export const STORE_FILE_NAME = 'playlists.json';

/**
 * Playlists kept in memory and persisted as one JSON file under `dataDir`.
 * Every write replaces the file atomically (temp file, fsync, rename), so a
 * crash or SIGKILL mid-write leaves either the old or the new file, never a
 * torn one. Writes are serialized through a promise chain so that two
 * concurrent POSTs cannot interleave their renames and lose an entry.
 */
export class PlaylistStore {
  private playlists: Playlist[] = [];
  private writeChain: Promise<void> = Promise.resolve();
  private tempCounter = 0;

  private constructor(
    readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  /** Opens (and creates if needed) the store in `dataDir`. A corrupt file is an error, not an empty store. */
  static async open(dataDir: string, now: () => Date = () => new Date()): Promise<PlaylistStore> {
    const store = new PlaylistStore(dataDir, now);
    await mkdir(dataDir, { recursive: true });
    let text: string;
    try {
      text = await readFile(store.filePath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return store;
      throw err;
    }
    store.playlists = parseStoreFile(text, store.filePath);
    return store;
  }

  get filePath(): string {
    return join(this.dataDir, STORE_FILE_NAME);
  }

  list(): Playlist[] {
    return this.playlists.map(clonePlaylist);
  }

  get(id: string): Playlist | undefined {
    const found = this.playlists.find((p) => p.id === id);
    return found ? clonePlaylist(found) : undefined;
  }

  /** Adds a playlist and resolves once it is durably on disk. */
  async create(input: PlaylistInput): Promise<Playlist> {
    const playlist: Playlist = {
      id: randomUUID(),
      name: input.name,
      tracks: [...input.tracks],
      createdAt: this.now().toISOString(),
    };
    // The new list is built inside the chain, after earlier writes have
    // committed, so concurrent creates each see their predecessors.
    await this.enqueue(async () => {
      const next = [...this.playlists, playlist];
      await this.writeFile(next);
      this.playlists = next;
    });
    return clonePlaylist(playlist);
  }

  /** Resolves when every write started so far has finished (used on shutdown). */
  async flush(): Promise<void> {
    await this.writeChain;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.writeChain.then(task);
    // A failed write must not poison later ones; the caller of this write still sees the error.
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  private async writeFile(playlists: Playlist[]): Promise<void> {
    const data: StoreFile = { version: 1, playlists };
    // The temp file sits in the same directory so that rename() stays on one filesystem (atomic).
    const temp = join(this.dataDir, `.${STORE_FILE_NAME}.${process.pid}.${++this.tempCounter}.tmp`);
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
      await handle.sync();
    } catch (err) {
      await handle.close();
      await unlink(temp).catch(() => undefined);
      throw err;
    }
    await handle.close();
    try {
      await rename(temp, this.filePath);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
  }
}

function clonePlaylist(p: Playlist): Playlist {
  return { ...p, tracks: [...p.tracks] };
}

function parseStoreFile(text: string, path: string): Playlist[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path} is not valid JSON (${(err as Error).message}); refusing to start over it`, {
      cause: err,
    });
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as { version?: unknown }).version !== 1 ||
    !Array.isArray((parsed as { playlists?: unknown }).playlists)
  ) {
    throw new Error(`${path} is not a version 1 playlist store ({"version": 1, "playlists": [...]})`);
  }
  const playlists = (parsed as { playlists: unknown[] }).playlists;
  return playlists.map((entry, index) => {
    if (!isPlaylist(entry)) throw new Error(`${path}: playlists[${index}] is malformed`);
    return clonePlaylist(entry);
  });
}

function isPlaylist(value: unknown): value is Playlist {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.createdAt === 'string' &&
    Array.isArray(v.tracks) &&
    v.tracks.every((t) => typeof t === 'string')
  );
}
