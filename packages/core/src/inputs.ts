/**
 * Action input readers. Each `get*` reads the input (env `INPUT_<NAME>`, trimmed, as `core.getInput`) and
 * hands the text to a pure `parse*` function, so the parsing is table-testable without env.
 * Every error is an `InputError` whose message names the input and shows the expected form.
 */
import { getInput } from './commands.js';
import { InputError, ImageReferenceError } from './errors.js';
import { parseReference, pinImage, type ImageReference, type PinnedImage } from './reference.js';

/** A named set of digest-pinned images, in the order the input listed them. */
export type ImageSet = PinnedImage[];

const DIGEST_FORM = '<repository>@sha256:<64 lowercase hex>';

function quote(text: string): string {
  return JSON.stringify(text);
}

/** The raw, trimmed text of input `name` (empty when unset). */
function raw(name: string): string {
  return getInput(name);
}

function required(name: string, what: string): never {
  throw new InputError(name, `input "${name}" is required: set it to ${what}`);
}

/**
 * Splits a list input on newlines and commas. A field may be double-quoted to hold commas
 * (`"a,b"`), with `""` for a literal quote. Unquoted fields are trimmed; blank fields are dropped.
 * @throws InputError on an unterminated quote or text after a closing quote
 */
export function parseList(text: string, input = 'list'): string[] {
  const items: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    let value: string;
    if (text[i] === '"') {
      const start = i;
      value = '';
      i++;
      for (;;) {
        if (i >= n)
          throw new InputError(input, `input "${input}" has an unterminated quote: ${text.slice(start)}`);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++;
      if (i < n && text[i] !== ',' && text[i] !== '\n') {
        throw new InputError(
          input,
          `input "${input}" has text after a closing quote at ${quote(text.slice(start, i + 1))}; ` +
            'quote the whole item and write "" for a literal quote',
        );
      }
    } else {
      const start = i;
      while (i < n && text[i] !== ',' && text[i] !== '\n') i++;
      value = text.slice(start, i).trim();
    }
    if (value.trim() !== '') items.push(value);
    i++; // past the separator (or past the end, which ends the loop)
  }
  return items;
}

/**
 * Reads a list input (newline and/or comma separated; see `parseList`).
 * @throws InputError when `required` and the list is empty
 */
export function getList(name: string, options: { required?: boolean } = {}): string[] {
  const items = parseList(raw(name), name);
  if (options.required && items.length === 0)
    required(name, 'one or more values, one per line or comma-separated');
  return items;
}

/**
 * Parses a boolean input. Empty means `defaultValue`; `true`/`True`/`TRUE` and the same for false
 * (the YAML 1.2 core spellings that @actions/core accepts) are accepted; anything else is an error.
 */
export function parseBoolean(text: string, input: string, defaultValue: boolean): boolean {
  const value = text.trim();
  if (value === '') return defaultValue;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(input, `input "${input}" must be true or false, got ${quote(value)}`);
}

/** Reads a boolean input; empty means `defaultValue` (unlike `core.getBooleanInput`, which throws). */
export function getBoolean(name: string, defaultValue: boolean): boolean {
  return parseBoolean(raw(name), name, defaultValue);
}

/** Parses an input that must be one of `values` (case-sensitive); empty means `defaultValue`. */
export function parseEnum<T extends string>(
  text: string,
  input: string,
  values: readonly T[],
  defaultValue: T,
): T {
  const value = text.trim();
  if (value === '') return defaultValue;
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new InputError(input, `input "${input}" must be one of ${values.join(', ')}; got ${quote(value)}`);
}

/** Reads an input that must be one of `values`; empty means `defaultValue`. */
export function getEnum<T extends string>(name: string, values: readonly T[], defaultValue: T): T {
  return parseEnum(raw(name), name, values, defaultValue);
}

const DURATION_UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const DURATION_FORM = 'a duration such as 500ms, 90s, 5m, 1h or 1m30s';

/**
 * Parses a duration (`500ms`, `90s`, `5m`, `1h`, `1m30s`, `1.5h`; `0` alone is allowed) into
 * milliseconds, rounded to a whole millisecond. A bare number other than 0 is refused: the unit
 * would be a guess.
 */
export function parseDuration(text: string, input = 'duration'): number {
  const value = text.trim();
  if (value === '0') return 0;
  if (!DURATION.test(value)) {
    const hint = /^\d+(?:\.\d+)?$/.test(value) ? ` (add a unit, e.g. ${value}s)` : '';
    throw new InputError(input, `input "${input}" must be ${DURATION_FORM}; got ${quote(value)}${hint}`);
  }
  let ms = 0;
  for (const [, amount, unit] of value.matchAll(DURATION_PART)) {
    ms += Number(amount) * DURATION_UNIT_MS[unit as keyof typeof DURATION_UNIT_MS];
  }
  ms = Math.round(ms);
  if (!Number.isSafeInteger(ms))
    throw new InputError(input, `input "${input}" is too long a duration: ${value}`);
  return ms;
}

/** Reads a duration input in milliseconds (see `parseDuration`); empty means `defaultMs`. */
export function getDuration(name: string, defaultMs: number): number {
  const text = raw(name);
  return text === '' ? defaultMs : parseDuration(text, name);
}

/** Options for `getString`. */
export interface StringOptions {
  /** Empty is an error. */
  required?: boolean;
  /** Value used when the input is empty (and not required). */
  default?: string;
}

/** Reads a string input (trimmed). Empty gives `default` (or `''`), or an error when `required`. */
export function getString(name: string, options: StringOptions = {}): string {
  const value = raw(name);
  if (value !== '') return value;
  if (options.required) required(name, 'a non-empty value');
  return options.default ?? '';
}

/** Options for `parseInt`/`getInt`. */
export interface IntOptions {
  min?: number;
  max?: number;
  /** Value used when the input is empty; without it an empty input is an error. */
  default?: number;
}

function intRange(options: IntOptions): string {
  if (options.min !== undefined && options.max !== undefined) return ` from ${options.min} to ${options.max}`;
  if (options.min !== undefined) return ` of at least ${options.min}`;
  if (options.max !== undefined) return ` of at most ${options.max}`;
  return '';
}

/** Parses a decimal integer input, checking `min`/`max`; empty gives `default` or an error. */
export function parseInteger(text: string, input: string, options: IntOptions = {}): number {
  const value = text.trim();
  const expected = `a whole number${intRange(options)}`;
  if (value === '') {
    if (options.default !== undefined) return options.default;
    required(input, expected);
  }
  const n = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
  if (
    !Number.isSafeInteger(n) ||
    (options.min !== undefined && n < options.min) ||
    (options.max !== undefined && n > options.max)
  ) {
    throw new InputError(input, `input "${input}" must be ${expected}; got ${quote(value)}`);
  }
  return n;
}

/** Reads an integer input (see `parseInteger`). */
export function getInt(name: string, options: IntOptions = {}): number {
  return parseInteger(raw(name), name, options);
}

/** Options for `parseImageRef`/`getImageRef`. */
export interface ImageRefOptions {
  /** Refuse references without a digest. */
  requireDigest?: boolean;
  /** Empty is an error (default true); when false, empty gives `undefined`. */
  required?: boolean;
}

/**
 * Parses an image reference input (see `parseReference`).
 * @throws InputError naming the input, with the reference parser's reason
 */
export function parseImageRef(text: string, input: string, options: ImageRefOptions = {}): ImageReference {
  const value = text.trim();
  if (value === '') {
    required(
      input,
      options.requireDigest ? DIGEST_FORM : 'an image reference such as registry/repository:tag',
    );
  }
  let ref: ImageReference;
  try {
    ref = parseReference(value);
  } catch (err) {
    if (err instanceof ImageReferenceError) {
      throw new InputError(input, `input "${input}": ${err.message}`, { cause: err });
    }
    throw err;
  }
  if (options.requireDigest && ref.digest === undefined) {
    throw new InputError(
      input,
      `input "${input}" must be pinned by digest (${DIGEST_FORM}); got ${quote(value)}`,
    );
  }
  return ref;
}

/** Reads an image reference input; empty is an error unless `required: false` (then `undefined`). */
export function getImageRef(
  name: string,
  options: ImageRefOptions & { required: false },
): ImageReference | undefined;
export function getImageRef(name: string, options?: ImageRefOptions): ImageReference;
export function getImageRef(name: string, options: ImageRefOptions = {}): ImageReference | undefined {
  const text = raw(name);
  if (text === '' && options.required === false) return undefined;
  return parseImageRef(text, name, options);
}

const IMAGE_SET_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * Parses an image set: entries `name=repository@sha256:<64 hex>`, one per line or comma-separated,
 * blank lines and `#` comment lines ignored. Names are `[a-z0-9][a-z0-9_-]*` and unique; every
 * reference must be pinned by digest and carry no tag (a tag next to a digest is ignored on pull
 * and would only mislead).
 */
export function parseImageSet(text: string, input: string): ImageSet {
  const entries = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const set: ImageSet = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const where = `input "${input}" entry ${index + 1} ${quote(entry)}`;
    const eq = entry.indexOf('=');
    if (eq < 0) throw new InputError(input, `${where} must look like name=${DIGEST_FORM}`);
    const name = entry.slice(0, eq).trim();
    const refText = entry.slice(eq + 1).trim();
    if (!IMAGE_SET_NAME.test(name)) {
      throw new InputError(
        input,
        `${where}: name ${quote(name)} must be lowercase letters, digits, "_" and "-", starting with a letter or digit`,
      );
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new InputError(
        input,
        `input "${input}": name ${quote(name)} appears twice (entries ${first} and ${index + 1}); names must be unique`,
      );
    }
    seen.set(name, index + 1);
    let ref: ImageReference;
    try {
      ref = parseReference(refText);
    } catch (err) {
      if (err instanceof ImageReferenceError)
        throw new InputError(input, `${where}: ${err.message}`, { cause: err });
      throw err;
    }
    if (ref.tag !== undefined) {
      const nameText = refText.split('@')[0] ?? refText;
      const untagged = nameText.slice(0, nameText.length - ref.tag.length - 1);
      throw new InputError(
        input,
        `${where}: tags are refused where a digest is required; write ${name}=${untagged}@${ref.digest ?? 'sha256:<64 lowercase hex>'}`,
      );
    }
    if (ref.digest === undefined) {
      throw new InputError(
        input,
        `${where}: the image must be pinned by digest; write ${name}=${DIGEST_FORM}`,
      );
    }
    set.push(pinImage(name, ref));
  });
  return set;
}

/**
 * Reads an image set input (see `parseImageSet`).
 * @throws InputError when empty (unless `required: false`, which gives `[]`) or invalid
 */
export function getImageSet(name: string, options: { required?: boolean } = {}): ImageSet {
  const set = parseImageSet(raw(name), name);
  if (set.length === 0 && options.required !== false) required(name, `one or more lines name=${DIGEST_FORM}`);
  return set;
}
