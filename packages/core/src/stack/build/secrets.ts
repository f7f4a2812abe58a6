/**
 * Secrets and configs without a swarm, as Compose runs them: each is a file mounted read-only into
 * the services that name it. A `file:` is bind-mounted (the host-path rules of bind mounts apply);
 * a `content:` or `environment:` value is written by the stack into a directory of its own and
 * removed with the stack (stack/files.ts).
 */
import { posix } from 'node:path';
import type { ComposeFileDefinition, ComposeFileReference, ComposeModel } from '../compose/model.js';
import { describe, isRecord, type Path } from '../compose/document.js';
import type { VolumeMountSpec } from '../compose/types.js';
import { checkHostPath, type HostContext } from './mounts.js';
import type { Problems } from './problems.js';

/** `secrets` or `configs`. */
export type FileKind = 'secrets' | 'configs';

/** Where a declared secret or config comes from, once checked; undefined when it has an error. */
type FileSource = { file: string } | { content: string } | undefined;

/** The declared secrets and configs of a stack, checked once each. */
export interface DeclaredFiles {
  secrets: Map<string, FileSource>;
  configs: Map<string, FileSource>;
}

/** What secrets and configs are read with: the host-path rules and the job's environment. */
export interface FileContext extends HostContext {
  env: Readonly<Record<string, string | undefined>>;
}

const SINGULAR: Record<FileKind, string> = { secrets: 'secret', configs: 'config' };

/** Top-level `secrets` and `configs`: each checked once, whether or not a service uses it. */
export function declaredFiles(model: ComposeModel, ctx: FileContext, problems: Problems): DeclaredFiles {
  return {
    secrets: definitions(model, 'secrets', ctx, problems),
    configs: definitions(model, 'configs', ctx, problems),
  };
}

function definitions(
  model: ComposeModel,
  kind: FileKind,
  ctx: FileContext,
  problems: Problems,
): Map<string, FileSource> {
  const out = new Map<string, FileSource>();
  for (const [name, definition] of Object.entries(model[kind] ?? {})) {
    const at: Path = [kind, name];
    out.set(name, isRecord(definition) ? definitionSource(at, kind, definition, ctx, problems) : undefined);
    if (!isRecord(definition)) problems.error(at, `must be a mapping, got ${describe(definition)}`);
  }
  return out;
}

function definitionSource(
  at: Path,
  kind: FileKind,
  d: ComposeFileDefinition,
  ctx: FileContext,
  problems: Problems,
): FileSource {
  const what = SINGULAR[kind];
  for (const key of Object.keys(d)) {
    if (!['name', 'file', 'content', 'environment', 'external'].includes(key) && !key.startsWith('x-')) {
      problems.error(
        [...at, key],
        `${what} option ${key} is not supported; use file:, content: or environment:`,
      );
    }
  }
  if (d.external === true) {
    problems.error(
      [...at, 'external'],
      `external ${kind} need a swarm, which digestline does not run; use file:, content: or environment:`,
    );
    return undefined;
  }
  if (typeof d.file === 'string') {
    const checked = checkHostPath([...at, 'file'], d.file, `${what} file`, ctx, problems);
    if (checked === undefined) return undefined;
    if (!checked.exists) {
      problems.error(
        [...at, 'file'],
        `${what} file ${d.file} does not exist; create it in an earlier step or fix the path`,
      );
      return undefined;
    }
    return { file: checked.real };
  }
  if (typeof d.content === 'string') return { content: d.content };
  if (typeof d.environment === 'string') {
    const value = ctx.env[d.environment];
    if (value === undefined) {
      problems.error(
        [...at, 'environment'],
        `environment variable ${d.environment} is not set in the job's environment; set it (env: of the step) or use file:`,
      );
      return undefined;
    }
    return { content: value };
  }
  problems.error(at, `${what} ${JSON.stringify(at[1])} needs file:, content: or environment:`);
  return undefined;
}

/** Where a reference mounts: secrets under /run/secrets unless absolute, configs at `/<source>` by default. */
function targetOf(kind: FileKind, ref: ComposeFileReference): string {
  const target = ref.target ?? (kind === 'secrets' ? ref.source : `/${ref.source}`);
  if (posix.isAbsolute(target)) return target;
  return kind === 'secrets' ? posix.join('/run/secrets', target) : posix.join('/', target);
}

/** A service's `secrets` or `configs` (long syntax, as normalised) → read-only file mounts. */
export function buildFileMounts(
  at: Path,
  kind: FileKind,
  value: unknown,
  declared: DeclaredFiles,
  problems: Problems,
): VolumeMountSpec[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.error(at, `must be a list of ${kind}, got ${describe(value)}`);
    return [];
  }
  const mounts: VolumeMountSpec[] = [];
  value.forEach((item: unknown, i) => {
    const where = [...at, i];
    if (!isRecord(item) || typeof item.source !== 'string') {
      problems.error(where, `must name a ${SINGULAR[kind]} (source), got ${describe(item)}`);
      return;
    }
    const ref = item as unknown as ComposeFileReference;
    if (!declared[kind].has(ref.source)) {
      problems.error(
        where,
        `${SINGULAR[kind]} ${JSON.stringify(ref.source)} is not declared under the top-level ${kind} key`,
      );
      return;
    }
    const source = declared[kind].get(ref.source);
    // Its definition has an error, reported there.
    if (source === undefined) return;
    const target = targetOf(kind, ref);
    const owner = (['uid', 'gid'] as const).filter((k) => ref[k] !== undefined);
    if ('file' in source) {
      for (const key of [...owner, ...(ref.mode !== undefined ? ['mode' as const] : [])]) {
        problems.warning(
          [...where, key],
          `ignored for file ${kind}, as Compose does: the file is mounted as it is`,
        );
      }
      mounts.push({ bind: source.file, target, readonly: true });
      return;
    }
    for (const key of owner) {
      problems.warning(
        [...where, key],
        'ignored: the file belongs to the user the stack runs as (mode is honoured)',
      );
    }
    const mount: VolumeMountSpec = { content: source.content, target, readonly: true };
    if (typeof ref.mode === 'number') mount.mode = ref.mode;
    if (kind === 'secrets') mount.secret = true;
    mounts.push(mount);
  });
  return mounts;
}
