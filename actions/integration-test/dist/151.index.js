export const id = 151;
export const ids = [151];
export const modules = {

/***/ 151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GHES_CHECK_SERVER_URL: () => (/* binding */ GHES_CHECK_SERVER_URL),
/* harmony export */   artifactAvailability: () => (/* binding */ artifactAvailability),
/* harmony export */   callPastGhesCheck: () => (/* binding */ callPastGhesCheck),
/* harmony export */   looksLikeGhes: () => (/* binding */ looksLikeGhes),
/* harmony export */   uploadDirectory: () => (/* binding */ uploadDirectory)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(637);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74412);
/**
 * Artifact upload that works on Forgejo (and Gitea, and github.com), never failing the step.
 *
 * Built on `@actions/artifact` pinned at exactly 6.1.0: 6.2.x sends a `mime_type` field in
 * CreateArtifact that Forgejo's strict protojson decoder refuses (see docs/artifacts.md). The
 * library is loaded with a dynamic `import()` inside {@link uploadDirectory} only, so actions that
 * never upload do not pay for it at start-up (ncc emits it as a separate chunk).
 *
 * Uploads only: no listing or downloading, and nothing from other workflow runs.
 */




/**
 * Checks the environment the runner gives a step for the v4 artifact service, the way
 * `@actions/artifact` will read it: ACTIONS_RUNTIME_TOKEN (a JWT whose `scp` claim holds
 * `Actions.Results:<run>:<job>`) and ACTIONS_RESULTS_URL. Forgejo and GitHub runners set both;
 * a local run, `act` without an artifact server, or a server without the v4 service do not.
 *
 * @param env the environment to look at (default `process.env`)
 */
function artifactAvailability(env = process.env) {
    const token = env['ACTIONS_RUNTIME_TOKEN']?.trim() ?? '';
    if (token === '') {
        return {
            available: false,
            reason: 'ACTIONS_RUNTIME_TOKEN is not set, so there is no artifact service (not running in a job?)',
        };
    }
    const resultsUrl = env['ACTIONS_RESULTS_URL']?.trim() ?? '';
    if (resultsUrl === '') {
        return {
            available: false,
            reason: 'ACTIONS_RESULTS_URL is not set: the runner offers no v4 artifact service',
        };
    }
    let url;
    try {
        url = new URL(resultsUrl);
    }
    catch {
        return { available: false, reason: `ACTIONS_RESULTS_URL is not a URL: ${JSON.stringify(resultsUrl)}` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return {
            available: false,
            reason: `ACTIONS_RESULTS_URL is not an http(s) URL: ${JSON.stringify(resultsUrl)}`,
        };
    }
    // @actions/artifact takes the run and job ids from this claim; without it every upload fails with
    // "invalid JWT". Servers that only offer the older v3 artifact API hand out tokens without it.
    const scope = resultsScope(token);
    if (scope === undefined) {
        return {
            available: false,
            reason: 'ACTIONS_RUNTIME_TOKEN carries no "Actions.Results:<run>:<job>" scope: the server does not offer the ' +
                'v4 artifact service',
        };
    }
    return { available: true };
}
function resultsScope(token) {
    const payload = token.split('.')[1];
    if (payload === undefined)
        return undefined;
    let claims;
    try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
    const scp = typeof claims === 'object' && claims !== null ? claims.scp : undefined;
    if (typeof scp !== 'string')
        return undefined;
    return scp.split(' ').find((s) => s.startsWith('Actions.Results:') && s.split(':').length === 3);
}
/**
 * Mirror of `isGhes()` in @actions/artifact 6.1.0 (`lib/internal/shared/config.js`): any
 * GITHUB_SERVER_URL whose host is not `github.com`, `*.ghe.com` or `*.localhost` counts as GitHub
 * Enterprise Server, where v2+ of the library refuses to work. A Forgejo runner sets
 * GITHUB_SERVER_URL to the Forgejo instance, so on Forgejo this is always true.
 */
function looksLikeGhes(serverUrl) {
    const host = new URL(serverUrl || 'https://github.com').hostname.trimEnd().toUpperCase();
    return !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
}
/** What GITHUB_SERVER_URL reads as while {@link callPastGhesCheck} runs its call. */
const GHES_CHECK_SERVER_URL = 'https://github.com';
/**
 * Runs `call` with GITHUB_SERVER_URL reading `https://github.com`, and restores it before returning.
 *
 * @actions/artifact 6.1.0's `DefaultArtifactClient.uploadArtifact` evaluates `isGhes()` in the
 * synchronous part of the call, before its first `await`, and nothing else in the upload path
 * reads GITHUB_SERVER_URL. So `call` must start the upload and return its promise: the variable is
 * back to its own value before any other code can run, concurrent code never sees the substitute,
 * and the upload itself only ever talks to ACTIONS_RESULTS_URL and the signed URL the server
 * returns. If a future version moved the check past an `await`, the upload would fail with
 * GHESNotSupportedError, which {@link uploadDirectory} reports as such.
 *
 * @param call starts the library call synchronously and returns its result (typically a promise)
 * @param env the environment the library reads (default `process.env`)
 */
function callPastGhesCheck(call, env = process.env) {
    const had = Object.prototype.hasOwnProperty.call(env, 'GITHUB_SERVER_URL');
    const saved = env['GITHUB_SERVER_URL'];
    env['GITHUB_SERVER_URL'] = GHES_CHECK_SERVER_URL;
    try {
        return call();
    }
    finally {
        if (had && saved !== undefined)
            env['GITHUB_SERVER_URL'] = saved;
        else
            delete env['GITHUB_SERVER_URL'];
    }
}
/**
 * Uploads every regular file under `dir` (recursively, paths relative to `dir`) as the zip
 * artifact `name` of the current run. Never throws:
 * - no artifact service (see {@link artifactAvailability}) → `{uploaded: false, reason}`, logged as
 *   info;
 * - nothing to upload (empty directory) → `{uploaded: false, reason}`, logged as info;
 * - anything else that goes wrong (missing directory, invalid name or path, server error) →
 *   a warning and `{uploaded: false, reason}`. The caller decides whether that fails the step.
 *
 * Works on Forgejo despite @actions/artifact's GHES check (see {@link callPastGhesCheck}).
 *
 * @param name artifact name, unique within the run (no `" : < > | * ? \ /` or line breaks)
 * @param dir directory whose content becomes the zip's root
 */
async function uploadDirectory(name, dir, options = {}) {
    const log = options.log ?? _step_js__WEBPACK_IMPORTED_MODULE_3__/* .stepLog */ .tV;
    const availability = artifactAvailability();
    if (!availability.available) {
        log.info(`Artifact "${name}" was not uploaded: ${availability.reason}`);
        return { uploaded: false, reason: availability.reason };
    }
    try {
        const { retentionDays, compressionLevel } = options;
        if (retentionDays !== undefined && !(Number.isInteger(retentionDays) && retentionDays >= 1)) {
            throw new Error(`retentionDays must be a positive whole number of days, got ${String(retentionDays)}`);
        }
        if (compressionLevel !== undefined &&
            !(Number.isInteger(compressionLevel) && compressionLevel >= 0 && compressionLevel <= 9)) {
            throw new Error(`compressionLevel must be a whole number from 0 to 9, got ${String(compressionLevel)}`);
        }
        const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir);
        const files = await listFiles(root, dir);
        if (files.length === 0) {
            const reason = `${dir} holds no files`;
            log.info(`Artifact "${name}" was not uploaded: ${reason}`);
            return { uploaded: false, reason };
        }
        if (looksLikeGhes(process.env['GITHUB_SERVER_URL'])) {
            log.debug(`GITHUB_SERVER_URL=${process.env['GITHUB_SERVER_URL'] ?? ''} is not github.com: passing @actions/artifact's GHES check`);
        }
        const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 60).then(__webpack_require__.bind(__webpack_require__, 65060));
        const client = new DefaultArtifactClient();
        const response = await callPastGhesCheck(() => client.uploadArtifact(name, files, root, {
            ...(retentionDays === undefined ? {} : { retentionDays }),
            ...(compressionLevel === undefined ? {} : { compressionLevel }),
        }));
        const result = { uploaded: true, files: files.length };
        if (response.id !== undefined)
            result.id = response.id;
        if (response.size !== undefined)
            result.size = response.size;
        if (response.digest !== undefined)
            result.digest = `sha256:${response.digest}`;
        log.info(`Uploaded artifact "${name}": ${files.length} file(s) from ${dir}, ` +
            `${result.size ?? '?'} bytes zipped, id ${result.id ?? '?'}`);
        return result;
    }
    catch (err) {
        const reason = describeUploadError(err);
        log.warning(`Artifact "${name}" was not uploaded: ${reason}`);
        return { uploaded: false, reason };
    }
}
function describeUploadError(err) {
    if (err instanceof Error && err.name === 'GHESNotSupportedError') {
        return (`@actions/artifact refused the server as GitHub Enterprise Server (GITHUB_SERVER_URL=` +
            `${process.env['GITHUB_SERVER_URL'] ?? ''}) although digestline passes that check; the installed ` +
            `@actions/artifact no longer checks synchronously (digestline pins 6.1.0): ${err.message}`);
    }
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err);
}
/** Regular files under `root` (symlinks to regular files included), sorted, as absolute paths. */
async function listFiles(root, shownAs) {
    let entries;
    try {
        if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(root)).isDirectory())
            throw new Error(`${shownAs} is not a directory`);
        entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(root, { recursive: true, withFileTypes: true });
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            throw new Error(`directory ${shownAs} does not exist`, { cause: err });
        throw err;
    }
    const files = [];
    for (const entry of entries) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(entry.parentPath, entry.name);
        if (entry.isFile())
            files.push(path);
        // A symlink to a file is zipped with the target's content (as @actions/artifact does);
        // one to a directory or nowhere is skipped rather than failing the whole upload.
        else if (entry.isSymbolicLink() && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => undefined))?.isFile())
            files.push(path);
    }
    return files.sort();
}


/***/ })

};
