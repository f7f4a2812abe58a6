/**
 * The host side of a stack's mounts: the files it writes for secrets and configs given as `content:`
 * or `environment:` (one directory per stack, mode 0700, removed by `down`), and bind-mount sources
 * Compose would create (`create_host_path`). The directory's name follows from the project alone,
 * so that a later process that attaches to the stack removes it too.
 */
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import type { StackSpec } from './compose/types.js';
import { ServiceStartFailure } from './errors.js';

/** The directory of the files a stack writes (under os.tmpdir(), which outlives the job's runner temp: deployed services restart from it). */
export function stackFilesDir(project: string): string {
  return join(tmpdir(), `digestline-${project}-files`);
}

/** The host file of the `index`-th mount of `service` when it is a `content` mount. */
export function contentFilePath(project: string, service: string, index: number): string {
  return join(stackFilesDir(project), `${service}-${index}`);
}

/**
 * Writes every `content` mount of the stack into a fresh {@link stackFilesDir} (mode 0o444 unless
 * the file says otherwise) and creates missing `createHostPath` bind sources as directories.
 * Nothing is written when the stack has neither.
 * @throws ServiceStartFailure when a file or directory cannot be written (the caller takes the stack down)
 */
export async function prepareHostFiles(project: string, spec: StackSpec): Promise<void> {
  try {
    await writeHostFiles(project, spec);
  } catch (err) {
    throw new ServiceStartFailure(
      [],
      `stack ${project}: writing secret and config files failed: ${errorMessage(err)}`,
      {
        cause: err,
      },
    );
  }
}

async function writeHostFiles(project: string, spec: StackSpec): Promise<void> {
  const dir = stackFilesDir(project);
  let made = false;
  for (const service of spec.services) {
    for (const [i, mount] of service.volumes.entries()) {
      if (mount.bind !== undefined && mount.createHostPath === true)
        await mkdir(mount.bind, { recursive: true });
      if (mount.content === undefined) continue;
      if (!made) {
        // A directory left by an earlier run of the same project (or planted there) is not trusted.
        await rm(dir, { recursive: true, force: true });
        await mkdir(dir, { mode: 0o700 });
        made = true;
      }
      const path = contentFilePath(project, service.name, i);
      await writeFile(path, mount.content, { mode: 0o600, flag: 'wx' });
      await chmod(path, mount.mode ?? 0o444);
    }
  }
}

/** Removes the stack's files directory (nothing when there is none). */
export async function removeHostFiles(project: string): Promise<void> {
  await rm(stackFilesDir(project), { recursive: true, force: true });
}

/** Secret text shorter than this is not redacted wherever it occurs: that would garble every file. */
const MIN_REDACTED_LENGTH = 4;

/**
 * What to redact from bundles for the secrets the stack mounts: each secret's text (trimmed, as a
 * service prints it) and each of its lines, so that one line of a key file printed alone is caught.
 */
export function secretTexts(spec: StackSpec): string[] {
  const texts = spec.services.flatMap((s) =>
    s.volumes.filter((v) => v.secret === true && v.content !== undefined).map((v) => v.content as string),
  );
  const parts = texts.flatMap((t) => [t.trim(), ...t.split('\n').map((l) => l.trim())]);
  // Longest first, so that a whole secret is replaced before a line of it.
  return [...new Set(parts)]
    .filter((p) => p.length >= MIN_REDACTED_LENGTH)
    .sort((a, b) => b.length - a.length);
}
