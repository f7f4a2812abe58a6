export const id = 14;
export const ids = [14];
export const modules = {

/***/ 47014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadStackFile: () => (/* binding */ loadStackFile),
/* harmony export */   wF: () => (/* binding */ summarizeLane)
/* harmony export */ });
/* unused harmony exports INTEGRATION_PROJECT_PREFIX, runIntegrationTest, teardownIntegrationTest, laneFailureMessage */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(637);
/* harmony import */ var _stack_spec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52281);
/* harmony import */ var _stack_lane_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17383);
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


/***/ })

};
