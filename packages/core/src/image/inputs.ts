/**
 * Pure parsers for build-image's inputs. Each error is an `InputError` naming the input and showing
 * the expected form, so a bad input fails the step before anything is built or pushed.
 */
import { statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ImageReferenceError, InputError } from '../errors.js';
import { parseReference, type ImageReference } from '../reference.js';
import { RESERVED_BUILD_ARGS, RESERVED_LABELS } from './labels.js';

/** What an image is for; recorded as the `org.digestline.role` label. */
export const IMAGE_ROLES = ['runtime', 'ci-tools', 'e2e-runner'] as const;

/** A value of the `role` input. */
export type ImageRole = (typeof IMAGE_ROLES)[number];

const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Docker accepts nearly anything as a label key; whitespace and `=` would break `--label k=v`.
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const TAG = /^\w[\w.-]{0,127}$/;

/**
 * Parses `NAME=value` lines (build args or labels). Split on newlines only, so values may hold
 * commas and `=`; blank lines and lines starting with `#` are skipped; key and value are trimmed.
 * Keys must be unique, and may not be one of `reserved` (values build-image sets itself).
 *
 * @param kind `build-arg` checks names as shell-like identifiers, `label` as label keys
 * @throws InputError naming the input and the line
 */
export function parseKeyValueLines(
  text: string,
  input: string,
  kind: 'build-arg' | 'label',
  reserved: ReadonlyMap<string, string> = new Map(),
): Record<string, string> {
  const out: Record<string, string> = {};
  const form = kind === 'build-arg' ? 'NAME=value' : 'name=value';
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const where = `input "${input}" line ${index + 1} ${JSON.stringify(trimmed)}`;
    const eq = trimmed.indexOf('=');
    if (eq < 0) throw new InputError(input, `${where} must look like ${form}, one per line`);
    const key = trimmed.slice(0, eq).trim();
    const value = trimmed.slice(eq + 1).trim();
    if (kind === 'build-arg' && !BUILD_ARG_NAME.test(key)) {
      throw new InputError(
        input,
        `${where}: build argument name ${JSON.stringify(key)} must be letters, digits and "_", not starting with a digit`,
      );
    }
    if (kind === 'label' && !LABEL_KEY.test(key)) {
      throw new InputError(
        input,
        `${where}: label name ${JSON.stringify(key)} must be letters, digits, ".", "_", "/" and "-", starting with a letter or digit`,
      );
    }
    const why = reserved.get(key);
    if (why !== undefined) throw new InputError(input, `${where}: ${key} is set by build-image (${why})`);
    if (Object.hasOwn(out, key)) throw new InputError(input, `${where}: ${key} is given twice`);
    out[key] = value;
  });
  return out;
}

/** Parses the `build-args` input (`NAME=value` lines; SOURCE_DATE_EPOCH is reserved). */
export function parseBuildArgs(text: string, input = 'build-args'): Record<string, string> {
  return parseKeyValueLines(text, input, 'build-arg', RESERVED_BUILD_ARGS);
}

/** Parses the `labels` input (`name=value` lines; revision, created and role are reserved). */
export function parseLabels(text: string, input = 'labels'): Record<string, string> {
  return parseKeyValueLines(text, input, 'label', RESERVED_LABELS);
}

/**
 * Parses the `image` input: a repository (`registry/path`) without tag or digest, because the tags
 * are the commit sha plus the `tags` input, and the digest is what the build produces.
 * @throws InputError naming the input
 */
export function parseImageRepository(text: string, input = 'image'): ImageReference {
  const value = text.trim();
  if (value === '') {
    throw new InputError(
      input,
      `input "${input}" is required: set it to a repository such as 127.0.0.1:5000/app/backend`,
    );
  }
  let ref: ImageReference;
  try {
    ref = parseReference(value);
  } catch (err) {
    if (err instanceof ImageReferenceError)
      throw new InputError(input, `input "${input}": ${err.message}`, { cause: err });
    throw err;
  }
  if (ref.digest !== undefined) {
    throw new InputError(
      input,
      `input "${input}" must be a repository without digest (the digest is what this build produces); got ${JSON.stringify(value)}`,
    );
  }
  if (ref.tag !== undefined) {
    throw new InputError(
      input,
      `input "${input}" must be a repository without tag; got ${JSON.stringify(value)}: drop ":${ref.tag}" and ` +
        'list extra tags in the "tags" input (the commit sha is always a tag)',
    );
  }
  return ref;
}

/**
 * Validates the extra tags (already split into a list), dropping duplicates and the commit sha,
 * which is always pushed.
 * @throws InputError naming the input and the tag
 */
export function parseTags(tags: readonly string[], commitTag: string | undefined, input = 'tags'): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    if (!TAG.test(tag)) {
      throw new InputError(
        input,
        `input "${input}": ${JSON.stringify(tag)} is not a valid tag (up to 128 letters, digits, "_", "." and "-", ` +
          'not starting with "." or "-"; no repository or digest)',
      );
    }
    if (tag !== commitTag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** The value of `cache-from` / `cache-to` that turns the registry cache off. */
export const CACHE_NONE = 'none';

/**
 * The registry cache repository for an image when the input is empty: `<image>-buildcache`, a
 * repository of its own rather than a `:buildcache` tag, because podman's `--cache-to` tags each
 * step's layer by its cache key in the repository it is given: those many tags stay out of the
 * image's own tag list, and a registry can expire them on their own.
 */
export function defaultCacheRepository(image: ImageReference): ImageReference {
  return { ...image, repository: `${image.repository}-buildcache` };
}

/**
 * Parses `cache-from` or `cache-to`: empty gives `fallback`, `none` turns the cache off, anything
 * else must be a repository without tag or digest (the engine picks the tags).
 * @returns undefined when the cache is off
 * @throws InputError naming the input
 */
export function parseCacheRepository(
  text: string,
  input: string,
  fallback: ImageReference | undefined,
): ImageReference | undefined {
  const value = text.trim();
  if (value === '') return fallback;
  if (value === CACHE_NONE) return undefined;
  const form = `a registry repository without tag or digest, such as 127.0.0.1:5000/app/backend-buildcache, or "${CACHE_NONE}"`;
  let ref: ImageReference;
  try {
    ref = parseReference(value);
  } catch (err) {
    if (!(err instanceof ImageReferenceError)) throw err;
    throw new InputError(input, `input "${input}" must be ${form}: ${err.message}`, { cause: err });
  }
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new InputError(
      input,
      `input "${input}" must be ${form} (the engine tags the cached layers itself); got ${JSON.stringify(value)}`,
    );
  }
  return ref;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Checks the `context` input: an existing directory (resolved against `cwd`).
 * @returns the absolute path
 */
export function resolveContext(text: string, cwd = process.cwd(), input = 'context'): string {
  const value = text.trim();
  if (value === '')
    throw new InputError(input, `input "${input}" is required: set it to the build context directory`);
  const path = resolve(cwd, value);
  if (!isDirectory(path)) {
    throw new InputError(input, `input "${input}": ${value} is not a directory (resolved to ${path})`);
  }
  return path;
}

/**
 * Finds the Containerfile: the `file` input when set (relative to `cwd`, as `docker build -f`
 * reads it), else `Containerfile`, else `Dockerfile` in the context.
 * @returns the absolute path
 * @throws InputError (input `file`) when it does not exist
 */
export function resolveContainerfile(
  context: string,
  file: string | undefined,
  cwd = process.cwd(),
  input = 'file',
): string {
  if (file !== undefined && file.trim() !== '') {
    const path = isAbsolute(file) ? file : resolve(cwd, file);
    if (!isFile(path))
      throw new InputError(input, `input "${input}": ${file} is not a file (resolved to ${path})`);
    return path;
  }
  for (const name of ['Containerfile', 'Dockerfile']) {
    const path = join(context, name);
    if (isFile(path)) return path;
  }
  throw new InputError(
    input,
    `input "${input}" is empty and the context ${context} has neither a Containerfile nor a Dockerfile; ` +
      'add one or set the input to its path',
  );
}

/** Registry credentials from the two inputs; both or neither. */
export interface RegistryLogin {
  username: string;
  password: string;
}

/**
 * Checks that `registry-username` and `registry-password` come together.
 * @returns undefined when neither is set (anonymous, or the engine's stored login)
 */
export function parseRegistryLogin(
  username: string,
  password: string,
  inputs: { username: string; password: string } = {
    username: 'registry-username',
    password: 'registry-password',
  },
): RegistryLogin | undefined {
  if (username === '' && password === '') return undefined;
  if (username === '') {
    throw new InputError(
      inputs.username,
      `input "${inputs.username}" is required when "${inputs.password}" is set`,
    );
  }
  if (password === '') {
    throw new InputError(
      inputs.password,
      `input "${inputs.password}" is required when "${inputs.username}" is set`,
    );
  }
  return { username, password };
}
