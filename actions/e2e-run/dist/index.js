import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 44442:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   tY: () => (/* binding */ Outputs)
/* harmony export */ });
/** Names as written in action.yml; a test holds the two together. */
const Inputs = {
    Stack: 'stack',
    Images: 'images',
    Network: 'network',
    RunnerImage: 'runner-image',
    Tests: 'tests',
    BaseUrlService: 'base-url-service',
    Retries: 'retries',
    ArtifactName: 'artifact-name',
    UploadArtifacts: 'upload-artifacts',
    Engine: 'engine',
    SigningKey: 'signing-key',
};
const Outputs = {
    Result: 'result',
    Report: 'report',
    Evidence: 'evidence',
};
const State = {
    /** The project of the stack main starts, saved before anything is created; post tears it down. */
    Project: 'project',
    /** The engine kind main resolved (`docker`/`podman`), so post talks to the same one. */
    Engine: 'engine',
};


/***/ }),

/***/ 3428:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  G: () => (/* binding */ getInputs)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: ./packages/core/src/engine/select.ts + 2 modules
var engine_select = __nccwpck_require__(30806);
// EXTERNAL MODULE: ./packages/core/src/evidence/dsse.ts
var dsse = __nccwpck_require__(92479);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(637);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1_patch_hash=8303e278be1f0d442778dfd1e73f68c819925be6d9d043e439e90cb1613ce178/node_modules/@actions/core/lib/core.js + 6 modules
var core = __nccwpck_require__(31884);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __nccwpck_require__(41397);
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
            while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r'))
                i++;
            if (i < n && text[i] !== ',' && text[i] !== '\n') {
                throw new InputError(input, `input "${input}" has text after a closing quote at ${quote(text.slice(start, i + 1))}; ` +
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
            throw new errors/* InputError */.dz(input, `${where} must look like name=${DIGEST_FORM}`);
        const name = entry.slice(0, eq).trim();
        const refText = entry.slice(eq + 1).trim();
        if (!IMAGE_SET_NAME.test(name)) {
            throw new errors/* InputError */.dz(input, `${where}: name ${quote(name)} must be lowercase letters, digits, "_" and "-", starting with a letter or digit`);
        }
        const first = seen.get(name);
        if (first !== undefined) {
            throw new errors/* InputError */.dz(input, `input "${input}": name ${quote(name)} appears twice (entries ${first} and ${index + 1}); names must be unique`);
        }
        seen.set(name, index + 1);
        let ref;
        try {
            ref = (0,reference/* parseReference */.F2)(refText);
        }
        catch (err) {
            if (err instanceof errors/* ImageReferenceError */.rI)
                throw new errors/* InputError */.dz(input, `${where}: ${err.message}`, { cause: err });
            throw err;
        }
        if (ref.tag !== undefined) {
            const nameText = refText.split('@')[0] ?? refText;
            const untagged = nameText.slice(0, nameText.length - ref.tag.length - 1);
            throw new errors/* InputError */.dz(input, `${where}: tags are refused where a digest is required; write ${name}=${untagged}@${ref.digest ?? 'sha256:<64 lowercase hex>'}`);
        }
        if (ref.digest === undefined) {
            throw new errors/* InputError */.dz(input, `${where}: the image must be pinned by digest; write ${name}=${DIGEST_FORM}`);
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

// EXTERNAL MODULE: ./packages/core/src/lanes/e2e.ts
var e2e = __nccwpck_require__(45402);
// EXTERNAL MODULE: ./packages/core/src/lanes/integration.ts
var integration = __nccwpck_require__(47014);
// EXTERNAL MODULE: ./packages/core/src/step.ts
var step = __nccwpck_require__(74412);
// EXTERNAL MODULE: ./actions/e2e-run/src/constants.ts
var constants = __nccwpck_require__(44442);
;// CONCATENATED MODULE: ./actions/e2e-run/src/context.ts










const SERVICE_NAME = /^[a-z0-9][a-z0-9_-]*$/;
function signingKey() {
    const pem = getString(constants/* Inputs */.G0.SigningKey);
    if (pem === '')
        return undefined;
    (0,step/* maskSecret */.$l)(pem);
    try {
        (0,dsse/* keyId */.xs)(pem);
    }
    catch (err) {
        throw new errors/* InputError */.dz(constants/* Inputs */.G0.SigningKey, `input "${constants/* Inputs */.G0.SigningKey}" must be a PEM ECDSA P-256 private key (PKCS#8 or SEC1): ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    return pem;
}
async function target(workspace) {
    const network = getString(constants/* Inputs */.G0.Network);
    const stack = getString(constants/* Inputs */.G0.Stack);
    if (network !== '') {
        if (stack !== '') {
            throw new errors/* InputError */.dz(constants/* Inputs */.G0.Network, `inputs "${constants/* Inputs */.G0.Network}" and "${constants/* Inputs */.G0.Stack}" exclude each other: give ${constants/* Inputs */.G0.Stack} with ${constants/* Inputs */.G0.Images} to start a stack, or ${constants/* Inputs */.G0.Network} to attach to a running one`);
        }
        const images = getImageSet(constants/* Inputs */.G0.Images, { required: false });
        return images.length > 0 ? { kind: 'network', network, images } : { kind: 'network', network };
    }
    if (stack === '') {
        throw new errors/* InputError */.dz(constants/* Inputs */.G0.Stack, `input "${constants/* Inputs */.G0.Stack}" (with "${constants/* Inputs */.G0.Images}") or input "${constants/* Inputs */.G0.Network}" is required`);
    }
    const images = getImageSet(constants/* Inputs */.G0.Images);
    return { kind: 'stack', spec: await (0,integration/* loadStackFile */.Zw)(stack, images, constants/* Inputs */.G0.Stack, workspace), images };
}
/** Reads and validates every input, the stack file included, before anything runs. */
async function getInputs(env = process.env) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const testsShownAs = getString(constants/* Inputs */.G0.Tests, { required: true });
    const baseUrlService = getString(constants/* Inputs */.G0.BaseUrlService, { default: 'frontend' });
    if (!SERVICE_NAME.test(baseUrlService)) {
        throw new errors/* InputError */.dz(constants/* Inputs */.G0.BaseUrlService, `input "${constants/* Inputs */.G0.BaseUrlService}" must be a service name ([a-z0-9][a-z0-9_-]*); got ${JSON.stringify(baseUrlService)}`);
    }
    const inputs = {
        target: await target(workspace),
        runnerImage: (0,reference/* formatReference */.FH)(getImageRef(constants/* Inputs */.G0.RunnerImage, { requireDigest: true })),
        testsDir: await (0,e2e/* resolveTestsDir */.hJ)(testsShownAs, workspace, constants/* Inputs */.G0.Tests),
        testsShownAs,
        baseUrlService,
        retries: getInt(constants/* Inputs */.G0.Retries, { min: 0, max: 10, default: 0 }),
        artifactName: getString(constants/* Inputs */.G0.ArtifactName, { default: 'e2e-report' }),
        uploadArtifacts: getBoolean(constants/* Inputs */.G0.UploadArtifacts, true),
        engine: getEnum(constants/* Inputs */.G0.Engine, engine_select/* ENGINE_CHOICES */.uO, 'auto'),
        tempDir: env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
    };
    const key = signingKey();
    if (key !== undefined)
        inputs.signingKey = key;
    return inputs;
}


/***/ }),

/***/ 72754:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _digestline_core_action__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(46820);
/* harmony import */ var _digestline_core_engine_select__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(30806);
/* harmony import */ var _digestline_core_lanes_e2e__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(45402);
/* harmony import */ var _digestline_core_lanes_integration__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(47014);
/* harmony import */ var _digestline_core_step__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(74412);
/* harmony import */ var _digestline_core_summary__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(56968);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(44442);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(3428);








async function main() {
    const inputs = await (0,_context_js__WEBPACK_IMPORTED_MODULE_7__/* .getInputs */ .G)();
    const engine = (0,_digestline_core_engine_select__WEBPACK_IMPORTED_MODULE_1__/* .selectEngine */ .Xm)(inputs.engine);
    const outcome = await (0,_digestline_core_lanes_e2e__WEBPACK_IMPORTED_MODULE_2__/* .runE2e */ .Kg)({
        ...inputs,
        engine,
        inputs: {
            tests: _constants_js__WEBPACK_IMPORTED_MODULE_6__/* .Inputs */ .G0.Tests,
            network: _constants_js__WEBPACK_IMPORTED_MODULE_6__/* .Inputs */ .G0.Network,
            images: _constants_js__WEBPACK_IMPORTED_MODULE_6__/* .Inputs */ .G0.Images,
            baseUrlService: _constants_js__WEBPACK_IMPORTED_MODULE_6__/* .Inputs */ .G0.BaseUrlService,
        },
        // Saved before anything is created: a cancelled or crashed main still gets its teardown.
        onProject: (project) => {
            (0,_digestline_core_step__WEBPACK_IMPORTED_MODULE_4__/* .saveState */ .LZ)(_constants_js__WEBPACK_IMPORTED_MODULE_6__/* .State */ .Uw.Project, project);
            (0,_digestline_core_step__WEBPACK_IMPORTED_MODULE_4__/* .saveState */ .LZ)(_constants_js__WEBPACK_IMPORTED_MODULE_6__/* .State */ .Uw.Engine, engine.kind);
        },
        // A dynamic import: @actions/artifact roughly doubles the bundle's start-up time.
        ...(inputs.uploadArtifacts
            ? {
                upload: async (name, dir) => (await __nccwpck_require__.e(/* import() */ 151).then(__nccwpck_require__.bind(__nccwpck_require__, 151))).uploadDirectory(name, dir),
            }
            : {}),
        log: _digestline_core_step__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq,
    });
    (0,_digestline_core_step__WEBPACK_IMPORTED_MODULE_4__/* .setOutputs */ .n0)({
        [_constants_js__WEBPACK_IMPORTED_MODULE_6__/* .Outputs */ .tY.Result]: outcome.report.result,
        [_constants_js__WEBPACK_IMPORTED_MODULE_6__/* .Outputs */ .tY.Report]: outcome.reportDir,
        [_constants_js__WEBPACK_IMPORTED_MODULE_6__/* .Outputs */ .tY.Evidence]: outcome.evidencePath ?? '',
    });
    await (0,_digestline_core_summary__WEBPACK_IMPORTED_MODULE_5__/* .writeSummary */ .Sy)((summary) => {
        (0,_digestline_core_lanes_integration__WEBPACK_IMPORTED_MODULE_3__/* .summarizeLane */ .wF)(summary, outcome.report);
        const pw = outcome.report.playwright;
        const counts = pw.counts;
        summary.list([
            `Playwright ${pw.version} in ${pw.runnerImage} against ${pw.baseUrl ?? '(no base URL)'}`,
            counts !== undefined
                ? `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.flaky} flaky, ${counts.skipped} skipped`
                : 'tests: no Playwright JSON report',
            `report: ${outcome.reportDir}${outcome.report.artifact ? ` (artifact ${outcome.report.artifact.name}: ${outcome.report.artifact.uploaded ? 'uploaded' : `not uploaded, ${outcome.report.artifact.reason ?? ''}`})` : ''}`,
        ]);
    });
    const failure = (0,_digestline_core_lanes_e2e__WEBPACK_IMPORTED_MODULE_2__/* .e2eFailureMessage */ .e4)(outcome);
    if (failure !== undefined)
        throw new Error(failure);
}
async function post() {
    const project = (0,_digestline_core_step__WEBPACK_IMPORTED_MODULE_4__/* .getState */ .Gu)(_constants_js__WEBPACK_IMPORTED_MODULE_6__/* .State */ .Uw.Project);
    if (project === '')
        return (0,_digestline_core_step__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq)('e2e-run post: main started no stack (or attached to one), nothing to tear down');
    const engine = (0,_digestline_core_engine_select__WEBPACK_IMPORTED_MODULE_1__/* .selectEngine */ .Xm)((0,_digestline_core_step__WEBPACK_IMPORTED_MODULE_4__/* .getState */ .Gu)(_constants_js__WEBPACK_IMPORTED_MODULE_6__/* .State */ .Uw.Engine) || 'auto');
    (0,_digestline_core_step__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq)(await (0,_digestline_core_lanes_e2e__WEBPACK_IMPORTED_MODULE_2__/* .teardownE2e */ .r5)(engine, project, _digestline_core_step__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq));
}
await (0,_digestline_core_action__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)('e2e-run', main, post);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 46820:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ runAction)
/* harmony export */ });
/* unused harmony exports IS_POST_STATE, isPost */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(31884);
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

/***/ 24404:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bp: () => (/* binding */ CliEngine),
/* harmony export */   Ej: () => (/* binding */ pickRepoDigest)
/* harmony export */ });
/* unused harmony exports goDuration, lines, digestOf, repositoryOf */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
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
            const iidfile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'iid');
            await this.exec.exec(this.bin, this.buildArgs(opts, iidfile));
            const id = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(iidfile, 'utf8')).trim();
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
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), `digestline-${this.kind}-`));
        try {
            return await fn(dir);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
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


/***/ }),

/***/ 30806:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  uO: () => (/* binding */ ENGINE_CHOICES),
  Xm: () => (/* binding */ selectEngine)
});

// UNUSED EXPORTS: onPath

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(637);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var src_exec = __nccwpck_require__(78851);
// EXTERNAL MODULE: ./packages/core/src/engine/cli-engine.ts
var cli_engine = __nccwpck_require__(24404);
;// CONCATENATED MODULE: ./packages/core/src/engine/docker.ts




/** Docker Engine through the docker CLI (legacy builder or BuildKit, whichever the CLI uses). */
class Docker extends cli_engine/* CliEngine */.Bp {
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
        const digest = (0,cli_engine/* pickRepoDigest */.Ej)(repoDigests, ref);
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
;// CONCATENATED MODULE: ./packages/core/src/engine/podman.ts





/** Podman (4.x and newer) through its CLI. */
class Podman extends cli_engine/* CliEngine */.Bp {
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

/***/ 92479:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ge: () => (/* binding */ envelopeOf),
/* harmony export */   T8: () => (/* binding */ statementOf),
/* harmony export */   Yj: () => (/* binding */ signEnvelope),
/* harmony export */   xs: () => (/* binding */ keyId)
/* harmony export */ });
/* unused harmony exports IN_TOTO_PAYLOAD_TYPE, pae, payloadBytes, verifyEnvelope, parseEnvelope */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(45885);
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
    return (0,_statement_js__WEBPACK_IMPORTED_MODULE_1__/* .parseStatement */ .By)(json);
}


/***/ }),

/***/ 45885:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   By: () => (/* binding */ parseStatement),
/* harmony export */   M5: () => (/* binding */ laneStatement)
/* harmony export */ });
/* unused harmony exports STATEMENT_TYPE, VERIFICATION_PREDICATE_TYPE, DEFAULT_VERIFIER_ID, LANES, assertGitObjectId, runContext, digestSet, digestsOfSubject, commitSubjectName, sourceStatement, promotionStatement */
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(41397);
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
const LANES = ['source', 'integration', 'e2e', 'promotion'];
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
    const parsed = (0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(digest);
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
        tested: images.map((i) => ({ name: i.name, digest: (0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(i.digest).value })),
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

/***/ 99386:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  jE: () => (/* binding */ storeEvidence)
});

// UNUSED EXPORTS: COMMIT_ANNOTATION, CREATED_ANNOTATION, DSSE_MEDIA_TYPE, EMPTY_BLOB, EMPTY_DESCRIPTOR, EVIDENCE_ARTIFACT_TYPE, LANE_ANNOTATION, buildEvidenceManifest, evidenceRepository, fallbackTag, findEvidence, findSourceEvidence, isNotFound, mergeIntoFallback, mergeReferrer, sourceEvidenceTag, storeSourceEvidence

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
// EXTERNAL MODULE: ./packages/core/src/registry/digest.ts
var registry_digest = __nccwpck_require__(57212);
// EXTERNAL MODULE: ./packages/core/src/registry/media-types.ts
var media_types = __nccwpck_require__(45514);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(637);
// EXTERNAL MODULE: ./packages/core/src/registry/client.ts + 2 modules
var client = __nccwpck_require__(5181);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __nccwpck_require__(41397);
// EXTERNAL MODULE: ./packages/core/src/evidence/dsse.ts
var dsse = __nccwpck_require__(92479);
// EXTERNAL MODULE: ./packages/core/src/evidence/statement.ts
var statement = __nccwpck_require__(45885);
;// CONCATENATED MODULE: ./packages/core/src/evidence/store.ts
/**
 * Stores DSSE evidence envelopes in the registry next to the image they speak about, and finds them
 * again.
 *
 * Image evidence is an OCI artifact manifest whose `subject` is the image manifest, made discoverable
 * through the OCI referrers API when the registry has one, otherwise through the referrers tag-schema
 * fallback (an OCI index at tag `sha256-<hex>`). Source-lane evidence has no image to point at; it is
 * tagged `commit-<sha>.source` in an evidence repository so it can be found from the commit alone.
 */








/** `artifactType` of digestline evidence manifests. */
const EVIDENCE_ARTIFACT_TYPE = 'application/vnd.dev.digestline.evidence.v1+json';
/** Media type of the layer holding the DSSE envelope JSON. */
const DSSE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
/** Annotation naming the lane of the evidence. */
const LANE_ANNOTATION = 'dev.digestline.lane';
/** Annotation naming the commit the evidence is about. */
const COMMIT_ANNOTATION = 'dev.digestline.commit';
/** OCI standard annotation: when the evidence was created (RFC 3339). */
const CREATED_ANNOTATION = 'org.opencontainers.image.created';
/** The OCI empty JSON blob (`{}`), config of artifacts without a config. */
const EMPTY_BLOB = Buffer.from('{}', 'utf8');
/** Descriptor of {@link EMPTY_BLOB}. */
const EMPTY_DESCRIPTOR = { mediaType: media_types/* OCI_EMPTY */.g1, digest: (0,registry_digest/* digestOf */.ol)(EMPTY_BLOB), size: 2 };
/** Evidence envelopes larger than this are refused on read: a statement is a few KiB. */
const MAX_ENVELOPE_BYTES = (/* unused pure expression or super */ null && (4 * 1024 * 1024));
/** True for the error the registry client throws when a manifest or blob does not exist. */
function isNotFound(err) {
    return err instanceof client/* RegistryError */.gl && err.status === 404;
}
/** Reads a whole blob (verified by the client's stream) into memory, refusing more than `maxBytes`. */
async function readBlob(client, repo, digest, maxBytes) {
    const download = await client.getBlob(repo, digest);
    if (download.size !== undefined && download.size > maxBytes) {
        await download.stream.cancel();
        throw new Error(`blob ${digest} is ${download.size} bytes, over the ${maxBytes}-byte limit`);
    }
    const chunks = [];
    let total = 0;
    const reader = download.stream.getReader();
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.byteLength;
        if (total > maxBytes) {
            await reader.cancel();
            throw new Error(`blob ${digest} exceeds the ${maxBytes}-byte limit`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks);
}
async function getManifestOrUndefined(client, repo, ref) {
    try {
        return await client.getManifest(repo, ref);
    }
    catch (err) {
        if (isNotFound(err))
            return undefined;
        throw err;
    }
}
/** The referrers fallback tag of a digest: `sha256-<hex>` (OCI distribution spec 1.1). */
function fallbackTag(digest) {
    const parsed = (0,reference/* parseDigest */.m)(digest);
    return `${parsed.algorithm}-${parsed.hex}`;
}
/** The tag under which source-lane evidence of `commit` is stored: `commit-<sha>.source`. */
function sourceEvidenceTag(commit) {
    return `commit-${assertGitObjectId(commit, 'commit')}.source`;
}
/**
 * The evidence repository of an image repository: `evidence` next to it in the same namespace
 * (`org/app/web` → `org/app/evidence`, `web` → `evidence`). Source-lane evidence lives there because it
 * exists before (and independently of) any image; on Forgejo it is one more package of the owner.
 */
function evidenceRepository(imageRepository) {
    const slash = imageRepository.lastIndexOf('/');
    return slash < 0 ? 'evidence' : `${imageRepository.slice(0, slash)}/evidence`;
}
/**
 * Builds the evidence artifact manifest for an envelope (pure). `subject` is omitted for source-lane
 * evidence, which refers to a commit rather than an image.
 */
function buildEvidenceManifest(envelope, opts) {
    const statement = (0,dsse/* statementOf */.T8)(envelope);
    const layer = Buffer.from(JSON.stringify(envelope), 'utf8');
    const annotations = {
        [LANE_ANNOTATION]: statement.predicate.lane,
        [COMMIT_ANNOTATION]: statement.predicate.commit.sha,
        [CREATED_ANNOTATION]: (opts.created ?? new Date(statement.predicate.timeVerified)).toISOString(),
    };
    const manifest = {
        schemaVersion: 2,
        mediaType: media_types/* OCI_MANIFEST */.EG,
        artifactType: EVIDENCE_ARTIFACT_TYPE,
        config: EMPTY_DESCRIPTOR,
        layers: [{ mediaType: DSSE_MEDIA_TYPE, digest: (0,registry_digest/* digestOf */.ol)(layer), size: layer.length }],
        annotations,
    };
    if (opts.subject !== undefined) {
        manifest.subject = {
            mediaType: opts.subject.mediaType,
            digest: opts.subject.digest,
            size: opts.subject.size,
        };
    }
    const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    const digest = (0,registry_digest/* digestOf */.ol)(bytes);
    return {
        manifest,
        bytes,
        digest,
        layer,
        descriptor: {
            mediaType: media_types/* OCI_MANIFEST */.EG,
            digest,
            size: bytes.length,
            artifactType: EVIDENCE_ARTIFACT_TYPE,
            annotations,
        },
    };
}
/**
 * Adds `descriptor` to a referrers index unless an entry with its digest is there (pure).
 *
 * @returns the new index, or `undefined` when nothing changed
 */
function mergeReferrer(index, descriptor) {
    const manifests = index?.manifests ?? [];
    if (manifests.some((m) => m.digest === descriptor.digest))
        return undefined;
    return { ...(index ?? {}), schemaVersion: 2, mediaType: media_types/* OCI_INDEX */.$p, manifests: [...manifests, descriptor] };
}
async function uploadIfMissing(client, repo, bytes, digest) {
    if (!(await client.headBlob(repo, digest)))
        await client.uploadBlob(repo, digest, bytes, bytes.length);
}
/**
 * Stores an evidence envelope attached to the image manifest `digest` in `repo`.
 *
 * Uploads the empty config and the envelope, PUTs the artifact manifest by digest, then makes it
 * discoverable: nothing more when the referrers API answers, otherwise merges it into the fallback
 * index at tag `sha256-<hex>`. Distribution 2.8 has no compare-and-set on tags, so the merge re-reads
 * after each put (after a short random wait) and merges again when a concurrent writer replaced the
 * index without our entry. Idempotent: storing the same envelope again changes nothing.
 *
 * @throws Error when the statement's subjects do not include `digest`, or the merge does not stick
 */
async function storeEvidence(client, repo, digest, envelope, opts = {}) {
    const subjectDigest = (0,reference/* parseDigest */.m)(digest).value;
    const statement = (0,dsse/* statementOf */.T8)(envelope);
    const hex = subjectDigest.slice(subjectDigest.indexOf(':') + 1);
    const algorithm = subjectDigest.slice(0, subjectDigest.indexOf(':'));
    if (!statement.subject.some((s) => s.digest[algorithm] === hex)) {
        throw new Error(`${statement.predicate.lane} evidence does not name ${subjectDigest} among its subjects; refusing to attach it there`);
    }
    const image = await client.getManifest(repo, subjectDigest);
    const subject = { mediaType: image.mediaType, digest: image.digest, size: image.bytes.length };
    const built = buildEvidenceManifest(envelope, opts.created !== undefined ? { subject, created: opts.created } : { subject });
    await uploadIfMissing(client, repo, EMPTY_BLOB, EMPTY_DESCRIPTOR.digest);
    await uploadIfMissing(client, repo, built.layer, built.manifest.layers[0].digest);
    await client.putManifest(repo, built.digest, built.bytes, media_types/* OCI_MANIFEST */.EG);
    const viaApi = await client.referrers(repo, subjectDigest, EVIDENCE_ARTIFACT_TYPE);
    if (viaApi !== null) {
        return {
            digest: built.digest,
            descriptor: built.descriptor,
            discoverableVia: 'referrers-api',
            mergeRounds: 0,
        };
    }
    const tag = fallbackTag(subjectDigest);
    const rounds = await mergeIntoFallback(client, repo, tag, built.descriptor, opts);
    return {
        digest: built.digest,
        descriptor: built.descriptor,
        discoverableVia: `tag:${tag}`,
        mergeRounds: rounds,
    };
}
/**
 * Read-merge-put-verify loop on a fallback index tag.
 *
 * @returns the number of rounds it took
 */
async function mergeIntoFallback(client, repo, tag, descriptor, opts = {}) {
    const attempts = opts.attempts ?? 6;
    const settle = opts.settleMs ?? (() => 150 + Math.floor(Math.random() * 250));
    for (let round = 1; round <= attempts; round++) {
        const current = await getManifestOrUndefined(client, repo, tag);
        const merged = mergeReferrer(current?.json, descriptor);
        if (merged !== undefined) {
            await client.putManifest(repo, tag, Buffer.from(JSON.stringify(merged), 'utf8'), media_types/* OCI_INDEX */.$p);
        }
        // Waiting lets a concurrent writer's put (based on an index read before ours landed) land first,
        // so the re-read sees it and we merge again instead of being silently overwritten.
        await (0,promises_namespaceObject.setTimeout)(settle());
        const after = await getManifestOrUndefined(client, repo, tag);
        if (after?.json.manifests?.some((m) => m.digest === descriptor.digest)) {
            if (merged === undefined)
                return round;
            // Our put stuck; a second look after another wait catches a writer whose put was still in flight.
            await (0,promises_namespaceObject.setTimeout)(settle());
            const again = await getManifestOrUndefined(client, repo, tag);
            if (again?.json.manifests?.some((m) => m.digest === descriptor.digest))
                return round;
        }
    }
    throw new Error(`could not keep ${descriptor.digest} in the referrers index ${repo}:${tag} after ${attempts} rounds: ` +
        'other writers kept replacing it');
}
/**
 * Stores source-lane evidence in `repo` (the evidence repository, see docs/evidence.md) under tag
 * `commit-<sha>.source`, replacing an earlier run's evidence for the same commit.
 */
async function storeSourceEvidence(client, repo, envelope, opts = {}) {
    const statement = statementOf(envelope);
    if (statement.predicate.lane !== 'source') {
        throw new Error(`storeSourceEvidence takes source-lane evidence, got ${statement.predicate.lane}`);
    }
    const built = buildEvidenceManifest(envelope, opts.created !== undefined ? { created: opts.created } : {});
    const tag = sourceEvidenceTag(statement.predicate.commit.sha);
    await uploadIfMissing(client, repo, EMPTY_BLOB, EMPTY_DESCRIPTOR.digest);
    await uploadIfMissing(client, repo, built.layer, built.manifest.layers[0].digest);
    await client.putManifest(repo, tag, built.bytes, OCI_MANIFEST);
    return {
        digest: built.digest,
        descriptor: built.descriptor,
        discoverableVia: `tag:${tag}`,
        mergeRounds: 0,
    };
}
async function loadEnvelope(client, repo, descriptor, expectSubject, via, preloaded) {
    try {
        const m = preloaded ?? (await client.getManifest(repo, descriptor.digest));
        if (m.digest !== descriptor.digest) {
            throw new Error(`manifest digest ${m.digest} does not match the listed ${descriptor.digest}`);
        }
        if (m.json.artifactType !== EVIDENCE_ARTIFACT_TYPE) {
            throw new Error(`artifactType is ${JSON.stringify(m.json.artifactType)}, not ${EVIDENCE_ARTIFACT_TYPE}`);
        }
        if (expectSubject !== undefined && m.json.subject?.digest !== expectSubject) {
            throw new Error(`its subject is ${m.json.subject?.digest ?? 'missing'}, not ${expectSubject}`);
        }
        const layer = m.json.layers?.find((l) => l.mediaType === DSSE_MEDIA_TYPE);
        if (layer === undefined)
            throw new Error(`it has no ${DSSE_MEDIA_TYPE} layer`);
        if (layer.size > MAX_ENVELOPE_BYTES)
            throw new Error(`its envelope is ${layer.size} bytes, over the limit`);
        const bytes = await readBlob(client, repo, layer.digest, MAX_ENVELOPE_BYTES);
        // The client checks digests too; checking here keeps the guarantee independent of the transport.
        const actual = digestOf(bytes, parseDigest(layer.digest).algorithm);
        if (actual !== layer.digest)
            throw new Error(`envelope blob hashes to ${actual}, expected ${layer.digest}`);
        if (bytes.length !== layer.size)
            throw new Error(`envelope blob is ${bytes.length} bytes, expected ${layer.size}`);
        const envelope = parseEnvelope(JSON.parse(bytes.toString('utf8')));
        return { descriptor, via, envelope };
    }
    catch (err) {
        return { descriptor, via, error: `evidence ${descriptor.digest} in ${repo}: ${errorMessage(err)}` };
    }
}
/**
 * Finds the evidence attached to image manifest `digest` in `repo`: referrers API first, the fallback
 * tag when the registry has no referrers API. Each envelope blob's sha256 is verified; evidence that
 * cannot be read is returned with `error` rather than dropped, so callers can report it.
 *
 * @param opts.lane only evidence whose lane annotation names this lane
 */
async function findEvidence(client, repo, digest, opts = {}) {
    const subjectDigest = parseDigest(digest).value;
    let descriptors = await client.referrers(repo, subjectDigest, EVIDENCE_ARTIFACT_TYPE);
    let via = 'referrers-api';
    if (descriptors === null) {
        via = `tag:${fallbackTag(subjectDigest)}`;
        const index = await getManifestOrUndefined(client, repo, fallbackTag(subjectDigest));
        descriptors = index?.json.manifests ?? [];
    }
    const wanted = descriptors.filter((d) => d.artifactType === EVIDENCE_ARTIFACT_TYPE &&
        (opts.lane === undefined || d.annotations?.[LANE_ANNOTATION] === opts.lane));
    return Promise.all(wanted.map((d) => loadEnvelope(client, repo, d, subjectDigest, via)));
}
/**
 * Finds the source-lane evidence of `commit` in the evidence repository `repo` (tag
 * `commit-<sha>.source`); an empty list when there is none.
 */
async function findSourceEvidence(client, repo, commit) {
    const tag = sourceEvidenceTag(commit);
    const m = await getManifestOrUndefined(client, repo, tag);
    if (m === undefined)
        return [];
    const descriptor = { mediaType: m.mediaType, digest: m.digest, size: m.bytes.length };
    if (m.json.annotations !== undefined)
        descriptor.annotations = m.json.annotations;
    if (m.json.artifactType !== undefined)
        descriptor.artifactType = m.json.artifactType;
    return [await loadEnvelope(client, repo, descriptor, undefined, `tag:${tag}`, m)];
}


/***/ }),

/***/ 78851:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   hp: () => (/* binding */ defaultExec),
/* harmony export */   os: () => (/* binding */ tailLines)
/* harmony export */ });
/* unused harmony exports STDERR_TAIL_LINES, Exec */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(31884);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48418);
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

/***/ 45402:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kg: () => (/* binding */ runE2e),
/* harmony export */   e4: () => (/* binding */ e2eFailureMessage),
/* harmony export */   hJ: () => (/* binding */ resolveTestsDir),
/* harmony export */   r5: () => (/* binding */ teardownE2e)
/* harmony export */ });
/* unused harmony exports E2E_PROJECT_PREFIX, PLAYWRIGHT_VERSION_LABEL, PLAYWRIGHT_PACKAGE, RUNNER_NODE_MODULES, CHROMIUM_EXECUTABLE, CHROMIUM_ARGS, CONTAINER_TESTS_DIR, CONTAINER_REPORT_DIR, REPORT_FILES, testsPlaywrightVersion, readTestsPlaywrightVersion, inspectRunnerImage, checkPlaywrightVersions, parseNumericUser, runnerUser, prepareTestsCopy, prepareReportDir, playwrightCommand, playwrightEnv, e2eContainerOptions, playwrightChecks, projectOfNetwork */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(637);
/* harmony import */ var _evidence_dsse_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(92479);
/* harmony import */ var _evidence_statement_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(45885);
/* harmony import */ var _evidence_store_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(99386);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(78851);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(41397);
/* harmony import */ var _registry_client_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(5181);
/* harmony import */ var _stack_stack_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(54747);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(56968);
/* harmony import */ var _stack_lane_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(17383);
/**
 * The browser E2E lane: Playwright from a dedicated, digest-pinned runner image (Debian's chromium,
 * node and a pinned @playwright/test under /opt/playwright) runs in a container on the stack's
 * network against `http://<service>:<port>`. It shares the stack lane's pieces (project names,
 * service URLs, teardown, evidence subjects, summary) and adds what E2E needs: the Playwright
 * version check before anything starts, a writable report directory owned by the runner image's
 * user, attaching to a stack that is already running, per-spec checks from Playwright's JSON report,
 * and the report uploaded as an artifact.
 */












/** Prefix of e2e-run project names (`e2e-<run id>-<random>`). */
const E2E_PROJECT_PREFIX = 'e2e';
/** Image label carrying the runner image's @playwright/test version. */
const PLAYWRIGHT_VERSION_LABEL = 'org.digestline.playwright.version';
/** The npm package whose version the tests and the runner image must agree on. */
const PLAYWRIGHT_PACKAGE = '@playwright/test';
/** Where the runner image keeps its pinned Playwright. */
const RUNNER_NODE_MODULES = '/opt/playwright/node_modules';
/** Debian's chromium in the runner image; Playwright must never download a browser of its own. */
const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';
/**
 * Flags for chromium in a container: no user namespaces for its sandbox, no GPU, no traffic of its
 * own (the network rule: only the stack), and /tmp instead of the 64 MB /dev/shm containers get.
 */
const CHROMIUM_ARGS = (/* unused pure expression or super */ null && ([
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
]));
/** Mount points inside the runner container. */
const CONTAINER_TESTS_DIR = '/e2e/tests';
const CONTAINER_REPORT_DIR = '/e2e/report';
/** Layout of the report directory (output `report`, uploaded as the artifact). */
const REPORT_FILES = {
    html: 'html',
    testResults: 'test-results',
    json: 'results.json',
    lane: 'digestline-e2e.json',
    stackBundle: 'stack-bundle',
};
// ---- the Playwright version check ----
/** Exact versions only: `1.65.1`, `1.66.0-beta-1`. */
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
/**
 * The `@playwright/test` version a tests directory pins in its package.json (`dependencies` or
 * `devDependencies`). A range would let the tests run against whatever the runner image has, so
 * only an exact version is accepted.
 * @param text package.json content
 * @param file shown in messages
 * @param input the input naming the tests directory
 * @throws InputError when the package is missing, pinned by a range, or the file is not JSON
 */
function testsPlaywrightVersion(text, file, input) {
    let pkg;
    try {
        pkg = JSON.parse(text);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": ${file} is not valid JSON: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
    }
    const declared = pkg.devDependencies?.[PLAYWRIGHT_PACKAGE] ?? pkg.dependencies?.[PLAYWRIGHT_PACKAGE];
    if (declared === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": ${file} does not list ${PLAYWRIGHT_PACKAGE} in dependencies or devDependencies; pin the version the runner image has, e.g. "${PLAYWRIGHT_PACKAGE}": "1.65.1"`);
    }
    const version = typeof declared === 'string' ? declared.trim() : '';
    if (!EXACT_VERSION.test(version)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": ${file} must pin ${PLAYWRIGHT_PACKAGE} to an exact version (like "1.65.1"), got ${JSON.stringify(declared)}: the tests run with the runner image's Playwright, so a range would hide a mismatch`);
    }
    return version;
}
/** Reads `<tests>/package.json` (see {@link testsPlaywrightVersion}). */
async function readTestsPlaywrightVersion(testsDir, shownAs, input) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(shownAs, 'package.json');
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(testsDir, 'package.json'), 'utf8');
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": cannot read ${file}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
    }
    return testsPlaywrightVersion(text, file, input);
}
function isLoopbackRegistry(ref) {
    try {
        return (0,_registry_client_js__WEBPACK_IMPORTED_MODULE_8__/* .isLoopbackHost */ .cW)(new URL(`http://${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .parseReference */ .F2)(ref).registry}`).hostname);
    }
    catch {
        return false;
    }
}
/**
 * Inspects the runner image, pulling it first when it is not local.
 * @throws Error naming the image when it has no {@link PLAYWRIGHT_VERSION_LABEL}
 */
async function inspectRunnerImage(engine, image, log) {
    let info;
    try {
        info = await engine.inspectImage(image);
    }
    catch {
        log(`pulling runner image ${image}`);
        await engine.pull(image, { insecure: isLoopbackRegistry(image) });
        info = await engine.inspectImage(image);
    }
    const version = info.labels[PLAYWRIGHT_VERSION_LABEL];
    if (version === undefined || version.trim() === '') {
        throw new Error(`runner image ${image} has no ${PLAYWRIGHT_VERSION_LABEL} label: build it from images/e2e-runner/Containerfile (or label it with its ${PLAYWRIGHT_PACKAGE} version)`);
    }
    return { playwrightVersion: version.trim(), user: info.user };
}
/**
 * Fails when the runner image's Playwright and the tests' pin differ: Playwright refuses (or
 * misbehaves with) tests written against another version, and finding that out after a stack
 * start wastes minutes.
 */
function checkPlaywrightVersions(v) {
    if (v.runnerVersion === v.testsVersion)
        return;
    throw new Error(`Playwright version mismatch: runner image ${v.runnerImage} has ${PLAYWRIGHT_PACKAGE} ${v.runnerVersion} (label ${PLAYWRIGHT_VERSION_LABEL}), but ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(v.tests, 'package.json')} pins ${v.testsVersion}; pin "${PLAYWRIGHT_PACKAGE}": "${v.runnerVersion}" in the tests or use a runner image built with ${v.testsVersion}`);
}
// ---- the runner container ----
/** A numeric `uid[:gid]` from an image's `User` (`''` is root); `undefined` for a user name. */
function parseNumericUser(user) {
    if (user === '')
        return { uid: 0, gid: 0 };
    const m = /^(\d+)(?::(\d+))?$/.exec(user);
    if (m === null)
        return undefined;
    const uid = Number(m[1]);
    return { uid, gid: m[2] !== undefined ? Number(m[2]) : uid };
}
/** The numeric uid/gid the runner image runs as, asking the image itself when `User` is a name. */
async function runnerUser(engine, image, user) {
    const numeric = parseNumericUser(user);
    if (numeric !== undefined)
        return numeric;
    const r = await engine.runToCompletion({
        image,
        rm: true,
        entrypoint: '',
        network: 'none',
        command: ['sh', '-c', 'echo "$(id -u):$(id -g)"'],
    });
    const ids = parseNumericUser(r.stdout.trim());
    if (r.exitCode !== 0 || ids === undefined) {
        throw new Error(`cannot tell the uid of user ${JSON.stringify(user)} of runner image ${image} (id exited ${r.exitCode}: ${(0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .tailLines */ .os)(`${r.stdout}${r.stderr}`, 3)})`);
    }
    return ids;
}
/**
 * Copies the tests directory (without `node_modules` and earlier Playwright output) and links
 * `node_modules` to the runner image's Playwright.
 *
 * Why a copy with a link rather than NODE_PATH: NODE_PATH reaches `require()` only, while ESM test
 * files and configs (`.mjs`, `"type": "module"`) resolve bare imports by walking up `node_modules`
 * directories; the link serves both. The copy keeps a developer's own `node_modules` (another
 * Playwright version: Playwright refuses to load a second copy of itself) out of the container, and
 * leaves the workspace untouched. The link dangles on the runner and resolves inside the container.
 */
async function prepareTestsCopy(testsDir, dest) {
    const skip = new Set(['node_modules', 'test-results', 'playwright-report', 'blob-report']);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.cp)(testsDir, dest, {
        recursive: true,
        filter: (source) => {
            const rel = source.slice(testsDir.length).split('/').filter(Boolean);
            return !(rel.length === 1 && skip.has(rel[0])) && !rel.includes('node_modules');
        },
    });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.symlink)(RUNNER_NODE_MODULES, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dest, 'node_modules'));
}
/**
 * Makes the report directory writable for the runner image's user: owned by its uid when this
 * process may chown (root, or the same uid), else world-writable (a non-root runner with a rootful
 * or rootless engine, where the container's uid is not ours to give files to).
 */
async function prepareReportDir(dir, owner) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    const me = process.getuid?.();
    if (me === owner.uid)
        return 'owned by this process already';
    if (me === 0) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chown)(dir, owner.uid, owner.gid);
        return `owned by ${owner.uid}:${owner.gid}`;
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(dir, 0o777);
    return 'world-writable (this process cannot chown it)';
}
/**
 * The Playwright command: the runner image's own CLI by path (not whatever `playwright` PATH
 * finds), output locations forced into the mounted report directory, reporters fixed so that the
 * HTML report and the JSON the lane reads always exist.
 */
function playwrightCommand(retries) {
    return [
        'node',
        `${RUNNER_NODE_MODULES}/@playwright/test/cli.js`,
        'test',
        '--reporter=list,html,json',
        `--output=${CONTAINER_REPORT_DIR}/${REPORT_FILES.testResults}`,
        `--retries=${retries}`,
    ];
}
/** Env of the runner container (service URLs come on top). */
function playwrightEnv(baseUrl) {
    return {
        BASE_URL: baseUrl,
        PLAYWRIGHT_BASE_URL: baseUrl,
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
        PLAYWRIGHT_CHROMIUM_EXECUTABLE: CHROMIUM_EXECUTABLE,
        PLAYWRIGHT_HTML_OUTPUT_DIR: `${CONTAINER_REPORT_DIR}/${REPORT_FILES.html}`,
        PLAYWRIGHT_HTML_OPEN: 'never',
        PLAYWRIGHT_JSON_OUTPUT_FILE: `${CONTAINER_REPORT_DIR}/${REPORT_FILES.json}`,
        CI: 'true',
    };
}
/** `run` options of the runner container. */
function e2eContainerOptions(o) {
    return {
        image: o.image,
        name: `${o.project}-e2e`,
        network: o.network,
        rm: true,
        // Explicit, so that the uid the report directory was prepared for is the one that writes it.
        user: `${o.user.uid}:${o.user.gid}`,
        env: { ...o.serviceEnv, ...playwrightEnv(o.baseUrl) },
        volumes: [
            { source: o.testsCopy, target: CONTAINER_TESTS_DIR, readonly: true },
            { source: o.reportDir, target: CONTAINER_REPORT_DIR },
        ],
        workdir: CONTAINER_TESTS_DIR,
        entrypoint: '',
        labels: { [_stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .STACK_LABEL */ .GF]: o.project, [_stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .ROLE_LABEL */ .eg]: _stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .TESTS_ROLE */ .Tc },
        command: playwrightCommand(o.retries),
    };
}
function specsOf(suite, path = []) {
    const here = (suite.specs ?? []).map((s) => ({
        title: [...path, s.title ?? ''].filter(Boolean).join(' › '),
        tests: s.tests ?? [],
    }));
    return [...here, ...(suite.suites ?? []).flatMap((child) => specsOf(child, [...path, child.title ?? '']))];
}
/**
 * One evidence check per spec file (`playwright: playlists.spec.ts`): FAILED when a test in it
 * failed (detail: the failing titles), SKIPPED when all were skipped, else PASSED (flaky tests
 * passed on a retry and count as passed, as in Playwright's exit code). Errors outside tests (a
 * config that does not load) become a `playwright: load` check.
 */
function playwrightChecks(report) {
    const counts = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
    const checks = [];
    for (const file of report.suites ?? []) {
        const specs = specsOf(file);
        const tests = specs.flatMap((s) => s.tests.map((t) => ({ spec: s.title, test: t })));
        const failed = tests.filter((t) => t.test.status === 'unexpected');
        const skipped = tests.filter((t) => t.test.status === 'skipped');
        counts.failed += failed.length;
        counts.skipped += skipped.length;
        counts.flaky += tests.filter((t) => t.test.status === 'flaky').length;
        counts.passed += tests.filter((t) => t.test.status === 'expected').length;
        const durationMs = tests.reduce((sum, t) => sum + (t.test.results ?? []).reduce((s, r) => s + (r.duration ?? 0), 0), 0);
        const name = `playwright: ${file.file ?? file.title ?? 'unknown file'}`;
        if (failed.length > 0) {
            const detail = failed.map((t) => t.spec).join('; ');
            checks.push({
                name,
                result: 'FAILED',
                durationMs,
                detail: detail.length > 500 ? `${detail.slice(0, 497)}...` : detail,
            });
        }
        else if (tests.length > 0 && skipped.length === tests.length) {
            checks.push({ name, result: 'SKIPPED', durationMs });
        }
        else {
            checks.push({ name, result: 'PASSED', durationMs });
        }
    }
    const errors = (report.errors ?? []).map((e) => (e.message ?? '').split('\n')[0] ?? '').filter(Boolean);
    if (errors.length > 0) {
        const detail = errors.join('; ');
        checks.push({
            name: 'playwright: load',
            result: 'FAILED',
            durationMs: 0,
            detail: detail.length > 500 ? `${detail.slice(0, 497)}...` : detail,
        });
    }
    return { checks, counts };
}
/** The project of a digestline stack network (`dl-<project>-net`). */
function projectOfNetwork(network) {
    return /^dl-([a-z0-9][a-z0-9_-]*)-net$/.exec(network)?.[1];
}
/** Finds the stack on `network` and the image set it runs. */
async function attachToNetwork(engine, target, input, imagesInput) {
    const project = projectOfNetwork(target.network);
    const labelled = project === undefined ? [] : await engine.networkList({ label: `${_stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .STACK_LABEL */ .GF}=${project}` });
    if (project === undefined || !labelled.includes(target.network)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": ${target.network} is not the network of a running digestline stack (dl-<project>-net, labelled ${_stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .STACK_LABEL */ .GF}=<project>); start the stack with integration-test (keep-on-failure) or deploy-staging, or give stack and images instead`);
    }
    const stack = await _stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .Stack */ .BJ.attach(project, engine);
    const statuses = await stack.inspect();
    if (statuses.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": the stack on ${target.network} has no service containers`);
    }
    const running = new Map();
    for (const s of statuses)
        if (!running.has(s.image))
            running.set(s.image, s.service);
    if (target.images !== undefined && target.images.length > 0) {
        const wrong = target.images.filter((e) => !running.has((0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .formatReference */ .FH)(e.ref)));
        if (wrong.length > 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(imagesInput, `input "${imagesInput}": no service on ${target.network} runs ${wrong.map((e) => `${e.name}=${(0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .formatReference */ .FH)(e.ref)}`).join(', ')} (it runs ${[...running.keys()].join(', ')})`);
        }
        return { stack, images: target.images };
    }
    const images = [];
    for (const [image, service] of running) {
        const ref = (0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .parseReference */ .F2)(image);
        if (ref.digest === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": service ${service} on ${target.network} runs ${image}, which is not a digest reference`);
        }
        images.push({ name: service, ref });
    }
    return { stack, images };
}
function check(name, result, durationMs, detail) {
    const c = { name, result, durationMs: Math.max(0, durationMs) };
    if (detail !== undefined && detail !== '')
        c.detail = detail.length > 500 ? `${detail.slice(0, 497)}...` : detail;
    return c;
}
async function readJson(path) {
    try {
        return JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/**
 * Writes the e2e evidence (signed when a key is given) to `path` and stores it next to every
 * image's digest. A registry that refuses is reported in `error`, not thrown: the caller still
 * writes its report, and fails the step.
 */
async function writeAndStoreEvidence(o) {
    const statement = (0,_evidence_statement_js__WEBPACK_IMPORTED_MODULE_4__/* .laneStatement */ .M5)({
        lane: 'e2e',
        images: (0,_stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .evidenceImages */ .Sr)(o.images),
        env: o.env,
        checks: o.checks,
        result: o.passed ? 'PASSED' : 'FAILED',
    });
    let envelope = (0,_evidence_dsse_js__WEBPACK_IMPORTED_MODULE_3__/* .envelopeOf */ .Ge)(statement);
    if (o.signingKey !== undefined)
        envelope = (0,_evidence_dsse_js__WEBPACK_IMPORTED_MODULE_3__/* .signEnvelope */ .Yj)(envelope, o.signingKey);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(o.path, `${JSON.stringify(envelope, null, 2)}\n`);
    const evidence = {
        path: o.path,
        signed: o.signingKey !== undefined,
        stored: [],
    };
    const clients = new Map();
    const problems = [];
    for (const entry of o.images) {
        const { registry, repository } = entry.ref;
        const digest = entry.ref.digest;
        const client = clients.get(registry) ?? o.clientFor(registry);
        clients.set(registry, client);
        try {
            const stored = await (0,_evidence_store_js__WEBPACK_IMPORTED_MODULE_5__/* .storeEvidence */ .jE)(client, repository, digest, envelope);
            evidence.stored.push({ ...stored, repository: `${registry}/${repository}` });
            o.log(`e2e evidence for ${entry.name} stored as ${registry}/${repository}@${stored.digest} (${stored.discoverableVia})`);
        }
        catch (err) {
            problems.push(`${entry.name} (${registry}/${repository}@${digest}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
        }
    }
    return problems.length === 0
        ? { evidence }
        : { evidence, error: `could not store the evidence for ${problems.join('; ')}` };
}
/**
 * Runs the E2E lane. Order: the Playwright versions of runner image and tests are compared (the
 * image pulled if needed) before anything is created; then the stack starts (or the running one on
 * `network` is found), Playwright runs in the runner image on the stack network, the stack is torn
 * down (never an attached one), evidence is written and stored next to every tested digest, and the
 * report directory is uploaded.
 *
 * Never throws for failing tests or a stack that does not start: the outcome says `failed`.
 * @throws InputError / Error for problems found before anything started (version mismatch, a
 *   runner image without the version label, a missing commit for the evidence, a bad network)
 */
async function runE2e(opts) {
    const log = opts.log ?? (() => undefined);
    const env = opts.env ?? process.env;
    const { engine, target } = opts;
    const names = {
        tests: opts.inputs?.tests ?? 'tests',
        network: opts.inputs?.network ?? 'network',
        images: opts.inputs?.images ?? 'images',
        baseUrlService: opts.inputs?.baseUrlService ?? 'base-url-service',
    };
    const started = Date.now();
    // Before anything is created: versions, then (stack mode) evidence subjects and the base service.
    const testsVersion = await readTestsPlaywrightVersion(opts.testsDir, opts.testsShownAs, names.tests);
    const runner = await inspectRunnerImage(engine, opts.runnerImage, log);
    checkPlaywrightVersions({
        runnerImage: opts.runnerImage,
        runnerVersion: runner.playwrightVersion,
        tests: opts.testsShownAs,
        testsVersion,
    });
    log(`${PLAYWRIGHT_PACKAGE} ${testsVersion} in both the runner image and ${opts.testsShownAs}`);
    if (target.kind === 'stack') {
        (0,_evidence_statement_js__WEBPACK_IMPORTED_MODULE_4__/* .laneStatement */ .M5)({ lane: 'e2e', images: (0,_stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .evidenceImages */ .Sr)(target.images), env, checks: [] });
        if (!target.spec.services.some((s) => s.name === opts.baseUrlService)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(names.baseUrlService, `input "${names.baseUrlService}": ${target.spec.source} has no service ${JSON.stringify(opts.baseUrlService)} (services: ${target.spec.services.map((s) => s.name).join(', ')})`);
        }
    }
    const user = await runnerUser(engine, opts.runnerImage, runner.user);
    let attached;
    let images;
    let project;
    const checks = [check(`playwright version ${testsVersion} (runner image and tests)`, 'PASSED', 0)];
    const failures = [];
    if (target.kind === 'network') {
        const found = await attachToNetwork(engine, target, names.network, names.images);
        attached = found.stack;
        images = found.images;
        project = attached.project;
        (0,_evidence_statement_js__WEBPACK_IMPORTED_MODULE_4__/* .laneStatement */ .M5)({ lane: 'e2e', images: (0,_stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .evidenceImages */ .Sr)(images), env, checks: [] });
        log(`attached to stack ${project} on ${target.network}; it is left running afterwards`);
    }
    else {
        images = target.images;
        project = (0,_stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .laneProjectName */ .Fr)(E2E_PROJECT_PREFIX, env.GITHUB_RUN_ID);
        opts.onProject?.(project);
    }
    const outDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(opts.tempDir, 'digestline-e2e-run', target.kind === 'stack' ? project : `${project}-${Date.now()}`);
    const reportDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(outDir, 'report');
    const testsCopy = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(outDir, 'tests');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(outDir, { recursive: true });
    await prepareTestsCopy(opts.testsDir, testsCopy);
    log(`report directory ${reportDir}: ${await prepareReportDir(reportDir, user)}`);
    const report = {
        lane: 'e2e',
        target: target.kind,
        project,
        engine: engine.kind,
        stack: target.kind === 'stack' ? target.spec.source : `attached: network ${target.network}`,
        result: 'failed',
        images: images.map((e) => ({
            name: e.name,
            reference: (0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .formatReference */ .FH)(e.ref),
            digest: e.ref.digest,
        })),
        services: [],
        digestsVerified: null,
        readiness: null,
        tests: null,
        startedAt: new Date(started).toISOString(),
        durationMs: 0,
        playwright: { runnerImage: opts.runnerImage, version: testsVersion, reportDir },
    };
    let ready = true;
    let stack;
    if (attached !== undefined) {
        stack = attached;
    }
    else if (target.kind === 'stack') {
        report.services = target.spec.services.map((s) => ({ name: s.name, image: s.image }));
        const t0 = Date.now();
        try {
            stack = await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .group */ .Os)(`Start stack ${project} (${target.spec.services.length} services)`, () => _stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .Stack */ .BJ.up({
                project,
                engine,
                spec: target.spec,
                readiness: {
                    timeoutMs: opts.readinessTimeoutMs ?? 120_000,
                    ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
                },
                // The runner image is Debian with bash: it can probe ports on the network too.
                probeImage: opts.runnerImage,
                log,
            }));
            checks.push(check(`stack ready: ${target.spec.services.length} services`, 'PASSED', Date.now() - t0));
        }
        catch (err) {
            if (!(err instanceof _stack_stack_js__WEBPACK_IMPORTED_MODULE_9__/* .StackStartError */ .VE))
                throw err;
            stack = err.partialStack;
            ready = false;
            failures.push(err.message);
            checks.push(check(`stack ready: ${target.spec.services.length} services`, 'FAILED', Date.now() - t0, err.message));
        }
    }
    else {
        throw new Error('unreachable: a network target is attached above');
    }
    let testOutput = '';
    if (ready) {
        const statuses = await stack.inspect();
        const urls = (0,_stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .serviceUrls */ ._x)(statuses, 'container');
        const base = statuses.find((s) => s.service === opts.baseUrlService);
        report.services = statuses.map((s) => {
            const timing = stack.timings[s.service];
            const line = { name: s.service, image: s.image, container: s.container };
            if (s.urls.internal !== undefined)
                line.url = s.urls.internal;
            if (timing !== undefined) {
                line.readiness = timing.mode;
                line.startedAt = timing.startedAt;
                line.readyAt = timing.readyAt;
                line.readyAfterMs = timing.readyAt - timing.startedAt;
            }
            return line;
        });
        const baseUrl = base?.urls.internal;
        if (baseUrl === undefined) {
            const why = base === undefined
                ? `there is no service ${JSON.stringify(opts.baseUrlService)} (services: ${statuses.map((s) => s.service).join(', ')})`
                : `service ${opts.baseUrlService} has no port (give it ports or expose)`;
            failures.push(`input "${names.baseUrlService}": ${why}`);
            checks.push(check('playwright', 'SKIPPED', 0, why));
        }
        else {
            report.playwright.baseUrl = baseUrl;
            const verifying = stack.verifyDigests().then(() => undefined, (err) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err));
            const timings = Object.values(stack.timings);
            const testStartedAt = Date.now();
            if (timings.length > 0) {
                const lastReadyAt = Math.max(...timings.map((t) => t.readyAt));
                report.readiness = {
                    upMs: lastReadyAt - Math.min(...timings.map((t) => t.startedAt)),
                    lastReadyAt,
                    testStartedAt,
                    latencyMs: testStartedAt - lastReadyAt,
                };
            }
            const options = e2eContainerOptions({
                project,
                network: stack.network,
                image: opts.runnerImage,
                testsCopy,
                reportDir,
                baseUrl,
                serviceEnv: urls.env,
                retries: opts.retries,
                user,
            });
            log(`BASE_URL=${baseUrl}`);
            const run = await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .group */ .Os)(`Playwright in ${opts.runnerImage} against ${baseUrl}`, async () => {
                try {
                    // The engine's exec streams Playwright's list reporter to the log as it runs.
                    const r = await engine.runToCompletion(options);
                    return {
                        exitCode: r.exitCode,
                        output: `${r.stdout}${r.stderr}`,
                        error: undefined,
                    };
                }
                catch (err) {
                    return { exitCode: null, output: '', error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err) };
                }
            });
            const durationMs = Date.now() - testStartedAt;
            testOutput = run.output;
            report.tests = {
                command: options.command?.join(' ') ?? '',
                where: 'container',
                image: opts.runnerImage,
                exitCode: run.exitCode,
                durationMs,
            };
            const digestError = await verifying;
            report.digestsVerified = digestError === undefined;
            checks.push(check('digests verified', digestError === undefined ? 'PASSED' : 'FAILED', 0, digestError));
            if (digestError !== undefined)
                failures.push(digestError);
            const json = await readJson((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(reportDir, REPORT_FILES.json));
            const parsed = json !== undefined ? playwrightChecks(json) : undefined;
            if (parsed !== undefined) {
                checks.push(...parsed.checks);
                report.playwright.counts = parsed.counts;
            }
            if (run.exitCode !== 0) {
                const counts = parsed?.counts;
                const why = run.error ??
                    (counts !== undefined && counts.failed > 0
                        ? `${counts.failed} of ${counts.passed + counts.failed + counts.flaky} tests failed`
                        : `playwright exited with code ${run.exitCode}`);
                failures.push(`E2E tests: ${why}${run.output === '' ? '' : `; last output lines:\n${(0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .tailLines */ .os)(run.output, 20)}`}`);
                if (parsed === undefined || !parsed.checks.some((c) => c.result === 'FAILED')) {
                    checks.push(check('playwright', 'FAILED', durationMs, why));
                }
            }
            else if (parsed === undefined) {
                checks.push(check('playwright', 'PASSED', durationMs, 'no JSON report'));
            }
        }
    }
    const passed = failures.length === 0;
    report.result = passed ? 'passed' : 'failed';
    if (!passed)
        report.failure = failures.join('\n');
    if (!passed) {
        await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .group */ .Os)('Collect the stack bundle', async () => {
            const bundle = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(reportDir, REPORT_FILES.stackBundle);
            try {
                await stack.collectBundle(bundle, opts.signingKey !== undefined ? { redact: [opts.signingKey] } : {});
                if (testOutput !== '')
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(bundle, 'playwright.log'), testOutput);
                report.bundle = bundle;
            }
            catch (err) {
                log(`could not collect the stack bundle: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
            }
        });
    }
    if (target.kind === 'stack') {
        await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .group */ .Os)(`Tear down stack ${project}`, async () => {
            try {
                await stack.down({ volumes: 'all', stopTimeoutS: 5 });
            }
            catch (err) {
                log(`teardown left something behind (the post step retries): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
            }
        });
    }
    const outcome = { report, reportDir };
    await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .group */ .Os)('Evidence', async () => {
        const stored = await writeAndStoreEvidence({
            images,
            env,
            checks,
            passed,
            path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(outDir, 'evidence.dsse.json'),
            clientFor: opts.registryFor ?? ((registry) => new _registry_client_js__WEBPACK_IMPORTED_MODULE_8__/* .RegistryClient */ .bP({ registry, log })),
            log,
            ...(opts.signingKey !== undefined ? { signingKey: opts.signingKey } : {}),
        });
        outcome.evidencePath = stored.evidence.path;
        report.evidence = stored.evidence;
        if (stored.error !== undefined)
            outcome.evidenceError = stored.error;
    });
    const lanePath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(reportDir, REPORT_FILES.lane);
    report.durationMs = Date.now() - started;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(lanePath, `${JSON.stringify(report, null, 2)}\n`);
    if (opts.upload !== undefined) {
        const result = await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .group */ .Os)(`Upload the report as artifact ${opts.artifactName}`, () => opts.upload(opts.artifactName, reportDir));
        report.artifact = { name: opts.artifactName, ...result };
        report.durationMs = Date.now() - started;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(lanePath, `${JSON.stringify(report, null, 2)}\n`);
    }
    return outcome;
}
/** Why the step fails, or undefined when it passed. */
function e2eFailureMessage(outcome) {
    const parts = [outcome.report.failure, outcome.evidenceError].filter((p) => p !== undefined);
    return parts.length === 0 ? undefined : parts.join('\n');
}
/**
 * The post step: removes a stack main started (it was cancelled, or crashed before its own
 * teardown). A stack main only attached to is never touched.
 * @throws CleanupError when something could not be removed
 */
async function teardownE2e(engine, project, log = () => undefined) {
    if (project === '')
        return 'nothing to tear down: main started no stack';
    return (await (0,_stack_lane_js__WEBPACK_IMPORTED_MODULE_11__/* .teardownLaneStack */ .jb)(engine, project, log))
        ? `stack ${project} removed`
        : `stack ${project}: nothing left to remove`;
}
/** Resolves the tests input against the workspace and checks that it is a directory. */
async function resolveTestsDir(path, workspace, input) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, path);
    const isDir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(dir).then((st) => st.isDirectory(), () => false);
    if (!isDir) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": ${path} is not a directory (resolved against ${workspace})`);
    }
    return dir;
}


/***/ }),

/***/ 47014:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Zw: () => (/* binding */ loadStackFile),
/* harmony export */   wF: () => (/* binding */ summarizeLane)
/* harmony export */ });
/* unused harmony exports INTEGRATION_PROJECT_PREFIX, runIntegrationTest, teardownIntegrationTest, laneFailureMessage */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(637);
/* harmony import */ var _stack_spec_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(34204);
/* harmony import */ var _stack_lane_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(17383);
/**
 * The integration lane: the images under test started as a stack on a fresh network, black-box
 * tests run against them over that network, evidence stored next to every digest. The work is the
 * shared stack lane (stack-lane.ts); this module adds what is specific to integration-test: reading
 * the stack file, the per-run project name, the summary and the post step's teardown.
 */





/** Prefix of integration-test project names (`it-<run id>-<random>`). */
const INTEGRATION_PROJECT_PREFIX = 'it';
/**
 * Reads and parses a stack file with the image set, before anything starts: a key outside the
 * subset, a tag, an image set entry with no service of that name all fail here.
 * @param path as the user wrote it (messages name it); read relative to `cwd`
 * @throws InputError naming `input` (the stack input) with the parser's file:line message
 */
async function loadStackFile(path, images, input, cwd = process.cwd()) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, path), 'utf8');
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": cannot read the stack file ${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
    }
    try {
        return (0,_stack_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .parseStack */ .GI)(text, path, images);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `input "${input}": ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`, { cause: err });
    }
}
/** Runs the integration lane (see `runStackLane`) under a fresh `it-<run id>-<random>` project. */
async function runIntegrationTest(opts) {
    const env = opts.env ?? process.env;
    const project = laneProjectName(INTEGRATION_PROJECT_PREFIX, env.GITHUB_RUN_ID);
    opts.onProject?.(project);
    return runStackLane({
        lane: 'integration',
        engine: opts.engine,
        spec: opts.spec,
        images: opts.images,
        project,
        tests: {
            command: opts.testCommand,
            workspace: opts.workspace,
            ...(opts.testImage ? { image: opts.testImage } : {}),
        },
        readinessTimeoutMs: opts.readinessTimeoutMs,
        keepOnFailure: opts.keepOnFailure,
        outDir: join(opts.tempDir, 'digestline-integration-test', project),
        env,
        ...(opts.signingKey !== undefined ? { signingKey: opts.signingKey } : {}),
        ...(opts.upload !== undefined ? { upload: opts.upload } : {}),
        ...(opts.registryFor !== undefined ? { registryFor: opts.registryFor } : {}),
        ...(opts.exec !== undefined ? { exec: opts.exec } : {}),
        ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
        ...(opts.log !== undefined ? { log: opts.log } : {}),
    });
}
/**
 * The post step: removes what main left (it was cancelled, or crashed), unless main kept a failed
 * stack on purpose.
 * @returns what was done, for the log
 * @throws CleanupError when something could not be removed
 */
async function teardownIntegrationTest(engine, project, kept, log = () => undefined) {
    if (project === '')
        return 'nothing to tear down: main started no stack';
    if (kept)
        return `stack ${project} kept running (keep-on-failure)`;
    return (await teardownLaneStack(engine, project, log))
        ? `stack ${project} removed`
        : `stack ${project}: nothing left to remove`;
}
function ms(value) {
    return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value} ms`;
}
/** The job summary of a lane run (also printed to the log). */
function summarizeLane(summary, report) {
    summary.heading(`${report.lane === 'integration' ? 'integration-test' : 'e2e-run'}: ${report.result}`);
    summary.table(['Service', 'Image', 'Readiness', 'Ready after', 'URL'], report.services.map((s) => [
        s.name,
        s.image,
        s.readiness ?? '',
        s.readyAfterMs !== undefined ? ms(s.readyAfterMs) : '',
        s.url ?? '',
    ]));
    const lines = [
        `project ${report.project} on ${report.engine}, stack ${report.stack}`,
        `digests verified: ${report.digestsVerified === null ? 'not checked' : report.digestsVerified ? 'yes' : 'NO'}`,
    ];
    if (report.readiness !== null) {
        lines.push(`ready ${ms(report.readiness.upMs)} after the first start; tests started ${ms(report.readiness.latencyMs)} after the last service was ready`);
    }
    if (report.tests !== null) {
        lines.push(`tests (${report.tests.where === 'container' ? `in ${report.tests.image}` : 'on the runner'}): exit code ${report.tests.exitCode ?? 'none'} after ${ms(report.tests.durationMs)}`);
    }
    lines.push(`lane took ${ms(report.durationMs)}`);
    if (report.bundle !== undefined)
        lines.push(`failure bundle: ${report.bundle}`);
    if (report.evidence !== undefined) {
        lines.push(`evidence (${report.evidence.signed ? 'signed' : 'unsigned'}): ${report.evidence.path}, stored for ${report.evidence.stored.length}/${report.images.length} digests`);
    }
    summary.list(lines);
    if (report.failure !== undefined)
        summary.code(report.failure);
}
/** Why the step fails, or undefined when it passed. */
function laneFailureMessage(outcome) {
    const parts = [];
    if (outcome.report.failure !== undefined)
        parts.push(outcome.report.failure);
    if (outcome.evidenceError !== undefined)
        parts.push(outcome.evidenceError);
    if (parts.length === 0)
        return undefined;
    return parts.join('\n');
}


/***/ }),

/***/ 17383:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fr: () => (/* binding */ laneProjectName),
/* harmony export */   Sr: () => (/* binding */ evidenceImages),
/* harmony export */   Tc: () => (/* binding */ TESTS_ROLE),
/* harmony export */   _x: () => (/* binding */ serviceUrls),
/* harmony export */   jb: () => (/* binding */ teardownLaneStack)
/* harmony export */ });
/* unused harmony exports urlEnvName, testContainerOptions, runStackLane */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(637);
/* harmony import */ var _evidence_dsse_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(92479);
/* harmony import */ var _evidence_statement_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(45885);
/* harmony import */ var _evidence_store_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(99386);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(78851);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(41397);
/* harmony import */ var _registry_client_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(5181);
/* harmony import */ var _stack_stack_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(54747);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(56968);
/**
 * The shape every stack lane shares (integration-test now, e2e-run next): start the images under
 * test as a stack on a fresh network, wait until ready, run a test command (in a container on that
 * network, or on the runner against loopback ports), verify that the containers ran the given
 * digests, collect a failure bundle, write a report and signed evidence stored next to each digest,
 * and tear the stack down unless the caller keeps a failed one for debugging.
 */












/** `ROLE_LABEL` value of the container the tests run in. */
const TESTS_ROLE = 'tests';
/**
 * A project name unique per run and attempt: `<prefix>-<run id>-<random>`, lower case, so that two
 * jobs on one runner host (or a re-run) never share a network, container or volume name.
 */
function laneProjectName(prefix, runId, random = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3)) {
    const run = (runId ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');
    return `${prefix}-${run === '' ? 'local' : run.slice(0, 20)}-${random.toString('hex')}`;
}
/** The env variable a service's URL is injected as: `web-ui` → `WEB_UI_URL`. */
function urlEnvName(service) {
    return `${service.toUpperCase().replace(/-/g, '_')}_URL`;
}
/**
 * The `<SERVICE>_URL` variables for the tests: internal URLs (`http://backend:8080`) for tests in a
 * container on the stack network, published loopback URLs for tests on the runner. Services
 * without such a URL (no port; on the runner: no published port) get none, and are listed in `missing`.
 */
function serviceUrls(statuses, where) {
    const env = {};
    const missing = [];
    for (const s of statuses) {
        const url = where === 'container' ? s.urls.internal : s.urls.published;
        if (url === undefined)
            missing.push(s.service);
        else
            env[urlEnvName(s.service)] = url;
    }
    return { env, missing };
}
/**
 * `run` options of the test container: on the stack network, the workspace mounted read-only at the
 * same path and used as working directory, the image's entrypoint cleared so that `sh -c` runs the
 * command whatever the image's ENTRYPOINT, labelled with the stack so that `down` removes it too.
 */
function testContainerOptions(project, network, tests, env) {
    return {
        image: tests.image,
        name: `${project}-tests`,
        network,
        rm: true,
        env,
        volumes: [{ source: tests.workspace, target: tests.workspace, readonly: true }],
        workdir: tests.workspace,
        entrypoint: '',
        labels: { [STACK_LABEL]: project, [ROLE_LABEL]: TESTS_ROLE },
        command: ['sh', '-c', tests.command],
    };
}
function isLoopbackRegistry(registry) {
    try {
        return isLoopbackHost(new URL(`http://${registry}`).hostname);
    }
    catch {
        return false;
    }
}
/** Makes sure the test image is local (pulling it the way Stack pulls service images). */
async function ensureImage(engine, ref, log) {
    try {
        await engine.inspectImage(ref);
    }
    catch {
        log(`pulling test image ${ref}`);
        let insecure = false;
        try {
            insecure = isLoopbackRegistry(parseReference(ref).registry);
        }
        catch {
            // An unparsable reference is the engine's to reject, with its own message.
        }
        await engine.pull(ref, { insecure });
    }
}
/** The evidence subjects of an image set. */
function evidenceImages(images) {
    return images.map((e) => ({
        name: e.name,
        digest: e.ref.digest,
        repository: `${e.ref.registry}/${e.ref.repository}`,
    }));
}
function check(name, result, durationMs, detail) {
    const c = { name, result, durationMs: Math.max(0, durationMs) };
    if (detail !== undefined && detail !== '')
        c.detail = detail.length > 500 ? `${detail.slice(0, 497)}...` : detail;
    return c;
}
/**
 * Runs a stack lane from start to teardown. Never throws for a failing stack or failing tests: the
 * outcome says `failed` (with `failure`), so the caller can still set outputs and write a summary.
 * Throws only for problems found before anything started (a stack the engine cannot plan, an image
 * that cannot be pulled) and for evidence that cannot even be built (e.g. no commit known).
 */
async function runStackLane(opts) {
    const log = opts.log ?? (() => undefined);
    const { engine, spec, project, tests } = opts;
    const started = Date.now();
    const env = opts.env ?? process.env;
    const where = tests.image !== undefined ? 'container' : 'runner';
    // Built once up front with no checks, so that a missing commit fails before anything starts.
    const subjects = evidenceImages(opts.images);
    laneStatement({ lane: opts.lane, images: subjects, env, checks: [] });
    await mkdir(opts.outDir, { recursive: true });
    const report = {
        lane: opts.lane,
        project,
        engine: engine.kind,
        stack: spec.source,
        result: 'failed',
        images: opts.images.map((e) => ({
            name: e.name,
            reference: formatReference(e.ref),
            digest: e.ref.digest,
        })),
        services: spec.services.map((s) => ({ name: s.name, image: s.image })),
        digestsVerified: null,
        readiness: null,
        tests: null,
        startedAt: new Date(started).toISOString(),
        durationMs: 0,
    };
    const checks = [];
    const failures = [];
    let testOutput = '';
    if (tests.image !== undefined)
        await ensureImage(engine, tests.image, log);
    let startedStack;
    const upStarted = Date.now();
    try {
        startedStack = await group(`Start stack ${project} (${spec.services.length} services)`, () => Stack.up({
            project,
            engine,
            spec,
            readiness: {
                timeoutMs: opts.readinessTimeoutMs,
                ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
            },
            ...(tests.image !== undefined ? { probeImage: tests.image } : {}),
            log,
        }));
        checks.push(check(`stack ready: ${spec.services.length} services`, 'PASSED', Date.now() - upStarted));
    }
    catch (err) {
        if (!(err instanceof StackStartError))
            throw err;
        startedStack = err.partialStack;
        failures.push(err.message);
        checks.push(check(`stack ready: ${spec.services.length} services`, 'FAILED', Date.now() - upStarted, err.message));
        checks.push(check('digests verified', 'SKIPPED', 0, 'the stack did not start'));
        checks.push(check(`tests: ${tests.command}`, 'SKIPPED', 0, 'the stack did not start'));
    }
    const stack = startedStack;
    if (failures.length === 0) {
        const statuses = await stack.inspect();
        const urls = serviceUrls(statuses, where);
        const timings = Object.values(stack.timings);
        const lastReadyAt = Math.max(...timings.map((t) => t.readyAt));
        const firstStartedAt = Math.min(...timings.map((t) => t.startedAt));
        // Digests are checked while the tests run: both must pass, and neither needs the other, so the
        // check stays off the path from "ready" to "tests started".
        const verifying = (async () => {
            const t0 = Date.now();
            try {
                await stack.verifyDigests();
                return { check: check('digests verified', 'PASSED', Date.now() - t0) };
            }
            catch (err) {
                const error = errorMessage(err);
                return { check: check('digests verified', 'FAILED', Date.now() - t0, error), error };
            }
        })();
        report.services = statuses.map((s) => {
            const timing = stack.timings[s.service];
            const line = { name: s.service, image: s.image, container: s.container };
            const url = urls.env[urlEnvName(s.service)];
            if (url !== undefined)
                line.url = url;
            if (timing !== undefined) {
                line.readiness = timing.mode;
                line.startedAt = timing.startedAt;
                line.readyAt = timing.readyAt;
                line.readyAfterMs = timing.readyAt - timing.startedAt;
            }
            return line;
        });
        if (urls.missing.length > 0) {
            log(`no ${where === 'runner' ? 'published loopback' : 'internal'} URL for ${urls.missing.join(', ')}: ${where === 'runner'
                ? 'publish a port (ports: ["8080"]) to reach it from the runner'
                : 'it has no port'}`);
        }
        const testStartedAt = Date.now();
        report.readiness = {
            upMs: lastReadyAt - firstStartedAt,
            lastReadyAt,
            testStartedAt,
            latencyMs: testStartedAt - lastReadyAt,
        };
        const run = await group(`Run tests (${where === 'container' ? `in ${tests.image}` : 'on the runner'})`, () => runTests(opts, stack, urls.env, log));
        testOutput = run.output;
        report.tests = {
            command: tests.command,
            where,
            ...(tests.image !== undefined ? { image: tests.image } : {}),
            exitCode: run.exitCode,
            durationMs: run.durationMs,
        };
        const verified = await verifying;
        report.digestsVerified = verified.error === undefined;
        checks.push(verified.check);
        if (verified.error !== undefined)
            failures.push(verified.error);
        if (run.exitCode === 0) {
            checks.push(check(`tests: ${tests.command}`, 'PASSED', run.durationMs));
        }
        else {
            const why = run.error ?? `exited with code ${run.exitCode}`;
            failures.push(`the tests ${why}${run.output === '' ? '' : `; last output lines:\n${tailLines(run.output, 15)}`}`);
            checks.push(check(`tests: ${tests.command}`, 'FAILED', run.durationMs, why));
        }
    }
    const passed = failures.length === 0;
    report.result = passed ? 'passed' : 'failed';
    if (!passed)
        report.failure = failures.join('\n');
    const outcome = { report, reportPath: join(opts.outDir, 'report.json'), kept: false };
    if (!passed) {
        const bundle = join(opts.outDir, 'bundle');
        await group('Collect the failure bundle', async () => {
            try {
                await stack.collectBundle(bundle, opts.signingKey !== undefined ? { redact: [opts.signingKey] } : {});
                if (testOutput !== '')
                    await writeFile(join(bundle, 'tests.log'), testOutput);
                outcome.bundlePath = bundle;
                report.bundle = bundle;
                log(`failure bundle: ${bundle}`);
                if (opts.upload !== undefined) {
                    report.bundleArtifact = await opts.upload(`${opts.lane}-bundle-${project}`, bundle);
                    log(report.bundleArtifact.uploaded
                        ? `uploaded the bundle as artifact ${opts.lane}-bundle-${project}`
                        : `bundle not uploaded: ${report.bundleArtifact.reason ?? 'no reason given'}`);
                }
            }
            catch (err) {
                log(`could not collect the failure bundle: ${errorMessage(err)}`);
            }
        });
    }
    await group('Evidence', async () => {
        const statement = laneStatement({
            lane: opts.lane,
            images: subjects,
            env,
            checks,
            result: passed ? 'PASSED' : 'FAILED',
        });
        let envelope = envelopeOf(statement);
        if (opts.signingKey !== undefined)
            envelope = signEnvelope(envelope, opts.signingKey);
        const path = join(opts.outDir, 'evidence.dsse.json');
        await writeFile(path, `${JSON.stringify(envelope, null, 2)}\n`);
        outcome.evidencePath = path;
        report.evidence = { path, signed: opts.signingKey !== undefined, stored: [] };
        const clients = new Map();
        const clientFor = opts.registryFor ?? ((registry) => new RegistryClient({ registry, log: (line) => log(line) }));
        const problems = [];
        for (const entry of opts.images) {
            const { registry, repository } = entry.ref;
            const digest = entry.ref.digest;
            let client = clients.get(registry);
            if (client === undefined) {
                client = clientFor(registry);
                clients.set(registry, client);
            }
            try {
                const stored = await storeEvidence(client, repository, digest, envelope);
                report.evidence.stored.push({ ...stored, repository: `${registry}/${repository}` });
                log(`${opts.lane} evidence for ${entry.name} stored as ${registry}/${repository}@${stored.digest} (${stored.discoverableVia})`);
            }
            catch (err) {
                problems.push(`${entry.name} (${registry}/${repository}@${digest}): ${errorMessage(err)}`);
            }
        }
        if (problems.length > 0)
            outcome.evidenceError = `could not store the evidence for ${problems.join('; ')}`;
    });
    if (!passed && opts.keepOnFailure) {
        outcome.kept = true;
        log(`keep-on-failure: stack ${project} keeps running (network ${stack.network}); remove it with: ${engine.bin} rm -f $(${engine.bin} ps -aq --filter label=${STACK_LABEL}=${project}) && ${engine.bin} network rm ${stack.network}`);
    }
    else {
        await group(`Tear down stack ${project}`, async () => {
            try {
                await stack.down({ volumes: 'all', stopTimeoutS: 5 });
            }
            catch (err) {
                // The post step tries again and fails the job if it cannot either.
                log(`teardown left something behind (the post step retries): ${errorMessage(err)}`);
            }
        });
    }
    report.durationMs = Date.now() - started;
    await writeFile(outcome.reportPath, `${JSON.stringify(report, null, 2)}\n`);
    return outcome;
}
async function runTests(opts, stack, urls, log) {
    const { tests } = opts;
    for (const [name, value] of Object.entries(urls))
        log(`${name}=${value}`);
    const t0 = Date.now();
    const timeout = tests.timeoutMs !== undefined ? { timeoutMs: tests.timeoutMs } : {};
    try {
        const r = tests.image !== undefined
            ? await opts.engine.runToCompletion(testContainerOptions(stack.project, stack.network, { ...tests, image: tests.image }, urls), timeout)
            : await (opts.exec ?? defaultExec).exec('sh', ['-c', tests.command], {
                cwd: tests.workspace,
                env: urls,
                ignoreReturnCode: true,
                ...timeout,
            });
        return { exitCode: r.exitCode, output: `${r.stdout}${r.stderr}`, durationMs: Date.now() - t0 };
    }
    catch (err) {
        return { exitCode: null, output: '', durationMs: Date.now() - t0, error: errorMessage(err) };
    }
}
/**
 * Removes a lane's stack found by its project label (the post step: a new process). Nothing to do
 * when main already removed it.
 * @returns whether anything was found
 * @throws CleanupError when something could not be removed
 */
async function teardownLaneStack(engine, project, log = () => undefined) {
    let stack;
    try {
        stack = await _stack_stack_js__WEBPACK_IMPORTED_MODULE_10__/* .Stack */ .BJ.attach(project, engine);
    }
    catch (err) {
        if (/^no stack /.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)))
            return false;
        throw err;
    }
    log(`removing stack ${project} (containers, network ${stack.network}, volumes)`);
    await stack.down({ volumes: 'all', stopTimeoutS: 5 });
    return true;
}


/***/ }),

/***/ 41397:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   m: () => (/* binding */ parseDigest)
/* harmony export */ });
/* unused harmony exports DIGEST_HEX_LENGTH, DEFAULT_REGISTRY, NAME_MAX_LENGTH, isDigest, repositoryName, familiarName, familiarString, withDigest */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77030);
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

/***/ 5181:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient),
  gl: () => (/* binding */ RegistryError),
  cW: () => (/* binding */ isLoopbackHost)
});

// UNUSED EXPORTS: DigestMismatchError, nextLink, registryBaseUrl

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(57075);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(77030);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
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
function parseWwwAuthenticate(header) {
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
function tokenUrl(challenge, scopes) {
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
const DOCKER_HUB_ALIASES = [
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com',
];
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
function authFilePaths(options = {}) {
    const env = options.env ?? process.env;
    const home = options.home ?? env['HOME'] ?? (0,external_node_os_.homedir)();
    const paths = [];
    if (env['REGISTRY_AUTH_FILE'])
        paths.push(env['REGISTRY_AUTH_FILE']);
    paths.push((0,external_node_path_.join)(env['DOCKER_CONFIG'] || (0,external_node_path_.join)(home, '.docker'), 'config.json'));
    if (env['XDG_RUNTIME_DIR'])
        paths.push((0,external_node_path_.join)(env['XDG_RUNTIME_DIR'], 'containers', 'auth.json'));
    paths.push((0,external_node_path_.join)(env['XDG_CONFIG_HOME'] || (0,external_node_path_.join)(home, '.config'), 'containers', 'auth.json'));
    return paths;
}
function readIfExists(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
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
function findStoredCredentials(registry, options = {}) {
    const read = options.readFile ?? readIfExists;
    const want = normalizeAuthKey(registry);
    for (const path of authFilePaths(options)) {
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
function basicAuthorization(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}
/**
 * Parses a token endpoint's JSON (`token` or OAuth2 `access_token`, `expires_in` seconds, default 60
 * per the Docker token spec). A margin of 10 s is kept so a token does not expire mid-request.
 */
function parseTokenResponse(body, now = Date.now()) {
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

// EXTERNAL MODULE: ./packages/core/src/registry/digest.ts
var registry_digest = __nccwpck_require__(57212);
// EXTERNAL MODULE: ./packages/core/src/registry/media-types.ts
var media_types = __nccwpck_require__(45514);
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
function resolveRetryOptions(options) {
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
function isRetryableStatus(status) {
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
function backoffDelay(retry, options) {
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
async function fetchWithRetry(attempt, options, onRetry) {
    for (let n = 1;; n++) {
        let response;
        let error;
        try {
            response = await attempt(n);
        }
        catch (err) {
            error = err;
        }
        if (response !== undefined && !isRetryableStatus(response.status))
            return response;
        if (n >= options.attempts) {
            if (response !== undefined)
                return response;
            throw error;
        }
        let delayMs = backoffDelay(n, options);
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
    if (!TAG_RE.test(reference) && !(0,registry_digest/* isContentDigest */.Ch)(reference)) {
        throw new Error(`reference ${JSON.stringify(reference)} is neither a tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}) nor a ` +
            'sha256/sha512 digest');
    }
}
function checkDigest(digest, what) {
    if (!(0,registry_digest/* isContentDigest */.Ch)(digest)) {
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
    return value instanceof external_node_stream_.Readable || value instanceof ReadableStream;
}
function toWebStream(body) {
    return body instanceof external_node_stream_.Readable ? external_node_stream_.Readable.toWeb(body) : body;
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
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
        });
        if (response.status === 404)
            return null;
        await this.expect(response, 'HEAD', path, [200]);
        const digest = response.headers.get('docker-content-digest');
        const mediaType = mediaTypeOf(response);
        const length = response.headers.get('content-length');
        const size = Number(length);
        if (digest === null ||
            !(0,registry_digest/* isContentDigest */.Ch)(digest) ||
            mediaType === undefined ||
            length === null ||
            !Number.isInteger(size)) {
            const fetched = await this.getManifest(repository, reference);
            return { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.size };
        }
        if ((0,registry_digest/* isContentDigest */.Ch)(reference) && digest !== reference) {
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
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
        });
        await this.expect(response, 'GET', path, [200]);
        const declared = Number(response.headers.get('content-length') ?? '0');
        if (declared > media_types/* MAX_MANIFEST_BYTES */.ZJ) {
            await response.body?.cancel();
            throw new RegistryError('GET', this.baseUrl + path, 200, undefined, undefined, `GET ${this.baseUrl}${path}: manifest of ${declared} bytes exceeds the ${media_types/* MAX_MANIFEST_BYTES */.ZJ}-byte limit`);
        }
        const bytes = Buffer.from(await response.arrayBuffer());
        const header = response.headers.get('docker-content-digest');
        let digest;
        if ((0,registry_digest/* isContentDigest */.Ch)(reference)) {
            digest = reference;
        }
        else if (header !== null && (0,registry_digest/* isContentDigest */.Ch)(header)) {
            digest = header;
        }
        else {
            digest = (0,registry_digest/* digestOf */.ol)(bytes);
        }
        const actual = (0,registry_digest/* digestOf */.ol)(bytes, (0,registry_digest/* splitDigest */.vo)(digest).algorithm);
        if (actual !== digest) {
            throw new DigestMismatchError(this.registry, repository, reference, digest, actual, 'GET manifest');
        }
        if ((0,registry_digest/* isContentDigest */.Ch)(reference) && header !== null && (0,registry_digest/* isContentDigest */.Ch)(header) && header !== reference) {
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
        const algorithm = (0,registry_digest/* isContentDigest */.Ch)(reference) ? (0,registry_digest/* splitDigest */.vo)(reference).algorithm : 'sha256';
        const digest = (0,registry_digest/* digestOf */.ol)(bytes, algorithm);
        if ((0,registry_digest/* isContentDigest */.Ch)(reference) && digest !== reference) {
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
        if (stored !== null && stored !== digest && stored !== (0,registry_digest/* digestOf */.ol)(bytes)) {
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
        const stream = (0,registry_digest/* verifyingStream */.oP)(response.body, digest, `GET blob ${this.registry}/${repository}@${digest}`, size);
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
            const actual = (0,registry_digest/* digestOf */.ol)(body, (0,registry_digest/* splitDigest */.vo)(digest).algorithm);
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


/***/ }),

/***/ 57212:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* binding */ isContentDigest),
/* harmony export */   oP: () => (/* binding */ verifyingStream),
/* harmony export */   ol: () => (/* binding */ digestOf),
/* harmony export */   vo: () => (/* binding */ splitDigest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Content digests (`<algorithm>:<hex>`) as the OCI image spec defines them, for verifying bytes
 * received from or sent to a registry.
 */

const HEX_LENGTH = { sha256: 64, sha512: 128 };
const DIGEST_RE = /^(sha256|sha512):([0-9a-f]+)$/;
/** True if `text` is a `sha256:`/`sha512:` digest with the right number of lowercase hex digits. */
function isContentDigest(text) {
    const m = DIGEST_RE.exec(text);
    return m !== null && m[2].length === HEX_LENGTH[m[1]];
}
/**
 * Splits a digest into algorithm and hex.
 *
 * @throws Error naming the text and the expected form when it is not a sha256/sha512 digest
 */
function splitDigest(text) {
    const m = DIGEST_RE.exec(text);
    const algorithm = m?.[1];
    if (m === null || algorithm === undefined || m[2].length !== HEX_LENGTH[algorithm]) {
        throw new Error(`${JSON.stringify(text)} is not a content digest: expected sha256:<64 lowercase hex> or sha512:<128 lowercase hex>`);
    }
    return { algorithm, hex: m[2] };
}
/** Digest of `bytes` with `algorithm` (default sha256), as `<algorithm>:<hex>`. */
function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/**
 * Wraps a byte stream so that it errors at its end unless the bytes it carried hash to `expected`
 * and (when given) number `expectedSize`.
 *
 * The check happens while the bytes flow, so a caller streaming a blob elsewhere never holds it in
 * memory; a consumer sees the error before it sees end-of-stream, so a corrupt blob is never
 * taken as complete.
 */
function verifyingStream(source, expected, describe, expectedSize) {
    const { algorithm } = splitDigest(expected);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm);
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


/***/ }),

/***/ 45514:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   ZJ: () => (/* binding */ MAX_MANIFEST_BYTES),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   g1: () => (/* binding */ OCI_EMPTY)
/* harmony export */ });
/* unused harmony exports OCI_CONFIG, OCI_LAYER_GZIP, OCI_LAYER_TAR, OCI_LAYER_ZSTD, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_CONFIG, DOCKER_LAYER_GZIP, MANIFEST_MEDIA_TYPES, isIndexMediaType, isImageManifestMediaType */
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
const MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');
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
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;


/***/ }),

/***/ 34204:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GI: () => (/* binding */ parseStack),
/* harmony export */   K9: () => (/* binding */ STACK_NAME_PATTERN),
/* harmony export */   l8: () => (/* binding */ startOrder)
/* harmony export */ });
/* unused harmony exports StackFileError, placeholderFor, splitCommand, parseComposeDuration */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(88009);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(637);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(41397);
/**
 * Stack files: the documented subset of the Compose file format that digestline runs itself
 * (docs/stack-format.md). Parsing is pure and strict: anything outside the subset is an error that
 * names the key, its path and the file, because a key silently ignored (a `build:`, a bind mount,
 * a `0.0.0.0` port) would make the validated stack differ from what its author reads.
 */



/** A stack file does not parse or uses something outside the supported subset. */
class StackFileError extends Error {
    source;
    path;
    reason;
    line;
    name = 'StackFileError';
    /**
     * @param source the file (or other origin) the text came from, as given to `parseStack`
     * @param path dotted path of the offending key, e.g. `services.backend.build` (`''` for the file)
     * @param reason what is wrong and, where possible, what to write instead
     * @param line 1-based line in the file, when known
     */
    constructor(source, path, reason, line) {
        super(`${source}${line !== undefined ? `:${line}` : ''}: ${path === '' ? '' : `${path}: `}${reason}`);
        this.source = source;
        this.path = path;
        this.reason = reason;
        this.line = line;
    }
}
/** Service, volume and project names: safe as DNS names, container-name parts and placeholders. */
const STACK_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const TOP_LEVEL_KEYS = ['name', 'version', 'services', 'volumes', 'networks'];
const SERVICE_KEYS = [
    'image',
    'environment',
    'command',
    'ports',
    'expose',
    'healthcheck',
    'depends_on',
    'volumes',
    'networks',
];
const HEALTHCHECK_KEYS = ['test', 'interval', 'timeout', 'retries', 'start_period', 'disable'];
const CONDITIONS = [
    'service_started',
    'service_healthy',
    'service_completed_successfully',
];
/** Why some common Compose keys are refused, so the error can say what to do instead. */
const REFUSED_BECAUSE = {
    build: 'stacks run images that were built and pushed before validation; build the image with build-image and pass it in the image set',
    container_name: 'containers are always named <project>-<service> so that parallel runs do not clash',
    network_mode: 'every service joins the stack’s own network',
    privileged: 'privileged containers are not supported',
    env_file: 'env files are resolved on the host; write the variables under environment',
    restart: 'a validation stack must not restart crashed services: a crash is a failure',
    extends: 'write the service out in full',
    profiles: 'every service in the file is started',
};
const LOOPBACK_V4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** Parses the text of a stack file. Keeps the document around to point errors at lines. */
class Parser {
    source;
    lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    doc;
    constructor(text, source) {
        this.source = source;
        this.doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: this.lineCounter, merge: true, prettyErrors: false });
        const [first] = this.doc.errors;
        if (first !== undefined) {
            const line = this.lineCounter.linePos(first.pos[0]).line;
            throw new StackFileError(source, '', `not valid YAML: ${first.message.split('\n')[0]}`, line);
        }
    }
    /** The document as plain data (anchors and merge keys resolved). */
    data() {
        return this.doc.toJS({ maxAliasCount: 1000 });
    }
    fail(path, reason, onKey = false) {
        throw new StackFileError(this.source, formatPath(path), reason, this.lineOf(path, onKey));
    }
    /** Line of the value at `path` (or of its key, for errors about the key itself). */
    lineOf(path, onKey) {
        if (path.length === 0)
            return undefined;
        const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
        const last = path[path.length - 1];
        let node;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(parent)) {
            const pair = parent.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(p) && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && String(p.key.value) === last);
            node = pair === undefined ? undefined : onKey ? pair.key : (pair.value ?? pair.key);
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(parent) && typeof last === 'number') {
            node = parent.items[last];
        }
        const range = node?.range;
        return range ? this.lineCounter.linePos(range[0]).line : undefined;
    }
}
function formatPath(path) {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
function describe(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a map';
    return `${typeof value} ${JSON.stringify(value)}`;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The placeholder an image set entry fills: `backend` → `BACKEND_IMAGE`, `web-ui` → `WEB_UI_IMAGE`. */
function placeholderFor(imageSetName) {
    return `${imageSetName.toUpperCase().replace(/-/g, '_')}_IMAGE`;
}
/**
 * Splits a command string the way Compose does (shell-like words): whitespace separates words,
 * single quotes keep text literally, double quotes keep spaces and honour `\"` and `\\`, a
 * backslash outside quotes escapes the next character. No variables, globs or operators.
 * @returns the words, or an error reason
 */
function splitCommand(text) {
    const words = [];
    let word = '';
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === "'") {
            const end = text.indexOf("'", i + 1);
            if (end < 0)
                return { error: `unterminated single quote at character ${i + 1}` };
            word += text.slice(i + 1, end);
            inWord = true;
            i = end;
        }
        else if (c === '"') {
            let j = i + 1;
            for (; j < text.length && text[j] !== '"'; j++) {
                if (text[j] === '\\' && (text[j + 1] === '"' || text[j + 1] === '\\'))
                    j++;
                word += text[j];
            }
            if (j >= text.length)
                return { error: `unterminated double quote at character ${i + 1}` };
            inWord = true;
            i = j;
        }
        else if (c === '\\') {
            if (i + 1 >= text.length)
                return { error: 'trailing backslash' };
            word += text[++i];
            inWord = true;
        }
        else if (/\s/.test(c)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
        }
        else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.push(word);
    return words;
}
/**
 * Parses a Compose duration (`30s`, `1m30s`, `500ms`, `1.5s`, `1h`) into milliseconds.
 * @returns `undefined` when `text` is not one
 */
function parseComposeDuration(text) {
    const unit = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 };
    if (!/^(\d+(\.\d+)?(h|ms|m|s|us))+$/.test(text))
        return undefined;
    let total = 0;
    for (const match of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us)/g)) {
        total += Number(match[1]) * unit[match[2]];
    }
    return Math.round(total);
}
/**
 * Parses a stack file and fills image placeholders from `images`.
 *
 * Placeholders: a service's `image` may be exactly `${NAME}`; image set entry `backend` fills
 * `${BACKEND_IMAGE}` (upper case, `-` → `_`). Every image must end up a digest reference. Other
 * strings are not interpolated: `$$` stands for `$`, and any other `$NAME` / `${...}` is an error
 * (Compose would substitute it from the runner's environment, which a stack must not depend on).
 *
 * @param text the file's contents
 * @param source the file's path (or another origin) for messages
 * @param images the image set (`name=repo@sha256:...`); every entry's name must be a service
 * @throws StackFileError naming the source, the key path (`services.backend.build`), the line and
 *   the reason, for YAML errors, keys outside the subset, refused values (bind mounts, non-loopback
 *   ports, tags instead of digests), unknown dependencies, unfilled placeholders and unused entries
 */
function parseStack(text, source, images) {
    const p = new Parser(text, source);
    const root = p.data();
    if (!isRecord(root))
        p.fail([], `a stack file must be a map with a services key, not ${describe(root)}`);
    for (const key of Object.keys(root)) {
        if (key.startsWith('x-'))
            continue; // Compose extension fields: anchors live here.
        if (!TOP_LEVEL_KEYS.includes(key)) {
            p.fail([key], `unsupported key; a stack file may have ${TOP_LEVEL_KEYS.join(', ')} (and x-* extensions)`, true);
        }
    }
    const spec = { source, services: [], volumes: [] };
    if (root.name !== undefined) {
        if (typeof root.name !== 'string' || !STACK_NAME_PATTERN.test(root.name)) {
            p.fail(['name'], `must match ${STACK_NAME_PATTERN.source}, got ${describe(root.name)}`);
        }
        spec.name = root.name;
    }
    spec.volumes = parseDeclarations(p, root, 'volumes');
    const networks = parseDeclarations(p, root, 'networks');
    const services = root.services;
    if (!isRecord(services) || Object.keys(services).length === 0) {
        p.fail(['services'], `must be a map with at least one service, got ${describe(services)}`);
    }
    const byPlaceholder = new Map();
    for (const entry of images) {
        if (!Object.hasOwn(services, entry.name)) {
            throw new StackFileError(source, 'services', `the image set has an entry ${JSON.stringify(entry.name)} but there is no service of that name (services: ${Object.keys(services).join(', ')})`);
        }
        const placeholder = placeholderFor(entry.name);
        const clash = byPlaceholder.get(placeholder);
        if (clash !== undefined) {
            throw new StackFileError(source, 'services', `image set entries ${JSON.stringify(clash.name)} and ${JSON.stringify(entry.name)} both fill \${${placeholder}}; rename one`);
        }
        byPlaceholder.set(placeholder, entry);
    }
    for (const [name, value] of Object.entries(services)) {
        spec.services.push(parseService(p, name, value, byPlaceholder, spec.volumes, networks));
    }
    const names = new Set(spec.services.map((s) => s.name));
    for (const service of spec.services) {
        service.dependsOn.forEach((dep, i) => {
            if (dep.service === service.name)
                p.fail(['services', service.name, 'depends_on', i], 'a service cannot depend on itself');
            if (!names.has(dep.service)) {
                p.fail(['services', service.name, 'depends_on'], `depends on ${JSON.stringify(dep.service)}, which is not a service (services: ${[...names].join(', ')})`);
            }
        });
    }
    startOrder(spec);
    return spec;
}
/**
 * The services in an order that starts every service after those it depends on: a stable
 * topological sort (file order among services whose dependencies are met).
 * @throws StackFileError naming the services of a dependency cycle
 */
function startOrder(spec) {
    const byName = new Map(spec.services.map((s) => [s.name, s]));
    const done = new Set();
    const order = [];
    while (order.length < spec.services.length) {
        const next = spec.services.find((s) => !done.has(s.name) && s.dependsOn.every((d) => done.has(d.service) || !byName.has(d.service)));
        if (next === undefined) {
            const cycle = findCycle(spec.services.filter((s) => !done.has(s.name)));
            throw new StackFileError(spec.source, 'services', `depends_on has a cycle: ${cycle.join(' -> ')}; no service in it could ever start`);
        }
        done.add(next.name);
        order.push(next);
    }
    return order;
}
/** One cycle among `remaining` (every one of which has an unmet dependency), as a closed path. */
function findCycle(remaining) {
    const byName = new Map(remaining.map((s) => [s.name, s]));
    const path = [];
    let current = remaining[0];
    while (current !== undefined && !path.includes(current.name)) {
        path.push(current.name);
        current = current.dependsOn.map((d) => byName.get(d.service)).find((s) => s !== undefined);
    }
    return current === undefined ? path : [...path.slice(path.indexOf(current.name)), current.name];
}
/** Top-level `volumes` / `networks`: names with no options. */
function parseDeclarations(p, root, key) {
    const value = root[key];
    if (value === undefined || value === null)
        return [];
    if (!isRecord(value))
        p.fail([key], `must be a map of names, got ${describe(value)}`);
    const why = key === 'networks'
        ? 'the stack always runs on one fresh network of its own (dl-<project>-net); declare networks without options'
        : 'volumes are created by the stack as <prefix>_<name>; declare them without options';
    for (const [name, options] of Object.entries(value)) {
        if (!STACK_NAME_PATTERN.test(name))
            p.fail([key, name], `name must match ${STACK_NAME_PATTERN.source}`, true);
        if (options === null || (isRecord(options) && Object.keys(options).length === 0))
            continue;
        const first = isRecord(options) ? Object.keys(options)[0] : undefined;
        if (first !== undefined)
            p.fail([key, name, first], `unsupported option: ${why}`, true);
        p.fail([key, name], `must be empty or {}, got ${describe(options)}: ${why}`);
    }
    return Object.keys(value);
}
function parseService(p, name, value, byPlaceholder, volumes, networks) {
    const at = ['services', name];
    if (!STACK_NAME_PATTERN.test(name)) {
        p.fail(at, `service names must match ${STACK_NAME_PATTERN.source} (they become DNS names)`, true);
    }
    if (!isRecord(value))
        p.fail(at, `must be a map, got ${describe(value)}`);
    for (const key of Object.keys(value)) {
        if (key.startsWith('x-'))
            continue;
        if (!SERVICE_KEYS.includes(key)) {
            const why = REFUSED_BECAUSE[key] ?? `a service may have ${SERVICE_KEYS.join(', ')}`;
            p.fail([...at, key], `unsupported key: ${why}`, true);
        }
    }
    const service = {
        name,
        ...parseImage(p, [...at, 'image'], value.image, byPlaceholder),
        environment: parseEnvironment(p, [...at, 'environment'], value.environment),
        ports: parsePorts(p, [...at, 'ports'], value.ports),
        expose: parseExpose(p, [...at, 'expose'], value.expose),
        healthcheckDisabled: false,
        dependsOn: parseDependsOn(p, [...at, 'depends_on'], value.depends_on),
        volumes: parseVolumeMounts(p, [...at, 'volumes'], value.volumes, volumes),
        aliases: parseServiceNetworks(p, [...at, 'networks'], value.networks, networks),
    };
    if (value.command !== undefined)
        service.command = parseCommand(p, [...at, 'command'], value.command);
    if (value.healthcheck !== undefined) {
        const hc = parseHealthcheck(p, [...at, 'healthcheck'], value.healthcheck);
        if (hc === 'disabled')
            service.healthcheckDisabled = true;
        else
            service.healthcheck = hc;
    }
    return service;
}
function parseImage(p, at, value, byPlaceholder) {
    if (typeof value !== 'string' || value.trim() === '') {
        p.fail(at, `required: a digest reference or a placeholder like \${BACKEND_IMAGE}, got ${describe(value)}`);
    }
    const placeholder = /^\$\{([A-Za-z0-9_]+)\}$/.exec(value.trim())?.[1];
    if (placeholder !== undefined) {
        const entry = byPlaceholder.get(placeholder);
        if (entry === undefined) {
            const known = [...byPlaceholder.keys()].map((k) => `\${${k}}`).join(', ') || 'none';
            p.fail(at, `placeholder \${${placeholder}} has no image: the image set needs an entry whose name gives ${placeholder} (e.g. ${placeholder
                .replace(/_IMAGE$/, '')
                .toLowerCase()
                .replace(/_/g, '-')}=<repository>@sha256:<hex>); it fills ${known}`);
        }
        return { image: (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(entry.ref), imagePlaceholder: placeholder };
    }
    if (value.includes('$')) {
        p.fail(at, `only a whole-value placeholder \${NAME} is supported in image, got ${JSON.stringify(value)}`);
    }
    let ref;
    try {
        ref = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(value.trim());
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageReferenceError */ .rI)
            p.fail(at, err.message);
        throw err;
    }
    if (ref.digest === undefined || ref.tag !== undefined) {
        p.fail(at, `${JSON.stringify(value)} must be pinned by digest and carry no tag (repository@sha256:<hex>), or be a placeholder filled from the image set`);
    }
    return { image: (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref) };
}
/** Compose's `$$` escape; any other `$` would be interpolated by Compose, which stacks do not do. */
function literal(p, at, text) {
    const stray = /\$(?!\$)(\{[^}]*\}?|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.replace(/\$\$/g, ''));
    if (stray) {
        p.fail(at, `${JSON.stringify(stray[0])} would be substituted from the environment by Compose; stacks do not interpolate variables outside image: write the value, or $$ for a literal $`);
    }
    return text.replace(/\$\$/g, '$');
}
function scalarText(p, at, value, what) {
    if (typeof value === 'string')
        return literal(p, at, value);
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return p.fail(at, `${what} must be a string, number or boolean, got ${describe(value)}`);
}
function parseEnvironment(p, at, value) {
    const env = {};
    const noPassThrough = (key, where) => p.fail(where, `${key} has no value; Compose would copy it from the runner's environment, which a stack does not: write ${key}=<value>`);
    if (value === undefined || value === null)
        return env;
    if (Array.isArray(value)) {
        value.forEach((item, i) => {
            if (typeof item !== 'string')
                p.fail([...at, i], `entries must be KEY=value strings, got ${describe(item)}`);
            const eq = item.indexOf('=');
            if (eq < 0)
                noPassThrough(item, [...at, i]);
            const key = item.slice(0, eq);
            if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key))
                p.fail([...at, i], `${JSON.stringify(key)} is not a variable name`);
            env[key] = literal(p, [...at, i], item.slice(eq + 1));
        });
        return env;
    }
    if (!isRecord(value))
        p.fail(at, `must be a map or a list of KEY=value, got ${describe(value)}`);
    for (const [key, v] of Object.entries(value)) {
        if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key))
            p.fail([...at, key], `${JSON.stringify(key)} is not a variable name`, true);
        if (v === null || v === undefined)
            noPassThrough(key, [...at, key]);
        env[key] = scalarText(p, [...at, key], v, 'a value');
    }
    return env;
}
function parseCommand(p, at, value) {
    if (typeof value === 'string') {
        const words = splitCommand(value);
        if (!Array.isArray(words))
            p.fail(at, `cannot split into words: ${words.error}; prefer a list`);
        if (words.length === 0)
            p.fail(at, 'is empty');
        return words.map((w) => literal(p, at, w));
    }
    if (Array.isArray(value)) {
        return value.map((item, i) => scalarText(p, [...at, i], item, 'every argument'));
    }
    return p.fail(at, `must be a list of arguments (preferred) or a string, got ${describe(value)}`);
}
function parsePortNumber(p, at, text, what) {
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(n >= 1 && n <= 65535))
        p.fail(at, `${what} ${JSON.stringify(text)} is not a port number (1-65535)`);
    return n;
}
/** `8080`, `8080/tcp`; udp is refused (probes and URLs are tcp). */
function containerPortOf(p, at, text) {
    const [port = '', proto] = text.split('/');
    if (proto !== undefined && proto !== 'tcp')
        p.fail(at, `only tcp ports are supported, got ${JSON.stringify(text)}`);
    if (port.includes('-'))
        p.fail(at, `port ranges are not supported, got ${JSON.stringify(text)}`);
    return parsePortNumber(p, at, port, 'container port');
}
function isLoopback(host) {
    if (host === '::1' || host === 'localhost')
        return true;
    const m = LOOPBACK_V4.exec(host);
    return m !== null && m.slice(1).every((octet) => Number(octet) <= 255);
}
function parsePorts(p, at, value) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        p.fail(at, `must be a list, got ${describe(value)}`);
    return value.map((item, i) => {
        const where = [...at, i];
        if (typeof item === 'number')
            item = String(item);
        if (typeof item !== 'string') {
            p.fail(where, `use the short form "[127.0.0.1:]hostPort:containerPort" or "containerPort", got ${describe(item)}`);
        }
        // An IPv6 host is bracketed: [::1]:8080:80.
        const v6 = /^\[([^\]]+)\]:(.*)$/.exec(item);
        const parts = v6 ? [v6[1], ...v6[2].split(':')] : item.split(':');
        let host = '127.0.0.1';
        let hostPort;
        let containerPort;
        if (parts.length === 1)
            [containerPort] = parts;
        else if (parts.length === 2)
            [hostPort, containerPort] = parts;
        else if (parts.length === 3)
            [host, hostPort, containerPort] = parts;
        else
            return p.fail(where, `cannot read ${JSON.stringify(item)}; write "127.0.0.1:8080:8080", "8080:8080" or "8080"`);
        if (!isLoopback(host)) {
            p.fail(where, `publishes on ${JSON.stringify(host)}: validation stacks publish to loopback only (omit the address for 127.0.0.1, or give 127.x.x.x / [::1])`);
        }
        const port = {
            host: host === 'localhost' ? '127.0.0.1' : host,
            containerPort: containerPortOf(p, where, containerPort),
        };
        if (hostPort !== undefined && hostPort !== '')
            port.hostPort = parsePortNumber(p, where, hostPort, 'host port');
        return port;
    });
}
function parseExpose(p, at, value) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        p.fail(at, `must be a list of ports, got ${describe(value)}`);
    return value.map((item, i) => {
        if (typeof item !== 'string' && typeof item !== 'number')
            p.fail([...at, i], `must be a port, got ${describe(item)}`);
        return containerPortOf(p, [...at, i], String(item));
    });
}
function parseDuration(p, at, value) {
    const ms = typeof value === 'string' ? parseComposeDuration(value) : undefined;
    if (ms === undefined)
        p.fail(at, `must be a duration like 500ms, 10s or 1m30s, got ${describe(value)}`);
    return ms;
}
function parseHealthcheck(p, at, value) {
    if (!isRecord(value))
        p.fail(at, `must be a map, got ${describe(value)}`);
    for (const key of Object.keys(value)) {
        if (!HEALTHCHECK_KEYS.includes(key))
            p.fail([...at, key], `unsupported key; a healthcheck may have ${HEALTHCHECK_KEYS.join(', ')}`, true);
    }
    if (value.disable !== undefined) {
        if (typeof value.disable !== 'boolean')
            p.fail([...at, 'disable'], `must be true or false, got ${describe(value.disable)}`);
        if (value.disable)
            return 'disabled';
    }
    const testAt = [...at, 'test'];
    let test;
    if (typeof value.test === 'string') {
        test = ['CMD-SHELL', literal(p, testAt, value.test)];
    }
    else if (Array.isArray(value.test) && value.test.length > 0) {
        test = value.test.map((item, i) => scalarText(p, [...testAt, i], item, 'every element'));
        const [kind] = test;
        if (kind === 'NONE') {
            if (test.length !== 1)
                p.fail(testAt, '[NONE] takes no arguments');
            return 'disabled';
        }
        if (kind === 'CMD-SHELL' && test.length !== 2)
            p.fail(testAt, `[CMD-SHELL, script] takes exactly one script, got ${test.length - 1} elements`);
        if (kind === 'CMD' && test.length < 2)
            p.fail(testAt, '[CMD, program, args...] needs a program');
        if (kind !== 'CMD' && kind !== 'CMD-SHELL') {
            p.fail(testAt, `must start with CMD, CMD-SHELL or NONE, got ${JSON.stringify(kind)}`);
        }
    }
    else {
        return p.fail(testAt, `required: [CMD, program, args...], [CMD-SHELL, script], a script string or [NONE]; got ${describe(value.test)}`);
    }
    let retries = 3;
    if (value.retries !== undefined) {
        if (typeof value.retries !== 'number' || !Number.isInteger(value.retries) || value.retries < 1) {
            p.fail([...at, 'retries'], `must be a whole number >= 1, got ${describe(value.retries)}`);
        }
        retries = value.retries;
    }
    const duration = (key, fallback) => value[key] === undefined ? fallback : parseDuration(p, [...at, key], value[key]);
    return {
        test,
        intervalMs: duration('interval', 30_000),
        timeoutMs: duration('timeout', 30_000),
        retries,
        startPeriodMs: duration('start_period', 0),
    };
}
function parseDependsOn(p, at, value) {
    if (value === undefined || value === null)
        return [];
    if (Array.isArray(value)) {
        return value.map((item, i) => {
            if (typeof item !== 'string')
                p.fail([...at, i], `must be a service name, got ${describe(item)}`);
            return { service: item, condition: 'service_started' };
        });
    }
    if (!isRecord(value))
        p.fail(at, `must be a list of services or a map of service: {condition}, got ${describe(value)}`);
    return Object.entries(value).map(([service, options]) => {
        if (options === null)
            return { service, condition: 'service_started' };
        if (!isRecord(options))
            p.fail([...at, service], `must be a map with condition, got ${describe(options)}`);
        for (const key of Object.keys(options)) {
            if (key !== 'condition')
                p.fail([...at, service, key], 'unsupported key; only condition is supported', true);
        }
        const condition = options.condition ?? 'service_started';
        if (typeof condition !== 'string' || !CONDITIONS.includes(condition)) {
            p.fail([...at, service, 'condition'], `must be one of ${CONDITIONS.join(', ')}, got ${describe(condition)}`);
        }
        return { service, condition: condition };
    });
}
function parseVolumeMounts(p, at, value, declared) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        p.fail(at, `must be a list of "volume:/path[:ro]", got ${describe(value)}`);
    return value.map((item, i) => {
        const where = [...at, i];
        if (typeof item !== 'string') {
            p.fail(where, `use the short form "volume:/path[:ro]", got ${describe(item)}`);
        }
        const parts = item.split(':');
        const [source = '', target = '', mode] = parts;
        if (parts.length === 1) {
            p.fail(where, `anonymous volumes (${JSON.stringify(item)}) are not supported: declare a named volume and write "name:${item}"`);
        }
        if (/^[./~]/.test(source) || source.includes('/')) {
            p.fail(where, `bind mounts (${JSON.stringify(source)}) are refused: a validated stack must run the same on any runner, with nothing but its images; use a named volume`);
        }
        if (parts.length > 3 || (mode !== undefined && mode !== 'ro' && mode !== 'rw')) {
            p.fail(where, `cannot read ${JSON.stringify(item)}; write "volume:/path", "volume:/path:ro" or "volume:/path:rw"`);
        }
        if (!declared.includes(source)) {
            p.fail(where, `volume ${JSON.stringify(source)} is not declared under the top-level volumes key`);
        }
        if (!target.startsWith('/'))
            p.fail(where, `the mount path must be absolute, got ${JSON.stringify(target)}`);
        return { volume: source, target, readonly: mode === 'ro' };
    });
}
/** Service `networks`: names must be declared (or `default`); their aliases all apply on the stack's one network. */
function parseServiceNetworks(p, at, value, declared) {
    if (value === undefined || value === null)
        return [];
    const check = (name, where, onKey) => {
        if (name !== 'default' && !declared.includes(name)) {
            p.fail(where, `network ${JSON.stringify(name)} is not declared under the top-level networks key`, onKey);
        }
    };
    if (Array.isArray(value)) {
        value.forEach((item, i) => {
            if (typeof item !== 'string')
                p.fail([...at, i], `must be a network name, got ${describe(item)}`);
            check(item, [...at, i], false);
        });
        return [];
    }
    if (!isRecord(value))
        p.fail(at, `must be a list of networks or a map of network: {aliases}, got ${describe(value)}`);
    const aliases = [];
    for (const [name, options] of Object.entries(value)) {
        check(name, [...at, name], true);
        if (options === null)
            continue;
        if (!isRecord(options))
            p.fail([...at, name], `must be a map with aliases, got ${describe(options)}`);
        for (const key of Object.keys(options)) {
            if (key !== 'aliases')
                p.fail([...at, name, key], 'unsupported key; only aliases is supported', true);
        }
        const list = options.aliases;
        if (list === undefined || list === null)
            continue;
        if (!Array.isArray(list))
            p.fail([...at, name, 'aliases'], `must be a list, got ${describe(list)}`);
        list.forEach((alias, i) => {
            if (typeof alias !== 'string' || !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(alias)) {
                p.fail([...at, name, 'aliases', i], `must be a DNS name, got ${describe(alias)}`);
            }
            if (!aliases.includes(alias))
                aliases.push(alias);
        });
    }
    return aliases;
}


/***/ }),

/***/ 54747:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ Stack),
/* harmony export */   GF: () => (/* binding */ STACK_LABEL),
/* harmony export */   VE: () => (/* binding */ StackStartError),
/* harmony export */   eg: () => (/* binding */ ROLE_LABEL)
/* harmony export */ });
/* unused harmony exports SERVICE_LABEL, IMAGE_LABEL, PORT_LABEL, ORDER_LABEL, SECRET_ENV_NAME, stackNetworkName, containerName, volumeName, DigestMismatchError, probePort, secretEnvEntries */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(31884);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _engine_cli_engine_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(24404);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(637);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(78851);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(41397);
/* harmony import */ var _spec_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(34204);
/**
 * Runs a parsed stack (spec.ts) on a container engine directly: one fresh network, named volumes,
 * containers started in dependency order and watched until ready. No docker-compose/podman-compose:
 * they differ between engines and versions, cannot tell us *why* a service is not ready, and
 * podman-compose is not installed on most runners.
 *
 * Everything the stack creates carries the label `dev.digestline.stack=<project>`, so a later
 * process (an action's post step, deploy-staging) finds it again with {@link Stack.attach}.
 */









/** Label every container, network and volume of a stack carries: the project name. */
const STACK_LABEL = 'dev.digestline.stack';
/** Label on service containers: the service name. */
const SERVICE_LABEL = 'dev.digestline.service';
/** Label on service containers: the digest reference the service must run. */
const IMAGE_LABEL = 'dev.digestline.image';
/** Label on service containers: the container port its internal URL uses (absent when none). */
const PORT_LABEL = 'dev.digestline.port';
/** Label on service containers: position in the start order (down stops in reverse). */
const ORDER_LABEL = 'dev.digestline.order';
/** Label on containers: `service` or `probe` (a readiness helper). */
const ROLE_LABEL = 'dev.digestline.role';
/** Env names whose values are replaced by `***` in bundles. */
const SECRET_ENV_NAME = /PASSWORD|PASSWD|TOKEN|SECRET|KEY|CREDENTIAL|PRIVATE/i;
/** Secret env values shorter than this are redacted only as `NAME=value`, not wherever they occur. */
const MIN_REDACTED_LENGTH = 4;
/** How many log lines a start failure quotes. */
const LOG_TAIL_LINES = 15;
/** The network a stack runs on. */
function stackNetworkName(project) {
    return `dl-${project}-net`;
}
/** The container a service runs in. */
function containerName(project, service) {
    return `${project}-${service}`;
}
/** The engine name of a declared volume (`prefix` defaults to the project). */
function volumeName(prefix, volume) {
    return `${prefix}_${volume}`;
}
/** `up` failed: a service exited, could not be started, or was not ready in time. */
class StackStartError extends Error {
    services;
    name = 'StackStartError';
    // Private, so that loggers which print an error's own fields do not dump the whole stack object.
    #partialStack;
    /**
     * @param partialStack the half-started stack: collect its bundle, then `down()` it
     * @param services the services the failure is about
     */
    constructor(partialStack, services, message, options) {
        super(message, options);
        this.services = services;
        this.#partialStack = partialStack;
    }
    /** The half-started stack: collect its bundle, then `down()` it. */
    get partialStack() {
        return this.#partialStack;
    }
}
/** A container runs something other than the digest the stack was given. */
class DigestMismatchError extends Error {
    name = 'DigestMismatchError';
}
function deferred() {
    let resolve;
    const d = { promise: new Promise((r) => (resolve = r)), resolve: () => { }, done: false };
    d.resolve = () => {
        d.done = true;
        resolve();
    };
    return d;
}
/** Thrown inside `up` tasks when another task failed or the deadline passed. */
class Aborted extends Error {
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal.aborted)
            return reject(new Aborted());
        const timer = setTimeout(() => {
            signal.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(new Aborted());
        };
        signal.addEventListener('abort', onAbort, { once: true });
    });
}
function untilAborted(promise, signal) {
    return new Promise((resolve, reject) => {
        if (signal.aborted)
            return reject(new Aborted());
        const onAbort = () => reject(new Aborted());
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then((v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e instanceof Error ? e : new Error((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(e)));
        });
    });
}
function isLoopbackRegistry(ref) {
    try {
        const host = (0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .parseReference */ .F2)(ref).registry.replace(/:\d+$/, '');
        return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
    }
    catch {
        return false;
    }
}
function isGone(err) {
    return /no such|not found|does not exist|no container with|no volume with|unable to find network/i.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err));
}
function formatMs(ms) {
    return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)}s` : `${ms}ms`;
}
/**
 * Answers whether something listens on a loopback port, from this process. A connection is
 * "answered" when the peer sends bytes or keeps it open for `holdMs`: docker's userland proxy
 * accepts on the published port even when nothing listens in the container, then closes at once.
 * An HTTP request is sent so that HTTP servers answer right away.
 */
function probePort(host, port, opts = {}) {
    const timeoutMs = opts.timeoutMs ?? 1000;
    const holdMs = opts.holdMs ?? 200;
    return new Promise((resolve) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_2__.connect)({ host, port });
        let settled = false;
        const finish = (ok) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(deadline);
            clearTimeout(hold);
            socket.destroy();
            resolve(ok);
        };
        const deadline = setTimeout(() => finish(false), timeoutMs);
        let hold;
        socket.once('connect', () => {
            socket.write(`GET / HTTP/1.0\r\nHost: ${host.includes(':') ? `[${host}]` : host}:${port}\r\n\r\n`);
            hold = setTimeout(() => finish(true), holdMs);
        });
        socket.once('data', () => finish(true));
        socket.once('error', () => finish(false));
        socket.once('close', () => finish(false));
    });
}
/** bash script for the network probe: retries a TCP connect until it works. */
const NETWORK_PROBE_SCRIPT = 'until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do sleep 0.1; done; echo "reachable $1:$2"';
/**
 * A running stack. Make one with {@link Stack.up}, or find one again with {@link Stack.attach}.
 */
class Stack {
    project;
    engine;
    services;
    volumes;
    exec;
    /** Per-service timestamps of the `up` that made this instance (empty after `attach`). */
    timings = {};
    constructor(project, engine, services, volumes, exec) {
        this.project = project;
        this.engine = engine;
        this.services = services;
        this.volumes = volumes;
        this.exec = exec;
    }
    /** The stack's network. */
    get network() {
        return stackNetworkName(this.project);
    }
    /** Service names in start order. */
    get serviceNames() {
        return [...this.services].sort((a, b) => a.order - b.order).map((s) => s.name);
    }
    /**
     * Creates the network and volumes, starts the services in dependency order and waits until each
     * is ready (see {@link ReadinessMode}; `condition: service_healthy` waits for the dependency's
     * health check). Services without dependencies between them start concurrently. Before each
     * poll (every `pollMs`) the health check is run via `engine.runHealthcheck`: with podman that runs
     * it now, not on the check's `interval` (without systemd podman would never run it); docker runs
     * checks itself on their `interval`, so keep it short there.
     *
     * `up` never removes what it created: on failure the thrown {@link StackStartError} carries the
     * stack as `partialStack`, so the caller can `collectBundle` (logs of the failing service) and
     * then `down` (or a later process can `Stack.attach` it by project).
     *
     * @throws StackStartError when a service cannot be started, exits (naming it, its exit code and
     *   its last log lines), or not every service is ready within `timeoutMs` (naming those that are
     *   not and what each was doing)
     * @throws Error for a bad project name, a dependency cycle, a `service_healthy` dependency without
     *   a health check, or a service that needs a network probe when no `probeImage` was given
     */
    static async up(opts) {
        const { project, engine, spec } = opts;
        if (!_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .STACK_NAME_PATTERN */ .K9.test(project)) {
            throw new Error(`stack project name ${JSON.stringify(project)} must match ${_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .STACK_NAME_PATTERN */ .K9.source}`);
        }
        const log = opts.log ?? ((line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line));
        const timeoutMs = opts.readiness?.timeoutMs ?? 120_000;
        const pollMs = opts.readiness?.pollMs ?? 100;
        const prefix = opts.volumePrefix ?? project;
        const order = (0,_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .startOrder */ .l8)(spec);
        const labels = { ...opts.labels, [STACK_LABEL]: project };
        const images = await Stack.resolveImages(engine, spec, log);
        const oneShot = new Set(spec.services.flatMap((s) => s.dependsOn.filter((d) => d.condition === 'service_completed_successfully').map((d) => d.service)));
        const plans = new Map();
        order.forEach((service, index) => {
            const image = images.get(service.image);
            const hasHealthcheck = service.healthcheck !== undefined ||
                (!service.healthcheckDisabled && image.healthcheck !== undefined);
            const port = service.ports[0]?.containerPort ?? service.expose[0] ?? firstTcpPort(image.exposedPorts);
            let mode;
            if (oneShot.has(service.name))
                mode = 'completed';
            else if (hasHealthcheck)
                mode = 'health';
            else if (service.ports.length > 0)
                mode = 'published-port';
            else if (port !== undefined)
                mode = 'network-probe';
            else
                mode = 'running';
            if (mode === 'network-probe' && opts.probeImage === undefined) {
                throw new Error(`${spec.source}: service "${service.name}" listens on port ${port} but has no health check and no published port, so its readiness needs a probe container: pass probeImage (an image with bash), or give it a healthcheck`);
            }
            const record = {
                name: service.name,
                container: containerName(project, service.name),
                image: service.image,
                order: index,
            };
            if (port !== undefined)
                record.port = port;
            plans.set(service.name, {
                spec: service,
                record,
                mode,
                hasHealthcheck,
                status: 'not started',
                started: deferred(),
                ready: deferred(),
                timing: { mode },
            });
        });
        for (const service of spec.services) {
            for (const dep of service.dependsOn) {
                if (dep.condition === 'service_healthy' && !plans.get(dep.service)?.hasHealthcheck) {
                    throw new Error(`${spec.source}: service "${service.name}" waits for "${dep.service}" to be healthy, but "${dep.service}" has no health check (none in the stack file or its image); add one or use condition: service_started`);
                }
            }
        }
        const volumes = spec.volumes.map((v) => volumeName(prefix, v));
        const stack = new Stack(project, engine, [...plans.values()].map((p) => p.record), volumes, opts.exec ?? (engine instanceof _engine_cli_engine_js__WEBPACK_IMPORTED_MODULE_4__/* .CliEngine */ .Bp ? engine.exec : _exec_js__WEBPACK_IMPORTED_MODULE_6__/* .defaultExec */ .hp));
        const network = stackNetworkName(project);
        log(`stack ${project}: network ${network}, services ${order.map((s) => s.name).join(' → ')}`);
        try {
            await engine.networkCreate(network, { labels });
            const existing = new Set(await engine.volumeList());
            for (const volume of volumes) {
                if (!existing.has(volume))
                    await engine.volumeCreate(volume, { labels });
            }
        }
        catch (err) {
            throw new StackStartError(stack, [], `stack ${project}: creating network/volumes failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}`, {
                cause: err,
            });
        }
        const controller = new AbortController();
        let failure;
        const fail = (err) => {
            failure ??= err;
            controller.abort();
        };
        const deadline = setTimeout(() => controller.abort(), timeoutMs);
        const startedAt = Date.now();
        const ctx = {
            stack,
            engine,
            plans,
            labels,
            network,
            prefix,
            pollMs,
            probeImage: opts.probeImage,
            signal: controller.signal,
            log,
        };
        try {
            await Promise.all([...plans.values()].map(async (plan) => {
                try {
                    await runService(ctx, plan);
                }
                catch (err) {
                    if (err instanceof Aborted)
                        return;
                    fail(err instanceof StackStartError
                        ? err
                        : new StackStartError(stack, [plan.spec.name], `stack ${project}: service "${plan.spec.name}": ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}`, { cause: err }));
                }
            }));
        }
        finally {
            clearTimeout(deadline);
        }
        if (failure)
            throw failure;
        const waiting = [...plans.values()].filter((p) => !p.ready.done);
        if (waiting.length > 0) {
            const details = await Promise.all(waiting.map(async (p) => {
                const last = p.started.done ? await lastLogLine(engine, p.record.container) : '';
                return `${p.spec.name} (${p.status}${last === '' ? '' : `; last log line: ${JSON.stringify(last)}`})`;
            }));
            throw new StackStartError(stack, waiting.map((p) => p.spec.name), `stack ${project}: not ready within ${formatMs(timeoutMs)}: ${details.join('; ')}`);
        }
        for (const plan of plans.values())
            stack.timings[plan.spec.name] = plan.timing;
        log(`stack ${project}: all ${plans.size} services ready after ${formatMs(Date.now() - startedAt)}`);
        return stack;
    }
    /** Inspects every service image once, pulling the ones not present locally. */
    static async resolveImages(engine, spec, log) {
        const refs = [...new Set(spec.services.map((s) => s.image))];
        const infos = await Promise.all(refs.map(async (ref) => {
            try {
                return [ref, await engine.inspectImage(ref)];
            }
            catch {
                log(`pulling ${ref}`);
                await engine.pull(ref, { insecure: isLoopbackRegistry(ref) });
                return [ref, await engine.inspectImage(ref)];
            }
        }));
        return new Map(infos);
    }
    /**
     * Finds a stack started earlier (possibly by another process) by its labels.
     * @throws Error when no container, network or volume carries the project's label
     */
    static async attach(project, engine, opts = {}) {
        const label = `${STACK_LABEL}=${project}`;
        const services = await Stack.findServices(project, engine);
        const volumes = await engine.volumeList({ label });
        // A stack that failed before its first container still has a network (and volumes) to clean up.
        if (services.length === 0 && volumes.length === 0 && (await engine.networkList({ label })).length === 0) {
            throw new Error(`no stack "${project}": no container, network or volume has the label ${label}`);
        }
        return new Stack(project, engine, services, volumes, opts.exec ?? (engine instanceof _engine_cli_engine_js__WEBPACK_IMPORTED_MODULE_4__/* .CliEngine */ .Bp ? engine.exec : _exec_js__WEBPACK_IMPORTED_MODULE_6__/* .defaultExec */ .hp));
    }
    static async findServices(project, engine) {
        const containers = await engine.containerList({ label: `${STACK_LABEL}=${project}`, all: true });
        const records = [];
        for (const c of containers) {
            let info;
            try {
                info = await engine.inspectContainer(c.id);
            }
            catch (err) {
                if (isGone(err))
                    continue;
                throw err;
            }
            const service = info.labels[SERVICE_LABEL];
            if (service === undefined || info.labels[ROLE_LABEL] === 'probe')
                continue;
            const record = {
                name: service,
                container: info.name,
                image: info.labels[IMAGE_LABEL] ?? info.imageRef,
                order: Number(info.labels[ORDER_LABEL] ?? records.length),
            };
            const port = Number(info.labels[PORT_LABEL]);
            if (Number.isInteger(port) && port > 0)
                record.port = port;
            records.push(record);
        }
        return records.sort((a, b) => a.order - b.order);
    }
    /** Current state of every service (start order). */
    async inspect() {
        return Promise.all(this.ordered().map(async (s) => this.statusOf(s, await this.engine.inspectContainer(s.container))));
    }
    ordered() {
        return [...this.services].sort((a, b) => a.order - b.order);
    }
    statusOf(s, info) {
        const net = info.networks.find((n) => n.name === this.network);
        const aliases = [s.name, ...(net?.aliases ?? []).filter((a) => a !== s.name && !info.id.startsWith(a))];
        const status = {
            service: s.name,
            container: s.container,
            containerId: info.id,
            image: s.image,
            imageId: info.image,
            status: info.state.status,
            running: info.state.running,
            exitCode: info.state.exitCode,
            aliases,
            urls: {},
        };
        if (info.imageDigest !== undefined)
            status.imageDigest = info.imageDigest;
        if (info.state.health !== undefined)
            status.health = info.state.health;
        if (net?.ipAddress !== undefined)
            status.ipAddress = net.ipAddress;
        if (s.port !== undefined) {
            status.urls.internal = `http://${s.name}:${s.port}`;
            const published = info.ports.find((p) => p.containerPort === s.port && p.protocol === 'tcp') ?? info.ports[0];
            if (published !== undefined)
                status.urls.published = publishedUrl(published.hostIp, published.hostPort);
        }
        return status;
    }
    /**
     * Checks that every service container runs exactly the image its digest names: the container's
     * image id must be the local image that the digest reference resolves to, that image must list
     * the digest among its repo digests, and the engine's digest for the container (when it knows
     * one) must be that digest.
     * @throws DigestMismatchError listing every service that runs something else
     */
    async verifyDigests() {
        const problems = [];
        for (const s of this.ordered()) {
            const expected = (0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .parseReference */ .F2)(s.image).digest;
            try {
                const info = await this.engine.inspectContainer(s.container);
                const image = await this.engine.inspectImage(s.image);
                if (expected === undefined)
                    problems.push(`${s.name}: its stack image ${s.image} has no digest`);
                else if (info.image !== image.id) {
                    problems.push(`${s.name}: container ${s.container} runs image ${info.image}, but ${s.image} is ${image.id}`);
                }
                else if (!image.digests.some((d) => d.endsWith(`@${expected}`))) {
                    problems.push(`${s.name}: image ${image.id} does not carry digest ${expected} (it has ${image.digests.join(', ') || 'none'})`);
                }
                else if (info.imageDigest !== undefined && info.imageDigest !== expected) {
                    problems.push(`${s.name}: the engine reports digest ${info.imageDigest}, expected ${expected}`);
                }
            }
            catch (err) {
                problems.push(`${s.name}: cannot check (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)})`);
            }
        }
        if (problems.length > 0) {
            throw new DigestMismatchError(`stack ${this.project}: containers do not run the given digests:\n${problems.join('\n')}`);
        }
    }
    /**
     * Writes a diagnostics bundle into `dir`: per container `<name>.stdout.log`, `<name>.stderr.log`
     * and `<name>.inspect.json` (the engine's raw inspect), plus `network.json` (aliases and IPs of
     * every container on the stack network) and `services.json` (`inspect()` and timings).
     * Values of env variables named like *PASSWORD*, *TOKEN*, *SECRET*, *KEY* and every string in
     * `redact` are replaced by `***` in every file (logs included).
     * Never throws for one container: a failure is written into the bundle as `errors.txt`.
     * @returns the files written
     */
    async collectBundle(dir, opts = {}) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
        const written = [];
        const errors = [];
        const secretEnv = [];
        const write = async (file, text, secrets) => {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, file);
            // `NAME=value` everywhere (Env, podman's CreateCommand), then the bare values, unless so short
            // that replacing them would garble every file (a 1-character "secret" protects nothing anyway).
            let out = text;
            for (const { name, value } of secretEnv)
                out = out.split(`${name}=${value}`).join(`${name}=***`);
            out = (0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .redact */ .E$)(out, [
                ...secrets,
                ...secretEnv.map((e) => e.value).filter((v) => v.length >= MIN_REDACTED_LENGTH),
            ]);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(path, out);
            written.push(path);
        };
        const containers = await this.engine.containerList({
            label: `${STACK_LABEL}=${this.project}`,
            all: true,
        });
        const raws = [];
        const secrets = [...(opts.redact ?? [])];
        for (const c of containers) {
            try {
                const r = await this.exec.exec(this.engine.bin, ['container', 'inspect', c.id], { silent: true });
                raws.push({ name: c.name, raw: r.stdout });
                secretEnv.push(...secretEnvEntries(r.stdout));
            }
            catch (err) {
                errors.push(`inspect ${c.name}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}`);
            }
        }
        for (const { name, raw } of raws) {
            await write(`${name}.inspect.json`, raw, secrets);
            try {
                const logs = await this.engine.logs(name);
                await write(`${name}.stdout.log`, logs.stdout, secrets);
                await write(`${name}.stderr.log`, logs.stderr, secrets);
            }
            catch (err) {
                errors.push(`logs ${name}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}`);
            }
        }
        const networkMap = [];
        const statuses = [];
        for (const c of containers) {
            try {
                const info = await this.engine.inspectContainer(c.id);
                const net = info.networks.find((n) => n.name === this.network);
                const entry = { container: info.name, aliases: net?.aliases ?? [] };
                if (info.labels[SERVICE_LABEL] !== undefined)
                    entry.service = info.labels[SERVICE_LABEL];
                if (net?.ipAddress !== undefined)
                    entry.ipAddress = net.ipAddress;
                networkMap.push(entry);
                const record = this.services.find((s) => s.container === info.name);
                if (record)
                    statuses.push(this.statusOf(record, info));
            }
            catch (err) {
                errors.push(`network map ${c.name}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}`);
            }
        }
        await write('network.json', JSON.stringify({ network: this.network, containers: networkMap }, null, 2), secrets);
        await write('services.json', JSON.stringify({ project: this.project, services: statuses, timings: this.timings }, null, 2), secrets);
        if (errors.length > 0)
            await write('errors.txt', errors.join('\n') + '\n', secrets);
        return written;
    }
    /**
     * Removes the stack: every container with its label (stopped in reverse start order, then
     * removed), the network, anonymous volumes (`volumes: 'anonymous'`, the default) and also the
     * named volumes (`'all'`); `'none'` keeps every volume. Idempotent: what is already gone is fine.
     * Tries everything before failing.
     * @param opts.stopTimeoutS grace period per container before it is killed (default 10; 0 kills at once)
     * @throws CleanupError listing everything that could not be removed
     */
    async down(opts = {}) {
        const mode = opts.volumes ?? 'anonymous';
        const stopTimeoutS = opts.stopTimeoutS ?? 10;
        const label = `${STACK_LABEL}=${this.project}`;
        const errors = [];
        const attempt = async (what, fn) => {
            try {
                await fn();
            }
            catch (err) {
                if (!isGone(err))
                    errors.push(`${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}`);
            }
        };
        let containers = [];
        await attempt('listing containers', async () => {
            containers = await this.engine.containerList({ label, all: true });
        });
        const orderOf = (name) => this.services.find((s) => s.container === name)?.order ?? -1;
        containers.sort((a, b) => orderOf(b.name) - orderOf(a.name));
        for (const c of containers) {
            if (stopTimeoutS > 0)
                await attempt(`stopping ${c.name}`, () => this.engine.stop(c.id, stopTimeoutS));
            await attempt(`removing ${c.name}`, () => this.engine.remove(c.id, { force: true, volumes: mode !== 'none' }));
        }
        let networks = [];
        await attempt('listing networks', async () => {
            networks = await this.engine.networkList({ label });
        });
        for (const network of new Set([...networks, this.network])) {
            await attempt(`removing network ${network}`, () => this.engine.networkRemove(network));
        }
        if (mode === 'all') {
            let volumes = [];
            await attempt('listing volumes', async () => {
                volumes = await this.engine.volumeList({ label });
            });
            for (const volume of new Set([...volumes, ...this.volumes])) {
                await attempt(`removing volume ${volume}`, () => this.engine.volumeRemove(volume, { force: true }));
            }
        }
        if (errors.length > 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CleanupError */ .pJ(`stack ${this.project}: cleanup left resources behind:\n${errors.join('\n')}`);
        }
    }
}
async function lastLogLine(engine, container) {
    try {
        const logs = await engine.logs(container);
        return (0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .tailLines */ .os)(`${logs.stdout}\n${logs.stderr}`.trim(), 1);
    }
    catch {
        return '';
    }
}
function firstTcpPort(exposed) {
    for (const entry of exposed) {
        const [port, proto = 'tcp'] = entry.split('/');
        const n = Number(port);
        if (proto === 'tcp' && Number.isInteger(n) && n > 0)
            return n;
    }
    return undefined;
}
function publishedUrl(hostIp, hostPort) {
    const host = hostIp === '' || hostIp === '0.0.0.0' ? '127.0.0.1' : hostIp === '::' ? '::1' : hostIp;
    return `http://${host.includes(':') ? `[${host}]` : host}:${hostPort}`;
}
/** Env entries with secret-looking names (and a value) in raw inspect JSON (`Config.Env`). */
function secretEnvEntries(inspectJson) {
    let parsed;
    try {
        parsed = JSON.parse(inspectJson);
    }
    catch {
        return [];
    }
    const entries = [];
    for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
        const env = item?.Config?.Env;
        if (!Array.isArray(env))
            continue;
        for (const entry of env) {
            if (typeof entry !== 'string')
                continue;
            const eq = entry.indexOf('=');
            const name = entry.slice(0, eq);
            if (eq > 0 && SECRET_ENV_NAME.test(name) && entry.length > eq + 1)
                entries.push({ name, value: entry.slice(eq + 1) });
        }
    }
    return entries;
}
function conditionText(dep) {
    return dep.condition === 'service_healthy'
        ? `${dep.service} to be healthy`
        : dep.condition === 'service_completed_successfully'
            ? `${dep.service} to complete`
            : `${dep.service} to start`;
}
async function runService(ctx, plan) {
    const { engine, signal } = ctx;
    const service = plan.spec;
    for (const dep of service.dependsOn) {
        const target = ctx.plans.get(dep.service);
        plan.status = `waiting for ${conditionText(dep)}`;
        await untilAborted(dep.condition === 'service_started' ? target.started.promise : target.ready.promise, signal);
    }
    plan.status = 'starting';
    const run = {
        image: service.image,
        name: plan.record.container,
        network: ctx.network,
        aliases: [service.name, ...service.aliases],
        env: service.environment,
        labels: {
            ...ctx.labels,
            [SERVICE_LABEL]: service.name,
            [IMAGE_LABEL]: service.image,
            [ORDER_LABEL]: String(plan.record.order),
            [ROLE_LABEL]: 'service',
            ...(plan.record.port !== undefined ? { [PORT_LABEL]: String(plan.record.port) } : {}),
        },
        ports: service.ports.map((p) => ({
            host: p.host,
            containerPort: p.containerPort,
            ...(p.hostPort !== undefined ? { hostPort: p.hostPort } : {}),
        })),
        volumes: service.volumes.map((v) => ({
            source: volumeName(ctx.prefix, v.volume),
            target: v.target,
            readonly: v.readonly,
        })),
    };
    if (service.command !== undefined)
        run.command = service.command;
    if (service.healthcheck !== undefined)
        run.healthcheck = toEngineHealthcheck(service.healthcheck);
    else if (service.healthcheckDisabled)
        run.healthcheck = { test: ['NONE'] };
    if (signal.aborted)
        throw new Aborted();
    await engine.run(run);
    plan.timing.startedAt = Date.now();
    plan.started.resolve();
    ctx.log(`stack ${ctx.stack.project}: started ${service.name} (${service.image}); readiness: ${plan.mode}`);
    await waitReady(ctx, plan);
    plan.timing.readyAt = Date.now();
    plan.status = 'ready';
    plan.ready.resolve();
}
function toEngineHealthcheck(hc) {
    return {
        test: hc.test,
        intervalMs: hc.intervalMs,
        timeoutMs: hc.timeoutMs,
        retries: hc.retries,
        startPeriodMs: hc.startPeriodMs,
    };
}
/** States of a container that has not run yet (podman's `configured`/`initialized` come before `running`). */
const NOT_YET_RUN = new Set(['created', 'configured', 'initialized']);
/** Whether the container ran and has stopped (podman says `stopped` until its cleanup ran, then `exited`). */
function hasExited(info) {
    return !info.state.running && !NOT_YET_RUN.has(info.state.status);
}
/** Fails when the container is no longer running (unless it is a one-shot that exited 0). */
async function checkAlive(ctx, plan) {
    const info = await ctx.engine.inspectContainer(plan.record.container);
    if (!hasExited(info))
        return info;
    if (plan.mode === 'completed' && info.state.exitCode === 0)
        return info;
    let tail;
    try {
        const logs = await ctx.engine.logs(plan.record.container);
        tail = (0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .tailLines */ .os)(`${logs.stdout}\n${logs.stderr}`.trim(), LOG_TAIL_LINES);
    }
    catch (err) {
        tail = `(logs unavailable: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)})`;
    }
    const what = plan.mode === 'completed' ? 'one-shot service' : 'service';
    throw new StackStartError(ctx.stack, [plan.spec.name], `stack ${ctx.stack.project}: ${what} "${plan.spec.name}" exited with code ${info.state.exitCode} during start (container ${plan.record.container}, status ${info.state.status})${tail === '' ? ' and logged nothing' : `; last log lines:\n${tail}`}`);
}
async function waitReady(ctx, plan) {
    const { engine, signal, pollMs } = ctx;
    const container = plan.record.container;
    switch (plan.mode) {
        case 'running':
            plan.status = 'checking it runs';
            await checkAlive(ctx, plan);
            return;
        case 'completed':
            for (;;) {
                plan.status = 'running (one-shot, waiting for exit 0)';
                const info = await checkAlive(ctx, plan);
                if (hasExited(info))
                    return;
                await sleep(pollMs, signal);
            }
        case 'health':
            for (;;) {
                // The check itself takes ~100 ms (an exec into the container): count it against the poll interval.
                const pollStart = Date.now();
                try {
                    await engine.runHealthcheck(container);
                }
                catch {
                    // The container may have stopped between polls: the inspect below says how.
                }
                const info = await checkAlive(ctx, plan);
                if (info.state.health === 'healthy')
                    return;
                plan.status = `health: ${info.state.health ?? 'unknown'}`;
                await sleep(Math.max(0, pollMs - (Date.now() - pollStart)), signal);
            }
        case 'published-port': {
            const first = await checkAlive(ctx, plan);
            const binding = first.ports.find((p) => p.containerPort === plan.spec.ports[0]?.containerPort) ?? first.ports[0];
            if (binding === undefined)
                throw new Error(`the engine reports no published port for ${container}`);
            const host = binding.hostIp === '' || binding.hostIp === '0.0.0.0' ? '127.0.0.1' : binding.hostIp;
            plan.status = `no answer on ${host}:${binding.hostPort}`;
            for (;;) {
                if (await probePort(host, binding.hostPort))
                    return;
                await checkAlive(ctx, plan);
                await sleep(pollMs, signal);
            }
        }
        case 'network-probe':
            return networkProbe(ctx, plan);
    }
}
/** Runs a probe container on the stack network that exits 0 once `<service>:<port>` accepts connections. */
async function networkProbe(ctx, plan) {
    const { engine, signal, pollMs } = ctx;
    const port = plan.record.port;
    const probe = `${plan.record.container}-probe`;
    plan.status = `port ${port} not reachable on the stack network`;
    const run = engine.runToCompletion({
        image: ctx.probeImage,
        name: probe,
        network: ctx.network,
        rm: true,
        entrypoint: '',
        labels: { ...ctx.labels, [ROLE_LABEL]: 'probe', [SERVICE_LABEL]: plan.spec.name },
        command: ['bash', '-c', NETWORK_PROBE_SCRIPT, 'probe', plan.spec.name, String(port)],
    });
    let finished = false;
    const result = run.finally(() => {
        finished = true;
    });
    try {
        while (!finished) {
            await checkAlive(ctx, plan);
            await Promise.race([sleep(pollMs, signal), result]);
        }
        const r = await result;
        if (r.exitCode !== 0) {
            throw new Error(`the probe container (${ctx.probeImage}) exited with ${r.exitCode}: ${(0,_exec_js__WEBPACK_IMPORTED_MODULE_6__/* .tailLines */ .os)(r.stderr, 5)}`);
        }
    }
    finally {
        if (!finished) {
            await engine.remove(probe, { force: true }).catch(() => undefined);
            await result.catch(() => undefined);
        }
    }
}


/***/ }),

/***/ 74412:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   Gu: () => (/* binding */ getState),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   n0: () => (/* binding */ setOutputs),
/* harmony export */   pq: () => (/* binding */ info)
/* harmony export */ });
/* unused harmony export warn */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(31884);
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
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(name, value);
}
/** A value main saved with {@link saveState} (`''` when none). */
function getState(name) {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(name);
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
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message);
}
/** A warning annotation (e.g. cleanup that failed but need not fail the step). */
function warn(message) {
    core.warning(message);
}


/***/ }),

/***/ 56968:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Sy: () => (/* binding */ writeSummary)
/* harmony export */ });
/* unused harmony export SummaryBuilder */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(31884);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(637);
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
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`could not build the job summary: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
        return;
    }
    if (builder.isEmpty())
        return;
    if (options.log !== false) {
        for (const line of builder.toText().split('\n'))
            _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(line);
    }
    const file = process.env.GITHUB_STEP_SUMMARY || process.env.FORGEJO_STEP_SUMMARY;
    if (!file) {
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .debug */ .Yz('no GITHUB_STEP_SUMMARY: the summary went to the log only');
        return;
    }
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(file, builder.toMarkdown(), 'utf8');
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`could not write the job summary to ${file}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
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
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`-- ${title} --`);
        return fn();
    }
    groupDepth++;
    try {
        return await _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os(title, fn);
    }
    finally {
        groupDepth--;
    }
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 31191:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var Scalar = __nccwpck_require__(21091);
var YAMLMap = __nccwpck_require__(50372);
var YAMLSeq = __nccwpck_require__(57241);
var resolveBlockMap = __nccwpck_require__(57969);
var resolveBlockSeq = __nccwpck_require__(15612);
var resolveFlowCollection = __nccwpck_require__(58384);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 87277:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(77031);
var composeNode = __nccwpck_require__(15015);
var resolveEnd = __nccwpck_require__(20698);
var resolveProps = __nccwpck_require__(49781);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 15015:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(55067);
var identity = __nccwpck_require__(42485);
var composeCollection = __nccwpck_require__(31191);
var composeScalar = __nccwpck_require__(37367);
var resolveEnd = __nccwpck_require__(20698);
var utilEmptyScalarPosition = __nccwpck_require__(71201);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 37367:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var Scalar = __nccwpck_require__(21091);
var resolveBlockScalar = __nccwpck_require__(72267);
var resolveFlowScalar = __nccwpck_require__(48588);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 48498:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(32300);
var Document = __nccwpck_require__(77031);
var errors = __nccwpck_require__(68078);
var identity = __nccwpck_require__(42485);
var composeDoc = __nccwpck_require__(87277);
var resolveEnd = __nccwpck_require__(20698);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 57969:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(61923);
var YAMLMap = __nccwpck_require__(50372);
var resolveProps = __nccwpck_require__(49781);
var utilContainsNewline = __nccwpck_require__(75709);
var utilFlowIndentCheck = __nccwpck_require__(63849);
var utilMapIncludes = __nccwpck_require__(88929);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 72267:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(21091);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 15612:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(57241);
var resolveProps = __nccwpck_require__(49781);
var utilFlowIndentCheck = __nccwpck_require__(63849);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 20698:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 58384:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var Pair = __nccwpck_require__(61923);
var YAMLMap = __nccwpck_require__(50372);
var YAMLSeq = __nccwpck_require__(57241);
var resolveEnd = __nccwpck_require__(20698);
var resolveProps = __nccwpck_require__(49781);
var utilContainsNewline = __nccwpck_require__(75709);
var utilMapIncludes = __nccwpck_require__(88929);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 48588:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(21091);
var resolveEnd = __nccwpck_require__(20698);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 49781:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 75709:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 71201:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 63849:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(75709);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 88929:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 77031:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(55067);
var Collection = __nccwpck_require__(21763);
var identity = __nccwpck_require__(42485);
var Pair = __nccwpck_require__(61923);
var toJS = __nccwpck_require__(38161);
var Schema = __nccwpck_require__(92018);
var stringifyDocument = __nccwpck_require__(23611);
var anchors = __nccwpck_require__(55026);
var applyReviver = __nccwpck_require__(23131);
var createNode = __nccwpck_require__(22962);
var directives = __nccwpck_require__(32300);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 55026:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var visit = __nccwpck_require__(64882);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 23131:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 22962:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(55067);
var identity = __nccwpck_require__(42485);
var Scalar = __nccwpck_require__(21091);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 32300:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var visit = __nccwpck_require__(64882);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 68078:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 88009:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(48498);
var Document = __nccwpck_require__(77031);
var Schema = __nccwpck_require__(92018);
var errors = __nccwpck_require__(68078);
var Alias = __nccwpck_require__(55067);
var identity = __nccwpck_require__(42485);
var Pair = __nccwpck_require__(61923);
var Scalar = __nccwpck_require__(21091);
var YAMLMap = __nccwpck_require__(50372);
var YAMLSeq = __nccwpck_require__(57241);
var cst = __nccwpck_require__(65599);
var lexer = __nccwpck_require__(71479);
var lineCounter = __nccwpck_require__(87486);
var parser = __nccwpck_require__(60978);
var publicApi = __nccwpck_require__(2929);
var visit = __nccwpck_require__(64882);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 62767:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 55067:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(55026);
var visit = __nccwpck_require__(64882);
var identity = __nccwpck_require__(42485);
var Node = __nccwpck_require__(22427);
var toJS = __nccwpck_require__(38161);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 21763:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(22962);
var identity = __nccwpck_require__(42485);
var Node = __nccwpck_require__(22427);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 22427:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(23131);
var identity = __nccwpck_require__(42485);
var toJS = __nccwpck_require__(38161);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 61923:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(22962);
var stringifyPair = __nccwpck_require__(86930);
var addPairToJSMap = __nccwpck_require__(68274);
var identity = __nccwpck_require__(42485);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 21091:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var Node = __nccwpck_require__(22427);
var toJS = __nccwpck_require__(38161);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 50372:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(56090);
var addPairToJSMap = __nccwpck_require__(68274);
var Collection = __nccwpck_require__(21763);
var identity = __nccwpck_require__(42485);
var Pair = __nccwpck_require__(61923);
var Scalar = __nccwpck_require__(21091);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 57241:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(22962);
var stringifyCollection = __nccwpck_require__(56090);
var Collection = __nccwpck_require__(21763);
var identity = __nccwpck_require__(42485);
var Scalar = __nccwpck_require__(21091);
var toJS = __nccwpck_require__(38161);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 68274:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(62767);
var merge = __nccwpck_require__(58438);
var stringify = __nccwpck_require__(12862);
var identity = __nccwpck_require__(42485);
var toJS = __nccwpck_require__(38161);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 42485:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 38161:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 34056:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(72267);
var resolveFlowScalar = __nccwpck_require__(48588);
var errors = __nccwpck_require__(68078);
var stringifyString = __nccwpck_require__(67751);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 65715:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 80245:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 65599:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(34056);
var cstStringify = __nccwpck_require__(65715);
var cstVisit = __nccwpck_require__(80245);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 71479:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(65599);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 87486:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 60978:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(65599);
var lexer = __nccwpck_require__(71479);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 2929:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(48498);
var Document = __nccwpck_require__(77031);
var errors = __nccwpck_require__(68078);
var log = __nccwpck_require__(62767);
var identity = __nccwpck_require__(42485);
var lineCounter = __nccwpck_require__(87486);
var parser = __nccwpck_require__(60978);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 92018:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var map = __nccwpck_require__(78681);
var seq = __nccwpck_require__(47220);
var string = __nccwpck_require__(78130);
var tags = __nccwpck_require__(84772);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 78681:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var YAMLMap = __nccwpck_require__(50372);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 52918:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(21091);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 47220:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var YAMLSeq = __nccwpck_require__(57241);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 78130:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(67751);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 49193:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(21091);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 26223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(21091);
var stringifyNumber = __nccwpck_require__(79927);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 86304:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(79927);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 5494:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(78681);
var _null = __nccwpck_require__(52918);
var seq = __nccwpck_require__(47220);
var string = __nccwpck_require__(78130);
var bool = __nccwpck_require__(49193);
var float = __nccwpck_require__(26223);
var int = __nccwpck_require__(86304);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 17409:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(21091);
var map = __nccwpck_require__(78681);
var seq = __nccwpck_require__(47220);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 84772:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(78681);
var _null = __nccwpck_require__(52918);
var seq = __nccwpck_require__(47220);
var string = __nccwpck_require__(78130);
var bool = __nccwpck_require__(49193);
var float = __nccwpck_require__(26223);
var int = __nccwpck_require__(86304);
var schema = __nccwpck_require__(5494);
var schema$1 = __nccwpck_require__(17409);
var binary = __nccwpck_require__(95557);
var merge = __nccwpck_require__(58438);
var omap = __nccwpck_require__(90889);
var pairs = __nccwpck_require__(48539);
var schema$2 = __nccwpck_require__(57719);
var set = __nccwpck_require__(34038);
var timestamp = __nccwpck_require__(59382);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 95557:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(20181);
var Scalar = __nccwpck_require__(21091);
var stringifyString = __nccwpck_require__(67751);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 90832:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(21091);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 91232:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(21091);
var stringifyNumber = __nccwpck_require__(79927);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 55631:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(79927);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 58438:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var Scalar = __nccwpck_require__(21091);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 90889:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var toJS = __nccwpck_require__(38161);
var YAMLMap = __nccwpck_require__(50372);
var YAMLSeq = __nccwpck_require__(57241);
var pairs = __nccwpck_require__(48539);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 48539:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var Pair = __nccwpck_require__(61923);
var Scalar = __nccwpck_require__(21091);
var YAMLSeq = __nccwpck_require__(57241);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 57719:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(78681);
var _null = __nccwpck_require__(52918);
var seq = __nccwpck_require__(47220);
var string = __nccwpck_require__(78130);
var binary = __nccwpck_require__(95557);
var bool = __nccwpck_require__(90832);
var float = __nccwpck_require__(91232);
var int = __nccwpck_require__(55631);
var merge = __nccwpck_require__(58438);
var omap = __nccwpck_require__(90889);
var pairs = __nccwpck_require__(48539);
var set = __nccwpck_require__(34038);
var timestamp = __nccwpck_require__(59382);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 34038:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var Pair = __nccwpck_require__(61923);
var YAMLMap = __nccwpck_require__(50372);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 59382:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(79927);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 86309:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 12862:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(55026);
var identity = __nccwpck_require__(42485);
var stringifyComment = __nccwpck_require__(85977);
var stringifyString = __nccwpck_require__(67751);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 56090:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var stringify = __nccwpck_require__(12862);
var stringifyComment = __nccwpck_require__(85977);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 85977:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 23611:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var stringify = __nccwpck_require__(12862);
var stringifyComment = __nccwpck_require__(85977);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 79927:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 86930:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);
var Scalar = __nccwpck_require__(21091);
var stringify = __nccwpck_require__(12862);
var stringifyComment = __nccwpck_require__(85977);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 67751:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(21091);
var foldFlowLines = __nccwpck_require__(86309);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 64882:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(42485);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ }),

/***/ 31884:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  Gu: () => (/* binding */ getState),
  Os: () => (/* binding */ group),
  pq: () => (/* binding */ info),
  LZ: () => (/* binding */ saveState),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ setSecret),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, endGroup, exportVariable, getBooleanInput, getIDToken, getMultilineInput, isDebug, markdownSummary, notice, platform, setCommandEcho, startGroup, summary, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(70857);
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
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __nccwpck_require__(76982);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(79896);
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
    const delimiter = `ghadelimiter_${external_crypto_.randomUUID()}`;
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
var external_path_ = __nccwpck_require__(16928);
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
var lib_exec = __nccwpck_require__(48418);
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
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
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
        const { OidcClient } = yield Promise.all(/* import() */[__nccwpck_require__.e(723), __nccwpck_require__.e(323)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1323));
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

/***/ 48418:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  H: () => (/* binding */ getExecOutput)
});

// UNUSED EXPORTS: exec

// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(13193);
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(70857);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(24434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(16928);
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(42613);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(79896);
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
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
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
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
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
/******/ var __webpack_exports__ = __nccwpck_require__(72754);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
