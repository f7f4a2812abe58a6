/**
 * Moving tags at the target, the last step of a copy: evidence tags go as they are; image tags go
 * together, and when one fails the ones already moved are put back where they were.
 */
import { errorMessage } from '../errors.js';
import { getManifestOrUndefined } from '../evidence/registry.js';
import type { FetchedManifest } from '../registry/manifests.js';
import type { Log } from '../log.js';
import type { RegistryClient } from '../registry/client.js';
import { settleAll } from './limit.js';

/** A tag to point at a manifest that is already present by digest. */
export interface TagMove {
  target: Pick<RegistryClient, 'registry' | 'getManifest' | 'headManifest' | 'putManifest'>;
  repo: string;
  tag: string;
  manifest: Pick<FetchedManifest, 'digest' | 'bytes' | 'mediaType'>;
}

/** How many tags a copy moved, and how many already pointed where they should. */
export interface TagCounts {
  moved: number;
  unchanged: number;
}

/** A copy failed while moving image tags; `rolledBack` says which tags were put back. */
export class TagMoveError extends Error {
  override readonly name = 'TagMoveError';
  constructor(
    message: string,
    readonly rolledBack: string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function tagName(t: TagMove): string {
  return `${t.target.registry}/${t.repo}:${t.tag}`;
}

/**
 * Points a tag at its manifest unless it is there already.
 *
 * @returns whether the tag moved
 */
export async function moveTag(t: TagMove): Promise<boolean> {
  const current = await t.target.headManifest(t.repo, t.tag);
  if (current?.digest === t.manifest.digest) return false;
  await t.target.putManifest(t.repo, t.tag, t.manifest.bytes, t.manifest.mediaType);
  return true;
}

/**
 * Reads where each image tag points now (the state {@link moveImageTags} puts back on failure). Its
 * rejection is observed at once, so a read abandoned after an earlier failure is harmless.
 */
export function readImageTags(tags: readonly TagMove[]): Promise<Array<FetchedManifest | undefined>> {
  const read = settleAll(
    tags.map((t) => getManifestOrUndefined(t.target, t.repo, t.tag)),
    'reading the target tags',
  );
  read.catch(() => undefined);
  return read;
}

/**
 * Moves every image tag, counting into `counts`. Where each tag points is read first (or taken from
 * `current`, a {@link readImageTags} started just before), to put it back if another move fails.
 *
 * @throws TagMoveError when any move failed, after putting back the tags that had moved
 */
export async function moveImageTags(
  tags: readonly TagMove[],
  counts: TagCounts,
  log: Log,
  current?: Promise<Array<FetchedManifest | undefined>>,
): Promise<void> {
  const before = await (current ?? readImageTags(tags));
  const moved: number[] = [];
  const results = await Promise.allSettled(
    tags.map(async (t, i) => {
      if (before[i]?.digest === t.manifest.digest) {
        counts.unchanged++;
        return;
      }
      await t.target.putManifest(t.repo, t.tag, t.manifest.bytes, t.manifest.mediaType);
      moved.push(i);
      counts.moved++;
      log.debug(`tag ${tagName(t)} → ${t.manifest.digest}`);
    }),
  );
  const failed = results.flatMap((r, i) =>
    r.status === 'rejected' ? [{ i, reason: r.reason as unknown }] : [],
  );
  if (failed.length === 0) return;
  const { rolledBack, notRolledBack } = await putBack(
    moved.map((i) => ({ tag: tags[i]!, previous: before[i] })),
  );
  const reasons = failed.map(({ i, reason }) => `${tagName(tags[i]!)}: ${errorMessage(reason)}`);
  throw new TagMoveError(
    `moving the image tags failed: ${reasons.join('; ')}` +
      (rolledBack.length > 0 ? `; put back: ${rolledBack.join(', ')}` : '') +
      (notRolledBack.length > 0 ? `; NOT put back: ${notRolledBack.join(', ')}` : ''),
    rolledBack,
    { cause: failed[0]!.reason },
  );
}

/** Puts moved tags back at the manifest each pointed at before, one after the other. */
async function putBack(
  moved: ReadonlyArray<{ tag: TagMove; previous: FetchedManifest | undefined }>,
): Promise<{ rolledBack: string[]; notRolledBack: string[] }> {
  const rolledBack: string[] = [];
  const notRolledBack: string[] = [];
  for (const { tag: t, previous } of moved) {
    const name = tagName(t);
    if (previous === undefined) {
      // Distribution cannot delete a tag without deleting the manifest (and every other tag of it).
      notRolledBack.push(`${name} (it did not exist before; it now points at ${t.manifest.digest})`);
      continue;
    }
    try {
      await t.target.putManifest(t.repo, t.tag, previous.bytes, previous.mediaType);
      rolledBack.push(`${name} → ${previous.digest}`);
    } catch (err) {
      notRolledBack.push(`${name} (${errorMessage(err)})`);
    }
  }
  return { rolledBack, notRolledBack };
}
