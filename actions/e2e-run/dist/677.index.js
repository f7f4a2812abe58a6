export const id = 677;
export const ids = [677];
export const modules = {

/***/ 83677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadStackFile: () => (/* binding */ loadStackFile)
});

// UNUSED EXPORTS: INTEGRATION_PROJECT_PREFIX, laneFailureMessage, runIntegrationTest, summarizeLane, teardownIntegrationTest

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(637);
// EXTERNAL MODULE: ./packages/core/src/stack/spec.ts + 9 modules
var spec = __webpack_require__(52281);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var log = __webpack_require__(73438);
// EXTERNAL MODULE: ./packages/core/src/lanes/names.ts
var names = __webpack_require__(8468);
// EXTERNAL MODULE: ./packages/core/src/reference.ts
var reference = __webpack_require__(41397);
// EXTERNAL MODULE: ./packages/core/src/lanes/command-tester.ts
var command_tester = __webpack_require__(28845);
// EXTERNAL MODULE: ./packages/core/src/lanes/pipeline.ts
var pipeline = __webpack_require__(19008);
// EXTERNAL MODULE: ./packages/core/src/lanes/report.ts
var report = __webpack_require__(9720);
// EXTERNAL MODULE: ./packages/core/src/lanes/evidence.ts + 19 modules
var evidence = __webpack_require__(84974);
// EXTERNAL MODULE: ./packages/core/src/lanes/teardown.ts
var teardown = __webpack_require__(74562);
;// CONCATENATED MODULE: ./packages/core/src/lanes/stack-lane.ts
/**
 * A stack lane with command tests (integration-test): the shared pipeline (pipeline.ts) with the
 * command tester (command-tester.ts), its report, bundle and evidence under one output directory.
 */











/**
 * Runs a stack lane with command tests from start to teardown (see `runLane`): `report.json`,
 * `bundle/` (when failed) and `evidence.dsse.json` under `outDir`, the bundle uploaded as
 * `<lane>-bundle-<project>`. Never throws for a failing stack or failing tests.
 */
async function stack_lane_runStackLane(opts) {
    const log = opts.log ?? silentLog;
    const started = Date.now();
    const tester = commandTester(opts.tests, {
        engine: opts.engine,
        log,
        ...(opts.exec !== undefined ? { exec: opts.exec } : {}),
    });
    return runLane({
        engine: opts.engine,
        stack: {
            start: opts.spec,
            readinessTimeoutMs: opts.readinessTimeoutMs,
            ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
        },
        images: opts.images,
        project: opts.project,
        report: newLaneReport({
            lane: opts.lane,
            project: opts.project,
            engine: opts.engine.kind,
            stack: opts.spec.source,
            images: opts.images,
            services: opts.spec.services.map((s) => ({ name: s.name, image: pinnedReference(s.image) })),
            started,
        }),
        started,
        keepOnFailure: opts.keepOnFailure,
        outDir: opts.outDir,
        reportPath: join(opts.outDir, 'report.json'),
        bundle: {
            dir: join(opts.outDir, 'bundle'),
            title: 'Collect the failure bundle',
            noun: 'failure bundle',
            testLog: 'tests.log',
            artifact: `${opts.lane}-bundle-${opts.project}`,
        },
        env: opts.env ?? process.env,
        log,
        ...(opts.signingKey !== undefined ? { signingKey: opts.signingKey } : {}),
        ...(opts.registryFor !== undefined ? { registryFor: opts.registryFor } : {}),
        ...(opts.upload !== undefined ? { upload: opts.upload } : {}),
    }, tester);
}

;// CONCATENATED MODULE: ./packages/core/src/lanes/integration.ts
/**
 * The integration lane: the images under test started as a stack on a fresh network, black-box
 * tests run against them over that network, evidence stored next to every digest. The work is the
 * shared lane pipeline with command tests (stack-lane.ts); this module adds what is specific to integration-test: reading
 * the stack file, the per-run project name and the post step's teardown.
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
        text = await (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, path), 'utf8');
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `input "${input}": cannot read the stack file ${path}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    try {
        return (0,spec/* parseStack */.GI)(text, path, images);
    }
    catch (err) {
        throw new errors/* InputError */.dz(input, `input "${input}": ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
    }
}
/** Runs the integration lane (see `runStackLane`) under a fresh `it-<run id>-<random>` project. */
async function runIntegrationTest(request, deps) {
    const env = deps.env ?? process.env;
    const project = laneProjectName(INTEGRATION_PROJECT_PREFIX, env.GITHUB_RUN_ID);
    deps.onProject?.(project);
    return runStackLane({
        lane: 'integration',
        engine: deps.engine,
        spec: request.spec,
        images: request.images,
        project,
        tests: {
            command: request.testCommand,
            workspace: request.workspace,
            ...(request.testImage ? { image: request.testImage } : {}),
        },
        readinessTimeoutMs: request.readinessTimeoutMs,
        keepOnFailure: request.keepOnFailure,
        outDir: join(request.tempDir, 'digestline-integration-test', project),
        env,
        ...(request.signingKey !== undefined ? { signingKey: request.signingKey } : {}),
        ...(deps.upload !== undefined ? { upload: deps.upload } : {}),
        ...(deps.registryFor !== undefined ? { registryFor: deps.registryFor } : {}),
        ...(deps.exec !== undefined ? { exec: deps.exec } : {}),
        ...(deps.pollMs !== undefined ? { pollMs: deps.pollMs } : {}),
        ...(deps.log !== undefined ? { log: deps.log } : {}),
    });
}
/**
 * The post step: removes what main left (it was cancelled, or crashed), unless main kept a failed
 * stack on purpose.
 * @returns what was done, for the log
 * @throws CleanupError when something could not be removed
 */
async function teardownIntegrationTest(engine, project, kept, log = silentLog) {
    if (project === '')
        return 'nothing to tear down: main started no stack';
    if (kept)
        return `stack ${project} kept running (keep-on-failure)`;
    return (await teardownLaneStack(engine, project, log))
        ? `stack ${project} removed`
        : `stack ${project}: nothing left to remove`;
}


/***/ })

};
