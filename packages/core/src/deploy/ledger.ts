/**
 * The deployment ledger of one environment: `<state-dir>/ledger.jsonl`, one JSON record per line,
 * append-only.
 *
 * Durability: each record is one `write()` of a complete line to a descriptor opened with
 * `O_APPEND`, then `fsync`. The file is never rewritten in place (write-new-and-rename would also
 * be atomic, but it rewrites every earlier entry on every deployment: a bug or a full disk there
 * can lose history, an append cannot). A crash can at worst leave the last line torn (a write cut
 * short); the next writer notices the missing newline, copies the fragment to
 * `ledger.torn.jsonl` and terminates it with a newline, so the fragment stays where it was (readers
 * report it as unreadable) and later records start on a line of their own.
 *
 * Writers are serialised by `ledger.lock`, created with `O_EXCL` and holding the owner's pid and
 * host; a lock whose owner is gone is taken over (see ledger-lock.ts).
 *
 * The record format lives in ledger-record.ts, the queries over deployments in deployments.ts and
 * the lock in ledger-lock.ts.
 */
import { constants, type FileHandle } from 'node:fs/promises';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import { acquireLock, LOCK_FILE, type HeldLock, type LockOptions } from './ledger-lock.js';
import {
  LEDGER_FILE,
  parseLedger,
  parseLedgerRecord,
  TORN_FILE,
  type LedgerContents,
  type LedgerRecord,
} from './ledger-record.js';

async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on directories; the data itself is synced already.
  } finally {
    await handle?.close();
  }
}

/**
 * The ledger of one environment, in `stateDir`. Reads need no lock (every line is written whole);
 * appends must happen while holding {@link Ledger.lock}.
 */
export class Ledger {
  constructor(readonly stateDir: string) {}

  /** Path of `ledger.jsonl`. */
  get path(): string {
    return join(this.stateDir, LEDGER_FILE);
  }

  /** Path of the lock file. */
  get lockPath(): string {
    return join(this.stateDir, LOCK_FILE);
  }

  /** Reads and parses the whole ledger; a missing file is an empty ledger. */
  async read(): Promise<LedgerContents> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], unreadable: [] };
      throw new Error(`cannot read the ledger ${this.path}: ${errorMessage(err)}`, { cause: err });
    }
    return parseLedger(text);
  }

  /**
   * Appends one record: a single `write()` of the complete line (O_APPEND), then `fsync`. A torn
   * tail left by a crash is set aside first (see {@link Ledger.setAsideTornTail}).
   *
   * @throws Error when the write is short or fails (the line may then be torn; the next append sets it aside)
   */
  async append(record: LedgerRecord): Promise<void> {
    parseLedgerRecord(record);
    await mkdir(this.stateDir, { recursive: true });
    await this.setAsideTornTail();
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    let created = false;
    try {
      await stat(this.path);
    } catch {
      created = true;
    }
    const handle = await open(this.path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o644);
    try {
      const { bytesWritten } = await handle.write(line, 0, line.length);
      if (bytesWritten !== line.length) {
        throw new Error(`short write to ${this.path}: ${bytesWritten} of ${line.length} bytes`);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (created) await fsyncDir(this.stateDir);
  }

  /**
   * When the ledger does not end with a newline (a write cut short by a crash), copies the fragment
   * to `ledger.torn.jsonl` (with the time and its byte offset) and appends the newline that ends it.
   * The fragment itself stays in the ledger as an unreadable line; nothing is dropped or rewritten.
   *
   * @returns the fragment, when there was one
   */
  async setAsideTornTail(): Promise<string | undefined> {
    let handle: FileHandle;
    try {
      handle = await open(this.path, constants.O_RDWR | constants.O_APPEND);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      const { size } = await handle.stat();
      if (size === 0) return undefined;
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] === 0x0a) return undefined;
      // The fragment is at most one record long; read back far enough to find its line start.
      const window = Math.min(size, 1024 * 1024);
      const buf = Buffer.alloc(window);
      await handle.read(buf, 0, window, size - window);
      const nl = buf.lastIndexOf(0x0a);
      const fragment = buf.subarray(nl + 1).toString('utf8');
      const offset = size - (window - nl - 1);
      const aside = await open(
        join(this.stateDir, TORN_FILE),
        constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT,
        0o644,
      );
      try {
        const entry = `${JSON.stringify({ detectedAt: new Date().toISOString(), offset, fragment })}\n`;
        await aside.write(entry);
        await aside.sync();
      } finally {
        await aside.close();
      }
      await handle.write(Buffer.from('\n'));
      await handle.sync();
      return fragment;
    } finally {
      await handle.close();
    }
  }

  /**
   * Takes the writers' lock (`ledger.lock`, see {@link acquireLock}): a stale lock of a killed run is
   * taken over, a live owner is waited for.
   *
   * @throws Error naming the owner when the lock could not be had in time
   */
  async lock(opts: LockOptions): Promise<HeldLock> {
    await mkdir(this.stateDir, { recursive: true });
    return acquireLock(this.lockPath, opts);
  }
}
