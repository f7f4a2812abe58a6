import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4595:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   t1: () => (/* binding */ DEFAULT_TIMEOUT_MS),
/* harmony export */   tY: () => (/* binding */ Outputs)
/* harmony export */ });
/** Names as written in action.yml; a test holds the two together. */
const Inputs = {
    Checks: 'checks',
    ChecksFile: 'checks-file',
    Image: 'image',
    WorkingDirectory: 'working-directory',
    Concurrency: 'concurrency',
    FailFast: 'fail-fast',
    Timeout: 'timeout',
    Env: 'env',
    Engine: 'engine',
    SigningKey: 'signing-key',
};
const Outputs = {
    Result: 'result',
    Failed: 'failed',
    Report: 'report',
    Evidence: 'evidence',
};
/** Per-check time limit when `timeout` is empty. */
const DEFAULT_TIMEOUT_MS = 10 * 60_000;


/***/ }),

/***/ 5634:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  G: () => (/* binding */ getInputs)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/checks/lane.ts + 4 modules
var lane = __nccwpck_require__(3849);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(637);
// EXTERNAL MODULE: ./packages/core/src/evidence/dsse.ts
var dsse = __nccwpck_require__(2479);
;// CONCATENATED MODULE: ./packages/core/src/checks/inputs.ts
/**
 * Validators for fast-check's own inputs (the generic readers are in ../inputs.ts). Pure, so the
 * action's context.ts stays a list of reads and every rule is table-testable here.
 */



const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Checks the names of the `env` input (variables passed into the container by name).
 * @throws InputError naming `input` for a name that is not a variable name (e.g. `A=b`)
 */
function parseEnvNames(names, input = 'env') {
    for (const name of names) {
        if (!ENV_NAME.test(name)) {
            const hint = name.includes('=') ? ': give names only, the values come from the runner' : '';
            throw new errors/* InputError */.dz(input, `input "${input}": ${JSON.stringify(name)} is not a variable name${hint}`);
        }
    }
    return [...new Set(names)];
}
/**
 * Checks that the signing key is a PEM ECDSA P-256 private key before any check runs, so a bad key
 * does not waste the lane. Returns the key's id (hex SHA-256 of its public key).
 * @throws InputError naming `input`
 */
function checkSigningKey(pem, input = 'signing-key') {
    try {
        return (0,dsse/* keyId */.xs)((0,external_node_crypto_.createPrivateKey)(pem));
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `input "${input}" must be a PEM ECDSA P-256 private key: ${(0,errors/* errorMessage */.gJ)(err)}`, {
            cause: err,
        });
    }
}
/**
 * Exactly one of `checks` and `checks-file` must be set.
 * @throws InputError naming both inputs
 */
function checkChecksSource(checks, checksFile, names = { checks: 'checks', file: 'checks-file' }) {
    if (checks.trim() !== '' && checksFile.trim() !== '') {
        throw new errors/* InputError */.dz(names.checks, `inputs "${names.checks}" and "${names.file}" are both set; set one of them`);
    }
    if (checks.trim() === '' && checksFile.trim() === '') {
        throw new errors/* InputError */.dz(names.checks, `input "${names.checks}" (lines "name: command") or "${names.file}" (a YAML list of checks) is required`);
    }
    return checks.trim() !== '' ? 'checks' : 'file';
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1_patch_hash=8303e278be1f0d442778dfd1e73f68c819925be6d9d043e439e90cb1613ce178/node_modules/@actions/core/lib/core.js + 7 modules
var core = __nccwpck_require__(5414);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __nccwpck_require__(1397);
;// CONCATENATED MODULE: ./packages/core/src/inputs.ts
/**
 * Action input readers. Each `get*` reads `core.getInput(name)` (env `INPUT_<NAME>`, trimmed) and
 * hands the text to a pure `parse*` function, so the parsing is table-testable without env.
 * Every error is an `InputError` whose message names the input and shows the expected form.
 */



const DIGEST_FORM = '<repository>@sha256:<64 lowercase hex>';
function quote(text) {
    return JSON.stringify(text);
}
/** The raw, trimmed text of input `name` (empty when unset). */
function raw(name) {
    return core/* getInput */.V4(name);
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
        throw new errors/* InputError */.dz(input, `input "${input}" must be ${DURATION_FORM}; got ${quote(value)}${hint}`);
    }
    let ms = 0;
    for (const [, amount, unit] of value.matchAll(DURATION_PART)) {
        ms += Number(amount) * DURATION_UNIT_MS[unit];
    }
    ms = Math.round(ms);
    if (!Number.isSafeInteger(ms))
        throw new errors/* InputError */.dz(input, `input "${input}" is too long a duration: ${value}`);
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
        throw new errors/* InputError */.dz(input, `input "${input}" must be ${expected}; got ${quote(value)}`);
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
        ref = (0,reference/* parseReference */.F2)(value);
    }
    catch (err) {
        if (err instanceof errors/* ImageReferenceError */.rI) {
            throw new errors/* InputError */.dz(input, `input "${input}": ${err.message}`, { cause: err });
        }
        throw err;
    }
    if (options.requireDigest && ref.digest === undefined) {
        throw new errors/* InputError */.dz(input, `input "${input}" must be pinned by digest (${DIGEST_FORM}); got ${quote(value)}`);
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
        set.push({ name, ref });
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

;// CONCATENATED MODULE: ./packages/core/src/checks/spec.ts
/**
 * What a source lane runs: checks as the `checks` input writes them (`name: command` lines) or as a
 * checks file lists them (YAML), validated before anything runs so that a typo fails in milliseconds
 * and names the input.
 */



/**
 * Check names: letters, digits, `.`, `_`, `-` and `/`, starting with a letter or digit. No commas or
 * spaces, because the `failed` output is a comma-separated list of them.
 */
const CHECK_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const NAME_RULE = 'letters, digits, ".", "_", "-" and "/", starting with a letter or digit';
function spec_quote(text) {
    return JSON.stringify(text);
}
function checkUnique(checks, input, file) {
    const seen = new Set();
    for (const check of checks) {
        if (seen.has(check.name)) {
            const where = file === undefined ? `input "${input}"` : `input "${input}": ${file}`;
            throw new errors/* InputError */.dz(input, `${where}: check name ${spec_quote(check.name)} appears twice`);
        }
        seen.add(check.name);
    }
}
/**
 * Parses the `checks` input: one `name: command` per line. The name ends at the first colon, so the
 * command may hold colons. Blank lines and lines starting with `#` are skipped.
 *
 * @throws InputError naming `input` and the line for a malformed line, a bad or duplicate name, or
 *   an empty command
 */
function parseChecks(text, input = 'checks') {
    const checks = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const where = `input "${input}" line ${index + 1} ${spec_quote(line)}`;
        const colon = line.indexOf(':');
        if (colon < 0)
            throw new errors/* InputError */.dz(input, `${where} must look like "name: command"`);
        const name = line.slice(0, colon).trim();
        const run = line.slice(colon + 1).trim();
        if (!CHECK_NAME.test(name)) {
            throw new errors/* InputError */.dz(input, `${where}: check name ${spec_quote(name)} must be ${NAME_RULE} (lines look like "name: command")`);
        }
        if (run === '')
            throw new errors/* InputError */.dz(input, `${where}: check ${spec_quote(name)} has no command after the colon`);
        checks.push({ name, run });
    });
    checkUnique(checks, input);
    return checks;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const FILE_KEYS = ['name', 'run', 'timeout', 'working-directory'];
/**
 * Validates a parsed checks file: a YAML list of `{name, run, timeout?, working-directory?}`.
 * `timeout` is a duration such as `90s` or `10m`; unknown keys are refused (a misspelt `timeout`
 * silently ignored would be worse than an error).
 *
 * @param document the parsed YAML
 * @param file the file as the user named it (for messages)
 * @throws InputError naming `input`, the file and the entry
 */
function checksFromDocument(document, file, input = 'checks-file') {
    const form = 'a list of {name, run, timeout?, working-directory?}';
    if (!Array.isArray(document)) {
        throw new errors/* InputError */.dz(input, `input "${input}": ${file} must hold ${form}, got ${describe(document)}`);
    }
    if (document.length === 0)
        throw new errors/* InputError */.dz(input, `input "${input}": ${file} lists no checks`);
    const checks = document.map((entry, index) => {
        const where = `input "${input}": ${file} entry ${index + 1}`;
        if (!isRecord(entry))
            throw new errors/* InputError */.dz(input, `${where} must be a mapping {name, run}, got ${describe(entry)}`);
        const unknown = Object.keys(entry).filter((k) => !FILE_KEYS.includes(k));
        if (unknown.length > 0) {
            throw new errors/* InputError */.dz(input, `${where} has unknown key ${spec_quote(unknown[0])}; keys are ${FILE_KEYS.join(', ')}`);
        }
        const { name, run, timeout } = entry;
        const workingDirectory = entry['working-directory'];
        if (typeof name !== 'string' || !CHECK_NAME.test(name)) {
            throw new errors/* InputError */.dz(input, `${where}: name ${describe(name)} must be a string of ${NAME_RULE}`);
        }
        if (typeof run !== 'string' || run.trim() === '') {
            throw new errors/* InputError */.dz(input, `${where} (${name}): run must be a non-empty command string`);
        }
        const check = { name, run: run.trim() };
        if (timeout !== undefined && timeout !== null) {
            if (typeof timeout !== 'string') {
                throw new errors/* InputError */.dz(input, `${where} (${name}): timeout must be a duration such as 90s or 10m, got ${describe(timeout)}`);
            }
            try {
                check.timeoutMs = parseDuration(timeout, input);
            }
            catch (err) {
                throw new errors/* InputError */.dz(input, `${where} (${name}): ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
            }
            if (check.timeoutMs <= 0)
                throw new errors/* InputError */.dz(input, `${where} (${name}): timeout must be more than 0`);
        }
        if (workingDirectory !== undefined && workingDirectory !== null) {
            if (typeof workingDirectory !== 'string' || workingDirectory.trim() === '') {
                throw new errors/* InputError */.dz(input, `${where} (${name}): working-directory must be a non-empty path string`);
            }
            check.workingDirectory = workingDirectory.trim();
        }
        return check;
    });
    checkUnique(checks, input, file);
    return checks;
}
function describe(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return `${typeof value} ${spec_quote(String(value))}`;
}
/**
 * Reads and validates a checks file. The YAML parser is imported here, on first use, so that lanes
 * configured through the `checks` input never load it.
 *
 * @param path absolute path to read
 * @param shown the path as the user wrote it (for messages)
 * @throws InputError naming `input` when the file is missing, unreadable, not YAML or malformed
 */
async function loadChecksFile(path, shown = path, input = 'checks-file') {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        const missing = err.code === 'ENOENT';
        throw new errors/* InputError */.dz(input, missing
            ? `input "${input}": ${shown} does not exist (resolved to ${path})`
            : `input "${input}": cannot read ${shown}: ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
    }
    const { parse } = await __nccwpck_require__.e(/* import() */ 9).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8009, 19));
    let document;
    try {
        document = parse(text);
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `input "${input}": ${shown} is not valid YAML: ${(0,errors/* errorMessage */.gJ)(err)}`, {
            cause: err,
        });
    }
    return checksFromDocument(document, shown, input);
}

// EXTERNAL MODULE: ./packages/core/src/engine/select.ts + 3 modules
var engine_select = __nccwpck_require__(8501);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./packages/core/src/registry/auth.ts
/**
 * Registry authentication: credential lookup (docker and podman auth files), `WWW-Authenticate`
 * challenge parsing and the bearer-token exchange of the Docker token protocol.
 */



/**
 * Parses a `WWW-Authenticate` header into its challenges (RFC 7235), e.g.
 * `Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull,push"`.
 *
 * Quoted values may contain commas (scopes do) and backslash escapes; several challenges may be
 * listed in one header (`Basic realm="x", Bearer realm="y"`).
 */
function auth_parseWwwAuthenticate(header) {
    const challenges = [];
    let i = 0;
    const n = header.length;
    const skipSpace = () => {
        while (i < n && (header[i] === ' ' || header[i] === '\t'))
            i++;
    };
    const readToken = () => {
        const start = i;
        while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i]))
            i++;
        return header.slice(start, i);
    };
    while (i < n) {
        skipSpace();
        if (header[i] === ',') {
            i++;
            continue;
        }
        const scheme = readToken();
        if (scheme === '') {
            // Unparsable junk: skip one character rather than loop forever.
            i++;
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        for (;;) {
            skipSpace();
            const save = i;
            const name = readToken();
            skipSpace();
            if (name === '' || header[i] !== '=') {
                // Not `name=`: the next challenge's scheme starts here (token68 forms are not used by registries).
                i = save;
                break;
            }
            i++; // '='
            skipSpace();
            let value = '';
            if (header[i] === '"') {
                i++;
                while (i < n && header[i] !== '"') {
                    if (header[i] === '\\' && i + 1 < n)
                        i++;
                    value += header[i];
                    i++;
                }
                i++; // closing quote
            }
            else {
                // Unquoted values are tokens per RFC 7235, but some registries send bare URLs; take up to `,`.
                const start = i;
                while (i < n && header[i] !== ',' && header[i] !== ' ' && header[i] !== '\t')
                    i++;
                value = header.slice(start, i);
            }
            challenge.params[name.toLowerCase()] = value;
            skipSpace();
            if (header[i] === ',') {
                i++;
                continue;
            }
            break;
        }
    }
    return challenges;
}
/**
 * Builds the token endpoint URL of a bearer challenge: `realm?service=...&scope=...&scope=...`.
 *
 * @throws Error when the challenge has no realm or the realm is not an http(s) URL
 */
function auth_tokenUrl(challenge, scopes) {
    const realm = challenge.params['realm'];
    if (realm === undefined || realm === '') {
        throw new Error(`bearer challenge without a realm: ${JSON.stringify(challenge.params)}`);
    }
    let url;
    try {
        url = new URL(realm);
    }
    catch {
        throw new Error(`bearer challenge realm is not a URL: ${JSON.stringify(realm)}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new Error(`bearer challenge realm must be http(s), got ${JSON.stringify(realm)}`);
    }
    const service = challenge.params['service'];
    if (service !== undefined && service !== '')
        url.searchParams.set('service', service);
    for (const scope of scopes)
        url.searchParams.append('scope', scope);
    return url;
}
/** Host names under which Docker Hub credentials may be stored. */
const DOCKER_HUB_ALIASES = (/* unused pure expression or super */ null && ([
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com',
]));
/**
 * Reduces an auth-file key (`https://index.docker.io/v1/`, `http://host:5000`, `host:5000/ns`) to
 * its host[:port], lowercased, so keys written by different tools compare equal.
 */
function normalizeAuthKey(key) {
    let k = key.trim().toLowerCase();
    k = k.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
    const slash = k.indexOf('/');
    if (slash >= 0)
        k = k.slice(0, slash);
    return k;
}
function sameRegistry(a, b) {
    if (a === b)
        return true;
    return DOCKER_HUB_ALIASES.includes(a) && DOCKER_HUB_ALIASES.includes(b);
}
/**
 * The auth files consulted, in order: `$REGISTRY_AUTH_FILE` (podman's override),
 * `$DOCKER_CONFIG/config.json` (or `~/.docker/config.json`), `${XDG_RUNTIME_DIR}/containers/auth.json`,
 * `~/.config/containers/auth.json`. Docker comes before podman's files because runners'
 * `docker login` steps write there.
 */
function auth_authFilePaths(options = {}) {
    const env = options.env ?? process.env;
    const home = options.home ?? env['HOME'] ?? homedir();
    const paths = [];
    if (env['REGISTRY_AUTH_FILE'])
        paths.push(env['REGISTRY_AUTH_FILE']);
    paths.push(join(env['DOCKER_CONFIG'] || join(home, '.docker'), 'config.json'));
    if (env['XDG_RUNTIME_DIR'])
        paths.push(join(env['XDG_RUNTIME_DIR'], 'containers', 'auth.json'));
    paths.push(join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'containers', 'auth.json'));
    return paths;
}
function readIfExists(path) {
    try {
        return readFileSync(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT' ||
            err.code === 'ENOTDIR') {
            return undefined;
        }
        throw new Error(`cannot read registry auth file ${path}: ${err.message}`, { cause: err });
    }
}
/**
 * Decodes an `auths[host]` entry: `auth` is base64 of `user:password` (the password may contain
 * colons); `username`/`password` fields are accepted too. Returns undefined for entries without
 * usable credentials (e.g. only an `identitytoken`, which needs an OAuth exchange we do not do).
 */
function decodeAuthEntry(entry, where) {
    if (entry === null || typeof entry !== 'object')
        return undefined;
    const e = entry;
    if (typeof e['auth'] === 'string' && e['auth'] !== '') {
        const decoded = Buffer.from(e['auth'], 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new Error(`${where}: "auth" is not base64 of "username:password"`);
        }
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof e['username'] === 'string' && typeof e['password'] === 'string' && e['username'] !== '') {
        return { username: e['username'], password: e['password'] };
    }
    return undefined;
}
/**
 * Finds stored credentials for `registry` (host[:port]) in the docker and podman auth files.
 * The first file with a matching `auths` entry wins. Credential helpers (`credsStore`,
 * `credHelpers`) are not run.
 *
 * @throws Error naming the file when an auth file exists but is not valid JSON or its entry is malformed
 */
function auth_findStoredCredentials(registry, options = {}) {
    const read = options.readFile ?? readIfExists;
    const want = normalizeAuthKey(registry);
    for (const path of auth_authFilePaths(options)) {
        const text = read(path);
        if (text === undefined || text.trim() === '')
            continue;
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch (err) {
            throw new Error(`registry auth file ${path} is not valid JSON: ${err.message}`, {
                cause: err,
            });
        }
        const auths = parsed?.auths;
        if (auths === null || typeof auths !== 'object')
            continue;
        // Exact key first, so `host:5000` beats a stale `https://host:5000/v1/` entry.
        const entries = Object.entries(auths).sort(([a], [b]) => Number(b.toLowerCase() === want) - Number(a.toLowerCase() === want));
        for (const [key, entry] of entries) {
            // Repository-scoped podman keys (`host/ns`) would need per-repository tokens; skip them.
            if (key
                .replace(/^[a-z]+:\/\//i, '')
                .replace(/\/v[12]\/?$/, '')
                .includes('/'))
                continue;
            if (!sameRegistry(normalizeAuthKey(key), want))
                continue;
            const credentials = decodeAuthEntry(entry, `${path} auths[${JSON.stringify(key)}]`);
            if (credentials !== undefined)
                return { credentials, source: path };
        }
    }
    return undefined;
}
/** `Authorization` value for basic credentials. */
function auth_basicAuthorization(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}
/**
 * Parses a token endpoint's JSON (`token` or OAuth2 `access_token`, `expires_in` seconds, default 60
 * per the Docker token spec). A margin of 10 s is kept so a token does not expire mid-request.
 */
function auth_parseTokenResponse(body, now = Date.now()) {
    const b = (body ?? {});
    const token = typeof b['token'] === 'string' && b['token'] !== ''
        ? b['token']
        : typeof b['access_token'] === 'string'
            ? b['access_token']
            : '';
    if (token === '')
        throw new Error('token endpoint answered without "token" or "access_token"');
    const expiresIn = typeof b['expires_in'] === 'number' && b['expires_in'] > 0 ? b['expires_in'] : 60;
    return { token, expiresAt: now + Math.max(0, expiresIn - 10) * 1000 };
}

;// CONCATENATED MODULE: ./packages/core/src/registry/digest.ts
/**
 * Content digests (`<algorithm>:<hex>`) as the OCI image spec defines them, for verifying bytes
 * received from or sent to a registry.
 */

const HEX_LENGTH = { sha256: 64, sha512: 128 };
const DIGEST_RE = /^(sha256|sha512):([0-9a-f]+)$/;
/** True if `text` is a `sha256:`/`sha512:` digest with the right number of lowercase hex digits. */
function digest_isContentDigest(text) {
    const m = DIGEST_RE.exec(text);
    return m !== null && m[2].length === HEX_LENGTH[m[1]];
}
/**
 * Splits a digest into algorithm and hex.
 *
 * @throws Error naming the text and the expected form when it is not a sha256/sha512 digest
 */
function digest_splitDigest(text) {
    const m = DIGEST_RE.exec(text);
    const algorithm = m?.[1];
    if (m === null || algorithm === undefined || m[2].length !== HEX_LENGTH[algorithm]) {
        throw new Error(`${JSON.stringify(text)} is not a content digest: expected sha256:<64 lowercase hex> or sha512:<128 lowercase hex>`);
    }
    return { algorithm, hex: m[2] };
}
/** Digest of `bytes` with `algorithm` (default sha256), as `<algorithm>:<hex>`. */
function digest_digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}
/**
 * Wraps a byte stream so that it errors at its end unless the bytes it carried hash to `expected`
 * and (when given) number `expectedSize`.
 *
 * The check happens while the bytes flow, so a caller streaming a blob elsewhere never holds it in
 * memory; a consumer sees the error before it sees end-of-stream, so a corrupt blob is never
 * taken as complete.
 */
function digest_verifyingStream(source, expected, describe, expectedSize) {
    const { algorithm } = digest_splitDigest(expected);
    const hash = createHash(algorithm);
    let size = 0;
    return source.pipeThrough(new TransformStream({
        transform(chunk, controller) {
            hash.update(chunk);
            size += chunk.byteLength;
            controller.enqueue(chunk);
        },
        flush(controller) {
            const actual = `${algorithm}:${hash.digest('hex')}`;
            if (actual !== expected) {
                controller.error(new Error(`${describe}: content digest mismatch: expected ${expected}, got ${actual} (${size} bytes)`));
            }
            else if (expectedSize !== undefined && size !== expectedSize) {
                controller.error(new Error(`${describe}: expected ${expectedSize} bytes, got ${size}`));
            }
        },
    }));
}

;// CONCATENATED MODULE: ./packages/core/src/registry/media-types.ts
/**
 * Media types of the OCI image spec and of Docker's image manifest v2 (schema 2).
 *
 * Registries still hold plenty of Docker-typed images (docker push, podman push with `--format v2s2`),
 * so every manifest request accepts both families.
 */
/** OCI image manifest. */
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
/** OCI image index (multi-platform image or a referrers list). */
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
/** OCI image config. */
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
/** OCI empty descriptor (`{}`), the config of artifacts that carry no config. */
const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
/** OCI gzip-compressed layer. */
const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
/** OCI uncompressed layer. */
const OCI_LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar';
/** OCI zstd-compressed layer. */
const OCI_LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
/** Docker image manifest v2, schema 2. */
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
/** Docker manifest list (multi-platform). */
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
/** Docker image config. */
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
/** Docker gzip-compressed layer. */
const DOCKER_LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
/** Manifest media types a `RegistryClient` asks for, most preferred first. */
const MANIFEST_MEDIA_TYPES = [
    OCI_MANIFEST,
    OCI_INDEX,
    DOCKER_MANIFEST,
    DOCKER_MANIFEST_LIST,
];
/** Value of the `Accept` header of manifest requests. */
const media_types_MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');
/** True for an index-like manifest (OCI index or Docker manifest list) whose entries are manifests. */
function isIndexMediaType(mediaType) {
    return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
/** True for a single-image manifest (OCI image manifest or Docker v2 schema 2). */
function isImageManifestMediaType(mediaType) {
    return mediaType === OCI_MANIFEST || mediaType === DOCKER_MANIFEST;
}
/**
 * OCI distribution spec recommends registries accept manifests of at least 4 MiB; anything larger is
 * not a manifest we should hold in memory.
 */
const media_types_MAX_MANIFEST_BYTES = (/* unused pure expression or super */ null && (4 * 1024 * 1024));

;// CONCATENATED MODULE: ./packages/core/src/registry/retry.ts
/**
 * Bounded retries with exponential backoff and jitter for registry requests.
 *
 * Registries (and the proxies in front of them) answer 429 and 5xx under load and drop
 * connections on restart; a promotion that gives up on the first hiccup would fail pipelines that
 * a second attempt a moment later would have passed.
 */
/** Defaults used by `RegistryClient` for fields not given. */
const DEFAULT_RETRY = {
    attempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    maxRetryAfterMs: 60_000,
    random: Math.random,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** Fills in defaults and checks the bounds of user-given retry options. */
function retry_resolveRetryOptions(options) {
    const resolved = { ...DEFAULT_RETRY, ...options };
    if (!Number.isInteger(resolved.attempts) || resolved.attempts < 1) {
        throw new Error(`retry.attempts must be an integer >= 1, got ${String(resolved.attempts)}`);
    }
    if (!(resolved.baseDelayMs >= 0) || !(resolved.maxDelayMs >= 0)) {
        throw new Error(`retry.baseDelayMs and retry.maxDelayMs must be >= 0, got ${resolved.baseDelayMs} and ${resolved.maxDelayMs}`);
    }
    return resolved;
}
/**
 * True for statuses worth another attempt: 408 and 429 (the server asks us to come back) and 5xx
 * except 501/505, which say the request will never work.
 */
function retry_isRetryableStatus(status) {
    if (status === 408 || status === 429)
        return true;
    return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}
/**
 * Parses a `Retry-After` header (delay-seconds or HTTP-date) into milliseconds from `now`.
 * Returns undefined when absent or unparsable, so the caller falls back to its own backoff.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (value === null || value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const when = Date.parse(text);
    if (Number.isNaN(when))
        return undefined;
    return Math.max(0, when - now);
}
/**
 * Delay before retry number `retry` (1 = first retry): "equal jitter", i.e. half of the
 * exponential step fixed and half random, so clients that failed together do not retry in lockstep
 * yet each still waits a minimum.
 */
function retry_backoffDelay(retry, options) {
    const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
    return Math.round(step / 2 + options.random() * (step / 2));
}
/**
 * Runs `attempt` until it yields a response that is not retryable, or attempts run out.
 *
 * A network error (a thrown `attempt`) is retried like a 5xx. When the last attempt still fails,
 * the last response is returned (so the caller can build an error from its status and body) or
 * the last network error is rethrown. Bodies of discarded responses are cancelled so their
 * connections are freed.
 *
 * @param attempt performs one request; `n` is the 1-based attempt number. It must be safe to call
 *   again (a request whose body was a consumed one-shot stream is not: pass `attempts: 1` then).
 */
async function retry_fetchWithRetry(attempt, options, onRetry) {
    for (let n = 1;; n++) {
        let response;
        let error;
        try {
            response = await attempt(n);
        }
        catch (err) {
            error = err;
        }
        if (response !== undefined && !retry_isRetryableStatus(response.status))
            return response;
        if (n >= options.attempts) {
            if (response !== undefined)
                return response;
            throw error;
        }
        let delayMs = retry_backoffDelay(n, options);
        const retryAfter = parseRetryAfter(response?.headers.get('retry-after'));
        if (retryAfter !== undefined)
            delayMs = Math.min(Math.max(delayMs, retryAfter), options.maxRetryAfterMs);
        onRetry?.({
            attempt: n,
            attempts: options.attempts,
            ...(response !== undefined ? { status: response.status } : { error }),
            delayMs,
        });
        await response?.body?.cancel().catch(() => undefined);
        await options.sleep(delayMs);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/registry/client.ts
/**
 * A client for the OCI distribution API (the registry HTTP API), built on the global `fetch`.
 *
 * Promotion copies images registry-to-registry by digest, so everything here is about bytes and
 * digests: manifests are verified against the digest asked for, blobs are verified while they
 * stream, and blobs move by cross-repository mount whenever the registry allows it.
 */






/** A registry answered something other than what the operation needs. */
class RegistryError extends Error {
    method;
    url;
    status;
    code;
    detail;
    name = 'RegistryError';
    /**
     * @param method HTTP method of the failed request
     * @param url the request URL
     * @param status HTTP status, or undefined when no response arrived
     * @param code `errors[0].code` of the registry's error JSON, if any
     * @param detail `errors[0].message` (or the start of a non-JSON body)
     * @param message the full message
     */
    constructor(method, url, status, code, detail, message, options) {
        super(message, options);
        this.method = method;
        this.url = url;
        this.status = status;
        this.code = code;
        this.detail = detail;
    }
}
/** Bytes received from a registry do not hash to the digest they were supposed to have. */
class DigestMismatchError extends Error {
    registry;
    repository;
    reference;
    expected;
    actual;
    name = 'DigestMismatchError';
    constructor(registry, repository, reference, expected, actual, what) {
        super(`${what} ${registry}/${repository}${reference.includes(':') ? '@' : ':'}${reference} failed verification: ` +
            `expected digest ${expected}, but the received bytes hash to ${actual}`);
        this.registry = registry;
        this.repository = repository;
        this.reference = reference;
        this.expected = expected;
        this.actual = actual;
    }
}
const REPOSITORY_RE = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
const TAG_RE = /^\w[\w.-]{0,127}$/;
/** True for hosts that never leave the machine: 127.0.0.0/8, ::1 and `localhost`. */
function isLoopbackHost(hostname) {
    const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (h === 'localhost' || h === '::1')
        return true;
    return (0,external_node_net_.isIP)(h) === 4 && h.startsWith('127.');
}
/**
 * The API base URL (`http(s)://host[:port]`) of a registry: http for loopback hosts or when
 * `insecure`, https otherwise. `docker.io` maps to Docker Hub's API host.
 *
 * @throws Error when `registry` is not a bare host[:port]
 */
function registryBaseUrl(registry, insecure = false) {
    let url;
    try {
        url = new URL(`http://${registry}`);
    }
    catch {
        throw new Error(`registry ${JSON.stringify(registry)} is not a host[:port]`);
    }
    if (registry === '' ||
        url.username !== '' ||
        url.password !== '' ||
        url.pathname !== '/' ||
        url.search !== '' ||
        url.hash !== '' ||
        registry.includes('/')) {
        throw new Error(`registry ${JSON.stringify(registry)} is not a host[:port] (no scheme, path or credentials)`);
    }
    const host = url.host === 'docker.io' || url.host === 'index.docker.io' ? 'registry-1.docker.io' : url.host;
    const scheme = insecure || isLoopbackHost(url.hostname) ? 'http' : 'https';
    return `${scheme}://${host}`;
}
function checkRepository(repository) {
    if (!REPOSITORY_RE.test(repository) || repository.length > 255) {
        throw new Error(`repository ${JSON.stringify(repository)} is not a valid repository name (lowercase path components ` +
            'of [a-z0-9] separated by ".", "_", "__" or "-", joined by "/")');
    }
}
function checkReference(reference) {
    if (!TAG_RE.test(reference) && !isContentDigest(reference)) {
        throw new Error(`reference ${JSON.stringify(reference)} is neither a tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}) nor a ` +
            'sha256/sha512 digest');
    }
}
function checkDigest(digest, what) {
    if (!isContentDigest(digest)) {
        throw new Error(`${what} ${JSON.stringify(digest)} is not a sha256:<64 hex> or sha512:<128 hex> digest`);
    }
}
function mediaTypeOf(response) {
    const value = response.headers.get('content-type');
    if (value === null)
        return undefined;
    const type = value.split(';')[0].trim();
    return type === '' ? undefined : type;
}
function scopePull(repository) {
    return `repository:${repository}:pull`;
}
function scopePush(repository) {
    return `repository:${repository}:pull,push`;
}
/** Parses RFC 8288 `Link` for `rel="next"` (registries use it to paginate tag and referrer lists). */
function nextLink(header) {
    if (header === null)
        return undefined;
    for (const part of header.split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>(.*)$/.exec(part);
        if (m !== null && /;\s*rel="?next"?(\s*;|\s*$)/i.test(m[2]))
            return m[1];
    }
    return undefined;
}
function isStreamLike(value) {
    return value instanceof Readable || value instanceof ReadableStream;
}
function toWebStream(body) {
    return body instanceof Readable ? Readable.toWeb(body) : body;
}
/**
 * Speaks the OCI distribution API to one registry.
 *
 * Authentication is negotiated on demand: anonymous first, then whatever the registry's
 * `WWW-Authenticate` challenge asks for (basic, or a bearer token fetched from the challenge's realm
 * with the basic credentials, cached per scope). Requests that fail with a network error, 408,
 * 429 or 5xx are retried with exponential backoff and jitter, honouring `Retry-After`.
 *
 * @example
 * const client = new RegistryClient({ registry: '127.0.0.1:5000' });
 * const { digest } = await client.getManifest('app/web', 'v1');
 */
class RegistryClient {
    /** host[:port] as given. */
    registry;
    /** `http(s)://host[:port]`. */
    baseUrl;
    fetchImpl;
    retry;
    options;
    credentialsLoaded = false;
    credentials = null;
    credentialsSource = 'none';
    scheme = 'none';
    bearerChallenge;
    tokens = new Map();
    constructor(options) {
        this.options = options;
        this.registry = options.registry;
        this.baseUrl = registryBaseUrl(options.registry, options.insecure ?? false);
        this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
        this.retry = resolveRetryOptions(options.retry);
    }
    /** Checks that the registry speaks the v2 API and that we can authenticate to it. */
    async ping() {
        const response = await this.send({ method: 'GET', url: '/v2/', scopes: [] });
        await this.expect(response, 'GET', '/v2/', [200]);
        await response.body?.cancel();
    }
    /**
     * HEAD of a manifest: its digest, media type and size, or null when the registry does not have it.
     * Falls back to a GET when the registry omits `Docker-Content-Digest`.
     */
    async headManifest(repository, reference) {
        checkRepository(repository);
        checkReference(reference);
        const path = `/v2/${repository}/manifests/${reference}`;
        const response = await this.send({
            method: 'HEAD',
            url: path,
            scopes: [scopePull(repository)],
            headers: { accept: MANIFEST_ACCEPT },
        });
        if (response.status === 404)
            return null;
        await this.expect(response, 'HEAD', path, [200]);
        const digest = response.headers.get('docker-content-digest');
        const mediaType = mediaTypeOf(response);
        const length = response.headers.get('content-length');
        const size = Number(length);
        if (digest === null ||
            !isContentDigest(digest) ||
            mediaType === undefined ||
            length === null ||
            !Number.isInteger(size)) {
            const fetched = await this.getManifest(repository, reference);
            return { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.size };
        }
        if (isContentDigest(reference) && digest !== reference) {
            throw new DigestMismatchError(this.registry, repository, reference, reference, digest, 'HEAD manifest');
        }
        return { digest, mediaType, size };
    }
    /**
     * Fetches a manifest (image manifest or index, OCI or Docker v2) and verifies its bytes: against
     * `reference` when it is a digest, else against the registry's `Docker-Content-Digest`.
     *
     * @throws DigestMismatchError when the bytes do not match
     * @throws RegistryError when the registry does not have it (404) or answers an error
     */
    async getManifest(repository, reference) {
        checkRepository(repository);
        checkReference(reference);
        const path = `/v2/${repository}/manifests/${reference}`;
        const response = await this.send({
            method: 'GET',
            url: path,
            scopes: [scopePull(repository)],
            headers: { accept: MANIFEST_ACCEPT },
        });
        await this.expect(response, 'GET', path, [200]);
        const declared = Number(response.headers.get('content-length') ?? '0');
        if (declared > MAX_MANIFEST_BYTES) {
            await response.body?.cancel();
            throw new RegistryError('GET', this.baseUrl + path, 200, undefined, undefined, `GET ${this.baseUrl}${path}: manifest of ${declared} bytes exceeds the ${MAX_MANIFEST_BYTES}-byte limit`);
        }
        const bytes = Buffer.from(await response.arrayBuffer());
        const header = response.headers.get('docker-content-digest');
        let digest;
        if (isContentDigest(reference)) {
            digest = reference;
        }
        else if (header !== null && isContentDigest(header)) {
            digest = header;
        }
        else {
            digest = digestOf(bytes);
        }
        const actual = digestOf(bytes, splitDigest(digest).algorithm);
        if (actual !== digest) {
            throw new DigestMismatchError(this.registry, repository, reference, digest, actual, 'GET manifest');
        }
        if (isContentDigest(reference) && header !== null && isContentDigest(header) && header !== reference) {
            throw new DigestMismatchError(this.registry, repository, reference, reference, header, 'GET manifest');
        }
        let json;
        try {
            json = JSON.parse(bytes.toString('utf8'));
        }
        catch (err) {
            throw new Error(`GET ${this.baseUrl}${path}: manifest ${digest} is not valid JSON: ${err.message}`, {
                cause: err,
            });
        }
        const mediaType = mediaTypeOf(response) ?? json.mediaType ?? 'application/octet-stream';
        return { digest, mediaType, size: bytes.length, bytes, json };
    }
    /**
     * Stores a manifest under a tag or its digest and returns its digest (sha256 of `bytes`).
     *
     * @throws Error when `reference` is a digest that `bytes` do not hash to, or the registry reports
     *   another digest than the one of the bytes sent
     */
    async putManifest(repository, reference, bytes, mediaType) {
        checkRepository(repository);
        checkReference(reference);
        const algorithm = isContentDigest(reference) ? splitDigest(reference).algorithm : 'sha256';
        const digest = digestOf(bytes, algorithm);
        if (isContentDigest(reference) && digest !== reference) {
            throw new Error(`PUT manifest ${this.registry}/${repository}@${reference}: the manifest bytes hash to ${digest}, not to the digest they are pushed under`);
        }
        const path = `/v2/${repository}/manifests/${reference}`;
        const response = await this.send({
            method: 'PUT',
            url: path,
            scopes: [scopePush(repository)],
            headers: { 'content-type': mediaType },
            body: bytes,
        });
        await this.expect(response, 'PUT', path, [200, 201, 202]);
        await response.body?.cancel();
        const stored = response.headers.get('docker-content-digest');
        if (stored !== null && stored !== digest && stored !== digestOf(bytes)) {
            throw new Error(`PUT ${this.baseUrl}${path}: the registry stored the manifest as ${stored}, but the bytes sent hash to ${digest}`);
        }
        return digest;
    }
    /**
     * Deletes a manifest by digest (every tag pointing at it goes too). Returns false when the
     * registry does not have it.
     *
     * @throws Error for a tag: registries delete by digest only, and resolving a tag here would
     *   silently delete other tags sharing the digest
     */
    async deleteManifest(repository, digest) {
        checkRepository(repository);
        checkDigest(digest, `deleteManifest(${repository}): reference`);
        const path = `/v2/${repository}/manifests/${digest}`;
        const response = await this.send({ method: 'DELETE', url: path, scopes: [scopePush(repository)] });
        if (response.status === 404) {
            await response.body?.cancel();
            return false;
        }
        await this.expect(response, 'DELETE', path, [200, 202, 204]);
        await response.body?.cancel();
        return true;
    }
    /**
     * Deletes a blob's link from a repository (registries with deletion enabled; the bytes go at the
     * registry's next garbage collection). Returns false when the repository does not have it.
     */
    async deleteBlob(repository, digest) {
        checkRepository(repository);
        checkDigest(digest, 'blob digest');
        const path = `/v2/${repository}/blobs/${digest}`;
        const response = await this.send({ method: 'DELETE', url: path, scopes: [scopePush(repository)] });
        if (response.status === 404) {
            await response.body?.cancel();
            return false;
        }
        await this.expect(response, 'DELETE', path, [200, 202, 204]);
        await response.body?.cancel();
        return true;
    }
    /** Size of a blob in a repository, or null when the repository does not have it. */
    async statBlob(repository, digest) {
        checkRepository(repository);
        checkDigest(digest, 'blob digest');
        const path = `/v2/${repository}/blobs/${digest}`;
        const response = await this.send({ method: 'HEAD', url: path, scopes: [scopePull(repository)] });
        if (response.status === 404)
            return null;
        await this.expect(response, 'HEAD', path, [200]);
        return { size: Number(response.headers.get('content-length') ?? '0') };
    }
    /** True if the repository has the blob. */
    async headBlob(repository, digest) {
        return (await this.statBlob(repository, digest)) !== null;
    }
    /**
     * Starts downloading a blob. The returned stream is verified against `digest` as it flows (see
     * {@link BlobDownload.stream}); nothing is buffered.
     */
    async getBlob(repository, digest) {
        checkRepository(repository);
        checkDigest(digest, 'blob digest');
        const path = `/v2/${repository}/blobs/${digest}`;
        const response = await this.send({ method: 'GET', url: path, scopes: [scopePull(repository)] });
        await this.expect(response, 'GET', path, [200]);
        const length = response.headers.get('content-length');
        const size = length === null ? undefined : Number(length);
        if (response.body === null) {
            throw new RegistryError('GET', this.baseUrl + path, 200, undefined, undefined, `GET ${this.baseUrl}${path}: empty body`);
        }
        const stream = verifyingStream(response.body, digest, `GET blob ${this.registry}/${repository}@${digest}`, size);
        return { digest, size, stream };
    }
    /**
     * Asks the registry to mount a blob of `fromRepository` into `toRepository` without moving its
     * bytes. Returns true when mounted (201); false when the registry declined (202: it opened an
     * upload session instead, which is cancelled here), e.g. because it does not have the blob or
     * the credentials cannot read `fromRepository`.
     */
    async mountBlob(toRepository, fromRepository, digest) {
        checkRepository(toRepository);
        checkRepository(fromRepository);
        checkDigest(digest, 'blob digest');
        const path = `/v2/${toRepository}/blobs/uploads/?mount=${encodeURIComponent(digest)}` +
            `&from=${encodeURIComponent(fromRepository)}`;
        const response = await this.send({
            method: 'POST',
            url: path,
            scopes: [scopePush(toRepository), scopePull(fromRepository)],
        });
        await this.expect(response, 'POST', path, [201, 202]);
        await response.body?.cancel();
        if (response.status === 201)
            return true;
        await this.cancelUpload(toRepository, response.headers.get('location'));
        return false;
    }
    /**
     * Uploads a blob monolithically (POST to open a session, one PUT with the bytes) and returns its
     * digest. A restartable body (bytes, or a function giving a fresh stream) is retried as a whole
     * new session on network errors, 429 and 5xx; a one-shot stream is not retried once sent.
     *
     * @param size exact byte count (sent as `Content-Length`)
     */
    async uploadBlob(repository, digest, body, size) {
        checkRepository(repository);
        checkDigest(digest, 'blob digest');
        if (!Number.isSafeInteger(size) || size < 0) {
            throw new Error(`uploadBlob(${repository}, ${digest}): size must be a byte count, got ${size}`);
        }
        if (body instanceof Uint8Array) {
            if (body.byteLength !== size) {
                throw new Error(`uploadBlob(${repository}, ${digest}): size ${size} but ${body.byteLength} bytes given`);
            }
            const actual = digestOf(body, splitDigest(digest).algorithm);
            if (actual !== digest) {
                throw new Error(`uploadBlob(${repository}, ${digest}): the bytes given hash to ${actual}`);
            }
        }
        const restartable = !isStreamLike(body);
        const attempts = restartable ? this.retry.attempts : 1;
        for (let attempt = 1;; attempt++) {
            const location = await this.startUpload(repository);
            const put = new URL(location, this.baseUrl);
            put.searchParams.append('digest', digest);
            let payload;
            if (body instanceof Uint8Array)
                payload = body;
            else if (isStreamLike(body))
                payload = toWebStream(body);
            else
                payload = toWebStream(await body());
            let response;
            let error;
            try {
                response = await this.send({
                    method: 'PUT',
                    url: put.href,
                    scopes: [scopePush(repository)],
                    headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
                    body: payload,
                    repeatable: false,
                });
            }
            catch (err) {
                error = err;
            }
            const transient = response === undefined || isRetryableStatus(response.status);
            if (transient && attempt < attempts) {
                const delayMs = backoffDelay(attempt, this.retry);
                this.options.log?.(`PUT ${put.origin}${put.pathname} failed (${response?.status ?? String(error)}); ` +
                    `restarting the upload in ${delayMs} ms (attempt ${attempt + 1}/${attempts})`);
                await response?.body?.cancel().catch(() => undefined);
                await this.cancelUpload(repository, location);
                await this.retry.sleep(delayMs);
                continue;
            }
            if (response === undefined) {
                throw new RegistryError('PUT', put.href, undefined, undefined, undefined, `PUT ${put.origin}${put.pathname} (blob ${digest} into ${this.registry}/${repository}) failed: ` +
                    `${error?.message ?? String(error)}` +
                    (restartable ? '' : ' (the body was a one-shot stream, so the upload was not retried)'), { cause: error });
            }
            await this.expect(response, 'PUT', put.href, [201, 204]);
            await response.body?.cancel();
            const stored = response.headers.get('docker-content-digest');
            if (stored !== null && stored !== digest) {
                throw new Error(`PUT blob ${this.registry}/${repository}: registry stored ${stored}, expected ${digest}`);
            }
            return digest;
        }
    }
    /**
     * Makes `descriptor`'s blob present in `repository` of this registry, taking it from
     * `sourceRepository` of `source` by the cheapest means: nothing if it is already there, a
     * mount when `source` is this same registry, else a verified stream from `source` into this
     * registry (restarted from `source` on transient failures, never buffered).
     */
    async copyBlobFrom(source, sourceRepository, repository, descriptor) {
        const { digest, size } = descriptor;
        if (await this.headBlob(repository, digest))
            return 'exists';
        if (source.baseUrl === this.baseUrl && (await this.mountBlob(repository, sourceRepository, digest))) {
            return 'mounted';
        }
        await this.uploadBlob(repository, digest, async () => (await source.getBlob(sourceRepository, digest)).stream, size);
        return 'streamed';
    }
    /** All tags of a repository, following `Link` pagination; [] when the repository is unknown. */
    async listTags(repository) {
        checkRepository(repository);
        const tags = [];
        let url = `/v2/${repository}/tags/list?n=1000`;
        const seen = new Set();
        while (url !== undefined) {
            if (seen.has(url))
                throw new Error(`GET ${this.baseUrl}${url}: tag list pagination loops`);
            seen.add(url);
            const response = await this.send({ method: 'GET', url, scopes: [scopePull(repository)] });
            if (response.status === 404 && tags.length === 0) {
                await response.body?.cancel();
                return [];
            }
            await this.expect(response, 'GET', url, [200]);
            const json = (await response.json());
            tags.push(...(json.tags ?? []));
            url = nextLink(response.headers.get('link'));
        }
        return tags;
    }
    /**
     * Manifests that refer to `digest` through their `subject`, via the OCI referrers API.
     * Returns null when the registry has no referrers API (404), so the caller can fall back to the
     * `sha256-<hex>` tag schema.
     *
     * @param artifactType keep only referrers of this artifact type
     */
    async referrers(repository, digest, artifactType) {
        checkRepository(repository);
        checkDigest(digest, 'subject digest');
        const result = [];
        let url = `/v2/${repository}/referrers/${digest}` +
            (artifactType === undefined ? '' : `?artifactType=${encodeURIComponent(artifactType)}`);
        let first = true;
        let filtered = artifactType === undefined;
        while (url !== undefined) {
            const response = await this.send({
                method: 'GET',
                url,
                scopes: [scopePull(repository)],
                headers: { accept: 'application/vnd.oci.image.index.v1+json' },
            });
            if (first && response.status === 404) {
                await response.body?.cancel();
                return null;
            }
            first = false;
            await this.expect(response, 'GET', url, [200]);
            if ((response.headers.get('oci-filters-applied') ?? '')
                .split(',')
                .some((f) => f.trim() === 'artifactType')) {
                filtered = true;
            }
            const index = (await response.json());
            result.push(...(index.manifests ?? []));
            url = nextLink(response.headers.get('link'));
        }
        return filtered ? result : result.filter((d) => d.artifactType === artifactType);
    }
    async startUpload(repository) {
        const path = `/v2/${repository}/blobs/uploads/`;
        const response = await this.send({ method: 'POST', url: path, scopes: [scopePush(repository)] });
        await this.expect(response, 'POST', path, [202]);
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (location === null || location === '') {
            throw new RegistryError('POST', this.baseUrl + path, 202, undefined, undefined, `POST ${this.baseUrl}${path}: 202 without a Location header`);
        }
        return new URL(location, this.baseUrl).href;
    }
    /** Best effort: an abandoned session only costs the registry until it expires it. */
    async cancelUpload(repository, location) {
        if (location === null || location === '')
            return;
        const url = new URL(location, this.baseUrl).href;
        try {
            const response = await this.send({ method: 'DELETE', url, scopes: [scopePush(repository)] });
            await response.body?.cancel();
            if (response.status >= 300 && response.status !== 404) {
                this.options.log?.(`DELETE ${url} (cancel upload) answered ${response.status}`);
            }
        }
        catch (err) {
            this.options.log?.(`DELETE ${url} (cancel upload) failed: ${err.message}`);
        }
    }
    /** Throws a RegistryError built from the response unless its status is one of `ok`. */
    async expect(response, method, url, ok) {
        if (ok.includes(response.status))
            return;
        const full = url.startsWith('/') ? this.baseUrl + url : url;
        let code;
        let detail;
        if (method !== 'HEAD') {
            const text = await response.text().catch(() => '');
            try {
                const json = JSON.parse(text);
                const first = json.errors?.[0];
                if (typeof first?.code === 'string')
                    code = first.code;
                if (typeof first?.message === 'string')
                    detail = first.message;
            }
            catch {
                detail = text.trim().slice(0, 300) || undefined;
            }
        }
        else {
            await response.body?.cancel();
        }
        let message = `${method} ${full} failed: ${response.status} ${response.statusText}`.trimEnd();
        if (code !== undefined || detail !== undefined)
            message += `: ${[code, detail].filter(Boolean).join(': ')}`;
        if (response.status === 401 || response.status === 403) {
            message += ` (credentials: ${this.credentialsSource})`;
        }
        throw new RegistryError(method, full, response.status, code, detail, message);
    }
    /**
     * One logical request: preemptive auth, retries, and one repeat after answering a 401 challenge
     * (the repeat is skipped when the body cannot be sent twice; the 401 is then returned, and the
     * cached auth makes a restarted operation authenticate up front).
     */
    async send(request) {
        const repeatable = (request.repeatable ?? true) && !(request.body instanceof ReadableStream);
        const response = await this.attempt(request, repeatable);
        const header = response.headers.get('www-authenticate');
        if (response.status !== 401 || header === null)
            return response;
        await this.answerChallenge(parseWwwAuthenticate(header), request.scopes, request.method, request.url);
        if (!repeatable)
            return response;
        await response.body?.cancel();
        return this.attempt(request, repeatable);
    }
    async attempt(request, repeatable) {
        const url = request.url.startsWith('/') ? this.baseUrl + request.url : request.url;
        const headers = {
            'user-agent': this.options.userAgent ?? 'digestline',
            ...request.headers,
        };
        const authorization = await this.authorization(request.scopes);
        if (authorization !== undefined)
            headers['authorization'] = authorization;
        const init = { method: request.method, headers, redirect: 'follow' };
        if (request.body !== undefined) {
            init.body = request.body;
            if (request.body instanceof ReadableStream)
                init.duplex = 'half';
        }
        const onRetry = (event) => {
            const why = event.status !== undefined ? `status ${event.status}` : `${event.error?.message}`;
            this.options.log?.(`${request.method} ${url}: ${why}; retrying in ${event.delayMs} ms (attempt ${event.attempt + 1}/${event.attempts})`);
        };
        try {
            return await fetchWithRetry(() => this.fetchImpl(url, init), repeatable ? this.retry : { ...this.retry, attempts: 1 }, onRetry);
        }
        catch (err) {
            const cause = err.cause;
            const reason = cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
            throw new RegistryError(request.method, url, undefined, undefined, undefined, `${request.method} ${url} failed: ${reason}` +
                (repeatable ? ` (after ${this.retry.attempts} attempts)` : ''), { cause: err });
        }
    }
    loadCredentials() {
        if (!this.credentialsLoaded) {
            this.credentialsLoaded = true;
            if (this.options.credentials !== undefined) {
                this.credentials = this.options.credentials;
                this.credentialsSource = this.credentials === null ? 'anonymous by request' : 'given to the client';
            }
            else {
                const env = this.options.env ?? process.env;
                const found = findStoredCredentials(this.registry, { env });
                this.credentials = found?.credentials ?? null;
                this.credentialsSource =
                    found !== undefined
                        ? `from ${found.source}`
                        : `none found for ${this.registry} in ${authFilePaths({ env }).join(', ')}`;
            }
        }
        return this.credentials;
    }
    /** The Authorization header to send up front, once we know what the registry wants. */
    async authorization(scopes) {
        if (this.scheme === 'basic') {
            const credentials = this.loadCredentials();
            return credentials !== null && 'username' in credentials ? basicAuthorization(credentials) : undefined;
        }
        if (this.scheme !== 'bearer')
            return undefined;
        const cached = this.tokens.get(scopeKey(scopes));
        if (cached !== undefined && cached.expiresAt > Date.now())
            return `Bearer ${cached.token}`;
        const credentials = this.loadCredentials();
        if (credentials !== null && 'token' in credentials)
            return `Bearer ${credentials.token}`;
        if (this.bearerChallenge === undefined)
            return undefined;
        const token = await this.fetchToken(this.bearerChallenge, scopes);
        return `Bearer ${token.token}`;
    }
    async answerChallenge(challenges, scopes, method, url) {
        const bearer = challenges.find((c) => c.scheme === 'bearer');
        const basic = challenges.find((c) => c.scheme === 'basic');
        const credentials = this.loadCredentials();
        if (bearer !== undefined) {
            this.scheme = 'bearer';
            this.bearerChallenge = bearer;
            if (credentials !== null && 'token' in credentials)
                return;
            const asked = bearer.params['scope']?.split(' ').filter((s) => s !== '') ?? [];
            const all = [...new Set([...scopes, ...asked])];
            this.tokens.set(scopeKey(scopes), await this.fetchToken(bearer, all));
            return;
        }
        if (basic !== undefined) {
            if (credentials === null || !('username' in credentials)) {
                throw new RegistryError(method, url, 401, 'UNAUTHORIZED', undefined, `${method} ${url.startsWith('/') ? this.baseUrl + url : url}: the registry requires basic ` +
                    `authentication, but there are no username/password credentials (${this.credentialsSource})`);
            }
            this.scheme = 'basic';
            return;
        }
        throw new RegistryError(method, url, 401, 'UNAUTHORIZED', undefined, `${method} ${url}: unsupported authentication challenge(s): ${challenges.map((c) => c.scheme).join(', ') || '(none)'}`);
    }
    async fetchToken(challenge, scopes) {
        const url = tokenUrl(challenge, scopes);
        if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !this.options.insecure) {
            throw new Error(`refusing to send credentials to token realm ${url.href} over plain http`);
        }
        const credentials = this.loadCredentials();
        const headers = { 'user-agent': this.options.userAgent ?? 'digestline' };
        if (credentials !== null && 'username' in credentials) {
            headers['authorization'] = basicAuthorization(credentials);
        }
        const response = await fetchWithRetry(() => this.fetchImpl(url, { headers }), this.retry);
        await this.expect(response, 'GET', url.href, [200]);
        const token = parseTokenResponse(await response.json());
        this.tokens.set(scopeKey(scopes), token);
        return token;
    }
}
function scopeKey(scopes) {
    return [...scopes].sort().join(' ');
}

// EXTERNAL MODULE: ./packages/core/src/step.ts
var step = __nccwpck_require__(4412);
// EXTERNAL MODULE: ./actions/fast-check/src/constants.ts
var constants = __nccwpck_require__(4595);
;// CONCATENATED MODULE: ./actions/fast-check/src/context.ts












/**
 * Reads and validates every input before anything runs: a malformed check, a missing checks file,
 * a bad timeout or a tag instead of a digest fails the step naming the input, with nothing started.
 */
async function getInputs(env = process.env) {
    const signingKey = getString(constants/* Inputs */.G0.SigningKey);
    for (const line of signingKey.split('\n'))
        (0,step/* maskSecret */.$l)(line.trim());
    const workspace = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE || process.cwd());
    const timeoutMs = getDuration(constants/* Inputs */.G0.Timeout, constants/* DEFAULT_TIMEOUT_MS */.t1);
    if (timeoutMs <= 0)
        throw new errors/* InputError */.dz(constants/* Inputs */.G0.Timeout, `input "${constants/* Inputs */.G0.Timeout}" must be more than 0`);
    const imageRef = getImageRef(constants/* Inputs */.G0.Image, { requireDigest: true, required: false });
    const checksText = getString(constants/* Inputs */.G0.Checks);
    const checksFile = getString(constants/* Inputs */.G0.ChecksFile);
    const source = checkChecksSource(checksText, checksFile, { checks: constants/* Inputs */.G0.Checks, file: constants/* Inputs */.G0.ChecksFile });
    const specs = source === 'checks'
        ? parseChecks(checksText, constants/* Inputs */.G0.Checks)
        : await loadChecksFile((0,external_node_path_.isAbsolute)(checksFile) ? checksFile : (0,external_node_path_.resolve)(workspace, checksFile), checksFile, constants/* Inputs */.G0.ChecksFile);
    const inputs = {
        plan: (0,lane/* planChecks */.dH)(specs, {
            workspace,
            workingDirectory: getString(constants/* Inputs */.G0.WorkingDirectory, { default: '.' }),
            timeoutMs,
            inContainer: imageRef !== undefined,
            checksInput: source === 'checks' ? constants/* Inputs */.G0.Checks : constants/* Inputs */.G0.ChecksFile,
            workingDirectoryInput: constants/* Inputs */.G0.WorkingDirectory,
        }),
        insecure: imageRef !== undefined && isLoopbackHost(imageRef.registry.replace(/:\d+$/, '')),
        concurrency: getInt(constants/* Inputs */.G0.Concurrency, { min: 1, default: (0,external_node_os_.availableParallelism)() }),
        failFast: getBoolean(constants/* Inputs */.G0.FailFast, false),
        envNames: parseEnvNames(getList(constants/* Inputs */.G0.Env), constants/* Inputs */.G0.Env),
        engine: getEnum(constants/* Inputs */.G0.Engine, engine_select/* ENGINE_CHOICES */.uO, 'auto'),
    };
    if (imageRef !== undefined)
        inputs.image = (0,reference/* formatReference */.FH)(imageRef);
    if (signingKey !== '') {
        checkSigningKey(signingKey, constants/* Inputs */.G0.SigningKey);
        inputs.signingKey = signingKey;
    }
    return inputs;
}


/***/ }),

/***/ 145:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _digestline_core_action__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6820);
/* harmony import */ var _digestline_core_step__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4412);
/* harmony import */ var _digestline_core_checks_lane__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3849);
/* harmony import */ var _digestline_core_checks_report__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(740);
/* harmony import */ var _digestline_core_engine_select__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(8501);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(4595);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(5634);








await (0,_digestline_core_action__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)('fast-check', async () => {
    const inputs = await (0,_context_js__WEBPACK_IMPORTED_MODULE_7__/* .getInputs */ .G)();
    const lane = await (0,_digestline_core_checks_lane__WEBPACK_IMPORTED_MODULE_3__/* .runSourceLane */ .np)({
        plan: inputs.plan,
        ...(inputs.image !== undefined ? { image: inputs.image } : {}),
        insecure: inputs.insecure,
        concurrency: inputs.concurrency,
        failFast: inputs.failFast,
        envNames: inputs.envNames,
        ...(inputs.signingKey !== undefined ? { signingKey: inputs.signingKey } : {}),
        tempDir: process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)(),
    }, { engine: () => (0,_digestline_core_engine_select__WEBPACK_IMPORTED_MODULE_5__/* .selectEngine */ .Xm)(inputs.engine) });
    (0,_digestline_core_step__WEBPACK_IMPORTED_MODULE_2__/* .setOutputs */ .n0)({
        [_constants_js__WEBPACK_IMPORTED_MODULE_6__/* .Outputs */ .tY.Result]: lane.result,
        [_constants_js__WEBPACK_IMPORTED_MODULE_6__/* .Outputs */ .tY.Failed]: lane.failed.join(','),
        [_constants_js__WEBPACK_IMPORTED_MODULE_6__/* .Outputs */ .tY.Report]: lane.reportPath,
        [_constants_js__WEBPACK_IMPORTED_MODULE_6__/* .Outputs */ .tY.Evidence]: lane.evidencePath,
    });
    if (lane.result === 'failed')
        throw new Error((0,_digestline_core_checks_report__WEBPACK_IMPORTED_MODULE_4__/* .failureMessage */ .oh)(lane.outcomes));
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6820:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ runAction)
/* harmony export */ });
/* unused harmony exports IS_POST_STATE, isPost */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5414);
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
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(IS_POST_STATE) === 'true';
}
function debugStack(err) {
    if (err instanceof Error && err.stack)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(err.stack);
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
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`${name} post step failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
                process.exitCode = 1;
            }
            else {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${name} post step: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
            }
        }
        return;
    }
    try {
        // Saved before any work so that a main step which fails half-way still gets its cleanup.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(IS_POST_STATE, 'true');
        await main();
    }
    catch (err) {
        debugStack(err);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`${name} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
        // setFailed sets it too; kept explicit because the exit code is this function's contract.
        process.exitCode = 1;
    }
}


/***/ }),

/***/ 3849:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dH: () => (/* binding */ planChecks),
  np: () => (/* binding */ runSourceLane)
});

// UNUSED EXPORTS: FAST_CHECK_VERSION, printOutcome, readLaneCommit

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1_patch_hash=8303e278be1f0d442778dfd1e73f68c819925be6d9d043e439e90cb1613ce178/node_modules/@actions/core/lib/core.js + 7 modules
var lib_core = __nccwpck_require__(5414);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(637);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var src_exec = __nccwpck_require__(8851);
;// CONCATENATED MODULE: ./packages/core/src/summary.ts
/**
 * Job summary and log grouping.
 *
 * Forgejo writes the step summary file but does not show it, so `writeSummary` always prints a
 * plain-text copy to the log as well; the summary file gets GitHub-flavoured Markdown, which also
 * reads well raw. The file is appended to directly rather than through `core.summary`, whose
 * singleton caches the file path and buffer across calls.
 */



function escapeMarkdown(text) {
    return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
function escapeCell(text) {
    return escapeMarkdown(text) || ' ';
}
function padRow(cells, widths) {
    return cells
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
}
/**
 * Collects a summary once and renders it twice: Markdown for the summary file, plain text for the
 * log. All text is treated as text (escaped), never as Markdown or HTML.
 */
class SummaryBuilder {
    blocks = [];
    /** A heading, level 1–6 (default 2; the job summary already has a level-1 title per step). */
    heading(text, level = 2) {
        this.blocks.push({ kind: 'heading', text, level: Math.min(6, Math.max(1, Math.trunc(level))) });
        return this;
    }
    /** A paragraph. */
    text(text) {
        this.blocks.push({ kind: 'text', text });
        return this;
    }
    /** A bulleted list. */
    list(items) {
        this.blocks.push({ kind: 'list', items: [...items] });
        return this;
    }
    /** A table; rows shorter than the header are padded with empty cells. */
    table(header, rows) {
        this.blocks.push({ kind: 'table', header: [...header], rows: rows.map((row) => [...row]) });
        return this;
    }
    /** Two-column name/value table, e.g. image name → digest. */
    keyValues(pairs, header = ['Name', 'Value']) {
        const rows = Array.isArray(pairs) ? pairs : Object.entries(pairs);
        return this.table(header, rows);
    }
    /** A fenced code block (e.g. a command's output), shown verbatim. */
    code(code, lang = '') {
        this.blocks.push({ kind: 'code', code, lang });
        return this;
    }
    /** True when nothing was added. */
    isEmpty() {
        return this.blocks.length === 0;
    }
    /** GitHub-flavoured Markdown, ending in a blank line so that summaries appended later stay separate. */
    toMarkdown() {
        const parts = this.blocks.map((block) => {
            switch (block.kind) {
                case 'heading':
                    return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
                case 'text':
                    return block.text
                        .split(/\r?\n/)
                        .map((line) => escapeMarkdown(line))
                        .join('  \n');
                case 'list':
                    return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
                case 'table': {
                    const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
                    const line = (cells) => `| ${Array.from({ length: columns }, (_, i) => escapeCell(cells[i] ?? '')).join(' | ')} |`;
                    return [
                        line(block.header),
                        `|${' --- |'.repeat(columns)}`,
                        ...block.rows.map((row) => line(row)),
                    ].join('\n');
                }
                case 'code': {
                    // A fence longer than any backtick run inside keeps the block closed where we mean it.
                    const longest = Math.max(2, ...[...block.code.matchAll(/`+/g)].map((m) => m[0].length));
                    const fence = '`'.repeat(longest + 1);
                    return `${fence}${block.lang}\n${block.code.replace(/\n$/, '')}\n${fence}`;
                }
            }
        });
        return parts.length === 0 ? '' : `${parts.join('\n\n')}\n\n`;
    }
    /** Plain text for the log: headings underlined, tables aligned in columns. */
    toText() {
        const parts = this.blocks.map((block) => {
            switch (block.kind) {
                case 'heading':
                    return `${block.text}\n${(block.level <= 2 ? '=' : '-').repeat(Math.max(3, block.text.length))}`;
                case 'text':
                    return block.text;
                case 'list':
                    return block.items.map((item) => `  - ${item}`).join('\n');
                case 'table': {
                    const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
                    const all = [block.header, ...block.rows].map((row) => Array.from({ length: columns }, (_, i) => (row[i] ?? '').replace(/\r?\n/g, ' ')));
                    const widths = Array.from({ length: columns }, (_, i) => Math.max(...all.map((row) => row[i].length)));
                    const [head, ...rest] = all;
                    return [
                        padRow(head, widths),
                        padRow(widths.map((w) => '-'.repeat(w)), widths),
                        ...rest.map((row) => padRow(row, widths)),
                    ].join('\n');
                }
                case 'code':
                    return block.code.replace(/\n$/, '');
            }
        });
        return parts.join('\n\n');
    }
}
/**
 * Builds a summary with `build`, prints it to the log and appends it to the job summary file
 * (`GITHUB_STEP_SUMMARY`, or `FORGEJO_STEP_SUMMARY` when only that is set).
 *
 * Never throws: a summary is a report, not a result, so a missing variable is silently skipped and
 * any failure (in `build` or writing the file) becomes a warning.
 */
async function writeSummary(build, options = {}) {
    const builder = new SummaryBuilder();
    try {
        build(builder);
    }
    catch (err) {
        lib_core/* warning */.$e(`could not build the job summary: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return;
    }
    if (builder.isEmpty())
        return;
    if (options.log !== false) {
        for (const line of builder.toText().split('\n'))
            lib_core/* info */.pq(line);
    }
    const file = process.env.GITHUB_STEP_SUMMARY || process.env.FORGEJO_STEP_SUMMARY;
    if (!file) {
        lib_core/* debug */.Yz('no GITHUB_STEP_SUMMARY: the summary went to the log only');
        return;
    }
    try {
        await (0,promises_.appendFile)(file, builder.toMarkdown(), 'utf8');
    }
    catch (err) {
        lib_core/* warning */.$e(`could not write the job summary to ${file}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}
let groupDepth = 0;
/**
 * Runs `fn` inside a collapsible log group (`core.group`) and returns its result; the group is
 * closed even when `fn` throws. Runners do not nest groups (an inner `::group::` would end the outer
 * one early), so a group inside a group is only a `-- title --` line.
 */
async function group(title, fn) {
    if (groupDepth > 0) {
        core.info(`-- ${title} --`);
        return fn();
    }
    groupDepth++;
    try {
        return await core.group(title, fn);
    }
    finally {
        groupDepth--;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/checks/container.ts
/**
 * Runs checks inside a CI tooling image: each check is its own `run --rm` container with a unique
 * name and a lane label, the workspace mounted at the same path. A check past its time limit is
 * stopped by name; at the end of the lane every container carrying the lane's label is removed, so
 * nothing is left behind whatever happened.
 */


/** Label on every check container; its value is the lane's id. */
const LANE_LABEL = 'org.digestline.fast-check.lane';
/** Image label saying what an image is for (set by build-image's `role`). */
const ROLE_LABEL = 'org.digestline.role';
/** Whether `engine` can run checks (see {@link CheckEngine}). */
function isCheckEngine(engine) {
    return typeof engine.runArgs === 'function' && 'exec' in engine;
}
/**
 * The user checks run as, so that files they write in the mounted workspace (node_modules, coverage)
 * belong to whoever runs the job:
 * - podman: `0:0`. Rootless podman maps container root to the invoking user; rootful podman means
 *   the invoking user is root.
 * - docker: the invoking `uid:gid` (the daemon is rootful; root would leave root-owned files in a
 *   non-root runner's workspace). A uid that is not root has no writable HOME in most images, so
 *   HOME is set to /tmp.
 * @returns `undefined` when the engine's or platform's user is unknown (Windows)
 */
function checkUser(kind, uid = process.getuid?.(), gid = process.getgid?.()) {
    if (kind === 'podman')
        return { user: '0:0', env: {} };
    if (uid === undefined || gid === undefined)
        return undefined;
    return { user: `${uid}:${gid}`, env: uid === 0 ? {} : { HOME: '/tmp' } };
}
function containerName(laneId, index, check) {
    const slug = check.name.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 40);
    return `dl-check-${laneId}-${index}-${slug}`;
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** Runs each check as `<engine> run --rm --name dl-check-<lane>-<n>-<check> ... IMAGE -c <run>` (entrypoint `/bin/sh`). */
class ContainerLauncher {
    engine;
    options;
    /** The lane id in container names and the {@link LANE_LABEL}. */
    laneId;
    started = 0;
    constructor(engine, options) {
        this.engine = engine;
        this.options = options;
        this.laneId = options.laneId ?? (0,external_node_crypto_.randomBytes)(4).toString('hex');
    }
    /** The `run` argv for `check` as container `name` (pure; pinned by tests). */
    runArgs(check, name) {
        const opts = {
            image: this.options.image,
            name,
            rm: true,
            labels: { [LANE_LABEL]: this.laneId },
            volumes: [{ source: this.options.workspace, target: this.options.workspace }],
            workdir: check.cwd,
            entrypoint: '/bin/sh',
            // stderr joins stdout inside the container, so the two stay in the order the check wrote them.
            command: ['-c', `exec 2>&1\n${check.run}`],
        };
        if (this.options.user !== undefined)
            opts.user = this.options.user;
        if (this.options.env !== undefined && Object.keys(this.options.env).length > 0)
            opts.env = this.options.env;
        const args = this.engine.runArgs(opts, false);
        // Name-only --env takes the value from the engine CLI's environment: secrets stay out of argv.
        const passThrough = this.options.envNames.flatMap((n) => ['--env', n]);
        return [args[0], ...passThrough, ...args.slice(1)];
    }
    start(check, output) {
        const name = containerName(this.laneId, ++this.started, check);
        let settled = false;
        const exited = this.engine.exec
            .exec(this.engine.bin, this.runArgs(check, name), { silent: true, ignoreReturnCode: true })
            .then((result) => {
            output(Buffer.from(result.stdout));
            // The engine's own complaints (image, mount, name clash); the check's stderr is in stdout.
            if (result.stderr.trim() !== '')
                output(Buffer.from(result.stderr));
            return { exitCode: result.exitCode };
        }, (err) => {
            output(Buffer.from(`fast-check: could not run ${this.engine.bin}: ${(0,errors/* errorMessage */.gJ)(err)}\n`));
            return { exitCode: null };
        })
            .finally(() => {
            settled = true;
        });
        const kill = async () => {
            // The container may not exist yet (still being created): keep trying until the run ends.
            while (!settled) {
                try {
                    // PID 1 is `sh`, which ignores SIGTERM: a grace period would only be waited out.
                    await this.engine.stop(name, 0);
                }
                catch {
                    // Not created yet, or already gone.
                }
                await Promise.race([exited, sleep(500)]);
            }
        };
        return { exited, kill };
    }
    /**
     * Removes every container of this lane that still exists (a run cut short, an engine that ignored
     * `--rm`). Returns the names removed.
     * @throws Error when a container cannot be listed or removed: a check left running must not pass unnoticed
     */
    async sweep() {
        const left = await this.engine.containerList({ label: `${LANE_LABEL}=${this.laneId}`, all: true });
        for (const container of left)
            await this.engine.remove(container.id, { force: true });
        return left.map((c) => c.name);
    }
}
/**
 * Makes sure the CI tooling image is present (pulling it when absent) and is not a deployable
 * runtime image: checks run a shell and write to the workspace, which a runtime image must never be
 * used for, and a runtime image passing the source lane would say nothing about the source.
 *
 * @param input the input named in errors
 * @throws InputError (input `image`) for an image whose {@link ROLE_LABEL} is `runtime`
 */
async function prepareImage(engine, image, options = {}) {
    const input = options.input ?? 'image';
    let pulled = false;
    let info;
    try {
        info = await engine.inspectImage(image);
    }
    catch {
        try {
            await engine.pull(image, { insecure: options.insecure ?? false });
        }
        catch (err) {
            throw new errors/* InputError */.dz(input, `input "${input}": cannot pull ${image}: ${(0,errors/* errorMessage */.gJ)(err)}`, {
                cause: err,
            });
        }
        pulled = true;
        info = await engine.inspectImage(image);
    }
    const role = info.labels[ROLE_LABEL];
    if (role === 'runtime') {
        throw new errors/* InputError */.dz(input, `input "${input}": ${image} is labelled ${ROLE_LABEL}=runtime; checks run only in a CI tooling image ` +
            '(e.g. images/ci-tools), never in a deployable runtime image');
    }
    return { pulled, labels: info.labels };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./packages/core/src/checks/host.ts
/**
 * Runs checks on the runner itself: each one `sh -c` in its own process group, so that a timeout
 * kills the check and everything it started (npm → node → workers), not just the shell.
 */

/** How long a killed check gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 5_000;
/**
 * After a check's shell exits, how long its output pipes may stay open (held by a background process
 * it left behind) before they are closed and the leftovers killed.
 */
const PIPE_DRAIN_MS = 2_000;
/**
 * The environment checks see on the runner: the step's own, as a `run:` step would, minus `INPUT_*`
 * (the action's inputs, among them `signing-key`, are not the checks' business).
 */
function hostEnvironment(env = process.env) {
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined && !name.toUpperCase().startsWith('INPUT_'))
            out[name] = value;
    }
    return out;
}
function killGroup(pid, signal) {
    if (pid === undefined)
        return;
    try {
        // Negative pid: the whole process group the check's shell leads (spawned with `detached`).
        process.kill(-pid, signal);
    }
    catch {
        // ESRCH: the group is already gone.
    }
}
/** Runs each check as `/bin/sh -c <run>` on the runner, in its own process group. */
class HostLauncher {
    env;
    killGraceMs;
    /**
     * @param env the checks' environment (see {@link hostEnvironment})
     * @param killGraceMs time between SIGTERM and SIGKILL when a check is killed
     */
    constructor(env = hostEnvironment(), killGraceMs = KILL_GRACE_MS) {
        this.env = env;
        this.killGraceMs = killGraceMs;
    }
    start(check, output) {
        const child = (0,external_node_child_process_namespaceObject.spawn)('/bin/sh', ['-c', check.run], {
            cwd: check.cwd,
            env: this.env,
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout.on('data', output);
        child.stderr.on('data', output);
        const exited = new Promise((resolve) => {
            let done = false;
            const finish = (exit) => {
                if (done)
                    return;
                done = true;
                resolve(exit);
            };
            child.on('error', (err) => {
                output(Buffer.from(`fast-check: could not start /bin/sh in ${check.cwd}: ${err.message}\n`));
                finish({ exitCode: null });
            });
            child.on('exit', (code, signal) => {
                // Nothing a check started may outlive it: a background process would keep running between
                // checks (and hold the output pipes open, so 'close' would never come).
                killGroup(child.pid, 'SIGKILL');
                const drain = setTimeout(() => {
                    child.stdout.destroy();
                    child.stderr.destroy();
                    finish({ exitCode: code, signal });
                }, PIPE_DRAIN_MS);
                child.once('close', () => {
                    clearTimeout(drain);
                    finish({ exitCode: code, signal });
                });
            });
        });
        const kill = async () => {
            killGroup(child.pid, 'SIGTERM');
            const hard = setTimeout(() => killGroup(child.pid, 'SIGKILL'), this.killGraceMs);
            await exited;
            clearTimeout(hard);
        };
        return { exited, kill };
    }
}

// EXTERNAL MODULE: ./packages/core/src/checks/report.ts
var checks_report = __nccwpck_require__(740);
// EXTERNAL MODULE: ./packages/core/src/checks/run.ts
var run = __nccwpck_require__(1781);
;// CONCATENATED MODULE: ./packages/core/src/checks/lane.ts
/**
 * The source lane end to end: plan the checks, bind to the commit, make sure the tooling image is
 * fit, run the checks (each one's output shown as one log group when it ends), then write the report,
 * the evidence and the summary. The fast-check action reads inputs and calls {@link runSourceLane}.
 */












/** Version recorded in the evidence's verifier. */
const FAST_CHECK_VERSION = '0.1.0';
function inside(parent, child) {
    const rel = (0,external_node_path_.relative)(parent, child);
    return rel === '' || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== '..' && !(0,external_node_path_.isAbsolute)(rel));
}
/**
 * Resolves each check's directory (check's `working-directory` under the lane's, under the workspace)
 * and time limit, and checks that every directory exists, and, when checks run in a container, lies
 * inside the workspace (nothing else is mounted).
 *
 * @throws InputError naming `working-directory` or the checks input
 */
function planChecks(specs, options) {
    const wdInput = options.workingDirectoryInput ?? 'working-directory';
    const workspace = (0,external_node_path_.resolve)(options.workspace);
    const laneDir = (0,external_node_path_.resolve)(workspace, options.workingDirectory || '.');
    const mustBeDir = (dir, input, what) => {
        if (options.inContainer && !inside(workspace, dir)) {
            throw new errors/* InputError */.dz(input, `input "${input}": ${what} ${dir} is outside the workspace ${workspace}, which is all the container sees`);
        }
        if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory()) {
            throw new errors/* InputError */.dz(input, `input "${input}": ${what} ${dir} is not a directory`);
        }
    };
    mustBeDir(laneDir, wdInput, 'working directory');
    const checks = specs.map((spec) => {
        const cwd = spec.workingDirectory === undefined ? laneDir : (0,external_node_path_.resolve)(laneDir, spec.workingDirectory);
        if (spec.workingDirectory !== undefined) {
            mustBeDir(cwd, options.checksInput, `working-directory of check ${JSON.stringify(spec.name)}:`);
        }
        return { name: spec.name, run: spec.run, cwd, timeoutMs: spec.timeoutMs ?? options.timeoutMs };
    });
    return { checks, workspace };
}
/**
 * The commit the lane checks: `GITHUB_SHA`, else `git rev-parse HEAD` in the workspace; and its tree
 * (`git rev-parse <sha>^{tree}`), which is left out with a warning when git cannot tell.
 *
 * @throws Error when there is no commit at all: evidence must be bound to one
 */
async function readLaneCommit(workspace, env, exec) {
    const git = async (args) => (await exec.exec('git', args, { cwd: workspace, silent: true })).stdout.trim();
    let sha = (env.GITHUB_SHA ?? '').trim().toLowerCase();
    if (sha === '') {
        try {
            sha = await git(['rev-parse', 'HEAD']);
        }
        catch (err) {
            throw new Error(`fast-check binds its evidence to a commit, but GITHUB_SHA is unset and git cannot tell in ${workspace}: ` +
                `${(0,errors/* errorMessage */.gJ)(err)}\nRun it in a git checkout, or set GITHUB_SHA.`, { cause: err });
        }
    }
    if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) {
        throw new Error(`the commit ${JSON.stringify(sha)} (GITHUB_SHA or git rev-parse HEAD) is not a full hex sha`);
    }
    try {
        return { sha, tree: await git(['rev-parse', '--verify', `${sha}^{tree}`]) };
    }
    catch (err) {
        lib_core/* warning */.$e(`the evidence names commit ${sha} without its tree: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return { sha };
    }
}
/**
 * Runs the source lane. Resolves (does not reject) when checks fail: the caller decides to fail the
 * step, after setting its outputs. Rejects only when the lane could not be run at all (no commit, an
 * unusable or runtime-role image), and then before any check has started.
 */
async function runSourceLane(request, deps = {}) {
    const exec = deps.exec ?? src_exec/* defaultExec */.hp;
    const env = deps.env ?? process.env;
    const { plan } = request;
    const commit = await readLaneCommit(plan.workspace, env, exec);
    let launcher = deps.launcher;
    let sweep;
    if (launcher === undefined && request.image !== undefined) {
        if (deps.engine === undefined)
            throw new Error('runSourceLane: an image needs an engine');
        const engine = deps.engine();
        if (!isCheckEngine(engine))
            throw new Error(`engine ${engine.kind} cannot show its run argv`);
        const prepared = await prepareImage(engine, request.image, { insecure: request.insecure ?? false });
        if (prepared.pulled)
            lib_core/* info */.pq(`pulled ${request.image}`);
        const user = checkUser(engine.kind);
        for (const name of request.envNames) {
            if (env[name] === undefined)
                lib_core/* warning */.$e(`env: ${name} is not set on the runner, so the checks do not get it`);
        }
        const container = new ContainerLauncher(engine, {
            image: request.image,
            workspace: plan.workspace,
            envNames: request.envNames.filter((n) => env[n] !== undefined),
            ...(user !== undefined ? { user: user.user, env: user.env } : {}),
        });
        launcher = container;
        sweep = () => container.sweep();
    }
    launcher ??= new HostLauncher(hostEnvironment(env));
    const where = request.image !== undefined ? `in ${request.image}` : 'on the runner';
    lib_core/* info */.pq(`running ${plan.checks.length} checks ${where}, ${Math.min(request.concurrency, plan.checks.length)} at a time` +
        `${request.failFast ? ', fail-fast' : ''} (commit ${commit.sha})`);
    const startedAt = new Date();
    const started = performance.now();
    // A cancelled job must not leave checks (or their containers) running: kill them, then sweep.
    const cancel = new AbortController();
    const onSignal = (signal) => {
        lib_core/* warning */.$e(`${signal}: stopping the running checks`);
        cancel.abort();
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    let outcomes;
    try {
        outcomes = await (0,run/* runChecks */.JT)(plan.checks, {
            launcher,
            concurrency: request.concurrency,
            failFast: request.failFast,
            signal: cancel.signal,
            onStart: (check) => lib_core/* info */.pq(`started ${check.name}: ${check.run}`),
            onFinish: printOutcome,
        });
    }
    finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        if (sweep !== undefined) {
            const left = await sweep();
            if (left.length > 0)
                lib_core/* warning */.$e(`removed check containers left behind: ${left.join(', ')}`);
        }
    }
    const wallMs = performance.now() - started;
    const dir = (0,external_node_path_.join)(request.tempDir, `fast-check-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
    await (0,promises_.mkdir)((0,external_node_path_.join)(dir, 'logs'), { recursive: true });
    const logs = {};
    for (const [i, o] of outcomes.entries()) {
        if (o.status === 'skipped')
            continue;
        const file = (0,external_node_path_.join)(dir, 'logs', `${i + 1}-${o.check.name.replace(/[^A-Za-z0-9_.-]/g, '-')}.log`);
        await (0,promises_.writeFile)(file, o.output);
        logs[o.check.name] = file;
    }
    const report = (0,checks_report/* buildReport */.FK)(outcomes, {
        commit,
        ...(request.image !== undefined ? { image: request.image } : {}),
        workspace: plan.workspace,
        concurrency: request.concurrency,
        failFast: request.failFast,
        startedAt,
        wallMs,
        logs,
    });
    const reportPath = (0,external_node_path_.join)(dir, 'report.json');
    await (0,promises_.writeFile)(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    const statement = (0,checks_report/* laneStatement */.M5)(outcomes, {
        commit,
        ...(request.image !== undefined ? { image: request.image } : {}),
        version: FAST_CHECK_VERSION,
        env,
    });
    const statementPath = (0,external_node_path_.join)(dir, 'source-evidence.intoto.json');
    await (0,promises_.writeFile)(statementPath, `${JSON.stringify(statement, null, 2)}\n`);
    let evidencePath = statementPath;
    if (request.signingKey !== undefined) {
        const { envelopeOf, signEnvelope } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 2479));
        const envelope = signEnvelope(envelopeOf(statement), request.signingKey);
        evidencePath = (0,external_node_path_.join)(dir, 'source-evidence.dsse.json');
        await (0,promises_.writeFile)(evidencePath, `${JSON.stringify(envelope, null, 2)}\n`);
    }
    await writeSummary((summary) => (0,checks_report/* summarizeLane */.wF)(summary, report, outcomes));
    lib_core/* info */.pq(`report: ${reportPath}`);
    lib_core/* info */.pq(`evidence: ${evidencePath}${request.signingKey !== undefined ? ' (signed)' : ' (unsigned)'}`);
    return {
        result: (0,checks_report/* laneResult */.Yq)(outcomes),
        failed: (0,checks_report/* failedChecks */.HH)(outcomes),
        outcomes,
        reportPath,
        evidencePath,
        wallMs,
    };
}
/**
 * Prints a finished check's whole output as one log group, in a single write: checks running at the
 * same time never interleave their lines.
 */
function printOutcome(outcome) {
    const body = outcome.output === '' || outcome.output.endsWith('\n') ? outcome.output : `${outcome.output}\n`;
    process.stdout.write(`::group::${(0,checks_report/* groupTitle */.SZ)(outcome)}\n${body}::endgroup::\n`);
}


/***/ }),

/***/ 740:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   HH: () => (/* binding */ failedChecks),
/* harmony export */   M5: () => (/* binding */ laneStatement),
/* harmony export */   SZ: () => (/* binding */ groupTitle),
/* harmony export */   Yq: () => (/* binding */ laneResult),
/* harmony export */   oh: () => (/* binding */ failureMessage),
/* harmony export */   wF: () => (/* binding */ summarizeLane)
/* harmony export */ });
/* unused harmony exports FAILURE_TAIL_LINES, describeOutcome */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _evidence_statement_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5885);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8851);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1781);
/**
 * What a source lane leaves behind: the log block of each check, the JSON report, the summary table,
 * the failure message and the source-lane evidence (an in-toto Statement bound to the commit).
 */




/** Lines of a failed check's output shown in the failure message and kept in the report. */
const FAILURE_TAIL_LINES = 30;
/**
 * The lane's result: passed only when every check passed. A lane cut short (fail-fast, a cancelled
 * job) has not shown that the source is good, even when nothing it finished failed.
 */
function laneResult(outcomes) {
    return outcomes.every((o) => o.status === 'passed') ? 'passed' : 'failed';
}
/** Names of the checks that failed or timed out, in the order given. */
function failedChecks(outcomes) {
    return outcomes.filter((o) => (0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .isFailure */ .N6)(o.status)).map((o) => o.check.name);
}
/** One-line status for the log and the summary, e.g. `failed (exit 2)`, `timed out after 10m`. */
function describeOutcome(outcome) {
    switch (outcome.status) {
        case 'passed':
            return 'passed';
        case 'failed':
            return outcome.exitCode === null ? 'failed (did not run)' : `failed (exit ${outcome.exitCode})`;
        case 'timed-out':
            return `timed out after ${(0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(outcome.check.timeoutMs)}`;
        case 'cancelled':
            return 'cancelled';
        case 'skipped':
            return 'not started';
    }
}
/** Title of a check's log group. */
function groupTitle(outcome) {
    const mark = outcome.status === 'passed' ? '✓' : (0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .isFailure */ .N6)(outcome.status) ? '✗' : '-';
    return `${mark} ${outcome.check.name}: ${describeOutcome(outcome)} in ${(0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(outcome.durationMs)}`;
}
/**
 * The step's failure message: which checks failed and the tail of each one's output, so the reason is
 * in the error itself, not only somewhere up in the log.
 */
function failureMessage(outcomes) {
    const failed = outcomes.filter((o) => (0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .isFailure */ .N6)(o.status));
    const parts = [
        failed.length > 0
            ? `${failed.length} of ${outcomes.length} checks failed: ${failed.map((o) => o.check.name).join(', ')}`
            : 'the checks did not all finish, so the lane did not pass',
    ];
    for (const o of failed) {
        const tail = (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .tailLines */ .os)(o.output, FAILURE_TAIL_LINES);
        parts.push(`--- ${o.check.name}: ${describeOutcome(o)}; last ${FAILURE_TAIL_LINES} lines of output ---\n` +
            (tail === '' ? '(no output)' : tail));
    }
    const notRun = outcomes.filter((o) => o.status === 'skipped' || o.status === 'cancelled');
    if (notRun.length > 0)
        parts.push(`not finished (fail-fast or cancelled): ${notRun.map((o) => o.check.name).join(', ')}`);
    return parts.join('\n');
}
/** Builds the JSON report (`logs` maps check names to their full-output files). */
function buildReport(outcomes, lane) {
    const report = {
        result: laneResult(outcomes),
        failed: failedChecks(outcomes),
        commit: lane.commit,
        concurrency: lane.concurrency,
        failFast: lane.failFast,
        startedAt: lane.startedAt.toISOString(),
        wallMs: Math.round(lane.wallMs),
        checks: outcomes.map((o) => {
            const entry = {
                name: o.check.name,
                run: o.check.run,
                workingDirectory: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(lane.workspace, o.check.cwd) || '.',
                status: o.status,
                exitCode: o.exitCode,
                durationMs: Math.round(o.durationMs),
                timeoutMs: o.check.timeoutMs,
                outputTail: (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .tailLines */ .os)(o.output, FAILURE_TAIL_LINES),
            };
            const log = lane.logs?.[o.check.name];
            if (log !== undefined)
                entry.log = log;
            return entry;
        }),
    };
    if (lane.image !== undefined)
        report.image = lane.image;
    return report;
}
const EVIDENCE_RESULT = {
    passed: 'PASSED',
    failed: 'FAILED',
    'timed-out': 'FAILED',
    cancelled: 'SKIPPED',
    skipped: 'SKIPPED',
};
/**
 * The source-lane evidence: an in-toto Statement v1 whose subjects are the commit and its tree, with
 * one predicate check per lane check. The tooling image is recorded as the verifier's `ci-tools`
 * version, since it is what the checks ran with.
 */
function laneStatement(outcomes, lane) {
    const checks = outcomes.map((o) => {
        const check = {
            name: o.check.name,
            result: EVIDENCE_RESULT[o.status],
            durationMs: Math.round(o.durationMs),
        };
        if (o.status !== 'passed')
            check.detail = describeOutcome(o);
        return check;
    });
    const version = { 'fast-check': lane.version };
    if (lane.image !== undefined)
        version['ci-tools'] = lane.image;
    else
        version.runner = `node ${process.version} on ${process.platform}`;
    return (0,_evidence_statement_js__WEBPACK_IMPORTED_MODULE_1__/* .sourceStatement */ .h8)({
        commit: lane.commit.sha,
        ...(lane.commit.tree !== undefined ? { tree: lane.commit.tree } : {}),
        checks,
        result: laneResult(outcomes) === 'passed' ? 'PASSED' : 'FAILED',
        verifier: { version },
        ...(lane.env !== undefined ? { env: lane.env } : {}),
        ...(lane.timeVerified !== undefined ? { timeVerified: lane.timeVerified } : {}),
    });
}
/** Adds the lane's table (check, result, duration) to a summary. */
function summarizeLane(summary, report, outcomes) {
    summary.heading(`fast-check: ${report.result}`);
    summary.table(['Check', 'Result', 'Duration'], outcomes.map((o) => [
        o.check.name,
        describeOutcome(o),
        o.status === 'skipped' ? '-' : (0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(o.durationMs),
    ]));
    const where = report.image !== undefined ? `in ${report.image}` : 'on the runner';
    summary.text(`${outcomes.length} checks ${where}, ${report.concurrency} at a time, in ${(0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(report.wallMs)} ` +
        `(commit ${report.commit.sha.slice(0, 12)})`);
}


/***/ }),

/***/ 1781:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JT: () => (/* binding */ runChecks),
/* harmony export */   N6: () => (/* binding */ isFailure),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony exports OUTPUT_CAP_BYTES, OutputBuffer */
/**
 * The scheduler of a source lane: runs checks at most `concurrency` at a time through a launcher (on
 * the runner: host.ts; in a CI tooling image: container.ts), enforces each check's time limit,
 * stops the rest on the first failure when asked to, and hands every finished check to `onFinish`
 * with its whole output, so the log can show it as one block.
 */
/** Output kept per check; beyond it the oldest output is dropped (the tail is what explains a failure). */
const OUTPUT_CAP_BYTES = 8 * 1024 * 1024;
/** Collects a check's output in arrival order, keeping at most `cap` bytes (the most recent ones). */
class OutputBuffer {
    cap;
    chunks = [];
    size = 0;
    dropped = 0;
    constructor(cap = OUTPUT_CAP_BYTES) {
        this.cap = cap;
    }
    /** Appends a chunk. */
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.cap && this.chunks.length > 0) {
            const first = this.chunks[0];
            const excess = this.size - this.cap;
            if (first.length <= excess) {
                this.chunks.shift();
                this.size -= first.length;
                this.dropped += first.length;
            }
            else {
                this.chunks[0] = first.subarray(excess);
                this.size -= excess;
                this.dropped += excess;
            }
        }
    }
    /** The kept output as UTF-8 text, prefixed by a note when the start was dropped. */
    text() {
        const body = Buffer.concat(this.chunks).toString('utf8');
        return this.dropped === 0
            ? body
            : `[fast-check: ${this.dropped} earlier bytes of output dropped]\n${body}`;
    }
}
/** Whether an outcome fails the lane. */
function isFailure(status) {
    return status === 'failed' || status === 'timed-out';
}
/**
 * Runs `checks` and resolves with one outcome per check, in the order given, once every started
 * check has ended. Never rejects because of a check: a check that cannot start is a failed check.
 */
async function runChecks(checks, options) {
    const now = options.now ?? Date.now;
    const concurrency = Math.max(1, Math.floor(options.concurrency));
    const outcomes = new Array(checks.length);
    const running = new Map();
    let next = 0;
    let stopping = false;
    const stopTheRest = () => {
        stopping = true;
        for (const entry of running.values()) {
            entry.cancelled = true;
            void entry.process.kill();
        }
    };
    const runOne = async (index) => {
        const check = checks[index];
        const buffer = new OutputBuffer();
        options.onStart?.(check);
        const started = now();
        const child = options.launcher.start(check, (chunk) => buffer.push(chunk));
        const entry = { process: child, cancelled: false };
        running.set(index, entry);
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            void child.kill();
        }, check.timeoutMs);
        const exit = await child.exited;
        clearTimeout(timer);
        running.delete(index);
        const durationMs = now() - started;
        let status;
        if (timedOut)
            status = 'timed-out';
        else if (entry.cancelled)
            status = 'cancelled';
        else
            status = exit.exitCode === 0 ? 'passed' : 'failed';
        if (status === 'timed-out') {
            buffer.push(Buffer.from(`\n[fast-check: killed after ${formatDuration(check.timeoutMs)} (the time limit)]\n`));
        }
        else if (status === 'cancelled') {
            buffer.push(Buffer.from('\n[fast-check: killed before it ended (fail-fast or the step was cancelled)]\n'));
        }
        const outcome = {
            check,
            status,
            exitCode: exit.exitCode,
            durationMs,
            output: buffer.text(),
        };
        outcomes[index] = outcome;
        options.onFinish?.(outcome);
        if (options.failFast && isFailure(status) && !stopping)
            stopTheRest();
    };
    const onAbort = () => {
        if (!stopping)
            stopTheRest();
    };
    if (options.signal?.aborted)
        stopping = true;
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const worker = async () => {
        while (!stopping && next < checks.length) {
            const index = next++;
            await runOne(index);
        }
    };
    try {
        await Promise.all(Array.from({ length: Math.min(concurrency, checks.length) }, () => worker()));
    }
    finally {
        options.signal?.removeEventListener('abort', onAbort);
    }
    return checks.map((check, i) => outcomes[i] ?? { check, status: 'skipped', exitCode: null, durationMs: 0, output: '' });
}
/** `1.2s`, `45s`, `2m05s`: durations as the log and the summary show them. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
    const totalS = Math.round(ms / 1000);
    const h = Math.floor(totalS / 3600);
    const m = Math.floor((totalS % 3600) / 60);
    const s = totalS % 60;
    if (h > 0)
        return `${h}h${String(m).padStart(2, '0')}m`;
    return `${m}m${String(s).padStart(2, '0')}s`;
}


/***/ }),

/***/ 8501:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  uO: () => (/* binding */ ENGINE_CHOICES),
  Xm: () => (/* binding */ selectEngine)
});

// UNUSED EXPORTS: onPath

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(637);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var src_exec = __nccwpck_require__(8851);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./packages/core/src/engine/cli-engine.ts
/**
 * What Docker and Podman share: their CLIs agree on most verbs and flags, so the argv builders and
 * the inspect parsers live here and the subclasses override only where the engines differ.
 */



/** Common argv builders and parsers for the Docker and Podman CLIs. */
class CliEngine {
    exec;
    bin;
    /**
     * @param exec runs every command; inject a spied instance in tests
     * @param bin the CLI program (name on PATH or absolute path)
     */
    constructor(exec, bin) {
        this.exec = exec;
        this.bin = bin;
    }
    // ---- argv builders (pure; pinned by test tables) ----
    /** `build` argv, writing the image id to `iidfile`. */
    buildArgs(opts, iidfile) {
        const args = ['build', ...this.buildEngineArgs(opts)];
        if (opts.file !== undefined)
            args.push('--file', opts.file);
        if (opts.target !== undefined)
            args.push('--target', opts.target);
        for (const [k, v] of Object.entries(opts.buildArgs ?? {}))
            args.push('--build-arg', `${k}=${v}`);
        for (const [k, v] of Object.entries(opts.labels ?? {}))
            args.push('--label', `${k}=${v}`);
        for (const tag of opts.tags)
            args.push('--tag', tag);
        args.push('--iidfile', iidfile, opts.context);
        return args;
    }
    /** `login` argv; the password goes to stdin. */
    loginArgs(registry, username, opts = {}) {
        return ['login', ...this.tlsArgs(opts), '--username', username, '--password-stdin', registry];
    }
    /** `pull` argv. */
    pullArgs(ref, opts = {}) {
        return ['pull', ...this.tlsArgs(opts), ref];
    }
    /** Podman's `--tls-verify=false`; docker has no per-command switch. */
    tlsArgs(_opts) {
        return [];
    }
    /** `network create` argv. */
    networkCreateArgs(name, opts = {}) {
        const args = ['network', 'create'];
        for (const [k, v] of Object.entries(opts.labels ?? {}))
            args.push('--label', `${k}=${v}`);
        if (opts.internal)
            args.push('--internal');
        args.push(name);
        return args;
    }
    /** `run` argv: detached for `run`, foreground for `runToCompletion`. */
    runArgs(opts, detach) {
        const args = ['run'];
        if (detach)
            args.push('--detach');
        if (opts.rm)
            args.push('--rm');
        if (opts.name !== undefined)
            args.push('--name', opts.name);
        if (opts.network !== undefined)
            args.push('--network', opts.network);
        for (const alias of opts.aliases ?? [])
            args.push('--network-alias', alias);
        for (const [k, v] of Object.entries(opts.labels ?? {}))
            args.push('--label', `${k}=${v}`);
        for (const [k, v] of Object.entries(opts.env ?? {}))
            args.push('--env', `${k}=${v}`);
        for (const port of opts.ports ?? [])
            args.push('--publish', publishSpec(port));
        for (const volume of opts.volumes ?? [])
            args.push('--volume', volumeSpec(volume));
        if (opts.user !== undefined)
            args.push('--user', opts.user);
        if (opts.workdir !== undefined)
            args.push('--workdir', opts.workdir);
        if (opts.entrypoint !== undefined)
            args.push('--entrypoint', opts.entrypoint);
        if (opts.healthcheck)
            args.push(...this.healthcheckArgs(opts.healthcheck));
        args.push(opts.image, ...(opts.command ?? []));
        return args;
    }
    /** `--health-*` flags for a Docker-form health check. */
    healthcheckArgs(hc) {
        const [kind, ...rest] = hc.test;
        if (kind === 'NONE')
            return ['--no-healthcheck'];
        let cmd;
        if (kind === 'CMD-SHELL') {
            if (rest.length !== 1)
                throw new Error(`healthcheck CMD-SHELL takes exactly one script, got ${rest.length}`);
            cmd = rest[0];
        }
        else {
            const argv = kind === 'CMD' ? rest : hc.test;
            if (argv.length === 0)
                throw new Error('healthcheck test is empty: give a command, CMD-SHELL script or NONE');
            cmd = this.execFormHealthCmd(argv);
        }
        const args = ['--health-cmd', cmd];
        if (hc.intervalMs !== undefined)
            args.push('--health-interval', goDuration(hc.intervalMs));
        if (hc.timeoutMs !== undefined)
            args.push('--health-timeout', goDuration(hc.timeoutMs));
        if (hc.retries !== undefined)
            args.push('--health-retries', String(hc.retries));
        if (hc.startPeriodMs !== undefined)
            args.push('--health-start-period', goDuration(hc.startPeriodMs));
        return args;
    }
    /** `rm` argv. */
    removeArgs(nameOrId, opts = {}) {
        const args = ['rm'];
        if (opts.force)
            args.push('--force');
        if (opts.volumes)
            args.push('--volumes');
        args.push(nameOrId);
        return args;
    }
    // ---- commands ----
    async build(opts) {
        return this.withTempDir(async (dir) => {
            const iidfile = (0,external_node_path_.join)(dir, 'iid');
            await this.exec.exec(this.bin, this.buildArgs(opts, iidfile));
            const id = (await (0,promises_.readFile)(iidfile, 'utf8')).trim();
            if (!/^sha256:[0-9a-f]{64}$/.test(id)) {
                throw new Error(`${this.bin} build succeeded but wrote no image id to --iidfile (got ${JSON.stringify(id)})`);
            }
            return id;
        });
    }
    async login(registry, username, password, opts = {}) {
        await this.exec.exec(this.bin, this.loginArgs(registry, username, opts), {
            input: password,
            secrets: [password],
        });
    }
    async logout(registry) {
        await this.exec.exec(this.bin, ['logout', registry]);
    }
    async pull(ref, opts = {}) {
        await this.exec.exec(this.bin, this.pullArgs(ref, opts));
    }
    async tag(source, target) {
        await this.exec.exec(this.bin, ['tag', source, target], { silent: true });
    }
    async removeImage(ref, opts = {}) {
        await this.exec.exec(this.bin, ['rmi', ...(opts.force ? ['--force'] : []), ref], { silent: true });
    }
    async networkCreate(name, opts = {}) {
        await this.exec.exec(this.bin, this.networkCreateArgs(name, opts), { silent: true });
    }
    async networkRemove(name) {
        await this.exec.exec(this.bin, ['network', 'rm', name], { silent: true });
    }
    async networkList(opts = {}) {
        const r = await this.exec.exec(this.bin, ['network', 'ls', ...labelFilterArgs(opts), '--format', '{{.Name}}'], { silent: true });
        return lines(r.stdout);
    }
    async run(opts) {
        const r = await this.exec.exec(this.bin, this.runArgs(opts, true));
        // Pull progress may precede the id; the id is the last line.
        const id = lines(r.stdout).pop() ?? '';
        if (!/^[0-9a-f]{64}$/.test(id)) {
            throw new Error(`${this.bin} run printed no container id (stdout ended with ${JSON.stringify(id)})`);
        }
        return id;
    }
    async runToCompletion(opts, exec = {}) {
        return this.exec.exec(this.bin, this.runArgs(opts, false), {
            ignoreReturnCode: true,
            timeoutMs: exec.timeoutMs,
        });
    }
    async inspectContainer(nameOrId) {
        const r = await this.exec.exec(this.bin, ['container', 'inspect', nameOrId], { silent: true });
        const info = this.parseContainerInspect(r.stdout);
        if (info.imageDigest === undefined) {
            const digests = await this.repoDigestsOf(info.image);
            const digest = pickRepoDigest(digests, info.imageRef);
            if (digest !== undefined)
                info.imageDigest = digest;
        }
        return info;
    }
    async repoDigestsOf(imageId) {
        const r = await this.exec.exec(this.bin, ['image', 'inspect', '--format', '{{json .RepoDigests}}', imageId], {
            silent: true,
            ignoreReturnCode: true,
        });
        // The image may be gone (removed while its container lives on): then the digest is unknown.
        if (r.exitCode !== 0)
            return [];
        const parsed = JSON.parse(r.stdout.trim() || 'null');
        return stringArray(parsed);
    }
    async runHealthcheck(_nameOrId) { }
    async logs(nameOrId) {
        const r = await this.exec.exec(this.bin, ['logs', nameOrId], { silent: true });
        return { stdout: r.stdout, stderr: r.stderr };
    }
    async stop(nameOrId, timeoutS = 10) {
        await this.exec.exec(this.bin, ['stop', '--time', String(timeoutS), nameOrId], { silent: true });
    }
    async remove(nameOrId, opts = {}) {
        await this.exec.exec(this.bin, this.removeArgs(nameOrId, opts), { silent: true });
    }
    async containerList(opts = {}) {
        const args = ['ps', '--no-trunc', ...(opts.all ? ['--all'] : []), ...labelFilterArgs(opts)];
        args.push('--format', '{{.ID}}\t{{.Names}}');
        const r = await this.exec.exec(this.bin, args, { silent: true });
        return lines(r.stdout).map((line) => {
            const [id = '', name = ''] = line.split('\t');
            return { id, name };
        });
    }
    async volumeCreate(name, opts = {}) {
        const args = ['volume', 'create'];
        for (const [k, v] of Object.entries(opts.labels ?? {}))
            args.push('--label', `${k}=${v}`);
        await this.exec.exec(this.bin, [...args, name], { silent: true });
    }
    async volumeRemove(name, opts = {}) {
        await this.exec.exec(this.bin, ['volume', 'rm', ...(opts.force ? ['--force'] : []), name], {
            silent: true,
        });
    }
    async volumeList(opts = {}) {
        const r = await this.exec.exec(this.bin, ['volume', 'ls', '--quiet', ...labelFilterArgs(opts)], {
            silent: true,
        });
        return lines(r.stdout);
    }
    async inspectImage(ref) {
        const r = await this.exec.exec(this.bin, ['image', 'inspect', ref], { silent: true });
        return this.parseImageInspect(r.stdout);
    }
    // ---- parsers (pure; tested against JSON captured from real engines) ----
    /** Parses `container inspect` output (a one-element JSON array). */
    parseContainerInspect(json) {
        const raw = firstOf(json, 'container inspect');
        const state = record(raw.State);
        const config = record(raw.Config);
        const net = record(raw.NetworkSettings);
        const imageRef = this.containerImageRef(raw);
        const info = {
            id: string(raw.Id),
            name: string(raw.Name).replace(/^\//, ''),
            state: {
                status: string(state.Status),
                running: state.Running === true,
                exitCode: number(state.ExitCode),
            },
            image: withSha256Prefix(string(raw.Image)),
            imageRef,
            networks: parseNetworks(net.Networks),
            ports: parsePorts(net.Ports),
            labels: stringRecord(config.Labels),
        };
        const health = this.containerHealth(state);
        if (health !== undefined)
            info.state.health = health;
        const digest = digestOf(imageRef);
        if (digest !== undefined)
            info.imageDigest = digest;
        return info;
    }
    /** Reads `State.Health` (docker, podman 4) and `State.Healthcheck` (older podman). */
    containerHealth(state) {
        const health = record(state.Health ?? state.Healthcheck);
        const status = string(health.Status).toLowerCase();
        return status === 'starting' || status === 'healthy' || status === 'unhealthy' ? status : undefined;
    }
    /** Parses `image inspect` output (a one-element JSON array). */
    parseImageInspect(json) {
        const raw = firstOf(json, 'image inspect');
        const config = record(raw.Config);
        const info = {
            id: withSha256Prefix(string(raw.Id)),
            size: number(raw.Size),
            // Podman repeats some Config fields at the top level, and writes only there for some images.
            user: string(config.User ?? raw.User),
            labels: stringRecord(config.Labels ?? raw.Labels),
            env: parseEnv(stringArray(config.Env)),
            entrypoint: stringArray(config.Entrypoint),
            cmd: stringArray(config.Cmd),
            digests: stringArray(raw.RepoDigests),
            created: string(raw.Created),
            exposedPorts: Object.keys(record(config.ExposedPorts)),
        };
        const healthcheck = parseImageHealthcheck(config.Healthcheck ?? raw.Healthcheck);
        if (healthcheck)
            info.healthcheck = healthcheck;
        return info;
    }
    /** Runs `fn` with a private temporary directory, removed afterwards whatever happens. */
    async withTempDir(fn) {
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `digestline-${this.kind}-`));
        try {
            return await fn(dir);
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
}
// ---- helpers ----
/** `127.0.0.1:8080:80`, `127.0.0.1::80/udp`, `[::1]:8080:80`. */
function publishSpec(port) {
    const host = port.host.includes(':') ? `[${port.host}]` : port.host;
    const proto = port.protocol && port.protocol !== 'tcp' ? `/${port.protocol}` : '';
    return `${host}:${port.hostPort ?? ''}:${port.containerPort}${proto}`;
}
function volumeSpec(v) {
    return `${v.source}:${v.target}${v.readonly ? ':ro' : ''}`;
}
function labelFilterArgs(opts) {
    return opts.label !== undefined ? ['--filter', `label=${opts.label}`] : [];
}
/** A duration both engines parse (Go's time.ParseDuration). */
function goDuration(ms) {
    if (!Number.isInteger(ms) || ms < 0)
        throw new Error(`durations must be whole milliseconds >= 0, got ${ms}`);
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
/** Non-empty, trimmed lines. */
function lines(text) {
    return text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
/** The digest part of `repo@sha256:...`, if any. */
function digestOf(ref) {
    return /@(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/.exec(ref)?.[1];
}
/**
 * Repository of a reference without tag or digest, in the form engines print in RepoDigests
 * (`docker.io/library/x` and `x` compare equal).
 */
function repositoryOf(ref) {
    let repo = ref.replace(/@.*$/, '');
    const slash = repo.lastIndexOf('/');
    const colon = repo.lastIndexOf(':');
    if (colon > slash)
        repo = repo.slice(0, colon);
    return repo.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
}
/**
 * The one digest among `repoDigests` for `ref`'s repository; `undefined` when none or several
 * distinct ones match (then guessing could name the wrong image).
 */
function pickRepoDigest(repoDigests, ref) {
    const repo = repositoryOf(ref);
    const found = new Set();
    for (const entry of repoDigests) {
        const digest = digestOf(entry);
        if (digest !== undefined && repositoryOf(entry) === repo)
            found.add(digest);
    }
    return found.size === 1 ? [...found][0] : undefined;
}
function firstOf(json, what) {
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch (err) {
        throw new Error(`${what} printed something that is not JSON: ${json.slice(0, 200)}`, { cause: err });
    }
    const first = Array.isArray(parsed) ? parsed[0] : parsed;
    if (typeof first !== 'object' || first === null)
        throw new Error(`${what} printed no object: ${json.slice(0, 200)}`);
    return first;
}
function record(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x) ? x : {};
}
function string(x) {
    return typeof x === 'string' ? x : '';
}
function number(x) {
    return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}
function stringArray(x) {
    return Array.isArray(x) ? x.filter((e) => typeof e === 'string') : [];
}
function stringRecord(x) {
    const out = {};
    for (const [k, v] of Object.entries(record(x)))
        if (typeof v === 'string')
            out[k] = v;
    return out;
}
function withSha256Prefix(id) {
    return /^[0-9a-f]{64}$/.test(id) ? `sha256:${id}` : id;
}
function parseEnv(entries) {
    const env = {};
    for (const entry of entries) {
        const eq = entry.indexOf('=');
        if (eq > 0)
            env[entry.slice(0, eq)] = entry.slice(eq + 1);
        else
            env[entry] = '';
    }
    return env;
}
function parseNetworks(x) {
    return Object.entries(record(x)).map(([name, value]) => {
        const n = record(value);
        const network = { name, aliases: stringArray(n.Aliases) };
        const ip = string(n.IPAddress);
        if (ip !== '')
            network.ipAddress = ip;
        return network;
    });
}
function parsePorts(x) {
    const out = [];
    for (const [key, bindings] of Object.entries(record(x))) {
        const [port = '', protocol = 'tcp'] = key.split('/');
        if (!Array.isArray(bindings))
            continue; // exposed, not published
        for (const b of bindings) {
            const binding = record(b);
            out.push({
                containerPort: Number(port),
                protocol,
                hostIp: string(binding.HostIp),
                hostPort: Number(string(binding.HostPort)),
            });
        }
    }
    return out;
}
/** Image health checks carry durations in nanoseconds. */
function parseImageHealthcheck(x) {
    const hc = record(x);
    const test = stringArray(hc.Test);
    if (test.length === 0 || test[0] === 'NONE')
        return undefined;
    const out = { test };
    const ms = (ns) => typeof ns === 'number' && ns > 0 ? Math.round(ns / 1_000_000) : undefined;
    const interval = ms(hc.Interval);
    const timeout = ms(hc.Timeout);
    const startPeriod = ms(hc.StartPeriod);
    if (interval !== undefined)
        out.intervalMs = interval;
    if (timeout !== undefined)
        out.timeoutMs = timeout;
    if (typeof hc.Retries === 'number' && hc.Retries > 0)
        out.retries = hc.Retries;
    if (startPeriod !== undefined)
        out.startPeriodMs = startPeriod;
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/engine/docker.ts




/** Docker Engine through the docker CLI (legacy builder or BuildKit, whichever the CLI uses). */
class Docker extends CliEngine {
    kind = 'docker';
    /**
     * @param exec runs every command (inject a spied one in tests)
     * @param bin the docker program
     */
    constructor(exec = src_exec/* defaultExec */.hp, bin = 'docker') {
        super(exec, bin);
    }
    /**
     * Docker's legacy builder (Docker Engine 20.10, Debian 12) only looks for `Dockerfile`; podman also
     * finds `Containerfile`. Point docker at a lone Containerfile so one context builds on both.
     */
    async build(opts) {
        if (opts.file === undefined &&
            !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(opts.context, 'Dockerfile')) &&
            (0,external_node_fs_.existsSync)((0,external_node_path_.join)(opts.context, 'Containerfile'))) {
            return super.build({ ...opts, file: (0,external_node_path_.join)(opts.context, 'Containerfile') });
        }
        return super.build(opts);
    }
    /** Docker's `--pull` is a switch meaning "always"; leaving it out means "missing". */
    buildEngineArgs(opts) {
        return opts.pull === 'always' ? ['--pull'] : [];
    }
    /**
     * Docker's `--health-cmd` is always run by /bin/sh in the container, so exec form is written as
     * one shell-quoted command line.
     */
    execFormHealthCmd(argv) {
        return argv.map(shellQuote).join(' ');
    }
    /** `push` argv. */
    pushArgs(ref) {
        return ['push', ref];
    }
    /**
     * Pushes and returns the registry's digest: from the `<tag>: digest: sha256:... size: N` line
     * docker prints, else from the image's RepoDigests for the pushed repository.
     */
    async push(ref, _opts = {}) {
        const r = await this.exec.exec(this.bin, this.pushArgs(ref));
        const fromOutput = parsePushDigest(r.stdout);
        if (fromOutput !== undefined)
            return fromOutput;
        const inspect = await this.exec.exec(this.bin, ['image', 'inspect', '--format', '{{json .RepoDigests}}', ref], {
            silent: true,
        });
        const parsed = JSON.parse(inspect.stdout.trim() || 'null');
        const repoDigests = Array.isArray(parsed) ? parsed.filter((e) => typeof e === 'string') : [];
        const digest = pickRepoDigest(repoDigests, ref);
        if (digest === undefined) {
            throw new Error(`docker push ${ref} succeeded but its digest is unknown: no "digest:" line in the output and ` +
                `RepoDigests ${JSON.stringify(repoDigests)} hold no single digest for that repository`);
        }
        return digest;
    }
    containerImageRef(raw) {
        const config = raw.Config;
        if (typeof config === 'object' &&
            config !== null &&
            'Image' in config &&
            typeof config.Image === 'string') {
            return config.Image;
        }
        return '';
    }
}
/** The digest from docker push output (`latest: digest: sha256:<hex> size: 528`); the last one wins. */
function parsePushDigest(output) {
    const matches = [...output.matchAll(/digest: (sha256:[0-9a-f]{64}) size: \d+/g)];
    return matches.at(-1)?.[1];
}
function shellQuote(arg) {
    return /^[A-Za-z0-9_/.:=@%+,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./packages/core/src/engine/podman.ts





/** Podman (4.x and newer) through its CLI. */
class Podman extends CliEngine {
    kind = 'podman';
    /**
     * @param exec runs every command (inject a spied one in tests)
     * @param bin the podman program
     */
    constructor(exec = src_exec/* defaultExec */.hp, bin = 'podman') {
        super(exec, bin);
    }
    buildEngineArgs(opts) {
        return ['--format', opts.format ?? 'docker', `--pull=${opts.pull ?? 'missing'}`, ...this.tlsArgs(opts)];
    }
    tlsArgs(opts) {
        return opts.insecure ? ['--tls-verify=false'] : [];
    }
    /** Podman takes a JSON array as exec form (a plain string would be run by /bin/sh). */
    execFormHealthCmd(argv) {
        return JSON.stringify(argv);
    }
    /** With `force`, podman would wait 10 s for a graceful stop first; docker kills at once. Match docker. */
    removeArgs(nameOrId, opts = {}) {
        const args = super.removeArgs(nameOrId, opts);
        if (opts.force)
            args.splice(1, 0, '--time', '0');
        return args;
    }
    /** `push` argv, writing the registry's manifest digest to `digestfile`. */
    pushArgs(ref, digestfile, opts = {}) {
        return ['push', ...this.tlsArgs(opts), '--digestfile', digestfile, ref];
    }
    async push(ref, opts = {}) {
        return this.withTempDir(async (dir) => {
            const digestfile = (0,external_node_path_.join)(dir, 'digest');
            await this.exec.exec(this.bin, this.pushArgs(ref, digestfile, opts));
            const digest = (await (0,promises_.readFile)(digestfile, 'utf8')).trim();
            if (!/^sha256:[0-9a-f]{64}$/.test(digest)) {
                throw new Error(`podman push ${ref} succeeded but --digestfile holds ${JSON.stringify(digest)}, not a digest`);
            }
            return digest;
        });
    }
    /** Runs the check once; exit 1 means "unhealthy", which the check records, so it is not an error. */
    async runHealthcheck(nameOrId) {
        const r = await this.exec.exec(this.bin, ['healthcheck', 'run', nameOrId], {
            silent: true,
            ignoreReturnCode: true,
        });
        if (r.exitCode !== 0 && r.exitCode !== 1) {
            const argv = [this.bin, 'healthcheck', 'run', nameOrId];
            throw new errors/* ExecError */.cI(argv, r.exitCode, r.stderr.trim());
        }
    }
    /**
     * `ImageName` is the reference given to `run`. Podman's `ImageDigest` is deliberately not used:
     * for an image built here and pushed, it is the digest of the local (uncompressed) manifest,
     * which differs from the digest the registry serves.
     */
    containerImageRef(raw) {
        return typeof raw.ImageName === 'string' ? raw.ImageName : '';
    }
}

;// CONCATENATED MODULE: ./packages/core/src/engine/select.ts






/** Values the `engine` input accepts. */
const ENGINE_CHOICES = ['auto', 'docker', 'podman'];
/**
 * Picks the container engine named by the `engine` input.
 *
 * `auto`: `DOCKER_HOST` set → docker (the job points at a daemon); `CONTAINER_HOST` set → podman
 * (remote podman); otherwise podman if it is on PATH (daemonless, nothing to be running), else
 * docker if it is on PATH.
 *
 * @param kind the input's value: `auto`, `docker` or `podman`
 * @param env the environment to read PATH, DOCKER_HOST and CONTAINER_HOST from
 * @param exec the Exec the engine runs commands through
 * @throws InputError (input `engine`) for an unknown value or when the engine's CLI is not on PATH
 */
function selectEngine(kind, env = process.env, exec = src_exec/* defaultExec */.hp) {
    const choice = kind.trim().toLowerCase();
    if (!isChoice(choice)) {
        throw new errors/* InputError */.dz('engine', `engine must be one of ${ENGINE_CHOICES.join(', ')}; got ${JSON.stringify(kind)}`);
    }
    const resolved = choice === 'auto' ? autoKind(env) : choice;
    if (resolved === undefined) {
        throw new errors/* InputError */.dz('engine', `engine is auto but neither podman nor docker is on PATH (${env.PATH ?? ''}); install one, ` +
            `or set the engine input to docker or podman (valid values: ${ENGINE_CHOICES.join(', ')})`);
    }
    if (!onPath(resolved, env)) {
        throw new errors/* InputError */.dz('engine', `engine is ${choice === 'auto' ? `auto (chose ${resolved})` : resolved} but ${resolved} is not on PATH ` +
            `(${env.PATH ?? ''}); install it or pick another engine (valid values: ${ENGINE_CHOICES.join(', ')})`);
    }
    return resolved === 'docker' ? new Docker(exec) : new Podman(exec);
}
function isChoice(s) {
    return ENGINE_CHOICES.includes(s);
}
function autoKind(env) {
    if (env.DOCKER_HOST)
        return 'docker';
    if (env.CONTAINER_HOST)
        return 'podman';
    if (onPath('podman', env))
        return 'podman';
    if (onPath('docker', env))
        return 'docker';
    return undefined;
}
/** Whether `bin` is an executable file in one of env.PATH's directories. */
function onPath(bin, env) {
    for (const dir of (env.PATH ?? '').split(external_node_path_.delimiter)) {
        if (dir === '')
            continue;
        const file = (0,external_node_path_.join)(dir, bin);
        try {
            (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
            if ((0,external_node_fs_.statSync)(file).isFile())
                return true;
        }
        catch {
            // Not here; keep looking.
        }
    }
    return false;
}


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

/***/ 2479:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   envelopeOf: () => (/* binding */ envelopeOf),
/* harmony export */   signEnvelope: () => (/* binding */ signEnvelope),
/* harmony export */   xs: () => (/* binding */ keyId)
/* harmony export */ });
/* unused harmony exports IN_TOTO_PAYLOAD_TYPE, pae, payloadBytes, verifyEnvelope, parseEnvelope, statementOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5885);
/**
 * DSSE (Dead Simple Signing Envelope) v1 around in-toto statements, signed with ECDSA P-256.
 *
 * Signatures are ASN.1 DER encoded, as sigstore/cosign produce and verify them, so an envelope signed
 * here can be checked with `cosign verify-blob-attestation`-style tooling and vice versa.
 * Key ids are the lowercase hex SHA-256 of the public key's SubjectPublicKeyInfo DER: stable for a key
 * whatever PEM wrapping it comes in, and computable by hand with openssl (see docs/evidence.md).
 */


/** The DSSE payload type of in-toto statements. */
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/**
 * DSSE pre-authentication encoding: `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, lengths as
 * ASCII decimal byte counts. Signing the PAE rather than the payload binds the payload type too.
 */
function pae(payloadType, payload) {
    const type = Buffer.from(payloadType, 'utf8');
    return Buffer.concat([
        Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
        type,
        Buffer.from(` ${payload.length} `, 'utf8'),
        payload,
    ]);
}
function publicKeyObject(key) {
    const obj = typeof key === 'string' ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(key) : key.type === 'private' ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(key) : key;
    if (obj.asymmetricKeyType !== 'ec' || obj.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
        throw new Error(`evidence keys must be ECDSA P-256, got ${obj.asymmetricKeyType ?? 'unknown'} ${obj.asymmetricKeyDetails?.namedCurve ?? ''}`.trim());
    }
    return obj;
}
/** Key id of a public (or private) key: lowercase hex SHA-256 of its SPKI DER encoding. */
function keyId(key) {
    const der = publicKeyObject(key).export({ type: 'spki', format: 'der' });
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(der).digest('hex');
}
/** Wraps a statement in an unsigned envelope (the payload is the statement's compact JSON). */
function envelopeOf(statement) {
    return {
        payloadType: IN_TOTO_PAYLOAD_TYPE,
        payload: Buffer.from(JSON.stringify(statement), 'utf8').toString('base64'),
        signatures: [],
    };
}
function decodeBase64(text, what) {
    // Buffer.from silently skips junk; DSSE allows standard or URL-safe base64, nothing else.
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text))
        throw new Error(`${what} is not base64`);
    return Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
}
/** The envelope's payload bytes (exactly what was signed, not a re-serialisation). */
function payloadBytes(envelope) {
    return decodeBase64(envelope.payload, 'DSSE payload');
}
/**
 * Adds a signature by `privateKeyPem` (PKCS#8 or SEC1 PEM of a P-256 key). The envelope is not
 * mutated; an existing signature with the same key id is replaced.
 */
function signEnvelope(envelope, privateKeyPem) {
    const key = typeof privateKeyPem === 'string' ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)(privateKeyPem) : privateKeyPem;
    const keyid = keyId(key);
    const sig = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', pae(envelope.payloadType, payloadBytes(envelope)), { key, dsaEncoding: 'der' });
    return {
        ...envelope,
        signatures: [
            ...envelope.signatures.filter((s) => s.keyid !== keyid),
            { keyid, sig: sig.toString('base64') },
        ],
    };
}
/**
 * Verifies the envelope's signatures against one public key (PEM). Every signature is tried whatever
 * its `keyid` says (DSSE treats key ids as hints), and the key's own id is reported for each that
 * verifies.
 *
 * @returns the key ids that verified (empty when none did, or the envelope is unsigned)
 */
function verifyEnvelope(envelope, publicKeyPem) {
    const key = publicKeyObject(publicKeyPem);
    const id = keyId(key);
    let message;
    try {
        message = pae(envelope.payloadType, payloadBytes(envelope));
    }
    catch {
        return [];
    }
    for (const s of envelope.signatures) {
        let sig;
        try {
            sig = decodeBase64(s.sig, 'signature');
        }
        catch {
            continue;
        }
        if (verify('sha256', message, { key, dsaEncoding: 'der' }, sig))
            return [id];
    }
    return [];
}
/**
 * Checks that parsed JSON has the shape of a DSSE envelope.
 *
 * @throws Error naming the malformed field
 */
function parseEnvelope(value) {
    if (typeof value !== 'object' || value === null)
        throw new Error('DSSE envelope is not a JSON object');
    const v = value;
    if (typeof v.payloadType !== 'string')
        throw new Error('DSSE envelope has no payloadType');
    if (typeof v.payload !== 'string')
        throw new Error('DSSE envelope has no payload');
    if (!Array.isArray(v.signatures))
        throw new Error('DSSE envelope has no signatures list');
    const signatures = v.signatures.map((s, i) => {
        const sig = s;
        if (typeof sig !== 'object' || sig === null || typeof sig.sig !== 'string') {
            throw new Error(`DSSE signature #${i + 1} has no sig`);
        }
        return { keyid: typeof sig.keyid === 'string' ? sig.keyid : '', sig: sig.sig };
    });
    return { payloadType: v.payloadType, payload: v.payload, signatures };
}
/**
 * The statement inside an envelope, checked to be an in-toto statement with digestline's predicate.
 *
 * @throws Error when the payload type is not in-toto or the payload is not a verification statement
 */
function statementOf(envelope) {
    if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
        throw new Error(`DSSE payloadType is ${JSON.stringify(envelope.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`);
    }
    let json;
    try {
        json = JSON.parse(payloadBytes(envelope).toString('utf8'));
    }
    catch (err) {
        throw new Error(`DSSE payload is not JSON: ${err.message}`, { cause: err });
    }
    return parseStatement(json);
}


/***/ }),

/***/ 5885:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h8: () => (/* binding */ sourceStatement)
/* harmony export */ });
/* unused harmony exports STATEMENT_TYPE, VERIFICATION_PREDICATE_TYPE, DEFAULT_VERIFIER_ID, LANES, assertGitObjectId, runContext, digestSet, digestsOfSubject, commitSubjectName, laneStatement, promotionStatement, parseStatement */
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1397);
/**
 * in-toto Statement v1 carrying digestline's verification predicate: what one lane checked, for which
 * digests, at which commit, and with what result.
 *
 * The predicate borrows SLSA Verification Summary Attestation (VSA) v1 field names where their meaning
 * fits (`verifier`, `timeVerified`, `resourceUri`, `policy`, `verificationResult`) so that generic
 * tooling reading VSAs finds familiar fields; the lane-specific fields are digestline's own.
 */

/** `_type` of an in-toto Statement v1. */
const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** `predicateType` of digestline's verification predicate. */
const VERIFICATION_PREDICATE_TYPE = 'https://digestline.dev/verification/v1';
/** Default `verifier.id`: the project that produced the evidence. */
const DEFAULT_VERIFIER_ID = 'https://digestline.dev/verifier';
/** The lanes that produce evidence. */
const LANES = (/* unused pure expression or super */ null && (['source', 'integration', 'e2e', 'promotion']));
const COMMIT_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * Checks a git commit or tree id (SHA-1 or SHA-256 object format, lowercase hex).
 *
 * @throws Error naming `what` and the expected form
 */
function assertGitObjectId(value, what) {
    if (!COMMIT_RE.test(value)) {
        throw new Error(`${what} ${JSON.stringify(value)} is not a git object id: expected 40 or 64 lowercase hex`);
    }
    return value;
}
/**
 * Reads the commit, repository URL and run URL from the runner's environment, with explicit overrides
 * taking precedence.
 *
 * Forgejo and Gitea set the same `GITHUB_*` variables as GitHub, but serve a run's page at its
 * per-repository run number rather than at the global run id: with `GITEA_ACTIONS`/`FORGEJO_ACTIONS`
 * set, the run URL uses `GITHUB_RUN_NUMBER`.
 *
 * @throws Error when no commit is given and `GITHUB_SHA` is unset or not a commit id
 */
function runContext(overrides = {}, env = process.env) {
    const commit = overrides.commit ?? env.GITHUB_SHA;
    if (commit === undefined || commit === '') {
        throw new Error('no commit: pass one explicitly or run where GITHUB_SHA is set');
    }
    assertGitObjectId(commit, overrides.commit !== undefined ? 'commit' : 'GITHUB_SHA');
    const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
    const repository = env.GITHUB_REPOSITORY;
    const repositoryUrl = overrides.repositoryUrl ?? (server && repository ? `${server}/${repository}` : undefined);
    const forgejo = env.GITEA_ACTIONS === 'true' || env.FORGEJO_ACTIONS === 'true';
    const runKey = forgejo ? (env.GITHUB_RUN_NUMBER ?? env.GITHUB_RUN_ID) : env.GITHUB_RUN_ID;
    const runUrl = overrides.runUrl ??
        (server && repository && runKey ? `${server}/${repository}/actions/runs/${runKey}` : undefined);
    const context = { commit };
    if (repositoryUrl !== undefined)
        context.repositoryUrl = repositoryUrl;
    if (runUrl !== undefined)
        context.runUrl = runUrl;
    return context;
}
/** Digest text `algorithm:hex` → in-toto digest set `{algorithm: hex}`. */
function digestSet(digest) {
    const parsed = parseDigest(digest);
    return { [parsed.algorithm]: parsed.hex };
}
/** in-toto digest set → `algorithm:hex` texts (sha256/sha512 entries only, sorted). */
function digestsOfSubject(subject) {
    return Object.entries(subject.digest)
        .filter(([algorithm]) => algorithm === 'sha256' || algorithm === 'sha512')
        .map(([algorithm, hex]) => `${algorithm}:${hex}`)
        .sort();
}
/** The subject name of a commit: `git+<repository url>` or `commit` when the URL is unknown. */
function commitSubjectName(repositoryUrl) {
    return repositoryUrl ? `git+${repositoryUrl}` : 'commit';
}
function resourceUri(commit, repositoryUrl) {
    return `${repositoryUrl ? `git+${repositoryUrl}` : 'git+commit'}@${commit}`;
}
function laneResult(result, checks) {
    if (result !== undefined)
        return result;
    return checks.some((c) => c.result === 'FAILED') ? 'FAILED' : 'PASSED';
}
function validateChecks(checks) {
    return checks.map((c, i) => {
        if (c.name.trim() === '')
            throw new Error(`check #${i + 1} has an empty name`);
        if (!['PASSED', 'FAILED', 'SKIPPED'].includes(c.result)) {
            throw new Error(`check ${JSON.stringify(c.name)} has result ${JSON.stringify(c.result)}`);
        }
        if (!Number.isFinite(c.durationMs) || c.durationMs < 0) {
            throw new Error(`check ${JSON.stringify(c.name)} has durationMs ${c.durationMs}: expected a number >= 0`);
        }
        return { ...c, durationMs: Math.round(c.durationMs) };
    });
}
function predicate(lane, opts, extra) {
    const overrides = {};
    if (opts.commit !== undefined)
        overrides.commit = opts.commit;
    if (opts.repositoryUrl !== undefined)
        overrides.repositoryUrl = opts.repositoryUrl;
    if (opts.runUrl !== undefined)
        overrides.runUrl = opts.runUrl;
    const context = runContext(overrides, opts.env);
    const checks = validateChecks(opts.checks ?? []);
    const result = laneResult(opts.result, checks);
    if (result === 'PASSED' && checks.some((c) => c.result === 'FAILED')) {
        const failed = checks.filter((c) => c.result === 'FAILED').map((c) => c.name);
        throw new Error(`${lane} lane result PASSED contradicts failed checks: ${failed.join(', ')}`);
    }
    const commit = { sha: context.commit };
    if (extra.tree !== undefined)
        commit.tree = assertGitObjectId(extra.tree, 'tree');
    const verifier = { id: opts.verifier?.id ?? DEFAULT_VERIFIER_ID };
    if (opts.verifier?.version !== undefined)
        verifier.version = opts.verifier.version;
    return {
        context,
        predicate: {
            verifier,
            timeVerified: (opts.timeVerified ?? new Date()).toISOString(),
            resourceUri: resourceUri(context.commit, context.repositoryUrl),
            policy: opts.policy ?? {},
            verificationResult: result,
            lane,
            commit,
            runUrl: context.runUrl ?? 'unknown',
            tested: extra.tested,
            checks,
        },
    };
}
/**
 * Builds the source lane's statement. Its subject is the commit itself (`digest: {gitCommit}`, as
 * in-toto's digest set allows), plus the tree (`digest: {gitTree}`) when given: the tree identifies the
 * checked content even when the commit is rebased.
 */
function sourceStatement(opts) {
    const extra = { tested: [] };
    if (opts.tree !== undefined)
        extra.tree = opts.tree;
    const { predicate: p, context } = predicate('source', opts, extra);
    const subject = [
        { name: commitSubjectName(context.repositoryUrl), digest: { gitCommit: context.commit } },
    ];
    if (p.commit.tree !== undefined) {
        subject.push({
            name: `${commitSubjectName(context.repositoryUrl)}#tree`,
            digest: { gitTree: p.commit.tree },
        });
    }
    return { _type: STATEMENT_TYPE, subject, predicateType: VERIFICATION_PREDICATE_TYPE, predicate: p };
}
function imageSubjects(images, what) {
    if (images.length === 0)
        throw new Error(`${what} needs at least one image`);
    const names = new Set();
    for (const image of images) {
        if (names.has(image.name))
            throw new Error(`${what}: image name ${JSON.stringify(image.name)} appears twice`);
        names.add(image.name);
        if (image.repository.includes('@') || image.repository === '') {
            throw new Error(`${what}: repository ${JSON.stringify(image.repository)} of ${image.name} must be registry/path without tag or digest`);
        }
    }
    return {
        subject: images.map((i) => ({ name: i.repository, digest: digestSet(i.digest) })),
        tested: images.map((i) => ({ name: i.name, digest: parseDigest(i.digest).value })),
    };
}
/** Builds an integration or E2E lane's statement about a set of images tested together. */
function laneStatement(opts) {
    if (opts.lane !== 'integration' && opts.lane !== 'e2e') {
        throw new Error(`laneStatement builds integration or e2e evidence, not ${JSON.stringify(opts.lane)}`);
    }
    const { subject, tested } = imageSubjects(opts.images, `${opts.lane} evidence`);
    const { predicate: p } = predicate(opts.lane, opts, { tested });
    return { _type: STATEMENT_TYPE, subject, predicateType: VERIFICATION_PREDICATE_TYPE, predicate: p };
}
/**
 * Builds the promotion statement: promote-digest verified the lanes' evidence for these digests and
 * copied them. `checks` usually holds one entry per verified lane.
 */
function promotionStatement(opts) {
    const { subject, tested } = imageSubjects(opts.images, 'promotion evidence');
    const { predicate: p } = predicate('promotion', opts, { tested });
    if (opts.target !== undefined)
        p.policy = { ...p.policy, uri: p.policy.uri ?? opts.target };
    return { _type: STATEMENT_TYPE, subject, predicateType: VERIFICATION_PREDICATE_TYPE, predicate: p };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Checks that parsed JSON is a digestline verification statement and returns it typed.
 *
 * @throws Error saying which field is missing or malformed
 */
function parseStatement(value) {
    if (!isRecord(value))
        throw new Error('statement is not a JSON object');
    if (value._type !== STATEMENT_TYPE)
        throw new Error(`statement _type is ${JSON.stringify(value._type)}, expected ${STATEMENT_TYPE}`);
    if (value.predicateType !== VERIFICATION_PREDICATE_TYPE) {
        throw new Error(`predicateType is ${JSON.stringify(value.predicateType)}, expected ${VERIFICATION_PREDICATE_TYPE}`);
    }
    if (!Array.isArray(value.subject) || value.subject.length === 0)
        throw new Error('statement has no subject');
    for (const s of value.subject) {
        if (!isRecord(s) || typeof s.name !== 'string' || !isRecord(s.digest)) {
            throw new Error('statement subject entries need name and digest');
        }
        if (!Object.values(s.digest).every((v) => typeof v === 'string'))
            throw new Error(`subject ${s.name} has a non-string digest`);
    }
    const p = value.predicate;
    if (!isRecord(p))
        throw new Error('statement has no predicate object');
    if (!LANES.includes(p.lane))
        throw new Error(`predicate lane ${JSON.stringify(p.lane)} is not one of ${LANES.join(', ')}`);
    if (p.verificationResult !== 'PASSED' && p.verificationResult !== 'FAILED') {
        throw new Error(`predicate verificationResult ${JSON.stringify(p.verificationResult)} is not PASSED or FAILED`);
    }
    if (!isRecord(p.commit) || typeof p.commit.sha !== 'string')
        throw new Error('predicate commit.sha is missing');
    if (!Array.isArray(p.tested))
        throw new Error('predicate tested is not a list');
    for (const t of p.tested) {
        if (!isRecord(t) || typeof t.name !== 'string' || typeof t.digest !== 'string') {
            throw new Error('predicate tested entries need name and digest');
        }
    }
    if (!Array.isArray(p.checks))
        throw new Error('predicate checks is not a list');
    if (typeof p.timeVerified !== 'string' || typeof p.runUrl !== 'string') {
        throw new Error('predicate needs timeVerified and runUrl strings');
    }
    return value;
}


/***/ }),

/***/ 8851:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   hp: () => (/* binding */ defaultExec),
/* harmony export */   os: () => (/* binding */ tailLines)
/* harmony export */ });
/* unused harmony exports STDERR_TAIL_LINES, redact, Exec */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5414);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8418);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(637);
/**
 * The one way digestline runs external programs (podman, docker, skopeo...).
 *
 * Every command is an argv array (never a shell string), is judged by its exit code (never by
 * stderr being empty: engines print progress and warnings there), and fails with an `ExecError`
 * that shows the command and the tail of its stderr. Secrets never reach the log or a message.
 */



/** How many trailing stderr lines an `ExecError` carries: enough for an engine's error, not its progress bars. */
const STDERR_TAIL_LINES = 20;
/** Exit code the timeout supervisor uses when it had to kill the program (as coreutils `timeout`). */
const TIMEOUT_EXIT_CODE = 124;
const KILL_GRACE_MS = 5_000;
/**
 * Runs argv in a child with a deadline. @actions/exec never exposes the child process, so the
 * deadline is enforced by this small Node program placed between us and the command; Node is the
 * one program certain to exist wherever an action runs (coreutils `timeout` is not, e.g. on Alpine
 * its options differ).
 */
const SUPERVISOR = `
const { spawn } = require('node:child_process');
const [ms, graceMs, bin, ...args] = process.argv.slice(1);
const child = spawn(bin, args, { stdio: 'inherit' });
let timedOut = false;
const timer = setTimeout(() => {
  timedOut = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), Number(graceMs)).unref();
}, Number(ms));
child.on('error', (err) => {
  clearTimeout(timer);
  process.stderr.write(String(err && err.message) + '\\n');
  process.exit(127);
});
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  if (timedOut) process.exit(${TIMEOUT_EXIT_CODE});
  if (code !== null) process.exit(code);
  process.stderr.write('killed by ' + signal + '\\n');
  process.exit(128 + (require('node:os').constants.signals[signal] || 0));
});
`;
/** Replaces every occurrence of each secret in `text` by `***`. Empty secrets are ignored. */
function redact(text, secrets) {
    let out = text;
    // Longest first, so a secret containing another is not left half-visible.
    for (const secret of [...secrets].filter((s) => s !== '').sort((a, b) => b.length - a.length)) {
        out = out.split(secret).join('***');
    }
    return out;
}
/** The last `n` lines of `text`, without trailing blank lines. */
function tailLines(text, n = STDERR_TAIL_LINES) {
    const lines = text.replace(/\s+$/, '').split(/\r?\n/);
    return lines.slice(-n).join('\n');
}
/** Echoes output line by line so that a secret split across two chunks is still redacted. */
class LineEcho {
    secrets;
    write;
    partial = '';
    constructor(secrets, write) {
        this.secrets = secrets;
        this.write = write;
    }
    push(chunk) {
        const lines = (this.partial + chunk.toString('utf8')).split('\n');
        this.partial = lines.pop() ?? '';
        for (const line of lines)
            this.write(redact(line, this.secrets));
    }
    flush() {
        if (this.partial !== '')
            this.write(redact(this.partial, this.secrets));
        this.partial = '';
    }
}
/**
 * Runs external programs. Inject an instance where commands are run (engines take one in their
 * constructor) so that tests can `vi.spyOn(exec, 'exec')` and see the exact argv.
 */
class Exec {
    /**
     * Runs `bin` with `args` and collects its output.
     *
     * @param bin program name (looked up on PATH) or path
     * @param args arguments, passed as they are: no shell, no quoting needed
     * @throws ExecError if the program cannot be started, exits non-zero (unless `ignoreReturnCode`)
     *   or exceeds `timeoutMs`; the message names the redacted command and ends with the last
     *   {@link STDERR_TAIL_LINES} lines of stderr.
     */
    async exec(bin, args, opts = {}) {
        const secrets = (opts.secrets ?? []).filter((s) => s !== '');
        for (const secret of secrets)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
        const argv = [bin, ...args].map((a) => redact(a, secrets));
        const echo = !opts.silent;
        const write = (line) => {
            process.stdout.write(`${line}\n`);
        };
        const out = new LineEcho(secrets, write);
        const err = new LineEcho(secrets, write);
        if (echo)
            write(`[command]${argv.join(' ')}`);
        let program = bin;
        let programArgs = [...args];
        if (opts.timeoutMs !== undefined) {
            if (!(opts.timeoutMs > 0))
                throw new RangeError(`timeoutMs must be a positive number, got ${opts.timeoutMs}`);
            program = process.execPath;
            programArgs = ['-e', SUPERVISOR, '--', String(opts.timeoutMs), String(KILL_GRACE_MS), bin, ...args];
        }
        const started = Date.now();
        let result;
        try {
            result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_1__/* .getExecOutput */ .H)(program, programArgs, {
                silent: true,
                ignoreReturnCode: true,
                cwd: opts.cwd,
                env: opts.env ? mergeEnv(opts.env) : undefined,
                input: opts.input === undefined ? undefined : Buffer.from(opts.input),
                listeners: echo ? { stdout: (d) => out.push(d), stderr: (d) => err.push(d) } : {},
            });
        }
        catch (cause) {
            // @actions/exec throws only when the program cannot be found or started.
            const reason = cause instanceof Error ? cause.message : String(cause);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ExecError */ .cI(argv, null, '', `${argv.join(' ')} could not be started: ${redact(reason, secrets)}`, {
                cause,
            });
        }
        finally {
            out.flush();
            err.flush();
        }
        const stderrTail = redact(tailLines(result.stderr), secrets);
        if (opts.timeoutMs !== undefined &&
            result.exitCode === TIMEOUT_EXIT_CODE &&
            Date.now() - started >= opts.timeoutMs) {
            const what = `${argv.join(' ')} did not finish within ${formatMs(opts.timeoutMs)} and was killed`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ExecError */ .cI(argv, null, stderrTail, stderrTail === '' ? what : `${what}:\n${stderrTail}`);
        }
        if (result.exitCode !== 0 && !opts.ignoreReturnCode) {
            const what = `${argv.join(' ')} exited with code ${result.exitCode}`;
            if (stderrTail !== '')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ExecError */ .cI(argv, result.exitCode, stderrTail, `${what}:\n${stderrTail}`);
            // Some tools report failures on stdout; an empty stderr must not leave the reader with nothing.
            const stdoutTail = redact(tailLines(result.stdout), secrets);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ExecError */ .cI(argv, result.exitCode, '', stdoutTail === ''
                ? `${what} and printed nothing`
                : `${what} (stderr empty; stdout ends):\n${stdoutTail}`);
        }
        return result;
    }
}
function mergeEnv(extra) {
    const env = {};
    for (const [k, v] of Object.entries(process.env))
        if (v !== undefined)
            env[k] = v;
    return Object.assign(env, extra);
}
function formatMs(ms) {
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
/** The shared instance used when none is injected. */
const defaultExec = new Exec();


/***/ }),

/***/ 1397:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference)
/* harmony export */ });
/* unused harmony exports DIGEST_HEX_LENGTH, DEFAULT_REGISTRY, NAME_MAX_LENGTH, isDigest, parseDigest, repositoryName, familiarName, familiarString, withDigest */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
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
        throw new ImageReferenceError(text, problem, 'digest');
    const colon = text.indexOf(':');
    return { algorithm: text.slice(0, colon), hex: text.slice(colon + 1), value: text };
}
/** Describes why `registry` is not a valid `host[:port]`, or returns undefined. */
function registryProblem(registry) {
    let host;
    let port;
    const bracketed = BRACKETED_HOST.exec(registry);
    if (bracketed) {
        if (!(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv6)(bracketed[1] ?? ''))
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


/***/ }),

/***/ 4412:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   n0: () => (/* binding */ setOutputs)
/* harmony export */ });
/* unused harmony exports saveState, getState, info, warn */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5414);
/**
 * Step I/O every action needs beyond inputs and the summary: outputs, state handed to the post step,
 * masking and log lines. Actions import only `@digestline/core/...`, never `@actions/*` directly.
 */

/** Sets each output (`GITHUB_OUTPUT`, which Forgejo's runner sets too). */
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
}
/** Saves a value for the post step; saving `''` clears it. */
function saveState(name, value) {
    core.saveState(name, value);
}
/** A value main saved with {@link saveState} (`''` when none). */
function getState(name) {
    return core.getState(name);
}
/**
 * Masks a secret in every later log line of the job. A multi-line secret (a PEM key) is masked line
 * by line as well, since the runner matches masks within single lines.
 */
function maskSecret(secret) {
    if (secret === '')
        return;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
    for (const line of secret.split(/\r?\n/))
        if (line.trim().length >= 8)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(line.trim());
}
/** A log line. */
function info(message) {
    core.info(message);
}
/** A warning annotation (e.g. cleanup that failed but need not fail the step). */
function warn(message) {
    core.warning(message);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

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

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

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

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 5414:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ debug),
  V4: () => (/* binding */ getInput),
  Gu: () => (/* binding */ getState),
  pq: () => (/* binding */ info),
  LZ: () => (/* binding */ saveState),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ setSecret),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, endGroup, error, exportVariable, getBooleanInput, getIDToken, getMultilineInput, group, isDebug, markdownSummary, notice, platform, setCommandEcho, startGroup, summary, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/.pnpm/@actions+core@3.0.1_patch_hash=8303e278be1f0d442778dfd1e73f68c819925be6d9d043e439e90cb1613ce178/node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/@actions+core@3.0.1_patch_hash=8303e278be1f0d442778dfd1e73f68c819925be6d9d043e439e90cb1613ce178/node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/.pnpm/@actions+core@3.0.1_patch_hash=8303e278be1f0d442778dfd1e73f68c819925be6d9d043e439e90cb1613ce178/node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
;// CONCATENATED MODULE: ./node_modules/.pnpm/@actions+core@3.0.1_patch_hash=8303e278be1f0d442778dfd1e73f68c819925be6d9d043e439e90cb1613ce178/node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = (/* unused pure expression or super */ null && (_summary));
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/@actions+core@3.0.1_patch_hash=8303e278be1f0d442778dfd1e73f68c819925be6d9d043e439e90cb1613ce178/node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+exec@3.0.0/node_modules/@actions/exec/lib/exec.js + 5 modules
var lib_exec = __nccwpck_require__(8418);
;// CONCATENATED MODULE: ./node_modules/.pnpm/@actions+core@3.0.1_patch_hash=8303e278be1f0d442778dfd1e73f68c819925be6d9d043e439e90cb1613ce178/node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/@actions+core@3.0.1_patch_hash=8303e278be1f0d442778dfd1e73f68c819925be6d9d043e439e90cb1613ce178/node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





// digestline: OIDC (and with it undici) is loaded only when a token is asked for; Forgejo has no OIDC.
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        const { OidcClient } = yield __nccwpck_require__.e(/* import() */ 463).then(__nccwpck_require__.bind(__nccwpck_require__, 9463));
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 8418:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  H: () => (/* binding */ getExecOutput)
});

// UNUSED EXPORTS: exec

// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(3193);
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/.pnpm/@actions+io@3.0.2/node_modules/@actions/io/lib/io-util.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_.dirname(filePath);
                        const upperName = external_path_.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/@actions+io@3.0.2/node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/.pnpm/@actions+exec@3.0.0/node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/@actions+exec@3.0.0/node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map

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
/******/ var __webpack_exports__ = __nccwpck_require__(145);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
