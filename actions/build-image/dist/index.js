import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2008:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   tY: () => (/* binding */ Outputs)
/* harmony export */ });
/** Names as written in action.yml; a test holds the two together. */
const Inputs = {
    Context: 'context',
    File: 'file',
    Image: 'image',
    Tags: 'tags',
    BuildArgs: 'build-args',
    Labels: 'labels',
    Target: 'target',
    Policy: 'policy',
    Role: 'role',
    Push: 'push',
    Engine: 'engine',
    CacheFrom: 'cache-from',
    CacheTo: 'cache-to',
    RegistryUsername: 'registry-username',
    RegistryPassword: 'registry-password',
};
const Outputs = {
    Digest: 'digest',
    Image: 'image',
    Size: 'size',
    Metadata: 'metadata',
    PolicyReport: 'policy-report',
};
const State = {
    /** The step's private registry auth directory, while it exists. */
    AuthDir: 'auth-dir',
};


/***/ }),

/***/ 3313:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  EW: () => (/* binding */ getBuildRequest),
  GP: () => (/* binding */ getInputs),
  $0: () => (/* binding */ needsLogin)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(637);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __nccwpck_require__(1397);
;// CONCATENATED MODULE: ./packages/core/src/image/labels.ts
/** OCI annotation: the commit the image was built from. */
const LABEL_REVISION = 'org.opencontainers.image.revision';
/** OCI annotation: where the source lives (`GITHUB_SERVER_URL/GITHUB_REPOSITORY`). */
const LABEL_SOURCE = 'org.opencontainers.image.source';
/** OCI annotation: creation time, RFC 3339; build-image uses the commit time, not the clock. */
const LABEL_CREATED = 'org.opencontainers.image.created';
/** digestline: what the image is for (`runtime`, `ci-tools`, `e2e-runner`). */
const LABEL_ROLE = 'org.digestline.role';
/** Build argument carrying the commit time (seconds since the epoch), the reproducible-builds convention. */
const SOURCE_DATE_EPOCH = 'SOURCE_DATE_EPOCH';
/** Labels the `labels` input may not set, with the reason shown in the error. */
const RESERVED_LABELS = new Map([
    [LABEL_REVISION, 'the commit sha'],
    [LABEL_CREATED, 'the commit time'],
    [LABEL_ROLE, 'use the "role" input'],
]);
/** Build arguments the `build-args` input may not set. */
const RESERVED_BUILD_ARGS = new Map([
    [SOURCE_DATE_EPOCH, 'the commit time'],
]);
/**
 * The full label set: the user's labels, then the ones build-image owns. `source` is only added when
 * known, and a user's `org.opencontainers.image.source` wins (e.g. to point at a public mirror).
 */
function assembleLabels(extra, commit, role) {
    const labels = {};
    if (commit.source !== undefined)
        labels[LABEL_SOURCE] = commit.source;
    Object.assign(labels, extra);
    labels[LABEL_REVISION] = commit.revision;
    labels[LABEL_CREATED] = commit.created;
    labels[LABEL_ROLE] = role;
    return labels;
}
/** The user's build arguments plus `SOURCE_DATE_EPOCH` (the commit time). */
function assembleBuildArgs(extra, commit) {
    return { ...extra, [SOURCE_DATE_EPOCH]: String(commit.epoch) };
}

;// CONCATENATED MODULE: ./packages/core/src/image/inputs.ts
/**
 * Pure parsers for build-image's inputs. Each error is an `InputError` naming the input and showing
 * the expected form, so a bad input fails the step before anything is built or pushed.
 */





/** What an image is for; recorded as the `org.digestline.role` label. */
const IMAGE_ROLES = ['runtime', 'ci-tools', 'e2e-runner'];
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
function parseKeyValueLines(text, input, kind, reserved = new Map()) {
    const out = {};
    const form = kind === 'build-arg' ? 'NAME=value' : 'name=value';
    text.split(/\r?\n/).forEach((line, index) => {
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            return;
        const where = `input "${input}" line ${index + 1} ${JSON.stringify(trimmed)}`;
        const eq = trimmed.indexOf('=');
        if (eq < 0)
            throw new errors/* InputError */.dz(input, `${where} must look like ${form}, one per line`);
        const key = trimmed.slice(0, eq).trim();
        const value = trimmed.slice(eq + 1).trim();
        if (kind === 'build-arg' && !BUILD_ARG_NAME.test(key)) {
            throw new errors/* InputError */.dz(input, `${where}: build argument name ${JSON.stringify(key)} must be letters, digits and "_", not starting with a digit`);
        }
        if (kind === 'label' && !LABEL_KEY.test(key)) {
            throw new errors/* InputError */.dz(input, `${where}: label name ${JSON.stringify(key)} must be letters, digits, ".", "_", "/" and "-", starting with a letter or digit`);
        }
        const why = reserved.get(key);
        if (why !== undefined)
            throw new errors/* InputError */.dz(input, `${where}: ${key} is set by build-image (${why})`);
        if (Object.hasOwn(out, key))
            throw new errors/* InputError */.dz(input, `${where}: ${key} is given twice`);
        out[key] = value;
    });
    return out;
}
/** Parses the `build-args` input (`NAME=value` lines; SOURCE_DATE_EPOCH is reserved). */
function parseBuildArgs(text, input = 'build-args') {
    return parseKeyValueLines(text, input, 'build-arg', RESERVED_BUILD_ARGS);
}
/** Parses the `labels` input (`name=value` lines; revision, created and role are reserved). */
function parseLabels(text, input = 'labels') {
    return parseKeyValueLines(text, input, 'label', RESERVED_LABELS);
}
/**
 * Parses the `image` input: a repository (`registry/path`) without tag or digest, because the tags
 * are the commit sha plus the `tags` input, and the digest is what the build produces.
 * @throws InputError naming the input
 */
function parseImageRepository(text, input = 'image') {
    const value = text.trim();
    if (value === '') {
        throw new errors/* InputError */.dz(input, `input "${input}" is required: set it to a repository such as 127.0.0.1:5000/app/backend`);
    }
    let ref;
    try {
        ref = (0,reference/* parseReference */.F2)(value);
    }
    catch (err) {
        if (err instanceof errors/* ImageReferenceError */.rI)
            throw new errors/* InputError */.dz(input, `input "${input}": ${err.message}`, { cause: err });
        throw err;
    }
    if (ref.digest !== undefined) {
        throw new errors/* InputError */.dz(input, `input "${input}" must be a repository without digest (the digest is what this build produces); got ${JSON.stringify(value)}`);
    }
    if (ref.tag !== undefined) {
        throw new errors/* InputError */.dz(input, `input "${input}" must be a repository without tag; got ${JSON.stringify(value)}: drop ":${ref.tag}" and ` +
            'list extra tags in the "tags" input (the commit sha is always a tag)');
    }
    return ref;
}
/**
 * Validates the extra tags (already split into a list), dropping duplicates and the commit sha,
 * which is always pushed.
 * @throws InputError naming the input and the tag
 */
function parseTags(tags, commitTag, input = 'tags') {
    const out = [];
    for (const tag of tags) {
        if (!TAG.test(tag)) {
            throw new errors/* InputError */.dz(input, `input "${input}": ${JSON.stringify(tag)} is not a valid tag (up to 128 letters, digits, "_", "." and "-", ` +
                'not starting with "." or "-"; no repository or digest)');
        }
        if (tag !== commitTag && !out.includes(tag))
            out.push(tag);
    }
    return out;
}
/** The value of `cache-from` / `cache-to` that turns the registry cache off. */
const CACHE_NONE = 'none';
/**
 * The registry cache repository for an image when the input is empty: `<image>-buildcache`, a
 * repository of its own rather than a `:buildcache` tag, because podman's `--cache-to` tags each
 * step's layer by its cache key in the repository it is given: those many tags stay out of the
 * image's own tag list, and a registry can expire them on their own.
 */
function defaultCacheRepository(image) {
    return { ...image, repository: `${image.repository}-buildcache` };
}
/**
 * Parses `cache-from` or `cache-to`: empty gives `fallback`, `none` turns the cache off, anything
 * else must be a repository without tag or digest (the engine picks the tags).
 * @returns undefined when the cache is off
 * @throws InputError naming the input
 */
function parseCacheRepository(text, input, fallback) {
    const value = text.trim();
    if (value === '')
        return fallback;
    if (value === CACHE_NONE)
        return undefined;
    const form = `a registry repository without tag or digest, such as 127.0.0.1:5000/app/backend-buildcache, or "${CACHE_NONE}"`;
    let ref;
    try {
        ref = (0,reference/* parseReference */.F2)(value);
    }
    catch (err) {
        if (!(err instanceof errors/* ImageReferenceError */.rI))
            throw err;
        throw new errors/* InputError */.dz(input, `input "${input}" must be ${form}: ${err.message}`, { cause: err });
    }
    if (ref.tag !== undefined || ref.digest !== undefined) {
        throw new errors/* InputError */.dz(input, `input "${input}" must be ${form} (the engine tags the cached layers itself); got ${JSON.stringify(value)}`);
    }
    return ref;
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
function isFile(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}
/**
 * Checks the `context` input: an existing directory (resolved against `cwd`).
 * @returns the absolute path
 */
function resolveContext(text, cwd = process.cwd(), input = 'context') {
    const value = text.trim();
    if (value === '')
        throw new errors/* InputError */.dz(input, `input "${input}" is required: set it to the build context directory`);
    const path = (0,external_node_path_.resolve)(cwd, value);
    if (!isDirectory(path)) {
        throw new errors/* InputError */.dz(input, `input "${input}": ${value} is not a directory (resolved to ${path})`);
    }
    return path;
}
/**
 * Finds the Containerfile: the `file` input when set (relative to `cwd`, as `docker build -f`
 * reads it), else `Containerfile`, else `Dockerfile` in the context.
 * @returns the absolute path
 * @throws InputError (input `file`) when it does not exist
 */
function resolveContainerfile(context, file, cwd = process.cwd(), input = 'file') {
    if (file !== undefined && file.trim() !== '') {
        const path = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.resolve)(cwd, file);
        if (!isFile(path))
            throw new errors/* InputError */.dz(input, `input "${input}": ${file} is not a file (resolved to ${path})`);
        return path;
    }
    for (const name of ['Containerfile', 'Dockerfile']) {
        const path = (0,external_node_path_.join)(context, name);
        if (isFile(path))
            return path;
    }
    throw new errors/* InputError */.dz(input, `input "${input}" is empty and the context ${context} has neither a Containerfile nor a Dockerfile; ` +
        'add one or set the input to its path');
}
/**
 * Checks that `registry-username` and `registry-password` come together.
 * @returns undefined when neither is set (anonymous, or the engine's stored login)
 */
function parseRegistryLogin(username, password, inputs = {
    username: 'registry-username',
    password: 'registry-password',
}) {
    if (username === '' && password === '')
        return undefined;
    if (username === '') {
        throw new errors/* InputError */.dz(inputs.username, `input "${inputs.username}" is required when "${inputs.password}" is set`);
    }
    if (password === '') {
        throw new errors/* InputError */.dz(inputs.password, `input "${inputs.password}" is required when "${inputs.username}" is set`);
    }
    return { username, password };
}

// EXTERNAL MODULE: ./packages/core/src/step.ts
var step = __nccwpck_require__(4412);
// EXTERNAL MODULE: ./packages/core/src/engine/choices.ts
var choices = __nccwpck_require__(6255);
// EXTERNAL MODULE: ./packages/core/src/commands.ts
var commands = __nccwpck_require__(508);
;// CONCATENATED MODULE: ./packages/core/src/inputs.ts
/**
 * Action input readers. Each `get*` reads the input (env `INPUT_<NAME>`, trimmed, as `core.getInput`) and
 * hands the text to a pure `parse*` function, so the parsing is table-testable without env.
 * Every error is an `InputError` whose message names the input and shows the expected form.
 */



const DIGEST_FORM = '<repository>@sha256:<64 lowercase hex>';
function quote(text) {
    return JSON.stringify(text);
}
/** The raw, trimmed text of input `name` (empty when unset). */
function raw(name) {
    return (0,commands/* getInput */.V4)(name);
}
function required(name, what) {
    throw new errors/* InputError */.dz(name, `input "${name}" is required: set it to ${what}`);
}
/**
 * Splits a list input on newlines and commas. A field may be double-quoted to hold commas
 * (`"a,b"`), with `""` for a literal quote. Unquoted fields are trimmed; blank fields are dropped.
 * @throws InputError on an unterminated quote or text after a closing quote
 */
function parseList(text, input = 'list') {
    const items = [];
    let i = 0;
    const n = text.length;
    while (i <= n) {
        while (i < n && (text[i] === ' ' || text[i] === '\t'))
            i++;
        let value;
        if (text[i] === '"') {
            const start = i;
            value = '';
            i++;
            for (;;) {
                if (i >= n)
                    throw new errors/* InputError */.dz(input, `input "${input}" has an unterminated quote: ${text.slice(start)}`);
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
            while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r'))
                i++;
            if (i < n && text[i] !== ',' && text[i] !== '\n') {
                throw new errors/* InputError */.dz(input, `input "${input}" has text after a closing quote at ${quote(text.slice(start, i + 1))}; ` +
                    'quote the whole item and write "" for a literal quote');
            }
        }
        else {
            const start = i;
            while (i < n && text[i] !== ',' && text[i] !== '\n')
                i++;
            value = text.slice(start, i).trim();
        }
        if (value.trim() !== '')
            items.push(value);
        i++; // past the separator (or past the end, which ends the loop)
    }
    return items;
}
/**
 * Reads a list input (newline and/or comma separated; see `parseList`).
 * @throws InputError when `required` and the list is empty
 */
function getList(name, options = {}) {
    const items = parseList(raw(name), name);
    if (options.required && items.length === 0)
        required(name, 'one or more values, one per line or comma-separated');
    return items;
}
/**
 * Parses a boolean input. Empty means `defaultValue`; `true`/`True`/`TRUE` and the same for false
 * (the YAML 1.2 core spellings that @actions/core accepts) are accepted; anything else is an error.
 */
function parseBoolean(text, input, defaultValue) {
    const value = text.trim();
    if (value === '')
        return defaultValue;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new errors/* InputError */.dz(input, `input "${input}" must be true or false, got ${quote(value)}`);
}
/** Reads a boolean input; empty means `defaultValue` (unlike `core.getBooleanInput`, which throws). */
function getBoolean(name, defaultValue) {
    return parseBoolean(raw(name), name, defaultValue);
}
/** Parses an input that must be one of `values` (case-sensitive); empty means `defaultValue`. */
function parseEnum(text, input, values, defaultValue) {
    const value = text.trim();
    if (value === '')
        return defaultValue;
    if (values.includes(value))
        return value;
    throw new errors/* InputError */.dz(input, `input "${input}" must be one of ${values.join(', ')}; got ${quote(value)}`);
}
/** Reads an input that must be one of `values`; empty means `defaultValue`. */
function getEnum(name, values, defaultValue) {
    return parseEnum(raw(name), name, values, defaultValue);
}
const DURATION_UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const DURATION_FORM = 'a duration such as 500ms, 90s, 5m, 1h or 1m30s';
/**
 * Parses a duration (`500ms`, `90s`, `5m`, `1h`, `1m30s`, `1.5h`; `0` alone is allowed) into
 * milliseconds, rounded to a whole millisecond. A bare number other than 0 is refused: the unit
 * would be a guess.
 */
function parseDuration(text, input = 'duration') {
    const value = text.trim();
    if (value === '0')
        return 0;
    if (!DURATION.test(value)) {
        const hint = /^\d+(?:\.\d+)?$/.test(value) ? ` (add a unit, e.g. ${value}s)` : '';
        throw new InputError(input, `input "${input}" must be ${DURATION_FORM}; got ${quote(value)}${hint}`);
    }
    let ms = 0;
    for (const [, amount, unit] of value.matchAll(DURATION_PART)) {
        ms += Number(amount) * DURATION_UNIT_MS[unit];
    }
    ms = Math.round(ms);
    if (!Number.isSafeInteger(ms))
        throw new InputError(input, `input "${input}" is too long a duration: ${value}`);
    return ms;
}
/** Reads a duration input in milliseconds (see `parseDuration`); empty means `defaultMs`. */
function getDuration(name, defaultMs) {
    const text = raw(name);
    return text === '' ? defaultMs : parseDuration(text, name);
}
/** Reads a string input (trimmed). Empty gives `default` (or `''`), or an error when `required`. */
function getString(name, options = {}) {
    const value = raw(name);
    if (value !== '')
        return value;
    if (options.required)
        required(name, 'a non-empty value');
    return options.default ?? '';
}
function intRange(options) {
    if (options.min !== undefined && options.max !== undefined)
        return ` from ${options.min} to ${options.max}`;
    if (options.min !== undefined)
        return ` of at least ${options.min}`;
    if (options.max !== undefined)
        return ` of at most ${options.max}`;
    return '';
}
/** Parses a decimal integer input, checking `min`/`max`; empty gives `default` or an error. */
function parseInteger(text, input, options = {}) {
    const value = text.trim();
    const expected = `a whole number${intRange(options)}`;
    if (value === '') {
        if (options.default !== undefined)
            return options.default;
        required(input, expected);
    }
    const n = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) ||
        (options.min !== undefined && n < options.min) ||
        (options.max !== undefined && n > options.max)) {
        throw new InputError(input, `input "${input}" must be ${expected}; got ${quote(value)}`);
    }
    return n;
}
/** Reads an integer input (see `parseInteger`). */
function getInt(name, options = {}) {
    return parseInteger(raw(name), name, options);
}
/**
 * Parses an image reference input (see `parseReference`).
 * @throws InputError naming the input, with the reference parser's reason
 */
function parseImageRef(text, input, options = {}) {
    const value = text.trim();
    if (value === '') {
        required(input, options.requireDigest ? DIGEST_FORM : 'an image reference such as registry/repository:tag');
    }
    let ref;
    try {
        ref = parseReference(value);
    }
    catch (err) {
        if (err instanceof ImageReferenceError) {
            throw new InputError(input, `input "${input}": ${err.message}`, { cause: err });
        }
        throw err;
    }
    if (options.requireDigest && ref.digest === undefined) {
        throw new InputError(input, `input "${input}" must be pinned by digest (${DIGEST_FORM}); got ${quote(value)}`);
    }
    return ref;
}
function getImageRef(name, options = {}) {
    const text = raw(name);
    if (text === '' && options.required === false)
        return undefined;
    return parseImageRef(text, name, options);
}
const IMAGE_SET_NAME = /^[a-z0-9][a-z0-9_-]*$/;
/**
 * Parses an image set: entries `name=repository@sha256:<64 hex>`, one per line or comma-separated,
 * blank lines and `#` comment lines ignored. Names are `[a-z0-9][a-z0-9_-]*` and unique; every
 * reference must be pinned by digest and carry no tag (a tag next to a digest is ignored on pull
 * and would only mislead).
 */
function parseImageSet(text, input) {
    const entries = text
        .split('\n')
        .filter((line) => !line.trim().startsWith('#'))
        .flatMap((line) => line.split(','))
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
    const set = [];
    const seen = new Map();
    entries.forEach((entry, index) => {
        const where = `input "${input}" entry ${index + 1} ${quote(entry)}`;
        const eq = entry.indexOf('=');
        if (eq < 0)
            throw new InputError(input, `${where} must look like name=${DIGEST_FORM}`);
        const name = entry.slice(0, eq).trim();
        const refText = entry.slice(eq + 1).trim();
        if (!IMAGE_SET_NAME.test(name)) {
            throw new InputError(input, `${where}: name ${quote(name)} must be lowercase letters, digits, "_" and "-", starting with a letter or digit`);
        }
        const first = seen.get(name);
        if (first !== undefined) {
            throw new InputError(input, `input "${input}": name ${quote(name)} appears twice (entries ${first} and ${index + 1}); names must be unique`);
        }
        seen.set(name, index + 1);
        let ref;
        try {
            ref = parseReference(refText);
        }
        catch (err) {
            if (err instanceof ImageReferenceError)
                throw new InputError(input, `${where}: ${err.message}`, { cause: err });
            throw err;
        }
        if (ref.tag !== undefined) {
            const nameText = refText.split('@')[0] ?? refText;
            const untagged = nameText.slice(0, nameText.length - ref.tag.length - 1);
            throw new InputError(input, `${where}: tags are refused where a digest is required; write ${name}=${untagged}@${ref.digest ?? 'sha256:<64 lowercase hex>'}`);
        }
        if (ref.digest === undefined) {
            throw new InputError(input, `${where}: the image must be pinned by digest; write ${name}=${DIGEST_FORM}`);
        }
        set.push(pinImage(name, ref));
    });
    return set;
}
/**
 * Reads an image set input (see `parseImageSet`).
 * @throws InputError when empty (unless `required: false`, which gives `[]`) or invalid
 */
function getImageSet(name, options = {}) {
    const set = parseImageSet(raw(name), name);
    if (set.length === 0 && options.required !== false)
        required(name, `one or more lines name=${DIGEST_FORM}`);
    return set;
}

// EXTERNAL MODULE: ./packages/core/src/registry/loopback.ts
var loopback = __nccwpck_require__(4429);
// EXTERNAL MODULE: ./actions/build-image/src/constants.ts
var constants = __nccwpck_require__(2008);
;// CONCATENATED MODULE: ./actions/build-image/src/context.ts










/**
 * Reads and validates every input before anything runs: a bad input fails the step naming it, with
 * nothing built or pushed. The policy is loaded here (lazily imported: only builds with a policy pay
 * for the YAML parser) so that a broken policy fails in seconds, not after the build.
 */
async function getInputs(cwd = process.cwd()) {
    const password = getString(constants/* Inputs */.G0.RegistryPassword);
    (0,step/* maskSecret */.$l)(password);
    const context = resolveContext(getString(constants/* Inputs */.G0.Context, { required: true }), cwd, constants/* Inputs */.G0.Context);
    const inputs = {
        context,
        file: resolveContainerfile(context, getString(constants/* Inputs */.G0.File), cwd, constants/* Inputs */.G0.File),
        image: parseImageRepository(getString(constants/* Inputs */.G0.Image, { required: true }), constants/* Inputs */.G0.Image),
        tags: parseTags(getList(constants/* Inputs */.G0.Tags), undefined, constants/* Inputs */.G0.Tags),
        buildArgs: parseBuildArgs(getString(constants/* Inputs */.G0.BuildArgs), constants/* Inputs */.G0.BuildArgs),
        labels: parseLabels(getString(constants/* Inputs */.G0.Labels), constants/* Inputs */.G0.Labels),
        role: getEnum(constants/* Inputs */.G0.Role, IMAGE_ROLES, 'runtime'),
        push: getBoolean(constants/* Inputs */.G0.Push, true),
        engine: getEnum(constants/* Inputs */.G0.Engine, choices/* ENGINE_CHOICES */.u, 'auto'),
    };
    // Written by default only by builds that push: a build that does not often has no registry login.
    const cache = defaultCacheRepository(inputs.image);
    const cacheFrom = parseCacheRepository(getString(constants/* Inputs */.G0.CacheFrom), constants/* Inputs */.G0.CacheFrom, cache);
    if (cacheFrom !== undefined)
        inputs.cacheFrom = cacheFrom;
    const cacheTo = parseCacheRepository(getString(constants/* Inputs */.G0.CacheTo), constants/* Inputs */.G0.CacheTo, inputs.push ? cache : undefined);
    if (cacheTo !== undefined)
        inputs.cacheTo = cacheTo;
    const target = getString(constants/* Inputs */.G0.Target);
    if (target !== '')
        inputs.target = target;
    const login = parseRegistryLogin(getString(constants/* Inputs */.G0.RegistryUsername), password, {
        username: constants/* Inputs */.G0.RegistryUsername,
        password: constants/* Inputs */.G0.RegistryPassword,
    });
    if (login !== undefined)
        inputs.login = login;
    const policyPath = getString(constants/* Inputs */.G0.Policy);
    if (policyPath !== '') {
        if (!inputs.push) {
            throw new errors/* InputError */.dz(constants/* Inputs */.G0.Policy, `input "${constants/* Inputs */.G0.Policy}" needs "${constants/* Inputs */.G0.Push}: true": the policy is checked against the pushed image`);
        }
        const { loadPolicy } = await __nccwpck_require__.e(/* import() */ 195).then(__nccwpck_require__.bind(__nccwpck_require__, 4195));
        try {
            // Relative to the workspace, and named in errors as the user wrote it.
            inputs.policy = await loadPolicy((0,external_node_path_.isAbsolute)(policyPath) || cwd === process.cwd() ? policyPath : (0,external_node_path_.join)(cwd, policyPath));
        }
        catch (err) {
            throw new errors/* InputError */.dz(constants/* Inputs */.G0.Policy, `input "${constants/* Inputs */.G0.Policy}": ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
        }
    }
    return inputs;
}
/**
 * The build request for core's `buildImage` (pure): labels and build args completed with the commit's
 * revision, time and source, the commit sha as the pushed tag.
 * @param tempDir where the policy report goes (the runner's RUNNER_TEMP)
 */
function getBuildRequest(inputs, commit, tempDir) {
    const request = {
        repository: inputs.image,
        build: {
            context: inputs.context,
            file: inputs.file,
            buildArgs: assembleBuildArgs(inputs.buildArgs, commit),
            labels: assembleLabels(inputs.labels, commit, inputs.role),
            ...(inputs.target !== undefined ? { target: inputs.target } : {}),
            ...cacheOptions(inputs),
        },
        commit,
        role: inputs.role,
        extraTags: inputs.tags.filter((tag) => tag !== commit.revision),
        push: inputs.push,
        // Plain http only to loopback registries, as the registry client does.
        insecure: (0,loopback/* isLoopbackRegistry */.j)(inputs.image.registry),
    };
    if (inputs.policy !== undefined) {
        request.policy = inputs.policy;
        const slug = `${inputs.image.repository.replaceAll('/', '-')}-${commit.revision.slice(0, 12)}`;
        request.policyReportPath = (0,external_node_path_.join)(tempDir, 'digestline-build-image', slug, 'policy-report.json');
    }
    return request;
}
/**
 * The build's cache flags. Plain http for the build only when every cache registry is a loopback
 * one (podman's `--tls-verify=false` covers every registry the build touches, the base image's too).
 */
function cacheOptions(inputs) {
    const caches = [inputs.cacheFrom, inputs.cacheTo].filter((c) => c !== undefined);
    if (caches.length === 0)
        return {};
    return {
        ...(inputs.cacheFrom !== undefined ? { cacheFrom: (0,reference/* repositoryName */.aR)(inputs.cacheFrom) } : {}),
        ...(inputs.cacheTo !== undefined ? { cacheTo: (0,reference/* repositoryName */.aR)(inputs.cacheTo) } : {}),
        ...(caches.every((c) => (0,loopback/* isLoopbackRegistry */.j)(c.registry)) ? { insecure: true } : {}),
    };
}
/** Whether the step's registry login is needed: for the push, or a cache on the image's registry. */
function needsLogin(inputs) {
    if (inputs.login === undefined)
        return false;
    const sameRegistry = [inputs.cacheFrom, inputs.cacheTo].some((c) => c?.registry === inputs.image.registry);
    return inputs.push || sameRegistry;
}


/***/ }),

/***/ 9568:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _digestline_core_action__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6820);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3313);


await (0,_digestline_core_action__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)('build-image', async () => {
    const inputs = await (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .getInputs */ .GP)();
    // The work (engine, registry client, report, summary) is a separate chunk loaded only after the
    // inputs are good: start-up stays close to a bare node, and a bad input fails before it is parsed.
    const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(296), __nccwpck_require__.e(357)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5357));
    await run(inputs);
}, async () => (await Promise.all(/* import() */[__nccwpck_require__.e(296), __nccwpck_require__.e(357)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5357))).post());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6820:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ runAction)
/* harmony export */ });
/* unused harmony exports IS_POST_STATE, isPost */
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(508);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(637);
/**
 * The one error boundary of every digestline action.
 *
 * Main and post run the same bundle (action.yml `runs.post` points at dist/index.js too); main
 * records `isPost=true` in the step state, which the runner hands back to the post step as
 * `STATE_isPost`. That is how @actions/toolkit-based actions tell the two apart, and Forgejo's
 * runner passes state the same way.
 */


/** Name of the state entry main saves so the bundle knows it runs as the post step. */
const IS_POST_STATE = 'isPost';
/** True when this process is the post step of an action whose main step called `runAction`. */
function isPost() {
    return _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(IS_POST_STATE) === 'true';
}
function debugStack(err) {
    if (err instanceof Error && err.stack)
        _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(err.stack);
}
/**
 * Runs the main step, or `post` when this is the post step. Never rejects.
 *
 * - main: any thrown value (Error, string, object, undefined) fails the step with
 *   `<name> failed: <message>` and exit code 1.
 * - post: errors are warnings (`<name> post step: <message>`), because cleanup trouble should not
 *   turn a good deployment red; a `CleanupError` fails the step (`<name> post step failed: ...`),
 *   for cleanup whose failure could lose data or leave something running.
 * - the post step of an action without `post` does nothing.
 */
async function runAction(name, main, post) {
    if (isPost()) {
        if (post === undefined)
            return;
        try {
            await post();
        }
        catch (err) {
            debugStack(err);
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CleanupError */ .pJ) {
                _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`${name} post step failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
                process.exitCode = 1;
            }
            else {
                _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${name} post step: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
            }
        }
        return;
    }
    try {
        // Saved before any work so that a main step which fails half-way still gets its cleanup.
        _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(IS_POST_STATE, 'true');
        await main();
    }
    catch (err) {
        debugStack(err);
        _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`${name} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
        // setFailed sets it too; kept explicit because the exit code is this function's contract.
        process.exitCode = 1;
    }
}


/***/ }),

/***/ 508:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Gu: () => (/* binding */ getState),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   N4: () => (/* binding */ endGroup),
/* harmony export */   Oh: () => (/* binding */ startGroup),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput)
/* harmony export */ });
/* unused harmony export error */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The workflow commands an action needs before its work starts (inputs, state, masks, annotations,
 * outputs, log lines), written exactly as @actions/core 3 writes them but without loading it:
 * @actions/core's entry point imports @actions/exec, @actions/io and node:crypto, which took as long to
 * load as everything an action does before it reads its first input. The formats are @actions/core's
 * byte for byte, so GitHub's and Forgejo's runners read them the same.
 */


function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** `::command prop=value,...::message` on stdout; properties with an empty value are left out. */
function issueCommand(command, message, properties = {}) {
    let line = `::${command}`;
    const keys = Object.keys(properties);
    if (keys.length > 0) {
        line += ' ';
        line += keys
            .filter((key) => properties[key])
            .map((key) => `${key}=${escapeProperty(properties[key])}`)
            .join(',');
    }
    process.stdout.write(`${line}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
}
/** Appends `name<<delimiter ... delimiter` to the file the runner named in `GITHUB_<command>`. */
function issueKeyValueFileCommand(command, name, value) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath)
        throw new Error(`Unable to find environment variable for file command ${command}`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(filePath))
        throw new Error(`Missing file at path: ${filePath}`);
    // The global Web Crypto is loaded on first use: only steps that write a file command pay for it.
    const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`;
    if (name.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (value.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(filePath, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`, {
        encoding: 'utf8',
    });
}
/** An input's value (env `INPUT_<NAME>`, spaces as `_`), trimmed; `''` when unset. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
/** A value the main step saved with {@link saveState} (env `STATE_<name>`); `''` when none. */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
/** Saves a value for the post step (`GITHUB_STATE`, else the `save-state` command). */
function saveState(name, value) {
    if (process.env['GITHUB_STATE'])
        return issueKeyValueFileCommand('STATE', name, value);
    issueCommand('save-state', value, { name });
}
/** Sets an output (`GITHUB_OUTPUT`, else the `set-output` command). */
function setOutput(name, value) {
    if (process.env['GITHUB_OUTPUT'])
        return issueKeyValueFileCommand('OUTPUT', name, value);
    process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
    issueCommand('set-output', value, { name });
}
/** Masks a value in every later log line of the job. */
function setSecret(secret) {
    issueCommand('add-mask', secret);
}
/** A log line. */
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
}
/** A debug line (shown when the runner's step debug logging is on). */
function debug(message) {
    issueCommand('debug', message);
}
/** Opens a collapsible log group; {@link endGroup} closes it. */
function startGroup(name) {
    issueCommand('group', name);
}
/** Closes the log group {@link startGroup} opened. */
function endGroup() {
    issueCommand('endgroup', '');
}
/** A warning annotation. */
function warning(message) {
    issueCommand('warning', message);
}
/** An error annotation. */
function error(message) {
    issueCommand('error', message);
}
/** Fails the step: exit code 1 and an error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}


/***/ }),

/***/ 6255:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ ENGINE_CHOICES)
/* harmony export */ });
/**
 * The values of the `engine` input, apart from `select.ts`: every action validates its inputs before
 * it loads the engine classes (and @actions/exec behind them), so this list must not pull them in.
 */
/** Values the `engine` input accepts. */
const ENGINE_CHOICES = ['auto', 'docker', 'podman'];


/***/ }),

/***/ 637:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cI: () => (/* binding */ ExecError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   pJ: () => (/* binding */ CleanupError),
/* harmony export */   rI: () => (/* binding */ ImageReferenceError)
/* harmony export */ });
/**
 * Error types shared by every digestline action.
 *
 * Kept free of runtime imports: every bundle loads this module at start-up.
 */
/**
 * Turns any thrown value into a one-line-ish message.
 *
 * Actions may throw strings, plain objects or `undefined` (third-party code does); the step must still
 * fail with something a reader can act on, never `[object Object]`.
 */
function errorMessage(err) {
    if (err instanceof Error) {
        const message = err.message.trim();
        if (message !== '')
            return message;
        return err.name && err.name !== 'Error' ? err.name : 'unknown error (an Error with an empty message)';
    }
    if (typeof err === 'string')
        return err.trim() === '' ? 'unknown error (an empty string was thrown)' : err;
    if (err === undefined)
        return 'unknown error (undefined was thrown)';
    if (err === null)
        return 'unknown error (null was thrown)';
    if (typeof err === 'object') {
        const message = err.message;
        if (typeof message === 'string' && message.trim() !== '')
            return message;
        try {
            const json = JSON.stringify(err);
            if (json !== undefined && json !== '{}')
                return json;
        }
        catch {
            // Circular or BigInt-holding objects cannot be serialised; fall through to String().
        }
        const text = String(err);
        return text === '[object Object]' ? 'unknown error (an object without a message was thrown)' : text;
    }
    return String(err);
}
/** An action input has a value that cannot be used. `input` is the input's name as in action.yml. */
class InputError extends Error {
    input;
    name = 'InputError';
    /**
     * @param input the input's name as written in action.yml (e.g. `image-set`)
     * @param message the full message; it should already name the input and show the expected form
     */
    constructor(input, message, options) {
        super(message, options);
        this.input = input;
    }
}
/** A command run through `Exec` exited with a non-zero code (or could not be started). */
class ExecError extends Error {
    argv;
    exitCode;
    stderrTail;
    name = 'ExecError';
    /**
     * @param argv the program followed by its arguments, already redacted of secrets
     * @param exitCode the process exit code (`null` when it could not be started or was killed)
     * @param stderrTail the last lines of stderr, already redacted of secrets
     * @param message defaults to `<argv> exited with code <n>` followed by the stderr tail
     */
    constructor(argv, exitCode, stderrTail, message, options) {
        super(message ?? ExecError.describe(argv, exitCode, stderrTail), options);
        this.argv = argv;
        this.exitCode = exitCode;
        this.stderrTail = stderrTail;
    }
    static describe(argv, exitCode, stderrTail) {
        const what = `${argv.join(' ')} ${exitCode === null ? 'did not exit normally' : `exited with code ${exitCode}`}`;
        const tail = stderrTail.trim();
        return tail === '' ? what : `${what}:\n${tail}`;
    }
}
/** A text is not a valid OCI image reference or digest; `reason` says which rule it breaks. */
class ImageReferenceError extends Error {
    text;
    reason;
    name = 'ImageReferenceError';
    /**
     * @param text the text that failed to parse
     * @param reason what is wrong with it, e.g. `repository must be lowercase`
     * @param what what the text was supposed to be (`image reference` or `digest`)
     */
    constructor(text, reason, what = 'image reference') {
        super(`${JSON.stringify(text)} is not a valid ${what}: ${reason}`);
        this.text = text;
        this.reason = reason;
    }
}
/**
 * Cleanup in a post step failed in a way that must fail the job (e.g. data could be lost or a
 * resource left running). Any other error thrown from a post step is only a warning.
 */
class CleanupError extends Error {
    name = 'CleanupError';
}


/***/ }),

/***/ 3159:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ isIPv6),
/* harmony export */   w: () => (/* binding */ isIPv4)
/* harmony export */ });
/**
 * IP address syntax checks, the same regular expressions as Node's own `net.isIPv4`/`net.isIPv6`
 * (lib/internal/net.js): importing `node:net` loads sockets and streams, a noticeable part of an
 * action's start-up when all it needs is to tell whether a registry host is an address.
 */
const V4_SEG = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const V4_STR = `(?:${V4_SEG}\\.){3}${V4_SEG}`;
const IPV4 = new RegExp(`^${V4_STR}$`);
const V6_SEG = '(?:[0-9a-fA-F]{1,4})';
const IPV6 = new RegExp('^(?:' +
    `(?:${V6_SEG}:){7}(?:${V6_SEG}|:)|` +
    `(?:${V6_SEG}:){6}(?:${V4_STR}|:${V6_SEG}|:)|` +
    `(?:${V6_SEG}:){5}(?::${V4_STR}|(?::${V6_SEG}){1,2}|:)|` +
    `(?:${V6_SEG}:){4}(?:(?::${V6_SEG}){0,1}:${V4_STR}|(?::${V6_SEG}){1,3}|:)|` +
    `(?:${V6_SEG}:){3}(?:(?::${V6_SEG}){0,2}:${V4_STR}|(?::${V6_SEG}){1,4}|:)|` +
    `(?:${V6_SEG}:){2}(?:(?::${V6_SEG}){0,3}:${V4_STR}|(?::${V6_SEG}){1,5}|:)|` +
    `(?:${V6_SEG}:){1}(?:(?::${V6_SEG}){0,4}:${V4_STR}|(?::${V6_SEG}){1,6}|:)|` +
    `(?::(?:(?::${V6_SEG}){0,5}:${V4_STR}|(?::${V6_SEG}){1,7}|:))` +
    ')(?:%[0-9a-zA-Z-.:]{1,})?$');
/** Whether `s` is a dotted-quad IPv4 address (as `net.isIPv4`). */
function isIPv4(s) {
    return IPV4.test(s);
}
/** Whether `s` is an IPv6 address, optionally with a zone (as `net.isIPv6`). */
function isIPv6(s) {
    return IPV6.test(s);
}


/***/ }),

/***/ 1397:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   m: () => (/* binding */ parseDigest)
/* harmony export */ });
/* unused harmony exports DIGEST_HEX_LENGTH, DEFAULT_REGISTRY, NAME_MAX_LENGTH, formatReference, familiarName, familiarString, withDigest, pinImage, pinnedReference */
/* harmony import */ var _ip_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3159);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(637);
/**
 * OCI image references, following the grammar of distribution/reference (what docker and podman
 * accept), with Docker Hub normalisation (`nginx` → `docker.io/library/nginx`).
 *
 * Written here rather than taken from npm: the candidates (`docker-parse-image`,
 * `@swimlane/docker-reference`) either do not validate or do not know bracketed IPv6 hosts, and
 * digestline needs exact, explainable errors for refs that decide what gets deployed.
 */


/** Digest algorithms digestline accepts, with the length of their lowercase hex encoding. */
const DIGEST_HEX_LENGTH = { sha256: 64, sha512: 128 };
/** Registry used for references without a host, as docker and podman (with short names off) do. */
const DEFAULT_REGISTRY = 'docker.io';
/** distribution/reference's NameTotalLengthMax, applied to the normalised `registry/repository`. */
const NAME_MAX_LENGTH = 255;
const LEGACY_DEFAULT_REGISTRY = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DOMAIN_COMPONENT = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
const BRACKETED_HOST = /^\[([^\]]*)\](?::(.*))?$/;
const PORT = /^[0-9]+$/;
const IMAGE_ID = /^[a-f0-9]{64}$/;
const PATH_COMPONENT_RULE = 'path components are lowercase letters and digits, separated by ".", "_", "__" or dashes';
const TAG_RULE = 'tags are up to 128 characters of letters, digits, "_", "." and "-", not starting with "." or "-"';
/** Describes why `text` is not a digest, or returns undefined when it is one. */
function digestProblem(text) {
    const colon = text.indexOf(':');
    if (colon < 0)
        return 'expected <algorithm>:<hex>, e.g. sha256:<64 lowercase hex>';
    const algorithm = text.slice(0, colon);
    const hex = text.slice(colon + 1);
    if (!Object.hasOwn(DIGEST_HEX_LENGTH, algorithm)) {
        return `algorithm ${JSON.stringify(algorithm)} is not supported (use sha256 or sha512)`;
    }
    const expected = DIGEST_HEX_LENGTH[algorithm];
    if (/[A-F]/.test(hex) && /^[0-9a-fA-F]*$/.test(hex))
        return `${algorithm} hex must be lowercase`;
    if (!/^[0-9a-f]*$/.test(hex))
        return `${algorithm} hex may only contain 0-9 and a-f`;
    if (hex.length !== expected) {
        return `${algorithm} needs ${expected} hex characters, got ${hex.length}`;
    }
    return undefined;
}
/** True when `text` is `sha256:<64 lowercase hex>` or `sha512:<128 lowercase hex>`. */
function isDigest(text) {
    return digestProblem(text) === undefined;
}
/**
 * Validates a digest and splits it.
 * @throws ImageReferenceError naming what is wrong (algorithm, case, length)
 */
function parseDigest(text) {
    const problem = digestProblem(text);
    if (problem !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageReferenceError */ .rI(text, problem, 'digest');
    const colon = text.indexOf(':');
    return { algorithm: text.slice(0, colon), hex: text.slice(colon + 1), value: text };
}
/** Describes why `registry` is not a valid `host[:port]`, or returns undefined. */
function registryProblem(registry) {
    let host;
    let port;
    const bracketed = BRACKETED_HOST.exec(registry);
    if (bracketed) {
        if (!(0,_ip_js__WEBPACK_IMPORTED_MODULE_0__/* .isIPv6 */ .d)(bracketed[1] ?? ''))
            return `registry host "[${bracketed[1]}]" is not a valid IPv6 address`;
        port = bracketed[2];
    }
    else {
        const parts = registry.split(':');
        if (parts.length > 2)
            return `registry ${JSON.stringify(registry)} has several ":" (IPv6 hosts need [brackets])`;
        host = parts[0] ?? '';
        port = parts[1];
        if (host === '')
            return `registry ${JSON.stringify(registry)} has no host`;
        const bad = host.split('.').find((component) => !DOMAIN_COMPONENT.test(component));
        if (bad !== undefined) {
            return `registry host ${JSON.stringify(host)} is invalid: each dot-separated part is letters, digits and inner "-"`;
        }
    }
    if (port !== undefined) {
        if (!PORT.test(port) || Number(port) < 1 || Number(port) > 65535) {
            return `registry port ${JSON.stringify(port)} is not a number from 1 to 65535`;
        }
    }
    return undefined;
}
/** Splits off a leading registry the way docker does: only if it looks like a host. */
function splitRegistry(name) {
    const slash = name.indexOf('/');
    if (slash >= 0) {
        const first = name.slice(0, slash);
        // Unlike docker we do not treat an uppercase first component as a host: `Foo/bar` is far more
        // likely a mistyped Hub repository than a registry called "Foo".
        if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
            return { registry: first, path: name.slice(slash + 1), explicit: true };
        }
    }
    return { registry: DEFAULT_REGISTRY, path: name, explicit: false };
}
/**
 * Parses an image reference (`[registry/]repository[:tag][@digest]`) and normalises Docker Hub
 * names (`nginx` → registry `docker.io`, repository `library/nginx`; `index.docker.io` → `docker.io`).
 * No tag is implied: `nginx` has neither tag nor digest.
 * @throws ImageReferenceError `"<text>" is not a valid image reference: <reason>`
 */
function parseReference(text) {
    const fail = (reason) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageReferenceError */ .rI(text, reason);
    };
    if (text === '')
        fail('it is empty');
    if (/\s/.test(text))
        fail('it contains whitespace');
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        const problem = digestProblem(digest);
        if (problem !== undefined)
            fail(`digest ${JSON.stringify(digest)} is invalid: ${problem}`);
    }
    if (rest.startsWith('[') && !rest.includes('/')) {
        fail(`it names only a registry host; add /<repository> after ${rest}`);
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            fail(`tag ${JSON.stringify(tag)} is invalid: ${TAG_RULE}`);
    }
    if (rest === '')
        fail('the repository name is missing');
    const split = splitRegistry(rest);
    let { registry, path } = split;
    if (split.explicit) {
        const problem = registryProblem(registry);
        if (problem !== undefined)
            fail(problem);
        if (path === '')
            fail(`the repository name after registry ${registry} is missing`);
    }
    if (registry === LEGACY_DEFAULT_REGISTRY)
        registry = DEFAULT_REGISTRY;
    const components = path.split('/');
    if (components.some((c) => c === ''))
        fail('repository has an empty path component (check the slashes)');
    if (/[A-Z]/.test(path))
        fail('repository must be lowercase');
    const bad = components.find((c) => !PATH_COMPONENT.test(c));
    if (bad !== undefined)
        fail(`repository path component ${JSON.stringify(bad)} is invalid: ${PATH_COMPONENT_RULE}`);
    if (!split.explicit && IMAGE_ID.test(path)) {
        fail('a bare 64-character hex string is an image ID, not a repository name');
    }
    if (registry === DEFAULT_REGISTRY && components.length === 1)
        path = OFFICIAL_PREFIX + path;
    const length = registry.length + 1 + path.length;
    if (length > NAME_MAX_LENGTH) {
        fail(`the name ${registry}/${path} is ${length} characters long, the limit is ${NAME_MAX_LENGTH}`);
    }
    const ref = { registry, repository: path };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
/** `registry/repository`, fully qualified (e.g. `docker.io/library/nginx`). */
function repositoryName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
/**
 * The fully qualified text of a reference: `registry/repository[:tag][@digest]`.
 * `parseReference(formatReference(r))` equals `r` for any `r` that `parseReference` returned.
 */
function formatReference(ref) {
    return `${repositoryName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
/**
 * The short name docker shows: `docker.io/library/nginx` → `nginx`, `docker.io/foo/bar` → `foo/bar`;
 * names on other registries are unchanged. Tag and digest are left out.
 */
function familiarName(ref) {
    if (ref.registry !== DEFAULT_REGISTRY)
        return repositoryName(ref);
    const rest = ref.repository;
    if (rest.startsWith(OFFICIAL_PREFIX) && !rest.slice(OFFICIAL_PREFIX.length).includes('/')) {
        return rest.slice(OFFICIAL_PREFIX.length);
    }
    return rest;
}
/** `familiarName` plus `:tag` and `@digest` when present, for log lines people read. */
function familiarString(ref) {
    return `${familiarName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
/**
 * The same repository pinned to `digest`. The tag is dropped unless `keepTag` is set: a digest
 * reference with a tag is legal but the tag is ignored on pull, and it misleads readers.
 * @throws ImageReferenceError when `digest` is not a valid digest
 */
function withDigest(ref, digest, options = {}) {
    parseDigest(digest);
    const pinned = { registry: ref.registry, repository: ref.repository, digest };
    if (options.keepTag && ref.tag !== undefined)
        pinned.tag = ref.tag;
    return pinned;
}
/**
 * Pins `ref` under `name`.
 * @throws ImageReferenceError when `ref` has no digest or also has a tag (a tag beside a digest is
 *   ignored on pull and would only mislead)
 */
function pinImage(name, ref) {
    const text = formatReference(ref);
    if (ref.digest === undefined)
        throw new ImageReferenceError(text, 'it is not pinned by digest');
    if (ref.tag !== undefined)
        throw new ImageReferenceError(text, 'a pinned image carries no tag');
    return { name, registry: ref.registry, repository: ref.repository, digest: parseDigest(ref.digest) };
}
/** `registry/repository@algorithm:hex`: the text an engine pulls and runs a pinned image by. */
function pinnedReference(image) {
    return `${image.registry}/${image.repository}@${image.digest.value}`;
}


/***/ }),

/***/ 4429:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ isLoopbackHost),
/* harmony export */   j: () => (/* binding */ isLoopbackRegistry)
/* harmony export */ });
/* harmony import */ var _ip_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3159);
/**
 * Loopback detection, apart from the registry client: actions use it while reading their inputs,
 * before the client is loaded.
 */

/** True for hosts that never leave the machine: 127.0.0.0/8, ::1 and `localhost`. */
function isLoopbackHost(hostname) {
    const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (h === 'localhost' || h === '::1')
        return true;
    return (0,_ip_js__WEBPACK_IMPORTED_MODULE_0__/* .isIPv4 */ .w)(h) && h.startsWith('127.');
}
/**
 * True when an image registry (`host[:port]`, as in a reference: `127.0.0.1:5000`, `[::1]:5000`,
 * `localhost`) is on loopback. The one place that decides whether a registry may be spoken to over
 * plain http without an explicit insecure input.
 */
function isLoopbackRegistry(registry) {
    try {
        return isLoopbackHost(new URL(`http://${registry}`).hostname);
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 4412:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   Gu: () => (/* binding */ getState),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   R8: () => (/* binding */ warn),
/* harmony export */   n0: () => (/* binding */ setOutputs),
/* harmony export */   tV: () => (/* binding */ stepLog)
/* harmony export */ });
/* unused harmony export info */
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(508);
/**
 * Step I/O every action needs beyond inputs and the summary: outputs, state handed to the post step,
 * masking and log lines. Actions import only `@digestline/core/...`, never `@actions/*` directly.
 */

/** Sets each output (`GITHUB_OUTPUT`, which Forgejo's runner sets too). */
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs))
        _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
}
/** Saves a value for the post step; saving `''` clears it. */
function saveState(name, value) {
    _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(name, value);
}
/** A value main saved with {@link saveState} (`''` when none). */
function getState(name) {
    return _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(name);
}
/**
 * Masks a secret in every later log line of the job. A multi-line secret (a PEM key) is masked line
 * by line as well, since the runner matches masks within single lines.
 */
function maskSecret(secret) {
    if (secret === '')
        return;
    _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
    for (const line of secret.split(/\r?\n/))
        if (line.trim().length >= 8)
            _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(line.trim());
}
/** A log line. */
function info(message) {
    commands.info(message);
}
/** A warning annotation (e.g. cleanup that failed but need not fail the step). */
function warn(message) {
    _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message);
}
/** The step log as a {@link Log}: what the action edge passes into core's modules. */
const stepLog = {
    info: (line) => _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line),
    warning: (line) => _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(line),
    debug: (line) => _commands_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(line),
};


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9568);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
